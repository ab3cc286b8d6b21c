/**
 * The focal point's board for a round: per expected agency, where its report stands and whether it
 * came on time; the totals with their shares of the expected; and a reporter's inbox (what its
 * agencies owe, by when). A report is on time when it was first sent before the due date ended in
 * Vietnam: a report returned and sent again keeps its first date.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { agencies } from "../agencies/schema.js";
import { readsDrafts } from "../accounts/policy.js";
import type { SessionUser } from "../accounts/sessions.js";
import type { Database } from "../storage/database.js";
import { daysBetween, daysLate, vietnamDate } from "./periods.js";
import { documentsOwedUnder, type OwedDocument } from "../plans/obligation-queries.js";
import { dueOnFor, getRound, owedByAgency, roundPlanIds, type RoundDetail } from "./rounds.js";
import { roundReporters, rounds, submissions, type SubmissionStatus } from "./schema.js";

export interface BoardRow {
  agencyId: number; agencyName: string;
  /** "missing" until the agency starts; its report's status after. */
  status: SubmissionStatus | "missing";
  /** The agency's due date: its extension, else the round's. */
  dueOn: string; extended: boolean;
  received: boolean; onTime: boolean | null; daysLate: number;
  firstSubmittedAt: string | null; submittedAt: string | null; reviewedAt: string | null;
  submissionVersion: number | null;
  tasksOwed: number; indicatorsOwed: number;
  /** The documents it still has to issue under the round's plans (issue 15: plans/obligation-queries.ts), overdue first. */
  documentsOwed: OwedDocument[];
}
export interface BoardTotals { expected: number; received: number; onTime: number; late: number; missing: number; accepted: number; returned: number }
export interface Board { round: RoundDetail; rows: BoardRow[]; totals: BoardTotals; percentages: Record<Exclude<keyof BoardTotals, "expected">, number> }

const share = (n: number, of: number) => (of ? Math.round((1000 * n) / of) / 10 : 0);

export async function boardOf(db: Database, roundId: number, now = new Date()): Promise<Board> {
  // The board is for those who run rounds and read every agency's report, who read drafts too (reporting.read).
  const round = await getRound(db, roundId, true);
  const owed = await owedByAgency(db, round, roundPlanIds(round));
  const documentsOwed = await documentsOwedUnder(db, roundPlanIds(round), round.dueOn, vietnamDate(now));
  const rows = (await standingOf(db, round, now)).map((r): BoardRow => ({
    ...r, tasksOwed: owed.get(r.agencyId)?.tasks.size ?? 0, indicatorsOwed: owed.get(r.agencyId)?.indicators.size ?? 0,
    documentsOwed: documentsOwed.get(r.agencyId) ?? [],
  }));
  return { round, rows, ...totalsOf(rows) };
}

/**
 * The round's totals alone (expected, received, on time, ...), as a report's overview counts them: where each
 * expected agency's report stands, without what each owes, which reads every task of every plan of the round
 * (a national yearly round: 147 plans) when a report on one plan needs only the counts.
 */
export async function roundTotals(db: Database, roundId: number, now = new Date()): Promise<Pick<Board, "totals" | "percentages">> {
  return totalsOf(await standingOf(db, await getRound(db, roundId, true), now));
}

type Standing = Omit<BoardRow, "tasksOwed" | "indicatorsOwed" | "documentsOwed">;

/** Per expected agency, where its report stands and whether it came on time, by agency name. */
async function standingOf(db: Database, round: RoundDetail, now: Date): Promise<Standing[]> {
  const names = round.reporterIds.length ? await db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(inArray(agencies.id, round.reporterIds)) : [];
  const sent = await db.select().from(submissions).where(eq(submissions.roundId, round.id));
  return names.map((a): Standing => {
    const s = sent.find((x) => x.agencyId === a.id);
    const first = s?.firstSubmittedAt ? new Date(s.firstSubmittedAt) : null;
    const dueOn = dueOnFor(round, a.id);
    const late = daysLate(dueOn, first ?? now);
    return {
      agencyId: a.id, agencyName: a.name, status: s?.status ?? "missing", dueOn, extended: dueOn !== round.dueOn,
      received: first !== null, onTime: first ? sentOnTime(dueOn, first) : null, daysLate: late,
      firstSubmittedAt: s?.firstSubmittedAt ?? null, submittedAt: s?.submittedAt ?? null, reviewedAt: s?.reviewedAt ?? null, submissionVersion: s?.version ?? null,
    };
  }).sort((a, b) => a.agencyName.localeCompare(b.agencyName, "vi"));
}

function totalsOf(rows: Standing[]): Pick<Board, "totals" | "percentages"> {
  const totals: BoardTotals = {
    expected: rows.length,
    received: rows.filter((r) => r.received).length,
    onTime: rows.filter((r) => r.onTime === true).length,
    late: rows.filter((r) => r.onTime === false).length,
    missing: rows.filter((r) => !r.received).length,
    accepted: rows.filter((r) => r.status === "accepted").length,
    returned: rows.filter((r) => r.status === "returned").length,
  };
  const { expected, ...counts } = totals;
  const percentages = Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, share(n, expected)])) as Board["percentages"];
  return { totals, percentages };
}

/** Whether a report in this state is still owed: not started, not sent (or taken back), or returned to be fixed. */
/** The statuses of an agency that still owes its report (none sent, a draft, or sent back to it). */
export const OWING_STATUSES: readonly (SubmissionStatus | "missing")[] = ["missing", "draft", "returned"];
export const owes = (status: SubmissionStatus | "missing") => OWING_STATUSES.includes(status);

/** Whether a report first sent at `firstSubmittedAt` was on time for `dueOn` (the day ends at midnight in Vietnam). */
export const sentOnTime = (dueOn: string, firstSubmittedAt: string | Date) => daysLate(dueOn, new Date(firstSubmittedAt)) === 0;

/** The agencies that still owe their report, for reminders and the urging letter. */
export const stillOwing = (board: Board) => board.rows.filter((r) => owes(r.status));

export interface InboxItem {
  roundId: number; title: string; periodLabel: string; dueOn: string; daysLeft: number;
  agencyId: number; agencyName: string; status: SubmissionStatus | "missing"; version: number | null;
  tasksOwed: number; indicatorsOwed: number;
}

/** What the user's agencies owe in open rounds, soonest due first. */
export async function inboxOf(db: Database, user: SessionUser, now = new Date()): Promise<InboxItem[]> {
  if (!user.agencyIds.length) return [];
  const expected = await db.select({ roundId: roundReporters.roundId, agencyId: roundReporters.agencyId, agencyName: agencies.name })
    .from(roundReporters).innerJoin(rounds, eq(rounds.id, roundReporters.roundId)).innerJoin(agencies, eq(agencies.id, roundReporters.agencyId))
    .where(and(inArray(roundReporters.agencyId, user.agencyIds), eq(rounds.status, "open"))).orderBy(asc(rounds.dueOn));
  const today = vietnamDate(now);
  const items: InboxItem[] = [];
  for (const roundId of [...new Set(expected.map((e) => e.roundId))]) {
    const round = await getRound(db, roundId, readsDrafts(user));
    const owed = await owedByAgency(db, round, roundPlanIds(round));
    for (const e of expected.filter((x) => x.roundId === roundId)) {
      const [s] = await db.select({ status: submissions.status, version: submissions.version }).from(submissions).where(and(eq(submissions.roundId, roundId), eq(submissions.agencyId, e.agencyId)));
      items.push({
        roundId, title: round.title, periodLabel: round.periodLabel, dueOn: dueOnFor(round, e.agencyId), daysLeft: daysBetween(today, dueOnFor(round, e.agencyId)),
        agencyId: e.agencyId, agencyName: e.agencyName, status: s?.status ?? "missing", version: s?.version ?? null,
        tasksOwed: owed.get(e.agencyId)?.tasks.size ?? 0, indicatorsOwed: owed.get(e.agencyId)?.indicators.size ?? 0,
      });
    }
  }
  return items.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}
