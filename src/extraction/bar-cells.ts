/**
 * A table copied from a legal-document web page as text comes cell by cell: each cell's lines between lines that
 * hold a bar alone, a row's last bar followed by the next row's first ("|" / "TT" / "|" / "Nhiệm vụ" / "|" / "|" /
 * "1" / "|" / "Rà soát ..." / "|"). The readers of .docx and .pdf, and Markdown, write a table's rows as "a | b | c",
 * which is how the table stages read them; such a block is written so too, each cell's lines made one. A layout
 * table (the header or signature block, see `isLayoutTable`) is read cell by cell, its bars dropped, as the Word
 * reader reads one.
 *
 * Two bars in a row part two rows, or hold an empty cell: in a run of them, the last parts the rows and the ones
 * before are empty cells ("Hằng năm." / "|" / "|" / "|" / "|" / "2": two empty cells, then the next row). An empty
 * cell inside a row, before a filled one, cannot be told from the end of a row, and ends it.
 */
import { withoutMarkdown } from "./markdown.js";
import { isLayoutTable } from "./segment.js";

const isBar = (line: string) => line.trim() === "|";
/** A table's first column of numbers: "TT", "STT", "Số TT". */
const NUMBER_COLUMN = /^(?:s?tt|số\s*tt|số thứ tự)$/iu;
/** What such a column holds: "1", "1.2", "I", "A", "a", "1.". */
const ITEM_NUMBER = /^(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6}|[A-ZĐa-zđ])\.?$/u;
/** The most lines a cell holds (a list of recipients, a task wrapped at the page's width): more, and the text is no such table. */
const MAX_CELL_LINES = 20;

export function barLinesAsRows(text: string): string {
  if (!text.includes("\n|")) return text;
  const lines = text.split("\n");
  if (!lines.some(isBar)) return text;
  const out: string[] = [];
  for (let i = 0; i < lines.length;) {
    // A block opens with a bar after a blank line (a bar after a line of text is that line's cell's end, as some pages write
    // a header: "ỦY BAN NHÂN DÂN" / "|" / "CỘNG HÒA ...").
    if (!isBar(lines[i]) || (i > 0 && lines[i - 1].trim())) { out.push(lines[i++]); continue; }
    // The block: from this bar up to the last bar before a blank line (or the end), or before a run of lines longer than a cell.
    let end = i, last = i;
    while (end < lines.length && lines[end].trim() && end - last <= MAX_CELL_LINES) { if (isBar(lines[end])) last = end; end++; }
    if (end - last > MAX_CELL_LINES) end = last + 1;
    const rows = rowsOf(lines.slice(i, last + 1));
    if (!rows) { while (i < end) out.push(lines[i++]); continue; }
    // (Told without the emphasis a web page's conversion puts on "*Nơi nhận:*", "**KT. CHỦ TỊCH**"; each cell's lines read without
    // it, as a cell's emphasis is its own: "*Cần Thơ, ngày 21" / "tháng 11 năm 2025 *".)
    if (isLayoutTable(rows.map((r) => r.map((c) => c.join("\n").replace(/[*_]/g, ""))))) {
      for (const r of rows) for (const c of r) for (const line of withoutMarkdown(c.join("\n")).split("\n")) out.push(line);
    } else {
      // A row whose number a cell above spans ("1" / "Xây dựng hạ tầng ..." / "Trung tâm ..." / then "Xây dựng hạ tầng dự phòng ..." /
      // "Trung tâm ..."): its first cell is work, not a number, under a numbered column; its number's place is kept empty.
      const numbered = NUMBER_COLUMN.test(cellText(rows[0][0]));
      for (const r of rows) {
        const cells = r.map((c) => c.join(" ").replace(/\s+/g, " ").trim());
        if (numbered && cells.length < rows[0].length && cells[0] && !ITEM_NUMBER.test(cellText(r[0]))) cells.unshift("");
        out.push(cells.join(" | "));
      }
    }
    // (Lines after the last bar, before the blank line, stay as they are.)
    for (i = last + 1; i < end; i++) out.push(lines[i]);
  }
  return out.join("\n");
}

/**
 * The rows of a block from its first bar to its last, each a list of cells, each a list of lines; null when the block
 * is no table (fewer than two cells).
 */
function rowsOf(block: string[]): string[][][] | null {
  // The cells between bars: an empty one where two bars stand together.
  const cells: string[][] = [];
  let cell: string[] | null = null;
  for (const line of block) {
    if (isBar(line)) { if (cell) cells.push(cell); cell = []; }
    else cell!.push(line.trim());
  }
  if (cells.filter((c) => c.length).length < 2) return null;
  const rows: string[][][] = [];
  let row: string[][] = [];
  /** The header's columns (the first row's cells), once it is read; and whether its first column numbers the rows. */
  let columns = 0, numbered = false;
  for (let k = 0; k < cells.length; k++) {
    if (cells[k].length) { row.push(cells[k]); continue; }
    // A run of empty cells: the last parts the rows, the ones before are empty cells of this row; at the block's end, where the
    // last bar closes the last row, all are. All are, too, where the cells up to the next run fill the row to the header's
    // columns and the first of them is no row's number ("1 | Rà soát ... | Sở Tài chính |  | Quý IV/2025": a partner left empty).
    let runEnd = k;
    while (runEnd + 1 < cells.length && !cells[runEnd + 1].length) runEnd++;
    let next = runEnd + 1;
    while (next < cells.length && cells[next].length) next++;
    const runs = runEnd - k + 1, following = next - runEnd - 1;
    const fills = columns > 0 && row.length + runs + following === columns && following > 0
      && !(numbered && ITEM_NUMBER.test(cellText(cells[runEnd + 1])));
    if (fills || runEnd === cells.length - 1) { for (let e = k; e <= runEnd; e++) row.push([]); k = runEnd; continue; }
    for (let e = k; e < runEnd; e++) row.push([]);
    if (row.length) rows.push(row);
    if (rows.length === 1 && !columns) { columns = rows[0].length; numbered = NUMBER_COLUMN.test(cellText(rows[0][0])); }
    row = [];
    k = runEnd;
  }
  if (row.length) rows.push(row);
  return rows;
}

/** A cell's words, without their emphasis. */
const cellText = (cell: string[] | undefined) => (cell ?? []).join(" ").replace(/[*_]/g, "").trim();
