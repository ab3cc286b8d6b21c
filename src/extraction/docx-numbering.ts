/**
 * Word's automatic list numbers ("I.", "2.4.", "a)"), which are not in a .docx's text: Word computes
 * them from word/numbering.xml when it lays the page out. mammoth only says that a paragraph is in
 * a list (level, ordered or not), so the labels are recomputed here, one per numbered paragraph in
 * document order, choosing numbered paragraphs by mammoth's own rule so that the two lists can be
 * paired. The caller pairs them only when they agree (same count, levels, kinds); otherwise no label
 * is added, and the text is still right, only without Word's numbers.
 *
 * Counters follow Word: list instances (w:num) sharing an abstract definition continue one another's
 * numbers unless the instance overrides a start; using a level resets the deeper ones.
 */

export interface NumberedParagraph { level: number; isOrdered: boolean; label: string }

interface Level { format: string; text: string; start: number; legal: boolean }
interface AbstractNum { levels: Map<number, Level>; numStyleLink?: string }
interface Num { abstractId: string; starts: Map<number, number> }

// The XML is scanned with bounded patterns and indexOf, never a lazy match that could run to the end
// of the part at each of many starts: a crafted part of 16 MB must not take quadratic time.
// (An attribute list cannot hold "<", so no match attempt reaches past the next tag.)
const val = (xml: string, tag: string) => xml.match(new RegExp(`<${tag}(?=[\\s/>])[^<>]{0,500}?\\bw:val="([^"<]{0,500})"`))?.[1];
const attr = (attrs: string, name: string) => attrs.match(new RegExp(`\\b${name}="([^"<]{0,500})"`))?.[1];

/** The elements `<tag …>…</tag>` of `xml` (not nested in one another) as [attributes, content]. */
function elements(xml: string, tag: string): [string, string][] {
  return xml.split(new RegExp(`<${tag}(?=[\\s/>])`)).slice(1).map((part) => {
    const open = part.indexOf(">");
    if (open < 0 || part[open - 1] === "/") return [part.slice(0, Math.max(open, 0)), ""];
    const close = part.indexOf(`</${tag}>`, open);
    return [part.slice(0, open), part.slice(open + 1, close < 0 ? undefined : close)];
  });
}

/**
 * Word numbers a list from 0 to 32767 and has 9 levels (0-8). A part may say anything: a start of
 * 2,000,000,000 would make a label of 77 million letters, or two million "M"s, per paragraph. Numbers
 * are read within these bounds, and a counter beyond them gets no label.
 */
const MAX_LIST_NUMBER = 32767;
const MAX_LEVEL = 8;

/** A whole number from an attribute, or `fallback` when it is missing or not within 0..max. */
function boundedInt(written: string | undefined, max: number, fallback: number): number {
  const n = written === undefined ? NaN : Number(written);
  return Number.isInteger(n) && n >= 0 && n <= max ? n : fallback;
}

function roman(n: number): string {
  const digits: [number, string][] = [[1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"], [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let out = "";
  for (const [value, letters] of digits) while (n >= value) { out += letters; n -= value; }
  return out;
}

/** The number as the format writes it, or null beyond what Word numbers. */
function formatNumber(n: number, format: string | undefined): string | null {
  if (n < 0 || n > MAX_LIST_NUMBER) return null;
  switch (format) {
    case "none": return "";
    case "upperRoman": return roman(n);
    case "lowerRoman": return roman(n).toLowerCase();
    // Word's letters go a … z, then aa, bb …; past ten letters a label says nothing (and would grow without bound).
    case "upperLetter": return n > 260 ? null : String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.ceil(n / 26));
    case "lowerLetter": return n > 260 ? null : String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.ceil(n / 26));
    case "decimalZero": return String(n).padStart(2, "0");
    default: return String(n);
  }
}

function readNumbering(numberingXml: string) {
  const abstracts = new Map<string, AbstractNum>();
  const byStyle = new Map<string, { abstractId: string; level: number }>();
  for (const [attrs, body] of elements(numberingXml, "w:abstractNum")) {
    const id = attr(attrs, "w:abstractNumId") ?? "";
    const levels = new Map<number, Level>();
    for (const [lvlAttrs, lvl] of elements(body, "w:lvl")) {
      const level = boundedInt(attr(lvlAttrs, "w:ilvl") ?? "0", MAX_LEVEL, -1);
      if (level < 0) continue;
      const legal = /<w:isLgl(?![^<>]{0,100}w:val="(?:0|false)")/.test(lvl);
      levels.set(level, { format: val(lvl, "w:numFmt") ?? "decimal", text: val(lvl, "w:lvlText") ?? "", start: boundedInt(val(lvl, "w:start"), MAX_LIST_NUMBER, 1), legal });
      const style = val(lvl, "w:pStyle");
      if (style) byStyle.set(style, { abstractId: id, level });
    }
    abstracts.set(id, { levels, numStyleLink: val(body, "w:numStyleLink") });
  }
  const nums = new Map<string, Num>();
  for (const [attrs, body] of elements(numberingXml, "w:num")) {
    const starts = new Map<number, number>();
    for (const [overrideAttrs, override] of elements(body, "w:lvlOverride")) {
      const start = val(override, "w:startOverride");
      const level = boundedInt(attr(overrideAttrs, "w:ilvl") ?? "0", MAX_LEVEL, -1);
      if (start !== undefined && level >= 0) starts.set(level, boundedInt(start, MAX_LIST_NUMBER, 1));
    }
    nums.set(attr(attrs, "w:numId") ?? "", { abstractId: val(body, "w:abstractNumId") ?? "", starts });
  }
  return { abstracts, byStyle, nums };
}

/** Paragraphs of document.xml in document order (by their start), with what their own properties say about numbering. */
function paragraphs(documentXml: string) {
  const found: { ilvl?: string; numId?: string; style?: string }[] = [];
  const open: (typeof found)[number][] = [];
  let inProps = false, inNumPr = false, skipped = 0; // skipped: depth in a tracked change or an mc:Choice
  const tags = /<(\/?)(w:p|w:pPr|w:numPr|w:pPrChange|mc:Choice|w:ilvl|w:numId|w:pStyle)(?=[\s/>])([^<>]{0,1000})>/g;
  for (const [, close, tag, attrs] of documentXml.matchAll(tags)) {
    const selfClosing = attrs.endsWith("/");
    // mammoth reads the fallback of alternate content, never the choice; and a paragraph's own properties, not their tracked old values.
    if (tag === "mc:Choice" || tag === "w:pPrChange") { if (!selfClosing) skipped += close ? -1 : 1; continue; }
    if (skipped > 0) continue;
    const paragraph = open.at(-1);
    if (tag === "w:p") {
      if (close) open.pop();
      else { const p = {}; found.push(p); if (!selfClosing) open.push(p); }
    } else if (tag === "w:pPr") inProps = !close && !selfClosing;
    else if (tag === "w:numPr") inNumPr = !close && !selfClosing;
    else if (paragraph && inProps && !close) {
      const value = attr(attrs, "w:val");
      if (tag === "w:pStyle") paragraph.style = value;
      else if (inNumPr && tag === "w:ilvl") paragraph.ilvl = value;
      else if (inNumPr && tag === "w:numId") paragraph.numId = value;
    }
  }
  return found;
}

/** Labels of the paragraphs mammoth will find numbered in `documentXml`, in document order. */
export function numberingLabels(documentXml: string, numberingXml: string, stylesXml = ""): NumberedParagraph[] {
  const { abstracts, byStyle, nums } = readNumbering(numberingXml);
  // Numbering styles (w:numStyleLink) point at the list instance given in styles.xml.
  const styleNumIds = new Map<string, string>();
  for (const [attrs, body] of elements(stylesXml, "w:style")) {
    const numId = val(body, "w:numId"), styleId = attr(attrs, "w:styleId");
    if (attr(attrs, "w:type") === "numbering" && numId && styleId) styleNumIds.set(styleId, numId);
  }
  /** The abstract definition a list instance uses, following numbering styles as mammoth does. */
  const resolve = (numId: string, seen = new Set<string>()): string | undefined => {
    const num = nums.get(numId);
    if (!num || seen.has(numId)) return undefined;
    seen.add(numId);
    const link = abstracts.get(num.abstractId)?.numStyleLink;
    if (link === undefined) return num.abstractId;
    const linked = styleNumIds.get(link);
    return linked === undefined ? undefined : resolve(linked, seen);
  };

  const counters = new Map<string, number[]>();
  const out: NumberedParagraph[] = [];
  for (const { ilvl, numId, style } of paragraphs(documentXml)) {
    let ref: { abstractId: string; level: number; numId?: string } | undefined;
    if (ilvl !== undefined && numId !== undefined) {
      const abstractId = resolve(numId);
      if (abstractId === undefined) continue;
      ref = { abstractId, level: boundedInt(ilvl, MAX_LEVEL, 0), numId };
    } else if (style !== undefined && byStyle.has(style)) ref = byStyle.get(style);
    else if (numId !== undefined) {
      const abstractId = resolve(numId);
      if (abstractId === undefined) continue;
      ref = { abstractId, level: 0, numId };
    }
    const levels = ref && abstracts.get(ref.abstractId)?.levels;
    const level = ref && levels?.get(ref.level);
    if (!ref || !levels || !level) continue;

    // An instance that overrides a start numbers on its own; the others share their definition's counters.
    const own = ref.numId !== undefined && (nums.get(ref.numId)?.starts.size ?? 0) > 0;
    const key = own ? `num ${ref.numId}` : `abstract ${ref.abstractId}`;
    const startOf = (l: number) => (own ? nums.get(ref.numId!)?.starts.get(l) : undefined) ?? levels.get(l)?.start ?? 1;
    const counts = counters.get(key) ?? [];
    counters.set(key, counts);
    counts[ref.level] = (counts[ref.level] ?? startOf(ref.level) - 1) + 1;
    counts.length = ref.level + 1;

    const isOrdered = level.format !== "bullet";
    // Bullets are symbol-font glyphs; Vietnamese documents write them as "-" or "+".
    let unnumbered = false;
    const label = !isOrdered ? (level.text === "+" ? "+" : "-")
      : level.text.replace(/%([1-9])/g, (_, d: string) => {
        const l = Number(d) - 1;
        const number = formatNumber(counts[l] ?? startOf(l), level.legal ? "decimal" : levels.get(l)?.format);
        if (number === null) unnumbered = true;
        return number ?? "";
      });
    out.push({ level: ref.level, isOrdered, label: unnumbered ? "" : label });
  }
  return out;
}
