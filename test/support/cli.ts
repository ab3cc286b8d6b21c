/** The command line on the sample province, as a test runs it: the store it reads, and `theodoi` run against it. */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { loadSampleProvince } from "../../src/samples/load-samples.js";
import { openStore } from "../../src/storage/database.js";
import { openTestDatabase, serverUrl } from "./database.js";

export interface SampleCli {
  /** Runs `theodoi ARGS…` to its end: its exit code and what it wrote to stderr. */
  run(...args: string[]): Promise<{ code: number; stderr: string }>;
  drop(): Promise<void>;
}

/**
 * The sample province in a store of its own for the command line: a database on the server when tests
 * run on PostgreSQL (DATABASE_URL), else an embedded one under `dir`.
 */
export async function sampleProvinceCli(dir: string): Promise<SampleCli> {
  let env: NodeJS.ProcessEnv;
  let drop = async () => {};
  if (serverUrl) {
    const server = await openTestDatabase({ samples: true });
    env = { ...process.env, DATABASE_URL: server.url, LOG_LEVEL: "warn" };
    drop = () => server.drop();
  } else {
    const dataDir = join(dir, "data");
    const store = await openStore({ dataDir });
    await store.migrate();
    await loadSampleProvince(store.db);
    await store.close();
    env = { ...process.env, THEODOI_DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "warn" };
  }
  const run = (...args: string[]) => new Promise<{ code: number; stderr: string }>((ok) => {
    const child = spawn(process.execPath, ["bin/theodoi.mjs", ...args], { env });
    let stderr = "";
    child.stderr.on("data", (b) => (stderr += b));
    child.on("close", (code) => ok({ code: code ?? -1, stderr }));
  });
  return { run, drop };
}
