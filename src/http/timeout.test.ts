/**
 * Request budgets (timeout.ts): a request past its budget is answered 503 with Retry-After and a message the
 * user can act on, other routes keep their own budget, and what the request started is abandoned: a write is
 * rolled back, not committed after the answer; on PostgreSQL a statement running when the budget ends is cancelled.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asActor } from "../audit/audit.js";
import { documents } from "../documents/schema.js";
import { openTestDatabase, serverUrl, type TestDatabase } from "../../test/support/database.js";
import { startTestServer, type TestServer } from "../../test/support/server.js";
import { queryRows } from "../storage/database.js";
import { Budget } from "./timeout.js";

describe("a request past its budget", () => {
  let s: TestServer;
  // Uploads and heavy routes given 1 ms: reading a file (in a child process) takes longer on any machine.
  beforeAll(async () => { s = await startTestServer({ budgets: { heavyMs: 1 } }); }, 60_000);
  afterAll(async () => { await s.close(); });

  it("is answered 503 with Retry-After and what to do, in the user's language; a route of the ordinary budget is not", async () => {
    const before = (await s.call("GET", "/api/imports")).body.total;
    for (const [lang, words] of [["vi", "Yêu cầu cần hơn 0 giây nên đã dừng; hãy thu hẹp phạm vi"], ["en", "narrow it (year, document, agency) or try again in 30 s"]]) {
      const form = new FormData();
      form.append("file", new Blob([new TextEncoder().encode("KẾ HOẠCH\nSố: 9/KH-UBND\nI. NHIỆM VỤ\n1. Sở Xây dựng chủ trì.\n")]), "ke-hoach.txt");
      const res = await fetch(`${s.url}/api/imports?lang=${lang}`, { method: "POST", body: form, headers: s.headers });
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("30");
      const body = await res.json() as { error: { code: string; message: string } };
      expect(body.error.code).toBe("unavailable");
      expect(body.error.message).toContain(words);
    }
    // The upload's work went on to its end or was dropped; either way its answer was not sent as done. The list,
    // on the ordinary budget, answers.
    const list = await s.call("GET", "/api/imports");
    expect(list.status).toBe(200);
    expect(list.body.total).toBeGreaterThanOrEqual(before);
  });
});

describe("the work of a request past its budget", () => {
  let t: TestDatabase;
  beforeAll(async () => { t = await openTestDatabase(); }, 60_000);
  afterAll(async () => { await t.drop(); });
  const titled = async (title: string) => (await queryRows<{ n: number }>(t.store.db, sql`select count(*)::int as n from documents where title = ${title}`))[0].n;

  it("is rolled back when the budget ends before it commits, and committed when it does not", async () => {
    const budget = new Budget(60_000);
    const write = asActor(t.store.db, null, "POST /api/documents", (tx) => budget.bind(tx, t.store.engine, t.store.db, async () => {
      await tx.insert(documents).values({ title: "Viết khi hết thời gian", docType: "plan" });
      budget.expire();
    }));
    await expect(write).rejects.toMatchObject({ code: "unavailable", detail: "request_timeout" });
    expect(await titled("Viết khi hết thời gian")).toBe(0);
    const fresh = new Budget(60_000);
    await asActor(t.store.db, null, "POST /api/documents", (tx) => fresh.bind(tx, t.store.engine, t.store.db, () => tx.insert(documents).values({ title: "Viết kịp thời gian", docType: "plan" })));
    expect(await titled("Viết kịp thời gian")).toBe(1);
    // Spent before it began: nothing is run.
    await expect(asActor(t.store.db, null, "x", (tx) => budget.bind(tx, t.store.engine, t.store.db, () => tx.insert(documents).values({ title: "Không chạy", docType: "plan" }))))
      .rejects.toMatchObject({ detail: "request_timeout" });
    expect(await titled("Không chạy")).toBe(0);
  });

  it("once a write's COMMIT has begun, waits for it: the write is kept and its request not answered as undone", async () => {
    const budget = new Budget(60_000);
    let answered503 = false;
    await asActor(t.store.db, null, "POST /api/documents", async (tx) => {
      const done = await budget.bind(tx, t.store.engine, t.store.db, () => tx.insert(documents).values({ title: "Hết giờ khi đang ghi", docType: "plan" }), true);
      // The guard's timer going off between the work's end and the COMMIT.
      budget.end(() => { answered503 = true; });
      return done;
    }).then(() => budget.settled(true), () => budget.settled(false));
    expect(answered503).toBe(false);
    expect(budget.expired).toBe(false);
    expect(await titled("Hết giờ khi đang ghi")).toBe(1);
    // After the commit, a budget's end gives the answer its grace too.
    budget.end(() => { answered503 = true; });
    expect([answered503, budget.expired]).toEqual([false, false]);
    budget.dispose();
    // Outside a COMMIT the budget's end is at once.
    const plain = new Budget(60_000);
    plain.end(() => { answered503 = true; });
    expect([answered503, plain.expired]).toEqual([true, true]);
  });

  it.runIf(serverUrl)("on PostgreSQL: the statement running when the budget ends is cancelled, and one past what was left times out", async () => {
    const budget = new Budget(60_000);
    const slow = asActor(t.store.db, null, "GET /api/plans/:id/report", (tx) => budget.bind(tx, t.store.engine, t.store.db, async () => {
      await tx.insert(documents).values({ title: "Trước câu lệnh chậm", docType: "plan" });
      await tx.execute(sql`select pg_sleep(30)`);
    }));
    // Expired while pg_sleep runs: cancelled through another connection, long before its 30 s.
    setTimeout(() => budget.expire(), 300);
    // Answered as the budget's end, not as an internal error (it would have run 30 s past this test's limit).
    await expect(slow).rejects.toMatchObject({ code: "unavailable", detail: "request_timeout" });
    expect(await titled("Trước câu lệnh chậm")).toBe(0);
    // A budget with 200 ms left sets that as the transaction's statement_timeout.
    const short = new Budget(200);
    await expect(t.store.db.transaction((tx) => short.bind(tx, t.store.engine, t.store.db, () => tx.execute(sql`select pg_sleep(30)`))))
      .rejects.toMatchObject({ code: "unavailable", detail: "request_timeout" });
    // And only the transaction's: the pool's next query has none.
    expect((await queryRows<{ statement_timeout: string }>(t.store.db, sql`show statement_timeout`))[0].statement_timeout).toBe("0");
  }, 20_000);
});
