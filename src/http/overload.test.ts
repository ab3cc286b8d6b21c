/**
 * The overload guard: past its limits a request is answered 503 with Retry-After at once, and a
 * slot is given back however a request ends. Requests are made slow by holding a lock on the
 * documents table (on the embedded engine, the one connection), not by timing, so nothing here
 * depends on the machine's speed.
 */
import { serve } from "@hono/node-server";
import { sql } from "drizzle-orm";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../accounts/users.js";
import { documents } from "../documents/schema.js";
import { loadConfig } from "../core/config.js";
import { AppError } from "../core/errors.js";
import { createLogger } from "../core/log.js";
import { VERSION } from "../server.js";
import { openTestDatabase, serverUrl, type TestDatabase } from "../../test/support/database.js";
import { createApp } from "./app.js";
import { Admission, type AdmissionLimits, type Slot } from "./overload.js";

/** Waits until `check` holds (the server's side of a request has got that far), or fails after 10 s. */
async function until(check: () => boolean, what: string) {
  for (const start = Date.now(); !check(); await new Promise((r) => setTimeout(r, 5))) {
    if (Date.now() - start > 10_000) throw new Error(`timed out waiting for ${what}`);
  }
}

describe("admission", () => {
  /** Starts and ends `n` requests one after another, each having waited `ms` for its turn with nobody ahead. */
  async function pace(admission: Admission, clock: { now: number }, n: number, ms: number) {
    const running = await admission.enter();
    let last = running;
    for (let i = 0; i < n; i++) {
      const next = admission.enter();
      clock.now += ms;
      last.release();
      last = await next;
    }
    last.release();
  }

  it("queues while a request can expect a slot in time, and refuses at once one that cannot", async () => {
    const clock = { now: 0 };
    const admission = new Admission({ maxInFlight: 1, maxWaitMs: 100, maxQueued: 100 }, () => clock.now);
    await pace(admission, clock, 200, 40); // 40 ms a place
    const running = await admission.enter();
    const second = admission.enter(), third = admission.enter(); // expected 40 and 80 ms: queued
    expect(admission.queued).toBe(2);
    const refused = await admission.enter().catch((e: unknown) => e); // expected 120 ms
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "unavailable", params: { seconds: "1" } });
    expect(admission.queued).toBe(2);
    running.release();
    (await second).release();
    (await third).release();
    expect(admission.inFlight).toBe(0);
  });

  it("forgets a slow pace once nothing has been queued for a while", async () => {
    const clock = { now: 0 };
    const admission = new Admission({ maxInFlight: 1, maxWaitMs: 100, maxQueued: 100 }, () => clock.now);
    await pace(admission, clock, 200, 60); // 60 ms a place: a second request queued would wait 120 ms
    const running = await admission.enter();
    const queued = admission.enter();
    expect(await admission.enter().catch((e: unknown) => e)).toBeInstanceOf(AppError);
    running.release();
    (await queued).release();
    clock.now += 3000; // two seconds past the pace's freshness: a quarter of it
    const again = await admission.enter();
    const two = [admission.enter(), admission.enter()];
    expect(admission.queued).toBe(2);
    again.release();
    for (const q of two) (await q).release();
  });

  it("starts a request with a slot free and nobody ahead whatever the pace was", async () => {
    const clock = { now: 0 };
    const admission = new Admission({ maxInFlight: 1, maxWaitMs: 100, maxQueued: 100 }, () => clock.now);
    await pace(admission, clock, 200, 10_000); // counted as 100 ms a place at most
    (await admission.enter()).release();
  });

  it("lets one request held up for long move the pace a little only", async () => {
    const clock = { now: 0 };
    const admission = new Admission({ maxInFlight: 1, maxWaitMs: 100, maxQueued: 100 }, () => clock.now);
    await pace(admission, clock, 1, 10_000);
    const running = await admission.enter();
    const queued = [admission.enter(), admission.enter(), admission.enter()];
    expect(admission.queued).toBe(3);
    running.release();
    for (const q of queued) (await q).release();
  });

  it("lends a waiting request's slot to the next in the queue, and takes it back past the limit", async () => {
    const admission = new Admission({ maxInFlight: 1, maxWaitMs: 10_000, maxQueued: 1 });
    const waiting = await admission.enter();
    let next: Slot | undefined;
    const queued = admission.enter().then((s) => (next = s));
    const takeBack = waiting.lend();
    await queued;
    expect(admission.inFlight).toBe(1);
    // Lent once only: a second lend, and one past maxQueued lent slots, keep the slot.
    expect(waiting.lend).not.toThrow();
    takeBack();
    takeBack(); // once
    expect(admission.inFlight).toBe(2);
    let third: Slot | undefined;
    const later = admission.enter().then((s) => (third = s));
    next!.release();
    await new Promise((r) => setImmediate(r));
    expect(third).toBeUndefined(); // still one in flight of one allowed
    const boundedLend = next!.lend(); // released already: nothing to lend
    boundedLend();
    waiting.release();
    await later;
    expect(admission.inFlight).toBe(1);
    third!.release();
    expect(admission.inFlight).toBe(0);
  });

  it("gives a lent slot back once when the request ends while lending, and lends no more than maxQueued", async () => {
    const admission = new Admission({ maxInFlight: 2, maxWaitMs: 10_000, maxQueued: 1 });
    const a = await admission.enter(), b = await admission.enter();
    const backA = a.lend();
    expect(admission.inFlight).toBe(1);
    b.lend(); // one lent already: b keeps its slot
    expect(admission.inFlight).toBe(1);
    a.release(); // ended while lending
    backA(); // takes nothing back
    expect(admission.inFlight).toBe(1);
    b.release();
    expect(admission.inFlight).toBe(0);
    const c = await admission.enter();
    const backC = c.lend(); // the lent count went back to zero with a's release: c may lend
    expect(admission.inFlight).toBe(0);
    backC();
    c.release();
    expect(admission.inFlight).toBe(0);
  });

  it("answers a request still waiting at twice the longest expected wait", async () => {
    const admission = new Admission({ maxInFlight: 1, maxWaitMs: 10, maxQueued: 100 });
    const held = await admission.enter();
    await expect(admission.enter()).rejects.toMatchObject({ code: "unavailable" });
    expect(admission.queued).toBe(0);
    held.release();
  });

  it("takes its limits from the environment, with defaults for two cores", () => {
    expect(loadConfig({}).admission).toEqual({ maxInFlight: 16, maxWaitMs: 500, maxQueued: 256 });
    expect(loadConfig({ THEODOI_MAX_IN_FLIGHT: "4", THEODOI_MAX_WAIT_MS: "250" }).admission).toMatchObject({ maxInFlight: 4, maxWaitMs: 250 });
    expect(() => loadConfig({ THEODOI_MAX_IN_FLIGHT: "0" })).toThrow(/THEODOI_MAX_IN_FLIGHT/);
  });

  it("gives a slot back once however often it is released", async () => {
    const admission = new Admission({ maxInFlight: 2, maxWaitMs: 100, maxQueued: 0 });
    const a: Slot = await admission.enter();
    const b = await admission.enter();
    a.release();
    a.release();
    expect(admission.inFlight).toBe(1);
    b.release();
    expect(admission.inFlight).toBe(0);
  });
});

describe("the overload guard over HTTP", () => {
  let db: TestDatabase;
  let cookie: string;
  let csrfToken: string;
  const closers: (() => Promise<void>)[] = [];

  /** The app with `limits` on a free port, as `theodoi serve` runs it. */
  async function listen(limits: AdmissionLimits, fileLimits?: AdmissionLimits) {
    const admission = new Admission(limits);
    const fileAdmission = fileLimits && new Admission(fileLimits);
    const app = createApp({ store: db.store, log: createLogger("silent"), maxBodyBytes: 2_000_000, maxUploadBytes: 25 * 1024 * 1024, version: VERSION, admission, fileAdmission });
    const server = await new Promise<ReturnType<typeof serve>>((ok) => { const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => ok(s)); });
    closers.push(() => new Promise<void>((ok) => server.close(() => ok())));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const get = (path: string, init: RequestInit = {}) => fetch(url + path, { ...init, headers: { cookie, ...init.headers } });
    return { url, admission, fileAdmission, get };
  }

  /** Holds the documents table (the whole database on the embedded engine) until the returned function is called. */
  async function holdDocuments(): Promise<() => Promise<void>> {
    let release!: () => void;
    const released = new Promise<void>((r) => { release = r; });
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => { locked = r; });
    const done = db.store.db.transaction(async (tx) => {
      await tx.execute(sql`lock table documents in access exclusive mode`);
      locked();
      await released;
    });
    await isLocked;
    return async () => { release(); await done; };
  }

  beforeAll(async () => {
    db = await openTestDatabase();
    // A focal point: reads everything and writes documents, but does not manage users.
    await createUser(db.store.db, { username: "daumoi", displayName: "Đầu mối", role: "focal_point", agencyIds: [], password: "mat-khau-thu-nghiem", mustChangePassword: false });
    const { url } = await listen({ maxInFlight: 1, maxWaitMs: 100, maxQueued: 0 });
    // Signing in is outside the guard (and here before any lock).
    const res = await fetch(`${url}/api/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "daumoi", password: "mat-khau-thu-nghiem" }) });
    expect(res.status).toBe(200);
    cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    csrfToken = ((await res.json()) as { csrfToken: string }).csrfToken;
  });
  afterAll(async () => {
    for (const close of closers) await close();
    await db.drop();
  });

  it("answers 503 with Retry-After at once past the limit, serves those within it, and leaves the bare routes alone", async () => {
    const { admission, get } = await listen({ maxInFlight: 2, maxWaitMs: 1_000, maxQueued: 0 });
    expect((await get("/api/documents")).status).toBe(200);
    const release = await holdDocuments();
    // Pages not asked for before, so that they read the held table (a page once read is kept until a write).
    const first = get("/api/documents?pageSize=4");
    await until(() => admission.inFlight === 1, "the first request's slot");
    const second = get("/api/documents?pageSize=5");
    await until(() => admission.inFlight === 2, "the second request's slot");

    const busy = await get("/api/documents");
    expect(busy.status).toBe(503);
    expect(busy.headers.get("retry-after")).toMatch(/^[1-9]\d*$/);
    const body = (await busy.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("unavailable");
    expect(body.error.message).toBe(`Hệ thống đang bận; hãy thử lại sau ${busy.headers.get("retry-after")} giây`);
    const inEnglish = await get("/api/dashboard?lang=en");
    expect(inEnglish.status).toBe(503);
    expect(((await inEnglish.json()) as { error: { message: string } }).error.message).toMatch(/^The system is busy; try again in \d+ s$/);
    // Not admitted: the bare route answers whatever the load.
    expect((await get("/api/ping")).status).toBe(200);

    await release();
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    await until(() => admission.inFlight === 0, "the slots back");
    expect((await get("/api/documents")).status).toBe(200);
  });

  it("admits the routes that write a file apart: a report waits its turn among them, and takes no page's turn", async () => {
    const { admission, fileAdmission, get } = await listen({ maxInFlight: 1, maxWaitMs: 100, maxQueued: 0 }, { maxInFlight: 1, maxWaitMs: 60_000, maxQueued: 10 });
    const [{ id }] = await db.store.db.insert(documents).values({ title: "Kế hoạch báo cáo", docType: "plan", status: "published" }).returning({ id: documents.id });
    const release = await holdDocuments();
    const first = get(`/api/plans/${id}/report?year=2024`);
    await until(() => fileAdmission!.inFlight === 1, "the first report's slot");
    // A second waits its turn (the general queue, with no room to wait, would refuse it), and neither holds a page's slot.
    const second = get(`/api/plans/${id}/report?year=2024&format=xlsx`);
    await until(() => fileAdmission!.queued === 1, "the second report waiting");
    expect(admission.inFlight).toBe(0);
    // A page is admitted in the general queue meanwhile (here it waits on the held table, in its own slot).
    const page = get(`/api/plans/${id}/evaluation?year=2024`);
    await until(() => admission.inFlight === 1, "the evaluation's page slot");
    await release();
    expect([(await first).status, (await second).status, (await page).status]).toEqual([200, 200, 200]);
  });

  // On the embedded engine the held table holds the one connection: no request gets as far as finding another's work.
  it.runIf(serverUrl)("on PostgreSQL: a request waiting on the report another is writing lends its turn to the next", async () => {
    const { fileAdmission, get } = await listen({ maxInFlight: 16, maxWaitMs: 100, maxQueued: 0 }, { maxInFlight: 2, maxWaitMs: 60_000, maxQueued: 10 });
    const [{ id }] = await db.store.db.insert(documents).values({ title: "Kế hoạch báo cáo chung", docType: "plan", status: "published" }).returning({ id: documents.id });
    const release = await holdDocuments();
    const first = get(`/api/plans/${id}/report?year=2023`);
    await until(() => fileAdmission!.inFlight === 1, "the first report being written");
    const same = get(`/api/plans/${id}/report?year=2023`);
    await until(() => fileAdmission!.lentOut === 1, "the second waiting on the first's report, its turn lent");
    expect(fileAdmission!.inFlight).toBe(1);
    // Another year is another report: it takes the lent turn instead of queueing.
    const other = get(`/api/plans/${id}/report?year=2022`);
    await until(() => fileAdmission!.inFlight === 2, "the other report's turn");
    expect(fileAdmission!.queued).toBe(0);
    await release();
    const answers = await Promise.all([first, same, other]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const [a, b] = await Promise.all([answers[0].arrayBuffer(), answers[1].arrayBuffer()]);
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
    await until(() => fileAdmission!.inFlight === 0 && fileAdmission!.lentOut === 0, "every turn back");
  });

  it("gives the slot back after every kind of error", async () => {
    const { admission, get } = await listen({ maxInFlight: 1, maxWaitMs: 1_000, maxQueued: 0 });
    const write = { method: "POST", headers: { "content-type": "application/json", "x-csrf-token": csrfToken } };
    const answers = [
      await get("/api/documents/999999"), // not found
      await get("/api/documents?pageSize=abc"), // invalid query
      await get("/api/documents", { headers: { cookie: "" } }), // no session
      await get("/api/documents", { ...write, body: "{" }), // a body that is not JSON
      await get("/api/documents", { ...write, body: JSON.stringify({ title: "" }) }), // a body that is not valid
      await get("/api/users"), // not the focal point's to list
    ];
    expect(answers.map((a) => a.status)).toEqual([404, 400, 401, 400, 400, 403]);
    expect(admission.inFlight).toBe(0);
    expect((await get("/api/documents")).status).toBe(200);
  });

  it("gives the slot back when the client goes away, waiting or being served", async () => {
    const { admission, get } = await listen({ maxInFlight: 1, maxWaitMs: 60_000, maxQueued: 10 });
    const release = await holdDocuments();
    const servedGone = new AbortController(), waitingGone = new AbortController();
    // A page not asked for before, so that it reads the held table (a page once read is kept until a write).
    const served = get("/api/documents?pageSize=6", { signal: servedGone.signal }).catch(() => "aborted");
    await until(() => admission.inFlight === 1, "the first request's slot");
    const waiting = get("/api/documents?pageSize=7", { signal: waitingGone.signal }).catch(() => "aborted");
    await until(() => admission.queued === 1, "the second request in the queue");

    waitingGone.abort();
    expect(await waiting).toBe("aborted");
    await until(() => admission.queued === 0, "the abandoned request to leave the queue");
    servedGone.abort();
    expect(await served).toBe("aborted");
    // Its work still runs (to the end of its query), so it keeps the slot till then: the next one waits.
    const next = get("/api/documents");
    await until(() => admission.queued === 1, "the next request in the queue");
    expect(admission.inFlight).toBe(1);

    await release();
    expect((await next).status).toBe(200);
    await until(() => admission.inFlight === 0 && admission.queued === 0, "every slot back");
  });
});
