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

const SLICE = 10_000;

/**
 * Each item's versions in force on `asOf` that a reader sees (set by hand, or by a published document; `drafts`:
 * see policy.readsDrafts): null for an item without versions.
 */
async function inForceOn<V extends { inForceFrom: string | null; sourceDocumentId: number | null }>(db: Database, table: typeof indicatorTargets | typeof taskVersions,
  item: typeof indicatorTargets.indicatorId | typeof taskVersions.taskId, itemOf: (v: V) => number, ids: number[], asOf: string, drafts: boolean): Promise<(id: number) => V | null> {
  // (Either table's rows, typed by the caller: the select is the same for both.)
  const rows: V[] = [];
  // In slices: a province's dashboard evaluates tens of thousands of items, past what one statement may bind.
  for (let at = 0; at < ids.length; at += SLICE) {
    rows.push(...await db.select().from(table).where(and(inArray(item, ids.slice(at, at + SLICE)), drafts ? undefined : noneOrPublishedDocument(table.sourceDocumentId))) as V[]);
  }
  const byItem = versionsByItem(rows, itemOf);
  return (id) => versionInForce(byItem.get(id) ?? [], asOf);
}

/** Each indicator with the target in force on `asOf` in place of its own columns. */
export async function withTargetsInForce<T extends { id: number }>(db: Database, items: T[], asOf: string, drafts: boolean): Promise<T[]> {
  const inForce = await inForceOn<TargetVersion>(db, indicatorTargets, indicatorTargets.indicatorId, (v) => v.indicatorId, items.map((i) => i.id), asOf, drafts);
  return items.map((i) => {
    const v = inForce(i.id);
    return v ? { ...i, comparator: v.comparator, min: v.min, max: v.max, targetYear: v.targetYear, perYear: v.perYear, periodFrom: v.periodFrom, periodTo: v.periodTo, direction: v.direction } : i;
  });
}

/** Each task as it stood on `asOf` (its text and deadline in force then); those cancelled by then are left out. */
export async function withTasksInForce<T extends { id: number; status: string }>(db: Database, items: T[], asOf: string, drafts: boolean): Promise<T[]> {
  const inForce = await inForceOn<TaskVersion>(db, taskVersions, taskVersions.taskId, (v) => v.taskId, items.map((t) => t.id), asOf, drafts);
  return items.flatMap((t) => {
    const v = inForce(t.id);
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
