import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MARK_TTL_MS } from "../audit/write-mark.js";
import { startTestServer, type TestServer } from "../../test/support/server.js";

let s: TestServer;
beforeAll(async () => { s = await startTestServer(); });
afterAll(async () => { await s.close(); });

const count = async () => (await s.call("GET", "/api/documents?pageSize=1")).body.total as number;

describe("documents API", () => {
  it("registers a document, deriving type and key from its symbol", async () => {
    const res = await s.call("POST", "/api/documents", { symbol: "23/KH-UBND", title: "Kế hoạch thực hiện", issuedOn: "26/01/2023" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ symbol: "23/KH-UBND", docType: "plan", typeCode: "KH", issuerCode: "UBND", issuedOn: "2023-01-26", status: "draft", version: 1 });
    expect(res.body).not.toHaveProperty("searchFolded");
  });

  it("refuses a malformed symbol, naming the field in Vietnamese, and writes nothing", async () => {
    const before = await count();
    const res = await s.call("POST", "/api/documents", { symbol: "KH UBND ??", title: "X" });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation");
    expect(res.body.error.fields).toEqual([{ field: "symbol", message: expect.stringContaining("Số, ký hiệu") }]);
    expect(await count()).toBe(before);
  });

  it("refuses an impossible date, naming the field, in English on request, and writes nothing", async () => {
    const before = await count();
    const res = await s.call("POST", "/api/documents", { symbol: "5/KH-UBND", title: "X", issuedOn: "31/02/2024" }, { "accept-language": "en-GB,en" });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ field: "issuedOn", message: "That date does not exist (e.g. 31/02)" }]);
    expect((await s.call("POST", "/api/documents?lang=vi", { title: "X", issuedOn: "2024-02-31" })).body.error.fields[0])
      .toEqual({ field: "issuedOn", message: "Ngày không tồn tại (ví dụ 31/02)" });
    expect(await count()).toBe(before);
  });

  it("serves the list's page and total afresh after a write, through this server or another process", async () => {
    const titles = async () => (await s.call("GET", "/api/documents?pageSize=100")).body.items.map((d: { title: string }) => d.title);
    const before = await count();
    expect(await titles()).not.toContain("Kế hoạch đếm");
    expect((await s.call("POST", "/api/documents", { symbol: "77/KH-UBND", title: "Kế hoạch đếm" })).status).toBe(201);
    expect(await count()).toBe(before + 1);
    expect(await titles()).toContain("Kế hoạch đếm");
    // Another process's insert leaves its audit entry: the page and total follow once the mark is read again.
    await s.db.store.db.execute(sql`insert into documents (title, doc_type) values ('Kế hoạch của tiến trình khác', 'plan')`);
    await new Promise((ok) => setTimeout(ok, MARK_TTL_MS + 50));
    expect(await count()).toBe(before + 2);
    expect(await titles()).toContain("Kế hoạch của tiến trình khác");
  });

  it("names every missing or wrong field", async () => {
    const res = await s.call("POST", "/api/documents", { title: "", docType: "poem", issuerId: -1 });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(["docType", "issuerId", "title"]);
  });

  it("refuses a second document with the same symbol in another spelling (409)", async () => {
    await s.call("POST", "/api/documents", { symbol: "13-NQ/TW", title: "Nghị quyết 13" });
    const res = await s.call("POST", "/api/documents", { symbol: "13/NQ-TW", title: "Trùng" });
    expect(res.status).toBe(409);
    expect(res.body.error.fields[0].field).toBe("symbol");
  });

  it("suggests, but never merges, a probable typo", async () => {
    const real = await s.call("POST", "/api/documents", { symbol: "52-CTr/TU", title: "Chương trình hành động 52" });
    const typo = await s.call("POST", "/api/documents", { symbol: "52-CTr/T", title: "Chương trình (gõ sai)" });
    expect(typo.status).toBe(201);
    expect(typo.body.id).not.toBe(real.body.id);
    expect(typo.body.symbolSuggestions).toEqual([{ id: real.body.id, symbol: "52-CTr/TU", reason: "issuer_truncated" }]);
  });

  it("updates with the version read, and answers 409 to a stale version", async () => {
    const created = (await s.call("POST", "/api/documents", { symbol: "7/BC-UBND", title: "Báo cáo" })).body;
    const first = await s.call("PATCH", `/api/documents/${created.id}`, { title: "Báo cáo năm 2024", version: 1 });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await s.call("PATCH", `/api/documents/${created.id}`, { title: "Ghi đè", version: 1 });
    expect(stale.status).toBe(409);
    expect((await s.call("GET", `/api/documents/${created.id}`)).body.title).toBe("Báo cáo năm 2024");
  });

  it("changes only the fields a PATCH sends", async () => {
    const d = (await s.call("POST", "/api/documents", { symbol: "8/BC-UBND", title: "Báo cáo", status: "published", stub: true })).body;
    const res = await s.call("PATCH", `/api/documents/${d.id}`, { title: "Báo cáo (sửa)", version: d.version });
    expect(res.body).toMatchObject({ title: "Báo cáo (sửa)", status: "published", stub: true });
  });

  it("answers 400, not 500, to an id beyond the database's integers", async () => {
    expect((await s.call("GET", "/api/documents/99999999999")).status).toBe(400);
    expect((await s.call("GET", "/api/tasks?documentId=99999999999")).status).toBe(400);
  });

  it("reads a symbol written in capitals, 'SỐ:' included", async () => {
    const res = await s.call("POST", "/api/documents", { symbol: "SỐ: 31/KH-UBND", title: "Kế hoạch" });
    expect(res.status).toBe(201);
    expect(res.body.symbol).toBe("31/KH-UBND");
  });

  it("answers 404 for a missing document and 400 for a bad id", async () => {
    expect((await s.call("GET", "/api/documents/999999")).status).toBe(404);
    expect((await s.call("GET", "/api/documents/abc")).status).toBe(400);
    expect((await s.call("PATCH", "/api/documents/999999", { title: "x", version: 1 })).status).toBe(404);
  });

  it("refuses a body that is not JSON", async () => {
    const res = await s.call("POST", "/api/documents", "{not json");
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("JSON");
  });

  it("lists with paging and filters", async () => {
    await s.call("POST", "/api/documents", { symbol: "100/QĐ-UBND", title: "Quyết định A", issuedOn: "01/03/2022" });
    await s.call("POST", "/api/documents", { symbol: "101/QĐ-UBND", title: "Quyết định B", issuedOn: "01/03/2023" });
    const decisions = (await s.call("GET", "/api/documents?type=decision")).body;
    expect(decisions.items.map((d: { symbol: string }) => d.symbol)).toEqual(["101/QĐ-UBND", "100/QĐ-UBND"]);
    expect((await s.call("GET", "/api/documents?type=decision&year=2022")).body.total).toBe(1);
    const page = (await s.call("GET", "/api/documents?pageSize=2&page=2")).body;
    expect(page).toMatchObject({ page: 2, pageSize: 2 });
    expect(page.items).toHaveLength(2);
    expect((await s.call("GET", "/api/documents?pageSize=0")).status).toBe(400);
  });

  it("pages on by `after` through the same rows in the same order as by page, undated last, with the total on each page", async () => {
    // Several documents on one day and several undated: ties broken by id across a page's end, and the turn from dated to undated.
    for (let k = 0; k < 7; k++) {
      await s.call("POST", "/api/documents", { symbol: `${300 + k}/QĐ-UBND`, title: `Quyết định ngày chung ${k}`, issuedOn: "15/06/2024" });
      await s.call("POST", "/api/documents", { symbol: `${400 + k}/QĐ-UBND`, title: `Quyết định chưa rõ ngày ${k}` });
    }
    const ids = (body: { items: { id: number }[] }) => body.items.map((d) => d.id);
    const total = await count();
    const all = (await s.call("GET", `/api/documents?pageSize=${total}`)).body;
    expect(all.next).toBeNull();
    for (const size of [1, 3, 4]) {
      const walked: number[] = [];
      let body = (await s.call("GET", `/api/documents?pageSize=${size}`)).body;
      for (let page = 1; ; page++) {
        expect(ids(body)).toEqual(ids((await s.call("GET", `/api/documents?pageSize=${size}&page=${page}`)).body));
        expect(body.total).toBe(total);
        walked.push(...ids(body));
        if (!body.next) break;
        body = (await s.call("GET", `/api/documents?pageSize=${size}&page=${page + 1}&after=${body.next}`)).body;
      }
      expect(walked).toEqual(ids(all));
    }
    // Filters hold on every page.
    const first = (await s.call("GET", "/api/documents?type=decision&year=2024&pageSize=5")).body;
    const second = (await s.call("GET", `/api/documents?type=decision&year=2024&pageSize=5&after=${first.next}`)).body;
    expect([...first.items, ...second.items].map((d: { symbol: string }) => d.symbol)).toEqual([306, 305, 304, 303, 302, 301, 300].map((n) => `${n}/QĐ-UBND`));
    expect(second).toMatchObject({ total: 7, next: null });
  });

  it("starts a numbered page where the rows are now: a write moves it, a page past the end is empty", async () => {
    const ids = (body: { items: { id: number }[] }) => body.items.map((d) => d.id);
    const whole = ids((await s.call("GET", "/api/documents?pageSize=200")).body);
    const before = (await s.call("GET", "/api/documents?pageSize=3&page=2")).body;
    // Found by skipping, then from the start kept: the same three rows, the fourth to sixth of the list.
    expect(ids(before)).toEqual(whole.slice(3, 6));
    expect(ids((await s.call("GET", "/api/documents?pageSize=3&page=2")).body)).toEqual(whole.slice(3, 6));
    const firstOfPageOne = (await s.call("GET", "/api/documents?pageSize=3")).body.items[2].id;
    // The newest document of all comes first: every later page starts one row earlier.
    await s.call("POST", "/api/documents", { symbol: "900/QĐ-UBND", title: "Quyết định mới nhất", issuedOn: "31/12/2099" });
    const after = (await s.call("GET", "/api/documents?pageSize=3&page=2")).body;
    expect(ids(after)).toEqual([firstOfPageOne, ...ids(before).slice(0, 2)]);
    const beyond = (await s.call("GET", `/api/documents?pageSize=3&page=${Math.ceil(after.total / 3) + 1}`)).body;
    expect(beyond).toMatchObject({ items: [], next: null, total: after.total });
  });

  it("refuses a cursor it did not give, naming the field", async () => {
    for (const after of ["xyz", Buffer.from('["2024-01-01"]').toString("base64url"), Buffer.from('[null, "1; drop table documents"]').toString("base64url"),
      Buffer.from('["2024-02-31", 5]').toString("base64url"), Buffer.from('["2024-13-01", 5]').toString("base64url"),
      // What PostgreSQL would refuse as out of range (a 500 before): year 0, an id past an integer.
      Buffer.from('["0000-01-01", 5]').toString("base64url"), Buffer.from('["2024-01-01", 3000000000]').toString("base64url"), Buffer.from('["2024-01-01", 0]').toString("base64url")]) {
      const res = await s.call("GET", `/api/documents?after=${after}`);
      expect(res.status).toBe(400);
      expect(res.body.error.fields).toEqual([{ field: "after", message: expect.stringContaining("Vị trí trang") }]);
    }
  });
});

describe("links and the document graph", () => {
  it("walks the cascade up to the root and down to the leaves", async () => {
    const mk = async (symbol: string) => (await s.call("POST", "/api/documents", { symbol, title: symbol })).body.id as number;
    const [nq, cp, ctr, kh, sub] = [await mk("11-NQ/TW"), await mk("96/NQ-CP"), await mk("52-CTr/TU-X"), await mk("23/KH-UBND-X"), await mk("40/KH-SXD")];
    for (const [from, to] of [[cp, nq], [ctr, nq], [kh, cp], [kh, ctr], [sub, kh]]) {
      expect((await s.call("POST", "/api/links", { fromId: from, toId: to, kind: "implements" })).status).toBe(201);
    }
    const graph = (await s.call("GET", `/api/documents/${kh}/graph`)).body;
    const depth = Object.fromEntries(graph.nodes.map((n: { id: number; depth: number }) => [n.id, n.depth]));
    expect(depth).toEqual({ [nq]: -2, [cp]: -1, [ctr]: -1, [kh]: 0, [sub]: 1 });
    expect(graph.edges).toHaveLength(5);
    const detail = (await s.call("GET", `/api/documents/${kh}`)).body;
    expect(detail.linksOut.map((l: { document: { id: number } }) => l.document.id).sort()).toEqual([cp, ctr].sort());
    expect(detail.linksIn.map((l: { document: { id: number } }) => l.document.id)).toEqual([sub]);
  });

  it("refuses a link that would make the chain a cycle, or a link to itself", async () => {
    const a = (await s.call("POST", "/api/documents", { symbol: "1/KH-A", title: "A" })).body.id;
    const b = (await s.call("POST", "/api/documents", { symbol: "2/KH-A", title: "B" })).body.id;
    await s.call("POST", "/api/links", { fromId: b, toId: a, kind: "implements" });
    const cycle = await s.call("POST", "/api/links", { fromId: a, toId: b, kind: "implements" });
    expect(cycle.status).toBe(400);
    expect(cycle.body.error.fields[0].field).toBe("toId");
    expect((await s.call("POST", "/api/links", { fromId: a, toId: a, kind: "cites" })).status).toBe(400);
    expect((await s.call("POST", "/api/links", { fromId: a, toId: 999999, kind: "cites" })).body.error.fields[0].field).toBe("toId");
    expect((await s.call("POST", "/api/links", { fromId: b, toId: a, kind: "implements" })).status).toBe(409);
  });

  it("updates and deletes a link", async () => {
    const a = (await s.call("POST", "/api/documents", { symbol: "3/KH-A", title: "A" })).body.id;
    const b = (await s.call("POST", "/api/documents", { symbol: "4/KH-A", title: "B" })).body.id;
    const link = (await s.call("POST", "/api/links", { fromId: a, toId: b, kind: "cites" })).body;
    expect((await s.call("PATCH", `/api/links/${link.id}`, { kind: "amends", version: 1 })).body).toMatchObject({ kind: "amends", version: 2 });
    expect((await s.call("GET", `/api/links?documentId=${a}`)).body.total).toBe(1);
    expect((await s.call("DELETE", `/api/links/${link.id}`)).status).toBe(204);
    expect((await s.call("GET", `/api/links/${link.id}`)).status).toBe(404);
  });
});

describe("service routes", () => {
  it("answers health and the OpenAPI document", async () => {
    expect((await s.call("GET", "/api/health")).body).toMatchObject({ status: "ok" });
    const doc = (await s.call("GET", "/api/docs")).body;
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/documents", "/api/documents/{id}/graph", "/api/search", "/api/tasks"]));
    expect(doc.paths["/api/documents"].post.requestBody.content["application/json"].schema.properties).toHaveProperty("symbol");
  });
  it("answers 404 in JSON for an unknown API path", async () => {
    const res = await s.call("GET", "/api/nothing-here");
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("not_found");
  });
});

describe("a plan's outline", () => {
  it("replaces the sections with their nesting, and refuses a parent after its child", async () => {
    const plan = (await s.call("POST", "/api/documents", { symbol: "9/KH-UBND", title: "Kế hoạch" })).body.id;
    const res = await s.call("PUT", `/api/documents/${plan}/sections`, { version: 1, sections: [
      { number: "I", title: "MỤC ĐÍCH, YÊU CẦU", level: 0, startOffset: 100, endOffset: 400 },
      { number: "1", title: "Mục đích", level: 1, parent: 0, startOffset: 120, endOffset: 250 },
      { number: "II", title: "NHIỆM VỤ", level: 0, startOffset: 400, endOffset: 900 },
    ] });
    expect(res.status).toBe(200);
    expect(res.body.map((x: { number: string }) => x.number)).toEqual(["I", "1", "II"]);
    expect(res.body[1].parentId).toBe(res.body[0].id);
    expect((await s.call("PUT", `/api/documents/${plan}/sections`, { version: 1, sections: [] })).status).toBe(409);
    const bad = await s.call("PUT", `/api/documents/${plan}/sections`, { version: 2, sections: [{ number: "1", level: 1, parent: 1 }, { number: "I", level: 0 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].field).toBe("sections.0.parent");
    expect((await s.call("GET", `/api/documents/${plan}`)).body.sections).toHaveLength(3);
  });
});

describe("drafts", () => {
  it("exist only for those who register plans and for leaders", async () => {
    const draft = (await s.call("POST", "/api/documents", { symbol: "99/KH-UBND", title: "Kế hoạch dự thảo về chuyển đổi số", status: "draft" })).body;
    const published = (await s.call("POST", "/api/documents", { symbol: "98/KH-UBND", title: "Kế hoạch chuyển đổi số đã ban hành", status: "published" })).body;
    const viewer = await s.as("xem-du-thao", "viewer");
    const leader = await s.as("lanh-dao-du-thao", "leader");
    const ids = async (client: typeof viewer, path: string) => (await client.call("GET", path)).body.items.map((d: { id: number }) => d.id);
    expect(await ids(viewer, "/api/documents?pageSize=100")).toContain(published.id);
    expect(await ids(viewer, "/api/documents?pageSize=100")).not.toContain(draft.id);
    expect(await ids(viewer, "/api/documents?status=draft")).toEqual([]);
    expect((await viewer.call("GET", `/api/documents/${draft.id}`)).status).toBe(404);
    const hits = (await viewer.call("GET", `/api/search?q=${encodeURIComponent("chuyen doi so")}`)).body.hits.map((h: { id: number }) => h.id);
    expect(hits).toEqual([published.id]);
    // Nor its tasks, nor its links, nor its place in a graph.
    const task = (await s.call("POST", "/api/tasks", { documentId: draft.id, text: "Xây dựng nền tảng số", leadIds: [], coordinatingIds: [] })).body;
    const link = (await s.call("POST", "/api/links", { fromId: draft.id, toId: published.id, kind: "implements" })).body;
    expect((await viewer.call("GET", `/api/tasks/${task.id}`)).status).toBe(404);
    expect(await ids(viewer, `/api/tasks?documentId=${draft.id}`)).toEqual([]);
    expect(await ids(viewer, `/api/links?documentId=${published.id}`)).toEqual([]);
    expect((await viewer.call("GET", `/api/documents/${published.id}/graph`)).body.nodes.map((n: { id: number }) => n.id)).toEqual([published.id]);
    expect((await viewer.call("GET", `/api/documents/${draft.id}/graph`)).status).toBe(404);
    expect(await ids(leader, `/api/links?documentId=${published.id}`)).toEqual([link.id]);
    expect((await leader.call("GET", `/api/tasks/${task.id}`)).status).toBe(200);
    expect(await ids(leader, "/api/documents?pageSize=100")).toContain(draft.id);
    // One after the other with no write between: a page kept for one reader's rights is not served to another's.
    expect(await ids(leader, "/api/documents?pageSize=99")).toContain(draft.id);
    expect(await ids(viewer, "/api/documents?pageSize=99")).not.toContain(draft.id);
    expect(await ids(leader, "/api/documents?pageSize=99")).toContain(draft.id);
    expect((await leader.call("GET", `/api/documents/${draft.id}`)).status).toBe(200);
  });
});
