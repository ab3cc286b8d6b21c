/**
 * The one way to write: `asActor` opens a transaction that names who is acting and in which use
 * case; the audit triggers (migration 0004) record every row it changes under that name. Reads
 * of the trail for administrators are here too.
 */
import { and, desc, eq, lt, sql, type SQL } from "drizzle-orm";
import type { Database } from "../storage/database.js";
import { auditEvents } from "./schema.js";

export interface AuditActor { id: number; username: string }

/**
 * Runs `work` in a transaction whose changes the trail attributes to `actor` (null: the system,
 * e.g. the reminder scheduler or loading the sample province) doing `action`. Called inside another
 * transaction it becomes a savepoint and names the actor and action from then on.
 */
export function asActor<T>(db: Database, actor: AuditActor | null, action: string, work: (tx: Database) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('theodoi.actor_id', ${actor ? String(actor.id) : ""}, true),
      set_config('theodoi.actor_name', ${actor?.username ?? ""}, true), set_config('theodoi.action', ${action}, true)`);
    return work(tx as unknown as Database);
  });
}

/** Leaves the rest of the transaction out of the trail: only for a restore, which records itself as one event. */
export async function pauseAudit(tx: Database): Promise<void> {
  await tx.execute(sql`select set_config('theodoi.audit_off', 'on', true)`);
}

export interface AuditQuery { table?: string; rowKey?: string; actorId?: number; action?: string; before?: number; limit: number }

/** The newest events first, filtered; `before` pages on by id. */
export async function listAuditEvents(db: Database, q: AuditQuery) {
  const where: SQL[] = [];
  if (q.table) where.push(eq(auditEvents.tableName, q.table));
  if (q.rowKey) where.push(eq(auditEvents.rowKey, q.rowKey));
  if (q.actorId) where.push(eq(auditEvents.actorId, q.actorId));
  if (q.action) where.push(eq(auditEvents.action, q.action));
  if (q.before) where.push(lt(auditEvents.id, q.before));
  const items = await db.select().from(auditEvents).where(and(...where)).orderBy(desc(auditEvents.id)).limit(q.limit);
  return { items, next: items.length === q.limit ? items[items.length - 1].id : null };
}
