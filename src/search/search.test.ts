import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../test/support/server.js";
import { searchDocumentText } from "../text/fold.js";
import { tasks } from "../plans/schema.js";
import { COMMON_IN_NEWEST, rankOf, RECENT_ROWS } from "./search.js";
import { toPrefixTsquery } from "./tsquery.js";

describe("toPrefixTsquery", () => {
  it("folds and prefixes each word, dropping tsquery syntax", () => {
    expect(toPrefixTsquery("Tỷ lệ che phủ")).toBe("ty:* & le:* & che:* & phu:*");
    expect(toPrefixTsquery("a & b | !c")).toBe("a:* & b:* & c:*");
    expect(toPrefixTsquery(" ,;")).toBeNull();
  });
});

describe("rankOf", () => {
  const rank = (text: string, typed: string) => rankOf(text, typed.split(" "));
  it("ranks a whole word above a word it only begins, and twice above once", () => {
    expect(rank("chuyen doi so toan dien", "so")).toBeGreaterThan(rank("chuyen doi soan thao", "so"));
    expect(rank("che phu rung va rung ngap man", "rung")).toBeGreaterThan(rank("che phu rung va bien ngap man", "rung"));
  });
  it("ranks the words typed side by side, in order, above the same words apart", () => {
    expect(rank("phat trien kinh te xa hoi", "phat trien kinh te")).toBeGreaterThan(rank("kinh nghiem phat huy te trien", "phat trien kinh te"));
  });
  it("ranks a short title that says it above a long paragraph that says it in passing", () => {
    const paragraph = "so ke hoach va dau tu chu tri phoi hop cac so nganh lien quan trien khai chuyen doi so tren dia ban tinh nam 2025";
    expect(rank("chuyen doi so", "chuyen doi so")).toBeGreaterThan(rank(paragraph, "chuyen doi so"));
  });
  it("gives a text without the words nothing", () => {
    expect(rank("nong thon moi", "rung")).toBe(0);
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

describe("search stops at the page it shows", () => {
  let s: TestServer;
  beforeAll(async () => { s = await startTestServer({ samples: true }); });
  afterAll(async () => { await s.close(); });
  const hitsOf = async (query: string, client = s) => {
    const res = await client.call("GET", `/api/search?${query}`);
    expect(res.status).toBe(200);
    return res.body as { hits: { kind: string; id: number; documentId: number; title: string; rank: number }[]; more: boolean };
  };
  const publish = async (title: string, issuedOn: string, fullText: string | null = null, status = "published") =>
    (await s.call("POST", "/api/documents", { title, issuedOn, fullText, status })).body.id as number;

  it("says whether there is more than the page", async () => {
    const all = await hitsOf("q=che%20phu%20rung&limit=200");
    expect(all.more).toBe(false);
    expect(all.hits.length).toBeGreaterThan(2);
    const page = await hitsOf("q=che%20phu%20rung&limit=2");
    expect(page.hits).toHaveLength(2);
    expect(page.more).toBe(true);
  });

  it("lists a title match before documents that only mention the word, those newest first, however many there are", async () => {
    const titled = await publish("Kế hoạch về vùng trồng quýt Bắc Sơn", "2020-03-01");
    const bodies = [];
    for (const [k, day] of ["2021-05-01", "2024-01-01", "2022-07-01", "2023-02-01", "2019-09-09"].entries()) bodies.push(await publish(`Báo cáo số ${k + 1} về sản xuất nông nghiệp`, day, "Phát triển vùng trồng quýt Bắc Sơn gắn với du lịch."));
    const { hits, more } = await hitsOf("q=quyt%20bac%20son&kinds=document&limit=3");
    expect(hits.map((h) => h.id)).toEqual([titled, bodies[1], bodies[3]]);
    expect(hits[0].rank).toBeGreaterThan(0);
    expect(more).toBe(true);
    expect((await hitsOf("q=quyt%20bac%20son&kinds=document&limit=10")).more).toBe(false);
  });

  it("fills the page from a common word's matches, ranked, and the same matches as a rarer search reads through the index", async () => {
    const doc = await publish("Kế hoạch phát triển cây quýt", "2024-06-01");
    const texts = ["Trồng mới cây quýt tại các xã vùng cao", "Chế biến tinh dầu quýt, quế", "Cây quýt: trồng, chăm sóc và chế biến cây quýt", "Xây dựng thương hiệu quýt Lạng Sơn",
      "Hỗ trợ hợp tác xã trồng quýt", "Mở rộng thị trường quýt, quế", "Tập huấn kỹ thuật chăm sóc cây quýt", "Cấp mã số vùng trồng quýt"];
    for (const text of texts) expect((await s.call("POST", "/api/tasks", { documentId: doc, text })).status).toBe(201);
    // Eight matches: a page of five is read from the newest rows, every match when the page holds them all.
    const page = await hitsOf("q=quyt&kinds=task&limit=5");
    const all = await hitsOf("q=quyt&kinds=task&limit=50");
    expect(page.hits).toHaveLength(5);
    expect(page.more).toBe(true);
    expect(all.hits.filter((h) => texts.includes(h.title))).toHaveLength(8);
    for (const h of page.hits) expect(all.hits.map((a) => a.id)).toContain(h.id);
    for (const { hits } of [page, all]) for (let i = 1; i < hits.length; i++) expect(hits[i - 1].rank).toBeGreaterThanOrEqual(hits[i].rank);
    // The task that says it twice ranks first, on either path.
    expect(all.hits[0].title).toBe("Cây quýt: trồng, chăm sóc và chế biến cây quýt");
    // A prefix of a word finds it on both paths ("quy" begins "quýt"), a prefix of none finds nothing.
    const both = ["Cây quýt: trồng, chăm sóc và chế biến cây quýt", "Tập huấn kỹ thuật chăm sóc cây quýt"];
    expect((await hitsOf("q=cham%20soc%20cay%20quy&kinds=task&limit=50")).hits.map((h) => h.title).sort()).toEqual(both);
    const one = await hitsOf("q=cham%20soc%20cay%20quy&kinds=task&limit=1");
    expect(both).toContain(one.hits[0].title);
    expect(one.more).toBe(true);
    expect((await hitsOf("q=cay%20quytx&kinds=task")).hits).toEqual([]);
  });

  it("reads further back for a word found a few times among the newest rows, and gives the newest of its matches", async () => {
    const doc = await publish("Kế hoạch phát triển vải thiều", "2024-06-15");
    const row = (text: string) => ({ documentId: doc, text, searchFolded: searchDocumentText(text) });
    // Twenty old matches, short (they would rank first), then more than the newest rows read of other tasks, then nine
    // new matches, long: among the newest rows a few, fewer than a page of fifteen.
    await s.db.store.db.insert(tasks).values(Array.from({ length: 20 }, (_, i) => row(`Vải thiều ${i}`)));
    await s.db.store.db.insert(tasks).values(Array.from({ length: RECENT_ROWS }, (_, i) => row(`Nhiệm vụ khác số ${i}`)));
    const fresh = Array.from({ length: 9 }, (_, i) => `Mở rộng thị trường tiêu thụ vải thiều sang các nước thuộc khu vực châu Âu, đợt ${i}`);
    await s.db.store.db.insert(tasks).values(fresh.map(row));
    expect(fresh.length).toBeGreaterThanOrEqual(COMMON_IN_NEWEST);
    const page = await hitsOf("q=vai%20thieu&kinds=task&limit=15");
    // Read further back, not ranked through the index: the page is ranked from the newest sixteen matches (the nine new
    // and seven old), so eight of the new ones are on it, where the index would have ranked fifteen short old ones first.
    expect(page.hits).toHaveLength(15);
    expect(page.more).toBe(true);
    const titles = page.hits.map((h) => h.title);
    expect(fresh.filter((text) => titles.includes(text))).toHaveLength(8);
    expect(titles.filter((t) => t.startsWith("Vải thiều"))).toHaveLength(7);
  });

  it("writes and finds a task whose text runs its words together (a PDF without spaces), and asks a long word whole", async () => {
    const doc = await publish("Kế hoạch văn bản dính chữ", "2024-07-01");
    const runTogether = "Tổchứctriểnkhaithựchiện".repeat(150); // one word of 3,450 letters once folded
    const created = await s.call("POST", "/api/tasks", { documentId: doc, text: runTogether });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const long = "tochuctrienkhaithuchientochuc"; // 29 letters: longer than the index's beginnings
    expect((await hitsOf(`q=${long}&kinds=task`)).hits.map((h) => h.id)).toContain(created.body.id);
    expect((await hitsOf(`q=${long.slice(0, 24)}xyzxyz&kinds=task`)).hits).toEqual([]);
  });

  it("shows a draft and its items only to those who may read drafts", async () => {
    const draft = await publish("Dự thảo kế hoạch phát triển cây sachi", "2025-01-01", "Trồng sachi.", "draft");
    await s.call("POST", "/api/tasks", { documentId: draft, text: "Trồng thử nghiệm cây sachi" });
    const admin = await hitsOf("q=cay%20sachi");
    expect(new Set(admin.hits.map((h) => h.kind))).toEqual(new Set(["document", "task"]));
    const viewer = await s.as("xem-tim-kiem", "viewer");
    expect((await hitsOf("q=cay%20sachi", viewer as TestServer)).hits).toEqual([]);
    expect((await hitsOf("q=cay%20sachi&limit=1", viewer as TestServer)).more).toBe(false);
  });
});
