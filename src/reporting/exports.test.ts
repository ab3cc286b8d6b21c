/**
 * The focal point's bulk exports of a round over HTTP, on a real database (the sample province's 2026
 * round): every agency's template as one zip, every report as one workbook (read back with ExcelJS),
 * every evidence file as one zip in folders by agency (read back with the repo's own zip reader),
 * hostile file names made safe, the limit of one download, and each route refused to others than
 * the focal point and administrators. Also: the too-large template message names the actual limit.
 */
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencies } from "../agencies/schema.js";
import { userWithAgencies } from "../accounts/sessions.js";
import { users } from "../accounts/schema.js";
import { AppError } from "../core/errors.js";
import { message } from "../core/i18n.js";
import { checkZip } from "../extraction/zip.js";
import { pdf } from "../../test/support/files.js";
import { startTestServer, type Client, type TestServer } from "../../test/support/server.js";
import { asciiName, roundEvidenceZip, safeFileName, uniqueNames, zipStream } from "./exports.js";
import { numberFormat, REPORT_STATUS_LABELS, SHEET_NAMES } from "./round-workbook.js";
import { evidenceFiles, rounds, submissions } from "./schema.js";
import { KIND_LABELS, openTemplate, SHEETS, STATUS_LABELS, TEMPLATE_MAX_BYTES } from "./template.js";
import { projectsAnswered } from "../../test/support/reports.js";

describe("the template's size limit", () => {
  it("is named as it is, not written out", async () => {
    const error = await openTemplate(new Uint8Array(TEMPLATE_MAX_BYTES + 1)).catch((e: AppError) => e);
    expect(error).toBeInstanceOf(AppError);
    const field = (error as AppError).fields[0];
    expect(message(field.key!, "vi", field.params)).toBe("Tệp mẫu vượt giới hạn 10 MB; hãy tải mẫu mới và chỉ nhập nội dung vào các ô nền vàng");
    expect(message(field.key!, "en", { limit: "2.5 MB" })).toBe("The template is over the 2.5 MB limit; download a new template and type only into the yellow cells");
  });
});

describe("names in the exports", () => {
  it("folds an agency's name to short ASCII, cut between words", () => {
    expect(asciiName("Sở Xây dựng")).toBe("so-xay-dung");
    expect(asciiName("Ủy ban nhân dân huyện Đồng Hỷ")).toBe("uy-ban-nhan-dan-huyen-dong-hy");
    expect(asciiName("Ban Quản lý dự án đầu tư xây dựng các công trình giao thông và nông nghiệp tỉnh")).toBe("ban-quan-ly-du-an-dau-tu-xay-dung-cac-cong-trinh");
    expect(asciiName("Sở Tài chính (trước đây: Sở Kế hoạch & Đầu tư)")).toBe("so-tai-chinh-truoc-day-so-ke-hoach-dau-tu");
  });

  it("numbers names that are alike without case", () => {
    const unique = uniqueNames();
    expect(["Báo cáo.pdf", "báo cáo.pdf", "BÁO CÁO.PDF", "Báo cáo (2).pdf", "Biên bản"].map(unique))
      .toEqual(["Báo cáo.pdf", "báo cáo (2).pdf", "BÁO CÁO (3).PDF", "Báo cáo (2) (2).pdf", "Biên bản"]);
  });

  it("keeps an evidence file's own name, made safe", () => {
    expect(safeFileName("Biên bản nghiệm thu.pdf")).toBe("Biên bản nghiệm thu.pdf");
    expect(safeFileName("../../etc/passwd")).toBe("passwd");
    expect(safeFileName("/etc/shadow")).toBe("shadow");
    expect(safeFileName("C:\\Windows\\System32\\evil.pdf")).toBe("evil.pdf");
    expect(safeFileName("..")).toBe("tep-minh-chung");
    expect(safeFileName("../")).toBe("tep-minh-chung");
    expect(safeFileName("hồ sơ\u202Efdp.exe")).toBe("hồ sơfdp.exe");
    expect(safeFileName("báo cáo: quý <1>?.pdf")).toBe("báo cáo_ quý _1__.pdf");
    expect(safeFileName("con.pdf")).toBe("_con.pdf");
    expect(safeFileName(" .ẩn.pdf. ")).toBe("ẩn.pdf");
    const long = safeFileName(`${"Tài liệu rất dài ".repeat(30)}.pdf`);
    expect(Array.from(long).length).toBeLessThanOrEqual(100);
    expect(long).toMatch(/^Tài liệu rất dài .*\.pdf$/);
    expect(Array.from(safeFileName(`${"😀".repeat(120)}.png`))).toHaveLength(100); // cut by character, not in a surrogate pair
  });

  it("gives a number its own decimals and grouped thousands", () => {
    expect([1288.123, 95.5, 95, 0, 8310.18].map(numberFormat)).toEqual(["#,##0.000", "#,##0.0", "#,##0", "#,##0", "#,##0.00"]);
  });
});

describe("a zip streamed", () => {
  it("fetches the next file only when the reader takes more", async () => {
    let fetched = 0;
    async function* files() {
      for (let k = 0; k < 5; k++) { fetched++; yield { name: `f${k}.bin`, mtime: new Date(), bytes: new Uint8Array(1 << 20).fill(k) }; }
    }
    const reader = zipStream(files()).getReader();
    await reader.read();
    expect(fetched).toBeLessThanOrEqual(2);
    const chunks: Uint8Array[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
    expect(fetched).toBe(5);
  });
});

describe("the round's bulk exports", () => {
  let s: TestServer;
  let focal: Client, reporter: Client, leader: Client;
  let roundId: number;
  const idOf: Record<string, number> = {};
  let board: any;
  const forms = new Map<number, any>();
  let xd: number, returned: number, drafting: number;

  async function download(client: Client, path: string) {
    const res = await fetch(s.url + path, { headers: client.headers });
    return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()), type: res.headers.get("content-type"), disposition: res.headers.get("content-disposition") };
  }
  /** Fills every item an agency owes (as the focal point may, for a paper report) and sends it. */
  async function sendReport(agencyId: number, extra: (form: any) => object = () => ({})) {
    const path = `/api/rounds/${roundId}/reports/${agencyId}`;
    const form = (await s.call("GET", path)).body;
    const saved = await s.call("PUT", path, {
      version: form.submission?.version ?? 0,
      tasks: form.tasks.filter((t: any) => t.role === "lead").map((t: any) => ({ taskId: t.id, status: "in_progress", progress: 40, narrative: "Đang triển khai" })),
      indicators: form.indicators.map((i: any) => ({ indicatorId: i.id, explanation: "Chưa có số liệu" })),
      projects: projectsAnswered(form),
      actuals: form.actuals.map((a: any) => ({ indicatorId: a.indicatorId, year: a.year, explanation: "Chưa có số liệu" })),
      results: "Hoàn thành các nhiệm vụ trọng tâm",
      ...extra(form),
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const sent = await s.call("POST", `${path}/submit`, { version: saved.body.submission.version });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    return sent.body;
  }
  async function attach(agencyId: number, name: string, bytes: Buffer) {
    const form = (await s.call("GET", `/api/rounds/${roundId}/reports/${agencyId}`)).body;
    const body = new FormData();
    body.append("file", new Blob([new Uint8Array(bytes)]), name);
    const res = await fetch(`${s.url}/api/rounds/${roundId}/reports/${agencyId}/evidence?version=${form.submission?.version ?? 0}`, { method: "POST", headers: focal.headers, body });
    expect(res.status).toBe(201);
    return res.json();
  }
  /** A file as stored by an older version or another path: its name as it is, to see what the zip makes of it. */
  async function store(submissionId: number, fileName: string, bytes: Buffer) {
    await s.db.store.db.insert(evidenceFiles).values({ submissionId, fileName, mediaType: "application/pdf", size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex"), content: bytes });
  }

  beforeAll(async () => {
    s = await startTestServer({ samples: true });
    const db = s.db.store.db;
    for (const a of await db.select({ id: agencies.id, code: agencies.code }).from(agencies)) idOf[a.code] = a.id;
    [{ id: roundId }] = await db.select({ id: rounds.id }).from(rounds);
    focal = await s.as("dau-moi-xuat", "focal_point", [idOf["so-tai-chinh"]]);
    leader = await s.as("lanh-dao-xuat", "leader");
    xd = idOf["so-xay-dung"];
    reporter = await s.as("bc-xuat-xd", "reporter", [xd]);
    const expected: number[] = (await focal.call("GET", `/api/rounds/${roundId}`)).body.rows.map((r: any) => r.agencyId);
    [returned, drafting] = expected.filter((a) => a !== xd && a !== idOf["so-tai-chinh"]);

    // Sở Xây dựng: a figure with decimals, an estimate, a task at 95,5 %; a file; sent and accepted.
    await attach(xd, "Biên bản nghiệm thu.pdf", pdf(["BT /F1 12 Tf 72 720 Td (Nghiem thu) Tj ET"]));
    const sent = await sendReport(xd, (form) => ({
      tasks: form.tasks.filter((t: any) => t.role === "lead").map((t: any, k: number) => ({ taskId: t.id, status: "in_progress", progress: k === 0 ? 95.5 : 40, narrative: k === 0 ? "Đã khởi công tuyến vành đai" : "Đang triển khai" })),
      indicators: form.indicators.map((i: any, k: number) => (k === 0 ? { indicatorId: i.id, value: 1288.123, valueKind: "estimate" } : { indicatorId: i.id, explanation: "Chưa có số liệu" })),
    }));
    expect((await s.call("POST", `/api/rounds/${roundId}/reports/${xd}/review`, { version: sent.submission.version, decision: "accept" })).status).toBe(200);
    // Another: sent three days late, returned.
    const late = await sendReport(returned);
    expect((await s.call("POST", `/api/rounds/${roundId}/reports/${returned}/review`, { version: late.submission.version, decision: "return", comment: "Bổ sung" })).status).toBe(200);
    const dueOn = late.round.dueOn as string;
    await db.update(submissions).set({ firstSubmittedAt: new Date(Date.parse(`${dueOn}T03:00:00Z`) + 3 * 86_400_000).toISOString() }).where(eq(submissions.id, late.submission.id));
    // A third: a draft with files, two of them alike, and names no one should unpack as they are.
    const draft = await s.call("PUT", `/api/rounds/${roundId}/reports/${drafting}`, { version: 0, results: "Đang tổng hợp" });
    expect(draft.status).toBe(200);
    await attach(drafting, "Báo cáo tiến độ.pdf", pdf(["BT ET"]));
    await attach(drafting, "Báo cáo tiến độ.pdf", pdf(["BT ET % 2"]));
    for (const name of ["../../etc/passwd", "/tmp/tuyet-doi.pdf", "C:\\Windows\\evil.pdf", `${"Tài liệu rất dài ".repeat(30)}.pdf`, "BÁO CÁO TIẾN ĐỘ.PDF", "Biên bản nghiệm thu.pdf"]) {
      await store(draft.body.submission.id, name, pdf([`BT (${name.length}) Tj ET`]));
    }

    board = (await focal.call("GET", `/api/rounds/${roundId}`)).body;
    for (const r of board.rows) forms.set(r.agencyId, (await focal.call("GET", `/api/rounds/${roundId}/reports/${r.agencyId}`)).body);
  }, 180_000);
  afterAll(async () => { await s?.close(); });

  const paths = () => [`/api/rounds/${roundId}/templates.zip`, `/api/rounds/${roundId}/submissions.xlsx`, `/api/rounds/${roundId}/evidence.zip`];

  it("are the focal point's and administrators': a reporter, a leader are refused, a round that does not exist is not found", async () => {
    for (const path of paths()) {
      expect((await download(reporter, path)).status, path).toBe(403);
      expect((await download(leader, path)).status, path).toBe(403);
      expect((await download(s.anonymous, path)).status, path).toBe(401);
      expect((await download(focal, path.replace(String(roundId), "999999"))).status, path).toBe(404);
    }
  });

  it("every agency's template, one .xlsx each named by agency, in one zip", async () => {
    const file = await download(focal, `/api/rounds/${roundId}/templates.zip`);
    expect(file.status).toBe(200);
    expect(file.type).toBe("application/zip");
    expect(file.disposition).toBe(`attachment; filename="mau-bao-cao-dot-${roundId}.zip"`);
    const entries = checkZip(file.bytes, { entries: 500, totalBytes: 200 << 20, entryBytes: 20 << 20 }, () => true);
    expect(entries.size).toBe(board.rows.length);
    expect([...entries.keys()]).toContain("mau-bao-cao-so-xay-dung.xlsx");
    for (const name of entries.keys()) expect(name).toMatch(/^mau-bao-cao-[a-z0-9-]{1,48}\.xlsx$/);
    // Each the agency's own template: its hidden key names the round and the agency.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(entries.get("mau-bao-cao-so-xay-dung.xlsx") as never);
    expect([book.getWorksheet(SHEETS.key)!.getCell(2, 2).value, book.getWorksheet(SHEETS.key)!.getCell(3, 2).value]).toEqual([roundId, xd]);
    expect(book.getWorksheet(SHEETS.tasks)!.rowCount - 2).toBe(forms.get(xd).tasks.length);
  });

  it("every report as one workbook: a summary, a sheet per plan with a row per agency and item, the general sections", async () => {
    const file = await download(focal, `/api/rounds/${roundId}/submissions.xlsx`);
    expect(file.status).toBe(200);
    expect(file.type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(file.disposition).toBe(`attachment; filename="bao-cao-dot-${roundId}.xlsx"`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.bytes as never);
    // (The sample plan carries key projects, its tourism sites: their sheet comes after the plans.)
    expect(book.worksheets.map((w) => w.name)).toEqual([SHEET_NAMES.summary, "23-KH-UBND", SHEET_NAMES.projects, SHEET_NAMES.texts]);
    for (const sheet of book.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "2:2" });
      expect(sheet.getColumn(2).width).toBeGreaterThan(20);
    }

    const summary = book.getWorksheet(SHEET_NAMES.summary)!;
    expect(summary.getRow(2).values).toEqual([undefined, "STT", "Cơ quan", "Tình trạng báo cáo", "Hạn gửi", "Ngày gửi", "Đúng hạn / trễ hạn", "Số ngày trễ", "Gửi lần cuối", "Ngày tiếp nhận / trả lại", "Số nhiệm vụ phải báo cáo", "Số chỉ tiêu phải báo cáo"]);
    expect(summary.rowCount - 2).toBe(board.rows.length);
    const summaryRow = (agencyId: number) => summary.getRow(3 + board.rows.findIndex((r: any) => r.agencyId === agencyId));
    const name = (agencyId: number) => board.rows.find((r: any) => r.agencyId === agencyId).agencyName;
    const cells = (row: ExcelJS.Row, ...columns: number[]) => columns.map((c) => row.getCell(c).value);
    expect(cells(summaryRow(xd), 2, 3, 6)).toEqual([name(xd), "Đã tiếp nhận", board.rows.find((r: any) => r.agencyId === xd).onTime ? "Đúng hạn" : "Trễ hạn"]);
    expect(cells(summaryRow(returned), 2, 3, 6, 7)).toEqual([name(returned), "Đã trả lại", "Trễ hạn", 3]);
    expect(cells(summaryRow(drafting), 3)).toEqual(["Chưa gửi"]);
    expect(summaryRow(drafting).getCell(5).value).toBeNull();
    const sentOn = summaryRow(xd).getCell(5);
    expect(sentOn.value).toBeInstanceOf(Date);
    expect(sentOn.numFmt).toBe("dd/mm/yyyy hh:mm");
    // A moment in Vietnam's time: seven hours ahead of UTC.
    expect((sentOn.value as Date).getTime() - Date.parse(forms.get(xd).submission.firstSubmittedAt)).toBe(7 * 3_600_000);
    expect(summaryRow(xd).getCell(4).value).toEqual(new Date(`${board.rows.find((r: any) => r.agencyId === xd).dueOn}T00:00:00Z`));
    expect(cells(summaryRow(xd), 10, 11)).toEqual([forms.get(xd).tasks.length, forms.get(xd).indicators.length]);
    // Every status on the board is one of the four.
    expect(new Set(board.rows.map((r: any) => summaryRow(r.agencyId).getCell(3).value))).toEqual(new Set(["Đã tiếp nhận", "Đã trả lại", "Chưa gửi"]));

    const plan = book.getWorksheet("23-KH-UBND")!;
    expect(plan.getRow(2).values).toEqual([undefined, "STT", "Cơ quan", "Tình trạng báo cáo", "Ngày gửi", "Loại", "Mục", "Nhiệm vụ / chỉ tiêu", "Vai trò", "Thời hạn", "Đơn vị", "Mục tiêu",
      "Tình trạng thực hiện", "Tiến độ (%)", "Giá trị", "Loại số liệu", "Đạt mục tiêu", "Kết quả thực hiện / giải thích"]);
    const owed = [...forms.values()].reduce((s, f) => s + f.tasks.length + f.indicators.length + f.actuals.length, 0);
    expect(plan.rowCount - 2).toBe(owed);
    const rows = [...Array(plan.rowCount - 2).keys()].map((k) => plan.getRow(k + 3));
    expect(new Set(rows.map((r) => r.getCell(2).value))).toEqual(new Set(board.rows.map((r: any) => r.agencyName)));
    const mine = rows.filter((r) => r.getCell(2).value === name(xd));
    expect(mine).toHaveLength(forms.get(xd).tasks.length + forms.get(xd).indicators.length + forms.get(xd).actuals.length);
    const task = forms.get(xd).tasks.find((t: any) => t.report?.progress === 95.5);
    const taskRow = mine.find((r) => r.getCell(5).value === "Nhiệm vụ" && String(r.getCell(7).value).slice(1) === task.text.slice(1))!;
    expect(cells(taskRow, 3, 6, 8, 12, 13, 17)).toEqual(["Đã tiếp nhận", task.number ?? null, "Chủ trì", STATUS_LABELS.in_progress, 95.5, "Đã khởi công tuyến vành đai"]);
    expect(taskRow.getCell(13).numFmt).toBe("#,##0.0");
    expect(taskRow.getCell(4).value).toEqual(new Date(`${new Date(Date.parse(forms.get(xd).submission.firstSubmittedAt) + 7 * 3_600_000).toISOString().slice(0, 10)}T00:00:00Z`));
    const indicator = forms.get(xd).indicators[0];
    const indicatorRow = mine.find((r) => r.getCell(5).value === "Chỉ tiêu" && r.getCell(7).value === indicator.name)!;
    expect(cells(indicatorRow, 10, 14, 15)).toEqual([indicator.unit, 1288.123, KIND_LABELS.estimate]);
    expect(indicatorRow.getCell(14).numFmt).toBe("#,##0.000");
    expect(indicatorRow.getCell(11).value).toBeTruthy();
    // An agency that has not sent its report: its items are there, with nothing reported.
    const missing = board.rows.find((r: any) => r.status === "missing");
    const theirs = rows.filter((r) => r.getCell(2).value === missing.agencyName);
    expect(theirs.length).toBe(forms.get(missing.agencyId).tasks.length + forms.get(missing.agencyId).indicators.length + forms.get(missing.agencyId).actuals.length);
    expect(theirs.every((r) => r.getCell(3).value === REPORT_STATUS_LABELS.missing && r.getCell(12).value === null && r.getCell(14).value === null)).toBe(true);

    const texts = book.getWorksheet(SHEET_NAMES.texts)!;
    expect(texts.rowCount - 2).toBe(board.rows.length);
    const textRow = texts.getRow(3 + board.rows.findIndex((r: any) => r.agencyId === xd));
    expect(cells(textRow, 2, 4)).toEqual([name(xd), "Hoàn thành các nhiệm vụ trọng tâm"]);
  });

  it("every evidence file in one zip, a folder per agency, names kept and made safe", async () => {
    const file = await download(focal, `/api/rounds/${roundId}/evidence.zip`);
    expect(file.status).toBe(200);
    expect(file.type).toBe("application/zip");
    expect(file.disposition).toBe(`attachment; filename="minh-chung-dot-${roundId}.zip"`);
    const entries = checkZip(file.bytes, { entries: 100, totalBytes: 50 << 20, entryBytes: 20 << 20 }, () => true);
    const folder = asciiName((await s.db.store.db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, drafting)))[0].name);
    const inFolder = (f: string) => [...entries.keys()].filter((n) => n.startsWith(`${f}/`)).map((n) => n.slice(f.length + 1));
    expect(inFolder(folder)).toEqual([
      "Báo cáo tiến độ.pdf", "Báo cáo tiến độ (2).pdf", "passwd", "tuyet-doi.pdf", "evil.pdf",
      safeFileName(`${"Tài liệu rất dài ".repeat(30)}.pdf`), "BÁO CÁO TIẾN ĐỘ (3).PDF", "Biên bản nghiệm thu.pdf",
    ]);
    expect(inFolder("so-xay-dung")).toEqual(["Biên bản nghiệm thu.pdf"]);
    expect(entries.size).toBe(9);
    // The folders in the board's order (by name).
    const folders = [...new Set([...entries.keys()].map((n) => n.split("/")[0]))];
    const order = board.rows.map((r: any) => asciiName(r.agencyName)).filter((f: string) => folders.includes(f));
    expect(folders).toEqual(order);
    for (const name of entries.keys()) {
      expect(name.split("/")).toHaveLength(2);
      expect(name).not.toMatch(/(^|\/)\.\.?(\/|$)|^\/|\\|:/);
      expect(Array.from(name.split("/")[1]).length).toBeLessThanOrEqual(100);
    }
    // The bytes as stored.
    const stored = await s.db.store.db.select({ fileName: evidenceFiles.fileName, content: evidenceFiles.content }).from(evidenceFiles);
    expect(entries.get(`${folder}/passwd`)).toEqual(Buffer.from(stored.find((f) => f.fileName === "../../etc/passwd")!.content));
    expect(entries.get("so-xay-dung/Biên bản nghiệm thu.pdf")!.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("refuses, before sending anything, a round whose evidence is over the limit of one download", async () => {
    const [{ id }] = await s.db.store.db.select({ id: users.id }).from(users).where(eq(users.username, "dau-moi-xuat"));
    const actor = (await userWithAgencies(s.db.store.db, id))!;
    const error = await roundEvidenceZip(s.db.store.db, actor, roundId, "vi", { bytes: 1000, files: 100 }).catch((e: AppError) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(message((error as AppError).detail!, "vi", (error as AppError).params))
      .toMatch(/^Minh chứng của đợt có 9 tệp, tổng [\d,]+ MB, vượt giới hạn 0 MB của một lần tải; hãy tải từng tệp tại báo cáo của từng cơ quan$/);
    const summary = (await focal.call("GET", `/api/rounds/${roundId}`)).body.evidence;
    expect(summary).toMatchObject({ files: 9, limitBytes: 1 << 30 });
    expect(summary.bytes).toBeGreaterThan(0);
  });
});

