/**
 * Tables as an Excel workbook: the consolidated report's appendices, one sheet each, with the same
 * rows as the .docx; figures are numbers (an estimate keeps its "(ước)" in the cell's format). exceljs stays behind this one function (its old dependencies are unmaintained):
 * swapping the library touches nothing else.
 *
 * Neither Excel nor LibreOffice sizes a row to its wrapped text when it opens a file, and exceljs
 * cannot: each row's height is set here from its text, wrapped word by word into its column's width.
 */
import type ExcelJS from "exceljs";
import { cellText, runWidth, type Appendix } from "./official-document.js";

const FONT = { name: "Times New Roman", size: 12 };
const THIN = { style: "thin" as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** Width of the sheet in Excel's units (characters of the default font), shared by the columns. */
const SHEET_WIDTH = 160;
/**
 * How wide text really is against runWidth's estimate (which errs wide): measured on the
 * appendices in LibreOffice with Excel's metrics (Carlito for Calibri, which sets the column unit;
 * Liberation Serif for Times New Roman), a full line of a task's text or of agencies' names is
 * 0.78-0.84 of it. 0.86, so that a row errs towards a line too many rather than one hidden.
 */
const RENDERED = 0.86;
const LINE_HEIGHT = 15.6; // points per line of 12 pt Times New Roman in Excel (its own 12 pt row is 15.75; LibreOffice needs 13.3)
const ROW_PADDING = 3;
const CELL_PADDING = 5; // points a cell keeps free left and right
const MAX_ROW_HEIGHT = 409; // Excel's limit, in points

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
const sheetName = (title: string, i: number) => (title.split("\n")[0].replace(/[[\]:*?/\\]/g, " ").trim() || `Bảng ${i + 1}`).slice(0, 31);

/** A column `width` units wide in points: a unit is 7 px (a digit of 11 pt Calibri), plus 5 px of padding; 0.75 pt a pixel. */
const columnPoints = (width: number) => (width * 7 + 5) * 0.75;

/** Points of 12 pt Times New Roman text. */
const points = (text: string, bold: boolean) => (runWidth(text, 12, bold) / 20) * RENDERED;

/** How many lines `text` takes in a column `width` units wide, wrapped at spaces as Excel does (a longer word is cut by characters). */
export function wrappedLines(text: string, width: number, bold = false): number {
  const room = Math.max(1, columnPoints(width) - CELL_PADDING);
  const space = points(" ", bold);
  let lines = 0;
  for (const line of text.split("\n")) {
    let used = 0;
    lines++;
    for (const word of line.split(/\s+/).filter(Boolean)) {
      const w = points(word, bold);
      if (used > 0 && used + space + w > room) { lines++; used = 0; }
      if (used === 0 && w > room) { lines += Math.ceil(w / room) - 1; used = w % room; } else used += (used > 0 ? space : 0) + w;
    }
  }
  return lines;
}

/** A row's height in points: its tallest cell. */
const rowHeight = (lines: number) => Math.min(MAX_ROW_HEIGHT, Math.ceil(lines * LINE_HEIGHT + ROW_PADDING));

/**
 * exceljs, loaded when a workbook is first read or written: it takes about 0.3 s to load, which every start of the
 * server paid while most never touch a spreadsheet.
 */
export const loadExcel = async () => (await import("exceljs")).default;

export async function tablesXlsx(appendices: Appendix[]): Promise<Buffer> {
  const book = new (await loadExcel()).Workbook();
  book.creator = "theodoi";
  appendices.forEach((a, i) => {
    const sheet = book.addWorksheet(sheetName(a.title, i), { pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    const columns = a.table.columns;
    const total = columns.reduce((s, c) => s + c.width, 0);
    // No column narrower than its longest word or date (capped, so one web address cannot take the sheet).
    const widths = columns.map((c, k) => {
      const longest = Math.max(...[c.title, ...a.table.rows.map((r) => cellText(r[k] ?? null))].flatMap((t) => t.split(/\s+/)).map((w) => points(w, true)));
      return Math.max(6, Math.round((c.width / total) * SHEET_WIDTH), Math.min(40, Math.ceil((longest + CELL_PADDING) / 0.75 / 7)));
    });
    sheet.columns = widths.map((width) => ({ width }));
    const sheetWidth = widths.reduce((s, w) => s + w, 0);
    const titleLines = [...a.title.split("\n"), ...(a.subtitle ? [a.subtitle] : [])];
    titleLines.forEach((line, k) => {
      const row = sheet.addRow([line]);
      sheet.mergeCells(row.number, 1, row.number, columns.length);
      const bold = k < titleLines.length - (a.subtitle ? 1 : 0);
      row.getCell(1).font = { ...FONT, bold, italic: !!a.subtitle && k === titleLines.length - 1 };
      row.getCell(1).alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      row.height = rowHeight(wrappedLines(line, sheetWidth, bold));
    });
    sheet.addRow([]);
    const header = sheet.addRow(columns.map((c) => c.title));
    header.eachCell((cell) => {
      cell.font = { ...FONT, bold: true };
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      cell.border = BORDER;
    });
    header.height = rowHeight(Math.max(...columns.map((c, k) => wrappedLines(c.title, widths[k], true))));
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
      row.height = rowHeight(Math.max(1, ...columns.map((_, k) => wrappedLines(cellText(values[k] ?? null), widths[k]))));
    }
    if (a.table.rows.length === 0 && a.table.empty) {
      // A table with nothing to list says so across its columns.
      const row = sheet.addRow([a.table.empty]);
      sheet.mergeCells(row.number, 1, row.number, columns.length);
      const cell = row.getCell(1);
      cell.font = { ...FONT, italic: true };
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      for (let k = 1; k <= columns.length; k++) row.getCell(k).border = BORDER;
      row.height = rowHeight(wrappedLines(a.table.empty, sheetWidth));
    }
    sheet.views = [{ state: "frozen", ySplit: header.number }];
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
