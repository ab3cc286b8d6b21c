/**
 * The agency's template in Chromium: the reporter downloads it from the report form, fills it (with
 * a script, as an official would in Excel: a Vietnamese decimal and a drop-down status), uploads it,
 * sees the changes beside what the web form holds, confirms, and the form shows them.
 */
import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencies } from "../../src/agencies/schema.js";
import { rounds } from "../../src/reporting/schema.js";
import { SHEETS, STATUS_LABELS } from "../../src/reporting/template.js";
import { haveBrowser, launchBrowser, signInPage } from "../support/browser.js";
import { startTestServer, type TestServer } from "../support/server.js";

describe.skipIf(!haveBrowser)("the agency's template in Chromium", () => {
  let s: TestServer;
  let browser: Browser;
  let page: Page;
  let roundId: number, xd: number;

  beforeAll(async () => {
    s = await startTestServer({ samples: true });
    const db = s.db.store.db;
    [{ id: roundId }] = await db.select({ id: rounds.id }).from(rounds);
    [{ id: xd }] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, "so-xay-dung"));
    await s.as("bc-mau-excel", "reporter", [xd]);
    browser = await launchBrowser();
    page = await (await browser.newContext({ locale: "vi-VN", acceptDownloads: true })).newPage();
    await signInPage(page, s.url, "bc-mau-excel");
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it("downloads the template from the report form, uploads it filled, previews and writes it", async () => {
    await page.goto(`${s.url}/inbox`);
    const item = page.locator(".inbox-item", { hasText: "23/KH-UBND năm 2026" });
    await item.getByRole("link", { name: "Tải mẫu Excel" }).waitFor();
    await item.getByRole("link", { name: "Mở báo cáo" }).click();
    await page.getByRole("heading", { name: "Báo cáo của Sở Xây dựng" }).waitFor();

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Tải mẫu Excel" }).click()]);
    expect(download.suggestedFilename()).toBe(`mau-bao-cao-dot-${roundId}-co-quan-${xd}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync((await download.path())!) as never);
    const tasks = book.getWorksheet(SHEETS.tasks)!;
    const row = [...Array(tasks.rowCount).keys()].map((k) => tasks.getRow(k + 1)).find((r) => String(r.getCell(3).value).startsWith("Tập trung phát triển hệ thống giao thông liên vùng"))!;
    row.getCell(6).value = STATUS_LABELS.in_progress;
    row.getCell(7).value = "62,5";
    row.getCell(8).value = "Đã khởi công tuyến vành đai";
    const filled = Buffer.from(await book.xlsx.writeBuffer());

    await page.getByLabel("Tải lên mẫu đã điền").setInputFiles({ name: "mau-da-dien.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: filled });
    const preview = page.locator(".template-preview");
    await preview.getByRole("heading", { name: "Tệp sẽ thay đổi 3 ô của báo cáo; kiểm tra rồi xác nhận" }).waitFor();
    expect(await preview.locator("tbody tr").allInnerTexts()).toEqual([
      expect.stringMatching(/^Nhiệm vụ!F\d+\s+.*Tình trạng\s+Đang thực hiện trong hạn$/),
      expect.stringMatching(/^Nhiệm vụ!G\d+\s+.*Tiến độ \(%\)\s+62,5$/),
      expect.stringMatching(/^Nhiệm vụ!H\d+\s+.*Kết quả thực hiện\s+Đã khởi công tuyến vành đai$/),
    ]);
    await preview.getByRole("button", { name: "Ghi vào báo cáo" }).click();
    await page.getByText("Đã ghi 3 ô từ tệp vào báo cáo.").waitFor();
    const roads = page.locator(".report-task", { hasText: "Tập trung phát triển hệ thống giao thông liên vùng" });
    expect(await roads.getByLabel("Tiến độ (%)").inputValue()).toBe("62,5");
    expect(await roads.locator("textarea").inputValue()).toBe("Đã khởi công tuyến vành đai");
    const form = (await s.call("GET", `/api/rounds/${roundId}/reports/${xd}`)).body;
    expect(form.tasks.find((t: { text: string }) => t.text.startsWith("Tập trung phát triển hệ thống giao thông")).report).toEqual({ status: "in_progress", progress: 62.5, narrative: "Đã khởi công tuyến vành đai" });

    // The same file again: the report changed since it was downloaded; refused, saying what to do.
    await page.getByLabel("Tải lên mẫu đã điền").setInputFiles({ name: "mau-da-dien.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: filled });
    await page.locator(".template-box [role=alert]", { hasText: "Tệp mẫu đã cũ" }).waitFor();
  }, 60_000);
});
