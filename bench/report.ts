/**
 * The consolidated report at province size: a plan with 300 tasks and 100 indicators (values for
 * four years; no reporting rounds, so the board and the agencies' texts are not part of the time),
 * compiled and written as .docx, on the embedded engine.
 * The baseline, measured in the same run in alternating rounds, is writing an official document
 * with no body (the fixed cost of the .docx format), so the ratio holds whatever the machine.
 *
 *   npm run bench:report          # BENCH_ROUNDS=5
 *
 * Goal: the report in at most 1 s (median). Prints a table, writes bench/results/report.json, exits
 * with 1 when the goal is missed.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { agencies } from "../src/agencies/schema.js";
import { asActor } from "../src/audit/audit.js";
import { documents } from "../src/documents/schema.js";
import { createValue } from "../src/plans/indicators.js";
import { indicators, taskAgencies, tasks } from "../src/plans/schema.js";
import { compileReport, reportDocx } from "../src/reports/consolidated.js";
import { officialDocument } from "../src/reports/official-document.js";
import { openStore } from "../src/storage/database.js";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const GOAL_MS = 1000;
const TASKS = 300, INDICATORS = 100;

const store = await openStore({ dataDir: ":memory:" });
await store.migrate();
const db = store.db;
const planId = await asActor(db, null, "bench.seed", async (tx) => {
  const [agency] = await tx.insert(agencies).values({ code: "so-tai-chinh", name: "Sở Tài chính", kind: "department" }).returning();
  const [plan] = await tx.insert(documents).values({ symbol: "23/KH-UBND", symbolKey: "23/KH-UBND", docType: "plan", title: "Kế hoạch thực hiện chương trình phát triển kinh tế - xã hội", issuedOn: "2023-01-26", status: "published" }).returning();
  const taskRows = await tx.insert(tasks).values(Array.from({ length: TASKS }, (_, i) => ({
    documentId: plan.id, text: `Nhiệm vụ ${i + 1}: tổ chức triển khai các giải pháp phát triển hạ tầng giao thông, đô thị và nông thôn theo quy hoạch được duyệt`,
    deadlineKind: (i % 3 === 0 ? "date" : "yearly") as "date" | "yearly", deadlineDate: i % 3 === 0 ? "2024-06-30" : null, deadlineDay: 15, deadlineMonth: 12, startOffset: i,
  }))).returning({ id: tasks.id });
  await tx.insert(taskAgencies).values(taskRows.map((t) => ({ taskId: t.id, agencyId: agency.id, role: "lead" as const })));
  const indicatorRows = await tx.insert(indicators).values(Array.from({ length: INDICATORS }, (_, i) => ({
    documentId: plan.id, name: `Chỉ tiêu ${i + 1}: tỷ lệ hoàn thành mục tiêu phát triển`, unit: "%", comparator: (i % 2 ? ">=" : "range") as ">=" | "range",
    min: 80, max: i % 2 ? null : 90, targetYear: 2030, perYear: i % 4 === 0, periodFrom: i % 4 === 0 ? 2021 : null, periodTo: i % 4 === 0 ? 2030 : null, startOffset: i,
  }))).returning({ id: indicators.id });
  for (const [k, i] of indicatorRows.entries()) {
    for (const year of [2021, 2022, 2023, 2024]) await createValue(tx, { indicatorId: i.id, period: String(year), value: 60 + k % 30 + (year - 2021) * 3, kind: year === 2024 ? "estimate" : "actual" });
  }
  return plan.id;
});

const time = async (run: () => Promise<unknown>) => { const t0 = performance.now(); await run(); return performance.now() - t0; };
const empty = () => officialDocument({ superior: null, issuer: "ỦY BAN NHÂN DÂN TỈNH", number: null, symbolSuffix: "BC-UBND", place: "Lạng Sơn", date: "2026-11-23", title: { kind: "BÁO CÁO", subject: "Kết quả" }, body: [], recipients: [], signature: { authority: [], signer: null } });
const report = async () => reportDocx(await compileReport(db, planId, 2024, "2026-11-23", true));
await report(); await empty(); // warm-up
const rounds: { baseline: number; report: number }[] = [];
for (let r = 0; r < ROUNDS; r++) rounds.push({ baseline: await time(empty), report: await time(report) });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const result = { tasks: TASKS, indicators: INDICATORS, reportMs: median(rounds.map((r) => r.report)), baselineMs: median(rounds.map((r) => r.baseline)), ratio: median(rounds.map((r) => r.report / r.baseline)), goalMs: GOAL_MS };
console.log(`\n${TASKS} tasks, ${INDICATORS} indicators, ${ROUNDS} rounds\n`);
console.log("| case | median ms | × baseline |\n|---|---:|---:|");
console.log(`| baseline: an official document with no body | ${result.baselineMs.toFixed(1)} | 1.0× |`);
console.log(`| consolidated report (compile + .docx) | ${result.reportMs.toFixed(1)} | ${result.ratio.toFixed(1)}× |`);
mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
writeFileSync(new URL("./results/report.json", import.meta.url), JSON.stringify(result, null, 2));
await store.close();
if (result.reportMs > GOAL_MS) { console.error(`goal missed: ${result.reportMs.toFixed(0)} ms > ${GOAL_MS} ms`); process.exit(1); }
