import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSampleProvince } from "../samples/load-samples.js";
import { openStore } from "../storage/database.js";
import { openTestDatabase, serverUrl, type TestDatabase } from "../../test/support/database.js";
import { compileReport, planBySymbol, reportDocx, type ConsolidatedReport } from "./consolidated.js";

const SOFFICE = "/usr/bin/soffice";
const haveLibreOffice = existsSync(SOFFICE) && existsSync("/usr/bin/pdftotext");
if (!haveLibreOffice && process.env.THEODOI_REQUIRE_LIBREOFFICE === "1") throw new Error("LibreOffice or pdftotext missing (apt-get install -y libreoffice-writer poppler-utils)");

let t: TestDatabase;
let dir: string;
let report: ConsolidatedReport;
let docx: Buffer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "theodoi-report-"));
  t = await openTestDatabase({ samples: true });
  // The sample plan, with the sample report's GRDP figures matched in when it was published: 7,17% in 2023, an estimated 6,33% in 2024.
  const planId = await planBySymbol(t.store.db, "23/KH-UBND");
  report = await compileReport(t.store.db, planId, 2024, "2026-11-23", true);
  docx = await reportDocx(report);
}, 120_000);
afterAll(async () => {
  await t.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe("the consolidated report", () => {
  it("drafts its sections from the evaluation: the off-track GRDP among the limitations, with the rate needed", () => {
    expect(report.title).toBe("Kết quả thực hiện Kế hoạch số 23/KH-UBND ngày 26/01/2023 của Ủy ban nhân dân tỉnh Lạng Sơn năm 2024");
    expect(report.sections.map((s) => s.key)).toEqual(["overview", "results", "projects", "limitations", "causes", "ahead", "proposals"]);
    const text = (key: string) => JSON.stringify(report.sections.find((s) => s.key === key)!.blocks);
    expect(text("limitations")).toContain("các năm 2025 - 2030 cần đạt bình quân 8,83%/năm");
    expect(text("ahead")).toContain("8,83%/năm");
    const [documentsIssued, taskTable, indicatorTable] = report.appendices;
    expect(documentsIssued.title).toContain("Phụ lục I\n");
    expect(taskTable.table.rows).toHaveLength(report.evaluation.tasks.length);
    const grdpRow = indicatorTable.table.rows.find((r) => String(r[1]).includes("GRDP) bình quân hằng năm"))!;
    expect(grdpRow).toEqual([expect.any(Number), expect.any(String), "8 - 9%/năm", 7.17, { value: 6.33, note: "ước" }, "Không đạt / chệch hướng"]);
  });

  it.skipIf(!haveLibreOffice)("opens in LibreOffice: header, number and date, title on page 1; the appendices' tables after", () => {
    const file = join(dir, "bao-cao.docx");
    writeFileSync(file, docx);
    execFileSync(SOFFICE, ["--headless", "--convert-to", "pdf", "--outdir", dir, file], { stdio: "ignore", timeout: 120_000, env: { ...process.env, HOME: dir } });
    const pdf = join(dir, "bao-cao.pdf");
    const pages = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).split("\f").filter((p) => p.trim());
    expect(pages.length).toBeGreaterThanOrEqual(4);
    const first = pages[0].replace(/\s+/g, " ");
    for (const s of ["ỦY BAN NHÂN DÂN TỈNH", "LẠNG SƠN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số:", "/BC-UBND", "Lạng Sơn, ngày 23 tháng 11 năm 2026", "BÁO CÁO", "Kết quả thực hiện Kế hoạch số 23/KH-UBND"]) expect(first).toContain(s);
    const rest = pages.slice(1).join(" ").replace(/\s+/g, " ");
    expect(rest).toContain("Nơi nhận");
    expect(rest).toContain("Phụ lục III");
    // The estimate in the indicators' appendix (its cell may wrap before "(ước)").
    expect(rest.slice(rest.indexOf("Phụ lục III"))).toMatch(/6,33\s[^]*\(ước\)/);
    // Page numbers from page 2 on.
    expect(pages[1].trim().split("\n")[0].trim()).toBe("2");
  }, 180_000);
});

describe("the focal point's edits", () => {
  it("replace a section's drafted text in the report, keep the others drafted, and can be undone", async () => {
    const planId = report.plan.id;
    const db = t.store.db;
    const { saveReportDraft } = await import("./drafts.js");
    const saved = await saveReportDraft(db, 1, planId, { year: 2024, version: 0, sections: { causes: "Nguyên nhân chủ yếu:\n\n- Vốn đầu tư công giải ngân chậm.\n- Thời tiết bất lợi." } });
    const edited = await compileReport(db, planId, 2024, "2026-11-23", true);
    const causes = edited.sections.find((s) => s.key === "causes")!;
    expect(causes).toMatchObject({ edited: true, blocks: [{ kind: "paragraph", text: "Nguyên nhân chủ yếu:" }, { kind: "bullets", items: ["Vốn đầu tư công giải ngân chậm.", "Thời tiết bất lợi."] }] });
    expect(edited.sections.find((s) => s.key === "limitations")!.edited).toBe(false);
    expect(edited.draftVersion).toBe(1);
    const text = (await mammoth.extractRawText({ buffer: await reportDocx(edited) })).value;
    expect(text).toContain("Vốn đầu tư công giải ngân chậm.");
    // A stale edit is refused; an undone one returns to the drafted text.
    await expect(saveReportDraft(db, 1, planId, { year: 2024, version: 0, sections: { causes: "cũ" } })).rejects.toMatchObject({ code: "conflict" });
    await saveReportDraft(db, 1, planId, { year: 2024, version: saved.version, sections: { causes: null } });
    expect((await compileReport(db, planId, 2024, "2026-11-23", true)).sections.find((s) => s.key === "causes")!.edited).toBe(false);
  });
});

describe("theodoi report", { timeout: 240_000 }, () => {
  it("writes the .docx from the command line, and refuses an unknown plan", async () => {
    let env: NodeJS.ProcessEnv;
    let server: TestDatabase | undefined;
    if (serverUrl) {
      server = await openTestDatabase({ samples: true });
      env = { ...process.env, DATABASE_URL: server.url, LOG_LEVEL: "warn" };
    } else {
      const dataDir = join(dir, "data");
      const store = await openStore({ dataDir });
      await store.migrate();
      await loadSampleProvince(store.db);
      await store.close();
      env = { ...process.env, THEODOI_DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "warn" };
    }
    const run = (...args: string[]) => new Promise<{ code: number; stderr: string }>((ok) => {
      const child = spawn(process.execPath, ["bin/theodoi.mjs", ...args], { env });
      let stderr = "";
      child.stderr.on("data", (b) => (stderr += b));
      child.on("close", (code) => ok({ code: code ?? -1, stderr }));
    });
    try {
      const out = join(dir, "cli.docx");
      expect((await run("report", "--plan", "23/KH-UBND", "--period", "2024", "--out", out)).code).toBe(0);
      const text = (await mammoth.extractRawText({ buffer: readFileSync(out) })).value;
      expect(text).toContain("Kết quả thực hiện Kế hoạch số 23/KH-UBND");
      expect(text).toContain("6,33 (ước)");
      // The same appendices as a workbook, one sheet each, with the same rows.
      const xlsx = join(dir, "cli.xlsx");
      expect((await run("report", "--plan", "23/KH-UBND", "--period", "2024", "--out", xlsx)).code).toBe(0);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(xlsx);
      expect(book.worksheets.map((w) => w.name)).toEqual(["Phụ lục I", "Phụ lục II", "Phụ lục III"]);
      const values = (sheet: ExcelJS.Worksheet) => [...sheet.getSheetValues()].slice(1).map((r) => ((r ?? []) as ExcelJS.CellValue[]).slice(1).map((v) => v ?? null));
      const indicatorsSheet = values(book.worksheets[2]);
      const headerAt = indicatorsSheet.findIndex((r) => r[0] === "STT");
      // Figures are numbers Excel can add up; an estimate is a number shown with "(ước)".
      expect(indicatorsSheet.slice(headerAt + 1)).toEqual(report.appendices[2].table.rows.map((r) => r.map((v) => (v !== null && typeof v === "object" ? v.value : v ?? ""))));
      const grdpAt = indicatorsSheet.findIndex((r) => String(r[1]).includes("GRDP) bình quân hằng năm"));
      const estimate = book.worksheets[2].getRow(grdpAt + 1).getCell(5);
      expect(estimate.value).toBe(6.33);
      expect(estimate.numFmt).toBe('General" (ước)"');
      expect(values(book.worksheets[1]).slice(headerAt + 1)).toHaveLength(report.appendices[1].table.rows.length);
      const unknown = await run("report", "--plan", "99/KH-UBND", "--period", "2024", "--out", join(dir, "x.docx"));
      expect(unknown.code).not.toBe(0);
      expect(unknown.stderr).toContain("Không có văn bản");
    } finally {
      if (server) await server.drop();
    }
  });
});
