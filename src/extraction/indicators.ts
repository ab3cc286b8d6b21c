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

const YEAR = /năm\s+(\d{4})/giu;

function yearsIn(text: string): { year: number; at: number }[] {
  return [...text.matchAll(YEAR)].map((m) => ({ year: Number(m[1]), at: m.index! })).filter((y) => y.year >= 1990 && y.year <= 2100);
}

/**
 * What governs a figure's year and kind: its sentence up to the figure, without the asides in
 * brackets that close before it ("ước năm 2024 ... đạt 98,3% (năm 2023 đạt 96,1%); ... đạt 87%":
 * the 87% is 2024's estimate). A figure inside brackets is governed by its bracket.
 */
function contextBefore(sentence: string, at: number): string {
  const head = sentence.slice(0, at);
  const open = head.lastIndexOf("(");
  if (open > head.lastIndexOf(")")) return head.slice(open + 1);
  return head.replace(/\([^()]*\)/g, " ");
}


export function extractIndicators(lines: Line[], documentKind: "plan" | "report"): ExtractedIndicator[] {
  const out: ExtractedIndicator[] = [];
  const seen = new Set<string>();
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
    const frame = /^(?:[-–+]\s*)?(?:trong\s+|dự kiến\s+|ước\s+|đến\s+)?năm\s+(\d{4})/iu.exec(line.body);
    const paragraphYear = frame ? Number(frame[1]) : null;
    let carried = line.continues !== null ? trailingContext.get(line.continues) ?? "" : "";
    let sentenceStart = 0;
    for (const sentence of line.text.split(/(?<=\.)\s+/)) {
      const sOffset = line.text.indexOf(sentence, sentenceStart);
      sentenceStart = sOffset + sentence.length;
      for (const q of findQuantities(sentence)) {
        const context = carried + " " + contextBefore(sentence, q.start);
        const years = yearsIn(context);
        const clauseEnd = sentence.slice(q.end).search(/[;.]/);
        const later = yearsIn(sentence.slice(q.end, clauseEnd < 0 ? undefined : q.end + clauseEnd));
        const year = years.length ? years[years.length - 1].year : later.length ? later[0].year : paragraphYear ?? headingYear;
        const fc = foldVietnamese(context);
        const kind = documentKind === "plan" ? "target"
          : /\b(uoc|du kien|du bao)\b/.test(fc) ? "estimate"
          : /phan dau|muc tieu|de hoan thanh|chi tieu (de ra|giao)/.test(fc) ? "target" : "actual";
        const clauseStart = Math.max(sentence.lastIndexOf(";", q.start) + 1, 0);
        const statement = sentence.slice(clauseStart, q.end).replace(/^[-–+\s]+/, "").trim();
        const perYear = q.perYear || /(binh quan )?(hang|hanh|moi) nam|binh quan\/nam/.test(foldVietnamese(statement));
        // The same statement repeated (a scraped page repeats its header) counts once; the same value in another clause does not.
        const key = [foldVietnamese(statement).replace(/\W+/g, " ").trim(), q.min, q.max, year, kind].join("|");
        if (seen.has(key)) continue;
        seen.add(key);
        const start = line.start + sOffset + q.start;
        out.push({
          text: statement,
          name: sentence.slice(clauseStart, q.start).replace(/^[-–+\s]+/, "").replace(/\s*(đạt|là|chiếm|tăng|giảm|khoảng|trên|dưới|có)?\s*$/iu, "").trim() || statement,
          comparator: q.comparator, min: q.min, max: q.max, unit: q.unit, year, per_year: perYear, kind, section,
          start, end: line.start + sOffset + q.end,
        });
      }
      carried = "";
    }
    const sentences = line.text.split(/(?<=\.)\s+/);
    trailingContext.set(index, (line.continues !== null ? trailingContext.get(line.continues) ?? "" : "") + " " + contextBefore(sentences[sentences.length - 1], Infinity));
  }
  return out;
}
