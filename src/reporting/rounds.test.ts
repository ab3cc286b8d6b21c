/**
 * Opening a round over plans whose indicators have no owner: refused, naming them, until the focal
 * point confirms that the collecting agency takes them; each indicator then goes to its owner.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type Client, type TestServer } from "../../test/support/server.js";

let s: TestServer;
let focal: Client;
let plan: number, dof: number, doc: number;
const unowned: number[] = [];
let owned: number;

beforeAll(async () => {
  s = await startTestServer();
  dof = (await s.call("POST", "/api/agencies", { code: "so-tc", name: "Sở Tài chính", kind: "department" })).body.id;
  doc = (await s.call("POST", "/api/agencies", { code: "so-xd", name: "Sở Xây dựng", kind: "department" })).body.id;
  plan = (await s.call("POST", "/api/documents", { symbol: "97/KH-UBND", title: "Kế hoạch phát triển đô thị", issuedOn: "2024-04-18", status: "published" })).body.id;
  for (const name of ["Tỷ lệ đô thị hóa", "Số đô thị trên địa bàn tỉnh", "Tỷ lệ phủ kín quy hoạch chung đô thị", "Tỷ lệ nước thải đô thị được thu gom, xử lý đạt quy chuẩn"]) {
    unowned.push((await s.call("POST", "/api/indicators", { documentId: plan, name, unit: "%", comparator: ">=", min: 10, targetYear: 2030 })).body.id);
  }
  owned = (await s.call("POST", "/api/indicators", { documentId: plan, name: "Diện tích sàn nhà ở bình quân", unit: "m²", comparator: "=", min: 32, targetYear: 2030, ownerId: doc })).body.id;
  focal = await s.as("daumoi", "focal_point", [dof]);
});
afterAll(async () => { await s.close(); });

const input = { documentIds: [] as number[], periodKind: "year", periodYear: 2026, dueOn: "2026-12-15" };
const ownerOf = async (id: number) => (await s.call("GET", `/api/indicators/${id}`)).body.ownerId;
const roundCount = async () => (await focal.call("GET", "/api/rounds")).body.items.length;

describe("opening a round over indicators without an owner", () => {
  it("previews them, and what the collecting agency would take", async () => {
    const p = (await focal.call("POST", "/api/rounds/proposal", { ...input, documentIds: [plan] })).body;
    expect(p.unownedIndicators.map((i: any) => i.id)).toEqual(unowned);
    expect(p).toMatchObject({ coordinatorId: dof, coordinatorName: "Sở Tài chính" });
    expect(p.reporters).toEqual([
      expect.objectContaining({ id: dof, name: "Sở Tài chính", tasks: 0, indicators: 4 }),
      expect.objectContaining({ id: doc, name: "Sở Xây dựng", tasks: 0, indicators: 1 }),
    ]);
    // What each would owe, named, for the focal point to read before opening.
    expect(p.reporters[1].items).toEqual({ tasks: [], indicators: [expect.objectContaining({ id: expect.any(Number), name: expect.any(String) })] });
  });

  it("refuses to open, counting and naming the first of them, in Vietnamese or English; nothing is written", async () => {
    const before = await roundCount();
    const vi = await focal.call("POST", "/api/rounds", { ...input, documentIds: [plan] });
    expect(vi.status).toBe(400);
    expect(vi.body.error.message).toBe(
      "4 chỉ tiêu của các kế hoạch đã chọn chưa có cơ quan chủ trì theo dõi: “Tỷ lệ đô thị hóa”; “Số đô thị trên địa bàn tỉnh”; “Tỷ lệ phủ kín quy hoạch chung đô thị”; …. "
      + "Hãy chọn cơ quan theo dõi cho các chỉ tiêu này trên trang văn bản, hoặc xác nhận để cơ quan thu thập báo cáo nhận các chỉ tiêu này",
    );
    expect(vi.body.error.fields).toEqual([{ field: "collectorTakesUnowned", message: vi.body.error.message }]);
    const en = await focal.call("POST", "/api/rounds?lang=en", { ...input, documentIds: [plan], collectorTakesUnowned: false });
    expect(en.body.error.message).toMatch(/^4 indicators of the chosen plans have no owning agency: “Tỷ lệ đô thị hóa”; .*confirm that the collecting agency takes them$/);
    expect(await roundCount()).toBe(before);
    for (const id of unowned) expect(await ownerOf(id)).toBeNull();
  });

  it("refuses bad input with a clear error before anything is written: an unknown collecting agency, or none to take them", async () => {
    const unknown = await focal.call("POST", "/api/rounds?lang=en", { ...input, documentIds: [plan], coordinatorId: 99999, collectorTakesUnowned: true });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual([{ field: "coordinatorId", message: "No agency with this id" }]);
    // A focal point of no agency, and no collecting agency named: no one to take them.
    const nobody = await s.as("daumoi-khong-co-quan", "focal_point");
    const none = await nobody.call("POST", "/api/rounds", { ...input, documentIds: [plan], collectorTakesUnowned: true });
    expect(none.status).toBe(400);
    expect(none.body.error.fields).toEqual([{ field: "coordinatorId", message: expect.stringContaining("Chưa có cơ quan thu thập báo cáo") }]);
    expect(await roundCount()).toBe(0);
    for (const id of unowned) expect(await ownerOf(id)).toBeNull();
  });

  it("opens once the focal point confirms: the collecting agency owns them (audited), each other indicator goes to its owner", async () => {
    const res = await focal.call("POST", "/api/rounds", { ...input, documentIds: [plan], collectorTakesUnowned: true });
    expect(res.status).toBe(201);
    expect(res.body.reporterIds.sort()).toEqual([dof, doc].sort());
    for (const id of unowned) expect(await ownerOf(id)).toBe(dof);
    expect(await ownerOf(owned)).toBe(doc);
    const trail = (await s.call("GET", `/api/audit?table=indicators&rowKey=${unowned[0]}&limit=10`)).body.items;
    expect(trail[0]).toMatchObject({ action: "POST /api/rounds", actorName: "daumoi", before: { owner_id: null }, after: { owner_id: dof } });
    const form = (await focal.call("GET", `/api/rounds/${res.body.id}/reports/${doc}`)).body;
    expect(form.indicators.map((i: any) => i.id)).toEqual([owned]);

    // Every indicator now has an owner: the next round opens without asking.
    const next = await focal.call("POST", "/api/rounds", { ...input, periodYear: 2027, dueOn: "2027-12-15", documentIds: [plan] });
    expect(next.status).toBe(201);
  });
});
