/**
 * A reporting round in real Chromium, as the "done when" tells it: a department's reporter
 * fills and sends its report; the focal point returns it with a comment; the reporter fixes and
 * sends it again; the focal point accepts it; the board's counts and shares follow; and the
 * reporter cannot open another department's report, by link or by typing its address.
 */
import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencies } from "../../src/agencies/schema.js";
import { roundPlans, rounds } from "../../src/reporting/schema.js";
import { haveBrowser, launchBrowser, signInPage } from "../support/browser.js";
import { startTestServer, type TestServer } from "../support/server.js";


describe.skipIf(!haveBrowser)("a reporting round in Chromium", () => {
  let s: TestServer;
  let browser: Browser;
  let reporter: Page, focal: Page;
  let roundId: number, xd: number, tc: number;

  beforeAll(async () => {
    s = await startTestServer({ samples: true });
    const db = s.db.store.db;
    [{ id: roundId }] = await db.select({ id: rounds.id }).from(rounds);
    [{ id: xd }] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, "so-xay-dung"));
    [{ id: tc }] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, "so-tai-chinh"));
    await s.as("bc-xaydung", "reporter", [xd]);
    await s.as("dm-taichinh", "focal_point", [tc]);
    browser = await launchBrowser();
    reporter = await (await browser.newContext({ locale: "vi-VN" })).newPage();
    focal = await (await browser.newContext({ locale: "vi-VN" })).newPage();
    await signInPage(reporter, s.url, "bc-xaydung");
    await signInPage(focal, s.url, "dm-taichinh");
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  const total = (page: Page, key: string) => page.locator(`[data-total="${key}"]`).innerText();
  const saved = (page: Page) => expect.poll(() => page.locator(".save-state[role=status]").innerText(), { timeout: 10_000 }).toContain("Đã lưu tự động");

  it("walks a report from draft to accepted, and the board follows", async () => {
    // The reporter's inbox: the round, its due date and the countdown.
    await reporter.getByRole("link", { name: "Việc cần báo cáo" }).click();
    const item = reporter.locator(".inbox-item", { hasText: "23/KH-UBND năm 2026" });
    await expect.poll(() => item.innerText()).toContain("15/12/2026");
    expect(await item.innerText()).toMatch(/còn \d+ ngày|hạn hôm nay|quá hạn \d+ ngày/);
    await item.getByRole("link", { name: "Mở báo cáo" }).click();
    await reporter.getByRole("heading", { name: "Báo cáo của Sở Xây dựng" }).waitFor();

    // Tasks show their full number ("2.4" under part III is III.2.4) and start with a capital, though cut from their lead clause.
    // (Sở Xây dựng is a partner of no task by name: where "các sở, ban, ngành" swept it in, it owes nothing.)
    const roads = reporter.locator(".report-task", { hasText: "Tập trung phát triển hệ thống giao thông liên vùng" });
    expect(await roads.locator("p").first().innerText()).toMatch(/^III\.2\.4 Tập trung phát triển/);
    const reviewed = reporter.locator(".report-task", { hasText: "tiếp tục rà soát, hoàn thiện các cơ chế, chính sách" });
    expect(await reviewed.locator("p").first().innerText()).toMatch(/^III\.2\.1 Tiếp tục rà soát/);

    // Sending too early lists every gap, each naming its item, before anything is sent; a gap leads to its field.
    await reporter.getByRole("button", { name: "Gửi báo cáo" }).click();
    const confirm = reporter.getByRole("alertdialog", { name: "Trước khi gửi báo cáo" });
    await confirm.waitFor();
    const listed = await confirm.innerText();
    expect(listed).toContain("Nhiệm vụ III “Tổ chức triển khai nghiên cứu, quán triệt nội dung Nghị quyết…”: chọn tình trạng thực hiện");
    expect(listed).toMatch(/Nhiệm vụ III\.2\.4 “Tập trung phát triển hệ thống giao thông[^”]*”: chọn tình trạng thực hiện/);
    expect(listed).toContain("Kết quả nổi bật: còn để trống");
    expect(listed).not.toContain("Chọn tình trạng thực hiện nhiệm vụ");
    expect(await confirm.getByRole("button", { name: "Vẫn gửi báo cáo" }).count()).toBe(0); // lead tasks without a status block sending
    await confirm.getByRole("link", { name: /^Nhiệm vụ III\.2\.4 “Tập trung/ }).click();
    const focusedId = () => reporter.evaluate(() => document.activeElement?.id);
    const roadsStatus = roads.getByRole("combobox", { name: "Tình trạng" });
    expect(await focusedId()).toBe(await roadsStatus.getAttribute("id"));
    await confirm.getByRole("button", { name: "Quay lại hoàn thiện" }).click();

    const statuses = reporter.getByRole("combobox", { name: /^Tình trạng/ });
    const count = await statuses.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) await statuses.nth(i).selectOption("in_progress");
    await reporter.getByLabel("Kết quả, nội dung thực hiện").first().fill("Đã hoàn thành 60% khối lượng cứng hoá đường thôn");
    // Sở Xây dựng follows the plan's urban and road indicators: each gets a word, a value not yet known here.
    const explanations = reporter.getByLabel("Giải thích (bắt buộc khi chưa đạt hoặc chưa có số liệu)");
    for (let i = 0, n = await explanations.count(); i < n; i++) await explanations.nth(i).fill("Cục Thống kê chưa công bố số liệu năm 2026");
    await reporter.getByLabel("Khó khăn, vướng mắc và nguyên nhân").fill("Nguồn vốn bố trí chậm");

    // Progress typed the Vietnamese way is saved as typed; out of range it is said at the field and not saved; 100% in progress is questioned.
    const progress = reporter.getByLabel("Tiến độ (%)").first();
    const firstTask = reporter.locator(".report-task").first();
    await progress.fill("955");
    await expect.poll(() => firstTask.locator(".field-error").first().innerText()).toBe("Tiến độ (%) phải là số từ 0 đến 100, đã nhập “955”");
    await progress.fill("100");
    await expect.poll(() => firstTask.locator(".field-error").first().innerText()).toBe("Tiến độ 100% là đã hoàn thành; chọn “Hoàn thành đúng hạn” hoặc “Hoàn thành quá hạn”, hoặc sửa tiến độ");
    await progress.fill("95,5");
    await saved(reporter);
    expect(await firstTask.locator(".field-error").count()).toBe(0);
    const api = await s.signIn("bc-xaydung");
    expect((await api.call("GET", `/api/rounds/${roundId}/reports/${xd}`)).body.tasks[0].report.progress).toBe(95.5);

    // A file that is no accepted kind is refused beside the control it was attached with, saying what to do; nothing is attached.
    await reporter.getByLabel("Đính kèm tệp").last().setInputFiles({ name: "bien-ban.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html><script>alert(1)</script></html>") });
    await expect.poll(() => reporter.locator(".evidence .field-error").last().innerText()).toBe("bien-ban.pdf: Chỉ nhận tệp PDF, Word, Excel, ảnh PNG/JPEG; hãy lưu hoặc in tệp ra PDF rồi đính kèm");
    expect(await reporter.locator(".evidence .file").count()).toBe(0);

    // Its draft survives a reload: saved as typed, the progress shown the Vietnamese way.
    await reporter.reload();
    await expect.poll(() => reporter.getByLabel("Khó khăn, vướng mắc và nguyên nhân").inputValue()).toBe("Nguồn vốn bố trí chậm");
    expect(await reporter.getByLabel("Tiến độ (%)").first().inputValue()).toBe("95,5");
    // What is left empty is asked about, and may be sent anyway.
    await reporter.getByRole("button", { name: "Gửi báo cáo" }).click();
    expect(await confirm.innerText()).toContain("Đề xuất, kiến nghị: còn để trống");
    await confirm.getByRole("button", { name: "Vẫn gửi báo cáo" }).click();
    await expect.poll(() => reporter.locator(".tag.status-submitted").first().innerText()).toBe("Đã gửi, chờ xem xét");

    // The focal point's board counts it received, on time.
    await focal.goto(`${s.url}/rounds/${roundId}`);
    await expect.poll(() => total(focal, "received")).toContain("1");
    const expected = Number(await focal.locator(".total").first().locator("strong").innerText());
    const share = (n: number) => `${(Math.round((1000 * n) / expected) / 10).toString().replace(".", ",")} %`;
    expect(await total(focal, "received")).toContain(share(1));
    expect(await total(focal, "onTime")).toContain("1");
    expect(await total(focal, "missing")).toContain(String(expected - 1));

    // Returned with a comment; the reviewer sees the progress the Vietnamese way.
    await focal.locator(`tr[data-agency="${xd}"]`).getByRole("link", { name: "Xem" }).click();
    await expect.poll(() => focal.getByLabel("Tiến độ (%)").first().inputValue()).toBe("95,5");
    await focal.getByLabel("Ý kiến (bắt buộc khi trả lại)").fill("Bổ sung số liệu giải ngân vốn");
    await focal.getByRole("button", { name: "Trả lại để hoàn thiện" }).click();
    await expect.poll(() => focal.locator(".tag.status-returned").first().innerText()).toBe("Bị trả lại, cần hoàn thiện");
    await focal.goto(`${s.url}/rounds/${roundId}`);
    await expect.poll(() => total(focal, "returned")).toContain("1");

    // The reporter sees the comment (and a notification), fixes and sends again.
    await reporter.reload();
    await expect.poll(() => reporter.locator(".notice.warn").innerText()).toContain("Bổ sung số liệu giải ngân vốn");
    await expect.poll(() => reporter.getByRole("link", { name: /Thông báo/ }).innerText()).toContain("1");
    await reporter.getByLabel("Kết quả nổi bật").fill("Giải ngân đạt 72% kế hoạch vốn năm 2026");
    await saved(reporter);
    await reporter.getByRole("button", { name: "Gửi báo cáo" }).click();
    await confirm.getByRole("button", { name: "Vẫn gửi báo cáo" }).click();
    await expect.poll(() => reporter.locator(".tag.status-submitted").first().innerText()).toBe("Đã gửi, chờ xem xét");

    // Accepted: locked for the reporter; the board counts it accepted.
    await focal.goto(`${s.url}/rounds/${roundId}/reports/${xd}`);
    await focal.getByRole("button", { name: "Tiếp nhận" }).click();
    await expect.poll(() => focal.locator(".tag.status-accepted").first().innerText()).toBe("Đã tiếp nhận");
    await focal.goto(`${s.url}/rounds/${roundId}`);
    await expect.poll(() => total(focal, "accepted")).toContain(share(1));
    expect(await total(focal, "returned")).toContain("0");
    expect(await total(focal, "received")).toContain(share(1));
    await reporter.reload();
    await reporter.getByText("Báo cáo chỉ để xem.").waitFor();
    expect(await reporter.getByLabel("Kết quả nổi bật").isDisabled()).toBe(true);
    const history = await reporter.locator("ul.history").innerText();
    expect(history.split("\n").map((l) => l.split(" · ")[1])).toEqual(["Đã gửi", "Trả lại", "Đã gửi", "Tiếp nhận"]);

    // The audit trail holds each step, with who took it.
    const trail = (await s.call("GET", "/api/audit?table=submission_events&limit=20")).body.items;
    expect(trail.map((e: { after: { kind: string }; actorName: string }) => `${e.after.kind}:${e.actorName}`).reverse())
      .toEqual(["submitted:bc-xaydung", "returned:dm-taichinh", "submitted:bc-xaydung", "accepted:dm-taichinh"]);
  }, 120_000);

  it("does not open another department's report, even by its address", async () => {
    await s.call("PUT", `/api/rounds/${roundId}/reports/${tc}`, { version: 0, results: "Bản nháp nội bộ của Sở Tài chính" });
    await reporter.goto(`${s.url}/rounds/${roundId}/reports/${tc}`);
    await expect.poll(() => reporter.getByRole("alert").innerText()).toContain("Không tìm thấy");
    expect(await reporter.content()).not.toContain("Bản nháp nội bộ của Sở Tài chính");
    // Nor the board.
    expect(await reporter.getByRole("link", { name: "Đợt báo cáo" }).count()).toBe(0);
    await reporter.goto(`${s.url}/rounds/${roundId}`);
    await expect.poll(() => reporter.getByRole("alert").innerText()).toContain("không có quyền");
  });

  it("shows the plan's evaluation and lets the focal point edit the consolidated report before downloading it", async () => {
    const [{ id: planId }] = await s.db.store.db.select({ id: roundPlans.documentId }).from(roundPlans).where(eq(roundPlans.roundId, roundId));
    await focal.goto(`${s.url}/documents/${planId}`);
    await focal.getByRole("link", { name: "Đánh giá, báo cáo tổng hợp" }).click();
    await focal.getByRole("heading", { name: "Đánh giá và báo cáo tổng hợp" }).waitFor();
    await focal.getByLabel("Năm", { exact: true }).fill("2026");
    // Sở Xây dựng's accepted report counts its tasks in progress.
    await expect.poll(() => focal.locator("p", { hasText: "Đang thực hiện trong hạn:" }).innerText()).toMatch(/Đang thực hiện trong hạn: [1-9]/);
    const causes = focal.getByRole("textbox", { name: /V\. NGUYÊN NHÂN/ });
    await causes.fill("Nguyên nhân chủ yếu:\n\n- Nguồn vốn bố trí chậm.");
    await focal.locator(".narrative", { has: causes }).getByRole("button", { name: "Lưu phần này" }).click();
    await expect.poll(() => focal.locator(".narrative", { has: causes }).innerText()).toContain("đã chỉnh sửa");
    const docx = await fetch(`${s.url}/api/plans/${planId}/report?year=2026`, { headers: (await s.signIn("dm-taichinh")).headers });
    const { default: mammoth } = await import("mammoth");
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(await docx.arrayBuffer()) })).value;
    expect(text).toContain("Nguồn vốn bố trí chậm.");
    expect(text).toContain("Giải ngân đạt 72% kế hoạch vốn năm 2026"); // the accepted report's results
  });

  it("takes indicator values typed the Vietnamese way and shows them so, in the form and to a reader", async () => {
    await focal.goto(`${s.url}/rounds/${roundId}/reports/${tc}`);
    await focal.getByRole("heading", { name: "Báo cáo của Sở Tài chính" }).waitFor();
    const values = focal.getByLabel("Giá trị");
    await values.nth(0).fill("8.650");
    await values.nth(1).fill("58,5");
    await values.nth(2).fill("1.288,123");
    await values.nth(3).fill("tám nghìn");
    await expect.poll(() => focal.locator(".report-indicators .field-error").first().innerText()).toBe("Giá trị: không phải số (viết kiểu 1.234,5)");
    await saved(focal);
    const form = (await s.call("GET", `/api/rounds/${roundId}/reports/${tc}`)).body;
    expect(form.indicators.slice(0, 4).map((i: { report: { value: number | null } | null }) => i.report?.value ?? null)).toEqual([8650, 58.5, 1288.123, null]);
    // Sending lists the value that is no number, naming its indicator, and its link leads to it.
    await focal.getByRole("button", { name: "Gửi báo cáo" }).click();
    const bad = focal.getByRole("alertdialog").getByRole("link", { name: /^Chỉ tiêu “.*”: Giá trị: không phải số/ });
    await bad.click();
    expect(await focal.evaluate(() => document.activeElement?.id)).toBe(`field-indicators-${form.indicators[3].id}-value`);
    await values.nth(3).fill("");

    await focal.reload();
    expect(await focal.getByLabel("Giá trị").nth(0).inputValue()).toBe("8.650");
    expect(await focal.getByLabel("Giá trị").nth(1).inputValue()).toBe("58,5");
    // A leader reads the report: values in Vietnamese.
    await s.as("lanhdao-bc", "leader");
    const leader = await (await browser.newContext({ locale: "vi-VN" })).newPage();
    await signInPage(leader, s.url, "lanhdao-bc");
    await leader.goto(`${s.url}/rounds/${roundId}/reports/${tc}`);
    await leader.getByText("Báo cáo chỉ để xem.").waitFor();
    const shown = await leader.locator(".report-indicators").innerText();
    expect(shown).toContain("Giá trị: 8.650");
    expect(shown).toContain("Giá trị: 58,5");
    expect(shown).toContain("Giá trị: 1.288,123");
  });
});
