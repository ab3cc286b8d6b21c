/**
 * The report on a whole chain (11-NQ/TW → 96/NQ-CP, 52-CTr/TU → 23/KH-UBND) in the Party's form, and
 * the report's form as the focal point edits it through the API: the serializer on the sample
 * province's data, the writer by opening what it wrote, hostile input at the edge.
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencies } from "../agencies/schema.js";
import { indicatorContributions, taskAgencies, tasks } from "../plans/schema.js";
import { rounds } from "../reporting/schema.js";
import { startTestServer, type Client, type TestServer } from "../../test/support/server.js";
import { projectsAnswered } from "../../test/support/reports.js";
import { checkZip } from "../extraction/zip.js";
import { compileReport, planBySymbol, reportDocx, type ConsolidatedReport } from "./consolidated.js";

const TODAY = "2026-11-23";
const documentXml = (docx: Buffer) => checkZip(docx, { totalBytes: 50e6, entryBytes: 20e6, entries: 100 }, (n) => n === "word/document.xml").get("word/document.xml")!.toString("utf8");
const text = async (docx: Buffer) => (await mammoth.extractRawText({ buffer: docx })).value;
/** A .docx the API answers, as bytes (the test client reads bodies as text). */
async function download(as: Client, path: string): Promise<{ status: number; bytes: Buffer }> {
  const res = await fetch(s.url + path, { headers: as.headers });
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
}

let s: TestServer;
let focal: Client;
let resolutionId: number;
let planId: number;
let report: ConsolidatedReport;
/** The coordinating agency's contribution, the task it is on. */
let contribution: { agency: string; taskId: number; narrative: string };

beforeAll(async () => {
  s = await startTestServer({ samples: true });
  const db = s.db.store.db;
  resolutionId = await planBySymbol(db, "11-NQ/TW");
  planId = await planBySymbol(db, "23/KH-UBND");
  const [finance] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, "so-tai-chinh"));
  focal = await s.as("dau-moi-bc", "focal_point", [finance.id]);
  await db.update(rounds).set({ status: "closed" });
  const round = await focal.call("POST", "/api/rounds", { documentIds: [planId], periodKind: "year", periodYear: 2024, dueOn: "2024-12-15", collectorTakesUnowned: true });
  expect(round.status, JSON.stringify(round.body)).toBe(201);
  const roundId = round.body.id;
  // A coordinating agency named by the plan's text (not through a collective phrase) owes its contribution on the task.
  const [coordinating] = await db.select({ taskId: taskAgencies.taskId, agencyId: taskAgencies.agencyId, name: agencies.name })
    .from(taskAgencies).innerJoin(tasks, eq(tasks.id, taskAgencies.taskId)).innerJoin(agencies, eq(agencies.id, taskAgencies.agencyId))
    .where(and(eq(tasks.documentId, planId), eq(taskAgencies.role, "coordinating"), isNull(taskAgencies.via), inArray(taskAgencies.agencyId, round.body.reporterIds))).limit(1);
  const form = (await focal.call("GET", `/api/rounds/${roundId}/reports/${coordinating.agencyId}`)).body;
  expect(form.tasks, JSON.stringify(form)).toBeDefined();
  const narrative = "Đã phối hợp rà soát danh mục, cung cấp số liệu cho cơ quan chủ trì";
  const saved = await focal.call("PUT", `/api/rounds/${roundId}/reports/${coordinating.agencyId}`, {
    version: form.submission?.version ?? 0,
    tasks: form.tasks.map((t: { id: number; role: string }) => ({ taskId: t.id, status: "in_progress", progress: 50, narrative: t.id === coordinating.taskId ? narrative : "Đang thực hiện" })),
    indicators: form.indicators.map((i: { id: number }) => ({ indicatorId: i.id, explanation: "Chưa có số liệu" })),
    projects: projectsAnswered(form),
    actuals: form.actuals.map((a: { indicatorId: number; year: number }) => ({ indicatorId: a.indicatorId, year: a.year, value: 50 })),
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const sent = await focal.call("POST", `/api/rounds/${roundId}/reports/${coordinating.agencyId}/submit`, { version: saved.body.submission.version });
  expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  const accepted = await s.call("POST", `/api/rounds/${roundId}/reports/${coordinating.agencyId}/review`, { version: sent.body.submission.version, decision: "accept" });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
  contribution = { agency: coordinating.name, taskId: coordinating.taskId, narrative };
  report = await compileReport(db, resolutionId, 2024, TODAY, true);
}, 240_000);
afterAll(async () => { await s.close(); });

describe("a report on a resolution, over its whole chain", () => {
  it("takes the Party's form from the resolution's issuer, and cites the resolution as a resolution", () => {
    expect(report.template).toBe("party");
    expect(report.issuingBody).toMatchObject({ name: "Ban Thường vụ Tỉnh ủy Lạng Sơn", header: "Tỉnh ủy Lạng Sơn", symbolSuffix: "BC/TU", authority: ["T/M BAN THƯỜNG VỤ", "BÍ THƯ"] });
    expect(report.issuingBody.recipients.at(-1)).toBe("Lưu Văn phòng Tỉnh ủy.");
    expect(report.title).toBe("Kết quả triển khai thực hiện Nghị quyết số 11-NQ/TW ngày 10/02/2022 của Bộ Chính trị năm 2024");
    const all = JSON.stringify([report.title, report.intro, report.sections, report.appendices]);
    expect(all).not.toContain("của của");
    expect(all).not.toContain("Kế hoạch số 11-NQ/TW");
    expect(report.intro).toBe("Ban Thường vụ Tỉnh ủy Lạng Sơn báo cáo kết quả triển khai thực hiện Nghị quyết số 11-NQ/TW ngày 10/02/2022 của Bộ Chính trị năm 2024 như sau:");
  });

  it("follows the self-monitoring report's sections, in 001's order, placeholders where the data says nothing", async () => {
    expect(report.sections.map((x) => x.key)).toEqual(["province", "overview", "leadership", "documents", "results", "projects", "assessment", "limitations", "causes", "lessons", "ahead", "proposals"]);
    expect([...new Set(report.sections.map((x) => x.part))]).toEqual([
      "I- KHÁI QUÁT CHUNG VỀ ĐỊA PHƯƠNG VÀ TÌNH HÌNH TRIỂN KHAI NGHỊ QUYẾT SỐ 11-NQ/TW", "II- KẾT QUẢ ĐẠT ĐƯỢC",
      "III- HẠN CHẾ, NGUYÊN NHÂN VÀ BÀI HỌC KINH NGHIỆM", "IV- NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TỚI", "V- ĐỀ XUẤT, KIẾN NGHỊ",
    ]);
    const section = (key: string) => report.sections.find((x) => x.key === key)!.text;
    // Nothing invented: what no record says is a bracketed placeholder for the focal point.
    for (const key of ["province", "lessons"]) expect(section(key)).toMatch(/^\[.*nội dung do cơ quan đầu mối bổ sung\.\]$/su);
    expect(section("causes")).toContain("### a) Nguyên nhân khách quan");
    expect(section("causes")).toContain("### b) Nguyên nhân chủ quan");
    // The Party's documents lead; the state's carry out.
    expect(section("leadership")).toContain("Quyết định số 1059-QĐ/TU ngày 16/09/2022 của Ban Thường vụ Tỉnh ủy về việc thành lập Ban Chỉ đạo;");
    expect(section("leadership")).not.toContain("96/NQ-CP");
    expect(section("documents")).toContain("Đã ban hành 4 văn bản triển khai thực hiện Nghị quyết số 11-NQ/TW");
    expect(section("documents")).toContain("Nghị quyết số 96/NQ-CP ngày 01/08/2022 của Chính phủ;");
    // Actual and estimated figures, and where the indicator comes from.
    // A programme's report names it in the parts' capitals, its symbol as written.
    const programme = await compileReport(s.db.store.db, await planBySymbol(s.db.store.db, "52-CTr/TU"), 2024, TODAY, true);
    expect(programme.sections[0].part).toBe("I- KHÁI QUÁT CHUNG VỀ ĐỊA PHƯƠNG VÀ TÌNH HÌNH TRIỂN KHAI CHƯƠNG TRÌNH SỐ 52-CTr/TU");
    expect(programme.appendices[0].table.rows.map((r) => r[1])).toEqual(["23/KH-UBND"]);
    expect(section("results")).toMatch(/GRDP\) bình quân hằng năm[^\n]*\((?:23\/KH-UBND|52-CTr\/TU)\): năm 2023: 7,17%; ước năm 2024: 6,33%/u);
  });

  it("rolls up every document below: Appendix I the whole chain numbered as a tree, each task once with its document", () => {
    const [issued, taskTable, indicatorTable] = report.appendices;
    expect(issued.table.rows.map((r) => [r[0], r[1], r[4]])).toEqual([
      ["1", "96/NQ-CP", "Chính phủ"], ["2", "1059-QĐ/TU", "Ban Thường vụ Tỉnh ủy"], ["3", "52-CTr/TU", "Ban Chấp hành Đảng bộ tỉnh"], ["3.1", "23/KH-UBND", "Ủy ban nhân dân tỉnh Lạng Sơn"],
    ]);
    expect(issued.subtitle).toBe("(Kèm theo Báo cáo số      -BC/TU ngày 23/11/2026 của Ban Thường vụ Tỉnh ủy)");
    // The plan's 56 tasks, each once, saying it comes from 23/KH-UBND.
    expect(taskTable.table.columns.map((c) => c.title)).toEqual(["STT", "Văn bản", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn", "Tình trạng", "Kết quả"]);
    const ids = report.evaluation.tasks.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(taskTable.table.rows.length).toBe(ids.length);
    expect(taskTable.table.rows.every((r) => r[1] === "23/KH-UBND")).toBe(true);
    expect(indicatorTable.table.columns[1].title).toBe("Văn bản");
  });

  it("counts a target once: a plan's indicator serving its programme's is judged through the programme's, not listed beside it", async () => {
    const listed = new Set(report.evaluation.indicators.map((i) => i.id));
    const links = await s.db.store.db.select().from(indicatorContributions);
    const inScope = links.filter((l) => listed.has(l.servesId));
    expect(inScope.length).toBeGreaterThan(0);
    for (const l of inScope) expect(listed.has(l.indicatorId)).toBe(false);
    const grdp = report.evaluation.indicators.find((i) => /GRDP\) bình quân hằng năm/u.test(i.name))!;
    expect(report.appendices[2].table.rows.filter((r) => String(r[2]).includes("GRDP) bình quân hằng năm"))).toHaveLength(1);
    expect(grdp.values.map((v) => v.value)).toEqual([7.17, 6.33]);
  });

  it("brings the coordinating agencies' contributions into the tasks' narrative and the tasks' appendix", () => {
    const results = report.sections.find((x) => x.key === "results")!.text;
    expect(results).toContain("Kết quả phối hợp của các cơ quan, đơn vị phối hợp:");
    expect(results).toContain(`${contribution.agency} phối hợp thực hiện nhiệm vụ`);
    expect(results).toContain(`${contribution.narrative}.`);
    const row = report.appendices[1].table.rows[report.evaluation.tasks.findIndex((t) => t.id === contribution.taskId)];
    expect(row.at(-1)).toContain(`Phối hợp - ${contribution.agency}: ${contribution.narrative}`);
  });

  it("is written in the Party's layout: the committee over a star, \"Số -BC/TU\", the Party's name, \"T/M BAN THƯỜNG VỤ\"", async () => {
    const docx = await reportDocx(report);
    const words = await text(docx);
    for (const w of ["TỈNH ỦY LẠNG SƠN", "*", "ĐẢNG CỘNG SẢN VIỆT NAM", "-BC/TU", "Lạng Sơn, ngày 23 tháng 11 năm 2026", "T/M BAN THƯỜNG VỤ", "Nơi nhận:", "- Lưu Văn phòng Tỉnh ủy."]) expect(words).toContain(w);
    expect(words).not.toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(words).not.toMatch(/Số:/u);
    // The Party's name underlined.
    expect(documentXml(docx)).toMatch(/<w:u w:val="single"\/>[^]*?ĐẢNG CỘNG SẢN VIỆT NAM/u);
    // The parts in order in the document.
    const at = ["I- KHÁI QUÁT CHUNG", "1. Khái quát chung", "II- KẾT QUẢ ĐẠT ĐƯỢC", "5. Đánh giá chung", "III- HẠN CHẾ", "3. Bài học kinh nghiệm", "IV- NHIỆM VỤ", "V- ĐỀ XUẤT, KIẾN NGHỊ", "T/M BAN THƯỜNG VỤ", "DANH MỤC VĂN BẢN BAN HÀNH"].map((w) => words.indexOf(w));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it("in the state's form on demand: the province's People's Committee reports on the resolution", async () => {
    const state = await compileReport(s.db.store.db, resolutionId, 2024, TODAY, true, "state");
    expect(state.issuingBody).toMatchObject({ name: "Ủy ban nhân dân tỉnh Lạng Sơn", symbolSuffix: "BC-UBND" });
    expect(state.title).toBe("Kết quả thực hiện Nghị quyết số 11-NQ/TW ngày 10/02/2022 của Bộ Chính trị năm 2024");
    expect(state.sections.map((x) => x.key)).toEqual(["overview", "results", "projects", "limitations", "causes", "ahead", "proposals"]);
    expect(JSON.stringify(state.sections)).toContain("Nghị quyết và các văn bản triển khai đề ra");
  });
});

describe("the report's form, edited through the API", () => {
  const path = () => `/api/plans/${resolutionId}/report-draft`;

  it("refuses hostile input with a message per field, in Vietnamese", async () => {
    const bad: [unknown, string][] = [
      [{ template: "royal" }, "form.template"],
      [{ number: "12a" }, "form.number"],
      [{ number: "1".repeat(11) }, "form.number"],
      [{ title: "x".repeat(501) }, "form.title"],
      [{ title: "Báo cáo\u0000" }, "form.title"],
      [{ header: "a\nb\nc\nd\ne" }, "form.header"],
      [{ recipients: Array.from({ length: 31 }, (_, i) => `Nơi ${i}`) }, "form.recipients"],
      [{ recipients: ["Ban Kinh tế Trung ương (b/c),", "   "] }, "form.recipients.1"],
      [{ recipients: ["Ban\nKinh tế"] }, "form.recipients.0"],
      [{ signer: { name: "x".repeat(101) } }, "form.signer.name"],
      [{ signer: { rank: "đại tá" } }, "form.signer"],
      [{ stamp: true }, "form"],
    ];
    for (const [form, field] of bad) {
      const res = await focal.call("PUT", path(), { year: 2024, version: 0, form });
      expect(res.status, JSON.stringify(form)).toBe(400);
      expect(res.body.error.fields.map((f: { field: string }) => f.field), JSON.stringify(form)).toContain(field);
    }
    const digits = await focal.call("PUT", path(), { year: 2024, version: 0, form: { number: "12a" } });
    expect(digits.body.error.fields[0].message).toBe("Số văn bản chỉ gồm chữ số (ví dụ 125); để trống cho văn thư điền");
    // A reader may not set it; an unknown document is not found.
    const reader = await s.as("lanh-dao-bc", "leader");
    expect((await reader.call("PUT", path(), { year: 2024, version: 0, form: { number: "1" } })).status).toBe(403);
    expect((await focal.call("PUT", "/api/plans/999999/report-draft", { year: 2024, version: 0, form: {} })).status).toBe(404);
  });

  it("saves recipients, signer, title, number and header per scope and year, applies them to the .docx, and returns to the draft", async () => {
    const before = (await focal.call("GET", `${path()}?year=2024`)).body;
    expect(before).toMatchObject({ template: "party", chainLength: 4, form: {}, drafted: { template: "party", header: "Tỉnh ủy Lạng Sơn", authority: ["T/M BAN THƯỜNG VỤ", "BÍ THƯ"] } });
    const form = {
      title: "Tự giám sát việc thực hiện Nghị quyết số 11-NQ/TW năm 2024", number: "652", header: "Tỉnh ủy Lạng Sơn",
      recipients: ["Ban Kinh tế Trung ương (b/c),", "Thường trực Tỉnh ủy,", "Lưu Văn phòng Tỉnh ủy."], signer: { title: "Phó Bí thư Thường trực", name: "Hoàng Văn Nghiệm" },
    };
    const saved = await focal.call("PUT", path(), { year: 2024, version: before.draftVersion, form });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const after = (await focal.call("GET", `${path()}?year=2024`)).body;
    expect(after).toMatchObject({ form, title: form.title, draftVersion: saved.body.draftVersion });
    // Another year keeps its own form.
    expect((await focal.call("GET", `${path()}?year=2025`)).body.form).toEqual({});
    const words = await text((await download(focal, `/api/plans/${resolutionId}/report?year=2024`)).bytes);
    for (const w of ["Số 652-BC/TU", "PHÓ BÍ THƯ THƯỜNG TRỰC", "Hoàng Văn Nghiệm", "- Ban Kinh tế Trung ương (b/c),", form.title, "(Kèm theo Báo cáo số 652-BC/TU"]) expect(words).toContain(w);
    // A stale version is refused; {} returns every field to its draft.
    expect((await focal.call("PUT", path(), { year: 2024, version: before.draftVersion, form: {} })).status).toBe(409);
    await focal.call("PUT", path(), { year: 2024, version: after.draftVersion, form: {} });
    expect((await focal.call("GET", `${path()}?year=2024`)).body).toMatchObject({ form: {}, title: report.title });
  });

  it("switches template by the form, and a query's template overrides it", async () => {
    const current = (await focal.call("GET", `${path()}?year=2024`)).body;
    await focal.call("PUT", path(), { year: 2024, version: current.draftVersion, form: { template: "state" } });
    const state = (await focal.call("GET", `${path()}?year=2024`)).body;
    expect(state).toMatchObject({ template: "state", drafted: { template: "party", symbolSuffix: "BC-UBND" } });
    expect(state.sections.map((x: { key: string }) => x.key)).toEqual(["overview", "results", "projects", "limitations", "causes", "ahead", "proposals"]);
    expect(await text((await download(focal, `/api/plans/${resolutionId}/report?year=2024&template=party`)).bytes)).toContain("T/M BAN THƯỜNG VỤ");
    expect((await s.call("GET", `/api/plans/${resolutionId}/report?year=2024&template=royal`)).status).toBe(400);
    await focal.call("PUT", path(), { year: 2024, version: state.draftVersion, form: {} });
  });
});

describe("the plan's own report stays the People's Committee's", () => {
  it("keeps Decree 30's form and sections for 23/KH-UBND, with no document column when the scope is one document", async () => {
    const plan = await compileReport(s.db.store.db, planId, 2024, TODAY, true);
    expect(plan.template).toBe("state");
    expect(plan.appendices[1].table.columns.map((c) => c.title)).not.toContain("Văn bản");
    const ids = await s.db.store.db.select({ id: tasks.id }).from(tasks).where(inArray(tasks.documentId, [planId]));
    expect(plan.evaluation.tasks.length).toBe(ids.length);
  });
});
