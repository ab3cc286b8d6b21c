/**
 * The figures kept per process are brought up to date by evaluating again only the documents a write
 * touched: after writes of every kind the dashboard reads, they must equal a fresh evaluation of the whole
 * province, having evaluated only a few documents.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../test/support/database.js";
import { queryRows } from "../storage/database.js";
import { forgetWriteMark } from "../audit/write-mark.js";
import { changedDocuments, evaluateFigures, figuresOf, figuresStats, figureTask, figureTaskIs, figureTasks, KeptSeries, newDay, untilChainChanges, type DocumentFigures, type FigureTask } from "./figures.js";
import type { Aside } from "../core/aside.js";
import { busy } from "./gate.js";

let t: TestDatabase;
const today = "2024-11-20";
const mark = async () => Number((await queryRows<{ id: number }>(t.store.db, sql`select coalesce(max(id), 0) as id from audit_events`))[0].id);
const one = async <T>(query: ReturnType<typeof sql>) => (await queryRows<T>(t.store.db, query))[0];

beforeAll(async () => { t = await openTestDatabase({ samples: true }); });
afterAll(async () => { await t?.drop(); });

/** What a dashboard reads of a document's figures, comparable with toEqual. */
const comparable = (figures: Map<number, DocumentFigures>) => new Map([...figures].filter(([, f]) => f.province).map(([id, f]) => [id, {
  taskCounts: f.taskCounts, indicatorCounts: f.indicatorCounts, indicators: f.indicators, tasks: f.tasks,
  agencyTasks: Object.fromEntries(f.agencyTasks), serves: Object.fromEntries(f.serves), symbol: f.symbol, title: f.title,
}]));

async function fresh(): Promise<Map<number, DocumentFigures>> {
  const ids = (await queryRows<{ id: number }>(t.store.db, sql`select id from documents where status = 'published' and doc_type <> 'report'`)).map((d) => d.id);
  return evaluateFigures(t.store.db, ids, 2024, today);
}

describe("a year's figures, kept and caught up", () => {
  it("count the documents evaluated as they go, ending with all of them", async () => {
    const ids = (await queryRows<{ id: number }>(t.store.db, sql`select id from documents`)).map((d) => d.id);
    const withContent = (await queryRows<{ n: number }>(t.store.db, sql`select count(*)::integer as n from documents d
      where exists (select 1 from tasks where document_id = d.id) or exists (select 1 from indicators where document_id = d.id)`))[0].n;
    const progress = { done: 0, total: 0, startedAt: performance.now() };
    const figures = await evaluateFigures(t.store.db, ids, 2024, today, false, progress);
    // Documents without tasks or indicators take no time: they are not counted.
    expect(withContent).toBeGreaterThan(0);
    expect(withContent).toBeLessThan(ids.length);
    expect(progress).toMatchObject({ done: withContent, total: withContent });
    expect(figures.size).toBe(ids.length);
    // How the reader who stops waiting is told it: a share of the documents, never "100%" while it still runs.
    expect(busy(4.2, { done: 1, total: 3 })).toMatchObject({ code: "unavailable", detail: "dashboard_building", params: { percent: "33", seconds: "5" } });
    expect(busy(90, { done: 1, total: 3 }).params.seconds).toBe("10");
    expect(busy(0.2, { done: 3, total: 3 }).params).toEqual({ percent: "99", seconds: "1" });
    expect(busy(90)).toMatchObject({ detail: "dashboard_busy", params: { seconds: "30" } });
  });

  it("equal a fresh evaluation after writes of every kind, evaluating only the documents they touch", async () => {
    const db = t.store.db;
    const before = comparable(await figuresOf(db, 2024, today, performance.now()));
    const provinceSize = before.size;
    expect(provinceSize).toBeGreaterThan(3);

    // A task completed by the focal point; another's lead taken away.
    const task = await one<{ id: number; document_id: number }>(sql`select id, document_id from tasks where status = 'open' order by id limit 1`);
    await db.execute(sql`update tasks set status = 'completed', status_on = '2024-06-01' where id = ${task.id}`);
    const led = await one<{ task_id: number; agency_id: number }>(sql`select task_id, agency_id from task_agencies where role = 'lead' order by task_id desc limit 1`);
    await db.execute(sql`delete from task_agencies where task_id = ${led.task_id} and agency_id = ${led.agency_id} and role = 'lead'`);
    // A value for an indicator that serves another: the one it serves is judged on it (another document).
    const serving = await one<{ indicator_id: number; serves_id: number } | undefined>(sql`
      select c.indicator_id, c.serves_id from indicator_contributions c join indicators i on i.id = c.indicator_id join indicators s on s.id = c.serves_id
      where i.document_id <> s.document_id order by c.indicator_id limit 1`);
    expect(serving, "the samples have a lower indicator serving an upper one").toBeDefined();
    await db.execute(sql`delete from indicator_values where indicator_id = ${serving!.indicator_id} and period = '2024'`);
    await db.execute(sql`insert into indicator_values (indicator_id, period, period_year, value, kind) values (${serving!.indicator_id}, '2024', 2024, 1, 'actual')`);
    // A report withdrawn: the values it gave are no longer seen.
    const source = await one<{ id: number } | undefined>(sql`select d.id from documents d where d.status = 'published' and exists (select 1 from indicator_values v where v.source_document_id = d.id) limit 1`);
    if (source) await db.execute(sql`update documents set status = 'draft' where id = ${source.id}`);

    const evaluatedBefore = figuresStats().documents;
    const caughtUp = await figuresOf(db, 2024, today, performance.now());
    const evaluated = figuresStats().documents - evaluatedBefore;
    expect(comparable(caughtUp)).toEqual(comparable(await fresh()));
    expect(evaluated).toBeGreaterThan(0);
    expect(evaluated).toBeLessThan(provinceSize);
    expect(comparable(caughtUp)).not.toEqual(before);
  });

  it("evaluates everything again when a write's reach is not known: agencies merged", async () => {
    const m = await mark();
    const seen = (await queryRows<{ id: number }>(t.store.db, sql`select id from audit_events where id > ${m - 1000}`)).map((r) => r.id);
    await t.store.db.execute(sql`update agencies set name = name || ' ' where id = (select min(id) from agencies)`);
    const { documents, position } = await changedDocuments(t.store.db, { mark: m, seen });
    expect(documents).toBe("all");
    expect(position.mark).toBe(await mark());
    expect((await changedDocuments(t.store.db, position)).documents).toEqual(new Set());
  });

  it("catches up a write numbered below one already seen (its transaction committed later)", async () => {
    const db = t.store.db;
    await figuresOf(db, 2024, today, performance.now());
    const task = await one<{ id: number; document_id: number }>(sql`select id, document_id from tasks where status = 'open' order by id desc limit 1`);
    // An entry written by a transaction still open when the next write committed: it was not there to be seen.
    const { position } = await changedDocuments(db, { mark: await mark(), seen: [] });
    await db.execute(sql`update tasks set status = 'completed', status_on = '2024-03-01' where id = ${task.id}`);
    const hidden = await mark();
    const after = { mark: hidden, seen: position.seen };
    const { documents } = await changedDocuments(db, after);
    expect(documents).toEqual(new Set([task.document_id]));
  });
});

describe("a new day", () => {
  it("serves yesterday's figures while today's are evaluated, when they take longer than a reader waits", async () => {
    const db = t.store.db;
    const yesterday = await figuresOf(db, 2024, "2024-11-21", performance.now());
    const waited = newDay.waitMs;
    newDay.waitMs = 0;
    try {
      // Today's are being evaluated: yesterday's, as they are, serve meanwhile.
      expect(await figuresOf(db, 2024, "2024-11-22", performance.now())).toBe(yesterday);
      // Once evaluated, today's serve: judged as of the new day.
      await new Promise((ok) => setTimeout(ok, 50));
      let today = await figuresOf(db, 2024, "2024-11-22", performance.now());
      for (let i = 0; today === yesterday && i < 200; i++) {
        await new Promise((ok) => setTimeout(ok, 50));
        today = await figuresOf(db, 2024, "2024-11-22", performance.now());
      }
      expect(today).not.toBe(yesterday);
      expect(comparable(today)).toEqual(comparable(await evaluateFigures(db, [...today.keys()], 2024, "2024-11-22")));
    } finally {
      newDay.waitMs = waited;
    }
  });
});

describe("what is kept per chain", () => {
  it("is kept across writes to other documents, and computed again after one to its own or to who is in a chain", async () => {
    const db = t.store.db;
    const [own, other] = await queryRows<{ id: number; task: number }>(db, sql`
      select document_id as id, min(id) as task from tasks group by document_id order by document_id limit 2`);
    let computed = 0;
    const kept = () => untilChainChanges(db, "test|chain", async () => { computed++; return { documents: [own.id] }; }, (v) => v.documents);
    // Each write as this process makes them: the mark is read again at once.
    const write = async (query: ReturnType<typeof sql>) => { await db.execute(query); forgetWriteMark(db); };
    await kept();
    await kept();
    expect(computed).toBe(1);
    await write(sql`update tasks set status_reason = 'khác' where id = ${other.task}`);
    await kept();
    expect(computed).toBe(1);
    await write(sql`update tasks set status_reason = 'của chuỗi' where id = ${own.task}`);
    await kept();
    expect(computed).toBe(2);
    await write(sql`update document_links set note = 'liên kết' where id = (select min(id) from document_links)`);
    await kept();
    expect(computed).toBe(3);
    // Readers who come together after a write share one computation.
    await write(sql`update tasks set status_reason = null where id = ${own.task}`);
    await Promise.all([kept(), kept(), kept()]);
    expect(computed).toBe(4);
    // A write to the chain committed while it is computed, seen by a reader who comes meanwhile: computed again.
    let release!: () => void;
    const gate = new Promise<void>((ok) => { release = ok; });
    const during = untilChainChanges(db, "test|during", async () => { computed++; await gate; return { documents: [own.id] }; }, (v) => v.documents);
    await new Promise((ok) => setTimeout(ok, 20));
    await write(sql`update tasks set status_reason = 'trong lúc tính' where id = ${own.task}`);
    const meanwhile = untilChainChanges(db, "test|during", async () => { computed++; return { documents: [own.id] }; }, (v) => v.documents);
    release();
    await Promise.all([during, meanwhile]);
    expect(computed).toBe(6);
    // A reader who comes while another's computation runs waits on it aside (its request's slot lent); once it is
    // done, readers are served it as it is.
    let asides = 0;
    const aside: Aside = (shared) => { asides++; return shared; };
    let go!: () => void;
    const slow = new Promise<void>((ok) => { go = ok; });
    let started = false;
    const computing = untilChainChanges(db, "test|aside", async () => { started = true; await slow; return { documents: [own.id] }; }, (v) => v.documents, aside);
    const soon = async (check: () => boolean) => { for (let i = 0; i < 1000 && !check(); i++) await new Promise((ok) => setTimeout(ok, 5)); };
    await soon(() => started);
    const waiting = untilChainChanges(db, "test|aside", async () => ({ documents: [] }), (v) => v.documents, aside);
    await soon(() => asides > 0);
    expect(asides).toBe(1);
    go();
    expect(await waiting).toBe(await computing);
    await untilChainChanges(db, "test|aside", async () => ({ documents: [] }), (v) => v.documents, aside);
    expect(asides).toBe(1);
  });
});

describe("a document's tasks as figures keep them", () => {
  const list: FigureTask[] = [
    { id: 7, state: "overdue", due: "2024-02-29", leads: [3, 9] },
    { id: 8, state: "not_started", due: null, leads: [] },
    { id: 2_000_000, state: "completed_late", due: "1969-12-31", leads: [9] },
    // A yearly deadline of 29/02 in a year without one: no day, kept as the evaluation wrote it.
    { id: 9, state: "in_progress", due: "2025-02-29", leads: [3] },
    { id: 10, state: "in_progress", due: "0099-01-05", leads: [] },
    { id: 11, state: "in_progress", due: "infinity", leads: [] },
  ];
  const kept = figureTasks(list);

  it("gives back each task as it was given", () => {
    expect(kept.count).toBe(list.length);
    expect(list.map((_, k) => figureTask(kept, k))).toEqual(list);
    expect(figureTasks([]).count).toBe(0);
  });

  it("tells a task's state and leads without making it", () => {
    const all = list.map((_, k) => k);
    expect(all.filter((k) => figureTaskIs(kept, k, { agencyId: 9 }))).toEqual([0, 2]);
    expect(all.filter((k) => figureTaskIs(kept, k, { state: "overdue", agencyId: 3 }))).toEqual([0]);
    expect(all.filter((k) => figureTaskIs(kept, k, { state: "overdue", agencyId: 4 }))).toEqual([]);
    expect(all.filter((k) => figureTaskIs(kept, k, { state: "in_progress", agencyId: 3 }))).toEqual([3]);
    expect(all.filter((k) => figureTaskIs(kept, k, {}))).toEqual(all);
  });
});

describe("an indicator's series as figures keep it", () => {
  it("is sent as the observations it was given", () => {
    const series = [{ year: 2023, value: 7.17, kind: "actual" as const }, { year: 2024, value: -0.5, kind: "estimate" as const }, { year: 2025, value: 1e12, kind: "actual" as const }];
    // The same JSON as the observations themselves, to the order of the keys.
    expect(JSON.stringify({ series: new KeptSeries(series) })).toBe(JSON.stringify({ series }));
    expect(JSON.stringify(new KeptSeries([]))).toBe("[]");
  });
});
