/**
 * Editing what is published, from the browser, as the focal point, on the sample plan 23/KH-UBND: the
 * document's issuer picked from the registry, a task's text and the agencies under its collective phrase,
 * an indicator's target, a task marked completed with a reason (which the evaluation then counts), and a
 * phrase shown with its count and expanded. Each write lands in the audit trail under the user.
 * With EDIT_SCREENSHOTS=DIR, the screens are also written there at 1366×768 and 390×844.
 */
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, haveBrowser, launchBrowser, sidewaysScroll, signInPage } from "../support/browser.js";
import { startTestServer, type TestServer } from "../support/server.js";

const SHOTS = process.env.EDIT_SCREENSHOTS;

describe.skipIf(!haveBrowser)("editing a published plan in Chromium", () => {
  let s: TestServer;
  let browser: Browser;
  let page: Page;
  let plan: { id: number; version: number };
  let issuer: { id: number; name: string };
  let task: any;

  /** The screen as it stands, at both sizes, when asked for. */
  async function shot(name: string, locator?: string) {
    if (!SHOTS) return;
    mkdirSync(SHOTS, { recursive: true });
    for (const size of [{ width: 1366, height: 768 }, { width: 390, height: 844 }]) {
      await page.setViewportSize(size);
      if (locator) await page.locator(locator).first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/${name}-${size.width}.png` });
    }
    await page.setViewportSize({ width: 1366, height: 768 });
  }

  beforeAll(async () => {
    s = await startTestServer({ samples: true });
    browser = await launchBrowser();
    plan = (await s.call("GET", "/api/documents?q=23%2FKH-UBND")).body.items[0];
    const finance = (await s.call("GET", `/api/agencies?q=${encodeURIComponent("Sở Tài chính")}`)).body.items[0];
    // Another issuer than the one the sample gives it: the People's Council, or any body of the registry.
    const current = (await s.call("GET", `/api/documents/${plan.id}`)).body.issuerId;
    const registry = (await s.call("GET", "/api/agencies?pageSize=500")).body.items.filter((a: { id: number }) => a.id !== current);
    issuer = registry.find((a: { kind: string }) => a.kind === "council") ?? registry[0];
    const tasks = (await s.call("GET", `/api/tasks?documentId=${plan.id}&pageSize=500`)).body.items;
    // A task whose partners a collective phrase brought in.
    task = tasks.find((t: any) => t.coordinating.filter((a: any) => a.via).length > 3);
    await s.as("dm-sua", "focal_point", [finance.id]);
    page = await browser.newPage({ locale: "vi-VN", viewport: { width: 1366, height: 768 }, bypassCSP: true });
    await signInPage(page, s.url, "dm-sua");
    await page.goto(`${s.url}/documents/${plan.id}`);
    await page.locator(`#task-${task.id}`).waitFor();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it("shows a collective phrase with its count, and expands it to its agencies", async () => {
    expect(task, "a task of 23/KH-UBND with partners from a phrase").toBeTruthy();
    const via = task.coordinating.find((a: any) => a.via).via as string;
    const members = task.coordinating.filter((a: any) => a.via === via);
    const item = page.locator(`#task-${task.id}`);
    const phrase = item.locator("details.phrase", { hasText: via });
    expect(await phrase.locator("summary").innerText()).toBe(`${via} (${members.length})`);
    // Folded, the names are not shown: the item stays a few lines long.
    expect(await phrase.locator(".phrase-members").isVisible()).toBe(false);
    await phrase.locator("summary").click();
    await expect.poll(() => phrase.locator(".phrase-members").innerText()).toContain(members[0].name);
    await shot("phrase-expanded", `#task-${task.id}`);
  });

  it("changes the document's issuer, picked from the registry, and its signer", async () => {
    await page.getByRole("button", { name: "Sửa thông tin văn bản" }).click();
    const form = page.getByRole("form", { name: "Sửa thông tin văn bản" });
    await form.getByRole("combobox", { name: "Cơ quan ban hành (trong danh mục)" }).selectOption(String(issuer.id));
    await form.getByLabel("Người ký").fill("Đoàn Thu Hà");
    await shot("document-meta-form", "form.edit-form");
    await form.getByRole("button", { name: "Lưu thay đổi" }).click();
    await expect.poll(() => page.locator("dl.meta").innerText()).toContain("Đoàn Thu Hà");
    expect(await page.locator("dl.meta").innerText()).toContain(issuer.name);
    const doc = (await s.call("GET", `/api/documents/${plan.id}`)).body;
    expect(doc).toMatchObject({ issuerId: issuer.id, signer: "Đoàn Thu Hà" });
    const [event] = (await s.call("GET", `/api/audit?table=documents&rowKey=${plan.id}`)).body.items;
    expect(event).toMatchObject({ actorName: "dm-sua", after: { issuer_id: issuer.id } });
  });

  it("edits a task: its text, its section, and an agency taken out of its phrase", async () => {
    const via = task.coordinating.find((a: any) => a.via).via as string;
    const members = task.coordinating.filter((a: any) => a.via === via);
    const dropped = members[members.length - 1];
    const item = page.locator(`#task-${task.id}`);
    await item.getByRole("button", { name: "Sửa nhiệm vụ" }).click();
    const form = item.getByRole("form", { name: "Sửa nhiệm vụ" });
    await form.getByLabel("Mục").fill("9.9");
    await form.getByLabel("Nội dung nhiệm vụ").fill(`${task.text} (đã rà soát)`);
    const phrase = form.locator("details.phrase-edit", { hasText: via });
    expect(await phrase.locator("summary").innerText()).toBe(`${via} (${members.length})`);
    await phrase.locator("summary").click();
    await phrase.getByRole("button", { name: `Bỏ ${dropped.name}` }).click();
    expect(await phrase.locator("summary").innerText()).toBe(`${via} (${members.length - 1})`);
    await shot("task-form", `#task-${task.id} form`);
    await form.getByRole("button", { name: "Lưu thay đổi" }).click();
    await expect.poll(() => item.locator("details.phrase summary").first().innerText()).toBe(`${via} (${members.length - 1})`);
    expect(await item.innerText()).toContain("(đã rà soát)");
    expect(await item.locator("strong").first().innerText()).toBe("9.9");
    const saved = (await s.call("GET", `/api/tasks/${task.id}`)).body;
    expect(saved.coordinating.map((a: any) => a.id)).not.toContain(dropped.id);
    expect(saved.coordinating.filter((a: any) => a.via === via)).toHaveLength(members.length - 1);
    task = saved;
  });

  it("changes an indicator's target, typed the Vietnamese way", async () => {
    const indicator = (await s.call("GET", `/api/indicators?documentId=${plan.id}&pageSize=500`)).body.items[0];
    const row = page.locator(`#indicator-${indicator.id}`);
    await row.getByRole("button", { name: `Sửa chỉ tiêu: ${indicator.name}` }).click();
    const form = page.getByRole("form", { name: `Sửa chỉ tiêu: ${indicator.name}` });
    await form.getByLabel("So sánh").selectOption("range");
    await form.getByLabel("Giá trị (hoặc từ)").fill("66,5");
    await form.getByLabel("Đến", { exact: false }).and(page.locator("input")).fill("1.067");
    await form.getByRole("textbox", { name: "Năm" }).fill("2030");
    await shot("indicator-form", `#indicator-${indicator.id}`);
    await form.getByRole("button", { name: "Lưu thay đổi" }).click();
    await expect.poll(() => row.locator("td").nth(2).innerText()).toContain("66,5 - 1.067");
    expect((await s.call("GET", `/api/indicators/${indicator.id}`)).body).toMatchObject({ comparator: "range", min: 66.5, max: 1067, targetYear: 2030 });
  });

  it("shows why an indicator's target is refused, and keeps what was typed", async () => {
    const indicator = (await s.call("GET", `/api/indicators?documentId=${plan.id}&pageSize=500`)).body.items[1];
    const row = page.locator(`#indicator-${indicator.id}`);
    await row.getByRole("button", { name: `Sửa chỉ tiêu: ${indicator.name}` }).click();
    const form = page.getByRole("form", { name: `Sửa chỉ tiêu: ${indicator.name}` });
    await form.getByLabel("So sánh").selectOption("range");
    await form.getByLabel("Giá trị (hoặc từ)").fill("90");
    await form.getByLabel("Đến", { exact: false }).and(page.locator("input")).fill("80");
    await form.getByRole("button", { name: "Lưu thay đổi" }).click();
    await expect.poll(() => form.getByRole("alert").innerText()).toContain("Giá trị tối thiểu lớn hơn giá trị tối đa");
    expect(await form.getByLabel("Đến", { exact: false }).and(page.locator("input")).inputValue()).toBe("80");
    expect((await s.call("GET", `/api/indicators/${indicator.id}`)).body.version).toBe(indicator.version);
    await form.getByRole("button", { name: "Thôi" }).click();
  });

  it("marks a task completed with a reason: the list says who set it, and the evaluation counts it", async () => {
    const item = page.locator(`#task-${task.id}`);
    await item.getByRole("button", { name: "Cập nhật tình trạng" }).click();
    const form = item.getByRole("form", { name: "Cập nhật tình trạng" });
    expect(await form.getByLabel("Tình trạng (do cơ quan đầu mối xác định)").inputValue()).toBe("completed");
    // Without a reason the browser asks for one before anything is sent.
    await form.getByLabel("Ngày hoàn thành hoặc huỷ bỏ").fill("15/11/2026");
    await form.getByLabel("Lý do, căn cứ").fill("Đã ban hành Quyết định 2150/QĐ-UBND");
    await form.getByLabel(/Minh chứng/).fill("https://langson.gov.vn/qd-2150.pdf");
    await shot("status-form", `#task-${task.id} form`);
    await form.getByRole("button", { name: "Lưu thay đổi" }).click();
    const note = item.locator("[data-testid=task-status]");
    await expect.poll(() => note.innerText()).toContain("Đã hoàn thành từ ngày 15/11/2026: Đã ban hành Quyết định 2150/QĐ-UBND");
    expect(await note.innerText()).toContain("dm-sua cập nhật ngày");
    await shot("status-shown", `#task-${task.id}`);
    const evaluation = (await s.call("GET", `/api/plans/${plan.id}/evaluation?year=2026`)).body;
    expect(evaluation.tasks.find((t: any) => t.id === task.id)).toMatchObject({ setByFocalPoint: true, state: expect.stringMatching(/^completed_/) });
    const [event] = (await s.call("GET", `/api/audit?table=tasks&rowKey=${task.id}`)).body.items;
    expect(event).toMatchObject({ actorName: "dm-sua", after: { status: "completed", status_reason: "Đã ban hành Quyết định 2150/QĐ-UBND" } });
  });

  it("passes axe-core (WCAG 2.1 A/AA) with the editors open, at 1366×768 and 390×844, without scrolling sideways", async () => {
    const indicator = (await s.call("GET", `/api/indicators?documentId=${plan.id}&pageSize=500`)).body.items[2];
    await page.getByRole("button", { name: "Sửa thông tin văn bản" }).click();
    const item = page.locator(`#task-${task.id}`);
    await item.getByRole("button", { name: "Sửa nhiệm vụ" }).click();
    await item.locator("details.phrase-edit summary").first().click();
    await page.locator(`#indicator-${indicator.id}`).getByRole("button", { name: `Sửa chỉ tiêu: ${indicator.name}` }).click();
    await page.locator("details.phrase summary").first().click();
    for (const size of [{ width: 1366, height: 768 }, { width: 390, height: 844 }]) {
      await page.setViewportSize(size);
      const violations = await axeViolations(page);
      expect(violations, `${size.width}px`).toEqual([]);
      expect(await sidewaysScroll(page), `${size.width}px`).toBe(0);
    }
  });
});
