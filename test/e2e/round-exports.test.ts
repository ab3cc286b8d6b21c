/**
 * The round's bulk exports in Chromium: on the round's page the focal point downloads one agency's
 * template, all templates, all reports as one workbook and all evidence as one zip, each read back
 * (ExcelJS, the repo's zip reader); the page passes axe-core and keeps its buttons within the window
 * at 1366x768 and 390x844.
 */
import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { Browser, Download, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencies } from "../../src/agencies/schema.js";
import { checkZip } from "../../src/extraction/zip.js";
import { rounds } from "../../src/reporting/schema.js";
import { SHEETS } from "../../src/reporting/template.js";
import { pdf } from "../support/files.js";
import { axeViolations, haveBrowser, launchBrowser, sidewaysScroll, signInPage } from "../support/browser.js";
import { startTestServer, type TestServer } from "../support/server.js";
import { projectsAnswered } from "../support/reports.js";

describe.skipIf(!haveBrowser)("the round's bulk exports in Chromium", () => {
  let s: TestServer;
  let browser: Browser;
  let page: Page;
  let roundId: number, xd: number;

  beforeAll(async () => {
    s = await startTestServer({ samples: true });
    const db = s.db.store.db;
    [{ id: roundId }] = await db.select({ id: rounds.id }).from(rounds);
    [{ id: xd }] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, "so-xay-dung"));
    const [{ id: tc }] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, "so-tai-chinh"));
    await s.as("dm-xuat", "focal_point", [tc]);
    // Sở Xây dựng reports (entered by the administrator, as for a paper report), with a file, and sends it.
    const path = `/api/rounds/${roundId}/reports/${xd}`;
    const form = (await s.call("GET", path)).body;
    const body = new FormData();
    body.append("file", new Blob([new Uint8Array(pdf(["BT ET"]))]), "Biên bản nghiệm thu.pdf");
    expect((await fetch(`${s.url}${path}/evidence?version=0`, { method: "POST", headers: s.headers, body })).status).toBe(201);
    const version = (await s.call("GET", path)).body.submission.version;
    const saved = await s.call("PUT", path, {
      version,
      tasks: form.tasks.filter((t: { role: string }) => t.role === "lead").map((t: { id: number }) => ({ taskId: t.id, status: "in_progress", progress: 62.5, narrative: "Đang triển khai" })),
      indicators: form.indicators.map((i: { id: number }) => ({ indicatorId: i.id, explanation: "Chưa có số liệu" })),
      projects: projectsAnswered(form),
      actuals: form.actuals.map((a: { indicatorId: number; year: number }) => ({ indicatorId: a.indicatorId, year: a.year, explanation: "Chưa có số liệu" })),
    });
    expect(saved.status).toBe(200);
    expect((await s.call("POST", `${path}/submit`, { version: saved.body.submission.version })).status).toBe(200);

    browser = await launchBrowser();
    page = await (await browser.newContext({ locale: "vi-VN", acceptDownloads: true, bypassCSP: true, viewport: { width: 1366, height: 768 } })).newPage();
    await signInPage(page, s.url, "dm-xuat");
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  const fetched = async (click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> => {
    const [download] = await Promise.all([page.waitForEvent("download"), click()]) as [Download, void];
    return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
  };
  const zipEntries = (bytes: Buffer) => checkZip(bytes, { entries: 500, totalBytes: 200 << 20, entryBytes: 20 << 20 }, () => true);

  it("downloads all reports as one workbook and all evidence as one zip; one agency's template and all of them", async () => {
    await page.goto(`${s.url}/rounds/${roundId}`);
    const exports = page.locator(".round-exports");
    await exports.getByRole("heading", { name: "Tải xuống cả đợt" }).waitFor();
    await exports.getByText("1 tệp, 1 KB").waitFor();

    const workbook = await fetched(() => exports.getByRole("link", { name: "Tải tất cả báo cáo (.xlsx)" }).click());
    expect(workbook.name).toBe(`bao-cao-dot-${roundId}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(workbook.bytes as never);
    expect(book.worksheets.map((w) => w.name)).toEqual(["Tổng hợp", "23-KH-UBND", "Dự án", "Nội dung chung"]);
    const summary = book.getWorksheet("Tổng hợp")!;
    const xdRow = [...Array(summary.rowCount).keys()].map((k) => summary.getRow(k + 1)).find((r) => r.getCell(2).value === "Sở Xây dựng")!;
    expect(xdRow.getCell(3).value).toBe("Đã gửi");
    expect(xdRow.getCell(5).value).toBeInstanceOf(Date);
    const plan = book.getWorksheet("23-KH-UBND")!;
    const progress = [...Array(plan.rowCount).keys()].map((k) => plan.getRow(k + 1)).filter((r) => r.getCell(2).value === "Sở Xây dựng" && r.getCell(8).value === "Chủ trì").map((r) => r.getCell(13).value);
    expect(progress.length).toBeGreaterThan(0);
    expect(new Set(progress)).toEqual(new Set([62.5]));

    const evidence = await fetched(() => exports.getByRole("link", { name: "Tải tất cả minh chứng (.zip)" }).click());
    expect(evidence.name).toBe(`minh-chung-dot-${roundId}.zip`);
    const files = zipEntries(evidence.bytes);
    expect([...files.keys()]).toEqual(["so-xay-dung/Biên bản nghiệm thu.pdf"]);
    expect(files.get("so-xay-dung/Biên bản nghiệm thu.pdf")!.subarray(0, 5).toString()).toBe("%PDF-");

    const one = await fetched(() => page.getByRole("link", { name: "Tải mẫu Excel của Sở Xây dựng" }).click());
    expect(one.name).toBe(`mau-bao-cao-dot-${roundId}-co-quan-${xd}.xlsx`);
    const template = new ExcelJS.Workbook();
    await template.xlsx.load(one.bytes as never);
    expect(template.getWorksheet(SHEETS.key)!.getCell(3, 2).value).toBe(xd);

    const all = await fetched(() => exports.getByRole("link", { name: "Tải tất cả mẫu (.zip)" }).click());
    expect(all.name).toBe(`mau-bao-cao-dot-${roundId}.zip`);
    const templates = zipEntries(all.bytes);
    expect(templates.size).toBe(await page.locator("table.board tbody tr").count());
    expect(templates.has("mau-bao-cao-so-xay-dung.xlsx")).toBe(true);
  }, 60_000);

  it("passes axe-core and keeps the buttons within the window on a laptop and a phone", async () => {
    for (const size of [{ width: 1366, height: 768 }, { width: 390, height: 844 }]) {
      await page.setViewportSize(size);
      await page.goto(`${s.url}/rounds/${roundId}`);
      await page.locator(".round-exports").waitFor();
      if (process.env.SCREENSHOTS_DIR) await page.locator(".round-exports").screenshot({ path: `${process.env.SCREENSHOTS_DIR}/round-exports-${size.width}.png` });
      expect(await axeViolations(page), `${size.width}px`).toEqual([]);
      expect(await sidewaysScroll(page), `${size.width}px`).toBe(0);
      for (const name of ["Tải tất cả mẫu (.zip)", "Tải tất cả báo cáo (.xlsx)", "Tải tất cả minh chứng (.zip)"]) {
        const box = (await page.getByRole("link", { name }).boundingBox())!;
        expect(box.x, `${name} at ${size.width}px`).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, `${name} at ${size.width}px`).toBeLessThanOrEqual(size.width);
      }
    }
  }, 60_000);
});
