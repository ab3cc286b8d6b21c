/**
 * The scale-out set-up, whole and real: deploy/scale-out/up.sh starts a PostgreSQL primary, a streaming
 * replica and PgBouncer (transaction pooling); two `theodoi serve` processes write through PgBouncer,
 * migrate straight to the primary and read dashboards, lists and search from the replica. Checked: reads
 * go to the replica, a writer reads its own write at once (from the primary until the replica has it), a
 * replica lagging past the bound is left for the primary, and while one instance is killed (SIGKILL)
 * mid-traffic the other keeps answering, and the reminders due go out once.
 *
 * Runs in the PostgreSQL pass (DATABASE_URL set). Needs root, PostgreSQL's Debian cluster tools and PgBouncer;
 * in CI (THEODOI_REQUIRE_SCALE_OUT=1) their absence is a failure, not a skip. The clusters and ports are fixed
 * (5442, 5443, 6442): one run at a time.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { eq, sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../src/accounts/users.js";
import { asActor } from "../../src/audit/audit.js";
import { documents } from "../../src/documents/schema.js";
import { addDays, vietnamDate } from "../../src/reporting/periods.js";
import { createRound } from "../../src/reporting/rounds.js";
import { notifications, reminderDeliveries, reminderSteps, rounds } from "../../src/reporting/schema.js";
import { openStore, queryRows, type Store } from "../../src/storage/database.js";
import { serverUrl } from "../support/database.js";
import { startSmtp, type TestSmtp } from "../support/smtp.js";
import { TEST_PASSWORD } from "../support/server.js";

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const tools = process.getuid?.() === 0 && existsSync("/usr/sbin/pgbouncer") && existsSync("/usr/bin/pg_createcluster");
// A PostgreSQL-only test, as the other multi-instance ones: it runs in the PostgreSQL pass (DATABASE_URL set), where
// CI requires it; it uses its own clusters, not that server.
const runnable = tools && !!serverUrl;
if (serverUrl && !tools && process.env.THEODOI_REQUIRE_SCALE_OUT === "1") throw new Error("The scale-out test needs root, postgresql-common and pgbouncer (apt-get install -y pgbouncer)");

/** The most the replica may lag before reads leave it: short, so the test sees it happen. */
const MAX_LAG_MS = 1500;

function script(name: string, ...args: string[]): string {
  const run = spawnSync(join(ROOT, "deploy/scale-out", name), args, { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`${name} failed: ${run.stdout}\n${run.stderr}`);
  return run.stdout;
}

const freePort = () => new Promise<number>((ok) => {
  const probe = createServer().listen(0, "127.0.0.1", () => {
    const { port } = probe.address() as { port: number };
    probe.close(() => ok(port));
  });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** The processes below `pid`, all the way down (the extraction launcher and readers), to be ended with it. */
function descendantsOf(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "latin1");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch { /* gone meanwhile */ }
  }
  const found: number[] = [];
  for (let next = children.get(pid) ?? []; next.length; next = next.flatMap((p) => children.get(p) ?? [])) found.push(...next);
  return found;
}

interface Instance { url: string; child: ChildProcess; output: () => string }

async function startInstance(env: Record<string, string>, dataDir: string): Promise<Instance> {
  const port = await freePort();
  const child = spawn(process.execPath, ["bin/theodoi.mjs", "serve"], {
    cwd: ROOT, stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1", THEODOI_DATA_DIR: dataDir, LOG_LEVEL: "warn" },
  });
  let output = "";
  child.stdout!.on("data", (b) => { output = (output + b).slice(-4000); });
  child.stderr!.on("data", (b) => { output = (output + b).slice(-4000); });
  const url = `http://127.0.0.1:${port}`;
  await until(`${url} to answer`, async () => {
    if (child.exitCode !== null) throw new Error(`the instance exited: ${output}`);
    return fetch(`${url}/api/health`).then((r) => r.ok, () => false);
  }, 90_000);
  return { url, child, output: () => output };
}

/** A browser's worth of state: the cookies it was given (session, and where its last write reached). */
class Browser {
  cookies = new Map<string, string>();
  csrf = "";
  async call(url: string, method: string, path: string, body?: unknown) {
    const res = await fetch(url + path, {
      method,
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "), "x-csrf-token": this.csrf,
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attributes] = c.split(";");
      const [k, v] = pair.split("=");
      if (attributes.some((a) => /max-age=0\b/i.test(a.trim()))) this.cookies.delete(k);
      else this.cookies.set(k, v);
    }
    const text = await res.text();
    return { status: res.status, read: res.headers.get("x-theodoi-read"), body: text && res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text };
  }
  async signIn(url: string, username: string, password: string) {
    const r = await this.call(url, "POST", "/api/session", { username, password });
    if (r.status !== 200) throw new Error(`sign-in failed: ${r.status} ${JSON.stringify(r.body)}`);
    this.csrf = r.body.csrfToken;
  }
}

describe.skipIf(!runnable)("scale-out: two instances behind PgBouncer, a streaming replica for reads", () => {
  let env: Record<string, string>;
  let smtp: TestSmtp;
  let primary: Store;
  let replica: pg.Client;
  const dirs: string[] = [];
  const instances: Instance[] = [];
  let a: Instance, b: Instance;

  beforeAll(async () => {
    script("down.sh", "--purge");
    env = Object.fromEntries(script("up.sh").trim().split("\n").filter((l) => /^[A-Z_]+=/.test(l)).map((l) => l.split(/=(.*)/s).slice(0, 2)));
    expect(Object.keys(env).sort()).toEqual(["DATABASE_MIGRATE_URL", "DATABASE_READ_URL", "DATABASE_URL"]);
    smtp = await startSmtp();
    const common = {
      ...env, THEODOI_SAMPLES: "1", THEODOI_ADMIN_PASSWORD: TEST_PASSWORD, THEODOI_SMTP_URL: smtp.url,
      THEODOI_MAIL_FROM: "theodoi <theodoi@langson.gov.vn>", THEODOI_REMINDER_MINUTES: "0.02", THEODOI_REPLICA_MAX_LAG_MS: String(MAX_LAG_MS),
    };
    const dir = () => { const d = mkdtempSync(join(tmpdir(), "theodoi-scale-")); dirs.push(d); return d; };
    // Started together: the migrations' lock (straight to the primary) lets one migrate while the other waits;
    // the first loads the sample province, the second starts empty-handed and serves it once it is there.
    const started = [startInstance(common, dir()), startInstance({ ...common, THEODOI_SAMPLES: "0" }, dir())];
    const [first, second] = await Promise.allSettled(started);
    for (const s of [first, second]) if (s.status === "fulfilled") instances.push(s.value);
    if (first.status === "rejected") throw first.reason;
    if (second.status === "rejected") throw second.reason;
    [a, b] = instances;
    primary = await openStore({ databaseUrl: env.DATABASE_MIGRATE_URL, dataDir: ":memory:" });
    await until("the sample province", async () => (await primary.db.select({ id: documents.id }).from(documents).where(eq(documents.symbol, "23/KH-UBND"))).length > 0, 90_000);
    replica = new pg.Client({ connectionString: env.DATABASE_READ_URL });
    await replica.connect();
  }, 110_000);

  afterAll(async () => {
    await replica?.query("select pg_wal_replay_resume()").catch(() => undefined);
    await replica?.end().catch(() => undefined);
    await primary?.close();
    for (const i of instances) {
      if (i.child.exitCode !== null || i.child.signalCode !== null) continue;
      const ended = new Promise((r) => i.child.once("exit", r));
      i.child.kill("SIGTERM");
      await ended;
    }
    await smtp?.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    if (runnable) script("down.sh", "--purge");
  }, 60_000);

  it("runs on the parts it is meant to: writes through PgBouncer in transaction pooling, reads from a standby", async () => {
    const admin = new Browser();
    await admin.signIn(a.url, "admin", TEST_PASSWORD);
    const health = (await admin.call(b.url, "GET", "/api/health")).body;
    expect(health.engine).toBe("postgres");
    expect(health.reads.replica).toBe(true);
    // PgBouncer's own console: its one database in transaction pooling, with clients of the two instances.
    const console = new pg.Client({ connectionString: env.DATABASE_URL.replace(/\/theodoi$/, "/pgbouncer") });
    await console.connect();
    const pools = (await console.query("show pools")).rows.filter((p) => p.database === "theodoi");
    await console.end();
    expect(pools.map((p) => p.pool_mode)).toEqual(["transaction"]);
    expect((await replica.query("select pg_is_in_recovery() as standby")).rows[0].standby).toBe(true);
    const streaming = await queryRows<{ state: string }>(primary.db, sql`select state from pg_stat_replication`);
    expect(streaming.map((s) => s.state)).toEqual(["streaming"]);
  });

  it("reads from the replica; a writer reads its own write at once; a replica lagging past the bound is left for the primary", async () => {
    const writer = new Browser(), reader = new Browser();
    await writer.signIn(a.url, "admin", TEST_PASSWORD);
    await reader.signIn(b.url, "admin", TEST_PASSWORD);
    const before = await until("the replica to serve the dashboard", async () => {
      const r = await reader.call(b.url, "GET", "/api/dashboard");
      return r.status === 200 && r.read === "replica" && r.body;
    });
    expect((await reader.call(b.url, "GET", "/api/documents")).read).toBe("replica");
    expect((await reader.call(b.url, "GET", "/api/search?q=du%20lich")).read).toBe("replica");

    // An open task the year's dashboard counts.
    const counted = (await writer.call(a.url, "GET", "/api/dashboard/tasks")).body.items as { id: number }[];
    let task: { id: number; version: number; status: string } | undefined;
    for (const { id } of counted) {
      task = (await writer.call(a.url, "GET", `/api/tasks/${id}`)).body;
      if (task!.status === "open") break;
    }
    expect(task?.status).toBe("open");
    // The replica stops replaying: what is written now is on the primary only.
    await replica.query("select pg_wal_replay_pause()");
    try {
      const done = await writer.call(a.url, "PATCH", `/api/tasks/${task!.id}`, { status: "completed", statusReason: "Đã hoàn thành (thử nghiệm nhân rộng)", version: task!.version });
      expect(done.status).toBe(200);
      expect(decodeURIComponent(writer.cookies.get("theodoi_written") ?? "")).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);

      // The writer, on either instance, reads its write: from the primary, since the replica has not replayed it.
      const own = await writer.call(b.url, "GET", "/api/dashboard");
      expect(own.read).toBe("primary");
      expect(own.body.taskCounts).not.toEqual(before.taskCounts);
      const ownTasks = await writer.call(a.url, "GET", "/api/dashboard/tasks");
      expect(ownTasks.read).toBe("primary");
      expect(ownTasks.body.items.find((t: { id: number }) => t.id === task!.id)?.state).toMatch(/^completed_/);
      // Another reader may see the figures from before the write, but never older than the bound: then the primary serves it.
      const stale = await reader.call(b.url, "GET", "/api/dashboard");
      if (stale.read === "replica") expect(stale.body.taskCounts).toEqual(before.taskCounts);
      const leftFor = await until("reads to leave the lagging replica", async () => {
        const r = await reader.call(b.url, "GET", "/api/dashboard");
        return r.read === "primary" && r;
      }, 10_000);
      // Left because the monitor measured it behind for longer than the bound (it is up, only paused).
      const state = (await reader.call(b.url, "GET", "/api/health")).body.reads;
      expect(state).toMatchObject({ replica: true, up: false });
      expect(state.lagMs).toBeGreaterThan(MAX_LAG_MS);
      expect(leftFor.body.taskCounts).toEqual(own.body.taskCounts);

      // Replaying again, the replica serves both, with the same figures as the primary gave the writer.
      await replica.query("select pg_wal_replay_resume()");
      // Another reader's figures from the replica catch up within a second of its replay (the cache's check of the trail).
      const resumed = Date.now();
      const back = await until("the replica to serve the write", async () => {
        const r = await reader.call(b.url, "GET", "/api/dashboard");
        return r.read === "replica" && JSON.stringify(r.body.taskCounts) === JSON.stringify(own.body.taskCounts) && r;
      }, 10_000);
      expect(Date.now() - resumed).toBeLessThan(3000);
      expect(back.body.indicatorCounts).toEqual(own.body.indicatorCounts);
      const writerBack = await until("the writer's reads to come back to the replica", async () => {
        const r = await writer.call(a.url, "GET", "/api/dashboard");
        return r.read === "replica" && r;
      }, 10_000);
      expect(writerBack.body.taskCounts).toEqual(own.body.taskCounts);
    } finally {
      await replica.query("select pg_wal_replay_resume()");
    }
  }, 60_000);

  it("keeps answering on one instance while the other is killed mid-traffic, and sends the reminders due once", async () => {
    const db = primary.db;
    // A round of the sample plan, opened ten days ago and due two days ago, reminding a day after: due now.
    const today = vietnamDate(new Date());
    const recipients = await asActor(db, null, "test.scale-out", async (tx) => {
      await tx.update(rounds).set({ status: "closed" });
      const [plan] = await tx.select({ id: documents.id }).from(documents).where(eq(documents.symbol, "23/KH-UBND"));
      const round = await createRound(tx, { documentIds: [plan.id], periodKind: "year", periodYear: 2026, dueOn: addDays(today, -2) }, null);
      await tx.delete(reminderSteps).where(eq(reminderSteps.roundId, round.id));
      await tx.insert(reminderSteps).values({ roundId: round.id, offsetDays: 1 });
      const people = [];
      for (const agencyId of round.reporterIds) {
        const email = `nhac-${agencyId}@so.langson.gov.vn`;
        await createUser(tx, { username: `nhac-${agencyId}`, displayName: `Nhắc ${agencyId}`, email, role: "reporter", agencyIds: [agencyId], password: TEST_PASSWORD });
        people.push(email);
      }
      // Left closed until the traffic runs: then the instances' schedulers find it due.
      await tx.update(rounds).set({ createdAt: sql`now() - interval '10 days'`, status: "closed" }).where(eq(rounds.id, round.id));
      return { roundId: round.id, agencies: round.reporterIds.length, emails: people };
    });
    expect(recipients.agencies).toBeGreaterThan(1);

    // Traffic on both instances: dashboards, lists and search, every 20 ms each.
    const reader = new Browser();
    await reader.signIn(b.url, "admin", TEST_PASSWORD);
    const answered = { a: 0, b: 0, bFailed: [] as string[] };
    let traffic = true;
    const paths = ["/api/dashboard", "/api/documents", "/api/search?q=ke%20hoach", "/api/dashboard/indicators"];
    const load = (async () => {
      for (let i = 0; traffic; i++) {
        const path = paths[i % paths.length];
        await Promise.all([
          reader.call(a.url, "GET", path).then((r) => { if (r.status === 200) answered.a++; }, () => undefined),
          reader.call(b.url, "GET", path).then((r) => { if (r.status === 200) answered.b++; else answered.bFailed.push(`${path}: ${r.status}`); },
            (e: Error) => { answered.bFailed.push(`${path}: ${e.message}`); }),
        ]);
        await sleep(20);
      }
    })();

    // The round opens; a moment later, with the schedulers at work, instance A is killed.
    await db.update(rounds).set({ status: "open" }).where(eq(rounds.id, recipients.roundId));
    await until("a first reminder", async () => (await db.select().from(reminderDeliveries).where(eq(reminderDeliveries.roundId, recipients.roundId))).length > 0, 15_000);
    const aBefore = answered.a, bBefore = answered.b;
    const below = descendantsOf(a.child.pid!);
    const killed = new Promise((r) => a.child.once("exit", r));
    a.child.kill("SIGKILL");
    await killed;
    for (const pid of below) { try { process.kill(pid, "SIGKILL"); } catch { /* gone with it */ } }
    const killedAt = new Date();
    expect(aBefore).toBeGreaterThan(0);

    // E-mails the dead instance had claimed wait for their lease (5 minutes) to run out: it is run out here, then B sends them.
    await until("B to settle its own sends", async () => {
      const pending = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from reminder_deliveries where round_id = ${recipients.roundId} and email_status = 'pending'`);
      return pending[0].n === 0;
    });
    await sleep(1500);
    const orphaned = await queryRows<{ id: number }>(db, sql`update reminder_deliveries set lease_until = now()
      where round_id = ${recipients.roundId} and email_status = 'sending' and lease_until <= ${killedAt.toISOString()}::timestamptz + interval '5 minutes' returning id`);
    const deliveries = await until("every reminder sent", async () => {
      const rows = await db.select().from(reminderDeliveries).where(eq(reminderDeliveries.roundId, recipients.roundId));
      return rows.length === recipients.agencies && rows.every((r) => r.emailStatus === "sent") && rows;
    }, 20_000);
    await sleep(2 * 1200);
    traffic = false;
    await load;

    // B kept answering throughout, after the kill as before.
    expect(answered.bFailed).toEqual([]);
    expect(answered.b).toBeGreaterThan(bBefore);
    // One delivery per agency, one in-app notification per person, one e-mail per delivery: a second only for
    // one the dead instance held (it may have sent it before dying), with the same Message-ID.
    expect(new Set(deliveries.map((d) => d.agencyId)).size).toBe(recipients.agencies);
    const notes = await db.select({ userId: notifications.userId }).from(notifications).where(eq(notifications.roundId, recipients.roundId));
    expect(notes.length).toBe(new Set(notes.map((n) => n.userId)).size);
    expect(notes.length).toBeGreaterThanOrEqual(recipients.emails.length);
    const mine = smtp.received.filter((m) => m.messageId.startsWith(`<reminder-${recipients.roundId}-`));
    const byId = new Map<string, number>();
    for (const m of mine) byId.set(m.messageId, (byId.get(m.messageId) ?? 0) + 1);
    expect([...byId.keys()].sort()).toEqual(deliveries.map((d) => d.messageId!).sort());
    const twice = [...byId].filter(([, n]) => n > 1).map(([id]) => deliveries.find((d) => d.messageId === id)!.id);
    expect(twice.every((id) => orphaned.some((o) => o.id === id))).toBe(true);
    expect([...byId.values()].every((n) => n <= 2)).toBe(true);
    for (const email of recipients.emails) expect(mine.filter((m) => m.to.includes(email)).length).toBeGreaterThanOrEqual(1);

    // And the dashboard B serves from the replica agrees with the primary's figures.
    const fromReplica = await until("B's dashboard from the replica", async () => {
      const r = await reader.call(b.url, "GET", "/api/dashboard");
      return r.read === "replica" && r;
    });
    // A client whose last write no replica has reached reads from the primary.
    reader.cookies.set("theodoi_written", "FFFFFFFF/FFFFFFFF");
    const fromPrimary = await reader.call(b.url, "GET", "/api/dashboard");
    expect(fromPrimary.read).toBe("primary");
    expect(fromReplica.body.taskCounts).toEqual(fromPrimary.body.taskCounts);
    expect(fromReplica.body.late).toEqual(fromPrimary.body.late);
  }, 90_000);
});
