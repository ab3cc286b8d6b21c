/**
 * The bench's own database on the PostgreSQL server of DATABASE_URL, created for the run and dropped
 * after it, as the tests do (test/support/database.ts): a bench never writes into the URL's database.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";

export interface BenchDatabase {
  /** The new database's URL; undefined without DATABASE_URL (the embedded engine). */
  url: string | undefined;
  drop(): Promise<void>;
}

async function onServer(serverUrl: string, statement: string) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try { await admin.query(statement); } finally { await admin.end(); }
}

export async function benchDatabase(serverUrl = process.env.DATABASE_URL || undefined): Promise<BenchDatabase> {
  if (!serverUrl) return { url: undefined, drop: async () => undefined };
  const name = `theodoi_bench_${randomBytes(6).toString("hex")}`;
  await onServer(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => onServer(serverUrl, `drop database if exists ${name} with (force)`) };
}
