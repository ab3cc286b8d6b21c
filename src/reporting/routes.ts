/**
 * Reporting rounds, the agencies' reports, the board and notifications. Access is checked twice:
 * the route's action (role), then the record (a reporter acts for its own agencies only; another
 * agency's report answers 404, so its existence does not leak).
 */
import { z } from "zod";
import { id, idParams } from "../core/fields.js";
import { route } from "../http/route.js";
import { downloadName } from "../extraction/evidence-type.js";
import { boardOf, inboxOf } from "./board.js";
import { attachEvidence, checkEvidence, EVIDENCE_MAX_BYTES, readEvidence, removeEvidence } from "./evidence.js";
import { evidenceQuery, reviewInput, roundAgencyParams, roundInput, roundPatch, submissionSave, submitInput, versionInput } from "./inputs.js";
import { listNotifications, markRead } from "./notifications.js";
import { remindersOf } from "./reminders.js";
import { urgingLetterOfRound } from "./urging-letter.js";
import { createRound, listRounds, proposeRound, updateRound } from "./rounds.js";
import { getSubmissionForm, reviewSubmission, saveSubmission, submitSubmission, withdrawSubmission } from "./submissions.js";

const tag = "reporting";

export const reportingRoutes = [
  route({ method: "get", path: "/api/rounds", tag, access: "reporting.read", summary: "Every reporting round, open ones first",
    handler: async ({ ctx }) => ({ items: await listRounds(ctx.db) }) }),
  route({ method: "post", path: "/api/rounds/proposal", tag, access: "reporting.manage", summary: "The round these plans and period would make (defaults filled in, expected agencies); nothing is saved", body: roundInput,
    handler: ({ ctx, body }) => proposeRound(ctx.db, { coordinatorId: ctx.user!.agencyIds[0] ?? null, ...body }) }),
  route({ method: "post", path: "/api/rounds", tag, access: "reporting.manage", summary: "Open a reporting round", body: roundInput, status: 201,
    handler: ({ ctx, body }) => createRound(ctx.db, { coordinatorId: ctx.user!.agencyIds[0] ?? null, ...body }, ctx.user!.id) }),
  route({ method: "get", path: "/api/rounds/:id", tag, access: "reporting.read", summary: "A round with its board: each agency's report, on time or late, and the totals", params: idParams,
    handler: async ({ ctx, params }) => ({ ...(await boardOf(ctx.db, params.id)), reminders: await remindersOf(ctx.db, params.id) }) }),
  route({ method: "patch", path: "/api/rounds/:id", tag, access: "reporting.manage", summary: "Edit a round's title, dates, status or reminder schedule (send the version you read)", params: idParams, body: roundPatch,
    handler: ({ ctx, params, body }) => updateRound(ctx.db, params.id, body) }),

  route({ method: "get", path: "/api/rounds/:id/urging-letter", tag, access: "reporting.manage", summary: "The urging letter (công văn đôn đốc) to the agencies still owing their report, as .docx", params: idParams,
    handler: async ({ ctx, params }) => new Response(new Uint8Array(await urgingLetterOfRound(ctx.db, params.id)), { headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "content-disposition": `attachment; filename="cong-van-don-doc-dot-${params.id}.docx"`,
    } }) }),

  route({ method: "get", path: "/api/inbox", tag, access: "signed_in", summary: "What the user's agencies owe in open rounds, soonest due first",
    handler: async ({ ctx }) => ({ items: await inboxOf(ctx.db, ctx.user!) }) }),
  route({ method: "get", path: "/api/rounds/:id/reports/:agencyId", tag, access: "signed_in", summary: "An agency's report form: what it owes, what it wrote, its partners' contributions, history and files", params: roundAgencyParams,
    handler: ({ ctx, params }) => getSubmissionForm(ctx.db, ctx.user!, params.id, params.agencyId) }),
  route({ method: "put", path: "/api/rounds/:id/reports/:agencyId", tag, access: "reporting.submit", summary: "Save the draft (only the fields that changed; send the version you read, 0 for a new report)", params: roundAgencyParams, body: submissionSave,
    handler: ({ ctx, params, body }) => saveSubmission(ctx.db, ctx.user!, params.id, params.agencyId, body) }),
  route({ method: "post", path: "/api/rounds/:id/reports/:agencyId/submit", tag, access: "reporting.submit", summary: "Send the report for review (every gap is named)", params: roundAgencyParams, body: submitInput,
    handler: ({ ctx, params, body }) => submitSubmission(ctx.db, ctx.user!, params.id, params.agencyId, body.version) }),
  route({ method: "post", path: "/api/rounds/:id/reports/:agencyId/withdraw", tag, access: "reporting.submit", summary: "Take a sent report back before it is reviewed", params: roundAgencyParams, body: versionInput,
    handler: ({ ctx, params, body }) => withdrawSubmission(ctx.db, ctx.user!, params.id, params.agencyId, body.version) }),
  route({ method: "post", path: "/api/rounds/:id/reports/:agencyId/review", tag, access: "reporting.review", summary: "Accept a sent report (it locks) or return it with a comment", params: roundAgencyParams, body: reviewInput,
    handler: ({ ctx, params, body }) => reviewSubmission(ctx.db, ctx.user!, params.id, params.agencyId, body) }),
  route({ method: "post", path: "/api/rounds/:id/reports/:agencyId/evidence", tag, access: "reporting.submit", summary: "Attach an evidence file (PDF, Word, Excel, PNG or JPEG; at most 10 MB) as multipart field \"file\"", params: roundAgencyParams,
    query: evidenceQuery.extend({ version: z.coerce.number().int().min(0) }), upload: { maxBytes: EVIDENCE_MAX_BYTES, tooLarge: "evidence_too_large" }, status: 201,
    // The file is checked (inflated, for Office files) before the transaction opens.
    transaction: false,
    handler: async ({ ctx, params, query, upload }) => {
      const mediaType = await checkEvidence(upload!, ctx.lang);
      return ctx.write((tx) => attachEvidence(tx, ctx.user!, params.id, params.agencyId, { version: query.version, taskId: query.taskId ?? null, file: upload!, mediaType }));
    } }),
  route({ method: "delete", path: "/api/rounds/:id/reports/:agencyId/evidence/:evidenceId", tag, access: "reporting.submit", summary: "Remove an evidence file from a report being written", params: roundAgencyParams.extend({ evidenceId: id }),
    query: z.object({ version: z.coerce.number().int().min(0) }),
    handler: ({ ctx, params, query }) => removeEvidence(ctx.db, ctx.user!, params.id, params.agencyId, { version: query.version, evidenceId: params.evidenceId }) }),
  route({ method: "get", path: "/api/evidence/:id", tag, access: "signed_in", summary: "Download an evidence file (for those who may read its report)", params: idParams,
    handler: async ({ ctx, params }) => {
      const file = await readEvidence(ctx.db, ctx.user!, params.id);
      return new Response(Buffer.from(file.content), { headers: {
        "content-type": file.mediaType, "content-length": String(file.size), "x-content-type-options": "nosniff",
        "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(downloadName(file.fileName, file.mediaType))}`,
      } });
    } }),

  route({ method: "get", path: "/api/notifications", tag, access: "signed_in", summary: "The user's notifications, newest first, with the unread count",
    handler: ({ ctx }) => listNotifications(ctx.db, ctx.user!.id) }),
  route({ method: "post", path: "/api/notifications/read", tag, access: "signed_in", summary: "Mark notifications read (all when no ids are given)", body: z.object({ ids: z.array(id).max(500).optional() }),
    handler: ({ ctx, body }) => markRead(ctx.db, ctx.user!.id, body.ids) }),
];
