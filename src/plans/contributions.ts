/**
 * Indicators serving an ancestor's (indicator_contributions): a lower document's indicator counts towards
 * the target of an indicator of a document it implements, up its chain. Suggested by name and unit, as
 * report figures are matched to targets (reported-figures.ts) but with a lower bar, since a person
 * confirms each: a plan restates a resolution's target in its own words ("Tốc độ tăng trưởng kinh tế
 * (GRDP) bình quân đạt 8%/năm" for "GRDP tăng bình quân 8 - 8,5%/năm").
 * A document above whose text the system does not hold (a resolution known from citations) gets its targets
 * by hand, or restated from a lower document that restates them (restateTargets).
 * Outcomes: the document's indicators with what they serve and what they might; a link confirmed or
 * removed; targets restated; AppError validation when the indicator served is not above the one serving it.
 */
import { and, eq, inArray, or, sql } from "drizzle-orm";
import { invalid, notFound } from "../core/errors.js";
import { findDocument, inPublishedDocument } from "../documents/queries.js";
import { documents } from "../documents/schema.js";
import { queryRows, type Database } from "../storage/database.js";
import { foldedWords } from "../text/fold.js";
import { createIndicator, getIndicator } from "./indicators.js";
import { measureWords, nameSimilarity } from "./reported-figures.js";
import { indicatorContributions, indicators } from "./schema.js";

/**
 * The least similarity of names (Dice of their measure words) for a suggestion, low because a person decides:
 * "Tốc độ tăng trưởng kinh tế (GRDP) bình quân" and "Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP) bình
 * quân hằng năm thời kỳ 2021 - 2030" share 0.5. A breakdown ("Cơ cấu kinh tế: dịch vụ") must match its part too.
 */
export const SUGGEST_THRESHOLD = 0.5;
const PART_THRESHOLD = 0.65;

/** A name's measure words, and those of the part it breaks down to after a colon ("Cơ cấu kinh tế: dịch vụ"), if any. */
function nameParts(name: string): { words: Set<string>; part: Set<string> | null } {
  const colon = name.indexOf(":");
  return { words: new Set(measureWords(name)), part: colon < 0 ? null : new Set(measureWords(name.slice(colon + 1))) };
}

/** How close two names are as the same measure: 0 when one is a breakdown the other is not, or of another part. */
function closeness(a: ReturnType<typeof nameParts>, b: ReturnType<typeof nameParts>): number {
  if ((a.part === null) !== (b.part === null)) return 0;
  if (a.part && b.part && nameSimilarity(a.part, b.part) < PART_THRESHOLD) return 0;
  return nameSimilarity(a.words, b.words);
}
/** Suggestions shown per indicator, the closest first. */
const SUGGESTIONS = 3;

interface Named { id: number; documentId: number; name: string; unit: string | null }
export interface Suggestion { id: number; documentId: number; similarity: number }

const unitKey = (unit: string | null) => foldedWords(unit ?? "").join(" ");

/** For each lower indicator, the upper ones it may serve: the same unit, names close enough, the closest first (pure). */
export function suggestServed(lower: Named[], upper: Named[]): Map<number, Suggestion[]> {
  const uppers = upper.map((u) => ({ u, unit: unitKey(u.unit), name: nameParts(u.name) }));
  const out = new Map<number, Suggestion[]>();
  for (const l of lower) {
    const name = nameParts(l.name), unit = unitKey(l.unit);
    const found = uppers.filter((u) => u.unit === unit)
      .map((u) => ({ id: u.u.id, documentId: u.u.documentId, similarity: Math.round(closeness(name, u.name) * 100) / 100 }))
      .filter((s) => s.similarity >= SUGGEST_THRESHOLD)
      .sort((a, b) => b.similarity - a.similarity || a.id - b.id)
      .slice(0, SUGGESTIONS);
    if (found.length) out.set(l.id, found);
  }
  return out;
}

/** The documents a document implements, up its chain (at most 12 levels). */
async function documentsAbove(db: Database, documentId: number): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(db, sql`
    with recursive up(id, depth) as (
      select to_id, 1 from document_links where kind = 'implements' and from_id = ${documentId}
      union
      select l.to_id, up.depth + 1 from document_links l join up on l.from_id = up.id where l.kind = 'implements' and up.depth < 12
    )
    select distinct id from up where id <> ${documentId}`);
  return rows.map((r) => r.id);
}

export interface IndicatorLinks {
  id: number; name: string; unit: string | null;
  serves: (Named & { symbol: string | null })[];
  servedBy: (Named & { symbol: string | null })[];
  suggestions: (Named & { symbol: string | null; similarity: number })[];
}

/** A document's indicators: what each serves above, what serves it from below, and what it might serve (not yet linked). */
export async function documentContributions(db: Database, documentId: number, drafts: boolean): Promise<{ indicators: IndicatorLinks[] }> {
  await findDocument(db, documentId, drafts);
  const visible = drafts ? undefined : inPublishedDocument(indicators.documentId);
  const own = await db.select({ id: indicators.id, documentId: indicators.documentId, name: indicators.name, unit: indicators.unit })
    .from(indicators).where(eq(indicators.documentId, documentId)).orderBy(indicators.startOffset, indicators.id);
  if (!own.length) return { indicators: [] };
  const ownIds = own.map((i) => i.id);
  const links = await db.select().from(indicatorContributions)
    .where(or(inArray(indicatorContributions.indicatorId, ownIds), inArray(indicatorContributions.servesId, ownIds)));
  const above = await documentsAbove(db, documentId);
  const upper = above.length ? await db.select({ id: indicators.id, documentId: indicators.documentId, name: indicators.name, unit: indicators.unit })
    .from(indicators).where(and(inArray(indicators.documentId, above), visible)) : [];
  const linkedIds = [...new Set(links.flatMap((l) => [l.indicatorId, l.servesId]))].filter((id) => !ownIds.includes(id));
  const linked = linkedIds.length ? await db.select({ id: indicators.id, documentId: indicators.documentId, name: indicators.name, unit: indicators.unit })
    .from(indicators).where(and(inArray(indicators.id, linkedIds), visible)) : [];
  const byId = new Map([...upper, ...linked].map((i) => [i.id, i]));
  const docIds = [...new Set([...byId.values()].map((i) => i.documentId))];
  const symbols = new Map((docIds.length ? await db.select({ id: documents.id, symbol: documents.symbol }).from(documents).where(inArray(documents.id, docIds)) : []).map((d) => [d.id, d.symbol]));
  const described = (id: number) => { const i = byId.get(id); return i ? { ...i, symbol: symbols.get(i.documentId) ?? null } : null; };
  const suggested = suggestServed(own, upper);
  return {
    indicators: own.map((i) => {
      const serves = links.filter((l) => l.indicatorId === i.id).map((l) => described(l.servesId)).filter((x) => x !== null);
      const servedBy = links.filter((l) => l.servesId === i.id).map((l) => described(l.indicatorId)).filter((x) => x !== null);
      // Once it serves a target, the others are noise: the breakdowns of the same figure ("Cơ cấu kinh tế: dịch vụ") come close.
      const suggestions = serves.length ? [] : (suggested.get(i.id) ?? [])
        .map((s) => ({ ...described(s.id)!, similarity: s.similarity }));
      return { id: i.id, name: i.name, unit: i.unit, serves, servedBy, suggestions };
    }),
  };
}

/** Confirms that `indicatorId` serves `servesId`, an indicator of a document above it in its chain. Idempotent. */
export async function confirmContribution(db: Database, userId: number | null, indicatorId: number, servesId: number, drafts: boolean): Promise<{ indicatorId: number; servesId: number }> {
  const lower = await getIndicator(db, indicatorId, drafts);
  const [upper] = await db.select({ id: indicators.id, documentId: indicators.documentId }).from(indicators).where(eq(indicators.id, servesId));
  if (!upper) throw invalid("servesId", "indicator_unknown");
  if (!(await documentsAbove(db, lower.documentId)).includes(upper.documentId)) throw invalid("servesId", "serves_not_above");
  // Serving a target and, besides, one it serves (or one serving it) would count its values twice in the sum above.
  const served = (await db.select({ id: indicatorContributions.servesId }).from(indicatorContributions).where(eq(indicatorContributions.indicatorId, indicatorId))).map((r) => r.id);
  if (!served.includes(servesId) && served.length) {
    const above = async (from: number[]) => (await queryRows<{ id: number }>(db, sql`
      with recursive up(id, depth) as (
        select serves_id, 1 from indicator_contributions where indicator_id in (${sql.join(from.map((id) => sql`${id}`), sql`, `)})
        union
        select c.serves_id, up.depth + 1 from indicator_contributions c join up on c.indicator_id = up.id where up.depth < 12
      ) select distinct id from up`)).map((r) => r.id);
    const aboveServed = await above(served), aboveNew = await above([servesId]);
    if (aboveServed.includes(servesId) || served.some((id) => aboveNew.includes(id))) throw invalid("servesId", "serves_twice");
  }
  await db.insert(indicatorContributions).values({ indicatorId, servesId, confirmedBy: userId }).onConflictDoNothing();
  return { indicatorId, servesId };
}

/** Removes the link; not_found when there is none. */
export async function removeContribution(db: Database, indicatorId: number, servesId: number): Promise<void> {
  const gone = await db.delete(indicatorContributions)
    .where(and(eq(indicatorContributions.indicatorId, indicatorId), eq(indicatorContributions.servesId, servesId))).returning();
  if (!gone.length) throw notFound();
}

/**
 * Copies targets a lower document restates onto a document above it in its chain ("Mục tiêu" of a plan
 * restating its programme's), each linked as served by the indicator it was copied from; one the upper
 * document already has by that name is linked, not copied twice. All or nothing.
 */
export async function restateTargets(db: Database, userId: number | null, upperId: number, input: { fromId: number; indicatorIds: number[] }, drafts: boolean): Promise<{ created: number; linked: number }> {
  await findDocument(db, upperId, drafts);
  await findDocument(db, input.fromId, drafts);
  if (!(await documentsAbove(db, input.fromId)).includes(upperId)) throw invalid("fromId", "restate_not_below");
  const lower = await db.select().from(indicators).where(and(eq(indicators.documentId, input.fromId), inArray(indicators.id, input.indicatorIds)))
    .orderBy(indicators.startOffset, indicators.id);
  if (lower.length !== new Set(input.indicatorIds).size) throw invalid("indicatorIds", "indicator_unknown");
  const existing = new Map((await db.select({ id: indicators.id, name: indicators.name }).from(indicators).where(eq(indicators.documentId, upperId))).map((i) => [i.name, i.id]));
  let created = 0;
  for (const l of lower) {
    let servesId = existing.get(l.name);
    if (servesId === undefined) {
      servesId = (await createIndicator(db, {
        documentId: upperId, name: l.name, unit: l.unit, comparator: l.comparator, min: l.min, max: l.max, targetYear: l.targetYear, perYear: l.perYear,
        periodFrom: l.periodFrom, periodTo: l.periodTo, baselineValue: l.baselineValue, baselineYear: l.baselineYear, direction: l.direction, ownerId: l.ownerId,
        sourceText: l.sourceText,
      })).id;
      existing.set(l.name, servesId);
      created++;
    }
    await db.insert(indicatorContributions).values({ indicatorId: l.id, servesId, confirmedBy: userId }).onConflictDoNothing();
  }
  return { created, linked: lower.length };
}

/** The links of a document's indicators, by the indicator's name: what a new version of the document keeps (carryContributions). */
export interface CarriedLinks { byName: Map<string, { servesIds: number[]; servedByIds: number[]; confirmedBy: number | null }> }

/** Before a new version of a document replaces its indicators: their confirmed links, by name. */
export async function contributionsToCarry(db: Database, documentId: number): Promise<CarriedLinks> {
  const own = await db.select({ id: indicators.id, name: indicators.name }).from(indicators).where(eq(indicators.documentId, documentId));
  const byName: CarriedLinks["byName"] = new Map();
  if (!own.length) return { byName };
  const nameOf = new Map(own.map((i) => [i.id, i.name]));
  const links = await db.select().from(indicatorContributions)
    .where(or(inArray(indicatorContributions.indicatorId, [...nameOf.keys()]), inArray(indicatorContributions.servesId, [...nameOf.keys()])));
  const entry = (name: string) => {
    let e = byName.get(name);
    if (!e) byName.set(name, (e = { servesIds: [], servedByIds: [], confirmedBy: null }));
    return e;
  };
  for (const l of links) {
    // A link between two indicators of the same document is not one (a document serves what is above it).
    if (nameOf.has(l.indicatorId) && !nameOf.has(l.servesId)) Object.assign(entry(nameOf.get(l.indicatorId)!), { confirmedBy: l.confirmedBy }).servesIds.push(l.servesId);
    if (nameOf.has(l.servesId) && !nameOf.has(l.indicatorId)) entry(nameOf.get(l.servesId)!).servedByIds.push(l.indicatorId);
  }
  return { byName };
}

/** After a new version of a document is written: its indicators of the same names keep the links confirmed on the earlier ones. */
export async function carryContributions(db: Database, documentId: number, carried: CarriedLinks): Promise<void> {
  if (!carried.byName.size) return;
  const own = await db.select({ id: indicators.id, name: indicators.name }).from(indicators).where(eq(indicators.documentId, documentId));
  const rows = own.flatMap((i) => {
    const c = carried.byName.get(i.name);
    if (!c) return [];
    return [...c.servesIds.map((servesId) => ({ indicatorId: i.id, servesId, confirmedBy: c.confirmedBy })), ...c.servedByIds.map((indicatorId) => ({ indicatorId, servesId: i.id, confirmedBy: c.confirmedBy }))];
  });
  // (The other end may be gone meanwhile: deleted with its document in the same transaction.)
  const others = [...new Set(rows.flatMap((r) => [r.indicatorId, r.servesId]))];
  const existing = new Set((others.length ? await db.select({ id: indicators.id }).from(indicators).where(inArray(indicators.id, others)) : []).map((i) => i.id));
  const kept = rows.filter((r) => existing.has(r.indicatorId) && existing.has(r.servesId));
  if (kept.length) await db.insert(indicatorContributions).values(kept).onConflictDoNothing();
}
