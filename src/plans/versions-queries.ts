/**
 * The versions of targets and tasks in force on a day, for the evaluation (issue 15): each year is judged
 * against the target and the deadline in force on the day it is judged at; a task cancelled from a day (a
 * provision repealed) is not judged from then on, and is judged as it stood before.
 */
import { and, inArray, sql, type SQL } from "drizzle-orm";
import { noneOrPublishedDocument } from "../documents/queries.js";
import type { Database } from "../storage/database.js";
import { indicatorTargets, tasks, taskVersions } from "./schema.js";
import { versionInForce, versionsByItem } from "./versions.js";

type TargetVersion = typeof indicatorTargets.$inferSelect;
type TaskVersion = typeof taskVersions.$inferSelect;

/**
 * The condition that a task cancelled now was cancelled by a version that takes effect after `asOf`: it is
 * judged as it stood then.
 */
export const cancelledAfter = (asOf: string): SQL =>
  sql`exists (select 1 from ${taskVersions} v where v.task_id = ${tasks.id} and v.cancelled and v.in_force_from > ${asOf})`;

/** Versions a reader sees: set by hand, or by a published document (`drafts`: see policy.readsDrafts). */
const visible = (column: typeof indicatorTargets.sourceDocumentId | typeof taskVersions.sourceDocumentId, drafts: boolean) =>
  (drafts ? undefined : noneOrPublishedDocument(column));

/** Each indicator with the target in force on `asOf` in place of its own columns. */
export async function withTargetsInForce<T extends { id: number }>(db: Database, items: T[], asOf: string, drafts: boolean): Promise<T[]> {
  if (!items.length) return items;
  const rows = await db.select().from(indicatorTargets)
    .where(and(inArray(indicatorTargets.indicatorId, items.map((i) => i.id)), visible(indicatorTargets.sourceDocumentId, drafts)));
  if (!rows.length) return items;
  const byItem = versionsByItem(rows, (r) => r.indicatorId);
  return items.map((i) => {
    const v: TargetVersion | null = versionInForce(byItem.get(i.id) ?? [], asOf);
    return v ? { ...i, comparator: v.comparator, min: v.min, max: v.max, targetYear: v.targetYear, perYear: v.perYear, periodFrom: v.periodFrom, periodTo: v.periodTo, direction: v.direction } : i;
  });
}

/** Each task as it stood on `asOf` (its text and deadline in force then); those cancelled by then are left out. */
export async function withTasksInForce<T extends { id: number; status: string }>(db: Database, items: T[], asOf: string, drafts: boolean): Promise<T[]> {
  if (!items.length) return items;
  const rows = await db.select().from(taskVersions)
    .where(and(inArray(taskVersions.taskId, items.map((t) => t.id)), visible(taskVersions.sourceDocumentId, drafts)));
  if (!rows.length) return items;
  const byItem = versionsByItem(rows, (r) => r.taskId);
  return items.flatMap((t) => {
    const v: TaskVersion | null = versionInForce(byItem.get(t.id) ?? [], asOf);
    if (!v) return [t];
    if (v.cancelled) return [];
    return [{
      ...t, text: v.text, deadlineKind: v.deadlineKind, deadlineDate: v.deadlineDate, deadlineYear: v.deadlineYear, deadlineDay: v.deadlineDay,
      deadlineMonth: v.deadlineMonth, periodTo: v.periodTo, deadlineText: v.deadlineText,
      // Cancelled later: open as it stood then.
      status: t.status === "cancelled" ? "open" : t.status,
    }];
  });
}
