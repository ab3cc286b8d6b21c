/**
 * Reading a file of indicator values (.xlsx or .csv) into the values it holds, each with the row and
 * column it came from; pure, no database. Two stages:
 *  - read: the bytes into a grid of rows. An .xlsx has its zip checked (every entry inflated within
 *    limits) before exceljs opens it, as the report template is; a .csv is decoded (a BOM, UTF-8, or
 *    the Windows-1258 and UTF-16 that Excel in Vietnamese writes), its separator found in its header
 *    line (";" where the decimal mark is a comma) and parsed with csv-parse. Rows are counted before
 *    they are parsed: a file of more than MAX_VALUES rows is refused whole.
 *  - layout: the header row found among the first rows, its columns named by their headers in
 *    Vietnamese or English. Long: a value a row (indicator, year or period, value, kind, source).
 *    Wide, as a statistics office publishes a series: an indicator a row and a column per year
 *    ("2015", "Năm 2016", "Ước 2024", "Sơ bộ 2024", "KH 2025").
 * Each cell is then read (readCells): the period, the number written the Vietnamese way, the kind; a
 * formula's computed result is taken, one without a result refused, and text that an export would
 * run as a formula ("=HYPERLINK(...)") is refused.
 */
import { parse } from "csv-parse/sync";
import type ExcelJS from "exceljs";
import { loadExcel } from "../reports/xlsx.js";
import { AppError, type FieldProblem } from "../core/errors.js";
import type { MessageKey } from "../core/i18n.js";
import { UnreadableFileError } from "../extraction/read-text.js";
import { checkZip } from "../extraction/zip.js";
import { foldVietnamese } from "../text/fold.js";
import { megabytes, parseVietnameseNumber } from "../text/numbers.js";
import type { VALUE_KINDS } from "./schema.js";

export const VALUES_MAX_BYTES = 5 * 1024 * 1024;
/** Values (rows of a long file, filled cells of a wide one) one file may hold; a 10-year series of 100 indicators is 1,000. */
export const MAX_VALUES = 5000;
/** Rows looked through for the header, columns read, characters of a text cell. */
const HEADER_ROWS = 20, MAX_COLUMNS = 100, MAX_TEXT = 2000;
const ZIP_LIMITS = { entries: 100, totalBytes: 24 << 20, entryBytes: 12 << 20 };

export type ValueKind = (typeof VALUE_KINDS)[number];
/** A cell as read: text, a number, empty, or a formula with the result its workbook computed (null: none). */
export type Cell = string | number | null | { formula: string; result: string | number | null };
export interface Grid { rows: { row: number; cells: Cell[] }[] }

/** Where a cell is, for a message: "C" and the header above it. */
export interface Place { row: number; column: string; header: string }
/** One value the file holds, its cells as read, each with its place. */
export interface RawValue {
  row: number;
  indicator: { cell: Cell; at: Place } | null;
  period: { cell: Cell; at: Place };
  value: { cell: Cell; at: Place };
  kind: { cell: Cell; at: Place } | null;
  /** A wide sheet's column says the kind ("Ước 2024"). */
  kindOfColumn: ValueKind | null;
  source: { cell: Cell; at: Place } | null;
}

const fileError = (key: MessageKey, params: Record<string, string> = {}) => new AppError("validation", [{ field: "file", key, params }], key, params);
export const columnLetter = (index: number) => {
  let s = "", n = index + 1;
  while (n > 0) { const r = (n - 1) % 26; s = String.fromCharCode(65 + r) + s; n = Math.floor((n - 1) / 26); }
  return s;
};

// ---- Read ------------------------------------------------------------------------------------

/** The file as a grid of rows, .xlsx or .csv by its content (a zip is a workbook); file-level problems refused. */
export async function readValueFile(bytes: Uint8Array): Promise<Grid> {
  if (bytes.length > VALUES_MAX_BYTES) throw fileError("values_too_large", { limit: megabytes(VALUES_MAX_BYTES) });
  if (!bytes.length) throw fileError("values_empty");
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  return isZip ? readWorkbook(bytes) : readCsv(bytes);
}

async function readWorkbook(bytes: Uint8Array): Promise<Grid> {
  try {
    checkZip(bytes, ZIP_LIMITS);
  } catch (e) {
    if (e instanceof UnreadableFileError) throw fileError(e.reason === "zip_bomb" ? "values_zip_bomb" : "values_unreadable");
    throw e;
  }
  const book = new (await loadExcel()).Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes) as never);
  } catch {
    throw fileError("values_unreadable");
  }
  // The first sheet that is shown (a hidden sheet of lists is no series).
  const sheet = book.worksheets.find((w) => w.state === "visible") ?? book.worksheets[0];
  if (!sheet) throw fileError("values_empty");
  if (sheet.actualRowCount > MAX_VALUES + HEADER_ROWS) throw fileError("values_too_many_rows", { limit: MAX_VALUES.toLocaleString("vi-VN") });
  const rows: Grid["rows"] = [];
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: Cell[] = [];
    for (let c = 1; c <= Math.min(row.cellCount, MAX_COLUMNS); c++) cells.push(cellOf(row.getCell(c)));
    rows.push({ row: r, cells });
  });
  return { rows };
}

function cellOf(cell: ExcelJS.Cell): Cell {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return v;
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ("formula" in v || "sharedFormula" in v) {
    const result = (v as { result?: unknown }).result;
    const formula = "formula" in v ? String(v.formula) : String((v as { sharedFormula: string }).sharedFormula);
    return { formula, result: typeof result === "number" || typeof result === "string" ? result : null };
  }
  if ("richText" in v) return v.richText.map((t) => t.text).join("");
  if ("text" in v) return String(v.text);
  return null;
}

/** The text of a .csv: UTF-16 or UTF-8 by its BOM, UTF-8 when it decodes as such, else Windows-1258 (Excel's "CSV" in Vietnamese). */
function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    return new TextDecoder("windows-1258").decode(body).normalize("NFC");
  }
}

function readCsv(bytes: Uint8Array): Grid {
  let text = decode(bytes);
  if (text.includes("\u0000")) throw fileError("values_unreadable");
  // Counted before parsing: a file of 100,000 lines is refused without building them. A line ends as the
  // parser ends one: "\r\n", "\n" or a bare "\r" (old Mac files), so a file of "\r"s is no way around the count.
  let lines = 0;
  for (const _ of text.matchAll(/\r\n?|\n/g)) if (++lines > MAX_VALUES + HEADER_ROWS) break;
  if (lines > MAX_VALUES + HEADER_ROWS) throw fileError("values_too_many_rows", { limit: MAX_VALUES.toLocaleString("vi-VN") });
  // Excel's own directive ("sep=;") names the separator; else the header line's most frequent one.
  let offset = 0, delimiter: string;
  const directive = /^sep=(.)\r?\n/.exec(text);
  if (directive) { delimiter = directive[1]; text = text.slice(directive[0].length); offset = 1; }
  else {
    const header = /[^\r\n]*\S[^\r\n]*/.exec(text)?.[0] ?? "";
    const count = (c: string) => header.split(c).length - 1;
    delimiter = [";", "\t", ","].reduce((best, c) => (count(c) > count(best) ? c : best), ",");
  }
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_quotes: true, relax_column_count: true, skip_empty_lines: false, max_record_size: 64 * 1024 }) as string[][];
  } catch (e) {
    throw fileError("values_csv_malformed", { row: String(((e as { lines?: number }).lines ?? 0) + offset) });
  }
  return { rows: records.map((cells, i) => ({ row: i + 1 + offset, cells: cells.slice(0, MAX_COLUMNS).map((c) => (c.trim() === "" ? null : c)) }))
    .filter((r) => r.cells.some((c) => c !== null)) };
}

// ---- Layout ----------------------------------------------------------------------------------

type Column = "indicator" | "period" | "value" | "kind" | "source" | "unit";
/** A header folded: without accents, punctuation or case ("Chỉ tiêu (mã hoặc tên)" → "chi tieu ma hoac ten"). */
const foldHeader = (text: string) => foldVietnamese(text).replace(/[^a-z0-9 ]+/g, " ").replace(/\s+/g, " ").trim();
const HEADERS: [Column, RegExp][] = [
  ["indicator", /^(chi tieu|ten chi tieu|ma chi tieu|indicator|indicator id|id|ma so|ma)\b/],
  ["period", /^(nam|ky|ky bao cao|thoi gian|year|period)$/],
  ["value", /^(gia tri|so lieu|value)\b/],
  ["kind", /^(loai|loai so lieu|kind|type)$/],
  ["source", /^(nguon|source|ghi chu|note)\b/],
  ["unit", /^(don vi|dvt|unit)\b/],
];
const columnOf = (text: string): Column | null => HEADERS.find(([, re]) => re.test(foldHeader(text)))?.[0] ?? null;

/** A wide sheet's column header: its period and, where it says, its kind ("Ước 2024", "Sơ bộ năm 2024", "KH 2025"). */
export function periodHeader(cell: Cell): { period: string; kind: ValueKind | null } | null {
  if (typeof cell === "number") return Number.isInteger(cell) && cell >= 1900 && cell <= 2200 ? { period: String(cell), kind: null } : null;
  if (typeof cell !== "string") return null;
  const folded = foldHeader(cell);
  const kind: ValueKind | null = /^(uoc|so bo)\b/.test(folded) ? "estimate" : /^(ke hoach|kh)\b/.test(folded) ? "plan" : /^(thuc hien|th)\b/.test(folded) ? "actual" : null;
  const rest = cell.replace(/^\s*(ước thực hiện|ước th|ước tính|ước|sơ bộ|kế hoạch|kh|thực hiện|th)\s*/iu, "");
  const period = periodOf(rest);
  return period ? { period, kind } : null;
}

const ROMAN: Record<string, string> = { i: "1", ii: "2", iii: "3", iv: "4" };
/**
 * A year or period as written: 2024, "2024", "Năm 2024", "2024-Q3", "Quý III/2024", "Q3/2024", "6 tháng đầu năm 2024",
 * "2024-H1", "Tháng 5/2024", "05/2024", "2024-05"; null for anything else.
 */
export function periodOf(cell: Cell | undefined): string | null {
  if (typeof cell === "number") return Number.isInteger(cell) && cell >= 1900 && cell <= 2200 ? String(cell) : null;
  if (typeof cell !== "string") return null;
  const t = foldVietnamese(cell.normalize("NFC")).replace(/\s+/g, " ").trim();
  const year = (y: string) => (Number(y) >= 1900 && Number(y) <= 2200 ? y : null);
  let m: RegExpExecArray | null;
  if ((m = /^(?:nam )?(\d{4})$/.exec(t))) return year(m[1]);
  if ((m = /^(\d{4})-(h[12]|q[1-4]|0[1-9]|1[0-2])$/.exec(t))) return year(m[1]) && `${m[1]}-${m[2].toUpperCase()}`;
  if ((m = /^(?:quy|q) ?([1-4]|iv|iii|ii|i) ?(?:[/.-]|nam)? ?(\d{4})$/.exec(t))) return year(m[2]) && `${m[2]}-Q${ROMAN[m[1]] ?? m[1]}`;
  if ((m = /^(\d{4}) ?[/-]? ?q([1-4])$/.exec(t))) return year(m[1]) && `${m[1]}-Q${m[2]}`;
  if ((m = /^6 thang (dau|cuoi) (?:nam )?(\d{4})$/.exec(t))) return year(m[2]) && `${m[2]}-H${m[1] === "dau" ? 1 : 2}`;
  if ((m = /^(?:thang )?(\d{1,2}) ?(?:[/.-]|nam) ?(\d{4})$/.exec(t)) && Number(m[1]) >= 1 && Number(m[1]) <= 12) return year(m[2]) && `${m[2]}-${m[1].padStart(2, "0")}`;
  return null;
}

/** Where the header is and what each column holds; refused when no row within the first rows names an indicator and its values. */
function layoutOf(grid: Grid, indicatorGiven: boolean) {
  for (const { row, cells } of grid.rows.slice(0, HEADER_ROWS)) {
    const named = new Map<Column, number>();
    const periods: { index: number; period: string; kind: ValueKind | null }[] = [];
    cells.forEach((cell, index) => {
      const text = typeof cell === "string" ? cell : null;
      const column = text ? columnOf(text) : null;
      if (column && !named.has(column)) { named.set(column, index); return; }
      const p = periodHeader(cell);
      if (p) periods.push({ index, ...p });
    });
    const hasIndicator = named.has("indicator") || indicatorGiven;
    if (hasIndicator && named.has("value") && named.has("period")) return { headerRow: row, headers: cells, named, periods: [], wide: false };
    if (hasIndicator && !named.has("value") && periods.length) return { headerRow: row, headers: cells, named, periods, wide: true };
  }
  throw fileError("values_no_header", { rows: String(HEADER_ROWS) });
}

const textOfCell = (cell: Cell | undefined): string =>
  cell === null || cell === undefined ? "" : typeof cell === "object" ? (cell.result === null ? "" : String(cell.result)) : String(cell);
/** A footnote or a heading under the table ("Nguồn: Cục Thống kê", "(*) Số liệu sơ bộ"): skipped, not a value. */
const NOTE = /^(nguon|ghi chu|chu thich|\(\*|\*)/;

/** The values the file holds, each with its cells and their places. */
export function valuesOf(grid: Grid, indicatorGiven: boolean): RawValue[] {
  const layout = layoutOf(grid, indicatorGiven);
  const header = (index: number) => textOfCell(layout.headers[index]).trim();
  const at = (row: number, index: number): Place => ({ row, column: columnLetter(index), header: header(index) });
  const named = (row: number, cells: Cell[], column: Column) => {
    const index = layout.named.get(column);
    return index === undefined ? null : { cell: cells[index] ?? null, at: at(row, index) };
  };
  const out: RawValue[] = [];
  for (const { row, cells } of grid.rows) {
    if (row <= layout.headerRow) continue;
    const filled = cells.map((c, i) => (textOfCell(c).trim() ? i : -1)).filter((i) => i >= 0);
    if (filled.length === 1 && NOTE.test(foldHeader(textOfCell(cells[filled[0]])))) continue;
    if (layout.wide) {
      for (const p of layout.periods) {
        const cell = cells[p.index] ?? null;
        // "-", "..", "x": a statistics office's "no figure"; an empty cell likewise.
        if (!textOfCell(cell).trim() || /^\s*(-|–|\.\.|…|x)\s*$/iu.test(textOfCell(cell))) continue;
        out.push({ row, indicator: named(row, cells, "indicator"), period: { cell: p.period, at: at(row, p.index) }, value: { cell, at: at(row, p.index) },
          kind: named(row, cells, "kind"), kindOfColumn: p.kind, source: named(row, cells, "source") });
      }
    } else {
      const period = named(row, cells, "period")!, value = named(row, cells, "value")!;
      // A row with neither a period nor a value is a heading or a note between the rows of values.
      if (!textOfCell(period.cell).trim() && !textOfCell(value.cell).trim()) continue;
      out.push({ row, indicator: named(row, cells, "indicator"), period, value, kind: named(row, cells, "kind"), kindOfColumn: null, source: named(row, cells, "source") });
    }
    if (out.length > MAX_VALUES) throw fileError("values_too_many_rows", { limit: MAX_VALUES.toLocaleString("vi-VN") });
  }
  if (!out.length) throw fileError("values_empty");
  return out;
}

// ---- Cells -----------------------------------------------------------------------------------

export const problemAt = (at: Place, key: MessageKey, params: Record<string, string> = {}): FieldProblem =>
  ({ field: `rows.${at.row}.${at.column}`, key, params: { row: String(at.row), column: at.header ? `${at.column} (${at.header})` : at.column, ...params } });
const shown = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** Text an export could run as a formula (=, +, @, a tab or return first; "-" before a letter): refused in text cells. */
const FORMULA_TEXT = /^[=+@\t\r]|^-[^\s\d.,]/;

/** A text cell: its text, or the problem (a formula without a result, text like a formula, too long). */
export function textCell(c: { cell: Cell; at: Place }): { text: string } | { problem: FieldProblem } {
  if (typeof c.cell === "object" && c.cell !== null && c.cell.result === null) return { problem: problemAt(c.at, "values_formula") };
  const text = textOfCell(c.cell).trim();
  if (FORMULA_TEXT.test(text)) return { problem: problemAt(c.at, "values_formula_text", { value: shown(text) }) };
  if (text.length > MAX_TEXT) return { problem: problemAt(c.at, "values_text_long") };
  return { text };
}

/** A value cell: a number, a formula's numeric result, or text written the Vietnamese way ("8.310,18", "7,17%"). */
export function numberCell(c: { cell: Cell; at: Place }): { value: number } | { problem: FieldProblem } {
  const cell = c.cell;
  if (typeof cell === "object" && cell !== null) {
    if (typeof cell.result === "number" && Number.isFinite(cell.result)) return { value: cell.result };
    if (cell.result === null) return { problem: problemAt(c.at, "values_formula") };
  }
  if (typeof cell === "number") return Number.isFinite(cell) ? { value: cell } : { problem: problemAt(c.at, "values_number", { value: String(cell) }) };
  const text = textOfCell(cell).replace(/[\s\u00a0]+/g, " ").trim();
  if (!text) return { problem: problemAt(c.at, "values_value_missing") };
  if (FORMULA_TEXT.test(text) && !/^[+-]?\d/.test(text)) return { problem: problemAt(c.at, "values_formula_text", { value: shown(text) }) };
  const value = parseVietnameseNumber(text.replace(/\s*%$/, "").replace(/ /g, ""));
  return value === null ? { problem: problemAt(c.at, "values_number", { value: shown(text) }) } : { value };
}

const KINDS: [RegExp, ValueKind][] = [
  [/^(thuc hien|th|actual|chinh thuc)$/, "actual"],
  [/^(uoc|uoc thuc hien|uoc th|uoc tinh|so bo|estimate|estimated)$/, "estimate"],
  [/^(ke hoach|kh|plan|planned)$/, "plan"],
];
/** The kind: its cell (empty: the column's, else actual). */
export function kindCell(c: { cell: Cell; at: Place } | null, ofColumn: ValueKind | null): { kind: ValueKind } | { problem: FieldProblem } {
  const text = c ? textOfCell(c.cell).trim() : "";
  if (!text) return { kind: ofColumn ?? "actual" };
  const kind = KINDS.find(([re]) => re.test(foldHeader(text)))?.[1];
  return kind ? { kind } : { problem: problemAt(c!.at, "values_kind", { value: shown(text) }) };
}

/** The period: its cell read by periodOf. */
export function periodCell(c: { cell: Cell; at: Place }): { period: string } | { problem: FieldProblem } {
  const text = textOfCell(c.cell).trim();
  if (!text) return { problem: problemAt(c.at, "values_period_missing") };
  const period = typeof c.cell === "object" && c.cell !== null ? periodOf(c.cell.result) : periodOf(c.cell);
  return period ? { period } : { problem: problemAt(c.at, "values_period", { value: shown(text) }) };
}
