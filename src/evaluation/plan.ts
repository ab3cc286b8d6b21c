/**
 * Plans evaluated for a year: each indicator against its target with the values recorded up to that
 * year (from accepted reports, or entered), and each task in the Government Office's categories, from
 * its deadline and the latest accepted report on it (or the completion the focal point set), with the counts. Set-based: a few queries for
 * one plan or for every plan of the province (the dashboard), whatever their number.
 */
import { and, asc, eq, inArray, lte, ne, or, sql, type SQL } from "drizzle-orm";
import { inPublishedDocument } from "../documents/queries.js";
import { documents } from "../documents/schema.js";
import { valueVisible } from "../plans/indicators.js";
import { indicatorContributions, indicators, indicatorValues, tasks } from "../plans/schema.js";
import { roundPlans, rounds, submissions, submissionTasks } from "../reporting/schema.js";
import { queryRows, type Database } from "../storage/database.js";
import { idIn } from "../storage/id-arrays.js";
import { foldVietnamese } from "../text/fold.js";
import { evaluateIndicator, isBand, upTo, type IndicatorEvaluation, type IndicatorTarget, type Observation, type RecordedObservation } from "./indicators.js";
import { servedSeries } from "./contributions.js";
import { evaluateTask, type TaskState } from "./tasks.js";
import { taskStatesFromObligations } from "../plans/obligation-queries.js";
import { cancelledAfter, withTargetsInForce, withTasksInForce } from "../plans/versions-queries.js";

export interface PlanEvaluation {
  year: number;
  indicators: {
    id: number; name: string; unit: string | null; target: IndicatorTarget; evaluation: IndicatorEvaluation; values: Observation[];
    /** How many indicators of lower documents serve it (their values fill its years without its own). */
    servedBy: number;
    /** The indicators above it that it serves, among those evaluated with it: a roll-up counts it in theirs (see foldServing). */
    serves: number[];
  }[];
  tasks: {
    id: number; text: string; sectionNumber: string | null; deadlineText: string | null; state: TaskState; due: string | null; reported: boolean;
    /** The focal point marked it completed (with this reason), which is what its state says. */
    statusReason: string | null; setByFocalPoint: boolean;
  }[];
  taskCounts: Record<TaskState, number>;
  indicatorCounts: Record<IndicatorEvaluation["status"], number>;
}

export const emptyTaskCounts = (): Record<TaskState, number> => ({ completed_on_time: 0, completed_late: 0, in_progress: 0, overdue: 0, not_started: 0 });
export const emptyIndicatorCounts = (): Record<IndicatorEvaluation["status"], number> => ({ achieved: 0, on_track: 0, at_risk: 0, off_track: 0, no_data: 0 });

/** Text that orders as what it holds (ISO dates, UTC timestamps as the database writes them), latest first, none before any (as SQL's DESC). */
const compareDesc = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? 1 : -1);

/** `today`: the date in Vietnam; a past year is judged as at its last day. `drafts`: see evaluatePlans. */
export async function evaluatePlan(db: Database, documentId: number, year: number, today: string, drafts: boolean): Promise<PlanEvaluation> {
  return (await evaluatePlans(db, [documentId], year, today, drafts)).get(documentId) ?? { year, indicators: [], tasks: [], taskCounts: emptyTaskCounts(), indicatorCounts: emptyIndicatorCounts() };
}

/** The day a year is judged at: today within the year, its last day once it is over. */
export const yearAsOf = (year: number, today: string) => (today.slice(0, 4) > String(year) ? `${year}-12-31` : today);

/**
 * The given plans, or every published document with tasks or indicators ("all") but reports, evaluated:
 * a report's figures are what was achieved, values of the plans' targets (plans/reported-figures), not targets.
 * `drafts`: whether values from draft documents count (see policy.readsDrafts; the caller checks the plans themselves).
 */
export async function evaluatePlans(db: Database, documentIds: number[] | "all", year: number, today: string, drafts: boolean): Promise<Map<number, PlanEvaluation>> {
  const asOf = yearAsOf(year, today);
  const inScope = (column: typeof indicators.documentId | typeof tasks.documentId): SQL => documentIds === "all"
    ? sql`${column} in (select id from ${documents} where status = 'published' and doc_type <> 'report')` : inArray(column, documentIds.length ? documentIds : [0]);
  const planIndicators = await db.select({
    id: indicators.id, documentId: indicators.documentId, name: indicators.name, unit: indicators.unit, comparator: indicators.comparator, min: indicators.min, max: indicators.max,
    direction: indicators.direction, targetYear: indicators.targetYear, perYear: indicators.perYear, periodFrom: indicators.periodFrom, periodTo: indicators.periodTo,
    baselineValue: indicators.baselineValue, baselineYear: indicators.baselineYear,
  }).from(indicators).where(inScope(indicators.documentId)).orderBy(asc(indicators.documentId), asc(indicators.startOffset), asc(indicators.id));
  // The values of indicators known by id (the scope's, then those serving them): on their index, whatever the scope.
  const yearlyValues = (ids: number[]) => db.select({ indicatorId: indicatorValues.indicatorId, period: indicatorValues.period, periodYear: indicatorValues.periodYear, value: indicatorValues.value, kind: indicatorValues.kind, recordedAt: indicatorValues.updatedAt })
    .from(indicatorValues)
    .where(and(idIn(indicatorValues.indicatorId, ids), lte(indicatorValues.periodYear, year), ne(indicatorValues.kind, "plan"), valueVisible(drafts)));
  const values = planIndicators.length ? await yearlyValues(planIndicators.map((i) => i.id)) : [];
  const serving = planIndicators.length ? await servingIndicators(db, inScope(indicators.documentId), drafts) : { links: [], units: new Map<number, string | null>() };
  const inScopeIds = new Set(planIndicators.map((i) => i.id));
  const servingIds = [...serving.units.keys()].filter((id) => !inScopeIds.has(id));
  if (servingIds.length) values.push(...await yearlyValues(servingIds));
  // The accepted reports on each task, over every round of its plan up to the year, the latest period first. The
  // rounds (hundreds) are read apart and the reports ordered here: joined in the query, the planner misjudged how
  // many reports cover a round of their own plan (33 for 2,620) and matched each against every round (155 ms of a
  // batch's SQL at national size, instead of 19).
  const roundsUpTo = new Map((await db.select({ id: rounds.id, periodYear: rounds.periodYear, dueOn: rounds.dueOn }).from(rounds)
    .where(lte(rounds.periodYear, year))).map((r) => [r.id, r]));
  const reported = (await db.select({ taskId: submissionTasks.taskId, status: submissionTasks.status, roundId: submissions.roundId, reviewedAt: submissions.reviewedAt })
    .from(submissionTasks).innerJoin(submissions, eq(submissions.id, submissionTasks.submissionId)).innerJoin(tasks, eq(tasks.id, submissionTasks.taskId))
    .where(and(inScope(tasks.documentId), eq(submissions.status, "accepted"), eq(submissionTasks.role, "lead"),
      sql`exists (select 1 from ${roundPlans} rp where rp.round_id = ${submissions.roundId} and rp.document_id = ${tasks.documentId})`)))
    .flatMap((r) => { const round = roundsUpTo.get(r.roundId); return round ? [{ ...r, round }] : []; })
    .sort((a, b) => b.round.periodYear - a.round.periodYear || compareDesc(a.round.dueOn, b.round.dueOn) || compareDesc(a.reviewedAt, b.reviewedAt));
  const reportsOf = new Map<number, { status: TaskState; periodYear: number }[]>();
  for (const r of reported) {
    if (!r.status) continue;
    const list = reportsOf.get(r.taskId);
    const report = { status: r.status, periodYear: r.round.periodYear };
    if (list) list.push(report); else reportsOf.set(r.taskId, [report]);
  }
  /** A recurring task's state is the year's own: a yearly task done in 2023 is not done in 2025. */
  const latestState = (t: { id: number; deadlineKind: string }) =>
    (reportsOf.get(t.id) ?? []).find((r) => (t.deadlineKind !== "yearly" && t.deadlineKind !== "ongoing") || r.periodYear === year)?.status ?? null;
  const planTasks = await db.select({ id: tasks.id, documentId: tasks.documentId, text: tasks.text, sectionNumber: tasks.sectionNumber, deadlineText: tasks.deadlineText, deadlineKind: tasks.deadlineKind, deadlineDate: tasks.deadlineDate, deadlineYear: tasks.deadlineYear,
    deadlineDay: tasks.deadlineDay, deadlineMonth: tasks.deadlineMonth, periodTo: tasks.periodTo, status: tasks.status, statusOn: tasks.statusOn, statusReason: tasks.statusReason })
    .from(tasks).where(and(inScope(tasks.documentId), or(ne(tasks.status, "cancelled"), cancelledAfter(asOf)))).orderBy(asc(tasks.documentId), asc(tasks.startOffset), asc(tasks.id));

  const seriesOf = new Map<number, RecordedObservation[]>();
  for (const v of values) {
    // One figure per year for the province: yearly periods only (a quarter's value is not the year's).
    if (v.period !== String(v.periodYear)) continue;
    const list = seriesOf.get(v.indicatorId) ?? [];
    list.push({ year: v.periodYear, value: v.value, kind: v.kind as "actual" | "estimate", recordedAt: v.recordedAt });
    seriesOf.set(v.indicatorId, list);
  }
  // An indicator is judged on its own values and, for the years it has none, on those of the indicators serving it, down their chain.
  const servedBy = new Map<number, number[]>();
  for (const l of serving.links) servedBy.set(l.servesId, [...(servedBy.get(l.servesId) ?? []), l.indicatorId]);
  const servesOf = new Map<number, number[]>();
  for (const l of serving.links) if (inScopeIds.has(l.servesId)) servesOf.set(l.indicatorId, [...(servesOf.get(l.indicatorId) ?? []), l.servesId]);
  const unitOf = new Map<number, string | null>([...serving.units, ...planIndicators.map((i) => [i.id, i.unit] as const)]);
  // Each indicator's series once (a dense web of links is not walked path by path); one met again on its own way down is a cycle, left out.
  const judged = new Map<number, Observation[]>();
  const onTheWay = new Set<number>();
  const seriesJudged = (id: number): Observation[] => {
    const known = judged.get(id);
    if (known) return known;
    onTheWay.add(id);
    const own = upTo(seriesOf.get(id) ?? [], year);
    const below = (servedBy.get(id) ?? []).filter((s) => !onTheWay.has(s));
    const series = servedSeries(own, unitOf.get(id) ?? null, below.map((s) => ({ unit: unitOf.get(s) ?? null, series: seriesJudged(s) })));
    onTheWay.delete(id);
    judged.set(id, series);
    return series;
  };
  const out = new Map<number, PlanEvaluation>();
  const planOf = (id: number) => {
    let e = out.get(id);
    if (!e) out.set(id, (e = { year, indicators: [], tasks: [], taskCounts: emptyTaskCounts(), indicatorCounts: emptyIndicatorCounts() }));
    return e;
  };
  // Issue 15: each year against the target in force on the day it is judged at (an amendment's from the day it took effect).
  for (const i of await withTargetsInForce(db, planIndicators, asOf, drafts)) {
    const target: IndicatorTarget = {
      comparator: i.comparator, min: i.min, max: i.max, direction: i.direction, unit: i.unit, targetYear: i.targetYear, perYear: i.perYear,
      periodFrom: i.periodFrom, periodTo: i.periodTo, baselineValue: i.baselineValue, baselineYear: i.baselineYear,
    };
    target.band = isBand(target, foldVietnamese(i.name));
    // One value a year (several agencies may report; an actual value wins over an estimate), for the tables and charts too.
    const series = seriesJudged(i.id);
    const evaluation = evaluateIndicator(target, series, year);
    const plan = planOf(i.documentId);
    plan.indicators.push({ id: i.id, name: i.name, unit: i.unit, target, evaluation, values: series, servedBy: servedBy.get(i.id)?.length ?? 0, serves: servesOf.get(i.id) ?? [] });
    plan.indicatorCounts[evaluation.status]++;
  }
  // Issue 15: a task whose output is a document is done once each lead has issued it (obligations met by published
  // documents issued by the day judged at): completed, on time when every one was on time (plans/obligation-queries.ts).
  const issued = planTasks.length ? await taskStatesFromObligations(db, inScope(tasks.documentId), asOf) : new Map();
  // Issue 15: each task as it stood on that day (its deadline then; one cancelled by then is not judged).
  for (const t of await withTasksInForce(db, planTasks, asOf, drafts)) {
    // Marked completed by the focal point (by the day judged at): that counts, whatever was reported. A completion
    // that came with the document (no day) counts too; one dated after the day judged at does not yet.
    const completed = t.status === "completed" && (t.statusOn === null || t.statusOn <= asOf);
    const evaluated = {
      id: t.id, text: t.text, sectionNumber: t.sectionNumber, deadlineText: t.deadlineText,
      ...evaluateTask(t, latestState(t), asOf, completed ? t.statusOn : undefined, issued.get(t.id)),
      statusReason: completed ? t.statusReason : null, setByFocalPoint: completed,
    };
    const plan = planOf(t.documentId);
    plan.tasks.push(evaluated);
    plan.taskCounts[evaluated.state]++;
  }
  return out;
}

/**
 * The indicators serving those `served` selects, down their chain (a department's serving the province's
 * serving the resolution's; at most 6 levels, so a cycle cannot run away), that the reader may see: the
 * links, and each serving indicator's unit.
 */
async function servingIndicators(db: Database, served: SQL, drafts: boolean): Promise<{ links: { indicatorId: number; servesId: number }[]; units: Map<number, string | null> }> {
  const links = await queryRows<{ indicator_id: number; serves_id: number }>(db, sql`
    with recursive chain(indicator_id, serves_id, depth) as (
      select c.indicator_id, c.serves_id, 1 from ${indicatorContributions} c where c.serves_id in (select ${indicators.id} from ${indicators} where ${served})
      union
      select c.indicator_id, c.serves_id, chain.depth + 1 from ${indicatorContributions} c join chain on c.serves_id = chain.indicator_id where chain.depth < 6
    )
    select distinct indicator_id, serves_id from chain`);
  const ids = [...new Set(links.map((l) => l.indicator_id))];
  const visible = ids.length ? await db.select({ id: indicators.id, unit: indicators.unit }).from(indicators)
    .where(and(inArray(indicators.id, ids), drafts ? undefined : inPublishedDocument(indicators.documentId))) : [];
  const units = new Map(visible.map((i) => [i.id, i.unit]));
  return { links: links.filter((l) => units.has(l.indicator_id)).map((l) => ({ indicatorId: l.indicator_id, servesId: l.serves_id })), units };
}

/**
 * A roll-up's indicators, each target once: one that serves another evaluated with it (the plan's restatement
 * of its programme's target) is counted in that one's light, which is judged on its values; each document's
 * own page still shows it.
 */
export function foldServing<T extends PlanEvaluation["indicators"][number]>(all: T[]): T[] {
  const ids = new Set(all.map((i) => i.id));
  return all.filter((i) => !i.serves.some((s) => ids.has(s)));
}
