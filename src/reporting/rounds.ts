/**
 * Reporting rounds: opening one over some plans and a period (with Decree 09/2019's cut-off window
 * and the plan's due date as defaults), the agencies it expects a report from, and what each owes.
 * Outcomes: the round, or AppError validation (unknown or unpublished plan, bad dates, indicators without an
 * owner not confirmed to the collecting agency), not_found, conflict (stale version).
 */
import { and, asc, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import { agencies } from "../agencies/schema.js";
import { successionsOn } from "../agencies/successions.js";
import { AppError, conflict, invalid } from "../core/errors.js";
import { inPublishedDocument } from "../documents/queries.js";
import { documents } from "../documents/schema.js";
import { extractReportingRules } from "../extraction/reporting.js";
import { segmentLines } from "../extraction/segment.js";
import { indicators, projectDocuments, projects, taskAgencies, tasks } from "../plans/schema.js";
import { queryRows, type Database } from "../storage/database.js";
import { idArray } from "../storage/id-arrays.js";
import { findById, updateVersioned } from "../storage/records.js";
import { formatVietnameseDate, parseDeadline } from "../text/dates.js";
import { cutOffWindow, defaultDueDate, periodLabel, periodName, vietnamDate, type Period } from "./periods.js";
import { reminderSteps, roundPlans, roundReporters, rounds } from "./schema.js";
import type { RoundInput, RoundPatch } from "./inputs.js";
import { opening, sentenceStart } from "./gaps.js";
import { fullNumbers } from "./numbers.js";

/** Reminders a week and a day before the due date, and a day and a week after. */
export const DEFAULT_REMINDER_OFFSETS = [-7, -1, 1, 7];

export type Round = typeof rounds.$inferSelect;

interface PlanRow { id: number; symbol: string | null; title: string; issuedOn: string | null; status: string; fullText: string | null }

async function plansOf(db: Database, documentIds: number[]): Promise<PlanRow[]> {
  const rows = await db.select({ id: documents.id, symbol: documents.symbol, title: documents.title, issuedOn: documents.issuedOn, status: documents.status, fullText: documents.fullText })
    .from(documents).where(inArray(documents.id, documentIds));
  documentIds.forEach((id, i) => {
    const row = rows.find((r) => r.id === id);
    if (!row) throw invalid(`documentIds.${i}`, "document_unknown");
    if (row.status !== "published") throw invalid(`documentIds.${i}`, "document_not_published");
  });
  return documentIds.map((id) => rows.find((r) => r.id === id)!);
}

/** The day and month of the first yearly reporting rule in a plan's text ("trước ngày 15/12 hằng năm"). */
export function yearlyReportingDay(fullText: string | null): { day: number; month: number } | null {
  if (!fullText) return null;
  for (const rule of extractReportingRules(segmentLines(fullText))) {
    const deadline = rule.deadline_text ? parseDeadline(rule.deadline_text) : null;
    if (deadline && !("error" in deadline) && deadline.kind === "yearly" && deadline.day && deadline.month) return { day: deadline.day, month: deadline.month };
  }
  return null;
}

/**
 * What each agency owes in a round: the open tasks it leads or coordinates and the indicators it
 * owns, in the plans of the round, after the successions in force on the due date. Indicators no
 * agency owns are the coordinator's (the focal point's agency) to report: a round opens only once
 * they have owners or the focal point confirmed that (createRound), but a round opened before
 * owners were required, or an indicator added to a plan after its round opened, may still have none.
 */
/** What an agency owes in a round: tasks (as lead or partner), indicators it owns, key projects it carries out (as investor or lead). */
export interface Owed { tasks: Map<number, "lead" | "coordinating">; indicators: Set<number>; projects: Set<number> }
export const nothingOwed = (): Owed => ({ tasks: new Map(), indicators: new Set(), projects: new Set() });

export async function owedByAgency(db: Database, round: Pick<Round, "dueOn" | "coordinatorId" | "windowFrom">, documentIds: number[]): Promise<Map<number, Owed>> {
  const successors = await successionsOn(db, round.dueOn);
  const ended = await agenciesEndedBefore(db, round.windowFrom);
  const central = await centralUnlessCollectorIs(db, round.coordinatorId);
  // The agencies doing the work on the due date, without those that had ended before the period the round
  // reports on began (the district committees, ended 30/06/2025, owe nothing for 2026); one that ended within
  // it still owes, and a successor or the focal point may report for it (a retrospective round). A province's
  // round asks no ministry: "phối hợp với Bộ Quốc phòng" is the province's to coordinate, not a report owed to it.
  const resolve = (agencyId: number) => successors(agencyId).filter((id) => !ended.has(id) && !central.has(id));
  const out = new Map<number, Owed>();
  const owedOf = (agencyId: number) => {
    let o = out.get(agencyId);
    if (!o) out.set(agencyId, (o = nothingOwed()));
    return o;
  };
  if (!documentIds.length) return out;
  // A partner swept in by a collective phrase ("phối hợp với các sở, ban, ngành") owes no report for the task:
  // the focal point names it on the task when it should. Read as plain rows: a national round's plans hold 20,000
  // assignments, and mapping each through the query builder held the event loop for tens of ms.
  const assignments = await queryRows<{ task_id: number; agency_id: number; role: "lead" | "coordinating" }>(db, sql`
    select ta.task_id, ta.agency_id, ta.role from ${taskAgencies} ta join ${tasks} t on t.id = ta.task_id
    where t.document_id = any(${idArray(documentIds)}) and t.status = 'open' and (ta.role = 'lead' or ta.via is null)`);
  for (const a of assignments) {
    for (const agencyId of resolve(a.agency_id)) {
      const o = owedOf(agencyId);
      // An agency that both leads and coordinates a task (two merged departments) leads it.
      if (a.role === "lead" || !o.tasks.has(a.task_id)) o.tasks.set(a.task_id, a.role);
    }
  }
  const owned = await db.select({ id: indicators.id, ownerId: indicators.ownerId }).from(indicators).where(inArray(indicators.documentId, documentIds));
  for (const i of owned) {
    // An indicator whose owner has ended with no one to carry on its work goes to the coordinator, as one without an owner.
    const resolved = i.ownerId !== null ? resolve(i.ownerId) : [];
    const owners = resolved.length ? resolved : round.coordinatorId !== null ? [round.coordinatorId] : [];
    for (const agencyId of owners) owedOf(agencyId).indicators.add(i.id);
  }
  // A key project a plan of the round carries is reported by its lead (the investor); one with no lead, by the coordinator.
  const carried = await db.selectDistinct({ id: projects.id, leadId: projects.leadId }).from(projects)
    .innerJoin(projectDocuments, and(eq(projectDocuments.projectId, projects.id), eq(projectDocuments.role, "carries")))
    .where(inArray(projectDocuments.documentId, documentIds));
  for (const p of carried) {
    const resolved = p.leadId !== null ? resolve(p.leadId) : [];
    const leads = resolved.length ? resolved : round.coordinatorId !== null ? [round.coordinatorId] : [];
    for (const agencyId of leads) owedOf(agencyId).projects.add(p.id);
  }
  return out;
}

/**
 * The central bodies (ministries, of the registry's kind "ministry") when the collecting agency is not one of
 * them: a province's round collects from the province's agencies. A round collected by a central body asks them all.
 */
async function centralUnlessCollectorIs(db: Database, coordinatorId: number | null): Promise<Set<number>> {
  if (coordinatorId !== null) {
    const [collector] = await db.select({ kind: agencies.kind }).from(agencies).where(eq(agencies.id, coordinatorId));
    if (collector?.kind === "ministry") return new Set();
  }
  const rows = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.kind, "ministry"));
  return new Set(rows.map((r) => r.id));
}

/** The agencies that had ceased to exist before `date` (their last day earlier). */
async function agenciesEndedBefore(db: Database, date: string): Promise<Set<number>> {
  const rows = await db.select({ id: agencies.id }).from(agencies).where(lt(agencies.validTo, date));
  return new Set(rows.map((r) => r.id));
}

/** The indicators of these plans that no agency owns, in the plans' order. */
async function unownedIndicators(db: Database, documentIds: number[]): Promise<{ id: number; name: string; documentId: number }[]> {
  return db.select({ id: indicators.id, name: indicators.name, documentId: indicators.documentId }).from(indicators)
    .where(and(inArray(indicators.documentId, documentIds), isNull(indicators.ownerId)))
    .orderBy(asc(indicators.documentId), asc(indicators.startOffset), asc(indicators.id));
}

/** How many indicators have no owner and the first few of them, for a message. */
function unownedParams(unowned: { name: string }[]): Record<string, string> {
  const cut = (name: string) => (name.length > 60 ? `${name.slice(0, 60)}…` : name);
  const names = unowned.slice(0, 3).map((i) => `“${cut(i.name)}”`).join("; ");
  return { count: String(unowned.length), names: unowned.length > 3 ? `${names}; …` : names };
}

export interface RoundProposal {
  title: string; period: Period; periodLabel: string; windowFrom: string; windowTo: string; dueOn: string;
  coordinatorId: number | null; coordinatorName: string | null; reminderOffsets: number[];
  /** Indicators no agency owns: opening waits for their owners, or for the focal point to confirm that the coordinator takes them. */
  unownedIndicators: { id: number; name: string; documentId: number }[];
  plans: { id: number; symbol: string | null; title: string; issuedOn: string | null }[];
  /** Each agency the round would expect, with what it would owe (the preview the focal point reads before opening). */
  reporters: { id: number; name: string; tasks: number; indicators: number; items: ProposedItems }[];
}

/** What an agency would owe: each task (its full number, its opening words, lead or coordinating) and indicator. */
export interface ProposedItems {
  tasks: { id: number; number: string | null; text: string; role: "lead" | "coordinating" }[];
  indicators: { id: number; name: string; unit: string | null }[];
}

/** The round the input asks for, with every default filled in; nothing is written. */
export async function proposeRound(db: Database, input: RoundInput): Promise<RoundProposal> {
  const plans = await plansOf(db, input.documentIds);
  const period: Period = { kind: input.periodKind, year: input.periodYear, number: input.periodKind === "year" ? null : input.periodNumber ?? null };
  if (period.kind !== "year" && period.number === null) throw invalid("periodNumber", "period_number_required");
  const window = cutOffWindow(period);
  const windowFrom = input.windowFrom ?? window.from, windowTo = input.windowTo ?? window.to;
  if (windowTo < windowFrom) throw invalid("windowTo", "min_gt_max");
  const rule = plans.map((p) => yearlyReportingDay(p.fullText)).find((r) => r !== null) ?? null;
  const dueOn = input.dueOn ?? defaultDueDate(period, rule);
  if (dueOn < windowFrom) throw invalid("dueOn", "due_before_window");
  const coordinatorId = input.coordinatorId ?? null;
  const [coordinator] = coordinatorId !== null ? await db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, coordinatorId)) : [];
  if (coordinatorId !== null && !coordinator) throw invalid("coordinatorId", "agency_unknown");
  const owed = await owedByAgency(db, { dueOn, coordinatorId, windowFrom }, input.documentIds);
  const names = owed.size ? await db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(inArray(agencies.id, [...owed.keys()])) : [];
  const items = await itemsOwed(db, owed);
  const reporters = names.map((a) => ({ id: a.id, name: a.name, tasks: owed.get(a.id)!.tasks.size, indicators: owed.get(a.id)!.indicators.size, items: items(a.id) }))
    .sort((a, b) => a.name.localeCompare(b.name, "vi"));
  const symbols = plans.map((p) => p.symbol ?? p.title).join(", ");
  return {
    title: input.title ?? `Báo cáo kết quả thực hiện ${symbols} ${periodName(period)}`,
    period, periodLabel: periodLabel(period), windowFrom, windowTo, dueOn, coordinatorId, coordinatorName: coordinator?.name ?? null,
    reminderOffsets: [...new Set(input.reminderOffsets ?? DEFAULT_REMINDER_OFFSETS)].sort((a, b) => a - b),
    plans: plans.map(({ id, symbol, title, issuedOn }) => ({ id, symbol, title, issuedOn })),
    reporters,
    unownedIndicators: await unownedIndicators(db, input.documentIds),
  };
}

/** Each agency's owed tasks and indicators, named (a task by its full number and its first 30 words), in the plans' order. */
async function itemsOwed(db: Database, owed: Map<number, Owed>): Promise<(agencyId: number) => ProposedItems> {
  const taskIds = [...new Set([...owed.values()].flatMap((o) => [...o.tasks.keys()]))];
  const indicatorIds = [...new Set([...owed.values()].flatMap((o) => [...o.indicators]))];
  const taskRows = taskIds.length ? await db.select().from(tasks).where(inArray(tasks.id, taskIds)).orderBy(asc(tasks.documentId), asc(tasks.startOffset), asc(tasks.id)) : [];
  const indicatorRows = indicatorIds.length ? await db.select({ id: indicators.id, name: indicators.name, unit: indicators.unit }).from(indicators)
    .where(inArray(indicators.id, indicatorIds)).orderBy(asc(indicators.documentId), asc(indicators.startOffset), asc(indicators.id)) : [];
  const numbers = await fullNumbers(db, taskRows);
  return (agencyId) => {
    const o = owed.get(agencyId);
    if (!o) return { tasks: [], indicators: [] };
    return {
      tasks: taskRows.filter((t) => o.tasks.has(t.id)).map((t) => ({ id: t.id, number: numbers.get(t.id) ?? null, text: sentenceStart(opening(t.text, 30)), role: o.tasks.get(t.id)! })),
      indicators: indicatorRows.filter((i) => o.indicators.has(i.id)),
    };
  };
}

export async function createRound(db: Database, input: RoundInput, createdBy: number | null): Promise<RoundDetail> {
  const p = await proposeRound(db, input);
  if (p.unownedIndicators.length) {
    if (!input.collectorTakesUnowned) {
      const params = unownedParams(p.unownedIndicators);
      throw new AppError("validation", [{ field: "collectorTakesUnowned", key: "round_unowned_indicators", params }], "round_unowned_indicators", params);
    }
    if (p.coordinatorId === null) throw invalid("coordinatorId", "round_needs_collector");
    // The collecting agency becomes their owner, not only this round's reporter of them: the choice shows on
    // the document page where it can be changed, the audit trail keeps who made it, and the next round does
    // not ask again. (The round asks the same agencies either way: owedByAgency gives it unowned ones.)
    await db.update(indicators).set({ ownerId: p.coordinatorId, version: sql`${indicators.version} + 1`, updatedAt: sql`now()` })
      .where(and(inArray(indicators.id, p.unownedIndicators.map((i) => i.id)), isNull(indicators.ownerId)));
  }
  if (!p.reporters.length) throw invalid("documentIds", "round_without_reporters");
  const [round] = await db.insert(rounds).values({
    title: p.title, periodKind: p.period.kind, periodYear: p.period.year, periodNumber: p.period.number, periodLabel: p.periodLabel,
    windowFrom: p.windowFrom, windowTo: p.windowTo, dueOn: p.dueOn, coordinatorId: p.coordinatorId, createdBy,
  }).returning();
  await db.insert(roundPlans).values(p.plans.map((plan) => ({ roundId: round.id, documentId: plan.id })));
  await db.insert(roundReporters).values(p.reporters.map((r) => ({ roundId: round.id, agencyId: r.id })));
  if (p.reminderOffsets.length) await db.insert(reminderSteps).values(p.reminderOffsets.map((offsetDays) => ({ roundId: round.id, offsetDays })));
  return getRound(db, round.id, true);
}

export interface RoundDetail extends Round {
  plans: { id: number; symbol: string | null; title: string; issuedOn: string | null }[];
  reporterIds: number[];
  /** The agencies given their own due date (an extension). */
  extensions: { agencyId: number; dueOn: string }[];
  reminderOffsets: number[];
  coordinatorName: string | null;
}

/**
 * A round with its plans. `drafts`: whether the reader may see draft documents (see policy.readsDrafts): a plan
 * made a draft again after the round opened is left out for others, and with it what it asks of the agencies.
 */
export async function getRound(db: Database, id: number, drafts: boolean): Promise<RoundDetail> {
  const round = await findById(db, rounds, id);
  const plans = await db.select({ id: documents.id, symbol: documents.symbol, title: documents.title, issuedOn: documents.issuedOn })
    .from(roundPlans).innerJoin(documents, eq(documents.id, roundPlans.documentId))
    .where(and(eq(roundPlans.roundId, id), drafts ? undefined : inPublishedDocument(documents.id))).orderBy(asc(documents.id));
  const reporters = await db.select({ agencyId: roundReporters.agencyId, dueOn: roundReporters.dueOn }).from(roundReporters).where(eq(roundReporters.roundId, id));
  const steps = await db.select({ offsetDays: reminderSteps.offsetDays }).from(reminderSteps).where(eq(reminderSteps.roundId, id)).orderBy(asc(reminderSteps.offsetDays));
  const [coordinator] = round.coordinatorId ? await db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, round.coordinatorId)) : [];
  return {
    ...round, plans, reporterIds: reporters.map((r) => r.agencyId),
    extensions: reporters.filter((r) => r.dueOn !== null).map((r) => ({ agencyId: r.agencyId, dueOn: r.dueOn! })),
    reminderOffsets: steps.map((s) => s.offsetDays), coordinatorName: coordinator?.name ?? null };
}

export const roundPlanIds = (round: RoundDetail) => round.plans.map((p) => p.id);

export async function listRounds(db: Database): Promise<Round[]> {
  return db.select().from(rounds).orderBy(asc(rounds.status), asc(rounds.dueOn), asc(rounds.id));
}

/** An agency's due date in a round: its extension, else the round's. */
export const dueOnFor = (round: Pick<RoundDetail, "dueOn" | "extensions">, agencyId: number): string =>
  round.extensions.find((e) => e.agencyId === agencyId)?.dueOn ?? round.dueOn;

/** The day (in Vietnam) a round was opened. */
export const openedOn = (round: Pick<Round, "createdAt">): string => vietnamDate(new Date(round.createdAt));

/**
 * A due date the focal point sets on a round already open (the round's or one agency's): not before the data
 * window opens, and not before the day the round was opened (every agency would be late at once). A
 * retrospective round keeps the past due date it was opened with until one is set.
 */
export function checkNewDueDate(round: Pick<Round, "windowFrom" | "createdAt">, dueOn: string, field = "dueOn") {
  if (dueOn < round.windowFrom) throw invalid(field, "due_before_window");
  if (dueOn < openedOn(round)) throw new AppError("validation", [{ field, key: "due_before_opening", params: { opened: formatVietnameseDate(openedOn(round)) } }]);
}

/**
 * Edits a round's title, dates, status (close, reopen) or reminder schedule (send the version you read).
 * A closed round takes no change but reopening: a change it needs waits until it is open again.
 */
export async function updateRound(db: Database, id: number, patch: RoundPatch): Promise<RoundDetail> {
  const { version, reminderOffsets, ...changes } = patch;
  const current = await findById(db, rounds, id);
  if (current.version !== version) throw conflict();
  if (current.status === "closed" && (changes.status !== "open" || Object.keys(changes).length > 1 || reminderOffsets)) throw invalid("status", "round_closed_reopen");
  const next = { ...current, ...changes };
  if (next.windowTo < next.windowFrom) throw invalid("windowTo", "min_gt_max");
  if (next.dueOn < next.windowFrom) throw invalid("dueOn", "due_before_window");
  if (changes.dueOn !== undefined && changes.dueOn !== current.dueOn) checkNewDueDate(next, changes.dueOn);
  await updateVersioned(db, rounds, id, version, changes);
  if (reminderOffsets) {
    await db.delete(reminderSteps).where(eq(reminderSteps.roundId, id));
    const offsets = [...new Set(reminderOffsets)];
    if (offsets.length) await db.insert(reminderSteps).values(offsets.map((offsetDays) => ({ roundId: id, offsetDays })));
  }
  return getRound(db, id, true);
}

/** Refuses work on a round that is closed. */
export function requireOpen(round: Pick<Round, "status">, key: "round_closed" | "round_closed_reopen" = "round_closed") {
  if (round.status !== "open") throw new AppError("validation", [{ field: "round", key }]);
}
