/**
 * Accent folding for Vietnamese search: "Tỷ lệ che phủ rừng" → "ty le che phu rung".
 * One definition, used for stored search columns and for queries, so both engines
 * (PGlite and a PostgreSQL server) behave identically without the unaccent extension.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();
}

/** A folded phrase for matching patterns: accents and case folded, runs of whitespace made one space, ends trimmed. */
export function foldPhrase(text: string): string {
  return foldVietnamese(text).replace(/\s+/g, " ").trim();
}

/** Folded words of a text, split on anything that is not a letter or digit. */
export function foldedWords(text: string): string[] {
  return foldVietnamese(text).split(/[^a-z0-9]+/).filter(Boolean);
}

/** The text stored in a `search_folded` column: folded words of all parts, space-separated. */
export function searchDocumentText(...parts: Array<string | null | undefined>): string {
  return parts.flatMap((p) => (p ? foldedWords(p) : [])).join(" ");
}
