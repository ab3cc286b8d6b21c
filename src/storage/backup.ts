/**
 * Whole-database backup to one file and restore from it. The file is gzipped JSON, table by
 * table, so a backup taken on the embedded engine restores on a PostgreSQL server and back.
 * Restore replaces everything in one transaction: a bad file leaves the database as it was.
 */
import { getTableName, is, sql } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { gunzipSync, gzipSync } from "node:zlib";
import type { Database } from "./database.js";
import * as schema from "./schema.js";
import { pauseAudit } from "../audit/audit.js";

/**
 * Tables a backup leaves out: sessions (a restore signs everyone out), sign-in failures (a lock running out is not
 * worth restoring) and the audit trail (append-only: it is not replaced, and the restore is recorded in it).
 */
export const NOT_BACKED_UP = new Set(["sessions", "sign_in_failures", "audit_events"]);

/**
 * Every other table of the schema, in an order where every row's references come before it (read from the
 * foreign keys, so a table added to the schema is backed up without being listed here).
 */
export const BACKED_UP: PgTable[] = referencesFirst((Object.values(schema) as unknown[]).filter((t): t is PgTable => is(t, PgTable) && !NOT_BACKED_UP.has(getTableName(t))));

function referencesFirst(tables: PgTable[]): PgTable[] {
  const out: PgTable[] = [];
  const state = new Map<PgTable, "visiting" | "done">();
  const visit = (t: PgTable) => {
    if (state.get(t) === "done") return;
    if (state.get(t) === "visiting") throw new Error(`backup: a cycle of foreign keys through ${getTableName(t)}`);
    state.set(t, "visiting");
    for (const fk of getTableConfig(t).foreignKeys) {
      const parent = fk.reference().foreignTable;
      // A table referencing itself (an agency's parent) is ordered row by row (parentsFirst); one left out is not restored.
      if (parent !== t && tables.includes(parent)) visit(parent);
    }
    state.set(t, "done");
    out.push(t);
  };
  tables.forEach(visit);
  return out;
}

/** Binary columns (evidence files) travel as base64 in the JSON, encoded before stringifying (a Buffer would first become an array of numbers). */
const BYTES = "$bytes";
const encodeBytes = (row: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Uint8Array ? { [BYTES]: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("base64") } : v]));
const decodeBytes = (_key: string, value: unknown) =>
  value && typeof value === "object" && BYTES in value ? new Uint8Array(Buffer.from((value as Record<string, string>)[BYTES], "base64")) : value;

const FORMAT = "theodoi-backup";

export interface BackupFile {
  format: typeof FORMAT;
  version: 1;
  createdAt: string;
  tables: Record<string, Record<string, unknown>[]>;
}

export async function backupDatabase(db: Database): Promise<Buffer> {
  const tables: BackupFile["tables"] = {};
  // One snapshot for every table: on a server, other writers may commit between the reads.
  await db.transaction(async (tx) => {
    for (const table of BACKED_UP) tables[getTableName(table)] = ((await tx.select().from(table)) as Record<string, unknown>[]).map(encodeBytes);
  }, { isolationLevel: "repeatable read", accessMode: "read only" });
  const file: BackupFile = { format: FORMAT, version: 1, createdAt: new Date().toISOString(), tables };
  return gzipSync(JSON.stringify(file));
}

export class BackupFormatError extends Error {}

function readBackup(bytes: Buffer): BackupFile {
  let file: BackupFile;
  try {
    file = JSON.parse(gunzipSync(bytes).toString("utf8"), decodeBytes);
  } catch {
    throw new BackupFormatError("Tệp không phải bản sao lưu của theodoi (not a theodoi backup file)");
  }
  if (file?.format !== FORMAT || file.version !== 1 || typeof file.tables !== "object") {
    throw new BackupFormatError("Tệp không phải bản sao lưu theodoi phiên bản 1 (not a version 1 theodoi backup)");
  }
  return file;
}

/** Agencies reference their parent: insert parents first. */
function parentsFirst(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: Record<string, unknown>[] = [];
  const placed = new Set<unknown>();
  const place = (r: Record<string, unknown>, depth = 0) => {
    if (placed.has(r.id) || depth > 100) return;
    const parent = r.parentId != null ? byId.get(r.parentId) : undefined;
    if (parent) place(parent, depth + 1);
    placed.add(r.id);
    out.push(r);
  };
  rows.forEach((r) => place(r));
  return out;
}

export async function restoreDatabase(db: Database, bytes: Buffer): Promise<Record<string, number>> {
  const file = readBackup(bytes);
  const counts: Record<string, number> = {};
  await db.transaction(async (tx) => {
    // Row by row, the restore would fill the trail with every row twice: it is recorded as one event instead.
    await pauseAudit(tx);
    for (const table of [...BACKED_UP].reverse()) await tx.delete(table);
    for (const table of BACKED_UP) {
      const name = getTableName(table);
      let rows = file.tables[name] ?? [];
      if (table === schema.agencies) rows = parentsFirst(rows);
      for (let i = 0; i < rows.length; i += 500) await tx.insert(table).values(rows.slice(i, i + 500) as never);
      counts[name] = rows.length;
      if ("id" in table) {
        await tx.execute(sql`select setval(pg_get_serial_sequence(${name}, 'id'), coalesce((select max(id) from ${table}), 0) + 1, false)`);
      }
    }
    await tx.insert(schema.auditEvents).values({ action: "backup.restore", tableName: "database", rowKey: file.createdAt, operation: "update", after: counts });
  });
  return counts;
}
