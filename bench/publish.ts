/**
 * Publishing a plan of a Government programme's size: an import whose draft holds N tasks (12,414 by
 * default, as the issue measured: 224-245 s when tasks were written one at a time), each with a lead, a
 * partner and a deadline, and M indicators (one per 10 tasks by default, the national ratio), every other one
 * a figure the text states (a value), published in one transaction on the embedded engine. The baseline, in the
 * same run, is the same rows (tasks, indicators, values) inserted in bulk into tables of their own: the least
 * any publishing can cost. The indicators are also measured alone: written as publishing writes them (a batch
 * a statement), one at a time as they were, and in bulk.
 *
 *   npm run bench:publish          # BENCH_TASKS=12414 BENCH_INDICATORS=1241
 *
 * Goal: within 30 times the baseline. Prints the figures, writes bench/results/publish.json, exits with 1
 * when the goal is missed.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { importAgencies } from "../src/agencies/commands.js";
import { agencyExchangeFile } from "../src/agencies/inputs.js";
import { agencies } from "../src/agencies/schema.js";
import { createDocument } from "../src/documents/commands.js";
import { documentInput } from "../src/documents/inputs.js";
import { createImport, publishImport, saveDraft } from "../src/imports/commands.js";
import { figureOf } from "../src/imports/draft.js";
import { createIndicator, createIndicators, createValue, createValues } from "../src/plans/indicators.js";
import type { IndicatorInput } from "../src/plans/inputs.js";
import { openStore } from "../src/storage/database.js";

const N = Number(process.env.BENCH_TASKS ?? 12_414);
const M = Number(process.env.BENCH_INDICATORS ?? Math.round(N / 10));
const GOAL_RATIO = 30;

const store = await openStore({ dataDir: ":memory:" });
await store.migrate();
const db = store.db;
await importAgencies(db, agencyExchangeFile.parse(JSON.parse(readFileSync(new URL("../samples/agencies.json", import.meta.url), "utf8"))).agencies);
const idOf = new Map((await db.select({ id: agencies.id, name: agencies.name }).from(agencies)).map((a) => [a.name, a.id]));

const imported = await createImport(db, { name: "ke-hoach.txt", bytes: Buffer.from("KẾ HOẠCH\nSố: 1/KH-UBND\nI. NHIỆM VỤ\n1. Sở Xây dựng chủ trì.\n") });
const draft = structuredClone(imported.draft);
const names = ["Sở Xây dựng", "Sở Tài chính", "Sở Y tế", "Sở Nội vụ"];
draft.agencies = names.map((name) => ({ name, collective: false, agencyIds: [idOf.get(name)!] }));
draft.tasks = Array.from({ length: N }, (_, i) => ({
  section: `${Math.floor(i / 50) + 1}.${i % 50 + 1}`, text: `Triển khai nhiệm vụ số ${i + 1} về xây dựng kết cấu hạ tầng giao thông, đô thị và chuyển đổi số trên địa bàn`,
  lead: [names[i % 4]], coordinating: [names[(i + 1) % 4]], deadlineText: i % 3 ? "năm 2026" : "trước ngày 30/6/2026", output: null, start: null, end: null,
}));
draft.indicators = Array.from({ length: M }, (_, i) => ({
  name: `Tỷ lệ hộ gia đình được sử dụng dịch vụ số ${i + 1}`, text: `Đến năm 2030, tỷ lệ hộ gia đình được sử dụng dịch vụ số ${i + 1} đạt trên ${50 + (i % 40)}%`,
  comparator: ">=" as const, min: 50 + (i % 40), max: null, unit: "%", year: i % 2 ? 2024 : 2030, perYear: false, periodFrom: null, periodTo: null,
  direction: "higher" as const, kind: i % 2 ? "actual" as const : "target" as const, section: `${Math.floor(i / 20) + 1}`, owner: null, ownerId: idOf.get(names[i % 4])!, start: null, end: null,
}));
const figures = draft.indicators.map((i) => figureOf(i, "2026-01-15"));
const saved = await saveDraft(db, imported.id, { draft, version: imported.version });

const t0 = performance.now();
const published = await publishImport(db, saved.id, saved.version);
const publishMs = performance.now() - t0;

/** The least the same rows cost: each table's rows in one INSERT (a few, past PostgreSQL's 65,535 parameters). */
async function bulk(table: string, columns: string, rows: ReturnType<typeof sql>[], per: number) {
  for (let from = 0; from < rows.length; from += per) await db.execute(sql`insert into ${sql.raw(table)} (${sql.raw(columns)}) values ${sql.join(rows.slice(from, from + per), sql`, `)}`);
}
await db.execute(sql`create table bench_baseline (id serial primary key, document_id integer, text text, section text, deadline text, folded text)`);
await db.execute(sql`create table bench_indicators (id serial primary key, document_id integer, name text, unit text, comparator text, min numeric, target_year integer, section text, source text, owner_id integer, folded text)`);
await db.execute(sql`create table bench_values (id serial primary key, indicator_id integer, period text, period_year integer, value numeric, kind text, source_document_id integer)`);
const rows = draft.tasks.map((t) => sql`(${published.documentId}, ${t.text}, ${t.section}, ${t.deadlineText}, ${t.text})`);
const indicatorRows = draft.indicators.map((i) => sql`(${published.documentId}, ${i.name}, ${i.unit}, ${i.comparator}, ${i.min}, ${i.year}, ${i.section}, ${i.text}, ${i.ownerId}, ${i.name})`);
const valueRows = figures.flatMap((f, k) => (f ? [sql`(${k + 1}, ${String(f.year)}, ${f.year}, ${f.value}, ${f.kind}, ${published.documentId})`] : []));
const t1 = performance.now();
await bulk("bench_baseline", "document_id, text, section, deadline, folded", rows, 2000);
const t2 = performance.now();
await bulk("bench_indicators", "document_id, name, unit, comparator, min, target_year, section, source, owner_id, folded", indicatorRows, 2000);
await bulk("bench_values", "indicator_id, period, period_year, value, kind, source_document_id", valueRows, 2000);
const t3 = performance.now();
const baselineMs = t3 - t1, indicatorsBulkMs = t3 - t2;

// The indicators alone, into a document of their own each time: as publishing writes them now, and one at a time as it did.
const indicatorInputs = async (title: string): Promise<IndicatorInput[]> => {
  const documentId = (await createDocument(db, documentInput.parse({ title }))).id;
  return draft.indicators.map((i) => ({ documentId, name: i.name, unit: i.unit, comparator: i.comparator, min: i.min, max: i.max, targetYear: i.kind === "target" ? i.year : null,
    perYear: i.perYear, periodFrom: null, periodTo: null, direction: i.direction, sectionNumber: i.section, sourceText: i.text, startOffset: null, endOffset: null, ownerId: i.ownerId }));
};
const valuesOf = (ids: number[], documentId: number) => figures.flatMap((f, k) => (f ? [{ indicatorId: ids[k], period: String(f.year), value: f.value, kind: f.kind, sourceDocumentId: documentId }] : []));
const batched = await indicatorInputs("Kế hoạch đo ghi theo lô");
const t4 = performance.now();
const ids = await createIndicators(db, batched);
await createValues(db, valuesOf(ids, batched[0].documentId));
const indicatorsBatchedMs = performance.now() - t4;
const single = await indicatorInputs("Kế hoạch đo ghi từng dòng");
const t5 = performance.now();
const singleIds: number[] = [];
for (const input of single) singleIds.push((await createIndicator(db, input)).id);
for (const value of valuesOf(singleIds, single[0].documentId)) await createValue(db, value);
const indicatorsSingleMs = performance.now() - t5;

const ratio = (a: number, b: number) => Number((a / b).toFixed(1));
const result = {
  tasks: N, indicators: M, values: valueRows.length, publishMs: Math.round(publishMs), baselineMs: Math.round(baselineMs), ratio: ratio(publishMs, baselineMs), goalRatio: GOAL_RATIO,
  indicatorsAlone: { batchedMs: Math.round(indicatorsBatchedMs), oneAtATimeMs: Math.round(indicatorsSingleMs), bulkBaselineMs: Math.round(indicatorsBulkMs),
    batchedRatio: ratio(indicatorsBatchedMs, indicatorsBulkMs), oneAtATimeRatio: ratio(indicatorsSingleMs, indicatorsBulkMs) },
};
console.log(`publish ${N} tasks, ${M} indicators, ${valueRows.length} values: ${(publishMs / 1000).toFixed(2)} s; baseline (the same rows in bulk): ${(baselineMs / 1000).toFixed(2)} s; ratio ${result.ratio} (goal ≤ ${GOAL_RATIO})`);
console.log(`indicators and values alone: in batches ${Math.round(indicatorsBatchedMs)} ms (${result.indicatorsAlone.batchedRatio}× bulk), one at a time ${Math.round(indicatorsSingleMs)} ms (${result.indicatorsAlone.oneAtATimeRatio}× bulk); bulk ${Math.round(indicatorsBulkMs)} ms`);
mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
writeFileSync(new URL("./results/publish.json", import.meta.url), JSON.stringify(result, null, 2));
await store.close();
process.exit(result.ratio <= GOAL_RATIO ? 0 : 1);
