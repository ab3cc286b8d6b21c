/**
 * The leaders' dashboard for a year, province-wide or for one plan: indicators as traffic lights
 * with their series and targets, tasks by state and by lead agency, each agency's on-time reporting
 * rate, the agencies late in open rounds, and key projects' progress. Every figure carries the ids
 * its items are found by, for the page to click through.
 *
 * It reads the whole province, so it is kept per process while no write has happened since (the audit
 * trail's newest entry, read at most once every MARK_TTL_MS: another process's or the command line's
 * writes show within a second), and rebuilt when the date changes; after a write through this process
 * it is rebuilt at once, in the background (`invalidateDashboard`). One build per scope at a time, the
 * readers who come meanwhile waiting on it; at most a few builds at once in the process, and a reader
 * waits a bounded time (gate.ts).
 */
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import { forgetWriteMark, writeMark } from "../audit/write-mark.js";
import { scopeDocuments } from "../documents/queries.js";
import { withCounts, type ChainDocument } from "../evaluation/chain.js";
import { agencies } from "../agencies/schema.js";
import { documents } from "../documents/schema.js";
import type { IndicatorEvaluation } from "../evaluation/indicators.js";
import { emptyIndicatorCounts, emptyTaskCounts } from "../evaluation/plan.js";
import type { TaskState } from "../evaluation/tasks.js";
import type { ProjectState } from "../evaluation/projects.js";
import { listProjects } from "../plans/projects.js";
import { tasks } from "../plans/schema.js";
import { OWING_STATUSES } from "../reporting/board.js";
import { daysLate, vietnamDate } from "../reporting/periods.js";
import { roundPlans, roundReporters, rounds, submissions, TASK_REPORT_STATUSES, type SubmissionStatus } from "../reporting/schema.js";
import { queryRows, type Database } from "../storage/database.js";
import { idArray, idIn } from "../storage/id-arrays.js";
import { waitAsIs, type Aside } from "../core/aside.js";
import { jsonBytes } from "../core/json.js";
import { auditPositionNow, changedDocuments, CHAIN_MEMBERSHIP, evaluateFigures, figuresOf, figuresProgress, holdsFigures, withDocuments, figureTask, figureTaskIs, type AuditPosition, type DocumentFigures, type FigureIndicator, type FigureTask } from "./figures.js";
import { BuildGate, busy, DEFAULT_DASHBOARD_LIMITS, type BuildStats, type DashboardLimits } from "./gate.js";

/**
 * A safety net only, counted from when a build finished (5 min): a write whose transaction committed
 * after a later-numbered one can hide behind the write mark. Past it the dashboard is still served
 * while it is rebuilt in the background, since no write is known to have changed it.
 */
export const DASHBOARD_TTL_MS = 300_000;
/** Scopes kept, the least recently read going first. */
const MAX_CACHED = 20;
/**
 * Rows (tasks and indicators) kept in all scopes' lists together, past which the least recently read
 * scopes go (the one just built always stays): about 0.5 GB of heap at this size.
 */
const MAX_CACHED_ROWS = 1_000_000;
/** Indicators listed with their series, and plans listed with their counts: the most worrying first. */
const INDICATORS_SHOWN = 60;
const PLANS_SHOWN = 100;
/** A chain's documents listed for the drill-down, the nearest levels first: a ministry's resolution may have a thousand below it. */
const CHAIN_SHOWN = 100;
/**
 * Agencies and late reports listed, the most overdue and the latest first (`agencyCount`, `lateCount` say how many
 * there are): a country has 3,000 agencies and, in its open rounds, 1,500 late reports (1.4 MB of every answer).
 */
const AGENCIES_SHOWN = 200, LATE_SHOWN = 200;
/**
 * The longest a build composes before it lets the event loop turn, in ms. (A thousand documents a turn was 25 ms at
 * national size, a document's tasks counted per agency being most of it: a ping waited behind two such.)
 */
const TURN_MS = 4;
const breathe = () => new Promise<void>((ok) => setImmediate(ok));
/** For a long loop: whether TURN_MS have passed since it last let the event loop turn (then counted from now). */
function turnClock(): () => boolean {
  let since = performance.now();
  return () => {
    const now = performance.now();
    if (now - since < TURN_MS) return false;
    since = now;
    return true;
  };
}
/** One collator for every sort by name: `localeCompare(x, "vi")` makes one per comparison (thousands of agencies). */
const byName = new Intl.Collator("vi");
const ORDER: IndicatorEvaluation["status"][] = ["off_track", "at_risk", "on_track", "achieved", "no_data"];

export interface Dashboard {
  year: number;
  planId: number | null;
  /**
   * The documents a document's dashboard rolls up (it, and everything below it in its chain) with their own counts,
   * for the drill-down, the nearest first (at most CHAIN_SHOWN; `chainCount` says how many there are); null province-wide.
   */
  chain: ChainDocument[] | null;
  chainCount: number;
  indicatorCounts: Record<IndicatorEvaluation["status"], number>;
  taskCounts: Record<TaskState, number>;
  /** The plans with tasks or indicators, most off-track first (at most PLANS_SHOWN; `planCount` says how many there are). */
  plans: { id: number; symbol: string | null; title: string; indicatorCounts: Record<IndicatorEvaluation["status"], number>; taskCounts: Record<TaskState, number> }[];
  planCount: number;
  /** The most worrying indicators, as each document's figures list them (figures.ts). */
  indicators: FigureIndicator[];
  /** The agencies with tasks or reports due, the most overdue tasks first (at most AGENCIES_SHOWN; `agencyCount` says how many there are). */
  agencies: { id: number; name: string; tasks: Record<TaskState, number>; expected: number; received: number; onTime: number; onTimeRate: number | null }[];
  agencyCount: number;
  /** Reports late in open rounds, the latest first (at most LATE_SHOWN; `lateCount` says how many there are). */
  late: { roundId: number; roundTitle: string; dueOn: string; agencyId: number; agencyName: string; status: string; daysLate: number }[];
  lateCount: number;
  /** Key projects of the scope (carried by the plan, or by any published plan) by state; the projects table reads /api/projects. */
  projectStates: Record<ProjectState, number>;
  /** Whether on-time rates and late agencies are included (they are the reporting board's). */
  reporting: boolean;
}

/** A task behind the dashboard's counts, for the list its numbers lead to. */
export interface DashboardTask {
  id: number; planId: number; planSymbol: string | null; text: string; sectionNumber: string | null; deadlineText: string | null;
  state: TaskState; due: string | null; leads: { id: number; name: string }[];
}

export type DashboardIndicator = Dashboard["indicators"][number];

/**
 * The dashboard and what its counts are made of (kept together, so the lists and the counts agree): every
 * indicator behind the lights, and the documents whose tasks are counted (their tasks are listed from them).
 */
interface Built { dashboard: Dashboard; indicators: DashboardIndicator[]; documents: DocumentFigures[]; scope: number[] | null }

export async function buildDashboard(db: Database, year: number, planId: number | null, now: Date, today: string): Promise<Dashboard> {
  return (await build(db, year, planId, now, today)).dashboard;
}

/**
 * Composed from each document's figures (figures.ts): those of the published record are kept per process and
 * brought up to date with every write committed before the build began (only the documents a write touched are
 * evaluated again).
 */
async function build(db: Database, year: number, planId: number | null, now: Date, today: string): Promise<Built> {
  const asked = performance.now();
  // One dashboard serves every reader of a scope, so it shows the published record: the values and figures of
  // drafts count only on a draft plan's own dashboard, which only those who read drafts may open (see routes).
  const [scope] = planId === null ? [] : await db.select({ status: documents.status }).from(documents).where(eq(documents.id, planId));
  const drafts = scope !== undefined && scope.status !== "published";
  // A document's dashboard rolls up everything below it in its chain (a resolution's, its programmes' and plans').
  const chain = planId === null ? null : await scopeDocuments(db, planId, drafts);
  const scopeIds = chain?.map((d) => d.id) ?? null;
  let figures: Map<number, DocumentFigures>;
  if (drafts) figures = await evaluateFigures(db, scopeIds!, year, today, true);
  else if (scopeIds && !holdsFigures(db, year, today)) {
    // A chain asked for before the province's figures of the day are held (a process's first, a day's first): its
    // own documents are evaluated (a resolution's thousand, not the province's twenty thousand), and the province's
    // are made ready in the background for the builds that follow.
    figures = await evaluateFigures(db, scopeIds, year, today);
    // This year's only: a year asked for through a chain is not worth the province's evaluation (a minute at
    // national size) unless the province's dashboard asks for it, which its build gate bounds.
    if (year === Number(today.slice(0, 4))) figuresOf(db, year, today, asked).catch(() => {});
  } else {
    figures = await figuresOf(db, year, today, asked);
    if (scopeIds) figures = await withDocuments(db, figures, scopeIds, year, today);
  }
  const docs = (scopeIds ? scopeIds.map((id) => figures.get(id)) : [...figures.values()].filter((f) => f.province))
    .filter((f): f is DocumentFigures => f !== undefined).sort((a, b) => a.id - b.id);

  // At national size a scope is 20,000 documents and 100,000 indicators: the loops below let other requests in
  // every few ms (TURN_MS), so that no build holds the event loop for longer.
  const turnDue = turnClock();
  const indicatorCounts = emptyIndicatorCounts(), taskCounts = emptyTaskCounts();
  // Each target once: one serving another of the scope counts in that one's light (each plan's own counts keep it).
  // Listed by status, then by document and indicator (documents are in id order, their indicators in id order).
  const inScope = new Set<number>();
  if (docs.some((f) => f.serves.size)) {
    for (const f of docs) {
      if (turnDue()) await breathe();
      for (const i of f.indicators) inScope.add(i.id);
    }
  }
  const byStatus = new Map(ORDER.map((status) => [status, [] as DashboardIndicator[]]));
  // Tasks by lead agency as the agencies stood in the year (successors of those merged away).
  const byAgency = new Map<number, Dashboard["agencies"][number]>();
  const agencyRow = (id: number) => {
    let row = byAgency.get(id);
    if (!row) byAgency.set(id, (row = { id, name: "", tasks: emptyTaskCounts(), expected: 0, received: 0, onTime: 0, onTimeRate: null }));
    return row;
  };
  for (const f of docs) {
    if (turnDue()) await breathe();
    for (const k of TASK_REPORT_STATUSES) taskCounts[k] += f.taskCounts[k];
    for (const i of f.indicators) {
      if (f.serves.get(i.id)?.some((s) => inScope.has(s))) continue;
      byStatus.get(i.status)!.push(i);
      indicatorCounts[i.status]++;
    }
    for (const [agencyId, counts] of f.agencyTasks) {
      const row = agencyRow(agencyId);
      for (const k of TASK_REPORT_STATUSES) row.tasks[k] += counts[k];
    }
  }
  const indicatorRows = ORDER.flatMap((status) => byStatus.get(status)!);

  // Reporting: every round due by now (of the plan, or all), each expected agency on time or not.
  const dueRounds = await db.select({ id: rounds.id, title: rounds.title, dueOn: rounds.dueOn, status: rounds.status }).from(rounds)
    .where(and(lte(rounds.dueOn, today), lte(rounds.periodYear, year)));
  const ofPlan = scopeIds === null ? null : new Set((await db.select({ roundId: roundPlans.roundId }).from(roundPlans).where(idIn(roundPlans.documentId, scopeIds))).map((r) => r.roundId));
  const scoped = ofPlan ? dueRounds.filter((r) => ofPlan.has(r.id)) : dueRounds;
  // Counted by the database: at national size 30,000 expected reports, parsed at once, held the event loop.
  const scopedIds = idArray(scoped.map((r) => r.id));
  // An agency given an extension is on time, or late, against its own due date (as on the round's board); the due
  // day ends at midnight in Vietnam (periods.dueInstant).
  const dueOn = sql`coalesce(${roundReporters.dueOn}, ${rounds.dueOn})`;
  const dueInstantSql = sql`(((${dueOn} + 1)::timestamp - interval '7 hours') at time zone 'UTC')`;
  const expectedFrom = sql`${roundReporters} join ${rounds} on ${rounds.id} = ${roundReporters.roundId}
    left join ${submissions} on ${submissions.roundId} = ${roundReporters.roundId} and ${submissions.agencyId} = ${roundReporters.agencyId}
    where ${roundReporters.roundId} = any(${scopedIds})`;
  const perAgency = scoped.length ? await queryRows<{ agency_id: number; expected: number; received: number; on_time: number }>(db, sql`
    select ${roundReporters.agencyId} as agency_id, count(*)::integer as expected, count(${submissions.firstSubmittedAt})::integer as received,
      (count(*) filter (where ${submissions.firstSubmittedAt} < ${dueInstantSql}))::integer as on_time
    from ${expectedFrom} group by ${roundReporters.agencyId}`) : [];
  for (const a of perAgency) {
    const row = agencyRow(Number(a.agency_id));
    row.expected += a.expected;
    row.received += a.received;
    row.onTime += a.on_time;
  }
  // Those still owing an open round's report past its day: counted, and the longest late read (a round's reporters
  // share its day: among them, by name as the database orders it).
  const owing = sql`${expectedFrom} and ${rounds.status} = 'open' and coalesce(${submissions.status}, 'missing') in (${sql.join(OWING_STATUSES.map((status) => sql`${status}`), sql`, `)})
    and ${dueInstantSql} <= ${now.toISOString()}::timestamptz`;
  const [{ n: lateCount }] = scoped.length ? await queryRows<{ n: number }>(db, sql`select count(*)::integer as n from ${owing}`) : [{ n: 0 }];
  const lateRows = lateCount ? await queryRows<{ round_id: number; agency_id: number; due_on: string; status: SubmissionStatus | "missing" }>(db, sql`
    select ${roundReporters.roundId} as round_id, ${roundReporters.agencyId} as agency_id, ${dueOn}::text as due_on, coalesce(${submissions.status}, 'missing') as status
    from ${owing} order by ${dueOn}, (select ${agencies.name} from ${agencies} where ${agencies.id} = ${roundReporters.agencyId}), ${roundReporters.roundId}, ${roundReporters.agencyId}
    limit ${LATE_SHOWN}`) : [];
  const roundOf = new Map(scoped.map((r) => [r.id, r]));
  const late: Dashboard["late"] = lateRows.map((e) => {
    const round = roundOf.get(Number(e.round_id))!;
    return { roundId: round.id, roundTitle: round.title, dueOn: e.due_on, agencyId: Number(e.agency_id), agencyName: "", status: e.status, daysLate: daysLate(e.due_on, now) };
  });
  const names = byAgency.size ? await db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(idIn(agencies.id, byAgency.keys())) : [];
  const nameOf = new Map(names.map((a) => [a.id, a.name]));
  for (const row of byAgency.values()) {
    row.name = nameOf.get(row.id) ?? "";
    row.onTimeRate = row.expected ? Math.round((1000 * row.onTime) / row.expected) / 10 : null;
  }
  for (const l of late) l.agencyName = nameOf.get(l.agencyId) ?? "";
  late.sort((a, b) => b.daysLate - a.daysLate || byName.compare(a.agencyName, b.agencyName));

  const { states: projectStates } = await listProjects(db, { planId: planId ?? undefined, carried: "1", page: 1, pageSize: 1 }, drafts, today);

  // Each of these is a pass over a scope's documents or agencies (20,000 and 3,000 at national size): a turn apart.
  const plans = docs.filter((f) => TASK_REPORT_STATUSES.some((k) => f.taskCounts[k]) || ORDER.some((k) => f.indicatorCounts[k]))
    .map((f) => ({ id: f.id, symbol: f.symbol, title: f.title, indicatorCounts: f.indicatorCounts, taskCounts: f.taskCounts }));
  await breathe();
  plans.sort((a, b) => b.indicatorCounts.off_track - a.indicatorCounts.off_track || b.taskCounts.overdue - a.taskCounts.overdue || a.id - b.id);
  await breathe();
  const agencyRows = [...byAgency.values()].filter((a) => a.expected || TASK_REPORT_STATUSES.some((k) => a.tasks[k]))
    .sort((a, b) => b.tasks.overdue - a.tasks.overdue || byName.compare(a.name, b.name));
  const dashboard: Dashboard = {
    year, planId, chain: chain && withCounts(chain.slice(0, CHAIN_SHOWN), figures), chainCount: chain?.length ?? 0, indicatorCounts, taskCounts,
    plans: plans.slice(0, PLANS_SHOWN),
    planCount: plans.length,
    indicators: indicatorRows.slice(0, INDICATORS_SHOWN),
    agencies: agencyRows.slice(0, AGENCIES_SHOWN),
    agencyCount: agencyRows.length,
    late: late.slice(0, LATE_SHOWN),
    lateCount,
    projectStates,
    reporting: true,
  };
  return { dashboard, indicators: indicatorRows, documents: docs, scope: scopeIds };
}

/**
 * A build of one scope. Until it starts reading it serves any reader of the scope (what it reads comes
 * after their request); once started, those whose write mark, invalidations and date it saw.
 */
interface Entry {
  seq: number;
  year: number;
  planId: number | null;
  now: Date;
  today: string;
  mark: number;
  generation: number;
  started: boolean;
  finishedAt: number | null;
  rows: number;
  /** Readers waiting on it (a build nobody waits for when its turn comes is dropped), or a rebuild after a write. */
  waiters: number;
  background: boolean;
  value: Promise<Built>;
  /** Where the audit trail stood when it began reading, and the documents of its scope once built (a plan's). */
  position?: AuditPosition;
  documents?: Set<number>;
  /** Whether the writes since `position` left its documents alone: one look for all who ask meanwhile. */
  checking?: Promise<boolean>;
  /** A write touched it: built again, not looked at again. */
  touched?: boolean;
}

/** A scope's newest finished build (`ready`) and newest build under way or waiting (`next`). */
interface Scope { ready?: Entry; next?: Entry; readAt?: number }
/** Per database (a process may hold two, as the tests do): scopes by year and plan, least recently read first. */
interface DbCache { scopes: Map<string, Scope>; generation: number }
const caches = new WeakMap<Database, DbCache>();

/** One gate for the process: memory is the process's, whichever database a build reads. */
const gate = new BuildGate();
let sequence = 0;

/** Sets the limits on builds (THEODOI_DASHBOARD_BUILDS, THEODOI_DASHBOARD_TIMEOUT_MS). */
export function setDashboardLimits(limits: Partial<DashboardLimits>): void {
  gate.limits = { ...DEFAULT_DASHBOARD_LIMITS, ...gate.limits, ...limits };
}

/** Builds started, running and refused in this process (for the tests and the log). */
export function dashboardBuildStats(): Readonly<BuildStats> {
  return gate.stats;
}

const keyOf = (year: number, planId: number | null) => `${year}|${planId ?? "all"}`;

function cacheOf(db: Database): DbCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = { scopes: new Map(), generation: 0 }));
  return cache;
}

/** Drops the least recently read scopes with nothing under way, past MAX_CACHED scopes or MAX_CACHED_ROWS rows. */
function evict(cache: DbCache, keep: string): void {
  let rows = 0;
  for (const s of cache.scopes.values()) rows += s.ready?.rows ?? 0;
  for (const [k, s] of cache.scopes) {
    if (cache.scopes.size <= MAX_CACHED && rows <= MAX_CACHED_ROWS) break;
    if (k === keep || s.next) continue;
    rows -= s.ready?.rows ?? 0;
    cache.scopes.delete(k);
  }
}

/** Starts a build of the scope: after the one under way, if any (one build per scope at a time). */
function startBuild(db: Database, cache: DbCache, key: string, scope: Scope, at: { year: number; planId: number | null; now: Date; today: string; mark: number }, waiting: boolean): Entry {
  gate.reserve(!waiting);
  const previous = scope.next?.value;
  const entry: Entry = { seq: ++sequence, ...at, generation: cache.generation, started: false, finishedAt: null, rows: 0, waiters: waiting ? 1 : 0, background: !waiting, value: undefined as never };
  entry.value = (async () => {
    if (previous) await previous.catch(() => {});
    return gate.run(key, async () => {
      entry.started = true;
      entry.generation = cache.generation;
      if (entry.planId !== null) entry.position = await auditPositionNow(db);
      return build(db, entry.year, entry.planId, entry.now, entry.today);
    }, { background: entry.background, wanted: () => entry.background || entry.waiters > 0 });
  })();
  scope.next = entry;
  entry.value.then((built) => {
    entry.finishedAt = performance.now();
    if (built.scope) entry.documents = new Set(built.scope);
    entry.rows = built.indicators.length + built.documents.reduce((n, f) => n + f.tasks.count, 0);
    if (scope.next === entry) scope.next = undefined;
    if (!scope.ready || scope.ready.seq < entry.seq) scope.ready = entry;
    evict(cache, key);
  }, () => { if (scope.next === entry) scope.next = undefined; });
  return entry;
}

/**
 * The scope's figures, built once for all the readers who ask while they are current: the build
 * finished since the last write (and today), the one under way that will be, or a new one. `waiting`:
 * the entry counts this reader among its waiters (the caller lets go of it). `background`: a rebuild
 * after a write, which nobody waits on.
 */
async function current(db: Database, year: number, planId: number | null, now: Date, today: string, background = false): Promise<{ entry: Entry; waiting: boolean }> {
  const mark = await writeMark(db, now);
  const cache = cacheOf(db);
  const key = keyOf(year, planId);
  const scope = cache.scopes.get(key) ?? {};
  // The least recently read go first.
  cache.scopes.delete(key);
  cache.scopes.set(key, scope);
  if (!background) scope.readAt = performance.now();
  const fits = (e: Entry) => e.mark >= mark && e.generation === cache.generation && e.today === today;
  // A plan's dashboard outlives writes to other documents (at national size writes never stop): kept when the writes
  // since it began reading touched none of its chain's documents, nor anything read beyond their figures.
  const kept = scope.ready;
  if (kept && !fits(kept) && !kept.touched && kept.today === today && kept.position && kept.documents && performance.now() - kept.finishedAt! < DASHBOARD_TTL_MS) {
    // Served only if the look covered this reader's writes (one begun before them, shared, does not).
    if (await untouchedSince(db, cache, kept) && fits(kept)) return { entry: kept, waiting: false };
  }
  const { ready, next } = scope;
  if (ready && fits(ready) && performance.now() - ready.finishedAt! < DASHBOARD_TTL_MS) return { entry: ready, waiting: false };
  // Past the safety net only: served as it is while it is built again.
  const lapsed = ready && fits(ready) ? ready : undefined;
  const waits = !background && !lapsed;
  const join = (e: Entry) => {
    if (waits) { e.waiters++; e.background = false; }
    return { entry: lapsed ?? e, waiting: waits };
  };
  // Not reading yet: it will read what this reader asks for.
  if (next && !next.started) {
    next.mark = Math.max(next.mark, mark);
    if (next.now < now) Object.assign(next, { now, today });
    return join(next);
  }
  if (next && fits(next)) return join(next);
  try {
    const entry = startBuild(db, cache, key, scope, { year, planId, now, today, mark }, waits);
    return { entry: lapsed ?? entry, waiting: waits };
  } catch (e) {
    // Too many builds waiting: the figures as they were, if there are any.
    if (lapsed) return { entry: lapsed, waiting: false };
    throw e;
  }
}

/**
 * Tables a dashboard reads beyond its documents' figures (who is expected to report and who did, the projects), and
 * those that change who is in a chain: a write to any of them counts as touching every scope.
 */
const BEYOND_FIGURES = [...CHAIN_MEMBERSHIP, "reporting_round_reporters", "submissions", "projects", "project_metrics", "project_documents"];

/**
 * Whether the writes since a built scope began reading left its documents alone; if so it is moved past them: to the
 * audit position the look read and the invalidations counted when it began (later ones are looked at next time).
 */
function untouchedSince(db: Database, cache: DbCache, entry: Entry): Promise<boolean> {
  const generation = cache.generation;
  entry.checking ??= changedDocuments(db, entry.position!, BEYOND_FIGURES).then(({ documents, position }) => {
    const untouched = documents !== "all" && ![...documents].some((id) => entry.documents!.has(id));
    if (untouched) {
      entry.position = position;
      entry.mark = Math.max(entry.mark, position.mark);
      entry.generation = Math.max(entry.generation, generation);
    } else entry.touched = true;
    return untouched;
  }, () => {
    // Not known: built again, as after any write.
    entry.touched = true;
    return false;
  }).finally(() => { entry.checking = undefined; });
  return entry.checking;
}

/** The built figures for a reader: waited for `timeoutMs` at most, else 503 (the build goes on, for the next reader). */
async function cached(db: Database, year: number, planId: number | null, now: Date, today: string, aside: Aside = waitAsIs): Promise<Built> {
  const { entry, waiting } = await current(db, year, planId, now, today);
  if (!waiting) return entry.value;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const since = performance.now();
  try {
    return await aside(Promise.race([entry.value, new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        // Come back when the build should be done: at the pace of its documents so far when every document is being
        // evaluated (a new process, a new day), else about one build's time from when this reader came.
        const progress = entry.started ? figuresProgress(db, entry.year, entry.today) : null;
        const lastMs = gate.stats.lastMs ?? 5000;
        const leftMs = progress?.done ? ((performance.now() - progress.startedAt) * (progress.total - progress.done)) / progress.done
          : entry.started ? lastMs - (performance.now() - since) : lastMs;
        reject(busy(leftMs / 1000, progress));
      }, gate.limits.timeoutMs);
    })]));
  } finally {
    clearTimeout(timer);
    entry.waiters--;
  }
}

/** The dashboard, from this process's cache while fresh. */
export async function cachedDashboard(db: Database, year: number, planId: number | null, now: Date, today: string): Promise<Dashboard> {
  return (await cached(db, year, planId, now, today)).dashboard;
}

/** Each build's dashboard as sent, with and without the reporting part, encoded once each. */
const sent = new WeakMap<Built, { full?: Uint8Array<ArrayBuffer>; withoutReporting?: Uint8Array<ArrayBuffer> }>();

/**
 * The dashboard as the JSON sent, `reporting` or not (see withoutReporting): encoded once per build for all its
 * readers (core/json.ts).
 */
export async function cachedDashboardJson(db: Database, year: number, planId: number | null, now: Date, today: string, reporting: boolean, aside?: Aside): Promise<Uint8Array<ArrayBuffer>> {
  const built = await cached(db, year, planId, now, today, aside);
  let encoded = sent.get(built);
  if (!encoded) sent.set(built, (encoded = {}));
  if (reporting) return (encoded.full ??= jsonBytes(built.dashboard));
  return (encoded.withoutReporting ??= jsonBytes(withoutReporting(built.dashboard)));
}

/** The indicators behind the dashboard's lights, by status (the same figures: the same build). */
export async function cachedDashboardIndicators(db: Database, year: number, planId: number | null, status: IndicatorEvaluation["status"] | undefined, now: Date, today: string, aside?: Aside): Promise<DashboardIndicator[]> {
  const { indicators } = await cached(db, year, planId, now, today, aside);
  return status ? indicators.filter((i) => i.status === status) : indicators;
}

/**
 * The tasks behind the dashboard's counts, by evaluated state and lead agency (the same figures: the same build):
 * how many, and the first `limit` with their text (read for those alone: the figures hold no task's text).
 */
export async function cachedDashboardTasks(db: Database, year: number, planId: number | null, filter: { state?: TaskState; agencyId?: number }, now: Date, today: string, limit: number, aside?: Aside): Promise<{ items: DashboardTask[]; total: number }> {
  const { documents: docs } = await cached(db, year, planId, now, today, aside);
  const shown: { doc: DocumentFigures; task: FigureTask }[] = [];
  let total = 0;
  for (const doc of docs) {
    for (let k = 0; k < doc.tasks.count; k++) {
      if (!figureTaskIs(doc.tasks, k, filter)) continue;
      if (total++ < limit) shown.push({ doc, task: figureTask(doc.tasks, k) });
    }
  }
  if (!shown.length) return { items: [], total };
  const texts = await db.select({ id: tasks.id, text: tasks.text, sectionNumber: tasks.sectionNumber, deadlineText: tasks.deadlineText })
    .from(tasks).where(inArray(tasks.id, shown.map((s) => s.task.id)));
  const textOf = new Map(texts.map((t) => [t.id, t]));
  const leadIds = [...new Set(shown.flatMap((s) => s.task.leads))];
  const names = leadIds.length ? await db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(inArray(agencies.id, leadIds)) : [];
  const nameOf = new Map(names.map((a) => [a.id, a.name]));
  // A task deleted since the build is left out of the page (the next build will not count it either).
  const items = shown.filter((s) => textOf.has(s.task.id)).map(({ doc, task }) => {
    const t = textOf.get(task.id)!;
    return { id: task.id, planId: doc.id, planSymbol: doc.symbol, text: t.text, sectionNumber: t.sectionNumber, deadlineText: t.deadlineText, state: task.state, due: task.due,
      leads: task.leads.map((id) => ({ id, name: nameOf.get(id) ?? "" })) };
  });
  return { items, total };
}

/**
 * What a reader without the reporting board's right (viewers, reporters) may see: everything but
 * which agencies reported on time and which are late.
 */
export function withoutReporting(d: Dashboard): Dashboard {
  return { ...d, late: [], lateCount: 0, agencies: d.agencies.map((a) => ({ ...a, expected: 0, received: 0, onTime: 0, onTimeRate: null })), reporting: false };
}

/** The scopes rebuilt after a write: those read within the last 10 minutes. */
const REBUILD_READ_WITHIN_MS = 600_000;
/** How long writes may follow one another before the dashboards they change are rebuilt. */
export const REBUILD_AFTER_MS = 150;
const rebuilds = new WeakMap<Database, ReturnType<typeof setTimeout>>();

/**
 * Called after every write: the dashboards this process holds are rebuilt (once a burst of writes
 * is over), so the next reader finds them fresh instead of waiting for a province-wide build; one
 * asked for before the rebuild waits on it. A build under way goes on, and its figures are not served.
 */
export function invalidateDashboard(db: Database): void {
  forgetWriteMark(db);
  const cache = caches.get(db);
  if (!cache?.scopes.size) return;
  cache.generation++;
  clearTimeout(rebuilds.get(db));
  const timer = setTimeout(() => {
    rebuilds.delete(db);
    for (const scope of cache.scopes.values()) {
      // A scope nobody has read lately is built again when it is next asked for, not after every write.
      if (performance.now() - (scope.readAt ?? 0) > REBUILD_READ_WITHIN_MS) continue;
      const held = scope.ready ?? scope.next;
      if (!held) continue;
      const now = new Date();
      current(db, held.year, held.planId, now, vietnamDate(now), true).then(({ entry }) => entry.value).catch(() => {});
    }
  }, REBUILD_AFTER_MS);
  timer.unref?.();
  rebuilds.set(db, timer);
}
