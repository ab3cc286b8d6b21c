/**
 * A fresh, migrated database for one test file, on the engine the run asks for: a throw-away
 * PGlite in memory by default, or a new database on the PostgreSQL server of DATABASE_URL
 * (created here, dropped afterwards), so each file sees an empty database on both engines.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { loadSampleProvince } from "../../src/samples/load-samples.js";
import { openStore, type Store } from "../../src/storage/database.js";

export interface TestDatabase {
  store: Store;
  /** The URL of the server database, when the run uses one. */
  url?: string;
  drop(): Promise<void>;
}

export const serverUrl = process.env.DATABASE_URL || undefined;

export async function openTestDatabase(options: { samples?: boolean } = {}): Promise<TestDatabase> {
  let url: string | undefined;
  let name: string | undefined;
  if (serverUrl) {
    name = `theodoi_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(serverUrl);
    u.pathname = `/${name}`;
    url = u.toString();
  }
  const store = await openStore({ databaseUrl: url, dataDir: ":memory:" });
  await store.migrate();
  if (options.samples) await loadSampleProvince(store.db);
  return {
    store,
    url,
    async drop() {
      await store.close();
      if (name && serverUrl) {
        const admin = new pg.Client({ connectionString: serverUrl });
        await admin.connect();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    },
  };
}
