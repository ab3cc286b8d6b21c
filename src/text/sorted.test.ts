import { describe, expect, it } from "vitest";
import { firstAtOrAfter } from "./sorted.js";

describe("firstAtOrAfter", () => {
  it("finds the first item at or after a value, the length when none is", () => {
    const stops = [3, 8, 8, 15];
    const at = (v: number) => firstAtOrAfter(stops, (x) => x, v);
    expect([0, 3, 4, 8, 9, 15, 16].map(at)).toEqual([0, 0, 1, 1, 3, 3, 4]);
    expect(firstAtOrAfter([], (x: number) => x, 5)).toBe(0);
    expect(firstAtOrAfter([{ start: 0 }, { start: 10 }], (s) => s.start, 10)).toBe(1);
  });
});
