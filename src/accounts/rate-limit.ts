/**
 * Sign-ins from one client address, in this process's memory. Guessing one name is stopped by its
 * lock (sessions.ts, in the database); this slows guessing across many names from one place.
 * Refusing an address outright would lock out everyone behind it (an office's NAT, a proxy whose
 * X-Forwarded-For is not trusted) although their passwords are right, so past `limit` failures in
 * the window an address is slowed instead: its attempts go one at a time, each taking at least
 * `delayMs` whatever its outcome. A right password still signs in, a few seconds later; a guesser
 * gets one try per delay. At most `maxWaiting` attempts wait per address, more are refused (429).
 */
import { AppError } from "../core/errors.js";

export interface ThrottleLimits {
  /** Failures within the window before an address is slowed. */
  limit: number;
  windowMs: number;
  /** The least time an attempt from a slowed address takes. */
  delayMs: number;
  /** Attempts from one slowed address that may wait their turn. */
  maxWaiting: number;
}

export class AddressThrottle {
  private readonly failures = new Map<string, number[]>();
  private readonly queues = new Map<string, { tail: Promise<void>; waiting: number }>();
  /** Attempts under way on the fast path, counted as if they failed: a burst cannot slip past the limit at once. */
  private readonly running = new Map<string, number>();

  constructor(private readonly limits: ThrottleLimits) {}

  private recent(address: string, now: number): number[] {
    return (this.failures.get(address) ?? []).filter((t) => now - t < this.limits.windowMs);
  }

  /** Whether an address has used up its failures in the window (attempts under way included). */
  slowed(address: string, now = Date.now()): boolean {
    return this.recent(address, now).length + (this.running.get(address) ?? 0) >= this.limits.limit;
  }

  /** Runs a sign-in attempt from `address`; an AppError unauthorized it throws counts as a failure. */
  async run<T>(address: string, attempt: () => Promise<T>): Promise<T> {
    if (!this.slowed(address)) {
      this.running.set(address, (this.running.get(address) ?? 0) + 1);
      try {
        return await this.counted(address, attempt);
      } finally {
        const left = this.running.get(address)! - 1;
        if (left) this.running.set(address, left); else this.running.delete(address);
      }
    }
    const queue = this.queues.get(address) ?? { tail: Promise.resolve(), waiting: 0 };
    if (queue.waiting >= this.limits.maxWaiting) throw new AppError("too_many_requests", [], "sign_in_throttled");
    queue.waiting++;
    this.queues.set(address, queue);
    const turn = queue.tail;
    let done!: () => void;
    queue.tail = new Promise<void>((resolve) => { done = resolve; });
    await turn;
    const until = Date.now() + this.limits.delayMs;
    try {
      // Settled first, answered after the delay either way: how long it takes says nothing of the outcome.
      const outcome = await this.counted(address, attempt).then((value) => ({ value }), (error: unknown) => ({ error }));
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, until - Date.now())));
      if ("error" in outcome) throw outcome.error;
      return outcome.value;
    } finally {
      if (--queue.waiting === 0) this.queues.delete(address);
      done();
    }
  }

  private async counted<T>(address: string, attempt: () => Promise<T>): Promise<T> {
    try {
      return await attempt();
    } catch (e) {
      if (e instanceof AppError && e.code === "unauthorized") this.failed(address);
      throw e;
    }
  }

  private failed(address: string, now = Date.now()): void {
    this.failures.set(address, [...this.recent(address, now), now]);
    if (this.failures.size > 10_000) {
      for (const [key] of this.failures) if (!this.recent(key, now).length) this.failures.delete(key);
    }
  }
}
