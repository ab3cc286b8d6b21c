import { describe, expect, it } from "vitest";
import { bodyGeometry, documentText, pageText, type PdfItem } from "./pdf-layout.js";

/** A run of text as a PDF lays it out: at x, on baseline y, in type of `size` (each character half as wide). */
const run = (str: string, x: number, y: number, size = 14): PdfItem => ({ str, x, y, width: str.length * size * 0.4, size });
/** A justified line: from x to the right margin. */
const full = (str: string, x: number, y: number, size = 14): PdfItem => ({ str, x, y, width: 538 - x, size });
const WIDTH = 595;
/** The body geometry of an A4 page with margins at 85 and 538 and 16 pt lines, as Word writes a 14 pt plan. */
const BODY = { size: 14, left: 85, right: 538, lineGap: 16 };
const text = (items: PdfItem[]) => { const { lines, notes } = pageText(items, WIDTH, BODY); return [...lines, ...notes]; };

describe("pageText", () => {
  it("joins a paragraph's wrapped lines, its first line indented, and starts another at the next indent", () => {
    expect(text([
      full("Thực hiện Nghị quyết số 96/NQ-CP ngày 01/8/2022 của Chính phủ ban", 113, 700),
      full("hành Chương trình hành động thực hiện Nghị quyết số 11-NQ/TW,", 85, 684),
      run("UBND tỉnh xây dựng Kế hoạch như sau:", 85, 668),
      run("I. MỤC ĐÍCH, YÊU CẦU", 113, 646),
    ])).toEqual([
      "Thực hiện Nghị quyết số 96/NQ-CP ngày 01/8/2022 của Chính phủ ban hành Chương trình hành động thực hiện Nghị quyết số 11-NQ/TW, UBND tỉnh xây dựng Kế hoạch như sau:",
      "I. MỤC ĐÍCH, YÊU CẦU",
    ]);
  });

  it("joins a word cut at its hyphen whole, and a list item's lines under its text (a hanging indent)", () => {
    expect(text([
      run("1.", 85, 700), full("Giao các sở, ban, ngành thực hiện Nghị quyết số 11-", 113, 700),
      run("NQ/TW và báo cáo kết quả.", 113, 684),
      run("2.", 85, 662), run("Sở Tài chính bố trí kinh phí.", 113, 662),
    ])).toEqual(["1. Giao các sở, ban, ngành thực hiện Nghị quyết số 11-NQ/TW và báo cáo kết quả.", "2. Sở Tài chính bố trí kinh phí."]);
  });

  it("reads the header block column by column, and drops the running page number", () => {
    expect(text([
      run("2", 300, 794, 13),
      run("ỦY BAN NHÂN DÂN", 126, 773, 13), run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT", 296, 773, 13),
      run("TỈNH LẠNG SƠN", 135, 758, 13), run("NAM", 398, 758, 13),
      run("Độc lập - Tự do - Hạnh phúc", 339, 743, 13),
      run("Số: 23/KH-UBND", 146, 728, 13), run("Lạng Sơn, ngày 26 tháng 01 năm 2023", 312, 728, 13),
      run("KẾ HOẠCH", 270, 690),
    ])).toEqual([
      "ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN", "Số: 23/KH-UBND",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT", "NAM", "Độc lập - Tự do - Hạnh phúc", "Lạng Sơn, ngày 26 tháng 01 năm 2023",
      "KẾ HOẠCH",
    ]);
  });

  it("writes a raised footnote mark as [n], and keeps the footnotes in small type apart, after the body", () => {
    expect(text([
      run("Tỉnh có diện tích 8.310,18 km² với tổng dân số khoảng 856.927 người", 85, 474), run("1", 446, 480, 8),
      full("Có 38 dân tộc, trong đó có 07 dân tộc chính là Nùng, Tày, Kinh, Dao, Sán Chay,", 89, 60, 12), run("1", 85, 65, 8),
      run("Hoa, Mông.", 85, 46, 12),
    ])).toEqual([
      "Tỉnh có diện tích 8.310,18 km² với tổng dân số khoảng 856.927 người[1]",
      "[1] Có 38 dân tộc, trong đó có 07 dân tộc chính là Nùng, Tày, Kinh, Dao, Sán Chay, Hoa, Mông.",
    ]);
  });

  it("reads a data table row by row, a cell's wrapped lines joined to its row", () => {
    expect(text([
      run("TT", 90, 700, 12), run("Nhiệm vụ", 150, 700, 12), run("Cơ quan chủ trì", 330, 700, 12), run("Thời gian", 470, 700, 12),
      run("1", 90, 680, 12), run("Nâng cấp Quốc lộ 4B đoạn", 150, 680, 12), run("Sở Giao thông", 330, 680, 12), run("2025", 470, 680, 12),
      run("Km18 - Km80", 150, 666, 12), run("vận tải", 330, 666, 12),
      run("2", 90, 646, 12), run("Cải tạo cầu Kỳ Lừa", 150, 646, 12), run("Sở Xây dựng", 330, 646, 12), run("Quý IV/2026", 470, 646, 12),
      run("Các sở, ban, ngành căn cứ Kế hoạch này xây dựng kế hoạch của cơ quan, đơn vị.", 85, 600),
    ])).toEqual([
      "TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian",
      "1 | Nâng cấp Quốc lộ 4B đoạn Km18 - Km80 | Sở Giao thông vận tải | 2025",
      "2 | Cải tạo cầu Kỳ Lừa | Sở Xây dựng | Quý IV/2026",
      "Các sở, ban, ngành căn cứ Kế hoạch này xây dựng kế hoạch của cơ quan, đơn vị.",
    ]);
  });
});

describe("documentText", () => {
  it("measures the body over the pages, parts pages with a form feed and joins a footnote that runs over", () => {
    const line = (y: number, x = 85) => full("Các sở, ban, ngành, UBND các huyện, thành phố tổ chức thực hiện các", x, y);
    const first = [line(700, 113), line(684), line(668), run("có hiệu quả", 85, 652), run("3", 85, 100, 8), full("Gồm các Nghị quyết số 36-NQ/TU và", 89, 95, 12)];
    const second = [run("số 40-NQ/TU của Ban Thường vụ.", 85, 60, 12), line(700, 113), run("nhiệm vụ.", 85, 684)];
    expect(bodyGeometry([first, second])).toMatchObject({ size: 14, left: 85, lineGap: 16 });
    const pages = documentText([{ items: first, width: WIDTH }, { items: second, width: WIDTH }]).split("\f\n").map((p) => p.split("\n"));
    expect(pages).toEqual([
      [expect.stringMatching(/^Các sở.*có hiệu quả$/), "[3] Gồm các Nghị quyết số 36-NQ/TU và số 40-NQ/TU của Ban Thường vụ."],
      [expect.stringMatching(/^Các sở.*các nhiệm vụ\.$/)],
    ]);
  });
});

describe("ruledTables", () => {
  const h = (y: number, x1: number, x2: number) => ({ x1, y1: y, x2, y2: y });
  const v = (x: number, y1: number, y2: number) => ({ x1: x, y1, x2: x, y2 });

  it("reads a table its ruling lines draw cell by cell: wrapped text joined, a cell merged down repeated, one merged across left after its first column", () => {
    // Columns at 85 | 110 | 300 | 450 | 540; rows at 700 | 680 | 660 | 620 | 600. The last column's rows 2-3 are one cell;
    // row 4 is a group row across columns 2-4.
    const rulings = [
      h(700, 85, 540), h(680, 85, 540), h(660, 85, 450), h(620, 85, 540), h(600, 85, 540),
      v(85, 600, 700), v(110, 600, 700), v(300, 620, 700), v(450, 620, 700), v(540, 600, 700),
    ];
    const items = [
      run("TT", 90, 686, 12), run("Chỉ tiêu", 120, 686, 12), run("Năm 2025", 310, 686, 12), run("Theo dõi", 460, 686, 12),
      run("1", 90, 666, 12), run("Tỷ lệ đô thị hóa", 120, 666, 12), run("Trên 25%", 310, 666, 12), run("Sở Xây", 460, 650, 12), run("dựng", 460, 636, 12),
      run("2", 90, 646, 12), run("Tỷ lệ phủ kín quy hoạch", 120, 646, 12), run("chung đô thị", 120, 632, 12), run("100%", 310, 640, 12),
      run("II", 90, 606, 12), run("Chỉ tiêu về hạ tầng đô thị", 120, 606, 12),
      run("Đoạn văn sau bảng.", 85, 560),
    ];
    const { lines } = pageText(items, WIDTH, BODY, rulings);
    expect(lines).toEqual([
      "TT | Chỉ tiêu | Năm 2025 | Theo dõi",
      "1 | Tỷ lệ đô thị hóa | Trên 25% | Sở Xây dựng",
      "2 | Tỷ lệ phủ kín quy hoạch chung đô thị | 100% | Sở Xây dựng",
      "II | Chỉ tiêu về hạ tầng đô thị |  | ",
      "Đoạn văn sau bảng.",
    ]);
  });

  it("leaves lines that draw no grid (an underline, a frame of one column) to the text", () => {
    const items = [run("Nơi nhận:", 85, 700), run("KẾ HOẠCH", 270, 650)];
    expect(pageText(items, WIDTH, BODY, [h(640, 250, 350), h(700, 85, 540), h(600, 85, 540), v(85, 600, 700), v(540, 600, 700)]).lines)
      .toEqual(["Nơi nhận:", "KẾ HOẠCH"]);
  });
});

describe("what is no footnote", () => {
  it("writes a unit's exponent as one, not as a footnote mark", () => {
    expect(text([run("Tỉnh có diện tích 8.310,18 km", 85, 474), run("2", 247.6, 480, 8), run(" với tổng dân số 856.927 người.", 251, 474)]))
      .toEqual(["Tỉnh có diện tích 8.310,18 km² với tổng dân số 856.927 người."]);
  });

  it("keeps a page set in smaller type (an appendix in 12 pt) as text, not as footnotes", () => {
    expect(text([run("PHỤ LỤC", 260, 760, 12), run("Danh mục các dự án trọng điểm giai đoạn 2026 - 2030", 150, 744, 12)]))
      .toEqual(["PHỤ LỤC", "Danh mục các dự án trọng điểm giai đoạn 2026 - 2030"]);
  });
});
