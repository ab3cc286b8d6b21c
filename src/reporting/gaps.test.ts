import { describe, expect, it } from "vitest";
import { reportGaps, sentenceStart, statusProgressMismatch, taskLabel, type ReportContent } from "./gaps.js";

describe("status and progress", () => {
  it("completed is 100%, in progress and overdue below, not started 0; an empty progress fits any status", () => {
    expect(statusProgressMismatch("completed_on_time", 100)).toBeNull();
    expect(statusProgressMismatch("completed_late", 95.5)).toBe("progress_completed_not_100");
    expect(statusProgressMismatch("in_progress", 100)).toBe("progress_100_not_completed");
    expect(statusProgressMismatch("overdue", 100)).toBe("progress_100_not_completed");
    expect(statusProgressMismatch("in_progress", 95.5)).toBeNull();
    expect(statusProgressMismatch("not_started", 0)).toBeNull();
    expect(statusProgressMismatch("not_started", 10)).toBe("progress_not_started");
    for (const status of ["completed_on_time", "in_progress", "not_started"]) expect(statusProgressMismatch(status, null)).toBeNull();
    expect(statusProgressMismatch(null, 100)).toBeNull();
  });
});

describe("a report's gaps", () => {
  const task = { number: "III.2", text: "triển khai thực hiện các nhiệm vụ trọng tâm của Kế hoạch này, định kỳ đánh giá", status: null, progress: null, narrative: "" };
  const report: ReportContent = {
    tasks: [{ ...task, id: 1, role: "lead" }, { ...task, id: 2, number: "IV.2", role: "coordinating" }, { ...task, id: 3, role: "lead", status: "in_progress", progress: 100, narrative: "Đã xong" }],
    indicators: [
      { id: 7, name: "Tỷ lệ đô thị hoá", comparator: ">=", min: 30, max: null, direction: "higher", value: null, explanation: "" },
      { id: 8, name: "Tốc độ tăng trưởng GRDP", comparator: ">=", min: 8, max: null, direction: "higher", value: 7.2, explanation: "" },
      { id: 9, name: "Thu ngân sách", comparator: ">=", min: 8000, max: null, direction: "higher", value: 8650, explanation: "" },
    ],
    texts: { results: "Kết quả", difficulties: "", proposals: " " },
  };

  it("names each item by its full number and opening words, from a capital", () => {
    expect(taskLabel("III.2", task.text)).toBe("III.2 “Triển khai thực hiện các nhiệm vụ trọng tâm của Kế hoạch…”");
    expect(taskLabel(null, "Lập quy hoạch")).toBe("“Lập quy hoạch”");
    expect(taskLabel("2.4", "đề xuất cấp có thẩm quyền sớm đầu tư nâng cấp tuyến, đường sắt Hà Nội")).toBe("2.4 “Đề xuất cấp có thẩm quyền sớm đầu tư nâng cấp tuyến…”");
    expect(sentenceStart("đề xuất cấp có thẩm quyền")).toBe("Đề xuất cấp có thẩm quyền");
  });

  it("blocks on what the server requires and asks about what is left empty", () => {
    const gaps = reportGaps(report);
    const said = gaps.map((g) => `${g.blocking ? "!" : "?"} ${g.field} ${g.key}`);
    expect(said).toEqual([
      "! tasks.1.status task_status_required",
      "? tasks.2.status task_status_required",
      "! tasks.3.progress progress_100_not_completed",
      "! indicators.7.value value_or_explanation_required",
      "! indicators.8.explanation explanation_required",
      "? difficulties text_empty",
      "? proposals text_empty",
    ]);
    expect(gaps[1].item).toEqual({ task: "IV.2 “Triển khai thực hiện các nhiệm vụ trọng tâm của Kế hoạch…”" });
    expect(gaps[3].item).toEqual({ indicator: "“Tỷ lệ đô thị hoá”" });
  });

  it("asks for what was done once a status is chosen", () => {
    const gaps = reportGaps({ ...report, tasks: [{ ...task, id: 4, role: "lead", status: "completed_on_time", progress: 100 }] });
    expect(gaps.filter((g) => g.field.startsWith("tasks")).map((g) => [g.field, g.key, g.blocking])).toEqual([["tasks.4.narrative", "task_narrative_empty", false]]);
  });
});
