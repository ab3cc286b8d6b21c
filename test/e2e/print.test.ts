/**
 * Printing (issue 17, item 6): the round's board, an agency's report form and the dashboard printed to A4
 * PDF in Chromium, as a focal point's "Save as PDF" would, and read back with pdftotext: their content is
 * there, in a desktop layout (tables, not a phone's cards), and the site's header and the controls that act
 * (downloads, uploads, the round's controls, action columns) are not.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencies } from "../../src/agencies/schema.js";
import { rounds } from "../../src/reporting/schema.js";
import { haveBrowser, launchBrowser, signInPage } from "../support/browser.js";
import { startTestServer, type TestServer } from "../support/server.js";

const havePdftotext = existsSync("/usr/bin/pdftotext");

describe.skipIf(!haveBrowser || !havePdftotext)("printing in Chromium", () => {
  let s: TestServer;
  let browser: Browser;
  let page: Page;
  let roundId: number, vh: number;
  const dir = mkdtempSync(join(tmpdir(), "theodoi-print-"));

  beforeAll(async () => {
    s = await startTestServer({ samples: true });
    const db = s.db.store.db;
    [{ id: roundId }] = await db.select({ id: rounds.id }).from(rounds);
    const idOf = new Map((await db.select({ id: agencies.id, code: agencies.code }).from(agencies)).map((a) => [a.code, a.id]));
    vh = idOf.get("so-van-hoa-the-thao-du-lich")!;
    await s.as("in-dau-moi", "focal_point", [idOf.get("so-tai-chinh")!]);
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await signInPage(page, s.url, "in-dau-moi");
  }, 120_000);
  afterAll(async () => { await browser?.close(); await s?.close(); rmSync(dir, { recursive: true, force: true }); });

  /** The page printed to A4 PDF: its size and its text, page by page. `hidden`: words the screen shows and the print must not. */
  async function printed(path: string, ready: string, hidden: string[]) {
    await page.goto(s.url + path);
    await page.getByRole("heading", { name: ready }).first().waitFor();
    await page.waitForLoadState("networkidle");
    const screen = await page.evaluate(() => document.body.innerText);
    for (const word of hidden) expect(screen, `on screen: ${word}`).toContain(word);
    const file = join(dir, "page.pdf");
    writeFileSync(file, await page.pdf({ format: "A4", printBackground: true }));
    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    return { size: /Page size:\s+(.*)/.exec(info)![1], pages: text.split("\f").filter((p) => p.trim()), text };
  }
  const SITE = ["Nhập văn bản", "Đăng xuất", "Theo dõi thực hiện văn bản chỉ đạo"];

  it("prints the round's board: the totals and every agency's row, without the round's controls or downloads", async () => {
    const hidden = [...SITE, "Điều chỉnh đợt báo cáo", "Tải mẫu Excel", "Tải xuống cả đợt", "Thao tác"];
    const { size, text } = await printed(`/rounds/${roundId}`, "Tình hình báo cáo", hidden);
    expect(size).toMatch(/A4/);
    expect(text).toContain("Báo cáo kết quả thực hiện 23/KH-UBND năm 2026");
    expect(text).toContain("Sở Văn hóa, Thể thao và Du lịch");
    expect(text).toMatch(/Phải báo cáo\s+Đã gửi/);
    for (const gone of hidden) expect(text, gone).not.toContain(gone);
  });

  it("prints an agency's report form: its tasks and what is typed, without the Excel box or the buttons", async () => {
    const hidden = [...SITE, "Tải mẫu Excel", "Tải báo cáo (.docx)"];
    const { text, pages } = await printed(`/rounds/${roundId}/reports/${vh}`, "Kết quả thực hiện nhiệm vụ", hidden);
    expect(text).toContain("Báo cáo của Sở Văn hóa, Thể thao và Du lịch");
    expect(text).toMatch(/Tình trạng/);
    expect(pages.length).toBeGreaterThan(1);
    for (const gone of hidden) expect(text, gone).not.toContain(gone);
  });

  it("prints the dashboard: the counts, the indicators' table and the key projects, as on a desk's screen", async () => {
    const { text } = await printed("/dashboard", "Bảng điều hành", SITE);
    expect(text).toMatch(/Không đạt \/ chệch hướng/);
    // (A few words of an indicator's name: the layout's columns wrap the rest of it, further or not, as the cards above change.)
    expect(text).toContain("Tốc độ tăng trưởng tổng sản");
    expect(text).toContain("Dự án, công trình trọng điểm");
    for (const gone of SITE) expect(text, gone).not.toContain(gone);
  });
});
