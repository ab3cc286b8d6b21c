import { describe, expect, it } from "vitest";
import { AppError } from "../core/errors.js";
import { AddressThrottle } from "./rate-limit.js";

const fail = async (): Promise<string> => { throw new AppError("unauthorized", [], "login_failed"); };
const succeed = async () => "signed in";
const timed = async <T>(work: Promise<T>) => { const t0 = performance.now(); const outcome = await work.then((v) => v, (e: AppError) => e.code); return { outcome, ms: performance.now() - t0 }; };

describe("AddressThrottle", () => {
  it("slows an address past its failures, one attempt at a time, a right password included; others not", async () => {
    const throttle = new AddressThrottle({ limit: 3, windowMs: 60_000, delayMs: 100, maxWaiting: 5 });
    for (let i = 0; i < 3; i++) expect((await timed(throttle.run("a", fail))).outcome).toBe("unauthorized");
    expect(throttle.slowed("a")).toBe(true);
    expect(throttle.slowed("b")).toBe(false);
    // Three at once from the slowed address: one after another, each at least the delay, whatever the outcome.
    const t0 = performance.now();
    const outcomes = await Promise.all([throttle.run("a", succeed), throttle.run("a", fail).catch((e: AppError) => e.code), throttle.run("a", succeed)]);
    expect(outcomes).toEqual(["signed in", "unauthorized", "signed in"]);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(299);
    expect((await timed(throttle.run("b", succeed))).ms).toBeLessThan(100);
  });

  it("refuses more than maxWaiting attempts waiting from one address", async () => {
    const throttle = new AddressThrottle({ limit: 1, windowMs: 60_000, delayMs: 50, maxWaiting: 2 });
    await throttle.run("a", fail).catch(() => undefined);
    const outcomes = await Promise.all([1, 2, 3].map(() => throttle.run("a", succeed).catch((e: AppError) => e.detail)));
    expect(outcomes).toEqual(["signed in", "signed in", "sign_in_throttled"]);
    // The queue drained: the next one waits its turn again.
    expect(await throttle.run("a", succeed)).toBe("signed in");
  });

  it("counts attempts under way, so a burst cannot all pass before the first failure is counted", async () => {
    const throttle = new AddressThrottle({ limit: 2, windowMs: 60_000, delayMs: 50, maxWaiting: 10 });
    let running = 0, most = 0;
    const slowFail = async () => { running++; most = Math.max(most, running); await new Promise((ok) => setTimeout(ok, 20)); running--; return fail(); };
    await Promise.all(Array.from({ length: 5 }, () => throttle.run("a", slowFail).catch(() => undefined)));
    expect(most).toBe(3); // not five: two on the fast path, beside them the other three one at a time
  });

  it("forgets failures older than the window", async () => {
    const throttle = new AddressThrottle({ limit: 1, windowMs: 30, delayMs: 1_000, maxWaiting: 1 });
    await throttle.run("a", fail).catch(() => undefined);
    expect(throttle.slowed("a")).toBe(true);
    await new Promise((ok) => setTimeout(ok, 40));
    expect(throttle.slowed("a")).toBe(false);
  });
});
