/**
 * What a round asks of whom, on the sample province: a 2026 round on 23/KH-UBND expects no agency that
 * had ended before its period (the district committees ended on 30/06/2025), and no department owes a
 * task only because a collective phrase ("phối hợp với các sở, ban, ngành") swept it in.
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../test/support/server.js";
import { agencies } from "../agencies/schema.js";
import { successionsOn } from "../agencies/successions.js";
import { taskAgencies, tasks } from "../plans/schema.js";
import { owedByAgency, type Round } from "./rounds.js";

let s: TestServer;
beforeAll(async () => { s = await startTestServer({ samples: true }); }, 120_000);
afterAll(async () => { await s?.close(); });

describe("a round on the sample province", () => {
  it("expects no agency ended before its period, and no partner swept in by a phrase", async () => {
    const db = s.db.store.db;
    const round = (await s.call("GET", "/api/rounds")).body.items.find((r: Round) => r.periodYear === 2026) as Round;
    const plan = (await s.call("GET", "/api/documents?q=23%2FKH-UBND")).body.items[0];
    const owed = await owedByAgency(db, round, [plan.id]);
    const expected = await db.select({ id: agencies.id, name: agencies.name, validTo: agencies.validTo, kind: agencies.kind }).from(agencies).where(inArray(agencies.id, [...owed.keys()]));
    expect(expected.filter((a) => a.validTo !== null && a.validTo < round.windowFrom)).toEqual([]);
    // A province's round asks no ministry (Bộ Quốc phòng, Bộ Xây dựng are named as partners in 23/KH-UBND).
    expect(expected.filter((a) => a.kind === "ministry")).toEqual([]);
    // Every task an agency owes names it (or the agency whose work it took over in 2025) on its own: as a lead,
    // or as a partner the text names.
    const successors = await successionsOn(db, round.dueOn);
    for (const [agencyId, o] of owed) {
      for (const [taskId, role] of o.tasks) {
        if (role !== "coordinating") continue;
        const named = await db.select({ agencyId: taskAgencies.agencyId }).from(taskAgencies)
          .where(and(eq(taskAgencies.taskId, taskId), eq(taskAgencies.role, "coordinating"), isNull(taskAgencies.via)));
        expect(named.some((n) => successors(n.agencyId).includes(agencyId)), `task ${taskId} of agency ${agencyId}`).toBe(true);
      }
    }
    // The phrase is kept on the task: the partners it brought in are listed under it.
    const swept = await db.select({ via: taskAgencies.via }).from(taskAgencies).innerJoin(tasks, eq(tasks.id, taskAgencies.taskId))
      .where(and(eq(tasks.documentId, plan.id), eq(taskAgencies.role, "coordinating")));
    expect(swept.some((r) => r.via !== null)).toBe(true);
    const inspectorate = expected.find((a) => a.name === "Thanh tra tỉnh");
    const owedByInspectorate = inspectorate ? owed.get(inspectorate.id)!.tasks.size : 0;
    expect(owedByInspectorate).toBeLessThan(10);
  });

  it("gives every indicator to its owner: the department that follows it, the collecting agency only those no one was given", async () => {
    const db = s.db.store.db;
    const round = (await s.call("GET", "/api/rounds")).body.items.find((r: Round) => r.periodYear === 2026) as Round;
    const plan = (await s.call("GET", "/api/documents?q=23%2FKH-UBND")).body.items[0];
    const owed = await owedByAgency(db, round, [plan.id]);
    const list = (await s.call("GET", `/api/indicators?documentId=${plan.id}&pageSize=100`)).body.items as Array<{ id: number; name: string; ownerName: string | null }>;
    const ownerOf = (words: string) => list.find((i) => i.name.includes(words))?.ownerName;
    expect(ownerOf("Số bác sĩ/vạn dân")).toBe("Sở Y tế");
    expect(ownerOf("Tỷ lệ che phủ rừng")).toBe("Sở Nông nghiệp và Môi trường");
    expect(ownerOf("Tỷ lệ đô thị hóa")).toBe("Sở Xây dựng");
    const [{ id: health }] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, "so-y-te"));
    expect(owed.get(health)!.indicators.size).toBeGreaterThanOrEqual(4);
    // Each indicator is owed once, by one agency.
    const owners = [...owed.values()].flatMap((o) => [...o.indicators]);
    expect(new Set(owners).size).toBe(owners.length);
    expect(owners.length).toBe(list.length);
  });

  it("in a round on 2024 (opened afterwards) expects the agencies of 2024, and the body that carries on an ended one's work reports for it", async () => {
    const db = s.db.store.db;
    const code = async (c: string) => (await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, c)))[0].id;
    const [planning, finance, health] = [await code("so-ke-hoach-dau-tu"), await code("so-tai-chinh"), await code("so-y-te")];
    const plan = (await s.call("GET", "/api/documents?q=23%2FKH-UBND")).body.items[0];
    const focal = await s.as("dm-2024", "focal_point", [finance]);
    const opened = await focal.call("POST", "/api/rounds", { documentIds: [plan.id], periodKind: "year", periodYear: 2024, dueOn: "2024-12-15", collectorTakesUnowned: true });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    // Sở Kế hoạch và Đầu tư (ended 28/02/2025) is expected for 2024, as are the district committees (ended 30/06/2025).
    expect(opened.body.reporterIds).toContain(planning);
    const reporters = await db.select({ kind: agencies.kind }).from(agencies).where(inArray(agencies.id, opened.body.reporterIds));
    expect(reporters.some((a) => a.kind === "district")).toBe(true);
    // Sở Tài chính, which carries on its work, reports for it; another department does not.
    const successor = await s.as("bc-tc-2024", "reporter", [finance]);
    expect((await successor.call("GET", "/api/inbox")).body.items.map((i: { agencyId: number }) => i.agencyId)).toContain(planning);
    const form = (await successor.call("GET", `/api/rounds/${opened.body.id}/reports/${planning}`)).body;
    const saved = await successor.call("PUT", `/api/rounds/${opened.body.id}/reports/${planning}`, { version: form.submission?.version ?? 0, results: "Báo cáo thay Sở Kế hoạch và Đầu tư (đã hợp nhất)" });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const other = await s.as("bc-yt-2024", "reporter", [health]);
    expect([403, 404]).toContain((await other.call("PUT", `/api/rounds/${opened.body.id}/reports/${planning}`, { version: saved.body.submission.version, results: "x" })).status);
  });

  it("shows a task's partners with the phrase that brought them in", async () => {
    const plan = (await s.call("GET", "/api/documents?q=23%2FKH-UBND")).body.items[0];
    const list = (await s.call("GET", `/api/tasks?documentId=${plan.id}&pageSize=200`)).body.items as Array<{ coordinating: Array<{ via: string | null }> }>;
    const phrases = new Set(list.flatMap((t) => t.coordinating.map((c) => c.via)).filter(Boolean));
    expect([...phrases]).toContain("các sở, ban, ngành");
  });
});
