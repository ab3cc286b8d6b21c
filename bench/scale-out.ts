/**
 * Scale-out benchmark (issue 18, point 4): requests per second for one, two and three `theodoi serve`
 * instances behind PgBouncer on the bench's primary, with and without the streaming replica for reads,
 * against a bare route (/api/ping) of one instance in the same run.
 *
 *   node --import tsx bench/scale-out.ts        # as root: runs deploy/scale-out/up.sh (down.sh --purge first)
 *
 * Closed loop: BENCH_CLIENTS (20) clients each send the next request when the last is answered, spread
 * round-robin over the instances of the case, for BENCH_SECONDS (8) per case after a 2 s warm-up. Cases:
 * the document list (a page of 50) and the province-wide dashboard (warm), read as the administrator (no
 * write since sign-in: reads go to the replica where there is one; the answers' X-Theodoi-Read counted).
 * The load generator shares the machine: on 2 cores it takes one of them. Writes bench/results/scale-out.json.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const PASSWORD = "mat-khau-thu-nghiem-bench";

function script(name: string, ...args: string[]): string {
  const run = spawnSync(join(ROOT, "deploy/scale-out", name), args, { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`${name} failed: ${run.stdout}\n${run.stderr}`);
  return run.stdout;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function get(url: string, cookie: string): Promise<{ status: number; read: string | null }> {
  return new Promise((ok, fail) => {
    const req = http.get(url, { agent, headers: { cookie } }, (res) => {
      res.resume();
      res.on("end", () => ok({ status: res.statusCode ?? 0, read: (res.headers["x-theodoi-read"] as string | undefined) ?? null }));
    });
    req.on("error", fail);
  });
}

interface Instance { url: string; child: ChildProcess }

async function start(env: Record<string, string>, port: number, dir: string): Promise<Instance> {
  const child = spawn(process.execPath, ["bin/theodoi.mjs", "serve"], {
    cwd: ROOT, stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1", THEODOI_DATA_DIR: dir, LOG_LEVEL: "warn", THEODOI_REMINDER_MINUTES: "0", THEODOI_ADMIN_PASSWORD: PASSWORD },
  });
  const url = `http://127.0.0.1:${port}`;
  for (let waited = 0; ; waited += 200) {
    if (child.exitCode !== null) throw new Error(`instance on ${port} exited`);
    if (waited > 120_000) throw new Error(`instance on ${port} did not start`);
    if (await get(`${url}/api/health`, "").then((r) => r.status === 200, () => false)) return { url, child };
    await sleep(200);
  }
}

interface Result { case: string; instances: number; replica: boolean; rps: number; p95ms: number; errors: number; refused: Record<string, number>; fromReplica: number }

async function drive(name: string, urls: string[], path: string, cookie: string, replica: boolean): Promise<Result> {
  const latencies: number[] = [];
  let errors = 0, fromReplica = 0, counting = false, running = true, next = 0;
  const refused: Record<string, number> = {};
  const client = async () => {
    while (running) {
      const url = urls[next++ % urls.length] + path;
      const t = performance.now();
      try {
        const r = await get(url, cookie);
        if (!counting) continue;
        if (r.status !== 200) { errors++; refused[r.status] = (refused[r.status] ?? 0) + 1; }
        else latencies.push(performance.now() - t);
        if (r.read === "replica") fromReplica++;
      } catch {
        if (counting) errors++;
      }
    }
  };
  const clients = Array.from({ length: CLIENTS }, client);
  await sleep(2000);
  counting = true;
  const t0 = performance.now();
  await sleep(SECONDS * 1000);
  counting = false;
  const elapsed = (performance.now() - t0) / 1000;
  running = false;
  await Promise.all(clients);
  latencies.sort((a, b) => a - b);
  const result = { case: name, instances: urls.length, replica, rps: Math.round(latencies.length / elapsed), p95ms: Math.round(latencies[Math.floor(latencies.length * 0.95)] ?? 0), errors, refused, fromReplica };
  console.log(JSON.stringify(result));
  return result;
}

async function main() {
  script("down.sh", "--purge");
  const env = Object.fromEntries(script("up.sh").trim().split("\n").filter((l) => /^[A-Z_]+=/.test(l)).map((l) => l.split(/=(.*)/s).slice(0, 2)));
  const dirs: string[] = [];
  const dir = () => { const d = mkdtempSync(join(tmpdir(), "theodoi-bench-scale-")); dirs.push(d); return d; };
  const instances: Instance[] = [];
  try {
    // The first loads the sample province; then three with the replica for reads and three without.
    const withReplica = { ...env, THEODOI_SAMPLES: "1" };
    const primaryOnly = { DATABASE_URL: env.DATABASE_URL, DATABASE_MIGRATE_URL: env.DATABASE_MIGRATE_URL, THEODOI_SAMPLES: "0" };
    instances.push(await start(withReplica, 3701, dir()));
    for (const [port, e] of [[3702, withReplica], [3703, withReplica], [3711, primaryOnly], [3712, primaryOnly], [3713, primaryOnly]] as const) instances.push(await start(e, port, dir()));
    const signIn = await fetch(`${instances[0].url}/api/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "admin", password: PASSWORD }) });
    if (!signIn.ok) throw new Error(`sign-in: ${signIn.status}`);
    // The session only: without the written position of the sign-in, reads go to the replica once it has it.
    const cookie = signIn.headers.getSetCookie().map((c) => c.split(";")[0]).filter((c) => c.startsWith("theodoi_session=")).join("; ");
    await sleep(1000);
    const replicaUrls = instances.slice(0, 3).map((i) => i.url), primaryUrls = instances.slice(3).map((i) => i.url);
    const results: Result[] = [await drive("ping (bare route)", [replicaUrls[0]], "/api/ping", "", false)];
    for (const [name, path] of [["document list", "/api/documents?page=1&pageSize=50"], ["dashboard", "/api/dashboard"]] as const) {
      for (const n of [1, 2, 3]) {
        results.push(await drive(name, primaryUrls.slice(0, n), path, cookie, false));
        results.push(await drive(name, replicaUrls.slice(0, n), path, cookie, true));
      }
    }
    const ping = results[0].rps;
    const table = results.slice(1).map((r) => ({ ...r, ofPing: Number((r.rps / ping).toFixed(3)), ofOneInstance: Number((r.rps / results.find((b) => b.case === r.case && b.instances === 1 && !b.replica)!.rps).toFixed(2)) }));
    console.table(table.map(({ case: c, instances: n, replica, rps, p95ms, errors, fromReplica, ofPing, ofOneInstance }) => ({ case: c, n, replica, rps, p95ms, errors, fromReplica, ofPing, ofOneInstance })));
    console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(", ")} (other work on the machine counts)`);
    mkdirSync(join(ROOT, "bench/results"), { recursive: true });
    writeFileSync(join(ROOT, "bench/results/scale-out.json"), JSON.stringify({ at: new Date().toISOString(), loadAverage: loadavg(), cpus: cpus().length, cpu: cpus()[0]?.model, clients: CLIENTS, seconds: SECONDS, ping, results: table }, null, 2));
  } finally {
    for (const i of instances) i.child.kill("SIGTERM");
    await sleep(1000);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    script("down.sh", "--purge");
    agent.destroy();
  }
}

await main();
