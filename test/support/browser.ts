/** Chromium for the web tests (Debian's package, driven by playwright-core), its launch, and signing a page in through the web app's own form. */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Browser, type Page } from "playwright-core";
import { TEST_PASSWORD } from "./server.js";

export async function signInPage(page: Page, url: string, username: string, password = TEST_PASSWORD): Promise<void> {
  await page.goto(url + "/");
  await page.getByLabel("Tên đăng nhập", { exact: true }).fill(username);
  await page.getByLabel("Mật khẩu", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.getByRole("button", { name: "Đăng xuất", includeHidden: true }).waitFor({ state: "attached" });
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Whether the web tests can run; in CI (THEODOI_REQUIRE_BROWSER=1) a missing browser is a failure, not a skip. */
export const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser && process.env.THEODOI_REQUIRE_BROWSER === "1") throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install -y chromium)`);
if (!haveBrowser) console.warn(`[web tests skipped] Chromium not found at ${CHROMIUM}; install it with: apt-get install -y chromium`);

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * axe-core's WCAG 2.0/2.1 A and AA rules on the page as it stands, each violation as "rule (impact) help at
 * where". The page's context must bypass the app's Content Security Policy (`bypassCSP: true`) to take the script.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    type Result = { violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }> };
    const axe = (window as unknown as { axe: { run(ctx: Document, options: object): Promise<Result> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations.map((v) => `${v.id} (${v.impact}) ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
  });
}

/** How far the page scrolls sideways beyond the window (0 when it does not). */
export const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** A page of `width`×`height` in Vietnamese, `username` signed in. */
export async function openSignedIn(browser: Browser, url: string, username: string, width: number, height: number, timeout = 10_000): Promise<Page> {
  const page = await browser.newPage({ locale: "vi-VN", viewport: { width, height }, bypassCSP: true });
  page.setDefaultTimeout(timeout);
  await signInPage(page, url, username);
  return page;
}

/** What is wrong with a screen as it stands, once the network is idle: sideways scroll and axe-core's violations, each as "name: what". */
export async function screenProblems(page: Page, name: string): Promise<string[]> {
  await page.waitForLoadState("networkidle");
  const found: string[] = [];
  const overflow = await sidewaysScroll(page);
  if (overflow > 0) found.push(`${name}: the page scrolls ${overflow} px sideways`);
  for (const v of await axeViolations(page)) found.push(`${name}: ${v}`);
  return found;
}
