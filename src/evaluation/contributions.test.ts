import { describe, expect, it } from "vitest";
import { additive, servedSeries } from "./contributions.js";
import type { Observation } from "./indicators.js";

const actual = (year: number, value: number): Observation => ({ year, value, kind: "actual" });
const estimate = (year: number, value: number): Observation => ({ year, value, kind: "estimate" });

describe("the series a served indicator is judged on", () => {
  it("keeps its own years and takes the others from the one indicator serving it", () => {
    expect(servedSeries([actual(2023, 7.1)], "%", [{ unit: "%", series: [actual(2022, 6.5), actual(2023, 9), estimate(2024, 8.2)] }]))
      .toEqual([actual(2022, 6.5), actual(2023, 7.1), estimate(2024, 8.2)]);
  });

  it("adds several in the same count unit, only for the years each of them has, an estimate if any is", () => {
    const serving = [
      { unit: "lượt người", series: [actual(2023, 1_200_000), actual(2024, 1_500_000.1)] },
      { unit: "Lượt người", series: [actual(2023, 800_000), estimate(2024, 900_000.2)] },
      { unit: "lượt người", series: [actual(2024, 100_000)] },
    ];
    expect(servedSeries([], "lượt người", serving)).toEqual([estimate(2024, 2_500_000.3)]);
  });

  it("does not add shares, rates or mixed units: a region's growth is not the sum of its provinces'", () => {
    expect(additive("%", [{ unit: "%", series: [] }, { unit: "%", series: [] }])).toBe(false);
    expect(additive("giường bệnh/vạn dân", [{ unit: "giường bệnh/vạn dân", series: [] }])).toBe(false);
    expect(additive("trường", [{ unit: "Trường", series: [] }, { unit: "trường", series: [] }])).toBe(true);
    expect(additive("ha", [{ unit: "ha", series: [] }, { unit: "km", series: [] }])).toBe(false);
    expect(servedSeries([], "%", [{ unit: "%", series: [actual(2024, 8)] }, { unit: "%", series: [actual(2024, 6)] }])).toEqual([]);
  });

  it("is its own series when nothing serves it", () => {
    expect(servedSeries([actual(2024, 1)], "%", [])).toEqual([actual(2024, 1)]);
  });
});
