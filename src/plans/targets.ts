/**
 * Whether a reported value meets an indicator's target, read the way the plan means it. A range
 * ("8 - 9%") is met from its lower end for an indicator where more is better (and from its upper
 * end where less is better): exceeding a growth target is not missing it. "Khoảng" (approximately)
 * allows APPROX_TOLERANCE either side. Null: the target has no number to compare with.
 */
import type { COMPARATORS } from "./schema.js";

type Comparator = (typeof COMPARATORS)[number];

export const APPROX_TOLERANCE = 0.05;

export interface Target { comparator: Comparator; min: number | null; max: number | null; direction: "higher" | "lower" }

export function meetsTarget(t: Target, value: number): boolean | null {
  const lower = t.direction === "lower";
  const bound = lower ? (t.max ?? t.min) : (t.min ?? t.max);
  if (bound === null) return null;
  switch (t.comparator) {
    case ">": return value > bound;
    case "<": return value < bound;
    case ">=": return value >= bound;
    case "<=": return value <= bound;
    case "approx": return lower ? value <= bound * (1 + APPROX_TOLERANCE) : value >= bound * (1 - APPROX_TOLERANCE);
    default: return lower ? value <= bound : value >= bound; // "=" and "range"
  }
}
