/**
 * The real server as its own process (`theodoi serve`), as it runs in production: for tests that must
 * see what a request does to the server's memory, apart from the test's own. On the embedded engine it
 * gets a fresh data directory; with DATABASE_URL, a fresh database on the server.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openTestDatabase, serverUrl } from "./database.js";
import { TEST_PASSWORD, type Client } from "./server.js";

export interface ServerProcess {
  url: string;
  pid: number;
  /** The administrator's session. */
  admin: Client;
  /** The resident memory of the server, and of all the processes it started and they started (the reader launcher and readers), in bytes, now. */
  memory(): { server: number; children: number };
  /** The error of a request that failed, with whether the server process still runs and, if not, how it ended. */
  failed(e: Error): Promise<Error>;
  close(): Promise<void>;
}

const freePort = () => new Promise<number>((resolve) => {
  const probe = createServer().listen(0, "127.0.0.1", () => {
    const { port } = probe.address() as { port: number };
    probe.close(() => resolve(port));
  });
});

/** VmRSS of a process from /proc, in bytes (0 once it is gone). */
function residentBytes(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "latin1"))?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/** The processes whose parent is `pid`, and theirs, all the way down. */
function descendantsOf(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The parent is the 4th field, after the command name in brackets (which may hold spaces).
      const stat = readFileSync(`/proc/${entry}/stat`, "latin1");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(parent, [...(parents.get(parent) ?? []), Number(entry)]);
    } catch { /* gone meanwhile */ }
  }
  const found: number[] = [];
  for (let next = parents.get(pid) ?? []; next.length; next = next.flatMap((p) => parents.get(p) ?? [])) found.push(...next);
  return found;
}

export async function startServerProcess(env: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  const dir = mkdtempSync(join(tmpdir(), "theodoi-server-"));
  const database = serverUrl ? await openTestDatabase() : undefined;
  await database?.store.close();
  let child: ChildProcess | undefined;
  /** Everything it made goes, whether it started or not. */
  const cleanUp = async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child!.once("exit", () => resolve()));
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
    await database?.drop().catch(() => undefined);
  };
  try {
    const port = await freePort();
    const serverEnv = {
      ...process.env, PORT: String(port), HOST: "127.0.0.1", THEODOI_DATA_DIR: join(dir, "data"), DATABASE_URL: database?.url ?? "",
      THEODOI_SAMPLES: "0", THEODOI_ADMIN_PASSWORD: TEST_PASSWORD, THEODOI_REMINDER_MINUTES: "0", LOG_LEVEL: "warn", ...env,
    };
    // The database is created first by another process, as it is once in a server's life: creating an embedded
    // one takes seconds and leaves memory behind that a server started on an existing one never holds.
    const migrated = spawnSync(process.execPath, ["bin/theodoi.mjs", "migrate"], { env: serverEnv, encoding: "utf8" });
    if (migrated.status !== 0) throw new Error(`theodoi migrate failed: ${migrated.stderr}`);
    const started = spawn(process.execPath, ["bin/theodoi.mjs", "serve"], { env: serverEnv, stdio: ["ignore", "pipe", "pipe"] });
    child = started;
    let stderr = "";
    // Its log (warnings and errors, on stdout) and anything it writes on dying (stderr), the last of them kept.
    started.stderr!.on("data", (b) => { stderr = (stderr + b).slice(-4000); });
    started.stdout!.on("data", (b) => { stderr = (stderr + b).slice(-4000); });
    const url = `http://127.0.0.1:${port}`;
    for (let waited = 0; ; waited += 200) {
      if (started.exitCode !== null) throw new Error(`the server exited: ${stderr}`);
      if (waited > 120_000) throw new Error(`the server did not answer in 120 s: ${stderr}`);
      const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const res = await fetch(`${url}/api/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "admin", password: TEST_PASSWORD }) });
    if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
    const headers = { cookie: res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; "), "x-csrf-token": ((await res.json()) as { csrfToken: string }).csrfToken };
    /**
     * A failed request says whether the server process is still there, and if not how it ended and what it
     * wrote last (waiting a moment for its end to be seen: a refused connection often comes first).
     */
    const withServerState = async (e: Error) => {
      const ended = () => started.exitCode !== null || started.signalCode !== null;
      for (let waited = 0; !ended() && waited < 3000; waited += 100) await new Promise((r) => setTimeout(r, 100));
      return new Error(`${e.message}: ${ended()
        ? `the server process ended (exit code ${started.exitCode}, signal ${started.signalCode}); its last output: ${stderr.slice(-2000)}`
        : `the server process is still running; its last output: ${stderr.slice(-2000)}`}`, { cause: e });
    };
    const admin: Client = {
      headers,
      async call(method, path, body, extra = {}) {
        const r = await fetch(url + path, { method, headers: { ...headers, ...(body !== undefined ? { "content-type": "application/json" } : {}), ...extra }, body: body === undefined ? undefined : JSON.stringify(body) })
          .catch(async (e: Error) => { throw await withServerState(e); });
        const text = await r.text();
        return { status: r.status, body: text && r.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text };
      },
    };
    return {
      url, pid: started.pid!, admin, failed: withServerState,
      memory: () => ({ server: residentBytes(started.pid!), children: descendantsOf(started.pid!).reduce((sum, pid) => sum + residentBytes(pid), 0) }),
      close: cleanUp,
    };
  } catch (e) {
    await cleanUp();
    throw e;
  }
}
