/**
 * The leaders' dashboard in Chromium: the sample plan evaluated with the sample report's figures,
 * matched in when the documents were published: GRDP (7,17% in 2023, an estimated 6,33% in 2024) is
 * off track against 8 - 9% a year for 2021-2030, the village roads (87% in 2024) have reached 80% by
 * 2025; the dashboard shows them as lights, trend charts and rows with the reason, and each number
 * leads to its items.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { haveBrowser, launchBrowser, signInPage } from "../support/browser.js";
import { startTestServer, type TestServer } from "../support/server.js";
import { AppError } from "../../src/core/errors.js";
import { errorBody } from "../../src/http/errors.js";

describe.skipIf(!haveBrowser)("the dashboard in Chromium", () => {
  let s: TestServer;
  let browser: Browser;
  let page: Page;
  let planId: number;
  let counts: Record<string, number>;

  beforeAll(async () => {
    s = await startTestServer({ samples: true });
    planId = (await s.call("GET", `/api/documents?q=${encodeURIComponent("23/KH-UBND")}`)).body.items.find((d: { symbol: string }) => d.symbol === "23/KH-UBND").id;
    const leader = await s.as("ld-dash", "leader");
    counts = (await leader.call("GET", `/api/dashboard?year=2024&plan=${planId}`)).body.indicatorCounts;
    browser = await launchBrowser();
    page = await browser.newPage({ locale: "vi-VN" });
    page.setDefaultTimeout(10_000);
    await signInPage(page, s.url, "ld-dash");
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it("shows the sample plan's GRDP off track and its roads achieved, with charts and reasons, and leads to the plan", async () => {
    await page.getByRole("link", { name: "Bảng điều hành" }).click();
    await page.getByRole("heading", { name: "Bảng điều hành" }).waitFor();
    await page.getByLabel("Năm", { exact: true }).fill("2024");
    await page.getByLabel("Phạm vi").selectOption({ label: "23/KH-UBND" });
    const offTrack = page.locator('[data-evaluation="off_track"]');
    expect(counts.off_track).toBeGreaterThanOrEqual(1);
    await expect.poll(() => offTrack.locator("strong").innerText()).toBe(String(counts.off_track));
    // The trend chart is drawn on a canvas, under its caption.
    const figure = page.locator("figure.trend", { hasText: "GRDP) bình quân hằng năm" }).first();
    await figure.locator("canvas").waitFor();
    expect(await figure.locator("canvas").evaluate((c: HTMLCanvasElement) => c.width > 0 && c.height > 0)).toBe(true);
    // A light filters the table to its indicators.
    await offTrack.click();
    const rows = page.locator("table.indicators-table tr");
    await expect.poll(() => rows.count()).toBe(counts.off_track);
    const grdp = rows.filter({ hasText: "GRDP) bình quân hằng năm" });
    expect(await grdp.innerText()).toContain("các năm 2025 - 2030 cần đạt bình quân 8,83%/năm");
    expect(await grdp.innerText()).toContain("8 - 9%/năm");
    await page.locator('[data-evaluation="achieved"]').click();
    await expect.poll(() => rows.count()).toBe(counts.achieved);
    const roads = rows.filter({ hasText: "Tỷ lệ thôn có đường ô tô đến trung tâm thôn được cứng hóa" }).filter({ hasText: "2025" });
    expect(await roads.innerText()).toContain("87");
    // The indicator leads to its clause in the plan, marked.
    await offTrack.click();
    await grdp.getByRole("link", { name: /GRDP/ }).click();
    await expect.poll(() => page.url()).toContain(`/documents/${planId}#indicator-`);
    const reached = page.locator("tr.reached");
    await reached.waitFor();
    expect(await reached.innerText()).toContain("bình quân hằng năm");
    await page.goBack();
    // The plan's link leads to the plan.
    await page.locator("table.indicators-table tr", { hasText: "GRDP) bình quân hằng năm" }).first().getByRole("link", { name: "23/KH-UBND" }).click();
    await expect.poll(() => page.url()).toMatch(new RegExp(`/documents/${planId}$`));
  });

  it("waits for a dashboard the server is still preparing, says how far it is, and shows it when it is ready", async () => {
    // The server's answer while a national dashboard is first built (a minute or more; the sample province's takes
    // milliseconds, so the first answer is the one the server gives then, made here): 503, Retry-After, how far it is.
    const busy = new AppError("unavailable", [], "dashboard_building", { percent: "42", seconds: "1" });
    let refused = 0;
    await page.route("**/api/dashboard?year=2023*", (route) => {
      if (refused++) return route.continue();
      return route.fulfill({ status: 503, headers: { "retry-after": "1" }, contentType: "application/json", body: JSON.stringify(errorBody(busy, "vi")) });
    });
    await page.goto(`${s.url}/dashboard?year=2023`);
    const waiting = page.getByRole("status").filter({ hasText: "đang được tổng hợp" });
    await expect.poll(() => waiting.innerText()).toContain("đã xong 42% văn bản");
    expect(await waiting.innerText()).toContain("Trang sẽ tự tải lại.");
    // Asked again by itself a second later: the dashboard, no error.
    await page.locator('[data-evaluation="off_track"]').waitFor();
    expect(refused).toBe(2);
    expect(await page.getByRole("alert").count()).toBe(0);
    await page.unroute("**/api/dashboard?year=2023*");

    // A request that ran out of time would run out again: said as an error with its advice, not asked again by itself.
    const timedOut = new AppError("unavailable", [], "request_timeout", { limit: "30", seconds: "1" });
    let asked = 0;
    await page.route("**/api/dashboard?year=2022*", (route) => {
      asked++;
      return route.fulfill({ status: 503, headers: { "retry-after": "1" }, contentType: "application/json", body: JSON.stringify(errorBody(timedOut, "vi")) });
    });
    await page.goto(`${s.url}/dashboard?year=2022`);
    await expect.poll(() => page.getByRole("alert").innerText()).toContain("hãy thu hẹp phạm vi");
    await page.waitForTimeout(2500);
    expect(asked).toBe(1);
    await page.unroute("**/api/dashboard?year=2022*");
  });

  it("leads from each task count to its tasks, and from a task to its clause", async () => {
    await page.goto(`${s.url}/dashboard?year=2026&plan=${planId}`);
    const counts = page.locator("[data-task-state]");
    await counts.first().waitFor();
    let state = "", n = 0;
    for (const c of await counts.all()) {
      const k = Number(await c.locator("strong").innerText());
      if (k > n) [state, n] = [(await c.getAttribute("data-task-state"))!, k];
    }
    expect(n).toBeGreaterThan(0);
    await page.locator(`[data-task-state="${state}"]`).click();
    await page.getByRole("heading", { name: /Nhiệm vụ theo kết quả đánh giá/ }).waitFor();
    const items = page.getByTestId("task");
    await expect.poll(() => items.count()).toBe(Math.min(n, 500));
    expect(await page.getByTestId("tasks-found").innerText()).toContain(`${n.toLocaleString("vi-VN")} nhiệm vụ`);
    const label = { overdue: "Quá hạn", not_started: "Chưa triển khai", in_progress: "Đang thực hiện", completed_late: "Hoàn thành quá hạn", completed_on_time: "Hoàn thành đúng hạn" }[state]!;
    expect(await items.first().innerText()).toContain(label);
    // By agency: the busiest agency's count in one state.
    await page.goBack();
    const cell = page.locator("table.agencies-table tbody tr").first().locator("td.num a").first();
    const m = Number(await cell.innerText());
    await cell.click();
    await expect.poll(() => items.count()).toBe(m);
    const first = items.first();
    const text = (await first.locator(".item-text").innerText()).slice(0, 40);
    await first.getByRole("link").first().click();
    await expect.poll(() => page.url()).toContain(`/documents/${planId}#task-`);
    const reached = page.locator("li.reached");
    await reached.waitFor();
    expect(await reached.innerText()).toContain(text);
  });
});
