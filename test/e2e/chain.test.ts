/**
 * A resolution's chain in Chromium (issue 15): the leader opens 11-NQ/TW, sees the whole chain's lights and
 * tasks, and drills down through 23/KH-UBND to a department's plan implementing it; the focal point links a
 * department's indicator to the plan's it serves and gives the resolution targets restated below it. At
 * 1366×768 and 390×844, screenshots in /tmp/shots-chain.
 */
import { mkdirSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, haveBrowser, launchBrowser, openSignedIn, sidewaysScroll } from "../support/browser.js";
import { startTestServer, type TestServer } from "../support/server.js";

const SHOTS = "/tmp/shots-chain";
/** How long a poll waits for the page: a fetch and a render, on a machine that may be busy. */
const WAIT = { timeout: 15_000 };
const ok = <T = any>(res: { status: number; body: T }, status = 200): T => {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
};

describe.skipIf(!haveBrowser)("a resolution's chain in Chromium", () => {
  let s: TestServer;
  let browser: Browser;
  const ids = { resolution: 0, plan: 0, department: 0, urbanisation: 0 };
  let rolled: { taskCounts: Record<string, number>; indicatorCounts: Record<string, number>; documents: { symbol: string }[] };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    s = await startTestServer({ samples: true });
    const bySymbol = async (symbol: string) => (await s.call("GET", `/api/documents?q=${encodeURIComponent(symbol)}`)).body.items.find((d: { symbol: string }) => d.symbol === symbol).id;
    ids.resolution = await bySymbol("11-NQ/TW");
    ids.plan = await bySymbol("23/KH-UBND");
    // The construction department's plan implementing 23/KH-UBND: a task overdue, and the urbanisation rate it follows.
    const building = (await s.call("GET", "/api/agencies?q=so%20xay%20dung")).body.items[0].id;
    ids.department = ok(await s.call("POST", "/api/documents", { symbol: "45/KH-SXD", title: "Kế hoạch của Sở Xây dựng thực hiện Kế hoạch 23/KH-UBND", issuedOn: "2023-03-15", issuerId: building, status: "published" }), 201).id;
    ok(await s.call("POST", "/api/links", { fromId: ids.department, toId: ids.plan, kind: "implements" }), 201);
    ok(await s.call("POST", "/api/tasks", { documentId: ids.department, text: "Lập quy hoạch chung đô thị Đồng Đăng", leadIds: [building], deadline: { kind: "date", date: "2024-06-30" }, deadlineText: "trước 30/6/2024" }), 201);
    ids.urbanisation = ok(await s.call("POST", "/api/indicators", { documentId: ids.department, name: "Tỷ lệ đô thị hóa", unit: "%", comparator: "approx", min: 40, max: 40, targetYear: 2030 }), 201).id;
    ok(await s.call("POST", "/api/values", { indicatorId: ids.urbanisation, period: "2024", value: 27.5, kind: "actual" }), 201);
    await s.as("ld-chuoi", "leader");
    await s.as("dm-chuoi", "focal_point");
    rolled = ok(await s.call("GET", `/api/plans/${ids.resolution}/evaluation?year=2024`));
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  for (const [width, height] of [[1366, 768], [390, 844]] as const) {
    it(`lets a leader follow 11-NQ/TW down to a department's plan at ${width}×${height}`, async () => {
      expect(rolled.documents.map((d) => d.symbol)).toEqual(["11-NQ/TW", "96/NQ-CP", "1059-QĐ/TU", "52-CTr/TU", "23/KH-UBND", "45/KH-SXD"]);
      const page = await openSignedIn(browser, s.url, "ld-chuoi", width, height, 20_000);
      await page.goto(`${s.url}/documents/${ids.resolution}`);
      const progress = page.locator(".chain-progress");
      await progress.waitFor();
      // The chain's own year is this year's; the figures asked for are 2024's, so the page's are read, not assumed.
      const shown = ok(await s.call("GET", `/api/plans/${ids.resolution}/evaluation?year=${new Date().getFullYear()}`));
      expect(await progress.locator('[data-task-state="overdue"] strong').innerText()).toBe(String(shown.taskCounts.overdue));
      expect(await progress.locator('[data-evaluation="off_track"] strong').innerText()).toBe(String(shown.indicatorCounts.off_track));
      await expect.poll(() => progress.locator("[data-chain-document]").count(), WAIT).toBe(6);
      expect(await sidewaysScroll(page)).toBe(0);
      await progress.screenshot({ path: `${SHOTS}/resolution-${width}.png` });

      // The chain's dashboard for 2024, then down: 23/KH-UBND, then the department's plan.
      await progress.getByRole("link", { name: "Mở bảng điều hành toàn chuỗi" }).click();
      await page.getByRole("heading", { name: "Văn bản trong chuỗi (6)" }).waitFor();
      await page.getByLabel("Năm", { exact: true }).fill("2024");
      await expect.poll(() => page.locator('.totals [data-task-state="overdue"] strong').first().innerText(), WAIT).toBe(String(rolled.taskCounts.overdue));
      expect(rolled.taskCounts.overdue).toBeGreaterThanOrEqual(1);
      await page.screenshot({ path: `${SHOTS}/dashboard-${width}.png` });
      await page.locator('[data-chain-document="23/KH-UBND"]').getByRole("button", { name: "Xem riêng" }).click();
      await page.getByRole("heading", { name: "Văn bản trong chuỗi (2)" }).waitFor();
      expect(new URL(page.url()).searchParams.get("plan")).toBe(String(ids.plan));
      await page.locator('[data-chain-document="45/KH-SXD"]').getByRole("button", { name: "Xem riêng" }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get("plan"), WAIT).toBe(String(ids.department));
      // The department's plan alone: its one task, overdue since 30/6/2024.
      await expect.poll(() => page.locator('.totals [data-task-state="overdue"] strong').first().innerText(), WAIT).toBe("1");
      expect(await sidewaysScroll(page)).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/department-${width}.png` });
      await page.close();
    }, 120_000);
  }

  it("lets the focal point link a department's indicator to the plan's it serves, and give the resolution targets restated below it", async () => {
    const page = await openSignedIn(browser, s.url, "dm-chuoi", 1366, 768, 20_000);
    await page.goto(`${s.url}/documents/${ids.department}`);
    const links = page.locator(".indicator-links");
    const row = links.locator(`[data-indicator="${ids.urbanisation}"]`);
    // Suggested twice: the plan's rate and the programme's it restates; the plan's is confirmed.
    await expect.poll(() => row.locator(".suggestion").count(), WAIT).toBe(2);
    await row.locator(".suggestion", { hasText: "23/KH-UBND" }).getByRole("button", { name: "Xác nhận" }).click();
    await expect.poll(() => row.locator(".suggestion").count(), WAIT).toBe(0);
    expect(await row.innerText()).toContain("23/KH-UBND");
    await links.screenshot({ path: `${SHOTS}/serves-1366.png` });

    await page.goto(`${s.url}/documents/${ids.resolution}`);
    const restate = page.locator("details.restate");
    await restate.locator("summary").click();
    await restate.getByLabel("Văn bản cấp dưới").selectOption({ label: "23/KH-UBND" });
    await restate.getByLabel(/Tỷ lệ che phủ rừng/).check();
    await restate.getByLabel(/Tỷ lệ đô thị hóa/).check();
    await restate.getByRole("button", { name: "Lấy 2 chỉ tiêu" }).click();
    await expect.poll(async () => (await s.call("GET", `/api/indicators?documentId=${ids.resolution}`)).body.total, WAIT).toBe(2);
    await expect.poll(() => page.locator(".indicator-links [data-indicator]").count(), WAIT).toBe(2);
    await page.screenshot({ path: `${SHOTS}/restated-1366.png`, fullPage: false });
    // The resolution's urbanisation rate is judged on the department's 27,5% through the plan's.
    const ev = ok(await s.call("GET", `/api/plans/${ids.resolution}/evaluation?year=2024`));
    const urban = ev.indicators.find((i: any) => i.documentId === ids.resolution && i.name === "Tỷ lệ đô thị hóa");
    expect(urban.values).toEqual([{ year: 2024, value: 27.5, kind: "actual" }]);
    await page.close();
  }, 120_000);
});
