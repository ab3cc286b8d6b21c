/**
 * Indicators (chỉ tiêu) and their values. Outcomes: the written record, or AppError validation
 * (bounds that do not fit the comparator, min above max, unknown references), duplicate (a value
 * for the same indicator, period, agency and kind), not_found, conflict.
 */
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { agencies } from "../agencies/schema.js";
import type { PgColumn } from "drizzle-orm/pg-core";
import { AppError, invalid, notFound } from "../core/errors.js";
import { inPublishedDocument, noneOrPublishedDocument } from "../documents/queries.js";
import { documents } from "../documents/schema.js";
import { toPrefixTsquery } from "../search/tsquery.js";
import type { Database } from "../storage/database.js";
import { deleteById, findById, matchesSearch, nextIds, pageOffset, unknownReference, updateVersioned, type Page, pageOf } from "../storage/records.js";
import { searchDocumentText } from "../text/fold.js";
import type { IndicatorInput, IndicatorListQuery, IndicatorPatch, ValueInput, valueListQuery, valuePatch } from "./inputs.js";
import { PERIOD } from "./inputs.js";
import { checkAgencies, checkDocument } from "../storage/references.js";
import { indicators, indicatorValues } from "./schema.js";
import type { z } from "zod";

export type Indicator = typeof indicators.$inferSelect;

/**
 * Bounds by comparator: "=" and "approx" are one value (min, with max equal to it); ">" and
 * ">=" need min and no max; "<" and "<=" need max and no min; "range" needs both, min ≤ max.
 */
export function normaliseBounds(b: Pick<IndicatorInput, "comparator" | "min" | "max">): { min: number | null; max: number | null } {
  const min = b.min ?? null, max = b.max ?? null;
  const need = (field: "min" | "max", v: number | null) => { if (v === null) throw new AppError("validation", [{ field, key: "bound_required" }]); };
  switch (b.comparator) {
    case "=": case "approx": need("min", min); return { min, max: min };
    case ">": case ">=": need("min", min); return { min, max: null };
    case "<": case "<=": need("max", max); return { min: null, max };
    case "range":
      need("min", min); need("max", max);
      if (min! > max!) throw invalid("max", "min_gt_max");
      return { min, max };
  }
}

const searchText = (i: Pick<Indicator, "name" | "unit" | "sourceText">) => searchDocumentText(i.name, i.unit, i.sourceText);

/** The condition that an indicator (by id) is one of a published document: see inPublishedDocument. */
export const ofPublishedIndicator = (indicatorId: PgColumn) =>
  sql`${indicatorId} in (select ${indicators.id} from ${indicators} where ${inPublishedDocument(indicators.documentId)})`;

/**
 * The values a reader who may not see drafts sees (`drafts`: see policy.readsDrafts): those of a published
 * document's indicator that name no source document or a published one (a figure of a report taken back is the draft's).
 */
export const valueVisible = (drafts: boolean) =>
  (drafts ? undefined : and(ofPublishedIndicator(indicatorValues.indicatorId), noneOrPublishedDocument(indicatorValues.sourceDocumentId)));

/** `drafts`: whether the reader may see the indicators of draft documents (see policy.readsDrafts). */
export async function getIndicator(db: Database, id: number, drafts: boolean): Promise<Omit<Indicator, "searchFolded">> {
  const [row] = await db.select().from(indicators).where(and(eq(indicators.id, id), drafts ? undefined : inPublishedDocument(indicators.documentId)));
  if (!row) throw notFound();
  const { searchFolded: _s, ...rest } = row;
  return rest;
}

export async function listIndicators(db: Database, q: IndicatorListQuery, drafts: boolean): Promise<Page<Omit<Indicator, "searchFolded">>> {
  const where: SQL[] = [];
  if (!drafts) where.push(inPublishedDocument(indicators.documentId));
  if (q.documentId) where.push(eq(indicators.documentId, q.documentId));
  if (q.ownerId) where.push(eq(indicators.ownerId, q.ownerId));
  const tsquery = q.q ? toPrefixTsquery(q.q) : null;
  if (tsquery) where.push(matchesSearch(indicators.searchFolded, tsquery));
  const condition = where.length ? and(...where) : undefined;
  const rows = await db.select().from(indicators).where(condition).orderBy(asc(indicators.documentId), asc(indicators.startOffset), asc(indicators.id))
    .limit(q.pageSize).offset(pageOffset(q));
  // The owner's name, for a reader who has no reason to load the whole registry to show it.
  const ownerIds = [...new Set(rows.flatMap((r) => (r.ownerId === null ? [] : [r.ownerId])))];
  const names = new Map(ownerIds.length ? (await db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(inArray(agencies.id, ownerIds))).map((a) => [a.id, a.name]) : []);
  return pageOf(db, indicators, condition, q, rows.map(({ searchFolded: _s, ...r }) => ({ ...r, ownerName: r.ownerId === null ? null : names.get(r.ownerId) ?? null })));
}

export async function createIndicator(db: Database, input: IndicatorInput): Promise<Indicator> {
  const bounds = normaliseBounds(input);
  checkPeriod(input.periodFrom, input.periodTo);
  await checkDocument(db, "documentId", input.documentId);
  await checkAgencies(db, "ownerId", [input.ownerId]);
  const values = { ...input, ...bounds };
  const [row] = await db.insert(indicators).values({ ...values, searchFolded: searchText({ name: input.name, unit: input.unit ?? null, sourceText: input.sourceText ?? null }) }).returning();
  return row;
}

const BATCH = 500;

/**
 * Creates many indicators at once (publishing a plan: a programme holds hundreds, a national one thousands), each
 * checked as createIndicator checks it, a problem named by its place in the list ("3.min"), then written a
 * batch a statement instead of one statement an indicator. Answers their ids, in the order given.
 */
export async function createIndicators(db: Database, inputs: IndicatorInput[]): Promise<number[]> {
  for (const documentId of new Set(inputs.map((i) => i.documentId))) await checkDocument(db, "documentId", documentId);
  const owners = [...new Set(inputs.flatMap((i) => (i.ownerId == null ? [] : [i.ownerId])))];
  const known = new Set(owners.length ? (await db.select({ id: agencies.id }).from(agencies).where(inArray(agencies.id, owners))).map((a) => a.id) : []);
  const rows = inputs.map((input, n) => atItem(n, () => {
    const bounds = normaliseBounds(input);
    checkPeriod(input.periodFrom, input.periodTo);
    if (input.ownerId != null && !known.has(input.ownerId)) throw unknownReference("ownerId", "agency_unknown");
    return { ...input, ...bounds, searchFolded: searchText({ name: input.name, unit: input.unit ?? null, sourceText: input.sourceText ?? null }) };
  }));
  const ids: number[] = [];
  for (let from = 0; from < rows.length; from += BATCH) {
    const batch = rows.slice(from, from + BATCH);
    // The ids taken first: the order in which an INSERT returns its rows is not one PostgreSQL promises.
    const taken = await nextIds(db, "indicators", batch.length);
    await db.insert(indicators).values(batch.map((row, k) => ({ ...row, id: taken[k] })));
    ids.push(...taken);
  }
  return ids;
}

/** Creates many values at once, checked as createValue checks them (a problem named "3.indicatorId"), a batch a statement. */
export async function createValues(db: Database, inputs: ValueInput[]): Promise<void> {
  const wanted = [...new Set(inputs.map((i) => i.indicatorId))];
  const found = new Set(wanted.length ? (await db.select({ id: indicators.id }).from(indicators).where(inArray(indicators.id, wanted))).map((r) => r.id) : []);
  const agencyIds = [...new Set(inputs.flatMap((i) => (i.agencyId == null ? [] : [i.agencyId])))];
  const knownAgencies = new Set(agencyIds.length ? (await db.select({ id: agencies.id }).from(agencies).where(inArray(agencies.id, agencyIds))).map((a) => a.id) : []);
  const documentIds = [...new Set(inputs.flatMap((i) => (i.sourceDocumentId == null ? [] : [i.sourceDocumentId])))];
  const knownDocuments = new Set(documentIds.length ? (await db.select({ id: documents.id }).from(documents).where(inArray(documents.id, documentIds))).map((d) => d.id) : []);
  const rows = inputs.map((input, n) => atItem(n, () => {
    if (!found.has(input.indicatorId)) throw invalid("indicatorId", "indicator_unknown");
    if (input.agencyId != null && !knownAgencies.has(input.agencyId)) throw unknownReference("agencyId", "agency_unknown");
    if (input.sourceDocumentId != null && !knownDocuments.has(input.sourceDocumentId)) throw unknownReference("sourceDocumentId", "document_unknown");
    return { ...input, periodYear: periodYear(input.period) };
  }));
  for (let from = 0; from < rows.length; from += BATCH) await db.insert(indicatorValues).values(rows.slice(from, from + BATCH));
}

/** Runs a check of the `n`th item of a list, naming the item in its problems ("3.min"). */
function atItem<T>(n: number, check: () => T): T {
  try {
    return check();
  } catch (e) {
    if (e instanceof AppError && e.code === "validation") throw new AppError("validation", e.fields.map((f) => ({ ...f, field: `${n}.${f.field}` })), e.detail);
    throw e;
  }
}

/** The indicator as written, as GET answers it (without its search column). */
export async function updateIndicator(db: Database, id: number, patch: IndicatorPatch): Promise<Omit<Indicator, "searchFolded">> {
  const { version, ...changes } = patch;
  const current = await findById(db, indicators, id);
  const next = { ...current, ...changes };
  const bounds = normaliseBounds(next);
  checkPeriod(next.periodFrom, next.periodTo);
  if (changes.documentId !== undefined) await checkDocument(db, "documentId", changes.documentId);
  if (changes.ownerId !== undefined) await checkAgencies(db, "ownerId", [changes.ownerId]);
  const { searchFolded: _s, ...written } = await updateVersioned(db, indicators, id, version, { ...changes, ...bounds, searchFolded: searchText(next) });
  return written;
}

function checkPeriod(from: number | null | undefined, to: number | null | undefined) {
  if (from != null && to != null && from > to) throw invalid("periodTo", "min_gt_max");
}

export const deleteIndicator = (db: Database, id: number) => deleteById(db, indicators, id);

const periodYear = (period: string) => Number(PERIOD.exec(period)![1]);

export async function getValue(db: Database, id: number, drafts: boolean) {
  const [row] = await db.select().from(indicatorValues).where(and(eq(indicatorValues.id, id), valueVisible(drafts)));
  if (!row) throw notFound();
  return row;
}

export async function listValues(db: Database, q: z.infer<typeof valueListQuery>, drafts: boolean) {
  const where = and(
    q.indicatorId ? eq(indicatorValues.indicatorId, q.indicatorId) : undefined,
    q.agencyId ? eq(indicatorValues.agencyId, q.agencyId) : undefined,
    q.kind ? eq(indicatorValues.kind, q.kind) : undefined,
    valueVisible(drafts),
  );
  const items = await db.select().from(indicatorValues).where(where)
    .orderBy(asc(indicatorValues.indicatorId), asc(indicatorValues.period), asc(indicatorValues.id)).limit(q.pageSize).offset(pageOffset(q));
  return pageOf(db, indicatorValues, where, q, items);
}

export async function createValue(db: Database, input: ValueInput) {
  const [indicator] = await db.select({ id: indicators.id }).from(indicators).where(eq(indicators.id, input.indicatorId));
  if (!indicator) throw invalid("indicatorId", "indicator_unknown");
  await checkAgencies(db, "agencyId", [input.agencyId]);
  await checkDocument(db, "sourceDocumentId", input.sourceDocumentId);
  const [row] = await db.insert(indicatorValues).values({ ...input, periodYear: periodYear(input.period) }).returning();
  return row;
}

export async function updateValue(db: Database, id: number, patch: z.infer<typeof valuePatch>) {
  const { version, ...changes } = patch;
  if (changes.indicatorId !== undefined) {
    const [indicator] = await db.select({ id: indicators.id }).from(indicators).where(eq(indicators.id, changes.indicatorId));
    if (!indicator) throw invalid("indicatorId", "indicator_unknown");
  }
  if (changes.agencyId !== undefined) await checkAgencies(db, "agencyId", [changes.agencyId]);
  if (changes.sourceDocumentId !== undefined) await checkDocument(db, "sourceDocumentId", changes.sourceDocumentId);
  const derived = changes.period ? { periodYear: periodYear(changes.period) } : {};
  return updateVersioned(db, indicatorValues, id, version, { ...changes, ...derived });
}

export const deleteValue = (db: Database, id: number) => deleteById(db, indicatorValues, id);
