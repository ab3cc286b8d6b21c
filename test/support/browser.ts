/** Signing a Chromium page in through the web app's own sign-in form. */
import type { Page } from "playwright-core";
import { TEST_PASSWORD } from "./server.js";

export async function signInPage(page: Page, url: string, username: string, password = TEST_PASSWORD): Promise<void> {
  await page.goto(url + "/");
  await page.getByLabel("Tên đăng nhập", { exact: true }).fill(username);
  await page.getByLabel("Mật khẩu", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.getByRole("button", { name: "Đăng xuất" }).waitFor();
}
