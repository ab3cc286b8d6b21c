/**
 * Key projects in Chromium, as issue 16's "done when" tells it: a plan carries two projects, one behind
 * (490,1 of 1.288,123 billion đồng disbursed by 30/11/2026, 38,05%) and one on schedule; the leader filters
 * the dashboard's projects table by state and by investor and opens a project, its history charts and
 * its figures; the investor's reporter fills the project in a round, is asked the cause once the figures
 * saved put it behind, and sends; the focal point returns it with a comment on the project, shown at the
 * project; reviewing an import, the match proposed for each project it names is confirmed or changed and
 * saved with the draft, its figures shown with their dates. Each screen at 1366×768 and 390×844: no sideways scroll, no axe-core violation; screenshots under
 * /tmp/shots-16/.
 */
import { mkdirSync } from "node:fs";
import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencies } from "../../src/agencies/schema.js";
import { rounds } from "../../src/reporting/schema.js";
import { axeViolations, haveBrowser, launchBrowser, sidewaysScroll, signInPage } from "../support/browser.js";
import { startTestServer, upload, type TestServer } from "../support/server.js";

const SHOTS = "/tmp/shots-16";
const SIZES = [{ width: 1366, height: 768 }, { width: 390, height: 844 }];
const BEHIND = "Đường vành đai phía Bắc thành phố Lạng Sơn";
const ON_SCHEDULE = "Hạ tầng Khu công nghiệp Hợp Thành giai đoạn 2";
const IMPORTED_PLAN = `ỦY BAN NHÂN DÂN
TỈNH LẠNG SƠN
Số: 95/KH-UBND
Lạng Sơn, ngày 20 tháng 01 năm 2026
KẾ HOẠCH
Đẩy nhanh tiến độ các dự án trọng điểm năm 2026
I. MỤC ĐÍCH, YÊU CẦU
1. Tập trung tháo gỡ vướng mắc về giải phóng mặt bằng, giải ngân vốn đầu tư công.
`;

describe.skipIf(!haveBrowser)("key projects in Chromium", () => {
  let s: TestServer;
  let browser: Browser;
  let planId: number, behindId: number, onScheduleId: number, roundId: number, importId: number;
  let xd: number, kkt: number, kktName: string;
  const figures: Record<number, number> = {};

  /** A figure of a project, as a document or a round would record it. */
  const figure = async (projectId: number, f: { label: string; value: string | number; of?: string | number; unit: string; measure: string; asOf: string; year?: number }) => {
    const res = await s.call("POST", `/api/projects/${projectId}/metrics`, f);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    figures[projectId] = (figures[projectId] ?? 0) + 1;
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    s = await startTestServer({ samples: true });
    const db = s.db.store.db;
    [{ id: xd }] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, "so-xay-dung"));
    [{ id: kkt, name: kktName }] = await db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(eq(agencies.code, "ban-quan-ly-khu-kinh-te"));
    const [{ id: tc }] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, "so-tai-chinh"));
    // The sample province's own round is closed: this file's round is the one open.
    await db.update(rounds).set({ status: "closed" });
    await s.as("ld-projects", "leader");
    await s.as("bc-projects", "reporter", [xd]);
    const focal = await s.as("dm-projects", "focal_point", [tc]);

    planId = (await s.call("POST", "/api/documents", { symbol: "88/KH-UBND", title: "Kế hoạch đầu tư các dự án, công trình trọng điểm năm 2026", docType: "plan", issuedOn: "2026-01-10", status: "published" })).body.id;
    const project = async (body: object) => {
      const res = await s.call("POST", "/api/projects", { documentId: planId, ...body });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as number;
    };
    behindId = await project({
      name: BEHIND, leadId: xd, location: "thành phố Lạng Sơn", investment: "2.150,6", areaHa: "640,28", lengthKm: "59,87",
      startsOn: "2025-01-01", clearanceDueOn: "2027-06-30", completesOn: "2027-12-31",
    });
    onScheduleId = await project({ name: ON_SCHEDULE, leadId: kkt, location: "huyện Hữu Lũng", investment: "980", startsOn: "2025-06-01", completesOn: "2030-12-31" });
    // Behind: 38,05% of the year's capital disbursed by 30/11, when 91,5% of the year has gone.
    await figure(behindId, { label: "Vốn bố trí năm 2025", value: "800", unit: "tỷ đồng", measure: "capital_allocated", asOf: "2025-02-01", year: 2025 });
    await figure(behindId, { label: "Giải ngân năm 2025", value: "760,2", of: "800", unit: "tỷ đồng", measure: "disbursed", asOf: "2025-12-31", year: 2025 });
    await figure(behindId, { label: "Mặt bằng đã bàn giao", value: "250", of: "640,28", unit: "ha", measure: "clearance", asOf: "2025-12-31" });
    await figure(behindId, { label: "Vốn bố trí năm 2026", value: "1.288,123", unit: "tỷ đồng", measure: "capital_allocated", asOf: "2026-01-20", year: 2026 });
    await figure(behindId, { label: "Giải ngân năm 2026", value: "210,5", of: "1.288,123", unit: "tỷ đồng", measure: "disbursed", asOf: "2026-06-30", year: 2026 });
    await figure(behindId, { label: "Giải ngân năm 2026", value: "490,1", of: "1.288,123", unit: "tỷ đồng", measure: "disbursed", asOf: "2026-11-30", year: 2026 });
    await figure(behindId, { label: "Mặt bằng đã bàn giao", value: "366,55", of: "640,28", unit: "ha", measure: "clearance", asOf: "2026-11-30" });
    await figure(behindId, { label: "Chiều dài đã thi công", value: "39,9", of: "59,87", unit: "km", measure: "length", asOf: "2026-11-30" });
    await figure(behindId, { label: "Khối lượng thực hiện", value: "35", unit: "%", measure: "progress", asOf: "2026-11-30" });
    // On schedule: 90% disbursed, work ahead of the line from start to completion.
    await figure(onScheduleId, { label: "Giải ngân năm 2026", value: "450", of: "500", unit: "tỷ đồng", measure: "disbursed", asOf: "2026-11-30", year: 2026 });
    await figure(onScheduleId, { label: "Khối lượng thực hiện", value: "50", unit: "%", measure: "progress", asOf: "2026-06-30" });
    await figure(onScheduleId, { label: "Khối lượng thực hiện", value: "70", unit: "%", measure: "progress", asOf: "2026-11-30" });

    const opened = await focal.call("POST", "/api/rounds", { documentIds: [planId], periodKind: "year", periodYear: 2026, dueOn: "2026-12-31" });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    roundId = opened.body.id;

    // An import naming two projects: one matched to a recorded project (another alike), one new.
    const imported = await upload(s, "ke-hoach-du-an.txt", Buffer.from(IMPORTED_PLAN));
    expect(imported.status, JSON.stringify(imported.body)).toBeLessThan(300);
    importId = imported.body.id;
    const noFacts = { lead: null, leadId: null, location: null, investment: null, areaHa: null, lengthKm: null, startYear: null, completionYear: null, start: null, end: null };
    const draft = {
      ...imported.body.draft,
      projects: [
        {
          ...noFacts, name: "Đường vành đai Bắc TP Lạng Sơn", lead: "Sở Xây dựng", leadId: xd, location: "thành phố Lạng Sơn", investment: 2150.6, startYear: 2025, completionYear: 2027,
          matchId: behindId, candidates: [{ id: behindId, name: BEHIND, similarity: 0.92 }, { id: onScheduleId, name: ON_SCHEDULE, similarity: 0.81 }],
          metrics: [{ label: "Đã giải ngân 490,1/1.288,123 tỷ đồng", value: 490.1, of: 1288.123, unit: "tỷ đồng", measure: "disbursed", asOf: "2026-11-30", year: 2026, start: null, end: null }],
        },
        { ...noFacts, name: "Cầu Kỳ Cùng mới", lead: "Ban quản lý dự án cầu", matchId: null, candidates: [], metrics: [] },
      ],
    };
    const saved = await s.call("PUT", `/api/imports/${importId}/draft`, { draft, version: imported.body.version });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  const signedIn = async (username: string, size = SIZES[0], bypassCSP = false) => {
    const page = await (await browser.newContext({ viewport: size, locale: "vi-VN", bypassCSP })).newPage();
    page.setDefaultTimeout(10_000);
    await signInPage(page, s.url, username);
    return page;
  };
  const saved = (page: Page) => expect.poll(() => page.locator(".save-state[role=status]").innerText(), { timeout: 10_000 }).toContain("Đã lưu tự động");

  it("the leader filters the projects table by state and by investor, and opens a project's history and figures", async () => {
    const page = await signedIn("ld-projects");
    await page.goto(`${s.url}/dashboard?year=2026&plan=${planId}`);
    const section = page.locator("section.projects-section");
    await section.getByRole("heading", { name: "Dự án, công trình trọng điểm" }).waitFor();
    const table = section.getByRole("table", { name: /Dự án, công trình trọng điểm/ });
    const rows = table.locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(2);
    expect(await section.locator('[data-project-total="behind"] strong').innerText()).toBe("1");
    expect(await section.locator('[data-project-total="on_schedule"] strong').innerText()).toBe("1");

    // By state: the one behind, its disbursement written as the reports write it, its light named in words with the reason.
    await section.getByLabel("Tình trạng").selectOption({ label: "Chậm tiến độ" });
    await expect.poll(() => rows.count()).toBe(1);
    const behind = await rows.first().innerText();
    expect(behind).toContain(BEHIND);
    expect(behind).toContain("Sở Xây dựng");
    expect(behind).toContain("490,1/1.288,123 tỷ đồng (38,05%)");
    expect(behind).toContain("366,55/640,28 ha (57,25%)");
    expect(behind).toContain("35%");
    expect(behind).toContain("Chậm tiến độ");
    expect(behind).toContain("chậm so với tiến độ thời gian");
    expect(behind).toContain("30/11/2026");
    await section.getByLabel("Tình trạng").selectOption({ label: "Đúng tiến độ" });
    await expect.poll(() => rows.first().innerText()).toContain(ON_SCHEDULE);
    expect(await rows.count()).toBe(1);

    // By investor: the economic zone's board has the one on schedule, and none behind.
    await section.getByLabel("Tình trạng").selectOption({ label: "Mọi tình trạng" });
    await section.getByLabel("Chủ đầu tư").selectOption({ label: kktName });
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain(ON_SCHEDULE);
    await section.getByLabel("Tình trạng").selectOption({ label: "Chậm tiến độ" });
    await section.getByText("Không có dự án nào phù hợp.").waitFor();
    await section.getByLabel("Chủ đầu tư").selectOption({ label: "Mọi chủ đầu tư" });
    await expect.poll(() => rows.count()).toBe(1);
    expect(await section.getByRole("button", { name: /Chậm tiến độ/ }).getAttribute("aria-pressed")).toBe("true");

    // The project's page: its facts, the plan carrying it, the evaluation by aspect, the history charts and every figure.
    await rows.first().getByRole("link", { name: BEHIND }).click();
    await page.getByRole("heading", { name: BEHIND, level: 1 }).waitFor();
    expect(page.url()).toBe(`${s.url}/projects/${behindId}`);
    const facts = await page.locator("dl.meta").innerText();
    expect(facts).toContain("2.150,6 tỷ đồng");
    expect(facts).toContain("31/12/2027");
    expect(await page.getByRole("link", { name: "88/KH-UBND" }).first().getAttribute("href")).toBe(`/documents/${planId}`);
    expect(await page.locator('[data-aspect="disbursement"]').innerText()).toMatch(/Chậm tiến độ[\s\S]*Giải ngân 490,1\/1\.288,123 tỷ đồng \(38,05% vốn bố trí năm 2026\)/);
    for (const chart of ["capital", "shares"]) {
      const canvas = page.locator(`figure[data-chart="${chart}"] canvas`);
      await canvas.waitFor();
      expect(await canvas.evaluate((c: HTMLCanvasElement) => c.width > 0 && c.height > 0)).toBe(true);
    }
    // Each chart's figures as a table too.
    await page.locator('figure[data-chart="capital"] summary').click();
    const capital = await page.locator('figure[data-chart="capital"] table').innerText();
    expect(capital).toMatch(/2025\s+800\s+760,2/);
    expect(capital).toMatch(/2026\s+1\.288,123\s+490,1/);
    const figureRows = page.getByRole("table", { name: /Các số liệu đã ghi nhận/ }).locator("tbody tr");
    await expect.poll(() => figureRows.count()).toBe(figures[behindId]);
    expect(await figureRows.filter({ hasText: "30/11/2026" }).filter({ hasText: "Giải ngân" }).innerText()).toContain("490,1/1.288,123 tỷ đồng");

    // Back on the dashboard, the filters are as they were left.
    await page.goBack();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain(BEHIND);

    // The plan's own page lists the projects it carries, each leading to its page.
    await page.goto(`${s.url}/documents/${planId}`);
    const listed = page.locator("ul.document-projects li");
    await expect.poll(() => listed.count()).toBe(2);
    await listed.filter({ hasText: BEHIND }).getByRole("link").click();
    await page.waitForURL(new RegExp(`/projects/${behindId}$`));
    await page.context().close();
  });

  it("the investor reports its project: the cause is asked once the figures put it behind, then the report goes; a returned project shows the focal point's comment", async () => {
    const page = await signedIn("bc-projects");
    await page.goto(`${s.url}/rounds/${roundId}/reports/${xd}`);
    const item = page.locator(`.report-projects li[data-project="${behindId}"]`);
    await item.waitFor();
    expect(await item.locator(".last-figures").innerText()).toContain("Số liệu đã ghi nhận gần nhất (đến 30/11/2026)");
    expect(await item.locator(".last-figures").innerText()).toContain("Đã giải ngân 490,1 tỷ đồng");
    await item.getByLabel("Vốn bố trí năm 2026 (tỷ đồng)").fill("1.288,123");
    await item.getByLabel("Đã giải ngân (tỷ đồng)").fill("520,4");
    await item.getByLabel("Mặt bằng đã bàn giao (ha)").fill("380,1");
    await item.getByLabel("Khối lượng thực hiện (%)").fill("137");
    await expect.poll(() => item.locator(".field-error").first().innerText()).toBe("Khối lượng thực hiện (%) phải là số từ 0 đến 100, đã nhập “137”");
    await item.getByLabel("Khối lượng thực hiện (%)").fill("37,5");
    await item.getByLabel("Tình hình thực hiện").fill("Đang thi công các gói thầu XL01, XL02.");
    await saved(page);
    // Judged with the figures typed: behind; the cause is now asked for.
    await expect.poll(() => item.locator(".project-evaluation").innerText()).toContain("Chậm tiến độ");
    expect(await item.locator(".project-evaluation").innerText()).toContain("Giải ngân 520,4/1.288,123 tỷ đồng");
    const cause = item.getByLabel(/^Nguyên nhân chậm và giải pháp/);
    expect(await cause.getAttribute("aria-required")).toBe("true");
    expect(await item.innerText()).toContain("bắt buộc: dự án đang chậm tiến độ");

    // Sending lists the missing cause, and its link leads to the field.
    await page.getByRole("button", { name: "Gửi báo cáo" }).click();
    const confirm = page.getByRole("alertdialog", { name: "Trước khi gửi báo cáo" });
    await confirm.waitFor();
    const gap = confirm.getByRole("link", { name: `Dự án “${BEHIND}”: đang chậm tiến độ, cần nêu nguyên nhân và giải pháp` });
    expect(await confirm.getByRole("button", { name: "Vẫn gửi báo cáo" }).count()).toBe(0);
    await gap.click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`field-projects-${behindId}-explanation`);
    await confirm.getByRole("button", { name: "Quay lại hoàn thiện" }).click();
    await cause.fill("Vướng mắc giải phóng mặt bằng tại xã Hoàng Đồng; đã đề nghị UBND tỉnh điều chỉnh vốn.");
    await saved(page);
    await page.getByRole("button", { name: "Gửi báo cáo" }).click();
    await confirm.waitFor();
    expect(await confirm.innerText()).not.toContain(BEHIND);
    await confirm.getByRole("button", { name: "Vẫn gửi báo cáo" }).click();
    await expect.poll(() => page.locator(".tag.status-submitted").first().innerText()).toBe("Đã gửi, chờ xem xét");
    const sent = (await (await s.signIn("bc-projects")).call("GET", `/api/rounds/${roundId}/reports/${xd}`)).body.projects[0];
    expect(sent.report).toMatchObject({ allocated: 1288.123, disbursed: 520.4, clearedHa: 380.1, progress: 37.5 });

    // The focal point returns it with a word on the project; the reporter sees it at the project.
    const focal = await signedIn("dm-projects");
    await focal.goto(`${s.url}/rounds/${roundId}/reports/${xd}`);
    const reviewed = focal.locator(`.report-projects li[data-project="${behindId}"]`);
    await reviewed.getByLabel("Ý kiến về mục này (khi trả lại)").fill("Bổ sung chiều dài đã thi công (km).");
    await focal.getByRole("button", { name: "Trả lại để hoàn thiện" }).click();
    await expect.poll(() => focal.locator(".tag.status-returned").first().innerText()).toBe("Bị trả lại, cần hoàn thiện");
    await page.reload();
    await expect.poll(() => item.locator(".item-comment").innerText()).toContain("Bổ sung chiều dài đã thi công (km).");
    await focal.context().close();
    await page.context().close();
  });

  it("reviewing an import, the match proposed for each project is confirmed or changed and saved with the draft; its figures show their dates", async () => {
    const page = await signedIn("quantri");
    await page.goto(`${s.url}/imports/${importId}`);
    await page.getByRole("tab", { name: "Dự án (2)" }).click();
    const items = page.getByTestId("project");
    await expect.poll(() => items.count()).toBe(2);
    const first = items.first(), second = items.nth(1);
    const match = first.getByLabel("Trùng với dự án đã có: Đường vành đai Bắc TP Lạng Sơn");
    expect(await match.inputValue()).toBe(String(behindId));
    expect(await match.locator("option:checked").innerText()).toBe(`${BEHIND} (giống 92%)`);
    expect(await first.getByRole("link", { name: "Xem dự án" }).getAttribute("href")).toBe(`/projects/${behindId}`);
    const figures = await first.locator("table").innerText();
    expect(figures).toContain("490,1/1.288,123 tỷ đồng");
    expect(figures).toContain("30/11/2026");
    expect(await second.getByLabel("Trùng với dự án đã có: Cầu Kỳ Cùng mới").inputValue()).toBe("");
    expect(await second.innerText()).toContain("văn bản ghi “Ban quản lý dự án cầu”");
    expect(await second.innerText()).toContain("Văn bản không nêu số liệu của dự án này.");

    const matchIds = async () => (await s.call("GET", `/api/imports/${importId}`)).body.draft.projects.map((p: { matchId: number | null }) => p.matchId);
    const save = async () => {
      await page.getByRole("button", { name: "Lưu bản nháp" }).click();
      await expect.poll(() => page.locator(".actions [role=status]").innerText()).toBe("Đã lưu");
    };
    await match.selectOption({ label: "Dự án mới" });
    await save();
    expect(await matchIds()).toEqual([null, null]);
    await match.selectOption(String(onScheduleId));
    await save();
    expect(await matchIds()).toEqual([onScheduleId, null]);
    await page.context().close();
  });

  for (const size of SIZES) {
    it(`at ${size.width}×${size.height}: the projects table, a project's page and the report's projects fit the screen and pass axe-core`, async () => {
      const found: string[] = [];
      const check = async (page: Page, name: string, shot: () => Promise<unknown>) => {
        await page.waitForLoadState("networkidle");
        const overflow = await sidewaysScroll(page);
        if (overflow > 0) found.push(`${name}: the page scrolls ${overflow} px sideways`);
        for (const v of await axeViolations(page)) found.push(`${name}: ${v}`);
        await shot();
      };
      const leader = await signedIn("ld-projects", size, true);
      await leader.goto(`${s.url}/dashboard?year=2026&plan=${planId}`);
      const section = leader.locator("section.projects-section");
      await section.locator("table.projects-table tbody tr").first().waitFor();
      await check(leader, "dashboard", async () => {
        await section.scrollIntoViewIfNeeded();
        await section.screenshot({ path: `${SHOTS}/dashboard-projects-${size.width}.png` });
      });
      await leader.goto(`${s.url}/projects/${behindId}`);
      await leader.locator('figure[data-chart="shares"] canvas').waitFor();
      await check(leader, "project", () => leader.screenshot({ path: `${SHOTS}/project-${size.width}.png`, fullPage: true }));
      await leader.context().close();

      const reporter = await signedIn("bc-projects", size, true);
      await reporter.goto(`${s.url}/rounds/${roundId}/reports/${xd}`);
      const projects = reporter.locator(".report-projects");
      await projects.waitFor();
      await check(reporter, "report", async () => {
        await projects.scrollIntoViewIfNeeded();
        await projects.screenshot({ path: `${SHOTS}/report-projects-${size.width}.png` });
      });
      await reporter.context().close();

      const reviewer = await signedIn("quantri", size, true);
      await reviewer.goto(`${s.url}/imports/${importId}`);
      await reviewer.getByRole("tab", { name: "Dự án (2)" }).click();
      await reviewer.getByTestId("project").first().waitFor();
      await check(reviewer, "import review", () => reviewer.locator(".pane.items").screenshot({ path: `${SHOTS}/import-projects-${size.width}.png` }));
      await reviewer.context().close();
      expect(found).toEqual([]);
    }, 120_000);
  }
});
