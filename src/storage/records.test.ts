/** upsertFields on a table of its own, on the engine the suite runs on (PGlite, or PostgreSQL with DATABASE_URL). */
import { sql } from "drizzle-orm";
import { integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../test/support/database.js";
import { upsertFields } from "./records.js";

const probe = pgTable("upsert_probe", {
  groupId: integer("group_id").notNull(), itemId: integer("item_id").notNull(), status: text("status"), note: text("note").notNull().default(""),
}, (t) => [primaryKey({ columns: [t.groupId, t.itemId] })]);

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
  await t.store.db.execute(sql`create table upsert_probe (group_id integer not null, item_id integer not null, status text, note text not null default '', primary key (group_id, item_id))`);
});
afterAll(async () => { await t?.drop(); });

const rows = () => t.store.db.select().from(probe).orderBy(probe.itemId);

describe("upsertFields", () => {
  it("inserts, then updates only the fields each row carries, many rows a statement", async () => {
    await upsertFields(t.store.db, probe, ["groupId", "itemId"], Array.from({ length: 1200 }, (_, i) => ({ groupId: 1, itemId: i, status: "open", note: `n${i}` })));
    expect((await rows()).length).toBe(1200);
    // One row's status, another's note: neither touches the other's field.
    await upsertFields(t.store.db, probe, ["groupId", "itemId"], [{ groupId: 1, itemId: 0, status: "done" }, { groupId: 1, itemId: 1, note: "sửa" }]);
    const [first, second] = await rows();
    expect(first).toEqual({ groupId: 1, itemId: 0, status: "done", note: "n0" });
    expect(second).toEqual({ groupId: 1, itemId: 1, status: "open", note: "sửa" });
  });

  it("takes an item sent twice once, its later fields over its earlier", async () => {
    await upsertFields(t.store.db, probe, ["groupId", "itemId"], [{ groupId: 2, itemId: 1, status: "a", note: "x" }, { groupId: 2, itemId: 1, status: "b" }]);
    expect((await t.store.db.select().from(probe).where(sql`group_id = 2`))).toEqual([{ groupId: 2, itemId: 1, status: "b", note: "x" }]);
  });

  it("writes a row that carries its key alone, and leaves one already there as it is", async () => {
    await upsertFields(t.store.db, probe, ["groupId", "itemId"], [{ groupId: 1, itemId: 0 }, { groupId: 3, itemId: 1 }]);
    expect((await rows())[0]).toEqual({ groupId: 1, itemId: 0, status: "done", note: "n0" });
    expect((await t.store.db.select().from(probe).where(sql`group_id = 3`))).toEqual([{ groupId: 3, itemId: 1, status: null, note: "" }]);
  });
});
