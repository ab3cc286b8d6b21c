/**
 * Segmenting a document's text into lines that keep their offsets, each classified: a heading
 * with its number as written (I, 1, 1.1, a), a bullet, or running text.
 */
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
const NUMBER = /^(\d{1,2}(?:\.\d{1,2}){0,3})\s*[.)]?\s+(?=\S)/;
const LETTER = /^([a-zđ])\s*[).]\s*(?=\S)/;
const BULLET = /^[-–+•*]\s*(?=\S)/;

export function classify(text: string): Pick<Line, "kind" | "number" | "body"> {
  let m = ROMAN.exec(text);
  if (m && m[1]) return { kind: "roman", number: m[1], body: text.slice(m[0].length) };
  m = NUMBER.exec(text);
  // "2030 ..." or "15/12" at the start of a line are not headings: at most two digits per part.
  if (m) return { kind: "number", number: m[1], body: text.slice(m[0].length) };
  m = LETTER.exec(text);
  if (m) return { kind: "letter", number: m[1], body: text.slice(m[0].length) };
  if (BULLET.test(text)) return { kind: "bullet", number: null, body: text.replace(BULLET, "") };
  return { kind: "text", number: null, body: text };
}

/** The signature block and the recipients' list close a document's body: nothing after them is content. */
export const endsBody = (line: Line) => /^(nơi nhận|tm\.|t\/m|kt\.)/iu.test(line.text);

const FOOTNOTE = /^(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\d{1,3}\])\s*/u;
/** A sentence left open: not ended by a full stop, colon, semicolon, or closing bracket. */
const OPEN_END = /[\p{L}\d,–-]$/u;

/** Splits text into non-empty lines with offsets into `text`, marking footnotes and continued sentences. */
export function segmentLines(text: string): Line[] {
  const lines: Line[] = [];
  let offset = 0;
  for (const raw of text.split("\n")) {
    // Conversions leave emphasis markers ("**CHỦ TỊCH**") and web scrapes table pipes ("Số: 23/KH-UBND |").
    const trimmed = raw.trim().replace(/\s*\|$/, "").replace(/^[*_]+|[*_]+$/g, "").trim();
    if (trimmed && trimmed !== "|") {
      // Only marks were cut from the ends, so the line's text stands whole inside the raw line.
      const start = offset + raw.indexOf(trimmed);
      const footnote = FOOTNOTE.test(trimmed);
      lines.push({ text: trimmed, start, end: start + trimmed.length, ...classify(trimmed), footnote, continues: null });
    }
    offset += raw.length + 1;
  }
  for (const [i, line] of lines.entries()) {
    if (line.footnote || line.kind !== "text" || !/^[\p{Ll}\d]/u.test(line.text)) continue;
    let j = i - 1;
    while (j >= 0 && lines[j].footnote) j--;
    if (j >= 0 && j < i - 1 && OPEN_END.test(lines[j].text)) line.continues = j;
  }
  return lines;
}
