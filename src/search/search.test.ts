import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../test/support/server.js";
import { toPrefixTsquery } from "./tsquery.js";

describe("toPrefixTsquery", () => {
  it("folds and prefixes each word, dropping tsquery syntax", () => {
    expect(toPrefixTsquery("Tỷ lệ che phủ")).toBe("ty:* & le:* & che:* & phu:*");
    expect(toPrefixTsquery("a & b | !c")).toBe("a:* & b:* & c:*");
    expect(toPrefixTsquery(" ,;")).toBeNull();
  });
});

describe("search over the sample province", () => {
  let s: TestServer;
  beforeAll(async () => { s = await startTestServer({ samples: true }); });
  afterAll(async () => { await s.close(); });

  it("finds 23/KH-UBND by words without accents", async () => {
    const res = await s.call("GET", "/api/search?q=ty%20le%20che%20phu%20rung");
    expect(res.status).toBe(200);
    expect(res.body.hits.map((h: { documentSymbol: string }) => h.documentSymbol)).toContain("23/KH-UBND");
  });

  it("ignores case and accents alike", async () => {
    const a = (await s.call("GET", `/api/search?q=${encodeURIComponent("TỶ LỆ CHE PHỦ RỪNG")}`)).body.hits;
    const b = (await s.call("GET", "/api/search?q=ty%20le%20che%20phu%20rung")).body.hits;
    expect(a).toEqual(b);
  });

  it("ranks a title match above a match in the body", async () => {
    const hits = (await s.call("GET", "/api/search?q=ke%20cau%20ha%20tang%20dong%20bo&kinds=document")).body.hits;
    expect(hits[0].title).toMatch(/KẾT CẤU HẠ TẦNG ĐỒNG BỘ/i);
  });

  it("finds tasks and indicators too", async () => {
    const doc = (await s.call("GET", "/api/documents?q=23%2FKH-UBND")).body.items[0];
    await s.call("POST", "/api/indicators", { documentId: doc.id, name: "Tỷ lệ che phủ rừng", unit: "%", comparator: "=", min: 67, targetYear: 2030 });
    await s.call("POST", "/api/tasks", { documentId: doc.id, text: "Nâng cao tỷ lệ che phủ rừng gắn với phát triển kinh tế rừng" });
    const kinds = (await s.call("GET", "/api/search?q=che%20phu%20rung")).body.hits.map((h: { kind: string }) => h.kind);
    expect(new Set(kinds)).toEqual(new Set(["document", "task", "indicator"]));
  });

  it("asks for a word when the query is empty", async () => {
    const res = await s.call("GET", "/api/search?q=%20%2C");
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].field).toBe("q");
  });
});
