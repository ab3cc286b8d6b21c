/**
 * Versions of targets and tasks in force from a day (issue 15), by hand or from an amending document: a new
 * version is recorded beside the original (kept, the first time, as the version in force from the start), and
 * the item's own columns take the version in force today. History lists every version of a document's items.
 * Outcomes: the item's versions; AppError validation (a day already holding a version, bounds that do not hold,
 * a deadline that does not parse), not_found (an item the reader may not see).
 */
import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { z } from "zod";
import { invalid } from "../core/errors.js";
import { dateField, id, numberField, optionalText, year } from "../core/fields.js";
import { noneOrPublishedDocument } from "../documents/queries.js";
import { documents } from "../documents/schema.js";
import { vietnamDate } from "../reporting/periods.js";
import { foldPhrase } from "../text/fold.js";
import type { Database } from "../storage/database.js";
import { checkDocument } from "../storage/references.js";
import { getIndicator, normaliseBounds, updateIndicator } from "./indicators.js";
import { COMPARATORS, DIRECTIONS, indicators, indicatorTargets, tasks, taskVersions } from "./schema.js";
import { getTask, updateTask } from "./tasks.js";
import { versionInForce } from "./versions.js";

export const targetVersionInput = z.object({
  inForceFrom: dateField,
  comparator: z.enum(COMPARATORS),
  min: numberField.nullable().optional(),
  max: numberField.nullable().optional(),
  targetYear: year.nullable().optional(),
  perYear: z.boolean().optional(),
  periodFrom: year.nullable().optional(),
  periodTo: year.nullable().optional(),
  direction: z.enum(DIRECTIONS).optional(),
  /** The document that set it (the amending one), if any; the clause as written. */
  sourceDocumentId: id.nullable().optional(),
  sourceText: optionalText,
});
export type TargetVersionInput = z.infer<typeof targetVersionInput>;

export const taskVersionInput = z.object({
  inForceFrom: dateField,
  /** The task's new wording; unchanged when left out. */
  text: z.string().trim().min(1).max(20_000).optional(),
  /** The new deadline in words ("trong năm 2026"); unchanged when left out, none when null. */
  deadlineText: z.string().trim().max(2000).nullable().optional(),
  /** Cancelled from that day (a provision repealed). */
  cancelled: z.boolean().default(false),
  sourceDocumentId: id.nullable().optional(),
  sourceText: optionalText,
});
export type TaskVersionInput = z.infer<typeof taskVersionInput>;

type TargetRow = typeof indicatorTargets.$inferSelect;
type TaskVersionRow = typeof taskVersions.$inferSelect;

const targetColumns = (r: Pick<TargetRow, "comparator" | "min" | "max" | "targetYear" | "perYear" | "periodFrom" | "periodTo" | "direction">) =>
  ({ comparator: r.comparator, min: r.min, max: r.max, targetYear: r.targetYear, perYear: r.perYear, periodFrom: r.periodFrom, periodTo: r.periodTo, direction: r.direction });

async function refuseSameDay(db: Database, table: typeof indicatorTargets | typeof taskVersions, item: SQLCondition, day: string) {
  const rows = await db.select({ inForceFrom: table.inForceFrom }).from(table).where(item);
  if (rows.some((r) => r.inForceFrom === day)) throw invalid("inForceFrom", "version_exists");
  return rows.length;
}
type SQLCondition = ReturnType<typeof eq>;

/**
 * Takes back the versions a document set (a new version of it replaces them; deleted, it changes nothing more):
 * each item's columns return to the version in force `today` without them. The original versions stay.
 */
export async function forgetVersionsBy(db: Database, documentId: number, actor: { id: number } | null, today = vietnamDate(new Date())): Promise<void> {
  const targets = await db.delete(indicatorTargets).where(and(eq(indicatorTargets.sourceDocumentId, documentId), isNotNull(indicatorTargets.inForceFrom)))
    .returning({ id: indicatorTargets.indicatorId });
  for (const id of new Set(targets.map((t) => t.id))) await syncTarget(db, id, today);
  const changed = await db.delete(taskVersions).where(and(eq(taskVersions.sourceDocumentId, documentId), isNotNull(taskVersions.inForceFrom)))
    .returning({ id: taskVersions.taskId });
  for (const id of new Set(changed.map((t) => t.id))) await syncTask(db, id, actor, today);
}

/** A version by hand cites a published document, or none: a draft's changes are not in force for anyone. */
async function checkPublishedSource(db: Database, documentId: number): Promise<void> {
  await checkDocument(db, "sourceDocumentId", documentId);
  const [doc] = await db.select({ status: documents.status }).from(documents).where(eq(documents.id, documentId));
  if (doc?.status !== "published") throw invalid("sourceDocumentId", "document_not_published");
}

/**
 * The versions an item's own columns may take: the original, and those set by hand or by a published document. An
 * amending document taken back to a draft changes nothing anyone sees until it is published again (resyncVersionsBy).
 */
async function ofPublished<V extends { inForceFrom: string | null; sourceDocumentId: number | null }>(db: Database, versions: V[]): Promise<V[]> {
  const sources = [...new Set(versions.filter((v) => v.inForceFrom !== null && v.sourceDocumentId !== null).map((v) => v.sourceDocumentId!))];
  if (!sources.length) return versions;
  const published = new Set((await db.select({ id: documents.id }).from(documents).where(and(inArray(documents.id, sources), eq(documents.status, "published")))).map((d) => d.id));
  return versions.filter((v) => v.inForceFrom === null || v.sourceDocumentId === null || published.has(v.sourceDocumentId));
}

/** After a document is published or taken back to a draft: the items it changed take the version in force `today` with or without its versions. */
export async function resyncVersionsBy(db: Database, documentId: number, actor: { id: number } | null, today = vietnamDate(new Date())): Promise<void> {
  const targets = await db.selectDistinct({ id: indicatorTargets.indicatorId }).from(indicatorTargets).where(and(eq(indicatorTargets.sourceDocumentId, documentId), isNotNull(indicatorTargets.inForceFrom)));
  for (const { id } of targets) await syncTarget(db, id, today);
  const changed = await db.selectDistinct({ id: taskVersions.taskId }).from(taskVersions).where(and(eq(taskVersions.sourceDocumentId, documentId), isNotNull(taskVersions.inForceFrom)));
  for (const { id } of changed) await syncTask(db, id, actor, today);
}

/** Adds a target version in force from a day; the indicator's columns take the version in force `today`. */
export async function addTargetVersion(db: Database, actorId: number | null, indicatorId: number, input: TargetVersionInput, drafts: boolean, today = vietnamDate(new Date())): Promise<TargetRow[]> {
  const indicator = await getIndicator(db, indicatorId, drafts);
  const bounds = normaliseBounds(input);
  if (input.periodFrom != null && input.periodTo != null && input.periodFrom > input.periodTo) throw invalid("periodTo", "min_gt_max");
  if (input.sourceDocumentId != null) await checkPublishedSource(db, input.sourceDocumentId);
  const kept = await refuseSameDay(db, indicatorTargets, eq(indicatorTargets.indicatorId, indicatorId), input.inForceFrom);
  // The first change keeps the original, in force from the start.
  if (!kept) {
    await db.insert(indicatorTargets).values({ indicatorId, inForceFrom: null, ...targetColumns(indicator), sourceDocumentId: indicator.documentId, sourceText: indicator.sourceText, createdBy: actorId });
  }
  // What it leaves out is what was in force on its day (not today's: a later change does not undo an earlier one).
  const base = versionInForce(await db.select().from(indicatorTargets).where(eq(indicatorTargets.indicatorId, indicatorId)), input.inForceFrom) ?? indicator;
  await db.insert(indicatorTargets).values({
    indicatorId, inForceFrom: input.inForceFrom, comparator: input.comparator, ...bounds, targetYear: input.targetYear ?? base.targetYear,
    perYear: input.perYear ?? base.perYear, periodFrom: input.periodFrom ?? base.periodFrom, periodTo: input.periodTo ?? base.periodTo,
    direction: input.direction ?? base.direction, sourceDocumentId: input.sourceDocumentId ?? null, sourceText: input.sourceText ?? null, createdBy: actorId,
  });
  return syncTarget(db, indicatorId, today);
}

/** The indicator's columns set to its target in force `today`; its versions, the original first. */
async function syncTarget(db: Database, indicatorId: number, today: string): Promise<TargetRow[]> {
  const all = await db.select().from(indicatorTargets).where(eq(indicatorTargets.indicatorId, indicatorId)).orderBy(sql`${indicatorTargets.inForceFrom} asc nulls first`);
  const now = versionInForce(await ofPublished(db, all), today);
  const [{ version }] = await db.select({ version: indicators.version }).from(indicators).where(eq(indicators.id, indicatorId));
  if (now) await updateIndicator(db, indicatorId, { ...targetColumns(now), version });
  return all;
}

/** Adds a task version in force from a day; the task's columns take the version in force `today` (cancelled, with the reason, once repealed). */
export async function addTaskVersion(db: Database, actor: { id: number } | null, taskId: number, input: TaskVersionInput, drafts: boolean, today = vietnamDate(new Date())): Promise<TaskVersionRow[]> {
  const task = await getTask(db, taskId, drafts);
  // A version that changes nothing is no version.
  if (!input.cancelled && input.text === undefined && input.deadlineText === undefined) throw invalid("deadlineText", "version_empty");
  if (input.sourceDocumentId != null) await checkPublishedSource(db, input.sourceDocumentId);
  const kept = await refuseSameDay(db, taskVersions, eq(taskVersions.taskId, taskId), input.inForceFrom);
  const deadlineOf = (t: Pick<TaskVersionRow, "deadlineKind" | "deadlineDate" | "deadlineYear" | "deadlineDay" | "deadlineMonth" | "periodFrom" | "periodTo" | "deadlineText">) => ({
    deadlineKind: t.deadlineKind, deadlineDate: t.deadlineDate, deadlineYear: t.deadlineYear, deadlineDay: t.deadlineDay, deadlineMonth: t.deadlineMonth,
    periodFrom: t.periodFrom, periodTo: t.periodTo, deadlineText: t.deadlineText,
  });
  if (!kept) {
    await db.insert(taskVersions).values({ taskId, inForceFrom: null, text: task.text, ...deadlineOf(task), sourceDocumentId: task.documentId, sourceText: task.sourceText, createdBy: actor?.id ?? null });
  }
  // What it leaves out is what was in force on its day (not today's: a later change does not undo an earlier one).
  const base = versionInForce(await db.select().from(taskVersions).where(eq(taskVersions.taskId, taskId)), input.inForceFrom) ?? task;
  // The new deadline read as a task's is (the same validation: "31/02/2026" is refused), through a trial update rolled into this transaction.
  const next = input.deadlineText !== undefined || input.text !== undefined || base !== task
    ? await updateTask(db, taskId, { text: input.text ?? base.text, deadlineText: input.deadlineText === undefined ? base.deadlineText : input.deadlineText, version: task.version }, actor, today)
    : task;
  await db.insert(taskVersions).values({
    taskId, inForceFrom: input.inForceFrom, text: next.text, ...deadlineOf(next), cancelled: input.cancelled,
    sourceDocumentId: input.sourceDocumentId ?? null, sourceText: input.sourceText ?? null, createdBy: actor?.id ?? null,
  });
  return syncTask(db, taskId, actor, today);
}

/** The task's columns set to its version in force `today` (cancelled once repealed, open again when no longer); its versions, the original first. */
async function syncTask(db: Database, taskId: number, actor: { id: number } | null, today: string): Promise<TaskVersionRow[]> {
  const all = await db.select().from(taskVersions).where(eq(taskVersions.taskId, taskId)).orderBy(sql`${taskVersions.inForceFrom} asc nulls first`);
  const now = versionInForce(await ofPublished(db, all), today);
  if (!now) return all;
  const current = await getTask(db, taskId, true);
  const repealedReason = `Bãi bỏ từ ngày ${now.inForceFrom?.split("-").reverse().join("/")}`;
  await updateTask(db, taskId, {
    text: now.text, deadlineText: now.deadlineText, version: current.version,
    ...(now.cancelled ? { status: "cancelled" as const, statusReason: repealedReason, statusOn: now.inForceFrom } : current.status === "cancelled" && current.statusReason?.startsWith("Bãi bỏ từ ngày") ? { status: "open" as const, statusReason: null } : {}),
  }, actor, today);
  return all;
}

export interface VersionHistory {
  indicators: { id: number; name: string; unit: string | null; versions: (TargetRow & { sourceSymbol: string | null })[] }[];
  tasks: { id: number; text: string; sectionNumber: string | null; versions: (TaskVersionRow & { sourceSymbol: string | null })[] }[];
}

/** Every changed target and task of a document with all its versions, oldest first; a draft's versions hidden from who may not see drafts. */
export async function versionHistory(db: Database, documentId: number, drafts: boolean): Promise<VersionHistory> {
  const visible = (column: typeof indicatorTargets.sourceDocumentId | typeof taskVersions.sourceDocumentId) => (drafts ? undefined : noneOrPublishedDocument(column));
  const targetRows = await db.select({ v: indicatorTargets, name: indicators.name, unit: indicators.unit, sourceSymbol: documents.symbol }).from(indicatorTargets)
    .innerJoin(indicators, eq(indicators.id, indicatorTargets.indicatorId)).leftJoin(documents, eq(documents.id, indicatorTargets.sourceDocumentId))
    .where(and(eq(indicators.documentId, documentId), visible(indicatorTargets.sourceDocumentId))).orderBy(asc(indicators.id), sql`${indicatorTargets.inForceFrom} asc nulls first`);
  const taskRows = await db.select({ v: taskVersions, text: tasks.text, sectionNumber: tasks.sectionNumber, sourceSymbol: documents.symbol }).from(taskVersions)
    .innerJoin(tasks, eq(tasks.id, taskVersions.taskId)).leftJoin(documents, eq(documents.id, taskVersions.sourceDocumentId))
    .where(and(eq(tasks.documentId, documentId), visible(taskVersions.sourceDocumentId))).orderBy(asc(tasks.id), sql`${taskVersions.inForceFrom} asc nulls first`);
  const out: VersionHistory = { indicators: [], tasks: [] };
  for (const r of targetRows) {
    let item = out.indicators.find((i) => i.id === r.v.indicatorId);
    if (!item) out.indicators.push((item = { id: r.v.indicatorId, name: r.name, unit: r.unit, versions: [] }));
    item.versions.push({ ...r.v, sourceSymbol: r.sourceSymbol });
  }
  for (const r of taskRows) {
    let item = out.tasks.find((t) => t.id === r.v.taskId);
    if (!item) out.tasks.push((item = { id: r.v.taskId, text: r.text, sectionNumber: r.sectionNumber, versions: [] }));
    item.versions.push({ ...r.v, sourceSymbol: r.sourceSymbol });
  }
  return out;
}

/** The versions other documents or people set on a document's items, by item: what a new version of the document keeps (carryVersions). */
export interface CarriedVersions { targets: Map<string, TargetRow[]>; tasks: Map<string, TaskVersionRow[]> }

/** A task as first written: its section and words (an amended task is matched by what the new version says). */
const taskKey = (sectionNumber: string | null, text: string) => `${sectionNumber ?? ""}|${foldPhrase(text)}`;

/** Before a new version of a document replaces its indicators and tasks: the versions in force from a day that they carry. */
export async function versionsToCarry(db: Database, documentId: number): Promise<CarriedVersions> {
  const targets: CarriedVersions["targets"] = new Map(), changed: CarriedVersions["tasks"] = new Map();
  const targetRows = await db.select({ v: indicatorTargets, name: indicators.name }).from(indicatorTargets).innerJoin(indicators, eq(indicators.id, indicatorTargets.indicatorId))
    .where(and(eq(indicators.documentId, documentId), isNotNull(indicatorTargets.inForceFrom)));
  for (const { v, name } of targetRows) targets.set(name, [...(targets.get(name) ?? []), v]);
  const taskRows = await db.select({ v: taskVersions, sectionNumber: tasks.sectionNumber, text: tasks.text }).from(taskVersions).innerJoin(tasks, eq(tasks.id, taskVersions.taskId))
    .where(eq(tasks.documentId, documentId));
  const originals = new Map(taskRows.filter((r) => r.v.inForceFrom === null).map((r) => [r.v.taskId, r.v.text]));
  for (const { v, sectionNumber, text } of taskRows) {
    if (v.inForceFrom === null) continue;
    const key = taskKey(sectionNumber, originals.get(v.taskId) ?? text);
    changed.set(key, [...(changed.get(key) ?? []), v]);
  }
  return { targets, tasks: changed };
}

/** After a new version of a document is written: its items of the same name (a task: section and words) keep the versions set on the earlier ones. */
export async function carryVersions(db: Database, documentId: number, carried: CarriedVersions, actor: { id: number } | null, today = vietnamDate(new Date())): Promise<void> {
  if (carried.targets.size) {
    for (const i of await db.select().from(indicators).where(eq(indicators.documentId, documentId))) {
      const versions = carried.targets.get(i.name);
      if (!versions) continue;
      await db.insert(indicatorTargets).values([
        { indicatorId: i.id, inForceFrom: null, ...targetColumns(i), sourceDocumentId: documentId, sourceText: i.sourceText, createdBy: actor?.id ?? null },
        ...versions.map(({ id: _id, indicatorId: _old, ...v }) => ({ ...v, indicatorId: i.id })),
      ]);
      await syncTarget(db, i.id, today);
    }
  }
  if (carried.tasks.size) {
    for (const t of await db.select().from(tasks).where(eq(tasks.documentId, documentId))) {
      const versions = carried.tasks.get(taskKey(t.sectionNumber, t.text));
      if (!versions) continue;
      await db.insert(taskVersions).values([
        { taskId: t.id, inForceFrom: null, text: t.text, deadlineKind: t.deadlineKind, deadlineDate: t.deadlineDate, deadlineYear: t.deadlineYear, deadlineDay: t.deadlineDay,
          deadlineMonth: t.deadlineMonth, periodFrom: t.periodFrom, periodTo: t.periodTo, deadlineText: t.deadlineText, sourceDocumentId: documentId, sourceText: t.sourceText, createdBy: actor?.id ?? null },
        ...versions.map(({ id: _id, taskId: _old, ...v }) => ({ ...v, taskId: t.id })),
      ]);
      await syncTask(db, t.id, actor, today);
    }
  }
}
