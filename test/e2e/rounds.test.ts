/**
 * The focal point's round controls and review in real Chromium, one step per control: preview per agency
 * before opening, change the due date (a bad one refused, said in Vietnamese), extend for one agency,
 * add and remove an agency, remind now (once per agency and day), ask for the actual figure replacing an
 * estimate, per-item return comments the reporter sees at each item, bulk accept, the focal point kept from
 * reviewing its own agency's report until an administrator allows it, close and reopen. Screenshots of the
 * round's page at 1366x768 and 390x844 go to SCREENSHOTS_DIR when it is set.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencies } from "../../src/agencies/schema.js";
import { documents } from "../../src/documents/schema.js";
import { indicators, indicatorValues } from "../../src/plans/schema.js";
import { rounds } from "../../src/reporting/schema.js";
import { haveBrowser, launchBrowser, signInPage } from "../support/browser.js";
import { startTestServer, type TestServer } from "../support/server.js";
import { projectsAnswered } from "../support/reports.js";

describe.skipIf(!haveBrowser)("round controls and review in Chromium", () => {
  let s: TestServer;
  let browser: Browser;
  let focal: Page, reporter: Page, admin: Page;
  let roundId: number, xd: number, tc: number, planId: number;

  beforeAll(async () => {
    s = await startTestServer({ samples: true });
    const db = s.db.store.db;
    [{ id: xd }] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, "so-xay-dung"));
    [{ id: tc }] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, "so-tai-chinh"));
    [{ id: planId }] = await db.select({ id: documents.id }).from(documents).where(eq(documents.symbol, "23/KH-UBND"));
    // The sample province's own round is closed: this file's round is the only open one.
    await db.update(rounds).set({ status: "closed" });
    await s.as("bc-xd-rounds", "reporter", [xd]);
    await s.as("dm-rounds", "focal_point", [tc]);
    browser = await launchBrowser();
    const page = async (user: string) => {
      const p = await (await browser.newContext({ locale: "vi-VN", viewport: { width: 1366, height: 768 } })).newPage();
      p.on("dialog", (d) => void d.accept());
      await signInPage(p, s.url, user);
      return p;
    };
    focal = await page("dm-rounds");
    reporter = await page("bc-xd-rounds");
    admin = await page("quantri");
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  const row = (page: Page, agencyId: number) => page.locator(`tr[data-agency="${agencyId}"]`);
  const alert = (page: Page) => page.locator("p.error[role=alert]");
  const notice = (page: Page) => page.locator("p.notice[role=status]");
  /** Fills and sends an agency's report through the API (as the administrator, who may enter any agency's report). */
  async function send(agencyId: number) {
    const form = (await s.call("GET", `/api/rounds/${roundId}/reports/${agencyId}`)).body;
    const saved = await s.call("PUT", `/api/rounds/${roundId}/reports/${agencyId}`, {
      version: form.submission?.version ?? 0,
      tasks: form.tasks.map((t: { id: number }) => ({ taskId: t.id, status: "in_progress", progress: 50, narrative: "Đang làm" })),
      indicators: form.indicators.map((i: { id: number }) => ({ indicatorId: i.id, explanation: "Chưa có số liệu" })),
      projects: projectsAnswered(form),
      actuals: form.actuals.map((a: { indicatorId: number; year: number }) => ({ indicatorId: a.indicatorId, year: a.year, explanation: "Chưa có" })),
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect((await s.call("POST", `/api/rounds/${roundId}/reports/${agencyId}/submit`, { version: saved.body.submission.version })).status).toBe(200);
  }

  it("previews per agency what it will owe, then opens the round", async () => {
    await focal.goto(`${s.url}/rounds`);
    await focal.getByRole("checkbox", { name: /^23\/KH-UBND/ }).check();
    await focal.getByLabel("Năm", { exact: true }).fill("2026");
    await focal.getByRole("button", { name: "Xem trước" }).click();
    const xdPreview = focal.locator(`[data-testid=preview-agencies] details[data-agency="${xd}"]`);
    await xdPreview.locator("summary").click();
    await expect.poll(() => xdPreview.innerText()).toMatch(/III\.2\.4 Tập trung phát triển/);
    expect(await xdPreview.locator("summary").innerText()).toMatch(/^Sở Xây dựng — \d+ nhiệm vụ, \d+ chỉ tiêu$/);
    await shoot(focal, "rounds-preview");
    const takes = focal.getByRole("checkbox", { name: /nhận/ });
    if (await takes.count()) await takes.check();
    await focal.getByRole("button", { name: "Mở đợt báo cáo" }).click();
    await focal.waitForURL(/\/rounds\/\d+$/);
    roundId = Number(focal.url().split("/").pop());
    await focal.getByRole("heading", { name: "Điều chỉnh đợt báo cáo" }).waitFor();
  });

  it("changes the due date, refusing one before the data window with a clear message", async () => {
    const due = focal.getByLabel("Hạn gửi mới (dd/mm/yyyy)");
    await due.fill("01/01/2020");
    await focal.getByRole("button", { name: "Đổi hạn gửi" }).click();
    await expect.poll(() => alert(focal).innerText()).toContain("Hạn báo cáo không thể trước ngày bắt đầu kỳ số liệu");
    await due.fill("31/12/2026");
    await focal.getByRole("button", { name: "Đổi hạn gửi" }).click();
    await expect.poll(() => focal.locator("h1 + p").innerText()).toContain("Hạn gửi: 31/12/2026");
  });

  it("extends the due date for one agency", async () => {
    await row(focal, xd).getByRole("button", { name: "Gia hạn cho Sở Xây dựng" }).click();
    await row(focal, xd).getByLabel(/Hạn riêng cho Sở Xây dựng/).fill("15/01/2027");
    await row(focal, xd).getByRole("button", { name: "Lưu hạn" }).click();
    await expect.poll(() => row(focal, xd).innerText()).toContain("hạn riêng 15/01/2027");
    await reporter.goto(`${s.url}/inbox`);
    await expect.poll(() => reporter.locator(".inbox-item", { hasText: "23/KH-UBND năm 2026" }).first().innerText()).toContain("15/01/2027");
  });

  it("adds an agency, then removes it", async () => {
    const select = focal.getByLabel("Thêm cơ quan phải báo cáo");
    await expect.poll(() => select.locator("option").count()).toBeGreaterThan(1);
    const option = select.locator("option").nth(1);
    const [value, name] = [await option.getAttribute("value"), (await option.innerText()).trim()];
    await select.selectOption(value!);
    await focal.getByRole("button", { name: "Thêm", exact: true }).click();
    await row(focal, Number(value)).waitFor();
    expect(await row(focal, Number(value)).innerText()).toContain("Chưa bắt đầu");
    await row(focal, Number(value)).getByRole("button", { name: `Bỏ khỏi đợt: ${name}` }).click();
    await expect.poll(() => row(focal, Number(value)).count()).toBe(0);
  });

  it("reminds one agency now, then all still owing, once per agency and day", async () => {
    await row(focal, xd).getByRole("button", { name: "Nhắc Sở Xây dựng" }).click();
    await expect.poll(() => notice(focal).innerText()).toBe("Đã nhắc 1 cơ quan.");
    await focal.getByRole("button", { name: "Nhắc ngay các cơ quan chưa gửi" }).click();
    await expect.poll(() => notice(focal).innerText()).toMatch(/^Đã nhắc \d+ cơ quan; 1 cơ quan đã được nhắc hôm nay nên không nhắc lại\.$/);
    await expect.poll(() => focal.locator(".reminders li", { hasText: "Sở Xây dựng" }).innerText()).toContain("nhắc ngay");
    await reporter.goto(`${s.url}/notifications`);
    await expect.poll(() => reporter.locator("main").innerText()).toContain("Nhắc báo cáo");
    expect(await reporter.locator("main").innerText()).toContain("15/01/2027");
  });

  it("asks the owner for the actual figure replacing last year's estimate; the form shows it", async () => {
    const db = s.db.store.db;
    const expected: number[] = (await s.call("GET", `/api/rounds/${roundId}`)).body.round.reporterIds;
    const [ind] = await db.select().from(indicators).where(and(eq(indicators.documentId, planId), inArray(indicators.ownerId, expected))).orderBy(asc(indicators.id)).limit(1);
    expect(ind).toBeDefined();
    const owner = ind.ownerId!;
    await db.insert(indicatorValues).values({ indicatorId: ind.id, period: "2025", periodYear: 2025, value: 88, kind: "estimate", sourceDocumentId: planId });
    // Written straight into the database (as another instance or a command would): the board shows it within a second.
    const line = focal.locator(`li[data-estimate="${ind.id}-2025"]`);
    await expect.poll(async () => { await focal.reload(); return line.count(); }, { timeout: 10_000 }).toBe(1);
    await line.getByRole("button", { name: "Hỏi số thực hiện" }).click();
    await expect.poll(() => line.innerText()).toContain("Đã hỏi");
    // The owner's report form (the focal point enters it here, as for a report sent on paper).
    await focal.goto(`${s.url}/rounds/${roundId}/reports/${owner}`);
    const actual = focal.locator(`[data-actual="${ind.id}-2025"]`);
    await expect.poll(() => actual.innerText()).toContain("số ước đã báo cáo: 88");
    await actual.getByLabel(/Số thực hiện năm 2025/).fill("91,5");
    await expect.poll(async () => (await s.call("GET", `/api/rounds/${roundId}/reports/${owner}`)).body.actuals[0].report?.value, { timeout: 10_000 }).toBe(91.5);
  });

  it("returns a report with a comment on one task, which the reporter sees at that task", async () => {
    await send(xd);
    await focal.goto(`${s.url}/rounds/${roundId}/reports/${xd}`);
    const first = focal.locator(".report-task").first();
    await first.getByLabel("Ý kiến về mục này (khi trả lại)").fill("Nêu rõ số km đường đã làm");
    await focal.getByRole("button", { name: "Trả lại để hoàn thiện" }).click();
    await expect.poll(() => focal.locator(".tag.status-returned").first().innerText()).toBe("Bị trả lại, cần hoàn thiện");
    await reporter.goto(`${s.url}/rounds/${roundId}/reports/${xd}`);
    await expect.poll(() => reporter.locator(".report-task").first().locator(".item-comment").innerText()).toBe("Ý kiến của đầu mối: Nêu rõ số km đường đã làm");
    expect(await reporter.locator(".item-comment").count()).toBe(1);
    await shoot(reporter, "report-item-comment", ".item-comment");
  });

  it("accepts several sent reports at once from the board", async () => {
    const board = (await s.call("GET", `/api/rounds/${roundId}`)).body;
    const [a, b] = board.rows.filter((r: { status: string; agencyId: number }) => r.status === "missing" && r.agencyId !== tc).map((r: { agencyId: number }) => r.agencyId);
    await send(a);
    await send(b);
    await focal.goto(`${s.url}/rounds/${roundId}`);
    for (const id of [a, b]) await row(focal, id).getByRole("checkbox").check();
    await focal.getByRole("button", { name: "Tiếp nhận 2 báo cáo đã chọn" }).click();
    await expect.poll(() => notice(focal).innerText()).toBe("Đã tiếp nhận 2 báo cáo.");
    for (const id of [a, b]) await expect.poll(() => row(focal, id).locator(".tag").innerText()).toBe("Đã tiếp nhận");
  });

  it("keeps the focal point from reviewing its own agency's report until an administrator allows it in the round", async () => {
    await send(tc);
    await focal.goto(`${s.url}/rounds/${roundId}/reports/${tc}`);
    await expect.poll(() => focal.getByTestId("self-review").innerText()).toContain("do người khác xem xét");
    expect(await focal.getByRole("button", { name: "Tiếp nhận" }).count()).toBe(0);
    await admin.goto(`${s.url}/rounds/${roundId}`);
    await admin.getByLabel(/Cho phép đầu mối xem xét báo cáo của chính cơ quan mình/).click();
    await expect.poll(async () => (await s.call("GET", `/api/rounds/${roundId}`)).body.round.selfReviewAllowed).toBe(true);
    await focal.reload();
    await focal.getByRole("button", { name: "Tiếp nhận" }).click();
    await expect.poll(() => focal.locator(".tag.status-accepted").first().innerText()).toBe("Đã tiếp nhận");
  });

  it("closes the round (reporters can no longer write) and reopens it", async () => {
    await focal.goto(`${s.url}/rounds/${roundId}`);
    await focal.getByRole("button", { name: "Đóng đợt" }).click();
    await expect.poll(() => focal.getByTestId("closed-note").innerText()).toContain("Đợt đã đóng");
    expect(await focal.getByRole("button", { name: "Nhắc ngay các cơ quan chưa gửi" }).count()).toBe(0);
    await reporter.goto(`${s.url}/rounds/${roundId}/reports/${xd}`);
    await reporter.getByText("Báo cáo chỉ để xem.").waitFor();
    await shoot(focal, "round-closed");
    await focal.getByRole("button", { name: "Mở lại đợt" }).click();
    await focal.getByRole("button", { name: "Nhắc ngay các cơ quan chưa gửi" }).waitFor();
    await reporter.reload();
    await reporter.getByRole("button", { name: "Gửi báo cáo" }).waitFor();
    await shoot(focal, "round-open");
  });
});

/** A screenshot at both sizes, when SCREENSHOTS_DIR is set (to look at the screens; not a check). */
async function shoot(page: Page, name: string, focus = "table.board") {
  const dir = process.env.SCREENSHOTS_DIR;
  if (!dir) return;
  for (const [w, h] of [[1366, 768], [390, 844]]) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `${dir}/${name}-${w}.png`, fullPage: true });
    // The screen as one sees it, at the top and at the board.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${dir}/${name}-${w}-top.png` });
    const part = page.locator(focus).first();
    if (await part.count()) {
      await part.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${dir}/${name}-${w}-part.png` });
    }
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}
