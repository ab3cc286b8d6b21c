/**
 * Loads the national dataset into a PostgreSQL database of its own (issue 18): 3,000 agencies, 20,000
 * documents four levels deep, 1,000,000 tasks, 100,000 indicators with 5,000,000 values, ten years of
 * rounds and reports. The schema comes from the app's own migrations; the rows from bench/national/load.ts.
 *
 *   node --import tsx bench/national/generate.ts            # full size into theodoi_national
 *   NATIONAL_SCALE=0.1 node --import tsx bench/national/generate.ts --fresh
 *
 * Env: NATIONAL_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/theodoi_national; created when
 * missing), NATIONAL_SCALE (1 = full), NATIONAL_SEED (42). A database already loaded at the same scale and
 * seed is reused (the marker is the database's comment); --fresh drops and loads it again.
 */
import { sql } from "drizzle-orm";
import pg from "pg";
import { openStore, queryRows } from "../../src/storage/database.js";
import { BENCH_ACCOUNTS, BENCH_PASSWORD, createBenchAccounts, loadNational } from "./load.js";

export const DEFAULT_NATIONAL_URL = "postgres://postgres@127.0.0.1:5432/theodoi_national";
const MARKER = "theodoi national dataset ";

export interface Loaded { url: string; scale: number; seed: number; reused: boolean }

async function onServer<T>(url: URL, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const server = new URL(url);
  server.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  try { return await work(admin); } finally { await admin.end(); }
}

/** The dataset at `url`: loaded now, or the one already there at the same scale and seed. */
export async function ensureNational(options: { url?: string; scale?: number; seed?: number; fresh?: boolean; log?: (line: string) => void } = {}): Promise<Loaded> {
  const url = new URL(options.url ?? process.env.NATIONAL_DATABASE_URL ?? DEFAULT_NATIONAL_URL);
  const scale = options.scale ?? Number(process.env.NATIONAL_SCALE ?? 1), seed = options.seed ?? Number(process.env.NATIONAL_SEED ?? 42);
  const log = options.log ?? console.log;
  const name = url.pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name must be a plain identifier: ${name}`);
  const wanted = JSON.stringify({ scale, seed });
  const marker = await onServer(url, async (admin) => {
    if (options.fresh) await admin.query(`drop database if exists ${name} with (force)`);
    const found = await admin.query("select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1", [name]);
    if (!found.rows.length) await admin.query(`create database ${name}`);
    return (found.rows[0]?.comment as string | null | undefined) ?? null;
  });
  if (marker === MARKER + wanted) {
    log(`reusing ${url} (scale ${scale}, seed ${seed}); --fresh loads it again`);
    return { url: url.toString(), scale, seed, reused: true };
  }
  if (marker) throw new Error(`${url} holds another dataset (${marker}); run with --fresh to replace it`);

  const store = await openStore({ databaseUrl: url.toString(), dataDir: ":memory:" });
  try {
    await store.migrate();
    const [{ n }] = await queryRows<{ n: number }>(store.db, sql`select count(*)::int as n from agencies`);
    // A load is one transaction: a database with rows and no marker was filled by something else.
    if (n > 0) throw new Error(`${url} has data but no marker of a national load; run with --fresh to replace it`);
    log(`loading the national dataset at scale ${scale} (seed ${seed}) into ${url}`);
    const started = performance.now();
    const { steps } = await loadNational(store.db, { scale, seed, log });
    await createBenchAccounts(store.db);
    // Statistics and the visibility map, as autovacuum would have them on a server that has run for a while.
    let t = performance.now();
    await store.db.execute(sql`vacuum analyze`);
    log(`  ${"vacuum analyze".padEnd(34)} ${"".padStart(15)} ${((performance.now() - t) / 1000).toFixed(1).padStart(7)} s`);
    const total = (performance.now() - started) / 1000;
    log(`loaded ${steps.reduce((a, s) => a + s.rows, 0)} rows in ${total.toFixed(0)} s; sign in as ${Object.values(BENCH_ACCOUNTS).join(", ")} with ${BENCH_PASSWORD}`);
    const [size] = await queryRows<{ size: string }>(store.db, sql`select pg_size_pretty(pg_database_size(current_database())) as size`);
    log(`database size ${size.size}`);
  } finally {
    await store.close();
  }
  await onServer(url, (admin) => admin.query(`comment on database ${name} is '${MARKER}${wanted}'`));
  return { url: url.toString(), scale, seed, reused: false };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await ensureNational({ fresh: process.argv.includes("--fresh") });
}
