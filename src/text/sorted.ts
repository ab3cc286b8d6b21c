/**
 * The index of the first item of `sorted` whose key is at or after `value` (`sorted.length` when none is), found by halving:
 * the stages look up positions among thousands (a long paragraph's stops, a line's mentions).
 */
export function firstAtOrAfter<T>(sorted: readonly T[], key: (item: T) => number, value: number): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (key(sorted[mid]) < value) lo = mid + 1; else hi = mid; }
  return lo;
}
