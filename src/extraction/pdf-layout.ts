/**
 * A PDF page's text rebuilt from the positions of its text items, as a reader sees the page:
 *
 * - visual lines (items on one baseline; a footnote marker raised a few points above stays in its line
 *   and is written "[n]");
 * - a line cut where a wide gap separates its parts: a cell of the header or signature block laid out
 *   side by side, or of a data table;
 * - the header and signature blocks (two columns) read column by column, as if the table were not there;
 *   a data table (three or more columns) read row by row as "a | b | c", a cell's wrapped lines joined;
 * - wrapped lines joined into their paragraph (a line that reaches the right margin goes on in the next
 *   line that is not indented further; a centred title goes on while its lines fill the width);
 * - running page numbers dropped, and running headers and footers (a title, the issuer, "Số: 23/KH-UBND",
 *   "Kế hoạch 23/KH-UBND - Trang 3" at the top or bottom of every page after the first) dropped;
 * - footnotes (smaller type below the body) kept apart, after the body.
 *
 * Pure functions over plain numbers, so that the rules are tested without a PDF.
 */
import { foldVietnamese } from "../text/fold.js";
import { BULLET_MARK, PAGE_NUMBER } from "./segment.js";

/** A text item: its string, where its baseline starts (points, origin at the page's bottom left), its width and font size. */
export interface PdfItem { str: string; x: number; y: number; width: number; size: number }

/** The measures of a document's body text, taken over all its pages: its font size, margins and line spacing. */
export interface BodyGeometry {
  size: number;
  /** Where most lines start (a document of one-line items and indented first lines: the indent). */
  left: number;
  right: number;
  lineGap: number;
  /** Where the text's widest lines start: the left margin itself (absent: `left`). */
  margin?: number;
}

interface Segment { text: string; x0: number; x1: number; /** Where the text starts after a list label ("1.", "a)", "-") set apart by a tab. */ textX: number }
interface VisualLine { y: number; size: number; x0: number; x1: number; textX: number; segments: Segment[]; text: string }

const LIST_LABEL = new RegExp(String.raw`^\s*(?:[IVX]+\s*[.\-–]|\d{1,2}(?:\.\d{1,2})*\.?|[a-zđ]\)|${BULLET_MARK}|o)\s*$`, "u");

/** A gap wider than this many font sizes parts a line into cells (a tab after a list number is about 1.3). */
const CELL_GAP = 2.5;
const CAPITALS_CELL_GAP = 1.6;
/** Text in capitals: a letter, and no small one. */
const CAPITALS = /^(?=[^\p{L}]*\p{Lu})\P{Ll}*$/u;

const mode = (values: number[]): number => {
  const counts = new Map<number, number>();
  let best = values[0] ?? 0, most = 0;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > most) { most = n; best = v; }
  }
  return best;
};
const round = (v: number) => Math.round(v * 2) / 2;

/** Items grouped by baseline, each line's items left to right. */
function visualLines(items: PdfItem[]): { y: number; size: number; items: PdfItem[] }[] {
  const sorted = items.filter((i) => i.str.trim()).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; size: number; items: PdfItem[] }[] = [];
  for (const item of sorted) {
    const line = lines[lines.length - 1];
    // A raised footnote mark is a few points above its line, a subscript a few below: within half a line they are the line's.
    if (line && Math.abs(item.y - line.y) <= 0.5 * Math.max(item.size, line.size)) {
      line.items.push(item);
      if (item.size > line.size) { line.size = item.size; line.y = item.y; }
    } else lines.push({ y: item.y, size: item.size, items: [item] });
  }
  for (const line of lines) line.items.sort((a, b) => a.x - b.x);
  return lines;
}

/** A line's items joined into segments (cells), spaces put back where the PDF leaves a gap, raised marks written "[n]". */
function segmentsOf(line: { y: number; size: number; items: PdfItem[] }): Segment[] {
  const segments: Segment[] = [];
  let current: Segment | null = null;
  for (const item of line.items) {
    const raised = item.size < 0.8 * line.size && item.y > line.y + 0.15 * line.size && /^\s*\d{1,3}\s*$/.test(item.str);
    // An exponent of a unit ("m²", "km²") is no footnote mark.
    const exponent = raised && current !== null && /^\s*[23]\s*$/.test(item.str) && /(?:^|[^\p{L}])(?:k|c|d|h)?m$/u.test(current.text) && item.x - current.x1 < 0.2 * line.size;
    // (A mark that opens a footnote's line is set apart from its text: "[1] Có 38 dân tộc ...".)
    const str: string = exponent ? (item.str.trim() === "2" ? "²" : "³") : raised ? `[${item.str.trim()}]${current ? "" : " "}` : item.str;
    const gap = current ? item.x - current.x1 : 0;
    // (Cells in capitals, as a header row's are, may stand closer: "HỘI ĐỒNG NHÂN DÂN" ends 2.4 sizes before "CỘNG HÒA
    // ...". Justified body text is in small letters, and a centred title in capitals has no such gap.)
    const capitalCells = current !== null && gap > CAPITALS_CELL_GAP * line.size && CAPITALS.test(current.text) && CAPITALS.test(str);
    if (!current || gap > CELL_GAP * line.size || capitalCells) {
      current = { text: str.trimStart(), x0: item.x, x1: item.x + item.width, textX: item.x };
      segments.push(current);
      continue;
    }
    if (current.textX === current.x0 && LIST_LABEL.test(current.text) && str.trim()) current.textX = item.x;
    if (!raised && gap > 0.15 * line.size && !/\s$/.test(current.text) && !/^\s/.test(str)) current.text += " ";
    current.text += str;
    current.x1 = Math.max(current.x1, item.x + item.width);
  }
  for (const s of segments) s.text = s.text.replace(/\s+/g, " ").trim();
  return segments.filter((s) => s.text);
}

function toLines(items: PdfItem[]): VisualLine[] {
  return visualLines(items).map((l) => {
    const segments = segmentsOf(l);
    return { y: l.y, size: l.size, segments, x0: segments[0]?.x0 ?? 0, textX: segments[0]?.textX ?? 0, x1: segments[segments.length - 1]?.x1 ?? 0, text: segments.map((s) => s.text).join(" ") };
  }).filter((l) => l.segments.length);
}

/** The body's font size (the size most characters are set in), its left and right margins and its line spacing. */
export function bodyGeometry(pages: PdfItem[][], bodySize?: number): BodyGeometry & { lines: number } {
  const sizes: number[] = [];
  if (bodySize === undefined) for (const page of pages) for (const item of page) for (let k = 0; k < Math.min(item.str.length, 200); k++) sizes.push(round(item.size));
  const size = bodySize ?? (mode(sizes) || 12);
  const lefts: number[] = [], rights: number[] = [], gaps: number[] = [];
  for (const page of pages) {
    const lines = toLines(page).filter((l) => l.segments.length === 1 && Math.abs(l.size - size) < 0.15 * size);
    for (const [i, l] of lines.entries()) {
      lefts.push(round(l.x0));
      rights.push(l.x1);
      if (i > 0) gaps.push(round(lines[i - 1].y - l.y));
    }
  }
  rights.sort((a, b) => a - b);
  const sortedLefts = [...lefts].sort((a, b) => a - b);
  return {
    size,
    left: mode(lefts),
    margin: sortedLefts[Math.floor(sortedLefts.length * 0.05)],
    // The right margin: where the longest lines end (justified lines all end there).
    right: rights[Math.floor(rights.length * 0.9)] ?? 0,
    lineGap: mode(gaps.filter((g) => g > 0.8 * size && g < 2 * size)) || 1.2 * size,
    lines: rights.length,
  };
}

/** Two words in capitals (tried at word starts only: from every position, a long word without spaces backtracked quadratically). */
const TWO_CAPITAL_WORDS = /(?:^|\s)\p{Lu}\S*\s+\p{Lu}/u;
/** A sentence that ends: what follows it in a new line at the margin is a new paragraph even after a full line. */
const CLOSED = /[.:;!?)]$/u;
const OPENS_ITEM = new RegExp(String.raw`^(?:[IVX]+\s*[.\-–]|\d{1,2}(?:\.\d{1,2})*\.?\s|[a-zđ]\)|${BULLET_MARK})`, "u");

/**
 * Whether a line's parts sit on both sides of the page's middle: a cell beside another. Each cell is centred in
 * its column, so a long right cell ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in 12 pt) starts a little left of the
 * middle: the cells are told by their centres, each reaching at most a twentieth of the page's width past the middle.
 */
const straddles = (l: VisualLine, middle: number) => {
  if (l.segments.length !== 2) return false;
  const [left, right] = l.segments;
  return (left.x0 + left.x1) / 2 < middle && (right.x0 + right.x1) / 2 > middle && left.x1 < middle * 1.1 && right.x0 > middle * 0.9;
};
const oneSide = (l: VisualLine, middle: number) => l.segments.length === 1 && (l.x1 < middle + 10 || l.x0 > middle - 10);

/** A page's visual lines, top to bottom, and the tables its ruling lines draw (their text is not in the lines). */
interface PageLayout { lines: VisualLine[]; tables: RuledTable[] }

/** The page's lines and ruled tables, its running page numbers dropped. */
function pageLayout(items: PdfItem[], rulings: Ruling[]): PageLayout {
  const { tables, rest } = ruledTables(rulings, items);
  const all = toLines(rest);
  const top = all[0]?.y ?? 0, bottom = all[all.length - 1]?.y ?? 0;
  // Running page numbers: alone on their line, at the top or the bottom of the page.
  const lines = all.filter((l, i) => !(PAGE_NUMBER.test(l.text) && (i === 0 || i === all.length - 1 || l.y >= top - 1 || l.y <= bottom + 1)));
  return { lines, tables };
}

/**
 * The page's text: paragraphs and cells one per line, a data table's rows as "a | b | c", footnotes last.
 * `width` is the page's width in points. (Running headers and footers are known only across pages: see `documentText`.)
 */
export function pageText(items: PdfItem[], width: number, body: BodyGeometry, rulings: Ruling[] = [], afterNote = false): { lines: string[]; notes: string[] } {
  return layoutText(pageLayout(items, rulings), width, body, afterNote);
}

function layoutText({ lines, tables }: PageLayout, width: number, body: BodyGeometry, afterNote: boolean): { lines: string[]; notes: string[] } {
  if (!lines.length && !tables.length) return { lines: [], notes: [] };
  const middle = width / 2;
  // Footnotes: in smaller type, below the last line of body type, and marked, or running over from the
  // page before (`afterNote`). A page all in smaller type (an appendix set in 12 pt) has none.
  const small = (l: VisualLine) => l.size < 0.88 * body.size;
  let lastBody = lines.length - 1;
  while (lastBody >= 0 && small(lines[lastBody])) lastBody--;
  const below = lines.slice(lastBody + 1);
  const hasNotes = lastBody >= 0 && below.length > 0 && (afterNote || below.some((l) => /^\[\d{1,3}\]/.test(l.text)));
  const notes = hasNotes ? below : [];
  const main = hasNotes ? lines.slice(0, lastBody + 1) : lines;

  const out: string[] = [];
  /** The paragraph being read; `x0` is where its lines may start: its margin, or a list item's text (a hanging indent). */
  let paragraph: { text: string; last: VisualLine; x0: number; centred: boolean } | null = null;
  const endParagraph = () => { if (paragraph) out.push(paragraph.text); paragraph = null; };
  const gapOk = (a: VisualLine, b: VisualLine) => a.y - b.y <= 1.3 * Math.max(body.lineGap, 1.1 * a.size) && Math.abs(a.size - b.size) < 0.15 * a.size;
  const full = (l: VisualLine) => l.x1 >= body.right - 1.5 * l.size;
  const aboutCentre = (l: VisualLine) => Math.abs((l.x0 + l.x1) / 2 - (body.left + body.right) / 2) < 2 * l.size;
  const centred = (l: VisualLine) => l.x0 > body.left + l.size && l.x1 < body.right - l.size && aboutCentre(l);
  /** Set in from both margins alike, however little: a centred title nearly as wide as the text. */
  const margin = Math.min(body.margin ?? body.left, body.left);
  const inset = (l: VisualLine) => l.x0 > margin + 0.5 * l.size && l.x1 < body.right - 0.5 * l.size && Math.abs((l.x0 - margin) - (body.right - l.x1)) < l.size;

  const pending = [...tables].sort((a, b) => b.top - a.top);
  for (let i = 0; i < main.length; i++) {
    const line = main[i];
    // A ruled table above this line: its rows stand here, between the paragraphs around it.
    while (pending.length && pending[0].top > line.y) { endParagraph(); out.push(...pending.shift()!.rows); }
    // Side-by-side cells (header block, signature block): the run of lines around them, read column by column.
    if (straddles(line, middle) || (line.segments.length === 1 && oneSide(line, middle) && i + 1 < main.length && straddles(main[i + 1], middle) && gapOk(line, main[i + 1]))) {
      let j = i;
      const left: string[] = [], right: string[] = [];
      let rows = 0;
      // (Set close together: a paragraph after the block, on one side of the page, is not the block's. The columns'
      // type may differ, 11 pt recipients beside a 14 pt signature: the larger line's spacing is the block's.)
      while (j < main.length && (straddles(main[j], middle) || oneSide(main[j], middle)) && (j === i || main[j - 1].y - main[j].y <= 1.5 * Math.max(main[j].size, main[j - 1].size))) {
        const l = main[j];
        if (l.segments.length === 2) { left.push(l.segments[0].text); right.push(l.segments[1].text); rows++; }
        else (l.x1 < middle + 10 ? left : right).push(l.text);
        j++;
      }
      endParagraph();
      // Every line two cells, one line each: a small key-value table, read as rows.
      if (rows === j - i && rows > 2) for (let k = 0; k < rows; k++) out.push(`${left[k]} | ${right[k]}`);
      else out.push(...left, ...right);
      i = j - 1;
      continue;
    }
    // A data table: three cells or more. Its rows go on while lines keep to its columns.
    if (line.segments.length >= 3) {
      endParagraph();
      i = readTable(main, i, body, out) - 1;
      continue;
    }
    const text = line.text;
    if (paragraph) {
      const p: { text: string; last: VisualLine; x0: number; centred: boolean } = paragraph;
      // (A list item's lines go on under its text, a hanging indent: "1.  Giao các sở ..." / "    tuyên truyền ...".)
      // (A title as wide as the text goes on in a centred line: "Triển khai ... trên địa bàn tỉnh Quảng" / "Ngãi năm 2025".)
      // (A sentence that ends a full line, then a capital indented as a first line is: the next paragraph, "Căn cứ ...;" /
      // "      Căn cứ ...", though the first stood at that indent too.)
      // (A heading of words in capitals opens one after any line in small letters: a title's last line, "về phát triển ... năm 2045" /
      // "I- TÌNH HÌNH"; not a wrapped line's numeral or figure, "... đô thị loại" / "IV.", "... đạt" / "35 - 40%.".)
      const opensParagraph = (CLOSED.test(p.last.text) && (OPENS_ITEM.test(text) || (line.x0 > body.left + line.size && /^\p{Lu}/u.test(text))))
        || (OPENS_ITEM.test(text) && TWO_CAPITAL_WORDS.test(text.replace(OPENS_ITEM, "")) && !/\p{Ll}/u.test(text) && /\p{Ll}/u.test(p.last.text));
      const goesOn = gapOk(p.last, line) && !opensParagraph && (p.centred
        ? centred(line) && p.last.x1 - p.last.x0 > 0.6 * (body.right - body.left)
        : full(p.last) && (line.x0 <= Math.max(p.x0, body.left) + 0.5 * line.size || (centred(line) && !CLOSED.test(p.last.text) && aboutCentre(p.last)))
          // (A title's last line, centred, then the opening clause's first line, indented as far: "Triển khai Đề án ... năm 2026" /
          // "      Thực hiện ...": a capital, indented from the margin, and the line justified to the right one.)
          && !(inset(p.last) && line.x0 > margin + 0.5 * line.size && line.x1 >= body.right - 0.5 * line.size && /^\p{Lu}/u.test(text)));
      if (goesOn) {
        // "... số 11-" / "NQ/TW": a word cut at its hyphen is joined whole; "kinh tế -" / "xã hội" keeps its space.
        p.text += /\S-$/.test(p.text) ? text : ` ${text}`;
        p.last = line;
        p.x0 = Math.min(p.x0, line.x0);
        continue;
      }
      endParagraph();
    }
    paragraph = { text, last: line, x0: Math.max(line.x0, line.textX), centred: centred(line) };
  }
  endParagraph();
  for (const table of pending) out.push(...table.rows);
  // Footnotes: each opens with its mark; its wrapped lines are joined to it.
  const noteLines: string[] = [];
  for (const note of notes) {
    if (/^\[\d{1,3}\]/.test(note.text) || !noteLines.length) noteLines.push(note.text);
    else noteLines[noteLines.length - 1] += /\S-$/.test(noteLines[noteLines.length - 1]) ? note.text : ` ${note.text}`;
  }
  return { lines: out, notes: noteLines };
}

/** Fewer lines of body text than this in the pages of one width, and their margins are the document's. */
const MIN_GEOMETRY_LINES = 8;

/**
 * Each page's body geometry: the body's size and spacing are the document's; its margins are those of the pages of its width, as
 * a landscape appendix's are not the portrait body's (its lines reach further right, and a portrait line that reaches the
 * portrait margin would not read as full), unless those pages hold too few lines of body text to tell.
 */
function pageGeometries(pages: { items: PdfItem[]; width: number }[]): (page: number) => BodyGeometry {
  const whole = bodyGeometry(pages.map((p) => p.items));
  const widths = new Set(pages.map((p) => Math.round(p.width)));
  if (widths.size < 2) return () => whole;
  const byWidth = new Map<number, BodyGeometry>();
  for (const width of widths) {
    const group = pages.filter((p) => Math.round(p.width) === width).map((p) => p.items);
    const own = bodyGeometry(group, whole.size);
    byWidth.set(width, own.lines >= MIN_GEOMETRY_LINES ? { ...own, size: whole.size, lineGap: whole.lineGap } : whole);
  }
  return (page) => byWidth.get(Math.round(pages[page].width)) ?? whole;
}

/**
 * The document's text: each page's paragraphs and then its footnotes, pages parted by "\f\n". A footnote
 * that runs over to the next page (its lines there have no mark) is joined to its start.
 */
export function documentText(pages: { items: PdfItem[]; width: number; rulings?: Ruling[] }[]): string {
  const geometryOf = pageGeometries(pages);
  const layouts = withoutRunningLines(pages.map((p) => pageLayout(p.items, p.rulings ?? [])));
  const texts: string[][] = [];
  /** The text of the page before, when it ends with a footnote that may run over. */
  let endsWithNote: string[] | null = null;
  for (const [p, page] of pages.entries()) {
    const { lines, notes } = layoutText(layouts[p], page.width, geometryOf(p), endsWithNote !== null);
    const runsOver: boolean = notes.length > 0 && !/^\[\d{1,3}\]/.test(notes[0]) && endsWithNote !== null;
    if (runsOver) endsWithNote![endsWithNote!.length - 1] += ` ${notes.shift()}`;
    const text = [...lines, ...notes];
    texts.push(text);
    endsWithNote = notes.length ? text : runsOver && !lines.length ? endsWithNote : null;
  }
  return texts.map((t) => t.join("\n")).join("\f\n");
}

type Edge = "top" | "bottom";
/** A line at a page's edge that may be a running header or footer; `depth` 0 is the outermost line. */
interface EdgeLine { line: VisualLine; edge: Edge; depth: number; key: string; folded: string }

/** How many lines at each edge a running header or footer may take: a title, or a title and the issuer. */
const RUNNING_DEPTH = 2;
/** Two pages are little evidence; a line repeated on only two is taken as running only when short (a title, not a sentence of the body). */
const SHORT_RUNNING = 60;

/**
 * The first and last lines of the page (outermost first) that may be running ones: none is a data
 * table's row (a table's header repeated on the next page stays with its table) or within or beyond a
 * ruled table (a line below a table continued at the top of the page is no header).
 */
function edgeLines({ lines, tables }: PageLayout): EdgeLine[] {
  const out: EdgeLine[] = [];
  const take = (edge: Edge, line: VisualLine, depth: number) => {
    if (line.segments.length >= 3) return false;
    if (tables.some((t) => (edge === "top" ? line.y <= t.top : line.y >= t.bottom))) return false;
    // Numbers (the page's own, a date) as "#": the line is the same on every page but for them.
    const folded = foldVietnamese(line.text).replace(/\s+/g, " ");
    out.push({ line, edge, depth, folded, key: `${edge}\n${folded.replace(/\d+/g, "#")}` });
    return true;
  };
  for (let k = 0; k < Math.min(RUNNING_DEPTH, lines.length) && take("top", lines[k], k); k++);
  for (let k = 0; k < Math.min(RUNNING_DEPTH, lines.length) && take("bottom", lines[lines.length - 1 - k], k); k++);
  return out;
}

/**
 * The pages without their running headers and footers: lines at the top or bottom edge of a page that
 * recur, but for their numbers, at the same edge of other pages. A line is running when it is at that
 * edge on
 * - three pages or more, and on most (4 in 5) of the pages from the first it is on to the last: a
 *   running header is on every page of its section, while a document's header block or a heading that
 *   recurs in a bundle of documents or appendices is not. A number that changes from page to page must be
 *   the page's (its number, or one or two less after a cover): "Năm 2023", "Năm 2024" heading pages
 *   are no running header;
 * - or, in a document of two or three pages, on two pages, word for word (numbers too: "Phụ lục 1",
 *   "Phụ lục 2" are headings), as the outermost line and short.
 * The inner line of a two-line block goes only with the outer one. The first page keeps all its lines:
 * it carries the document's real header (it counts as evidence all the same). Keys are counted in a
 * Map, a few lines a page, so the time grows with the number of pages, never with their square.
 */
function withoutRunningLines(pages: PageLayout[]): PageLayout[] {
  const edges = pages.map(edgeLines);
  const seen = new Map<string, { pages: number; first: number; last: number; folded: string; sameText: boolean; pageNumbered: boolean }>();
  /** Whether the line has the number of page `p` (from 0) in it, or one or two less. */
  const hasPageNumber = (folded: string, p: number) => (folded.match(/\d+/g) ?? []).some((n) => Number(n) <= p + 1 && Number(n) >= p - 1);
  edges.forEach((lines, p) => {
    for (const { key, folded } of lines) {
      const s = seen.get(key);
      if (!s) seen.set(key, { pages: 1, first: p, last: p, folded, sameText: true, pageNumbered: hasPageNumber(folded, p) });
      else if (s.last !== p) { s.pages++; s.last = p; s.sameText &&= s.folded === folded; s.pageNumbered &&= hasPageNumber(folded, p); }
    }
  });
  const running = ({ key, depth, line }: EdgeLine) => {
    const s = seen.get(key)!;
    if (s.pages >= 3) return (s.sameText || s.pageNumbered) && s.pages >= 0.8 * (s.last - s.first + 1);
    return pages.length <= 3 && s.pages === 2 && s.sameText && depth === 0 && line.text.length <= SHORT_RUNNING;
  };
  return pages.map((page, p) => {
    if (p === 0) return page;
    const dropped = new Set<VisualLine>();
    for (const edge of ["top", "bottom"] as const) {
      for (const candidate of edges[p].filter((e) => e.edge === edge)) {
        if (!running(candidate)) break;
        dropped.add(candidate.line);
      }
    }
    return dropped.size ? { ...page, lines: page.lines.filter((l) => !dropped.has(l)) } : page;
  });
}

/**
 * Reads a data table from `lines[from]` (a line of three cells or more): its columns start where that
 * line's cells start; a line with text in the first column opens a row, a line without continues the
 * cells of the row above (a cell's wrapped text). Returns the index of the first line after the table.
 */
function readTable(lines: VisualLine[], from: number, body: BodyGeometry, out: string[]): number {
  const starts = lines[from].segments.map((s) => s.x0);
  const columnOf = (x: number) => { let c = 0; for (let k = 0; k < starts.length; k++) if (x >= starts[k] - body.size) c = k; return c; };
  let row: string[] | null = null;
  const flush = () => { if (row) out.push(row.map((c) => c.trim()).join(" | ")); row = null; };
  let i = from;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (i > from) {
      const previous = lines[i - 1];
      // The table ends at a gap wider than a few lines, or at a paragraph of body text running across the columns.
      if (previous.y - line.y > 3 * body.lineGap) break;
      // (Whatever its indent: a first line indented 1.27 cm is the paragraph after the table.)
      if (line.segments.length === 1 && line.x1 - line.x0 > 0.6 * (body.right - body.left)) break;
    }
    const cells = new Array<string>(starts.length).fill("");
    for (const s of line.segments) { const c = columnOf(s.x0); cells[c] = cells[c] ? `${cells[c]} ${s.text}` : s.text; }
    if (cells[0] || !row) { flush(); row = cells; }
    else { const r: string[] = row; cells.forEach((c, k) => { if (c) r[k] = r[k] ? (/\S-$/.test(r[k]) ? r[k] + c : `${r[k]} ${c}`) : c; }); }
  }
  flush();
  return i;
}

/** A ruling line of the page (a table's border), horizontal (y1 = y2) or vertical (x1 = x2), in page points. */
export interface Ruling { x1: number; y1: number; x2: number; y2: number }

/** More ruling lines than a page of the densest table has (some 150 rows of 10 columns). */
export const MAX_RULINGS = 4000;
/** How near two rulings' coordinates must be to be one line, or to meet (points). */
const NEAR = 2;

/** A table drawn with ruling lines, read: its top and bottom, and its rows as "a | b | c". */
interface RuledTable { top: number; bottom: number; rows: string[] }

/** Groups of near values (sorted ascending), each as its mean. */
function clusters(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1] <= NEAR) last.push(v); else out.push([v]);
  }
  return out.map((c) => c.reduce((a, b) => a + b, 0) / c.length);
}

/** The index of the value of `sorted` nearest to v (`descending` for values sorted high to low). */
function nearest(sorted: number[], v: number, descending: boolean): number {
  const k = intervalOf(sorted, v, descending);
  return k + 1 < sorted.length && Math.abs(sorted[k + 1] - v) < Math.abs(sorted[k] - v) ? k + 1 : k;
}

/** The k such that v lies between sorted[k] and sorted[k + 1] (clamped to the ends), by binary search. */
function intervalOf(sorted: number[], v: number, descending: boolean): number {
  let lo = 0, hi = sorted.length - 1;
  const before = (x: number) => (descending ? x >= v : x <= v);
  if (!before(sorted[0])) return 0;
  while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (before(sorted[mid])) lo = mid; else hi = mid - 1; }
  return Math.min(lo, sorted.length - 2);
}

class UnionFind {
  private parent: number[];
  constructor(n: number) { this.parent = Array.from({ length: n }, (_, i) => i); }
  find(i: number): number { while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]]; return i; }
  union(a: number, b: number) { const ra = this.find(a), rb = this.find(b); if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb); }
}

/**
 * The tables the page's ruling lines draw (lines that cross each other, two columns at least), each
 * read cell by cell: a cell is a box of the grid, or boxes no line parts (a merged cell); its text
 * items, in reading order, are its text. A cell merged across columns stands in its first column, one
 * merged down in each row it spans (as a Word table is read). Items inside a table are not the page's text.
 */
export function ruledTables(rulings: Ruling[], items: PdfItem[]): { tables: RuledTable[]; rest: PdfItem[] } {
  // (Meeting lines are found pair by pair: a page drawn with more lines than any table has is read as text.)
  if (rulings.length < 4 || rulings.length > MAX_RULINGS) return { tables: [], rest: items };
  const horizontal = rulings.filter((r) => Math.abs(r.y1 - r.y2) <= 0.5);
  const vertical = rulings.filter((r) => Math.abs(r.x1 - r.x2) <= 0.5);
  const lines = [...horizontal, ...vertical];
  // Lines that meet are one drawing.
  const drawings = new UnionFind(lines.length);
  for (let h = 0; h < horizontal.length; h++) {
    const a = horizontal[h];
    for (let v = 0; v < vertical.length; v++) {
      const b = vertical[v];
      if (b.x1 >= a.x1 - NEAR && b.x1 <= a.x2 + NEAR && a.y1 >= b.y1 - NEAR && a.y1 <= b.y2 + NEAR) drawings.union(h, horizontal.length + v);
    }
  }
  const byDrawing = new Map<number, Ruling[]>();
  lines.forEach((l, i) => { const root = drawings.find(i); const drawn = byDrawing.get(root); if (drawn) drawn.push(l); else byDrawing.set(root, [l]); });
  const tables: RuledTable[] = [];
  const taken = new Set<PdfItem>();
  for (const drawing of byDrawing.values()) {
    const hs = drawing.filter((r) => Math.abs(r.y1 - r.y2) <= 0.5), vs = drawing.filter((r) => Math.abs(r.y1 - r.y2) > 0.5);
    const ys = clusters(hs.map((r) => r.y1)).reverse(), xs = clusters(vs.map((r) => r.x1));
    if (ys.length < 2 || xs.length < 3) continue;
    const bands = ys.length - 1, columns = xs.length - 1;
    // The rulings at each row boundary and column boundary (a ruling belongs to its nearest one).
    const atY = ys.map(() => [] as Ruling[]), atX = xs.map(() => [] as Ruling[]);
    for (const r of hs) atY[nearest(ys, r.y1, true)].push(r);
    for (const r of vs) atX[nearest(xs, r.x1, false)].push(r);
    const cells = new UnionFind(bands * columns);
    for (let b = 0; b < bands; b++) {
      const middle = (ys[b] + ys[b + 1]) / 2;
      for (let c = 0; c + 1 < columns; c++) {
        if (!atX[c + 1].some((r) => r.y1 - NEAR <= middle && middle <= r.y2 + NEAR)) cells.union(b * columns + c, b * columns + c + 1);
      }
    }
    for (let c = 0; c < columns; c++) {
      const middle = (xs[c] + xs[c + 1]) / 2;
      for (let b = 0; b + 1 < bands; b++) {
        if (!atY[b + 1].some((r) => r.x1 - NEAR <= middle && middle <= r.x2 + NEAR)) cells.union(b * columns + c, (b + 1) * columns + c);
      }
    }
    const top = ys[0], bottom = ys[ys.length - 1], left = xs[0], right = xs[xs.length - 1];
    const contents = new Map<number, PdfItem[]>();
    for (const item of items) {
      const cx = item.x + item.width / 2, cy = item.y + item.size * 0.3;
      if (cx < left || cx > right || cy > top || cy < bottom) continue;
      taken.add(item);
      const b = Math.min(bands - 1, intervalOf(ys, cy, true)), c = Math.min(columns - 1, intervalOf(xs, cx, false));
      const root = cells.find(b * columns + c);
      const found = contents.get(root);
      if (found) found.push(item); else contents.set(root, [item]);
    }
    const textOf = new Map<number, string>();
    for (const [root, found] of contents) {
      let cellText = "";
      for (const line of toLines(found)) cellText = cellText ? (/\S-$/.test(cellText) ? cellText + line.text : `${cellText} ${line.text}`) : line.text;
      textOf.set(root, cellText);
    }
    const rows: string[] = [];
    for (let b = 0; b < bands; b++) {
      const row: string[] = [];
      for (let c = 0; c < columns; c++) {
        const root = cells.find(b * columns + c);
        // The part of a cell merged across columns after its first column is left empty.
        row.push(c > 0 && cells.find(b * columns + c - 1) === root ? "" : textOf.get(root) ?? "");
      }
      if (row.some((t) => t)) rows.push(row.join(" | "));
    }
    if (rows.length) tables.push({ top, bottom, rows });
  }
  return { tables, rest: taken.size ? items.filter((i) => !taken.has(i)) : items };
}
