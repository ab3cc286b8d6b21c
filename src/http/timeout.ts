/**
 * Every request's time budget (THEODOI_REQUEST_TIMEOUT_MS; THEODOI_HEAVY_TIMEOUT_MS for uploads and routes that
 * say `heavy`: reports, exports, evaluation, the board). Past it the client is answered 503 with Retry-After and
 * a message it can act on (request_timeout), instead of waiting until a proxy gives up (issue 18: 44-160 s).
 *
 * The work the request started is abandoned where it can be: on PostgreSQL its transaction (a write's, or a heavy
 * read's run through ctx.bounded) is cancelled and rolled back at once, and a statement_timeout of what was left
 * of the budget bounds each of its queries as a backstop; a write answered 503 never commits after it, on either
 * engine, and a write whose COMMIT has begun is not answered 503 (see AFTER_COMMIT_GRACE_MS). What runs in
 * JavaScript cannot be stopped midway: a read on the embedded engine runs to its end, its answer dropped, and keeps
 * its admission slot (overload.ts) until then, so abandoned work still counts.
 */
import { sql } from "drizzle-orm";
import type { Context, MiddlewareHandler } from "hono";
import { AppError } from "../core/errors.js";
import { queryRows, type Database, type Engine } from "../storage/database.js";

export interface RequestBudgets {
  /** Every route's, in ms (30 s). */
  defaultMs: number;
  /** Uploads' and heavy routes', in ms (120 s). */
  heavyMs: number;
}

export const DEFAULT_BUDGETS: RequestBudgets = { defaultMs: 30_000, heavyMs: 120_000 };

/** When to try again after a request ran out of time: soon enough to retry, late enough for the load to pass. */
const RETRY_AFTER_SECONDS = 30;

export const timedOut = (budgetMs: number) =>
  new AppError("unavailable", [], "request_timeout", { limit: String(Math.round(budgetMs / 1000)), seconds: String(RETRY_AFTER_SECONDS) });

/**
 * What a request whose budget ran out while its write was committing is given after the commit, to answer: the
 * write is done, and a 503 would tell its user to do again what is already done.
 */
export const AFTER_COMMIT_GRACE_MS = 5000;

export class Budget {
  private readonly deadline: number;
  private spent = false;
  private readonly onExpiry = new Set<() => void>();
  /** A write's transaction between its work's end and its COMMIT's: the budget's end waits for it. */
  private committing = false;
  /** A write of this request has committed: its answer is given the grace, not a 503. */
  private committed = false;
  private expiryWaiting: (() => void) | null = null;
  private grace: NodeJS.Timeout | undefined;

  constructor(readonly ms: number) {
    this.deadline = performance.now() + ms;
  }

  get expired(): boolean {
    return this.spent;
  }

  /** What is left, in whole ms (at least 1: PostgreSQL reads a statement_timeout of 0 as none). */
  get remainingMs(): number {
    return Math.max(1, Math.floor(this.deadline - performance.now()));
  }

  /** Marks the budget spent and abandons what was bound to it. */
  expire(): void {
    if (this.spent) return;
    this.spent = true;
    for (const abandon of this.onExpiry) abandon();
    this.onExpiry.clear();
  }

  /**
   * The budget's end as the guard meets it: `expire()` now, or, while a write is committing, once it has committed
   * and AFTER_COMMIT_GRACE_MS more have passed without an answer (so too once one has committed: what the request does
   * after, such as reading back what it wrote, is answered, not refused as if undone). `then` is called when it has expired.
   */
  end(then: () => void): void {
    const graced = () => { this.grace = setTimeout(() => { this.expire(); then(); }, AFTER_COMMIT_GRACE_MS); };
    if (this.committing) this.expiryWaiting = graced;
    else if (this.committed) graced();
    else {
      this.expire();
      then();
    }
  }

  /** Called when a write's transaction has ended, `committed` or not: a budget's end that waited on it goes on. */
  settled(committed: boolean): void {
    this.committing = false;
    if (committed) this.committed = true;
    const waiting = this.expiryWaiting;
    this.expiryWaiting = null;
    waiting?.();
  }

  /** The request has been answered: nothing more to wait for. */
  dispose(): void {
    clearTimeout(this.grace);
    this.expiryWaiting = null;
  }

  /**
   * Runs `work` in transaction `tx` within what is left: on PostgreSQL each of its statements bounded by a
   * statement_timeout, and the transaction cancelled (through `pool`, another connection) when the budget runs
   * out; on either engine a transaction whose budget ran out is made to fail before it commits. `commits`: a write,
   * whose COMMIT, once begun, the budget's end waits for (call `settled()` when the transaction has ended).
   */
  async bind<T>(tx: Database, engine: Engine, pool: Database, work: () => Promise<T>, commits = false): Promise<T> {
    if (this.spent) throw timedOut(this.ms);
    let abandon: (() => void) | undefined;
    if (engine === "postgres") {
      const [{ pid, started }] = await queryRows<{ pid: number; started: string }>(tx, sql`select pg_backend_pid() as pid,
        (extract(epoch from now()) * 1000000)::bigint::text as started, set_config('statement_timeout', ${String(this.remainingMs)}, true)`);
      // Cancels the statement running, which aborts the transaction: every later statement of it fails at once. Only
      // while that backend is still in this transaction: by the time a connection is free to ask, the statement_timeout
      // may have ended it and the backend be running someone else's (behind PgBouncer, another instance's).
      abandon = () => {
        pool.execute(sql`select pg_cancel_backend(pid) from pg_stat_activity
          where pid = ${pid} and (extract(epoch from xact_start) * 1000000)::bigint = ${started}::bigint`).catch(() => undefined);
      };
      this.onExpiry.add(abandon);
    }
    try {
      const result = await work();
      if (this.spent) throw timedOut(this.ms);
      // From here the transaction commits: answering 503 meanwhile would say undone what is done.
      if (commits) this.committing = true;
      return result;
    } catch (e) {
      // Cancelled, or past the statement_timeout of what was left: the budget's end, for whoever waits on this work
      // (a report shared by several requests, reports/routes.ts), not an internal error.
      if (this.spent || cancelled(e)) throw timedOut(this.ms);
      throw e;
    } finally {
      if (abandon) this.onExpiry.delete(abandon);
    }
  }
}

/** PostgreSQL's query_canceled (57014), as pg gives it or as Drizzle wraps it. */
function cancelled(e: unknown): boolean {
  const code = (x: unknown) => (x as { code?: unknown } | null)?.code;
  return code(e) === "57014" || code((e as { cause?: unknown } | null)?.cause) === "57014";
}

const budgets = new WeakMap<Request, Budget>();

/** The budget of the request `c` (the guard's); a fresh default one outside the guard. */
export const budgetOf = (c: Context): Budget => budgets.get(c.req.raw) ?? new Budget(DEFAULT_BUDGETS.defaultMs);

/**
 * Gives the request `ms` to answer: past it, answers 503 (request_timeout) and abandons what was bound to the
 * budget. Put it before the admission guard, so that an abandoned request keeps its slot until its work ends.
 */
export function budgetGuard(ms: number): MiddlewareHandler {
  return async (c, next) => {
    const budget = new Budget(ms);
    budgets.set(c.req.raw, budget);
    let timer: NodeJS.Timeout | undefined;
    const expiry = new Promise<never>((_, reject) => {
      timer = setTimeout(() => budget.end(() => reject(timedOut(ms))), ms);
    });
    try {
      await Promise.race([next(), expiry]);
    } finally {
      clearTimeout(timer);
      budget.dispose();
    }
  };
}
