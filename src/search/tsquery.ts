import { foldedWords } from "../text/fold.js";

/**
 * A folded, prefix-matching tsquery from what a user typed: "ty le che phu" →
 * "ty:* & le:* & che:* & phu:*". Returns null when nothing searchable remains. Only [a-z0-9]
 * survive folding, so the result cannot carry tsquery syntax.
 */
export function toPrefixTsquery(typed: string): string | null {
  const words = queryWords(typed);
  return words.length ? words.map((w) => `${w}:*`).join(" & ") : null;
}

/** The folded words a query searches for (at most 12), each only [a-z0-9]. */
export const queryWords = (typed: string): string[] => foldedWords(typed).slice(0, 12);
