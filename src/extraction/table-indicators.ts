/**
 * Indicators set out as a table: an appendix of targets (TT | Chỉ tiêu | Đơn vị tính | Năm 2025 |
 * Mục tiêu 2030 | Cơ quan chủ trì theo dõi) or a report's results (Chỉ tiêu | Đơn vị | Kết quả 2023 |
 * Ước 2024 | Kế hoạch 2025). Each row gives one indicator per year column that holds a figure; the
 * column's header gives its year and kind, the unit column its unit (a figure written with its own unit,
 * "Ít nhất 10 cơ sở", keeps it), the monitoring agency's column its owner.
 */
import { foldPhrase, type FoldedText } from "../text/fold.js";
import type { ExtractedIndicator } from "./indicators.js";
import { findQuantities } from "./quantities.js";
import type { Line } from "./segment.js";
import { NUMBER_HEAD, tablesOf, type Cell, type HeaderReader } from "./tables.js";

export interface TableIndicator extends ExtractedIndicator {
  /** The agency the table names to follow the indicator ("Cơ quan chủ trì theo dõi"), as written. */
  owner: string | null;
}

type Role = "number" | "name" | "unit" | "owner";
interface ValueColumn { index: number; year: number; kind: ExtractedIndicator["kind"] | null }

/** A header's column of names opens with these words ("Chỉ tiêu", "Tên chỉ tiêu", "Nội dung chỉ tiêu"); a data row's cells do not. */
const NAME_HEAD = /(?:^|\|\s*)(?:ten |cac )?(?:chi tieu|tieu chi|noi dung)/;
const ROLE_HEADS: Array<[Role, RegExp]> = [
  ["number", NUMBER_HEAD],
  ["unit", /^(?:don vi(?: tinh)?|dvt)$/],
  ["owner", /^(?:co quan|don vi (?:chu tri|theo doi|phu trach)|chu tri|theo doi)/],
  ["name", /^(?:ten |cac )?(?:chi tieu|tieu chi|noi dung)/],
];
const YEAR = /(?:^|\D)((?:19|20)\d\d)(?!\d)/;
/** A header over year columns set in the row below: "Mục tiêu", "Kết quả thực hiện", "Kế hoạch". */
const SPANNING_HEAD = /^(?:muc tieu|ke hoach|chi tieu ke hoach|ket qua(?: thuc hien| dat duoc)?|thuc hien|uoc thuc hien)$/;
/** A year column's header: a few words and its year ("Năm 2025", "Mục tiêu 2030", "KH 2025"), not a figure alone ("2024"). */
const YEAR_HEAD = /^(?=.*\p{L})[^\d]{0,40}(?:19|20)\d\d[^\d]{0,20}$/u;

function kindOfHeader(folded: string): ExtractedIndicator["kind"] | null {
  if (/\buoc\b/.test(folded)) return "estimate";
  if (/ket qua|thuc hien|dat duoc|hien trang|co so|\bth\b/.test(folded)) return "actual";
  if (/muc tieu|ke hoach|chi tieu|phan dau|den nam|\bkh\b/.test(folded)) return "target";
  return null;
}

/** The header's roles, and its year columns; a table of indicators names them and has one year column at least. */
const readHeader: HeaderReader<Role | `value${number}`> = (cells, phrase, row) => {
  // A row whose words name no indicator column is no header: its cells need not be read one by one.
  if (!NAME_HEAD.test(phrase(row))) return null;
  const columns = new Map<Role | `value${number}`, number>();
  let values = 0;
  for (const [index, cell] of cells.entries()) {
    const head = phrase(cell);
    if (head.length > 80) return null;
    if (YEAR_HEAD.test(head)) { columns.set(`value${values++}`, index); continue; }
    const role = ROLE_HEADS.find(([r, re]) => !columns.has(r) && re.test(head));
    if (role) columns.set(role[0], index);
  }
  // (A header whose years stand in a second row under "Mục tiêu" or "Kết quả" is read with that row: see `readYearRow`.)
  const yearsBelow = values === 0 && cells.some((c, i) => i !== columns.get("name") && c.text && SPANNING_HEAD.test(phrase(c)));
  return columns.has("name") && (values > 0 || yearsBelow) ? columns : null;
};

/**
 * The years of a two-row header: "Mục tiêu" over "Năm 2025 | Năm 2030" (the other cells blank, or the first row's merged
 * down and repeated). Each year's cell becomes a value column, its header the two rows' words ("Mục tiêu Năm 2025").
 */
function readYearRow(cells: Cell[], phrase: (cell: Cell) => string, columns: Map<Role | `value${number}`, number>, header: Cell[]): boolean {
  const years = cells.map((c, i) => (c.text && c.text !== header[i]?.text && YEAR_HEAD.test(phrase(c)) ? i : -1)).filter((i) => i >= 0);
  if (!years.length || cells.some((c, i) => c.text && c.text !== header[i]?.text && !years.includes(i))) return false;
  let values = [...columns.keys()].filter((k) => k.startsWith("value")).length;
  const above = header.map((c) => c?.text ?? "");
  for (const i of years) {
    // The words over it: its own header cell's, else the nearest before it (a cell merged across: "Mục tiêu | ").
    let over = i;
    while (over > 0 && !above[over]) over--;
    header[i] = { text: `${above[over]} ${cells[i].text}`.trim(), start: cells[i].start };
    columns.set(`value${values++}`, i);
  }
  return true;
}

/** `document`: the text folded, when the caller has it (the cells' folds are cut from it). */
export function extractTableIndicators(text: string, lines: Line[], documentKind: "plan" | "report", document?: FoldedText): TableIndicator[] {
  const out: TableIndicator[] = [];
  for (const table of tablesOf(text, lines, readHeader, ["owner", "unit"], document, readYearRow)) {
    const valueColumns: ValueColumn[] = [];
    for (const [key, index] of table.columns) {
      if (!key.startsWith("value")) continue;
      const head = foldPhrase(table.header[index].text);
      valueColumns.push({ index, year: Number(YEAR.exec(head)![1]), kind: kindOfHeader(head) });
    }
    const at = (cells: Cell[], role: Role) => (table.columns.has(role) ? cells[table.columns.get(role)!] : undefined);
    for (const { cells, group } of table.rows) {
      const name = at(cells, "name")?.text;
      if (!name) continue;
      const unit = at(cells, "unit")?.text ?? "";
      const number = at(cells, "number")?.text;
      for (const column of valueColumns) {
        const cell = cells[column.index];
        if (!cell?.text || !/\d/.test(cell.text)) continue;
        // A figure written with its unit keeps it ("Ít nhất 10 cơ sở"); a bare one takes the unit column's ("Trên 25" and "%").
        const q = findQuantities(cell.text)[0] ?? findQuantities(`${cell.text} ${unit}`)[0];
        if (!q) continue;
        out.push({
          text: cells.slice(0, column.index + 1).map((c) => c.text).filter(Boolean).join(" | "),
          name,
          comparator: q.comparator,
          min: q.min,
          max: q.max,
          unit: q.unit,
          year: column.year,
          per_year: q.perYear,
          period: null,
          // Less is better for a level to bring down ("Tỷ lệ hộ nghèo | Dưới 2", "Giảm ... xuống") or one capped ("Tối đa 5").
          direction: q.comparator === "<" || q.comparator === "<=" || /giảm|xuống/iu.test(name) ? "lower" : "higher",
          kind: column.kind ?? (documentKind === "plan" ? "target" : "actual"),
          section: number ? (group ? `${group}.${number}` : number) : group,
          owner: at(cells, "owner")?.text || null,
          start: cell.start,
          end: cell.start + cell.text.length,
        });
      }
    }
  }
  return out;
}
