/**
 * The consolidated report's form in Chromium, on 11-NQ/TW's report page: the Party's form drafted from
 * the resolution's issuer, a malformed number refused at its field in Vietnamese, recipients and signer
 * saved and kept on reload, the sections in 001's order; on a phone (390 px) the form is one column
 * without sideways scroll. Screenshots in /tmp/shots-report/.
 */
import { mkdirSync } from "node:fs";
import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencies } from "../../src/agencies/schema.js";
import { planBySymbol } from "../../src/reports/consolidated.js";
import { axeViolations, haveBrowser, launchBrowser, openSignedIn, sidewaysScroll } from "../support/browser.js";
import { startTestServer, type TestServer } from "../support/server.js";

const SHOTS = "/tmp/shots-report";

describe.skipIf(!haveBrowser)("the report's form in Chromium", () => {
  let s: TestServer;
  let browser: Browser;
  let resolutionId: number;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    s = await startTestServer({ samples: true });
    // The focal point of the Department of Finance (the sample province's), who compiles the report.
    const [finance] = await s.db.store.db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, "so-tai-chinh"));
    [, resolutionId, browser] = await Promise.all([s.as("dm-baocao", "focal_point", [finance.id]), planBySymbol(s.db.store.db, "11-NQ/TW"), launchBrowser()]);
  }, 180_000);
  afterAll(async () => { await browser?.close(); await s?.close(); });

  const open = async (width: number, height: number): Promise<Page> => {
    const page = await openSignedIn(browser, s.url, "dm-baocao", width, height, 15_000);
    // From the resolution's page (a document known by citation, which the chain implements) to its report.
    await page.goto(`${s.url}/documents/${resolutionId}`);
    await page.getByRole("link", { name: "Đánh giá, báo cáo tổng hợp" }).click();
    await page.waitForURL(`**/plans/${resolutionId}/report`);
    await page.goto(`${s.url}/plans/${resolutionId}/report?year=2024`);
    await page.getByRole("heading", { name: "Thể thức báo cáo" }).waitFor();
    return page;
  };

  it("edits 11-NQ/TW's report form: the Party's draft, a bad number refused at its field, recipients and signer kept (1366×768)", async () => {
    const page = await open(1366, 768);
    const form = page.locator(".report-form");
    expect(await form.getByLabel("Thể thức").locator("option").first().innerText()).toContain("Văn bản của Đảng");
    expect(await form.getByLabel("Tên cơ quan ban hành (mỗi dòng một dòng tiêu đề)").getAttribute("placeholder")).toBe("Tỉnh ủy Lạng Sơn");
    expect(await form.getByLabel("Nơi nhận (mỗi dòng một nơi nhận)").getAttribute("placeholder")).toContain("Lưu Văn phòng Tỉnh ủy.");
    // The sections in 001's order, under their parts.
    const titles = await page.locator(".narrative label").allInnerTexts();
    expect(titles[0]).toContain("I- KHÁI QUÁT CHUNG VỀ ĐỊA PHƯƠNG");
    expect(titles.findIndex((x) => x.includes("3. Bài học kinh nghiệm"))).toBeGreaterThan(titles.findIndex((x) => x.includes("5. Đánh giá chung")));
    await form.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/form-1366.png` });

    await form.getByLabel("Số văn bản (để trống cho văn thư điền)").fill("65a");
    await form.getByRole("button", { name: "Lưu thể thức" }).click();
    await form.getByText("Số văn bản chỉ gồm chữ số (ví dụ 125); để trống cho văn thư điền").waitFor();
    expect(await form.getByLabel("Số văn bản (để trống cho văn thư điền)").getAttribute("aria-invalid")).toBe("true");
    await form.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/form-error-1366.png` });

    await form.getByLabel("Số văn bản (để trống cho văn thư điền)").fill("652");
    await form.getByLabel("Nơi nhận (mỗi dòng một nơi nhận)").fill("Ban Kinh tế Trung ương (b/c),\nThường trực Tỉnh ủy,\nLưu Văn phòng Tỉnh ủy.");
    await form.getByLabel("Chức vụ người ký").fill("PHÓ BÍ THƯ THƯỜNG TRỰC");
    await form.getByLabel("Họ và tên người ký").fill("Hoàng Văn Nghiệm");
    await form.getByRole("button", { name: "Lưu thể thức" }).click();
    await form.getByText("Đã lưu thể thức báo cáo").waitFor();
    await page.reload();
    await page.getByRole("heading", { name: "Thể thức báo cáo" }).waitFor();
    expect(await page.getByLabel("Họ và tên người ký").inputValue()).toBe("Hoàng Văn Nghiệm");
    expect(await page.getByLabel("Nơi nhận (mỗi dòng một nơi nhận)").inputValue()).toContain("Ban Kinh tế Trung ương (b/c),");
    expect((await s.call("GET", `/api/plans/${resolutionId}/report-draft?year=2024`)).body.form).toMatchObject({ number: "652", signer: { title: "PHÓ BÍ THƯ THƯỜNG TRỰC", name: "Hoàng Văn Nghiệm" } });
    expect(await axeViolations(page)).toEqual([]);
    await page.locator(".report-form").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/form-saved-1366.png`, fullPage: false });
    await page.close();
  });

  it("lays the form out in one column on a phone, without sideways scroll (390×844)", async () => {
    const page = await open(390, 844);
    await page.locator(".report-form").scrollIntoViewIfNeeded();
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    const [a, b] = await page.locator(".report-form-grid .form-field").evaluateAll((els) => els.slice(0, 2).map((e) => e.getBoundingClientRect().left));
    expect(a).toBe(b);
    await page.screenshot({ path: `${SHOTS}/form-390.png`, fullPage: false });
    await page.close();
  });
});
