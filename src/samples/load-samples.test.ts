import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../test/support/server.js";
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

  it("loads only once", async () => {
    expect(await loadSampleProvince(s.db.store.db)).toEqual({ loaded: false, documents: 0, agencies: 0 });
    expect((await s.call("GET", "/api/documents?stubs=false")).body.total).toBe(4);
  });
});
