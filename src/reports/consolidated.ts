/**
 * The consolidated report on a scope for a year: a resolution, a programme or a plan, rolled up with
 * every published document implementing it down its chain. Compiled from the chain, the year's
 * accepted reports and the evaluation of the chain's indicators and tasks, in the issuer's own form:
 * Decree 30/2020 for a state body (overview; results; key projects; limitations; causes; tasks ahead;
 * proposals), the Party's rules for a Party committee (the self-monitoring report's sections, see
 * self-monitoring.ts). Then the appendices: the documents issued down the chain, task by task,
 * indicators by year, and key projects when the scope carries any.
 * Stages: gatherReport (query) → compileReport (sections and tables, plain data) → reportDocx (writer).
 */
import { likelyDocument } from "../documents/commands.js";
import type { PlanEvaluation } from "../evaluation/plan.js";
import { AppError } from "../core/errors.js";
import type { Database } from "../storage/database.js";
import { reportAppendices } from "./appendices.js";
import { gatherReport } from "./context.js";
import type { ReportForm } from "./form.js";
import type { IssuingBody, ReportTemplate } from "./issuing-body.js";
import { officialDocument, placeName, type Appendix } from "./official-document.js";
import { withEdits, sectionBlocks, type ReportSection } from "./sections.js";
import { selfMonitoringIntro, selfMonitoringSections } from "./self-monitoring.js";
import { stateSections } from "./state-sections.js";

export { EVALUATION_LABELS, TASK_STATE_LABELS } from "./appendices.js";
export { issuerFromText, issuingBody, type IssuingBody } from "./issuing-body.js";
export type { ReportSection } from "./sections.js";

export interface ConsolidatedReport {
  /** The scope's document (a plan, a programme, a resolution); `issuer` is the body reporting on it. */
  plan: { id: number; symbol: string | null; title: string; issuedOn: string | null; issuer: string; docType: string };
  template: ReportTemplate;
  /** The template the scope takes by its issuer (the form may have chosen the other). */
  scopeTemplate: ReportTemplate;
  issuingBody: IssuingBody & { signer: string | null; number: string | null };
  /** The issuing body as drafted, before the form's header, recipients and signer. */
  draftedBody: IssuingBody;
  year: number;
  province: string;
  date: string;
  /** The subject under "BÁO CÁO" (the form's, else drafted). */
  title: string;
  /** The drafted subject, for the form to show beside the one set. */
  draftedTitle: string;
  /** A paragraph before the sections (the Party's "… báo cáo … như sau:"), or null. */
  intro: string | null;
  sections: ReportSection[];
  appendices: Appendix[];
  evaluation: PlanEvaluation;
  /** The documents below the scope's (Appendix I's rows). */
  chainLength: number;
  form: ReportForm;
  /** The version of the focal point's edits (0: none yet), for the next save. */
  draftVersion: number;
}

/**
 * Everything the report says, drafted; `today` is the date in Vietnam (ISO). `drafts`: whether the reader may
 * see draft documents (see policy.readsDrafts): a draft scope is not_found for others, and draft documents, their
 * values and figures are left out. `template` overrides the form's choice and the scope's own.
 */
export async function compileReport(db: Database, documentId: number, year: number, today: string, drafts: boolean, template?: ReportTemplate): Promise<ConsolidatedReport> {
  const ctx = await gatherReport(db, documentId, year, today, drafts, template);
  const party = ctx.template === "party";
  const draftedTitle = party ? `Kết quả triển khai thực hiện ${ctx.ref} năm ${year}` : `Kết quả thực hiện ${ctx.shortRef} năm ${year}`;
  const top = ctx.scope.top;
  return {
    plan: { id: top.id, symbol: top.symbol, title: top.title, issuedOn: top.issuedOn, issuer: ctx.body.name, docType: top.docType },
    template: ctx.template, scopeTemplate: ctx.scopeTemplate, issuingBody: ctx.body, draftedBody: ctx.draftedBody, year, province: ctx.province, date: today,
    title: ctx.form.title || draftedTitle, draftedTitle, intro: party ? selfMonitoringIntro(ctx) : null,
    sections: withEdits(party ? selfMonitoringSections(ctx) : stateSections(ctx), ctx.draft?.sections),
    appendices: reportAppendices(ctx), evaluation: ctx.evaluation, chainLength: ctx.scope.chain.length, form: ctx.form,
    draftVersion: ctx.draft?.version ?? 0,
  };
}

/** A document by its symbol as written ("23/KH-UBND", "23-KH/UBND", "11-NQ/TW"): not_found when there is none. */
export async function planBySymbol(db: Database, written: string): Promise<number> {
  // The latest of that symbol (a province's numbers recur each year).
  const row = await likelyDocument(db, written, null);
  if (!row) throw new AppError("not_found", [{ field: "plan", message: written }], "document_unknown");
  return row.id;
}

/** The report as .docx in its form (Decree 30 or the Party's), numbered by the clerk unless the form set a number. */
export function reportDocx(report: ConsolidatedReport): Promise<Buffer> {
  const body = report.issuingBody;
  return officialDocument({
    style: report.template,
    superior: body.superior,
    issuer: body.header,
    number: body.number,
    symbolSuffix: body.symbolSuffix,
    place: report.province ? placeName(report.province) : "[Địa danh]",
    date: report.date,
    title: { kind: "BÁO CÁO", subject: report.title },
    body: [...(report.intro ? [{ kind: "paragraph" as const, text: report.intro }] : []), ...sectionBlocks(report.sections)],
    // No "Kính gửi" in a report, so no "Như trên": the recipients by name.
    recipients: body.recipients,
    signature: { authority: body.authority, signer: body.signer },
    appendices: report.appendices,
  });
}
