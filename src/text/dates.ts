/**
 * Dates and deadlines as Vietnamese documents write them.
 * "26/01/2023", "ngày 17 tháng 7 năm 2024", "tháng 5 năm 2024" (a draft whose day is blank),
 * "trước ngày 15/12 hằng năm" (a yearly deadline).
 */
import { foldPhrase } from "./fold.js";

export type CalendarDate = { year: number; month: number; day: number };

/** True when the day exists in that month and year (31/02/2024 does not). */
export function isValidCalendarDate({ year, month, day }: CalendarDate): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  // (By the calendar's rule where it applies: a Date made for each deadline cost as much as reading it. Date.UTC reads
  // years 0-99 as 1900-1999, and rolls a month out of range over: those are left to it.)
  if (Number.isInteger(year) && year >= 100 && Number.isInteger(month) && month >= 1 && month <= 12) {
    return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : DAYS_IN_MONTH[month - 1];
  }
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function toIsoDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The parts of an ISO date ("2026-02-05"); a RangeError for anything else, 2026-02-30 included. */
export function isoDateParts(iso: string): CalendarDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const parts = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
  if (!parts || !isValidCalendarDate(parts)) throw new RangeError(`not an ISO date (yyyy-mm-dd): ${JSON.stringify(iso)}`);
  return parts;
}

/** "2023-01-26" → "26/01/2023", the way dates are shown to Vietnamese users. */
export function formatVietnameseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

export type ParsedDate =
  | { kind: "date"; iso: string }
  /** A month with no day, as in a draft: "ngày   tháng 5 năm 2024". */
  | { kind: "month"; year: number; month: number }
  | { kind: "year"; year: number };

/** Why a date-looking text was refused, for a message the user can act on. */
export type DateError = { error: "impossible_date" | "not_a_date"; text: string };

const fold = foldPhrase;

/**
 * Parses a date written in any of the usual forms. An impossible day (31/02/2024) is an
 * error, not a silently corrected date.
 */
export function parseVietnameseDate(text: string): ParsedDate | DateError {
  const s = fold(text);
  let m = /^(?:ngay\s*)?(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(s);
  if (m) return calendar(+m[3], +m[2], +m[1], text);
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return calendar(+m[1], +m[2], +m[3], text);
  m = /^(?:ngay\s+)?(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})$/.exec(s);
  if (m) return calendar(+m[3], +m[2], +m[1], text);
  m = /^(?:ngay\s+)?thang\s+(\d{1,2})(?:\s+nam\s+|\s*\/\s*)(\d{4})$/.exec(s);
  if (m) {
    const month = +m[1], year = +m[2];
    if (month < 1 || month > 12) return { error: "impossible_date", text };
    return { kind: "month", year, month };
  }
  m = /^(?:nam\s+)?(\d{4})$/.exec(s);
  if (m) return { kind: "year", year: +m[1] };
  return { error: "not_a_date", text };
}

function calendar(year: number, month: number, day: number, text: string): ParsedDate | DateError {
  const date = { year, month, day };
  return isValidCalendarDate(date) ? { kind: "date", iso: toIsoDate(date) } : { error: "impossible_date", text };
}

export function isDateError(x: ParsedDate | DateError): x is DateError {
  return "error" in x;
}

/** A deadline, normalised; `text` always keeps the original wording. */
export type Deadline =
  | { kind: "date"; date: string; text: string }
  /** By the end of a year: "trước năm 2025" is due by the end of 2024; "trong năm 2026" by the end of 2026. */
  | { kind: "year"; year: number; text: string }
  /** Every year on a day and month: "trước ngày 15/12 hằng năm". Day and month are null for a bare "hằng năm". */
  | { kind: "yearly"; day: number | null; month: number | null; text: string }
  | { kind: "period"; from: number; to: number; text: string }
  | { kind: "ongoing"; text: string };

const YEARLY = /(hang|hanh) nam|moi nam|dinh ky nam/;

/**
 * Normalises a deadline phrase. Returns null when the phrase holds no deadline at all.
 * Checked in order of specificity: a recurring day, a full date, a quarter or month,
 * a period, a year, then "thường xuyên" (ongoing).
 */
export function parseDeadline(text: string, issued: string | null = null, folded?: string): Deadline | DateError | null {
  /** `fold(text)`, given by a caller that has it. */
  const s = folded ?? fold(text);
  // "từ tháng 3/2026 đến tháng 12/2026", "từ ngày 15/3 đến ngày 16/3": a span is due at its end ("từ năm 2026 đến năm 2030" is a period).
  const span = SPAN.exec(s);
  if (span) {
    if (span[1] && span[2]) return { kind: "period", from: +span[1], to: +span[2], text };
    const end = parseDeadline(s.slice(span.index + span[0].length - span[3].length), issued);
    if (end) return { ...end, text };
  }
  const yearly = YEARLY.test(s);
  let m = /(\d{1,2})\s*[/.-]\s*(\d{1,2})(?!\s*[/.-]?\s*\d)/.exec(s) ?? /ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})(?!\s+nam\s+\d)/.exec(s);
  if (m && yearly) {
    const day = +m[1], month = +m[2];
    if (isValidCalendarDate({ year: 2024, month, day })) return { kind: "yearly", day, month, text };
  }
  // A full date is read by the one date parser; an impossible one (31/02) is an error, never corrected.
  m = /\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}/.exec(s) ?? /ngay\s+\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4}/.exec(s);
  if (m) {
    const date = parseVietnameseDate(m[0]);
    if (isDateError(date)) return { ...date, text };
    if (date.kind === "date") return { kind: "date", date: date.iso, text };
  }
  m = /quy\s+(iv|i{1,3}|[1-4])\s*(?:\/|nam\s+|-\s*)(\d{4})/.exec(s);
  if (m) {
    const quarter = ({ i: 1, ii: 2, iii: 3, iv: 4 } as Record<string, number>)[m[1]] ?? +m[1];
    const year = +m[2], month = quarter * 3;
    return { kind: "date", date: toIsoDate({ year, month, day: daysInMonth(year, month) }), text };
  }
  // "6 tháng đầu năm 2026": by the end of June.
  m = /(?:6|sau)\s+thang\s+dau\s+nam\s+(\d{4})/.exec(s);
  if (m) return { kind: "date", date: toIsoDate({ year: +m[1], month: 6, day: 30 }), text };
  m = /thang\s+(\d{1,2})\s*(?:\/|nam\s+)(\d{4})/.exec(s);
  if (m && +m[1] >= 1 && +m[1] <= 12) {
    const year = +m[2], month = +m[1];
    return { kind: "date", date: toIsoDate({ year, month, day: daysInMonth(year, month) }), text };
  }
  m = /(\d{4})\s*[-–]\s*(\d{4})/.exec(s);
  if (m && +m[1] < +m[2]) return { kind: "period", from: +m[1], to: +m[2], text };
  m = /(truoc|den|trong|nam|cuoi)\D{0,12}?(\d{4})/.exec(s);
  if (m) {
    const year = +m[2];
    return { kind: "year", year: m[1] === "truoc" && !/truoc\s+(ngay|thang|quy)/.test(s) ? year - 1 : year, text };
  }
  if (yearly) return { kind: "yearly", day: null, month: null, text };
  if (/thuong xuyen|lien tuc|hang thang|hang quy/.test(s)) return { kind: "ongoing", text };
  return issued ? dateInIssuedYear(s, text, issued) : null;
}

const SPAN = /(?:^|\s)tu\s+(?:nam\s+(\d{4})\s+den\s+nam\s+(\d{4})|(?=ngay|thang|quy|\d).{1,60}?\s+(den\s+.+))$/;

/**
 * "trước ngày 31/12", "trong tháng 9": a day or month without its year, in a document issued on `issued` (ISO), is the
 * next such day from it: in the year it was issued, or the year after for a day already past ("trước 15/01" in a
 * plan of December).
 */
function dateInIssuedYear(s: string, text: string, issued: string): Deadline | null {
  const { year, month: issuedMonth, day: issuedDay } = isoDateParts(issued);
  // (Not a month range, "tháng 3-4".)
  const dayMonth = /(?<![\d/.-]|thang\s{0,3})(\d{1,2})\s*[/.-]\s*(\d{1,2})(?!\s*[/.-]?\s*\d)/.exec(s) ?? /ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})(?!\s*(?:\/|nam)\s*\d)/.exec(s);
  const monthOnly = dayMonth ? null : /thang\s+(\d{1,2})(?!\s*(?:\/|nam|[-.])\s*\d)(?!\d)/.exec(s);
  const month = Number(dayMonth?.[2] ?? monthOnly?.[1]);
  if (!(month >= 1 && month <= 12)) return null;
  const atYear = (y: number) => ({ year: y, month, day: dayMonth ? Number(dayMonth[1]) : daysInMonth(y, month) });
  let date = atYear(year);
  if (!isValidCalendarDate(date)) return null;
  if (month < issuedMonth || (month === issuedMonth && date.day < issuedDay)) date = atYear(year + 1);
  return isValidCalendarDate(date) ? { kind: "date", date: toIsoDate(date), text } : null;
}
