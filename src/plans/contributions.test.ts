/**
 * Indicators serving an ancestor's, over HTTP on a small chain: a resolution known only by citation, the
 * province's plan implementing it, a department's plan implementing both. Suggestions, confirmation, targets
 * restated onto the resolution, the resolution judged on what serves it; and what the edges refuse.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../test/support/server.js";
import { suggestServed } from "./contributions.js";

let s: TestServer;
const ok = <T = any>(res: { status: number; body: T }, status = 200): T => {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
};
const chain = { resolution: 0, plan: 0, department: 0, other: 0 };
const ind = { forest: 0, tourists: 0, deptTourists: 0, resolutionGrowth: 0 };

beforeAll(async () => {
  s = await startTestServer();
  const doc = async (symbol: string, title: string, extra: object = {}) => ok(await s.call("POST", "/api/documents", { symbol, title, issuedOn: "2023-01-10", status: "published", ...extra }), 201).id;
  chain.resolution = await doc("77-NQ/TW", "Nghị quyết về phát triển vùng", { stub: true });
  chain.plan = await doc("31/KH-UBND", "Kế hoạch thực hiện Nghị quyết 77-NQ/TW");
  chain.department = await doc("12/KH-SDL", "Kế hoạch của Sở Du lịch thực hiện Kế hoạch 31/KH-UBND");
  chain.other = await doc("40/KH-UBND", "Kế hoạch khác");
  for (const [fromId, toId] of [[chain.plan, chain.resolution], [chain.department, chain.plan], [chain.department, chain.resolution]]) {
    ok(await s.call("POST", "/api/links", { fromId, toId, kind: "implements" }), 201);
  }
  const indicator = async (documentId: number, name: string, unit: string, min: number) =>
    ok(await s.call("POST", "/api/indicators", { documentId, name, unit, comparator: ">=", min, targetYear: 2030 }), 201).id;
  ind.resolutionGrowth = await indicator(chain.resolution, "Tốc độ tăng trưởng kinh tế (GRDP) bình quân", "%", 8);
  ind.forest = await indicator(chain.plan, "Tỷ lệ che phủ rừng", "%", 67);
  ind.tourists = await indicator(chain.plan, "Tổng số khách du lịch đến năm 2030", "lượt người", 6_000_000);
  ind.deptTourists = await indicator(chain.department, "Tổng số khách du lịch", "lượt người", 6_000_000);
  await indicator(chain.plan, "Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP) bình quân hằng năm thời kỳ 2021 - 2030", "%", 8);
  for (const [indicatorId, period, value] of [[ind.forest, "2023", 66], [ind.forest, "2024", 66.5], [ind.deptTourists, "2024", 4_100_000]] as const) {
    ok(await s.call("POST", "/api/values", { indicatorId, period, value, kind: "actual" }), 201);
  }
  const task = async (documentId: number, text: string) => ok(await s.call("POST", "/api/tasks", { documentId, text, deadlineText: "năm 2025" }), 201);
  await task(chain.plan, "Trồng rừng thay thế");
  await task(chain.department, "Xây dựng sản phẩm du lịch cộng đồng");
  await task(chain.other, "Việc của kế hoạch khác");
}, 120_000);
afterAll(async () => { await s?.close(); });

describe("suggestions (pure)", () => {
  it("proposes the upper indicator in the same unit whose name says the same, not a breakdown's sibling", () => {
    const upper = [
      { id: 1, documentId: 9, name: "Tốc độ tăng trưởng kinh tế (GRDP) bình quân", unit: "%" },
      { id: 2, documentId: 9, name: "Cơ cấu kinh tế đến năm 2030: dịch vụ", unit: "%" },
      { id: 3, documentId: 9, name: "Tổng số khách du lịch", unit: "triệu lượt" },
    ];
    const lower = [
      { id: 10, documentId: 8, name: "Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP) bình quân hằng năm thời kỳ 2021 - 2030", unit: "%" },
      { id: 11, documentId: 8, name: "Cơ cấu kinh tế đến năm 2030: công nghiệp - xây dựng", unit: "%" },
      { id: 12, documentId: 8, name: "Tổng số khách du lịch", unit: "lượt người" },
    ];
    const found = suggestServed(lower, upper);
    expect(found.get(10)?.map((x) => x.id)).toEqual([1]);
    expect(found.has(11)).toBe(false);
    expect(found.has(12)).toBe(false); // another unit: a person would have to convert
  });
});

describe("a chain's indicators", () => {
  it("suggests what a plan's indicators may serve above them, and confirms a link", async () => {
    const { indicators } = ok(await s.call("GET", `/api/documents/${chain.plan}/contributions`));
    const growth = indicators.find((i: any) => i.name.startsWith("Tốc độ tăng trưởng"));
    expect(growth.suggestions).toMatchObject([{ id: ind.resolutionGrowth, symbol: "77-NQ/TW", similarity: expect.any(Number) }]);
    ok(await s.call("PUT", `/api/indicators/${growth.id}/serves/${ind.resolutionGrowth}`));
    ok(await s.call("PUT", `/api/indicators/${growth.id}/serves/${ind.resolutionGrowth}`)); // twice: still one link
    const after = ok(await s.call("GET", `/api/documents/${chain.resolution}/contributions`)).indicators[0];
    expect(after.servedBy).toMatchObject([{ id: growth.id, symbol: "31/KH-UBND" }]);
  });

  it("restates a plan's targets onto the resolution, once, and judges them on the plan's values", async () => {
    const body = { fromId: chain.plan, indicatorIds: [ind.forest, ind.tourists] };
    expect(ok(await s.call("POST", `/api/documents/${chain.resolution}/restated-targets`, body), 201)).toEqual({ created: 2, linked: 2 });
    expect(ok(await s.call("POST", `/api/documents/${chain.resolution}/restated-targets`, body), 201)).toEqual({ created: 0, linked: 2 });
    ok(await s.call("PUT", `/api/indicators/${ind.deptTourists}/serves/${ind.tourists}`));
    const ev = ok(await s.call("GET", `/api/plans/${chain.resolution}/evaluation?year=2024`));
    const own = ev.indicators.filter((i: any) => i.documentId === chain.resolution);
    const forest = own.find((i: any) => i.name === "Tỷ lệ che phủ rừng");
    expect(forest).toMatchObject({ servedBy: 1, values: [{ year: 2023, value: 66 }, { year: 2024, value: 66.5 }] });
    expect(forest.evaluation.status).not.toBe("no_data");
    // Each target once in the roll-up: the plan's forest cover is counted in the resolution's light; the plan's own page keeps it.
    expect(ev.indicators.some((i: any) => i.id === ind.forest)).toBe(false);
    expect(Object.values(ev.indicatorCounts).reduce((a: number, b: any) => a + b, 0)).toBe(ev.indicators.length);
    expect(ok(await s.call("GET", `/api/plans/${chain.plan}/evaluation?year=2024`)).indicators.some((i: any) => i.id === ind.forest)).toBe(true);
    // Down two levels: the department's figure serves the plan's, which serves the resolution's.
    expect(own.find((i: any) => i.name.startsWith("Tổng số khách")).values).toEqual([{ year: 2024, value: 4_100_000, kind: "actual" }]);
  });

  it("refuses a link upward or sideways, an unknown indicator, and restating from outside the chain", async () => {
    const up = await s.call("PUT", `/api/indicators/${ind.resolutionGrowth}/serves/${ind.forest}`);
    expect(up).toMatchObject({ status: 400, body: { error: { fields: [{ field: "servesId", message: expect.stringContaining("cấp trên") }] } } });
    expect((await s.call("PUT", `/api/indicators/${ind.forest}/serves/2147483000`)).status).toBe(400);
    expect((await s.call("PUT", `/api/indicators/${ind.forest}/serves/${ind.forest}`)).status).toBe(400);
    expect((await s.call("PUT", `/api/indicators/abc/serves/1`)).status).toBe(400);
    const outside = await s.call("POST", `/api/documents/${chain.resolution}/restated-targets`, { fromId: chain.other, indicatorIds: [ind.forest] });
    expect(outside.status).toBe(400);
    const foreign = await s.call("POST", `/api/documents/${chain.resolution}/restated-targets`, { fromId: chain.department, indicatorIds: [ind.forest] });
    expect(foreign).toMatchObject({ status: 400, body: { error: { fields: [{ field: "indicatorIds" }] } } });
    const many = await s.call("POST", `/api/documents/${chain.resolution}/restated-targets`, { fromId: chain.plan, indicatorIds: Array.from({ length: 501 }, (_, i) => i + 1) });
    expect(many.status).toBe(400);
  });

  it("refuses a second link on the same line, which would count the values twice", async () => {
    // The department's tourists serve the plan's, which serve the resolution's: serving the resolution's too is refused.
    const resolutionTourists = ok(await s.call("GET", `/api/documents/${chain.resolution}/contributions`)).indicators.find((i: any) => i.name.startsWith("Tổng số khách")).id;
    const twice = await s.call("PUT", `/api/indicators/${ind.deptTourists}/serves/${resolutionTourists}`);
    expect(twice).toMatchObject({ status: 400, body: { error: { fields: [{ field: "servesId", message: expect.stringContaining("hai lần") }] } } });
    ok(await s.call("PUT", `/api/indicators/${ind.deptTourists}/serves/${ind.tourists}`)); // the same link again: still fine
  });

  it("removes a link, and says when there is none", async () => {
    const growth = ok(await s.call("GET", `/api/documents/${chain.resolution}/contributions`)).indicators.find((i: any) => i.id === ind.resolutionGrowth).servedBy[0];
    expect((await s.call("DELETE", `/api/indicators/${growth.id}/serves/${ind.resolutionGrowth}`)).status).toBe(204);
    expect((await s.call("DELETE", `/api/indicators/${growth.id}/serves/${ind.resolutionGrowth}`)).status).toBe(404);
  });
});

describe("the roll-up of a chain", () => {
  it("evaluates a resolution with every document below it, each task once, saying where each comes from", async () => {
    const ev = ok(await s.call("GET", `/api/plans/${chain.resolution}/evaluation?year=2024`));
    // The department's plan implements the plan and the resolution both: it counts once, at its shortest depth.
    expect(ev.documents.map((d: any) => [d.symbol, d.depth])).toEqual([["77-NQ/TW", 0], ["31/KH-UBND", 1], ["12/KH-SDL", 1]]);
    expect(ev.tasks.map((t: any) => [t.text, t.documentId])).toEqual([["Trồng rừng thay thế", chain.plan], ["Xây dựng sản phẩm du lịch cộng đồng", chain.department]]);
    expect(Object.values(ev.taskCounts).reduce((a: number, b: any) => a + b, 0)).toBe(2);
    const dashboard = ok(await s.call("GET", `/api/dashboard?year=2024&plan=${chain.resolution}`));
    expect(dashboard.chain.map((d: any) => d.symbol)).toEqual(["77-NQ/TW", "31/KH-UBND", "12/KH-SDL"]);
    expect(dashboard.plans.map((p: any) => p.symbol).sort()).toEqual(["12/KH-SDL", "31/KH-UBND", "77-NQ/TW"]);
    const tasks = ok(await s.call("GET", `/api/dashboard/tasks?year=2024&plan=${chain.resolution}`));
    expect(tasks.total).toBe(2);
  });

  it("offers as scopes the documents and the cited ones a chain hangs from, not every citation", async () => {
    ok(await s.call("POST", "/api/documents", { symbol: "99-NQ/TW", title: "Nghị quyết chỉ được trích dẫn", status: "published", stub: true }), 201);
    const scopes = ok(await s.call("GET", "/api/documents?stubs=implemented&status=published&pageSize=100")).items.map((d: any) => d.symbol);
    expect(scopes).toEqual(expect.arrayContaining(["77-NQ/TW", "31/KH-UBND", "12/KH-SDL"]));
    expect(scopes).not.toContain("99-NQ/TW");
    expect((await s.call("GET", "/api/documents?stubs=maybe")).status).toBe(400);
  });

  it("leaves a draft below out of a published document's roll-up, for every reader", async () => {
    // A published plan under the department's: once the department's is a draft, it hangs from the nearest shown above.
    const below = ok(await s.call("POST", "/api/documents", { symbol: "3/KH-PDL", title: "Kế hoạch của phòng dưới Sở", issuedOn: "2023-05-02", status: "published" }), 201).id;
    ok(await s.call("POST", "/api/links", { fromId: below, toId: chain.department, kind: "implements" }), 201);
    const dept = ok(await s.call("GET", `/api/documents/${chain.department}`));
    ok(await s.call("PATCH", `/api/documents/${chain.department}`, { status: "draft", version: dept.version }));
    try {
      const seen = ok(await (await s.as("nguoi-xem-cay", "viewer")).call("GET", `/api/plans/${chain.resolution}/evaluation?year=2024`)).documents;
      expect(seen.map((d: any) => d.id)).not.toContain(chain.department);
      expect(seen.find((d: any) => d.id === below)).toMatchObject({ parentId: chain.resolution });
      expect(JSON.stringify(seen)).not.toContain(`:${chain.department},`);
      const dashboard = ok(await s.call("GET", `/api/dashboard?year=2024&plan=${chain.resolution}`));
      expect(dashboard.chain.map((d: any) => d.symbol)).toEqual(["77-NQ/TW", "31/KH-UBND", "3/KH-PDL"]);
      const viewer = await s.as("nguoi-xem-chuoi", "viewer");
      const ev = ok(await viewer.call("GET", `/api/plans/${chain.resolution}/evaluation?year=2024`));
      expect(ev.tasks.map((t: any) => t.text)).toEqual(["Trồng rừng thay thế"]);
      // The resolution's tourist target took the department's figure through the plan's: not while it is a draft.
      expect(ev.indicators.find((i: any) => i.documentId === chain.resolution && i.name.startsWith("Tổng số khách")).values).toEqual([]);
    } finally {
      const back = ok(await s.call("GET", `/api/documents/${chain.department}`));
      ok(await s.call("PATCH", `/api/documents/${chain.department}`, { status: "published", version: back.version }));
      expect((await s.call("DELETE", `/api/documents/${below}`)).status).toBe(204);
    }
  });
});
