/**
 * The focal point's controls on a round already open: an agency's own due date (an extension), adding or
 * removing an expected agency, "remind now", the actual figures that replace estimates ("ước"), and (for an
 * administrator) letting the collecting agency's focal point review its own agency's report.
 * Each takes the round's version (conflict when stale) and refuses a closed round; a change bumps the version.
 * Every write is in the route's transaction, so bad input changes nothing, and the audit triggers record it.
 * Outcomes: the round, or AppError validation (each field named), not_found, conflict.
 */
import { and, eq, inArray, isNotNull, lte, sql } from "drizzle-orm";
import type { SessionUser } from "../accounts/sessions.js";
import { agencies } from "../agencies/schema.js";
import { AppError, conflict, invalid, notFound } from "../core/errors.js";
import { indicators, indicatorValues } from "../plans/schema.js";
import type { Database } from "../storage/database.js";
import { updateVersioned } from "../storage/records.js";
import { boardOf, stillOwing } from "./board.js";
import { daysBetween, vietnamDate } from "./periods.js";
import { deliverStep } from "./reminders.js";
import { checkNewDueDate, getRound, requireOpen, roundPlanIds, type RoundDetail } from "./rounds.js";
import { roundActualRequests, roundReporters, rounds, submissions } from "./schema.js";

/** The round to change: the version read, and open. */
async function roundToChange(db: Database, roundId: number, version: number): Promise<RoundDetail> {
  const round = await getRound(db, roundId, true);
  if (round.version !== version) throw conflict();
  requireOpen(round, "round_closed_reopen");
  return round;
}

const bumpRound = (db: Database, round: RoundDetail) => updateVersioned(db, rounds, round.id, round.version, {});

/** The agency, or a validation error naming the field when there is none with this id. */
async function checkAgency(db: Database, agencyId: number, field = "agencyId") {
  const [agency] = await db.select({ id: agencies.id, name: agencies.name, validTo: agencies.validTo }).from(agencies).where(eq(agencies.id, agencyId));
  if (!agency) throw invalid(field, "agency_unknown");
  return agency;
}

/** Gives one agency its own due date (null: the round's again). Its timeliness on the board and its reminders follow it. */
export async function extendForAgency(db: Database, roundId: number, agencyId: number, input: { dueOn: string | null; version: number }): Promise<RoundDetail> {
  const round = await roundToChange(db, roundId, input.version);
  await checkAgency(db, agencyId);
  if (!round.reporterIds.includes(agencyId)) throw invalid("agencyId", "agency_not_in_round");
  const dueOn = input.dueOn === round.dueOn ? null : input.dueOn;
  if (dueOn !== null) checkNewDueDate(round, dueOn);
  await db.update(roundReporters).set({ dueOn }).where(and(eq(roundReporters.roundId, roundId), eq(roundReporters.agencyId, agencyId)));
  await bumpRound(db, round);
  return getRound(db, roundId, true);
}

/**
 * Adds an agency the round did not expect (a partner the focal point wants a report from, or one left out).
 * It owes what the round's plans give it (possibly only the general sections); an agency that had ended
 * before the period is refused, as the round would not have expected it.
 */
export async function addReporter(db: Database, roundId: number, input: { agencyId: number; dueOn?: string | null; version: number }): Promise<RoundDetail> {
  const round = await roundToChange(db, roundId, input.version);
  const agency = await checkAgency(db, input.agencyId);
  if (round.reporterIds.includes(input.agencyId)) throw invalid("agencyId", "agency_already_in_round");
  if (agency.validTo !== null && agency.validTo < round.windowFrom) throw invalid("agencyId", "agency_ended_for_round");
  if (input.dueOn != null) checkNewDueDate(round, input.dueOn);
  await db.insert(roundReporters).values({ roundId, agencyId: input.agencyId, dueOn: input.dueOn && input.dueOn !== round.dueOn ? input.dueOn : null });
  await bumpRound(db, round);
  return getRound(db, roundId, true);
}

/**
 * Takes an agency off the round: it owes nothing more and gets no reminder. Refused once it has sent its
 * report (even one returned since): a report received is part of the round's record, counted in its
 * timeliness and, once accepted, in the plan's figures, and removing its sender would hide it from the
 * board while it still counts. A draft never sent is kept, unseen, and is there again if the agency is
 * added back.
 */
export async function removeReporter(db: Database, roundId: number, agencyId: number, version: number): Promise<RoundDetail> {
  const round = await roundToChange(db, roundId, version);
  await checkAgency(db, agencyId);
  if (!round.reporterIds.includes(agencyId)) throw invalid("agencyId", "agency_not_in_round");
  const [sent] = await db.select({ id: submissions.id }).from(submissions)
    .where(and(eq(submissions.roundId, roundId), eq(submissions.agencyId, agencyId), isNotNull(submissions.firstSubmittedAt)));
  if (sent) throw invalid("agencyId", "agency_has_report");
  if (round.reporterIds.length === 1) throw invalid("agencyId", "round_last_reporter");
  await db.delete(roundReporters).where(and(eq(roundReporters.roundId, roundId), eq(roundReporters.agencyId, agencyId)));
  await bumpRound(db, round);
  return getRound(db, roundId, true);
}

export interface RemindResult { reminded: number[]; alreadyToday: number[] }

/**
 * "Remind now": a reminder to the given agencies (all those still owing when none is given), in the app and
 * by e-mail with the next pass of the scheduler. A step of its own, recorded with who asked: once per agency
 * and day, so a second click the same day reaches nobody twice (those are answered as alreadyToday).
 */
export async function remindNow(db: Database, actor: SessionUser, roundId: number, agencyIds: number[] | undefined, emailOn: boolean, now = new Date()): Promise<RemindResult> {
  const board = await boardOf(db, roundId, now);
  requireOpen(board.round);
  const owing = stillOwing(board);
  const targets = agencyIds ?? owing.map((r) => r.agencyId);
  const problems = [];
  for (const [i, agencyId] of targets.entries()) {
    const row = board.rows.find((r) => r.agencyId === agencyId);
    if (!row) {
      const [known] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, agencyId));
      problems.push({ field: `agencyIds.${i}`, key: known ? "agency_not_in_round" as const : "agency_unknown" as const });
    } else if (!owing.includes(row)) problems.push({ field: `agencyIds.${i}`, key: "agency_not_owing" as const });
  }
  if (problems.length) throw new AppError("validation", problems);
  const today = vietnamDate(now);
  const result: RemindResult = { reminded: [], alreadyToday: [] };
  for (const agencyId of targets) {
    const row = owing.find((r) => r.agencyId === agencyId)!;
    const sent = await deliverStep(db, board.round, row, { offsetDays: daysBetween(row.dueOn, today), manualOn: today, requestedBy: actor.id }, emailOn);
    (sent ? result.reminded : result.alreadyToday).push(agencyId);
  }
  return result;
}

/** The values of the round's plans that are estimates of a year up to the round's, with no actual value yet: what a round may ask to replace. */
export async function estimatesToReplace(db: Database, round: RoundDetail) {
  const planIds = roundPlanIds(round);
  if (!planIds.length) return [];
  // Whether an actual value of the same year came in is asked of each estimate's own indicator and year: reading every
  // actual value of the round's plans instead was 60,000 rows for a national round, most of its board's JavaScript.
  const rows = await db.select({
    indicatorId: indicators.id, name: indicators.name, unit: indicators.unit, ownerId: indicators.ownerId, year: indicatorValues.periodYear, value: indicatorValues.value,
    hasActual: sql<boolean>`exists (select 1 from ${indicatorValues} a where a.indicator_id = ${indicatorValues.indicatorId} and a.period_year = ${indicatorValues.periodYear} and a.kind = 'actual')`,
  }).from(indicatorValues).innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
    .where(and(inArray(indicators.documentId, planIds), eq(indicatorValues.kind, "estimate"), lte(indicatorValues.periodYear, round.periodYear)))
    .orderBy(indicators.documentId, indicators.startOffset, indicators.id, indicatorValues.periodYear);
  const requested = await db.select().from(roundActualRequests).where(eq(roundActualRequests.roundId, round.id));
  const keyOf = (x: { indicatorId: number; year: number | null }) => `${x.indicatorId}/${x.year}`;
  const asked = new Set(requested.map(keyOf));
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = keyOf(r);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).map((r) => ({ ...r, hasActual: Boolean(r.hasActual), requested: asked.has(keyOf(r)) }));
}

/**
 * Asks the indicator's owner, in this round, for the actual figure of `year` that replaces its estimate.
 * The indicator is one of the round's plans, the year not after the round's, and an estimate of it exists.
 */
export async function requestActual(db: Database, actor: SessionUser, roundId: number, input: { indicatorId: number; year: number; version: number }): Promise<RoundDetail> {
  const round = await roundToChange(db, roundId, input.version);
  const [indicator] = await db.select({ id: indicators.id, documentId: indicators.documentId }).from(indicators).where(eq(indicators.id, input.indicatorId));
  if (!indicator) throw invalid("indicatorId", "indicator_unknown");
  if (!roundPlanIds(round).includes(indicator.documentId)) throw invalid("indicatorId", "indicator_not_in_round");
  const params = { year: String(round.periodYear) };
  if (input.year > round.periodYear) throw new AppError("validation", [{ field: "year", key: "actual_year_after_period", params }]);
  const [estimate] = await db.select({ id: indicatorValues.id }).from(indicatorValues)
    .where(and(eq(indicatorValues.indicatorId, input.indicatorId), eq(indicatorValues.periodYear, input.year), eq(indicatorValues.kind, "estimate")));
  if (!estimate) throw new AppError("validation", [{ field: "year", key: "actual_no_estimate", params: { year: String(input.year) } }]);
  await db.insert(roundActualRequests).values({ roundId, indicatorId: input.indicatorId, year: input.year, requestedBy: actor.id }).onConflictDoNothing();
  await bumpRound(db, round);
  return getRound(db, roundId, true);
}

/** Withdraws the request (what an agency already wrote for it stays in its report, and is no longer asked for). */
export async function cancelActualRequest(db: Database, roundId: number, input: { indicatorId: number; year: number; version: number }): Promise<RoundDetail> {
  const round = await roundToChange(db, roundId, input.version);
  const rows = await db.delete(roundActualRequests)
    .where(and(eq(roundActualRequests.roundId, roundId), eq(roundActualRequests.indicatorId, input.indicatorId), eq(roundActualRequests.year, input.year))).returning();
  if (!rows.length) throw notFound();
  await bumpRound(db, round);
  return getRound(db, roundId, true);
}

/**
 * An administrator lets the collecting agency's focal point review its own agency's report in this round
 * (or takes that back). A per-round flag rather than a setting: the exception is granted where it is
 * needed (a round where no one else can review), shows on that round, and is in the audit trail with who
 * granted it, instead of lifting the rule for every round to come.
 */
export async function setSelfReview(db: Database, roundId: number, input: { allowed: boolean; version: number }): Promise<RoundDetail> {
  const round = await getRound(db, roundId, true);
  if (round.version !== input.version) throw conflict();
  await updateVersioned(db, rounds, roundId, input.version, { selfReviewAllowed: input.allowed });
  return getRound(db, roundId, true);
}
