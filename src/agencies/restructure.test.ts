import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indicators, taskAgencies, tasks } from "../plans/schema.js";
import { roundReporters, submissions } from "../reporting/schema.js";
import { startTestServer, type TestServer } from "../../test/support/server.js";
import { agencies } from "./schema.js";
import { projectsAnswered } from "../../test/support/reports.js";

let s: TestServer;
beforeAll(async () => { s = await startTestServer({ samples: true }); });
afterAll(async () => { await s.close(); });

describe("restructuring an agency", () => {
  it("moves the open work of Sở Kế hoạch và Đầu tư to Sở Tài chính from 01/03/2025, and leaves history alone", async () => {
    const db = s.db.store.db;
    const idOf = Object.fromEntries((await db.select({ id: agencies.id, code: agencies.code }).from(agencies)).map((a) => [a.code, a.id]));
    const khdt = idOf["so-ke-hoach-dau-tu"], tc = idOf["so-tai-chinh"];
    const plan = (await s.call("GET", `/api/documents?q=${encodeURIComponent("23/KH-UBND")}`)).body.items.find((d: { symbol: string }) => d.symbol === "23/KH-UBND");
    const mine = () => db.select({ taskId: taskAgencies.taskId, agencyId: taskAgencies.agencyId, role: taskAgencies.role, status: tasks.status })
      .from(taskAgencies).innerJoin(tasks, eq(tasks.id, taskAgencies.taskId)).where(eq(tasks.documentId, plan.id));
    const before = await mine();
    const khdtTasks = before.filter((a) => a.agencyId === khdt);
    expect(khdtTasks.length).toBeGreaterThan(2);
    // One task was completed before the change: it stays with the department that did it.
    const done = khdtTasks[0].taskId;
    await db.update(tasks).set({ status: "completed" }).where(eq(tasks.id, done));
    const [indicator] = await db.select({ id: indicators.id }).from(indicators).where(eq(indicators.documentId, plan.id)).limit(1);
    await db.update(indicators).set({ ownerId: khdt }).where(eq(indicators.id, indicator.id));

    // As the province stood before the restructuring was recorded: no successor yet.
    let agency = (await s.call("GET", `/api/agencies/${khdt}`)).body;
    agency = (await s.call("PUT", `/api/agencies/${khdt}/successors`, { successors: [], version: agency.version })).body;
    const round2024 = (await s.call("POST", "/api/rounds", { documentIds: [plan.id], periodKind: "year", periodYear: 2024, coordinatorId: khdt })).body;
    const round2025 = (await s.call("POST", "/api/rounds", { documentIds: [plan.id], periodKind: "year", periodYear: 2025, coordinatorId: khdt })).body;
    expect(round2024.reporterIds).toContain(khdt);
    expect(round2025.reporterIds).toContain(khdt);
    // The department reported for 2024 and its report was accepted.
    const form = (await s.call("GET", `/api/rounds/${round2024.id}/reports/${khdt}`)).body;
    const saved = await s.call("PUT", `/api/rounds/${round2024.id}/reports/${khdt}`, {
      version: 0, tasks: form.tasks.map((t: { id: number }) => ({ taskId: t.id, status: "in_progress" })),
      indicators: form.indicators.map((i: { id: number }) => ({ indicatorId: i.id, explanation: "Chưa có số liệu" })),
      projects: projectsAnswered(form),
    });
    const sent = await s.call("POST", `/api/rounds/${round2024.id}/reports/${khdt}/submit`, { version: saved.body.submission.version });
    expect((await s.call("POST", `/api/rounds/${round2024.id}/reports/${khdt}/review`, { version: sent.body.submission.version, decision: "accept" })).status).toBe(200);

    const openEverywhere = await db.select({ taskId: taskAgencies.taskId }).from(taskAgencies).innerJoin(tasks, eq(tasks.id, taskAgencies.taskId))
      .where(and(eq(taskAgencies.agencyId, khdt), eq(tasks.status, "open")));
    agency = (await s.call("GET", `/api/agencies/${khdt}`)).body;
    const bad = await s.call("POST", `/api/agencies/${khdt}/restructure`, { kind: "merge", effectiveDate: "2025-03-01", successorIds: [tc, idOf["so-xay-dung"]], version: agency.version });
    expect(bad.status).toBe(400);
    const res = await s.call("POST", `/api/agencies/${khdt}/restructure`, { kind: "merge", effectiveDate: "01/03/2025", successorIds: [tc], note: "Hợp nhất vào Sở Tài chính", version: agency.version });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ indicatorsMoved: 1, roundsMoved: 1 });
    expect(res.body.taskAssignmentsMoved).toBe(openEverywhere.length);

    const after = await mine();
    expect(after.filter((a) => a.agencyId === khdt).map((a) => a.taskId)).toEqual([done]);
    for (const a of khdtTasks.filter((t) => t.taskId !== done)) {
      const roles = after.filter((x) => x.taskId === a.taskId && x.agencyId === tc).map((x) => x.role);
      // One role each: a successor that coordinated a task the department led now leads it, and is not its own partner.
      expect(roles).toHaveLength(1);
      if (a.role === "lead") expect(roles).toEqual(["lead"]);
    }
    expect((await db.select({ ownerId: indicators.ownerId }).from(indicators).where(eq(indicators.id, indicator.id)))[0].ownerId).toBe(tc);
    const reportersOf = async (roundId: number) => (await db.select({ agencyId: roundReporters.agencyId }).from(roundReporters).where(eq(roundReporters.roundId, roundId))).map((r) => r.agencyId);
    expect(await reportersOf(round2025.id)).toContain(tc);
    expect(await reportersOf(round2025.id)).not.toContain(khdt);
    expect(await reportersOf(round2024.id)).toContain(khdt);
    const [past] = await db.select().from(submissions).where(and(eq(submissions.roundId, round2024.id), eq(submissions.agencyId, khdt)));
    expect(past.status).toBe("accepted");
    const detail = (await s.call("GET", `/api/agencies/${khdt}`)).body;
    expect(detail).toMatchObject({ validTo: "2025-02-28", successors: [expect.objectContaining({ effectiveDate: "2025-03-01", kind: "merge" })] });
    // The audit trail names the restructuring on every row it moved.
    const trail = (await s.call("GET", `/api/audit?action=${encodeURIComponent("POST /api/agencies/:id/restructure")}&limit=500`)).body.items;
    expect(trail.filter((e: { tableName: string }) => e.tableName === "task_agencies").length).toBeGreaterThanOrEqual(khdtTasks.length - 1);
    expect(trail.find((e: { tableName: string }) => e.tableName === "indicators")).toMatchObject({ before: { owner_id: khdt }, after: { owner_id: tc }, actorName: "quantri" });
  });
});
