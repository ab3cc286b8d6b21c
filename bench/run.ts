/**
 * Baseline benchmark: list and search latency on a province-sized dataset, against a bare JSON
 * route of the same server measured in the same run (so the ratios hold whatever the machine).
 *
 *   npm run bench            # embedded engine (PGlite) in a temporary data directory
 *   DATABASE_URL=... npm run bench
 *
 * Prints a table (median, p95 in ms, and ratio to the baseline) and writes bench/results/latest.json.
 */
import { serve } from "@hono/node-server";
import { sql } from "drizzle-orm";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger } from "../src/core/log.js";
import { createApp } from "../src/http/app.js";
import { DEMO_PASSWORD } from "../src/accounts/bootstrap.js";
import { loadSampleProvince } from "../src/samples/load-samples.js";
import { VERSION } from "../src/server.js";
import { openStore } from "../src/storage/database.js";
import { generateProvince } from "./dataset.js";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const size = { documents: Number(process.env.BENCH_DOCUMENTS ?? 3000), tasksPerPlan: 8, indicatorsPerPlan: 3 };

const dataDir = mkdtempSync(join(tmpdir(), "theodoi-bench-"));
const store = await openStore({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir });
await store.migrate();
await loadSampleProvince(store.db);
let t0 = performance.now();
const generated = await generateProvince(store.db, size);
const generateSeconds = (performance.now() - t0) / 1000;
// Fresh statistics on both engines, as a server's autovacuum would have them by now.
await store.db.execute(sql`analyze`);
console.log(`engine ${store.engine}; generated ${generated.documents} documents, ${generated.tasks} tasks, ${generated.indicators} indicators in ${generateSeconds.toFixed(1)} s`);

const app = createApp({ store, log: createLogger("silent"), maxBodyBytes: 2_000_000, maxUploadBytes: 25 * 1024 * 1024, version: VERSION });
const server = await new Promise<ReturnType<typeof serve>>((ok) => { const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => ok(s)); });
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
// Every data route needs a session: the bench reads as the sample province's leader.
const signedIn = await fetch(`${base}/api/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "lanhdao", password: DEMO_PASSWORD }) });
if (!signedIn.ok) throw new Error(`sign-in for the bench failed: ${signedIn.status}`);
const session = { cookie: signedIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ") };

/** Latencies of `REQUESTS` requests made by `CONCURRENCY` clients, each path chosen by `pathFor(i)`. */
async function measure(pathFor: (i: number) => string): Promise<number[]> {
  for (let i = 0; i < 20; i++) await (await fetch(base + pathFor(i), { headers: session })).arrayBuffer(); // warm-up
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < REQUESTS) {
      const i = next++;
      const start = performance.now();
      const res = await fetch(base + pathFor(i), { headers: session });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${pathFor(i)} answered ${res.status}`);
      latencies.push(performance.now() - start);
    }
  }));
  return latencies.sort((a, b) => a - b);
}
const quantile = (xs: number[], q: number) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))];

const words = ["ty le che phu rung", "chuyen doi so", "ha tang dong bo", "du lich", "nong thon moi", "kinh te cua khau"];
// In nearly every document: the worst case for ranking.
const commonPhrase = "phat trien kinh te xa hoi";
const cases: [string, (i: number) => string][] = [
  ["baseline: bare JSON route (/api/ping)", () => "/api/ping"],
  ["documents list, page of 50", (i) => `/api/documents?page=${1 + (i % 60)}&pageSize=50`],
  ["documents list filtered by type and year", (i) => `/api/documents?type=plan&year=${2016 + (i % 9)}`],
  ["documents list with text filter", (i) => `/api/documents?q=${encodeURIComponent(words[i % words.length])}`],
  ["search across documents, tasks, indicators", (i) => `/api/search?q=${encodeURIComponent(words[i % words.length])}`],
  ["search for a phrase in nearly every document", () => `/api/search?q=${encodeURIComponent(commonPhrase)}`],
  ["tasks of one agency", (i) => `/api/tasks?agencyId=${13 + (i % 30)}`],
  ["document graph", (i) => `/api/documents/${100 + (i * 7) % 2500}/graph`],
];

const results = [];
let baselineMedian = 0;
for (const [name, pathFor] of cases) {
  t0 = performance.now();
  const xs = await measure(pathFor);
  const seconds = (performance.now() - t0) / 1000;
  const median = quantile(xs, 0.5), p95 = quantile(xs, 0.95);
  if (!baselineMedian) baselineMedian = median;
  results.push({ name, median, p95, ratio: median / baselineMedian, rps: REQUESTS / seconds });
}

console.log(`\n${REQUESTS} requests each, ${CONCURRENCY} concurrent clients\n`);
console.log("| case | median ms | p95 ms | median / baseline | req/s |\n|---|---:|---:|---:|---:|");
for (const r of results) console.log(`| ${r.name} | ${r.median.toFixed(2)} | ${r.p95.toFixed(2)} | ${r.ratio.toFixed(1)}× | ${r.rps.toFixed(0)} |`);

mkdirSync(new URL("./results", import.meta.url), { recursive: true });
writeFileSync(new URL("./results/latest.json", import.meta.url), JSON.stringify({ engine: store.engine, size, generated, requests: REQUESTS, concurrency: CONCURRENCY, results }, null, 1));
await new Promise<void>((ok) => server.close(() => ok()));
await store.close();
rmSync(dataDir, { recursive: true, force: true });
