/**
 * Plain text wrapped at a fixed width, as web copies of official documents and text saved from a PDF give
 * it ("Thực hiện Chỉ" / "thị số 8008/CT-TCTL ngày 25/10/2019 của Bộ trưởng Bộ Nông nghiệp và Phát triển" /
 * "nông thôn về việc ..."), made one line a paragraph again, as Word and the PDF reader give it: the stages
 * read a line as a paragraph, and a sentence cut into lines loses its agency, its date and its figures.
 *
 * A text is wrapped when many of its lines end open (no stop, colon or semicolon) just short of one width
 * and most of those go on in the next line (in lower case, with a figure, after a comma); paragraphs end
 * closed, and a plan's bullets and headings written without a stop are followed by a sentence of their own,
 * so a text that is not wrapped has few such lines. A line then goes on the next one:
 * - when it is full (the next line's first word would not have fitted on it; in text saved from a PDF, whose
 *   lines are filled by the glyphs' widths, when it is long) and ends open, or the next goes on in lower case;
 * - when it ends open and the next line starts in lower case or with a figure, or it ends on a comma or a dash;
 * - when it is only an item's marker ("1.3.") or "Số:";
 * - in a web copy, whose paragraphs open with a short line (the page's markup took the rest of that line in
 *   its source), when the next line is long (it opens no paragraph) and is no item.
 * Blank lines, rules ("-------"), table rows ("|"), page breaks and running page numbers are never joined (the segmenter
 * drops a page's number and joins the sentence it cut). Any other text is returned as it is.
 */

import { PAGE_NUMBER } from "./segment.js";

/** Lines shorter than this say nothing of the width (headers, headings, the last line of a paragraph). */
const MEASURED = 20;
const MIN_MEASURED = 8;
/** How much shorter than the width a full line may be: a word longer than the room left goes to the next line. */
const BAND = 15;
/** A text wrapped narrower is a list of short lines; wider, a text of long paragraphs that a few lines of this length happen to match. */
const MIN_WIDTH = 50, MAX_WIDTH = 240;
/**
 * How many of the measured lines must end open near the width for a text to be wrapped: at least 0.17 in wrapped copies of the
 * samples and the corpus, at most 0.06 in the texts themselves.
 */
const OPEN_SHARE = 0.12, MIN_OPEN = 6;
/** How many of those must go on in the next line: at least 0.63 in wrapped texts, none in a plan of bullets without stops. */
const GOING_ON_SHARE = 0.3;
/** In text saved from a PDF, a line this long (of the width) that ends open was filled: its glyphs took the width. */
const LONG = 0.7;

/** Ends a sentence or a clause: a stop, a colon, a semicolon, a question or exclamation mark, before closing marks. */
const CLOSED = /[.:;!?…](?:["”’)\]*_]*)$/u;
/** Ends on a comma or a dash: never a paragraph's end ("I. MỤC ĐÍCH," / "YÊU CẦU"; "giai đoạn 2021 -" / "2025"). */
const OPEN_END = /[,–-]$/u;
/**
 * Opens an item of its own: a bullet, "1.", "1.2.", "a)", "(1)", "I.", "II-", the Party's "1-", "Điều 3", a footnote. (Not the
 * segmenter's `classify`: it reads "15 tỷ đồng ..." at a line's start as a number, and a wrapped line often starts so.)
 */
const ITEM = /^(?:[-+•*–—]\s|\(?\d{1,2}(?:\.\d{1,2})*[.)]\s|\d{1,2}-\s|\(\d{1,2}\)|[a-zđ]\)\s|[IVXLC]+\s*[.\-–)]\s|Điều\s+\d|[⁰¹²³⁴⁵⁶⁷⁸⁹]|\[\d{1,3}\])/u;
/** A line of only an item's marker, its words on the next: "1.3." / "Chương trình 3: ...". */
const MARKER_ONLY = /^(?:[-+•*–—]|\(?\d{1,2}(?:\.\d{1,2})*[.)]|\(\d{1,2}\)|[a-zđ]\)|[IVXLC]+\s*[.\-–)])$/u;
/** How a line that goes on a sentence starts: in lower case, or with a figure ("102 trường mầm non", "2020. Ủy ban ..."). */
const GOES_ON_START = /^[\p{Ll}\d]/u;
const LOWER_START = /^\p{Ll}/u;
/** The words that open a document's text or a block of it, capitalised: never the rest of a line. */
const OPENING = /^(?:Thực hiện|Căn cứ|Kính gửi|Theo đề nghị|Xét đề nghị|Nơi nhận)(?=[\s:]|$)/u;
/** A rule under a header's cell ("-------"), or stars: never part of a paragraph. */
const RULE = /^[-–—_=*.\s]+$/u;
const HAS_LOWER = /\p{Ll}/u;

/** How a text is wrapped. */
export interface Wrap {
  /** The longest line's length, save a word too long for any line. */
  width: number;
  /** Wrapped by the number of characters (a web copy), not by the glyphs' widths (text saved from a PDF). */
  monospace: boolean;
  /** Its paragraphs open with a short line, as a web copy's do. */
  shortStarts: boolean;
}

export function unwrapParagraphs(text: string): string {
  const lines = text.split("\n");
  const wrap = wrapOf(lines);
  if (!wrap) return text;
  // Each output line's parts, joined once it is complete (joining as they come would copy a long paragraph at every line).
  const out: string[] = [];
  let parts: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (parts.length && goesOn(lines[i - 1], lines[i], lines[i + 1], wrap)) {
      parts[parts.length - 1] = parts[parts.length - 1].trimEnd();
      parts.push(lines[i].trim());
      continue;
    }
    if (parts.length) out.push(parts.join(" "));
    parts = [lines[i]];
  }
  if (parts.length) out.push(parts.join(" "));
  return out.join("\n");
}

const measurable = (line: string) => line.length >= MEASURED && !line.includes("|");

/** How the text is wrapped, or null when it is not. */
export function wrapOf(lines: string[]): Wrap | null {
  const counts = new Map<number, number>();
  let measured = 0;
  for (const line of lines) {
    const l = line.trimEnd();
    if (measurable(l)) { counts.set(l.length, (counts.get(l.length) ?? 0) + 1); measured++; }
  }
  if (measured < MIN_MEASURED) return null;
  // The width whose band holds most lines: counted per length, then summed over a sliding band. (Not under MIN_WIDTH: the
  // short first lines of a web copy's paragraphs, and a header's lines, cluster there.)
  let best = 0, width = 0;
  for (const end of counts.keys()) {
    if (end < MIN_WIDTH) continue;
    let inBand = 0;
    for (let l = end - BAND + 1; l <= end + 3; l++) inBand += counts.get(l) ?? 0;
    if (inBand > best || (inBand === best && end > width)) { best = inBand; width = end; }
  }
  if (!best || width > MAX_WIDTH) return null;
  for (let l = width + 1; l <= width + 3; l++) if (counts.has(l)) width = l;
  // The lines that end open with more text after them: those near the width, and how many of them go on in the next line (they
  // decide whether the text is wrapped); of those long enough to have been filled, how many come within a few units of the width
  // (nearly all when characters were counted).
  let open = 0, goOn = 0, filled = 0, nearWidth = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const l = lines[i].trimEnd(), next = lines[i + 1].trim();
    if (l.length > width || !measurable(l) || CLOSED.test(l) || !next) continue;
    if (l.length > width - BAND - 3) { open++; if (GOES_ON_START.test(next) || OPEN_END.test(l)) goOn++; }
    if (l.length >= width * LONG) { filled++; if (l.length > width - 6) nearWidth++; }
  }
  if (open < MIN_OPEN || open < measured * OPEN_SHARE || goOn < open * GOING_ON_SHARE) return null;
  const wrap = { width, monospace: nearWidth >= filled * 0.85, shortStarts: false };
  wrap.shortStarts = startsShort(lines, wrap);
  return wrap;
}

/**
 * Whether `line` was filled before `next`: the next line's first word would not have fitted on it; in text wrapped by the
 * glyphs' widths, also when it is long. (`strict`: to the character, for an item's marker, one character long.)
 */
function isFull(line: string, next: string, wrap: Wrap, strict = false): boolean {
  const word = /^\S+/.exec(next.trimStart())?.[0].length ?? 0;
  const length = line.trimEnd().length;
  if (length + 1 + word > wrap.width - (strict ? 0 : 4)) return true;
  return !strict && !wrap.monospace && length >= wrap.width * LONG;
}

/**
 * Whether the text's paragraphs open with a short line: of the lines that open a paragraph (after a blank line or one that
 * closes) and go on in a full line, many are short and cut mid-sentence.
 */
function startsShort(lines: string[], wrap: Wrap): boolean {
  let opening = 0, cut = 0;
  for (let i = 1; i + 1 < lines.length; i++) {
    const before = lines[i - 1].trim(), line = lines[i].trim(), next = lines[i + 1].trim();
    if (!line || line.includes("|") || !(before === "" || CLOSED.test(before)) || !isFull(next, lines[i + 2] ?? "x".repeat(wrap.width), wrap)) continue;
    opening++;
    // Cut mid-sentence: short, and the next line goes on in lower case. (A heading, short too, is followed by a sentence of its own,
    // and a paragraph saved from a PDF opens with a full line.)
    if (line.length < wrap.width / 2 && !CLOSED.test(line) && GOES_ON_START.test(next)) cut++;
  }
  return cut >= 3 && cut >= opening * 0.4;
}

/** Whether `line`, short, opens a paragraph that `next` goes on (a web copy's cut first line). */
function opensParagraph(line: string, next: string | undefined, wrap: Wrap): boolean {
  const b = next?.trim() ?? "";
  return !!b && !b.includes("|") && !ITEM.test(b) && (GOES_ON_START.test(b) || b.length >= wrap.width * 0.75) && line.length < wrap.width / 2;
}

function goesOn(line: string, next: string, afterNext: string | undefined, wrap: Wrap): boolean {
  const a = line.trim(), b = next.trim();
  if (!a || !b || a.includes("|") || b.includes("|") || next.includes("\f") || RULE.test(a) || RULE.test(b) || PAGE_NUMBER.test(a) || PAGE_NUMBER.test(b)) return false;
  if (/^Số\s*:$/iu.test(a) || MARKER_ONLY.test(a)) return true;
  // ("Triển khai Đề án ... năm 2026" / "Thực hiện Quyết định số ...": a title that ends open, then the opening of the text. A web copy
  // opens its paragraphs with a short line, and a sentence of one may start a line: there the line's length tells.)
  if (!wrap.shortStarts && OPENING.test(b)) return false;
  // A line in capitals (a title, a heading) goes on only in capitals: the line after it in lower case is its body.
  if (!HAS_LOWER.test(a) && HAS_LOWER.test(b.slice(0, 20)) && !LOWER_START.test(b)) return false;
  const item = ITEM.test(b) || MARKER_ONLY.test(b), closed = CLOSED.test(a), full = isFull(a, b, wrap);
  const continues = !item && (GOES_ON_START.test(b) || OPEN_END.test(a));
  if (wrap.shortStarts) {
    // Where every paragraph opens with a short line, a long line never opens one, and a short one after an item's marker always
    // does ("- Đẩy mạnh" after a full line that happened to end where the heading before it ended).
    if (item && b.length < wrap.width / 2) return false;
    if (continues) return true;
    // ("1. Giao Sở" / "Tài chính chủ trì, ..."; "I- KHÁI QUÁT" / "CHUNG VỀ ..."; not a type line, "KẾ HOẠCH", over a long title.)
    if (b.length >= wrap.width * 0.75 && !item && (HAS_LOWER.test(a) || full || ITEM.test(a))) return true;
    if (!full) return false;
    // After a full line that ends a sentence, a short one that ends one too is the paragraph's last ("... và cả nước." / "Chú trọng
    // hợp tác quốc tế."), unless a paragraph goes on after it: then it opened that paragraph.
    return !closed || (CLOSED.test(b) && !opensParagraph(b, afterNext, wrap));
  }
  // An item's marker goes to a line of its own only when it did not fit ("- Triển khai" after a heading that ends the line short).
  if (item) return !closed && isFull(a, b, wrap, true);
  if (full) return !closed || continues;
  return !closed && continues;
}
