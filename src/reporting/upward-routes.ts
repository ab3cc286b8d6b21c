/**
 * Reports owed upward over HTTP. Those who run the reporting (the focal point, administrators) record and
 * edit them and their sends; leaders read them (reporting.read). Reporters see none: the report is the
 * province's to a higher body, compiled by the focal point from the departments' reports in rounds.
 */
import { idParams } from "../core/fields.js";
import { route } from "../http/route.js";
import { deleteQuery, dueQuery, listQuery, obligationInput, obligationPatch, sendInput, sendParams } from "./upward-inputs.js";
import { createObligation, deleteObligation, dueOccurrences, getObligation, listObligations, recordSend, undoSend, updateObligation } from "./upward-records.js";

const tag = "upward-reports";

export const upwardRoutes = [
  route({ method: "get", path: "/api/upward-reports", tag, access: "reporting.read", summary: "Reports owed to higher bodies, each with its next occurrence (state: overdue, due_soon, upcoming, done, all; within: days that count as due soon, 15 unless given; document: only those on it or down its chain)", query: listQuery,
    handler: async ({ ctx, query }) => ({ items: await listObligations(ctx.db, ctx.user!, query) }) }),
  route({ method: "get", path: "/api/upward-reports/due", tag, access: "reporting.read", summary: "Every occurrence of a report owed upward that is overdue or due within `within` days (15 unless given), soonest first, on `document` or down its chain when given: the focal point's inbox and the leaders' dashboard", query: dueQuery,
    handler: ({ ctx, query }) => dueOccurrences(ctx.db, ctx.user!, query) }),
  route({ method: "post", path: "/api/upward-reports", tag, access: "reporting.manage", summary: "Record a report owed to a higher body: who reports what to whom, when (once on dueOn, or every year/half/quarter/month on dueDay, dueMonthOffset months after the period's last month)", body: obligationInput, status: 201,
    handler: ({ ctx, body }) => createObligation(ctx.db, ctx.user!, body) }),
  route({ method: "get", path: "/api/upward-reports/:id", tag, access: "reporting.read", summary: "A report owed upward with every occurrence, its state and what was sent", params: idParams,
    handler: ({ ctx, params }) => getObligation(ctx.db, ctx.user!, params.id) }),
  route({ method: "patch", path: "/api/upward-reports/:id", tag, access: "reporting.manage", summary: "Edit a report owed upward (send the version you read); a change that would leave a recorded send without its period is refused", params: idParams, body: obligationPatch,
    handler: ({ ctx, params, body }) => updateObligation(ctx.db, ctx.user!, params.id, body) }),
  route({ method: "delete", path: "/api/upward-reports/:id", tag, access: "reporting.manage", summary: "Delete a report owed upward and its sends (send the version you read)", params: idParams, query: deleteQuery, status: 204,
    handler: ({ ctx, params, query }) => deleteObligation(ctx.db, params.id, query.version) }),
  route({ method: "post", path: "/api/upward-reports/:id/sends", tag, access: "reporting.manage", summary: "Record a period as sent: the day, the report's number, and the report when it is a published document here (its number and date are then the default)", params: idParams, body: sendInput, status: 201,
    handler: ({ ctx, params, body }) => recordSend(ctx.db, ctx.user!, params.id, body) }),
  route({ method: "delete", path: "/api/upward-reports/:id/sends/:period", tag, access: "reporting.manage", summary: "Undo a period's send", params: sendParams,
    handler: ({ ctx, params }) => undoSend(ctx.db, ctx.user!, params.id, params.period) }),
];
