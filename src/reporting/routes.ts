/**
 * Reporting rounds, the agencies' reports, the board and notifications. Access is checked twice:
 * the route's action (role), then the record (a reporter acts for its own agencies only; another
 * agency's report answers 404, so its existence does not leak).
 */
import { z } from "zod";
import { id, idParams } from "../core/fields.js";
import { keptJson, route } from "../http/route.js";
import { jsonBytes } from "../core/json.js";
import { downloadName } from "../extraction/evidence-type.js";
import { untilWrite } from "../audit/write-mark.js";
import { boardOf, inboxOf } from "./board.js";
import { attachEvidence, checkEvidence, EVIDENCE_MAX_BYTES, readEvidence, removeEvidence } from "./evidence.js";
import { acceptManyInput, actualRequestInput, evidenceQuery, extensionInput, remindInput, reporterInput, reviewInput, roundAgencyParams, roundInput, roundPatch, selfReviewInput, submissionSave, submitInput, versionInput } from "./inputs.js";
import { addReporter, cancelActualRequest, estimatesToReplace, extendForAgency, remindNow, removeReporter, requestActual, setSelfReview } from "./controls.js";
import { listNotifications, markRead } from "./notifications.js";
import { remindersOf } from "./reminders.js";
import { urgingLetterOfRound } from "./urging-letter.js";
import { createRound, listRounds, proposeRound, updateRound } from "./rounds.js";
import { acceptMany, getSubmissionForm, reviewSubmission, saveSubmission, submitSubmission, withdrawSubmission } from "./submissions.js";
import { getRound } from "./rounds.js";
import { openReport } from "./submissions.js";
import { openTemplate, reportTemplate, TEMPLATE_MAX_BYTES, uploadTemplate } from "./template.js";
import { templateQuery } from "./inputs.js";
import { megabytes } from "../text/numbers.js";
import { evidenceSummary, roundEvidenceZip, roundSubmissionsXlsx, roundTemplatesZip } from "./exports.js";
import { agencyReportDocx } from "./agency-report.js";

const tag = "reporting";
/** A file to download: its bytes, type and name (ASCII, so quoted as it is). */
const attachment = ({ bytes, fileName }: { bytes: Buffer; fileName: string }, type: string) => new Response(new Uint8Array(bytes), { headers: {
  "content-type": type, "content-length": String(bytes.length), "content-disposition": `attachment; filename="${fileName}"`,
} });
/** Whether the server sends e-mail (src/server.ts makes a mailer when THEODOI_SMTP_URL is set): a manual reminder's e-mail then waits for the scheduler's next pass. */
const emailConfigured = () => !!process.env.THEODOI_SMTP_URL;

export const reportingRoutes = [
  route({ method: "get", path: "/api/rounds", tag, access: "reporting.read", summary: "Every reporting round, open ones first",
    handler: async ({ ctx }) => ({ items: await listRounds(ctx.db) }) }),
  route({ method: "post", path: "/api/rounds/proposal", tag, access: "reporting.manage", summary: "The round these plans and period would make (defaults filled in, expected agencies); nothing is saved", body: roundInput,
    handler: ({ ctx, body }) => proposeRound(ctx.db, { coordinatorId: ctx.user!.agencyIds[0] ?? null, ...body }) }),
  route({ method: "post", path: "/api/rounds", tag, access: "reporting.manage", summary: "Open a reporting round", body: roundInput, status: 201,
    handler: ({ ctx, body }) => createRound(ctx.db, { coordinatorId: ctx.user!.agencyIds[0] ?? null, ...body }, ctx.user!.id) }),
  route({ method: "get", path: "/api/rounds/:id", tag, access: "reporting.read", summary: "A round with its board: each agency's report, on time or late, and the totals", params: idParams, heavy: true,
    // Kept until the next write, within the minute (lateness is counted to the moment): a focal point's team
    // watching one round on the due day cost one board, not one each (at national size 0.5-1 s of CPU). Kept as the
    // JSON sent, and waited on aside by those who come while it is computed.
    handler: async ({ ctx, params }) => {
      const json = await untilWrite(ctx.db, `round|${params.id}|${Math.floor(Date.now() / 60_000)}`, () => ctx.bounded(async (db) => {
        const board = await boardOf(db, params.id);
        return jsonBytes({ ...board, reminders: await remindersOf(db, params.id), estimates: await estimatesToReplace(db, board.round), evidence: await evidenceSummary(db, board.round) });
      }), { aside: ctx.aside });
      return keptJson(json);
    } }),
  route({ method: "patch", path: "/api/rounds/:id", tag, access: "reporting.manage", summary: "Edit a round's title, due date, window, reminder schedule, or close it (status closed: reporters write nothing, reminders stop) and reopen it; a closed round takes reopening only (send the version you read)", params: idParams, body: roundPatch,
    handler: ({ ctx, params, body }) => updateRound(ctx.db, params.id, body) }),
  route({ method: "put", path: "/api/rounds/:id/reporters/:agencyId/due", tag, access: "reporting.manage", summary: "Extend the due date for one agency (null: the round's again); its timeliness and reminders follow it", params: roundAgencyParams, body: extensionInput,
    handler: ({ ctx, params, body }) => extendForAgency(ctx.db, params.id, params.agencyId, body) }),
  route({ method: "post", path: "/api/rounds/:id/reporters", tag, access: "reporting.manage", summary: "Add an expected agency to an open round", params: idParams, body: reporterInput, status: 201,
    handler: ({ ctx, params, body }) => addReporter(ctx.db, params.id, body) }),
  route({ method: "delete", path: "/api/rounds/:id/reporters/:agencyId", tag, access: "reporting.manage", summary: "Take an expected agency off an open round (refused once it has sent its report)", params: roundAgencyParams,
    query: z.object({ version: z.coerce.number().int().positive() }),
    handler: ({ ctx, params, query }) => removeReporter(ctx.db, params.id, params.agencyId, query.version) }),
  route({ method: "post", path: "/api/rounds/:id/remind", tag, access: "reporting.manage", summary: "Remind now the given agencies, or all still owing: once per agency and day, recorded with who asked; e-mail with the scheduler's next pass", params: idParams, body: remindInput,
    handler: ({ ctx, params, body }) => remindNow(ctx.db, ctx.user!, params.id, body.agencyIds, emailConfigured()) }),
  route({ method: "post", path: "/api/rounds/:id/actual-requests", tag, access: "reporting.manage", summary: "Ask the indicator's owner for the actual figure of a year whose value is an estimate (ước)", params: idParams, body: actualRequestInput, status: 201,
    handler: ({ ctx, params, body }) => requestActual(ctx.db, ctx.user!, params.id, body) }),
  route({ method: "delete", path: "/api/rounds/:id/actual-requests", tag, access: "reporting.manage", summary: "Stop asking for an actual figure", params: idParams,
    query: z.object({ indicatorId: id, year: z.coerce.number().int(), version: z.coerce.number().int().positive() }),
    handler: ({ ctx, params, query }) => cancelActualRequest(ctx.db, params.id, query) }),
  route({ method: "put", path: "/api/rounds/:id/self-review", tag, access: "users.manage", summary: "Administrators: let the focal point review its own agency's report in this round (or take that back)", params: idParams, body: selfReviewInput,
    handler: ({ ctx, params, body }) => setSelfReview(ctx.db, params.id, body) }),
  route({ method: "post", path: "/api/rounds/:id/accept", tag, access: "reporting.review", summary: "Accept several sent reports at once, each at the version read; all or nothing, each refusal named", params: idParams, body: acceptManyInput,
    handler: async ({ ctx, params, body }) => ({ ...(await acceptMany(ctx.db, ctx.user!, params.id, body.items)), round: await getRound(ctx.db, params.id, true) }) }),

  route({ method: "get", path: "/api/rounds/:id/urging-letter", tag, access: "reporting.manage", summary: "The urging letter (công văn đôn đốc) to the agencies still owing their report, as .docx", params: idParams, heavy: "file",
    handler: async ({ ctx, params }) => new Response(new Uint8Array(await ctx.bounded((db) => urgingLetterOfRound(db, params.id))), { headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "content-disposition": `attachment; filename="cong-van-don-doc-dot-${params.id}.docx"`,
    } }) }),

  // The focal point's bulk exports (exports.ts): files to send the agencies, and what they sent.
  route({ method: "get", path: "/api/rounds/:id/templates.zip", tag, access: "reporting.manage", summary: "Every expected agency's Excel template, one .xlsx each named by agency (mau-bao-cao-so-xay-dung.xlsx), as one .zip", params: idParams, heavy: "file",
    handler: async ({ ctx, params }) => attachment(await ctx.bounded((db) => roundTemplatesZip(db, ctx.user!, params.id)), "application/zip") }),
  route({ method: "get", path: "/api/rounds/:id/submissions.xlsx", tag, access: "reporting.manage", summary: "Every agency's report as one workbook: a summary sheet (status, sent on, on time or late), a sheet per plan (one row per agency and task or indicator), the general sections", params: idParams, heavy: "file",
    handler: async ({ ctx, params }) => attachment(await ctx.bounded((db) => roundSubmissionsXlsx(db, ctx.user!, params.id)), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") }),
  route({ method: "get", path: "/api/rounds/:id/evidence.zip", tag, access: "reporting.manage", summary: "Every evidence file of the round as one .zip streamed, a folder per agency, file names kept (made safe); refused when over the limit of one download", params: idParams,
    handler: async ({ ctx, params }) => {
      const { stream, fileName } = await roundEvidenceZip(ctx.db, ctx.user!, params.id, ctx.lang);
      return new Response(stream, { headers: { "content-type": "application/zip", "content-disposition": `attachment; filename="${fileName}"` } });
    } }),

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
  route({ method: "get", path: "/api/rounds/:id/reports/:agencyId/template", tag, access: "signed_in", summary: "The agency's template: what it owes in this round as .xlsx (status drop-downs, locked cells, a hidden key), to fill offline and upload back", params: roundAgencyParams,
    handler: async ({ ctx, params }) => {
      const { bytes, fileName } = await reportTemplate(ctx.db, ctx.user!, params.id, params.agencyId);
      return new Response(new Uint8Array(bytes), { headers: {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "content-disposition": `attachment; filename="${fileName}"`,
      } });
    } }),
  route({ method: "get", path: "/api/rounds/:id/reports/:agencyId/official.docx", tag, access: "signed_in", summary: "The agency's report as an official document (.docx, Decree 30/2020) for it to number, sign and file: the agency as issuer, its number left blank, the round's collecting agency among the recipients", params: roundAgencyParams,
    handler: async ({ ctx, params }) => attachment(await agencyReportDocx(ctx.db, ctx.user!, params.id, params.agencyId), "application/vnd.openxmlformats-officedocument.wordprocessingml.document") }),
  route({ method: "post", path: "/api/rounds/:id/reports/:agencyId/template", tag, access: "reporting.submit", summary: `Upload a filled template (multipart field "file", at most ${megabytes(TEMPLATE_MAX_BYTES, "en")}) as the agency's draft: every cell checked, all or nothing; with preview=1, only what it would change (the draft beside the file)`, params: roundAgencyParams,
    query: templateQuery, upload: { maxBytes: TEMPLATE_MAX_BYTES, tooLarge: "template_too_large" },
    // The workbook is checked and read before the transaction opens.
    transaction: false,
    handler: async ({ ctx, params, query, upload }) => {
      const book = await openTemplate(upload!.bytes);
      return ctx.write(async (tx) => uploadTemplate(tx, await openReport(tx, ctx.user!, params.id, params.agencyId), book, query.preview === "1"));
    } }),
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
