/**
 * Reports owed upward (the province to the Central Economic Commission, the Government, a ministry), pure:
 * the occurrences of an obligation (its periods and their due dates) and where each stands on a day.
 *
 * A periodic report is due on day `dueDay` of the month `dueMonthOffset` months after its period's last
 * month: a yearly report "trước ngày 15/12 hằng năm" is day 15, offset 0; "trước ngày 15/01 năm sau" day
 * 15, offset 1 (in the next year). A day past the month's end is its last day (31 in a 30-day month is the
 * 30th, in February the 28th or 29th): a request for "ngày 31 hằng tháng" means the month's end.
 */
import { daysInMonth, toIsoDate } from "../text/dates.js";
import { daysBetween, periodLabel, periodName, PERIODS_PER_YEAR, type Period } from "./periods.js";
import type { ObligationFrequency } from "./schema.js";

/**
 * "Due soon" is within 15 days: an upward report is compiled from the departments' own figures, which
 * Decree 09/2019 has them send by the 15th, so the focal point needs about half a month between asking
 * them and sending it up. The lists may ask for another window (`within`).
 */
export const DUE_SOON_DAYS = 15;

export interface ObligationTiming {
  frequency: ObligationFrequency;
  dueOn: string | null;
  dueDay: number | null;
  dueMonthOffset: number;
  fromYear: number | null;
  toYear: number | null;
}

export interface Occurrence {
  /** "once", "2024", "2024-H1", "2024-Q3", "2024-05". */
  period: string;
  /** "năm 2024", "quý III năm 2024"; null for a report due once. */
  periodName: string | null;
  dueOn: string;
}

export const OCCURRENCE_STATES = ["sent_on_time", "sent_late", "overdue", "due_soon", "upcoming"] as const;
export type OccurrenceState = (typeof OCCURRENCE_STATES)[number];

export interface Send { period: string; sentOn: string; symbol: string | null; documentId: number | null; note: string | null }

export interface OccurrenceStatus extends Occurrence {
  state: OccurrenceState;
  /** Days after the due date it was sent (sent late) or it still is (overdue); 0 otherwise. */
  daysLate: number;
  /** Days from `today` to the due date (negative once past). */
  daysLeft: number;
  send: Send | null;
}

const lastMonthOf = (p: Period) => (p.kind === "year" ? 12 : p.number! * (12 / PERIODS_PER_YEAR[p.kind]));

/** The due date of one period: day `dueDay` (at most the month's last) of the month `offset` months after the period's last. */
export function periodDueOn(period: Period, dueDay: number, offset: number): string {
  const months = period.year * 12 + (lastMonthOf(period) - 1) + offset;
  const year = Math.floor(months / 12), month = (months % 12) + 1;
  return toIsoDate({ year, month, day: Math.min(dueDay, daysInMonth(year, month)) });
}

/** The periods of a year for a frequency, in order. */
function periodsOf(kind: Exclude<ObligationFrequency, "once">, year: number): Period[] {
  if (kind === "year") return [{ kind, year, number: null }];
  return Array.from({ length: PERIODS_PER_YEAR[kind] }, (_, i) => ({ kind, year, number: i + 1 }));
}

/**
 * Every occurrence of an obligation, in order: one for a report due once; otherwise each period from
 * `fromYear` to `toYear`. Without a first year, the periods start in `defaultFrom` (the year the obligation
 * was recorded); without a last one, they run to the year after `today`'s, so that the next is always there.
 */
export function occurrences(o: ObligationTiming, today: string, defaultFrom: number = Number(today.slice(0, 4))): Occurrence[] {
  if (o.frequency === "once") return o.dueOn ? [{ period: "once", periodName: null, dueOn: o.dueOn }] : [];
  const from = o.fromYear ?? defaultFrom;
  const to = o.toYear ?? Math.max(from, Number(today.slice(0, 4)) + 1);
  const out: Occurrence[] = [];
  for (let year = from; year <= to; year++) {
    for (const p of periodsOf(o.frequency, year)) out.push({ period: periodLabel(p), periodName: periodName(p), dueOn: periodDueOn(p, o.dueDay ?? 1, o.dueMonthOffset) });
  }
  return out;
}

/** Where one occurrence stands on `today` (a Vietnamese calendar date): sent (on time or late), overdue, due within `within` days, or later. */
export function occurrenceState(o: Occurrence, send: Send | null, today: string, within = DUE_SOON_DAYS): OccurrenceStatus {
  const daysLeft = daysBetween(today, o.dueOn);
  if (send) {
    const late = Math.max(0, daysBetween(o.dueOn, send.sentOn));
    return { ...o, state: late ? "sent_late" : "sent_on_time", daysLate: late, daysLeft, send };
  }
  if (daysLeft < 0) return { ...o, state: "overdue", daysLate: -daysLeft, daysLeft, send: null };
  return { ...o, state: daysLeft <= within ? "due_soon" : "upcoming", daysLate: 0, daysLeft, send: null };
}

/** Each occurrence with its state; a send recorded for a period the obligation no longer has (its years changed) is kept, after them. */
export function obligationStates(o: ObligationTiming, sends: Send[], today: string, within = DUE_SOON_DAYS, defaultFrom?: number): OccurrenceStatus[] {
  const bySent = new Map(sends.map((s) => [s.period, s]));
  return occurrences(o, today, defaultFrom).map((occ) => occurrenceState(occ, bySent.get(occ.period) ?? null, today, within));
}

/**
 * The occurrence that needs attention next: the earliest still owed (overdue first, as it is the earliest),
 * else none. Occurrences whose period has not ended yet are owed too, but only the first of them counts.
 */
export const nextOwed = (states: OccurrenceStatus[]): OccurrenceStatus | null => states.find((s) => !s.send) ?? null;

/** Whether an occurrence is for the lists of what needs doing: overdue, or due within the window. */
export const needsAttention = (s: OccurrenceStatus) => s.state === "overdue" || s.state === "due_soon";

/** The period label a send may be recorded for: one of the obligation's occurrences. */
export const isOccurrence = (o: ObligationTiming, period: string, today: string, defaultFrom?: number) =>
  occurrences(o, today, defaultFrom).some((occ) => occ.period === period);
