/**
 * Deep pages of the document list: a page far down (at 80% of the list) asked by page number (OFFSET: every row
 * before it read, sorted and thrown away) and by cursor (`after`: an index scan from the row before it), against
 * the first page in the same run, through the list's own function (documents/queries.listDocuments). N documents
 * (100,000 by default; a twentieth undated, a tenth drafts) on the embedded engine, or on PostgreSQL with
 * DATABASE_URL (a database of the bench's own). Prints the keyset query's plan.
 *
 *   npm run bench:paging               # BENCH_DOCUMENTS=100000, embedded
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:paging
 *
 * Goal: the deep page by cursor within 3 times the first page. Writes bench/results/paging[-pg].json; exits
 * with 1 when the goal is missed.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { documentListQuery } from "../src/documents/inputs.js";
import { listDocuments } from "../src/documents/queries.js";
import { openStore, queryRows } from "../src/storage/database.js";
import { benchDatabase } from "./database.js";

const N = Number(process.env.BENCH_DOCUMENTS ?? 100_000);
const ROUNDS = 20;
const GOAL_RATIO = 3;

const bench = await benchDatabase();
const store = await openStore({ databaseUrl: bench.url, dataDir: ":memory:" });
await store.migrate();
const db = store.db;
await db.execute(sql`insert into documents (doc_type, title, search_folded, issued_on, status)
  select 'plan', 'Kế hoạch số ' || g, 'ke hoach so ' || g, case when g % 20 = 0 then null else date '2000-01-01' + (g % 9000) end,
    case when g % 10 = 3 then 'draft' else 'published' end from generate_series(1, ${N}) g`);
await db.execute(sql`analyze documents`);

const PAGE = 50;
// A reader who may not see drafts: the condition every viewer's list carries.
const list = (query: Record<string, string>) => listDocuments(db, documentListQuery.parse({ pageSize: String(PAGE), ...query }), false);
const first = await list({});
const deepPage = Math.floor((first.total * 0.8) / PAGE);
// The cursor of the row before the deep page: the last row of the page before it.
const before = await list({ page: String(deepPage - 1) });
const byOffset = await list({ page: String(deepPage) });
const byCursor = await list({ page: String(deepPage), after: before.next! });
if (JSON.stringify(byOffset.items.map((d) => d.id)) !== JSON.stringify(byCursor.items.map((d) => d.id))) throw new Error("the deep page by cursor differs from the page by number");

/** The median of ROUNDS timings of `run` (after one warm-up). */
async function median(run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) { const t = performance.now(); await run(); times.push(performance.now() - t); }
  return times.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)];
}
const firstMs = await median(() => list({}));
const offsetMs = await median(() => list({ page: String(deepPage) }));
const cursorMs = await median(() => list({ page: String(deepPage), after: before.next! }));

const [issuedOn, id] = JSON.parse(Buffer.from(before.next!, "base64url").toString()) as [string, number];
const plan = await queryRows<{ "QUERY PLAN": string }>(db, sql`explain select id from documents where status = 'published'
  and (issued_on, id) < (${issuedOn}::date, ${id}::integer) order by issued_on desc nulls last, id desc nulls last limit ${PAGE + 1}`);

const engine = bench.url ? "postgresql" : "pglite";
const ratio = (x: number) => Number((x / firstMs).toFixed(1));
const result = { engine, documents: N, pageSize: PAGE, deepPage, firstMs: Number(firstMs.toFixed(2)), offsetMs: Number(offsetMs.toFixed(2)), cursorMs: Number(cursorMs.toFixed(2)),
  offsetRatio: ratio(offsetMs), cursorRatio: ratio(cursorMs), goalRatio: GOAL_RATIO, keysetPlan: plan.map((r) => r["QUERY PLAN"]) };
console.log(`${engine}, ${N} documents, page ${deepPage} of ${PAGE}: first page ${firstMs.toFixed(1)} ms; deep page by number (OFFSET) ${offsetMs.toFixed(1)} ms (${result.offsetRatio}×); by cursor ${cursorMs.toFixed(1)} ms (${result.cursorRatio}×, goal ≤ ${GOAL_RATIO}×)`);
console.log(result.keysetPlan.join("\n"));
mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
writeFileSync(new URL(`./results/paging${bench.url ? "-pg" : ""}.json`, import.meta.url), JSON.stringify(result, null, 2));
await store.close();
await bench.drop();
process.exit(result.cursorRatio <= GOAL_RATIO ? 0 : 1);
