/**
 * Versions of a target or a task in force from a day (issue 15): an amending document changes an indicator's
 * target or a task's deadline from the day it takes effect, and each year is judged against the version in force
 * then. Pure.
 */

/** A version: `inForceFrom` null is the original, in force from the start. */
export interface Versioned { inForceFrom: string | null }

/**
 * The version in force on `day` (ISO): the one that took effect last on or before it; the original (null) when
 * none had yet. Null when there are no versions (the item's own columns hold its only form) or none was in force.
 */
export function versionInForce<T extends Versioned>(versions: readonly T[], day: string): T | null {
  let best: T | null = null;
  for (const v of versions) {
    if (v.inForceFrom !== null && v.inForceFrom > day) continue;
    if (best === null || (best.inForceFrom ?? "") < (v.inForceFrom ?? "")) best = v;
  }
  return best;
}

/** Versions by item, each list in the order they took effect (the original first). */
export function versionsByItem<T extends Versioned>(rows: readonly T[], itemOf: (row: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const list = out.get(itemOf(r));
    if (list) list.push(r); else out.set(itemOf(r), [r]);
  }
  for (const list of out.values()) list.sort((a, b) => (a.inForceFrom ?? "").localeCompare(b.inForceFrom ?? ""));
  return out;
}
