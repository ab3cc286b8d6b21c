/**
 * Amendments in Chromium (issue 15): the focal point reviews a plan amending 23/KH-UBND (the plan it amends and
 * the target or task each change applies to, proposed), publishes it; the department that owns a plan under
 * 23/KH-UBND finds the notification, opens its plan and sees the flag with what changed; 23/KH-UBND's page shows
 * the history of its changed target and tasks; the focal point marks the flag reviewed. At 1366×768 and 390×844,
 * screenshots in /tmp/shots-amend.
 */
import { mkdirSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { amendmentPlanText } from "../support/amendment-plan.js";
import { departmentPlanText } from "../support/department-plan.js";
import { axeViolations, haveBrowser, launchBrowser, openSignedIn, sidewaysScroll } from "../support/browser.js";
import { startTestServer, upload, type Client, type TestServer } from "../support/server.js";

const SHOTS = "/tmp/shots-amend";
const WAIT = { timeout: 15_000 };
const ok = <T = any>(res: { status: number; body: T }, status = 200): T => {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
};

describe.skipIf(!haveBrowser)("amendments in Chromium", () => {
  let s: TestServer;
  let browser: Browser;
  let focal: Client;
  const ids = { plan: 0, child: 0 };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    s = await startTestServer({ samples: true });
    const building = (await s.call("GET", "/api/agencies?q=so%20xay%20dung")).body.items[0].id;
    focal = await s.as("dm-sua", "focal_point");
    await s.as("xd-sua", "reporter", [building]);
    ids.plan = (await s.call("GET", `/api/documents?q=${encodeURIComponent("23/KH-UBND")}`)).body.items.find((d: { symbol: string }) => d.symbol === "23/KH-UBND").id;
    // The construction department's plan under 23/KH-UBND, through the import pipeline.
    const review = ok(await upload(s, "ke-hoach-sxd.txt", Buffer.from(departmentPlanText("Sở Xây dựng", "31/KH-SXD", 10, 3)), "vi", focal), 201);
    ids.child = ok(await focal.call("POST", `/api/imports/${review.id}/publish`, { version: review.version })).documentId;
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  for (const [width, height, symbol, inForce] of [[1366, 768, "45/KH-UBND", "01/7/2025"], [390, 844, "46/KH-UBND", "01/10/2025"]] as const) {
    it(`reviews and publishes an amendment, flags the plan below and keeps the history at ${width}×${height}`, async () => {
      // The focal point reviews the amendment: the plan it amends, and each change's item, proposed.
      const uploaded = ok(await upload(s, `${symbol.replace("/", "-")}.txt`, Buffer.from(amendmentPlanText(symbol, inForce)), "vi", focal), 201);
      const page = await openSignedIn(browser, s.url, "dm-sua", width, height, 20_000);
      await page.goto(`${s.url}/imports/${uploaded.id}`);
      const panel = page.getByTestId("review-amendment");
      await panel.waitFor();
      expect(await panel.getByRole("heading").innerText()).toBe("Sửa đổi 23/KH-UBND");
      expect(await panel.getByLabel("Có hiệu lực từ ngày").inputValue()).toBe(inForce.replace(/^(\d\d)\/(\d)\//, "$1/0$2/"));
      expect(await panel.locator("select").first().locator("option:checked").innerText()).toMatch(/^Chỉ tiêu: Tỷ lệ che phủ rừng/);
      expect(await sidewaysScroll(page)).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await panel.screenshot({ path: `${SHOTS}/review-${width}.png` });
      await page.getByRole("button", { name: "Công bố" }).click();
      await expect.poll(async () => ok(await focal.call("GET", `/api/imports/${uploaded.id}`)).status, WAIT).toBe("published");
      await page.close();

      // The department's reporter: the notification, to its plan, where the flag says what changed.
      const owner = await openSignedIn(browser, s.url, "xd-sua", width, height, 20_000);
      await owner.goto(`${s.url}/notifications`);
      const note = owner.getByRole("link", { name: new RegExp(`^31/KH-SXD: cần rà soát .* theo ${symbol}`) });
      await note.first().waitFor();
      await owner.screenshot({ path: `${SHOTS}/notifications-${width}.png` });
      await note.first().click();
      const flags = owner.getByTestId("document-flags");
      await flags.waitFor();
      expect(await flags.innerText()).toContain("thành \"Tỷ lệ che phủ rừng đạt 65%\"");
      // Reporters read it; the focal point marks it reviewed.
      expect(await flags.getByRole("button").count()).toBe(0);
      expect(await sidewaysScroll(owner)).toBe(0);
      expect(await axeViolations(owner)).toEqual([]);
      await flags.screenshot({ path: `${SHOTS}/flags-${width}.png` });
      await owner.close();

      // 23/KH-UBND's history: the original target and each version, the one in force now marked.
      const plan = await openSignedIn(browser, s.url, "dm-sua", width, height, 20_000);
      await plan.goto(`${s.url}/documents/${ids.plan}`);
      const history = plan.getByTestId("version-history");
      await history.waitFor();
      const text = await history.innerText();
      expect(text).toContain("Ban đầu: 67 %");
      expect(text).toMatch(new RegExp(`Từ ${inForce.replace(/^(\d\d)\/(\d)\//, "$1/0$2/")}: 65 %`));
      expect(text).toContain("Bãi bỏ");
      await history.scrollIntoViewIfNeeded();
      expect(await sidewaysScroll(plan)).toBe(0);
      expect(await axeViolations(plan)).toEqual([]);
      await history.screenshot({ path: `${SHOTS}/history-${width}.png` });

      // A target in force from a later day, by hand: an impossible day is refused at its field, then the version is added.
      const year = width > 500 ? 2028 : 2029;
      await history.getByText("Thêm phiên bản có hiệu lực từ một ngày").click();
      const form = history.getByTestId("target-version-form");
      await form.getByLabel("Chỉ tiêu", { exact: true }).selectOption({ label: "Tỷ lệ che phủ rừng" });
      await form.getByLabel("Có hiệu lực từ ngày (dd/mm/yyyy)").fill(`31/02/${year}`);
      await form.getByLabel("So sánh").selectOption(">=");
      await form.getByLabel("Giá trị (tối thiểu)").fill("66,5");
      await form.getByRole("button", { name: "Thêm phiên bản" }).click();
      await expect.poll(() => form.locator("#tv-day-problem").innerText(), WAIT).toMatch(/Ngày không tồn tại/);
      expect(await sidewaysScroll(plan)).toBe(0);
      expect(await axeViolations(plan)).toEqual([]);
      await form.screenshot({ path: `${SHOTS}/version-form-${width}.png` });
      await form.getByLabel("Có hiệu lực từ ngày (dd/mm/yyyy)").fill(`01/01/${year}`);
      await form.getByRole("button", { name: "Thêm phiên bản" }).click();
      await expect.poll(() => history.innerText(), WAIT).toContain(`Từ 01/01/${year}: ≥ 66,5 %`);

      await plan.goto(`${s.url}/documents/${ids.child}`);
      const open = plan.getByTestId("document-flags");
      await open.waitFor();
      await open.getByRole("button", { name: `Đánh dấu đã rà soát thay đổi theo ${symbol}` }).click();
      await expect.poll(async () => ok(await focal.call("GET", `/api/documents/${ids.child}/flags`)).length, WAIT).toBe(0);
      await expect.poll(() => plan.getByTestId("document-flags").count(), WAIT).toBe(0);
      await plan.close();
    }, 120_000);
  }
});
