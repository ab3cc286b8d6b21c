/**
 * Reports owed upward in Chromium: the sample province's request of 268-KH/BKTTW (the Standing Committee's
 * self-monitoring report on 11-NQ/TW, to the Central Economic Commission) is overdue on the dashboard; the
 * focal point records report 001 as sent from there (a date that does not exist refused at its field first),
 * and the item goes away, for the leaders too. On a phone (390 px) the list is cards, without sideways scroll,
 * and a yearly period is recorded from the page that manages them. Screenshots in /tmp/shots-upward/.
 */
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencies } from "../../src/agencies/schema.js";
import { axeViolations, haveBrowser, launchBrowser, sidewaysScroll, signInPage } from "../support/browser.js";
import { centralPlan } from "../support/central-plan.js";
import { startTestServer, upload, type Client, type TestServer } from "../support/server.js";

const SHOTS = "/tmp/shots-upward";

describe.skipIf(!haveBrowser)("reports owed upward in Chromium", () => {
  let s: TestServer;
  let browser: Browser;
  let leader: Client;
  let request: { id: number };
  let yearly: { id: number };
  let report001: number;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    s = await startTestServer({ samples: true });
    const finance = (await s.db.store.db.select({ id: agencies.id, code: agencies.code }).from(agencies)).find((a) => a.code === "so-tai-chinh")!.id;
    await s.as("dm-tren", "focal_point", [finance]);
    leader = await s.as("ld-tren", "leader");
    const items = (await leader.call("GET", "/api/upward-reports")).body.items;
    request = items.find((o: any) => o.requestedBy?.symbol === "268-KH/BKTTW");
    yearly = items.find((o: any) => o.subject?.symbol === "111-CTr/TU");
    // 001 (the self-monitoring report that answered 268-KH/BKTTW) has neither number nor date in the samples.
    report001 = (await leader.call("GET", "/api/documents?type=report&status=published&pageSize=200")).body.items.find((d: any) => d.title.startsWith("Về công tác triển khai thực hiện Nghị quyết số 11-NQ/TW")).id;
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  const open = async (width: number, height: number): Promise<Page> => {
    const page = await browser.newPage({ locale: "vi-VN", viewport: { width, height }, bypassCSP: true });
    page.setDefaultTimeout(10_000);
    await signInPage(page, s.url, "dm-tren");
    return page;
  };

  it("shows 268-KH/BKTTW's report overdue on the dashboard until the focal point records it as sent (1366×768)", async () => {
    expect(request).toMatchObject({ reporterName: "Ban Thường vụ Tỉnh ủy Lạng Sơn", recipientText: "Ban Kinh tế Trung ương", subject: { symbol: "11-NQ/TW" }, next: { state: "overdue" } });
    const page = await open(1366, 768);
    await page.goto(`${s.url}/dashboard`);
    const section = page.getByTestId("upward-due");
    const card = section.locator(`[data-obligation="${request.id}"][data-period="once"]`);
    await card.waitFor();
    expect(await card.innerText()).toMatch(/Quá hạn [\d.]+ ngày · Hạn gửi 30\/11\/2024/);
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/dashboard-overdue-1366.png` });

    await card.getByRole("button", { name: "Ghi nhận đã gửi" }).click();
    const form = card.getByRole("form");
    await form.getByLabel("Ngày gửi").fill("31/02/2024");
    await form.getByLabel("Số, ký hiệu báo cáo").fill("01-BC/TU");
    await form.getByLabel("Văn bản báo cáo trong hệ thống (không bắt buộc)").selectOption(String(report001));
    await form.getByRole("button", { name: "Ghi nhận đã gửi" }).click();
    await expect.poll(() => form.locator(".field-error").innerText()).toBe("Ngày không tồn tại (ví dụ 31/02)");
    await page.screenshot({ path: `${SHOTS}/send-error-1366.png` });
    expect(await axeViolations(page)).toEqual([]);

    await form.getByLabel("Ngày gửi").fill("25/11/2024");
    await form.getByRole("button", { name: "Ghi nhận đã gửi" }).click();
    await card.waitFor({ state: "detached" });
    await page.screenshot({ path: `${SHOTS}/dashboard-sent-1366.png` });
    const detail = (await leader.call("GET", `/api/upward-reports/${request.id}`)).body;
    expect(detail.occurrences).toEqual([expect.objectContaining({ state: "sent_on_time", send: expect.objectContaining({ symbol: "01-BC/TU", sentOn: "2024-11-25", documentId: report001 }) })]);
    expect((await leader.call("GET", "/api/upward-reports/due")).body.items.map((i: any) => i.obligationId)).not.toContain(request.id);
    await page.close();
  });

  it("lists the reports as cards on a phone and records a yearly period from there (390×844)", async () => {
    const page = await open(390, 844);
    await page.goto(`${s.url}/upward-reports`);
    const list = page.getByTestId("upward-list");
    const card = list.locator(`[data-obligation="${yearly.id}"]`);
    await card.waitFor();
    expect(await card.innerText()).toContain("Sở Tài chính");
    expect(await card.innerText()).toContain("Hằng năm (ngày 15 tháng cuối kỳ)");
    expect(await sidewaysScroll(page)).toBe(0);
    await page.screenshot({ path: `${SHOTS}/list-390.png`, fullPage: true });

    await card.getByRole("button", { name: "Các kỳ báo cáo" }).click();
    const period = card.locator('.occurrences [data-period="2024"]');
    await period.waitFor();
    expect(await period.innerText()).toContain("Quá hạn");
    await period.getByRole("button", { name: "Ghi nhận đã gửi" }).click();
    await period.getByLabel("Ngày gửi").fill("14/12/2024");
    await period.getByLabel("Số, ký hiệu báo cáo").fill("412/BC-STC");
    await period.getByRole("button", { name: "Ghi nhận đã gửi" }).click();
    await expect.poll(() => period.innerText()).toContain("Đã gửi đúng hạn");
    expect(await period.innerText()).toContain("Số 412/BC-STC, gửi ngày 14/12/2024");
    expect(await sidewaysScroll(page)).toBe(0);
    await period.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/periods-390.png` });
    // The 2024 period is gone from the due list at the top.
    await expect.poll(() => page.getByTestId("upward-due").locator(`[data-obligation="${yearly.id}"][data-period="2024"]`).count()).toBe(0);

    // A new obligation with a date that does not exist is refused at its field, in Vietnamese.
    await page.getByRole("button", { name: "Thêm báo cáo cấp trên" }).click();
    const form = page.getByRole("form", { name: "Thêm báo cáo cấp trên" });
    await form.getByLabel("Tên báo cáo").fill("Báo cáo sơ kết 3 năm thực hiện Nghị quyết 11-NQ/TW");
    await form.getByLabel("Cơ quan báo cáo").selectOption({ label: "Ban Thường vụ Tỉnh ủy Lạng Sơn" });
    await form.getByLabel("Cơ quan nhận (trong danh mục)").selectOption({ label: "Ban Kinh tế Trung ương" });
    await form.getByLabel("Hạn gửi (dd/mm/yyyy)").fill("31/04/2025");
    await form.getByRole("button", { name: "Lưu" }).click();
    await expect.poll(() => form.locator(".field-error").innerText()).toBe("Ngày không tồn tại (ví dụ 31/02)");
    expect(await sidewaysScroll(page)).toBe(0);
    await page.screenshot({ path: `${SHOTS}/form-error-390.png`, fullPage: true });
    await form.getByLabel("Hạn gửi (dd/mm/yyyy)").fill("30/04/2025");
    await form.getByRole("button", { name: "Lưu" }).click();
    await list.locator(".upward-card", { hasText: "Báo cáo sơ kết 3 năm" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("proposes in the import review the report a central plan asks for; the focal point confirms it and publishing records it (1366×768)", async () => {
    const imported = (await upload(s, "275-kh-bkttw.txt", centralPlan("275-KH/BKTTW", "Sơ kết việc thực hiện", "định kỳ hằng năm báo cáo kết quả thực hiện về Ban Kinh tế Trung ương trước ngày 15/01 năm sau."))).body;
    const page = await open(1366, 768);
    await page.goto(`${s.url}/imports/${imported.id}`);
    const proposals = page.getByTestId("upward-proposals");
    const card = proposals.locator('[data-proposal="0"]');
    await card.waitFor();
    expect(await card.innerText()).toContain("Hằng năm (ngày 15, 1 tháng sau tháng cuối kỳ)");
    await card.getByLabel("Ghi nhận nghĩa vụ báo cáo này khi công bố").check();
    await card.getByLabel("Cơ quan báo cáo", { exact: true }).selectOption({ label: "Ban Thường vụ Tỉnh ủy Lạng Sơn" });
    await card.getByLabel("Tên báo cáo").fill("Báo cáo kết quả thực hiện Nghị quyết 11-NQ/TW hằng năm");
    await proposals.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/import-review-1366.png` });
    // The task's lead (the same phrase) is mapped as any import's must be before publishing.
    await page.getByRole("tab", { name: /^Cơ quan/ }).click();
    await page.getByLabel(/^Cơ quan trong danh mục: Ban Thường vụ các tỉnh ủy/).selectOption({ label: "Ban Thường vụ Tỉnh ủy Lạng Sơn" });
    await page.getByRole("button", { name: "Lưu bản nháp" }).click();
    await page.getByRole("button", { name: "Công bố" }).click();
    const published = async () => (await leader.call("GET", "/api/upward-reports")).body.items.find((o: any) => o.requestedBy?.symbol === "275-KH/BKTTW");
    await expect.poll(published, { timeout: 15_000 }).toMatchObject({ title: "Báo cáo kết quả thực hiện Nghị quyết 11-NQ/TW hằng năm", frequency: "year", dueDay: 15, dueMonthOffset: 1, recipientText: "Ban Kinh tế Trung ương", subject: { symbol: "11-NQ/TW" } });
    await page.close();
  });
});
