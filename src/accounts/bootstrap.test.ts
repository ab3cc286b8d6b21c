import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../test/support/database.js";
import { verifyPassword } from "./passwords.js";
import { ensureAdministrator, FIRST_ADMIN } from "./bootstrap.js";
import { users } from "./schema.js";

let t: TestDatabase;
beforeAll(async () => { t = await openTestDatabase({ samples: true }); });
afterAll(async () => { await t.drop(); });

describe("the first administrator", () => {
  it("is created beside the sample province's demo accounts (none of them administers), once", async () => {
    const db = t.store.db;
    expect((await db.select().from(users)).length).toBeGreaterThan(0);
    const first = await ensureAdministrator(db);
    expect(first).toMatchObject({ created: true, username: FIRST_ADMIN, generated: true });
    const [admin] = await db.select().from(users).where(eq(users.username, FIRST_ADMIN));
    expect(admin).toMatchObject({ role: "admin", mustChangePassword: true });
    expect(await verifyPassword(admin.passwordHash, (first as { password: string }).password)).toBe(true);
    expect(await ensureAdministrator(db, "mat-khau-tu-moi-truong")).toEqual({ created: false });
  });
});
