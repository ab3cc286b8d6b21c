import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../test/support/server.js";
import { openTestDatabase, serverUrl } from "../../test/support/database.js";
import { openStore } from "../storage/database.js";
import { loadSampleProvince } from "./load-samples.js";

let s: TestServer;
beforeAll(async () => { s = await startTestServer({ samples: true }); });
afterAll(async () => { await s.close(); });

const bySymbol = async (symbol: string) => (await s.call("GET", `/api/documents?q=${encodeURIComponent(symbol)}`)).body.items.find((d: { symbol: string }) => d.symbol === symbol);

describe("the sample province", () => {
  it("lists the sample documents with their dates", async () => {
    const plan = await bySymbol("23/KH-UBND");
    expect(plan).toMatchObject({ docType: "plan", issuedOn: "2023-01-26", signer: "Hồ Tiến Thiệu", stub: false, issuerName: "Ủy ban nhân dân tỉnh Lạng Sơn" });
    const full = (await s.call("GET", "/api/documents?stubs=false&pageSize=10")).body;
    expect(full.total).toBe(4);
    const letter = full.items.find((d: { docType: string }) => d.docType === "letter");
    expect(letter).toMatchObject({ symbol: null, issuedOn: null, issuedText: "tháng 5 năm 2024" });
  });

  it("walks the chain 11-NQ/TW → 96/NQ-CP → 52-CTr/TU → 23/KH-UBND", async () => {
    const plan = await bySymbol("23/KH-UBND");
    const graph = (await s.call("GET", `/api/documents/${plan.id}/graph`)).body;
    const depthOf = Object.fromEntries(graph.nodes.map((n: { symbol: string; depth: number }) => [n.symbol, n.depth]));
    expect(depthOf).toMatchObject({ "11-NQ/TW": -2, "96/NQ-CP": -1, "52-CTr/TU": -1, "23/KH-UBND": 0 });
    const root = await bySymbol("11-NQ/TW");
    const down = (await s.call("GET", `/api/documents/${root.id}/graph`)).body;
    expect(down.nodes.find((n: { symbol: string }) => n.symbol === "23/KH-UBND").depth).toBe(2);
  });

  it("registers cited documents as stubs linked by 'cites'", async () => {
    const stub = await bySymbol("1059-QĐ/TU");
    expect(stub).toMatchObject({ stub: true, issuedOn: "2022-09-16" });
    const detail = (await s.call("GET", `/api/documents/${stub.id}`)).body;
    expect(detail.linksIn.map((l: { kind: string }) => l.kind)).toEqual(["cites"]);
  });

  it("keeps the 2025 merger of the planning department into finance", async () => {
    const dpi = (await s.call("GET", "/api/agencies?q=so%20ke%20hoach%20va%20dau%20tu")).body.items[0];
    const detail = (await s.call("GET", `/api/agencies/${dpi.id}`)).body;
    expect(detail).toMatchObject({ validTo: "2025-02-28", aliases: expect.arrayContaining(["Sở KH&ĐT"]) });
    expect(detail.successors).toMatchObject([{ agency: { name: "Sở Tài chính" }, effectiveDate: "2025-03-01", kind: "merge" }]);
  });

  describe("key projects", () => {
    /** 003, the province's plan on infrastructure (the sample gives it no number): the one plan of the four whose title says so. */
    const infrastructurePlan = async () => (await s.call("GET", "/api/documents?stubs=false&pageSize=10")).body.items.find((d: { title: string }) => /KẾT CẤU HẠ TẦNG/i.test(d.title));
    const projectsOf = async (planId: number) => (await s.call("GET", `/api/projects?planId=${planId}&pageSize=100`)).body.items as { id: number; name: string; leadName: string | null; plans: { id: number }[] }[];

    it("records the projects plan 003 carries, each tied to it once, with the investor the focal point set", async () => {
      const plan = await infrastructurePlan();
      const names = (await projectsOf(plan.id)).map((p) => p.name);
      for (const expected of [/Hữu Nghị - Chi Lăng/, /Đồng Đăng .*Trà Lĩnh/, /Km3\+700 đến Km18/, /Km18 - Km80/, /ĐT\.245 với QL\.31/, /Quốc lộ 4B đến Quốc lộ 18/]) {
        expect(names.filter((n) => expected.test(n)), String(expected)).toHaveLength(1);
      }
      const expressway = (await projectsOf(plan.id)).find((p) => /Hữu Nghị - Chi Lăng/.test(p.name))!;
      expect(expressway.leadName).toBe("Sở Xây dựng");
      expect(expressway.plans.map((p) => p.id)).toContain(plan.id);
    });

    it("attaches report 001's figures to them, each with its date", async () => {
      const plan = await infrastructurePlan();
      const expressway = (await projectsOf(plan.id)).find((p) => /Hữu Nghị - Chi Lăng/.test(p.name))!;
      const detail = (await s.call("GET", `/api/projects/${expressway.id}`)).body;
      expect(detail.documents.map((d: { role: string }) => d.role)).toEqual(expect.arrayContaining(["carries", "reports"]));
      expect(detail.metrics).toEqual(expect.arrayContaining([
        expect.objectContaining({ measure: "clearance", value: 366.55, of: 640.28, unit: "ha", asOf: "2024-10-31" }),
        expect.objectContaining({ measure: "disbursed", value: 490.1, of: 1288.123, asOf: "2024-10-31" }),
        expect.objectContaining({ value: 26.5, unit: "ha", asOf: "2024-08-15" }),
      ]));
      expect(detail.evaluation.disbursement).toMatchObject({ year: 2024, disbursed: 490.1, allocated: 1288.123 });
      // The footnote's items (2) and (3) are the plan's other projects, not the expressway's.
      const upgrade = (await projectsOf(plan.id)).find((p) => /Km18 - Km80/.test(p.name))!;
      expect((await s.call("GET", `/api/projects/${upgrade.id}`)).body.metrics).toEqual(expect.arrayContaining([expect.objectContaining({ value: 37.07, unit: "ha", asOf: "2024-08-15" })]));
    });

    it("writes the 2024 report on 003 with a key-projects section: each figure once, as precise as recorded", async () => {
      const plan = await infrastructurePlan();
      const draft = (await s.call("GET", `/api/plans/${plan.id}/report-draft?year=2024`)).body;
      const section: string = draft.sections.find((x: { key: string }) => x.key === "projects").text;
      const expressway = section.split("\n").find((l) => /Hữu Nghị - Chi Lăng/.test(l))!;
      expect(expressway).toContain("kết quả đến 31/10/2024: đã bàn giao mặt bằng 366,55/640,28 ha, đạt 57,25%; 39,9/59,87 km, đạt 66,64%; giải ngân 490,1/1.288,123 tỷ đồng, đạt 38,05% kế hoạch vốn năm 2024");
      expect(expressway.match(/490,1\/1\.288,123/g)).toHaveLength(1);
      expect(expressway).toContain("Dự án chậm tiến độ: giải ngân chậm so với tiến độ thời gian");
      expect(expressway).toContain("tổng mức đầu tư 11.024,7 tỷ đồng");
      expect(section).not.toMatch(/1\.288,12(?!3)|[⁰¹²³⁴⁵⁶⁷⁸⁹]/);
      expect(section).not.toContain("Kế hoạch không có dự án");
    });

    it("counts them on the sample dashboard", async () => {
      const dash = (await s.call("GET", "/api/dashboard?year=2026")).body;
      expect(Object.values(dash.projectStates as Record<string, number>).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(6);
    });
  });

  it("loads only once", async () => {
    expect(await loadSampleProvince(s.db.store.db)).toEqual({ loaded: false, documents: 0, agencies: 0 });
    expect((await s.call("GET", "/api/documents?stubs=false")).body.total).toBe(4);
  });

  it("loads once when two instances start together on one server database", { skip: !serverUrl }, async () => {
    const fresh = await openTestDatabase();
    const other = await openStore({ databaseUrl: fresh.url, dataDir: ":memory:" });
    try {
      const loaded = await Promise.all([loadSampleProvince(fresh.store.db), loadSampleProvince(other.db)]);
      expect(loaded.map((l) => l.loaded).sort()).toEqual([false, true]);
    } finally {
      await other.close();
      await fresh.drop();
    }
  });
});
