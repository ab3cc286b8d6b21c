/**
 * Reporting periods and their dates, pure. The data cut-off windows follow Decree 09/2019/NĐ-CP
 * (Art. 12): a year runs from 15/12 of the previous year to 14/12, a half to 14/6 or 14/12, a
 * quarter and a month from the 15th of the month before the period starts to the 14th of its last
 * month. Dates are Vietnamese calendar dates (UTC+7, no daylight saving): a report due on 15/12 is
 * on time until midnight ending 15/12 in Vietnam.
 */
import type { PeriodKind } from "./schema.js";

export interface Period { kind: PeriodKind; year: number; number: number | null }

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

/** How many sub-periods a year has of each kind. */
export const PERIODS_PER_YEAR: Record<PeriodKind, number> = { year: 1, half: 2, quarter: 4, month: 12 };

/** "2024", "2024-H1", "2024-Q3", "2024-05": sortable, and the key of indicator values. */
export function periodLabel({ kind, year, number }: Period): string {
  if (kind === "year") return String(year);
  if (kind === "half") return `${year}-H${number}`;
  if (kind === "quarter") return `${year}-Q${number}`;
  return `${year}-${pad(number!)}`;
}

const ROMAN = ["I", "II", "III", "IV"];

/** The period as a Vietnamese title says it: "năm 2024", "6 tháng đầu năm 2024", "quý III năm 2024", "tháng 5 năm 2024". */
export function periodName({ kind, year, number }: Period): string {
  if (kind === "year") return `năm ${year}`;
  if (kind === "half") return number === 1 ? `6 tháng đầu năm ${year}` : `6 tháng cuối năm ${year}`;
  if (kind === "quarter") return `quý ${ROMAN[number! - 1]} năm ${year}`;
  return `tháng ${number} năm ${year}`;
}

/** The last month of the period (12 for a year, 6 or 12 for a half, 3·q for a quarter). */
function lastMonth({ kind, number }: Period): number {
  if (kind === "year") return 12;
  return number! * (12 / PERIODS_PER_YEAR[kind]);
}

/** The data cut-off window of Decree 09/2019. */
export function cutOffWindow(period: Period): { from: string; to: string } {
  const months = 12 / PERIODS_PER_YEAR[period.kind];
  const last = lastMonth(period);
  const firstMonth = last - months + 1;
  // The window opens on the 15th of the month before the period's first month.
  const from = firstMonth === 1 ? iso(period.year - 1, 12, 15) : iso(period.year, firstMonth - 1, 15);
  return { from, to: iso(period.year, last, 14) };
}

/**
 * The default due date: for a year, the day and month of the plan's yearly reporting rule (15/12
 * when it names none); for a shorter period, the day after the window closes (the 15th).
 */
export function defaultDueDate(period: Period, yearlyRule: { day: number; month: number } | null): string {
  if (period.kind === "year") return yearlyRule ? iso(period.year, yearlyRule.month, yearlyRule.day) : iso(period.year, 12, 15);
  return addDays(cutOffWindow(period).to, 1);
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** Today's date in Vietnam. */
export const vietnamDate = (now: Date): string => new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);

/** The instant a date's working day starts in Vietnam (at `hour` o'clock, UTC+7). */
export const vietnamTime = (isoDate: string, hour = 0): Date => new Date(Date.parse(`${isoDate}T00:00:00Z`) - VIETNAM_OFFSET_MS + hour * 3_600_000);

/** The end of the due date in Vietnam: a report is on time when it arrives before this instant. */
export const dueInstant = (dueOn: string): Date => vietnamTime(addDays(dueOn, 1));

/** Whole calendar days from date a to date b (negative when b is earlier). */
export const daysBetween = (a: string, b: string): number => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** Days a report is late at `at`: 0 when on time, 1 during the day after the due date, and so on. */
export function daysLate(dueOn: string, at: Date): number {
  return at < dueInstant(dueOn) ? 0 : daysBetween(dueOn, vietnamDate(at));
}
