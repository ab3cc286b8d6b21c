/**
 * The appendices' workbook: row heights set from the wrapped text, since neither Excel nor
 * LibreOffice fits a row when it opens a file (rows kept the default 15 pt and their text ran over
 * the next rows); widths that fit a date; an empty table's message.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { Appendix } from "./official-document.js";
import { tablesXlsx, wrappedLines } from "./xlsx.js";

const long = "Tổ chức triển khai nghiên cứu, quán triệt nội dung Nghị quyết số 11-NQ/TW, Nghị quyết số 96/NQ-CP, Chương trình hành động số 52-CTr/TU để tạo sự thống nhất trong nhận thức ở tất cả các cấp, các ngành về vai trò, vị trí và tầm quan trọng của việc phát triển kinh tế - xã hội.";
const appendices: Appendix[] = [
  { title: "Phụ lục I\nDANH MỤC VĂN BẢN", subtitle: "(Kèm theo Báo cáo số      /BC-UBND ngày 23/11/2026 của UBND tỉnh Lạng Sơn)", table: {
    kind: "table", columns: [{ title: "STT", width: 7 }, { title: "Trích yếu", width: 93 }], rows: [], empty: "Chưa ghi nhận văn bản nào ban hành để triển khai thực hiện Kế hoạch.",
  } },
  { title: "Phụ lục II\nKẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ", table: {
    kind: "table", columns: [{ title: "STT", width: 5 }, { title: "Nhiệm vụ", width: 37 }, { title: "Cơ quan chủ trì", width: 18 }, { title: "Thời hạn", width: 10 }, { title: "Tình trạng", width: 12 }, { title: "Kết quả", width: 18 }],
    rows: [[1, long, "Sở Tài chính; Sở Xây dựng; Sở Nội vụ", "31/12/2030", "Đang thực hiện trong hạn", null], [2, "Rà soát quy hoạch.", "Sở Xây dựng", null, "Chưa triển khai", null]],
  } },
];

const book = new ExcelJS.Workbook();
await book.xlsx.load((await tablesXlsx(appendices)) as unknown as ArrayBuffer);

describe("wrappedLines", () => {
  it("wraps at spaces into the column's width, and counts explicit lines", () => {
    expect(wrappedLines("Đạt", 10)).toBe(1);
    expect(wrappedLines("một hai ba bốn năm sáu bảy tám", 10)).toBeGreaterThanOrEqual(3);
    expect(wrappedLines("dòng một\ndòng hai", 40)).toBe(2);
    // A word longer than the column is cut by characters, as Excel does.
    expect(wrappedLines("x".repeat(50), 11)).toBeGreaterThanOrEqual(5);
  });
});

describe("tablesXlsx", () => {
  const tasks = book.worksheets[1];
  const headerAt = tasks.getColumn(1).values.findIndex((v) => v === "STT");

  it("sets every table row's height from its wrapped text: a long task's row is tall enough for all its lines", () => {
    const longRow = tasks.getRow(headerAt + 1), shortRow = tasks.getRow(headerAt + 2);
    const width = tasks.getColumn(2).width!;
    const lines = wrappedLines(long, width);
    expect(lines).toBeGreaterThan(3);
    expect(longRow.height).toBeGreaterThanOrEqual(lines * 15);
    expect(shortRow.height).toBeGreaterThanOrEqual(15);
    expect(shortRow.height).toBeLessThan(longRow.height);
    // The cells wrap, top-aligned.
    expect(longRow.getCell(2).alignment).toMatchObject({ wrapText: true, vertical: "top" });
    // The merged title lines too.
    expect(tasks.getRow(1).height).toBeGreaterThanOrEqual(15);
  });

  it("gives a date column room for the whole date", () => {
    expect(tasks.getColumn(4).width!).toBeGreaterThanOrEqual(12);
    expect(wrappedLines("31/12/2030", tasks.getColumn(4).width!)).toBe(1);
  });

  it("says what an empty table stands for, across its columns", () => {
    const documents = book.worksheets[0];
    const values = Array.from(documents.getSheetValues(), (r) => (r ? (r as ExcelJS.CellValue[]).slice(1) : []));
    const at = values.findIndex((r) => r[0] === "Chưa ghi nhận văn bản nào ban hành để triển khai thực hiện Kế hoạch.");
    expect(at).toBeGreaterThan(0);
    expect(documents.getCell(at, 1).isMerged).toBe(true);
    expect(documents.getCell(at, 1).font).toMatchObject({ italic: true });
  });
});
