/**
 * What bounds the dashboard's heavy work in this process: at most `maxBuilds` builds of different
 * scopes at once, at most `maxQueued` waiting their turn (one more is refused at once), and a reader
 * waits `timeoutMs` at most for the build it needs (then it is answered 503 with Retry-After; the
 * build goes on and fills the cache for the next request). At national size one province-wide build
 * held about 1.5 GB of heap: three at once took the process past its limit (issue 18).
 */
import { AppError } from "../core/errors.js";

export interface DashboardLimits {
  /**
   * Builds at once (1). A build is CPU-bound on the one event loop (at national size 21 s of its 45 s
   * are JavaScript), so two at once finish no sooner than one after the other, and hold twice the memory.
   */
  maxBuilds: number;
  /**
   * The longest a reader waits for a build, queued or running, in ms (10 s): a page is told within
   * seconds that the dashboard is being prepared, instead of holding one of the server's request slots
   * (THEODOI_MAX_IN_FLIGHT) until a proxy gives up on it (nginx waits 60 s).
   */
  timeoutMs: number;
  /** Builds waiting their turn at most (8); past that a new scope is refused at once. */
  maxQueued: number;
}

export const DEFAULT_DASHBOARD_LIMITS: DashboardLimits = { maxBuilds: 1, timeoutMs: 10_000, maxQueued: 8 };

/**
 * Come back in 1-30 s; with how far the build is, when it is known (a share of the documents evaluated), in 10 s at
 * most: a page showing how far it is asks again that often (each ask waits up to `timeoutMs` for the build).
 */
export function busy(seconds: number, progress?: { done: number; total: number } | null): AppError {
  const after = String(Math.min(progress ? 10 : 30, Math.max(1, Math.ceil(seconds))));
  return progress
    ? new AppError("unavailable", [], "dashboard_building", { seconds: after, percent: String(Math.min(99, Math.floor((100 * progress.done) / progress.total))) })
    : new AppError("unavailable", [], "dashboard_busy", { seconds: after });
}

interface Waiter { start(): void; background: boolean }

/** Builds under way and waiting, and what they cost, for the log and the tests. */
export interface BuildStats { started: number; running: number; peakRunning: number; refused: number; byScope: Map<string, number>; lastMs: number | null }

export class BuildGate {
  private running = 0;
  /** Builds promised a turn and not started yet (waiting on the gate or on their scope's previous build). */
  private reserved = 0;
  private readonly waiting: Waiter[] = [];
  readonly stats: BuildStats = { started: 0, running: 0, peakRunning: 0, refused: 0, byScope: new Map(), lastMs: null };

  constructor(public limits: DashboardLimits = DEFAULT_DASHBOARD_LIMITS) {}

  /**
   * A place in the queue, taken when a build is decided on; refused (503) when `maxQueued` already wait.
   * Rebuilds after a write (`background`) take half the places at most: the rest are readers'.
   */
  reserve(background = false): void {
    if (this.reserved >= (background ? Math.floor(this.limits.maxQueued / 2) : this.limits.maxQueued)) {
      this.stats.refused++;
      throw busy(this.retryAfterSeconds());
    }
    this.reserved++;
  }

  /**
   * Runs a reserved build when a turn comes: requests' builds first, in the order they came, rebuilds
   * after writes (`background`) after them. One nobody waits for any more by then (`wanted` false) is
   * dropped, refused, so that a burst of readers who gave up leaves no queue of work behind.
   */
  async run<T>(scope: string, work: () => Promise<T>, options: { background: boolean; wanted: () => boolean }): Promise<T> {
    // The slot is taken here, or handed over by `next` before the waiter resumes.
    if (this.running < this.limits.maxBuilds && !this.waiting.length) this.running++;
    else {
      await new Promise<void>((start) => {
        const waiter = { start, background: options.background };
        const at = options.background ? -1 : this.waiting.findIndex((w) => w.background);
        this.waiting.splice(at < 0 ? this.waiting.length : at, 0, waiter);
      });
    }
    this.reserved--;
    if (!options.wanted()) {
      this.running--;
      this.next();
      this.stats.refused++;
      throw busy(this.retryAfterSeconds());
    }
    this.stats.started++;
    this.stats.running = this.running;
    this.stats.peakRunning = Math.max(this.stats.peakRunning, this.running);
    this.stats.byScope.set(scope, (this.stats.byScope.get(scope) ?? 0) + 1);
    const start = performance.now();
    try {
      return await work();
    } finally {
      this.stats.lastMs = performance.now() - start;
      this.running--;
      this.stats.running = this.running;
      this.next();
    }
  }

  /** Hands the free slots to the first waiters. */
  private next(): void {
    while (this.running < this.limits.maxBuilds && this.waiting.length) {
      this.running++;
      this.waiting.shift()!.start();
    }
  }

  /** When a refused or timed-out reader should come back: about one build from now (5 s before any is measured). */
  retryAfterSeconds(): number {
    return (this.stats.lastMs ?? 5000) / 1000;
  }
}
