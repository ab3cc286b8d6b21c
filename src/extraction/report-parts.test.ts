import { describe, expect, it } from "vitest";
import { ReportParts } from "./report-parts.js";
import { segmentLines } from "./segment.js";

/** Each line's text with whether it stands in the work ahead, and that part's year. */
const read = (text: string, kind: "plan" | "report" = "report") => {
  const parts = new ReportParts(kind);
  return segmentLines(text).map((l) => { parts.open(l, kind === "report"); return [l.text, parts.ahead, parts.year]; });
};

describe("a report's parts", () => {
  it("tells its results from its work ahead, by parts and by Roman headings, with the year the work ahead's heading names", () => {
    expect(read("BÁO CÁO\nTình hình năm 2026\nThực hiện Công văn số 1/UBND, UBND xã báo cáo như sau:\nPhần thứ nhất\nKẾT QUẢ THỰC HIỆN NĂM 2026\nĐạt 95%.\n"
      + "Phần thứ hai\nPHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027\nPhấn đấu đạt 97%.\nIII. KIẾN NGHỊ\nĐề nghị hỗ trợ.\n")).toEqual([
      ["BÁO CÁO", false, null], ["Tình hình năm 2026", false, null], ["Thực hiện Công văn số 1/UBND, UBND xã báo cáo như sau:", false, null],
      ["Phần thứ nhất", false, null], ["KẾT QUẢ THỰC HIỆN NĂM 2026", false, null], ["Đạt 95%.", false, null],
      ["Phần thứ hai", false, null], ["PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027", true, 2027], ["Phấn đấu đạt 97%.", true, 2027],
      ["III. KIẾN NGHỊ", true, null], ["Đề nghị hỗ trợ.", true, null],
    ]);
  });

  it("reads a part about what was done as results, though its title names tasks or their carrying out", () => {
    expect(read("I- CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, TỔ CHỨC THỰC HIỆN\nII. KẾT QUẢ THỰC HIỆN NHIỆM VỤ\nIII. NHIỆM VỤ THỜI GIAN TỚI\n").map((x) => x[1])).toEqual([false, false, true]);
  });

  it("reads a plan as all work ahead", () => {
    expect(read("KẾ HOẠCH\nI. KẾT QUẢ\n", "plan").map((x) => x[1])).toEqual([true, true]);
  });
});
