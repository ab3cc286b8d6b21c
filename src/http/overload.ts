/**
 * Admission control: what keeps overload graceful. Requests wait in a first-come queue for one of
 * `maxInFlight` slots, but only if they can expect a slot within `maxWaitMs`; a request that cannot,
 * or that finds the queue full, is answered 503 with Retry-After at once, and one still waiting at
 * twice `maxWaitMs` (the estimate was wrong) is answered so then. Without it, a saturated server let
 * its backlog grow without bound (on the sample province: answers after 15-30 s, connections reset).
 *
 * Requests start one per turn of the event loop, never straight from the socket. On the embedded
 * engine a request runs from start to end without letting the event loop turn (PGlite works on this
 * thread, behind promises that resolve at once), so a batch of requests read from the sockets used to
 * run back to back while the next ones waited unread in the kernel, where nothing can see or refuse
 * them (the event loop stalled 150-300 ms a turn at 700 requests/s). Started one per turn, the sockets
 * are read between any two requests: every arrival is seen at once, queued or refused, and the queue
 * is where the waiting is. On a server (PostgreSQL) requests wait on the network and overlap, up to
 * `maxInFlight`; a turn then costs next to nothing.
 *
 * The expected wait of a newcomer is its place in the queue times the pace at which queued requests
 * have been starting: a running mean of each started request's wait divided by its place (the real
 * pace of this server now, slow reports and a busy database included).
 */
import type { Context, MiddlewareHandler } from "hono";
import { AppError } from "../core/errors.js";
import type { Logger } from "../core/log.js";

export interface AdmissionLimits {
  /** Requests worked on at once (16: the pool's 10 connections, and room for those between queries). */
  maxInFlight: number;
  /**
   * The longest a request is expected to wait for a slot (500 ms: a page still answers within a second).
   * It waits twice that at most: at the threshold, half the estimates are short by a little, and such a
   * request is better served a little late than refused late.
   */
  maxWaitMs: number;
  /** Requests waiting at most, whatever their expected wait (a bound on memory). */
  maxQueued: number;
}

export const DEFAULT_ADMISSION: AdmissionLimits = { maxInFlight: 16, maxWaitMs: 500, maxQueued: 256 };
/**
 * The own admission of the routes that write a file (reports, letters, exports: route.ts `heavy: "file"`): four at
 * once, the others waiting their turn for seconds rather than refused at half a second. A file takes seconds of work
 * anyway, and twenty reports asked for at once on a small machine were a fifth refused by the general queue's
 * patience, their slow pace then refusing the pages that came next (measured at national size, issue 18). Pages
 * (an evaluation, a round's board), mostly served from what is kept, stay in the general queue.
 */
export const DEFAULT_FILE_ADMISSION: AdmissionLimits = { maxInFlight: 4, maxWaitMs: 15_000, maxQueued: 64 };

/**
 * A taken slot: `release` gives it back (once; later calls do nothing). `lend` lets the next request in the queue
 * have it while this one waits on work it does not do itself (a build of the dashboard other readers wait on too);
 * the function it returns takes it back at once, even past `maxInFlight` (by the lent slots at most, themselves
 * at most `maxQueued`). Lent past that bound, or lent already, the slot is kept and the function does nothing.
 */
export interface Slot { release(): void; lend(): () => void }

interface Waiter {
  admit(): void;
  queuedAt: number;
  /** Requests waiting ahead of it when it came. */
  ahead: number;
}

/** Weight of each started request's pace in the running mean: about the last 20 count. */
const SMOOTHING = 0.05;
/**
 * Once no request has started from the queue for a second and none waits, the pace halves every further second: it says how fast
 * the server is now, and one that has had nothing queued for a while is not as slow as it was (after a burst of
 * reports or boards at national size, the list that came next was refused one request in four on a pace seconds old).
 */
const PACE_FRESH_MS = 1000, PACE_HALF_LIFE_MS = 1000;

export class Admission {
  private running = 0;
  /** In arrival order (a Set keeps it, and lets an abandoned waiter leave from anywhere). */
  private readonly waiting = new Set<Waiter>();
  private startScheduled = false;
  /** Slots lent by requests waiting on shared work (Slot.lend). */
  private lent = 0;
  /** Mean wait for one place in the queue, over the requests started last, as it stood at `pacedAt`. */
  private paceMs = 0;
  private pacedAt = 0;
  /** Requests refused since the count was last taken (`takeRefused`). */
  private refused = 0;

  constructor(readonly limits: AdmissionLimits = DEFAULT_ADMISSION, private readonly now: () => number = () => performance.now()) {}

  get inFlight(): number { return this.running; }
  /** Slots lent by requests waiting on shared work (Slot.lend). */
  get lentOut(): number { return this.lent; }
  get queued(): number { return this.waiting.size; }

  /** How many requests were refused since the last call. */
  takeRefused(): number {
    const n = this.refused;
    this.refused = 0;
    return n;
  }

  /** Expected wait of a request joining the queue now. */
  expectedWaitMs(): number {
    return (this.waiting.size + 1) * this.paceNow();
  }

  private paceNow(): number {
    // Only while nothing waits: requests queued behind a stall are the pace, not a sign it has passed.
    const idle = this.waiting.size ? 0 : this.now() - this.pacedAt - PACE_FRESH_MS;
    return idle > 0 ? this.paceMs * 0.5 ** (idle / PACE_HALF_LIFE_MS) : this.paceMs;
  }

  /**
   * A slot, once the requests ahead have started (at the earliest in the next turn of the event loop).
   * Throws "unavailable" (503, Retry-After) when it cannot be had in time, and when `signal` aborts
   * while waiting (the client went away; nobody reads that answer).
   */
  enter(signal?: AbortSignal): Promise<Slot> {
    const { maxWaitMs, maxQueued } = this.limits;
    const expected = this.expectedWaitMs();
    // With a slot free and no one ahead, it starts in the next turn whatever the pace was.
    const behindOthers = this.waiting.size > 0 || this.running >= this.limits.maxInFlight;
    if (signal?.aborted || (behindOthers && (this.waiting.size >= maxQueued || expected > maxWaitMs))) return Promise.reject(this.refuse(expected));
    return new Promise<Slot>((resolve, reject) => {
      const leave = () => {
        this.waiting.delete(waiter);
        signal?.removeEventListener("abort", leave);
        clearTimeout(timer);
        reject(this.refuse(2 * maxWaitMs));
      };
      const waiter: Waiter = {
        queuedAt: this.now(),
        ahead: this.waiting.size,
        admit: () => {
          signal?.removeEventListener("abort", leave);
          clearTimeout(timer);
          resolve(this.take());
        },
      };
      // The estimate was wrong (a burst of slow requests): the answer is late, but never later than this.
      const timer = setTimeout(leave, 2 * maxWaitMs);
      signal?.addEventListener("abort", leave, { once: true });
      this.waiting.add(waiter);
      this.scheduleStart();
    });
  }

  /** Starts the first waiter in the next turn of the event loop (check phase, after the sockets are read). */
  private scheduleStart(): void {
    if (this.startScheduled || this.waiting.size === 0 || this.running >= this.limits.maxInFlight) return;
    this.startScheduled = true;
    setImmediate(() => {
      this.startScheduled = false;
      const [first] = this.waiting;
      if (!first || this.running >= this.limits.maxInFlight) return;
      this.waiting.delete(first);
      // One request held up behind something slow (a cold start, a long report) moves the pace by a
      // twentieth of the longest wait at most: it must not turn away the next small burst on its own.
      const pace = Math.min(this.limits.maxWaitMs, (this.now() - first.queuedAt) / (first.ahead + 1));
      this.paceMs = this.paceNow() + SMOOTHING * (pace - this.paceNow());
      this.pacedAt = this.now();
      first.admit();
      this.scheduleStart();
    });
  }

  private take(): Slot {
    this.running++;
    let held = true, lending = false;
    const giveBack = () => {
      this.running--;
      this.scheduleStart();
    };
    return {
      release: () => {
        if (!held) return;
        held = false;
        // Ended while lending (it waited on shared work, then was answered): the slot is the borrower's already.
        if (lending) {
          lending = false;
          this.lent--;
        } else giveBack();
      },
      lend: () => {
        if (!held || lending || this.lent >= this.limits.maxQueued) return () => undefined;
        lending = true;
        this.lent++;
        giveBack();
        return () => {
          if (!lending) return;
          lending = false;
          this.lent--;
          this.running++;
        };
      },
    };
  }

  private refuse(expectedMs: number): AppError {
    this.refused++;
    // Come back when the queue ahead should have cleared: at least 1 s, at most 10.
    const seconds = Math.min(10, Math.max(1, Math.ceil(expectedMs / 1000)));
    return new AppError("unavailable", [], undefined, { seconds: String(seconds) });
  }
}

/** The slot each admitted request holds, by its Request (see slotOf). */
const slots = new WeakMap<Request, Slot>();

/** The admission slot the request holds, if its route is admitted by a queue. */
export const slotOf = (c: Context): Slot | undefined => slots.get(c.req.raw);

/** How often a saturated server says so in the log. */
const WARN_EVERY_MS = 60_000;

/**
 * The middleware: takes a slot for the rest of the request (validation, the use case, the answer
 * built), and gives it back however that ends: an answer, an error, or a client gone meanwhile (the
 * work still runs to its end, so the slot is held until then). The body is read first, outside the
 * slot, so that a slow sender holds no capacity; the route's body limit has already bounded it.
 */
export function admissionGuard(admission: Admission, log: Logger): MiddlewareHandler {
  let lastWarning = -Infinity;
  return async (c, next) => {
    // (Asking a GET for its body would build a whole Request for nothing.) A broken body is the route's to report.
    if (c.req.method !== "GET" && c.req.method !== "HEAD") await c.req.arrayBuffer().catch(() => undefined);
    let slot: Slot;
    try {
      slot = await admission.enter(c.req.raw.signal);
    } catch (e) {
      const now = performance.now();
      if (now - lastWarning >= WARN_EVERY_MS) {
        lastWarning = now;
        log.warn({ inFlight: admission.inFlight, queued: admission.queued, refused: admission.takeRefused(), limits: admission.limits }, "overloaded: requests answered 503");
      }
      throw e;
    }
    slots.set(c.req.raw, slot);
    try {
      await next();
    } finally {
      slot.release();
    }
  };
}
