/**
 * Reports owed upward as records: an obligation created, edited (at the version read), deleted; its sends
 * recorded and undone; the list with each obligation's next occurrence, and the occurrences that need
 * attention (overdue, due soon) for the focal point's inbox and the leaders' dashboard.
 * Outcomes: the record, or AppError validation (unknown agency or document, a draft or unpublished report
 * linked as sent, a period the obligation does not have, a date after today), not_found, conflict, duplicate.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { agencies } from "../agencies/schema.js";
import { readsDrafts, type Actor } from "../accounts/policy.js";
import { AppError, invalid, notFound } from "../core/errors.js";
import type { FieldProblem } from "../core/errors.js";
import { chainBelow } from "../documents/queries.js";
import { documents } from "../documents/schema.js";
import type { Database } from "../storage/database.js";
import { findById, unknownReference, updateVersioned } from "../storage/records.js";
import { vietnamDate } from "./periods.js";
import { reportObligations, reportObligationSends } from "./schema.js";
import { DUE_SOON_DAYS, isOccurrence, needsAttention, nextOwed, obligationStates, type OccurrenceStatus, type Send } from "./upward.js";
import type { ObligationInput, ObligationPatch, SendInput } from "./upward-inputs.js";

type Obligation = typeof reportObligations.$inferSelect;
interface DocumentRef { id: number; symbol: string | null; title: string; status: string }

export interface ObligationItem {
  id: number; version: number; title: string; note: string | null;
  frequency: Obligation["frequency"]; dueOn: string | null; dueDay: number | null; dueMonthOffset: number; fromYear: number | null; toYear: number | null;
  reporterId: number; reporterName: string; recipientId: number | null; recipientText: string;
  requestedBy: DocumentRef | null; subject: DocumentRef | null;
  /** The earliest occurrence not sent yet (null when every one was sent). */
  next: OccurrenceStatus | null;
  counts: { overdue: number; dueSoon: number; sent: number; total: number };
}
export interface ObligationDetail extends ObligationItem { occurrences: OccurrenceStatus[] }

/** The first year of an obligation without one: the year (in Vietnam) it was recorded. */
const recordedYear = (o: Pick<Obligation, "createdAt">) => Number(vietnamDate(new Date(o.createdAt)).slice(0, 4));

/** The checks of an obligation as a whole (after a patch is merged): its timing, its recipient. */
function timingProblems(o: Pick<Obligation, "frequency" | "dueOn" | "dueDay" | "fromYear" | "toYear" | "recipientText">): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (o.frequency === "once" && !o.dueOn) problems.push({ field: "dueOn", key: "upward_due_on_required" });
  if (o.frequency !== "once" && !o.dueDay) problems.push({ field: "dueDay", key: "upward_due_day_required" });
  if (o.fromYear != null && o.toYear != null && o.fromYear > o.toYear) problems.push({ field: "toYear", key: "min_gt_max" });
  if (!o.recipientText) problems.push({ field: "recipientText", key: "upward_recipient_required" });
  return problems;
}

/** Refuses a reference to an agency or a document that does not exist, naming its field. */
async function checkReferences(db: Database, values: Partial<Record<"reporterId" | "recipientId" | "requestedById" | "subjectId", number | null>>) {
  const tables = { reporterId: agencies, recipientId: agencies, requestedById: documents, subjectId: documents } as const;
  for (const [field, table] of Object.entries(tables) as [keyof typeof tables, typeof agencies | typeof documents][]) {
    const refId = values[field];
    if (refId == null) continue;
    const [row] = await db.select({ id: table.id }).from(table).where(eq(table.id, refId));
    if (!row) throw unknownReference(field, table === agencies ? "agency_unknown" : "document_unknown");
  }
}

const agencyName = async (db: Database, agencyId: number) => (await db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, agencyId)))[0]?.name ?? "";

/** The row to write from an input: the timing's fields the frequency does not use cleared, the recipient's text filled from its agency. */
async function rowOf(db: Database, o: ObligationInput): Promise<typeof reportObligations.$inferInsert> {
  const once = o.frequency === "once";
  const recipientText = o.recipientText || (o.recipientId ? await agencyName(db, o.recipientId) : "");
  return {
    title: o.title, requestedById: o.requestedById ?? null, subjectId: o.subjectId ?? null, reporterId: o.reporterId,
    recipientId: o.recipientId ?? null, recipientText, frequency: o.frequency,
    dueOn: once ? o.dueOn ?? null : null, dueDay: once ? null : o.dueDay ?? null, dueMonthOffset: once ? 0 : o.dueMonthOffset ?? 0,
    fromYear: o.fromYear ?? null, toYear: o.toYear ?? null, note: o.note ?? null,
  };
}

/** Checks and inserts an obligation; its id. */
export async function insertObligation(db: Database, input: ObligationInput, createdBy: number | null): Promise<number> {
  await checkReferences(db, input);
  const row = await rowOf(db, input);
  const problems = timingProblems(row as Obligation);
  if (problems.length) throw new AppError("validation", problems);
  const [created] = await db.insert(reportObligations).values({ ...row, createdBy }).returning({ id: reportObligations.id });
  return created.id;
}

export async function createObligation(db: Database, actor: Actor, input: ObligationInput, now = new Date()): Promise<ObligationDetail> {
  return getObligation(db, actor, await insertObligation(db, input, actor.id), now);
}

export async function updateObligation(db: Database, actor: Actor, id: number, patch: ObligationPatch, now = new Date()): Promise<ObligationDetail> {
  const { version, ...changes } = patch;
  const current = await findById(db, reportObligations, id);
  await checkReferences(db, changes);
  const merged = { ...current, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) } as ObligationInput;
  // A new recipient agency without its text takes the agency's name; the text typed is kept otherwise.
  if (changes.recipientId && changes.recipientText === undefined) merged.recipientText = "";
  const row = await rowOf(db, merged);
  const problems = timingProblems(row as Obligation);
  if (problems.length) throw new AppError("validation", problems);
  // A send keeps its period: a change of frequency or years that would leave one without its period is refused.
  const sends = await db.select({ period: reportObligationSends.period }).from(reportObligationSends).where(eq(reportObligationSends.obligationId, id));
  const today = vietnamDate(now);
  const orphans = sends.filter((s) => !isOccurrence(row as Obligation, s.period, today, recordedYear(current))).map((s) => s.period);
  if (orphans.length) throw new AppError("validation", [{ field: "frequency", key: "upward_sends_orphaned", params: { periods: orphans.join(", ") } }]);
  await updateVersioned(db, reportObligations, id, version, row);
  return getObligation(db, actor, id, now);
}

export async function deleteObligation(db: Database, id: number, version: number): Promise<void> {
  const rows = await db.delete(reportObligations).where(and(eq(reportObligations.id, id), eq(reportObligations.version, version))).returning({ id: reportObligations.id });
  if (rows.length) return;
  await findById(db, reportObligations, id);
  throw new AppError("conflict");
}

/** Records a period as sent: the day, the report's number, the report itself when it is a published document of the system. */
export async function recordSend(db: Database, actor: Actor, id: number, input: SendInput, now = new Date()): Promise<ObligationDetail> {
  await insertSend(db, id, input, actor.id, now);
  return getObligation(db, actor, id, now);
}

/** Checks and inserts a send (the period one of the obligation's, the date not after today, a linked document published). */
export async function insertSend(db: Database, id: number, input: SendInput, recordedBy: number | null, now = new Date()): Promise<void> {
  const obligation = await findById(db, reportObligations, id);
  const today = vietnamDate(now);
  if (!isOccurrence(obligation, input.period, today, recordedYear(obligation))) throw invalid("period", "upward_period_invalid");
  let { sentOn, symbol } = input;
  if (input.documentId != null) {
    const [doc] = await db.select({ status: documents.status, symbol: documents.symbol, issuedOn: documents.issuedOn }).from(documents).where(eq(documents.id, input.documentId));
    if (!doc) throw unknownReference("documentId", "document_unknown");
    // A report sent up is an issued document: a draft (or one only those who read drafts see) is not it.
    if (doc.status !== "published") throw invalid("documentId", "document_not_published");
    symbol ??= doc.symbol;
    sentOn ??= doc.issuedOn;
  }
  if (!sentOn) throw invalid("sentOn", "upward_sent_date_required");
  if (sentOn > today) throw invalid("sentOn", "upward_sent_future");
  const inserted = await db.insert(reportObligationSends).values({
    obligationId: id, period: input.period, documentId: input.documentId ?? null, symbol: symbol ?? null, sentOn, note: input.note ?? null, recordedBy,
  }).onConflictDoNothing().returning({ period: reportObligationSends.period });
  if (!inserted.length) throw new AppError("duplicate", [{ field: "period", key: "upward_already_sent" }]);
}

export async function undoSend(db: Database, actor: Actor, id: number, period: string, now = new Date()): Promise<ObligationDetail> {
  await findById(db, reportObligations, id);
  const rows = await db.delete(reportObligationSends).where(and(eq(reportObligationSends.obligationId, id), eq(reportObligationSends.period, period))).returning({ period: reportObligationSends.period });
  if (!rows.length) throw notFound();
  return getObligation(db, actor, id, now);
}

const requested = alias(documents, "requested");
const subject = alias(documents, "subject");
const reporter = alias(agencies, "reporter");

/** The obligations with their names and documents; a draft document is shown only to those who read drafts. */
async function obligationRows(db: Database, actor: Actor, where?: ReturnType<typeof eq>) {
  const rows = await db.select({
    o: reportObligations, reporterName: reporter.name,
    requested: { id: requested.id, symbol: requested.symbol, title: requested.title, status: requested.status },
    subject: { id: subject.id, symbol: subject.symbol, title: subject.title, status: subject.status },
  }).from(reportObligations).innerJoin(reporter, eq(reporter.id, reportObligations.reporterId))
    .leftJoin(requested, eq(requested.id, reportObligations.requestedById)).leftJoin(subject, eq(subject.id, reportObligations.subjectId))
    .where(where).orderBy(asc(reportObligations.id));
  const drafts = readsDrafts(actor);
  const shown = (d: DocumentRef | null) => (!d || (d.status !== "published" && !drafts) ? null : d);
  const ids = rows.map((r) => r.o.id);
  const sends = ids.length ? await db.select().from(reportObligationSends).where(inArray(reportObligationSends.obligationId, ids)) : [];
  return rows.map((r) => ({
    ...r, requested: shown(r.requested), subject: shown(r.subject),
    sends: sends.filter((s) => s.obligationId === r.o.id).map((s): Send => ({
      period: s.period, sentOn: s.sentOn, symbol: s.symbol, note: s.note,
      // The report sent, when it is a document the reader may see (a draft made of it since is not shown).
      documentId: s.documentId,
    })),
  }));
}

/** The reports on `documentId` or on a document down its chain (by their subject, or the document asking for them). */
async function inScope(db: Database, actor: Actor, rows: Awaited<ReturnType<typeof obligationRows>>, documentId: number | undefined) {
  if (documentId === undefined) return rows;
  const scope = new Set((await chainBelow(db, documentId, readsDrafts(actor))).map((m) => m.id));
  return rows.filter((r) => (r.subject && scope.has(r.subject.id)) || (r.requested && scope.has(r.requested.id)));
}

/** Hides the documents of sends that are drafts from those who do not read drafts. */
async function visibleSends(db: Database, actor: Actor, sends: Send[]): Promise<Send[]> {
  if (readsDrafts(actor)) return sends;
  const ids = sends.map((s) => s.documentId).filter((x): x is number => x !== null);
  const published = new Set(ids.length ? (await db.select({ id: documents.id }).from(documents).where(and(inArray(documents.id, ids), eq(documents.status, "published")))).map((d) => d.id) : []);
  return sends.map((s) => (s.documentId !== null && !published.has(s.documentId) ? { ...s, documentId: null, symbol: null } : s));
}

function itemOf(r: Awaited<ReturnType<typeof obligationRows>>[number], sends: Send[], today: string, within: number): ObligationDetail {
  const { o } = r;
  const states = obligationStates(o, sends, today, within, recordedYear(o));
  const next = nextOwed(states);
  return {
    id: o.id, version: o.version, title: o.title, note: o.note,
    frequency: o.frequency, dueOn: o.dueOn, dueDay: o.dueDay, dueMonthOffset: o.dueMonthOffset, fromYear: o.fromYear, toYear: o.toYear,
    reporterId: o.reporterId, reporterName: r.reporterName, recipientId: o.recipientId, recipientText: o.recipientText,
    requestedBy: r.requested, subject: r.subject, next,
    counts: { overdue: states.filter((s) => s.state === "overdue").length, dueSoon: states.filter((s) => s.state === "due_soon").length, sent: states.filter((s) => s.send).length, total: states.length },
    occurrences: states,
  };
}

export async function getObligation(db: Database, actor: Actor, id: number, now = new Date(), within = DUE_SOON_DAYS): Promise<ObligationDetail> {
  const [row] = await obligationRows(db, actor, eq(reportObligations.id, id));
  if (!row) throw notFound();
  return itemOf(row, await visibleSends(db, actor, row.sends), vietnamDate(now), within);
}

export type ListState = "overdue" | "due_soon" | "upcoming" | "done" | "all";

/** The obligations, with each one's next occurrence; `state` keeps those with an occurrence overdue, one due soon, the next one later, or none owed. */
export async function listObligations(db: Database, actor: Actor, q: { state: ListState; within?: number; reporterId?: number; document?: number }, now = new Date()): Promise<ObligationItem[]> {
  const today = vietnamDate(now);
  const rows = await inScope(db, actor, await obligationRows(db, actor, q.reporterId ? eq(reportObligations.reporterId, q.reporterId) : undefined), q.document);
  const items: ObligationItem[] = [];
  for (const r of rows) {
    const { occurrences: _all, ...item } = itemOf(r, await visibleSends(db, actor, r.sends), today, q.within ?? DUE_SOON_DAYS);
    const keep = q.state === "all" || (q.state === "overdue" ? item.counts.overdue > 0 : q.state === "due_soon" ? item.counts.dueSoon > 0
      : q.state === "upcoming" ? item.next?.state === "upcoming" : item.next === null);
    if (keep) items.push(item);
  }
  return items.sort((a, b) => (a.next?.dueOn ?? "9999").localeCompare(b.next?.dueOn ?? "9999") || a.id - b.id);
}

export interface DueItem extends OccurrenceStatus {
  obligationId: number; version: number; title: string; reporterId: number; reporterName: string; recipientText: string;
  subject: DocumentRef | null;
}

/** Every occurrence overdue or due within `within` days, soonest due first: what the focal point and the leaders must see. */
export async function dueOccurrences(db: Database, actor: Actor, q: { within?: number; document?: number } = {}, now = new Date()): Promise<{ within: number; today: string; items: DueItem[] }> {
  const today = vietnamDate(now), within = q.within ?? DUE_SOON_DAYS;
  const items: DueItem[] = [];
  for (const r of await inScope(db, actor, await obligationRows(db, actor), q.document)) {
    const detail = itemOf(r, r.sends, today, within);
    for (const occ of detail.occurrences.filter(needsAttention)) {
      items.push({ ...occ, obligationId: detail.id, version: detail.version, title: detail.title, reporterId: detail.reporterId, reporterName: detail.reporterName, recipientText: detail.recipientText, subject: detail.subject });
    }
  }
  return { within, today, items: items.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.obligationId - b.obligationId) };
}
