/** The web app's number formats and the reading of typed numbers (web/src/format.ts). */
import { describe, expect, it } from "vitest";
import { formatNumber, formatTick, readNumber } from "../../web/src/format.js";

describe("numbers typed in a form", () => {
  it("reads them the Vietnamese way and never makes a number up", () => {
    expect(readNumber("95,5")).toEqual({ value: 95.5 });
    expect(readNumber(" 1.288,123 ")).toEqual({ value: 1288.123 });
    expect(readNumber("8.650")).toEqual({ value: 8650 });
    expect(readNumber("-1,5")).toEqual({ value: -1.5 });
    expect(readNumber("")).toEqual({ value: null });
    expect(readNumber("95,5%")).toEqual({ problem: "not_a_number" });
    expect(readNumber("chín mươi")).toEqual({ problem: "not_a_number" });
  });

  it("refuses a number out of range rather than clamping it", () => {
    const progress = { min: 0, max: 100 };
    expect(readNumber("95,5", progress)).toEqual({ value: 95.5 });
    expect(readNumber("100", progress)).toEqual({ value: 100 });
    expect(readNumber("955", progress)).toEqual({ problem: "out_of_range" });
    expect(readNumber("-1", progress)).toEqual({ problem: "out_of_range" });
  });
});

describe("numbers shown", () => {
  it("in Vietnamese, exact unless rounding is asked for", () => {
    expect(formatNumber(58.5)).toBe("58,5");
    expect(formatNumber(8650)).toBe("8.650");
    expect(formatNumber(1288.123)).toBe("1.288,123");
    expect(formatNumber(6.753333333333333, 2)).toBe("6,75");
    expect(formatNumber(null)).toBe("");
  });

  it("chart ticks with the decimals of their step, without binary noise", () => {
    expect(formatTick(59.80000000000001, 0.2)).toBe("59,8");
    expect(formatTick(59.6, 0.2)).toBe("59,6");
    expect(formatTick(0.75, 0.25)).toBe("0,75");
    expect(formatTick(60, 0.2)).toBe("60");
    expect(formatTick(12000, 2000)).toBe("12.000");
    expect(formatTick(7.1000000000000005, 0)).toBe("7,1");
  });
});
