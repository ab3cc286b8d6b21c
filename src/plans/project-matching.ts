/**
 * The same project named by several documents is one record. A plan writes "dự án Nâng cấp đoạn Km18 -
 * Km80, Quốc lộ 4B", the report on it "(3) Dự án nâng cấp đoạn Km18 - Km80, QL4B": once the framing
 * ("dự án", "đầu tư xây dựng") is set aside and road names are spelt one way ("QL4B" is "quốc lộ 4B"),
 * they say the same. Two names match when their words are nearly the same (Dice at least
 * MATCH_THRESHOLD) and the identifiers they both give (road numbers, kilometre posts) agree: "Cải tạo,
 * nâng cấp Quốc lộ 4B (đoạn Km3+700 đến Km18)" is another project than "Nâng cấp đoạn Km18 - Km80, Quốc
 * lộ 4B", however many words they share. Where both give a location, it must agree too.
 *
 * A match is proposed in the import review; it is applied without asking only when it is the one
 * candidate above the threshold.
 */
import { foldedWords } from "../text/fold.js";
import { nameSimilarity } from "./reported-figures.js";

export const MATCH_THRESHOLD = 0.8;

/** Words that frame a project's name rather than name it. */
const FRAMING = new Set(["du", "an", "dau", "tu", "xay", "dung", "cong", "trinh", "thuoc", "theo", "hinh", "thuc", "cua", "va", "cac", "tinh", "huyen", "thanh", "pho", "doan", "den", "tuyen", "duong", "giao", "thong"]);
/** Road names spelt out, so that "QL4B", "QL.4B", "quốc lộ 4B" are the same words. */
const ROAD_ABBREVIATIONS: Array<[RegExp, string]> = [
  [/\bql\s*\.?\s*(\d)/g, "quoc lo $1"],
  [/\bdt\s*\.?\s*(\d)/g, "duong tinh $1"],
];

export interface ProjectKey { words: Set<string>; identifiers: Set<string> }

/** What identifies a project in its name: its words, and among them the ones with digits (road numbers, kilometre posts). */
export function projectKey(name: string): ProjectKey {
  let folded = foldedWords(name).join(" ");
  for (const [pattern, spelt] of ROAD_ABBREVIATIONS) folded = folded.replace(pattern, spelt);
  const all = folded.split(" ").filter(Boolean);
  const words = new Set(all.filter((w) => !FRAMING.has(w)));
  return { words, identifiers: new Set([...words].filter((w) => /\d/.test(w))) };
}

const sameLocation = (a: string | null | undefined, b: string | null | undefined) =>
  !a || !b || nameSimilarity(new Set(foldedWords(a)), new Set(foldedWords(b))) >= 0.5;

/** How alike two projects' names are (0 when their identifiers or locations disagree). */
export function projectSimilarity(a: ProjectKey, b: ProjectKey, locations?: [string | null | undefined, string | null | undefined]): number {
  if (a.identifiers.size && b.identifiers.size) {
    for (const id of a.identifiers) if (!b.identifiers.has(id)) return 0;
    for (const id of b.identifiers) if (!a.identifiers.has(id)) return 0;
  }
  if (locations && !sameLocation(...locations)) return 0;
  return nameSimilarity(a.words, b.words);
}

export interface KnownProject { id: number; name: string; location: string | null }
export interface ProjectCandidate { id: number; name: string; similarity: number }

/** The recorded projects a named one may be, best first; `unambiguous` when exactly one reaches the threshold. */
export function candidatesFor(name: string, location: string | null, known: Array<KnownProject & { key?: ProjectKey }>): { candidates: ProjectCandidate[]; unambiguous: number | null } {
  const key = projectKey(name);
  const candidates = known
    .map((k) => ({ id: k.id, name: k.name, similarity: projectSimilarity(key, k.key ?? projectKey(k.name), [location, k.location]) }))
    .filter((c) => c.similarity >= MATCH_THRESHOLD)
    .sort((a, b) => b.similarity - a.similarity || a.id - b.id);
  return { candidates: candidates.slice(0, 5), unambiguous: candidates.length === 1 ? candidates[0].id : null };
}
