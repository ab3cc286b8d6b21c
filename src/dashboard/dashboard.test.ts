import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencies } from "../agencies/schema.js";
import { createValue } from "../plans/indicators.js";
import { indicators } from "../plans/schema.js";
import { submissions } from "../reporting/schema.js";
import { dashboardBuildStats } from "./dashboard.js";
import { startTestServer, type Client, type TestServer } from "../../test/support/server.js";

let s: TestServer;
let focal: Client;
let planId: number, grdpId: number, tc: number;
beforeAll(async () => {
  s = await startTestServer({ samples: true });
  [{ id: tc }] = await s.db.store.db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, "so-tai-chinh"));
  focal = await s.as("dm-bang", "focal_point", [tc]);
  planId = (await s.call("GET", `/api/documents?q=${encodeURIComponent("23/KH-UBND")}`)).body.items.find((d: { symbol: string }) => d.symbol === "23/KH-UBND").id;
  [{ id: grdpId }] = (await s.db.store.db.select().from(indicators).where(eq(indicators.documentId, planId))).filter((i) => i.name.includes("GRDP) bình quân hằng năm"));
});
afterAll(async () => { await s.close(); });

describe("the leaders' dashboard", () => {
  it("puts the off-track GRDP first, with the sample report's figures and its target, and follows a write at once", async () => {
    const leader = await s.as("ld-bang", "leader");
    const before = (await leader.call("GET", `/api/dashboard?year=2024&plan=${planId}`)).body;
    expect(before.indicators[0]).toMatchObject({
      id: grdpId, planId, planSymbol: "23/KH-UBND", status: "off_track", target: "8 - 9%/năm", targetValue: 8, targetYear: 2030,
      series: [{ year: 2023, value: 7.17, kind: "actual" }, { year: 2024, value: 6.33, kind: "estimate" }],
      // Drawn as the average so far and the rate the remaining years need.
      average: { from: 2021, soFar: 6.75, remainingFrom: 2025 },
    });
    expect(before.indicators[0].average.required).toBeCloseTo(8.83, 2);
    // The agency's actual figure for 2024 replaces the report's estimate, on the next read.
    expect((await focal.call("POST", "/api/values", { indicatorId: grdpId, period: "2024", value: 9.6, kind: "actual", agencyId: tc })).status).toBe(201);
    const after = (await leader.call("GET", `/api/dashboard?year=2024&plan=${planId}`)).body;
    const grdp = after.indicators.find((i: { id: number }) => i.id === grdpId);
    expect(grdp.series).toEqual([{ year: 2023, value: 7.17, kind: "actual" }, { year: 2024, value: 9.6, kind: "actual" }]);
    expect(grdp.status).not.toBe("off_track");
    expect(after.indicatorCounts.off_track).toBe(before.indicatorCounts.off_track - 1);
    expect(Object.values(after.taskCounts as Record<string, number>).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    const province = (await leader.call("GET", "/api/dashboard?year=2024")).body;
    expect(province.plans.map((p: { id: number }) => p.id)).toContain(planId);
    // A report's figures are values of the plans' targets, not targets of their own: no report is evaluated.
    const reports = (await leader.call("GET", "/api/documents?type=report&status=published")).body.items as { id: number }[];
    expect(reports.length).toBeGreaterThan(0);
    for (const r of reports) expect(province.plans.map((p: { id: number }) => p.id)).not.toContain(r.id);
    for (const [status, n] of Object.entries(after.indicatorCounts as Record<string, number>)) expect(province.indicatorCounts[status]).toBeGreaterThanOrEqual(n);
  });

  it("shows a write made outside this server (the command line, another instance) within a second", async () => {
    const viewer = await s.as("xem-ngoai", "viewer");
    const roadsOf = async () => ((await viewer.call("GET", `/api/dashboard/indicators?year=2024&plan=${planId}`)).body.items as { name: string; targetYear: number; series: { year: number; value: number; kind: string }[] }[])
      .find((i) => i.name.startsWith("Tỷ lệ thôn có đường ô tô") && i.targetYear === 2025)!;
    expect((await roadsOf()).series.at(-1)).toEqual({ year: 2024, value: 87, kind: "estimate" });
    // Straight into the database, as `theodoi` commands write: no request of this server sees it.
    const [roads] = (await s.db.store.db.select().from(indicators).where(eq(indicators.documentId, planId))).filter((i) => i.name.startsWith("Tỷ lệ thôn có đường ô tô") && i.targetYear === 2025);
    await createValue(s.db.store.db, { indicatorId: roads.id, period: "2024", value: 88.2, kind: "actual", agencyId: tc });
    await expect.poll(async () => (await roadsOf()).series.at(-1), { timeout: 5000, interval: 250 }).toEqual({ year: 2024, value: 88.2, kind: "actual" });
  });

  it("counts tasks by the agencies as they stood in the year: in 2026 Sở Kế hoạch và Đầu tư's work is Sở Tài chính's", async () => {
    const viewer = await s.as("xem-sap-nhap", "viewer");
    const names = async (year: number) => ((await viewer.call("GET", `/api/dashboard?year=${year}&plan=${planId}`)).body.agencies as { name: string }[]).map((a) => a.name);
    expect(await names(2024)).toContain("Sở Kế hoạch và Đầu tư");
    const in2026 = await names(2026);
    expect(in2026).not.toContain("Sở Kế hoạch và Đầu tư");
    expect(in2026).not.toContain("Sở Giao thông vận tải");
    expect(in2026).toContain("Sở Tài chính");
    const tasks = (await viewer.call("GET", `/api/dashboard/tasks?year=2026&plan=${planId}`)).body.items as { leads: { name: string }[] }[];
    expect(tasks.flatMap((t) => t.leads.map((l) => l.name))).not.toContain("Sở Kế hoạch và Đầu tư");
  });

  it("lists the tasks and indicators behind every count: by state, by lead agency, province-wide or for the plan", async () => {
    const viewer = await s.as("xem-ds", "viewer");
    for (const scope of [`&plan=${planId}`, ""]) {
      const d = (await viewer.call("GET", `/api/dashboard?year=2026${scope}`)).body;
      const all = (await viewer.call("GET", `/api/dashboard/tasks?year=2026${scope}`)).body;
      expect(all.total).toBe(Object.values(d.taskCounts as Record<string, number>).reduce((a, b) => a + b, 0));
      for (const [state, n] of Object.entries(d.taskCounts as Record<string, number>)) {
        const found = (await viewer.call("GET", `/api/dashboard/tasks?year=2026${scope}&state=${state}`)).body;
        expect(found.total).toBe(n);
        expect(found.items.every((t: { state: string }) => t.state === state)).toBe(true);
      }
      const busiest = d.agencies[0];
      const ofAgency = (await viewer.call("GET", `/api/dashboard/tasks?year=2026${scope}&agency=${busiest.id}`)).body;
      expect(ofAgency.total).toBe(Object.values(busiest.tasks as Record<string, number>).reduce((a, b) => a + b, 0));
      expect(ofAgency.items.every((t: { leads: { id: number }[] }) => t.leads.some((l) => l.id === busiest.id))).toBe(true);
    }
    // Every indicator behind a light, not only those the dashboard lists.
    const d = (await viewer.call("GET", "/api/dashboard?year=2024")).body;
    for (const [status, n] of Object.entries(d.indicatorCounts as Record<string, number>)) {
      const found = (await viewer.call("GET", `/api/dashboard/indicators?year=2024&status=${status}`)).body;
      expect(found.total).toBe(n);
      expect(found.items.every((i: { status: string }) => i.status === status)).toBe(true);
    }
    const one = (await viewer.call("GET", `/api/dashboard/tasks?year=2026&plan=${planId}`)).body.items[0];
    expect(one).toMatchObject({ planId, planSymbol: "23/KH-UBND", text: expect.any(String), leads: expect.any(Array) });
    expect((await viewer.call("GET", "/api/dashboard/tasks?state=finished")).status).toBe(400);
  });

  it("keeps a plan's dashboard across a write to another chain's document, and builds it again after one to its own", async () => {
    const leader = await s.as("ld-giu", "leader");
    const path = `/api/dashboard?year=2024&plan=${planId}`;
    const builtFor = () => dashboardBuildStats().byScope.get(`2024|${planId}`) ?? 0;
    const before = (await leader.call("GET", path)).body;
    const chain = new Set<number>(before.chain.map((d: { id: number }) => d.id));
    const [elsewhere] = (await s.db.store.db.select({ id: indicators.id, documentId: indicators.documentId }).from(indicators)).filter((i) => !chain.has(i.documentId));
    expect(elsewhere, "the samples have an indicator outside 23/KH-UBND's chain").toBeDefined();
    const builds = builtFor();
    expect((await focal.call("POST", "/api/values", { indicatorId: elsewhere.id, period: "2023", value: 1.5, kind: "actual" })).status).toBe(201);
    expect((await leader.call("GET", path)).body).toEqual(before);
    expect(builtFor()).toBe(builds);
    // One of its own: built again, and it shows.
    expect((await focal.call("POST", "/api/values", { indicatorId: grdpId, period: "2022", value: 3.1, kind: "actual", agencyId: tc })).status).toBe(201);
    const after = (await leader.call("GET", path)).body;
    expect(builtFor()).toBeGreaterThan(builds);
    expect(after.indicators.find((i: { id: number }) => i.id === grdpId).series).toContainEqual({ year: 2022, value: 3.1, kind: "actual" });
  });

  it("shows who reported on time and who is late in an open round past its due date", async () => {
    const round = (await focal.call("POST", "/api/rounds", { documentIds: [planId], periodKind: "year", periodYear: 2024, dueOn: "2024-12-15" })).body;
    const d = (await focal.call("GET", `/api/dashboard?year=2024&plan=${planId}`)).body;
    const late = d.late.filter((l: { roundId: number }) => l.roundId === round.id);
    expect(late.length).toBe(round.reporterIds.length);
    expect(late[0]).toMatchObject({ status: "missing", dueOn: "2024-12-15" });
    expect(late[0].daysLate).toBeGreaterThan(300);
    // A viewer sees the lights and tasks, not who is late: that is the reporting board's.
    const viewer = await s.as("xem-bang", "viewer");
    const seen = (await viewer.call("GET", `/api/dashboard?year=2024&plan=${planId}`)).body;
    expect(seen).toMatchObject({ reporting: false, late: [] });
    expect(seen.indicatorCounts).toEqual(d.indicatorCounts);
    expect(seen.agencies.every((a: { onTimeRate: number | null }) => a.onTimeRate === null)).toBe(true);
    // The same build written out for each kind of reader: the focal point's answer after the viewer's keeps the late list.
    expect((await focal.call("GET", `/api/dashboard?year=2024&plan=${planId}`)).body).toEqual(d);
    const agencyRow = d.agencies.find((a: { id: number }) => a.id === tc);
    expect(agencyRow).toMatchObject({ expected: 1, received: 0, onTime: 0, onTimeRate: 0 });
    expect(Object.values(agencyRow.tasks as Record<string, number>).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    // An agency given its own due date is late against it, as on the round's board: not yet, here.
    const extended = late[0].agencyId;
    const version = (await focal.call("GET", `/api/rounds/${round.id}`)).body.round.version;
    const put = await focal.call("PUT", `/api/rounds/${round.id}/reporters/${extended}/due`, { dueOn: "2099-12-31", version });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const after = (await focal.call("GET", `/api/dashboard?year=2024&plan=${planId}`)).body.late.filter((l: { roundId: number }) => l.roundId === round.id);
    expect(after.map((l: { agencyId: number }) => l.agencyId)).not.toContain(extended);
    expect(after).toHaveLength(late.length - 1);
  });

  it("counts a report sent before midnight in Vietnam on its due day as on time, one a second later as late", async () => {
    const created = await focal.call("POST", "/api/rounds", { documentIds: [planId], periodKind: "quarter", periodYear: 2024, periodNumber: 3, dueOn: "2024-10-15" });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const round = created.body;
    const [onTime, oneSecondLate, draft] = round.reporterIds as number[];
    // 23:59:59 on 15/10 in Vietnam (UTC+7), then 00:00:00 on 16/10; a draft owes its report still.
    for (const [agencyId, at, status] of [[onTime, "2024-10-15T16:59:59Z", "submitted"], [oneSecondLate, "2024-10-15T17:00:00Z", "accepted"], [draft, null, "draft"]] as const) {
      await s.db.store.db.insert(submissions).values({ roundId: round.id, agencyId, status, firstSubmittedAt: at, submittedAt: at });
    }
    const d = (await focal.call("GET", `/api/dashboard?year=2024&plan=${planId}`)).body;
    const rowOf = (id: number) => d.agencies.find((a: { id: number }) => a.id === id);
    // Each agency's counts over the rounds of 2024 on the plan: this one's report adds to its received and on-time ones.
    expect([rowOf(onTime).received - rowOf(onTime).onTime, rowOf(oneSecondLate).received - rowOf(oneSecondLate).onTime]).toEqual([0, 1]);
    const late = d.late.filter((l: { roundId: number }) => l.roundId === round.id).map((l: { agencyId: number; status: string }) => [l.agencyId, l.status]);
    expect(late).toContainEqual([draft, "draft"]);
    expect(late.map(([id]: [number]) => id)).not.toContain(onTime);
    expect(late.map(([id]: [number]) => id)).not.toContain(oneSecondLate);
    expect(d.lateCount).toBeGreaterThanOrEqual(late.length);
  });
});
