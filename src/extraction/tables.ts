/**
 * Tables as the readers write them, one row per line with cells parted by " | " (a Word table, a PDF
 * table rebuilt from positions, a scraped page). A table is a run of such rows with no text between
 * them; its header row says which column holds what. Read here once for the stages that take items
 * from tables: tasks (an appendix "Danh mục nhiệm vụ") and indicators (an appendix of targets).
 *
 * - Group rows ("I | Lĩnh vực kinh tế", "II. CHỈ TIÊU VỀ HẠ TẦNG") set the section of the rows under them.
 * - A cell merged down the rows of a group is written in its first row only by a plain-text conversion
 *   (Word's is repeated in each row): an empty cell of a carried column takes the one above it.
 */
import { foldPhrase, type FoldedText } from "../text/fold.js";
import type { Line } from "./segment.js";

export interface Cell { text: string; start: number }

/** The cells of a table row as "a | b | c", with offsets. */
export function cellsOf(line: Pick<Line, "text" | "start">): Cell[] {
  const cells: Cell[] = [];
  let offset = 0;
  for (const raw of line.text.split("|")) {
    const lead = raw.length - raw.trimStart().length;
    cells.push({ text: raw.trim(), start: line.start + offset + lead });
    offset += raw.length + 1;
  }
  // "| a | b |" (a scraped page): the empty cells outside the outer pipes are not columns. A row whose first
  // cell is empty but whose last is not (" | Nội dung | Sở X": a Word row without its number) keeps it, or its
  // columns would move left of the header's.
  const last = cells.length - 1;
  if (cells.length > 1 && !cells[0].text && !cells[last].text) cells.shift();
  if (cells.length && !cells[cells.length - 1].text) cells.pop();
  return cells;
}

const ROW_CELLS = new WeakMap<Line, readonly Cell[]>();
/** `cellsOf(line)`, split once for the stages that read tables (tasks, indicators, projects). */
function rowCells(line: Line): readonly Cell[] {
  let cells = ROW_CELLS.get(line);
  if (!cells) ROW_CELLS.set(line, (cells = cellsOf(line)));
  return cells;
}

export interface TableRow {
  line: Line;
  cells: Cell[];
  /** The label of the group row above it ("I", "II"), if any. */
  group: string | null;
}

/** A cell's text (or a whole row's) as a folded phrase (`foldPhrase`), for reading a header. */
export type CellPhrase = (cell: Cell) => string;
const cellPhrase: CellPhrase = (cell) => foldPhrase(cell.text);

/** The head of a table's number column: "STT", "TT", "Số TT", and "ST T" or "S TT" as a PDF wraps it in its narrow column. */
export const NUMBER_HEAD = /^(?:s ?t ?t|t ?t|so tt)$/;

/**
 * Reads a header row (`row`, split into `cells`): the column of each role, or null. Every row of a table
 * is tried as a header, so a reader can first look for the head it needs in the whole row's phrase.
 */
export type HeaderReader<C extends string> = (cells: Cell[], phrase: CellPhrase, row: Line) => Map<C, number> | null;

/** A table whose header row named its columns: the rows under the header, group rows left out. */
export interface Table<C extends string> { columns: Map<C, number>; header: Cell[]; rows: TableRow[] }

/** A group row: a Roman numeral or letter in the first cell and at most one other cell filled, or one cell only. */
function groupOf(cells: Cell[]): string | null {
  const filled = cells.filter((c) => c.text);
  const first = cells[0]?.text ?? "";
  const numeral = /^([IVX]{1,5}|[A-ZĐ])\s*[.)]?$/u.exec(first);
  if (numeral && filled.length <= 2) return numeral[1];
  const heading = /^([IVX]{1,5})\s*[.\-–]\s+\S/u.exec(first);
  if (heading && filled.length === 1) return heading[1];
  return null;
}

/**
 * The tables among `lines` whose header row `readHeader` recognises (it returns the column of each
 * role, or null). Rows before a recognised header, and tables without one, are skipped. A table ends at
 * the first line of text between its rows, or at a new header; the same header again (repeated on the
 * next page) continues it, and a first row without its number there ends the row the page break cut. Every row is tried as a header, so with
 * the text's fold (`document`) the cells' folds are cut from it instead of folding each cell.
 */
export function tablesOf<C extends string>(
  text: string, lines: Line[], readHeader: HeaderReader<C>, carried: C[] = [],
  document?: FoldedText,
  /**
   * A second header row under the first ("Thời gian thực hiện" over "Bắt đầu | Hoàn thành"): true when the row right
   * after a header is one, and then it may move the columns the header gave.
   */
  readSubHeader?: (cells: Cell[], phrase: CellPhrase, columns: Map<C, number>, header: Cell[]) => boolean,
): Table<C>[] {
  const phrase: CellPhrase = document ? (cell) => document.phraseOf(cell.text, cell.start) : cellPhrase;
  const tables: Table<C>[] = [];
  let table: Table<C> | null = null;
  let previous: Line | null = null;
  let group: string | null = null;
  /** The row before was the header repeated on a new page. */
  let afterRepeat = false;
  const above = new Map<C, Cell>();
  for (const line of lines) {
    if (!line.text.includes("|")) continue;
    // (A copy: the rows' cells are filled in below. Every stage that reads tables reads the same rows.)
    const cells = rowCells(line).slice();
    if (previous && text.slice(previous.end, line.start).split("\n").some((l) => l.trim() && !l.includes("|"))) table = null;
    previous = line;
    // (Tried first: a Word table repeats the cells merged down into the second header row, "STT | Nhiệm vụ | ... | Hoàn thành".)
    // (Right under the header, or under the header repeated on a new page.)
    if (table && readSubHeader && (!table.rows.length || afterRepeat) && readSubHeader(cells, phrase, table.columns, table.header)) continue;
    const columns = readHeader(cells, phrase, line);
    if (columns) {
      // The header repeated on the next page (a table continued across pages, perhaps after footnotes)
      // goes on with the same table: its group and merged cells carry over.
      const last = tables[tables.length - 1];
      if (last && last.header.map((c) => c.text).join("|") === cells.map((c) => c.text).join("|")) { table = last; afterRepeat = true; continue; }
      table = { columns, header: cells, rows: [] };
      tables.push(table);
      group = null;
      above.clear();
      continue;
    }
    if (!table) continue;
    const continuesRow = afterRepeat && !cells[0]?.text;
    afterRepeat = false;
    // A row the page break cut: its tail, under the repeated header, has no number of its own
    // (" | chuyển đổi số |  | "); its cells end the cells of the row before.
    const cut = table.rows[table.rows.length - 1];
    if (continuesRow && cut) {
      for (const [index, cell] of cells.entries()) {
        const head = cut.cells[index];
        if (cell.text) cut.cells[index] = head?.text ? { text: `${head.text} ${cell.text}`, start: head.start } : cell;
      }
      continue;
    }
    const label = groupOf(cells);
    if (label) { group = label; above.clear(); continue; }
    for (const c of carried) {
      const index = table.columns.get(c);
      if (index === undefined) continue;
      const cell = cells[index];
      if (cell?.text) above.set(c, cell);
      else if (above.has(c)) cells[index] = above.get(c)!;
    }
    table.rows.push({ line, cells, group });
  }
  return tables;
}

/** A header row's columns: each role given the first cell its pattern matches (cells of more than 80 characters are no header). */
export function headerColumns<C extends string>(cells: Cell[], heads: Array<[C, RegExp]>, phrase = cellPhrase): Map<C, number> | null {
  const columns = new Map<C, number>();
  for (const [index, cell] of cells.entries()) {
    const head = phrase(cell);
    if (head.length > 80) return null;
    const column = heads.find(([c, re]) => !columns.has(c) && re.test(head));
    if (column) columns.set(column[0], index);
  }
  return columns;
}

/** A table as the text writes it, with offsets: its rows, each with its cells (the first row is its header). */
export interface TextTable { start: number; end: number; rows: { start: number; end: number; cells: Cell[] }[] }

/**
 * The runs of table rows ("a | b | c" lines, two cells at least) in a text, blank lines allowed between
 * rows: how the readers write a table, for the review screen to show it as one.
 */
export function textTables(text: string): TextTable[] {
  const tables: TextTable[] = [];
  let table: TextTable | null = null;
  let offset = 0;
  for (const raw of text.split("\n")) {
    const start = offset;
    offset += raw.length + 1;
    if (!raw.trim()) continue;
    const cells = raw.includes("|") ? cellsOf({ text: raw, start }) : [];
    if (cells.length < 2) { table = null; continue; }
    const row = { start, end: start + raw.length, cells };
    if (table) { table.rows.push(row); table.end = row.end; } else tables.push((table = { start, end: row.end, rows: [row] }));
  }
  return tables;
}
