import { describe, expect, it } from "vitest";
import { meetsTarget } from "./targets.js";

describe("meetsTarget", () => {
  it("reads each comparator the way plans mean it", () => {
    expect(meetsTarget({ comparator: ">=", min: 80, max: null, direction: "higher" }, 87)).toBe(true);
    expect(meetsTarget({ comparator: ">=", min: 80, max: null, direction: "higher" }, 79.9)).toBe(false);
    expect(meetsTarget({ comparator: "range", min: 8, max: 9, direction: "higher" }, 7.17)).toBe(false);
    expect(meetsTarget({ comparator: "range", min: 8, max: 9, direction: "higher" }, 9.5)).toBe(true);
    expect(meetsTarget({ comparator: "<=", min: null, max: 1.5, direction: "lower" }, 1.2)).toBe(true);
    expect(meetsTarget({ comparator: "range", min: 2, max: 3, direction: "lower" }, 3.5)).toBe(false);
    expect(meetsTarget({ comparator: "approx", min: 100, max: null, direction: "higher" }, 96)).toBe(true);
    expect(meetsTarget({ comparator: "approx", min: 100, max: null, direction: "higher" }, 94)).toBe(false);
    expect(meetsTarget({ comparator: ">", min: null, max: null, direction: "higher" }, 5)).toBeNull();
  });
});
