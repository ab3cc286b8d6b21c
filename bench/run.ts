/**
 * Baseline benchmark: list and search latency on a province-sized dataset, against a bare JSON
 * route of the same server measured in the same run (so the ratios hold whatever the machine).
 *
 *   npm run bench            # embedded engine (PGlite) in a temporary data directory
 *   DATABASE_URL=... npm run bench   # a database of its own on that server, dropped afterwards
 *   BENCH_ONLY=dashboard npm run bench   # only the cases whose name holds it, with the baselines
 *
 * Prints a table (median, p95 in ms, and ratio to the baseline) and writes bench/results/latest.json.
 * `npm run bench` then runs bench/sustained.ts (the sustained rate, and overload); `npm run bench:latency`
 * runs this one alone.
 */
import { serve } from "@hono/node-server";
import { eq, sql } from "drizzle-orm";
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
import { benchDatabase } from "./database.js";
import { buildDashboard } from "../src/dashboard/dashboard.js";
import { forgetFigures } from "../src/dashboard/figures.js";
import { indicators } from "../src/plans/schema.js";
import { documents } from "../src/documents/schema.js";
import { scopeDocuments } from "../src/documents/queries.js";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const size = { documents: Number(process.env.BENCH_DOCUMENTS ?? 3000), tasksPerPlan: 8, indicatorsPerPlan: 3 };

const dataDir = mkdtempSync(join(tmpdir(), "theodoi-bench-"));
// On a server, a database of its own (it used to fill the URL's own database with a generated province).
const database = await benchDatabase();
const store = await openStore({ databaseUrl: database.url, dataDir });
await store.migrate();
await loadSampleProvince(store.db);
const [{ lastSample }] = await store.db.select({ lastSample: sql<number>`max(${documents.id})` }).from(documents);
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

/** Latencies of `REQUESTS` requests made by `clients` concurrent clients, each path chosen by `pathFor(i)`. */
async function measure(pathFor: (i: number) => string, clients = CONCURRENCY): Promise<number[]> {
  for (let i = 0; i < 20; i++) await (await fetch(base + pathFor(i), { headers: session })).arrayBuffer(); // warm-up
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: clients }, async () => {
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
/** The dashboard's goal is stated for 20 users at once: those cases run with 20 clients, against a baseline at 20. */
const DASHBOARD_USERS = 20;
const [{ id: somePlan }] = await store.db.select({ id: documents.id }).from(documents).where(eq(documents.docType, "plan")).limit(1);
// A resolution's chain (issue 15): of the first generated documents, which the generator's chains hang from, the one
// with the most documents below it, measured as a scope like any plan.
let top = { id: 0, documents: 0, depth: 0 };
for (const { id } of await store.db.select({ id: documents.id }).from(documents).where(sql`${documents.id} > ${lastSample}`).orderBy(documents.id).limit(20)) {
  const chain = await scopeDocuments(store.db, id, false);
  if (chain.length > top.documents) top = { id, documents: chain.length, depth: Math.max(...chain.map((d) => d.depth)) };
}
console.log(`a resolution's chain: document ${top.id}, ${top.documents} documents, ${top.depth} levels below it`);
const cases: [string, (i: number) => string, number?][] = [
  ["baseline: bare JSON route (/api/ping)", () => "/api/ping"],
  ["documents list, page of 50", (i) => `/api/documents?page=${1 + (i % 60)}&pageSize=50`],
  ["documents list filtered by type and year", (i) => `/api/documents?type=plan&year=${2016 + (i % 9)}`],
  ["documents list with text filter", (i) => `/api/documents?q=${encodeURIComponent(words[i % words.length])}`],
  ["search across documents, tasks, indicators", (i) => `/api/search?q=${encodeURIComponent(words[i % words.length])}`],
  ["search for a phrase in nearly every document", () => `/api/search?q=${encodeURIComponent(commonPhrase)}`],
  // Words in a few of the sample province's texts only: search asks its indexes (src/search).
  ["search for words in few rows", (i) => `/api/search?q=${encodeURIComponent(["cua khau huu nghi", "dong dang"][i % 2])}`],
  ["tasks of one agency", (i) => `/api/tasks?agencyId=${13 + (i % 30)}`],
  ["document graph", (i) => `/api/documents/${100 + (i * 7) % 2500}/graph`],
  [`baseline at ${DASHBOARD_USERS} clients (/api/ping)`, () => "/api/ping", DASHBOARD_USERS],
  [`dashboard, province-wide, ${DASHBOARD_USERS} clients`, () => "/api/dashboard?year=2024", DASHBOARD_USERS],
  [`dashboard, one plan, ${DASHBOARD_USERS} clients`, () => `/api/dashboard?year=2024&plan=${somePlan}`, DASHBOARD_USERS],
  [`dashboard, a resolution's chain of ${top.documents} documents, ${DASHBOARD_USERS} clients`, () => `/api/dashboard?year=2024&plan=${top.id}`, DASHBOARD_USERS],
];

const results = [];
let baselineMedian = 0;
// BENCH_ONLY=dashboard measures only the cases whose name holds it (and their baselines).
const only = process.env.BENCH_ONLY;
for (const [name, pathFor, clients] of cases.filter(([name]) => !only || name.includes(only) || name.startsWith("baseline"))) {
  t0 = performance.now();
  const xs = await measure(pathFor, clients);
  const seconds = (performance.now() - t0) / 1000;
  const median = quantile(xs, 0.5), p95 = quantile(xs, 0.95);
  // Each group is compared with the baseline measured at its own concurrency.
  if (!baselineMedian || name.startsWith("baseline")) baselineMedian = median;
  results.push({ name, median, p95, ratio: median / baselineMedian, rps: REQUESTS / seconds });
}
// The first province-wide dashboard after a write, through HTTP: the write is a focal point's value for an indicator
// of a generated plan; the figures of the documents it touched are evaluated again, the rest kept (issue 18).
const focal = await fetch(`${base}/api/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "daumoi", password: DEMO_PASSWORD }) });
const focalSession = { cookie: focal.headers.getSetCookie().map((c) => c.split(";")[0]).join("; "), "x-csrf-token": ((await focal.json()) as { csrfToken: string }).csrfToken, "content-type": "application/json" };
const [written] = await store.db.select({ id: indicators.id }).from(indicators).where(sql`${indicators.documentId} > ${lastSample}`).orderBy(indicators.id).limit(1);
const afterWrite: number[] = [];
for (let i = 0; i < 10; i++) {
  const wrote = await fetch(`${base}/api/values`, { method: "POST", headers: focalSession, body: JSON.stringify({ indicatorId: written.id, period: String(2015 - i), value: 50 + i, kind: "actual" }) });
  if (!wrote.ok) throw new Error(`the bench's write failed: ${wrote.status} ${await wrote.text()}`);
  const start = performance.now();
  const res = await fetch(`${base}/api/dashboard?year=2024`, { headers: session });
  await res.arrayBuffer();
  afterWrite.push(performance.now() - start);
}
// A dashboard built afresh (every document evaluated: a process's first, or a day's), outside HTTP.
const cold: number[] = [];
for (let i = 0; i < 3; i++) { forgetFigures(store.db); const start = performance.now(); await buildDashboard(store.db, 2024, null, new Date(), "2026-11-23"); cold.push(performance.now() - start); }
const coldChain: number[] = [];
for (let i = 0; i < 3; i++) { forgetFigures(store.db); const start = performance.now(); await buildDashboard(store.db, 2024, top.id, new Date(), "2026-11-23"); coldChain.push(performance.now() - start); }

console.log(`\n${REQUESTS} requests each, ${CONCURRENCY} concurrent clients\n`);
console.log("| case | median ms | p95 ms | median / baseline | req/s |\n|---|---:|---:|---:|---:|");
for (const r of results) console.log(`| ${r.name} | ${r.median.toFixed(2)} | ${r.p95.toFixed(2)} | ${r.ratio.toFixed(1)}× | ${r.rps.toFixed(0)} |`);
const afterWriteSorted = afterWrite.sort((a, b) => a - b);
console.log(`\nthe first province-wide dashboard after a write: median ${quantile(afterWriteSorted, 0.5).toFixed(0)} ms, worst ${afterWriteSorted.at(-1)!.toFixed(0)} ms of ${afterWrite.length}`);
const coldMedian = quantile(cold.sort((a, b) => a - b), 0.5);
console.log(`dashboard built afresh (province-wide, no cache): median ${coldMedian.toFixed(0)} ms of 3`);
const coldChainMedian = quantile(coldChain.sort((a, b) => a - b), 0.5);
console.log(`dashboard built afresh (a resolution's chain of ${top.documents} documents): median ${coldChainMedian.toFixed(0)} ms of 3 (goal ≤ 1 s): ${coldChainMedian <= 1000 ? "met" : "MISSED"}`);
const dashboardP95 = Math.max(...results.filter((r) => r.name.startsWith("dashboard")).map((r) => r.p95));
console.log(`dashboard p95 at ${DASHBOARD_USERS} clients: ${dashboardP95.toFixed(1)} ms (goal ≤ 100 ms): ${dashboardP95 <= 100 ? "met" : "MISSED"}`);

mkdirSync(new URL("./results", import.meta.url), { recursive: true });
writeFileSync(new URL("./results/latest.json", import.meta.url), JSON.stringify({ engine: store.engine, size, generated, requests: REQUESTS, concurrency: CONCURRENCY, results, dashboardAfterWriteMs: afterWriteSorted, dashboardColdMs: coldMedian, chain: top, chainDashboardColdMs: coldChainMedian }, null, 1));
await new Promise<void>((ok) => server.close(() => ok()));
await store.close();
await database.drop();
rmSync(dataDir, { recursive: true, force: true });
