/**
 * Every distinct page of the web app, as the person who uses it, on a desktop (1366×768) and a phone
 * (390×844) in Chromium: no page scrolls sideways (wide tables scroll inside their own box), axe-core
 * finds no WCAG 2.1 A/AA violation, the menu folds behind a button on the phone, a skip link leads past
 * it, and a permission error does not offer to try again.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, haveBrowser, launchBrowser, sidewaysScroll, signInPage } from "../support/browser.js";
import { startTestServer, type TestServer } from "../support/server.js";

const SIZES = [{ width: 1366, height: 768 }, { width: 390, height: 844 }];

/** Opens `path` and waits until it has loaded its data (nothing busy, no request in flight). */
async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForLoadState("networkidle");
  await page.locator("[aria-busy='true']").first().waitFor({ state: "detached", timeout: 10_000 }).catch(() => undefined);
}


describe.skipIf(!haveBrowser)("every page on a desktop and a phone", () => {
  let s: TestServer;
  let browser: Browser;
  /** The pages each person uses, as paths. */
  const pagesOf: Record<string, string[]> = {};

  beforeAll(async () => {
    s = await startTestServer({ samples: true });
    browser = await launchBrowser();
    const plan = (await s.call("GET", "/api/documents?q=23%2FKH-UBND")).body.items[0];
    const round = (await s.call("GET", "/api/rounds")).body.items[0];
    const anImport = (await s.call("GET", "/api/imports")).body.items[0];
    const construction = (await s.call("GET", `/api/agencies?q=${encodeURIComponent("Sở Xây dựng")}`)).body.items[0];
    const finance = (await s.call("GET", `/api/agencies?q=${encodeURIComponent("Sở Tài chính")}`)).body.items[0];
    await s.as("dm-screens", "focal_point", [finance.id]);
    await s.as("bcv-screens", "reporter", [construction.id]);
    await s.as("ld-screens", "leader");
    pagesOf.quantri = ["/admin/users", "/admin/audit", `/agencies/${finance.id}`, "/agencies"];
    pagesOf["dm-screens"] = [
      "/", `/documents/${plan.id}`, "/imports", `/imports/${anImport.id}`, "/rounds", `/rounds/${round.id}`,
      `/plans/${plan.id}/report`, "/search?q=chuyen%20doi%20so", "/notifications", "/password",
    ];
    pagesOf["bcv-screens"] = ["/inbox", `/rounds/${round.id}/reports/${construction.id}`];
    pagesOf["ld-screens"] = ["/dashboard", "/dashboard/tasks"];
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  for (const size of SIZES) {
    it(`at ${size.width}×${size.height}: no page scrolls sideways and axe finds no WCAG 2.1 AA violation`, async () => {
      const found: string[] = [];
      // The sign-in page, before anyone signs in.
      const anonymous = await browser.newContext({ viewport: size, locale: "vi-VN", bypassCSP: true });
      const signIn = await anonymous.newPage();
      await open(signIn, s.url + "/");
      for (const v of await axeViolations(signIn)) found.push(`sign-in: ${v}`);
      await anonymous.close();
      for (const [user, paths] of Object.entries(pagesOf)) {
        const context = await browser.newContext({ viewport: size, locale: "vi-VN", bypassCSP: true });
        const page = await context.newPage();
        await signInPage(page, s.url, user);
        for (const path of paths) {
          await open(page, s.url + path);
          const overflow = await sidewaysScroll(page);
          if (overflow > 0) found.push(`${path} (${user}): the page scrolls ${overflow} px sideways`);
          for (const v of await axeViolations(page)) found.push(`${path} (${user}): ${v}`);
          if (size.width < 500) await page.screenshot({ path: `test/e2e/.screens/page-${path.replace(/[^a-z0-9]+/gi, "_")}-${size.width}.png` }).catch(() => undefined);
        }
        await context.close();
      }
      expect(found).toEqual([]);
    }, 300_000);
  }

  it("on a phone: a short header, the menu folded behind a button that opens it and folds again on the way", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "vi-VN" });
    const page = await context.newPage();
    await signInPage(page, s.url, "dm-screens");
    const header = await page.locator("header.top").boundingBox();
    expect(header!.height).toBeLessThan(80);
    const menu = page.getByRole("button", { name: "Menu" });
    const rounds = page.getByRole("navigation", { name: "Menu chính" }).getByRole("link", { name: "Đợt báo cáo" });
    await expect(rounds.isVisible()).resolves.toBe(false);
    expect(await menu.getAttribute("aria-expanded")).toBe("false");
    await menu.click();
    expect(await page.getByRole("button", { name: "Đóng menu" }).getAttribute("aria-expanded")).toBe("true");
    await rounds.click();
    await page.getByRole("heading", { name: "Đợt báo cáo", level: 1 }).waitFor();
    await expect(rounds.isVisible()).resolves.toBe(false);
    // On a desktop the menu is in the header, and no menu button shows.
    await page.setViewportSize({ width: 1366, height: 768 });
    await expect(rounds.isVisible()).resolves.toBe(true);
    await expect(page.getByRole("button", { name: "Menu" }).isVisible()).resolves.toBe(false);
    await context.close();
  });

  it("a skip link is the first stop of the keyboard and leads to the page's content", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "vi-VN" });
    const page = await context.newPage();
    await signInPage(page, s.url, "dm-screens");
    await open(page, s.url + "/rounds");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Bỏ qua đến nội dung chính" });
    await expect(skip.evaluate((e) => e === document.activeElement)).resolves.toBe(true);
    // It shows when focused (it is off screen until then).
    expect((await skip.boundingBox())!.y).toBeGreaterThanOrEqual(0);
    await page.keyboard.press("Enter");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("main");
    await context.close();
  });

  it("a page the person may not see says so, without offering to try again", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "vi-VN" });
    const page = await context.newPage();
    await signInPage(page, s.url, "bcv-screens");
    await open(page, s.url + "/admin/audit");
    await page.getByRole("alert").first().waitFor();
    expect(await page.getByRole("button", { name: "Thử lại" }).count()).toBe(0);
    await context.close();
  });
});
