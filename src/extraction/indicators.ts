/**
 * Indicators: every target or reported value, with its context. Within a clause the quantities
 * come from `findQuantities`; the clause, its sentence, its paragraph and its section heading give
 *  - the year: "năm 2024" nearest before the figure in its sentence, else after it in its clause (not in
 *    a bracket of its own), else the year that frames its paragraph ("Năm 2023, ..."), else its heading's
 *    ("... ĐẾN NĂM 2030"), else, in a report, the year its title reports on;
 *  - the kind: a plan states targets (but its footnotes, and its sentences about a year before its own,
 *    the present, read as a report's); a report states actual values, estimates where its sentence
 *    says "ước" or "dự kiến", targets where it says "phấn đấu" or "mục tiêu";
 *  - the yearly-rate flag: "/năm", "bình quân hằng năm", "mỗi năm".
 * A statement repeated word for word (a web page repeating its header) is kept once.
 */
import { foldVietnamese, type FoldedText } from "../text/fold.js";
import { nameFigure } from "./indicator-names.js";
import { allMatches } from "../text/matches.js";
import { isIndicatorInProject, type ProjectScope } from "./projects.js";
import { findQuantities, type Comparator, type QuantityFinder } from "./quantities.js";
import { bodyLines, isHeading, markersIn, NO_MARKERS, sentencesOf, type Line } from "./segment.js";
import type { TableWork } from "./tasks.js";
import { ReportParts } from "./report-parts.js";

export interface ExtractedIndicator {
  text: string;
  name: string;
  comparator: Comparator;
  min: number | null;
  max: number | null;
  unit: string | null;
  year: number | null;
  per_year: boolean;
  /** A yearly average over these years ("bình quân hằng năm thời kỳ 2021 - 2030"). */
  period: { from: number; to: number } | null;
  /** Less is better: a level to bring down to ("giảm tỷ lệ hộ nghèo xuống còn 2%", "dưới 2%", "không quá 2%"). */
  direction: "higher" | "lower";
  kind: "target" | "actual" | "estimate";
  section: string | null;
  start: number;
  end: number;
  /** The agency named to follow it, as written: an indicator table's monitoring agency, the lead of a task row whose work states it. */
  owner?: string | null;
}

/** An average over a period, in the folded clause before the figure: "bình quân (hằng năm) thời kỳ/giai đoạn 2021 - 2030", either order; "bình quân đầu người" (per head) is no average over years. */
const AVERAGE_PERIOD = /binh quan(?! dau nguoi)\D{0,40}?(?:thoi ky|giai doan)\s*(\d{4})\s*[-–]\s*(\d{4})|(?:thoi ky|giai doan)\s*(\d{4})\s*[-–]\s*(\d{4})\D{0,60}?binh quan(?! dau nguoi)/;
/** A level brought down to the figure that ends the folded clause: "giảm ... xuống (còn/dưới) 3%", "hạ ... xuống 2 - 3%". */
const LOWERED_TO = /(?:giam|ha)\b.*\b(?:xuong|con)\b(?:\s+(?:duoi|khoang))?\s*[\d.,]+(?:\s*-\s*[\d.,]+)?\D{0,20}$/;

export function periodOf(foldedClause: string): { from: number; to: number } | null {
  const m = AVERAGE_PERIOD.exec(foldedClause);
  if (!m) return null;
  const from = Number(m[1] ?? m[3]), to = Number(m[2] ?? m[4]);
  return from < to ? { from, to } : null;
}

/** A year as a report dates its figures: "năm 2024", "tháng 10/2024", "ngày 09/9/2024". */
const YEAR = /(?:năm\s+|\d{1,2}\s*\/\s*(?:\d{1,2}\s*\/\s*)?)(\d{4})(?!\d)/giu;

/** A figure's clause that ends "từ 8,92% năm 2021 xuống (còn)": its last year dates the value it starts from, not the figure. */
const FROM_VALUE_YEAR = /từ\s+[\d.,]+\s*[%‰]?[^\d;]{0,30}?năm\s+\d{4}\s*,?\s*(?:xuống|lên|tăng lên|giảm xuống)(?:\s+(?:còn|mức))?\s*$/iu;

const COMPARED_WITH = /so\s+với\s+(?:(?:cuối|đầu|cùng kỳ)\s+)?$/iu;

/** A document cited with its date ("Nghị quyết số 11-NQ/TW, ngày 10/02/2022"): its year dates the document, not a figure. */
const CITATION_DATE = /\d+[-/][\p{Lu}Đ][^\s,;]*,?\s*(?:ngày\s+)?$/u;

function yearsIn(text: string): { year: number; at: number }[] {
  const out: { year: number; at: number }[] = [];
  if (!/\d{4}/.test(text)) return out; // every year has four digits, and the pattern is slower to find that out
  for (const m of allMatches(YEAR, text)) {
    const year = Number(m[1]), at = m.index;
    if (year < 1990 || year > 2100) continue;
    // A period ("năm 2021 - 2022") or a year compared with ("tăng 1,35 lần so với năm 2020") is a comparison base,
    // not the year of a figure.
    if (/^\s*[-–]\s*\d{4}/.test(text.slice(at + m[0].length)) || CITATION_DATE.test(text.slice(Math.max(0, at - 40), at))
      || COMPARED_WITH.test(text.slice(Math.max(0, at - 24), at))) continue;
    out.push({ year, at });
  }
  return out;
}

/**
 * How far around a figure its sentence is read for its clause, year, kind and name. A real sentence is
 * shorter; a crafted "sentence" of a million figures would otherwise be read a million times over.
 */
const CONTEXT_CHARS = 1000;

/** The first year in a figure's clause after it (the figure ends at `at`). */
function yearLaterInClause(sentence: string, at: number): number | undefined {
  const after = sentence.slice(at, at + CONTEXT_CHARS);
  // An aside in brackets after the figure dates its own figures: "ước đạt 6,85% (năm 2024 đạt 6,1%)" is no figure of 2024.
  const clauseEnd = after.search(/[;.(]/);
  return yearsIn(clauseEnd < 0 ? after : after.slice(0, clauseEnd))[0]?.year;
}

/**
 * What governs a figure's year and kind: its sentence up to the figure, without the asides in
 * brackets that close before it ("ước năm 2024 ... đạt 98,3% (năm 2023 đạt 96,1%); ... đạt 87%":
 * the 87% is 2024's estimate). A figure inside brackets is governed by its bracket.
 */
function contextBefore(sentence: string, at: number): { text: string; bracket: string | null } {
  const head = sentence.slice(0, at);
  const open = head.lastIndexOf("(");
  if (open < 0) return { text: head, bracket: null }; // no aside to drop, and most sentences have none
  if (open > head.lastIndexOf(")")) return { text: head.slice(0, open).replace(/\([^()]*\)/g, " "), bracket: head.slice(open + 1) };
  return { text: head.replace(/\([^()]*\)/g, " "), bracket: null };
}

/** A paragraph opening "Năm 2023, ...", "Dự kiến năm 2024, ...", "Ước năm 2024 ...": it frames every figure of the paragraph. */
interface Frame { year: number | null; estimate: boolean }
const FRAME = /^(?:[-–+]\s*)?(?:trong\s+|(dự kiến|ước)(?:\s+tính)?\s+|đến\s+)?năm\s+(\d{4})/iu;

/** "(cùng kỳ) năm trước (đạt)" right before a figure: of the year before ("So với năm trước, ... tăng 12%" is this year's). */
const LAST_YEAR = /(?:^|[^a-z])nam (?:truoc|ngoai)(?:,? (?:(?:chi )?dat|la|co))?$/;

/** Between a rate's defining figure and its value: "(trở lên) đạt", "là", "chiếm", "ở mức". */
const DEFINES_COUNTED = /^(?:\s*\/\s*năm)?\s*(?:trở\s+(?:lên|xuống)\s*)?(?:đạt|là|chiếm|ở mức)(?:\s+(?:khoảng|trên|dưới|tối thiểu|ít nhất|từ))?\s*$/iu;

/**
 * A rate written first whose counted items a threshold defines, after it: "100% tàu cá có chiều dài từ 15 mét trở lên lắp đặt ...". The words
 * between the rate and the threshold (no figure, no clause break), then "từ", "trên" or "dưới", the threshold and its unit, "trở lên" or
 * "trở xuống" (read on the words between and the threshold's own, as it may hold its "từ" and "trở lên"); or "ít nhất"/"tối thiểu" and a
 * count: "70% phụ nữ mang thai được tầm soát ít nhất 4 loại bệnh tật bẩm sinh" (not after "và": another figure).
 */
const QUALIFIED = /^\s+[^\d,;.:()]{2,60}(?:\s(?:từ|trên|dưới)\s+\d[\d.,]*\s*[^\d,;.:()]{0,20}?\s*trở\s+(?:lên|xuống)(?![\p{L}])|(?<!\s(?:và|hoặc))\s(?:ít nhất|tối thiểu)\s+\d[\d.,]*\s+\p{L})/u;

/** "ước đạt", "ước tính đạt", "ước" right before a figure (folded): an estimate. */
const ESTIMATED_BEFORE = /(?:^|[^a-z0-9])uoc(?: tinh)?(?: dat)?\s*$/;

/** "(tính) đến ngày 30/9/2025", "đến hết tháng 9/2025": the date a result stands at. */
const AS_OF = /(?:^|[^a-z])(?:tinh )?den (?:het )?(?:ngay (\d{1,2})\/(\d{1,2})\/(\d{4})|thang (\d{1,2})\/(\d{4}))/g;

/**
 * "Đến nay, dự án đã giải ngân 320 tỷ đồng": where things stand as the document is written, said where its clause opens
 * ("Để đáp ứng yêu cầu chuyển đổi số hiện nay, 100% cơ quan ..." sets a target).
 */
const AS_OF_NOW = /(?:^|[;:]\s*)(?:[-–+]\s*)?(?:tinh )?(?:den nay|hien nay)(?![a-z])/;

/**
 * Whether a sentence states where things stood at a date before `issuedOn` (ISO), or now: "đến ngày 30/9/2025, toàn
 * tỉnh giải ngân được 4.215,6 tỷ đồng" in a letter of 15/10/2025 reports a result, as a report does.
 */
function asOfBefore(text: string, issuedOn: string | null): boolean {
  // (Most figures' sentences have neither word: they are not folded for nothing.)
  if (!/đến|hiện/iu.test(text)) return false;
  const folded = foldVietnamese(text).trimStart();
  if (AS_OF_NOW.test(folded)) return true;
  if (issuedOn === null || !folded.includes("den ")) return false;
  for (const m of folded.matchAll(AS_OF)) {
    const [year, month, day] = m[3] ? [m[3], m[2], m[1]] : [m[5], m[4], "31"];
    const date = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
    if (date < issuedOn) return true;
  }
  return false;
}

/** The end of `text` within `limit` characters, from the start of a word (a word cut at the limit is left out). */
function wordsWithin(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const tail = text.slice(-limit), space = tail.search(/\s/);
  return space < 0 ? "" : tail.slice(space);
}

export function extractIndicators(
  lines: Line[], documentKind: "plan" | "report", projectScopes: ProjectScope[] = [], quantities: QuantityFinder = findQuantities,
  document?: FoldedText, issuedYear: number | null = null, titleYear: number | null = null, contentLines: Line[] = bodyLines(lines),
  /** The date the document was issued (ISO), to tell a figure "as of" a date before it ("đến ngày 30/9/2025, ... đạt 52,3%"). */
  issuedOn: string | null = null,
  /** The work cells of the task tables' rows: their figures are targets as a paragraph's are ("Số hóa 100% hồ sơ ... | Sở Tài chính"). */
  tableWork: TableWork[] = [],
): ExtractedIndicator[] {
  /** The fold of the part of the text at `start`: cut from the document's fold when there is one. */
  const foldAt = (part: string, start: number) => (document ? document.foldOf(part, start) : foldVietnamese(part));
  const inProject = (at: number) => projectScopes.some((s) => at >= s.start && at < s.end);
  /** The frame and context where each footnote's marker stands: a footnote's figures are dated by it (only footnotes read it). */
  const hasFootnotes = lines.some((l) => l.footnote);
  const markerContext = new Map<string, { frame: Frame; context: string }>();
  const frames = new Map<number, Frame>();
  const out: ExtractedIndicator[] = [];
  const seen = new Set<string>();
  /** A report's values with their year, once each: a report repeats its headline figures in footnotes and conclusions. */
  const seenValues = new Set<string>();
  let headingYear: number | null = null;
  let section: string | null = null;
  /** The open end of each line's last sentence, for a line that continues it after footnotes (kept for those lines only). */
  const trailingContext = new Map<number, string>();
  const continued = new Set(lines.map((l) => l.continues));
  const content = new Set(contentLines);
  /** Each task row's work cell, read as a line of its own, dated by the row's deadline where the cell gives no year. */
  const workOfRow = new Map<Line, { line: Line; year: number | null; section: string; lead: string }>();
  for (const w of tableWork) {
    const end = w.work.start + w.work.text.length;
    workOfRow.set(w.row, {
      line: { text: w.work.text, start: w.work.start, end, kind: "text", number: null, body: w.work.text, footnote: false, continues: null },
      year: w.deadline === null ? null : yearsIn(w.deadline).pop()?.year ?? null,
      section: w.section,
      lead: w.lead,
    });
  }
  /** A report's parts: the figures of its work ahead are targets, of the year its heading names. */
  const reportParts = new ReportParts(documentKind);
  for (const [index, row] of lines.entries()) {
    if (!content.has(row)) continue;
    // (Other tables' rows are read by their own stages, or are a web page's metadata table; no row opens a report's part.)
    const inTable = row.text.includes("|");
    const work = inTable ? workOfRow.get(row) : undefined;
    if (inTable && !work) continue;
    if (!inTable) reportParts.open(row, documentKind === "report");
    const line = work?.line ?? row;
    if (isHeading(line)) {
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
      : work ? { year: work.year, estimate: false }
      : line.continues !== null ? frames.get(line.continues) ?? { year: null, estimate: false }
      : cited?.frame ?? { year: null, estimate: false };
    frames.set(index, frame);
    const paragraphYear = frame.year;
    let carried = line.continues !== null ? trailingContext.get(line.continues) ?? "" : cited && !opening ? cited.context : "";
    /** In a report, the year a paragraph last spoke of dates its later sentences ("Tính đến tháng 7/2024 ... Kết quả đạt 79 huy chương"). */
    let runningYear: number | null = null;
    const sentences = sentencesOf(line);
    // (The line's footnote markers, found once for its sentences and read in order with them: the next not yet read.)
    const markers = hasFootnotes && !line.footnote ? markersIn(line) : NO_MARKERS;
    let nextMarker = 0;
    for (const { text: sentence, start: sOffset } of sentences) {
      // Whether the sentence opens with "Ước"/"Dự kiến", once it is asked.
      let opensWithEstimate: boolean | undefined;
      const figures = quantities(sentence);
      /** The figure before in the clause: where its words end, its name and unit. */
      let previous: { end: number; name: string; unit: string | null; clause: number } | null = null;
      /** The last figure named in the clause before, and where its words end. */
      let earlierClause: { end: number; name: string; unit: string | null } | null = null;
      let parent: string | null = null;
      /** The figure whose threshold, the next figure, defines what it counts (see QUALIFIED): that one names it, and is none. */
      let qualified = -1;
      for (const [n, q] of figures.entries()) {
        if (n === qualified + 1 && qualified >= 0) continue;
        const threshold = figures[n + 1];
        if (q.unit === "%" && threshold && QUALIFIED.test(sentence.slice(q.end, threshold.start) + sentence.slice(threshold.start, threshold.end + 12))) qualified = n;
        // The sentence up to the figure, within reach (see CONTEXT_CHARS).
        const reach = Math.max(0, q.start - CONTEXT_CHARS), near = sentence.slice(reach, q.start);
        const clauseStart = reach + near.lastIndexOf(";") + 1;
        if (previous && previous.clause !== clauseStart) { earlierClause = previous; previous = null; }
        // (Only the clause right before: a clause without a figure between them says something else.)
        if (earlierClause && sentence.slice(earlierClause.end, Math.max(earlierClause.end, clauseStart - 1)).includes(";")) earlierClause = null;
        // "Tỷ lệ phụ nữ có thai được tiêm vắc xin uốn ván từ 2 mũi trở lên đạt 90%": a figure that says who a rate counts,
        // right before the rate's own value, is part of its name (and the rate's name is read from the clause's start).
        const next = figures[n + 1];
        if (next && DEFINES_COUNTED.test(sentence.slice(q.end, next.start)) && /^[-–+\s]*(?:tỷ lệ|số)\s/iu.test(sentence.slice(clauseStart))) continue;
        const from = Math.max(clauseStart, previous?.end ?? 0);
        const own = sentence.slice(from, q.start);
        const after = sentence.slice(q.end, Math.min(figures[n === qualified ? n + 2 : n + 1]?.start ?? sentence.length, q.end + CONTEXT_CHARS));
        const sentenceStart = line.start + sOffset;
        const named = nameFigure({
          before: own, after, unit: q.unit,
          inBracket: own.lastIndexOf("(") > own.lastIndexOf(")"), previous, earlierClause, parent, context: from === 0 ? carried : "",
          foldedBefore: document?.keptFoldOf(own, sentenceStart + from), foldedAfter: document?.keptFoldOf(after, sentenceStart + q.end),
        });
        parent = named.parent;
        // (A share or change of the figure before leaves that figure the one before the next: "đạt 104% dự toán Trung ương giao, bằng 98% dự toán HĐND tỉnh giao".)
        previous = named.name ? { end: q.end + named.afterUsed, name: named.of?.name ?? named.name, unit: named.of ? named.of.unit : q.unit, clause: clauseStart } : null;
        if (inProject(line.start + sOffset + q.start) && !isIndicatorInProject(q, sentence.slice(clauseStart, q.start))) continue;
        const before = contextBefore(near, near.length);
        const bracketYears = before.bracket === null ? [] : yearsIn(before.bracket);
        const outer = carried + " " + before.text;
        // "giảm từ 8,92% năm 2021 xuống còn 5,86% năm 2023": the year before "xuống" is the starting value's.
        const years = bracketYears.length ? bracketYears : FROM_VALUE_YEAR.test(outer) ? yearsIn(outer).slice(0, -1) : yearsIn(outer);
        // The clause up to the figure, without a leading dash (no space is left at its start to trim).
        const clause = sentence.slice(clauseStart, q.end), dash = /^[-–+\s]*/.exec(clause)![0].length;
        const statement = clause.slice(dash).trimEnd();
        const foldedStatement = foldAt(statement, line.start + sOffset + clauseStart + dash);
        const period = periodOf(foldedStatement);
        // (An average over a period, "bình quân giai đoạn 2022 - 2023 đạt 3,2%", is of the period's last year.)
        const dated = years.length ? years[years.length - 1].year
          : yearLaterInClause(sentence, q.end) ?? period?.to ?? (documentKind === "report" ? runningYear : null) ?? paragraphYear
            // (A report's work ahead is of the year its heading names: "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027".)
            ?? (reportParts.ahead ? reportParts.year : null) ?? headingYear
            // A figure that nothing dates is of the year the title names: the year a report is about ("Báo cáo kết quả ...
            // năm 2025"), the year a one-year plan is for ("Kế hoạch thực hiện ... năm 2025").
            ?? titleYear;
        // "(cùng kỳ năm trước đạt 78,2%)": the year before the one the figure would otherwise be of.
        const year = dated !== null && !years.length && /năm (?:trước|ngoái)/iu.test(own) && LAST_YEAR.test(foldVietnamese(own).replace(/\s+/g, " ").trim()) ? dated - 1 : dated;
        let kind: ExtractedIndicator["kind"] = "target";
        // A plan states the present too: in its footnotes, and in a sentence about a year before its own
        // ("Năm 2024, tỷ lệ ... đạt 61,2%" in a plan of 2025). Those figures are read as a report's.
        // (A report's work ahead states targets, but for a figure it dates before the year ahead, or before the report's year where
        // its heading names none: "năm 2026 đạt 95%, năm 2027 phấn đấu ...".)
        const aheadFrom = reportParts.year ?? issuedYear;
        const ahead = documentKind === "report" && reportParts.ahead && !(years.length && year !== null && aheadFrom !== null && year < aheadFrom);
        if (!ahead && (documentKind === "report" || line.footnote || (year !== null && issuedYear !== null && year < issuedYear)
          || asOfBefore(outer, issuedOn))) {
          // The kind is read in the figure's own clause (an "ước" earlier in the sentence estimates another
          // figure), in a bracket that dates itself, or from a sentence or paragraph that opens with "Ước"/"Dự kiến".
          // (`outer` is mostly the sentence up to the figure: its fold, and its last clause's, are then cut from the document's.)
          const foldedOuter = document?.regular && carried === "" && before.bracket === null && before.text.length === near.length
            ? " " + document.foldOf(before.text, line.start + sOffset + reach) : null;
          const lastClause = Math.max(0, outer.lastIndexOf(";") + 1);
          const kindContext = bracketYears.length ? foldVietnamese(before.bracket!)
            : foldedOuter !== null ? foldedOuter.slice(lastClause) : foldVietnamese(outer.slice(lastClause));
          const estimate = /\b(uoc|du kien|du bao)\b/.test(kindContext) || (!bracketYears.length && (
            // "Ước năm 2024 ..." frames the rest of its sentence; "ước đạt" estimates one figure. (Folded only when asked.)
            (opensWithEstimate ??= /^\s*(?:[-–+]\s*)?(uoc|du kien)/.test(foldAt(sentence, line.start + sOffset)))
            || /\b(uoc|du kien)( tinh)? (nam|den|het) /.test(foldedOuter ?? foldVietnamese(outer))
            || (frame.estimate && !years.length)));
          // ("vượt kế hoạch (kế hoạch 8%)": the bracket states the planned value, a target.)
          const planned = before.bracket !== null && /^\s*(?:ke hoach|kh|chi tieu|muc tieu)(?![a-z])/.test(foldVietnamese(before.bracket));
          kind = planned ? "target" : estimate ? "estimate" : /phan dau|muc tieu|de hoan thanh|chi tieu (de ra|giao)/.test(kindContext) ? "target" : "actual";
        } else if (documentKind === "plan" && ESTIMATED_BEFORE.test(foldAt(own, sentenceStart + from))) {
          // "Tăng trưởng GDP quý I năm 2026 ước đạt 7,2%" in a resolution of April 2026: an estimate of the present, whatever its year.
          kind = "estimate";
        }
        const perYear = q.perYear || period !== null || /(binh quan )?(hang|hanh|moi) nam|binh quan\/nam/.test(foldedStatement);
        // The same statement repeated (a scraped page repeats its header) counts once; the same value in another clause does not.
        // (Non-word runs are made one space, and the parts joined as `[...].join("|")` would join them, null as "":
        // written so, it costs less than replacing every single space and building an array.)
        const key = `${foldedStatement.replace(/\W\W+|[^\w ]/g, " ").trim()}|${q.min ?? ""}|${q.max ?? ""}|${year ?? ""}|${kind}`;
        // A report restating a value (the same measure: its name's first words alike) states it once; two measures of one value
        // ("100% các xã đạt ...; tỷ lệ chất thải y tế được xử lý đạt 100%") are two.
        // (Only a report reads it: a plan's is not made.)
        const valueKey = documentKind === "report" ? `${q.min ?? ""}|${q.max ?? ""}|${q.unit ?? ""}|${year ?? ""}|${kind}|${foldVietnamese(named.name).split(/[^a-z0-9]+/).filter(Boolean).slice(0, 3).join(" ")}` : null;
        if (seen.has(key) || (valueKey !== null && year !== null && seenValues.has(valueKey))) continue;
        seen.add(key);
        if (valueKey !== null) seenValues.add(valueKey);
        const start = line.start + sOffset + q.start;
        out.push({
          text: statement,
          // (A work cell of one figure states it whole: "Nạo vét 25 km kênh tiêu úng trọng điểm" names it better than its verb.)
          name: work && sentences.length === 1 && figures.length === 1 ? line.text : named.name || statement,
          comparator: q.comparator, min: q.min, max: q.max, unit: q.unit, year, per_year: perYear, period,
          direction: q.comparator === "<" || q.comparator === "<=" || LOWERED_TO.test(foldedStatement) ? "lower" : "higher", kind, section: work?.section ?? section,
          start, end: line.start + sOffset + q.end,
          ...(work ? { owner: work.lead } : {}),
        });
      }
      for (; nextMarker < markers.length && markers[nextMarker].index < sOffset + sentence.length; nextMarker++) {
        const m = markers[nextMarker];
        if (m.index < sOffset) continue; // between sentences
        const at = m.index - sOffset, reach = Math.max(0, at - CONTEXT_CHARS);
        const context = carried + " " + contextBefore(sentence.slice(reach, at), at - reach).text;
        const year = yearsIn(context).pop()?.year ?? frame.year;
        markerContext.set(m[0], { frame: { year, estimate: frame.estimate }, context });
      }
      if (documentKind === "report") {
        const spoken = yearsIn(contextBefore(sentence, sentence.length).text);
        if (spoken.length) runningYear = spoken[spoken.length - 1].year;
      }
      carried = "";
    }
    if (continued.has(index)) {
      const last = sentences[sentences.length - 1].text;
      // (What the lines before carried is kept within reach, as a figure's own sentence is, from a word's start: lines that
      // each continue the one before, a column of figures one per line, would otherwise carry all the lines before them,
      // read again at every figure. This line's own words are kept whole.)
      const before = line.continues !== null ? trailingContext.get(line.continues) ?? "" : "";
      trailingContext.set(index, wordsWithin(before, CONTEXT_CHARS) + " " + contextBefore(last, last.length).text);
    }
  }
  return out;
}
