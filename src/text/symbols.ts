/**
 * Document symbols (số, ký hiệu). State documents: "23/KH-UBND", "09/2019/NĐ-CP", letters
 * "776/UBND-KT". Party documents: "11-NQ/TW", "52-CTr/TU". The same document is written many
 * ways ("13/NQ-TW" for "13-NQ/TW", "QĐ" or "QD", stray spaces): all share one canonical key.
 */
import { foldVietnamese } from "./fold.js";

/** Type codes and the document type each names. */
export const DOCUMENT_TYPE_CODES = {
  NQ: "resolution", KL: "conclusion", QD: "decision", CTR: "programme", KH: "plan", CT: "directive",
  TB: "notice", BC: "report", TTR: "submission", HD: "guidance", ND: "decree", TT: "circular",
  QC: "regulation", DA: "scheme", CV: "letter", TTLT: "joint_circular", QDI: "rule",
} as const;
export type DocumentTypeCode = keyof typeof DOCUMENT_TYPE_CODES;
export type DocumentType = (typeof DOCUMENT_TYPE_CODES)[DocumentTypeCode] | "law" | "other";

/** Issuer codes seen in provincial practice. A code outside this list still parses, flagged as unknown. */
const KNOWN_ISSUERS = new Set([
  "TW", "CP", "TTG", "TU", "UBND", "HDND", "BKTTW", "VPTW", "BCT", "BBT", "BTCTW", "BTGTW", "BDVTW", "UBKTTW",
  "VPCP", "BKHDT", "BTC", "BXD", "BGTVT", "BNNPTNT", "BNNMT", "BTNMT", "BCA", "BQP", "BNV", "BYT", "BGDDT",
  "BTTTT", "BKHCN", "BLDTBXH", "BVHTTDL", "BTP", "BNG", "UBDT", "NHNN", "TTCP", "KTNN", "TANDTC", "VKSNDTC",
  "HU", "DU", "BCSD", "SKHDT", "STC", "VP", "TH", "KT",
]);

export interface DocumentSymbol {
  /** Number as written without leading zeros; null in a draft whose number is blank ("Số: /UBND-TH"). */
  number: string | null;
  year: number | null;
  /** Canonical type code (folded, upper case: "QD", "CTR"); null for letters, whose symbol carries no type. */
  typeCode: DocumentTypeCode | null;
  /** Canonical issuer code ("UBND", "TW", "QH15"). */
  issuerCode: string;
  /** Drafting unit after the issuer ("KT" in "776/UBND-KT"). */
  unitCode: string | null;
  /** True for the party form "11-NQ/TW" (number-hyphen-type/issuer). */
  partyStyle: boolean;
  /** One key for every spelling of the same symbol; null when the number is blank. */
  key: string | null;
  /** The symbol written in its standard form ("13-NQ/TW", "693/QĐ-TTg"). */
  canonical: string;
  issuerKnown: boolean;
}

const codeKey = (s: string) => foldVietnamese(s).toUpperCase().replace(/[^A-Z0-9]/g, "");
const PARTY_ISSUERS = /^(TW|TU|HU|DU|BKTTW|VPTW|BCT|BBT|BTCTW|BTGTW|BDVTW|UBKTTW|T)$/;

/** Standard spellings of type codes, for the canonical form. */
const TYPE_SPELLING: Record<string, string> = { QD: "QĐ", ND: "NĐ", CTR: "CTr", TTR: "TTr", DA: "ĐA", QDI: "QĐi" };
const ISSUER_SPELLING: Record<string, string> = { TTG: "TTg", HDND: "HĐND", BKHDT: "BKHĐT", BGDDT: "BGDĐT" };

const SYMBOL = /^\s*(?:số\s*:?\s*)?(\d{1,5})?\s*([/-])\s*(?:(\d{4})\s*\/\s*)?([\p{L}\d]+(?:\s*[-/]\s*[\p{L}\d]+){0,3})\s*$/iu;

/**
 * Parses a symbol as written. Returns null when the text is not a document symbol at all
 * (no code part, letters in the number, more than four code parts).
 */
export function parseDocumentSymbol(written: string): DocumentSymbol | null {
  const m = SYMBOL.exec(written.normalize("NFC"));
  if (!m) return null;
  const [, num, firstSep, yearText, codesText] = m;
  const codes = codesText.split(/\s*[-/]\s*/).map((c) => c.trim()).filter(Boolean);
  if (!codes.length || codes.some((c) => !/\p{L}/u.test(c) && !/^\d+$/.test(c))) return null;
  if (!codes.some((c) => /\p{L}/u.test(c))) return null;
  const number = num ? String(Number(num)) : null;
  const year = yearText ? Number(yearText) : null;
  const first = codeKey(codes[0]);
  const isType = first in DOCUMENT_TYPE_CODES && codes.length > 1;
  const typeCode = isType ? (first as DocumentTypeCode) : null;
  const issuerWritten = isType ? codes[1] : codes[0];
  const issuerCode = codeKey(issuerWritten);
  const unitParts = codes.slice(isType ? 2 : 1).map(codeKey);
  const unitCode = unitParts.length ? unitParts.join("-") : null;
  const partyStyle = firstSep === "-" || (typeCode !== null && PARTY_ISSUERS.test(issuerCode) && !year);
  const key = number === null ? null : [number, year ?? "", typeCode ?? "", issuerCode, unitCode ?? ""].join("|");
  const spellType = typeCode ? TYPE_SPELLING[typeCode] ?? typeCode : null;
  // An issuer code not known here is written as the document writes it, in capitals ("HĐTĐKT", not "HDTDKT").
  const spellIssuer = ISSUER_SPELLING[issuerCode] ?? issuerWritten.replace(/\s+/g, "").toUpperCase();
  // (The unit likewise: "3120/STC-ĐT" keeps its Đ, "97/CĐ-TTg" its small g.)
  const unitSuffix = unitCode ? `-${codes.slice(isType ? 2 : 1).map((c) => ISSUER_SPELLING[codeKey(c)] ?? c.replace(/\s+/g, "").toUpperCase()).join("-")}` : "";
  const numberPart = number === null ? "" : number.padStart(num && num.startsWith("0") ? num.length : 1, "0");
  let canonical: string;
  if (partyStyle && spellType) canonical = `${numberPart}-${spellType}/${spellIssuer}${unitSuffix}`;
  else canonical = `${numberPart}/${year ? `${year}/` : ""}${spellType ? `${spellType}-` : ""}${spellIssuer}${unitSuffix}`;
  return {
    number, year, typeCode, issuerCode, unitCode, partyStyle, key, canonical,
    issuerKnown: KNOWN_ISSUERS.has(issuerCode) || /^QH\d+$/.test(issuerCode),
  };
}

/** The canonical key of a written symbol, or null when it does not parse or has no number. */
export function symbolKey(written: string): string | null {
  return parseDocumentSymbol(written)?.key ?? null;
}


/** The document type a symbol implies ("KH" → plan; a "QH15" symbol with a year → law-level resolution). */
export function documentTypeOfSymbol(symbol: DocumentSymbol): DocumentType {
  if (symbol.typeCode) return DOCUMENT_TYPE_CODES[symbol.typeCode];
  if (/^QH\d+$/.test(symbol.issuerCode)) return "resolution";
  return symbol.unitCode ? "letter" : "other";
}

export interface SymbolSuggestion {
  key: string;
  reason: "issuer_truncated" | "issuer_one_edit";
}

/**
 * Probable typos: an existing key with the same number, year and type whose issuer differs by a
 * truncation ("52-CTr/T" for "52-CTr/TU") or one edit. These are suggestions for a person to
 * confirm; they are never merged automatically.
 */
export function suggestSymbolMatches(written: string, existingKeys: Iterable<string>): SymbolSuggestion[] {
  const s = parseDocumentSymbol(written);
  if (!s?.key) return [];
  const out: SymbolSuggestion[] = [];
  for (const key of existingKeys) {
    if (key === s.key) continue;
    const [number, year, type, issuer, unit] = key.split("|");
    if (number !== s.number || year !== String(s.year ?? "") || type !== (s.typeCode ?? "") || unit !== (s.unitCode ?? "")) continue;
    if (issuer.startsWith(s.issuerCode) || s.issuerCode.startsWith(issuer)) out.push({ key, reason: "issuer_truncated" });
    else if (editDistanceAtMostOne(issuer, s.issuerCode)) out.push({ key, reason: "issuer_one_edit" });
  }
  return out;
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0, j = 0, edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { i++; j++; continue; }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else { i++; j++; }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}
