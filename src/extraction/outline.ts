/**
 * A document's outline: its numbered headings as a tree. Each numbering style has its rank in the
 * genre's hierarchy (Phần > Chương > Mục > I > Điều > 1 > 1.1 > 1.1.1 > a): a heading closes the open
 * sections of its rank or deeper and opens a section inside the rest. So "I. / 1. / a)" and
 * "1. / 1.1." and "Chương I / Điều 1" nest as written, and a missing heading (no "I." before "1.",
 * or 1, 2, 4) leaves a gap, not a wrong tree. Each part of the content (the body, and each part attached
 * after the signature: an action programme, an appendix) has a tree of its own. A heading repeated with the lines after it (a scrape or
 * conversion that copied a block twice) counts once.
 */
import { bodyParts, isHeading, type BodyPart, type Line } from "./segment.js";

export interface OutlineSection {
  /** The number as written: "II", "2.1", "a", "Điều 3", "Chương I". */
  number: string;
  /** The heading's words, up to its first full stop or colon (at most TITLE_LENGTH characters). */
  title: string | null;
  /** 0 for the outermost headings. */
  level: number;
  /** Index of the enclosing section in the outline, or null. */
  parent: number | null;
  /** The section's span in the text: from its heading to the next heading at its level or above (or the end of the body). */
  start: number;
  end: number;
}

const TITLE_LENGTH = 200;
/** Lines compared (the heading and the line after it) to tell a copied block from a heading that merely recurs ("1. Về kinh tế" under targets and under tasks). */
const REPEAT_WINDOW = 2;
/** Headings that name their unit: "Phần I", "Chương II", "Mục 1", "Điều 3." (decisions and regulations). */
const NAMED_UNIT = /^(phần|chương|mục|điều)\s+([IVXLC]+|\d{1,3})(?![\p{L}\d])\s*[.:\-–]?\s*/iu;
/** Ranks of the numbering styles, outermost first. */
const RANK: Record<string, number> = { Phần: 0, Chương: 1, Mục: 2, roman: 3, Điều: 4, number: 5, letter: 9 };

interface Heading { rank: number; number: string; body: string }

function headingOf(line: Line): Heading | null {
  const named = NAMED_UNIT.exec(line.text);
  if (named) {
    const unit = named[1][0].toUpperCase() + named[1].slice(1).toLowerCase();
    return { rank: RANK[unit], number: `${unit} ${named[2]}`, body: line.text.slice(named[0].length) };
  }
  if (!isHeading(line) || line.footnote) return null;
  // "1.", "1.1." and "1.1.1." nest by their dots.
  const rank = line.kind === "number" ? RANK.number + line.number!.split(".").length - 1 : RANK[line.kind];
  return { rank, number: line.number!, body: line.body };
}

function titleOf(body: string): string | null {
  const cut = body.search(/[.:;](\s|$)/u);
  const title = (cut < 0 ? body : body.slice(0, cut)).trim();
  if (!title) return null;
  return title.length > TITLE_LENGTH ? `${title.slice(0, TITLE_LENGTH - 1)}…` : title;
}

/** `parts`: `bodyParts(lines, textLength)`, when the caller has them. */
export function extractOutline(lines: Line[], textLength: number, parts: BodyPart[] = bodyParts(lines, textLength)): OutlineSection[] {
  const sections: OutlineSection[] = [];
  /**
   * Each heading with the lines after it (REPEAT_WINDOW in all), as met: the same again is a copy. (By the heading's text,
   * the texts after it joined: a key of the whole block joined would be a new string to hash at every heading.)
   */
  const blocks = new Map<string, Set<string>>();
  for (const part of parts) {
    /** The open sections, outermost first. */
    const open: { rank: number; index: number }[] = [];
    const body = part.lines;
    for (const [i, line] of body.entries()) {
      if (line.text.includes("|")) continue; // a table row's number is the row's, not a heading
      const heading = headingOf(line);
      if (!heading) continue;
      const after = body.slice(i + 1, i + REPEAT_WINDOW).map((l) => l.text).join("\n");
      let afters = blocks.get(line.text);
      if (afters?.has(after)) continue;
      if (!afters) blocks.set(line.text, (afters = new Set()));
      afters.add(after);
      while (open.length && open[open.length - 1].rank >= heading.rank) sections[open.pop()!.index].end = line.start;
      const parent = open.length ? open[open.length - 1].index : null;
      open.push({ rank: heading.rank, index: sections.length });
      sections.push({ number: heading.number, title: titleOf(heading.body), level: open.length - 1, parent, start: line.start, end: part.end });
    }
  }
  return sections;
}
