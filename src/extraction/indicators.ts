/**
 * Indicators: every target or reported value, with its context. Within a clause the quantities
 * come from `findQuantities`; the clause, its sentence, its paragraph and its section heading give
 *  - the year: "năm 2024" nearest before the figure in its sentence, else after it in its clause,
 *    else the year that frames its paragraph ("Năm 2023, ..."), else its heading's ("... ĐẾN NĂM 2030");
 *  - the kind: a plan states targets; a report states actual values, estimates where its sentence
 *    says "ước" or "dự kiến", targets where it says "phấn đấu" or "mục tiêu";
 *  - the yearly-rate flag: "/năm", "bình quân hằng năm", "mỗi năm".
 * A statement repeated word for word (a web page repeating its header) is kept once.
 */
import { foldVietnamese } from "../text/fold.js";
import { isIndicatorInProject, type ProjectScope } from "./projects.js";
import { findQuantities, type Comparator } from "./quantities.js";
import { endsBody, type Line } from "./segment.js";

export interface ExtractedIndicator {
  text: string;
  name: string;
  comparator: Comparator;
  min: number | null;
  max: number | null;
  unit: string | null;
  year: number | null;
  per_year: boolean;
  kind: "target" | "actual" | "estimate";
  section: string | null;
  start: number;
  end: number;
}

/** A year as a report dates its figures: "năm 2024", "tháng 10/2024", "ngày 09/9/2024". */
const YEAR = /(?:năm\s+|\d{1,2}\s*\/\s*(?:\d{1,2}\s*\/\s*)?)(\d{4})(?!\d)/giu;

/** A document cited with its date ("Nghị quyết số 11-NQ/TW, ngày 10/02/2022"): its year dates the document, not a figure. */
const CITATION_DATE = /\d+[-/][\p{Lu}Đ][^\s,;]*,?\s*(?:ngày\s+)?$/u;

function yearsIn(text: string): { year: number; at: number }[] {
  return [...text.matchAll(YEAR)]
    // A period ("năm 2021 - 2022") is a comparison base, not the year of a figure.
    .filter((m) => !/^\s*[-–]\s*\d{4}/.test(text.slice(m.index! + m[0].length)) && !CITATION_DATE.test(text.slice(Math.max(0, m.index! - 40), m.index!)))
    .map((m) => ({ year: Number(m[1]), at: m.index! })).filter((y) => y.year >= 1990 && y.year <= 2100);
}

/**
 * What governs a figure's year and kind: its sentence up to the figure, without the asides in
 * brackets that close before it ("ước năm 2024 ... đạt 98,3% (năm 2023 đạt 96,1%); ... đạt 87%":
 * the 87% is 2024's estimate). A figure inside brackets is governed by its bracket.
 */
function contextBefore(sentence: string, at: number): { text: string; bracket: string | null } {
  const head = sentence.slice(0, at);
  const open = head.lastIndexOf("(");
  if (open > head.lastIndexOf(")")) return { text: head.slice(0, open).replace(/\([^()]*\)/g, " "), bracket: head.slice(open + 1) };
  return { text: head.replace(/\([^()]*\)/g, " "), bracket: null };
}



/** A paragraph opening "Năm 2023, ...", "Dự kiến năm 2024, ...", "Ước năm 2024 ...": it frames every figure of the paragraph. */
interface Frame { year: number | null; estimate: boolean }
const FRAME = /^(?:[-–+]\s*)?(?:trong\s+|(dự kiến|ước)(?:\s+tính)?\s+|đến\s+)?năm\s+(\d{4})/iu;
const FOOTNOTE_MARKER = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\d{1,3}\]/gu;

export function extractIndicators(lines: Line[], documentKind: "plan" | "report", projectScopes: ProjectScope[] = []): ExtractedIndicator[] {
  const inProject = (at: number) => projectScopes.some((s) => at >= s.start && at < s.end);
  /** The frame and context where each footnote's marker stands: a footnote's figures are dated by it. */
  const markerContext = new Map<string, { frame: Frame; context: string }>();
  const frames = new Map<number, Frame>();
  const out: ExtractedIndicator[] = [];
  const seen = new Set<string>();
  /** A report's values with their year, once each: a report repeats its headline figures in footnotes and conclusions. */
  const seenValues = new Set<string>();
  let headingYear: number | null = null;
  let section: string | null = null;
  /** The open end of each line's last sentence, for a line that continues it after footnotes. */
  const trailingContext = new Map<number, string>();
  for (const [index, line] of lines.entries()) {
    if (endsBody(line)) break;
    if (line.text.includes("|")) continue; // a web page's metadata table
    if (line.kind === "roman" || line.kind === "number" || line.kind === "letter") {
      section = line.number;
      if (line.kind === "roman") headingYear = null;
      const y = yearsIn(line.body);
      const isHeading = line.body.length < 120 && !/[.;]$/.test(line.body);
      if (isHeading) { if (y.length) headingYear = y[y.length - 1].year; continue; }
    }
    const opening = FRAME.exec(line.body);
    const marker = line.footnote ? /^(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\d{1,3}\])/u.exec(line.text)?.[0] : undefined;
    const cited = marker ? markerContext.get(marker) : undefined;
    const frame: Frame = opening ? { year: Number(opening[2]), estimate: !!opening[1] }
      : line.continues !== null ? frames.get(line.continues) ?? { year: null, estimate: false }
      : cited?.frame ?? { year: null, estimate: false };
    frames.set(index, frame);
    const paragraphYear = frame.year;
    let carried = line.continues !== null ? trailingContext.get(line.continues) ?? "" : cited && !opening ? cited.context : "";
    let sentenceStart = 0;
    /** In a report, the year a paragraph last spoke of dates its later sentences ("Tính đến tháng 7/2024 ... Kết quả đạt 79 huy chương"). */
    let runningYear: number | null = null;
    for (const sentence of line.text.split(/(?<=\.)\s+/)) {
      const sOffset = line.text.indexOf(sentence, sentenceStart);
      sentenceStart = sOffset + sentence.length;
      for (const q of findQuantities(sentence)) {
        const clauseStart = Math.max(sentence.lastIndexOf(";", q.start) + 1, 0);
        if (inProject(line.start + sOffset + q.start) && !isIndicatorInProject(q, sentence.slice(clauseStart, q.start))) continue;
        const before = contextBefore(sentence, q.start);
        const bracketYears = before.bracket === null ? [] : yearsIn(before.bracket);
        const outer = carried + " " + before.text;
        const years = bracketYears.length ? bracketYears : yearsIn(outer);
        const clauseEnd = sentence.slice(q.end).search(/[;.]/);
        const later = yearsIn(sentence.slice(q.end, clauseEnd < 0 ? undefined : q.end + clauseEnd));
        const year = years.length ? years[years.length - 1].year : later.length ? later[0].year
          : (documentKind === "report" ? runningYear : null) ?? paragraphYear ?? headingYear;
        // The kind is read in the figure's own clause (an "ước" earlier in the sentence estimates another
        // figure), in a bracket that dates itself, or from a sentence or paragraph that opens with "Ước"/"Dự kiến".
        const kindContext = foldVietnamese(bracketYears.length ? before.bracket! : outer.slice(Math.max(0, outer.lastIndexOf(";") + 1)));
        // "Ước năm 2024 ..." frames the rest of its sentence; "ước đạt" estimates one figure.
        const opensEstimate = /^\s*(?:[-–+]\s*)?(uoc|du kien)/.test(foldVietnamese(sentence)) || /\b(uoc|du kien)( tinh)? (nam|den|het) /.test(foldVietnamese(outer));
        const kind = documentKind === "plan" ? "target"
          : /\b(uoc|du kien|du bao)\b/.test(kindContext) || (!bracketYears.length && (opensEstimate || (frame.estimate && !years.length))) ? "estimate"
          : /phan dau|muc tieu|de hoan thanh|chi tieu (de ra|giao)/.test(kindContext) ? "target" : "actual";
        const statement = sentence.slice(clauseStart, q.end).replace(/^[-–+\s]+/, "").trim();
        const perYear = q.perYear || /(binh quan )?(hang|hanh|moi) nam|binh quan\/nam/.test(foldVietnamese(statement));
        // The same statement repeated (a scraped page repeats its header) counts once; the same value in another clause does not.
        const key = [foldVietnamese(statement).replace(/\W+/g, " ").trim(), q.min, q.max, year, kind].join("|");
        const valueKey = [q.min, q.max, q.unit, year, kind].join("|");
        if (seen.has(key) || (documentKind === "report" && year !== null && seenValues.has(valueKey))) continue;
        seen.add(key);
        seenValues.add(valueKey);
        const start = line.start + sOffset + q.start;
        out.push({
          text: statement,
          name: sentence.slice(clauseStart, q.start).replace(/^[-–+\s]+/, "").replace(/\s*(đạt|là|chiếm|tăng|giảm|khoảng|trên|dưới|có)?\s*$/iu, "").trim() || statement,
          comparator: q.comparator, min: q.min, max: q.max, unit: q.unit, year, per_year: perYear, kind, section,
          start, end: line.start + sOffset + q.end,
        });
      }
      if (!line.footnote) {
        for (const m of sentence.matchAll(FOOTNOTE_MARKER)) {
          const context = carried + " " + contextBefore(sentence, m.index!).text;
          const year = yearsIn(context).pop()?.year ?? frame.year;
          markerContext.set(m[0], { frame: { year, estimate: frame.estimate }, context });
        }
      }
      const spoken = yearsIn(contextBefore(sentence, Infinity).text);
      if (spoken.length) runningYear = spoken[spoken.length - 1].year;
      carried = "";
    }
    const sentences = line.text.split(/(?<=\.)\s+/);
    trailingContext.set(index, (line.continues !== null ? trailingContext.get(line.continues) ?? "" : "") + " " + contextBefore(sentences[sentences.length - 1], Infinity).text);
  }
  return out;
}
