/**
 * Tables as an Excel workbook: the consolidated report's appendices, one sheet each, with the same
 * rows as the .docx; figures are numbers (an estimate keeps its "(ước)" in the cell's format). exceljs stays behind this one function (its old dependencies are unmaintained):
 * swapping the library touches nothing else.
 */
import ExcelJS from "exceljs";
import type { Appendix } from "./official-document.js";

const FONT = { name: "Times New Roman", size: 12 };
const THIN = { style: "thin" as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
const sheetName = (title: string, i: number) => (title.split("\n")[0].replace(/[[\]:*?/\\]/g, " ").trim() || `Bảng ${i + 1}`).slice(0, 31);

export async function tablesXlsx(appendices: Appendix[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "theodoi";
  appendices.forEach((a, i) => {
    const sheet = book.addWorksheet(sheetName(a.title, i), { pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    const columns = a.table.columns;
    const total = columns.reduce((s, c) => s + c.width, 0);
    sheet.columns = columns.map((c) => ({ width: Math.max(6, Math.round((c.width / total) * 160)) }));
    const titleLines = [...a.title.split("\n"), ...(a.subtitle ? [a.subtitle] : [])];
    titleLines.forEach((line, k) => {
      const row = sheet.addRow([line]);
      sheet.mergeCells(row.number, 1, row.number, columns.length);
      row.getCell(1).font = { ...FONT, bold: k < titleLines.length - (a.subtitle ? 1 : 0), italic: !!a.subtitle && k === titleLines.length - 1 };
      row.getCell(1).alignment = { horizontal: "center", wrapText: true };
    });
    sheet.addRow([]);
    const header = sheet.addRow(columns.map((c) => c.title));
    header.eachCell((cell) => {
      cell.font = { ...FONT, bold: true };
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      cell.border = BORDER;
    });
    // The header repeats on every printed page.
    sheet.pageSetup.printTitlesRow = `${header.number}:${header.number}`;
    for (const values of a.table.rows) {
      // A noted figure stays a number Excel can add up, shown with its note ("6,33 (ước)").
      const row = sheet.addRow(values.map((v) => (v !== null && typeof v === "object" ? v.value : v ?? "")));
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cell.font = FONT;
        cell.alignment = { vertical: "top", wrapText: true, horizontal: typeof cell.value === "number" ? "center" : undefined };
        cell.border = BORDER;
        const v = values[column - 1];
        if (v !== null && typeof v === "object") cell.numFmt = `General" (${v.note.replace(/"/g, "")})"`;
      });
    }
    sheet.views = [{ state: "frozen", ySplit: header.number }];
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
