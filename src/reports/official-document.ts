/**
 * Official documents in the format of Decree 30/2020/NĐ-CP (Appendix I): the one .docx writer for
 * what the system issues, the urging letter now and the consolidated report later. Callers hand
 * in plain content (header lines, body blocks, recipients, signature); the layout the Decree fixes
 * is decided here once:
 *  - A4 portrait; margins top and bottom 20 mm, left 30 mm, right 15 mm; Times New Roman;
 *  - a borderless two-column header: the issuing body on the left, the national motto on the
 *    right, each with its rule, then the number (and a letter's "V/v" line) beside the place-date line;
 *  - the title (reports, plans) or "Kính gửi:" (letters), the body at 14 pt;
 *  - "Nơi nhận" beside the signature in a borderless table at the end, then any appendices, each
 *    on a new page: a wide table's on A4 landscape pages (same margins), as the Decree allows;
 *  - page numbers centred in the top margin from page 2 on, running on through the appendices.
 */
import { isoDateParts } from "../text/dates.js";
import {
  AlignmentType, BorderStyle, Document, Header, LineRuleType, Packer, PageNumber, PageOrientation, Paragraph, SectionType, Table,
  TableCell, TableLayoutType, TableRow, TextRun, WidthType,
} from "docx";
import { Zip, type ZipInputFile } from "fflate";
import { crc32, deflateRawSync } from "node:zlib";

export interface OfficialDocument {
  /**
   * Whose rules lay it out: Decree 30's for a state body (the default), or the Party's (Hướng dẫn
   * 36-HD/VPTW): the committee over a "*" and "Số 45-BC/TU" on the left, "ĐẢNG CỘNG SẢN VIỆT NAM"
   * underlined on the right, no national motto.
   */
  style?: "state" | "party";
  /** Superior body, upper line(s) of the left header column, e.g. "UBND TỈNH LẠNG SƠN" ("\n" between lines). */
  superior: string | null;
  /** Issuing body, e.g. "SỞ TÀI CHÍNH": written bold and uppercase, with a short rule under it. */
  issuer: string;
  /** The number ("123", or the whole symbol "123/STC-KH"); null leaves it blank for the clerk. */
  number: string | null;
  /** The symbol part after the number, e.g. "STC-KH". */
  symbolSuffix: string;
  /** A letter's subject ("V/v ..."), under the number. */
  subjectLine?: string | null;
  /** Place, and the date as ISO yyyy-mm-dd: "Lạng Sơn, ngày 23 tháng 11 năm 2026". */
  place: string;
  date: string;
  /** Reports and plans: the type ("BÁO CÁO") and the subject, bold and centred. Letters have none. */
  title?: { kind: string; subject: string } | null;
  /** Letters: "Kính gửi:" and the recipients, one a line. */
  addressees?: string[];
  body: Block[];
  /**
   * "Nơi nhận:" lines, with their own punctuation ("Như trên;", "Lưu: VT, KH."); each is prefixed "- ".
   * "Như trên" ("as above") names the addressees, so only a document with "Kính gửi" may use it.
   */
  recipients: string[];
  /** Authority lines ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), then the space to sign, then the signer's name if known. */
  signature: { authority: string[]; signer: string | null };
  /** Tables after the signature, each on a new page. */
  appendices?: Appendix[];
}

/** A figure with a word after it: "6,33 (ước)" in a document, the number 6,33 shown so in a spreadsheet. */
export type NotedFigure = { value: number; note: string };
export type TableValue = string | number | NotedFigure | null;

export type TableBlock = {
  kind: "table";
  /** Widths are relative weights, scaled to the width of the text. */
  columns: { title: string; width: number }[];
  rows: TableValue[][];
  caption?: string;
  /** What a table without rows says instead, in one row across its columns ("Chưa ghi nhận văn bản nào ..."). */
  empty?: string;
};

export type Block =
  | { kind: "heading"; text: string; level: 1 | 2 }
  | { kind: "paragraph"; text: string }
  | { kind: "bullets"; items: string[] }
  | TableBlock;

/**
 * An appendix: its title ("Phụ lục I\nDANH MỤC ...", bold), a subtitle ("(Kèm theo ...)", italic) and its table;
 * `landscape` for a wide table (A4 turned, 252 mm of text instead of 165).
 */
export interface Appendix { title: string; subtitle?: string; table: TableBlock; landscape?: boolean }

const FONT = "Times New Roman";
/** Millimetres to twips, rounded up so that no margin falls below the Decree's minimum. */
const mm = (millimetres: number) => Math.ceil((millimetres * 1440) / 25.4);
const PAGE = { width: 11906, height: 16838 }; // A4 in twips
const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const LANDSCAPE_TEXT_WIDTH = PAGE.height - MARGIN.left - MARGIN.right;
/** Left and right columns of the header and of the closing table. The motto at 13 pt bold needs about 9.6 cm of the right one. */
const COLUMNS = [Math.round(TEXT_WIDTH * 0.38), TEXT_WIDTH - Math.round(TEXT_WIDTH * 0.38)];
const CELL_PADDING = 108; // Word's default left and right cell margin
const FIRST_LINE = mm(10); // first-line indent of body paragraphs
const AFTER = 120; // 6 pt after a body paragraph, in twentieths of a point
const LINE = 276; // line spacing 1.15 (240 is single)
const SIGNATURE_SPACE = 1600; // room to sign and stamp, about 2.8 cm

// ---- Dates ----------------------------------------------------------------------------------

/**
 * "Lạng Sơn, ngày 05 tháng 02 năm 2026". Decree 30 writes days below 10 and months below 3 with a
 * leading zero (so that "ngày 1" cannot be made "ngày 11" by hand), and no other.
 */
export function vietnameseDateLine(place: string, isoDate: string): string {
  const { year, month, day } = isoDateParts(isoDate);
  const dd = day < 10 ? `0${day}` : `${day}`;
  const mmm = month < 3 ? `0${month}` : `${month}`;
  return `${place}, ngày ${dd} tháng ${mmm} năm ${year}`;
}

// ---- Places ---------------------------------------------------------------------------------

/** Centrally governed cities are "thành phố", not "tỉnh", in their bodies' names. */
const CITIES = new Set(["Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"]);

/** "tỉnh" or "thành phố": how a province-level body names its level ("UBND tỉnh", "Thành ủy"). */
export const provinceTier = (province: string): "tỉnh" | "thành phố" => (CITIES.has(province) ? "thành phố" : "tỉnh");

/** The place in the date line: the province's name, Ho Chi Minh City's written whole. */
export const placeName = (province: string) => (province === "Hồ Chí Minh" ? "Thành phố Hồ Chí Minh" : province);

// ---- Text -----------------------------------------------------------------------------------

interface RunStyle { size?: number; bold?: boolean; italics?: boolean }

/** Every run names its font and size, so that text copied into another document keeps them. */
const run = (text: string, { size = 14, bold, italics }: RunStyle = {}) =>
  new TextRun({ text, font: FONT, size: size * 2, bold, italics });

const upper = (text: string) => text.toLocaleUpperCase("vi");

/** Centred lines, single-spaced, nothing after: the header, title and signature blocks. */
function centred(text: string, style: RunStyle = {}, before = 0): Paragraph[] {
  return text.split("\n").map((line, i) => new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: i === 0 ? before : 0, after: 0 },
    children: [run(line, style)],
  }));
}

/** A rough width of a line of Times New Roman, in twips: enough to size a rule under it. */
function textWidth(text: string, size: number): number {
  const em = text === upper(text) ? 0.62 : 0.45; // average advance of capitals / mixed case, bold
  return [...text].length * em * size * 20;
}

/**
 * A horizontal rule `width` long, centred in the `room` a paragraph has there: an empty, nearly
 * flat paragraph with a bottom border, narrowed by its indents. Unlike a drawn line, it stays
 * with the text when lines above it wrap.
 */
function rule(width: number, room: number): Paragraph {
  const side = Math.max(0, Math.round((room - Math.min(width, room)) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 80, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    run: { size: 4 },
    children: [],
  });
}

/** A body paragraph: justified, its first line indented, 6 pt after, 1.15 lines (WordprocessingML text, see part and withParts). */
const bodyParagraphXml = (text: string, style: RunStyle = {}, keepNext = false) =>
  paragraphXml(text, "both", style, `${keepNext ? "<w:keepNext/>" : ""}<w:spacing w:after="${AFTER}" w:line="${LINE}"/><w:ind w:firstLine="${FIRST_LINE}"/>`);

// ---- Tables ---------------------------------------------------------------------------------

const NONE = { style: BorderStyle.NONE, size: 0, color: "auto" } as const;
const SINGLE = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const borders = (b: typeof NONE | typeof SINGLE) =>
  ({ top: b, bottom: b, left: b, right: b, insideHorizontal: b, insideVertical: b });

/** The header and the closing block: two borderless columns laid out like the Decree's forms. */
function layoutTable(rows: Paragraph[][][]): Table {
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: COLUMNS,
    borders: borders(NONE),
    // A row is not split across pages: the signature's space and its name stay under the authority that signs.
    rows: rows.map((cells) => new TableRow({
      cantSplit: true,
      children: cells.map((children) => new TableCell({ borders: { top: NONE, bottom: NONE, left: NONE, right: NONE }, children })),
    })),
  });
}

const numberFormat = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 }); // 1.234,5

/** A table value as a cell shows it: "1.288,12", "6,33 (ước)". */
export const cellText = (value: TableValue): string => value === null ? "" : typeof value === "number" ? numberFormat.format(value)
  : typeof value === "object" ? `${numberFormat.format(value.value)} (${value.note})` : value;

/** Advance of a character of Times New Roman in ems, rounded up: digits and most lower case 0.5, capitals 0.72. */
function advanceOf(ch: string): number {
  if (/[0-9]/.test(ch)) return 0.5;
  if (/[.,:;'!|il]/.test(ch)) return 0.28;
  if (/[/()[\]\-–ftjr]/.test(ch)) return 0.34;
  if (/[mwMW%]/.test(ch)) return 0.9;
  return ch === ch.toLocaleLowerCase("vi") ? 0.5 : 0.72;
}
const advances = new Map<string, number>();
/** advanceOf, remembered: a report's appendix measures every character of every cell (a regex and a case fold each). */
function advance(ch: string): number {
  let a = advances.get(ch);
  if (a === undefined) advances.set(ch, (a = advanceOf(ch)));
  return a;
}
const CELL_MARGIN = 80; // left and right padding of a data cell, twips

/** Width of a run of text at `size` pt, in twips (see advance): an estimate on the wide side (by about a third for running text). */
export function runWidth(text: string, size: number, bold = false): number {
  let ems = 0;
  for (const ch of text) ems += advance(ch);
  return ems * (bold ? 1.06 : 1) * size * 20;
}

/** About how many lines `text` takes at 12 pt in a cell `width` twips wide, wrapped at spaces. */
function cellLines(text: string, width: number): number {
  const room = Math.max(1, width - 2 * CELL_MARGIN);
  const space = runWidth(" ", 12);
  let lines = 0;
  for (const line of text.split("\n")) {
    let used = 0;
    lines++;
    for (const word of line.split(/\s+/).filter(Boolean)) {
      const w = runWidth(word, 12);
      if (used > 0 && used + space + w > room) { lines++; used = 0; }
      if (used === 0 && w > room) { lines += Math.ceil(w / room) - 1; used = w % room; } else used += (used > 0 ? space : 0) + w;
    }
  }
  return lines;
}

/**
 * The narrowest a column may be: its longest unbreakable run (a word, a date "31/12/2030", a
 * figure) at `size` pt, bold for the header, with the cell's padding. Lines break only at spaces,
 * so a narrower column would cut such a run anywhere ("31/12/2" / "030").
 */
export function minimumColumnWidth(texts: { text: string; bold: boolean }[], size = 12): number {
  let widest = 0;
  for (const { text, bold } of texts) {
    for (const token of text.split(/\s+/)) widest = Math.max(widest, runWidth(token, size, bold));
  }
  return Math.ceil(widest * 1.05) + 2 * CELL_MARGIN + 20; // 5% and a point to spare: renderers differ
}

/**
 * Column widths in twips filling `room`: in proportion to the columns' weights, except that no
 * column is narrower than its longest unbreakable run (a column wants at most 30% of the room for
 * that, so a long web address cannot squeeze the others away); the others share what is left.
 */
export function tableColumnWidths(block: Pick<TableBlock, "columns" | "rows">, room = TEXT_WIDTH): number[] {
  const n = block.columns.length;
  const minimum = block.columns.map((c, i) => Math.min(room * 0.3, minimumColumnWidth([
    { text: c.title, bold: true }, ...block.rows.map((r) => ({ text: cellText(r[i] ?? null), bold: false })),
  ])));
  const fixed = new Set<number>();
  let widths: number[] = [];
  for (;;) {
    const left = room - [...fixed].reduce((sum, i) => sum + minimum[i], 0);
    const weight = block.columns.reduce((sum, c, i) => sum + (fixed.has(i) ? 0 : c.width), 0);
    widths = block.columns.map((c, i) => (fixed.has(i) ? minimum[i] : (c.width / weight) * left));
    const under = widths.map((w, i) => i).filter((i) => !fixed.has(i) && widths[i] < minimum[i]);
    if (!under.length || fixed.size + under.length === n) {
      // Everything at its minimum and still too wide: scale down (a run must then break).
      if (fixed.size + under.length === n) widths = minimum.map((m) => (m * room) / minimum.reduce((a, b) => a + b, 0));
      break;
    }
    for (const i of under) fixed.add(i);
  }
  return widths.map((w) => Math.floor(w));
}

/** Height of the text area of a page, portrait and landscape, in twips. */
const TEXT_HEIGHT = { portrait: PAGE.height - MARGIN.top - MARGIN.bottom, landscape: PAGE.width - MARGIN.top - MARGIN.bottom };
const CELL_LINE = 12 * 20 * 1.15; // a 12 pt line, single-spaced, in twips

/**
 * A bordered data table at 12 pt, `room` wide; the header row repeats on each page. A row does not
 * break across pages unless it is taller than a third of a page: kept whole, such a row would leave
 * a page half empty, or its appendix's title alone at the foot of one.
 */
function dataTable(block: TableBlock, parts: string[], room = TEXT_WIDTH): Paragraph[] {
  const widths = tableColumnWidths(block, room);
  const pageHeight = room === TEXT_WIDTH ? TEXT_HEIGHT.portrait : TEXT_HEIGHT.landscape;
  const keepWhole = (row: TableValue[]) =>
    Math.max(...widths.map((w, i) => cellLines(cellText(row[i] ?? null), w))) * CELL_LINE + 80 <= pageHeight / 3;
  const out: Paragraph[] = [];
  if (block.caption) out.push(new Paragraph({
    alignment: AlignmentType.CENTER, spacing: { before: AFTER, after: AFTER }, keepNext: true,
    children: [run(block.caption, { size: 13, bold: true })],
  }));
  const rows = [
    tableRowXml(block.columns.map((c, i) => cellXml(c.title, true, widths[i])), { header: true, cantSplit: true }),
    ...block.rows.map((row) => tableRowXml(block.columns.map((_, i) => cellXml(row[i] ?? null, false, widths[i])), { header: false, cantSplit: keepWhole(row) })),
  ];
  if (block.rows.length === 0 && block.empty) {
    rows.push(tableRowXml([`<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${widths.reduce((a, b) => a + b, 0)}"/><w:gridSpan w:val="${block.columns.length}"/>${cellMargins(80, 80)}</w:tcPr>`
      + `${paragraphXml(block.empty, "center", { size: 12, italics: true })}</w:tc>`], { header: false, cantSplit: true }));
  }
  const border = (side: string) => `<w:${side} w:val="single" w:color="000000" w:sz="4"/>`;
  out.push(part(`<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${widths.reduce((a, b) => a + b, 0)}"/><w:tblBorders>${["top", "left", "bottom", "right", "insideH", "insideV"].map(border).join("")}</w:tblBorders>`
    + `<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>${rows.join("")}</w:tbl>`, parts));
  // A table may not end a cell or the document, and text right under it needs air.
  out.push(new Paragraph({ spacing: { after: AFTER }, children: [] }));
  return out;
}

// ---- Data tables and the body as WordprocessingML ---------------------------------------------
// A report's appendices hold a row per task of its whole chain: built as docx's objects, 450 rows took a second of
// CPU (the library's per-element object spreads, and its garbage), which twenty focal points asking at once queued
// behind; its body, 600 paragraphs at national size, two fifths of what was left. Their markup is small and fixed,
// so it is written here as text, the same elements docx writes, each run of it a part that takes the place of a
// placeholder paragraph once the document is packed (withParts).

/** The placeholder paragraph's text for the `n`th part (found by its whole paragraph, see withParts). */
const partMark = (n: number) => `\uE000theodoi-part-${n}\uE001`;

/** Keeps `xml` as the next part and gives the paragraph it will take the place of. */
function part(xml: string, parts: string[]): Paragraph {
  parts.push(xml);
  return new Paragraph({ children: [new TextRun(partMark(parts.length - 1))] });
}

/** Text as XML character data: well-formed (no lone surrogates), without the control characters XML 1.0 forbids. */
const xmlText = (text: string) => text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD").replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
  .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const FONTS_XML = `<w:rFonts w:ascii="${FONT}" w:cs="${FONT}" w:eastAsia="${FONT}" w:hAnsi="${FONT}"/>`;

/** A paragraph of one run in the document's font; `properties`: the paragraph's properties before its alignment (in the schema's order). */
function paragraphXml(text: string, alignment: "left" | "center" | "both", { size = 14, bold, italics }: RunStyle, properties = ""): string {
  const props = `${FONTS_XML}${bold ? "<w:b/><w:bCs/>" : ""}${italics ? "<w:i/><w:iCs/>" : ""}<w:sz w:val="${size * 2}"/><w:szCs w:val="${size * 2}"/>`;
  return `<w:p><w:pPr>${properties}<w:jc w:val="${alignment}"/></w:pPr><w:r><w:rPr>${props}</w:rPr><w:t xml:space="preserve">${xmlText(text)}</w:t></w:r></w:p>`;
}

const cellMargins = (side: number, vertical = side / 2) => `<w:tcMar><w:top w:type="dxa" w:w="${vertical}"/><w:left w:type="dxa" w:w="${side}"/><w:bottom w:type="dxa" w:w="${vertical}"/><w:right w:type="dxa" w:w="${side}"/></w:tcMar>`;
const DATA_CELL_MARGINS = cellMargins(CELL_MARGIN);

/** A data cell at 12 pt: a header's bold and centred, a figure centred, text left; a line a paragraph. */
function cellXml(value: TableValue, header: boolean, width: number): string {
  const alignment = header || (value !== null && typeof value !== "string") ? "center" : "left";
  return `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>${DATA_CELL_MARGINS}<w:vAlign w:val="center"/></w:tcPr>`
    + `${cellText(value).split("\n").map((line) => paragraphXml(line, alignment, { size: 12, bold: header })).join("")}</w:tc>`;
}

/** A row; the header row repeats on each page, a row kept whole is not split across pages. */
const tableRowXml = (cells: string[], { header, cantSplit }: { header: boolean; cantSplit: boolean }) =>
  `<w:tr>${header || cantSplit ? `<w:trPr>${cantSplit ? "<w:cantSplit/>" : ""}${header ? "<w:tblHeader/>" : ""}</w:trPr>` : ""}${cells.join("")}</w:tr>`;

/**
 * The package's files as docx writes them, before it zips them: docx has no public way to give them, and zipping
 * them twice (docx, then here with the parts in place) cost a fifth of a report's layout. The version of docx is
 * pinned (package.json); the rendering tests open every form of report this writes.
 */
function packageFiles(document: Document): Map<string, string | Uint8Array> {
  const files: unknown = (Packer as unknown as { compiler?: { compile?(file: Document): unknown } }).compiler?.compile?.(document);
  // What a docx that no longer works this way would break on first: said plainly, not as a report missing its parts.
  if (!(files instanceof Map) || typeof files.get("word/document.xml") !== "string") throw new Error("officialDocument: docx no longer gives its package's files (Packer.compiler.compile)");
  return new Map([...files].map(([path, data]: [string, unknown]) => [path,
    typeof data === "string" || data instanceof Uint8Array ? data : new Uint8Array(data as ArrayBuffer)]));
}

/** The document's package, each part (a data table, a run of the body) put in place of its placeholder paragraph, zipped. */
function withParts(files: Map<string, string | Uint8Array>, parts: string[]): Buffer {
  let xml = files.get("word/document.xml") as string;
  // Each placeholder whole (its run has no properties, where every run of the document's text has its font), in order:
  // the document is put together once, from the pieces between them.
  const pieces: string[] = [];
  let from = 0;
  parts.forEach((markup, n) => {
    const placeholder = `<w:p><w:r><w:t xml:space="preserve">${partMark(n)}</w:t></w:r></w:p>`;
    const at = xml.indexOf(placeholder, from);
    if (at < 0) throw new Error(`officialDocument: the place of part ${n} was not found`);
    pieces.push(xml.slice(from, at), markup);
    from = at + placeholder.length;
  });
  pieces.push(xml.slice(from));
  xml = pieces.join("");
  files.set("word/document.xml", xml);
  return zipDeflated(files);
}

/**
 * Files zipped, each deflated by node's zlib: four times as fast as fflate's deflate in JavaScript (7 ms against 27
 * for the 2.3 MB body of a national plan's report, same size); fflate writes the zip around them (a ZipInputFile of
 * our own is its documented way to bring data compressed elsewhere).
 */
export function zipDeflated(files: Map<string, string | Uint8Array>): Buffer {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [filename, data] of files) {
    const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    const file: ZipInputFile = { filename, size: bytes.length, crc: crc32(bytes), compression: 8 };
    zip.add(file);
    file.ondata!(null, deflateRawSync(bytes), true);
  }
  zip.end();
  return Buffer.concat(chunks);
}

// ---- The document's blocks ------------------------------------------------------------------

/** The Party's header (36-HD/VPTW): the committee in capitals over a "*", its number under; the Party's name underlined, the place and date under it. */
function partyHeader(doc: OfficialDocument): Table {
  const left = [
    ...(doc.superior ? centred(upper(doc.superior), { size: 14 }) : []),
    ...centred(upper(doc.issuer), { size: 14, bold: true }),
    ...centred("*", { size: 14 }),
  ];
  const right = [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 0 },
    children: [new TextRun({ text: "ĐẢNG CỘNG SẢN VIỆT NAM", font: FONT, size: 30, bold: true, underline: {} })] })];
  // "Số 45-BC/TU": no colon, a hyphen between the number and the symbol; blank for the clerk.
  const number = doc.number === null ? `Số ${" ".repeat(6)}-${doc.symbolSuffix}` : doc.number.includes("/") ? `Số ${doc.number}` : `Số ${doc.number}-${doc.symbolSuffix}`;
  return layoutTable([[left, right], [centred(number, { size: 14 }, 60), centred(vietnameseDateLine(doc.place, doc.date), { size: 14, italics: true }, 60)]]);
}

function header(doc: OfficialDocument): Table {
  if (doc.style === "party") return partyHeader(doc);
  const issuer = upper(doc.issuer);
  const left = [
    ...(doc.superior ? centred(upper(doc.superior), { size: 13 }) : []),
    ...centred(issuer, { size: 13, bold: true }),
    // Decree 30: a rule a third to a half as long as the issuer's name.
    rule(0.4 * Math.max(...issuer.split("\n").map((l) => textWidth(l, 13))), COLUMNS[0] - 2 * CELL_PADDING),
  ];
  const motto = "Độc lập - Tự do - Hạnh phúc";
  const right = [
    ...centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { size: 13, bold: true }),
    ...centred(motto, { size: 14, bold: true }),
    rule(textWidth(motto, 14), COLUMNS[1] - 2 * CELL_PADDING), // as long as the motto
  ];
  const number = doc.number === null ? `${" ".repeat(5)}/${doc.symbolSuffix}` // "Số:      /STC-KH": blank, for the clerk
    : doc.number.includes("/") ? doc.number : `${doc.number}/${doc.symbolSuffix}`;
  const numberCell = [
    ...centred(`Số: ${number}`, { size: 13 }, 120),
    ...(doc.subjectLine ? centred(doc.subjectLine, { size: 12 }, 60) : []),
  ];
  const dateCell = centred(vietnameseDateLine(doc.place, doc.date), { size: 14, italics: true }, 120);
  return layoutTable([[left, right], [numberCell, dateCell]]);
}

function title(t: NonNullable<OfficialDocument["title"]>): Paragraph[] {
  return [
    ...centred(upper(t.kind), { bold: true }, 360),
    ...centred(t.subject, { bold: true }), // as the caller writes it: sentence case or capitals
    rule(0.4 * Math.max(...t.subject.split("\n").map((l) => textWidth(l, 14))), TEXT_WIDTH),
    new Paragraph({ spacing: { after: AFTER }, children: [] }),
  ];
}

/** "Kính gửi:" with the first recipient on its line and the others aligned under it (hanging indent). */
function addressees(names: string[]): Paragraph[] {
  const at = mm(25), hang = mm(23);
  const many = names.length > 1;
  return names.map((name, i) => {
    // A list ends its lines with ";" and its last with "."; a single recipient takes no punctuation.
    const end = !many || /[.;:,]$/.test(name) ? "" : i === names.length - 1 ? "." : ";";
    const text = `${many ? "- " : ""}${name}${end}`;
    return new Paragraph({
      indent: { left: at + hang, hanging: i === 0 ? hang : 0 },
      spacing: { before: i === 0 ? 240 : 0, after: i === names.length - 1 ? 240 : 0 },
      // The hanging indent is also the tab stop the first recipient jumps to.
      children: i === 0 ? [run("Kính gửi:"), new TextRun({ text: "\t", font: FONT }), run(text)] : [run(text)],
    });
  });
}

/**
 * The body: each run of text blocks one part, a table a data table. The last paragraph is kept on the page of the
 * closing block, which is then never alone on a page.
 */
function body(blocks: Block[], parts: string[]): Paragraph[] {
  const out: Paragraph[] = [];
  let text: string[] = [];
  const flush = () => {
    if (text.length) out.push(part(text.join(""), parts));
    text = [];
  };
  blocks.forEach((b, i) => {
    const keepNext = i === blocks.length - 1;
    switch (b.kind) {
      case "heading": text.push(bodyParagraphXml(b.text, { bold: true }, true)); break;
      case "paragraph": text.push(bodyParagraphXml(b.text, {}, keepNext)); break;
      case "bullets": text.push(...b.items.map((item, k) => bodyParagraphXml(`- ${item}`, {}, keepNext && k === b.items.length - 1))); break;
      case "table": flush(); out.push(...dataTable(b, parts)); break;
    }
  });
  flush();
  return out;
}

function closing(doc: OfficialDocument): Table {
  const recipients = [
    // The Party writes "Nơi nhận:" underlined, upright; Decree 30 bold italic.
    new Paragraph({ spacing: { before: 240 }, children: [doc.style === "party"
      ? new TextRun({ text: "Nơi nhận:", font: FONT, size: 28, underline: {} })
      : run("Nơi nhận:", { size: 12, bold: true, italics: true })] }),
    ...doc.recipients.map((r) => new Paragraph({ children: [run(`- ${r}`, { size: 11 })] })),
  ];
  const { authority, signer } = doc.signature;
  const signature = [
    ...authority.flatMap((line, i) => centred(upper(line), { bold: true }, i === 0 ? 240 : 0)),
    // The name under the space; with no signer yet the space stays, empty.
    ...centred(signer ?? "", { bold: true }, SIGNATURE_SPACE),
  ];
  return layoutTable([[recipients, signature]]);
}

/** An appendix; `newPage`: its title starts a page (the first of a new section starts one anyway). */
function appendix(a: Appendix, newPage: boolean, parts: string[]): (Paragraph | Table)[] {
  return [
    // "Phụ lục I\nDANH MỤC ...": the title's lines bold, the first one starting a new page.
    ...a.title.split("\n").map((line, i) => new Paragraph({
      alignment: AlignmentType.CENTER, pageBreakBefore: newPage && i === 0, keepNext: true,
      children: [run(line, { bold: true })],
    })),
    ...(a.subtitle ? a.subtitle.split("\n").map((line) => new Paragraph({
      alignment: AlignmentType.CENTER, keepNext: true, children: [run(line, { italics: true })],
    })) : []),
    new Paragraph({ spacing: { after: AFTER }, keepNext: true, children: [] }),
    ...dataTable(a.table, parts, a.landscape ? LANDSCAPE_TEXT_WIDTH : TEXT_WIDTH),
  ];
}

/** The page number, centred in the top margin. */
const pageNumberHeader = () => new Header({
  children: [new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 26 })],
  })],
});

/** The .docx of an official document. */
export async function officialDocument(doc: OfficialDocument): Promise<Buffer> {
  if (!doc.addressees?.length && doc.recipients.some((r) => /^như trên\b/i.test(r.trim()))) {
    throw new RangeError("officialDocument: \"Như trên\" in Nơi nhận needs a \"Kính gửi\" block");
  }
  // The data tables' and the body's markup, each put in place of its placeholder once the document is packed.
  const parts: string[] = [];
  // The document's own pages, portrait; then its appendices, a new section where the orientation turns.
  const sections: { landscape: boolean; children: (Paragraph | Table)[] }[] = [{ landscape: false, children: [
    header(doc),
    ...(doc.title ? title(doc.title) : []),
    ...(doc.addressees?.length ? addressees(doc.addressees) : [new Paragraph({ spacing: { after: AFTER }, children: [] })]),
    ...body(doc.body, parts),
    closing(doc),
  ] }];
  for (const a of doc.appendices ?? []) {
    const last = sections.at(-1)!;
    if (last.landscape === !!a.landscape) last.children.push(...appendix(a, true, parts));
    else sections.push({ landscape: !!a.landscape, children: appendix(a, false, parts) });
  }
  const document = new Document({
    creator: doc.issuer.replace(/\s*\n\s*/g, " "),
    title: doc.title?.subject ?? doc.subjectLine ?? doc.issuer.replace(/\s*\n\s*/g, " "),
    styles: { default: { document: { run: { font: FONT, size: 28, language: { value: "vi-VN" } } } } },
    sections: sections.map(({ landscape, children }, i) => ({
      properties: {
        // (docx turns the page: w:w and w:h are swapped for a landscape section.)
        page: { size: { ...PAGE, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT }, margin: { ...MARGIN, header: mm(10), footer: mm(10) } },
        // Decree 30: the page number is centred in the top margin and not shown on the first page.
        titlePage: i === 0,
        ...(i > 0 ? { type: SectionType.NEXT_PAGE } : {}),
      },
      headers: i === 0
        ? { first: new Header({ children: [new Paragraph({ children: [] })] }), default: pageNumberHeader() }
        : { default: pageNumberHeader() },
      children,
    })),
  });
  return withParts(packageFiles(document), parts);
}
