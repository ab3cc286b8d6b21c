/** Chromium for the web tests (Debian's package, driven by playwright-core), its launch, and signing a page in through the web app's own form. */
import { existsSync } from "node:fs";
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
