import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluatePlan } from "../evaluation/plan.js";
import { planBySymbol } from "../reports/consolidated.js";
import { openTestDatabase, type TestDatabase } from "../../test/support/database.js";
import { matchFigures, measureWords, nameSimilarity, reportedValuesOf, valuesFromReportedFigures, type Figure, type Target } from "./reported-figures.js";
import { createValue } from "./indicators.js";
import { startTestServer, upload, type TestServer } from "../../test/support/server.js";
import { indicators, indicatorValues } from "./schema.js";

describe("matching a report's figures to a plan's targets", () => {
  const target = (id: number, name: string, unit: string | null = "%", targetYear: number | null = 2030, documentId = 1): Target => ({ id, documentId, name, unit, targetYear });
  const figure = (id: number, name: string, value: number, year = 2024, unit: string | null = "%", kind: Figure["kind"] = "actual"): Figure => ({ id, documentId: 9, name, unit, year, value, kind });

  it("sets a target's own framing aside: its period, its years, 'bình quân hằng năm'", () => {
    expect(measureWords("Tốc độ tăng trưởng GRDP bình quân hằng năm thời kỳ 2021 - 2030")).toEqual(["toc", "do", "tang", "truong", "grdp"]);
    expect(measureWords("Cơ cấu kinh tế đến năm 2030: dịch vụ")).toEqual(["co", "cau", "kinh", "te", "dich", "vu"]);
    expect(nameSimilarity(new Set(measureWords("Tỷ lệ che phủ rừng")), new Set(measureWords("tỷ lệ che phủ rừng")))).toBe(1);
    expect(nameSimilarity(new Set(), new Set(["a"]))).toBe(0);
  });

  it("gives each target, for a year and kind, the figure that names it best, in the same unit and not after its year", () => {
    const targets = [
      target(1, "Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP) bình quân hằng năm thời kỳ 2026 - 2030"),
      target(2, "Tỷ lệ xã có đường ô tô đến trung tâm xã được nhựa hóa", "%", 2027),
      target(3, "Tỷ lệ xã có đường ô tô đến trung tâm xã được nhựa hóa", "%", 2030),
      target(4, "Thu nhập bình quân đầu người", "triệu đồng"),
      target(5, "Tỷ lệ hộ nghèo", "%", 2023),
    ];
    const figures = [
      figure(10, "Tốc độ tăng tổng sản phẩm trên địa bàn (GRDP)", 6.5),
      figure(11, "Tốc độ tăng tổng sản phẩm trên địa bàn (GRDP): nông lâm nghiệp", 3.1),
      figure(12, "Tỷ lệ xã có đường ô tô đến trung tâm xã được nhựa hóa", 91.2, 2025, "%", "estimate"),
      figure(13, "Thu nhập bình quân đầu người", 3200, 2024, "USD"),
      figure(14, "Tỷ lệ hộ nghèo", 4.1, 2024),
      figure(15, "Tỷ lệ xã đạt chuẩn nông thôn mới", 60),
    ];
    const got = matchFigures(figures, targets).map((m) => [m.targetId, m.figure.id]).sort();
    // GRDP from its own figure, not its breakdown; both road targets (same measure, two years); no
    // income in another unit; no poverty figure after the target's year; no match for an unrelated figure.
    expect(got).toEqual([[1, 10], [2, 12], [3, 12]]);
  });

  it("feeds the same measure's target in every plan, but only the closest targets within one plan", () => {
    const targets = [target(1, "Tỷ lệ che phủ rừng", "%", 2030, 1), target(2, "Tỷ lệ che phủ rừng", "%", 2030, 2), target(3, "Tỷ lệ che phủ rừng tự nhiên", "%", 2030, 2)];
    expect(matchFigures([figure(10, "Tỷ lệ che phủ rừng", 63)], targets).map((m) => m.targetId).sort()).toEqual([1, 2]);
  });
});

describe("the sample province: the report's figures become the plan's values", () => {
  let t: TestDatabase;
  let planId: number;
  beforeAll(async () => {
    t = await openTestDatabase({ samples: true });
    planId = await planBySymbol(t.store.db, "23/KH-UBND");
  }, 120_000);
  afterAll(async () => { await t.drop(); });

  it("evaluates 23/KH-UBND with the self-monitoring report's figures: roads achieved, GRDP off track with the rate needed", async () => {
    const values = await reportedValuesOf(t.store.db, planId);
    const of = (name: string, period: string) => values.filter((v) => v.name.includes(name) && v.period === period).map((v) => [v.value, v.kind]);
    expect(of("GRDP) bình quân hằng năm", "2023")).toEqual([[7.17, "actual"]]);
    expect(of("GRDP) bình quân hằng năm", "2024")).toEqual([[6.33, "estimate"]]);

    const e = await evaluatePlan(t.store.db, planId, 2024, "2026-12-03", true);
    const roads = e.indicators.find((i) => i.name.startsWith("Tỷ lệ thôn có đường ô tô") && i.target.targetYear === 2025)!;
    expect(roads.target).toMatchObject({ comparator: "=", min: 80 });
    expect(roads.values).toEqual([{ year: 2023, value: 80.5, kind: "actual" }, { year: 2024, value: 87, kind: "estimate" }]);
    expect(roads.evaluation.status).toBe("achieved");
    const grdp = e.indicators.find((i) => i.name.includes("GRDP) bình quân hằng năm"))!;
    expect(grdp.evaluation).toMatchObject({ status: "off_track", latest: { year: 2024, value: 6.33, kind: "estimate" } });
    expect(grdp.evaluation.requiredRate).toBeCloseTo(8.83, 2);
    expect(grdp.evaluation.reason.vi).toContain("các năm 2025 - 2030 cần đạt bình quân 8,83%/năm");
  });

  it("keeps a value someone entered, and takes back what an earlier version of the report gave", async () => {
    const db = t.store.db;
    const [forest] = await db.select().from(indicators).where(and(eq(indicators.documentId, planId), eq(indicators.name, "Tỷ lệ người dân tham gia bảo hiểm y tế")));
    const [entered] = await db.select().from(indicatorValues).where(and(eq(indicatorValues.indicatorId, forest.id), eq(indicatorValues.period, "2024")));
    expect(entered).toMatchObject({ value: 94.45, kind: "estimate" });
    await db.delete(indicatorValues).where(eq(indicatorValues.id, entered.id));
    await createValue(db, { indicatorId: forest.id, period: "2024", value: 94.5, kind: "estimate" });
    const reportId = entered.sourceDocumentId!;
    await valuesFromReportedFigures(db, reportId);
    const [kept] = await db.select().from(indicatorValues).where(and(eq(indicatorValues.indicatorId, forest.id), eq(indicatorValues.period, "2024")));
    expect(kept).toMatchObject({ value: 94.5, sourceDocumentId: null });
    // The report's figures gone (a new version without them): its values in other documents go with them.
    await db.delete(indicators).where(eq(indicators.documentId, reportId));
    await valuesFromReportedFigures(db, reportId);
    expect((await reportedValuesOf(db, planId)).filter((v) => v.sourceDocumentId === reportId)).toEqual([]);
  });
});

describe("a plan published or taken back by hand", () => {
  let s: TestServer;
  beforeAll(async () => { s = await startTestServer({ samples: true }); }, 120_000);
  afterAll(async () => { await s.close(); });

  it("takes the published reports' figures when published, and gives them back when made a draft again", async () => {
    const focal = await s.as("dm-hand", "focal_point");
    const plan = (await focal.call("POST", "/api/documents", { symbol: "7/KH-UBND", title: "Kế hoạch phát triển y tế", issuedOn: "10/02/2023" })).body;
    const target = (await focal.call("POST", "/api/indicators", { documentId: plan.id, name: "Tỷ lệ người dân tham gia bảo hiểm y tế", unit: "%", comparator: ">", min: 95, targetYear: 2030 })).body;
    const valuesOf = async () => (await focal.call("GET", `/api/values?indicatorId=${target.id}`)).body.items.map((v: { period: string; value: number; kind: string }) => [v.period, v.value, v.kind]);
    expect(await valuesOf()).toEqual([]);
    const published = (await focal.call("PATCH", `/api/documents/${plan.id}`, { version: plan.version, status: "published" })).body;
    expect(await valuesOf()).toEqual([["2023", 94.3, "actual"], ["2024", 94.45, "estimate"]]);
    expect((await focal.call("PATCH", `/api/documents/${plan.id}`, { version: published.version, status: "draft" })).status).toBe(200);
    expect(await valuesOf()).toEqual([]);
  });

  it("shows the reviewer of a report, before it is published, which plans' targets its figures will be values of", async () => {
    const report = `ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN
Số: 301/BC-UBND
BÁO CÁO
Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2025
I. KẾT QUẢ
- Năm 2025, tỷ lệ thôn có đường ô tô đến trung tâm thôn được cứng hóa đạt 91%; tỷ lệ che phủ rừng đạt 63,5%.
`;
    const draft = (await upload(s, "301-BC-UBND.txt", Buffer.from(report))).body;
    const feeds = draft.feeds as { figure: { name: string; value: number; year: number }; target: { symbol: string; name: string; id: number } }[];
    // The roads' targets of 23/KH-UBND (for 2025 and for 2030: the same measure).
    const roads = feeds.filter((f) => f.figure.value === 91);
    expect(roads.length).toBeGreaterThan(0);
    expect(roads.every((f) => f.target.name === "Tỷ lệ thôn có đường ô tô đến trung tâm thôn được cứng hóa" && f.figure.year === 2025)).toBe(true);
    expect(roads.map((f) => f.target.symbol)).toContain("23/KH-UBND");
    // Nothing is written before publishing.
    expect((await s.call("GET", `/api/values?indicatorId=${roads[0].target.id}`)).body.items.map((v: { value: number }) => v.value)).not.toContain(91);
  });
});
