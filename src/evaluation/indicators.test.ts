import { describe, expect, it } from "vitest";
import { evaluateIndicator, isBand, type IndicatorTarget, type Observation } from "./indicators.js";

const target = (t: Partial<IndicatorTarget>): IndicatorTarget => ({
  comparator: ">=", min: null, max: null, direction: "higher", unit: "%", targetYear: null, perYear: false,
  periodFrom: null, periodTo: null, baselineValue: null, baselineYear: null, ...t,
});
const actual = (year: number, value: number): Observation => ({ year, value, kind: "actual" });
const estimate = (year: number, value: number): Observation => ({ year, value, kind: "estimate" });

describe("a share of a whole set as a range (a band)", () => {
  const share = target({ comparator: "range", min: 12, max: 13, targetYear: 2030 });
  it("is a band only for a share of a whole ('cơ cấu', 'tỷ trọng'), not for a growth or a level range", () => {
    expect(isBand(share, "co cau kinh te den nam 2030: nong, lam nghiep va thuy san")).toBe(true);
    expect(isBand(share, "ty le lao dong qua dao tao co bang cap")).toBe(false);
    expect(isBand({ ...share, perYear: true }, "co cau kinh te")).toBe(false);
  });
  it("above it, is not achieved: the level must come down to the band's top", () => {
    const band = { ...share, band: true };
    const e = evaluateIndicator(band, [actual(2023, 21.69), estimate(2024, 21.57)], 2024);
    expect(e.status).toBe("off_track");
    expect(e.reason.vi).toContain("≤ 13%");
    expect(evaluateIndicator(band, [actual(2024, 12.5)], 2024).status).toBe("achieved");
    // Without the band, a range is a floor: 21,57% passes 12 - 13%.
    expect(evaluateIndicator(share, [estimate(2024, 21.57)], 2024).status).toBe("achieved");
  });
});

describe("evaluateIndicator on the sample plan and report", () => {
  it("village roads hardened 87% (2024) against 80% by 2025: achieved", () => {
    const e = evaluateIndicator(target({ comparator: "=", min: 80, max: 80, targetYear: 2025 }), [actual(2024, 87)], 2024);
    expect(e.status).toBe("achieved");
    expect(e.reason.vi).toBe("Đạt 87% (2024), đạt mục tiêu 80% đến năm 2025");
  });

  it("GRDP 7,17% (2023) and 6,33% (2024) against 8 - 9% a year on average for 2021-2030: off track, with the rate needed for 2025-2030", () => {
    const grdp = target({ comparator: "range", min: 8, max: 9, perYear: true, periodFrom: 2021, periodTo: 2030, targetYear: 2030 });
    const e = evaluateIndicator(grdp, [actual(2023, 7.17), estimate(2024, 6.33)], 2024);
    expect(e.status).toBe("off_track");
    expect(e.averageSoFar).toBeCloseTo(6.75, 2);
    // (8 × 10 − (7,17 + 6,33) − 6,75 × 2 years without data) ÷ 6 remaining years
    expect(e.requiredRate).toBeCloseTo(8.833, 3);
    expect(e.remaining).toEqual({ from: 2025, to: 2030 });
    expect(e.reason.vi).toContain("các năm 2025 - 2030 cần đạt bình quân 8,83%/năm");
    expect(e.reason.vi).toContain("2 năm chưa có số liệu");
    expect(e.reason.vi).toContain("vượt mọi năm đã qua (tốt nhất 7,17%)");
    expect(e.reason.en).toContain("2025-2030 must average 8.83%/year");
  });
});

describe("evaluateIndicator by target form", () => {
  it("follows the Open SDG trajectory of a level target", () => {
    const t = target({ min: 80, targetYear: 2030, baselineValue: 50, baselineYear: 2020 });
    expect(evaluateIndicator(t, [actual(2024, 60)], 2024)).toMatchObject({ status: "on_track" });
    expect(evaluateIndicator(t, [actual(2024, 58)], 2024)).toMatchObject({ status: "at_risk" });
    expect(evaluateIndicator(t, [actual(2024, 55)], 2024)).toMatchObject({ status: "off_track" });
    const worse = evaluateIndicator(t, [actual(2024, 45)], 2024);
    expect(worse.status).toBe("off_track");
    expect(worse.ratio).toBeLessThan(0);
    expect(worse.reason.vi).toContain("đi ngược mục tiêu");
    // Without a baseline, the first year observed is one.
    expect(evaluateIndicator(target({ min: 80, targetYear: 2030 }), [actual(2020, 50), actual(2024, 60)], 2024).status).toBe("on_track");
    expect(evaluateIndicator(target({ min: 80, targetYear: 2030 }), [actual(2024, 60)], 2024)).toMatchObject({ status: "at_risk" });
  });

  it("turns the comparisons round where less is better", () => {
    const poverty = target({ comparator: "<=", max: 2, direction: "lower", targetYear: 2030, baselineValue: 10, baselineYear: 2020 });
    expect(evaluateIndicator(poverty, [actual(2024, 6.5)], 2024)).toMatchObject({ status: "at_risk" });
    expect(evaluateIndicator(poverty, [actual(2024, 1.8)], 2024)).toMatchObject({ status: "achieved" });
    expect(evaluateIndicator(poverty, [actual(2024, 11)], 2024)).toMatchObject({ status: "off_track" });
  });

  it("judges a yearly rate year by year", () => {
    const cut = target({ comparator: "range", min: 2, max: 3, perYear: true });
    expect(evaluateIndicator(cut, [actual(2024, 2.5)], 2024).status).toBe("achieved");
    expect(evaluateIndicator(cut, [actual(2024, 1.95)], 2024).status).toBe("at_risk");
    expect(evaluateIndicator(cut, [actual(2024, 1.5)], 2024).status).toBe("off_track");
  });

  it("caps shares at 100%, allows 5% either side of 'khoảng', and calls a passed year missed", () => {
    expect(evaluateIndicator(target({ comparator: "=", min: 100, max: 100, targetYear: 2025 }), [actual(2024, 104)], 2024).status).toBe("achieved");
    const full = target({ comparator: "=", min: 100, max: 100, targetYear: 2025, baselineValue: 90, baselineYear: 2020 });
    expect(evaluateIndicator(full, [actual(2024, 99)], 2024).status).toBe("on_track");
    const approx = evaluateIndicator(target({ comparator: "approx", min: 30, max: 30, targetYear: 2030 }), [actual(2024, 28.8)], 2024);
    expect(approx.status).toBe("achieved");
    expect(approx.reason.vi).toContain("sai lệch cho phép 5%");
    expect(evaluateIndicator(target({ min: 80, targetYear: 2023 }), [actual(2024, 70)], 2024)).toMatchObject({ status: "off_track" });
  });

  it("says when there is nothing to judge, and prefers an actual value to an estimate of the same year", () => {
    expect(evaluateIndicator(target({ min: 80, targetYear: 2030 }), [], 2024).status).toBe("no_data");
    expect(evaluateIndicator(target({ min: 80, targetYear: 2030 }), [actual(2025, 90)], 2024).status).toBe("no_data");
    expect(evaluateIndicator(target({ comparator: "=", targetYear: 2030 }), [actual(2024, 1)], 2024).status).toBe("no_data");
    const both = evaluateIndicator(target({ min: 80, targetYear: 2030 }), [estimate(2024, 85), actual(2024, 79)], 2024);
    expect(both.latest).toEqual(actual(2024, 79));
  });

  it("judges a period's average once the period is over", () => {
    const t = target({ comparator: ">=", min: 8, perYear: true, periodFrom: 2021, periodTo: 2025 });
    const years = [actual(2021, 8), actual(2022, 9), actual(2023, 7), actual(2024, 8.5), actual(2025, 8)];
    expect(evaluateIndicator(t, years, 2025).status).toBe("achieved");
    expect(evaluateIndicator(t, years.map((o) => ({ ...o, value: o.value - 1 })), 2025).status).toBe("off_track");
    expect(evaluateIndicator(t, years.slice(0, 3), 2023)).toMatchObject({ status: "on_track" });
  });
});

describe("evaluateIndicator: the direction of travel, and the year evaluated", () => {
  it("calls a move the wrong way deterioration, even from a baseline that had met the target", () => {
    const fell = evaluateIndicator(target({ min: 80, targetYear: 2030, baselineValue: 90, baselineYear: 2020 }), [actual(2024, 75)], 2024);
    expect(fell).toMatchObject({ status: "off_track" });
    expect(fell.ratio).toBeLessThan(0);
    const rose = evaluateIndicator(target({ comparator: "<=", max: 2, direction: "lower", targetYear: 2030, baselineValue: 1.5, baselineYear: 2020 }), [actual(2024, 2.5)], 2024);
    expect(rose).toMatchObject({ status: "off_track" });
    expect(rose.ratio).toBeLessThan(0);
  });

  it("counts a period's remaining years from the year evaluated, not from the last value", () => {
    const t = target({ comparator: ">=", min: 8, perYear: true, periodFrom: 2021, periodTo: 2025 });
    const e = evaluateIndicator(t, [actual(2021, 7), actual(2022, 7), actual(2023, 7)], 2024);
    expect(e.remaining).toEqual({ from: 2025, to: 2025 });
    // (8 × 5 − 21 − 7 × 1 year without data) ÷ 1 remaining year
    expect(e.requiredRate).toBeCloseTo(12, 5);
    expect(evaluateIndicator(t, [actual(2021, 8), actual(2022, 9)], 2026).status).toBe("achieved");
  });

  it("caps only shares: a target above 100% of a plan is no share", () => {
    expect(evaluateIndicator(target({ min: 105, targetYear: 2025 }), [actual(2024, 101)], 2024).status).not.toBe("achieved");
    expect(evaluateIndicator(target({ min: 105, targetYear: 2025 }), [actual(2024, 106)], 2024).status).toBe("achieved");
  });

  it("writes the English reason in English units", () => {
    const e = evaluateIndicator(target({ comparator: "range", min: 8, max: 9, perYear: true, periodFrom: 2021, periodTo: 2030 }), [actual(2023, 7.17)], 2024);
    expect(e.reason.en).toContain("8 - 9%/year");
    expect(e.reason.en).not.toContain("năm");
  });
});
