/**
 * A sliding-window limit on failed sign-ins per client address and per username, in memory: it
 * slows guessing from one place, and guessing of names that have no account (which the lock in
 * sessions.ts, kept in the database across instances, does not cover). Successes are not counted.
 */
import { AppError } from "../core/errors.js";

export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly limits: { prefix: string; limit: number }[], private readonly windowMs: number) {}

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
  }

  /** Throws too_many_requests when a key has used up its failures in the window. */
  check(keys: string[], now = Date.now()): void {
    for (const key of keys) {
      const limit = this.limits.find((l) => key.startsWith(l.prefix))?.limit ?? 0;
      if (this.recent(key, now).length >= limit) throw new AppError("too_many_requests", [], "sign_in_throttled");
    }
  }

  failed(keys: string[], now = Date.now()): void {
    for (const key of keys) this.failures.set(key, [...this.recent(key, now), now]);
    if (this.failures.size > 10_000) {
      for (const [key] of this.failures) if (!this.recent(key, now).length) this.failures.delete(key);
    }
  }
}
