/**
 * Quantities in running text, as targets and results are written: "đạt 8 - 9%", "khoảng 150 triệu
 * đồng", "trên 95%", "ít nhất 3 huyện", "giảm 2 - 3%/năm", "6 triệu lượt người", "36,9 giường bệnh/vạn dân".
 * Dates, years, periods, document symbols, section numbers and ratios of progress ("304/305 hộ")
 * are not quantities here.
 */
import { foldPhrase } from "../text/fold.js";
import { allMatches } from "../text/matches.js";
import { parseQuantity, parseVietnameseNumber, roundTo15Digits } from "../text/numbers.js";

export type Comparator = "=" | ">" | ">=" | "<" | "<=" | "range" | "approx";

export interface QuantityMention {
  comparator: Comparator;
  min: number | null;
  max: number | null;
  /** The whole a progress figure is out of: "304/305 hộ" is 304 of 305. */
  of: number | null;
  unit: string | null;
  /** "/năm" after the figure. */
  perYear: boolean;
  start: number;
  end: number;
}

const NUM = "\\d{1,3}(?:[.,]\\d{3})*(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)?";
/** A number, or a range "8 - 9" / "từ 8 đến 9" / "20% - 25%" (the percent sign written twice), then the unit. */
const MENTION = new RegExp(`(?<![\\p{L}\\d/.,:+-])(?:từ\\s+)?(${NUM})(?:\\s*(?:[%‰]\\s*(?=(?:-|–|đến)\\s*(?:${NUM})\\s*[%‰]))?(?:-|–|đến)\\s*(${NUM}))?(?![\\d/])\\s*(%|‰)?`, "gu");

/** Words a unit may consist of; the unit stops at the first word that is not one (a verb, a preposition). */
const UNIT_STOP = /^(tham|trước|sau|mỗi|hằng|hàng|đạt|là|so|với|trong|đó|và|của|được|có|tăng|giảm|trên|dưới|khoảng|tại|thuộc|theo|về|đến|từ|cho|với|hoàn|thành|đã|sẽ|trở|lên|năm|tương|đương|chiếm|bằng|gồm|nhằm|để|trong|phấn|đấu)$/iu;
const SCALE = /^(tỷ|triệu|nghìn|ngàn)$/iu;
/** Counts of a document's own parts, not measurements (annotators leave them out). */
const STRUCTURAL = /^(chương trình|khâu|trụ cột|đột phá|nguyên tắc|nhóm|nội dung|giải pháp|nhiệm vụ trọng tâm|mục tiêu|quan điểm|điều|khoản|điểm cầu|phụ lục|kế hoạch|nghị quyết|quyết định|văn bản|lần|giai đoạn|tháng|ngày|quý|tuần|buổi|trang|bước|tuổi|sao)(?![\p{L}\d])/iu;
/** "tăng 1,35 lần", "gấp 2 lần": a multiple is a measure, where "lần" otherwise counts occasions. */
const MULTIPLE = /^lần(?![\p{L}\d])/iu;
const MULTIPLIED_BEFORE = /(?:tăng|gấp|giảm)(?:\s+(?:khoảng|hơn|gần|trên))?\s*$/iu;
/** "tuổi" counts ages, which define who is counted ("trẻ em dưới 6 tuổi"), but for life expectancy it is the measure ("Tuổi thọ trung bình đạt 75,5 tuổi"). */
const AGE = /^tuổi(?![\p{L}\d])/iu;
/** "tuổi thọ" in the figure's own clause, with no other age between ("Tuổi thọ ... đạt 75 tuổi, tỷ lệ trẻ em dưới 5 tuổi ..." is no life expectancy at 5). */
const LIFE_EXPECTANCY = /tuổi thọ(?:(?!tuổi)[^,;.])*$/iu;
const MONEY = /^(đồng|usd|đô la)/iu;
/** The people a ratio is counted per ("giường bệnh trên 10.000 dân", "bác sĩ/vạn dân"). */
const PER_CAPITA = /^(dân|người|nhân khẩu)(?![\p{L}\d])/iu;
/** The first word of a unit ("tỷ" of "tỷ đồng"). */
const firstWord = (unit: string) => (unit.includes(" ") ? unit.slice(0, unit.indexOf(" ")) : unit);

/** Abbreviated units spelt out: sports reports write medals as "18 HCV, 18 HCB, 43 HCĐ". */
const UNIT_ABBREVIATIONS: Record<string, string> = { HCV: "huy chương vàng", HCB: "huy chương bạc", "HCĐ": "huy chương đồng", HCD: "huy chương đồng" };

function unitAfter(written: string): { unit: string | null; length: number; spelledOut?: boolean } {
  // "m2", "km2", "m3" written with a plain digit are "m²", "km²", "m³" (one unit each way, so the lengths hold).
  const text = /^\s*[kcdh]?m[23]/.test(written) ? written.replace(/^(\s*[kcdh]?m)([23])(?![\d\p{L}])/u, (_m, u: string, d: string) => u + (d === "2" ? "²" : "³")) : written;
  const abbreviation = /^\s*(HCV|HCB|HCĐ|HCD)(?![\p{L}\d])/u.exec(text);
  if (abbreviation) return { unit: UNIT_ABBREVIATIONS[abbreviation[1]], length: abbreviation[0].length, spelledOut: true };
  const m = /^\s*((?:[\p{L}²³]+(?:\s*\/\s*\d*\s*[\p{L}]+)?[\s,]*){1,5})/u.exec(text);
  if (!m) return { unit: null, length: 0 };
  const words: string[] = [];
  const split = m[1].split(/\s+/);
  for (const [k, w] of split.entries()) {
    const clean = w.replace(/[,;.]+$/, "");
    if (!clean) break;
    if (words.length && (UNIT_STOP.test(clean) || /^\/?năm$/iu.test(clean))) break;
    // ("thành" stops a unit as in "đạt 95% hoàn thành", but "500 thành viên" counts members.)
    if (!words.length && UNIT_STOP.test(clean) && !SCALE.test(clean) && !(/^thành$/iu.test(clean) && /^viên/iu.test(split[k + 1] ?? ""))) break;
    words.push(clean);
    // (Four words, five after a scale: "2,5 triệu lượt khách du lịch".)
    // (And two more after a base: "45 thuê bao/100 hộ gia đình".)
    if (w.endsWith(",") || w.endsWith(";") || words.length >= (SCALE.test(words[0]) ? 5 : 4) + (words.some((x) => x.includes("/")) ? 2 : 0)) break;
  }
  // A footnote marker glued to a unit ("tỷ đồng²³") is not part of it; an exponent ("km²") is.
  let unit = words.join(" ");
  // (Each replacement only where it can apply: run on every unit, they cost more than the rest.)
  // ("ha/1 năm" is "ha/năm"; "thuê bao/100 hộ" keeps its base.)
  if (unit.includes("/")) unit = unit.replace(/\s*\/\s*(?:1\s+(?=\p{L}))?/gu, "/");
  if (/[⁰¹²³⁴⁵⁶⁷⁸⁹]$/u.test(unit)) unit = unit.replace(/(?<![kdc]?m)[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/u, "");
  unit = unit.trim();
  return { unit: unit || null, length: unit ? text.indexOf(words[words.length - 1]) + words[words.length - 1].length : 0 };
}

/** Any of the words of `comparatorBefore`, whole ("giải ngân" ends with no "gần", "lựa chọn" with no "hơn"): most figures have none, and are then told by one search. */
const COMPARATOR_WORD = /(?:^|[^a-z0-9])(?:khoang|xap xi|gan|chung|toi thieu|it nhat|khong duoi|khong it hon|tren|hon|vuot|toi da|khong qua|khong vuot qua|khong hon|duoi)$/;

/** A comparator written as a sign before a figure: "≥ 65%" (a table's cell), ">90%"; not an arrow ("52% -> 55%", "=> 80%") nor markup ("<td>65%"). */
const SIGN_BEFORE = /(?<![-=\w/])(≥|>=|≤|<=|>|<)\s*$/;
const SIGNS: Record<string, Comparator> = { "≥": ">=", ">=": ">=", "≤": "<=", "<=": "<=", ">": ">", "<": "<" };

/** Comparator from the words (or the sign) just before a figure. */
export function comparatorBefore(before: string): Comparator | null {
  const sign = SIGN_BEFORE.exec(before);
  if (sign) return SIGNS[sign[1]];
  const f = foldPhrase(before);
  if (!COMPARATOR_WORD.test(f)) return null;
  if (/(khoang|xap xi|gan|chung)$/.test(f)) return "approx";
  if (/(toi thieu|it nhat|khong duoi|khong it hon)$/.test(f)) return ">=";
  if (/(tren|hon|vuot)$/.test(f)) return ">";
  if (/(toi da|khong qua|khong vuot qua|khong hon)$/.test(f)) return "<=";
  if (/(duoi)$/.test(f)) return "<";
  return null;
}

/**
 * A figure of progress: "304/305 hộ", "17,34ha/31,52ha", "490,1/1.288,123 tỷ đồng", "60,83 ha/60,83 ha",
 * and a rank "xếp thứ 13/63 tỉnh". Dates ("15/8/2024") and symbols ("23/KH-UBND") are not.
 */
const RATIO = new RegExp(`(?<![\\p{L}\\d/.,:+-])(${NUM})\\s*([\\p{L}²]{1,3})?\\s*/\\s*(${NUM})(?![\\d/.,]\\d|\\s*/\\s*\\d)`, "gu");
const RANK_BEFORE = /(xếp|đứng)\s+(thứ|hạng)\s*$/iu;

function findRatios(text: string): QuantityMention[] {
  const out: QuantityMention[] = [];
  if (!text.includes("/")) return out;
  for (const m of allMatches(RATIO, text)) {
    const [whole, a, firstUnit, b] = m;
    const start = m.index!;
    const before = text.slice(Math.max(0, start - 24), start);
    const value = parseVietnameseNumber(a), of = parseVietnameseNumber(b);
    if (value === null || of === null) continue;
    if (RANK_BEFORE.test(before)) {
      out.push({ comparator: "=", min: value, max: value, of, unit: "thứ hạng", perYear: false, start, end: start + whole.length });
      continue;
    }
    if (/(ngày|tháng|số|năm|quý)\s*$/iu.test(before)) continue;
    const after = unitAfter(text.slice(start + whole.length));
    const unit = (after.unit && !UNIT_STOP.test(after.unit.split(" ")[0]) ? after.unit : null) ?? firstUnit ?? null;
    if (!unit || STRUCTURAL.test(unit)) continue;
    out.push({ comparator: "=", min: value, max: value, of, unit, perYear: false, start, end: start + whole.length + (after.unit ? after.length : 0) });
  }
  return out;
}

/** Whether the words before a number end with "lớp" (a grade: "lớp 1", not "các lớp") or "khu vực" (a region: "Khu vực 5"). */
function labelsGradeOrRegion(before: string): boolean {
  const words = before.trimEnd().toLowerCase();
  if (words.endsWith("khu vực")) return true;
  return words.endsWith("lớp") && !/\p{L}/u.test(words.charAt(words.length - 4));
}

export function findQuantities(text: string): QuantityMention[] {
  // Every figure has a digit, and most sentences have none.
  if (!/\d/.test(text)) return [];
  const out: QuantityMention[] = findRatios(text);
  const ratios = out.length;
  // A figure inside a ratio, or inside a figure read before it (its unit), is none: both lists are in order of their starts,
  // so the figure is inside one when the furthest end of those starting at or before it is past it. (Looked for in every one
  // of them, a sentence of thousands of figures was quadratic.)
  let ratiosBefore = 0, ratioReach = -1, figuresRead = ratios, figureReach = -1;
  for (const m of allMatches(MENTION, text)) {
    for (; ratiosBefore < ratios && out[ratiosBefore].start <= m.index; ratiosBefore++) ratioReach = Math.max(ratioReach, out[ratiosBefore].end);
    for (; figuresRead < out.length; figuresRead++) figureReach = Math.max(figureReach, out[figuresRead].end);
    if (ratioReach > m.index || figureReach > m.index) continue;
    const [whole, a, b, percent] = m;
    const start = m.index!;
    const after = text.slice(start + whole.length);
    // (The checks that need no parsing come first: most figures in a text are years.)
    // Years and periods ("năm 2030", "2021 - 2030"), ratios of progress ("304/305"), numbered items ("Km 5+300").
    if (!percent && /^\d{4}$/.test(a) && Number(a) >= 1900 && Number(a) <= 2100) continue;
    // Ratios of progress ("304/305"), kilometre posts ("Km 5+300"), codes glued to a letter ("quốc lộ 1A, 3B").
    if (/^\s*\/\s*\d/.test(after) || /^\s*\+/.test(after) || (!percent && /^\p{Lu}{1,2}(?![\p{L}\d])/u.test(after))) continue;
    // A version ("phiên bản 4.0", "công nghiệp 4.0"): a figure is never written with one zero after its point.
    if (!percent && /^\d\.0$/.test(a)) continue;
    const low = parseVietnameseNumber(a), high = b ? parseVietnameseNumber(b) : null;
    if (low === null || (b && high === null)) continue;
    const before = text.slice(Math.max(0, start - 24), start);
    if (RANK_BEFORE.test(before)) {
      out.push({ comparator: "=", min: low, max: low, of: null, unit: "thứ hạng", perYear: false, start, end: start + a.length });
      continue;
    }
    // A time of day ("17h00") is not a quantity.
    if (/^h\d{2}/.test(after)) continue;
    // "số 23" labels a thing; "tổng số 2917" counts. "Hội nghị Trung ương 8" is a session, "lớp 1" a grade, "Khu vực 5" a region
    // (the last two told by the words' end: a pattern's every alternative is tried from each place of the words before).
    // (Not before a percent: "bình quân hàng năm 8%" is a rate, no year 8.)
    if (!percent && /(năm|ngày|tháng|quý|(?<!tổng )số|phiên bản|khoá|khóa|lần thứ|thứ|loại|quốc lộ|tỉnh lộ|đường|km|điểm|mục|khoản|điều|phụ lục|giai đoạn|đợt|trung ương)\s*$/iu.test(before)) continue;
    if (labelsGradeOrRegion(before)) continue;
    let unit: string | null = percent ?? null;
    let consumed = whole.length;
    let value = low, valueHigh = high;
    if (!unit) {
      const u = unitAfter(after);
      if (!u.unit) continue;
      if (STRUCTURAL.test(u.unit) && !(MULTIPLE.test(u.unit) && MULTIPLIED_BEFORE.test(before)) && !(AGE.test(u.unit) && LIFE_EXPECTANCY.test(text.slice(Math.max(0, start - 60), start)))) continue;
      // "chính quyền địa phương 2 cấp": the model of local government since 2025, no figure.
      if (/^cấp(?![\p{L}])/iu.test(u.unit) && /chính quyền(?:\s+địa phương)?\s*$/iu.test(before)) continue;
      // A spelt-out abbreviation is a count ("huy chương đồng" is bronze medals, not money).
      const q = u.spelledOut ? { value: low, unit: u.unit } : parseQuantity(`${a} ${u.unit}`);
      if (!q) continue;
      const scale = q.value / low;
      value = q.value;
      valueHigh = high !== null ? roundTo15Digits(high * scale) : null;
      unit = q.unit;
      consumed += u.length;
      if (unit && SCALE.test(firstWord(unit)) && !MONEY.test(unit.slice(firstWord(unit).length + 1))) continue;
    }
    // "trên 10.000 dân" is the base of a ratio ("Số giường bệnh trên 10.000 dân đạt 36 giường"), not a figure.
    // ("đạt trên 10.000 người tham gia" counts people: only "dân", or a base the rate's own figure follows, is one.)
    if (unit && PER_CAPITA.test(unit) && /(?:^|\s)trên\s*$/iu.test(before) && /^10+$/.test(String(value))
      && (/^dân(?![\p{L}])/iu.test(unit) || /^\s*(?:đạt|là|có)\s+(?:khoảng\s+)?\d/iu.test(text.slice(start + consumed, start + consumed + 24)))) continue;
    const rest = text.slice(start + consumed);
    const perYear = /^\s*(?:\/\s*|(?:mỗi|hằng|hàng)\s+)năm/iu.test(rest);
    // "đạt 8,5% trở lên": the comparator written after the figure.
    const explicit = comparatorBefore(before) ?? (/^\s*trở\s+lên/iu.test(rest) ? ">=" : /^\s*trở\s+xuống/iu.test(rest) ? "<=" : null);
    const comparator: Comparator = valueHigh !== null ? "range" : explicit ?? "=";
    out.push({
      comparator, min: comparator === "<" || comparator === "<=" ? null : value,
      max: comparator === ">" || comparator === ">=" ? null : comparator === "range" ? valueHigh : value,
      of: null, unit, perYear, start, end: start + consumed,
    });
  }
  // Ratios and mentions are each found in order: they need sorting only when there are both.
  return ratios && out.length > ratios ? out.sort((x, y) => x.start - y.start) : out;
}

export type QuantityFinder = (text: string) => readonly QuantityMention[];

/**
 * `findQuantities` remembering what it found: one extraction reads the same sentences for its
 * projects and for its indicators. The lists it returns are shared, so callers must not change them.
 */
export function quantityFinder(onFound: (count: number) => void = () => {}): QuantityFinder {
  const found = new Map<string, QuantityMention[]>();
  return (text) => {
    if (!/\d/.test(text)) return []; // as findQuantities would say, without hashing the text to remember it
    let quantities = found.get(text);
    if (!quantities) {
      found.set(text, (quantities = findQuantities(text)));
      onFound(quantities.length);
    }
    return quantities;
  };
}
