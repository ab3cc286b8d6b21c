import { describe, expect, it } from "vitest";
import type { Block } from "./official-document.js";
import { blocksToText, shorten, textToBlocks } from "./narrative.js";

describe("a section's narrative as text", () => {
  const blocks: Block[] = [
    { kind: "heading", level: 2, text: "1. Kết quả thực hiện các chỉ tiêu" },
    { kind: "paragraph", text: "Kế hoạch đề ra 34 chỉ tiêu." },
    { kind: "bullets", items: ["GRDP: chưa đạt.", "Thu ngân sách: đạt."] },
  ];
  it("goes to text and back unchanged", () => {
    expect(blocksToText(blocks)).toBe("### 1. Kết quả thực hiện các chỉ tiêu\n\nKế hoạch đề ra 34 chỉ tiêu.\n\n- GRDP: chưa đạt.\n- Thu ngân sách: đạt.");
    expect(textToBlocks(blocksToText(blocks))).toEqual(blocks);
  });
  it("reads what a person types: wrapped lines, Windows line ends, other bullet marks, blank lines", () => {
    expect(textToBlocks("Đoạn một\ntiếp tục.\r\n\r\n\r\n• Ý một\n  còn tiếp\n+ Ý hai\nĐoạn sau danh sách")).toEqual([
      { kind: "paragraph", text: "Đoạn một tiếp tục." },
      // A line right after a bullet continues it, as in Markdown; a blank line starts a paragraph.
      { kind: "bullets", items: ["Ý một còn tiếp", "Ý hai Đoạn sau danh sách"] },
    ]);
    expect(textToBlocks("  \n\n ")).toEqual([]);
  });
});

describe("shorten", () => {
  const task = "Hoàn thành đầu tư xây dựng đoạn tuyến cao tốc cửa khẩu Hữu Nghị - Chi Lăng trước ngày 31/12/2025; hoàn thành giai đoạn 1 dự án đầu tư xây dựng tuyến cao tốc Đồng Đăng - Trà Lĩnh";
  it("leaves a short text whole", () => {
    expect(shorten("Rà soát quy hoạch  tỉnh.", 40)).toBe("Rà soát quy hoạch tỉnh.");
  });
  it("cuts at the last clause boundary that fits, with '…'", () => {
    expect(shorten(task, 120)).toBe("Hoàn thành đầu tư xây dựng đoạn tuyến cao tốc cửa khẩu Hữu Nghị - Chi Lăng trước ngày 31/12/2025…");
  });
  it("never cuts inside a date or a word, nor ends on a word announcing what was cut", () => {
    for (let max = 20; max < task.length; max++) {
      const short = shorten(task, max);
      expect(short.length, short).toBeLessThanOrEqual(max);
      expect(short.endsWith("…")).toBe(true);
      const kept = short.slice(0, -1);
      expect(task.startsWith(kept), short).toBe(true);
      // What follows the kept text in the original starts a new word.
      expect(/^[\s,;:.]/.test(task.slice(kept.length)), short).toBe(true);
      expect(kept, short).not.toMatch(/\b\d{1,2}\/\d{1,2}\/\d{0,3}$/);
      expect(kept, short).not.toMatch(/\s(?:ngày|trước|của|và)$/);
    }
    // A date cut in half was the defect: "… trước ngày 31/12/2…".
    expect(shorten(task, 95)).not.toContain("31/12/2…");
  });
});
