/**
 * What a report on a scope says, gathered once for its sections and appendices: the scope's chain,
 * the evaluation of every document in it (each indicator and task once, with the document it comes
 * from), the year's accepted reports (leads' results and coordinating agencies' contributions), the
 * reporting board, the key projects, and who issues the report in which form.
 */
import { and, asc, desc, eq, inArray, or, sql } from "drizzle-orm";
import { agencies } from "../agencies/schema.js";
import { DOCUMENT_TYPE_LABELS } from "../documents/labels.js";
import { evaluateChain } from "../evaluation/chain.js";
import { yearAsOf, type PlanEvaluation } from "../evaluation/plan.js";
import { namedBy, projectVisible, summarise, type ProjectSummary } from "../plans/projects.js";
import { projects, tasks } from "../plans/schema.js";
import { taskLeadLabelsOn } from "../plans/tasks.js";
import { roundTotals, type Board } from "../reporting/board.js";
import { roundPlans, rounds, submissionProjects, submissions, submissionTasks } from "../reporting/schema.js";
import type { Database } from "../storage/database.js";
import { PROVINCE_SETTING, readSetting } from "../storage/settings.js";
import { formatVietnameseDate } from "../text/dates.js";
import { applyForm, readForm, templateOf, type ReportForm } from "./form.js";
import { defaultTemplate, issuerFromText, reportIssuer, type IssuingBody, type ReportTemplate } from "./issuing-body.js";
import { reportDraftOf } from "./drafts.js";
import { reportScope, type ReportScope } from "./scope.js";

/** A task's text as a table shows it: whole, its first letter capital ("tổ chức ..." → "Tổ chức ..."). */
export const sentenceCase = (text: string) => text.trim().replace(/^\p{Ll}/u, (c) => c.toLocaleUpperCase("vi"));
/** "số 23/KH-UBND ngày 26/01/2023" (either part left out when unknown). */
export const cite = (p: { symbol: string | null; issuedOn: string | null }) => `${p.symbol ? `số ${p.symbol}` : ""}${p.issuedOn ? ` ngày ${formatVietnameseDate(p.issuedOn)}` : ""}`.trim();

export interface Contribution { agency: string; narrative: string }

export interface ReportContext {
  year: number; today: string; province: string;
  template: ReportTemplate;
  /** The template the scope takes by its issuer, whatever the form chose. */
  scopeTemplate: ReportTemplate;
  /** The issuing body with the form's header, recipients and signer laid over it. */
  body: IssuingBody & { signer: string | null; number: string | null };
  /** The body as drafted, before the form. */
  draftedBody: IssuingBody;
  form: ReportForm;
  scope: ReportScope;
  /** The scope's type as the text names it: "Nghị quyết", "Chương trình", "Kế hoạch". */
  typeName: string;
  /** The scope cited in running text: "Nghị quyết số 11-NQ/TW ngày 10/02/2022 của Bộ Chính trị". */
  ref: string;
  /** The same in a subject, its issuer abbreviated as Decree 30 does ("của UBND tỉnh Lạng Sơn"). */
  shortRef: string;
  /** The symbol of the document each task and indicator comes from, when the scope holds more than one document that has any. */
  sourceOf: ((kind: "task" | "indicator", id: number) => string | null);
  multiSource: boolean;
  evaluation: PlanEvaluation;
  accepted: { id: number; agencyId: number; roundId: number; agency: string; results: string; difficulties: string; proposals: string }[];
  /** The yearly (else latest) round's totals: who was expected, who sent, on time. */
  board: Pick<Board, "totals" | "percentages"> | null;
  /** The lead agencies' reported results on each task, and the coordinating agencies' contributions. */
  resultOf: Map<number, string>;
  contributions: Map<number, Contribution[]>;
  leadOf: (taskId: number) => string;
  projects: ProjectSummary[];
  causesOf: (projectId: number) => string[];
  draft: Awaited<ReturnType<typeof reportDraftOf>>;
}

/** Gathers the report on document `documentId` for `year`; `template` overrides the form's and the scope's own. */
export async function gatherReport(db: Database, documentId: number, year: number, today: string, drafts: boolean, template?: ReportTemplate): Promise<ReportContext> {
  const scope = await reportScope(db, documentId, drafts);
  const top = scope.top;
  const province = (await readSetting(db, PROVINCE_SETTING))?.trim() ?? "";
  const draft = await reportDraftOf(db, documentId, year);
  const form = readForm(draft?.form);
  const issuerOf = { symbol: top.symbol, agency: top.agency, issuerText: top.issuerText };
  const scopeTemplate = defaultTemplate(issuerOf);
  const chosen = templateOf(form, scopeTemplate, template);
  const drafted = reportIssuer(issuerOf, chosen, province || null);
  const body = applyForm(drafted, form);

  // The scope's own issuer when known ("Bộ Chính trị"); else, for a state body's own plan, the body reporting on it.
  let docIssuer = top.agency?.name ?? issuerFromText(top.issuerText);
  if (docIssuer && province && /^(?:Ủy ban nhân dân|Hội đồng nhân dân) (?:tỉnh|thành phố)$/u.test(docIssuer)) docIssuer = `${docIssuer} ${province}`;
  const docShort = docIssuer?.replace(/^Ủy ban nhân dân\b/u, "UBND").replace(/^Hội đồng nhân dân\b/u, "HĐND") ?? null;
  const fallback = chosen === "state" ? drafted : null;
  const typeName = DOCUMENT_TYPE_LABELS[top.docType as keyof typeof DOCUMENT_TYPE_LABELS]?.vi ?? "Văn bản";
  const citeWith = (issuer: string | null) => `${typeName} ${cite(top)}${issuer ? ` của ${issuer}` : ""}`.replace(/\s+/g, " ").trim();
  const ref = citeWith(docIssuer ?? fallback?.name ?? null);
  const shortRef = citeWith(docShort ?? fallback?.short ?? null);

  // The chain evaluated as one: each task and target once (one serving another of the scope judged through it), each with its document.
  const evaluation = await evaluateChain(db, documentId, year, today, drafts);
  const documentOf = { task: new Map(evaluation.tasks.map((t) => [t.id, t.documentId])), indicator: new Map(evaluation.indicators.map((i) => [i.id, i.documentId])) };
  const symbolOf = new Map([[top.id, top.symbol], ...scope.chain.map((d) => [d.id, d.symbol] as const)]);
  const sources = new Set([...documentOf.task.values(), ...documentOf.indicator.values()]);
  const sourceOf = (kind: "task" | "indicator", id: number) => {
    const doc = documentOf[kind].get(id);
    return doc === undefined ? null : symbolOf.get(doc) ?? `(văn bản chưa có số, mã ${doc})`;
  };

  // The year's rounds on the scope's documents, the yearly round first, then the latest: the overview counts that one.
  const roundRows = await db.select({ id: rounds.id, documentId: roundPlans.documentId }).from(rounds).innerJoin(roundPlans, eq(roundPlans.roundId, rounds.id))
    .where(and(inArray(roundPlans.documentId, scope.ids), eq(rounds.periodYear, year)))
    .orderBy(sql`${rounds.periodKind} = 'year' desc`, desc(rounds.dueOn), asc(roundPlans.documentId));
  const yearRounds = [...new Set(roundRows.map((r) => r.id))];
  // A round is known by the documents it covers: a quarter's and the year's rounds on one plan are one series.
  const seriesOf = new Map(yearRounds.map((id) => [id, roundRows.filter((r) => r.id === id).map((r) => r.documentId).join(",")]));
  // Each agency's latest accepted report of the year in each series (a quarter's report is not repeated beside the year's).
  const acceptedAll = yearRounds.length ? await db.select({ id: submissions.id, agencyId: submissions.agencyId, agency: agencies.name, results: submissions.results, difficulties: submissions.difficulties, proposals: submissions.proposals, roundId: submissions.roundId })
    .from(submissions).innerJoin(agencies, eq(agencies.id, submissions.agencyId)).innerJoin(rounds, eq(rounds.id, submissions.roundId))
    .where(and(inArray(submissions.roundId, yearRounds), eq(submissions.status, "accepted")))
    .orderBy(asc(agencies.name), sql`${rounds.periodKind} = 'year' desc`, desc(rounds.dueOn)) : [];
  const keyOf = (a: { agencyId: number; roundId: number }) => `${a.agencyId}:${seriesOf.get(a.roundId)}`;
  const accepted = acceptedAll.filter((a, i) => acceptedAll.findIndex((b) => keyOf(b) === keyOf(a)) === i);
  // What they wrote on the scope's own tasks only: a round may cover many plans (a national yearly round, 147),
  // and a report on one reads its tasks' narratives, not the round's.
  const taskRows = accepted.length ? await db.select({ taskId: submissionTasks.taskId, role: submissionTasks.role, narrative: submissionTasks.narrative, agencyId: submissions.agencyId })
    .from(submissionTasks).innerJoin(submissions, eq(submissions.id, submissionTasks.submissionId)).innerJoin(tasks, eq(tasks.id, submissionTasks.taskId))
    .where(and(inArray(submissionTasks.submissionId, accepted.map((a) => a.id)), inArray(tasks.documentId, scope.ids))).orderBy(asc(submissionTasks.taskId)) : [];
  const agencyName = new Map(accepted.map((a) => [a.agencyId, a.agency]));
  const resultOf = new Map<number, string>();
  const contributions = new Map<number, Contribution[]>();
  for (const r of taskRows) {
    const text = r.narrative.trim();
    if (!text) continue;
    if (r.role === "lead") resultOf.set(r.taskId, [resultOf.get(r.taskId), text].filter(Boolean).join(" "));
    else contributions.set(r.taskId, [...(contributions.get(r.taskId) ?? []), { agency: agencyName.get(r.agencyId) ?? "", narrative: text }]);
  }
  // Only the round's totals: what every agency owes in it is the board's, not the report's (see roundTotals).
  const board = yearRounds.length ? await roundTotals(db, yearRounds[0]) : null;

  // Lead agencies as they stood in the year reported on; a collective phrase as the plan writes it ("Các sở, ban, ngành").
  const leads = await taskLeadLabelsOn(db, inArray(tasks.documentId, scope.ids), yearAsOf(year, today));
  const leadOf = (taskId: number) => (leads.get(taskId) ?? []).map(sentenceCase).join("; ");
  // The projects the scope's documents carry, judged as of the year, with the causes their investors gave in the year's accepted reports.
  const carried = or(...scope.ids.map((id) => namedBy(id, "carries")));
  const scopeProjects = await summarise(db, await db.select().from(projects).where(and(carried, projectVisible(drafts))), drafts, yearAsOf(year, today));
  const projectCauses = scopeProjects.length && accepted.length ? await db.select({ projectId: submissionProjects.projectId, agency: agencies.name, explanation: submissionProjects.explanation })
    .from(submissionProjects).innerJoin(submissions, eq(submissions.id, submissionProjects.submissionId)).innerJoin(agencies, eq(agencies.id, submissions.agencyId))
    .where(and(inArray(submissionProjects.submissionId, accepted.map((a) => a.id)), inArray(submissionProjects.projectId, scopeProjects.map((p) => p.id)))) : [];
  const causesOf = (projectId: number) => projectCauses.filter((c) => c.projectId === projectId && c.explanation.trim()).map((c) => `${c.agency}: ${c.explanation.trim().replace(/[.;]?$/, ".")}`);

  return {
    year, today, province, template: chosen, scopeTemplate, body, draftedBody: drafted, form, scope, typeName, ref, shortRef, sourceOf, multiSource: sources.size > 1,
    evaluation, accepted, board, resultOf, contributions, leadOf, projects: scopeProjects, causesOf, draft,
  };
}
