import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../test/support/database.js";
import type { Aside } from "../core/aside.js";
import { forgetWriteMark, untilWrite } from "./write-mark.js";

let t: TestDatabase;
beforeAll(async () => { t = await openTestDatabase(); });
afterAll(async () => { await t?.drop(); });

describe("results kept until the next write", () => {
  it("computes once for everyone who asks meanwhile, again after a write, and never keeps a failure", async () => {
    const db = t.store.db;
    let computed = 0;
    const compute = async () => { computed++; await new Promise((ok) => setTimeout(ok, 20)); return computed; };
    const first = await Promise.all(Array.from({ length: 20 }, () => untilWrite(db, "k", compute)));
    expect(first).toEqual(Array(20).fill(1));
    expect(await untilWrite(db, "k", compute)).toBe(1);
    expect(await untilWrite(db, "other", compute)).toBe(2);

    // A write leaves an audit entry; this process forgets the mark it read, as after any write through it.
    await db.execute(sql`insert into agencies (code, name, kind) values ('so-moi', 'Sở Mới', 'department')`);
    forgetWriteMark(db);
    expect(await untilWrite(db, "k", compute)).toBe(3);

    await expect(untilWrite(db, "failing", async () => { throw new Error("boom"); })).rejects.toThrow("boom");
    expect(await untilWrite(db, "failing", compute)).toBe(4);
  });

  it("keeps totals on a shelf of their own: a hundred of them push out no dear result", async () => {
    const db = t.store.db;
    let dear = 0;
    await untilWrite(db, "dear", async () => ++dear);
    for (let i = 0; i < 100; i++) expect(await untilWrite(db, `total|${i}`, async () => i, { shelf: "totals" })).toBe(i);
    expect(await untilWrite(db, "dear", async () => ++dear)).toBe(1);
    // The shelves are apart, not merely named apart: the same key on each is its own result.
    expect(await untilWrite(db, "dear", async () => -1, { shelf: "totals" })).toBe(-1);
  });

  it("has those who come while another computes wait aside, and serves a result already there as it is", async () => {
    const db = t.store.db;
    let asides = 0;
    const aside: Aside = (shared) => { asides++; return shared; };
    let finish!: (n: number) => void;
    const computing = untilWrite(db, "aside", () => new Promise<number>((ok) => { finish = ok; }), { aside });
    while (!finish) await new Promise((ok) => setTimeout(ok, 5));
    const waiting = untilWrite(db, "aside", async () => -1, { aside });
    while (!asides) await new Promise((ok) => setTimeout(ok, 5));
    finish(7);
    expect([await computing, await waiting]).toEqual([7, 7]);
    expect(await untilWrite(db, "aside", async () => -1, { aside })).toBe(7);
    expect(asides).toBe(1);
  });
});
