/**
 * An indicator judged on the values of the indicators that serve it (a department's plan's figure towards
 * the province's target, the province's towards the resolution's: indicator_contributions, confirmed by a
 * person). Pure: the series it is judged on, year by year.
 *
 * A year the indicator has a value of its own keeps it: the body that set the target reports on it. Other
 * years take what serves it: one serving indicator's value as it is; several, their sum, but only where
 * a sum means something (the same unit, not a share or a rate, and every one of them has the year), since
 * a province's 8% and another's 6% do not make a region's 14%.
 */
import { foldedWords } from "../text/fold.js";
import type { Observation } from "./indicators.js";

export interface ServingSeries { unit: string | null; series: Observation[] }

const unitKey = (unit: string | null) => foldedWords(unit ?? "").join(" ");
/** Units whose figures cannot be added across bodies: shares, rates, indices, and anything per something ("giường bệnh/vạn dân"). */
const NOT_ADDITIVE = /%|phan tram|ty le|chi so|diem|bq|binh quan/;

/** A sum without the binary fractions' dust (0.1 + 0.2): figures are given to a few decimals at most. */
const roundSum = (x: number) => Math.round(x * 1e6) / 1e6;

/** Whether the figures of several serving indicators in this unit can be summed into the served one's. */
export function additive(unit: string | null, serving: ServingSeries[]): boolean {
  const key = unitKey(unit);
  return !NOT_ADDITIVE.test(key) && !/[%/]/.test(unit ?? "") && serving.every((s) => unitKey(s.unit) === key);
}

/** The series the served indicator is judged on: its own years, and the others from those serving it (see the module). */
export function servedSeries(own: Observation[], unit: string | null, serving: ServingSeries[]): Observation[] {
  if (!serving.length) return own;
  const byYear = new Map(own.map((o) => [o.year, o]));
  const years = new Set(serving.flatMap((s) => s.series.map((o) => o.year)));
  const sums = serving.length > 1 && additive(unit, serving);
  for (const year of years) {
    if (byYear.has(year)) continue;
    const found = serving.map((s) => s.series.find((o) => o.year === year));
    if (serving.length === 1) byYear.set(year, found[0]!);
    else if (sums && found.every((o) => o !== undefined)) {
      byYear.set(year, { year, value: roundSum(found.reduce((sum, o) => sum + o!.value, 0)), kind: found.some((o) => o!.kind === "estimate") ? "estimate" : "actual" });
    }
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}
