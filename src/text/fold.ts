/**
 * Accent folding for Vietnamese search: "Tỷ lệ che phủ rừng" → "ty le che phu rung".
 * One definition, used for stored search columns and for queries, so both engines
 * (PGlite and a PostgreSQL server) behave identically without the unaccent extension.
 */
export function foldVietnamese(text: string): string {
  if (/^[\0-\x7f]*$/.test(text)) return text.toLowerCase(); // ASCII only folds its case (codes: "KH", "UBND")
  const out = unitBuffer(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const folded = FOLDED[text.charCodeAt(i)];
    if (folded >= 0) out[n++] = folded;
    else if (folded === SLOW) return foldSlowly(text);
  }
  return decode(out, n, true); // a surrogate folds slowly (it is not in FOLDED's ranges), so none is here
}

/** The definition of the fold; `foldVietnamese` gives the same result faster for the characters of a Vietnamese text. */
function foldSlowly(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();
}

/*
 * Folding through normalisation is most of the extractor's time, so texts are folded one UTF-16 unit
 * at a time through tables. That gives the same result for Latin letters and their accents, Vietnamese
 * letters, and general punctuation ("–", "“", "⁴"): each decomposes to at most one letter and accents
 * of U+0300–036F (which are dropped), none is reordered by normalisation, and none lower-cases
 * differently in context (as "Σ" does). A text with any other character is folded slowly.
 */
const NOTHING = -1, SLOW = -2, UNKNOWN = -3;
/** A unit's fold in a text: the folded unit, NOTHING (an accent), or SLOW. */
const FOLDED = new Int32Array(0x10000).fill(SLOW);
/**
 * A unit's fold keeping offsets: the folded unit when its fold is exactly one unit, else the unit; with
 * the IRREGULAR bit when `foldVietnamese` folds it otherwise (to no or two units, or slowly). Storing the
 * entry in a Uint16Array drops the bit. Filled in for other units as they are met.
 */
const KEPT = new Int32Array(0x10000).fill(UNKNOWN);
const IRREGULAR = 0x10000;

function keptFold(unit: number, f = foldSlowly(String.fromCharCode(unit))): number {
  const kept = f.length === 1 ? f.charCodeAt(0) : unit;
  return (KEPT[unit] = kept | (FOLDED[unit] === kept ? 0 : IRREGULAR));
}

for (const [from, to] of [[0, 0x370], [0x1e00, 0x1f00], [0x2000, 0x20d0]]) {
  for (let unit = from; unit < to; unit++) {
    const f = foldSlowly(String.fromCharCode(unit));
    FOLDED[unit] = f.length > 1 ? SLOW : f.length ? f.charCodeAt(0) : NOTHING;
    keptFold(unit, f);
  }
}

/** Room for the units of a fold, reused (every fold is decoded before the next one starts): most folds are of a sentence or less. */
const units = new Uint16Array(4096);
const unitBuffer = (length: number) => (length <= units.length ? units : new Uint16Array(length));

const utf16 = new TextDecoder("utf-16le");

/**
 * The first `n` units as a string. A TextDecoder is several times faster on long runs but replaces lone
 * surrogates, so it is used only when `surrogateFree`; otherwise plain JavaScript in chunks keeps them
 * (the web app folds too, and browsers have no Buffer).
 */
function decode(out: Uint16Array, n: number, surrogateFree: boolean): string {
  if (surrogateFree && n > 64) return utf16.decode(out.subarray(0, n));
  let s = "";
  for (let i = 0; i < n; i += 8192) s += String.fromCharCode.apply(null, out.subarray(i, Math.min(n, i + 8192)) as unknown as number[]);
  return s;
}

/**
 * Folds accents and case one UTF-16 unit at a time, so offsets in the result are offsets in `text`;
 * a unit whose fold is not exactly one unit (an accent on its own, "İ", "ﬁ") stays as it is.
 */
export const foldKeepingOffsets = (text: string) => foldUnits(text).folded;

/** `foldKeepingOffsets`, and whether every unit folded to one unit, as `foldVietnamese` folds it. */
function foldUnits(text: string): { folded: string; regular: boolean } {
  const out = unitBuffer(text.length);
  let flags = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    let kept = KEPT[unit];
    if (kept === UNKNOWN) kept = keptFold(unit);
    out[i] = kept;
    flags |= kept;
  }
  // Surrogates are irregular (foldVietnamese folds them slowly): a regular text has none.
  const regular = (flags & IRREGULAR) === 0;
  return { folded: decode(out, text.length, regular), regular };
}

/**
 * A document folded once, for the stages that fold its parts: in a document whose every unit folds to
 * one unit (NFC Vietnamese text), the fold of a part is that part of the fold of the whole.
 */
export class FoldedText {
  /** `foldKeepingOffsets(text)`. */
  readonly folded: string;
  /** Every unit folds to one unit: the fold of a part is then that part of `folded`, and holds what the part's fold holds. */
  readonly regular: boolean;

  constructor(readonly text: string) {
    ({ folded: this.folded, regular: this.regular } = foldUnits(text));
  }

  /** `foldVietnamese(part)` for `part`, the part of the text at `start`: cut from the fold of the whole where that is the same. */
  foldOf(part: string, start: number): string {
    return this.regular ? this.folded.slice(start, start + part.length) : foldVietnamese(part);
  }

  /** `foldKeepingOffsets(part)` for `part`, the part of the text at `start`: always that part of the fold of the whole (it folds unit by unit). */
  keptFoldOf(part: string, start: number): string {
    return this.folded.slice(start, start + part.length);
  }

  /** `foldPhrase(part)` for `part`, the part of the text at `start`. */
  phraseOf(part: string, start: number): string {
    return asPhrase(this.foldOf(part, start));
  }
}

/** A folded phrase for matching patterns: accents and case folded, runs of whitespace made one space, ends trimmed. */
export function foldPhrase(text: string): string {
  return asPhrase(foldVietnamese(text));
}

/** A folded text's whitespace as a phrase's: runs made one space, ends trimmed. */
export function asPhrase(folded: string): string {
  // Only runs of whitespace and other spaces than " " are replaced: replacing every space costs more than the fold.
  return folded.replace(/\s\s+|[^\S ]/g, " ").trim();
}

/** Folded words of a text, split on anything that is not a letter or digit. */
export function foldedWords(text: string): string[] {
  return foldVietnamese(text).split(/[^a-z0-9]+/).filter(Boolean);
}

/** The text stored in a `search_folded` column: folded words of all parts, space-separated. */
export function searchDocumentText(...parts: Array<string | null | undefined>): string {
  return parts.flatMap((p) => (p ? foldedWords(p) : [])).join(" ");
}
