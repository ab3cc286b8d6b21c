/**
 * Accounts over HTTP: signing in and out, one answer for every failed sign-in, the lock after
 * repeated failures, the per-address limit behind a trusted proxy, CSRF and cross-site writes,
 * password change and reset; and the role × route matrix, walked over every route the server has,
 * against expectations written here (not read from the policy).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allRoutes } from "../http/routes.js";
import { startTestServer, TEST_PASSWORD, type Client, type TestServer } from "../../test/support/server.js";
import * as passwords from "./passwords.js";
import { ROLES, type Role } from "./schema.js";

let s: TestServer;
// The test client is a proxy in front of theodoi: each test names its client in X-Forwarded-For.
beforeAll(async () => { s = await startTestServer({ trustProxy: ["127.0.0.1"] }); }, 60_000);
afterAll(async () => { await s.close(); });

const signInRaw = (username: string, password: string, headers: Record<string, string> = {}, lang = "vi") =>
  s.anonymous.call("POST", `/api/session?lang=${lang}`, { username, password }, headers);

const FAILED_VI = "Tên đăng nhập hoặc mật khẩu không đúng. Sau 5 lần sai liên tiếp, tài khoản (nếu có) bị tạm khoá 15 phút: hãy thử lại sau hoặc nhờ quản trị viên mở khoá";

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

  it("gives one answer, after one Argon2id verification, for an unknown name, a wrong password and a locked account", async () => {
    await s.as("khoa", "viewer");
    await s.as("dung", "viewer");
    const from = { "x-forwarded-for": "198.51.100.1" };
    for (let i = 0; i < 5; i++) await signInRaw("khoa", "sai-mat-khau-1", from);
    /** The answer (status and body) and the Argon2id verifications it cost. */
    const attempt = async (username: string, password: string, lang: string) => {
      const before = passwords.verifications;
      const res = await signInRaw(username, password, from, lang);
      return { ...res, verifications: passwords.verifications - before };
    };
    for (const lang of ["vi", "en"]) {
      const unknown = await attempt("khong-co", "sai-mat-khau-1", lang);
      const wrong = await attempt("dung", "sai-mat-khau-1", lang);
      const locked = await attempt("khoa", TEST_PASSWORD, lang); // the right password, on a locked account
      expect(unknown).toMatchObject({ status: 401, verifications: 1, body: { error: { code: "unauthorized" } } });
      expect(wrong).toEqual(unknown);
      expect(locked).toEqual(unknown);
      if (lang === "vi") expect(unknown.body.error.message).toBe(FAILED_VI);
      else expect(unknown.body.error.message).toMatch(/^Wrong username or password\. After 5 wrong attempts in a row an account, if there is one, is locked for 15 minutes/);
    }
    expect((await signInRaw("dung", TEST_PASSWORD, from)).status).toBe(200);
  });

  it("locks a name after 5 failures in a row, with or without an account, until it runs out or an administrator unlocks it", async () => {
    await s.as("khoa2", "viewer");
    const from = { "x-forwarded-for": "198.51.100.2" };
    for (const name of ["khoa2", "khong-co-2"]) {
      for (let i = 0; i < 5; i++) expect((await signInRaw(name, "sai-mat-khau-1", from)).body.error.message).toBe(FAILED_VI);
    }
    // Locked: even the right password is refused, in the same words, until an administrator unlocks it.
    expect((await signInRaw("khoa2", TEST_PASSWORD, from)).body.error.message).toBe(FAILED_VI);
    const user = (await s.call("GET", "/api/users")).body.items.find((u: any) => u.username === "khoa2");
    expect(user.lockedUntil).not.toBeNull(); // the administrator sees it
    // Counted alike: each name's failures locked it (the trail keeps both, the account's under its name).
    const { nameKey } = await import("./sessions.js");
    for (const name of ["khoa2", "khong-co-2"]) {
      const events = (await s.call("GET", `/api/audit?table=sign_in_failures&rowKey=${nameKey(name)}`)).body.items;
      expect(events.map((e: any) => e.operation)).toEqual(["update", "update", "update", "update", "insert"]);
      expect(events[0].after.locked_until).not.toBeNull();
      expect(events[0].actorName).toBe(name === "khoa2" ? "khoa2" : null);
    }
    expect((await s.call("PATCH", `/api/users/${user.id}`, { unlock: true, version: user.version })).status).toBe(200);
    expect((await s.call("GET", "/api/users")).body.items.find((u: any) => u.username === "khoa2").lockedUntil).toBeNull();
    expect((await signInRaw("khoa2", TEST_PASSWORD, from)).status).toBe(200);
  });

  it("slows an address past 30 failures, yet lets a right password through; other addresses are not slowed", async () => {
    await s.as("chung", "viewer");
    const crowd = { "x-forwarded-for": "203.0.113.9" };
    // Guesses across many names, a few each (under every name's lock), from one address behind the proxy.
    for (let i = 0; i < 30; i++) expect((await signInRaw(`doan-${i % 10}`, `sai-mat-khau-${i}`, crowd)).status).toBe(401);
    let t0 = performance.now();
    expect((await signInRaw("chung", TEST_PASSWORD, crowd)).status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(1_990);
    t0 = performance.now();
    expect((await signInRaw("chung", "sai-mat-khau-1", crowd)).status).toBe(401);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(1_990);
    // A client put its own X-Forwarded-For before the proxy's: the proxy's word counts, the client is still slowed.
    t0 = performance.now();
    expect((await signInRaw("chung", TEST_PASSWORD, { "x-forwarded-for": "192.0.2.50, 203.0.113.9" })).status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(1_990);
    t0 = performance.now();
    expect((await signInRaw("chung", TEST_PASSWORD, { "x-forwarded-for": "203.0.113.10" })).status).toBe(200);
    expect(performance.now() - t0).toBeLessThan(1_990);
  }, 30_000);

  it("refuses a write without the CSRF token, or from another site", async () => {
    const body = { code: "csrf-test", name: "Cơ quan thử", kind: "other" };
    const noToken = await s.call("POST", "/api/agencies", body, { "x-csrf-token": "" });
    expect(noToken).toMatchObject({ status: 403, body: { error: { code: "forbidden", message: "Phiên làm việc không hợp lệ hoặc đã hết hạn; hãy tải lại trang" } } });
    expect((await s.call("POST", "/api/agencies", body, { origin: "https://evil.example" })).status).toBe(403);
    expect((await s.call("POST", "/api/agencies", body, { origin: "null" })).status).toBe(403);
    // Another site that only carries this one's name further along is another site.
    expect((await s.call("POST", "/api/agencies", body, { origin: `https://${new URL(s.url).host}.evil.example` })).status).toBe(403);
    expect((await s.call("GET", "/api/agencies?q=csrf-test")).body.total).toBe(0);
    expect((await s.call("POST", "/api/agencies", body)).status).toBe(201);
    // Behind a proxy that ends TLS, the browser's https origin reaches the server over http, to the same host.
    expect((await s.call("POST", "/api/agencies", { ...body, code: "csrf-tls" }, { origin: `https://${new URL(s.url).host}` })).status).toBe(201);
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
    if (path === "/api/inbox" || path.startsWith("/api/notifications") || path === "/api/evidence/:id" || (read && (path === "/api/rounds/:id/reports/:agencyId" || path === "/api/rounds/:id/reports/:agencyId/template" || path === "/api/rounds/:id/reports/:agencyId/official.docx"))) return "signed_in";
    if (path.startsWith("/api/rounds/:id/reports/")) return path.endsWith("/review") ? ["admin", "focal_point"] : ["admin", "focal_point", "reporter"];
    if (path === "/api/plans/:id/report" || (read && path === "/api/plans/:id/report-draft")) return ["admin", "focal_point", "leader"];
    if (path === "/api/plans/:id/report-draft") return ["admin", "focal_point"];
    // Only an administrator lets a focal point review its own agency's report.
    if (path === "/api/rounds/:id/self-review") return ["admin"];
    // The round's bulk exports (every agency's templates, reports and evidence) are for those who run the round, as the urging letter is.
    const exports = ["/urging-letter", "/templates.zip", "/submissions.xlsx", "/evidence.zip"];
    if (path.startsWith("/api/rounds")) return read && !exports.some((e) => path.endsWith(e)) ? ["admin", "focal_point", "leader"] : ["admin", "focal_point"];
    if (path.startsWith("/api/imports")) return read ? ["admin", "focal_point", "leader"] : ["admin", "focal_point"];
    // Reports owed upward: the province's to a higher body, kept by those who run the reporting and read by leaders.
    if (path.startsWith("/api/upward-reports")) return read ? ["admin", "focal_point", "leader"] : ["admin", "focal_point"];
    // Documents owed (issue 15): who has issued what, read by all; what met an obligation, set by those who register plans.
    if (path === "/api/documents/:id/obligations") return [...ROLES];
    if (path === "/api/obligations/:id/fulfilment") return ["admin", "focal_point"];
    // Amendments (issue 15): versions and flags read by all; versions added and flags marked reviewed by those who register plans.
    if (path === "/api/documents/:id/versions" || path === "/api/documents/:id/flags") return [...ROLES];
    if (path === "/api/indicators/:id/target-versions" || path === "/api/tasks/:id/versions" || path === "/api/document-flags/:id/resolve") return ["admin", "focal_point"];
    // Indicator values in bulk from a file are written by those who register plans.
    if (path === "/api/values/import") return ["admin", "focal_point"];
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
    const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
    for (let i = 0; i < 5; i++) await signIn(s.db.store.db, { username: "hethan", password: "sai-mat-khau-1" }, t0).catch(() => undefined);
    await expect(signIn(s.db.store.db, { username: "hethan", password: TEST_PASSWORD }, at(14))).rejects.toMatchObject({ detail: "login_failed" });
    // Run out: a failure counts from one again (four more do not lock), and the right password signs in.
    for (let i = 0; i < 4; i++) await expect(signIn(s.db.store.db, { username: "hethan", password: "sai-mat-khau-1" }, at(16))).rejects.toMatchObject({ detail: "login_failed" });
    expect((await signIn(s.db.store.db, { username: "hethan", password: TEST_PASSWORD }, at(16))).user.username).toBe("hethan");
  });
});
