/**
 * Segmenting a document's text into lines that keep their offsets, each classified: a heading
 * with its number as written (I, 1, 1.1, a), a bullet, or running text.
 */
import { allMatches } from "../text/matches.js";

export type LineKind = "roman" | "number" | "letter" | "bullet" | "text";

export interface Line {
  /** The line without surrounding whitespace or table pipes. */
  text: string;
  start: number;
  end: number;
  kind: LineKind;
  /** The number as written ("II", "2.1", "a") for headings; null otherwise. */
  number: string | null;
  /** The line's text after its number or bullet. */
  body: string;
  /** A footnote or endnote body ("¹ Tổ công tác ...", "[2] Chương trình ..."), wherever conversion left it. */
  footnote: boolean;
  /**
   * Index of the line whose sentence this one continues, when a page break or interleaved
   * footnotes cut a paragraph in two ("... (GRDP) đạt" / footnotes / "6,33%, trong đó ...").
   */
  continues: number | null;
}

const ROMAN = /^(X{0,3}(?:IX|IV|V?I{0,3}))\s*[.\-–:)]\s*(?=\S)/;
/** "2.4.", "1)", and the Party's "1-" (not a range at a line's start, "15 - 20% ...", nor a Party symbol, "52-CTr/TU ngày ..."). */
const NUMBER = /^(\d{1,2}(?:\.\d{1,2}){0,3})(?:\s*[.)]?\s+(?![-–]\s*\d)|-\s*(?!\d)(?![\p{L}]+\/))(?=\S)/u;
const LETTER = /^([a-zđ])\s*[).]\s*(?=\S)/;
/**
 * The marks a bullet is written with: dashes and "+", and the symbols Word and PDF give ("•", "▪", "●", "➢", "✓", a Symbol or
 * Wingdings glyph in the private use area, "o" before a tab as Word's second level).
 */
export const BULLET_SYMBOLS = String.raw`\-–+•*▪●◦○■□➢➤►✓✔❖◆♦·\uF000-\uF0FF`;
export const BULLET_MARK = String.raw`[${BULLET_SYMBOLS}]|o(?=\t)`;
const BULLET = new RegExp(String.raw`^(?:${BULLET_MARK})\s*(?=\S)`, "u");

export function classify(text: string): Pick<Line, "kind" | "number" | "body"> {
  // (Each pattern only where the line's first unit can open it: most lines open with a capital or a dash, and every line is classified.)
  const first = text.charCodeAt(0);
  let m = first === 73 || first === 86 || first === 88 ? ROMAN.exec(text) : null; // I, V, X
  if (m && m[1]) return { kind: "roman", number: m[1], body: text.slice(m[0].length) };
  m = first >= 48 && first <= 57 ? NUMBER.exec(text) : null;
  // "2030 ..." or "15/12" at the start of a line are not headings: at most two digits per part.
  if (m) return { kind: "number", number: m[1], body: text.slice(m[0].length) };
  m = (first >= 97 && first <= 122) || first === 0x111 ? LETTER.exec(text) : null; // a-z, đ
  if (m) return { kind: "letter", number: m[1], body: text.slice(m[0].length) };
  if (!(first >= 65 && first <= 90) && BULLET.test(text)) return { kind: "bullet", number: null, body: text.replace(BULLET, "") };
  return { kind: "text", number: null, body: text };
}

/** The signature block and the recipients' list close a document's body: nothing after them is content. */
/** A numbered heading (I, 2.4, a): it opens a section. */
export const isHeading = (line: Line) => line.kind === "roman" || line.kind === "number" || line.kind === "letter";

export const endsBody = (line: Line) => /^(nơi nhận|tm\.|t\/m|kt\.)/iu.test(line.text) || SIGNER_TITLE.test(line.text);
/** A signature's title alone on its line, where no recipients' list or "TM." comes first: "THỦ TƯỚNG", "CHỦ TỊCH". */
const SIGNER_TITLE = /^(?:(?:TL|TUQ|Q)\.\s*)?(?:PHÓ\s+)?(?:THỦ TƯỚNG|CHỦ TỊCH|BỘ TRƯỞNG|GIÁM ĐỐC|BÍ THƯ|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|CỤC TRƯỞNG|VIỆN TRƯỞNG)$/u;

/**
 * The title of a part attached after the signature, in capitals: a resolution's action programme, a
 * decision's plan or regulation, an appendix ("PHỤ LỤC I", "CHƯƠNG TRÌNH HÀNH ĐỘNG", "DANH MỤC ...").
 */
const ATTACHMENT = /^(?:PHỤ LỤC|CHƯƠNG TRÌNH|KẾ HOẠCH|QUY CHẾ|QUY ĐỊNH|ĐỀ ÁN|DANH MỤC|BIỂU|BẢNG)(?!\p{L})/u;
const isAttachmentTitle = (line: Line) => !line.footnote && ATTACHMENT.test(line.text) && line.text === line.text.toUpperCase();

/** A part of the document that is content: its lines, and where it ends in the text. */
export interface BodyPart { lines: Line[]; end: number }

/**
 * The parts of a document that are its content: the body up to the recipients' list or the signature,
 * and each part attached after them, from its title to its own signature or the end of the text; and the
 * footnotes after a signature (a PDF's last page sets them below it), with the part they close.
 */
export function bodyParts(lines: Line[], textLength: number): BodyPart[] {
  const parts: BodyPart[] = [];
  let part: BodyPart | null = { lines: [], end: textLength };
  for (const line of lines) {
    if (part && endsBody(line)) { part.end = line.start; parts.push(part); part = null; }
    else if (!part && isAttachmentTitle(line)) part = { lines: [], end: textLength };
    if (part) part.lines.push(line);
    // The notes at the foot of a PDF's last page follow its signature: they are the part's notes, its content.
    else if (line.footnote && parts.length) parts[parts.length - 1].lines.push(line);
  }
  if (part) parts.push(part);
  return parts.filter((p) => p.lines.length);
}

/** The lines of the document's content (bodyParts), in order. */
export const bodyLines = (lines: Line[]): Line[] => bodyParts(lines, Infinity).flatMap((p) => p.lines);

/** The marks of emphasis a conversion leaves around a line ("**CHỦ TỊCH**"): looked for at its ends only. */
const EMPHASIS = "*_";
/** A running page number left by a conversion ("2", "- 2 -", "Trang 2", "2/15"): an artefact, never content. */
export const PAGE_NUMBER = /^(?:[-–]\s*\d{1,3}\s*[-–]|(?:trang\s+)?\d{1,3}(?:\s*\/\s*\d{1,3})?)$/iu;
/** The units PAGE_NUMBER can start with. */
const PAGE_NUMBER_START = "-–tT0123456789";
const FOOTNOTE = /^(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\d{1,3}\])\s*/u;
/** A sentence left open: not ended by a full stop, colon, semicolon, or closing bracket. */
const OPEN_END = /[\p{L}\d,–-]$/u;
/** The rule under a Markdown table's header row ("|---|:---:|"), as a conversion to Markdown writes it: no row of the table. */
const TABLE_RULE = /^\|?(?:\s*:?-{3,}:?\s*\|)+(?:\s*:?-{3,}:?\s*)?$/;
/** The units TABLE_RULE can start with, in a trimmed line. */
const TABLE_RULE_START = "|:-";
const MARKDOWN_RULE = /^\|(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*$/m;

/**
 * What marks the header block (issuing body | motto; Số | place and date) and the signature block
 * (Nơi nhận | TM. ... signer), which officials lay out as borderless tables. (The blank day of a draft,
 * "ngày    tháng", is one class of characters: whitespace quantified on either side of it backtracked
 * cubically, 4 s for a cell of 2,000 spaces.)
 */
const LAYOUT_MARK = /^(?:nơi nhận|tm\.|t\/m|kt\.|q\.|cộng hòa|cộng hoà|độc lập|đảng cộng sản việt nam|số\s*:|v\/v|kính gửi)|,\s*ngày\s[\d.…_\s]*tháng/iu;

/**
 * A layout table: a few cells placed side by side (the header or signature block), not data: at most
 * four rows of at most three cells, one of them marked as such a block. Cells hold paragraphs parted by "\n".
 */
export function isLayoutTable(rows: string[][]): boolean {
  if (rows.length > 4 || rows.some((r) => r.length > 3)) return false;
  return rows.some((r) => r.some((cell) => cell.split("\n").some((p) => LAYOUT_MARK.test(p.trim()))));
}

/** What parts a header row's cells: a plain-text conversion's "|", a typist's tabs, or a layout's run of spaces. */
const CELL_BREAK = /\||\t+| {3,}/g;
const HAS_CELL_BREAK = /\||\t| {3}/;
const BLANK_BEFORE = /(?:số\s*:?|ngày)$/iu;
const BLANK_AFTER = /^(?:\/|tháng|năm)/iu;

/**
 * A plain-text conversion writes the header block's rows as "ỦY BAN NHÂN DÂN | CỘNG HÒA ..." (a typist sets them
 * apart with tabs: "ỦY BAN NHÂN DÂN\t\tCỘNG HÒA ..."): its cells become lines of their own, the left column's before
 * the right's, as the block reads.
 */
function splitHeaderTable(lines: Line[]): void {
  const from = lines.findIndex((l, i) => i < 12 && HAS_CELL_BREAK.test(l.text));
  if (from < 0) return;
  let to = from;
  while (to < lines.length && HAS_CELL_BREAK.test(lines[to].text)) to++;
  const rows = lines.slice(from, to).map((l) => {
    const cells: Line[] = [];
    let at = 0;
    const cell = (end: number) => {
      const raw = l.text.slice(at, end), text = raw.trim();
      const start = l.start + at + raw.indexOf(text);
      if (text) cells.push({ text, start, end: start + text.length, ...classify(text), footnote: false, continues: null });
    };
    for (const m of l.text.matchAll(CELL_BREAK)) {
      // (A draft's blanks are no border: "Số:     /KH-UBND", "ngày    tháng 5 năm 2024".)
      if (m[0] !== "|" && (BLANK_BEFORE.test(l.text.slice(Math.max(0, m.index - 8), m.index)) || BLANK_AFTER.test(l.text.slice(m.index + m[0].length, m.index + m[0].length + 8)))) continue;
      cell(m.index);
      at = m.index + m[0].length;
    }
    cell(l.text.length);
    return cells;
  });
  if (!isLayoutTable(rows.map((r) => r.map((c) => c.text)))) return;
  const columns = Math.max(...rows.map((r) => r.length));
  const cells: Line[] = [];
  for (let c = 0; c < columns; c++) for (const r of rows) if (r[c]) cells.push(r[c]);
  lines.splice(from, to - from, ...cells);
}

/** A part of a text, and where in the text it starts. */
export interface Span { text: string; start: number }

/**
 * A text split after each stop that whitespace follows, the whitespace dropped, as `text.split(/(?<=\.)\s+/)`
 * splits it; `stopThenSpace` is such a stop and whitespace, global (`/\.\s+/g`). A pattern that starts
 * with a lookbehind is tried at every position, which made splitting cost more than finding the stops.
 */
export function splitAfter(text: string, stopThenSpace: RegExp): Span[] {
  const parts: Span[] = [];
  let from = 0;
  for (const m of allMatches(stopThenSpace, text)) {
    parts.push({ text: text.slice(from, m.index + 1), start: from });
    from = m.index + m[0].length;
  }
  parts.push({ text: text.slice(from), start: from });
  return parts;
}

const SENTENCES = new WeakMap<Line, Span[]>();

/** A line's sentences, split after full stops, with their offsets in the line: split once for the stages that read them (projects, indicators). */
export function sentencesOf(line: Line): readonly Span[] {
  let sentences = SENTENCES.get(line);
  if (!sentences) {
    // (A line with no full stop before its end is one sentence, and most are: they are not searched.)
    const stop = line.text.indexOf(".");
    sentences = stop < 0 || stop === line.text.length - 1 ? [{ text: line.text, start: 0 }] : splitAfter(line.text, /\.\s+/g);
    SENTENCES.set(line, sentences);
  }
  return sentences;
}

const MARKERS = new WeakMap<Line, RegExpExecArray[]>();
const MARKER = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\d{1,3}\]/g;
/** A character a marker starts with: most lines have none, and are not searched further nor remembered. */
const MARKER_START = /[⁰¹²³⁴⁵⁶⁷⁸⁹[]/;
export const NO_MARKERS: readonly RegExpExecArray[] = [];

/** The footnote markers in a line ("... đạt 98%²³", "[2]"): found once for the stages that read them (projects, indicators). */
export function markersIn(line: Line): readonly RegExpExecArray[] {
  if (!MARKER_START.test(line.text)) return NO_MARKERS;
  let markers = MARKERS.get(line);
  if (!markers) MARKERS.set(line, (markers = allMatches(MARKER, line.text)));
  return markers;
}

/**
 * Splits text into non-empty lines with offsets into `text`, marking footnotes and continued sentences.
 * Running page numbers are dropped (their offsets stay out of every line).
 */
export function segmentLines(text: string): Line[] {
  const lines: Line[] = [];
  /** Lines that a page break (a form feed, or a page number on its own line) separates from the line before. */
  const afterBreak = new Set<Line>();
  let offset = 0, broken = false;
  /** A conversion to Markdown wrote the tables: a rule under a header row ("|---|---|") shows it. */
  const markdown = text.includes("---") && MARKDOWN_RULE.test(text);
  for (const raw of text.split("\n")) {
    if (raw.includes("\f")) broken = true;
    // Conversions leave emphasis markers ("**CHỦ TỊCH**") and web scrapes table pipes ("Số: 23/KH-UBND |").
    // Each pattern is run only where it can match: on every line, they cost more than the rest of segmenting.
    let trimmed = raw.trim();
    // (Not a Markdown row's, "| a | b |": its outer bars say which cells are empty.)
    if (trimmed.endsWith("|") && !(markdown && trimmed.startsWith("|"))) trimmed = trimmed.replace(/\s*\|$/, "");
    if (EMPHASIS.includes(trimmed.charAt(0) || "x") || EMPHASIS.includes(trimmed.charAt(trimmed.length - 1) || "x")) trimmed = trimmed.replace(/^[*_]+|[*_]+$/g, "").trim();
    // (Each pattern only where the line's first unit can open it.)
    const first = trimmed.charCodeAt(0);
    if (PAGE_NUMBER_START.includes(trimmed.charAt(0)) && PAGE_NUMBER.test(trimmed)) broken = true;
    else if (trimmed && trimmed !== "|" && !(TABLE_RULE_START.includes(trimmed.charAt(0)) && TABLE_RULE.test(trimmed))) {
      // Only marks were cut from the ends, so the line's text stands whole inside the raw line.
      const start = offset + raw.indexOf(trimmed);
      const footnote = (first === 91 || (first >= 0x2070 && first <= 0x2079) || first === 0xb9 || first === 0xb2 || first === 0xb3) && FOOTNOTE.test(trimmed);
      const { kind, number, body } = classify(trimmed); // (not spread: that costs more than classifying)
      const line: Line = { text: trimmed, start, end: start + trimmed.length, kind, number, body, footnote, continues: null };
      lines.push(line);
      if (broken) afterBreak.add(line);
      broken = false;
    }
    offset += raw.length + 1;
  }
  splitHeaderTable(lines);
  for (const [i, line] of lines.entries()) {
    if (line.footnote || line.kind !== "text" || !/^[\p{Ll}\d]/u.test(line.text)) continue;
    let j = i - 1;
    while (j >= 0 && lines[j].footnote) j--;
    // A line in lower case (or opening with a figure) after a sentence left open continues it: footnotes or a
    // page break cut it, or a conversion that made two paragraphs of one ("... (GRDP) đạt" / "6,33%, trong đó ...").
    if (j >= 0 && OPEN_END.test(lines[j].text)) line.continues = j;
  }
  return lines;
}
