/**
 * Issue 17's items 4 and 5 in Chromium. The focal point opens the plan's page, follows "Nhập số liệu
 * từ Excel/CSV", chooses a file with a bad row (the problem is listed by row and column, nothing can
 * be written), then a good one: the preview table says what each row adds or replaces, and a
 * confirmation writes them. The reporter downloads its report as an official document from the
 * report form. Each screen at 1366x768 and 390x844 without sideways scroll or axe-core violations.
 */
import { eq } from "drizzle-orm";
import mammoth from "mammoth";
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencies } from "../../src/agencies/schema.js";
import { rounds } from "../../src/reporting/schema.js";
import { axeViolations, haveBrowser, launchBrowser, sidewaysScroll, signInPage } from "../support/browser.js";
import { startTestServer, type TestServer } from "../support/server.js";

const SHOTS = process.env.THEODOI_SHOTS;

describe.skipIf(!haveBrowser)("indicator values in bulk and the agency's report as .docx, in Chromium", () => {
  let s: TestServer;
  let browser: Browser;
  let planId: number, forest: { id: number; name: string };

  beforeAll(async () => {
    s = await startTestServer({ samples: true });
    planId = (await s.call("GET", `/api/documents?q=${encodeURIComponent("23/KH-UBND")}`)).body.items.find((d: { symbol: string }) => d.symbol === "23/KH-UBND").id;
    forest = (await s.call("GET", `/api/indicators?documentId=${planId}&pageSize=500`)).body.items.find((i: { name: string }) => i.name.startsWith("Tỷ lệ che phủ rừng"));
    await s.as("dau-moi-nhap-so-lieu", "focal_point");
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  async function pageAs(username: string, width = 1366, height = 768): Promise<Page> {
    const page = await (await browser.newContext({ locale: "vi-VN", acceptDownloads: true, bypassCSP: true, viewport: { width, height } })).newPage();
    await signInPage(page, s.url, username);
    return page;
  }
  const csv = (lines: string[]) => Buffer.from("\ufeff" + lines.join("\r\n") + "\r\n");

  it("previews a file of values from the plan's page, refuses a bad row by its place, and writes a good file", async () => {
    const page = await pageAs("dau-moi-nhap-so-lieu");
    await page.goto(`${s.url}/documents/${planId}`);
    await page.getByRole("link", { name: "Nhập số liệu từ Excel/CSV", exact: true }).click();
    await page.getByRole("heading", { name: "Nhập số liệu chỉ tiêu từ tệp" }).waitFor();
    await page.getByText("Cho: 23/KH-UBND:").waitFor();

    await page.getByLabel("Tệp số liệu").setInputFiles({ name: "sai.csv", mimeType: "text/csv", buffer: csv(["Chỉ tiêu;Năm;Giá trị", `${forest.name};2016;59,1`, `${forest.name};2017;khoảng 60`]) });
    const problems = page.locator(".values-preview [role=alert]");
    await problems.getByText("Tệp có 1 lỗi; chưa ghi gì.", { exact: false }).waitFor();
    expect(await problems.locator("li").allInnerTexts()).toEqual(["Dòng 3, cột C (Giá trị): “khoảng 60” không phải số; ghi dạng 8.310,18 hoặc 8310.18"]);
    expect(await page.getByRole("button", { name: /^Ghi \d+ số liệu$/ }).isDisabled()).toBe(true);

    const file = csv(["Chỉ tiêu;Năm;Giá trị;Loại số liệu;Nguồn", ...[2016, 2017, 2018].map((y, k) => `${forest.name};${y};${59 + k},5;Thực hiện;Niên giám thống kê`), `${forest.name};2024;63,85;Ước;Niên giám thống kê`]);
    await page.getByLabel("Tệp số liệu").setInputFiles({ name: "so-lieu.csv", mimeType: "text/csv", buffer: file });
    const preview = page.locator(".values-preview");
    await preview.getByText("Tệp có 4 số liệu hợp lệ: 4 thêm mới, 0 thay số đang có, 0 không đổi.").waitFor();
    expect(await preview.locator("tbody tr").allInnerTexts()).toEqual([
      expect.stringMatching(/^2\s+Tỷ lệ che phủ rừng.*\s+2016\s+Thực hiện\s+59,5%\s+Niên giám thống kê\s+Thêm mới$/),
      expect.stringMatching(/\s+2017\s+Thực hiện\s+60,5%/), expect.stringMatching(/\s+2018\s+Thực hiện\s+61,5%/),
      expect.stringMatching(/^5\s+.*\s+2024\s+Ước\s+63,85%\s+Niên giám thống kê\s+Thêm mới$/),
    ]);
    expect(await axeViolations(page)).toEqual([]);
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/values-preview-1366.png`, fullPage: true });
    await preview.getByRole("button", { name: "Ghi 4 số liệu" }).click();
    await page.getByText("Đã ghi 4 số liệu.").waitFor();
    const values = (await s.call("GET", `/api/values?indicatorId=${forest.id}&pageSize=100`)).body.items;
    expect(values.filter((v: { note: string | null }) => v.note === "Niên giám thống kê").map((v: { period: string; value: number; kind: string }) => [v.period, v.value, v.kind]))
      .toEqual(expect.arrayContaining([["2016", 59.5, "actual"], ["2017", 60.5, "actual"], ["2018", 61.5, "actual"], ["2024", 63.85, "estimate"]]));

    // The same file from the indicator's row: nothing new to write.
    await page.goto(`${s.url}/documents/${planId}`);
    await page.getByRole("link", { name: `Nhập số liệu từ Excel/CSV: ${forest.name}` }).click();
    await page.getByText(`Cho: ${forest.name}`).waitFor();
    await page.getByLabel("Tệp số liệu").setInputFiles({ name: "so-lieu.csv", mimeType: "text/csv", buffer: file });
    await page.getByText("Không có số liệu nào cần ghi: mọi số liệu trong tệp đã có.").waitFor();
  }, 90_000);

  it("fits a phone's width with the preview table", async () => {
    const page = await pageAs("dau-moi-nhap-so-lieu", 390, 844);
    await page.goto(`${s.url}/values/import?documentId=${planId}`);
    await page.getByLabel("Tệp số liệu").setInputFiles({ name: "so-lieu.csv", mimeType: "text/csv", buffer: csv(["Chỉ tiêu;Năm;Giá trị", `${forest.name};2019;62,02`]) });
    await page.locator(".values-preview").getByText("Tệp có 1 số liệu hợp lệ", { exact: false }).waitFor();
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/values-preview-390.png`, fullPage: true });
  }, 60_000);

  it("downloads the agency's report as an official document from the report form", async () => {
    const db = s.db.store.db;
    const [{ id: roundId }] = await db.select({ id: rounds.id }).from(rounds);
    const [{ id: xd }] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, "so-xay-dung"));
    await s.as("bc-tai-docx", "reporter", [xd]);
    const page = await pageAs("bc-tai-docx");
    await page.goto(`${s.url}/rounds/${roundId}/reports/${xd}`);
    await page.getByRole("heading", { name: "Báo cáo của Sở Xây dựng" }).waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Tải báo cáo (.docx)" }).click()]);
    expect(download.suggestedFilename()).toBe(`bao-cao-so-xay-dung-dot-${roundId}.docx`);
    const text = (await mammoth.extractRawText({ buffer: readFileSync((await download.path())!) })).value;
    expect(text).toContain("SỞ XÂY DỰNG");
    expect(text).toMatch(/Số:\s+\/BC-SXD/);
  }, 60_000);
});
