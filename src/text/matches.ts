/**
 * The matches of a global pattern that never matches empty, as `text.matchAll(pattern)` finds them.
 * `matchAll` copies the pattern on every call, which costs more than the search itself on a sentence.
 */
export function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m; (m = pattern.exec(text));) out.push(m);
  return out;
}
