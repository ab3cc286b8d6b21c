import { describe, expect, it } from "vitest";
import { dueDate, evaluateTask, type TaskDeadline } from "./tasks.js";

const deadline = (d: Partial<TaskDeadline>): TaskDeadline => ({ deadlineKind: "none", deadlineDate: null, deadlineYear: null, deadlineDay: null, deadlineMonth: null, periodTo: null, ...d });

describe("evaluateTask", () => {
  it("takes a reported completion as it is", () => {
    expect(evaluateTask(deadline({ deadlineKind: "date", deadlineDate: "2024-06-30" }), "completed_late", "2024-12-01").state).toBe("completed_late");
    expect(evaluateTask(deadline({ deadlineKind: "ongoing" }), "completed_on_time", "2024-12-01").state).toBe("completed_on_time");
  });

  it("makes a task whose deadline passed overdue, whatever else was reported", () => {
    expect(evaluateTask(deadline({ deadlineKind: "date", deadlineDate: "2024-06-30" }), "in_progress", "2024-07-01")).toEqual({ state: "overdue", due: "2024-06-30", reported: true });
    expect(evaluateTask(deadline({ deadlineKind: "year", deadlineYear: 2023 }), null, "2024-01-01")).toEqual({ state: "overdue", due: "2023-12-31", reported: false });
    expect(evaluateTask(deadline({ deadlineKind: "period", periodTo: 2025 }), "not_started", "2026-01-02").state).toBe("overdue");
  });

  it("reads a yearly deadline in the year evaluated, and never makes an ongoing task overdue", () => {
    const yearly = deadline({ deadlineKind: "yearly", deadlineDay: 15, deadlineMonth: 12 });
    expect(dueDate(yearly, "2026-11-23")).toBe("2026-12-15");
    expect(evaluateTask(yearly, null, "2026-11-23").state).toBe("in_progress");
    expect(evaluateTask(yearly, "in_progress", "2026-12-16").state).toBe("overdue");
    expect(evaluateTask(deadline({ deadlineKind: "ongoing" }), null, "2030-01-01")).toEqual({ state: "in_progress", due: null, reported: false });
    expect(evaluateTask(deadline({ deadlineKind: "date", deadlineDate: "2026-12-31" }), "not_started", "2026-11-23").state).toBe("not_started");
  });

  it("counts a task the focal point marked completed as completed, on time or late against the deadline that day, over any report", () => {
    const byJune = deadline({ deadlineKind: "date", deadlineDate: "2024-06-30" });
    expect(evaluateTask(byJune, "in_progress", "2024-12-31", "2024-06-20")).toEqual({ state: "completed_on_time", due: "2024-06-30", reported: true });
    expect(evaluateTask(byJune, null, "2024-12-31", "2024-08-15").state).toBe("completed_late");
    expect(evaluateTask(deadline({ deadlineKind: "yearly", deadlineDay: 15, deadlineMonth: 12 }), null, "2026-12-31", "2025-12-20").state).toBe("completed_late");
    expect(evaluateTask(deadline({ deadlineKind: "ongoing" }), null, "2030-01-01", "2029-05-01").state).toBe("completed_on_time");
    expect(evaluateTask(byJune, null, "2024-12-31", null).state).toBe("completed_on_time");
  });
});
