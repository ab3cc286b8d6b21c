import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencies } from "../agencies/schema.js";
import { auditEvents } from "../audit/schema.js";
import { centralPlan } from "../../test/support/central-plan.js";
import { startTestServer, upload, type Client, type TestServer } from "../../test/support/server.js";
import { addDays, vietnamDate } from "./periods.js";

let s: TestServer;
let focal: Client, leader: Client, reporter: Client, viewer: Client;
const idOf: Record<string, number> = {};
const today = vietnamDate(new Date());
const year = Number(today.slice(0, 4));
let request: number, resolution: number, report: number, draft: number;

const ok = <T = any>(res: { status: number; body: T }, status = 200): T => {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
};
const fieldsOf = (res: { body: any }) => res.body.error.fields.map((f: { field: string; message: string }) => [f.field, f.message]);

beforeAll(async () => {
  s = await startTestServer({ registry: true });
  for (const a of await s.db.store.db.select({ id: agencies.id, code: agencies.code }).from(agencies)) idOf[a.code] = a.id;
  focal = await s.as("dau-moi-tren", "focal_point", [idOf["so-tai-chinh"]]);
  leader = await s.as("lanh-dao-tren", "leader");
  reporter = await s.as("bao-cao-tren", "reporter", [idOf["ban-thuong-vu-tinh-uy"]]);
  viewer = await s.as("xem-tren", "viewer");
  const doc = async (symbol: string, title: string, status = "published") => ok(await s.call("POST", "/api/documents", { symbol, title, issuedOn: "2024-03-01", status }), 201).id;
  request = await doc("268-KH/BKTTW", "Kế hoạch kiểm tra, giám sát việc thực hiện Nghị quyết 11-NQ/TW");
  resolution = await doc("11-NQ/TW", "Nghị quyết về phát triển kinh tế - xã hội vùng");
  report = await doc("001-BC/TU", "Báo cáo tự kiểm tra việc thực hiện Nghị quyết 11-NQ/TW");
  draft = await doc("002-BC/TU", "Dự thảo báo cáo", "draft");
}, 120_000);
afterAll(async () => { await s?.close(); });

const onceBody = (dueOn: string) => ({
  title: "Báo cáo kết quả thực hiện Nghị quyết 11-NQ/TW", requestedById: request, subjectId: resolution,
  reporterId: idOf["ban-thuong-vu-tinh-uy"], recipientId: idOf["ban-kinh-te-trung-uong"], frequency: "once", dueOn,
});

describe("reports owed upward", () => {
  it("an upward report obligation is overdue on the dashboard until it is marked sent", async () => {
    const due = addDays(today, -3);
    const created = ok(await focal.call("POST", "/api/upward-reports", onceBody(due)), 201);
    expect(created).toMatchObject({ recipientText: "Ban Kinh tế Trung ương", reporterName: "Ban Thường vụ Tỉnh ủy Lạng Sơn", requestedBy: { symbol: "268-KH/BKTTW" }, subject: { symbol: "11-NQ/TW" },
      next: { period: "once", state: "overdue", daysLate: 3 } });
    const owed = ok(await leader.call("GET", "/api/upward-reports/due"));
    expect(owed.within).toBe(15);
    expect(owed.items).toContainEqual(expect.objectContaining({ obligationId: created.id, state: "overdue", daysLate: 3, dueOn: due }));
    expect(ok(await leader.call("GET", "/api/upward-reports?state=overdue")).items.map((i: any) => i.id)).toContain(created.id);

    // The focal point records the report 001 as sent: its number is the document's unless typed.
    const sent = ok(await focal.call("POST", `/api/upward-reports/${created.id}/sends`, { period: "once", sentOn: today, documentId: report }), 201);
    expect(sent.occurrences).toEqual([expect.objectContaining({ state: "sent_late", daysLate: 3, send: expect.objectContaining({ symbol: "001-BC/TU", documentId: report, sentOn: today }) })]);
    expect(sent.next).toBeNull();
    expect(ok(await leader.call("GET", "/api/upward-reports/due")).items.map((i: any) => i.obligationId)).not.toContain(created.id);
    expect(ok(await leader.call("GET", "/api/upward-reports?state=done")).items.map((i: any) => i.id)).toContain(created.id);
    // Sent twice is refused; undone, it is overdue again.
    const again = await focal.call("POST", `/api/upward-reports/${created.id}/sends`, { period: "once", sentOn: today, symbol: "01-BC/TU" });
    expect(again.status).toBe(409);
    ok(await focal.call("DELETE", `/api/upward-reports/${created.id}/sends/once`));
    expect(ok(await leader.call("GET", "/api/upward-reports/due")).items).toContainEqual(expect.objectContaining({ obligationId: created.id, state: "overdue" }));
    // Every write is in the audit trail.
    const trail = await s.db.store.db.select().from(auditEvents).where(eq(auditEvents.tableName, "report_obligation_sends")).orderBy(asc(auditEvents.id));
    expect(trail.map((e) => e.operation)).toEqual(["insert", "delete"]);
    expect(trail[0].action).toMatch(/upward-reports/);
  });

  it("keeps a yearly report's occurrences, due soon within 15 days, and its next one", async () => {
    const soon = addDays(today, 10);
    const [, m, d] = soon.split("-").map(Number);
    // Due on day d of the month m: for a year, offset m months after December is in the next year, so the period is last year's.
    const body = { title: "Báo cáo kết quả thực hiện Chương trình 111-CTr/TU hằng năm", reporterId: idOf["so-tai-chinh"], recipientText: "Ban Thường vụ Tỉnh ủy", frequency: "year", dueDay: d, dueMonthOffset: m === 12 ? 0 : m, fromYear: year - 2, toYear: year + 1 };
    const created = ok(await focal.call("POST", "/api/upward-reports", body), 201);
    const expected = m === 12 ? String(Number(soon.slice(0, 4))) : String(Number(soon.slice(0, 4)) - 1);
    expect(created.occurrences.find((o: any) => o.period === expected)).toMatchObject({ dueOn: soon, state: "due_soon", daysLeft: 10 });
    expect(ok(await leader.call("GET", "/api/upward-reports/due")).items).toContainEqual(expect.objectContaining({ obligationId: created.id, period: expected, state: "due_soon" }));
    expect(ok(await leader.call("GET", "/api/upward-reports/due?within=5")).items.filter((i: any) => i.obligationId === created.id && i.state === "due_soon")).toEqual([]);
    // A period the obligation does not have is refused, named in Vietnamese.
    for (const period of ["2024-Q5", "2024-H3", "once", `${year}-Q1`, "1999", "20244", "<script>"]) {
      const res = await focal.call("POST", `/api/upward-reports/${created.id}/sends`, { period, sentOn: today });
      expect(res.status, period).toBe(400);
      expect(fieldsOf(res)[0][0]).toBe("period");
    }
    // Narrowing the years below a period recorded as sent is refused until the send is undone.
    const first = String(year - 2);
    ok(await focal.call("POST", `/api/upward-reports/${created.id}/sends`, { period: first, sentOn: "10/12/" + first, symbol: "15-BC/STC" }), 201);
    const narrowed = await focal.call("PATCH", `/api/upward-reports/${created.id}`, { fromYear: year, version: created.version });
    expect(narrowed.status).toBe(400);
    expect(fieldsOf(narrowed)[0][1]).toContain(first);
    const half = ok(await focal.call("PATCH", `/api/upward-reports/${created.id}`, { title: "Báo cáo năm (sửa)", version: created.version }));
    expect(half).toMatchObject({ title: "Báo cáo năm (sửa)", version: created.version + 1 });
    expect((await focal.call("PATCH", `/api/upward-reports/${created.id}`, { title: "cũ", version: created.version })).status).toBe(409);
    expect((await focal.call("DELETE", `/api/upward-reports/${created.id}?version=${created.version}`)).status).toBe(409);
    expect((await focal.call("DELETE", `/api/upward-reports/${created.id}?version=${half.version}`)).status).toBe(204);
    expect((await leader.call("GET", `/api/upward-reports/${created.id}`)).status).toBe(404);
  });

  it("refuses hostile input with each field named in Vietnamese", async () => {
    const bad = await focal.call("POST", "/api/upward-reports", { ...onceBody("31/02/2025"), title: "x".repeat(501) });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad)).toEqual(expect.arrayContaining([["dueOn", "Ngày không tồn tại (ví dụ 31/02)"], ["title", expect.any(String)]]));
    const noDate = await focal.call("POST", "/api/upward-reports", { ...onceBody(today), dueOn: null });
    expect(fieldsOf(noDate)).toEqual([["dueOn", "Báo cáo một lần cần hạn gửi (ngày/tháng/năm)"]]);
    const noDay = await focal.call("POST", "/api/upward-reports", { ...onceBody(today), frequency: "quarter", fromYear: 2026, toYear: 2025 });
    expect(fieldsOf(noDay).map((f: string[]) => f[0])).toEqual(["dueDay", "toYear"]);
    expect((await focal.call("POST", "/api/upward-reports", { ...onceBody(today), frequency: "month", dueDay: 32 })).status).toBe(400);
    expect(fieldsOf(await focal.call("POST", "/api/upward-reports", { ...onceBody(today), frequency: "month", dueDay: 31, fromYear: 1900, toYear: 2200 })).map((f: string[]) => f[0])).toEqual(["fromYear", "toYear"]);
    expect(fieldsOf(await focal.call("POST", "/api/upward-reports", { ...onceBody(today), reporterId: 999_999 }))).toEqual([["reporterId", "Không có cơ quan với mã số này"]]);
    expect(fieldsOf(await focal.call("POST", "/api/upward-reports", { ...onceBody(today), subjectId: 999_999 }))).toEqual([["subjectId", "Không có văn bản với mã số này"]]);
    expect(fieldsOf(await focal.call("POST", "/api/upward-reports", { ...onceBody(today), recipientId: null, recipientText: "  " }))[0][0]).toBe("recipientText");
    expect((await focal.call("POST", "/api/upward-reports", { ...onceBody(today), note: "y".repeat(5001) })).status).toBe(400);
    expect((await focal.call("POST", "/api/upward-reports", "{not json")).status).toBe(400);

    const o = ok(await focal.call("POST", "/api/upward-reports", onceBody(addDays(today, 40))), 201);
    expect(o.next.state).toBe("upcoming");
    const send = (body: object) => focal.call("POST", `/api/upward-reports/${o.id}/sends`, { period: "once", ...body });
    expect(fieldsOf(await send({ sentOn: "31/02/2024" }))).toEqual([["sentOn", "Ngày không tồn tại (ví dụ 31/02)"]]);
    expect(fieldsOf(await send({ sentOn: addDays(today, 1) }))).toEqual([["sentOn", "Ngày gửi không thể sau hôm nay"]]);
    expect(fieldsOf(await send({}))).toEqual([["sentOn", "Nhập ngày gửi báo cáo"]]);
    expect(fieldsOf(await send({ sentOn: today, documentId: draft }))).toEqual([["documentId", "Văn bản chưa được công bố"]]);
    expect(fieldsOf(await send({ sentOn: today, documentId: 2_000_000_000 }))).toEqual([["documentId", "Không có văn bản với mã số này"]]);
    expect((await send({ sentOn: today, symbol: "s".repeat(101) })).status).toBe(400);
    expect((await focal.call("POST", `/api/upward-reports/999999/sends`, { period: "once", sentOn: today })).status).toBe(404);
    expect((await focal.call("DELETE", `/api/upward-reports/${o.id}/sends/once`)).status).toBe(404);
    expect((await focal.call("DELETE", `/api/upward-reports/${o.id}/sends/bad`)).status).toBe(400);
    // English on request.
    const en = await focal.call("POST", `/api/upward-reports/${o.id}/sends?lang=en`, { period: "once", sentOn: addDays(today, 1) });
    expect(fieldsOf(en)).toEqual([["sentOn", "The day sent cannot be after today"]]);
    // A date typed the Vietnamese way is taken.
    ok(await send({ sentOn: today.split("-").reverse().join("/"), symbol: "01-BC/TU" }), 201);
  });

  it("lets leaders read, the focal point write, and reporters and viewers neither", async () => {
    const o = ok(await focal.call("POST", "/api/upward-reports", onceBody(addDays(today, 60))), 201);
    ok(await leader.call("GET", `/api/upward-reports/${o.id}`));
    expect((await leader.call("POST", `/api/upward-reports/${o.id}/sends`, { period: "once", sentOn: today })).status).toBe(403);
    for (const c of [reporter, viewer]) {
      expect((await c.call("GET", "/api/upward-reports")).status).toBe(403);
      expect((await c.call("GET", "/api/upward-reports/due")).status).toBe(403);
      expect((await c.call("PATCH", `/api/upward-reports/${o.id}`, { title: "x", version: o.version })).status).toBe(403);
    }
    const trail = await s.db.store.db.select().from(auditEvents).where(and(eq(auditEvents.tableName, "report_obligations"), eq(auditEvents.rowKey, String(o.id))));
    expect(trail.map((e) => e.operation)).toEqual(["insert"]);
  });

  it("proposes, from an imported central plan, the report it asks the province for; the reviewer confirms it on publishing", async () => {
    const imported = ok(await upload(s, "270-kh-bkttw.txt", centralPlan("270-KH/BKTTW", "Giám sát việc thực hiện", "tổ chức tự giám sát, báo cáo kết quả về Ban Kinh tế Trung ương trước ngày 30/11/2024."), "vi", focal), 201);
    const detail = ok(await focal.call("GET", `/api/imports/${imported.id}`));
    expect(detail.draft.upwardReports).toEqual([expect.objectContaining({ recipientText: "Ban Kinh tế Trung ương", recipientId: idOf["ban-kinh-te-trung-uong"], frequency: "once", dueOn: "2024-11-30", confirmed: false })]);
    const before = ok(await leader.call("GET", "/api/upward-reports")).items.length;
    // Confirmed without the reporting body: refused at its field, nothing published.
    const draft = { ...detail.draft, agencies: detail.draft.agencies.map((a: any) => ({ ...a, agencyIds: a.agencyIds.length ? a.agencyIds : [idOf["ban-thuong-vu-tinh-uy"]] })) };
    draft.upwardReports = [{ ...draft.upwardReports[0], confirmed: true, reporterId: null }];
    const saved = ok(await focal.call("PUT", `/api/imports/${imported.id}/draft`, { draft, version: detail.version }));
    const refused = await focal.call("POST", `/api/imports/${imported.id}/publish`, { version: saved.version });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields[0].field).toBe("upwardReports.0.reporterId");
    expect(ok(await leader.call("GET", "/api/upward-reports")).items.length).toBe(before);
    // Mapped and confirmed: published with the obligation, requested by the plan, on the resolution it implements.
    draft.upwardReports = [{ ...draft.upwardReports[0], reporterId: idOf["ban-thuong-vu-tinh-uy"] }];
    const again = ok(await focal.call("PUT", `/api/imports/${imported.id}/draft`, { draft, version: saved.version }));
    const published = ok(await focal.call("POST", `/api/imports/${imported.id}/publish`, { version: again.version }));
    const items = ok(await leader.call("GET", "/api/upward-reports")).items;
    expect(items.length).toBe(before + 1);
    expect(items.find((o: any) => o.requestedBy?.id === published.documentId)).toMatchObject({
      title: "Báo cáo kết quả thực hiện 11-NQ/TW", reporterId: idOf["ban-thuong-vu-tinh-uy"], recipientText: "Ban Kinh tế Trung ương", frequency: "once", dueOn: "2024-11-30",
      subject: { symbol: "11-NQ/TW" }, note: "Theo văn bản: “trước ngày 30/11/2024”",
    });
    // A new version of the plan, the report confirmed again: still one obligation.
    const renewed = ok(await upload(s, "270-kh-bkttw-moi.txt", centralPlan("270-KH/BKTTW", "Giám sát việc thực hiện", "tổ chức tự giám sát, báo cáo kết quả về Ban Kinh tế Trung ương trước ngày 30/11/2024.\n"), "vi", focal), 201);
    const next = ok(await focal.call("GET", `/api/imports/${renewed.id}`));
    const nextDraft = { ...next.draft, agencies: draft.agencies, upwardReports: [{ ...next.draft.upwardReports[0], confirmed: true, reporterId: idOf["ban-thuong-vu-tinh-uy"] }] };
    const nextSaved = ok(await focal.call("PUT", `/api/imports/${renewed.id}/draft`, { draft: nextDraft, version: next.version }));
    expect(ok(await focal.call("POST", `/api/imports/${renewed.id}/publish`, { version: nextSaved.version })).documentId).toBe(published.documentId);
    expect(ok(await leader.call("GET", "/api/upward-reports")).items.filter((o: any) => o.requestedBy?.id === published.documentId)).toHaveLength(1);
  });

  it("keeps to a document's chain when asked: the reports on it or asked by it, not others", async () => {
    const o = ok(await focal.call("POST", "/api/upward-reports", onceBody(addDays(today, -1))), 201);
    const ids = async (url: string) => ok(await leader.call("GET", url)).items.map((i: any) => i.obligationId ?? i.id);
    expect(await ids(`/api/upward-reports/due?document=${resolution}`)).toContain(o.id);
    expect(await ids(`/api/upward-reports/due?document=${request}`)).toContain(o.id);
    expect(await ids(`/api/upward-reports/due?document=${report}`)).not.toContain(o.id);
    expect(await ids(`/api/upward-reports?document=${resolution}`)).toContain(o.id);
    expect(await ids(`/api/upward-reports?document=${report}`)).not.toContain(o.id);
    expect((await leader.call("GET", "/api/upward-reports/due?document=999999")).status).toBe(404);
    expect((await leader.call("GET", "/api/upward-reports/due?document=abc")).status).toBe(400);
  });
});
