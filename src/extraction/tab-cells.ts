/**
 * A table copied from Word into plain text comes as rows of cells parted by tabs ("1\tRà soát quy định\tSở Tư
 * pháp\tQuý II/2026"); the readers of .docx and .pdf, and web copies, write table rows as "a | b | c", which is
 * how the table stages read them. Runs of two or more rows of two or more cells become such rows; a tab after
 * an item's marker ("1.\tMục đích", "o\tÝ phụ", Word's numbering copied) parts no cells, nor a draft's blank
 * ("Số:\t/KH-UBND", "ngày\t\ttháng 5"). Other lines, and a lone row of tabs (a header or signature row a typist
 * set apart), are left as they are: the segmenter reads markers' and those blocks' tabs itself.
 */

/** An item's marker before a tab: "1.", "1.2.", "a)", "-", "•", Word's "o". */
const MARKER = /^(?:\(?\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\)|[IVXLC]+\.|[-+•*–o▪●➢\uF0B7])$/u;
/**
 * A draft's blank is no cell's border: the number's ("Số:\t/KH-UBND"), the day's and the month's of the place and date
 * ("Lạng Sơn, ngày\t\ttháng 5 năm 2024", "ngày 12 tháng\tnăm 2024"). Only so written: a cell ending in "số", "ngày" or "tháng"
 * ("Chỉ số", "15 ngày", "Hằng tháng") is a cell. (Tested on a cell's end only, however long the cells a hostile row joins.)
 */
const BLANK_BEFORE = /(?:^số\s*:?|,\s*ngày|^ngày|ngày\s+\d{1,2}\s+tháng)$/iu;
const BLANK_NEXT = /^(?:\/|\d|tháng|năm)/iu;
const BLANK_TAIL = 24;
/** Whether a cell ends where a draft leaves a blank (its end only: a long cell's cut tail opens with a space, which no blank's does). */
const blankBefore = (cell: string) => BLANK_BEFORE.test(cell.length > BLANK_TAIL ? ` ${cell.slice(-BLANK_TAIL)}` : cell);

/** A row's cells, or null when the line is no row of two cells or more. */
function cellsOf(line: string): string[] | null {
  if (!line.includes("\t") || line.includes("|")) return null;
  // One tab parts two cells: two tabs in a row hold an empty cell between them (a cell merged down, a blank one), and a tab
  // at the end an empty last cell, which keeps the columns in place.
  // (A leading tab is an empty first cell, a column merged down: only spaces are an indent. Trailing spaces are cut by a loop: a
  // pattern anchored at the end is tried from every space of a long run.)
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === 32 || line.charCodeAt(end - 1) === 13)) end--;
  const parts = line.slice(0, end).replace(/^ +/, "").split("\t");
  const cells: string[] = [];
  /** The cell a draft's blank goes on, over the empty parts its tabs made. */
  let last = -1;
  for (const part of parts) {
    const cell = part.trim();
    if (cell && last >= 0 && blankBefore(cells[last]) && BLANK_NEXT.test(cell)) {
      cells[last] += ` ${cell}`;
      cells.length = last + 1;
      continue;
    }
    cells.push(cell);
    if (cell) last = cells.length - 1;
  }
  const filled = cells.filter(Boolean).length;
  // "1.\tMục đích": a numbered item, one cell after its marker; "1.\tRà soát\tSở Tư pháp" is a table's numbered row.
  if (filled === 2 && MARKER.test(cells[0])) return null;
  return filled >= 2 ? cells : null;
}

export function tabsAsCells(text: string): string {
  if (!text.includes("\t")) return text;
  const lines = text.split("\n");
  const rows = lines.map(cellsOf);
  for (let i = 0; i < lines.length; i++) {
    // (Only a run of rows is a table: a single row of tabs is a header's or a signature's, read as such by the segmenter.)
    if (rows[i] && (rows[i - 1] || rows[i + 1])) lines[i] = rows[i]!.join(" | ");
  }
  return lines.join("\n");
}
