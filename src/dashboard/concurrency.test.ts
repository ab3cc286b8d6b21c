/**
 * Issue 18: several province-wide dashboards asked for at once took the process past its heap limit.
 * On a generated province (bench/dataset.ts, small enough to load in seconds), many readers at once:
 * every answer is 200 or 503 with Retry-After, each scope is built once, builds run one at a time,
 * the heap stays bounded and /api/health answers meanwhile. No timing is asserted (bench/ holds those).
 */
import { getHeapStatistics } from "node:v8";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateProvince } from "../../bench/dataset.js";
import { startTestServer, type Client, type TestServer } from "../../test/support/server.js";
import { agencies } from "../agencies/schema.js";
import { AppError } from "../core/errors.js";
import { vietnamDate } from "../reporting/periods.js";
import { cachedDashboard, cachedDashboardJson, dashboardBuildStats, invalidateDashboard, REBUILD_AFTER_MS, setDashboardLimits } from "./dashboard.js";
import type { Aside } from "../core/aside.js";
import { DEFAULT_DASHBOARD_LIMITS } from "./gate.js";
import { figuresProgress } from "./figures.js";

const serverUrl = process.env.DATABASE_URL;
let s: TestServer;
let leader: Client;
let generated: { documents: number; tasks: number; indicators: number };

beforeAll(async () => {
  s = await startTestServer();
  leader = await s.as("ld-dongthoi", "leader");
  // A province's departments to assign the generated tasks to (the sample province would add 10 s of loading).
  // More than the dashboard lists (200): a country's 3,000 are counted, the most overdue listed.
  await s.db.store.db.insert(agencies).values(Array.from({ length: 260 }, (_, i) => ({ code: `so-${i}`, name: `Sở thứ ${i + 1}`, kind: "department" as const })));
  generated = await generateProvince(s.db.store.db, { documents: 300, tasksPerPlan: 80, indicatorsPerPlan: 20 });
});
afterAll(async () => {
  setDashboardLimits(DEFAULT_DASHBOARD_LIMITS);
  await s?.close();
});

interface Answer { path: string; status: number; retryAfter: string | null; body: any }

/** A request as the browser sends it, keeping what the client needs of a refusal (Retry-After). Never throws: a dropped connection is an answer too. */
async function ask(path: string, client: Client = leader): Promise<Answer> {
  try {
    const res = await fetch(s.url + path, { headers: { ...client.headers, "accept-language": "en" } });
    return { path, status: res.status, retryAfter: res.headers.get("retry-after"), body: await res.json() };
  } catch (e) {
    return { path, status: 0, retryAfter: null, body: String(e) };
  }
}

/** Pings /api/health and samples the heap until `done` settles. */
function meanwhile(done: Promise<unknown>) {
  let over = false;
  void done.finally(() => { over = true; });
  let peakHeap = process.memoryUsage().heapUsed;
  const heap = setInterval(() => { peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed); }, 20);
  const health = (async () => {
    const statuses: number[] = [];
    while (!over) {
      statuses.push((await ask("/api/health", s.anonymous)).status);
      await new Promise((ok) => setTimeout(ok, 25));
    }
    return statuses;
  })();
  return { health, peak: () => { clearInterval(heap); return Math.max(peakHeap, process.memoryUsage().heapUsed); } };
}

/** 200, or 503 with Retry-After and the API's error shape. */
function servedOrRefused(a: Answer) {
  expect([200, 503], `${a.path}: ${a.status} ${JSON.stringify(a.body).slice(0, 200)}`).toContain(a.status);
  if (a.status === 503) {
    expect(Number(a.retryAfter), a.path).toBeGreaterThanOrEqual(1);
    expect(a.body.error).toMatchObject({ code: "unavailable", message: expect.stringMatching(/try again in \d+ s/) });
  }
}

/** Asks again (as the page would, sooner than Retry-After says) until served: the refused builds were done for the next reader. */
async function untilServed(path: string): Promise<Answer> {
  for (let i = 0; ; i++) {
    const a = await ask(path);
    servedOrRefused(a);
    if (a.status === 200 || i >= 300) return a;
    await new Promise((ok) => setTimeout(ok, 200));
  }
}

const builtOf = (year: number) => dashboardBuildStats().byScope.get(`${year}|all`) ?? 0;

describe("many province-wide dashboards at once", () => {
  it("serves several years and the same year many times with one build per scope, one build at a time, the heap bounded and health answering", { timeout: 180_000 }, async () => {
    expect(generated.tasks).toBeGreaterThan(5000);
    setDashboardLimits({ maxBuilds: 1, timeoutMs: 120_000, maxQueued: 8 });
    const years = [2022, 2023, 2024, 2025];
    const before = process.memoryUsage().heapUsed;
    const burst = Promise.all([
      ...years.map((y) => ask(`/api/dashboard?year=${y}`)),
      ...Array.from({ length: 12 }, (_, i) => ask(i % 3 === 0 ? "/api/dashboard/tasks?year=2024&state=overdue" : "/api/dashboard?year=2024")),
    ]);
    const side = meanwhile(burst);
    const answers = await burst;
    const peak = side.peak();
    const health = await side.health;

    for (const a of answers) servedOrRefused(a);
    // The admission guard may turn a few away at once; most are served.
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThan(answers.length / 2);
    for (const a of answers.filter((x) => x.status === 200 && x.path.startsWith("/api/dashboard?"))) {
      expect(a.body.taskCounts).toBeDefined();
      expect(a.body.agencyCount).toBeGreaterThan(200);
      expect(a.body.agencies).toHaveLength(200);
      const overdue = a.body.agencies.map((x: { tasks: { overdue: number } }) => x.tasks.overdue);
      expect(overdue).toEqual([...overdue].sort((x: number, y: number) => y - x));
    }
    for (const y of years) expect(builtOf(y), `builds of ${y}`).toBeLessThanOrEqual(1);
    expect(builtOf(2024)).toBe(1);
    expect(dashboardBuildStats().peakRunning).toBe(1);
    // Loosely: far below the process's limit, and not several province-wide builds' worth above where it started.
    const limit = getHeapStatistics().heap_size_limit;
    expect(peak).toBeLessThan(0.75 * limit);
    expect(peak - before).toBeLessThan(1024 ** 3);
    expect(health.length).toBeGreaterThan(0);
    expect(health.every((st) => st === 200), JSON.stringify(health)).toBe(true);

    // Every scope is served on asking again, from its one build.
    for (const y of years) expect((await untilServed(`/api/dashboard?year=${y}`)).status).toBe(200);
    for (const y of years) expect(builtOf(y), `builds of ${y}`).toBe(1);
  });

  it("answers 503 with Retry-After, at once or after its timeout, to readers past the limits, and their builds fill the cache for the next request", { timeout: 180_000 }, async () => {
    // One build at a time, two waiting at most, and a reader waits 50 ms: most of a burst of new scopes is refused.
    setDashboardLimits({ maxBuilds: 1, timeoutMs: 50, maxQueued: 2 });
    const years = [2016, 2017, 2018, 2019, 2020, 2021];
    const burst = Promise.all(years.flatMap((y) => [ask(`/api/dashboard?year=${y}`), ask(`/api/dashboard/indicators?year=${y}`)]));
    const side = meanwhile(burst);
    const answers = await burst;
    side.peak();
    const health = await side.health;
    for (const a of answers) servedOrRefused(a);
    expect(health.every((st) => st === 200)).toBe(true);
    const refused = answers.filter((a) => a.status === 503);
    for (const a of refused.filter((r) => r.body.error.message.startsWith("The dashboard"))) {
      expect(a.body.error.message).toMatch(/^The dashboard is being prepared( \(\d+% of the documents done\))?; try again in \d+ s$/);
    }
    expect(dashboardBuildStats().peakRunning).toBe(1);

    // With room again, each scope is served, and built once whatever was refused on the way.
    setDashboardLimits({ maxBuilds: 1, timeoutMs: 120_000, maxQueued: 8 });
    for (const y of years) expect((await untilServed(`/api/dashboard?year=${y}`)).status).toBe(200);
    for (const y of years) expect(builtOf(y), `builds of ${y}`).toBe(1);
  });
  it("in the process: a reader waits on a build aside (its request's slot lent), on what is built not at all, and gets the JSON encoded once", async () => {
    const db = s.db.store.db;
    const now = new Date(), today = vietnamDate(now);
    setDashboardLimits({ maxBuilds: 1, timeoutMs: 120_000, maxQueued: 8 });
    let asides = 0;
    const aside: Aside = (shared) => { asides++; return shared; };
    const first = await cachedDashboardJson(db, 2006, null, now, today, true, aside);
    expect(asides).toBe(1);
    const again = await cachedDashboardJson(db, 2006, null, now, today, true, aside);
    expect(asides).toBe(1);
    expect(again).toBe(first);
    const parsed = (bytes: Uint8Array) => JSON.parse(new TextDecoder().decode(bytes));
    expect(parsed(first)).toMatchObject({ year: 2006, reporting: true });
    expect(parsed(await cachedDashboardJson(db, 2006, null, now, today, false, aside))).toMatchObject({ year: 2006, reporting: false, late: [] });
    expect(builtOf(2006)).toBe(1);
  });
  // On PostgreSQL only: the embedded engine answers each query within the event loop's turn, so nothing else (the
  // reader's timer, this test's look at the progress) runs between the evaluation's batches of a province this size.
  it.runIf(serverUrl)("on PostgreSQL: a reader who stops waiting on a new year's build is told how far it is, and when to come back", { timeout: 180_000 }, async () => {
    const db = s.db.store.db;
    const now = new Date(), today = vietnamDate(now);
    setDashboardLimits({ maxBuilds: 1, timeoutMs: 120_000, maxQueued: 8 });
    const building = cachedDashboard(db, 2005, null, now, today);
    let settled = false;
    void building.finally(() => { settled = true; });
    // Until the year's documents are being evaluated (their count known).
    while (!figuresProgress(db, 2005, today) && !settled) await new Promise((ok) => setTimeout(ok, 1));
    expect(settled, "the build ended before its progress was seen").toBe(false);
    setDashboardLimits({ maxBuilds: 1, timeoutMs: 1, maxQueued: 8 });
    const refused = await cachedDashboard(db, 2005, null, now, today).then(() => null, (e: unknown) => e);
    setDashboardLimits({ maxBuilds: 1, timeoutMs: 120_000, maxQueued: 8 });
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "unavailable", detail: "dashboard_building" });
    const { percent, seconds } = (refused as AppError).params;
    expect(Number(percent)).toBeGreaterThanOrEqual(0);
    expect(Number(percent)).toBeLessThan(100);
    expect(Number(seconds)).toBeGreaterThanOrEqual(1);
    expect(Number(seconds)).toBeLessThanOrEqual(10);
    // The build went on for the next reader; its figures are no longer being evaluated.
    await building;
    expect(figuresProgress(db, 2005, today)).toBeNull();
  });
  it("in the process: a burst of new scopes past the queue is refused at once, and a write during a build starts one build after it, not beside it", { timeout: 180_000 }, async () => {
    const db = s.db.store.db;
    const now = new Date(), today = vietnamDate(now);
    // One building, two waiting: the rest of a burst of new scopes is refused before any work is done for them.
    setDashboardLimits({ maxBuilds: 1, timeoutMs: 120_000, maxQueued: 2 });
    const years = [2010, 2011, 2012, 2013, 2014, 2015];
    const results = await Promise.allSettled(years.map((y) => cachedDashboard(db, y, null, now, today)));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "rejected", "rejected", "rejected"]);
    for (const r of results.slice(3)) {
      const e = (r as PromiseRejectedResult).reason;
      expect(e).toBeInstanceOf(AppError);
      expect(e).toMatchObject({ code: "unavailable", detail: "dashboard_busy" });
      expect(Number(e.params.seconds)).toBeGreaterThanOrEqual(1);
    }
    expect(years.map(builtOf)).toEqual([1, 1, 1, 0, 0, 0]);

    // A write while 2009 builds: the readers after it wait for one more build, started when the first is done.
    // (One place in the queue: the rebuilds of the other scopes after the write take none.)
    setDashboardLimits({ maxBuilds: 1, timeoutMs: 120_000, maxQueued: 1 });
    const first = cachedDashboard(db, 2009, null, now, today);
    await new Promise((ok) => setTimeout(ok, 5));
    invalidateDashboard(db);
    const after = [cachedDashboard(db, 2009, null, now, today), cachedDashboard(db, 2009, null, now, today)];
    const [a, b, c] = await Promise.all([first, ...after]);
    expect(b).toBe(c);
    expect(a.taskCounts).toEqual(b.taskCounts);
    expect(builtOf(2009)).toBe(2);
    expect(dashboardBuildStats().peakRunning).toBe(1);
    await new Promise((ok) => setTimeout(ok, REBUILD_AFTER_MS + 100));
    expect(dashboardBuildStats().running).toBe(0);
  });
});
