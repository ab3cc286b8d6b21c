/**
 * The web app in real Chromium (Debian's package, driven by playwright-core) against a real
 * server with the sample province: the document list, a search, the document page and a
 * click through the implementation cascade, the agency tree, and the English switch.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { haveBrowser, launchBrowser, signInPage } from "../support/browser.js";
import { startTestServer, type TestServer } from "../support/server.js";


describe.skipIf(!haveBrowser)("web app in Chromium", () => {
  let s: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    s = await startTestServer({ samples: true });
    browser = await launchBrowser();
    page = await browser.newPage({ locale: "vi-VN" });
    await s.as("nguoixem", "viewer");
    await signInPage(page, s.url, "nguoixem");
  });
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it("lists the sample documents with Vietnamese dates", async () => {
    await page.goto(s.url + "/");
    await expect.poll(() => page.locator("table.documents").innerText()).toContain("23/KH-UBND");
    const row = page.locator("tr", { hasText: "23/KH-UBND" });
    expect(await row.innerText()).toContain("26/01/2023");
    expect(await page.locator("h1").innerText()).toBe("Văn bản");
  });

  it("filters the list by words without accents", async () => {
    const symbols = () => page.locator("table.documents tbody tr td:first-child").allInnerTexts();
    // (The Party programmes numbered 74-CTr/TU of 2017 and of 2023, both cited, are two documents.)
    expect(await page.locator("p[aria-live]").innerText()).toBe("64 văn bản");
    await page.locator('form.filters input[name="q"]').fill("ha tang dong bo");
    await page.locator('form.filters input[name="q"]').press("Enter");
    await page.waitForURL(/q=ha\+tang\+dong\+bo/);
    // The filtered answer has come once the count says so (a check on the rows alone could pass on the old page).
    await expect.poll(() => page.locator("p[aria-live]").innerText()).toBe("5 văn bản");
    expect(await symbols()).not.toContain("96/NQ-CP");
    expect(await symbols()).toContain("13-NQ/TW");
  });

  it("searches without accents and opens 23/KH-UBND", async () => {
    const box = page.locator("header form.global-search input");
    await box.fill("ty le che phu rung");
    await box.press("Enter");
    await page.waitForURL(/\/search\?q=/);
    await page.locator("ol.hits a", { hasText: "23/KH-UBND" }).first().click();
    await page.waitForURL(/\/documents\/\d+$/);
    await expect.poll(() => page.locator("h1").innerText()).toContain("23/KH-UBND");
    expect(await page.locator("dl.meta").innerText()).toContain("Hồ Tiến Thiệu");
  });

  it("draws the cascade and clicks through it up to 11-NQ/TW and back down", async () => {
    const node = (symbol: string) => page.locator(`.cascade g.node[data-symbol="${symbol}"]`);
    await node("96/NQ-CP").waitFor();
    expect(await page.locator(".cascade g.node").count()).toBe(4);
    await node("96/NQ-CP").click();
    await expect.poll(() => page.locator("h1").innerText()).toContain("96/NQ-CP");
    await node("11-NQ/TW").click();
    await expect.poll(() => page.locator("h1").innerText()).toContain("11-NQ/TW");
    await node("23/KH-UBND").waitFor();
    await node("23/KH-UBND").click();
    await expect.poll(() => page.locator("h1").innerText()).toContain("23/KH-UBND");
  });

  it("shows the agency tree with the 2025 merger", async () => {
    await page.getByRole("link", { name: "Cơ quan, đơn vị" }).click();
    const dpi = page.locator('li[data-code="so-ke-hoach-dau-tu"]');
    await dpi.waitFor();
    expect(await dpi.innerText()).toMatch(/Kế thừa bởi: Sở Tài chính \(hợp nhất, từ 01\/03\/2025\)/);
  });

  it("says when a search found more than it shows, and shows more on request", async () => {
    const first = (await s.call("GET", "/api/search?q=phat%20trien")).body;
    expect(first.more, "the samples hold more than 50 matches of 'phat trien'").toBe(true);
    const more = (await s.call("GET", "/api/search?q=phat%20trien&limit=200")).body;
    await page.goto(`${s.url}/search?q=phat%20trien`);
    await page.getByText("Đang hiển thị 50 kết quả phù hợp nhất; còn kết quả khác.").waitFor();
    expect(await page.locator("ol.hits li").count()).toBe(50);
    await page.getByRole("button", { name: "Xem thêm kết quả" }).click();
    await page.waitForURL(/limit=200/);
    await expect.poll(() => page.locator("ol.hits li").count()).toBe(more.hits.length);
    if (more.more) expect(await page.getByText("Hãy thêm từ khoá để thu hẹp.").count()).toBe(1);
    else expect(await page.getByRole("button", { name: "Xem thêm kết quả" }).count()).toBe(0);
  });

  it("says an address leads to no page, and gives the way back", async () => {
    await page.goto(`${s.url}/nhiem-vu/khong-co`);
    await expect.poll(() => page.locator("h1").innerText()).toBe("Không có trang này");
    expect(await page.locator("main, section").first().innerText()).toContain("/nhiem-vu/khong-co");
    await page.getByRole("link", { name: "Về danh sách văn bản" }).click();
    await expect.poll(() => page.locator("h1").innerText()).toBe("Văn bản");
  });

  it("switches to English and keeps the Vietnamese date format", async () => {
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("link", { name: "Documents" }).click();
    await expect.poll(() => page.locator("h1").innerText()).toBe("Documents");
    expect(await page.locator("tr", { hasText: "23/KH-UBND" }).innerText()).toContain("26/01/2023");
    await page.getByRole("button", { name: "Tiếng Việt" }).click();
  });
});
