/**
 * The one storage adapter: embedded PGlite (persisted in the data directory) when no
 * DATABASE_URL is set, a pooled PostgreSQL server when it is. Domain code sees one Drizzle
 * database type and never branches on the engine.
 *
 * On a server, DATABASE_URL may be PgBouncer in transaction pooling: every statement the app runs
 * outside a transaction is one on its own, and its transactions only set `set_config(..., true)`
 * (transaction-local), so any server connection will do. Two things need more: migrations hold a
 * session advisory lock across many statements (DATABASE_MIGRATE_URL: straight to the primary), and
 * the "-c TimeZone=UTC" start-up option, which PgBouncer 1.18 cannot pass on (checked at open: the
 * database must then set it, `alter database ... set timezone to 'UTC'`). Reads that may lag go to a
 * streaming replica when DATABASE_READ_URL is set (reads.ts).
 */
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations, SQL } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { join } from "node:path";
import pg from "pg";
import { lockDataDir, type DataDirLock } from "./data-dir-lock.js";
import { primaryOnly, replicaReads, type Reads } from "./reads.js";
import * as schema from "./schema.js";
import { projectPath } from "../core/project-root.js";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Engine = "pglite" | "postgres";

export interface Store {
  db: Database;
  engine: Engine;
  /** Where reads that may lag a little go (dashboards, lists, search): a replica, or `db` itself (reads.ts). */
  reads: Reads;
  /** Applies pending migrations; safe to call from several instances at once on a server. */
  migrate(): Promise<void>;
  /**
   * Refreshes the planner's statistics where nothing else does: the embedded engine has no
   * autovacuum, so it runs ANALYZE; on a server, autovacuum does it and this does nothing.
   */
  refreshStatistics(): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = projectPath("migrations");

/** Where the embedded engine keeps its files inside the data directory. */
export const pgliteDir = (dataDir: string) => join(dataDir, "pglite");

export interface OpenOptions {
  databaseUrl?: string;
  /** Straight to the primary, for migrations (their session advisory lock) when DATABASE_URL is a pooler. */
  migrateUrl?: string;
  /** A streaming replica of DATABASE_URL's primary, for reads (reads.ts). */
  readUrl?: string;
  /** The most a replica may lag before reads leave it, in ms. */
  maxReplicaLagMs?: number;
  /** Data directory of the embedded engine; ":memory:" for a throw-away database (tests). */
  dataDir: string;
}

export const DEFAULT_MAX_REPLICA_LAG_MS = 5_000;

export async function openStore({ databaseUrl, dataDir, migrateUrl, readUrl, maxReplicaLagMs = DEFAULT_MAX_REPLICA_LAG_MS }: OpenOptions): Promise<Store> {
  if (!databaseUrl && (migrateUrl || readUrl)) throw new Error("DATABASE_MIGRATE_URL and DATABASE_READ_URL need DATABASE_URL (the embedded engine has no replica)");
  return databaseUrl ? openServer(databaseUrl, migrateUrl, readUrl, maxReplicaLagMs) : openEmbedded(dataDir);
}

const inUtc = (tz: string) => tz === "UTC" || tz === "Etc/UTC";

/** What every session of the app sets besides its time zone (see newPool). */
const SESSION_SETTINGS = "-c jit=off -c max_parallel_workers_per_gather=0";

function newPool(url: string, max: number): pg.Pool {
  // Timestamps in UTC, as the embedded engine gives them, whatever the server's own time zone. No JIT and no
  // parallel plans: this is many short queries from many readers at once, and at national size compiling one took
  // 430 ms of its 2 s, and a parallel plan of an agency's tasks kept three processes busy 12 ms for what one does in
  // 3 ms (behind PgBouncer, which drops these options, deploy/scale-out/up.sh sets them on the database).
  const pool = new pg.Pool({ connectionString: url, max, options: `-c TimeZone=UTC ${SESSION_SETTINGS}` });
  // An idle connection the server closes (a restart, a terminated backend) is dropped by the pool and
  // replaced at the next query; without a listener its error event would end the process.
  pool.on("error", () => undefined);
  return pool;
}

async function openPool(url: string, max: number): Promise<pg.Pool> {
  const pool = newPool(url, max);
  try {
    // Surface a wrong URL now, with the server's message, instead of at the first request; and a pooler
    // that dropped the time-zone option (PgBouncer) over a database not set to UTC, before dates shift.
    const { rows } = await pool.query<{ tz: string }>("select current_setting('TimeZone') as tz");
    if (!inUtc(rows[0].tz)) throw new Error(`The database's sessions are in ${rows[0].tz}, not UTC (a pooler dropped "-c TimeZone=UTC"?): run "alter database <name> set timezone to 'UTC'"`);
  } catch (e) {
    await pool.end();
    throw e;
  }
  return pool;
}

async function openServer(url: string, migrateUrl: string | undefined, readUrl: string | undefined, maxReplicaLagMs: number): Promise<Store> {
  const pool = await openPool(url, 10);
  const db = drizzlePg(pool, { schema }) as unknown as Database;
  let reads: Reads = primaryOnly(db);
  if (readUrl) {
    // Not waited for: a replica down at start is one down later, and reads go to the primary meanwhile.
    const replicaPool = newPool(readUrl, 10);
    reads = replicaReads({
      primary: db,
      replica: drizzlePg(replicaPool, { schema }) as unknown as Database,
      primaryLsn: async () => (await pool.query<{ lsn: string }>("select pg_current_wal_lsn()::text as lsn")).rows[0].lsn,
      replicaState: async () => {
        const { rows } = await replicaPool.query<{ replayed: string | null; standby: boolean; tz: string }>(
          "select pg_last_wal_replay_lsn()::text as replayed, pg_is_in_recovery() as standby, current_setting('TimeZone') as tz");
        // A replica whose sessions are not in UTC would shift dates: it serves nothing, as one down.
        return { replayed: rows[0].replayed, inRecovery: rows[0].standby && inUtc(rows[0].tz) };
      },
      closeReplica: () => replicaPool.end(),
    }, maxReplicaLagMs);
  }
  return {
    db,
    engine: "postgres",
    reads,
    async migrate() {
      // Not through a transaction pooler: the lock and the migrations must hold one server session.
      const direct = migrateUrl ? new pg.Client({ connectionString: migrateUrl, options: "-c TimeZone=UTC" }) : null;
      if (direct) await direct.connect();
      const client = direct ?? await pool.connect();
      try {
        // Two instances starting together must not both migrate: serialise on an advisory lock.
        await client.query("select pg_advisory_lock(748392011)");
        await migratePg(drizzlePg(client, { schema }), { migrationsFolder: MIGRATIONS_DIR });
      } finally {
        await client.query("select pg_advisory_unlock(748392011)").catch(() => undefined);
        if (direct) await direct.end();
        else (client as pg.PoolClient).release();
      }
    },
    refreshStatistics: async () => undefined,
    async close() {
      await reads.close();
      await pool.end();
    },
  };
}

async function openEmbedded(dataDir: string): Promise<Store> {
  const inMemory = dataDir === ":memory:";
  const lock: DataDirLock | null = inMemory ? null : lockDataDir(dataDir);
  let client: PGlite;
  try {
    client = inMemory ? await PGlite.create() : await PGlite.create(pgliteDir(dataDir));
  } catch (e) {
    lock?.release();
    throw e;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return {
    db,
    engine: "pglite",
    reads: primaryOnly(db),
    migrate: () => migratePglite(db as never, { migrationsFolder: MIGRATIONS_DIR }),
    refreshStatistics: async () => { await client.exec("analyze"); },
    async close() {
      await client.close();
      lock?.release();
    },
  };
}

/** Rows of a raw SQL query; both drivers return `{ rows }`. */
export async function queryRows<T>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
