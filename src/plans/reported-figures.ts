/**
 * Figures from published reports as values of the plans' indicators. A report states what the
 * province achieved ("tỷ lệ thôn có đường ô tô ... được cứng hóa đạt 87%", an estimate for 2024); a
 * plan sets a target for the same measure ("... đạt 80%" by 2025). When either is published, each
 * figure of a report is matched to the target of each plan that measures the same thing, and written
 * as that indicator's value for the figure's year, with the report as its source.
 *
 * Same thing: the same unit, and names that say the same once the target's own framing is set aside
 * (its period, its year, "bình quân hằng năm"): the Dice coefficient of their words at least
 * MATCH_THRESHOLD. A figure feeds, in each plan, only the targets it matches best; a target takes, for
 * each year and kind, only the figure that matches it best (a breakdown of the same figure, "GRDP ...:
 * nông lâm nghiệp", is close but not closest) among those of the document published, whose figure then
 * replaces one an earlier report gave for the same year and kind (a later report revises).
 */
import { and, eq, inArray, isNotNull, ne, not, or, sql } from "drizzle-orm";
import { documents } from "../documents/schema.js";
import type { Database } from "../storage/database.js";
import { foldedWords } from "../text/fold.js";
import { indicators, indicatorValues } from "./schema.js";

/**
 * The least share of their words two names must have in common (Dice): the sample report's "Tốc độ tăng
 * tổng sản phẩm trên địa bàn (GRDP)" and the plan's "Tốc độ tăng trưởng ... (GRDP) bình quân hằng năm
 * thời kỳ 2021 - 2030" share 0.95; the report's breakdown "...(GRDP): Nông lâm nghiệp" only 0.83.
 */
export const MATCH_THRESHOLD = 0.9;

/** Words that say nothing of what is measured, and fold to no other word that does ("co" is "có" and "cơ", "dat" "đạt" and "đất"). */
const FILLER = new Set(["cua", "va", "cac", "nhung", "duoc", "voi", "theo", "den", "nam"]);

/** The words of an indicator's name that say what it measures: without a period ("bình quân hằng năm thời kỳ 2021 - 2030"), years or filler. */
export function measureWords(name: string): string[] {
  const folded = foldedWords(name).join(" ")
    .replace(/\b(?:binh quan )?(?:hang|moi) nam\b/g, " ")
    .replace(/\b(?:thoi ky|giai doan|den nam|nam)?\s*\d{4}(?:\s+\d{4})?\b/g, " ");
  return folded.split(" ").filter((w) => w && !FILLER.has(w));
}

/** The Dice coefficient of two names' sets of measure words. */
export function nameSimilarity(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let common = 0;
  for (const w of b) if (a.has(w)) common++;
  return (2 * common) / (a.size + b.size);
}

/** A report's figure: a value of an indicator given by the indicator's own document. */
const givenByItsDocument = and(eq(indicatorValues.indicatorId, indicators.id), eq(indicatorValues.sourceDocumentId, indicators.documentId));

const unitKey = (unit: string | null) => (unit === null ? "" : foldedWords(unit).join(" ") || unit);

export interface Figure { id: number; documentId: number; name: string; unit: string | null; year: number; value: number; kind: "actual" | "estimate" }
export interface Target { id: number; documentId: number; name: string; unit: string | null; targetYear: number | null }
export interface Match { targetId: number; figure: Figure; similarity: number }

/** The matches between figures and targets (pure): see the module's comment. */
export function matchFigures(figures: Figure[], targets: Target[]): Match[] {
  // Only targets in the figure's unit are compared: the words of each are folded once.
  const byUnit = new Map<string, { t: Target; words: Set<string> }[]>();
  for (const t of targets) {
    const key = unitKey(t.unit);
    byUnit.set(key, [...(byUnit.get(key) ?? []), { t, words: new Set(measureWords(t.name)) }]);
  }
  const candidates: Match[] = [];
  for (const f of figures) {
    const words = new Set(measureWords(f.name));
    const best = new Map<number, { similarity: number; targets: Target[] }>(); // by plan
    for (const { t, words: targetWords } of byUnit.get(unitKey(f.unit)) ?? []) {
      if (t.documentId === f.documentId || (t.targetYear !== null && f.year > t.targetYear)) continue;
      const similarity = nameSimilarity(words, targetWords);
      if (similarity < MATCH_THRESHOLD) continue;
      const known = best.get(t.documentId);
      if (!known || similarity > known.similarity) best.set(t.documentId, { similarity, targets: [t] });
      else if (similarity === known.similarity) known.targets.push(t);
    }
    for (const { similarity, targets: ts } of best.values()) for (const t of ts) candidates.push({ targetId: t.id, figure: f, similarity });
  }
  const chosen = new Map<string, Match>(); // by target, year and kind
  for (const m of candidates) {
    const key = `${m.targetId}|${m.figure.year}|${m.figure.kind}`;
    const known = chosen.get(key);
    if (!known || m.similarity > known.similarity) chosen.set(key, m);
  }
  return [...chosen.values()];
}

/**
 * After `documentId` is published: its figures matched to the published plans' targets, and the
 * published reports' figures to its targets, written as values (one per indicator, year, kind and
 * source; a later figure of the same report replaces the earlier). The values it gave or took before
 * (an earlier version, or before it was made a draft again) are taken back first.
 */
export async function valuesFromReportedFigures(db: Database, documentId: number): Promise<number> {
  // What the document gave others and took from reports goes first: matched again below if it is published.
  const own = sql`${indicatorValues.indicatorId} in (select id from ${indicators} where document_id = ${documentId})`;
  await db.delete(indicatorValues).where(or(
    and(eq(indicatorValues.sourceDocumentId, documentId), not(own)),
    and(own, isNotNull(indicatorValues.sourceDocumentId), ne(indicatorValues.sourceDocumentId, documentId)),
  ));
  const published = sql`${indicators.documentId} in (select id from ${documents} where status = 'published')`;
  // A report's figure is an indicator of its report with a value the report itself gave.
  const figureRows = await db.select({
    id: indicators.id, documentId: indicators.documentId, name: indicators.name, unit: indicators.unit,
    year: indicatorValues.periodYear, period: indicatorValues.period, value: indicatorValues.value, kind: indicatorValues.kind,
  }).from(indicators).innerJoin(indicatorValues, givenByItsDocument)
    .where(and(published, ne(indicatorValues.kind, "plan")));
  const figures: Figure[] = figureRows.filter((r) => r.period === String(r.year)).map(({ period: _p, ...r }) => ({ ...r, kind: r.kind as Figure["kind"] }));
  const targets = await publishedTargets(db, [...new Set(figures.map((f) => f.documentId))]);
  // Only pairs this document is part of: its figures against every plan, every report's figures against its targets.
  const matches = [
    ...matchFigures(figures.filter((f) => f.documentId === documentId), targets),
    ...matchFigures(figures, targets.filter((t) => t.documentId === documentId)),
  ];
  if (!matches.length) return 0;
  const rows = matches.map((m) => ({
    indicatorId: m.targetId, period: String(m.figure.year), periodYear: m.figure.year, agencyId: null, value: m.figure.value, kind: m.figure.kind,
    sourceDocumentId: m.figure.documentId, note: m.figure.name,
  }));
  // A value reported by no agency is the province's: the report's figure replaces an earlier document's for the same year and kind.
  await db.insert(indicatorValues).values(rows).onConflictDoUpdate({
    target: [indicatorValues.indicatorId, indicatorValues.period, indicatorValues.agencyId, indicatorValues.kind],
    set: { value: sql`excluded.value`, sourceDocumentId: sql`excluded.source_document_id`, note: sql`excluded.note`, version: sql`${indicatorValues.version} + 1`, updatedAt: sql`now()` },
    setWhere: sql`${indicatorValues.sourceDocumentId} is not null`, // a value someone entered stays
  });
  return rows.length;
}

/** The indicators of published documents but those given (the reports, whose indicators are figures). */
async function publishedTargets(db: Database, excluded: number[]): Promise<Target[]> {
  return db.select({ id: indicators.id, documentId: indicators.documentId, name: indicators.name, unit: indicators.unit, targetYear: indicators.targetYear })
    .from(indicators).where(and(sql`${indicators.documentId} in (select id from ${documents} where status = 'published')`,
      excluded.length ? sql`${indicators.documentId} not in (${sql.join(excluded.map((id) => sql`${id}`), sql`, `)})` : undefined));
}

/** A figure of a draft and the target it would become a value of, once published. */
export interface Feed { figure: { name: string; value: number; year: number; kind: Figure["kind"] }; target: { id: number; name: string; documentId: number; symbol: string | null; title: string } }

/**
 * What publishing a draft's figures would feed (for the reviewer, before publishing): the same
 * matching as `valuesFromReportedFigures`, written nowhere. `documentId`: the document the draft
 * is a new version of, if any.
 */
export async function feedsOf(db: Database, figures: Omit<Figure, "id" | "documentId">[], documentId: number | null): Promise<Feed[]> {
  if (!figures.length) return [];
  const reports = await db.selectDistinct({ id: indicators.documentId }).from(indicators)
    .innerJoin(indicatorValues, givenByItsDocument);
  const targets = await publishedTargets(db, [...reports.map((r) => r.id), ...(documentId ? [documentId] : [])]);
  const DRAFT = 0; // no document yet: its figures are numbered by their place in the draft
  const matches = matchFigures(figures.map((f, i) => ({ ...f, id: i, documentId: DRAFT })), targets);
  if (!matches.length) return [];
  const targetOf = new Map(targets.map((t) => [t.id, t]));
  const docs = await db.select({ id: documents.id, symbol: documents.symbol, title: documents.title }).from(documents).where(inArray(documents.id, [...new Set(matches.map((m) => targetOf.get(m.targetId)!.documentId))]));
  const docOf = new Map(docs.map((d) => [d.id, d]));
  return matches.map((m) => {
    const t = targetOf.get(m.targetId)!;
    const doc = docOf.get(t.documentId);
    return { figure: { name: m.figure.name, value: m.figure.value, year: m.figure.year, kind: m.figure.kind },
      target: { id: t.id, name: t.name, documentId: t.documentId, symbol: doc?.symbol ?? null, title: doc?.title ?? "" } };
  }).sort((a, b) => a.target.documentId - b.target.documentId || a.target.id - b.target.id || a.figure.year - b.figure.year);
}

/** For tests and tools: the values matched into a plan's indicators from reports. */
export async function reportedValuesOf(db: Database, planId: number) {
  return db.select({ indicatorId: indicatorValues.indicatorId, name: indicators.name, period: indicatorValues.period, value: indicatorValues.value, kind: indicatorValues.kind, sourceDocumentId: indicatorValues.sourceDocumentId })
    .from(indicatorValues).innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
    .where(and(eq(indicators.documentId, planId), sql`${indicatorValues.sourceDocumentId} is not null`, ne(indicatorValues.sourceDocumentId, planId), inArray(indicatorValues.kind, ["actual", "estimate"])));
}
