/**
 * Documents owed (issue 15), kept in step with the tasks: one row per task and lead agency whose task names a
 * document as its output (see obligations-derive.ts), written in the transaction that writes the task (a plan
 * published, a task created, edited or cancelled; a deleted task takes its rows with it). What a document that
 * implements the plan does to them is in obligation-matching.ts; what readers see, obligation-queries.ts.
 */
import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { agencySuccessions } from "../agencies/schema.js";
import { successorsOn, type Succession } from "../agencies/successions.js";
import type { Database } from "../storage/database.js";
import { foldPhrase } from "../text/fold.js";
import { obligationOf, type DerivedObligation, type ObligingTask } from "./obligations-derive.js";
import { documentObligations, taskAgencies, tasks } from "./schema.js";

/** Tasks read a few thousand at a time (a Government programme holds 12,000). */
const CHUNK = 5000;

/**
 * Makes the obligations of `taskIds` what their tasks say now: a row for each lead agency of a task that owes a
 * document, its kind, words and due day brought up to date (a fulfilment stays), rows of agencies no longer
 * leading, or of a task owing none (its output changed, or cancelled), deleted unless met. Call inside a transaction.
 */
export async function syncTaskObligations(db: Database, taskIds: readonly number[]): Promise<void> {
  for (let from = 0; from < taskIds.length; from += CHUNK) {
    const ids = taskIds.slice(from, from + CHUNK);
    const rows = await db.select({
      id: tasks.id, text: tasks.text, expectedOutput: tasks.expectedOutput, status: tasks.status,
      deadlineKind: tasks.deadlineKind, deadlineDate: tasks.deadlineDate, deadlineYear: tasks.deadlineYear,
    }).from(tasks).where(inArray(tasks.id, ids));
    const owed = new Map<number, DerivedObligation>();
    for (const r of rows) {
      const o = obligationOf(r);
      if (o) owed.set(r.id, o);
    }
    const existing = await db.select({ id: documentObligations.id, taskId: documentObligations.taskId, agencyId: documentObligations.agencyId,
      docType: documentObligations.docType, outputText: documentObligations.outputText, dueOn: documentObligations.dueOn, fulfilledById: documentObligations.fulfilledById })
      .from(documentObligations).where(inArray(documentObligations.taskId, ids));
    if (!owed.size && !existing.length) continue; // most tasks owe no document: one read of them, one of the table
    const leads = owed.size ? await db.select({ taskId: taskAgencies.taskId, agencyId: taskAgencies.agencyId }).from(taskAgencies)
      .where(and(inArray(taskAgencies.taskId, [...owed.keys()]), eq(taskAgencies.role, "lead"))) : [];
    const wanted = new Map(leads.map((l) => [`${l.taskId}/${l.agencyId}`, { ...l, ...owed.get(l.taskId)! }]));
    const leading = new Set(wanted.keys());
    // Each lead's own row first; then the rows of agencies that no longer lead (see carriedOn).
    const kept = existing.filter((e) => wanted.delete(`${e.taskId}/${e.agencyId}`));
    const gone: typeof existing = [];
    const successions = existing.length > kept.length ? await successionRows(db) : [];
    for (const e of existing) {
      if (kept.includes(e)) continue;
      (owed.has(e.taskId) && await carriedOn(db, e, successions, leading, wanted) ? kept : gone).push(e);
    }
    for (const e of kept) {
      const w = owed.get(e.taskId)!;
      if (w.docType !== e.docType || w.outputText !== e.outputText || w.dueOn !== e.dueOn) {
        await db.update(documentObligations).set({ docType: w.docType, outputText: w.outputText, dueOn: w.dueOn, version: sql`${documentObligations.version} + 1`, updatedAt: sql`now()` })
          .where(eq(documentObligations.id, e.id));
      }
    }
    // One already met stays, whatever became of its task: what was issued is a fact (a task repealed, then restored, finds it met).
    const goneIds = gone.filter((e) => e.fulfilledById === null).map((e) => e.id);
    for (let at = 0; at < goneIds.length; at += CHUNK) await db.delete(documentObligations).where(inArray(documentObligations.id, goneIds.slice(at, at + CHUNK)));
    const added = [...wanted.values()];
    for (let at = 0; at < added.length; at += 1000) await db.insert(documentObligations).values(added.slice(at, at + 1000));
  }
}

/**
 * The obligations of tasks just written (createTasks: a plan published), from what was written, without reading
 * it back: most tasks owe no document, and a plan of 12,000 tasks costs no query for them.
 */
export async function insertObligationsOfNewTasks(db: Database, written: ReadonlyArray<ObligingTask & { id: number; leadIds: readonly number[] }>): Promise<void> {
  const rows = written.flatMap((t) => {
    const o = obligationOf(t);
    return o ? [...new Set(t.leadIds)].map((agencyId) => ({ taskId: t.id, agencyId, ...o })) : [];
  });
  for (let at = 0; at < rows.length; at += 1000) await db.insert(documentObligations).values(rows.slice(at, at + 1000));
}

/**
 * Whether an obligation of an agency no longer leading its task stays: its work is carried on by one that leads it
 * now (the 2025 mergers move open tasks to the successor: restructure.ts). It stays when met (the history of who
 * issued it), or when the successor owes nothing of its own for the task yet (it then owes through this row).
 */
async function carriedOn(db: Database, e: { taskId: number; agencyId: number; id: number }, successions: Succession[], leading: Set<string>, wanted: Map<string, unknown>): Promise<boolean> {
  const heir = successorsOn(successions, e.agencyId, "9999-12-31").find((h) => h !== e.agencyId && leading.has(`${e.taskId}/${h}`));
  if (heir === undefined) return false;
  if (wanted.delete(`${e.taskId}/${heir}`)) return true;
  const [row] = await db.select({ met: documentObligations.fulfilledById }).from(documentObligations).where(eq(documentObligations.id, e.id));
  return row?.met != null;
}

const successionRows = (db: Database): Promise<Succession[]> => db.select({
  predecessorId: agencySuccessions.predecessorId, successorId: agencySuccessions.successorId, effectiveDate: agencySuccessions.effectiveDate,
}).from(agencySuccessions);

/** An obligation met before a new version of its plan replaced the tasks, to be met again by the same task and agency. */
export interface CarriedFulfilment {
  key: string;
  fulfilledById: number; fulfilledHow: "matched" | "confirmed" | "set"; fulfilledBy: number | null; fulfilledAt: string | null;
}

/** The same task in a new version: the same section, the same words (folded), the same agency. */
const carryKey = (sectionNumber: string | null, text: string, agencyId: number) => `${sectionNumber ?? ""}|${foldPhrase(text)}|${agencyId}`;

/** The fulfilments of a document's obligations, read before a new version of it replaces its tasks. */
export async function fulfilmentsToCarry(db: Database, documentId: number): Promise<CarriedFulfilment[]> {
  const rows = await db.select({ sectionNumber: tasks.sectionNumber, text: tasks.text, agencyId: documentObligations.agencyId,
    fulfilledById: documentObligations.fulfilledById, fulfilledHow: documentObligations.fulfilledHow, fulfilledBy: documentObligations.fulfilledBy, fulfilledAt: documentObligations.fulfilledAt })
    .from(documentObligations).innerJoin(tasks, eq(tasks.id, documentObligations.taskId))
    .where(and(eq(tasks.documentId, documentId), isNotNull(documentObligations.fulfilledById)));
  return rows.map((r) => ({ key: carryKey(r.sectionNumber, r.text, r.agencyId), fulfilledById: r.fulfilledById!, fulfilledHow: r.fulfilledHow!, fulfilledBy: r.fulfilledBy, fulfilledAt: r.fulfilledAt }));
}

/** Meets again, in the new version's tasks, what was met in the old (a task whose words changed is owed afresh). */
export async function carryFulfilments(db: Database, documentId: number, carried: readonly CarriedFulfilment[]): Promise<void> {
  if (!carried.length) return;
  const byKey = new Map(carried.map((c) => [c.key, c]));
  const open = await db.select({ id: documentObligations.id, sectionNumber: tasks.sectionNumber, text: tasks.text, agencyId: documentObligations.agencyId })
    .from(documentObligations).innerJoin(tasks, eq(tasks.id, documentObligations.taskId))
    .where(and(eq(tasks.documentId, documentId), sql`${documentObligations.fulfilledById} is null`));
  for (const o of open) {
    const c = byKey.get(carryKey(o.sectionNumber, o.text, o.agencyId));
    if (!c || c.fulfilledById === documentId) continue;
    await db.update(documentObligations).set({ fulfilledById: c.fulfilledById, fulfilledHow: c.fulfilledHow, fulfilledBy: c.fulfilledBy, fulfilledAt: c.fulfilledAt })
      .where(eq(documentObligations.id, o.id));
  }
}
