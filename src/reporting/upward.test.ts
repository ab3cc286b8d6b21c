import { describe, expect, it } from "vitest";
import { DUE_SOON_DAYS, isOccurrence, nextOwed, obligationStates, occurrences, occurrenceState, periodDueOn, type ObligationTiming } from "./upward.js";

const timing = (t: Partial<ObligationTiming>): ObligationTiming => ({ frequency: "year", dueOn: null, dueDay: 15, dueMonthOffset: 0, fromYear: 2024, toYear: 2025, ...t });
const send = (period: string, sentOn: string) => ({ period, sentOn, symbol: null, documentId: null, note: null });

describe("occurrences of a report owed upward", () => {
  it("gives one occurrence for a report due once, and each year for a yearly one", () => {
    expect(occurrences(timing({ frequency: "once", dueOn: "2024-11-30" }), "2024-01-01")).toEqual([{ period: "once", periodName: null, dueOn: "2024-11-30" }]);
    expect(occurrences(timing({}), "2024-01-01")).toEqual([
      { period: "2024", periodName: "năm 2024", dueOn: "2024-12-15" },
      { period: "2025", periodName: "năm 2025", dueOn: "2025-12-15" },
    ]);
  });

  it("puts an offset into the next year at the year's end", () => {
    // "trước ngày 15/01 năm sau": the report on 2024 is due 15/01/2025.
    expect(occurrences(timing({ dueMonthOffset: 1, toYear: 2024 }), "2024-01-01").map((o) => o.dueOn)).toEqual(["2025-01-15"]);
    expect(periodDueOn({ kind: "quarter", year: 2024, number: 4 }, 10, 1)).toBe("2025-01-10");
    expect(periodDueOn({ kind: "month", year: 2024, number: 12 }, 5, 12)).toBe("2025-12-05");
    expect(periodDueOn({ kind: "half", year: 2024, number: 2 }, 20, 2)).toBe("2025-02-20");
  });

  it("puts a negative offset before the period ends", () => {
    // "trước ngày 20/11 hằng năm": the report on 2024 is due 20/11/2024.
    expect(occurrences(timing({ dueDay: 20, dueMonthOffset: -1, toYear: 2024 }), "2024-01-01").map((o) => o.dueOn)).toEqual(["2024-11-20"]);
    expect(periodDueOn({ kind: "year", year: 2025, number: null }, 31, -11)).toBe("2025-01-31");
  });

  it("takes a 31st in a short month as the month's last day, February of a leap year included", () => {
    const months = occurrences(timing({ frequency: "month", dueDay: 31, fromYear: 2024, toYear: 2024 }), "2024-01-01");
    expect(months.map((o) => o.dueOn)).toEqual(["2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30", "2024-05-31", "2024-06-30", "2024-07-31", "2024-08-31", "2024-09-30", "2024-10-31", "2024-11-30", "2024-12-31"]);
    expect(periodDueOn({ kind: "month", year: 2025, number: 1 }, 31, 1)).toBe("2025-02-28");
    expect(months[4]).toMatchObject({ period: "2024-05", periodName: "tháng 5 năm 2024" });
  });

  it("labels halves and quarters as the indicator values do", () => {
    expect(occurrences(timing({ frequency: "half", dueDay: 15, toYear: 2024 }), "2024-01-01").map((o) => [o.period, o.dueOn])).toEqual([["2024-H1", "2024-06-15"], ["2024-H2", "2024-12-15"]]);
    expect(occurrences(timing({ frequency: "quarter", dueDay: 20, toYear: 2024 }), "2024-01-01").map((o) => o.period)).toEqual(["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]);
  });

  it("without years, runs from the year recorded to the year after today", () => {
    const open = timing({ fromYear: null, toYear: null });
    expect(occurrences(open, "2026-03-01", 2025).map((o) => o.period)).toEqual(["2025", "2026", "2027"]);
    expect(isOccurrence(open, "2027", "2026-03-01", 2025)).toBe(true);
    expect(isOccurrence(open, "2028", "2026-03-01", 2025)).toBe(false);
    expect(isOccurrence(open, "2026-Q1", "2026-03-01", 2025)).toBe(false);
    expect(isOccurrence(timing({ frequency: "once", dueOn: "2024-11-30" }), "once", "2026-03-01")).toBe(true);
    expect(isOccurrence(timing({ frequency: "once", dueOn: "2024-11-30" }), "2024", "2026-03-01")).toBe(false);
  });
});

describe("the state of an occurrence on a day", () => {
  const occ = { period: "once", periodName: null, dueOn: "2024-11-30" };
  it("is sent on time up to the due date itself, and late after, with the days", () => {
    expect(occurrenceState(occ, send("once", "2024-11-30"), "2024-12-20")).toMatchObject({ state: "sent_on_time", daysLate: 0 });
    expect(occurrenceState(occ, send("once", "2024-12-03"), "2024-12-20")).toMatchObject({ state: "sent_late", daysLate: 3 });
  });

  it("is overdue from the day after, counted in days across a year's end", () => {
    expect(occurrenceState(occ, null, "2024-12-01")).toMatchObject({ state: "overdue", daysLate: 1, daysLeft: -1 });
    expect(occurrenceState({ ...occ, dueOn: "2024-12-15" }, null, "2025-01-14")).toMatchObject({ state: "overdue", daysLate: 30 });
  });

  it(`is due soon within ${DUE_SOON_DAYS} days (the due date included), upcoming before, or within the window asked for`, () => {
    expect(occurrenceState(occ, null, "2024-11-30")).toMatchObject({ state: "due_soon", daysLeft: 0 });
    expect(occurrenceState(occ, null, "2024-11-15")).toMatchObject({ state: "due_soon", daysLeft: 15 });
    expect(occurrenceState(occ, null, "2024-11-14")).toMatchObject({ state: "upcoming", daysLeft: 16 });
    expect(occurrenceState(occ, null, "2024-11-14", 30)).toMatchObject({ state: "due_soon" });
  });

  it("names the next owed occurrence: the earliest not sent", () => {
    const states = obligationStates(timing({ toYear: 2026 }), [send("2024", "2024-12-10")], "2025-12-20");
    expect(states.map((s) => s.state)).toEqual(["sent_on_time", "overdue", "upcoming"]);
    expect(nextOwed(states)).toMatchObject({ period: "2025", daysLate: 5 });
    expect(nextOwed(obligationStates(timing({ frequency: "once", dueOn: "2024-11-30" }), [send("once", "2024-11-29")], "2025-01-01"))).toBeNull();
  });
});
