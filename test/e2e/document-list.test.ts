/**
 * The document list in Chromium moves on by cursor (issue 18: keyset paging): Next asks for the page after the
 * last row shown, Previous goes back the way it came, and a filter starts again at the first page.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { haveBrowser, launchBrowser, openSignedIn } from "../support/browser.js";
import { startTestServer, type TestServer } from "../support/server.js";

describe.skipIf(!haveBrowser)("the document list in Chromium", () => {
  let s: TestServer;
  let browser: Browser;
  let page: Page;
  /** What the API asked for, as the browser sent it. */
  const asked: URL[] = [];

  beforeAll(async () => {
    s = await startTestServer();
    // More than two pages of 25, some on one day (ties across a page's end) and some undated (last).
    for (let k = 0; k < 60; k++) {
      const dated = k % 6 !== 0;
      const res = await s.call("POST", "/api/documents", { symbol: `${500 + k}/QĐ-UBND`, title: `Quyết định số ${500 + k}`, ...(dated && { issuedOn: `${(k % 3) + 10}/05/2024` }) });
      expect(res.status).toBe(201);
    }
    browser = await launchBrowser();
    await s.as("lanhdao", "leader");
    page = await openSignedIn(browser, s.url, "lanhdao", 1366, 768);
    page.on("request", (r) => { if (r.url().includes("/api/documents?")) asked.push(new URL(r.url())); });
  }, 120_000);
  afterAll(async () => { await browser?.close(); await s?.close(); });

  const shown = () => page.locator("table tbody tr td:first-child").allInnerTexts();

  it("goes forward by the cursor of the last row, back the way it came, and through every document once", async () => {
    const all = (await s.call("GET", "/api/documents?pageSize=500")).body.items.map((d: { symbol: string }) => d.symbol);
    await page.goto(`${s.url}/`);
    await page.getByText("Trang 1/3").waitFor();
    const first = await shown();
    await page.getByRole("button", { name: "Trang sau" }).click();
    await page.getByText("Trang 2/3").waitFor();
    expect(new URL(page.url()).searchParams.get("after")).toBeTruthy();
    const second = await shown();
    const secondCursor = new URL(page.url()).searchParams.get("after");
    expect(asked.at(-1)!.searchParams.get("after")).toBe(new URL(page.url()).searchParams.get("after"));
    await page.getByRole("button", { name: "Trang sau" }).click();
    await page.getByText("Trang 3/3").waitFor();
    const third = await shown();
    expect(await page.getByRole("button", { name: "Trang sau" }).isDisabled()).toBe(true);
    expect([...first, ...second, ...third].map((cell) => cell.split("\n")[0])).toEqual(all);
    await page.getByRole("button", { name: "Trang trước" }).click();
    await page.getByText("Trang 2/3").waitFor();
    expect(await shown()).toEqual(second);
    // By the cursor it was first reached by, not by its number.
    expect(new URL(page.url()).searchParams.get("after")).toBe(secondCursor);
    expect(asked.at(-1)!.searchParams.get("after")).toBe(secondCursor);
    await page.getByRole("button", { name: "Trang trước" }).click();
    await page.getByText("Trang 1/3").waitFor();
    expect(await shown()).toEqual(first);
    expect(new URL(page.url()).searchParams.get("after")).toBeNull();
  });
});
