import { describe, expect, it } from "vitest";
import { SessionCache } from "./session-cache.js";

describe("SessionCache", () => {
  it("reuses a value within its time to live, loads again after it or after a clear", async () => {
    const cache = new SessionCache<number>(5_000);
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.get("a", load, 0)).toBe(1);
    expect(await cache.get("a", load, 4_999)).toBe(1);
    expect(await cache.get("a", load, 5_000)).toBe(2);
    cache.clear();
    expect(await cache.get("a", load, 5_001)).toBe(3);
    expect(await cache.get("b", load, 5_001)).toBe(4);
  });

  it("does not keep a value whose load began before a clear", async () => {
    const cache = new SessionCache<string>(5_000);
    let release!: () => void;
    const slow = cache.get("a", () => new Promise<string>((ok) => { release = () => ok("before sign-out"); }), 0);
    cache.clear();
    release();
    expect(await slow).toBe("before sign-out");
    expect(await cache.get("a", async () => "after", 1)).toBe("after");
  });

  it("forgets one key at once, keeping the others", async () => {
    const cache = new SessionCache<string>(5_000);
    await cache.get("a", async () => "a1", 0);
    await cache.get("b", async () => "b1", 0);
    cache.forget("a");
    expect(await cache.get("a", async () => "a2", 1)).toBe("a2");
    expect(await cache.get("b", async () => "b2", 1)).toBe("b1");
  });
});
