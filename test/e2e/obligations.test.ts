/**
 * Documents owed in Chromium (issue 15), as the focal point works with them: on 23/KH-UBND's page, who has issued
 * the plan each department was asked for, filtered by state and agency; a department's plan imported, its review
 * proposing the two obligations it fits, one confirmed there and published; the other confirmed on the list, then
 * unset; another set by hand; the round's board naming what a late agency still owes. Each screen at 1366×768 and
 * 390×844 (a card per row on the phone): no sideways scroll, no axe-core violation; screenshots under
 * /tmp/shots-obligations/.
 */
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencies } from "../../src/agencies/schema.js";
import { rounds } from "../../src/reporting/schema.js";
import { haveBrowser, launchBrowser, openSignedIn, screenProblems } from "../support/browser.js";
import { departmentPlanText } from "../support/department-plan.js";
import { startTestServer, upload, type Client, type TestServer } from "../support/server.js";

const SHOTS = "/tmp/shots-obligations";
const SIZES = [{ width: 1366, height: 768 }, { width: 390, height: 844 }];


describe.skipIf(!haveBrowser)("documents owed in Chromium", () => {
  let s: TestServer;
  let browser: Browser;
  let focal: Client;
  let plan: number, roundId: number, tradeImport: number, tradeTask: number;
  const idOf: Record<string, number> = {};

  const ok = <T = any>(res: { status: number; body: T }, status = 200): T => {
    if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const publishFile = async (name: string, text: string) => {
    const review = ok(await upload(s, name, Buffer.from(text), "vi", focal), 201);
    return ok(await focal.call("POST", `/api/imports/${review.id}/publish`, { version: review.version })).documentId as number;
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    s = await startTestServer({ samples: true });
    for (const a of await s.db.store.db.select({ id: agencies.id, code: agencies.code }).from(agencies)) idOf[a.code] = a.id;
    focal = await s.as("dm-obl", "focal_point", [idOf["so-tai-chinh"]]);
    await s.as("ld-obl", "leader");
    plan = ok(await s.call("GET", `/api/documents?q=${encodeURIComponent("23/KH-UBND")}`)).items.find((d: { symbol: string }) => d.symbol === "23/KH-UBND").id;
    [{ id: roundId }] = await s.db.store.db.select({ id: rounds.id }).from(rounds);
    // The departments' plans were due by 31/3/2023 (set on the task by hand); Sở Xây dựng's came on time, Sở Y tế's late.
    const owed = ok(await focal.call("GET", `/api/documents/${plan}/obligations`)).items.find((o: { outputText: string }) => o.outputText.startsWith("kế hoạch triển khai"));
    const task = ok(await focal.call("GET", `/api/tasks/${owed.taskId}`));
    ok(await focal.call("PATCH", `/api/tasks/${task.id}`, { deadlineText: "trước ngày 31/3/2023", version: task.version }));
    await publishFile("kh-sxd.txt", departmentPlanText("Sở Xây dựng", "45/KH-SXD", 15, 3));
    await publishFile("kh-syt.txt", departmentPlanText("Sở Y tế", "12/KH-SYT", 10, 5));
    // Sở Công Thương owes two plans under 23/KH-UBND: its plan, waiting in review, fits both.
    tradeTask = ok(await focal.call("POST", "/api/tasks", {
      documentId: plan, text: "Sở Công Thương xây dựng Kế hoạch phát triển thương mại biên giới giai đoạn 2023 - 2025", leadIds: [idOf["so-cong-thuong"]],
      expectedOutput: "Kế hoạch phát triển thương mại biên giới giai đoạn 2023 - 2025", deadlineText: "trước ngày 30/6/2023", sectionNumber: "3.4",
    }), 201).id;
    tradeImport = ok(await upload(s, "kh-sct.txt", Buffer.from(departmentPlanText("Sở Công Thương", "30/KH-SCT", 20, 6)), "vi", focal), 201).id;
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  const signedIn = async (username: string, size = SIZES[0]) => {
    const page = await openSignedIn(browser, s.url, username, size.width, size.height);
    page.on("dialog", (d) => void d.accept()); // "bỏ ghi nhận?"
    return page;
  };
  const section = (page: Page) => page.getByTestId("obligations");
  const row = (page: Page, agency: string, words = "kế hoạch triển khai") => section(page).locator(`tr[data-agency="${idOf[agency]}"]`).filter({ hasText: words });

  it("the focal point sees who has issued the plan asked of each department, by state and by agency", async () => {
    const page = await signedIn("dm-obl");
    await page.goto(`${s.url}/documents/${plan}`);
    await section(page).getByRole("heading", { name: /Văn bản các cơ quan phải ban hành/ }).waitFor();
    expect(await section(page).locator('[data-obligation-total="issued_on_time"] strong').innerText()).toBe("1");
    expect(await section(page).locator('[data-obligation-total="issued_late"] strong').innerText()).toBe("1");
    const overdue = Number(await section(page).locator('[data-obligation-total="overdue"] strong').innerText());
    expect(overdue).toBeGreaterThan(25);
    expect(await row(page, "so-xay-dung").innerText()).toMatch(/Đã ban hành đúng hạn[\s\S]*45\/KH-SXD[\s\S]*tự động khi nhập văn bản/);
    expect(await row(page, "so-y-te").innerText()).toMatch(/Ban hành chậm\s*chậm 40 ngày[\s\S]*12\/KH-SYT/);
    // Sở Kế hoạch và Đầu tư's is Sở Tài chính's now.
    expect(await row(page, "so-ke-hoach-dau-tu").innerText()).toMatch(/nay: Sở Tài chính[\s\S]*31\/03\/2023[\s\S]*Quá hạn, chưa ban hành\s*quá hạn [\d.]+ ngày/);

    await section(page).getByRole("button", { name: /Quá hạn, chưa ban hành/ }).click();
    await expect.poll(() => section(page).locator("tbody tr").count()).toBe(overdue);
    expect(await section(page).getByLabel("Tình trạng").inputValue()).toBe("overdue");
    await section(page).getByLabel("Cơ quan").selectOption({ label: "Sở Xây dựng" });
    // Sở Xây dựng issued its own; what it still owes is Sở Giao thông vận tải's (merged into it).
    await expect.poll(() => section(page).locator("tbody tr").count()).toBe(1);
    expect(await section(page).locator("tbody tr").innerText()).toContain("Sở Giao thông vận tải");
    await section(page).getByLabel("Tình trạng").selectOption({ label: "Mọi tình trạng" });
    await expect.poll(() => section(page).locator("tbody tr").count()).toBe(2);
    await page.context().close();
  });

  it("the review proposes the two obligations a plan fits; the one ticked is met on publishing, the other confirmed on the list, then unset, and another set by hand", async () => {
    const page = await signedIn("dm-obl");
    await page.goto(`${s.url}/imports/${tradeImport}`);
    await page.getByRole("tab", { name: "Văn bản được giao (2)" }).click();
    const proposals = page.getByTestId("review-obligations").locator("li");
    await expect.poll(() => proposals.count()).toBe(2);
    expect(await proposals.first().innerText()).toContain("Cần xác nhận: nhiều nghĩa vụ phù hợp");
    const border = proposals.filter({ hasText: "thương mại biên giới" });
    await border.getByRole("checkbox").check();
    await page.getByRole("button", { name: "Công bố" }).click();
    await page.waitForURL(/\/documents\/\d+$/);
    const published = Number(page.url().split("/").pop());

    await page.goto(`${s.url}/documents/${plan}`);
    await section(page).getByRole("heading", { name: /Văn bản các cơ quan phải ban hành/ }).waitFor();
    expect(await row(page, "so-cong-thuong", "thương mại biên giới").innerText()).toMatch(/Đã ban hành đúng hạn[\s\S]*30\/KH-SCT[\s\S]*đã xác nhận bởi/);
    const other = row(page, "so-cong-thuong");
    await other.getByRole("button", { name: "Xác nhận 30/KH-SCT là văn bản Sở Công Thương đã ban hành" }).click();
    await expect.poll(() => other.innerText()).toMatch(/Ban hành chậm\s*chậm 81 ngày[\s\S]*30\/KH-SCT/);
    await other.getByRole("button", { name: "Bỏ ghi nhận văn bản của Sở Công Thương" }).click();
    await expect.poll(() => other.innerText()).toContain("Quá hạn, chưa ban hành");

    // By hand: Sở Tư pháp's plan was issued as a document the chain holds (here the trade plan, for the test's sake).
    const justice = row(page, "so-tu-phap");
    await justice.getByRole("button", { name: "Chọn văn bản khác…" }).click();
    await justice.getByLabel("Văn bản Sở Tư pháp đã ban hành").selectOption(String(published));
    await justice.getByRole("button", { name: "Ghi nhận" }).click();
    await expect.poll(() => justice.innerText()).toMatch(/Ban hành chậm[\s\S]*30\/KH-SCT[\s\S]*đầu mối chọn/);
    await justice.getByRole("button", { name: "Bỏ ghi nhận văn bản của Sở Tư pháp" }).click();
    await expect.poll(() => justice.innerText()).toContain("Quá hạn, chưa ban hành");
    // The task Sở Công Thương alone owed is done, on time, in the plan's evaluation.
    const evaluation = ok(await focal.call("GET", `/api/plans/${plan}/evaluation?year=2023`));
    expect(evaluation.tasks.find((t: { id: number }) => t.id === tradeTask).state).toBe("completed_on_time");
    await page.context().close();
  });

  it("the round's board names the documents a late agency still owes", async () => {
    const page = await signedIn("dm-obl");
    await page.goto(`${s.url}/rounds/${roundId}`);
    const health = page.locator(`tr[data-agency="${idOf["so-y-te"]}"]`);
    const finance = page.locator(`tr[data-agency="${idOf["so-tai-chinh"]}"]`);
    await finance.getByTestId("documents-owed").locator("summary").click();
    expect(await finance.getByTestId("documents-owed").innerText()).toMatch(/kế hoạch triển khai[\s\S]*23\/KH-UBND, mục 1[\s\S]*quá hạn [\d.]+ ngày[\s\S]*\(của Sở Kế hoạch và Đầu tư\)/);
    expect(await health.getByTestId("documents-owed").count()).toBe(0); // its plan is issued (late)
    await page.context().close();
  });

  for (const size of SIZES) {
    it(`at ${size.width}×${size.height}: the list, the review's tab and the board fit the screen and pass axe-core`, async () => {
      const found: string[] = [];
      const check = async (page: Page, name: string, shot: () => Promise<unknown>) => {
        found.push(...await screenProblems(page, name));
        await shot();
      };
      const page = await signedIn("dm-obl", size);
      await page.goto(`${s.url}/documents/${plan}`);
      await section(page).locator("tbody tr").first().waitFor();
      await section(page).getByLabel("Cơ quan").selectOption({ label: "Sở Công Thương" });
      await expect.poll(() => section(page).locator("tbody tr").count()).toBe(2);
      await check(page, "document's obligations", async () => {
        await section(page).scrollIntoViewIfNeeded();
        await section(page).screenshot({ path: `${SHOTS}/document-obligations-${size.width}.png` });
      });
      await section(page).getByLabel("Cơ quan").selectOption({ label: "Mọi cơ quan" });
      await expect.poll(() => section(page).locator("tbody tr").count()).toBeGreaterThan(25);
      await section(page).locator("tbody tr").nth(3).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/document-obligations-all-${size.width}.png` });

      const review = ok(await upload(s, `kh-stp-${size.width}.txt`, Buffer.from(departmentPlanText("Sở Tư pháp", `${size.width}/KH-STP`, 3, 3)), "vi", focal), 201);
      await page.goto(`${s.url}/imports/${review.id}`);
      await page.getByRole("tab", { name: /Văn bản được giao/ }).click();
      await page.getByTestId("review-obligations").waitFor();
      await check(page, "import review", () => page.locator(".pane.items").screenshot({ path: `${SHOTS}/import-obligations-${size.width}.png` }));

      await page.goto(`${s.url}/rounds/${roundId}`);
      const finance = page.locator(`tr[data-agency="${idOf["so-tai-chinh"]}"]`);
      await finance.getByTestId("documents-owed").locator("summary").click();
      await check(page, "board", async () => {
        await finance.scrollIntoViewIfNeeded();
        await page.locator(".board-scroll").evaluate((box) => { box.scrollLeft = 0; }); // the board's own box scrolls on a phone
        await page.screenshot({ path: `${SHOTS}/board-obligations-${size.width}.png` });
        await finance.getByTestId("documents-owed").screenshot({ path: `${SHOTS}/board-documents-owed-${size.width}.png` });
      });
      await page.context().close();
      expect(found).toEqual([]);
    }, 120_000);
  }
});
