/**
 * The national dataset generator (bench/national/load.ts) at a tiny scale, on the engine of the run (PGlite,
 * or PostgreSQL with DATABASE_URL): its rows satisfy the schema, its texts are folded and its symbols parsed
 * exactly as the app does it, and the app reads it consistently (the dashboard counts what SQL counts).
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BENCH_ACCOUNTS, BENCH_PASSWORD, createBenchAccounts, loadNational, sizesAt } from "../../bench/national/load.js";
import { symbolColumns } from "../../src/documents/commands.js";
import { scopeDocuments } from "../../src/documents/queries.js";
import { openStore, queryRows } from "../../src/storage/database.js";
import { searchDocumentText } from "../../src/text/fold.js";
import { startTestServer, type Client, type TestServer } from "../support/server.js";

const SCALE = 0.001, SEED = 7;
let server: TestServer;
let leader: Client;
const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(server.db.store.db, query);
const count = async (table: string, where = "true") => Number((await rows<{ n: number }>(sql.raw(`select count(*)::int as n from ${table} where ${where}`)))[0].n);

beforeAll(async () => {
  server = await startTestServer();
  await loadNational(server.db.store.db, { scale: SCALE, seed: SEED });
  await createBenchAccounts(server.db.store.db);
  leader = await server.signIn(BENCH_ACCOUNTS.leader, BENCH_PASSWORD);
});
afterAll(() => server?.close());

describe("the national dataset at a tiny scale", () => {
  const sizes = sizesAt(SCALE);

  it("has the sizes asked for: every task led by one agency, ten years of five figures per indicator", async () => {
    expect(await count("agencies")).toBe(sizes.agencies);
    expect(await count("documents")).toBe(sizes.documents);
    expect(await count("tasks")).toBe(sizes.tasks);
    expect(await count("indicators")).toBe(sizes.indicators);
    expect(await count("indicator_values")).toBe(sizes.indicators * 10 * 5);
    expect(await count("tasks t", "(select count(*) from task_agencies a where a.task_id = t.id and a.role = 'lead') <> 1")).toBe(0);
    expect(await count("task_agencies", "role = 'coordinating'")).toBeGreaterThan(0);
    expect(await count("submission_tasks")).toBeGreaterThan(0);
    // The audit trail was off for the load.
    expect(await count("audit_events", "table_name not in ('users', 'user_agencies', 'sessions', 'sign_in_failures')")).toBe(0);
  });

  it("chains documents four levels deep: resolution, programme, plan, sub-plan", async () => {
    const chain = await scopeDocuments(server.db.store.db, 1, false);
    expect(Math.max(...chain.map((d) => d.depth))).toBe(3);
    const [deepest] = await rows<{ types: string }>(sql`with recursive up(id, types) as (
        select id, doc_type from documents where id = (select max(id) from documents)
        union all select l.to_id, up.types || ',' || d.doc_type from up join document_links l on l.from_id = up.id and l.kind = 'implements' join documents d on d.id = l.to_id)
      select types from up order by length(types) desc limit 1`);
    expect(deepest.types).toBe("plan,plan,programme,resolution");
  });

  it("folds texts and parses symbols exactly as the app does", async () => {
    const docs = await rows<Record<string, string | number | null>>(sql`select symbol, symbol_key, number, symbol_year, type_code, issuer_code, doc_type, title, full_text, search_folded, body_folded from documents`);
    for (const d of docs) {
      const parsed = symbolColumns(d.symbol as string);
      expect({ symbol: d.symbol, key: d.symbol_key, number: d.number, year: d.symbol_year, type: d.type_code, issuer: d.issuer_code, docType: d.doc_type })
        .toEqual({ symbol: parsed.symbol, key: parsed.symbolKey, number: parsed.number, year: parsed.symbolYear, type: parsed.typeCode, issuer: parsed.issuerCode, docType: parsed.impliedType });
      expect(d.search_folded).toBe(searchDocumentText(d.symbol as string, d.title as string));
      expect(d.body_folded).toBe(searchDocumentText(d.full_text as string));
    }
    for (const t of await rows<{ text: string; search_folded: string }>(sql`select text, search_folded from tasks`)) expect(t.search_folded).toBe(searchDocumentText(t.text));
    for (const i of await rows<{ name: string; search_folded: string }>(sql`select name, search_folded from indicators`)) expect(i.search_folded).toBe(searchDocumentText(i.name));
    for (const a of await rows<{ name: string; code: string; search_folded: string }>(sql`select name, code, search_folded from agencies`)) expect(a.search_folded).toBe(searchDocumentText(a.name, a.code));
  });

  it("reads consistently through the app: the dashboard counts every task and indicator, in varied states", async () => {
    const { status, body } = await leader.call("GET", "/api/dashboard?year=2026");
    expect(status).toBe(200);
    const tasks = Object.values(body.taskCounts as Record<string, number>);
    expect(tasks.reduce((a, b) => a + b, 0)).toBe(await count("tasks"));
    expect(tasks.filter((n) => n > 0).length).toBeGreaterThanOrEqual(3);
    const indicators = Object.values(body.indicatorCounts as Record<string, number>);
    expect(indicators.reduce((a, b) => a + b, 0)).toBe(await count("indicators"));
    expect(indicators.filter((n) => n > 0).length).toBeGreaterThanOrEqual(2);
    // Open rounds due by now have agencies that have not reported.
    expect(body.late.length).toBeGreaterThan(0);
    const [round] = await rows<{ id: number }>(sql`select id from reporting_rounds where status = 'open' order by id limit 1`);
    expect((await leader.call("GET", `/api/rounds/${round.id}`)).status).toBe(200);
    const plan = await leader.call("GET", `/api/plans/${sizes.levels[0] + sizes.levels[1] + 1}/evaluation?year=2025`);
    expect(plan.status).toBe(200);
  });

  it("is the same for the same seed (here on the embedded engine, in memory)", async () => {
    const other = await openStore({ dataDir: ":memory:" });
    try {
      await other.migrate();
      await loadNational(other.db, { scale: SCALE, seed: SEED });
      const digest = `select md5(string_agg(concat_ws('|', id, document_id, text, deadline_kind, deadline_date, status, status_on), ',' order by id)) as d from tasks`;
      const values = `select md5(string_agg(concat_ws('|', indicator_id, period, value, kind), ',' order by indicator_id, period, kind)) as d from indicator_values`;
      for (const q of [digest, values]) {
        expect(await queryRows(other.db, sql.raw(q))).toEqual(await rows(sql.raw(q)));
      }
    } finally {
      await other.close();
    }
  });
});
