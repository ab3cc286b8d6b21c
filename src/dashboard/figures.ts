/**
 * What each published document contributes to the dashboards of a year, kept per process and brought up
 * to date by re-evaluating only the documents a write touched (issue 18). At national size (1 M tasks,
 * 5 M values, 20,000 documents) evaluating everything takes about 40 s: a dashboard that did so after
 * every write could not answer within 2 s, and a build holding every task's text took 1.5 GB of heap.
 *
 * - The figures of a year, as judged on one day: per document its counts, its indicators as the
 *   dashboard lists them, and its tasks compactly (id, state, due day, lead agencies: no text).
 * - Documents are evaluated in batches of a bounded number of rows, so the event loop is never held by
 *   more than one batch's JavaScript (a few tens of ms) and the database is asked by document, on indexes.
 * - After a write, the audit trail (every write leaves an entry, whichever process made it: migration
 *   0004) says which rows changed; they are mapped to the documents whose figures they change, and
 *   those alone are evaluated again. A change whose reach is not known (agencies merged, a very large
 *   import) evaluates everything again, as does the safety net (FULL_EVERY_MS).
 */
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { documents } from "../documents/schema.js";
import { describeTarget, type IndicatorEvaluation, type IndicatorTarget, type Observation } from "../evaluation/indicators.js";
import { emptyIndicatorCounts, emptyTaskCounts, evaluatePlans, yearAsOf } from "../evaluation/plan.js";
import type { TaskState } from "../evaluation/tasks.js";
import { TASK_REPORT_STATUSES } from "../reporting/schema.js";
import { indicatorContributions, indicators, tasks } from "../plans/schema.js";
import { taskLeadsOn } from "../plans/tasks.js";
import { writeMark } from "../audit/write-mark.js";
import { waitAsIs, type Aside } from "../core/aside.js";
import { queryRows, type Database } from "../storage/database.js";
import { idArray, idIn, integerIds } from "../storage/id-arrays.js";

/**
 * An indicator's yearly values as figures keep them: the year, the value and whether it is an estimate, one after
 * the other in an array of numbers (held unboxed, one object for the whole series) rather than an object a value.
 * At national size the series held a million and more objects, each for the collector to go through. Sent as the
 * observations (JSON.stringify calls toJSON).
 */
export class KeptSeries {
  private readonly packed: number[];
  constructor(series: readonly Observation[]) {
    this.packed = series.flatMap((o) => [o.year, o.value, o.kind === "estimate" ? 1 : 0]);
  }
  toJSON(): Observation[] {
    const out: Observation[] = [];
    for (let at = 0; at < this.packed.length; at += 3) out.push({ year: this.packed[at], value: this.packed[at + 1], kind: this.packed[at + 2] ? "estimate" : "actual" });
    return out;
  }
}

/**
 * A string as one piece. One built by joining others stays a tree of its pieces (V8's cons strings) until it is read
 * through, each piece an object for the collector: the reasons and targets of 100,000 indicators kept so were millions,
 * and a full collection of them took 100 ms where the same strings in one piece take 16 (measured on 200,000).
 */
const flat = (s: string): string => JSON.parse(JSON.stringify(s)) as string;

/** An indicator as the dashboard lists it. */
export interface FigureIndicator {
  id: number; planId: number; planSymbol: string | null; name: string; unit: string | null; status: IndicatorEvaluation["status"]; reason: IndicatorEvaluation["reason"];
  target: string; targetValue: number | null; targetYear: number | null; series: KeptSeries;
  /** A yearly average over a period: drawn as the average so far and the rate the remaining years need, not as a path to a level. */
  average: { from: number; soFar: number | null; required: number | null; remainingFrom: number | null } | null;
}

/** A task as the dashboard counts it: no text (the lists read the text of the rows they show). */
export interface FigureTask { id: number; state: TaskState; due: string | null; leads: number[] }

/**
 * A document's tasks as the dashboard counts them, kept column by column rather than as an object each. At national
 * size the million tasks held as objects, with an array of leads and a due date's string each, were most of what
 * the collector had to go through: its marking and its scavenges took the event loop for 15-25 ms at a time, and
 * for 300 ms of every 430 while it marked, on a machine whose other core was busy.
 */
export interface FigureTasks {
  count: number;
  ids: Int32Array;
  /** Index into TASK_STATES. */
  states: Uint8Array;
  /** The due day's digits (20251215), or NO_DUE, or OTHER_DUE for one written otherwise, kept as written in otherDue. */
  due: Int32Array;
  otherDue: Map<number, string> | null;
  /** Task k's leads are leads[leadStart[k]] to leads[leadStart[k + 1] - 1]. */
  leadStart: Int32Array;
  leads: Int32Array;
}

const TASK_STATES = TASK_REPORT_STATUSES;
/** No due day; and a due day not written YYYY-MM-DD, kept as written in `otherDue`. */
const NO_DUE = -1, OTHER_DUE = -2;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Tasks as figures keep them. */
export function figureTasks(list: readonly FigureTask[]): FigureTasks {
  const leadCount = list.reduce((n, t) => n + t.leads.length, 0);
  const out: FigureTasks = { count: list.length, ids: new Int32Array(list.length), states: new Uint8Array(list.length), due: new Int32Array(list.length),
    otherDue: null, leadStart: new Int32Array(list.length + 1), leads: new Int32Array(leadCount) };
  let at = 0;
  list.forEach((t, k) => {
    out.ids[k] = t.id;
    out.states[k] = TASK_STATES.indexOf(t.state);
    // The day's digits, not a count of days: a yearly deadline of 29/02 falls on "2025-02-29", which is no day, and
    // must come back as the evaluation wrote it.
    const day = t.due === null ? null : ISO_DAY.exec(t.due);
    if (t.due === null) out.due[k] = NO_DUE;
    else if (day) out.due[k] = Number(day[1]) * 10_000 + Number(day[2]) * 100 + Number(day[3]);
    else { out.due[k] = OTHER_DUE; (out.otherDue ??= new Map()).set(k, t.due); }
    out.leadStart[k] = at;
    for (const lead of t.leads) out.leads[at++] = lead;
  });
  out.leadStart[list.length] = at;
  return out;
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** The k-th task of a document's figures. */
export function figureTask(t: FigureTasks, k: number): FigureTask {
  const d = t.due[k];
  const due = d === NO_DUE ? null : d === OTHER_DUE ? t.otherDue!.get(k)! : `${pad(Math.floor(d / 10_000), 4)}-${pad(Math.floor(d / 100) % 100, 2)}-${pad(d % 100, 2)}`;
  return { id: t.ids[k], state: TASK_STATES[t.states[k]], due, leads: Array.from(t.leads.subarray(t.leadStart[k], t.leadStart[k + 1])) };
}

/** Whether the k-th task is in a state (if given) and led by an agency (if given), read without making the task. */
export function figureTaskIs(t: FigureTasks, k: number, filter: { state?: TaskState; agencyId?: number }): boolean {
  if (filter.state && TASK_STATES[t.states[k]] !== filter.state) return false;
  if (!filter.agencyId) return true;
  for (let at = t.leadStart[k]; at < t.leadStart[k + 1]; at++) if (t.leads[at] === filter.agencyId) return true;
  return false;
}

export interface DocumentFigures {
  id: number; symbol: string | null; title: string;
  /** Published and not a report: counted province-wide (a report's figures are values of plans' targets, not targets). */
  province: boolean;
  taskCounts: Record<TaskState, number>;
  indicatorCounts: Record<IndicatorEvaluation["status"], number>;
  indicators: FigureIndicator[];
  /** For each indicator listed, the indicators above it that it serves (any document): a roll-up counts it in theirs. */
  serves: Map<number, number[]>;
  tasks: FigureTasks;
  /** Tasks by lead agency (as the agencies stood in the year) and state. */
  agencyTasks: Map<number, Record<TaskState, number>>;
}

const stats = { documents: 0 };
/** Documents evaluated in this process so far (for the tests and the log). */
export const figuresStats = (): Readonly<typeof stats> => stats;

/** Rows (tasks and indicators) evaluated at once: the JavaScript of one batch is what holds the event loop. */
const BATCH_ROWS = 1500;
/**
 * A transaction's audit entries are numbered when written, not when committed: one committing after a
 * later-numbered one hides behind the mark. So the entries of the last LOOKBACK numbers below the mark are
 * looked at again, those already seen left out; a longer wait is what FULL_EVERY_MS covers.
 */
const LOOKBACK = 1000;
/** The safety net: everything evaluated again at least this often, in the background (see refresh). */
export const FULL_EVERY_MS = 600_000;

/**
 * How far an evaluation of many documents is: documents evaluated of those with tasks or indicators (the others take
 * no time), and when it began (a `performance.now()` time).
 */
export interface EvaluationProgress { done: number; total: number; startedAt: number }

/**
 * Evaluates the given documents for a year in batches. `drafts`: whether values from draft documents count (a draft
 * plan's own dashboard); the figures kept for every reader are the published record's.
 */
export async function evaluateFigures(db: Database, ids: number[], year: number, today: string, drafts = false, progress?: EvaluationProgress): Promise<Map<number, DocumentFigures>> {
  const out = new Map<number, DocumentFigures>();
  if (!ids.length) return out;
  const docs = await db.select({ id: documents.id, symbol: documents.symbol, title: documents.title, status: documents.status, docType: documents.docType })
    .from(documents).where(idIn(documents.id, ids));
  const rows = await queryRows<{ document_id: number; n: number }>(db, sql`
    select document_id, count(*)::integer as n from (
      select document_id from ${tasks} where document_id = any(${idArray(ids)})
      union all select document_id from ${indicators} where document_id = any(${idArray(ids)})
    ) r group by document_id`);
  const size = new Map(rows.map((r) => [Number(r.document_id), Number(r.n)]));
  for (const d of docs) {
    out.set(d.id, { id: d.id, symbol: d.symbol, title: d.title, province: d.status === "published" && d.docType !== "report",
      taskCounts: emptyTaskCounts(), indicatorCounts: emptyIndicatorCounts(), indicators: [], serves: new Map(), tasks: figureTasks([]), agencyTasks: new Map() });
  }
  const batches: number[][] = [];
  let batch: number[] = [], rowsIn = 0;
  for (const d of docs) {
    const n = size.get(d.id) ?? 0;
    if (!n) continue;
    if (batch.length && rowsIn + n > BATCH_ROWS) { batches.push(batch); batch = []; rowsIn = 0; }
    batch.push(d.id);
    rowsIn += n;
  }
  if (batch.length) batches.push(batch);
  if (progress) Object.assign(progress, { done: 0, total: batches.reduce((n, b) => n + b.length, 0) });
  for (const b of batches) {
    await evaluateBatch(db, b, year, today, drafts, out);
    if (progress) progress.done += b.length;
  }
  stats.documents += docs.length;
  return out;
}

async function evaluateBatch(db: Database, ids: number[], year: number, today: string, drafts: boolean, out: Map<number, DocumentFigures>): Promise<void> {
  const evaluated = await evaluatePlans(db, ids, year, today, drafts);
  const leadsOf = await taskLeadsOn(db, inArray(tasks.documentId, ids), yearAsOf(year, today));
  const indicatorIds = [...evaluated.values()].flatMap((e) => e.indicators.map((i) => i.id));
  const serving = indicatorIds.length ? await db.select({ indicatorId: indicatorContributions.indicatorId, servesId: indicatorContributions.servesId })
    .from(indicatorContributions).where(inArray(indicatorContributions.indicatorId, indicatorIds)) : [];
  for (const [docId, e] of evaluated) {
    const f = out.get(docId)!;
    f.taskCounts = e.taskCounts;
    f.indicatorCounts = e.indicatorCounts;
    // In id order: the dashboard lists them by status, then document, then id.
    f.indicators = [...e.indicators].sort((a, b) => a.id - b.id).map((i) => ({
      id: i.id, planId: docId, planSymbol: f.symbol, name: i.name, unit: i.unit, status: i.evaluation.status,
      reason: { vi: flat(i.evaluation.reason.vi), en: flat(i.evaluation.reason.en) }, target: flat(describeTarget(i.target)), targetValue: chartedTarget(i.target, i.evaluation), targetYear: i.target.targetYear ?? i.target.periodTo, series: new KeptSeries(i.values),
      average: i.target.periodFrom !== null && i.target.periodTo !== null ? {
        from: i.target.periodFrom, soFar: i.evaluation.averageSoFar ?? null, required: i.evaluation.requiredRate ?? null, remainingFrom: i.evaluation.remaining?.from ?? null,
      } : null,
    }));
    const listed = e.tasks.map((t) => ({ id: t.id, state: t.state, due: t.due, leads: (leadsOf.get(t.id) ?? []).map((l) => l.id) }));
    f.tasks = figureTasks(listed);
    for (const t of listed) for (const lead of t.leads) {
      let counts = f.agencyTasks.get(lead);
      if (!counts) f.agencyTasks.set(lead, (counts = emptyTaskCounts()));
      counts[t.state]++;
    }
  }
  const docOfIndicator = new Map([...evaluated].flatMap(([docId, e]) => e.indicators.map((i) => [i.id, docId] as const)));
  for (const l of serving) {
    const serves = out.get(docOfIndicator.get(l.indicatorId)!)!.serves;
    serves.set(l.indicatorId, [...(serves.get(l.indicatorId) ?? []), l.servesId]);
  }
}

/** The target a chart draws: the bound to reach (a band's top when the value is above the band, as evaluation judges it). */
function chartedTarget(t: IndicatorTarget, e: IndicatorEvaluation): number | null {
  const above = t.band && t.max !== null && e.latest !== null && e.latest.value > t.max;
  return t.direction === "lower" || above ? (t.max ?? t.min) : (t.min ?? t.max);
}

/** The published documents counted province-wide. */
async function provinceDocuments(db: Database): Promise<number[]> {
  return (await db.select({ id: documents.id }).from(documents).where(and(eq(documents.status, "published"), ne(documents.docType, "report")))).map((d) => d.id);
}

/** Tables whose changes do not change any document's figures (the reporting part of a dashboard is read at each build). */
const NO_FIGURES = ["audit_events", "document_links", "projects", "project_metrics", "project_documents", "imports", "users", "user_agencies", "reporting_round_reporters",
  "reminder_steps", "reminder_deliveries", "submission_indicators", "submission_events", "evidence_files", "report_drafts", "sign_in_failures", "round_actual_requests",
  "submission_actuals", "report_obligations", "report_obligation_sends", "submission_projects", "document_flags"];
/** Tables whose changes change the figures of the documents changedDocuments finds from them (keep the two in step). */
const FIGURES = ["documents", "tasks", "indicators", "indicator_values", "indicator_targets", "indicator_contributions", "task_versions", "document_obligations",
  "task_agencies", "submission_tasks", "submissions", "reporting_rounds", "reporting_round_plans"];

/**
 * Tables whose changes may change which documents a chain holds: a link, or a document published or withdrawn below
 * (the mapping gives that document, not the chains it joins or leaves).
 */
export const CHAIN_MEMBERSHIP = ["documents", "document_links"];

const textArray = (xs: string[]) => sql.raw(`'{${xs.join(",")}}'::text[]`);

/** Where a catch-up stands in the audit trail: the newest entry seen, and the entries seen among the last LOOKBACK. */
export interface AuditPosition { mark: number; seen: number[] }

/** Where the audit trail stands now (what is computed after this is up to date with it). */
export const auditPositionNow = (db: Database) => auditPosition(db, 0);

/** The newest entry of the trail (at least `newest`, the newest known) and those visible among the LOOKBACK below it. */
async function auditPosition(db: Database, newest: number): Promise<AuditPosition> {
  if (newest === 0) newest = Number((await queryRows<{ id: number | null }>(db, sql`select max(id) as id from audit_events`))[0]?.id ?? 0);
  const seen = (await queryRows<{ id: number }>(db, sql`select id from audit_events where id > ${newest - LOOKBACK} and id <= ${newest}`)).map((r) => Number(r.id));
  return { mark: newest, seen };
}

/**
 * The documents whose figures the audit entries not yet seen may have changed (or "all" when their reach is not
 * known), and the position past them. The mapping is done in the database, whatever the number of entries: a
 * 12,000-task plan published is 25,000 entries.
 */
export async function changedDocuments(db: Database, from: AuditPosition, reachingAll: readonly string[] = []): Promise<{ documents: Set<number> | "all"; position: AuditPosition }> {
  // Where the trail stands first, and the entries up to it only: one committed between the statements is seen
  // next time, not marked seen without having been mapped.
  const position = await auditPosition(db, 0);
  const unseen = sql`id > ${from.mark - LOOKBACK} and id <= ${Math.max(position.mark, from.mark)} and id <> all(${idArray(from.seen)})`;
  const tables = await queryRows<{ table_name: string }>(db, sql`select distinct table_name from audit_events where ${unseen}`);
  if (tables.some((t) => !FIGURES.includes(t.table_name) && !NO_FIGURES.includes(t.table_name))) return { documents: "all", position };
  // `reachingAll`: tables whose changes the caller counts as touching everything (what it keeps depends on them
  // otherwise than through the documents' figures).
  if (tables.some((t) => reachingAll.includes(t.table_name))) return { documents: "all", position };
  if (!tables.some((t) => FIGURES.includes(t.table_name))) return { documents: new Set(), position };
  // An update's entry holds the changed columns only: a row it names by key is found where it is now (its parent
  // column in the entry too, for a row deleted or moved). Keys are integers for these tables ("task/agency/role").
  const rows = await queryRows<{ id: number }>(db, sql`
    with recursive ev as (
      select table_name as t, split_part(row_key, '/', 1)::integer as k1, nullif(split_part(row_key, '/', 2), '')::integer as k2, before, after, operation
      from audit_events where ${unseen} and table_name = any(${textArray(FIGURES)})
    ),
    parents as (
      select t, (j ->> 'task_id')::integer as task_id, (j ->> 'indicator_id')::integer as indicator_id, (j ->> 'document_id')::integer as document_id
      from ev cross join lateral (values (ev.before), (ev.after)) v(j) where j is not null
    ),
    task_ids as (
      select k1 as id from ev where t in ('tasks', 'task_agencies')
      union select k2 from ev where t = 'submission_tasks'
      union select task_id from parents where t in ('task_versions', 'document_obligations')
      union select x.task_id from ev join task_versions x on x.id = ev.k1 where ev.t = 'task_versions'
      union select x.task_id from ev join document_obligations x on x.id = ev.k1 where ev.t = 'document_obligations'
      union select x.task_id from ev join submission_tasks x on x.submission_id = ev.k1 where ev.t = 'submissions'
      -- A document meeting a task's obligation, or setting a version of it: its status and date are the task's too.
      union select x.task_id from ev join document_obligations x on x.fulfilled_by_id = ev.k1 where ev.t = 'documents'
      union select x.task_id from ev join task_versions x on x.source_document_id = ev.k1 where ev.t = 'documents'
    ),
    doc_ids as (
      select k1 as id from ev where t = 'documents'
      union select document_id from parents where t in ('tasks', 'indicators')
      union select k2 from ev where t = 'reporting_round_plans'
      union select x.document_id from ev join reporting_round_plans x on x.round_id = ev.k1 where ev.t = 'reporting_rounds'
      union select x.document_id from ${tasks} x where x.id in (select id from task_ids)
    ),
    indicator_ids as (
      select k1 as id from ev where t in ('indicators', 'indicator_contributions')
      union select k2 from ev where t = 'indicator_contributions'
      union select indicator_id from parents where t in ('indicator_values', 'indicator_targets')
      union select x.indicator_id from ev join indicator_values x on x.id = ev.k1 where ev.t = 'indicator_values'
      union select x.indicator_id from ev join indicator_targets x on x.id = ev.k1 where ev.t = 'indicator_targets'
      -- Publishing a report makes the values it gave visible (valueVisible); withdrawing it hides them.
      union select x.indicator_id from ev join indicator_values x on x.source_document_id = ev.k1
        where ev.t = 'documents' and (ev.operation <> 'update' or ev.after ? 'status')
      union select x.indicator_id from ev join indicator_targets x on x.source_document_id = ev.k1 where ev.t = 'documents'
      union select x.id from ${indicators} x where x.document_id in (select id from doc_ids)
    ),
    -- An indicator's figures change those of every indicator it serves, up their chain (evaluation reads 6 levels).
    up(id, depth) as (
      select id, 0 from indicator_ids
      union
      select c.serves_id, up.depth + 1 from ${indicatorContributions} c join up on c.indicator_id = up.id where up.depth < 6
    )
    select id from doc_ids
    union select x.document_id from ${indicators} x where x.id in (select id from up)`);
  return { documents: new Set(integerIds(rows.map((r) => r.id))), position };
}

/** Results kept per chain, per database, the least recently used going first. */
const KEPT_CHAINS = 64;
interface KeptChain { position: AuditPosition; documents: Set<number>; value: Promise<unknown>; settled: boolean; at: number; checking?: Promise<boolean> }
const keptChains = new WeakMap<Database, Map<string, KeptChain>>();

/**
 * `compute()`'s result for a chain's documents (`documentsOf` it), computed once for all who ask for `key` and kept
 * until a write touches those documents (as the figures are caught up: changedDocuments), not until any write: at
 * national size writes never stop, and a plan's evaluation thrown away by every value typed elsewhere was evaluated
 * on nearly every read. Kept FULL_EVERY_MS at most, the figures' own safety net. `key` holds everything the result
 * depends on but the data (the scope, the year, the day, the reader's rights).
 */
export async function untilChainChanges<T>(db: Database, key: string, compute: () => Promise<T>, documentsOf: (value: T) => Iterable<number>, aside: Aside = waitAsIs): Promise<T> {
  let byKey = keptChains.get(db);
  if (!byKey) keptChains.set(db, (byKey = new Map()));
  // Another reader's computation is waited on aside; a result already there is simply served.
  const served = (hit: KeptChain) => (hit.settled ? hit.value : aside(hit.value)) as Promise<T>;
  for (;;) {
    const mark = await writeMark(db);
    const hit = byKey.get(key);
    if (hit && Date.now() - hit.at < FULL_EVERY_MS) {
      byKey.delete(key);
      byKey.set(key, hit);
      if (hit.position.mark >= mark) return served(hit);
      // Written since: this chain's documents, or others'? One look for all who ask meanwhile, once the result (and so
      // which documents it holds) is known: a write committed while it was computed may be in it or not.
      hit.checking ??= hit.value.then(async () => {
        const { documents, position } = await changedDocuments(db, hit.position, CHAIN_MEMBERSHIP);
        const touched = documents === "all" || [...documents].some((id) => hit.documents.has(id));
        if (!touched) hit.position = position;
        return touched;
      }).catch(() => true).finally(() => { hit.checking = undefined; });
      // (Behind another request's computation, the look waits on it: aside.)
      const touched = await (hit.settled ? hit.checking : aside(hit.checking));
      // Untouched up to where the look read: served if that covers this reader's writes, else looked at again.
      if (!touched) {
        if (hit.position.mark >= mark) return served(hit);
        continue;
      }
      // Another reader may have started it again meanwhile: theirs serves.
      if (byKey.get(key) !== hit) continue;
    }
    // Where the trail stands is read before the chain is: a write after it is looked at next time.
    const position = await auditPosition(db, 0);
    if (byKey.get(key) !== hit) continue;
    const entry: KeptChain = { position, documents: new Set(), at: Date.now(), value: Promise.resolve(), settled: false };
    entry.value = compute().then((value) => { entry.documents = new Set(documentsOf(value)); return value; })
      .finally(() => { entry.settled = true; });
    entry.value.catch(() => { if (byKey.get(key) === entry) byKey.delete(key); });
    byKey.delete(key);
    byKey.set(key, entry);
    for (const k of byKey.keys()) {
      if (byKey.size <= KEPT_CHAINS) break;
      byKey.delete(k);
    }
    return entry.value as Promise<T>;
  }
}

/** A year's figures as judged on one day, where in the audit trail they are up to date, and when that was looked at. */
interface YearFigures {
  position: AuditPosition; checkedAt: number; fullAt: number; docs: Map<number, DocumentFigures>;
  /** The catch-up under way: one at a time. */
  updating?: Promise<void>;
  /** The safety net's evaluation of everything, under way in the background, and its result, taken up by the next catch-up. */
  refreshing?: Promise<void>;
  refreshed?: { docs: Map<number, DocumentFigures>; position: AuditPosition; at: number };
  /** The evaluation of every document under way for a reader (the first of the year, or one a write's reach made), and how far it is. */
  progress?: EvaluationProgress;
}
const stores = new WeakMap<Database, Map<string, YearFigures>>();
/** Years (as judged on a day) kept per database: this year and two more (each about 150 MB at national size). */
const YEARS_KEPT = 3;

/**
 * Every published document's figures for the year, up to date with every write committed before `asked`
 * (a `performance.now()` time): evaluated whole the first time, then only what changed. One catch-up at a
 * time per year; one that began after `asked` serves.
 */
export async function figuresOf(db: Database, year: number, today: string, asked: number): Promise<Map<number, DocumentFigures>> {
  let byYear = stores.get(db);
  if (!byYear) stores.set(db, (byYear = new Map()));
  const key = `${year}|${yearAsOf(year, today)}`;
  for (;;) {
    const held = byYear.get(key);
    // The latest day's held for the year (keys end with the day judged at, ISO: they sort as dates).
    const yesterday = held && held.position.mark >= 0 ? undefined : [...byYear].filter(([k, s]) => k !== key && k.startsWith(`${year}|`) && s.position.mark >= 0)
      .sort(([a], [b]) => (a < b ? 1 : -1))[0]?.[1];
    if (yesterday) {
      // A new day: the figures as judged yesterday serve while today's are evaluated (a minute or two at national
      // size), unless today's are ready within a few seconds (always, at a province's size).
      const catching = held?.updating ?? startCatchUp(db, byYear, key, held, year, today);
      catching.catch(() => undefined); // (failed, it is started again by the next reader)
      const ready = newDay.waitMs > 0 && await Promise.race([catching.then(() => true), new Promise<false>((ok) => setTimeout(ok, newDay.waitMs, false))]);
      if (!ready) return yesterday.docs;
      continue;
    }
    if (held?.updating) { await held.updating.catch(() => {}); continue; }
    if (held && Date.now() - held.fullAt >= FULL_EVERY_MS && !held.refreshing) refresh(db, held, year, today);
    if (held && held.checkedAt >= asked) {
      byYear.delete(key);
      byYear.set(key, held);
      return held.docs;
    }
    await startCatchUp(db, byYear, key, held, year, today);
  }
}

/** How long a reader on a new day waits for today's figures before yesterday's serve (0: not at all; a test sets it). */
export const newDay = { waitMs: 3000 };

/** Starts the year's catch-up (one at a time: the caller has checked none is under way). */
function startCatchUp(db: Database, byYear: Map<string, YearFigures>, key: string, held: YearFigures | undefined, year: number, today: string): Promise<void> {
  const store: YearFigures = held ?? { position: { mark: -1, seen: [] }, checkedAt: -1, fullAt: 0, docs: new Map() };
  const updating = catchUp(db, store, year, today).finally(() => { store.updating = undefined; });
  store.updating = updating;
  byYear.set(key, store);
  // The least recently used go, never one being evaluated (a reader waiting on it would start it again).
  for (const [k, s] of byYear) if (byYear.size > YEARS_KEPT && k !== key && !s.updating && !s.refreshing) byYear.delete(k);
  return updating;
}

/**
 * The safety net: everything evaluated again in the background (a minute at national size), while the figures
 * held are served and caught up; the next catch-up takes it up and catches it up from where it began.
 */
function refresh(db: Database, store: YearFigures, year: number, today: string): void {
  store.refreshing = (async () => {
    const at = Date.now();
    const position = await auditPosition(db, 0);
    store.refreshed = { docs: await evaluateFigures(db, await provinceDocuments(db), year, today), position, at };
  })().catch(() => { store.fullAt = Date.now(); }).finally(() => { store.refreshing = undefined; });
}

/** Whether this process holds the year's figures as judged on that day (however old). */
export function holdsFigures(db: Database, year: number, today: string): boolean {
  return (stores.get(db)?.get(`${year}|${yearAsOf(year, today)}`)?.position.mark ?? -1) >= 0;
}

/** How far the evaluation of every document of the year is, while one is under way for a reader (else null). */
export function figuresProgress(db: Database, year: number, today: string): EvaluationProgress | null {
  const progress = stores.get(db)?.get(`${year}|${yearAsOf(year, today)}`)?.progress;
  return progress?.total ? progress : null;
}

/** Drops the figures this process holds for a database: the next dashboard evaluates everything (the benchmarks' cold build). */
export function forgetFigures(db: Database): void {
  stores.delete(db);
}

async function catchUp(db: Database, store: YearFigures, year: number, today: string): Promise<void> {
  const checkedAt = performance.now();
  if (store.refreshed) {
    Object.assign(store, { docs: store.refreshed.docs, position: store.refreshed.position, fullAt: store.refreshed.at });
    store.refreshed = undefined;
  }
  // Where the trail stands is read before the documents are: a write after it is caught up next time.
  const { documents: changed, position } = store.position.mark < 0 ? { documents: "all" as const, position: await auditPosition(db, 0) } : await changedDocuments(db, store.position);
  if (changed === "all") {
    const fullAt = Date.now();
    store.progress = { done: 0, total: 0, startedAt: performance.now() };
    try {
      store.docs = await evaluateFigures(db, await provinceDocuments(db), year, today, false, store.progress);
    } finally {
      store.progress = undefined;
    }
    store.fullAt = fullAt;
  } else if (changed.size) {
    const fresh = await evaluateFigures(db, [...changed], year, today);
    // A new map: a dashboard built from the last one keeps its figures whole.
    const docs = new Map(store.docs);
    for (const id of changed) {
      const f = fresh.get(id);
      if (f?.province) docs.set(id, f);
      else docs.delete(id);
    }
    store.docs = docs;
  }
  store.position = position;
  store.checkedAt = checkedAt;
}

/** The year's figures with those of documents outside the province's count (a report at the top of its own chain), evaluated now. */
export async function withDocuments(db: Database, figures: Map<number, DocumentFigures>, ids: number[], year: number, today: string): Promise<Map<number, DocumentFigures>> {
  const missing = ids.filter((id) => !figures.has(id));
  if (!missing.length) return figures;
  return new Map([...figures, ...await evaluateFigures(db, missing, year, today)]);
}
