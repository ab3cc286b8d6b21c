import { z } from "zod";
import { readsDrafts } from "../accounts/policy.js";
import { id, year } from "../core/fields.js";
import { route } from "../http/route.js";
import { vietnamDate } from "../reporting/periods.js";
import { untilWrite } from "../audit/write-mark.js";
import { compileReport } from "./consolidated.js";
import { prepareWriter, renderAppendicesXlsx, renderReportDocx } from "./rendering.js";
import { reportFormSchema } from "./form.js";
import { REPORT_TEMPLATES } from "./issuing-body.js";
import { saveReportDraft } from "./drafts.js";
import { documents } from "../documents/schema.js";
import { findById } from "../storage/records.js";

export const reportRoutes = [
  route({ method: "get", path: "/api/plans/:id/report", tag: "reports", access: "reporting.read", summary: "The consolidated report on a document (a plan, a programme, a resolution, rolled up with every document implementing it) for a year, as .docx in its issuer's form (Decree 30, or the Party's with template=party), or its appendices as .xlsx (format=xlsx)",
    params: z.object({ id }), query: z.object({ year, format: z.enum(["docx", "xlsx"]).default("docx"), template: z.enum(REPORT_TEMPLATES).optional() }), heavy: "file",
    handler: async ({ ctx, params, query }) => {
      const today = vietnamDate(new Date()), drafts = readsDrafts(ctx.user!), docx = query.format === "docx";
      // Kept until the next write (a saved edit is one): twenty focal points opening one report cost one report, those
      // who come while it is written waiting aside (not holding one of the files' four slots).
      const bytes = await untilWrite(ctx.db, `report|${params.id}|${query.year}|${today}|${drafts}|${query.template ?? ""}|${query.format}`, async () => {
        prepareWriter();
        const report = await ctx.bounded((db) => compileReport(db, params.id, query.year, today, drafts, query.template));
        return docx ? renderReportDocx(report) : renderAppendicesXlsx(report.appendices);
      }, { aside: ctx.aside });
      return new Response(new Uint8Array(bytes), { headers: {
        "content-type": docx ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": `attachment; filename="bao-cao-van-ban-${params.id}-nam-${query.year}${docx ? ".docx" : "-phu-luc.xlsx"}"`,
      } });
    } }),

  route({ method: "get", path: "/api/plans/:id/report-draft", tag: "reports", access: "reporting.read", summary: "The consolidated report for the editor: its form (template, title, number, header, recipients, signer: as set, and as drafted) and each section's text (drafted, or as the focal point edited it), with the version of the edits",
    params: z.object({ id }), query: z.object({ year }), heavy: true,
    handler: async ({ ctx, params, query }) => {
      const report = await ctx.bounded((db) => compileReport(db, params.id, query.year, vietnamDate(new Date()), readsDrafts(ctx.user!)));
      const body = report.draftedBody;
      return {
        title: report.title, year: report.year, draftVersion: report.draftVersion, template: report.template, chainLength: report.chainLength,
        form: report.form,
        drafted: { title: report.draftedTitle, header: body.header, recipients: body.recipients, authority: body.authority, symbolSuffix: body.symbolSuffix, template: report.scopeTemplate },
        sections: report.sections.map(({ key, title, part, text, edited }) => ({ key, title, part: part ?? null, text, edited })),
      };
    } }),
  route({ method: "put", path: "/api/plans/:id/report-draft", tag: "reports", access: "reporting.manage", summary: "Save edited sections of the narrative (null returns a section to the drafted text) and/or the report's form (replaced whole; {} returns it to the drafted one); send the version you read (0 for the first edit)",
    params: z.object({ id }), body: z.object({ year, version: z.number().int().min(0), sections: z.record(z.string(), z.string().max(100_000).nullable()).default({}), form: reportFormSchema.optional() }),
    handler: async ({ ctx, params, body }) => {
      await findById(ctx.db, documents, params.id);
      const saved = await saveReportDraft(ctx.db, ctx.user!.id, params.id, body);
      return { draftVersion: saved.version };
    } }),
];
