import { describe, expect, it } from "vitest";
import { classify, segmentLines } from "./segment.js";

describe("classify", () => {
  it.each([
    ["II. MỘT SỐ CHỈ TIÊU", "roman", "II"], ["I- KHÁI QUÁT CHUNG", "roman", "I"], ["IV. TỔ CHỨC THỰC HIỆN", "roman", "IV"],
    ["2.4. Sở Giao thông vận tải", "number", "2.4"], ["1. Mục đích", "number", "1"], ["1.1.2 Chi tiết", "number", "1.1.2"],
    ["a) Quán triệt", "letter", "a"], ["đ) Khác", "letter", "đ"], ["- Tỷ lệ che phủ rừng đạt 67%", "bullet", null], ["+ Ý phụ", "bullet", null],
    ["2030 là năm mục tiêu", "text", null], ["15/12 hằng năm", "text", null], ["V/v triển khai", "text", null], ["Về kinh tế", "text", null],
  ])("%s", (line, kind, number) => expect(classify(line)).toMatchObject({ kind, number }));
});

describe("segmentLines", () => {
  it("marks footnotes, and the line that continues a sentence they interrupted", () => {
    const lines = segmentLines("Dự kiến năm 2024, tốc độ tăng GRDP đạt\n\n⁴ Tổ công tác hỗ trợ đầu tư.\n\n[5] Hội nghị.\n\n6,33%, trong đó nông nghiệp tăng 5,5%.\n\nĐoạn mới.");
    expect(lines.map((l) => [l.footnote, l.continues])).toEqual([[false, null], [true, null], [true, null], [false, 0], [false, null]]);
  });

  it("keeps offsets into the original text and drops table pipes and emphasis", () => {
    const text = "Số: 23/KH-UBND |\n\n**CHỦ TỊCH**\n  - Ý một";
    const lines = segmentLines(text);
    expect(lines.map((l) => l.text)).toEqual(["Số: 23/KH-UBND", "CHỦ TỊCH", "- Ý một"]);
    for (const l of lines) expect(text.slice(l.start, l.end)).toBe(l.text);
  });
});
