import { describe, expect, it } from "vitest";
import { extractOutline } from "./outline.js";
import { segmentLines } from "./segment.js";

const outline = (text: string) => extractOutline(segmentLines(text), text.length)
  .map((s) => ({ number: s.number, title: s.title, level: s.level, parent: s.parent }));

describe("extractOutline", () => {
  it("nests headings in the order their styles appear, and spans each section to the next at its level", () => {
    const text = [
      "KẾ HOẠCH", "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "Nội dung.", "2. Yêu cầu: bám sát chỉ đạo.",
      "II. NHIỆM VỤ", "1. Nhiệm vụ chung", "a) Sở Tài chính chủ trì tham mưu.", "b) Sở Nội vụ rà soát.", "Nơi nhận:", "- Như trên;",
    ].join("\n");
    expect(outline(text)).toEqual([
      { number: "I", title: "MỤC ĐÍCH, YÊU CẦU", level: 0, parent: null },
      { number: "1", title: "Mục đích", level: 1, parent: 0 },
      { number: "2", title: "Yêu cầu", level: 1, parent: 0 },
      { number: "II", title: "NHIỆM VỤ", level: 0, parent: null },
      { number: "1", title: "Nhiệm vụ chung", level: 1, parent: 3 },
      { number: "a", title: "Sở Tài chính chủ trì tham mưu", level: 2, parent: 4 },
      { number: "b", title: "Sở Nội vụ rà soát", level: 2, parent: 4 },
    ]);
    const sections = extractOutline(segmentLines(text), text.length);
    expect(text.slice(sections[0].start, sections[0].end)).toBe("I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nNội dung.\n2. Yêu cầu: bám sát chỉ đạo.\n");
    expect(text.slice(sections[3].start, sections[3].end)).toMatch(/^II\. NHIỆM VỤ[^]*Sở Nội vụ rà soát\.\n$/); // ends before "Nơi nhận"
  });

  it("tells 1. from 1.1. by depth, tolerates a missing number, and names units (Chương, Điều)", () => {
    expect(outline("1. Chung\n1.1. Phạm vi\n1.2. Đối tượng\n3. Tổ chức\n3.1. Giao")).toEqual([
      { number: "1", title: "Chung", level: 0, parent: null }, { number: "1.1", title: "Phạm vi", level: 1, parent: 0 },
      { number: "1.2", title: "Đối tượng", level: 1, parent: 0 }, { number: "3", title: "Tổ chức", level: 0, parent: null },
      { number: "3.1", title: "Giao", level: 1, parent: 3 },
    ]);
    expect(outline("Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\nĐiều 2. Đối tượng áp dụng\nChương II\nĐiều 3. Trách nhiệm")).toEqual([
      { number: "Chương I", title: null, level: 0, parent: null }, { number: "Điều 1", title: "Phạm vi điều chỉnh", level: 1, parent: 0 },
      { number: "Điều 2", title: "Đối tượng áp dụng", level: 1, parent: 0 }, { number: "Chương II", title: null, level: 0, parent: null },
      { number: "Điều 3", title: "Trách nhiệm", level: 1, parent: 3 },
    ]);
  });

  it("closes the sections of a deeper style when an outer heading comes, even when none of its style came before", () => {
    // The scrape lost "I. MỤC ĐÍCH, YÊU CẦU": its items are outermost, and "II." does not nest under them.
    expect(outline("1. Quán triệt\n2. Xác định\nII. CHỈ TIÊU\n1. Về kinh tế").map((s) => [s.number, s.level, s.parent])).toEqual([
      ["1", 0, null], ["2", 0, null], ["II", 0, null], ["1", 1, 2],
    ]);
  });

  it("counts a block copied by a scrape once, keeps a heading that recurs elsewhere, and skips table rows and footnotes", () => {
    const copied = "II. CHỈ TIÊU\n1. Về kinh tế\n- GRDP tăng 8%.\n";
    expect(outline(`${copied}${copied}III. NHIỆM VỤ\n1. Về kinh tế\n- Sở Tài chính chủ trì.\n1 | Rà soát | Sở Tư pháp\n¹ Ghi chú`)
      .map((s) => `${s.number} ${s.title} ${s.parent}`)).toEqual(["II CHỈ TIÊU null", "1 Về kinh tế 0", "III NHIỆM VỤ null", "1 Về kinh tế 2"]);
  });

  it("cuts a long heading to its first sentence", () => {
    const [section] = outline(`a) ${"Tăng cường công tác ".repeat(20)}`);
    expect(section.title!.length).toBeLessThanOrEqual(200);
    expect(section.title!.endsWith("…")).toBe(true);
  });
});
