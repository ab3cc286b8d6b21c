/**
 * Publishing a plan of a Government programme's size: an import whose draft holds N tasks (12,414 by
 * default, as the issue measured: 224-245 s when tasks were written one at a time), each with a lead, a
 * partner and a deadline, published in one transaction on the embedded engine. The baseline, in the same
 * run, is one INSERT of N rows of the same width into a table of its own: the least any publishing can cost.
 *
 *   npm run bench:publish          # BENCH_TASKS=12414
 *
 * Goal: within 30 times the baseline. Prints the figures, writes bench/results/publish.json, exits with 1
 * when the goal is missed.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { importAgencies } from "../src/agencies/commands.js";
import { agencyExchangeFile } from "../src/agencies/inputs.js";
import { agencies } from "../src/agencies/schema.js";
import { createImport, publishImport, saveDraft } from "../src/imports/commands.js";
import { openStore } from "../src/storage/database.js";

const N = Number(process.env.BENCH_TASKS ?? 12_414);
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
const saved = await saveDraft(db, imported.id, { draft, version: imported.version });

const t0 = performance.now();
const published = await publishImport(db, saved.id, saved.version);
const publishMs = performance.now() - t0;

await db.execute(sql`create table bench_baseline (id serial primary key, document_id integer, text text, section text, deadline text, folded text)`);
const rows = draft.tasks.map((t) => sql`(${published.documentId}, ${t.text}, ${t.section}, ${t.deadlineText}, ${t.text})`);
const t1 = performance.now();
for (let from = 0; from < rows.length; from += 2000) {
  await db.execute(sql`insert into bench_baseline (document_id, text, section, deadline, folded) values ${sql.join(rows.slice(from, from + 2000), sql`, `)}`);
}
const baselineMs = performance.now() - t1;

const result = { tasks: N, publishMs: Math.round(publishMs), baselineMs: Math.round(baselineMs), ratio: Number((publishMs / baselineMs).toFixed(1)), goalRatio: GOAL_RATIO };
console.log(`publish ${N} tasks: ${(publishMs / 1000).toFixed(2)} s; baseline (the same rows in bulk): ${(baselineMs / 1000).toFixed(2)} s; ratio ${result.ratio} (goal ≤ ${GOAL_RATIO})`);
mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
writeFileSync(new URL("./results/publish.json", import.meta.url), JSON.stringify(result, null, 2));
await store.close();
process.exit(result.ratio <= GOAL_RATIO ? 0 : 1);
