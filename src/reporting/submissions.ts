/**
 * One agency's report in one round: the form (what it owes, what it wrote, what its partners
 * contributed), draft saves as the user types, submit, withdraw before review, and the focal point's
 * review (accept, which locks it, or return with a comment). Every step is kept in the history.
 * Outcomes: the form, or AppError not_found (no such round, an agency the round does not expect, or
 * one the user may not see: existence does not leak), conflict (stale version), validation (a locked
 * report, an item the agency does not owe, an incomplete report on submit, with each field named).
 */
import { and, asc, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { can, readsDrafts, readsReportOf, actsFor } from "../accounts/policy.js";
import { valueVisible } from "../plans/indicators.js";
import type { SessionUser } from "../accounts/sessions.js";
import { userAgencies, users } from "../accounts/schema.js";
import { agencies } from "../agencies/schema.js";
import { documentSections } from "../documents/schema.js";
import { AppError, conflict, invalid, notFound, type FieldProblem } from "../core/errors.js";
import type { MessageKey } from "../core/i18n.js";
import { ofPublishedIndicator } from "../plans/indicators.js";
import { indicators, indicatorValues, tasks } from "../plans/schema.js";
import { ofPublishedTask } from "../plans/tasks.js";
import { meetsTarget, type Target } from "../plans/targets.js";
import type { Database } from "../storage/database.js";
import { updateVersioned, upsertFields } from "../storage/records.js";
import { reportGaps } from "./gaps.js";
import { fullNumbers } from "./numbers.js";
import { vietnamDate } from "./periods.js";
import { projectFacts, projectProblems, projectProblemsToSend, projectsOfForm, recordProjectFigures, saveProjectEntries, type ProjectFormItem } from "./project-reports.js";
import type { ReviewInput, SubmissionSave } from "./inputs.js";
import { getRound, nothingOwed, owedByAgency, requireOpen, roundPlanIds, type Owed, type RoundDetail } from "./rounds.js";
import { indicatorLabel } from "./gaps.js";
import { evidenceFiles, notifications, roundActualRequests, submissionActuals, submissionEvents, submissionIndicators, submissions, submissionTasks, type ItemComment, type SubmissionStatus } from "./schema.js";

export type Submission = typeof submissions.$inferSelect;
const EDITABLE: SubmissionStatus[] = ["draft", "returned"];

/** One agency's report in one round, as one request sees it: read once, passed to every step. */
export interface ReportPlace { actor: SessionUser; round: RoundDetail; agencyId: number; owed: Owed }

/** The round and what the agency owes in it; not_found when the user may not see that agency's report or the round does not expect it. */
export async function openReport(db: Database, actor: SessionUser, roundId: number, agencyId: number): Promise<ReportPlace> {
  if (!readsReportOf(actor, agencyId)) throw notFound();
  // A plan made a draft again is not owed to those who may not see it (a reporter): its tasks and indicators are the draft's.
  const round = await getRound(db, roundId, readsDrafts(actor));
  if (!round.reporterIds.includes(agencyId)) throw notFound();
  const owed = (await owedByAgency(db, round, roundPlanIds(round))).get(agencyId) ?? nothingOwed();
  return { actor, round, agencyId, owed };
}

async function submissionOf(db: Database, roundId: number, agencyId: number): Promise<Submission | null> {
  const [row] = await db.select().from(submissions).where(and(eq(submissions.roundId, roundId), eq(submissions.agencyId, agencyId)));
  return row ?? null;
}

export interface SubmissionForm {
  round: RoundDetail;
  agency: { id: number; name: string };
  submission: Submission | null;
  /** The user may write this report now (acts for the agency, the round is open, the report is a draft or was returned). */
  editable: boolean;
  /**
   * The user may accept or return this report now (it was sent, and the user reviews reports); `selfReview`:
   * the report is the user's own agency's, which the focal point reviews only where an administrator allowed it.
   */
  reviewable: boolean; selfReview: boolean;
  tasks: {
    id: number; text: string; deadlineText: string | null; sectionNumber: string | null; documentId: number; role: "lead" | "coordinating";
    /** The full number, its parents' before it: "III.2" where sectionNumber says "2". */
    number: string | null;
    report: { status: string | null; progress: number | null; narrative: string } | null;
    /** The focal point's comment on this task when the report was last returned. */
    reviewComment: string | null;
    /** For a task the agency leads: what the coordinating agencies submitted. */
    contributions: { agencyId: number; agencyName: string; status: string | null; progress: number | null; narrative: string }[];
  }[];
  indicators: {
    id: number; name: string; unit: string | null; comparator: Target["comparator"]; min: number | null; max: number | null; targetYear: number | null; direction: "higher" | "lower"; perYear: boolean;
    report: { value: number | null; valueKind: string; explanation: string } | null;
    meetsTarget: boolean | null;
    reviewComment: string | null;
  }[];
  /** The actual figures the round asks for, each replacing an estimate of an earlier year ("ước"). */
  actuals: {
    indicatorId: number; name: string; unit: string | null; year: number; estimate: number | null;
    report: { value: number | null; explanation: string } | null;
  }[];
  /** The key projects the agency carries out (as investor or lead). */
  projects: ProjectFormItem[];
  events: (typeof submissionEvents.$inferSelect)[];
  evidence: { id: number; taskId: number | null; fileName: string; mediaType: string; size: number; createdAt: string }[];
}

/** Evidence filed on a draft's task is the draft's: hidden from those who may not see drafts (`drafts`: see policy.readsDrafts). */
export const evidenceVisible = (drafts: boolean) => (drafts ? undefined : or(isNull(evidenceFiles.taskId), ofPublishedTask(evidenceFiles.taskId)));

export async function getSubmissionForm(db: Database, actor: SessionUser, roundId: number, agencyId: number): Promise<SubmissionForm> {
  return formOf(db, await openReport(db, actor, roundId, agencyId));
}

/**
 * The form: what the agency owes, and also what its report already holds that it no longer owes (a
 * task moved to a successor after the report was written): a report stays as it was written.
 */
export async function formOf(db: Database, { actor, round, agencyId, owed }: ReportPlace): Promise<SubmissionForm> {
  const roundId = round.id;
  const drafts = readsDrafts(actor);
  const [agency] = await db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(eq(agencies.id, agencyId));
  const submission = await submissionOf(db, roundId, agencyId);
  // What the report wrote on a draft's tasks and indicators is left out with them for those who may not see drafts.
  const myTasks = submission ? await db.select().from(submissionTasks)
    .where(and(eq(submissionTasks.submissionId, submission.id), drafts ? undefined : ofPublishedTask(submissionTasks.taskId))) : [];
  const myIndicators = submission ? await db.select().from(submissionIndicators)
    .where(and(eq(submissionIndicators.submissionId, submission.id), drafts ? undefined : ofPublishedIndicator(submissionIndicators.indicatorId))) : [];
  const roleOf = new Map([...myTasks.map((r) => [r.taskId, r.role] as const), ...owed.tasks]);
  const taskIds = [...roleOf.keys()], indicatorIds = [...new Set([...owed.indicators, ...myIndicators.map((r) => r.indicatorId)])];
  const taskRows = taskIds.length ? await db.select().from(tasks).where(inArray(tasks.id, taskIds)).orderBy(asc(tasks.documentId), asc(tasks.startOffset), asc(tasks.id)) : [];
  const indicatorRows = indicatorIds.length ? await db.select().from(indicators).where(inArray(indicators.id, indicatorIds)).orderBy(asc(indicators.documentId), asc(indicators.startOffset), asc(indicators.id)) : [];
  const leadTaskIds = taskIds.filter((id) => roleOf.get(id) === "lead");
  // Partners' contributions, once they have sent them: a draft stays its agency's own.
  const contributions = leadTaskIds.length ? await db.select({
    taskId: submissionTasks.taskId, agencyId: submissions.agencyId, agencyName: agencies.name, status: submissionTasks.status, progress: submissionTasks.progress, narrative: submissionTasks.narrative,
  }).from(submissionTasks).innerJoin(submissions, eq(submissions.id, submissionTasks.submissionId)).innerJoin(agencies, eq(agencies.id, submissions.agencyId))
    .where(and(eq(submissions.roundId, roundId), ne(submissions.agencyId, agencyId), inArray(submissionTasks.taskId, leadTaskIds), inArray(submissions.status, ["submitted", "accepted"]), eq(submissionTasks.role, "coordinating"))) : [];
  const numbers = await fullNumbers(db, taskRows);
  const events = submission ? await db.select().from(submissionEvents).where(eq(submissionEvents.submissionId, submission.id)).orderBy(asc(submissionEvents.id)) : [];
  // The last review's comments on single items, while that review was a return (an acceptance closes them).
  const lastReview = events.filter((e) => e.kind === "returned" || e.kind === "accepted").at(-1);
  const itemComments = lastReview?.kind === "returned" ? lastReview.itemComments : [];
  const taskComment = (taskId: number) => itemComments.find((c) => c.taskId === taskId)?.comment ?? null;
  const indicatorComment = (indicatorId: number) => itemComments.find((c) => c.indicatorId === indicatorId)?.comment ?? null;
  const actuals = await actualsOf(db, roundId, owed, submission, drafts);
  const projectComment = (projectId: number) => itemComments.find((c) => c.projectId === projectId)?.comment ?? null;
  const projectItems = await projectsOfForm(db, owed, submission, round.periodYear, vietnamDate(new Date()), drafts, projectComment);
  const selfReview = actor.role !== "admin" && actor.agencyIds.includes(agencyId);
  const evidence = submission ? await db.select({ id: evidenceFiles.id, taskId: evidenceFiles.taskId, fileName: evidenceFiles.fileName, mediaType: evidenceFiles.mediaType, size: evidenceFiles.size, createdAt: evidenceFiles.createdAt })
    .from(evidenceFiles).where(and(eq(evidenceFiles.submissionId, submission.id), evidenceVisible(drafts))).orderBy(asc(evidenceFiles.id)) : [];
  return {
    round, agency, submission,
    editable: actsFor(actor, agencyId) && round.status === "open" && (!submission || EDITABLE.includes(submission.status)),
    reviewable: can(actor, "reporting.review") && submission?.status === "submitted" && (!selfReview || round.selfReviewAllowed),
    selfReview,
    tasks: taskRows.map((t) => {
      const mine = myTasks.find((r) => r.taskId === t.id);
      return {
        id: t.id, text: t.text, deadlineText: t.deadlineText, sectionNumber: t.sectionNumber, documentId: t.documentId, role: roleOf.get(t.id)!, number: numbers.get(t.id) ?? null,
        report: mine ? { status: mine.status, progress: mine.progress, narrative: mine.narrative } : null,
        contributions: contributions.filter((c) => c.taskId === t.id).map(({ taskId: _t, ...c }) => c),
        reviewComment: taskComment(t.id),
      };
    }),
    indicators: indicatorRows.map((i) => {
      const mine = myIndicators.find((r) => r.indicatorId === i.id);
      return {
        id: i.id, name: i.name, unit: i.unit, comparator: i.comparator, min: i.min, max: i.max, targetYear: i.targetYear, direction: i.direction, perYear: i.perYear,
        report: mine ? { value: mine.value, valueKind: mine.valueKind, explanation: mine.explanation } : null,
        meetsTarget: mine?.value != null ? meetsTarget(i, mine.value) : null,
        reviewComment: indicatorComment(i.id),
      };
    }),
    actuals, projects: projectItems, events, evidence,
  };
}

/** The actual figures the round asks of this agency (for the indicators it owes), with the estimate each replaces and what it wrote. */
/** `drafts`: whether the reader may see a value sourced from a draft document (see policy.readsDrafts). */
async function actualsOf(db: Database, roundId: number, owed: Owed, submission: Submission | null, drafts: boolean): Promise<SubmissionForm["actuals"]> {
  const asked = await db.select({ indicatorId: roundActualRequests.indicatorId, year: roundActualRequests.year, name: indicators.name, unit: indicators.unit })
    .from(roundActualRequests).innerJoin(indicators, eq(indicators.id, roundActualRequests.indicatorId))
    .where(eq(roundActualRequests.roundId, roundId)).orderBy(asc(indicators.documentId), asc(indicators.startOffset), asc(indicators.id), asc(roundActualRequests.year));
  const mine = asked.filter((a) => owed.indicators.has(a.indicatorId));
  if (!mine.length) return [];
  const estimates = await db.select({ indicatorId: indicatorValues.indicatorId, year: indicatorValues.periodYear, value: indicatorValues.value }).from(indicatorValues)
    .where(and(inArray(indicatorValues.indicatorId, mine.map((a) => a.indicatorId)), eq(indicatorValues.kind, "estimate"), valueVisible(drafts)));
  const written = submission ? await db.select().from(submissionActuals).where(eq(submissionActuals.submissionId, submission.id)) : [];
  return mine.map((a) => {
    const w = written.find((r) => r.indicatorId === a.indicatorId && r.year === a.year);
    return {
      ...a, estimate: estimates.find((e) => e.indicatorId === a.indicatorId && e.year === a.year)?.value ?? null,
      report: w ? { value: w.value, explanation: w.explanation } : null,
    };
  });
}

/** The agency's submission for writing: created on first use, refused when locked or stale. */
async function writableSubmission(db: Database, { actor, round, agencyId }: ReportPlace, version: number): Promise<Submission> {
  if (!actsFor(actor, agencyId)) throw notFound();
  requireOpen(round);
  let submission = await submissionOf(db, round.id, agencyId);
  if (!submission) {
    if (version !== 0) throw conflict();
    [submission] = await db.insert(submissions).values({ roundId: round.id, agencyId, updatedBy: actor.id }).onConflictDoNothing().returning();
    // Another tab or person started the same report a moment ago: the caller reloads.
    if (!submission) throw conflict();
    return submission;
  }
  if (submission.version !== version) throw conflict();
  if (!EDITABLE.includes(submission.status)) throw invalid("status", "submission_locked");
  return submission;
}

/** Saves what changed in the draft (or the returned report being fixed); answers the form. */
export async function saveSubmission(db: Database, actor: SessionUser, roundId: number, agencyId: number, input: SubmissionSave): Promise<SubmissionForm> {
  const place = await openReport(db, actor, roundId, agencyId);
  await saveDraft(db, place, input);
  return formOf(db, place);
}

/** Writes a draft save; returns the submission as saved. */
export async function saveDraft(db: Database, place: ReportPlace, input: SubmissionSave): Promise<Submission> {
  const { actor, owed } = place;
  const submission = await writableSubmission(db, place, input.version);
  const problems: FieldProblem[] = [];
  input.tasks?.forEach((t, i) => { if (!owed.tasks.has(t.taskId)) problems.push({ field: `tasks.${i}.taskId`, key: "task_not_owed" }); });
  input.indicators?.forEach((v, i) => { if (!owed.indicators.has(v.indicatorId)) problems.push({ field: `indicators.${i}.indicatorId`, key: "indicator_not_owed" }); });
  const asked = input.actuals?.length ? await actualsOf(db, place.round.id, owed, null, false) : [];
  input.actuals?.forEach((v, i) => { if (!asked.some((a) => a.indicatorId === v.indicatorId && a.year === v.year)) problems.push({ field: `actuals.${i}.indicatorId`, key: "actual_not_requested" }); });
  problems.push(...projectProblems(input.projects, owed, await projectFacts(db, input.projects)));
  if (problems.length) throw new AppError("validation", problems);
  await saveProjectEntries(db, submission.id, input.projects);
  for (const v of input.actuals ?? []) {
    const changes = { ...(v.value !== undefined && { value: v.value }), ...(v.explanation !== undefined && { explanation: v.explanation }) };
    await db.insert(submissionActuals).values({ submissionId: submission.id, indicatorId: v.indicatorId, year: v.year, ...changes })
      .onConflictDoUpdate({ target: [submissionActuals.submissionId, submissionActuals.indicatorId, submissionActuals.year], set: changes });
  }
  await upsertFields(db, submissionTasks, ["submissionId", "taskId"], (input.tasks ?? []).map((t) => ({
    submissionId: submission.id, taskId: t.taskId, role: owed.tasks.get(t.taskId)!,
    ...(t.status !== undefined && { status: t.status }), ...(t.progress !== undefined && { progress: t.progress }), ...(t.narrative !== undefined && { narrative: t.narrative }),
  })));
  await upsertFields(db, submissionIndicators, ["submissionId", "indicatorId"], (input.indicators ?? []).map((v) => ({
    submissionId: submission.id, indicatorId: v.indicatorId,
    ...(v.value !== undefined && { value: v.value }), ...(v.valueKind !== undefined && { valueKind: v.valueKind }), ...(v.explanation !== undefined && { explanation: v.explanation }),
  })));
  const texts = { ...(input.results !== undefined && { results: input.results }), ...(input.difficulties !== undefined && { difficulties: input.difficulties }), ...(input.proposals !== undefined && { proposals: input.proposals }) };
  return bump(db, submission, { ...texts, updatedBy: actor.id });
}

/** Writes the submission row with the version it was read at; a concurrent change is a conflict. */
const bump = (db: Database, submission: Submission, values: Partial<Submission>) => updateVersioned(db, submissions, submission.id, submission.version, values);

/**
 * An accepted report's indicator values become the plan's values for the round's period, by agency,
 * actual or estimate (a later accepted report for the same period replaces them): what evaluation,
 * the dashboard and the consolidated report read.
 */
async function recordValues(db: Database, round: RoundDetail, submission: Submission) {
  const reported = await db.select().from(submissionIndicators).where(eq(submissionIndicators.submissionId, submission.id));
  const rows = reported.filter((r) => r.value !== null).map((r) => ({
    indicatorId: r.indicatorId, period: round.periodLabel, periodYear: round.periodYear, agencyId: submission.agencyId, value: r.value!, kind: r.valueKind, note: r.explanation || null,
  }));
  // The actual figures asked for replace the estimates of their years: actual values of those years, by agency.
  const actuals = await db.select().from(submissionActuals).where(eq(submissionActuals.submissionId, submission.id));
  rows.push(...actuals.filter((r) => r.value !== null).map((r) => ({
    indicatorId: r.indicatorId, period: String(r.year), periodYear: r.year, agencyId: submission.agencyId, value: r.value!, kind: "actual" as const, note: r.explanation || null,
  })));
  if (!rows.length) return;
  // One statement for the report, each value once: an actual figure asked for the round's own year and the
  // indicator's actual value of that year are the same value (the answer to the request, listed last, stands).
  const once = [...new Map(rows.map((r) => [`${r.indicatorId}/${r.period}/${r.kind}`, r])).values()];
  await db.insert(indicatorValues).values(once).onConflictDoUpdate({
    target: [indicatorValues.indicatorId, indicatorValues.period, indicatorValues.agencyId, indicatorValues.kind],
    set: { value: sql`excluded.value`, note: sql`excluded.note`, version: sql`${indicatorValues.version} + 1`, updatedAt: sql`now()` },
  });
}

/** What a report must hold to be sent (the blocking gaps of reportGaps), each gap named by its field and its item. */
function gaps(form: SubmissionForm): FieldProblem[] {
  return reportGaps({
    tasks: form.tasks.map((t) => ({ ...t, status: t.report?.status ?? null, progress: t.report?.progress ?? null, narrative: t.report?.narrative ?? "" })),
    indicators: form.indicators.map((i) => ({ ...i, value: i.report?.value ?? null, explanation: i.report?.explanation ?? "" })),
    texts: { results: form.submission?.results ?? "", difficulties: form.submission?.difficulties ?? "", proposals: form.submission?.proposals ?? "" },
  }).filter((g) => g.blocking).map((g): FieldProblem => ({ field: g.field, key: g.key as MessageKey, params: { ...g.item } as Record<string, string> }))
    .concat(form.actuals.filter((a) => a.report?.value == null && !a.report?.explanation.trim())
      .map((a) => ({ field: `actuals.${a.indicatorId}-${a.year}.value`, key: "actual_required", params: { indicator: indicatorLabel(a.name), year: String(a.year) } })))
    .concat(projectProblemsToSend(form.projects));
}

async function addEvent(db: Database, actor: SessionUser, submissionId: number, kind: (typeof submissionEvents.$inferInsert)["kind"], comment = "", itemComments: ItemComment[] = []) {
  await db.insert(submissionEvents).values({ submissionId, kind, comment, itemComments, actorId: actor.id, actorName: actor.displayName });
}

/** Tells users in-app: the agency's reporters, or (for a sent report) the focal points and administrators. */
async function notify(db: Database, who: { agencyId: number } | "reviewers", note: { kind: string; roundId: number; agencyId: number; params: Record<string, string | number | null> }) {
  const recipients = who === "reviewers"
    ? await db.select({ id: users.id }).from(users).where(and(inArray(users.role, ["focal_point", "admin"]), eq(users.disabled, false)))
    : await db.select({ id: users.id }).from(users).innerJoin(userAgencies, eq(userAgencies.userId, users.id)).where(and(eq(userAgencies.agencyId, who.agencyId), eq(users.disabled, false)));
  if (recipients.length) await db.insert(notifications).values(recipients.map((u) => ({ userId: u.id, ...note })));
}

export async function submitSubmission(db: Database, actor: SessionUser, roundId: number, agencyId: number, version: number, now = new Date()): Promise<SubmissionForm> {
  const place = await openReport(db, actor, roundId, agencyId);
  const submission = await writableSubmission(db, place, version);
  const form = await formOf(db, place);
  const missing = gaps(form);
  if (missing.length) throw new AppError("validation", missing, "submission_empty");
  const at = now.toISOString();
  await bump(db, submission, { status: "submitted", submittedAt: at, firstSubmittedAt: submission.firstSubmittedAt ?? at, updatedBy: actor.id });
  await addEvent(db, actor, submission.id, "submitted");
  await notify(db, "reviewers", { kind: "submitted", roundId, agencyId, params: { round: place.round.title, agency: form.agency.name } });
  return formOf(db, place);
}

/** Takes a sent report back to draft, while nobody has reviewed it. */
export async function withdrawSubmission(db: Database, actor: SessionUser, roundId: number, agencyId: number, version: number): Promise<SubmissionForm> {
  const place = await openReport(db, actor, roundId, agencyId);
  if (!actsFor(actor, agencyId)) throw notFound();
  requireOpen(place.round);
  const submission = await submissionOf(db, roundId, agencyId);
  if (!submission) throw notFound();
  if (submission.version !== version) throw conflict();
  if (submission.status !== "submitted") throw invalid("status", "submission_not_submitted");
  // A report taken back before anyone reviewed it was never received: its timeliness is decided when it is sent again.
  await bump(db, submission, { status: "draft", updatedBy: actor.id, ...(submission.reviewedAt === null && { firstSubmittedAt: null }) });
  await addEvent(db, actor, submission.id, "withdrawn");
  return formOf(db, place);
}

/**
 * The focal point's decision on a sent report: accept (it locks) or return with a comment, on the report and
 * on single tasks and indicators (the agency sees each at its item, fixes and resubmits). The report is
 * reviewed by someone outside the agency that wrote it: a focal point's own agency's report only where an
 * administrator allowed it for the round (an administrator reviews any). A closed round takes acceptances
 * only: a report returned there could not be fixed.
 */
export async function reviewSubmission(db: Database, actor: SessionUser, roundId: number, agencyId: number, input: ReviewInput, now = new Date()): Promise<SubmissionForm> {
  const place = await openReport(db, actor, roundId, agencyId);
  const submission = await submissionOf(db, roundId, agencyId);
  if (!submission) throw notFound();
  if (submission.version !== input.version) throw conflict();
  if (submission.status !== "submitted") throw invalid("status", "submission_not_submitted");
  if (actor.role !== "admin" && actor.agencyIds.includes(agencyId) && !place.round.selfReviewAllowed) throw new AppError("validation", [{ field: "decision", key: "self_review_refused" }], "self_review_refused");
  const items = input.items ?? [];
  if (input.decision === "return") {
    requireOpen(place.round, "round_closed_reopen");
    if (!input.comment && !items.length) throw invalid("comment", "return_comment_required");
    const form = await formOf(db, place);
    const problems: FieldProblem[] = [];
    items.forEach((c, i) => {
      const known = "taskId" in c ? form.tasks.some((t) => t.id === c.taskId)
        : "indicatorId" in c ? form.indicators.some((x) => x.id === c.indicatorId) : form.projects.some((x) => x.id === c.projectId);
      if (!known) problems.push({ field: `items.${i}`, key: "item_not_in_report" });
    });
    if (problems.length) throw new AppError("validation", problems);
  }
  const status = input.decision === "accept" ? "accepted" : "returned";
  await bump(db, submission, { status, reviewedAt: now.toISOString() });
  await addEvent(db, actor, submission.id, status, input.comment, status === "returned" ? items : []);
  if (status === "accepted") {
    await recordValues(db, place.round, submission);
    await recordProjectFigures(db, submission, place.round.periodYear);
  }
  const [agency] = await db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, agencyId));
  await notify(db, { agencyId }, { kind: status, roundId, agencyId, params: { round: place.round.title, agency: agency.name, comment: input.comment || null } });
  return formOf(db, place);
}

/**
 * Accepts several sent reports at once (from the board), each at the version read. All or nothing: one
 * that cannot be accepted (stale, not sent, the reviewer's own agency's) refuses the lot, each named by
 * its place in the list, and nothing is accepted.
 */
export async function acceptMany(db: Database, actor: SessionUser, roundId: number, items: { agencyId: number; version: number }[], now = new Date()): Promise<{ accepted: number[] }> {
  const problems: FieldProblem[] = [];
  for (const [i, item] of items.entries()) {
    try {
      await reviewSubmission(db, actor, roundId, item.agencyId, { decision: "accept", version: item.version, comment: "" }, now);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const key = (e.fields[0]?.key ?? (e.code === "conflict" ? "conflict" : e.code === "not_found" ? "agency_not_in_round" : e.detail ?? "validation")) as MessageKey;
      problems.push({ field: `items.${i}`, key, params: e.fields[0]?.params });
    }
  }
  if (problems.length) throw new AppError("validation", problems);
  return { accepted: items.map((i) => i.agencyId) };
}
