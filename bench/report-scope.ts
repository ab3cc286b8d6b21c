/**
 * What a plan's consolidated report reads of its year's round, on a database of national size (bench/national:
 * a yearly round of about a thousand plans): read only, nothing written. In the same run, for the plan of the
 * largest yearly round: the round's whole board (what every agency owes in it, as the report read it before)
 * against the totals the report says (reporting/board.roundTotals), the narratives of every accepted report of
 * the round against those on the plan's own tasks, and the whole gathering of the report as it is now.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/theodoi_national npm run bench:report-scope
 *
 * Prints the medians of BENCH_ROUNDS (5) and their ratios; writes bench/results/report-scope.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { and, eq, inArray, sql } from "drizzle-orm";
import { boardOf, roundTotals } from "../src/reporting/board.js";
import { roundPlans, rounds, submissions, submissionTasks } from "../src/reporting/schema.js";
import { tasks } from "../src/plans/schema.js";
import { gatherReport } from "../src/reports/context.js";
import { reportScope } from "../src/reports/scope.js";
import { openStore, queryRows } from "../src/storage/database.js";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL: a database loaded by bench/national");
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const store = await openStore({ databaseUrl: url, dataDir: ":memory:" });
const db = store.db;

const [round] = await queryRows<{ id: number; period_year: number; plans: number }>(db, sql`select r.id, r.period_year, count(*)::int as plans
  from ${rounds} r join ${roundPlans} p on p.round_id = r.id where r.period_kind = 'year' group by r.id order by count(*) desc, r.id limit 1`);
const [{ document_id: planId }] = await queryRows<{ document_id: number }>(db, sql`select p.document_id from ${roundPlans} p
  where p.round_id = ${round.id} and exists (select 1 from ${tasks} t where t.document_id = p.document_id) order by p.document_id limit 1`);
const scope = await reportScope(db, planId, false);
const accepted = (await db.select({ id: submissions.id }).from(submissions).where(and(eq(submissions.roundId, round.id), eq(submissions.status, "accepted")))).map((s) => s.id);
const narratives = (scoped: boolean) => db.select({ taskId: submissionTasks.taskId, narrative: submissionTasks.narrative }).from(submissionTasks)
  .innerJoin(tasks, eq(tasks.id, submissionTasks.taskId))
  .where(and(inArray(submissionTasks.submissionId, accepted), scoped ? inArray(tasks.documentId, scope.ids) : undefined));

/** The median of ROUNDS runs (after one warm-up), in ms, and what the last run answered. */
async function median<T>(run: () => Promise<T>): Promise<{ ms: number; last: T }> {
  let last = await run();
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) { const t = performance.now(); last = await run(); times.push(performance.now() - t); }
  return { ms: Number(times.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)].toFixed(1)), last };
}
const board = await median(() => boardOf(db, round.id));
const totals = await median(() => roundTotals(db, round.id));
if (JSON.stringify(totals.last.totals) !== JSON.stringify(board.last.totals)) throw new Error("the totals differ from the board's");
const allNarratives = await median(() => narratives(false));
const ownNarratives = await median(() => narratives(true));
const today = new Date().toISOString().slice(0, 10);
const gathered = await median(() => gatherReport(db, planId, round.period_year, today, false));

const ratio = (a: number, b: number) => Number((a / b).toFixed(3));
const result = {
  round: round.id, plansInRound: round.plans, planId, year: round.period_year, acceptedReports: accepted.length,
  board: { wholeBoardMs: board.ms, totalsMs: totals.ms, ratio: ratio(totals.ms, board.ms) },
  narratives: { roundRows: allNarratives.last.length, roundMs: allNarratives.ms, planRows: ownNarratives.last.length, planMs: ownNarratives.ms, ratio: ratio(ownNarratives.ms, allNarratives.ms) },
  gatherReportMs: gathered.ms,
};
console.log(`round ${round.id} (${round.plans} plans, ${round.period_year}), plan ${planId}, ${accepted.length} accepted reports`);
console.log(`the round's board (what every agency owes) ${board.ms} ms; the totals the report says ${totals.ms} ms (${result.board.ratio}×)`);
console.log(`narratives of the round: ${allNarratives.last.length} rows in ${allNarratives.ms} ms; on the plan's tasks: ${ownNarratives.last.length} rows in ${ownNarratives.ms} ms (${result.narratives.ratio}×)`);
console.log(`gathering the report now: ${gathered.ms} ms`);
mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
writeFileSync(new URL("./results/report-scope.json", import.meta.url), JSON.stringify(result, null, 2));
await store.close();
