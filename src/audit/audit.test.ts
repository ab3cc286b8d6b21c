import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../accounts/schema.js";
import { createUser } from "../accounts/users.js";
import { openTestDatabase, type TestDatabase } from "../../test/support/database.js";
import { asActor, listAuditEvents } from "./audit.js";
import { auditEvents } from "./schema.js";

let t: TestDatabase;
beforeAll(async () => { t = await openTestDatabase(); });
afterAll(async () => { await t.drop(); });

describe("the audit trail", () => {
  it("records who changed which row, how, with the changed columns before and after, and never a secret", async () => {
    const db = t.store.db;
    const admin = await asActor(db, null, "test.setup", (tx) => createUser(tx, { username: "kiemtoan", displayName: "Kiểm toán", role: "admin", password: "mat-khau-rat-dai", mustChangePassword: false }));
    await asActor(db, { id: admin.id, username: "kiemtoan" }, "users.rename", (tx) => tx.update(users).set({ displayName: "Kiểm toán viên" }).where(eq(users.id, admin.id)));
    // A write that changes nothing visible (only the time stamp) leaves no event.
    await asActor(db, { id: admin.id, username: "kiemtoan" }, "users.touch", (tx) => tx.update(users).set({ updatedAt: sql`now()` }).where(eq(users.id, admin.id)));
    // A new password hash is named as changed, its value never shown.
    await asActor(db, { id: admin.id, username: "kiemtoan" }, "users.reset", (tx) => tx.update(users).set({ passwordHash: "$argon2id$bi-mat" }).where(eq(users.id, admin.id)));
    const { items } = await listAuditEvents(db, { table: "users", rowKey: String(admin.id), limit: 10 });
    expect(items.map((e) => [e.operation, e.action, e.actorName])).toEqual([["update", "users.reset", "kiemtoan"], ["update", "users.rename", "kiemtoan"], ["insert", "test.setup", null]]);
    expect(items[0]).toMatchObject({ before: { password_hash: "[hidden]" }, after: { password_hash: "[changed]" } });
    expect(items[1]).toMatchObject({ actorId: admin.id, before: { display_name: "Kiểm toán" }, after: { display_name: "Kiểm toán viên" } });
    expect(JSON.stringify(items)).not.toContain("argon2");
    expect(new Date(items[0].at).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("is append-only", async () => {
    const db = t.store.db;
    const [event] = await db.select().from(auditEvents).limit(1);
    await expect(db.update(auditEvents).set({ actorName: "ai đó" }).where(eq(auditEvents.id, event.id))).rejects.toThrow();
    await expect(db.delete(auditEvents).where(eq(auditEvents.id, event.id))).rejects.toThrow();
    await expect(db.execute(sql`truncate audit_events`)).rejects.toThrow();
    expect((await db.select().from(auditEvents).where(eq(auditEvents.id, event.id)))[0]).toEqual(event);
  });

  it("records nothing of a transaction that rolled back", async () => {
    const db = t.store.db;
    const before = (await db.select().from(auditEvents)).length;
    await expect(asActor(db, null, "test.fail", async (tx) => {
      await tx.update(users).set({ displayName: "Tạm" });
      throw new Error("stop");
    })).rejects.toThrow("stop");
    expect((await db.select().from(auditEvents)).length).toBe(before);
  });
});
