/**
 * The leaders' dashboard in Chromium: the sample plan with the sample report's GRDP figures (7,17%
 * in 2023, an estimated 6,33% in 2024) is off track against 8 - 9% a year for 2021-2030; the
 * dashboard shows it as a light, a trend chart and a row with the rate still needed, and each
 * number leads to its items.
 */
import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencies } from "../../src/agencies/schema.js";
import { indicators } from "../../src/plans/schema.js";
import { haveBrowser, launchBrowser, signInPage } from "../support/browser.js";
import { startTestServer, type TestServer } from "../support/server.js";

describe.skipIf(!haveBrowser)("the dashboard in Chromium", () => {
  let s: TestServer;
  let browser: Browser;
  let page: Page;
  let planId: number;

  beforeAll(async () => {
    s = await startTestServer({ samples: true });
    const db = s.db.store.db;
    planId = (await s.call("GET", `/api/documents?q=${encodeURIComponent("23/KH-UBND")}`)).body.items.find((d: { symbol: string }) => d.symbol === "23/KH-UBND").id;
    const [grdp] = (await db.select().from(indicators).where(eq(indicators.documentId, planId))).filter((i) => i.name.includes("GRDP"));
    const [{ id: tc }] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, "so-tai-chinh"));
    const focal = await s.as("dm-dash", "focal_point", [tc]);
    await focal.call("POST", "/api/values", { indicatorId: grdp.id, period: "2023", value: 7.17, kind: "actual" });
    await focal.call("POST", "/api/values", { indicatorId: grdp.id, period: "2024", value: "6,33", kind: "estimate" });
    await s.as("ld-dash", "leader");
    browser = await launchBrowser();
    page = await browser.newPage({ locale: "vi-VN" });
    page.setDefaultTimeout(10_000);
    await signInPage(page, s.url, "ld-dash");
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it("shows the sample plan's GRDP off track, with its chart and the rate needed, and leads to the plan", async () => {
    await page.getByRole("link", { name: "Bảng điều hành" }).click();
    await page.getByRole("heading", { name: "Bảng điều hành" }).waitFor();
    await page.getByLabel("Năm", { exact: true }).fill("2024");
    await page.getByLabel("Phạm vi").selectOption({ label: "23/KH-UBND" });
    const offTrack = page.locator('[data-evaluation="off_track"]');
    await expect.poll(() => offTrack.locator("strong").innerText()).toBe("1");
    // The trend chart is drawn on a canvas, under its caption.
    const figure = page.locator("figure.trend", { hasText: "GRDP" });
    await figure.locator("canvas").waitFor();
    expect(await figure.locator("canvas").evaluate((c: HTMLCanvasElement) => c.width > 0 && c.height > 0)).toBe(true);
    // The light filters the table to its indicators.
    await offTrack.click();
    const rows = page.locator("table.indicators-table tr");
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain("các năm 2025 - 2030 cần đạt bình quân 8,83%/năm");
    expect(await rows.first().innerText()).toContain("8 - 9%/năm");
    // The task counts, by agency, lead to the agencies; the plan's link to the plan.
    expect(await page.locator("table.agencies-table tbody tr").count()).toBeGreaterThan(5);
    await rows.first().getByRole("link", { name: "23/KH-UBND" }).click();
    await expect.poll(() => page.url()).toContain(`/documents/${planId}`);
  });
});
