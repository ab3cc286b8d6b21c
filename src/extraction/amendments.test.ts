import { describe, expect, it } from "vitest";
import { amendmentPlanText, AMENDED_TASK, REPEALED_TASK } from "../../test/support/amendment-plan.js";
import { extract } from "./extract.js";
import { findCitations } from "./citations.js";
import { extractAmendment, targetOf } from "./amendments.js";
import { segmentLines } from "./segment.js";

const amendmentOf = (text: string, title: string | null, issued: string | null = "2025-06-20") =>
  extractAmendment(text, segmentLines(text), findCitations(text), title, issued);

describe("reading an amendment", () => {
  it("reads the amended plan, the day it takes effect and each change of a plan amending 23/KH-UBND", () => {
    const { amendment, implements: implemented } = extract(amendmentPlanText(), "45.txt");
    expect(amendment).toMatchObject({ kind: "amends", target: { symbol: "23/KH-UBND", date: "2023-01-26" }, in_force_from: "2025-07-01", in_force_text: "có hiệu lực từ ngày 01/7/2025" });
    expect(amendment!.changes).toEqual([
      expect.objectContaining({ action: "modify", item: "indicator", before: "Tỷ lệ che phủ rừng đạt 67%", after: "Tỷ lệ che phủ rừng đạt 65%",
        target: { comparator: "=", min: 65, max: 65, unit: "%", year: null, perYear: false } }),
      expect.objectContaining({ action: "modify", item: "task", before: AMENDED_TASK, deadlineText: "năm 2026" }),
      expect.objectContaining({ action: "repeal", item: "task", before: REPEALED_TASK }),
    ]);
    // It amends the plan; it does not implement it.
    expect(implemented.map((i) => i.symbol)).not.toContain("45/KH-UBND");
  });

  it("reads a task's new deadline written after its name", () => {
    const text = amendmentPlanText().replace(/\n2\. Sửa đổi thời gian[^\n]+/,
      '\n2. Sửa đổi nhiệm vụ "Hoàn thành lập quy hoạch tỉnh thời kỳ 2021 - 2030" như sau: thời gian hoàn thành: năm 2026 (thay cho năm 2025).');
    expect(amendOrThrow(text).changes[1]).toMatchObject({ action: "modify", item: "task", before: "Hoàn thành lập quy hoạch tỉnh thời kỳ 2021 - 2030", deadlineText: "năm 2026" });
  });

  it("takes the day issued when the text names no day it takes effect", () => {
    const text = amendmentPlanText().replace(/Kế hoạch này có hiệu lực từ ngày [^.]+\./, "Kế hoạch này có hiệu lực kể từ ngày ký.");
    expect(amendOrThrow(text).in_force_from).toBe("2025-06-20");
  });

  it("reads a decision amending some provisions, and the provision rewritten 'như sau'", () => {
    const text = `QUYẾT ĐỊNH
Về việc sửa đổi, bổ sung một số nội dung của Kế hoạch số 112/KH-UBND ngày 10/5/2023 của UBND tỉnh

Điều 1. Sửa đổi, bổ sung một số nội dung của Kế hoạch số 112/KH-UBND ngày 10/5/2023 của UBND tỉnh về phát triển du lịch như sau:
1. Sửa đổi điểm a khoản 2 mục II như sau: "a) Phấn đấu đến năm 2030 đón 6 triệu lượt khách du lịch".
2. Bãi bỏ điểm c khoản 3 mục III.
3. Bổ sung nhiệm vụ tại khoản 3 mục II: "Sở Xây dựng chủ trì rà soát quy hoạch chung đô thị trước ngày 31/12/2024."
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày 15 tháng 9 năm 2024.`;
    const a = amendOrThrow(text, "Về việc sửa đổi, bổ sung một số nội dung của Kế hoạch số 112/KH-UBND ngày 10/5/2023 của UBND tỉnh");
    expect(a).toMatchObject({ kind: "amends", target: { symbol: "112/KH-UBND", date: "2023-05-10" }, in_force_from: "2024-09-15" });
    expect(a.changes[0]).toMatchObject({ action: "modify", item: "indicator", place: "điểm a khoản 2 mục II", after: "a) Phấn đấu đến năm 2030 đón 6 triệu lượt khách du lịch",
      target: { min: 6_000_000, year: 2030 } });
    expect(a.changes[1]).toMatchObject({ action: "repeal", item: "provision", place: "điểm c khoản 3 mục III", before: null });
    // A task added ("Bổ sung" folds like "bỏ") is no repeal: read as one, the task it was matched to would be cancelled. (Nor is it a
    // change of an existing item: adding is not read.)
    expect(a.changes).toHaveLength(2);
    expect(a.changes.some((c) => c.place === "khoản 3 mục II")).toBe(false);
  });

  it("reads a replacement and a repeal from the opening", () => {
    const replacing = "KẾ HOẠCH\nThực hiện Chương trình số 52-CTr/TU năm 2024\n\nKế hoạch này thay thế Kế hoạch số 88/KH-UBND ngày 02/4/2022 của UBND tỉnh.\n\nI. MỤC ĐÍCH";
    expect(amendOrThrow(replacing, "Thực hiện Chương trình số 52-CTr/TU năm 2024")).toMatchObject({ kind: "replaces", target: { symbol: "88/KH-UBND" }, changes: [] });
    const repealing = "QUYẾT ĐỊNH\nBãi bỏ Quyết định số 1059/QĐ-UBND ngày 17/7/2024 của UBND tỉnh\n\nĐiều 1. Bãi bỏ toàn bộ Quyết định số 1059/QĐ-UBND ngày 17/7/2024.";
    expect(amendOrThrow(repealing, "Bãi bỏ Quyết định số 1059/QĐ-UBND ngày 17/7/2024 của UBND tỉnh")).toMatchObject({ kind: "repeals", target: { symbol: "1059/QĐ-UBND" } });
  });

  it("reads no amendment in a plan that only cites an amending law, nor a change without its words", () => {
    const plan = "KẾ HOẠCH\nTriển khai Luật Đất đai\n\nCăn cứ Luật số 43/2024/QH15 sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15;\n\nI. MỤC ĐÍCH\nSửa đổi quy trình tiếp nhận hồ sơ cho phù hợp.";
    expect(amendmentOf(plan, "Triển khai Luật Đất đai")).toBeNull();
    expect(amendOrThrow(amendmentPlanText().replace(/\n1\. Sửa đổi chỉ tiêu[^\n]+/, "\n1. Sửa đổi chỉ tiêu tỷ lệ che phủ rừng cho phù hợp.")).changes.map((c) => c.item)).toEqual(["task", "task"]);
  });

  it("reads a new target's figure, comparator and year", () => {
    expect(targetOf("Tỷ lệ hộ nghèo đa chiều giảm xuống dưới 2% vào năm 2026")).toMatchObject({ comparator: "<", max: 2, year: 2026 });
    expect(targetOf("Tốc độ tăng trưởng GRDP bình quân 7 - 8%/năm")).toMatchObject({ comparator: "range", min: 7, max: 8, perYear: true });
    expect(targetOf("không có con số")).toBeNull();
  });
});

function amendOrThrow(text: string, title: string | null = "Sửa đổi, bổ sung Kế hoạch số 23/KH-UBND ngày 26/01/2023 của UBND tỉnh Lạng Sơn") {
  const a = amendmentOf(text, title);
  if (!a) throw new Error("no amendment read");
  return a;
}
