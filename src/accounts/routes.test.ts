/**
 * Accounts over HTTP: signing in and out, the lock after repeated failures, the sign-in limit,
 * CSRF and cross-site writes, password change and reset; and the role × route matrix, walked over
 * every route the server has, against expectations written here (not read from the policy).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allRoutes } from "../http/routes.js";
import { startTestServer, TEST_PASSWORD, type Client, type TestServer } from "../../test/support/server.js";
import { ROLES, type Role } from "./schema.js";

let s: TestServer;
beforeAll(async () => { s = await startTestServer(); }, 60_000);
afterAll(async () => { await s.close(); });

const signInRaw = (username: string, password: string, headers: Record<string, string> = {}) =>
  s.anonymous.call("POST", "/api/session?lang=vi", { username, password }, headers);

describe("sessions", () => {
  it("answers 401 without a session, and signs in with a secure cookie", async () => {
    expect((await s.anonymous.call("GET", "/api/documents")).status).toBe(401);
    await s.as("thu", "viewer");
    const res = await fetch(`${s.url}/api/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "THU", password: TEST_PASSWORD }) });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie()[0];
    expect(cookie).toMatch(/^theodoi_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(await res.json()).toMatchObject({ user: { username: "thu", role: "viewer" }, abilities: expect.arrayContaining(["documents.read"]), csrfToken: expect.any(String) });
  });

  it("gives one answer for an unknown user and a wrong password, and locks after 5 failures in a row", async () => {
    await s.as("khoa", "viewer");
    expect((await signInRaw("khong-co", "sai-mat-khau-1")).body.error).toMatchObject({ code: "unauthorized", message: "Tên đăng nhập hoặc mật khẩu không đúng" });
    for (let i = 0; i < 4; i++) expect((await signInRaw("khoa", "sai-mat-khau-1")).body.error.message).toBe("Tên đăng nhập hoặc mật khẩu không đúng");
    expect((await signInRaw("khoa", "sai-mat-khau-1")).body.error.message).toMatch(/^Tài khoản tạm khoá 15 phút/);
    // Locked: even the right password is refused until an administrator unlocks it.
    expect((await signInRaw("khoa", TEST_PASSWORD)).status).toBe(401);
    const user = (await s.call("GET", "/api/users")).body.items.find((u: any) => u.username === "khoa");
    expect(user.lockedUntil).not.toBeNull();
    expect((await s.call("PATCH", `/api/users/${user.id}`, { unlock: true, version: user.version })).status).toBe(200);
    expect((await signInRaw("khoa", TEST_PASSWORD)).status).toBe(200);
  });

  it("slows down many failed attempts on one username", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await signInRaw("doan-mo", "sai-mat-khau-1")).status);
    expect(statuses.slice(0, 10).every((x) => x === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it("refuses a write without the CSRF token, or from another site", async () => {
    const body = { code: "csrf-test", name: "Cơ quan thử", kind: "other" };
    const noToken = await s.call("POST", "/api/agencies", body, { "x-csrf-token": "" });
    expect(noToken).toMatchObject({ status: 403, body: { error: { code: "forbidden", message: "Phiên làm việc không hợp lệ hoặc đã hết hạn; hãy tải lại trang" } } });
    expect((await s.call("POST", "/api/agencies", body, { origin: "https://evil.example" })).status).toBe(403);
    expect((await s.call("GET", "/api/agencies?q=csrf-test")).body.total).toBe(0);
    expect((await s.call("POST", "/api/agencies", body)).status).toBe(201);
  });

  it("signs out", async () => {
    const c = await s.as("ra", "viewer");
    expect((await c.call("DELETE", "/api/session")).status).toBe(204);
    expect((await c.call("GET", "/api/session")).status).toBe(401);
  });
});

describe("passwords", () => {
  it("changes one's own password, ending the other sessions", async () => {
    const first = await s.as("doimk", "viewer");
    const second = await s.signIn("doimk");
    expect((await first.call("PUT", "/api/session/password?lang=vi", { currentPassword: "sai", newPassword: "mat-khau-moi-1" })).body.error.fields)
      .toEqual([{ field: "currentPassword", message: "Mật khẩu hiện tại không đúng" }]);
    expect((await first.call("PUT", "/api/session/password?lang=vi", { currentPassword: TEST_PASSWORD, newPassword: "ngan" })).body.error.fields)
      .toEqual([{ field: "newPassword", message: "Mật khẩu cần ít nhất 10 ký tự" }]);
    expect((await first.call("PUT", "/api/session/password", { currentPassword: TEST_PASSWORD, newPassword: "mat-khau-moi-1" })).status).toBe(200);
    expect((await first.call("GET", "/api/session")).status).toBe(200);
    expect((await second.call("GET", "/api/session")).status).toBe(401);
    expect((await signInRaw("doimk", "mat-khau-moi-1")).status).toBe(200);
  });

  it("after an administrator's reset, allows nothing but changing the temporary password", async () => {
    const before = await s.as("datlai", "leader");
    const user = (await s.call("GET", "/api/users")).body.items.find((u: any) => u.username === "datlai");
    expect((await s.call("POST", `/api/users/${user.id}/password`, { password: "tam-thoi-12345" })).body).toMatchObject({ mustChangePassword: true });
    expect((await before.call("GET", "/api/session")).status).toBe(401); // its sessions ended
    const after = await s.signIn("datlai", "tam-thoi-12345");
    expect((await after.call("GET", "/api/documents?lang=vi")).body.error).toMatchObject({ code: "forbidden", message: "Hãy đổi mật khẩu tạm trước khi tiếp tục" });
    expect((await after.call("PUT", "/api/session/password", { currentPassword: "tam-thoi-12345", newPassword: "mat-khau-that-1" })).status).toBe(200);
    expect((await after.call("GET", "/api/documents")).status).toBe(200);
  });

  it("stores only Argon2id hashes", async () => {
    const rows = await s.db.store.db.execute("select password_hash from users") as unknown as { rows: { password_hash: string }[] };
    for (const r of rows.rows) expect(r.password_hash).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
  });
});

describe("role × route matrix", () => {
  /** Who may call each route, written out: reading is for everyone signed in; drafts for leaders and up; writing for the focal point; users and restructuring for administrators. */
  function expectedRoles(method: string, path: string): Role[] | "public" | "signed_in" {
    if (path === "/api/session" && method === "post") return "public";
    if (path.startsWith("/api/session")) return "signed_in";
    if (path.startsWith("/api/users") || path.endsWith("/successors") || path.endsWith("/restructure") || path === "/api/audit") return ["admin"];
    const read = method === "get";
    // Signed in, then checked on the record: one's own agencies' reports and notifications.
    if (path === "/api/inbox" || path.startsWith("/api/notifications") || path === "/api/evidence/:id" || (read && path === "/api/rounds/:id/reports/:agencyId")) return "signed_in";
    if (path.startsWith("/api/rounds/:id/reports/")) return path.endsWith("/review") ? ["admin", "focal_point"] : ["admin", "focal_point", "reporter"];
    if (path === "/api/plans/:id/report" || (read && path === "/api/plans/:id/report-draft")) return ["admin", "focal_point", "leader"];
    if (path === "/api/plans/:id/report-draft") return ["admin", "focal_point"];
    if (path.startsWith("/api/rounds")) return read && !path.endsWith("/urging-letter") ? ["admin", "focal_point", "leader"] : ["admin", "focal_point"];
    if (path.startsWith("/api/imports")) return read ? ["admin", "focal_point", "leader"] : ["admin", "focal_point"];
    return read ? [...ROLES] : ["admin", "focal_point"];
  }
  const routes = allRoutes().filter((r) => !(r.method === "delete" && r.path === "/api/session")); // signing out is tested above
  const concrete = (path: string) => path.replace(/:\w+/g, "999999");

  it(`walks ${ROLES.length} roles and the anonymous over every route`, async () => {
    const clients = new Map<Role, Client>();
    for (const role of ROLES) clients.set(role, await s.as(`matran-${role}`, role, role === "reporter" ? [await anyAgencyId()] : []));
    const failures: string[] = [];
    for (const r of routes) {
      const expected = expectedRoles(r.method, r.path);
      const body = r.method === "get" || r.method === "delete" ? undefined : {};
      const anonymous = await s.anonymous.call(r.method.toUpperCase(), concrete(r.path), body);
      if (expected !== "public" && anonymous.status !== 401) failures.push(`anonymous ${r.method} ${r.path}: ${anonymous.status}`);
      for (const role of ROLES) {
        const { status } = await clients.get(role)!.call(r.method.toUpperCase(), concrete(r.path), body);
        const allowed = expected === "public" || expected === "signed_in" || expected.includes(role);
        if (allowed ? status === 401 || status === 403 : status !== 403) failures.push(`${role} ${r.method} ${r.path}: ${status} (${allowed ? "allowed" : "denied"})`);
      }
    }
    expect(failures).toEqual([]);
    expect(routes.length).toBeGreaterThan(50);
  }, 120_000);
});

async function anyAgencyId(): Promise<number> {
  const page = (await s.call("GET", "/api/agencies?pageSize=1")).body;
  if (page.items.length) return page.items[0].id;
  return (await s.call("POST", "/api/agencies", { code: "matran", name: "Cơ quan ma trận", kind: "other" })).body.id;
}

describe("the lock", () => {
  it("runs out after 15 minutes, and counts failures afresh", async () => {
    const { signIn } = await import("./sessions.js");
    await s.as("hethan", "viewer");
    const t0 = new Date("2026-11-23T08:00:00Z");
    for (let i = 0; i < 5; i++) await signIn(s.db.store.db, { username: "hethan", password: "sai-mat-khau-1" }, t0).catch(() => undefined);
    await expect(signIn(s.db.store.db, { username: "hethan", password: TEST_PASSWORD }, new Date(t0.getTime() + 14 * 60_000))).rejects.toMatchObject({ detail: "account_locked" });
    const later = new Date(t0.getTime() + 16 * 60_000);
    await expect(signIn(s.db.store.db, { username: "hethan", password: "sai-mat-khau-1" }, later)).rejects.toMatchObject({ detail: "login_failed" });
    expect((await signIn(s.db.store.db, { username: "hethan", password: TEST_PASSWORD }, later)).user.username).toBe("hethan");
  });
});
