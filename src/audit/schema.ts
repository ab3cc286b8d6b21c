import { sql } from "drizzle-orm";
import { bigserial, check, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const AUDIT_OPERATIONS = ["insert", "update", "delete"] as const;

/**
 * Every change to the audited tables, written by database triggers (migration 0004), so no write
 * path can forget it: who (the user the transaction was opened for, see `asActor`), what (the use
 * case, the table, the row and the operation), when, and the row before and after (only the changed
 * columns for an update; secrets and derived search text left out). Append-only: a trigger refuses
 * updates, deletes and truncation. No foreign keys: the trail outlives what it describes.
 */
export const auditEvents = pgTable("audit_events", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  at: timestamp("at", { withTimezone: true, mode: "string" }).notNull().default(sql`clock_timestamp()`),
  actorId: integer("actor_id"),
  /** The actor's name at the time, so the trail reads the same after a rename. */
  actorName: text("actor_name"),
  /** The use case ("submissions.submit", "POST /api/rounds"), or null for a change made outside one. */
  action: text("action"),
  tableName: text("table_name").notNull(),
  /** The row's primary key ("12", or "12/4/lead" for a composite key). */
  rowKey: text("row_key").notNull(),
  operation: text("operation", { enum: AUDIT_OPERATIONS }).notNull(),
  before: jsonb("before"),
  after: jsonb("after"),
}, (t) => [
  index("audit_events_row_idx").on(t.tableName, t.rowKey),
  index("audit_events_at_idx").on(t.at.desc()),
  index("audit_events_actor_idx").on(t.actorId),
  check("audit_events_operation", sql`${t.operation} in ('insert', 'update', 'delete')`),
]);
