import { describe, expect, it } from "vitest";
import { bodyLines, bodyParts, classify, segmentLines } from "./segment.js";

describe("classify", () => {
  it.each([
    ["II. MỘT SỐ CHỈ TIÊU", "roman", "II"], ["I- KHÁI QUÁT CHUNG", "roman", "I"], ["IV. TỔ CHỨC THỰC HIỆN", "roman", "IV"],
    ["2.4. Sở Giao thông vận tải", "number", "2.4"], ["1. Mục đích", "number", "1"], ["1.1.2 Chi tiết", "number", "1.1.2"],
    ["1- Về phát triển nông nghiệp", "number", "1"], ["15 - 20% số hộ", "text", null], ["52-CTr/TU ngày 27/10/2022 của Tỉnh ủy", "text", null], ["a) Quán triệt", "letter", "a"], ["đ) Khác", "letter", "đ"], ["- Tỷ lệ che phủ rừng đạt 67%", "bullet", null], ["+ Ý phụ", "bullet", null],
    ["2030 là năm mục tiêu", "text", null], ["15/12 hằng năm", "text", null], ["V/v triển khai", "text", null], ["Về kinh tế", "text", null],
    // Bullets as Word and PDF give them: symbols, a Symbol-font glyph, Word's "o" before a tab; not "o" in a word.
    ["▪ Chủ trì kiểm tra", "bullet", null], ["●\tTỷ lệ thu gom", "bullet", null], ["\uF0B7\tHướng dẫn các xã", "bullet", null], ["➢ Rà soát", "bullet", null],
    ["o\tÝ phụ", "bullet", null], ["ô nhiễm môi trường", "text", null], ["o nhiễm", "text", null],
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

  it.each([["2"], ["- 2 -"], ["Trang 12"], ["3/15"]])("drops the running page number %s and joins the sentence the page break cut", (pageNumber) => {
    const text = `a) Phấn đấu tỷ lệ đô thị hóa đạt\f\n${pageNumber}\n45% vào năm 2030.\nb) Nâng cao chất lượng.`;
    const lines = segmentLines(text);
    expect(lines.map((l) => l.text)).toEqual(["a) Phấn đấu tỷ lệ đô thị hóa đạt", "45% vào năm 2030.", "b) Nâng cao chất lượng."]);
    expect(lines.map((l) => l.continues)).toEqual([null, 0, null]);
    for (const l of lines) expect(text.slice(l.start, l.end)).toBe(l.text);
  });

  it("joins a sentence a conversion split into two paragraphs, and keeps paragraphs that end their sentence apart", () => {
    const lines = segmentLines("- Dự kiến năm 2024, tốc độ tăng GRDP đạt\n6,33%, trong đó nông nghiệp tăng 5,5%.\n2030 là năm mục tiêu\nCác sở, ngành phối hợp thực hiện\ncác nội dung sau.");
    expect(lines.map((l) => l.continues)).toEqual([null, 0, null, null, 3]);
    expect(lines).toHaveLength(5);
  });
});

describe("a header block written as table rows", () => {
  it("becomes lines of its cells, the left column before the right, each keeping its offsets", () => {
    const text = "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH TUYÊN QUANG | Độc lập - Tự do - Hạnh phúc\nSố: 97/KH-UBND | Tuyên Quang, ngày 18 tháng 4 năm 2024\nKẾ HOẠCH";
    const lines = segmentLines(text);
    expect(lines.map((l) => l.text)).toEqual([
      "ỦY BAN NHÂN DÂN", "TỈNH TUYÊN QUANG", "Số: 97/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
      "Tuyên Quang, ngày 18 tháng 4 năm 2024", "KẾ HOẠCH",
    ]);
    for (const l of lines) expect(text.slice(l.start, l.end)).toBe(l.text);
  });

  it("reads a typist's tabs and a layout's runs of spaces as the cells' borders", () => {
    for (const gap of ["\t\t", "\t", "      "]) {
      const text = `ỦY BAN NHÂN DÂN${gap}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH BẮC NINH${gap}Độc lập - Tự do - Hạnh phúc\nSố: 45/KH-UBND${gap}Bắc Ninh, ngày 12 tháng 3 năm 2025\nKẾ HOẠCH`;
      const lines = segmentLines(text);
      expect(lines.map((l) => l.text)).toEqual([
        "ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH", "Số: 45/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Bắc Ninh, ngày 12 tháng 3 năm 2025", "KẾ HOẠCH",
      ]);
      for (const l of lines) expect(text.slice(l.start, l.end)).toBe(l.text);
    }
  });

  it("keeps a draft's blank number and day inside their cells", () => {
    const text = "ỦY BAN NHÂN DÂN\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố:     /KH-UBND\t\tLạng Sơn, ngày    tháng 5 năm 2024\nKẾ HOẠCH";
    expect(segmentLines(text).map((l) => l.text)).toEqual(["ỦY BAN NHÂN DÂN", "Số:     /KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Lạng Sơn, ngày    tháng 5 năm 2024", "KẾ HOẠCH"]);
  });

  it("leaves a data table's rows whole", () => {
    expect(segmentLines("KẾ HOẠCH\nTT | Nhiệm vụ | Cơ quan chủ trì\n1 | Xây dựng đề án | Sở Xây dựng").map((l) => l.text))
      .toEqual(["KẾ HOẠCH", "TT | Nhiệm vụ | Cơ quan chủ trì", "1 | Xây dựng đề án | Sở Xây dựng"]);
  });
});

describe("bodyParts", () => {
  it("ends the body at a signature's title alone on its line, where no recipients' list comes first", () => {
    const text = ["CHỈ THỊ", "4. Chủ tịch Ủy ban nhân dân các tỉnh chịu trách nhiệm về kết quả giải ngân.", "THỦ TƯỚNG", "Phạm Minh Chính"].join("\n");
    expect(bodyLines(segmentLines(text)).map((l) => l.text)).toEqual(["CHỈ THỊ", "4. Chủ tịch Ủy ban nhân dân các tỉnh chịu trách nhiệm về kết quả giải ngân."]);
  });

  it("ends the body at the recipients' list and resumes it at a part attached after the signature", () => {
    const text = [
      "NGHỊ QUYẾT", "Điều 1. Ban hành kèm theo Nghị quyết này Chương trình hành động.", "Nơi nhận:", "- Các Bộ;", "TM. CHÍNH PHỦ", "THỦ TƯỚNG",
      "Phạm Minh Chính", "CHƯƠNG TRÌNH HÀNH ĐỘNG", "(Kèm theo Nghị quyết số 96/NQ-CP ngày 01/8/2022 của Chính phủ)", "1. Bộ Tài chính chủ trì.",
      "PHỤ LỤC", "TT | Nhiệm vụ | Cơ quan chủ trì",
    ].join("\n");
    const parts = bodyParts(segmentLines(text), text.length);
    expect(parts.map((p) => p.lines.map((l) => l.text))).toEqual([
      ["NGHỊ QUYẾT", "Điều 1. Ban hành kèm theo Nghị quyết này Chương trình hành động."],
      ["CHƯƠNG TRÌNH HÀNH ĐỘNG", "(Kèm theo Nghị quyết số 96/NQ-CP ngày 01/8/2022 của Chính phủ)", "1. Bộ Tài chính chủ trì.", "PHỤ LỤC", "TT | Nhiệm vụ | Cơ quan chủ trì"],
    ]);
    expect(parts[0].end).toBe(text.indexOf("Nơi nhận"));
    expect(parts[1].end).toBe(text.length);
  });

  it("keeps the footnotes a PDF's last page sets below the signature with the body they close", () => {
    const text = ["NGHỊ QUYẾT", "Năm 2025 ước đạt 28.500 tỷ đồng[1].", "Nơi nhận:", "- Lưu: VT.", "T/M TỈNH ỦY", "BÍ THƯ", "Nguyễn Duy Lâm",
      "[1] Trong đó sản lượng thủy sản khai thác đạt 52.000 tấn."].join("\n");
    const parts = bodyParts(segmentLines(text), text.length);
    expect(parts.map((p) => p.lines.map((l) => l.text))).toEqual([
      ["NGHỊ QUYẾT", "Năm 2025 ước đạt 28.500 tỷ đồng[1].", "[1] Trong đó sản lượng thủy sản khai thác đạt 52.000 tấn."],
    ]);
    expect(parts[0].end).toBe(text.indexOf("Nơi nhận"));
  });
});
