/**
 * A plan evaluated for a year: each indicator against its target with the values recorded up to
 * that year (from accepted reports, or entered), and each open or reported task in the Government
 * Office's categories, from its deadline and the latest accepted report on it, with the counts.
 */
import { and, asc, desc, eq, inArray, lte } from "drizzle-orm";
import { indicators, indicatorValues, tasks } from "../plans/schema.js";
import { roundPlans, rounds, submissions, submissionTasks } from "../reporting/schema.js";
import type { Database } from "../storage/database.js";
import { evaluateIndicator, type IndicatorEvaluation, type IndicatorTarget, type Observation } from "./indicators.js";
import { evaluateTask, type TaskState } from "./tasks.js";

export interface PlanEvaluation {
  year: number;
  indicators: { id: number; name: string; unit: string | null; target: IndicatorTarget; evaluation: IndicatorEvaluation; values: Observation[] }[];
  tasks: { id: number; text: string; state: TaskState; due: string | null; reported: boolean }[];
  taskCounts: Record<TaskState, number>;
  indicatorCounts: Record<IndicatorEvaluation["status"], number>;
}

/** `today`: the date in Vietnam; a past year is judged as at its last day. */
export async function evaluatePlan(db: Database, documentId: number, year: number, today: string): Promise<PlanEvaluation> {
  const asOf = today.slice(0, 4) > String(year) ? `${year}-12-31` : today;
  const planIndicators = await db.select().from(indicators).where(eq(indicators.documentId, documentId)).orderBy(asc(indicators.startOffset), asc(indicators.id));
  const values = planIndicators.length ? await db.select().from(indicatorValues)
    .where(and(inArray(indicatorValues.indicatorId, planIndicators.map((i) => i.id)), lte(indicatorValues.periodYear, year))) : [];
  // The latest accepted report on each task, over every round of this plan up to the year.
  const reported = await db.select({ taskId: submissionTasks.taskId, status: submissionTasks.status, reviewedAt: submissions.reviewedAt })
    .from(submissionTasks).innerJoin(submissions, eq(submissions.id, submissionTasks.submissionId))
    .innerJoin(rounds, eq(rounds.id, submissions.roundId)).innerJoin(roundPlans, eq(roundPlans.roundId, rounds.id))
    .where(and(eq(roundPlans.documentId, documentId), eq(submissions.status, "accepted"), lte(rounds.periodYear, year), eq(submissionTasks.role, "lead")))
    .orderBy(desc(submissions.reviewedAt));
  const latestState = new Map<number, TaskState>();
  for (const r of reported) if (r.status && !latestState.has(r.taskId)) latestState.set(r.taskId, r.status);
  const planTasks = await db.select({ id: tasks.id, text: tasks.text, status: tasks.status, deadlineKind: tasks.deadlineKind, deadlineDate: tasks.deadlineDate, deadlineYear: tasks.deadlineYear,
    deadlineDay: tasks.deadlineDay, deadlineMonth: tasks.deadlineMonth, periodTo: tasks.periodTo }).from(tasks).where(eq(tasks.documentId, documentId)).orderBy(asc(tasks.startOffset), asc(tasks.id));

  const evaluatedIndicators = planIndicators.map((i) => {
    // One figure per year for the province: yearly periods only (a quarter's value is not the year's).
    const series: Observation[] = values.filter((v) => v.indicatorId === i.id && v.kind !== "plan" && v.period === String(v.periodYear))
      .map((v) => ({ year: v.periodYear, value: v.value, kind: v.kind as "actual" | "estimate" }));
    const target: IndicatorTarget = {
      comparator: i.comparator, min: i.min, max: i.max, direction: i.direction, unit: i.unit, targetYear: i.targetYear, perYear: i.perYear,
      periodFrom: i.periodFrom, periodTo: i.periodTo, baselineValue: i.baselineValue, baselineYear: i.baselineYear,
    };
    return { id: i.id, name: i.name, unit: i.unit, target, evaluation: evaluateIndicator(target, series, year), values: series.sort((a, b) => a.year - b.year) };
  });
  const evaluatedTasks = planTasks.filter((t) => t.status !== "cancelled").map((t) => ({ id: t.id, text: t.text, ...evaluateTask(t, latestState.get(t.id) ?? null, asOf) }));
  const taskCounts = { completed_on_time: 0, completed_late: 0, in_progress: 0, overdue: 0, not_started: 0 };
  for (const t of evaluatedTasks) taskCounts[t.state]++;
  const indicatorCounts = { achieved: 0, on_track: 0, at_risk: 0, off_track: 0, no_data: 0 };
  for (const i of evaluatedIndicators) indicatorCounts[i.evaluation.status]++;
  return { year, indicators: evaluatedIndicators, tasks: evaluatedTasks, taskCounts, indicatorCounts };
}
