/**
 * The administration screens in real Chromium against a real server with the sample province:
 * an administrator creates a reporter (field errors from the API next to the fields), edits and
 * disables it, resets its password, finds its creation in the audit trail, and merges Sở Giao
 * thông vận tải into Sở Xây dựng; a viewer is refused both pages (and the API answers 403).
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { haveBrowser, launchBrowser, signInPage } from "../support/browser.js";
import { startTestServer, type TestServer } from "../support/server.js";


const USERNAME = "bcv.taichinh";
const EMAIL = "bcv.taichinh@example.gov.vn";

describe.skipIf(!haveBrowser)("administration in Chromium", () => {
  let s: TestServer;
  let browser: Browser;
  let page: Page;
  /** The temporary passwords given at creation and at the reset. */
  let firstPassword = "";
  let resetPassword = "";

  beforeAll(async () => {
    s = await startTestServer({ samples: true });
    browser = await launchBrowser();
    page = await browser.newPage({ locale: "vi-VN" });
    // A step that cannot happen fails with its locator, well before the test times out.
    page.setDefaultTimeout(10_000);
    await signInPage(page, s.url, "quantri");
  });
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  const userRow = (username: string) => page.locator(`table.users tr[data-username="${username}"]`);

  it("creates a reporter for an agency, with the API's field errors next to the fields", async () => {
    await page.locator("header nav").getByRole("link", { name: "Tài khoản", exact: true }).click();
    await page.waitForURL(/\/admin\/users$/);
    await userRow("quantri").waitFor();
    expect(await page.locator("h1").innerText()).toBe("Tài khoản người dùng");

    await page.getByRole("button", { name: "Tạo tài khoản mới" }).click();
    const form = page.getByRole("form", { name: "Tạo tài khoản" });
    await form.getByLabel("Tên đăng nhập").fill(USERNAME);
    await form.getByLabel("Họ và tên").fill("Nguyễn Thị Báo Cáo");
    await form.getByLabel(/^Thư điện tử/).fill(EMAIL);
    await form.getByLabel("Vai trò").selectOption("reporter");
    const password = form.getByLabel(/^Mật khẩu tạm/);
    const generated = await password.inputValue();
    expect(generated).toMatch(/^[A-Za-z0-9]{14}$/);
    await form.getByRole("button", { name: "Tạo mật khẩu ngẫu nhiên" }).click();
    expect(await password.inputValue()).not.toBe(generated);

    // A reporter without an agency is refused before anything is sent.
    const create = form.getByRole("button", { name: "Tạo tài khoản", exact: true });
    await create.click();
    await expect.poll(() => form.locator(".agency-picker .field-error").innerText()).toBe("Tài khoản báo cáo cần gắn với ít nhất một cơ quan");

    await form.getByLabel("Tìm cơ quan").fill("tai chinh");
    await form.getByLabel("Sở Tài chính", { exact: true }).check();
    expect(await form.locator(".picker-chosen").innerText()).toContain("Sở Tài chính");

    // The server's message for a weak password appears next to the password field.
    await password.fill("ngan");
    await create.click();
    const passwordField = form.locator(".admin-field", { has: page.getByLabel(/^Mật khẩu tạm/) });
    await expect.poll(() => passwordField.locator(".field-error").innerText()).toBe("Mật khẩu cần ít nhất 10 ký tự");
    expect(await form.locator(".agency-picker .field-error").count()).toBe(0);

    await form.getByRole("button", { name: "Tạo mật khẩu ngẫu nhiên" }).click();
    firstPassword = await password.inputValue();
    await create.click();
    await expect.poll(() => page.getByTestId("temporary-password").innerText()).toBe(firstPassword);
    expect(await page.locator(".admin-notice").innerText()).toContain(`Đã tạo tài khoản ${USERNAME}.`);

    const row = userRow(USERNAME);
    await row.waitFor();
    const text = await row.innerText();
    for (const part of ["Nguyễn Thị Báo Cáo", EMAIL, "Báo cáo viên", "Sở Tài chính", "Phải đổi mật khẩu"]) expect(text).toContain(part);

    // The temporary password works, and must be changed.
    const reporter = await s.signIn(USERNAME, firstPassword);
    expect((await reporter.call("GET", "/api/session")).body.user).toMatchObject({ role: "reporter", mustChangePassword: true });
  });

  it("refuses a username already taken, next to the username", async () => {
    await page.getByRole("button", { name: "Tạo tài khoản mới" }).click();
    const form = page.getByRole("form", { name: "Tạo tài khoản" });
    await form.getByLabel("Tên đăng nhập").fill(USERNAME);
    await form.getByLabel("Họ và tên").fill("Trùng tên");
    await form.getByLabel("Vai trò").selectOption("viewer");
    await form.getByRole("button", { name: "Tạo tài khoản", exact: true }).click();
    const field = form.locator(".admin-field", { has: page.getByLabel("Tên đăng nhập", { exact: true }) });
    await expect.poll(() => field.locator(".field-error").innerText()).toBe("Tên đăng nhập đã có người dùng");
    await form.getByRole("button", { name: "Huỷ" }).click();
    expect(await page.getByRole("form", { name: "Tạo tài khoản" }).count()).toBe(0);
  });

  it("edits the e-mail, then disables and enables the account, each change sending the version it read", async () => {
    await userRow(USERNAME).getByRole("button", { name: "Sửa" }).click();
    const form = page.getByRole("form", { name: `Sửa tài khoản ${USERNAME}` });
    await form.getByLabel(/^Thư điện tử/).fill("moi@example.gov.vn");
    await form.getByRole("button", { name: "Lưu thay đổi" }).click();
    await expect.poll(() => form.locator(".admin-saved").innerText()).toBe("Đã lưu");
    await expect.poll(() => userRow(USERNAME).innerText()).toContain("moi@example.gov.vn");

    await form.getByRole("button", { name: "Vô hiệu hoá tài khoản" }).click();
    await expect.poll(() => userRow(USERNAME).innerText()).toContain("Đã vô hiệu hoá");
    await form.getByRole("button", { name: "Kích hoạt lại tài khoản" }).click();
    await expect.poll(() => userRow(USERNAME).innerText()).not.toContain("Đã vô hiệu hoá");
    await form.getByRole("button", { name: "Đóng" }).click();

    const { body } = await s.call("GET", "/api/users");
    expect(body.items.find((u: { username: string }) => u.username === USERNAME)).toMatchObject({ email: "moi@example.gov.vn", disabled: false, version: 4 });
  });

  it("resets the password and shows the new temporary one once", async () => {
    await userRow(USERNAME).getByRole("button", { name: "Đặt lại mật khẩu" }).click();
    const form = page.getByRole("form", { name: `Đặt mật khẩu tạm cho ${USERNAME}` });
    const next = await form.getByLabel(/^Mật khẩu tạm/).inputValue();
    expect(next).toMatch(/^[A-Za-z0-9]{14}$/);
    await form.getByRole("button", { name: "Đặt mật khẩu tạm" }).click();
    await expect.poll(() => page.getByTestId("temporary-password").innerText()).toBe(next);
    expect(await page.locator(".admin-notice").innerText()).toContain(`Đã đặt mật khẩu tạm cho ${USERNAME}.`);
    expect(await page.getByRole("form", { name: `Đặt mật khẩu tạm cho ${USERNAME}` }).count()).toBe(0);

    await page.locator(".admin-notice").getByRole("button", { name: "Đóng" }).click();
    expect(await page.getByTestId("temporary-password").count()).toBe(0);

    await expect(s.signIn(USERNAME, firstPassword)).rejects.toThrow(/401/);
    const reporter = await s.signIn(USERNAME, next);
    expect((await reporter.call("GET", "/api/session")).body.user.mustChangePassword).toBe(true);
    resetPassword = next;
  });

  it("shows an account locked by wrong passwords until when, and unlocks it", async () => {
    for (let i = 0; i < 5; i++) await expect(s.signIn(USERNAME, `sai-mat-khau-${i}`)).rejects.toThrow(/401/);
    await expect(s.signIn(USERNAME, resetPassword)).rejects.toThrow(/401/);
    await page.reload();
    await expect.poll(() => userRow(USERNAME).innerText()).toMatch(/Tạm khoá đến \d{2}:\d{2}:\d{2},? \d{2}\/\d{2}\/\d{4}/);

    await userRow(USERNAME).getByRole("button", { name: "Sửa" }).click();
    const form = page.getByRole("form", { name: `Sửa tài khoản ${USERNAME}` });
    await form.getByRole("button", { name: "Mở khoá" }).click();
    await expect.poll(() => form.locator(".admin-saved").innerText()).toBe("Đã mở khoá");
    await expect.poll(() => userRow(USERNAME).innerText()).not.toContain("Tạm khoá");
    expect(await form.getByRole("button", { name: "Mở khoá" }).count()).toBe(0);
    await form.getByRole("button", { name: "Đóng" }).click();
    await s.signIn(USERNAME, resetPassword);
  });

  it("shows the creation of the user in the audit trail, and pages on", async () => {
    await page.locator("header nav").getByRole("link", { name: "Nhật ký thay đổi", exact: true }).click();
    await page.waitForURL(/\/admin\/audit$/);
    const events = page.locator("table.audit-events > tbody > tr");
    await events.first().waitFor();
    expect(await events.count()).toBe(50);
    await page.getByRole("button", { name: "Xem thêm" }).click();
    await expect.poll(() => events.count()).toBeGreaterThan(50);

    await page.getByLabel("Bảng dữ liệu").selectOption("users");
    await page.waitForURL(/table=users/);
    const created = page.locator('table.audit-events > tbody > tr[data-table="users"][data-operation="insert"]', {
      has: page.locator('tr[data-column="username"] td.after', { hasText: USERNAME }),
    });
    await created.waitFor();
    const text = await created.innerText();
    expect(text).toContain("quantri");
    expect(text).toContain("POST /api/users");
    expect(text).toContain("Thêm");
    expect(await created.locator('tr[data-column="email"] td.after').innerText()).toBe(EMAIL);
    expect(await created.locator('tr[data-column="role"] td.after').innerText()).toBe("reporter");
    expect(await created.locator("td").first().innerText()).toMatch(/\d{2}:\d{2}:\d{2},? \d{2}\/\d{2}\/\d{4}/);

    // The e-mail change reads before → after.
    const edited = page.locator('table.audit-events > tbody > tr[data-table="users"][data-operation="update"]', { has: page.locator('tr[data-column="email"]') });
    expect(await edited.locator('tr[data-column="email"]').innerText()).toMatch(new RegExp(`${EMAIL.replace(/\./g, "\\.")}\\s*→\\s*moi@example\\.gov\\.vn`));
    expect(await page.locator("table.audit-events > tbody > tr").evaluateAll((rows) => rows.every((r) => r.getAttribute("data-table") === "users"))).toBe(true);
  });

  it("merges Sở Giao thông vận tải into Sở Xây dựng from 01/03/2025 and shows what moved", async () => {
    const { body: registry } = await s.call("GET", "/api/agencies?pageSize=500");
    const gtvt = registry.items.find((x: { code: string }) => x.code === "so-giao-thong-van-tai");
    const open = async (role: string) => (await s.call("GET", `/api/tasks?agencyId=${gtvt.id}&role=${role}&status=open&pageSize=1`)).body.total as number;
    const assignmentsLed = await open("lead");
    const assignments = assignmentsLed + (await open("coordinating"));
    const ledBefore = (await s.call("GET", `/api/tasks?agencyId=${gtvt.id}&role=lead&pageSize=1`)).body.total as number;
    const indicators = (await s.call("GET", `/api/indicators?ownerId=${gtvt.id}&pageSize=1`)).body.total as number;
    expect(assignments).toBeGreaterThan(0);

    await page.locator("header nav").getByRole("link", { name: "Cơ quan, đơn vị" }).click();
    await page.locator('li[data-code="so-giao-thong-van-tai"] > .agency a').click();
    await page.waitForURL(new RegExp(`/agencies/${gtvt.id}$`));
    await expect.poll(() => page.locator("h1").innerText()).toContain("Sở Giao thông vận tải");

    await page.getByRole("button", { name: "Đổi tên, hợp nhất, chia tách, chuyển giao…" }).click();
    await page.getByLabel("Hình thức").selectOption({ label: "Hợp nhất" });
    // A malformed date is caught before the confirmation.
    await page.getByLabel(/^Ngày có hiệu lực/).fill("31/02/2025");
    await page.getByLabel("Tìm cơ quan").fill("xay dung");
    await page.getByLabel("Sở Xây dựng", { exact: true }).check();
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    await expect.poll(() => page.locator(".restructure-form .field-error").innerText()).toBe("Nhập ngày dạng dd/mm/yyyy, ví dụ 01/03/2025");

    await page.getByLabel(/^Ngày có hiệu lực/).fill("01/03/2025");
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    const confirm = page.getByRole("group", { name: "Xác nhận" });
    const said = await confirm.innerText();
    expect(said).toContain("Từ ngày 01/03/2025, Sở Giao thông vận tải hợp nhất vào Sở Xây dựng.");
    expect(said).toContain("Sở Giao thông vận tải hoạt động đến hết ngày 28/02/2025.");
    expect(said).toContain("Các nhiệm vụ đang thực hiện, chỉ tiêu và các đợt báo cáo chưa đến hạn sẽ chuyển sang cơ quan kế thừa; lịch sử giữ nguyên");
    await confirm.getByRole("button", { name: "Xác nhận thực hiện" }).click();

    const done = page.locator(".restructure-done");
    await done.waitFor();
    expect(await done.locator('[data-moved="tasks"]').innerText()).toBe(`${assignments} lượt giao nhiệm vụ`);
    expect(await done.locator('[data-moved="indicators"]').innerText()).toBe(`${indicators} chỉ tiêu`);
    expect(await done.locator('[data-moved="rounds"]').innerText()).toMatch(/^\d+ đợt báo cáo$/);
    // The page reloads the agency: its open tasks went to Sở Xây dựng.
    await expect.poll(() => page.locator("h2", { hasText: "Nhiệm vụ chủ trì" }).innerText()).toBe(`Nhiệm vụ chủ trì (${ledBefore - assignmentsLed})`);
    expect(await open("lead")).toBe(0);
    const { body: detail } = await s.call("GET", `/api/agencies/${gtvt.id}`);
    expect(detail.successors).toMatchObject([{ agency: { code: "so-xay-dung" }, kind: "merge", effectiveDate: "2025-03-01" }]);
  });

  it("refuses both pages to a viewer, whose API calls are forbidden", async () => {
    const viewer = await s.as("nguoixem", "viewer");
    expect((await viewer.call("GET", "/api/users")).status).toBe(403);
    expect((await viewer.call("GET", "/api/audit")).status).toBe(403);

    const context = await browser.newContext({ locale: "vi-VN" });
    try {
      const other = await context.newPage();
      await signInPage(other, s.url, "nguoixem");
      expect(await other.locator("header nav").getByRole("link", { name: "Tài khoản", exact: true }).count()).toBe(0);
      expect(await other.locator("header nav").getByRole("link", { name: "Nhật ký thay đổi", exact: true }).count()).toBe(0);
      for (const path of ["/admin/users", "/admin/audit"]) {
        await other.goto(s.url + path);
        await expect.poll(() => other.getByRole("alert").innerText()).toContain("không có quyền xem trang này");
        expect(await other.locator("table").count()).toBe(0);
      }
      // Nor does the agency page offer restructuring.
      const { body: registry } = await s.call("GET", "/api/agencies?pageSize=500");
      const xd = registry.items.find((x: { code: string }) => x.code === "so-xay-dung");
      await other.goto(`${s.url}/agencies/${xd.id}`);
      await expect.poll(() => other.locator("h1").innerText()).toContain("Sở Xây dựng");
      expect(await other.getByRole("button", { name: /Đổi tên, hợp nhất/ }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
