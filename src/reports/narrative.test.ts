import { describe, expect, it } from "vitest";
import type { Block } from "./official-document.js";
import { blocksToText, textToBlocks } from "./narrative.js";

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
