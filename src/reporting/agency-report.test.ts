/**
 * An agency's own report as an official document: a department's filled report in a round of the
 * sample province, downloaded over HTTP, opened with mammoth and rendered to PDF with LibreOffice
 * (pages read back with pdftotext); who may download it; and the issuer, symbol and signer of other
 * kinds of agency, from plain data.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencies } from "../agencies/schema.js";
import { projectsAnswered } from "../../test/support/reports.js";
import { startTestServer, type Client, type TestServer } from "../../test/support/server.js";
import { abbreviation, agencyReportDocument, reportingBody } from "./agency-report.js";
import type { SubmissionForm } from "./submissions.js";

const SOFFICE = "/usr/bin/soffice";
const haveLibreOffice = existsSync(SOFFICE) && existsSync("/usr/bin/pdftotext");
if (!haveLibreOffice && process.env.THEODOI_REQUIRE_LIBREOFFICE === "1") throw new Error("LibreOffice or pdftotext missing (apt-get install -y libreoffice-writer poppler-utils)");

let s: TestServer;
let focal: Client, reporter: Client, other: Client, viewer: Client;
let roundId: number, xd: number, otherAgency: number;
let form: SubmissionForm;
let docx: Buffer;
let dir: string;
const idOf: Record<string, number> = {};
const path = () => `/api/rounds/${roundId}/reports/${xd}`;

async function download(client: Client, url = `${path()}/official.docx`) {
  const res = await fetch(s.url + url, { headers: client.headers });
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()), type: res.headers.get("content-type"), disposition: res.headers.get("content-disposition") };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "theodoi-agency-report-"));
  s = await startTestServer({ samples: true });
  for (const a of await s.db.store.db.select({ id: agencies.id, code: agencies.code }).from(agencies)) idOf[a.code] = a.id;
  const planId = (await s.call("GET", `/api/documents?q=${encodeURIComponent("23/KH-UBND")}`)).body.items.find((d: { symbol: string }) => d.symbol === "23/KH-UBND").id;
  focal = await s.as("dau-moi-bcdv", "focal_point", [idOf["so-tai-chinh"]]);
  const created = await focal.call("POST", "/api/rounds", { documentIds: [planId], periodKind: "year", periodYear: 2026, dueOn: "2026-12-31" });
  expect(created.status).toBe(201);
  roundId = created.body.id;
  xd = idOf["so-xay-dung"];
  otherAgency = created.body.reporterIds.find((a: number) => a !== xd && a !== idOf["so-tai-chinh"]);
  reporter = await s.as("bc-bcdv-xd", "reporter", [xd]);
  other = await s.as("bc-bcdv-khac", "reporter", [otherAgency]);
  viewer = await s.as("xem-bcdv", "viewer");

  // The department fills its report: each task a status and what was done (Vietnamese figures in the text), each indicator a value.
  const empty = (await reporter.call("GET", path())).body as SubmissionForm;
  const statuses = ["completed_on_time", "in_progress", "completed_late", "not_started"] as const;
  const saved = await reporter.call("PUT", path(), {
    version: 0,
    tasks: empty.tasks.map((t, k) => {
      const status = statuses[k % statuses.length];
      return { taskId: t.id, status, progress: status.startsWith("completed") ? 100 : status === "in_progress" ? 62.5 : 0,
        narrative: status === "not_started" ? "" : `Đã hoàn thành thẩm định 12 đồ án quy hoạch, diện tích 8.310,18 ha; giải ngân 1.288,123 tỷ đồng (nhiệm vụ ${k + 1}).` };
    }),
    indicators: empty.indicators.map((i, k) => ({ indicatorId: i.id, value: i.unit === "%" ? (k % 2 ? 95.5 : 27.25) : 1288.123, valueKind: k % 3 ? "actual" : "estimate", explanation: "Số liệu của Cục Thống kê tỉnh." })),
    projects: projectsAnswered(empty),
    results: "Năm 2026, Sở đã tập trung hoàn thiện quy hoạch đô thị, tỷ lệ đô thị hóa ước đạt 25,5%.",
    difficulties: "Nguồn vốn bố trí cho công tác lập quy hoạch còn hạn chế.",
    proposals: "Đề nghị UBND tỉnh bố trí kinh phí lập quy hoạch chung đô thị năm 2027.",
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const sent = await reporter.call("POST", `${path()}/submit`, { version: saved.body.submission.version });
  expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  form = sent.body;
  const file = await download(reporter);
  expect(file.status).toBe(200);
  docx = file.bytes;
}, 180_000);
afterAll(async () => {
  await s?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the agency's report as an official document", () => {
  it("is downloaded by whoever may read the report, as a .docx named by the agency; others are told it is not there", async () => {
    const own = await download(reporter);
    expect(own.type).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(own.disposition).toBe(`attachment; filename="bao-cao-so-xay-dung-dot-${roundId}.docx"`);
    expect((await download(focal)).status).toBe(200);
    expect((await download(other)).status).toBe(404);
    expect((await download(viewer)).status).toBe(404);
    expect((await download(reporter, `/api/rounds/${roundId}/reports/${otherAgency}/official.docx`)).status).toBe(404);
  });

  it("opens in mammoth: the department as issuer under the province, a blank number, the title, each task, the recipients and the signer", async () => {
    const text = (await mammoth.extractRawText({ buffer: docx })).value.replace(/\s+/g, " ");
    for (const expected of ["UBND TỈNH LẠNG SƠN", "SỞ XÂY DỰNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: /BC-SXD",
      "BÁO CÁO", "Kết quả thực hiện Kế hoạch số 23/KH-UBND ngày 26/01/2023 của UBND tỉnh Lạng Sơn năm 2026",
      "I. KẾT QUẢ THỰC HIỆN", "II. KHÓ KHĂN, VƯỚNG MẮC", "III. ĐỀ XUẤT, KIẾN NGHỊ", "Nơi nhận:", "- Sở Tài chính (b/c);", "- Lưu: VT.", "GIÁM ĐỐC",
      "Phụ lục I", "Phụ lục II", "(Kèm theo Báo cáo số /BC-SXD ngày"]) expect(text).toContain(expected);
    expect(text).toMatch(/Lạng Sơn, ngày \d{2} tháng \d{1,2} năm 20\d\d/);
    expect(text).toContain(`Sở Xây dựng được giao chủ trì ${form.tasks.filter((t) => t.role === "lead").length} nhiệm vụ`);
    for (const t of form.tasks) expect(text).toContain(t.text.trim().replace(/\s+/g, " ").slice(1, 60));
    expect(text).toContain("Tình trạng: Đang thực hiện trong hạn, tiến độ 62,5%.");
    expect(text).toContain("diện tích 8.310,18 ha; giải ngân 1.288,123 tỷ đồng");
    expect(text).toContain("Đề nghị UBND tỉnh bố trí kinh phí");
    expect(text).toContain("Trên đây là báo cáo kết quả thực hiện Kế hoạch số 23/KH-UBND");
    // The number is the clerk's, the signer's name the head's: nothing is made up.
    expect(text).not.toMatch(/Số: \d/);
  });

  it.skipIf(!haveLibreOffice)("renders with LibreOffice: page 1 heads the report, the recipients and signature close it, the appendices list every task and indicator in Vietnamese numbers", () => {
    const file = join(dir, "bao-cao-so-xay-dung.docx");
    writeFileSync(file, docx);
    execFileSync(SOFFICE, ["--headless", "--convert-to", "pdf", "--outdir", dir, file], { stdio: "ignore", timeout: 120_000, env: { ...process.env, HOME: dir } });
    const pdf = join(dir, "bao-cao-so-xay-dung.pdf");
    if (process.env.THEODOI_KEEP_RENDER) execFileSync("cp", [pdf, process.env.THEODOI_KEEP_RENDER]);
    const pages = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f").filter((p) => p.trim());
    const first = pages[0].replace(/\s+/g, " ");
    for (const expected of ["UBND TỈNH LẠNG SƠN", "SỞ XÂY DỰNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "/BC-SXD", "BÁO CÁO", "Kết quả thực hiện Kế hoạch số 23/KH-UBND"]) expect(first).toContain(expected);
    expect(first).toMatch(/Số:\s+\/BC-SXD/);
    const all = pages.join("\n").replace(/[ \t]+/g, " ");
    const closing = pages.findIndex((p) => p.includes("Nơi nhận:"));
    expect(closing).toBeGreaterThanOrEqual(0);
    expect(pages[closing]).toMatch(/- Sở Tài chính \(b\/c\);/);
    expect(pages[closing]).toContain("GIÁM ĐỐC");
    // The appendices come after the signature, landscape, each task and indicator a row, figures the Vietnamese way.
    const appendix = pages.slice(closing + 1).join("\n");
    expect(appendix).toContain("Phụ lục I");
    expect(appendix).toContain("Phụ lục II");
    expect(appendix).toMatch(/27,25/);
    expect(appendix).toMatch(/95,5/);
    expect(appendix).toContain("62,5");
    expect(all).not.toMatch(/\b1288\.123\b|\b62\.5\b|\b27\.25\b/);
    // No blank page: each page holds more than its number.
    for (const [k, page] of pages.entries()) expect(page.trim().split("\n").length, `page ${k + 1}`).toBeGreaterThan(3);
    for (const t of form.tasks.filter((x) => x.number)) expect(appendix).toContain(t.number!);
    expect(pages[1].trim().split("\n")[0].trim()).toBe("2");
  }, 180_000);
});

describe("the issuing body of other agencies", () => {
  const agency = (name: string, kind: string, aliases: string[] = [], parent: { name: string; kind: string } | null = { name: "Ủy ban nhân dân tỉnh Lạng Sơn", kind: "ppc" }) => ({ name, kind, aliases, parent });

  it("writes a department under the province, a district's committee as itself, a body under a department under it, an armed force with its province", () => {
    expect(reportingBody(agency("Sở Xây dựng", "department", ["SXD"]), "Lạng Sơn")).toEqual({ superior: "UBND tỉnh Lạng Sơn", header: "Sở Xây dựng", name: "Sở Xây dựng", symbolSuffix: "BC-SXD", authority: ["GIÁM ĐỐC"] });
    expect(reportingBody(agency("Ủy ban nhân dân huyện Tràng Định", "district"), "Lạng Sơn")).toMatchObject({ superior: null, header: "Ủy ban nhân dân\nhuyện Tràng Định", symbolSuffix: "BC-UBND", authority: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"] });
    expect(reportingBody(agency("Chi cục Kiểm lâm", "other", [], { name: "Sở Nông nghiệp và Môi trường", kind: "department" }), "Lạng Sơn")).toMatchObject({ superior: "Sở Nông nghiệp và Môi trường", authority: ["CHI CỤC TRƯỞNG"] });
    expect(reportingBody(agency("Công an tỉnh", "armed_force", ["CA tỉnh"]), "Lạng Sơn")).toMatchObject({ superior: null, header: "Công an tỉnh Lạng Sơn", authority: ["GIÁM ĐỐC"] });
    expect(reportingBody(agency("Thanh tra tỉnh", "department", ["TTT"]), "Lạng Sơn")).toMatchObject({ symbolSuffix: "BC-TTT", authority: ["CHÁNH THANH TRA"] });
    expect(reportingBody(agency("Văn phòng UBND tỉnh", "department"), "Lạng Sơn").authority).toEqual(["CHÁNH VĂN PHÒNG"]);
    expect(reportingBody(agency("Ban Dân tộc tỉnh", "board", ["Ban Dân tộc"]), "Đà Nẵng")).toMatchObject({ superior: "UBND thành phố Đà Nẵng", authority: ["TRƯỞNG BAN"] });
    expect(reportingBody(agency("Sở Xây dựng", "department"), null).superior).toBe("UBND tỉnh [tên tỉnh]");
    expect(reportingBody(agency("Hội Nông dân tỉnh", "other"), "Lạng Sơn").authority).toEqual(["[CHỨC VỤ NGƯỜI KÝ]"]);
  });

  it("abbreviates the agency after BC- as its registry writes it, else by its initials", () => {
    expect(abbreviation("Sở Giao thông vận tải", ["Sở GTVT"])).toBe("SGTVT");
    expect(abbreviation("Sở Kế hoạch và Đầu tư", ["Sở KH&ĐT", "Sở KHĐT"])).toBe("SKHĐT");
    expect(abbreviation("Sở Ngoại vụ", ["SNgV"])).toBe("SNgV");
    expect(abbreviation("Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn", ["BQL Khu KTCK Đồng Đăng - Lạng Sơn"])).toBe("BQLKKTCKĐĐ");
    expect(abbreviation("Sở Nông nghiệp và Môi trường", [])).toBe("SNNMT");
  });

  it("sends the focal point's own report to the province's committee, and writes an empty report's sections as none", () => {
    const round = { id: 1, title: "Báo cáo kết quả thực hiện 23/KH-UBND năm 2026", periodKind: "year", periodYear: 2026, periodNumber: null, plans: [], coordinatorName: "Sở Tài chính" } as unknown as SubmissionForm["round"];
    const doc = agencyReportDocument({
      form: { round, agency: { id: 2, name: "Sở Tài chính" }, submission: null, tasks: [], indicators: [], actuals: [] },
      agency: agency("Sở Tài chính", "department", ["STC"]), plans: [], collector: "Sở Tài chính", province: "Lạng Sơn", date: "2026-12-05", signer: "Nguyễn Văn A",
    });
    expect(doc.recipients).toEqual(["UBND tỉnh (b/c);", "Lưu: VT."]);
    expect(doc.signature).toEqual({ authority: ["GIÁM ĐỐC"], signer: "Nguyễn Văn A" });
    expect(doc.title!.subject).toBe("Kết quả thực hiện 23/KH-UBND năm 2026");
    const texts = doc.body.map((b) => (b.kind === "paragraph" || b.kind === "heading" ? b.text : ""));
    expect(texts).toContain("Không có khó khăn, vướng mắc.");
    expect(texts).toContain("Trong kỳ báo cáo, Sở Tài chính không được giao nhiệm vụ cụ thể.");
    expect(texts.at(-1)).toBe("Trên đây là báo cáo kết quả thực hiện 23/KH-UBND năm 2026 của Sở Tài chính./.");
  });
});
