/**
 * What a report on one plan reads of a round that covers more plans than its scope: the narratives written on
 * its own tasks only, and the round's totals as the board counts them (without what each agency owes).
 */
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencies } from "../agencies/schema.js";
import { documents } from "../documents/schema.js";
import { tasks } from "../plans/schema.js";
import { boardOf, roundTotals } from "../reporting/board.js";
import { rounds } from "../reporting/schema.js";
import { startTestServer, type Client, type TestServer } from "../../test/support/server.js";
import { projectsAnswered } from "../../test/support/reports.js";
import { planBySymbol } from "./consolidated.js";
import { gatherReport } from "./context.js";

let s: TestServer;
let focal: Client;
let planId: number;
let otherPlanId: number;
let roundId: number;
/** The tasks of each plan an accepted report wrote on. */
const written = { plan: [] as number[], other: [] as number[] };

beforeAll(async () => {
  s = await startTestServer({ samples: true });
  const db = s.db.store.db;
  planId = await planBySymbol(db, "23/KH-UBND");
  // Another published plan with tasks, outside 23/KH-UBND's chain: the round covers both.
  const [other] = await db.select({ id: documents.id }).from(documents).innerJoin(tasks, eq(tasks.documentId, documents.id))
    .where(and(ne(documents.id, planId), eq(documents.status, "published"), sql`not exists (select 1 from document_links l where l.from_id = ${documents.id} and l.to_id = ${planId})`))
    .groupBy(documents.id).orderBy(documents.id).limit(1);
  otherPlanId = other.id;
  const [finance] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, "so-tai-chinh"));
  focal = await s.as("dau-moi-ctx", "focal_point", [finance.id]);
  await db.update(rounds).set({ status: "closed" });
  const round = await focal.call("POST", "/api/rounds", { documentIds: [planId, otherPlanId], periodKind: "year", periodYear: 2024, dueOn: "2024-12-15", collectorTakesUnowned: true });
  expect(round.status, JSON.stringify(round.body)).toBe(201);
  roundId = round.body.id;
  // Every expected agency's report accepted, a narrative on each of its tasks, until both plans have some written on.
  for (const agencyId of round.body.reporterIds as number[]) {
    const form = (await focal.call("GET", `/api/rounds/${roundId}/reports/${agencyId}`)).body;
    if (!form.tasks?.length) continue;
    const ofTask = new Map((await db.select({ id: tasks.id, documentId: tasks.documentId }).from(tasks).where(inArray(tasks.id, form.tasks.map((t: { id: number }) => t.id)))).map((t) => [t.id, t.documentId]));
    const saved = await focal.call("PUT", `/api/rounds/${roundId}/reports/${agencyId}`, {
      version: form.submission?.version ?? 0,
      tasks: form.tasks.map((t: { id: number }) => ({ taskId: t.id, status: "in_progress", progress: 50, narrative: `Đã triển khai nhiệm vụ mã ${t.id}` })),
      indicators: form.indicators.map((i: { id: number }) => ({ indicatorId: i.id, explanation: "Chưa có số liệu" })),
      projects: projectsAnswered(form),
      actuals: form.actuals.map((a: { indicatorId: number; year: number }) => ({ indicatorId: a.indicatorId, year: a.year, value: 50 })),
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const sent = await focal.call("POST", `/api/rounds/${roundId}/reports/${agencyId}/submit`, { version: saved.body.submission.version });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const accepted = await s.call("POST", `/api/rounds/${roundId}/reports/${agencyId}/review`, { version: sent.body.submission.version, decision: "accept" });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    for (const [taskId, documentId] of ofTask) (documentId === planId ? written.plan : written.other).push(taskId);
    if (written.plan.length && written.other.length) break;
  }
}, 240_000);
afterAll(async () => { await s.close(); });

describe("a report on one plan of a round over several", () => {
  it("reads what the reports wrote on its own tasks, not on the other plans' of the round", async () => {
    expect(written.plan.length).toBeGreaterThan(0);
    expect(written.other.length).toBeGreaterThan(0);
    const ctx = await gatherReport(s.db.store.db, planId, 2024, "2026-11-23", true);
    const read = [...ctx.resultOf.keys(), ...ctx.contributions.keys()];
    expect(read.some((id) => written.plan.includes(id))).toBe(true);
    expect(read.filter((id) => written.other.includes(id))).toEqual([]);
  });

  it("counts the round as its board does", async () => {
    const board = await boardOf(s.db.store.db, roundId);
    expect(board.totals.received).toBeGreaterThan(0);
    expect(await roundTotals(s.db.store.db, roundId)).toEqual({ totals: board.totals, percentages: board.percentages });
    const ctx = await gatherReport(s.db.store.db, planId, 2024, "2026-11-23", true);
    expect(ctx.board).toEqual({ totals: board.totals, percentages: board.percentages });
  });
});
