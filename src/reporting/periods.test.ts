import { describe, expect, it } from "vitest";
import { cutOffWindow, daysLate, defaultDueDate, dueInstant, periodLabel, periodName, vietnamDate } from "./periods.js";

describe("reporting periods", () => {
  it("labels periods for sorting and names them as titles do", () => {
    expect(periodLabel({ kind: "year", year: 2024, number: null })).toBe("2024");
    expect(periodLabel({ kind: "half", year: 2024, number: 1 })).toBe("2024-H1");
    expect(periodLabel({ kind: "quarter", year: 2024, number: 3 })).toBe("2024-Q3");
    expect(periodLabel({ kind: "month", year: 2024, number: 5 })).toBe("2024-05");
    expect(periodName({ kind: "quarter", year: 2024, number: 3 })).toBe("quý III năm 2024");
    expect(periodName({ kind: "half", year: 2025, number: 1 })).toBe("6 tháng đầu năm 2025");
  });

  it("cuts data off as Decree 09/2019 says", () => {
    expect(cutOffWindow({ kind: "year", year: 2024, number: null })).toEqual({ from: "2023-12-15", to: "2024-12-14" });
    expect(cutOffWindow({ kind: "half", year: 2024, number: 1 })).toEqual({ from: "2023-12-15", to: "2024-06-14" });
    expect(cutOffWindow({ kind: "half", year: 2024, number: 2 })).toEqual({ from: "2024-06-15", to: "2024-12-14" });
    expect(cutOffWindow({ kind: "quarter", year: 2024, number: 1 })).toEqual({ from: "2023-12-15", to: "2024-03-14" });
    expect(cutOffWindow({ kind: "quarter", year: 2024, number: 3 })).toEqual({ from: "2024-06-15", to: "2024-09-14" });
    expect(cutOffWindow({ kind: "month", year: 2024, number: 1 })).toEqual({ from: "2023-12-15", to: "2024-01-14" });
    expect(cutOffWindow({ kind: "month", year: 2024, number: 5 })).toEqual({ from: "2024-04-15", to: "2024-05-14" });
  });

  it("takes the due date from the plan's yearly rule, 15/12 without one", () => {
    expect(defaultDueDate({ kind: "year", year: 2025, number: null }, { day: 31, month: 12 })).toBe("2025-12-31");
    expect(defaultDueDate({ kind: "year", year: 2025, number: null }, null)).toBe("2025-12-15");
    expect(defaultDueDate({ kind: "quarter", year: 2025, number: 2 }, { day: 31, month: 12 })).toBe("2025-06-15");
  });

  it("counts lateness in Vietnamese calendar days", () => {
    // 15/12 ends at 17:00 UTC in Vietnam.
    expect(dueInstant("2025-12-15").toISOString()).toBe("2025-12-15T17:00:00.000Z");
    expect(daysLate("2025-12-15", new Date("2025-12-15T16:59:59Z"))).toBe(0);
    expect(daysLate("2025-12-15", new Date("2025-12-15T17:00:00Z"))).toBe(1);
    expect(daysLate("2025-12-15", new Date("2025-12-22T03:00:00Z"))).toBe(7);
    expect(vietnamDate(new Date("2025-12-31T18:00:00Z"))).toBe("2026-01-01");
  });
});
