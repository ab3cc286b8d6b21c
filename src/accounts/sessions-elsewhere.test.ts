/**
 * A session ended elsewhere (a user disabled or a password changed on another instance, or by
 * anything else writing the database) ends here too: at once for writes, which check the session in
 * the database inside their transaction, and for reads within SESSION_CACHE_MS, the time an instance
 * reuses a session it resolved. The two-instance part needs a PostgreSQL server (DATABASE_URL): an
 * embedded database belongs to one process, so there the other writer is this test, on the database.
 */
import { and, eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asActor } from "../audit/audit.js";
import { SESSION_CACHE_MS } from "../http/app.js";
import { serverUrl } from "../../test/support/database.js";
import { startSecondInstance, startTestServer, TEST_PASSWORD, type Client, type SecondInstance, type TestServer } from "../../test/support/server.js";
import { sessions, users } from "./schema.js";
import { sessionHolds } from "./sessions.js";

let s: TestServer;
beforeAll(async () => { s = await startTestServer(); }, 60_000);
afterAll(async () => { await s.close(); });

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
const write = (c: Client, code: string) => c.call("POST", "/api/agencies", { code, name: `Cơ quan ${code}`, kind: "other" });
const read = (c: Client) => c.call("GET", "/api/agencies?pageSize=1");
const agencyExists = async (code: string) => (await s.call("GET", `/api/agencies?q=${code}`)).body.total > 0;
/** What another process does to the database, with none of this instance's caches told. */
const elsewhere = (work: Parameters<typeof asActor>[3]) => asActor(s.db.store.db, null, "test.elsewhere", work);
const tokenOf = (c: Client) => decodeURIComponent(/theodoi_session=([^;]+)/.exec(c.headers.cookie)![1]);
const userId = async (username: string) => (await s.db.store.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0].id;

describe("a session ended outside this instance", () => {
  it("writes nothing at once once its user is disabled", async () => {
    const c = await s.as("tat-ghi", "focal_point");
    expect((await read(c)).status).toBe(200); // resolved, and kept for reads by this instance
    expect((await write(c, "tat-ghi-1")).status).toBe(201);
    await elsewhere((tx) => tx.update(users).set({ disabled: true }).where(eq(users.username, "tat-ghi")));
    expect((await write(c, "tat-ghi-2")).status).toBe(401);
    expect(await agencyExists("tat-ghi-2")).toBe(false);
    // The write found the session ended: this instance's reads stop using it at once too.
    expect((await read(c)).status).toBe(401);
  });

  it("reads nothing once the bound has passed", async () => {
    const c = await s.as("tat-doc", "viewer");
    expect((await read(c)).status).toBe(200);
    await elsewhere((tx) => tx.update(users).set({ disabled: true }).where(eq(users.username, "tat-doc")));
    await sleep(SESSION_CACHE_MS);
    expect((await read(c)).status).toBe(401);
  });

  it("writes nothing at once once the password was changed (its other sessions deleted)", async () => {
    const kept = await s.as("doi-mk", "focal_point");
    const ended = await s.signIn("doi-mk");
    expect((await read(ended)).status).toBe(200);
    const id = await userId("doi-mk");
    const keptId = (await s.db.store.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, id)))[0].id;
    await elsewhere((tx) => tx.delete(sessions).where(and(eq(sessions.userId, id), ne(sessions.id, keptId))));
    expect((await write(ended, "doi-mk-1")).status).toBe(401);
    expect((await write(kept, "doi-mk-2")).status).toBe(201);
  });

  it("is found ended by the check inside a write's transaction: signed out, expired, or its user disabled", async () => {
    const holds = (c: Client, now?: Date) => s.db.store.db.transaction((tx) => sessionHolds(tx as never, tokenOf(c), now));
    const live = await s.as("kiem-tra", "viewer");
    const signedOut = await s.signIn("kiem-tra");
    expect(await holds(live)).toBe(true);
    expect(await holds(live, new Date(Date.now() + 13 * 3_600_000))).toBe(false);
    expect((await signedOut.call("DELETE", "/api/session")).status).toBe(204);
    expect(await holds(signedOut)).toBe(false);
    await elsewhere((tx) => tx.update(users).set({ disabled: true }).where(eq(users.username, "kiem-tra")));
    expect(await holds(live)).toBe(false);
  });
});

describe.skipIf(!serverUrl)("two instances over one PostgreSQL database", () => {
  let b: SecondInstance;
  beforeAll(async () => { b = await startSecondInstance(s); });
  afterAll(async () => { await b.close(); });

  const disableOnFirst = async (username: string) => {
    const user = (await s.call("GET", "/api/users")).body.items.find((u: any) => u.username === username);
    expect((await s.call("PATCH", `/api/users/${user.id}`, { disabled: true, version: user.version })).status).toBe(200);
  };

  it("a user disabled on one is refused writes on the other at once, reads within the bound", async () => {
    const writer = await s.as("hai-ghi", "focal_point");
    const reader = await s.as("hai-doc", "viewer");
    expect((await read(b.on(writer))).status).toBe(200); // both sessions resolved and kept by the second instance
    expect((await read(b.on(reader))).status).toBe(200);
    expect((await write(b.on(writer), "hai-ghi-1")).status).toBe(201);
    await disableOnFirst("hai-ghi");
    await disableOnFirst("hai-doc");
    expect((await write(b.on(writer), "hai-ghi-2")).status).toBe(401);
    expect(await agencyExists("hai-ghi-2")).toBe(false);
    await sleep(SESSION_CACHE_MS);
    expect((await read(b.on(reader))).status).toBe(401);
  });

  it("a password changed on one ends its other sessions on the other at once", async () => {
    const changing = await s.as("hai-mk", "focal_point");
    const other = await s.signIn("hai-mk");
    expect((await write(b.on(other), "hai-mk-1")).status).toBe(201);
    expect((await changing.call("PUT", "/api/session/password", { currentPassword: TEST_PASSWORD, newPassword: "mat-khau-moi-hai" })).status).toBe(200);
    expect((await write(b.on(other), "hai-mk-2")).status).toBe(401);
    expect((await write(b.on(changing), "hai-mk-3")).status).toBe(201); // the session that changed it goes on
  });

  it("counts failed sign-ins on both toward one lock", async () => {
    await s.as("hai-khoa", "viewer");
    const attempt = (url: string, password: string) => fetch(`${url}/api/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "hai-khoa", password }) });
    for (let i = 0; i < 5; i++) expect((await attempt(i % 2 ? b.url : s.url, "sai-mat-khau-1")).status).toBe(401);
    expect((await attempt(b.url, TEST_PASSWORD)).status).toBe(401);
    expect((await attempt(s.url, TEST_PASSWORD)).status).toBe(401);
  });

  it("a disable waits for a write under way, which therefore commits before it", async () => {
    // A write checks its session first thing in its transaction, locking the rows it read until it commits.
    const c = await s.as("hai-cho", "focal_point");
    const token = tokenOf(c);
    let commit!: () => void;
    let checked!: () => void;
    const sessionChecked = new Promise<void>((ok) => { checked = ok; });
    const writing = s.db.store.db.transaction(async (tx) => {
      expect(await sessionHolds(tx as never, token)).toBe(true);
      checked();
      await new Promise<void>((ok) => { commit = ok; });
    });
    await sessionChecked;
    let disabled = false;
    const disabling = elsewhere((tx) => tx.update(users).set({ disabled: true }).where(eq(users.username, "hai-cho"))).then(() => { disabled = true; });
    await sleep(300);
    expect(disabled).toBe(false); // waiting for the write
    commit();
    await writing;
    await disabling;
    expect((await write(b.on(c), "hai-cho-1")).status).toBe(401);
  });
});
