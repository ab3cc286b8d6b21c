import { describe, expect, it } from "vitest";
import { barLinesAsRows } from "./bar-cells.js";
import { extract } from "./extract.js";
import { readText } from "./read-text.js";

/** A table as a legal-document web page's text gives it: each cell between lines of a bar alone, rows parted by two bars. */
const asBarCells = (rows: string[][]) => rows.map((r) => ["|", ...r.map((c) => (c ? `${c}\n|` : "|"))].join("\n")).join("\n");

const HEADER = asBarCells([
  ["**ỦY BAN NHÂN DÂN\n**\nTHÀNH PHỐ HỒ CHÍ MINH\n-------", "**CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc\n---------------"],
  ["Số: 2820/QĐ-UBND", "*Thành phố Hồ Chí Minh, ngày 19\ntháng 11 năm 2025*"],
]);
const TASKS = [
  ["**TT**", "**Nhiệm vụ**", "**Cơ quan chủ trì**", "**Cơ quan phối hợp**", "**Thời gian hoàn thành**", "**Kết quả dự kiến**"],
  ["**I**", "**Hoàn\nthiện thể chế**"],
  ["1", "Phối hợp rà soát, sửa đổi Luật\nQuy hoạch và các văn bản có liên quan.", "Sở Tài chính", "Các sở, ngành, UBND xã, phường, đặc khu", "Quý IV/2025", "Luật Quy hoạch"],
  // (A row whose number and deadline are merged with the row above; a row whose last cells are empty.)
  ["Xây dựng hạ tầng kỹ thuật dự phòng phục vụ cơ sở dữ liệu.", "Trung tâm Chuyển đổi số Thành phố"],
  ["2", "Tổng hợp kế hoạch thực hiện Đề án của các sở, ngành.", "Sở Tài chính", "Các sở, ngành, UBND xã, phường, đặc khu", "Hằng năm.", ""],
];

describe("barLinesAsRows", () => {
  it("writes a web page's table of cells between bars as rows, each cell one line, empty cells kept in their columns", () => {
    expect(barLinesAsRows(`PHỤ LỤC\n\n${asBarCells(TASKS)}\n\nGhi chú.`)).toBe([
      "PHỤ LỤC", "",
      "**TT** | **Nhiệm vụ** | **Cơ quan chủ trì** | **Cơ quan phối hợp** | **Thời gian hoàn thành** | **Kết quả dự kiến**",
      "**I** | **Hoàn thiện thể chế**",
      "1 | Phối hợp rà soát, sửa đổi Luật Quy hoạch và các văn bản có liên quan. | Sở Tài chính | Các sở, ngành, UBND xã, phường, đặc khu | Quý IV/2025 | Luật Quy hoạch",
      " | Xây dựng hạ tầng kỹ thuật dự phòng phục vụ cơ sở dữ liệu. | Trung tâm Chuyển đổi số Thành phố",
      "2 | Tổng hợp kế hoạch thực hiện Đề án của các sở, ngành. | Sở Tài chính | Các sở, ngành, UBND xã, phường, đặc khu | Hằng năm. | ",
      "", "Ghi chú.",
    ].join("\n"));
  });

  it("keeps an empty cell inside a row where the cells after it fill the row, and a section lettered in capitals as a section", () => {
    const rows = [
      ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
      ["A", "Nhiệm vụ về hạ tầng số"],
      ["1", "Rà soát quy trình nội bộ", "Sở Tài chính", "", "Quý IV/2025"],
      ["2", "Tập huấn cán bộ", "Sở Nội vụ", "", "Năm 2026"],
    ];
    expect(barLinesAsRows(asBarCells(rows))).toBe([
      "STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành", "A | Nhiệm vụ về hạ tầng số",
      "1 | Rà soát quy trình nội bộ | Sở Tài chính |  | Quý IV/2025", "2 | Tập huấn cán bộ | Sở Nội vụ |  | Năm 2026",
    ].join("\n"));
    expect(extract(readText(Buffer.from(`KẾ HOẠCH\nChuyển đổi số\n\n${asBarCells(rows)}\n`))).tasks.map((t) => [t.section, t.lead, t.deadline_text]))
      .toEqual([["A.1", ["Sở Tài chính"], "Quý IV/2025"], ["A.2", ["Sở Nội vụ"], "Năm 2026"]]);
  });

  it("reads a header or signature block cell by cell, its bars dropped, and leaves a bar after a line of text alone", () => {
    // (Each cell's lines without their emphasis, which is the cell's own.)
    expect(barLinesAsRows(`${HEADER}\n\nKẾ HOẠCH`)).toBe([
      "ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH", "-------", "CỘNG HÒA XÃ HỘI", "CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "---------------",
      "Số: 2820/QĐ-UBND", "Thành phố Hồ Chí Minh, ngày 19", "tháng 11 năm 2025", "", "KẾ HOẠCH",
    ].join("\n"));
    const signature = "|\n*Nơi nhận:*\n- Như Điều 3;\n- Lưu: VT.\n|\n**KT. CHỦ TỊCH**\nPHÓ CHỦ TỊCH\n**Nguyễn Lộc Hà**\n|";
    expect(barLinesAsRows(`Quyết định này có hiệu lực./.\n\n${signature}\n`)).toBe("Quyết định này có hiệu lực./.\n\nNơi nhận:\n- Như Điều 3;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Lộc Hà\n");
    const scraped = "ỦY BAN NHÂN DÂN\n|\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM |\nSố: 23/KH-UBND |";
    expect(barLinesAsRows(scraped)).toBe(scraped);
  });

  it("gives a plan copied from a web page its header, its table's tasks and its signer", () => {
    const signature = "|\n*Nơi nhận:*\n- Như Điều 3;\n- Lưu: VT.\n|\n**TM. ỦY BAN NHÂN DÂN**\n**KT. CHỦ TỊCH**\nPHÓ CHỦ TỊCH\n**Nguyễn Lộc Hà**\n|";
    const text = `${HEADER}\n\n**KẾ HOẠCH**\n\nTriển khai cơ sở dữ liệu quốc gia về quy hoạch\n\n${signature}\n\n**PHỤ LỤC**\n\nNHIỆM VỤ CỦA CÁC SỞ, BAN, NGÀNH\n\n${asBarCells(TASKS)}\n`;
    const result = extract(readText(Buffer.from(text)));
    expect(result.document).toMatchObject({ symbol: "2820/QĐ-UBND", issued: "2025-11-19", signer: "Nguyễn Lộc Hà" });
    expect(result.tasks.map((t) => [t.section, t.lead, t.coordinating, t.deadline_text])).toEqual([
      ["I.1", ["Sở Tài chính"], ["Các sở, ngành", "UBND xã, phường, đặc khu"], "Quý IV/2025"],
      // (The row whose number a cell above spans: its partners are those of the row above, whose cell spans it too.)
      ["I", ["Trung tâm Chuyển đổi số Thành phố"], ["Các sở, ngành", "UBND xã, phường, đặc khu"], null],
      ["I.2", ["Sở Tài chính"], ["Các sở, ngành", "UBND xã, phường, đặc khu"], "Hằng năm."],
    ]);
  });

  it("reads hostile blocks in linear time: a million bars, 200,000 cells of a line each", () => {
    const started = performance.now();
    expect(barLinesAsRows(`\n${"|\n".repeat(1_000_000)}`).length).toBeGreaterThan(0);
    const cells = barLinesAsRows(`\n${"|\nx\n".repeat(200_000)}|`);
    expect(cells.split("\n")[1].length).toBe(200_000 * 4 - 3);
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});
