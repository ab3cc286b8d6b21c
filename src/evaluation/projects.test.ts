import { describe, expect, it } from "vitest";
import { evaluateProject, type ProjectFacts, type ProjectFigure } from "./projects.js";

const facts: ProjectFacts = { areaHa: 640.28, lengthKm: 59.87, startsOn: "2023-01-01", clearanceDueOn: null, completesOn: "2026-12-31" };
const fig = (measure: ProjectFigure["measure"], value: number, of: number | null, asOf: string | null, year: number | null = null, unit = ""): ProjectFigure => ({ measure, value, of, unit, asOf, year });
/** Report 001's figures as of 31/10/2024. */
const sample: ProjectFigure[] = [
  fig("clearance", 366.55, 640.28, "2024-10-31", null, "ha"),
  fig("length", 39.9, 59.87, "2024-10-31", null, "km"),
  fig("capital_allocated", 1288.123, null, "2024-10-31", 2024, "tỷ đồng"),
  fig("disbursed", 490.1, 1288.123, "2024-10-31", 2024, "tỷ đồng"),
];

describe("evaluateProject", () => {
  it("judges 38% disbursed by 31/10 behind: 83% of the year had gone", () => {
    const e = evaluateProject(facts, sample, "2024-11-15");
    expect(e.state).toBe("behind");
    expect(e.disbursement).toMatchObject({ year: 2024, disbursed: 490.1, allocated: 1288.123, state: "behind" });
    expect(e.disbursement!.share).toBeCloseTo(38.05, 2);
    expect(e.reason.vi).toBe("Giải ngân 490,1/1.288,123 tỷ đồng (38,05% vốn bố trí năm 2024) đến 31/10/2024, chậm so với tiến độ thời gian (83,33% của năm).");
    expect(e.clearance).toMatchObject({ cleared: 366.55, total: 640.28, state: "on_schedule" });
    expect(e.clearance!.share).toBeCloseTo(57.25, 2);
    expect(e.asOf).toBe("2024-10-31");
  });
  it("is on schedule when disbursement keeps pace with the year", () => {
    const e = evaluateProject(facts, [fig("disbursed", 700, 1000, "2024-09-30", 2024)], "2024-10-01");
    expect(e.state).toBe("on_schedule");
  });
  it("judges against the year's plan too when one is recorded", () => {
    const e = evaluateProject(facts, [fig("capital_planned", 2000, null, "2024-01-15", 2024), fig("disbursed", 700, 1000, "2024-09-30", 2024)], "2024-10-01");
    expect(e.disbursement!.shareOfPlan).toBe(35);
  });
  it("is behind when the site is not cleared by its due date", () => {
    const e = evaluateProject({ ...facts, clearanceDueOn: "2025-06-30" }, [fig("clearance", 600, 640.28, "2025-08-31")], "2025-09-01");
    expect(e.state).toBe("behind");
    expect(e.reason.vi).toContain("quá hạn 30/06/2025");
  });
  it("is stalled when a measure has not grown over two figures months apart", () => {
    const e = evaluateProject(facts, [fig("progress", 40, null, "2025-03-31"), fig("progress", 40, null, "2025-06-30")], "2025-07-01");
    expect(e.state).toBe("stalled");
    expect(e.reason.vi).toBe("Khối lượng thực hiện không tăng từ 31/03/2025 đến 30/06/2025 (40%).");
  });
  it("is behind when progress falls well below the line from start to completion", () => {
    const e = evaluateProject(facts, [fig("progress", 30, null, "2025-12-31")], "2026-01-05");
    expect(e.progress!.expected).toBeCloseTo(75, 0);
    expect(e.state).toBe("behind");
  });
  it("is behind after the completion date short of 100%, completed at 100%", () => {
    expect(evaluateProject(facts, [fig("progress", 95, null, "2027-01-15")], "2027-01-20").state).toBe("behind");
    expect(evaluateProject(facts, [fig("progress", 100, null, "2026-11-30")], "2027-01-20").state).toBe("completed");
  });
  it("says no data when there is no figure, and reads the latest of a measure", () => {
    expect(evaluateProject(facts, [], "2025-01-01")).toMatchObject({ state: "no_data", reason: { vi: "Chưa có số liệu." } });
    const e = evaluateProject(facts, [fig("clearance", 100, 640.28, "2024-03-31"), fig("clearance", 366.55, 640.28, "2024-10-31")], "2024-11-01");
    expect(e.clearance!.cleared).toBe(366.55);
  });
  it("reads a total and its parts given on one date by the total", () => {
    const parts = [fig("disbursed", 490, null, "2024-10-31", 2024), fig("disbursed", 0.1, null, "2024-10-31", 2024)];
    expect(evaluateProject(facts, [...parts, ...sample], "2024-11-15").disbursement!.disbursed).toBe(490.1);
  });
  it("reads the latest year with disbursement when this year has none", () => {
    const e = evaluateProject(facts, sample, "2026-12-05");
    expect(e.disbursement!.year).toBe(2024);
  });
  it("gives English reasons", () => {
    expect(evaluateProject(facts, sample, "2024-11-15").reason.en).toContain("Disbursed 490.1 of 1,288.123 billion đồng");
  });
});
