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

  it("opens a heading in capitals after a title's last line, but joins a wrapped line that opens with a numeral or a figure", () => {
    expect(text([
      // (At the margin both, as where the body's lines mostly start at the indent: only the capitals tell the heading.)
      full("về phát triển kinh tế biển bền vững đến năm 2030, tầm nhìn đến năm 2045", 85, 700),
      run("I- TÌNH HÌNH VÀ NGUYÊN NHÂN", 85, 684),
      full("Thành phố Tuyên Quang cơ bản đạt các tiêu chí đô thị loại I; thị trấn Na Hang đạt tiêu chí đô thị loại", 113, 662),
      run("IV.", 85, 646),
      full("- Tỷ lệ lao động qua đào tạo đạt 76%, trong đó có bằng cấp, chứng chỉ đạt", 113, 624),
      run("35 - 40%.", 85, 608),
    ])).toEqual([
      "về phát triển kinh tế biển bền vững đến năm 2030, tầm nhìn đến năm 2045", "I- TÌNH HÌNH VÀ NGUYÊN NHÂN",
      "Thành phố Tuyên Quang cơ bản đạt các tiêu chí đô thị loại I; thị trấn Na Hang đạt tiêu chí đô thị loại IV.",
      "- Tỷ lệ lao động qua đào tạo đạt 76%, trong đó có bằng cấp, chứng chỉ đạt 35 - 40%.",
    ]);
  });

  it("reads a numbered line of 60,000 capitals without spaces after a line in small letters at once (two capital words were searched from every position)", () => {
    expect(text([full("về phát triển kinh tế biển", 85, 700), run(`I. ${"Ă".repeat(60_000)}`, 85, 684)])).toHaveLength(1);
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

  it("reads a header row whose long right cell starts left of the page's middle as two cells", () => {
    // (As LibreOffice sets a 12 pt "CỘNG HÒA ..." centred in its column: it starts at 273 of a 595 pt page.)
    expect(text([
      { str: "ỦY BAN NHÂN DÂN", x: 110, y: 773, width: 122, size: 13 }, { str: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", x: 273, y: 774, width: 250, size: 12 },
      { str: "TỈNH QUẢNG NGÃI", x: 110, y: 758, width: 122, size: 13 }, { str: "Độc lập - Tự do - Hạnh phúc", x: 318, y: 759, width: 159, size: 13 },
      run("KẾ HOẠCH", 270, 690),
    ])).toEqual(["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "KẾ HOẠCH"]);
  });

  it("parts a header row's cells in capitals that stand closer than body words ever do, but not a line of small letters", () => {
    // (LibreOffice sets "HỘI ĐỒNG NHÂN DÂN" to end 31 pt, 2.4 sizes, before its neighbour cell.)
    expect(text([
      { str: "HỘI ĐỒNG NHÂN DÂN", x: 101, y: 773, width: 140.4, size: 13 }, { str: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", x: 272.9, y: 774, width: 250, size: 12 },
      { str: "TỈNH QUẢNG TRỊ", x: 115.7, y: 758, width: 111, size: 13 }, { str: "Độc lập - Tự do - Hạnh phúc", x: 318, y: 759, width: 159, size: 13 },
      run("NGHỊ QUYẾT", 262, 690),
    ])).toEqual(["HỘI ĐỒNG NHÂN DÂN", "TỈNH QUẢNG TRỊ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "NGHỊ QUYẾT"]);
    expect(text([{ str: "các sở, ban, ngành", x: 113, y: 700, width: 120, size: 14 }, { str: "tổ chức thực hiện.", x: 263, y: 700, width: 120, size: 14 }]))
      .toEqual(["các sở, ban, ngành tổ chức thực hiện."]);
  });

  it("starts a paragraph at a capital indented as a first line after a line that ends a sentence, though the line was full", () => {
    expect(text([
      full("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", 113, 700),
      full("Căn cứ Nghị quyết số 25/NQ-HĐND ngày 09 tháng 7 năm 2025 của Hội", 113, 684),
      run("đồng nhân dân tỉnh về kế hoạch 5 năm;", 85, 668),
    ])).toEqual([
      "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
      "Căn cứ Nghị quyết số 25/NQ-HĐND ngày 09 tháng 7 năm 2025 của Hội đồng nhân dân tỉnh về kế hoạch 5 năm;",
    ]);
  });

  it("reads a signature block whose columns are set in different type and spacing column by column", () => {
    // Recipients in 11 pt every 12.6 pt beside the signature in 14 pt every 16 pt, the name far below.
    const left = ["Nơi nhận:", "- Thường trực Tỉnh ủy;", "- Thường trực HĐND tỉnh;", "- Chủ tịch, các PCT UBND tỉnh;", "- Các sở: KHĐT, TC, GTVT;", "- Lưu: VT, KTTH."]
      .map((str, k) => ({ str, x: 91, y: 465 - 12.6 * k, width: str.length * 4.4, size: 11 }));
    const right = [["TM. ỦY BAN NHÂN DÂN", 463], ["KT. CHỦ TỊCH", 447], ["PHÓ CHỦ TỊCH", 432], ["Trần Phước Hiền", 367]]
      .map(([str, y]) => ({ str: str as string, x: 340, y: y as number, width: 150, size: 14 }));
    expect(text([...left, ...right])).toEqual([
      "Nơi nhận:", "- Thường trực Tỉnh ủy;", "- Thường trực HĐND tỉnh;", "- Chủ tịch, các PCT UBND tỉnh;", "- Các sở: KHĐT, TC, GTVT;", "- Lưu: VT, KTTH.",
      "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Phước Hiền",
    ]);
  });

  it("joins a title as wide as the text to its centred last line, but not a closed sentence to a centred heading", () => {
    expect(text([
      run("KẾ HOẠCH", 273, 700),
      { str: "Triển khai thực hiện các dự án đầu tư trọng điểm trên địa bàn tỉnh Quảng", x: 90, y: 684, width: 444, size: 14 },
      run("Ngãi năm 2025", 267, 668),
    ])).toEqual(["KẾ HOẠCH", "Triển khai thực hiện các dự án đầu tư trọng điểm trên địa bàn tỉnh Quảng Ngãi năm 2025"]);
    expect(text([full("Sở Tài chính bố trí kinh phí thực hiện các nhiệm vụ của Kế hoạch này.", 85, 700), run("PHỤ LỤC", 280, 684)]))
      .toEqual(["Sở Tài chính bố trí kinh phí thực hiện các nhiệm vụ của Kế hoạch này.", "PHỤ LỤC"]);
  });

  it("parts a centred title nearly as wide as the text from the opening clause indented under it, but joins the title's own lines", () => {
    // (A plan of one-line items: most lines start at the first-line indent, 113, which is then the body's "left".)
    const indented = (items: PdfItem[]) => pageText(items, WIDTH, { ...BODY, left: 113, margin: 85 }).lines;
    expect(indented([
      { str: "Triển khai Đề án phát triển du lịch cộng đồng tỉnh Hà Tĩnh năm 2026", x: 104, y: 700, width: 416, size: 14 },
      full("Thực hiện Quyết định số 1020/QĐ-UBND ngày 10/5/2025 của UBND tỉnh", 113, 684),
      run("phê duyệt Đề án, UBND tỉnh ban hành Kế hoạch như sau:", 85, 668),
    ])).toEqual([
      "Triển khai Đề án phát triển du lịch cộng đồng tỉnh Hà Tĩnh năm 2026",
      "Thực hiện Quyết định số 1020/QĐ-UBND ngày 10/5/2025 của UBND tỉnh phê duyệt Đề án, UBND tỉnh ban hành Kế hoạch như sau:",
    ]);
    expect(indented([
      { str: "thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về", x: 97, y: 700, width: 429, size: 14 },
      { str: "đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số", x: 90, y: 684, width: 444, size: 14 },
      run("quốc gia", 295, 668),
    ])).toEqual(["thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia"]);
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
  it("measures a landscape appendix's margins apart: a short portrait body's full lines still read as full", () => {
    // Page 1, portrait: a few paragraphs, the last two lines one justified paragraph ending at the portrait margin (538).
    const portrait = [
      full("Sở Tài chính là cơ quan đầu mối theo dõi, đôn đốc; tổng hợp, báo cáo", 113, 700),
      run("UBND tỉnh trước ngày 20/12/2026.", 85, 684),
      ...Array.from({ length: 8 }, (_, k) => full(`Các sở, ban, ngành tổ chức thực hiện nhiệm vụ số ${k + 1} được giao tại Kế hoạch`, 85, 660 - 16 * k)),
      run("nhiệm vụ.", 85, 532),
    ];
    // Page 2, landscape (842 pt): centred titles that reach far past the portrait margin.
    const wide = (str: string, y: number): PdfItem => ({ str, x: 200, y, width: 560, size: 14 });
    const landscape = [wide("DANH MỤC NHIỆM VỤ TRIỂN KHAI ĐỀ ÁN NĂM 2026 CỦA CÁC SỞ, BAN, NGÀNH", 540), wide("(Kèm theo Kế hoạch số 77/KH-UBND ngày 02/4/2026 của UBND tỉnh Bắc Ninh)", 520),
      wide("DANH MỤC CÁC NHIỆM VỤ CỦA ỦY BAN NHÂN DÂN CÁC XÃ, PHƯỜNG NĂM 2026", 500), wide("(Kèm theo Kế hoạch số 77/KH-UBND ngày 02/4/2026 của UBND tỉnh Bắc Ninh)", 480)];
    const [first] = documentText([{ items: portrait, width: WIDTH }, { items: landscape, width: 842 }]).split("\f\n");
    expect(first.split("\n")[0]).toBe("Sở Tài chính là cơ quan đầu mối theo dõi, đôn đốc; tổng hợp, báo cáo UBND tỉnh trước ngày 20/12/2026.");
  });

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

describe("running headers and footers", () => {
  /** The document's pages, each as its lines of text. */
  const read = (pages: PdfItem[][], rulings: { x1: number; y1: number; x2: number; y2: number }[][] = []) =>
    documentText(pages.map((items, p) => ({ items, width: WIDTH, rulings: rulings[p] }))).split("\f\n").map((page) => page.split("\n"));
  const TITLE = "Kế hoạch thực hiện Nghị quyết số 11-NQ/TW";
  const pages = (n: number, page: (n: number) => PdfItem[]) => Array.from({ length: n }, (_, k) => page(k + 1));
  /** A word of its own for each page, without digits (a line that differs from another only in its numbers is the same line). */
  const own = (n: number): string => (n > 26 ? own(Math.floor((n - 1) / 26)) : "") + "abcdefghijklmnopqrstuvwxyz"[(n - 1) % 26];

  it("drops a title and number repeated at the top of every page after the first, and keeps the first page's", () => {
    const doc = pages(4, (n) => [
      run(TITLE, 200, 800, 12), run("Số: 23/KH-UBND", 250, 786, 12),
      run(n === 1 ? "KẾ HOẠCH" : `Nội dung riêng của trang ${own(n)}`, 85, 740),
      // Real content repeated on every page, in the middle of the page, stays.
      run("Đơn vị tính: triệu đồng", 85, 600),
      run(`Đoạn cuối trang ${own(n)}.`, 85, 560),
    ]);
    expect(read(doc)).toEqual([
      [TITLE, "Số: 23/KH-UBND", "KẾ HOẠCH", "Đơn vị tính: triệu đồng", "Đoạn cuối trang a."],
      ...[2, 3, 4].map((n) => [`Nội dung riêng của trang ${own(n)}`, "Đơn vị tính: triệu đồng", `Đoạn cuối trang ${own(n)}.`]),
    ]);
  });

  it("drops a footer that carries the page number, below the footnotes, and one written \"n | title\"", () => {
    const body = (n: number) => run(`Nội dung trang ${n === 1 ? "đầu" : n === 2 ? "hai" : n === 3 ? "ba" : "bốn"}`, 85, 700);
    const withTitle = pages(4, (n) => [
      body(n), ...(n === 3 ? [run("1", 200, 705, 8), run("1", 85, 85, 8), run("Gồm các Nghị quyết số 36-NQ/TU và 40-NQ/TU.", 89, 80, 12)] : []),
      run(`Kế hoạch 23/KH-UBND - Trang ${n}`, 400, 40, 10),
    ]);
    expect(read(withTitle)).toEqual([
      ["Nội dung trang đầu", "Kế hoạch 23/KH-UBND - Trang 1"], ["Nội dung trang hai"],
      ["Nội dung trang ba[1]", "[1] Gồm các Nghị quyết số 36-NQ/TU và 40-NQ/TU."], ["Nội dung trang bốn"],
    ]);
    const numberFirst = pages(4, (n) => [body(n), run(`${n} | Báo cáo số 001`, 85, 40, 10)]);
    expect(read(numberFirst).slice(1)).toEqual([["Nội dung trang hai"], ["Nội dung trang ba"], ["Nội dung trang bốn"]]);
  });

  it("keeps a table's header row repeated at the top of each page, and a line below a ruled table continued there", () => {
    const header = [run("TT", 90, 760, 12), run("Nhiệm vụ", 150, 760, 12), run("Cơ quan chủ trì", 330, 760, 12), run("Thời gian", 470, 760, 12)];
    const unruled = pages(4, (n) => [
      run(TITLE, 200, 800, 12), ...header,
      run(String(n), 90, 740, 12), run(`Nhiệm vụ số ${n}`, 150, 740, 12), run("Sở Xây dựng", 330, 740, 12), run("2025", 470, 740, 12),
    ]);
    expect(read(unruled).slice(1)).toEqual([2, 3, 4].map((n) => ["TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian", `${n} | Nhiệm vụ số ${n} | Sở Xây dựng | 2025`]));
    // A ruled table at the top of each page: the note under it is the page's first line of text, yet no header.
    const grid = [{ x1: 85, y1: 800, x2: 540, y2: 800 }, { x1: 85, y1: 780, x2: 540, y2: 780 }, ...[85, 300, 450, 540].map((x) => ({ x1: x, y1: 780, x2: x, y2: 800 }))];
    const ruled = pages(4, (n) => [
      run(`${n}`, 90, 786, 12), run("Sở Xây dựng", 310, 786, 12), run("2025", 460, 786, 12),
      run("Ghi chú: số liệu ước tính.", 85, 760), run(`Đoạn văn trang ${own(n)}.`, 85, 700),
    ]);
    expect(read(ruled, ruled.map(() => grid)).slice(1))
      .toEqual([2, 3, 4].map((n) => [`${n} | Sở Xây dựng | 2025`, "Ghi chú: số liệu ước tính.", `Đoạn văn trang ${own(n)}.`]));
  });

  it("drops a short line at the top of both pages of a two-page document, but not headings that differ in numbers other than the page's", () => {
    const two = pages(2, (n) => [run("Báo cáo tình hình kinh tế - xã hội", 200, 800, 12), run(n === 1 ? "BÁO CÁO" : "Nội dung trang hai", 85, 740)]);
    expect(read(two)).toEqual([["Báo cáo tình hình kinh tế - xã hội", "BÁO CÁO"], ["Nội dung trang hai"]]);
    // Two pages are too little to take a number for a page's: "Phụ lục 1", "Phụ lục 2" are headings.
    const appendices = pages(3, (n) => [run(n === 1 ? "KẾ HOẠCH" : `Phụ lục ${n - 1}`, 260, 800), run(`Nội dung trang ${own(n)}`, 85, 740)]);
    expect(read(appendices).map((p) => p[0])).toEqual(["KẾ HOẠCH", "Phụ lục 1", "Phụ lục 2"]);
    // A year's table a page, each headed by its year: the number changes from page to page, but it is no page's number.
    const years = pages(5, (n) => [run(n === 1 ? "BÁO CÁO" : `Năm ${2019 + n}`, 260, 800), run(`Nội dung trang ${own(n)}`, 85, 740)]);
    expect(read(years).map((p) => p[0])).toEqual(["BÁO CÁO", "Năm 2021", "Năm 2022", "Năm 2023", "Năm 2024"]);
  });

  it("keeps the header block of each document in a bundle: it is not on most pages", () => {
    const bundle = pages(10, (n) => [
      ...(n % 3 === 1 ? [run("ỦY BAN NHÂN DÂN", 126, 800, 13), run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 296, 800, 13)] : []),
      run(`Nội dung trang ${own(n)}`, 85, 740), run(`Đoạn cuối trang ${own(n)}.`, 85, 700),
    ]);
    expect(read(bundle).map((p) => p.length)).toEqual([4, 2, 2, 4, 2, 2, 4, 2, 2, 4]);
  });

  it("takes time in proportion to the pages: thousands of pages, each with its header and lines of its own", () => {
    const many = pages(5000, (n) => [run(`Kế hoạch 23/KH-UBND - Trang ${n}`, 200, 800, 10), run(`Dòng đầu ${own(n)}`, 85, 740), run(`Dòng cuối ${own(n)}`, 85, 700)]);
    const started = performance.now();
    const read5000 = read(many);
    expect(performance.now() - started).toBeLessThan(4000);
    expect(read5000[0]).toEqual(["Kế hoạch 23/KH-UBND - Trang 1", "Dòng đầu a", "Dòng cuối a"]);
    expect(read5000[4999]).toEqual([`Dòng đầu ${own(5000)}`, `Dòng cuối ${own(5000)}`]);
  });
});
