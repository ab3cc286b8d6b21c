import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencies } from "../agencies/schema.js";
import { startTestServer, type Client, type TestServer } from "../../test/support/server.js";

let s: TestServer;
beforeAll(async () => { s = await startTestServer({ samples: true }); });
afterAll(async () => { await s.close(); });

/** Sends and accepts one agency's report in a round: every task in progress (or as `taskStatus` says), the given indicator values, the rest explained. */
async function report(focal: Client, roundId: number, agencyId: number, values: Record<number, [number, "actual" | "estimate"]>, taskStatus: (taskId: number) => string = () => "in_progress") {
  const form = (await focal.call("GET", `/api/rounds/${roundId}/reports/${agencyId}`)).body;
  const saved = await focal.call("PUT", `/api/rounds/${roundId}/reports/${agencyId}`, {
    version: form.submission?.version ?? 0,
    tasks: form.tasks.map((t: { id: number }) => ({ taskId: t.id, status: taskStatus(t.id) })),
    indicators: form.indicators.map((i: { id: number }) => values[i.id] ? { indicatorId: i.id, value: values[i.id][0], valueKind: values[i.id][1], explanation: "Chưa đạt do thiếu vốn" } : { indicatorId: i.id, explanation: "Chưa có số liệu" }),
  });
  const sent = await focal.call("POST", `/api/rounds/${roundId}/reports/${agencyId}/submit`, { version: saved.body.submission.version });
  expect(sent.status).toBe(200);
  // Reviewed by someone outside the reporting agency (the focal point's own is Sở Tài chính): the administrator.
  expect((await s.call("POST", `/api/rounds/${roundId}/reports/${agencyId}/review`, { version: sent.body.submission.version, decision: "accept" })).status).toBe(200);
  return form;
}

describe("a plan evaluated from accepted reports", () => {
  it("judges GRDP from the yearly reports of 2023 and 2024, an actual figure over the province's estimate, and counts the tasks", async () => {
    const [{ id: tc }] = await s.db.store.db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, "so-tai-chinh"));
    const focal = await s.as("dm-danh-gia", "focal_point", [tc]);
    const plan = (await s.call("GET", `/api/documents?q=${encodeURIComponent("23/KH-UBND")}`)).body.items.find((d: { symbol: string }) => d.symbol === "23/KH-UBND");
    const rounds = [];
    for (const periodYear of [2023, 2024]) rounds.push((await focal.call("POST", "/api/rounds", { documentIds: [plan.id], periodKind: "year", periodYear })).body.id);
    const form = (await focal.call("GET", `/api/rounds/${rounds[0]}/reports/${tc}`)).body;
    const grdp = form.indicators.find((i: { name: string }) => i.name.includes("GRDP) bình quân hằng năm"));
    expect(grdp).toBeDefined();
    await report(focal, rounds[0], tc, { [grdp.id]: [7.17, "actual"] });
    // The province's report estimated 2024 at 6,33%; the agency's accepted report gives the actual figure. One task
    // with a deadline of its own (not recurring) is reported done in 2024: the latest report judges it from then on.
    const once = (await s.call("GET", `/api/plans/${plan.id}/evaluation?year=2024`)).body.tasks
      .find((t: { id: number; deadlineKind: string }) => form.tasks.some((f: { id: number }) => f.id === t.id) && !["yearly", "ongoing"].includes(t.deadlineKind));
    expect(once).toBeDefined();
    await report(focal, rounds[1], tc, { [grdp.id]: [6.33, "actual"] }, (id) => (id === once.id ? "completed_on_time" : "in_progress"));

    const e = (await s.as("xem-danh-gia", "viewer").then((v) => v.call("GET", `/api/plans/${plan.id}/evaluation?year=2024`))).body;
    const row = e.indicators.find((i: { id: number }) => i.id === grdp.id);
    expect(row.values).toEqual([{ year: 2023, value: 7.17, kind: "actual" }, { year: 2024, value: 6.33, kind: "actual" }]);
    expect(row.evaluation).toMatchObject({ status: "off_track", latest: { year: 2024, value: 6.33, kind: "actual" } });
    // The plan's target is a yearly average for 2021-2030, read from its text by the extractor.
    expect(row.evaluation.requiredRate).toBeCloseTo(8.83, 2);
    expect(row.evaluation.reason.vi).toContain("các năm 2025 - 2030 cần đạt bình quân 8,83%/năm");
    // Indicators nobody reported on, and no report's figure matched, have no data; every task is counted once.
    const unreported = e.indicators.filter((i: { values: unknown[] }) => i.values.length === 0);
    expect(unreported.length).toBeGreaterThan(0);
    expect(e.indicatorCounts.no_data).toBe(unreported.length);
    expect(Object.values(e.taskCounts as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(e.tasks.length);
    expect(e.taskCounts.in_progress).toBeGreaterThan(0);
    expect(e.tasks.find((t: { id: number }) => t.id === once.id).state).toBe("completed_on_time");
    const in2023 = (await s.call("GET", `/api/plans/${plan.id}/evaluation?year=2023`)).body;
    expect(in2023.tasks.find((t: { id: number }) => t.id === once.id).state).toBe("in_progress");
    // The year 2022 has no values yet.
    const before = (await s.call("GET", `/api/plans/${plan.id}/evaluation?year=2022`)).body;
    expect(before.indicators.find((i: { id: number }) => i.id === grdp.id).evaluation.status).toBe("no_data");
  });
});
