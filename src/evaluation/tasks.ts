/**
 * A task's state on a date, pure, in the Government Office's categories (completed on time,
 * completed late, in progress within the deadline, overdue, not started), so that counts can be
 * reported upward. It combines the task's deadline and the latest accepted report on it:
 *  - a report saying it was completed is taken as it is (on time or late, as reported);
 *  - otherwise, a deadline that has passed makes it overdue, whatever the report said;
 *  - otherwise the report's state (in progress, not started) stands; with no report, a task is in
 *    progress when its deadline has not come and it has no report to say it has not started.
 * Deadlines: a date; by the end of a year ("trong năm 2025"); every year on a day and month
 * ("trước ngày 15/12 hằng năm": overdue in the year evaluated once that day has passed); a period
 * (by the end of its last year); ongoing ("thường xuyên") and none are never overdue.
 */
import type { TASK_REPORT_STATUSES } from "../reporting/schema.js";

export type TaskState = (typeof TASK_REPORT_STATUSES)[number];

export interface TaskDeadline {
  deadlineKind: "date" | "year" | "yearly" | "ongoing" | "period" | "none";
  deadlineDate: string | null;
  deadlineYear: number | null;
  deadlineDay: number | null;
  deadlineMonth: number | null;
  periodTo: number | null;
}

const pad = (x: number) => String(x).padStart(2, "0");

/** The last day the task may be done on, as seen on `today` (ISO); null when it has none. */
export function dueDate(t: TaskDeadline, today: string): string | null {
  switch (t.deadlineKind) {
    case "date": return t.deadlineDate;
    case "year": return t.deadlineYear ? `${t.deadlineYear}-12-31` : null;
    case "period": return t.periodTo ? `${t.periodTo}-12-31` : null;
    case "yearly": return `${today.slice(0, 4)}-${pad(t.deadlineMonth ?? 12)}-${pad(t.deadlineDay ?? 31)}`;
    default: return null;
  }
}

/**
 * `reported`: the state in the latest accepted report on the task, if any. `today`: ISO date in Vietnam.
 * `completedOn`: the day the focal point marked the task completed (see tasks.statusOn), when that day has
 * come by `today`: it wins over any report, on time or late against the deadline as it stood that day
 * (a completion without a day is taken as on time).
 * `issued`: for a task whose output is a document, its state once every lead has issued it (see
 * plans/obligation-queries.ts taskStatesFromObligations): after the focal point's word, before any report's.
 */
export function evaluateTask(t: TaskDeadline, reported: TaskState | null, today: string, completedOn?: string | null,
  issued?: "completed_on_time" | "completed_late"): { state: TaskState; due: string | null; reported: boolean } {
  const due = dueDate(t, today);
  if (completedOn !== undefined) {
    const dueThen = completedOn === null ? null : dueDate(t, completedOn);
    return { state: dueThen === null || completedOn === null || completedOn <= dueThen ? "completed_on_time" : "completed_late", due, reported: reported !== null };
  }
  if (issued) return { state: issued, due, reported: reported !== null };
  if (reported === "completed_on_time" || reported === "completed_late") return { state: reported, due, reported: true };
  if (due !== null && due < today) return { state: "overdue", due, reported: reported !== null };
  return { state: reported === "not_started" ? "not_started" : "in_progress", due, reported: reported !== null };
}
