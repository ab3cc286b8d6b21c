/**
 * importValues: a series of indicator values from a file (.xlsx or .csv, read by value-file.ts), as
 * the focal point loads ten years of the statistics office's figures. Each value's indicator is found
 * by its id or by its name as recorded (accents, case and spacing aside), within the plan or the
 * indicator the import was started from; its period, number, kind and source are checked, and a
 * second row for the same indicator, period and kind is refused naming the first. Then each value is
 * set against what is recorded (the province's figure, no agency): added, replacing another, or the same.
 *
 * Outcomes: the plan (preview: nothing written, every problem listed by row and column), or the
 * values written in one statement within the route's transaction (audited under the user and the
 * route); a file with any problem is refused whole (validation, each problem named) and nothing is written.
 */
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { AppError, type FieldProblem } from "../core/errors.js";
import { message, type Language } from "../core/i18n.js";
import { likelyDocument } from "../documents/commands.js";
import { documents } from "../documents/schema.js";
import type { Database } from "../storage/database.js";
import { foldVietnamese } from "../text/fold.js";
import { parseDocumentSymbol } from "../text/symbols.js";
import { PERIOD } from "./inputs.js";
import { indicatorContributions, indicators, indicatorValues } from "./schema.js";
import { kindCell, numberCell, periodCell, problemAt, textCell, valuesOf, type Grid, type RawValue, type ValueKind } from "./value-file.js";

/** Problems listed at most (a file of 5,000 bad rows says the first 200 and how many in all). */
const MAX_PROBLEMS = 200;

export interface ImportScope { documentId?: number; indicatorId?: number }

export interface ImportRow {
  row: number;
  indicatorId: number; indicatorName: string; unit: string | null; documentSymbol: string | null;
  period: string; kind: ValueKind; value: number;
  source: string | null; sourceDocumentId: number | null;
  action: "add" | "replace" | "same";
  /** What is recorded now, when the row replaces or repeats it. */
  previous: { value: number; note: string | null } | null;
}

export interface ImportAnswer {
  written: boolean;
  counts: { add: number; replace: number; same: number };
  rows: ImportRow[];
  /** Each problem where it is, in the user's language; `total` counts those not listed. */
  problems: { row: number; column: string | null; message: string }[];
  total: number;
}

/** A name as compared: folded, its spaces and closing punctuation tidied ("Tỷ lệ che phủ rừng:" = "ty le che phu rung"). */
const nameKey = (name: string) => foldVietnamese(name.normalize("NFC")).replace(/[\s\u00a0]+/g, " ").replace(/[\s.,;:]+$/, "").trim();

/** `served`: other indicators serve it (a target restated from a lower document): it takes their values, so a name names them first. */
type Candidate = { id: number; name: string; unit: string | null; documentId: number; symbol: string | null; served: boolean };

/** The indicators a row may name: the one the import was started from, the plan's, or every one. */
async function candidates(db: Database, scope: ImportScope): Promise<Candidate[]> {
  const where = scope.indicatorId ? eq(indicators.id, scope.indicatorId) : scope.documentId ? eq(indicators.documentId, scope.documentId) : undefined;
  return db.select({ id: indicators.id, name: indicators.name, unit: indicators.unit, documentId: indicators.documentId, symbol: documents.symbol,
    served: sql<boolean>`exists (select 1 from ${indicatorContributions} c where c.serves_id = ${indicators.id})` })
    .from(indicators).innerJoin(documents, eq(documents.id, indicators.documentId)).where(where);
}

/** The indicator a row names: by id ("12", "#12") or by name, one in scope; else the problem. */
function indicatorOf(v: RawValue, byId: Map<number, Candidate>, byName: Map<string, Candidate[]>, scope: ImportScope): Candidate | FieldProblem {
  if (!v.indicator) return byId.get(scope.indicatorId!)!;
  const read = textCell(v.indicator);
  if ("problem" in read) return read.problem;
  if (!read.text) return problemAt(v.indicator.at, "values_indicator_missing");
  const id = /^#?(\d{1,9})$/.exec(read.text);
  if (id) return byId.get(Number(id[1])) ?? problemAt(v.indicator.at, "values_indicator_unknown", { value: read.text });
  const named = byName.get(nameKey(read.text)) ?? [];
  // A target restated above ("Tỷ lệ che phủ rừng" of the programme, served by the plan's) gives way to the one serving it.
  const found = named.some((c) => !c.served) ? named.filter((c) => !c.served) : named;
  if (found.length === 1) return found[0];
  if (!found.length) return problemAt(v.indicator.at, "values_indicator_unknown", { value: read.text.length > 60 ? `${read.text.slice(0, 60)}…` : read.text });
  return problemAt(v.indicator.at, "values_indicator_ambiguous", { value: read.text.slice(0, 60), ids: found.map((c) => `${c.id}${c.symbol ? ` (${c.symbol})` : ""}`).join(", ") });
}

/** The document a source names by its symbol ("Báo cáo 123/BC-CTK"), where one is recorded; looked up once per source. */
async function sourceDocuments(db: Database, sources: string[]): Promise<Map<string, number | null>> {
  const out = new Map<string, number | null>();
  for (const source of sources.slice(0, 200)) {
    const token = [source, ...source.split(/\s+/)].find((t) => t.includes("/") && parseDocumentSymbol(t.replace(/^số\s*/iu, "").replace(/[.,;:)]+$/, "")));
    const found = token ? await likelyDocument(db, token.replace(/^số\s*/iu, "").replace(/[.,;:)]+$/, ""), null) : null;
    out.set(source, found?.id ?? null);
  }
  return out;
}

/** The file's values checked and set against what is recorded: the rows and the problems. */
export async function planImport(db: Database, grid: Grid, scope: ImportScope): Promise<{ rows: ImportRow[]; problems: FieldProblem[] }> {
  const inScope = await candidates(db, scope);
  if (scope.indicatorId && !inScope.length) throw new AppError("not_found");
  if (scope.documentId && !(await db.select({ id: documents.id }).from(documents).where(eq(documents.id, scope.documentId))).length) throw new AppError("not_found");
  const byId = new Map(inScope.map((c) => [c.id, c]));
  const byName = new Map<string, Candidate[]>();
  for (const c of inScope) byName.set(nameKey(c.name), [...(byName.get(nameKey(c.name)) ?? []), c]);
  const raw = valuesOf(grid, !!scope.indicatorId);

  const problems: FieldProblem[] = [];
  const read: Omit<ImportRow, "sourceDocumentId" | "action" | "previous">[] = [];
  const firstRow = new Map<string, number>();
  for (const v of raw) {
    const indicator = indicatorOf(v, byId, byName, scope);
    const period = periodCell(v.period), value = numberCell(v.value), kind = kindCell(v.kind, v.kindOfColumn);
    const source = v.source ? textCell(v.source) : { text: "" };
    const rowProblems = ["field" in indicator ? indicator : null, ...[period, value, kind, source].map((r) => ("problem" in r ? r.problem : null))].filter((p): p is FieldProblem => !!p);
    if (rowProblems.length) { problems.push(...rowProblems); continue; }
    const ok = { indicator: indicator as Candidate, period: (period as { period: string }).period, value: (value as { value: number }).value, kind: (kind as { kind: ValueKind }).kind, source: (source as { text: string }).text };
    const key = `${ok.indicator.id}|${ok.period}|${ok.kind}`;
    const first = firstRow.get(key);
    if (first !== undefined) { problems.push({ field: `rows.${v.row}`, key: "values_duplicate", params: { row: String(v.row), first: String(first) } }); continue; }
    firstRow.set(key, v.row);
    read.push({ row: v.row, indicatorId: ok.indicator.id, indicatorName: ok.indicator.name, unit: ok.indicator.unit, documentSymbol: ok.indicator.symbol,
      period: ok.period, kind: ok.kind, value: ok.value, source: ok.source || null });
  }

  const ids = [...new Set(read.map((r) => r.indicatorId))];
  const recorded = ids.length ? await db.select({ indicatorId: indicatorValues.indicatorId, period: indicatorValues.period, kind: indicatorValues.kind, value: indicatorValues.value, note: indicatorValues.note, sourceDocumentId: indicatorValues.sourceDocumentId })
    .from(indicatorValues).where(and(inArray(indicatorValues.indicatorId, ids), isNull(indicatorValues.agencyId))) : [];
  const now = new Map(recorded.map((r) => [`${r.indicatorId}|${r.period}|${r.kind}`, r]));
  const sources = await sourceDocuments(db, [...new Set(read.flatMap((r) => (r.source ? [r.source] : [])))]);
  const rows = read.map((r): ImportRow => {
    const was = now.get(`${r.indicatorId}|${r.period}|${r.kind}`);
    const sourceDocumentId = r.source ? sources.get(r.source) ?? null : null;
    const same = was && was.value === r.value && (was.note ?? null) === r.source && (was.sourceDocumentId ?? null) === sourceDocumentId;
    return { ...r, sourceDocumentId, action: !was ? "add" : same ? "same" : "replace", previous: was ? { value: was.value, note: was.note } : null };
  });
  return { rows, problems };
}

/** Writes the rows that add or replace a value: the province's figures (no agency), each replacing the one recorded for its indicator, period and kind. */
async function writeRows(db: Database, rows: ImportRow[]): Promise<void> {
  const changed = rows.filter((r) => r.action !== "same");
  for (let i = 0; i < changed.length; i += 1000) {
    await db.insert(indicatorValues).values(changed.slice(i, i + 1000).map((r) => ({
      indicatorId: r.indicatorId, period: r.period, periodYear: Number(PERIOD.exec(r.period)![1]), agencyId: null, value: r.value, kind: r.kind,
      sourceDocumentId: r.sourceDocumentId, note: r.source,
    }))).onConflictDoUpdate({
      target: [indicatorValues.indicatorId, indicatorValues.period, indicatorValues.agencyId, indicatorValues.kind],
      set: { value: sql`excluded.value`, note: sql`excluded.note`, sourceDocumentId: sql`excluded.source_document_id`, version: sql`${indicatorValues.version} + 1`, updatedAt: sql`now()` },
    });
  }
}

/** Previews (writes nothing) or imports a file's values: all of them, or none when any row has a problem. */
export async function importValues(db: Database, grid: Grid, scope: ImportScope, preview: boolean, lang: Language): Promise<ImportAnswer> {
  const { rows, problems } = await planImport(db, grid, scope);
  const counts = { add: rows.filter((r) => r.action === "add").length, replace: rows.filter((r) => r.action === "replace").length, same: rows.filter((r) => r.action === "same").length };
  if (problems.length && !preview) {
    throw new AppError("validation", problems.slice(0, MAX_PROBLEMS), "values_invalid", { count: String(problems.length) });
  }
  const listed = problems.slice(0, MAX_PROBLEMS).map((p) => {
    const [, row, column] = p.field.split(".");
    return { row: Number(row), column: column ?? null, message: message(p.key!, lang, p.params) };
  });
  if (!preview) await writeRows(db, rows);
  return { written: !preview && counts.add + counts.replace > 0, counts, rows, problems: listed, total: problems.length };
}
