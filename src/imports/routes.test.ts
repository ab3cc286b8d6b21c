/**
 * Import and review through the HTTP API, on a database with the sample province's agencies:
 * upload, review, edit, publish, a new version, and files that must be refused leaving nothing behind.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdf, zeros, zip } from "../../test/support/files.js";
import { startTestServer, upload, type TestServer } from "../../test/support/server.js";

const seed = readFileSync(new URL("../../samples/seeds/002_157a5e8ea989fa8e.txt", import.meta.url));

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ registry: true });
}, 60_000);
afterAll(async () => { await s.close(); });


const agencyId = async (code: string) => (await s.call("GET", `/api/agencies?q=${encodeURIComponent(code)}`)).body.items.find((a: any) => a.code === code).id as number;

describe("importing a plan", () => {
  let imported: any;

  it("reads an upload into a draft with its tasks, indicators and agencies mapped to the registry", async () => {
    const res = await upload(s, "002_157a5e8ea989fa8e.txt", seed);
    expect(res.status).toBe(201);
    imported = res.body;
    expect(imported).toMatchObject({ status: "draft", fileName: "002_157a5e8ea989fa8e.txt", documentId: null, changes: null });
    expect(imported.draft.document).toMatchObject({ symbol: "23/KH-UBND", docType: "plan", issuedOn: "2023-01-26" });
    expect(imported.draft.tasks).toHaveLength(56);
    expect(imported.draft.indicators.length).toBeGreaterThan(30);
    const dpi = await agencyId("so-ke-hoach-dau-tu");
    expect(imported.draft.agencies).toContainEqual({ name: "Sở Kế hoạch và Đầu tư", collective: false, agencyIds: [dpi] });
    const departments = imported.draft.agencies.find((a: any) => a.name === "các sở, ban, ngành");
    expect(departments.agencyIds.length).toBeGreaterThan(15);
    // Every task's clause is where the draft says it is.
    for (const t of imported.draft.tasks) expect(imported.text.slice(t.start, t.end)).toContain(t.text.slice(0, 15));
  });

  it("recognises the same file uploaded again", async () => {
    const res = await upload(s, "copy.txt", seed);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("duplicate");
    expect(res.body.error.fields).toContainEqual({ field: "existingImportId", message: String(imported.id) });
  });

  it("saves the reviewer's edits, refusing a stale version", async () => {
    const draft = structuredClone(imported.draft);
    draft.tasks[1].text = "Kiện toàn Tổ điều phối liên kết vùng (đã sửa khi rà soát)";
    draft.tasks.splice(2, 1);
    const saved = await s.call("PUT", `/api/imports/${imported.id}/draft`, { draft, version: imported.version });
    expect(saved.status).toBe(200);
    expect(saved.body.draft.tasks).toHaveLength(55);
    expect((await s.call("PUT", `/api/imports/${imported.id}/draft`, { draft, version: imported.version })).status).toBe(409);
    const bad = await s.call("PUT", `/api/imports/${imported.id}/draft?lang=vi`, { draft: { ...draft, tasks: [{ ...draft.tasks[0], lead: [] }] }, version: saved.body.version });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].field).toBe("draft.tasks.0.lead");
    imported = saved.body;
  });

  it("waits for every lead agency to be mapped before publishing", async () => {
    const draft = structuredClone(imported.draft);
    draft.agencies = draft.agencies.map((a: any) => (a.name === "Sở Nội vụ" ? { ...a, agencyIds: [] } : a));
    const saved = await s.call("PUT", `/api/imports/${imported.id}/draft`, { draft, version: imported.version });
    expect(saved.body.unmappedLeads).toEqual(["Sở Nội vụ"]);
    const res = await s.call("POST", `/api/imports/${imported.id}/publish?lang=en`, { version: saved.body.version });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ field: "agencies.Sở Nội vụ", message: "No registry agency is mapped to this name" }]);
    const restored = await s.call("PUT", `/api/imports/${imported.id}/draft`, { draft: imported.draft, version: saved.body.version });
    imported = restored.body;
  });

  it("publishes all or nothing: an impossible deadline in one task names it and leaves nothing live", async () => {
    const documentsBefore = (await s.call("GET", "/api/documents?pageSize=1")).body.total;
    const draft = structuredClone(imported.draft);
    draft.tasks[5].deadlineText = "trước ngày 31/02/2025";
    const saved = await s.call("PUT", `/api/imports/${imported.id}/draft`, { draft, version: imported.version });
    const res = await s.call("POST", `/api/imports/${imported.id}/publish`, { version: saved.body.version });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ field: "tasks.5.deadlineText", message: "Ngày không tồn tại (ví dụ 31/02)" }]);
    expect((await s.call("GET", "/api/documents?pageSize=1")).body.total).toBe(documentsBefore);
    expect((await s.call("GET", "/api/tasks?pageSize=1")).body.total).toBe(0);
    expect((await s.call("GET", `/api/imports/${imported.id}`)).body.status).toBe("draft");
    imported = (await s.call("PUT", `/api/imports/${imported.id}/draft`, { draft: imported.draft, version: saved.body.version })).body;
  });

  it("publishes all or nothing: an agency the registry lost names the task and its place among the task's agencies", async () => {
    const draft = structuredClone(imported.draft);
    const lead = draft.tasks[7].lead[0];
    draft.agencies = draft.agencies.map((a: { name: string; agencyIds: number[] }) => (a.name === lead ? { ...a, agencyIds: [999_999] } : a));
    const saved = await s.call("PUT", `/api/imports/${imported.id}/draft`, { draft, version: imported.version });
    const res = await s.call("POST", `/api/imports/${imported.id}/publish`, { version: saved.body.version });
    expect(res.status).toBe(400);
    // The first task naming it is the one named (tasks are checked in order).
    const first = draft.tasks.findIndex((t: { lead: string[] }) => t.lead.includes(lead));
    expect(res.body.error.fields[0].field).toMatch(new RegExp(`^tasks\\.${first}\\.(leadIds|phrases\\.\\d+\\.agencyIds)\\.\\d+$`));
    expect((await s.call("GET", "/api/tasks?pageSize=1")).body.total).toBe(0);
    imported = (await s.call("PUT", `/api/imports/${imported.id}/draft`, { draft: imported.draft, version: saved.body.version })).body;
  });

  it("publishes the document, its links, tasks under their agencies, and indicators, in one go", async () => {
    const res = await s.call("POST", `/api/imports/${imported.id}/publish`, { version: imported.version });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tasks: 55, documentId: expect.any(Number) });
    const doc = (await s.call("GET", `/api/documents/${res.body.documentId}`)).body;
    expect(doc).toMatchObject({ symbol: "23/KH-UBND", status: "published", stub: false });
    // Its outline, with each task placed in the innermost section holding its clause.
    expect(doc.sections.length).toBe(imported.draft.outline.length);
    // (The scrape lost the headings "I. MỤC ĐÍCH, YÊU CẦU" and "IV. TỔ CHỨC THỰC HIỆN".)
    expect(doc.sections.filter((x: any) => x.level === 0).map((x: any) => x.number)).toEqual(["1", "2", "II", "III"]);
    const sectionById = new Map(doc.sections.map((x: any) => [x.id, x]));
    const allTasks = (await s.call("GET", `/api/tasks?documentId=${res.body.documentId}&pageSize=100`)).body.items;
    for (const t of allTasks) {
      const section: any = sectionById.get(t.sectionId);
      expect(section.startOffset).toBeLessThanOrEqual(t.startOffset);
      expect(section.endOffset).toBeGreaterThan(t.startOffset);
      expect(doc.sections.some((x: any) => x.level > section.level && x.startOffset <= t.startOffset && t.startOffset < x.endOffset)).toBe(false);
    }
    const graph = (await s.call("GET", `/api/documents/${res.body.documentId}/graph`)).body;
    expect(graph.nodes.map((n: any) => n.symbol)).toEqual(expect.arrayContaining(["96/NQ-CP", "52-CTr/TU"]));
    const dpiTasks = (await s.call("GET", `/api/tasks?agencyId=${await agencyId("so-ke-hoach-dau-tu")}&role=lead&pageSize=100`)).body;
    expect(dpiTasks.items.map((t: any) => t.text)).toContain("Kiện toàn Tổ điều phối liên kết vùng (đã sửa khi rà soát)");
    expect(dpiTasks.items[0].sourceText).toBeTruthy();
    expect((await s.call("GET", `/api/indicators?documentId=${res.body.documentId}`)).body.total).toBe(imported.draft.indicators.length);
    expect((await s.call("POST", `/api/imports/${imported.id}/publish`, { version: res.body.import.version })).status).toBe(400);
  });

  it("shows what a new version of the document changes, and replaces the old tasks when published", async () => {
    const revised = seed.toString("utf8")
      .replace("6.2. Sở Nội vụ: chủ trì tham mưu đào tạo", "6.2. Sở Nội vụ: chủ trì tham mưu tổ chức đào tạo")
      .replace("3. Sở Thông tin và Truyền thông chủ trì, chỉ đạo", "3. Sở Văn hóa, Thể thao và Du lịch chủ trì, chỉ đạo");
    const res = await upload(s, "23-KH-UBND-sua-doi.txt", Buffer.from(revised));
    expect(res.status).toBe(201);
    expect(res.body.previousImportId).toBe(imported.id);
    const { tasks } = res.body.changes;
    expect(tasks.changed.map((c: any) => c.after.section)).toContain("6.2");
    expect(tasks.added.map((t: any) => t.lead)).toContainEqual(["Sở Văn hóa, Thể thao và Du lịch"]);
    expect(tasks.removed.map((t: any) => t.lead)).toContainEqual(["Sở Thông tin và Truyền thông"]);
    const published = await s.call("POST", `/api/imports/${res.body.id}/publish`, { version: res.body.version });
    expect(published.status).toBe(200);
    expect((await s.call("GET", `/api/tasks?documentId=${published.body.documentId}`)).body.total).toBe(56);
    expect((await s.call("GET", `/api/imports/${imported.id}`)).body.status).toBe("superseded");
  });
});

describe("indicators' owners", () => {
  it("publishes the owner a table names, or the one the reviewer picked; an unknown agency is refused, publishing nothing", async () => {
    // (With a target of the text's own that the appendix does not restate: no owner is named for it.)
    const plan = readFileSync(new URL("../../test/extraction/corpus/kh-ubnd-do-thi-tuyen-quang.txt", import.meta.url), "utf8")
      .replace("2. Mục tiêu cụ thể\n", "2. Mục tiêu cụ thể\n\nĐến năm 2030, có ít nhất 3 khu đô thị thông minh được hình thành.\n");
    const res = await upload(s, "kh-97-ubnd.txt", Buffer.from(plan));
    expect(res.status).toBe(201);
    const [construction, transport, finance] = await Promise.all(["so-xay-dung", "so-giao-thong-van-tai", "so-tai-chinh"].map(agencyId));
    const draft = structuredClone(res.body.draft);
    const at = (name: string) => draft.indicators.findIndex((i: any) => i.name.startsWith(name) && i.year === 2030);
    expect(draft.indicators[at("Tỷ lệ đô thị hóa")]).toMatchObject({ owner: "Sở Xây dựng", ownerId: construction });
    expect(draft.indicators[at("Tỷ lệ đất giao thông")]).toMatchObject({ owner: "Sở Giao thông vận tải", ownerId: transport });
    // A sentence's target names no owner: the reviewer picks one.
    const unowned = draft.indicators.findIndex((i: any) => i.ownerId === null);
    expect(draft.indicators[unowned]).toMatchObject({ owner: null });
    draft.indicators[unowned].ownerId = finance;

    const before = (await s.call("GET", "/api/indicators?pageSize=1")).body.total;
    const bad = structuredClone(draft);
    bad.indicators[at("Tỷ lệ đô thị hóa")].ownerId = 99999;
    const badSaved = (await s.call("PUT", `/api/imports/${res.body.id}/draft`, { draft: bad, version: res.body.version })).body;
    const refused = await s.call("POST", `/api/imports/${res.body.id}/publish?lang=en`, { version: badSaved.version });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toEqual([{ field: `indicators.${at("Tỷ lệ đô thị hóa")}.ownerId`, message: "No agency with this id" }]);
    expect((await s.call("GET", "/api/indicators?pageSize=1")).body.total).toBe(before);
    expect((await s.call("GET", `/api/imports/${res.body.id}`)).body.status).toBe("draft");

    const saved = (await s.call("PUT", `/api/imports/${res.body.id}/draft`, { draft, version: badSaved.version })).body;
    const published = await s.call("POST", `/api/imports/${res.body.id}/publish`, { version: saved.version });
    expect(published.status).toBe(200);
    const live = (await s.call("GET", `/api/indicators?documentId=${published.body.documentId}&pageSize=100`)).body.items;
    expect(live.map((i: any) => i.ownerId)).toEqual(draft.indicators.map((i: any) => i.ownerId));
    expect(live.find((i: any) => i.name === "Tỷ lệ đô thị hóa" && i.targetYear === 2030)).toMatchObject({ ownerId: construction, ownerName: "Sở Xây dựng" });
  });
});

describe("files that must be refused", () => {
  const counts = async () => Object.fromEntries(await Promise.all(["documents", "tasks", "indicators", "imports", "agencies"].map(async (what) => {
    const res = await s.call("GET", `/api/${what}?pageSize=1`);
    return [what, res.body.total] as const;
  })));
  const zipBomb = () => zip([
    { name: "[Content_Types].xml", data: Buffer.from("<Types/>"), method: 0, size: 8 },
    { name: "word/document.xml", data: zeros(300), method: 8, size: 1000 },
  ]);

  it.each([
    ["a .docx that is a zip bomb", "ke-hoach.docx", zipBomb, 400, /giải ra/],
    ["a 60 MB text", "rat-lon.txt", () => Buffer.alloc(60 * 1024 * 1024, "a"), 413, /vượt giới hạn 25 MB; hãy tách văn bản/],
    ["a PDF with no text", "ban-scan.pdf", () => pdf(["0 0 1 rg 72 72 200 200 re f"]), 400, /OCR/],
    ["a binary file renamed .txt", "anh.txt", () => Buffer.from([0x89, 0x50, 0x4e, 0x47, ...Array.from({ length: 200 }, (_, i) => i % 32)]), 400, /không phải văn bản/],
    ["an old Word file", "cu.doc", () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), 400, /\.docx/],
  ])("refuses %s with a clear message and leaves the database unchanged", async (_what, name, make, status, said) => {
    const before = await counts();
    const res = await upload(s, name, make());
    expect(res.status).toBe(status);
    expect([res.body.error.message, ...res.body.error.fields.map((f: any) => f.message)].join(" ")).toMatch(said);
    expect(await counts()).toEqual(before);
  });

  it("answers in English on request", async () => {
    const res = await upload(s, "ban-scan.pdf", pdf(["0 0 1 rg 72 72 200 200 re f"]), "en");
    expect(res.body.error).toMatchObject({ code: "validation", message: "The file cannot be read", fields: [{ field: "file", message: "The PDF is a scan with almost no text layer (0 characters on 1 page). Run OCR on it first, or upload the original .docx" }] });
  });
});

describe("documents of one number in different years", () => {
  it("keeps a province's 58/NQ-HĐND of 2023 and of 2025 apart, refusing only the same number in the same year", async () => {
    const older = await s.call("POST", "/api/documents", { symbol: "58/NQ-HĐND", docType: "resolution", title: "Nghị quyết năm 2023", issuedOn: "2023-12-08", status: "published" });
    expect(older.status).toBe(201);
    const again = await s.call("POST", "/api/documents", { symbol: "58/NQ-HĐND", docType: "resolution", title: "Trùng năm", issuedOn: "2023-07-01", status: "published" });
    expect(again.status).toBe(409);
    expect(again.body.error.fields).toContainEqual(expect.objectContaining({ field: "symbol" }));

    // A plan citing the 2025 resolution links to a document of 2025, not to the one of 2023.
    const plan = "ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\nSố: 301/KH-UBND\nLạng Sơn, ngày 20 tháng 12 năm 2025\nKẾ HOẠCH\nThực hiện Nghị quyết số 58/NQ-HĐND ngày 12/12/2025 của HĐND tỉnh\nI. NHIỆM VỤ\n1. Sở Tài chính chủ trì bố trí kinh phí thực hiện.\n";
    const res = await upload(s, "301-kh-ubnd.txt", Buffer.from(plan));
    expect(res.status).toBe(201);
    expect(res.body.draft.implements).toEqual([expect.objectContaining({ symbol: "58/NQ-HĐND", date: "2025-12-12" })]);
    const published = await s.call("POST", `/api/imports/${res.body.id}/publish`, { version: res.body.version });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    const doc = (await s.call("GET", `/api/documents/${published.body.documentId}`)).body;
    const cited = doc.linksOut.find((l: any) => l.kind === "implements");
    expect(cited.document.id).not.toBe(older.body.id);
    expect((await s.call("GET", `/api/documents/${cited.document.id}`)).body).toMatchObject({ symbol: "58/NQ-HĐND", issuedOn: "2025-12-12", stub: true });
    // The 2023 resolution stays as it was, cited by nothing.
    expect((await s.call("GET", `/api/documents/${older.body.id}`)).body.linksIn).toEqual([]);
  });
});

describe("an undated upload of a number other years have", () => {
  it("becomes a document of its own, leaving the dated ones as they were", async () => {
    const plan = "ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\nSố: 58/NQ-HĐND\nNGHỊ QUYẾT\nVề kế hoạch đầu tư công\nI. NHIỆM VỤ\n1. Sở Tài chính chủ trì bố trí kinh phí thực hiện.\n";
    const res = await upload(s, "58-nq-du-thao.txt", Buffer.from(plan));
    expect(res.status).toBe(201);
    expect(res.body.draft.document).toMatchObject({ symbol: "58/NQ-HĐND", issuedOn: null });
    expect(res.body.changes).toBeNull(); // not a new version of another year's resolution
    const published = await s.call("POST", `/api/imports/${res.body.id}/publish`, { version: res.body.version });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    const list = (await s.call("GET", "/api/documents?q=58%2FNQ-H%C4%90ND&pageSize=50")).body.items.filter((d: any) => d.symbol === "58/NQ-HĐND");
    expect(list.map((d: any) => d.issuedOn).sort()).toEqual(["2023-12-08", "2025-12-12", null].sort());
  });
});
