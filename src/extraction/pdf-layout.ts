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
 * - running page numbers dropped, and footnotes (smaller type below the body) kept apart, after the body.
 *
 * Pure functions over plain numbers, so that the rules are tested without a PDF.
 */

/** A text item: its string, where its baseline starts (points, origin at the page's bottom left), its width and font size. */
export interface PdfItem { str: string; x: number; y: number; width: number; size: number }

/** The measures of a document's body text, taken over all its pages: its font size, margins and line spacing. */
export interface BodyGeometry { size: number; left: number; right: number; lineGap: number }

interface Segment { text: string; x0: number; x1: number; /** Where the text starts after a list label ("1.", "a)", "-") set apart by a tab. */ textX: number }
interface VisualLine { y: number; size: number; x0: number; x1: number; textX: number; segments: Segment[]; text: string }

const LIST_LABEL = /^\s*(?:[IVX]+\s*[.\-–]|\d{1,2}(?:\.\d{1,2})*\.?|[a-zđ]\)|[-–+•])\s*$/u;

/** A gap wider than this many font sizes parts a line into cells (a tab after a list number is about 1.3). */
const CELL_GAP = 2.5;

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
    // (A mark that opens a footnote's line is set apart from its text: "[1] Có 38 dân tộc ...".)
    const str: string = raised ? `[${item.str.trim()}]${current ? "" : " "}` : item.str;
    const gap = current ? item.x - current.x1 : 0;
    if (!current || gap > CELL_GAP * line.size) {
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
export function bodyGeometry(pages: PdfItem[][]): BodyGeometry {
  const sizes: number[] = [];
  for (const page of pages) for (const item of page) for (let k = 0; k < Math.min(item.str.length, 200); k++) sizes.push(round(item.size));
  const size = mode(sizes) || 12;
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
  return {
    size,
    left: mode(lefts),
    // The right margin: where the longest lines end (justified lines all end there).
    right: rights[Math.floor(rights.length * 0.9)] ?? 0,
    lineGap: mode(gaps.filter((g) => g > 0.8 * size && g < 2 * size)) || 1.2 * size,
  };
}

const PAGE_NUMBER = /^(?:[-–]\s*)?(?:trang\s+)?\d{1,3}(?:\s*\/\s*\d{1,3})?(?:\s*[-–])?$/iu;
/** A sentence that ends: what follows it in a new line at the margin is a new paragraph even after a full line. */
const CLOSED = /[.:;!?)]$/u;
const OPENS_ITEM = /^(?:[IVX]+\s*[.\-–]|\d{1,2}(?:\.\d{1,2})*\.?\s|[a-zđ]\)|[-–+•])/u;

/** Whether a line's parts sit on both sides of the page's middle: a cell beside another. */
const straddles = (l: VisualLine, middle: number) => l.segments.length === 2 && l.segments[0].x1 < middle + 20 && l.segments[1].x0 > middle - 20;
const oneSide = (l: VisualLine, middle: number) => l.segments.length === 1 && (l.x1 < middle + 10 || l.x0 > middle - 10);

/**
 * The page's text: paragraphs and cells one per line, a data table's rows as "a | b | c", footnotes last.
 * `width` is the page's width in points.
 */
export function pageText(items: PdfItem[], width: number, body: BodyGeometry): { lines: string[]; notes: string[] } {
  const all = toLines(items);
  if (!all.length) return { lines: [], notes: [] };
  const middle = width / 2;
  const top = all[0].y, bottom = all[all.length - 1].y;
  // Running page numbers: alone on their line, at the top or the bottom of the page.
  const lines = all.filter((l, i) => !(PAGE_NUMBER.test(l.text) && (i === 0 || i === all.length - 1 || l.y >= top - 1 || l.y <= bottom + 1)));
  // Footnotes: in smaller type, below the last line of body type.
  const small = (l: VisualLine) => l.size < 0.88 * body.size;
  let lastBody = lines.length - 1;
  while (lastBody >= 0 && small(lines[lastBody])) lastBody--;
  const notes = lines.slice(lastBody + 1);
  const main = lines.slice(0, lastBody + 1);

  const out: string[] = [];
  /** The paragraph being read; `x0` is where its lines may start: its margin, or a list item's text (a hanging indent). */
  let paragraph: { text: string; last: VisualLine; x0: number; centred: boolean } | null = null;
  const endParagraph = () => { if (paragraph) out.push(paragraph.text); paragraph = null; };
  const gapOk = (a: VisualLine, b: VisualLine) => a.y - b.y <= 1.3 * Math.max(body.lineGap, 1.1 * a.size) && Math.abs(a.size - b.size) < 0.15 * a.size;
  const full = (l: VisualLine) => l.x1 >= body.right - 1.5 * l.size;
  const centred = (l: VisualLine) => l.x0 > body.left + l.size && l.x1 < body.right - l.size && Math.abs((l.x0 + l.x1) / 2 - (body.left + body.right) / 2) < 2 * l.size;

  for (let i = 0; i < main.length; i++) {
    const line = main[i];
    // Side-by-side cells (header block, signature block): the run of lines around them, read column by column.
    if (straddles(line, middle) || (line.segments.length === 1 && oneSide(line, middle) && i + 1 < main.length && straddles(main[i + 1], middle) && gapOk(line, main[i + 1]))) {
      let j = i;
      const left: string[] = [], right: string[] = [];
      let rows = 0;
      // (Set close together: a paragraph after the block, on one side of the page, is not the block's.)
      while (j < main.length && (straddles(main[j], middle) || oneSide(main[j], middle)) && (j === i || main[j - 1].y - main[j].y <= 1.5 * main[j].size)) {
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
      const goesOn = gapOk(p.last, line) && !(CLOSED.test(p.last.text) && OPENS_ITEM.test(text)) && (p.centred
        ? centred(line) && p.last.x1 - p.last.x0 > 0.6 * (body.right - body.left)
        : full(p.last) && line.x0 <= Math.max(p.x0, body.left) + 0.5 * line.size);
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
  // Footnotes: each opens with its mark; its wrapped lines are joined to it.
  const noteLines: string[] = [];
  for (const note of notes) {
    if (/^\[\d{1,3}\]/.test(note.text) || !noteLines.length) noteLines.push(note.text);
    else noteLines[noteLines.length - 1] += /\S-$/.test(noteLines[noteLines.length - 1]) ? note.text : ` ${note.text}`;
  }
  return { lines: out, notes: noteLines };
}

/**
 * The document's text: each page's paragraphs and then its footnotes, pages parted by "\f\n". A footnote
 * that runs over to the next page (its lines there have no mark) is joined to its start.
 */
export function documentText(pages: { items: PdfItem[]; width: number }[]): string {
  const body = bodyGeometry(pages.map((p) => p.items));
  const texts: string[][] = [];
  /** The text of the page before, when it ends with a footnote that may run over. */
  let endsWithNote: string[] | null = null;
  for (const page of pages) {
    const { lines, notes } = pageText(page.items, page.width, body);
    const runsOver: boolean = notes.length > 0 && !/^\[\d{1,3}\]/.test(notes[0]) && endsWithNote !== null;
    if (runsOver) endsWithNote![endsWithNote!.length - 1] += ` ${notes.shift()}`;
    const text = [...lines, ...notes];
    texts.push(text);
    endsWithNote = notes.length ? text : runsOver && !lines.length ? endsWithNote : null;
  }
  return texts.map((t) => t.join("\n")).join("\f\n");
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
      if (line.segments.length === 1 && line.x1 - line.x0 > 0.6 * (body.right - body.left) && line.x0 <= body.left + 2 * body.size) break;
    }
    const cells = new Array<string>(starts.length).fill("");
    for (const s of line.segments) { const c = columnOf(s.x0); cells[c] = cells[c] ? `${cells[c]} ${s.text}` : s.text; }
    if (cells[0] || !row) { flush(); row = cells; }
    else { const r: string[] = row; cells.forEach((c, k) => { if (c) r[k] = r[k] ? (/\S-$/.test(r[k]) ? r[k] + c : `${r[k]} ${c}`) : c; }); }
  }
  flush();
  return i;
}
