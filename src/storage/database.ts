/**
 * The one storage adapter: embedded PGlite (persisted in the data directory) when no
 * DATABASE_URL is set, a pooled PostgreSQL server when it is. Domain code sees one Drizzle
 * database type and never branches on the engine.
 */
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations, SQL } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { lockDataDir, type DataDirLock } from "./data-dir-lock.js";
import * as schema from "./schema.js";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Engine = "pglite" | "postgres";

export interface Store {
  db: Database;
  engine: Engine;
  /** Applies pending migrations; safe to call from several instances at once on a server. */
  migrate(): Promise<void>;
  /**
   * Refreshes the planner's statistics where nothing else does: the embedded engine has no
   * autovacuum, so it runs ANALYZE; on a server, autovacuum does it and this does nothing.
   */
  refreshStatistics(): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = resolve(fileURLToPath(new URL("../../migrations", import.meta.url)));

/** Where the embedded engine keeps its files inside the data directory. */
export const pgliteDir = (dataDir: string) => join(dataDir, "pglite");

export interface OpenOptions {
  databaseUrl?: string;
  /** Data directory of the embedded engine; ":memory:" for a throw-away database (tests). */
  dataDir: string;
}

export async function openStore({ databaseUrl, dataDir }: OpenOptions): Promise<Store> {
  return databaseUrl ? openServer(databaseUrl) : openEmbedded(dataDir);
}

async function openServer(url: string): Promise<Store> {
  // Timestamps in UTC, as the embedded engine gives them, whatever the server's own time zone.
  const pool = new pg.Pool({ connectionString: url, max: 10, options: "-c TimeZone=UTC" });
  // An idle connection the server closes (a restart, a terminated backend) is dropped by the pool and
  // replaced at the next query; without a listener its error event would end the process.
  pool.on("error", () => undefined);
  // Surface a wrong URL now, with the server's message, instead of at the first request.
  await pool.query("select 1");
  const db = drizzlePg(pool, { schema }) as unknown as Database;
  return {
    db,
    engine: "postgres",
    async migrate() {
      const client = await pool.connect();
      try {
        // Two instances starting together must not both migrate: serialise on an advisory lock.
        await client.query("select pg_advisory_lock(748392011)");
        await migratePg(drizzlePg(client, { schema }), { migrationsFolder: MIGRATIONS_DIR });
      } finally {
        await client.query("select pg_advisory_unlock(748392011)").catch(() => undefined);
        client.release();
      }
    },
    refreshStatistics: async () => undefined,
    close: () => pool.end(),
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
