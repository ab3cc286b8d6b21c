import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatVietnameseNumber, parseQuantity, parseVietnameseNumber } from "./numbers.js";

describe("parseVietnameseNumber", () => {
  it.each([
    ["8.310,18", 8310.18], ["7,17", 7.17], ["1.288,123", 1288.123], ["02", 2], ["856.927", 856927],
    ["366.55", 366.55], ["11.024,7", 11024.7], ["0,03", 0.03], ["1.000.000", 1000000], ["-2,5", -2.5],
    ["1,234,567", 1234567], ["1,234.5", 1234.5], ["5.495,723", 5495.723], ["100", 100], ["0.125", 0.125], ["00.125", 0.125],
  ])("%s → %d", (text, value) => expect(parseVietnameseNumber(text)).toBe(value));

  it.each(["", "abc", "1..2", "1,", "1.2.3", "12,34,5", "1.234,5,6", "٣"])("refuses %j", (text) => {
    expect(parseVietnameseNumber(text)).toBeNull();
  });
});

describe("formatVietnameseNumber", () => {
  it("uses a thousands dot and a decimal comma", () => {
    expect(formatVietnameseNumber(8310.18)).toBe("8.310,18");
    expect(formatVietnameseNumber(1288.123)).toBe("1.288,123");
    expect(formatVietnameseNumber(7.17)).toBe("7,17");
    expect(formatVietnameseNumber(2 / 3, 2)).toBe("0,67");
    expect(formatVietnameseNumber(-1500)).toBe("-1.500");
  });

  it("round-trips through the parser for any finite number (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e300, max: 1e300, noNaN: true, noDefaultInfinity: true }), (x) => {
        const value = Object.is(x, -0) ? 0 : x;
        expect(parseVietnameseNumber(formatVietnameseNumber(value))).toBe(value);
      }),
      { numRuns: 2000 },
    );
  });

  it("round-trips integers of any size a document holds (property)", () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
      expect(parseVietnameseNumber(formatVietnameseNumber(n))).toBe(n);
    }));
  });
});

describe("parseQuantity", () => {
  it("reads a percentage", () => expect(parseQuantity("7,17%")).toEqual({ value: 7.17, unit: "%", written: "7,17" }));
  it("keeps the scale word of money in the unit", () => {
    expect(parseQuantity("1.288,123 tỷ đồng")).toEqual({ value: 1288.123, unit: "tỷ đồng", written: "1.288,123" });
    expect(parseQuantity("khoảng 150")).toBeNull();
  });
  it("multiplies out head-counts", () => {
    expect(parseQuantity("6 triệu lượt")).toMatchObject({ value: 6_000_000, unit: "lượt" });
    expect(parseQuantity("1,2 triệu lượt khách")).toMatchObject({ value: 1_200_000, unit: "lượt khách" });
  });
  it("reads leading zeros and a unit", () => expect(parseQuantity("02 cửa khẩu")).toMatchObject({ value: 2, unit: "cửa khẩu" }));
  it("reads areas", () => expect(parseQuantity("8.310,18 km²")).toMatchObject({ value: 8310.18, unit: "km²" }));
});
