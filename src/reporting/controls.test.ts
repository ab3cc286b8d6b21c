/**
 * The focal point's controls on an open round (preview, due date, extension, expected agencies, close and
 * reopen, remind now, actual figures replacing estimates) and the review (per-item comments, bulk accept,
 * a reviewer other than the reporting agency): each works, is audited, and bad input changes nothing.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencies } from "../agencies/schema.js";
import { auditEvents } from "../audit/schema.js";
import { indicators, indicatorValues } from "../plans/schema.js";
import { startTestServer, type Client, type TestServer } from "../../test/support/server.js";
import { vietnamDate } from "./periods.js";
import { runReminders } from "./reminders.js";
import { notifications, reminderDeliveries, rounds } from "./schema.js";
import { projectsAnswered } from "../../test/support/reports.js";

let s: TestServer;
let planId: number;
let focal: Client;
const idOf: Record<string, number> = {};
type Row = { agencyId: number; status: string; dueOn: string; extended: boolean; onTime: boolean | null; daysLate: number; submissionVersion: number | null };

beforeAll(async () => {
  s = await startTestServer({ samples: true });
  planId = (await s.call("GET", `/api/documents?q=${encodeURIComponent("23/KH-UBND")}`)).body.items.find((d: { symbol: string }) => d.symbol === "23/KH-UBND").id;
  for (const a of await s.db.store.db.select({ id: agencies.id, code: agencies.code }).from(agencies)) idOf[a.code] = a.id;
  focal = await s.as("dau-moi-dk", "focal_point", [idOf["so-tai-chinh"]]);
  // The sample province's own round is closed: reminders here count this file's rounds only.
  await s.db.store.db.update(rounds).set({ status: "closed" });
});
afterAll(async () => { await s.close(); });

const board = async (roundId: number) => (await focal.call("GET", `/api/rounds/${roundId}`)).body;
const rowOf = async (roundId: number, agencyId: number): Promise<Row> => (await board(roundId)).rows.find((r: Row) => r.agencyId === agencyId);
const fieldsOf = (res: { body: { error: { fields: { field: string; message: string }[] } } }) => res.body.error.fields;

/** Fills and sends an agency's report (as the focal point, who may enter a report sent on paper). */
async function send(roundId: number, agencyId: number, as: Client = focal) {
  const form = (await as.call("GET", `/api/rounds/${roundId}/reports/${agencyId}`)).body;
  const saved = await as.call("PUT", `/api/rounds/${roundId}/reports/${agencyId}`, {
    version: form.submission?.version ?? 0,
    tasks: form.tasks.map((t: { id: number }) => ({ taskId: t.id, status: "in_progress", progress: 50, narrative: "Đang làm" })),
    indicators: form.indicators.map((i: { id: number }) => ({ indicatorId: i.id, explanation: "Chưa có số liệu" })),
    projects: projectsAnswered(form),
    actuals: form.actuals.map((a: { indicatorId: number; year: number }) => ({ indicatorId: a.indicatorId, year: a.year, value: 91.5 })),
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const sent = await as.call("POST", `/api/rounds/${roundId}/reports/${agencyId}/submit`, { version: saved.body.submission.version });
  expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  return sent.body;
}

async function trail(table: string, rowKey: string) {
  return s.db.store.db.select().from(auditEvents).where(and(eq(auditEvents.tableName, table), eq(auditEvents.rowKey, rowKey))).orderBy(asc(auditEvents.id));
}

describe("round controls", () => {
  let roundId: number;
  let version: number;
  let reporterIds: number[];
  const xd = () => idOf["so-xay-dung"];

  it("previews per agency what it will owe before opening: each task by its number, each indicator", async () => {
    const res = await focal.call("POST", "/api/rounds/proposal", { documentIds: [planId], periodKind: "year", periodYear: 2026, collectorTakesUnowned: true });
    expect(res.status).toBe(200);
    const x = res.body.reporters.find((r: { id: number }) => r.id === xd());
    expect(x.items.tasks).toHaveLength(x.tasks);
    expect(x.items.indicators).toHaveLength(x.indicators);
    expect(x.items.tasks[0]).toMatchObject({ id: expect.any(Number), text: expect.stringMatching(/^\p{Lu}/u), role: expect.stringMatching(/lead|coordinating/) });
    // Nothing was opened.
    expect((await focal.call("GET", "/api/rounds")).body.items.filter((r: { status: string }) => r.status === "open")).toHaveLength(0);
  });

  it("opens a round whose due date has passed, to see lateness move with an extension", async () => {
    const res = await focal.call("POST", "/api/rounds", { documentIds: [planId], periodKind: "year", periodYear: 2026, dueOn: "2026-01-31", collectorTakesUnowned: true });
    expect(res.status).toBe(201);
    roundId = res.body.id;
    version = res.body.version;
    reporterIds = res.body.reporterIds;
    expect(reporterIds).toContain(xd());
  });

  it("changes the due date; refuses one before the window or the opening, a stale version, a closed round, changing nothing", async () => {
    // Today in Vietnam: after 17:00 UTC it is already tomorrow there, and the round opened "tomorrow".
    const today = vietnamDate(new Date());
    for (const [dueOn, key] of [["2025-12-01", "due_before_window"], ["2026-02-01", "due_before_opening"]] as const) {
      const res = await focal.call("PATCH", `/api/rounds/${roundId}`, { dueOn, version });
      expect(res.status).toBe(400);
      expect(fieldsOf(res)[0].field).toBe("dueOn");
      expect(fieldsOf(res)[0].message).toMatch(key === "due_before_window" ? /trước ngày bắt đầu kỳ số liệu/ : /trước ngày mở đợt \(\d\d\/\d\d\/\d{4}\)/);
    }
    const english = await focal.call("PATCH", `/api/rounds/${roundId}?lang=en`, { dueOn: "2026-02-01", version });
    expect(fieldsOf(english)[0].message).toMatch(/before the day the round was opened/);
    expect((await focal.call("PATCH", `/api/rounds/${roundId}`, { dueOn: "2026-12-31", version: version + 5 })).status).toBe(409);
    expect((await board(roundId)).round).toMatchObject({ dueOn: "2026-01-31", version });
    const ok = await focal.call("PATCH", `/api/rounds/${roundId}`, { dueOn: today, version });
    expect(ok.status).toBe(200);
    // Back to the past due date for the tests below (allowed: unchanged since opening is not a new date).
    await s.db.store.db.update(rounds).set({ dueOn: "2026-01-31" }).where(eq(rounds.id, roundId));
    version = ok.body.version;
    const events = await trail("reporting_rounds", String(roundId));
    expect(events.at(-2)).toMatchObject({ operation: "update", actorName: "dau-moi-dk", action: "PATCH /api/rounds/:id", after: { due_on: today } });
  });

  it("extends the due date for one agency: its timeliness and reminders follow it; bad input changes nothing", async () => {
    const other = reporterIds.find((id) => id !== xd() && id !== idOf["so-tai-chinh"])!;
    expect(await rowOf(roundId, xd())).toMatchObject({ dueOn: "2026-01-31", extended: false, daysLate: expect.any(Number) });
    expect((await rowOf(roundId, xd())).daysLate).toBeGreaterThan(0);
    const bad = [
      [`/api/rounds/${roundId}/reporters/999999/due`, { dueOn: "2026-12-31", version }, 400, "agency_unknown"],
      [`/api/rounds/${roundId}/reporters/${idOf["so-ke-hoach-dau-tu"]}/due`, { dueOn: "2026-12-31", version }, 400, "not in round"],
      [`/api/rounds/${roundId}/reporters/${xd()}/due`, { dueOn: "2026-02-01", version }, 400, "before opening"],
      [`/api/rounds/${roundId}/reporters/${xd()}/due`, { dueOn: "31/02/2026", version }, 400, "malformed"],
      [`/api/rounds/${roundId}/reporters/${xd()}/due`, { dueOn: "2026-12-31", version: version - 1 }, 409, "stale"],
    ] as const;
    for (const [path, body, status, why] of bad) expect((await focal.call("PUT", path, body)).status, why).toBe(status);
    expect((await board(roundId)).round.extensions).toEqual([]);
    const res = await focal.call("PUT", `/api/rounds/${roundId}/reporters/${xd()}/due`, { dueOn: "2026-12-31", version });
    expect(res.status).toBe(200);
    version = res.body.version;
    expect(res.body.extensions).toEqual([{ agencyId: xd(), dueOn: "2026-12-31" }]);
    expect(await rowOf(roundId, xd())).toMatchObject({ dueOn: "2026-12-31", extended: true, daysLate: 0 });
    const sent = await send(roundId, xd());
    expect(sent.submission.status).toBe("submitted");
    expect(await rowOf(roundId, xd())).toMatchObject({ onTime: true, daysLate: 0 });
    // Another agency, with the round's past due date, is late when it sends.
    await send(roundId, other);
    expect((await rowOf(roundId, other)).onTime).toBe(false);
    const inbox = (await (await s.as("bc-xd-dk", "reporter", [xd()])).call("GET", "/api/inbox")).body.items;
    expect(inbox.find((i: { roundId: number }) => i.roundId === roundId)).toMatchObject({ dueOn: "2026-12-31" });
    expect((await trail("reporting_round_reporters", `${roundId}/${xd()}`)).at(-1)).toMatchObject({ operation: "update", after: { due_on: "2026-12-31" } });
  });

  it("adds and removes an expected agency; refuses an unknown one, one already there, one ended, one that sent its report", async () => {
    const extra = idOf["so-khoa-hoc-cong-nghe"] ?? (await s.db.store.db.select({ id: agencies.id }).from(agencies)).map((a) => a.id).find((id) => !reporterIds.includes(id))!;
    const absent = reporterIds.includes(extra) ? (await s.db.store.db.select({ id: agencies.id, validTo: agencies.validTo }).from(agencies)).find((a) => !reporterIds.includes(a.id) && a.validTo === null)!.id : extra;
    const ended = (await s.db.store.db.select({ id: agencies.id, validTo: agencies.validTo }).from(agencies)).find((a) => a.validTo !== null && a.validTo < "2025-12-15")!.id;
    for (const [agencyId, message] of [[999999, /Không có cơ quan/], [xd(), /đã có trong danh sách/], [ended, /chấm dứt hoạt động/]] as const) {
      const res = await focal.call("POST", `/api/rounds/${roundId}/reporters`, { agencyId, version });
      expect(res.status).toBe(400);
      expect(fieldsOf(res)[0]).toMatchObject({ field: "agencyId", message: expect.stringMatching(message) });
    }
    const added = await focal.call("POST", `/api/rounds/${roundId}/reporters`, { agencyId: absent, version });
    expect(added.status).toBe(201);
    version = added.body.version;
    expect((await rowOf(roundId, absent)).status).toBe("missing");
    expect((await trail("reporting_round_reporters", `${roundId}/${absent}`))[0]).toMatchObject({ operation: "insert", actorName: "dau-moi-dk" });
    // Removing one that sent its report is refused: a report received is the round's record.
    const refused = await focal.call("DELETE", `/api/rounds/${roundId}/reporters/${xd()}?version=${version}`);
    expect(refused.status).toBe(400);
    expect(fieldsOf(refused)[0].message).toMatch(/đã gửi báo cáo/);
    expect((await focal.call("DELETE", `/api/rounds/${roundId}/reporters/999999?version=${version}`)).status).toBe(400);
    expect((await focal.call("DELETE", `/api/rounds/${roundId}/reporters/${absent}?version=${version - 1}`)).status).toBe(409);
    const removed = await focal.call("DELETE", `/api/rounds/${roundId}/reporters/${absent}?version=${version}`);
    expect(removed.status).toBe(200);
    version = removed.body.version;
    expect(removed.body.reporterIds).not.toContain(absent);
    expect((await trail("reporting_round_reporters", `${roundId}/${absent}`)).at(-1)).toMatchObject({ operation: "delete" });
  });

  it("reminds now one or all agencies still owing, once per agency and day, recorded with who asked", async () => {
    const owing = (await board(roundId)).rows.filter((r: Row) => ["missing", "draft", "returned"].includes(r.status)).map((r: Row) => r.agencyId);
    const one = await focal.call("POST", `/api/rounds/${roundId}/remind`, { agencyIds: [owing[0]] });
    expect(one.status).toBe(200);
    expect(one.body).toEqual({ reminded: [owing[0]], alreadyToday: [] });
    const all = await focal.call("POST", `/api/rounds/${roundId}/remind`, {});
    expect(all.body.reminded.sort()).toEqual(owing.slice(1).sort());
    expect(all.body.alreadyToday).toEqual([owing[0]]);
    expect((await focal.call("POST", `/api/rounds/${roundId}/remind`, {})).body.reminded).toEqual([]);
    const rows = await s.db.store.db.select().from(reminderDeliveries).where(eq(reminderDeliveries.roundId, roundId));
    expect(rows).toHaveLength(owing.length);
    expect(rows.every((r) => r.manualOn !== null && r.requestedBy !== null && r.offsetDays > 0)).toBe(true);
    // Bad input: an agency that sent its report, one the round does not expect, an unknown one; nothing is sent.
    const bad = await focal.call("POST", `/api/rounds/${roundId}/remind`, { agencyIds: [xd(), idOf["so-ke-hoach-dau-tu"], 999999] });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad).map((f) => f.message)).toEqual([expect.stringMatching(/đã gửi báo cáo/), expect.stringMatching(/không phải báo cáo/), expect.stringMatching(/Không có cơ quan/)]);
    expect(await s.db.store.db.select().from(reminderDeliveries).where(eq(reminderDeliveries.roundId, roundId))).toHaveLength(owing.length);
    const seen = (await focal.call("GET", `/api/rounds/${roundId}`)).body.reminders;
    expect(seen[0]).toMatchObject({ manualOn: expect.any(String), requestedBy: expect.any(Number) });
  });

  it("closes a round (reporters write nothing, reminders stop) and reopens it", async () => {
    const owing = (await board(roundId)).rows.find((r: Row) => r.status === "missing")!.agencyId;
    const closed = await focal.call("PATCH", `/api/rounds/${roundId}`, { status: "closed", version });
    expect(closed.status).toBe(200);
    version = closed.body.version;
    const writer = await s.as("bc-closed", "reporter", [owing]);
    const write = await writer.call("PUT", `/api/rounds/${roundId}/reports/${owing}`, { version: 0, results: "x" });
    expect(write.status).toBe(400);
    expect(fieldsOf(write)[0].message).toBe("Đợt báo cáo đã đóng");
    expect((await focal.call("POST", `/api/rounds/${roundId}/remind`, {})).status).toBe(400);
    const before = (await s.db.store.db.select().from(notifications)).length;
    await runReminders(s.db.store.db, null, new Date("2027-01-07T02:00:00Z"));
    expect((await s.db.store.db.select().from(notifications)).length).toBe(before);
    // A closed round takes no change but reopening.
    for (const [method, path, body] of [
      ["PATCH", `/api/rounds/${roundId}`, { dueOn: "2026-12-31", version }],
      ["PUT", `/api/rounds/${roundId}/reporters/${owing}/due`, { dueOn: "2026-12-31", version }],
      ["POST", `/api/rounds/${roundId}/reporters`, { agencyId: idOf["so-ke-hoach-dau-tu"], version }],
    ] as const) {
      const res = await focal.call(method, path, body);
      expect(res.status, path).toBe(400);
      expect(fieldsOf(res)[0].message).toMatch(/đã đóng; hãy mở lại/);
    }
    const reopened = await focal.call("PATCH", `/api/rounds/${roundId}`, { status: "open", version });
    expect(reopened.body.status).toBe("open");
    version = reopened.body.version;
    expect((await writer.call("PUT", `/api/rounds/${roundId}/reports/${owing}`, { version: 0, results: "x" })).status).toBe(200);
    const statuses = (await trail("reporting_rounds", String(roundId))).map((e) => (e.after as { status?: string }).status).filter(Boolean);
    expect(statuses.slice(-2)).toEqual(["closed", "open"]);
  });

  it("asks an indicator's owner for the actual figure replacing an estimate; the accepted figure is an actual value", async () => {
    const db = s.db.store.db;
    const [ind] = await db.select().from(indicators).where(and(eq(indicators.documentId, planId), inArray(indicators.ownerId, reporterIds))).orderBy(asc(indicators.id)).limit(1);
    const owner = ind.ownerId!;
    await db.insert(indicatorValues).values({ indicatorId: ind.id, period: "2025", periodYear: 2025, value: 88, kind: "estimate", sourceDocumentId: planId });
    const listed = (await board(roundId)).estimates;
    expect(listed).toContainEqual(expect.objectContaining({ indicatorId: ind.id, year: 2025, value: 88, requested: false, hasActual: false }));
    for (const [body, message] of [
      [{ indicatorId: ind.id, year: 2001, version }, /không có số ước của năm 2001/],
      [{ indicatorId: ind.id, year: 2027, version }, /năm 2026 trở về trước/],
      [{ indicatorId: 999999, year: 2025, version }, /Không có chỉ tiêu/],
    ] as const) {
      const res = await focal.call("POST", `/api/rounds/${roundId}/actual-requests`, body);
      expect(res.status).toBe(400);
      expect(fieldsOf(res)[0].message).toMatch(message);
    }
    const asked = await focal.call("POST", `/api/rounds/${roundId}/actual-requests`, { indicatorId: ind.id, year: 2025, version });
    expect(asked.status).toBe(201);
    version = asked.body.version;
    const form = (await focal.call("GET", `/api/rounds/${roundId}/reports/${owner}`)).body;
    expect(form.actuals).toEqual([expect.objectContaining({ indicatorId: ind.id, year: 2025, estimate: 88, report: null })]);
    // Sending without it names the gap.
    const saved = await focal.call("PUT", `/api/rounds/${roundId}/reports/${owner}`, {
      version: form.submission?.version ?? 0,
      tasks: form.tasks.map((t: { id: number }) => ({ taskId: t.id, status: "in_progress", progress: 50 })),
      indicators: form.indicators.map((i: { id: number }) => ({ indicatorId: i.id, explanation: "Chưa có số liệu" })),
      projects: projectsAnswered(form),
    });
    const gap = await focal.call("POST", `/api/rounds/${roundId}/reports/${owner}/submit`, { version: saved.body.submission.version });
    expect(gap.status).toBe(400);
    expect(fieldsOf(gap)).toContainEqual(expect.objectContaining({ field: `actuals.${ind.id}-2025.value`, message: expect.stringMatching(/số thực hiện năm 2025/) }));
    const notAsked = await focal.call("PUT", `/api/rounds/${roundId}/reports/${owner}`, { version: saved.body.submission.version, actuals: [{ indicatorId: ind.id, year: 2024, value: 1 }] });
    expect(notAsked.status).toBe(400);
    const sent = await send(roundId, owner);
    expect(sent.actuals[0].report).toEqual({ value: 91.5, explanation: "" });
    const admin = s;
    const accepted = await admin.call("POST", `/api/rounds/${roundId}/reports/${owner}/review`, { version: sent.submission.version, decision: "accept" });
    expect(accepted.status).toBe(200);
    const values = await db.select().from(indicatorValues).where(and(eq(indicatorValues.indicatorId, ind.id), eq(indicatorValues.periodYear, 2025)));
    expect(values.map((v) => `${v.kind}:${v.value}`).sort()).toEqual(["actual:91.5", "estimate:88"]);
    expect((await board(roundId)).estimates.find((e: { indicatorId: number; year: number }) => e.indicatorId === ind.id && e.year === 2025)).toMatchObject({ hasActual: true, requested: true });
  });
});

describe("review", () => {
  let roundId: number;
  let version: number;
  let rows: Row[];
  beforeAll(async () => {
    const res = await focal.call("POST", "/api/rounds", { documentIds: [planId], periodKind: "year", periodYear: 2026, dueOn: "2026-12-31", collectorTakesUnowned: true, title: "Đợt xem xét" });
    roundId = res.body.id;
    version = res.body.version;
  });

  it("returns a report with comments on single items, which the reporter sees at each", async () => {
    const xd = idOf["so-xay-dung"];
    const sent = await send(roundId, xd);
    const task = sent.tasks[0], indicator = sent.indicators[0];
    const bad = await focal.call("POST", `/api/rounds/${roundId}/reports/${xd}/review`, { version: sent.submission.version, decision: "return", items: [{ taskId: 999999, comment: "?" }] });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad)[0]).toMatchObject({ field: "items.0", message: "Mục này không thuộc báo cáo của cơ quan" });
    const items = [{ taskId: task.id, comment: "Nêu rõ số km đã làm" }, ...(indicator ? [{ indicatorId: indicator.id, comment: "Cần số liệu" }] : [])];
    const returned = await focal.call("POST", `/api/rounds/${roundId}/reports/${xd}/review`, { version: sent.submission.version, decision: "return", items });
    expect(returned.status).toBe(200);
    const reporter = await s.as("bc-xd-review", "reporter", [xd]);
    const form = (await reporter.call("GET", `/api/rounds/${roundId}/reports/${xd}`)).body;
    expect(form.tasks.find((t: { id: number }) => t.id === task.id).reviewComment).toBe("Nêu rõ số km đã làm");
    if (indicator) expect(form.indicators.find((i: { id: number }) => i.id === indicator.id).reviewComment).toBe("Cần số liệu");
    expect(form.tasks.filter((t: { reviewComment: string | null }) => t.reviewComment !== null)).toHaveLength(1);
    expect(form.events.at(-1)).toMatchObject({ kind: "returned", itemComments: items });
  });

  it("accepts several sent reports at once from the board, all or nothing", async () => {
    rows = (await board(roundId)).rows;
    const [a, b] = rows.filter((r) => r.status === "missing" && r.agencyId !== idOf["so-tai-chinh"]).map((r) => r.agencyId);
    const sa = await send(roundId, a), sb = await send(roundId, b);
    const stale = await focal.call("POST", `/api/rounds/${roundId}/accept`, { items: [{ agencyId: a, version: sa.submission.version }, { agencyId: b, version: sb.submission.version - 1 }] });
    expect(stale.status).toBe(400);
    expect(fieldsOf(stale)).toEqual([expect.objectContaining({ field: "items.1", message: expect.stringMatching(/đã bị người khác sửa/) })]);
    expect((await rowOf(roundId, a)).status).toBe("submitted");
    const ok = await focal.call("POST", `/api/rounds/${roundId}/accept`, { items: [{ agencyId: a, version: sa.submission.version }, { agencyId: b, version: sb.submission.version }] });
    expect(ok.status).toBe(200);
    expect(ok.body.accepted).toEqual([a, b]);
    expect((await rowOf(roundId, a)).status).toBe("accepted");
    expect((await rowOf(roundId, b)).status).toBe("accepted");
  });

  it("keeps the focal point from accepting its own agency's report unless an administrator allows it in the round", async () => {
    const tc = idOf["so-tai-chinh"];
    const sent = await send(roundId, tc);
    expect(sent.selfReview).toBe(true);
    expect(sent.reviewable).toBe(false);
    const refused = await focal.call("POST", `/api/rounds/${roundId}/reports/${tc}/review`, { version: sent.submission.version, decision: "accept" });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/cần người khác xem xét/);
    const bulk = await focal.call("POST", `/api/rounds/${roundId}/accept`, { items: [{ agencyId: tc, version: sent.submission.version }] });
    expect(bulk.status).toBe(400);
    expect((await rowOf(roundId, tc)).status).toBe("submitted");
    // Only an administrator grants the exception, for this round.
    expect((await focal.call("PUT", `/api/rounds/${roundId}/self-review`, { allowed: true, version })).status).toBe(403);
    const granted = await s.call("PUT", `/api/rounds/${roundId}/self-review`, { allowed: true, version });
    expect(granted.status).toBe(200);
    expect(granted.body.selfReviewAllowed).toBe(true);
    expect((await trail("reporting_rounds", String(roundId))).at(-1)).toMatchObject({ actorName: "quantri", after: { self_review_allowed: true } });
    expect((await focal.call("GET", `/api/rounds/${roundId}/reports/${tc}`)).body.reviewable).toBe(true);
    const accepted = await focal.call("POST", `/api/rounds/${roundId}/reports/${tc}/review`, { version: sent.submission.version, decision: "accept" });
    expect(accepted.status).toBe(200);
  });

  it("accepts a report that answers an actual figure asked for the round's own year and reports the same indicator's value (one value, the answer)", async () => {
    const db = s.db.store.db;
    const rows = (await board(roundId)).rows as Array<{ agencyId: number; status: string }>;
    const owing = new Set(rows.filter((r) => r.status === "missing").map((r) => r.agencyId));
    const [ind] = await db.select().from(indicators).where(and(eq(indicators.documentId, planId), inArray(indicators.ownerId, [...owing]))).orderBy(asc(indicators.id)).limit(1);
    expect(ind).toBeDefined();
    const owner = ind.ownerId!;
    await db.insert(indicatorValues).values({ indicatorId: ind.id, period: "2026", periodYear: 2026, value: 70, kind: "estimate", sourceDocumentId: planId });
    const current = (await board(roundId)).round.version;
    const asked = await focal.call("POST", `/api/rounds/${roundId}/actual-requests`, { indicatorId: ind.id, year: 2026, version: current });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    const form = (await focal.call("GET", `/api/rounds/${roundId}/reports/${owner}`)).body;
    const saved = await focal.call("PUT", `/api/rounds/${roundId}/reports/${owner}`, {
      version: form.submission?.version ?? 0,
      tasks: form.tasks.map((t: { id: number }) => ({ taskId: t.id, status: "in_progress", progress: 50 })),
      indicators: form.indicators.map((i: { id: number }) => (i.id === ind.id ? { indicatorId: i.id, value: 90, valueKind: "actual", explanation: "Theo số liệu thống kê" } : { indicatorId: i.id, explanation: "Chưa có số liệu" })),
      actuals: [{ indicatorId: ind.id, year: 2026, value: 91.5 }],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const sent = await focal.call("POST", `/api/rounds/${roundId}/reports/${owner}/submit`, { version: saved.body.submission.version });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const accepted = await s.call("POST", `/api/rounds/${roundId}/reports/${owner}/review`, { version: sent.body.submission.version, decision: "accept" });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const values = await db.select().from(indicatorValues).where(and(eq(indicatorValues.indicatorId, ind.id), eq(indicatorValues.periodYear, 2026), eq(indicatorValues.kind, "actual")));
    expect(values.map((v) => v.value)).toEqual([91.5]);
  });
});
