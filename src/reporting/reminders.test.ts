import { and, eq } from "drizzle-orm";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../accounts/schema.js";
import { createUser } from "../accounts/users.js";
import { documents } from "../documents/schema.js";
import { loadSampleProvince } from "../samples/load-samples.js";
import { openStore, type Store } from "../storage/database.js";
import { openTestDatabase, serverUrl, type TestDatabase } from "../../test/support/database.js";
import { startSmtp, type TestSmtp } from "../../test/support/smtp.js";
import { smtpMailer, type Mailer } from "./mailer.js";
import { currentStep, runReminders, stepTime } from "./reminders.js";
import { createRound } from "./rounds.js";
import { notifications, reminderDeliveries, rounds, submissions } from "./schema.js";

describe("currentStep", () => {
  const opened = new Date("2026-11-01T00:00:00Z");
  it("fires the latest step whose day has come, at 08:00 in Vietnam, never one due before the round opened", () => {
    expect(stepTime("2026-12-15", -7).toISOString()).toBe("2026-12-08T01:00:00.000Z");
    expect(currentStep("2026-12-15", [-7, -1, 1, 7], opened, new Date("2026-12-08T00:59:00Z"))).toBeNull();
    expect(currentStep("2026-12-15", [-7, -1, 1, 7], opened, new Date("2026-12-08T01:00:00Z"))).toBe(-7);
    expect(currentStep("2026-12-15", [-7, -1, 1, 7], opened, new Date("2026-12-20T00:00:00Z"))).toBe(1);
    expect(currentStep("2026-12-15", [-7, -1, 1, 7], new Date("2026-12-19T00:00:00Z"), new Date("2026-12-20T00:00:00Z"))).toBeNull();
  });
});

/** A store that survives a restart: a PGlite data directory, or a database on the PostgreSQL server. */
interface Durable { open(): Promise<Store>; drop(): Promise<void> }
async function durableStore(): Promise<Durable> {
  if (serverUrl) {
    const test: TestDatabase = await openTestDatabase({ samples: true });
    return { open: () => openStore({ databaseUrl: test.url, dataDir: ":memory:" }), drop: () => test.drop() };
  }
  const dir = mkdtempSync(join(tmpdir(), "theodoi-reminders-"));
  const first = await openStore({ dataDir: dir });
  await first.migrate();
  await loadSampleProvince(first.db);
  await first.close();
  return { open: () => openStore({ dataDir: dir }), drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

describe("reminders by e-mail and in the app", () => {
  let smtp: TestSmtp;
  let mailer: Mailer;
  let durable: Durable;
  let store: Store;
  let roundId: number;
  let agencyA: number, agencyB: number;
  beforeAll(async () => {
    smtp = await startSmtp();
    mailer = smtpMailer(smtp.url, "theodoi <theodoi@langson.gov.vn>");
    durable = await durableStore();
    store = await durable.open();
    const db = store.db;
    const [plan] = await db.select({ id: documents.id }).from(documents).where(eq(documents.symbol, "23/KH-UBND"));
    // The sample province's own round is closed: this test counts the messages of its own.
    await db.update(rounds).set({ status: "closed" });
    const round = await createRound(db, { documentIds: [plan.id], periodKind: "year", periodYear: 2026, dueOn: "2026-12-15" }, null);
    roundId = round.id;
    [agencyA, agencyB] = round.reporterIds;
    const password = "mat-khau-thu-nghiem";
    await createUser(db, { username: "nhac-a1", displayName: "A1", email: "a1@so-a.langson.gov.vn", role: "reporter", agencyIds: [agencyA], password });
    await createUser(db, { username: "nhac-a2", displayName: "A2", email: "a2@so-a.langson.gov.vn", role: "reporter", agencyIds: [agencyA], password });
    await createUser(db, { username: "nhac-b", displayName: "B", email: "b@so-b.langson.gov.vn", role: "reporter", agencyIds: [agencyB], password });
  }, 120_000);
  afterAll(async () => { mailer?.close(); await store?.close(); await durable?.drop(); await smtp?.close(); });

  const weekBefore = new Date("2026-12-08T02:00:00Z"), dayBefore = new Date("2026-12-14T02:00:00Z");

  it("sends each step once per agency still owing, across a restart", async () => {
    const first = await runReminders(store.db, mailer, weekBefore);
    const expected = (await store.db.select().from(reminderDeliveries).where(eq(reminderDeliveries.roundId, roundId))).length;
    expect(first).toEqual({ notified: expected, emailed: 2, failed: 0 });
    expect(smtp.received.map((m) => m.messageId).sort()).toEqual([`<reminder-${roundId}--7-${agencyA}@theodoi>`, `<reminder-${roundId}--7-${agencyB}@theodoi>`].sort());
    const toA = smtp.received.find((m) => m.to.includes("a1@so-a.langson.gov.vn"))!;
    expect(toA.to.sort()).toEqual(["a1@so-a.langson.gov.vn", "a2@so-a.langson.gov.vn"]);
    expect(toA.raw).toContain("15/12/2026");
    expect(await runReminders(store.db, mailer, new Date(weekBefore.getTime() + 3_600_000))).toEqual({ notified: 0, emailed: 0, failed: 0 });

    await store.close();
    store = await durable.open();
    expect(await runReminders(store.db, mailer, new Date(weekBefore.getTime() + 7_200_000))).toEqual({ notified: 0, emailed: 0, failed: 0 });
    expect(smtp.received).toHaveLength(2);

    // Agency B reports; the day-before step reaches A only.
    await store.db.insert(submissions).values({ roundId, agencyId: agencyB, status: "submitted", firstSubmittedAt: "2026-12-10T03:00:00Z", submittedAt: "2026-12-10T03:00:00Z" });
    const second = await runReminders(store.db, mailer, dayBefore);
    expect(second.emailed).toBe(1);
    expect(smtp.received.at(-1)!.messageId).toBe(`<reminder-${roundId}--1-${agencyA}@theodoi>`);
    const [a1] = await store.db.select({ id: users.id }).from(users).where(eq(users.username, "nhac-a1"));
    const inApp = await store.db.select().from(notifications).where(and(eq(notifications.userId, a1.id), eq(notifications.kind, "reminder")));
    expect(inApp.map((n) => n.params.offsetDays)).toEqual([-7, -1]);
  });

  it("retries a refused e-mail after its lease, and sends it once", async () => {
    smtp.refuseNext(1);
    const dayAfter = new Date("2026-12-16T02:00:00Z");
    const refused = await runReminders(store.db, mailer, dayAfter);
    expect(refused).toMatchObject({ emailed: 0, failed: 1 });
    expect(await runReminders(store.db, mailer, new Date(dayAfter.getTime() + 60_000))).toMatchObject({ emailed: 0, failed: 0 });
    expect(await runReminders(store.db, mailer, new Date(dayAfter.getTime() + 6 * 60_000))).toMatchObject({ emailed: 1, failed: 0 });
    expect(smtp.received.filter((m) => m.messageId === `<reminder-${roundId}-1-${agencyA}@theodoi>`)).toHaveLength(1);
    const [row] = await store.db.select().from(reminderDeliveries).where(and(eq(reminderDeliveries.roundId, roundId), eq(reminderDeliveries.offsetDays, 1), eq(reminderDeliveries.agencyId, agencyA)));
    expect(row).toMatchObject({ emailStatus: "sent", attempts: 2 });
  });

  it.skipIf(!serverUrl)("sends once when two instances share one PostgreSQL", async () => {
    const other = await durable.open();
    try {
      const weekAfter = new Date("2026-12-22T02:00:00Z");
      const before = smtp.received.length;
      const [x, y] = await Promise.all([runReminders(store.db, mailer, weekAfter), runReminders(other.db, mailer, weekAfter)]);
      const owing = await store.db.select().from(reminderDeliveries).where(and(eq(reminderDeliveries.roundId, roundId), eq(reminderDeliveries.offsetDays, 7)));
      expect(x.notified + y.notified).toBe(owing.length);
      expect(x.emailed + y.emailed).toBe(1);
      expect(smtp.received.slice(before).map((m) => m.messageId)).toEqual([`<reminder-${roundId}-7-${agencyA}@theodoi>`]);
    } finally {
      await other.close();
    }
  });
});
