/**
 * Finding the documents a text cites: every symbol in running text ("Nghị quyết số 11-NQ/TW,
 * ngày 10/02/2022 của Bộ Chính trị"), with the date and issuer that follow it. A probable typo
 * ("52-CTr/T") is repaired to a symbol the same text cites correctly ("52-CTr/TU").
 */
import { foldVietnamese } from "../text/fold.js";
import { parseVietnameseDate, isDateError } from "../text/dates.js";
import { allMatches } from "../text/matches.js";
import { parseDocumentSymbol, suggestSymbolMatches, type SymbolSuggestion } from "../text/symbols.js";
import { firstAtOrAfter } from "../text/sorted.js";

export interface Citation {
  /** Canonical symbol ("13-NQ/TW" for "13/NQ-TW"). */
  symbol: string;
  key: string;
  date: string | null;
  issuerText: string | null;
  start: number;
  end: number;
}

const CODE = "[A-ZĐ][A-Za-zĐđ]{0,7}\\d{0,2}";
/** number, separator, optional year, then one or more codes: 23/KH-UBND, 11-NQ/TW, 111/2024/QH15, 72- KL/TW. */
const SYMBOL = new RegExp(`(?<![\\d/.,])(\\d{1,5})\\s*[-/]\\s*(?:(\\d{4})\\s*/\\s*)?(${CODE}(?:\\s*[-/]\\s*${CODE}){0,2})(?![\\p{L}\\d])`, "gu");
const DATE_AFTER = /^[\s,]*(?:ban hành\s+)?ngày\s+(\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})/u;
/**
 * "của Ban Chấp hành Đảng bộ tỉnh", up to the clause or verb that follows the issuer: at most 12 words,
 * each taken whole — `(?=(…))\2` cannot backtrack, and trying the ways to split a word into pieces only
 * revisits the same ends, exponentially many times when no clause follows.
 */
const ISSUER_AFTER = /^[\s,]*(?:của\s+)((?:(?=([^\s,;:()]+\s*))\2){1,12}?)(?=\s*(?:[,;:()]|(?<=\s)(?:về|thực hiện|ban hành|triển khai|tại|đến|đối với|và|nhằm|trong|theo)\s|$))/u;

export function findCitations(text: string): Citation[] {
  const found: Citation[] = [];
  // A text cites the same documents again and again: each spelling is parsed once.
  const parsedSymbols = new Map<string, ReturnType<typeof parseDocumentSymbol>>();
  const parse = (symbol: string) => {
    if (!parsedSymbols.has(symbol)) parsedSymbols.set(symbol, parseDocumentSymbol(symbol));
    return parsedSymbols.get(symbol)!;
  };
  for (const m of allMatches(SYMBOL, text)) {
    const written = m[0];
    // A year form needs only one code (111/2024/QH15); otherwise at least a type and an issuer.
    if (!m[2] && !/[-/]/.test(m[3])) continue;
    const parsed = parse(written);
    if (!parsed?.key) continue;
    const after = text.slice(m.index! + written.length, m.index! + written.length + 240);
    const dateMatch = DATE_AFTER.exec(after);
    let date: string | null = null;
    let rest = after;
    if (dateMatch) {
      const parsedDate = parseVietnameseDate(dateMatch[1]);
      if (!isDateError(parsedDate) && parsedDate.kind === "date") date = parsedDate.iso;
      rest = after.slice(dateMatch[0].length);
    }
    const issuer = ISSUER_AFTER.exec(rest);
    found.push({
      symbol: parsed.canonical, key: parsed.key, date, issuerText: issuer?.[1].trim() ? `của ${issuer[1].trim()}` : null,
      start: m.index!, end: m.index! + written.length,
    });
  }
  return repairTypos(found, parse);
}

/** Replaces a symbol with an unknown issuer by the one it probably misspells, cited elsewhere in the same text. */
function repairTypos(citations: Citation[], parse = parseDocumentSymbol): Citation[] {
  const issuerKnown = citations.map((c) => parse(c.symbol)?.issuerKnown);
  const wellFormed = new Map<string, Citation>();
  for (const [i, c] of citations.entries()) if (issuerKnown[i]) wellFormed.set(c.key, c);
  // A symbol can only be a typo of one with its number, year, type and unit (what a key holds but its issuer): those are
  // the keys it is compared with, and each spelling is compared once. (Every symbol against every key was quadratic.)
  const alike = new Map<string, string[]>();
  for (const key of wellFormed.keys()) {
    const [number, year, type, , unit] = key.split("|");
    const fields = alikeKey(number, year, type, unit);
    const keys = alike.get(fields);
    if (keys) keys.push(key); else alike.set(fields, [key]);
  }
  const suggested = new Map<string, SymbolSuggestion | undefined>();
  return citations.map((c, i) => {
    if (issuerKnown[i]) return c;
    // (The fields of its canonical spelling, as `suggestSymbolMatches` reads them: a Party symbol's canonical form drops its year.)
    const s = parse(c.symbol);
    if (!suggested.has(c.symbol)) suggested.set(c.symbol, s?.key ? suggestSymbolMatches(c.symbol, alike.get(alikeKey(s.number!, String(s.year ?? ""), s.typeCode ?? "", s.unitCode ?? "")) ?? [])[0] : undefined);
    const suggestion = suggested.get(c.symbol);
    if (!suggestion) return c;
    const target = wellFormed.get(suggestion.key)!;
    return { ...c, symbol: target.symbol, key: target.key, date: c.date ?? target.date };
  });
}

/** What a symbol's key ("number|year|type|issuer|unit") holds but its issuer, as one string. */
const alikeKey = (number: string, year: string, type: string, unit: string) => `${number}|${year}|${type}|${unit}`;

/**
 * The citations (in order of their starts, as `findCitations` gives them) standing whole from `start` to `end`: found by
 * halving, as the stages ask it for every line of an opening that may list thousands.
 */
export function citationsWithin(citations: readonly Citation[], start: number, end: number): Citation[] {
  const out: Citation[] = [];
  for (let k = firstAtOrAfter(citations, (c) => c.start, start); k < citations.length && citations[k].start < end; k++) {
    if (citations[k].end <= end) out.push(citations[k]);
  }
  return out;
}

/** One citation per document, the first that carries a date preferred. */
export function uniqueCitations(citations: Citation[]): Citation[] {
  const out: Citation[] = [];
  const byKey = new Map<string, number[]>();
  for (const c of citations) {
    const indices = byKey.get(c.key) ?? [];
    const at = indices.find((i) => sameCitation(out[i], c));
    if (at === undefined) { byKey.set(c.key, [...indices, out.length]); out.push(c); }
    else out[at] = { ...out[at], date: out[at].date ?? c.date, issuerText: out[at].issuerText ?? c.issuerText };
  }
  return out;
}

/**
 * Whether two citations name one document: the same symbol, and the same year when both are dated (a
 * province numbers its documents anew each year: "58/NQ-HĐND ngày 08/12/2023" is not "... ngày 12/12/2025").
 */
export const sameCitation = (a: Pick<Citation, "key" | "date">, b: Pick<Citation, "key" | "date">) =>
  a.key === b.key && (a.date === null || b.date === null || a.date.slice(0, 4) === b.date.slice(0, 4));

/** True when a line opens the way a document names what it implements: "Thực hiện Nghị quyết số ...", "Triển khai (thực hiện) ...". */
export const isImplementingClause = (text: string) => IMPLEMENTING.test(foldVietnamese(text.trim()));
/**
 * The words a clause naming what a document carries out opens with: "Thực hiện", or "Triển khai (thực hiện)" right
 * before the document ("Triển khai kịp thời việc tuyên truyền ..." is work, not what is carried out).
 */
const IMPLEMENTING = /^(?:thuc hien\b|trien khai(?: thuc hien)? (?:nghi quyet|ket luan|chi thi|chuong trinh|ke hoach|quyet dinh|cong van|thong bao|de an|luat)\b)/;
