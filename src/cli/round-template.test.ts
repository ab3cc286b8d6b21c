import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSampleProvince } from "../samples/load-samples.js";
import { rounds } from "../reporting/schema.js";
import { openStore } from "../storage/database.js";
import { SHEETS } from "../reporting/template.js";

/** `theodoi round template`, run as a child process on the embedded engine holding the sample province (its own 2026 round). */
let dir: string;
let roundId: number;
const env = () => ({ ...process.env, THEODOI_DATA_DIR: join(dir, "data"), DATABASE_URL: "", LOG_LEVEL: "warn" });

function theodoi(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["bin/theodoi.mjs", ...args], { env: env() });
    let stdout = "", stderr = "";
    child.stdout.on("data", (b) => (stdout += b));
    child.stderr.on("data", (b) => (stderr += b));
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "theodoi-template-"));
  const store = await openStore({ dataDir: join(dir, "data") });
  await store.migrate();
  await loadSampleProvince(store.db);
  [{ id: roundId }] = await store.db.select({ id: rounds.id }).from(rounds);
  await store.close();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("theodoi round template", { timeout: 120_000 }, () => {
  it("writes an agency's template, and names an unknown agency", async () => {
    const out = join(dir, "mau.xlsx");
    const res = await theodoi("round", "template", "--round", String(roundId), "--agency", "so-xay-dung", "--out", out);
    expect(res.stderr).toBe("");
    expect(res.stdout).toMatch(/^Đã ghi mẫu báo cáo vào .*mau\.xlsx/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(out) as never);
    expect(book.getWorksheet(SHEETS.tasks)!.rowCount).toBeGreaterThan(2);
    expect(book.getWorksheet(SHEETS.key)!.getCell(2, 2).value).toBe(roundId);
    const unknown = await theodoi("round", "template", "--round", String(roundId), "--agency", "khong-co", "--out", out);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/Không có cơ quan mã "khong-co"/);
  });

  it("writes an agency's report as an official document (theodoi round report-docx)", async () => {
    const out = join(dir, "bao-cao.docx");
    const res = await theodoi("round", "report-docx", "--round", String(roundId), "--agency", "so-xay-dung", "--out", out);
    expect(res.stderr).toBe("");
    expect(res.stdout).toMatch(/^Đã ghi báo cáo vào .*bao-cao\.docx/);
    const text = (await mammoth.extractRawText({ buffer: readFileSync(out) })).value;
    expect(text).toContain("SỞ XÂY DỰNG");
    expect(text).toMatch(/Số:\s+\/BC-SXD/);
    const wrong = await theodoi("round", "report-docx", "--round", String(roundId), "--agency", "so-xay-dung", "--out", join(dir, "bao-cao.pdf"));
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/--out: tên tệp \.docx/);
  });
});
