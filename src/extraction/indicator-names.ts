/**
 * An indicator's name from the words around its figure: what is measured, without the sentence's
 * framing ("Năm 2023,", "ước năm 2024", "phấn đấu đến năm 2025"), the verb before the figure ("đạt",
 * "chiếm khoảng") or the figures before it in the same clause.
 *
 *   "Nâng cao tỷ lệ cứng hóa hệ thống đường GTNT, trong đó phấn đấu đến năm 2025 tỷ lệ xã có đường ô tô
 *    đến trung tâm xã được rải nhựa hoặc bê tông đạt 100%, tỷ lệ thôn có ... được cứng hóa đạt 80%"
 *   → "Tỷ lệ xã có đường ô tô đến trung tâm xã được rải nhựa hoặc bê tông", "Tỷ lệ thôn có ... được cứng hóa"
 *   "85% số thôn có đường ô tô đến trung tâm thôn được cứng hóa" → "Tỷ lệ thôn có đường ô tô ... được cứng hóa"
 *   "GRDP ... đạt 7,17%, trong đó: Nông lâm nghiệp tăng 7,72%" → "…(GRDP): Nông lâm nghiệp"
 *   "GRDP bình quân đầu người đạt 56,23 triệu đồng, tương đương 2.302 USD" → "GRDP bình quân đầu người (USD)"
 *
 * The patterns run on the text folded unit by unit (same offsets), so they can use \b and plain letters.
 */
import { allMatches } from "../text/matches.js";
import { foldKeepingOffsets } from "../text/fold.js";
import { BULLET_SYMBOLS } from "./segment.js";

export interface FigureWords {
  /** The figure's clause before it, from where the previous figure's words end. */
  before: string;
  /** The sentence after the figure, up to the next figure or the sentence's end. */
  after: string;
  unit: string | null;
  /** The figure stands in brackets opened after the previous figure ("đạt 87% (năm 2023 đạt 80,5%)"). */
  inBracket: boolean;
  /** The figure before it in the clause, if any. */
  previous: { name: string; unit: string | null } | null;
  /** The last figure named in an earlier clause of the sentence ("tỷ lệ đô thị hóa đạt trên 25%; đến năm 2030 đạt khoảng 35%"). */
  earlierClause?: { name: string; unit: string | null } | null;
  /** The whole a breakdown ("trong đó: ...") is of, carried from the figures before. */
  parent: string | null;
  /** What the sentence continues (a line before a page break, the clause a footnote's marker stands in). */
  context: string;
  /** `foldKeepingOffsets` of `before` and of `after`, when the caller has them (cut from the document's fold). */
  foldedBefore?: string;
  foldedAfter?: string;
}

export interface FigureName {
  /**
   * The figure before, when this one is a share or a change of it ("5.200 tỷ đồng, đạt 104% dự toán, tăng 12% so với cùng kỳ"): the next
   * figure of the clause may be another of it, and is named by it.
   */
  of?: { name: string; unit: string | null };
  name: string;
  /** How much of `after` the name took (a figure written first: "85% số thôn ..."). */
  afterUsed: number;
  /** The whole the next figures of the clause break down, if a breakdown is open. */
  parent: string | null;
}

/** Words that begin what a figure measures: a new subject when they follow a comma, a colon or a year. */
const HEAD = String.raw`(?:ty le|ti le|toc do|ty trong|tong so|tong|so|thu nhap|thu|kim ngach|gia tri|muc|chi so|dien tich|san luong|nang suat|grdp|co cau|dan so|doanh thu|von|luong)\b`;
const SUBJECT_START = new RegExp(String.raw`(?:[,:]\s+|\bnam \d{4}\s+|\btrong do:?\s+|\bphan dau\s+)(?=${HEAD})`, "g");
const STARTS_WITH_HEAD = new RegExp(`^${HEAD}`);

/** Framing before the subject, taken off one at a time: punctuation, footnote markers, "trong đó", places, years and estimates. */
const LEADING = new RegExp([
  String.raw`^[\s${BULLET_SYMBOLS},;:.()]+`,
  String.raw`^(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\d{1,3}\])`,
  // ("đạt 8% trở lên, quy mô GDP ...": the "trở lên" of the figure before.)
  String.raw`^(?:trong do|cu the|bao gom|gom|nhu|va|voi|theo do|phan dau|tiep tuc|den nay|hien nay|tro len|tro xuong)\b`,
  // "Toàn tỉnh có", "Có 80%" (not "Cơ cấu", "Tỉnh ủy").
  String.raw`^(?:toan tinh|tinh|toan quoc|ca nuoc|tren dia ban(?: tinh)?)(?=\s*(?:co\b|,|$))(?:\s*co\b)?|^co\s*$`,
  String.raw`^(?:(?:uoc|du kien|du bao)(?: tinh)?(?: dat)?(?: het)?|tinh den(?: het)?|den het|den|trong|sau|vao)?\s*(?:(?:thang|quy) \d{1,2}\s*(?:\/\s*|nam\s+)?|\d{1,2} thang (?:dau )?(?:nam\s+)?)?(?:nam\s+)?\d{4}\b`,
  String.raw`^(?:uoc|du kien|du bao)(?: tinh)?(?: dat)?\b`,
].join("|"));

/**
 * Verbs, comparators and framing between the subject and its figure, taken off the end one at a time (a period's end year stays; so does
 * the "trở lên" of a threshold in the name: "Tỷ lệ phụ nữ có thai được tiêm vắc xin uốn ván từ 2 mũi trở lên").
 */
const TRAILING = new RegExp([
  String.raw`[\s,;:(]+$`,
  String.raw`\b(?:uoc dat|dat muc|dat|uoc|la|chiem|tang|cat giam|giam thieu|rut ngan|giam|khoang|tren|duoi|co|duoc|con|xuong con|(?<!\btro )len|it nhat|toi thieu|tu|bang|voi|cho|o muc|vuot|gan|hon|(?<!\btro )xuong|va|khong qua|khong vuot qua|toi da|gap|khong duoi|khong it hon)$`,
  String.raw`(?<!\d{4}\s*[-–]\s*)\b(?:(?:den|trong|vao|den het|nam) )?(?:nam )?\d{4}$`,
].join("|"));

/** TRAILING, global only so that a search can start late (it never looks for a second match). */
const TRAILING_FROM = new RegExp(TRAILING.source, "g");
const TRAILING_SEPARATOR = /[\s,;:(]/;
/** The longest match of TRAILING's words ("xuong con"; "den het nam 2025"): a match that is no run of separators starts in the last 16 units. */
const TRAILING_WORDS_REACH = 16;

/**
 * TRAILING's match in `folded`, searched only where one can start: every match ends the text, so it is the
 * run of separators ending it or starts in its last units. (Searched from the start, the pattern is tried
 * at every position of a clause of up to 1,000 characters; from a later lastIndex, \b and the lookbehind
 * still see the text before, so the match is the same.)
 */
function trailingMatch(folded: string): RegExpExecArray | null {
  let runStart = folded.length;
  while (runStart > 0 && TRAILING_SEPARATOR.test(folded[runStart - 1])) runStart--;
  TRAILING_FROM.lastIndex = Math.max(0, Math.min(runStart, folded.length - TRAILING_WORDS_REACH));
  return TRAILING_FROM.exec(folded);
}
const leadingMatch = (folded: string) => LEADING.exec(folded);

/** A figure restating the one before in another unit. */
const EQUIVALENT = /^(?:tuong duong|tuong ung|bang|quy doi|khoang)$/;
/** Words before a figure that state it exists, written so ("Đã có", "Hiện có" once "có" is taken off; not "Đà Nẵng", which folds alike). */
const ALREADY = /^(?:(?:đến nay|hiện nay|hiện)\s+)?(?:đã|hiện)$/iu;
/** What a change is compared with, right after its figure: "so với đầu năm". */
const COMPARED_AFTER = /^\s*so\s+với\s/iu;
/** A running total of the figure before ("trồng mới được 16 ha, lũy kế 163 ha", "lũy kế từ đầu năm đạt ..."). */
const CUMULATIVE = /^luy ke(?: (?:tu dau nam|den nay|ca nam))?$/;
/** What a share written first is a share of: a plan, budget or target ("đạt 97% kế hoạch", "bằng 47,6% dự toán"). */
const PLAN_SHARE = /^(?:ke hoach|du toan|chi tieu|muc tieu|kh)(?![a-z0-9])/;
/**
 * What reaches a share of plan, right before it: "đạt 97% kế hoạch", "bằng 47,6% dự toán", "vượt 0,7% chỉ tiêu" (the overshoot); not
 * "100% kế hoạch sử dụng đất ... được lập", which counts plans.
 */
const SHARE_VERB_BEFORE = /(?:^|[^a-z0-9])(dat|bang|vuot|hoan thanh)(?:\s+(?:khoang|tren|gan|hon))?\s*$/;
/** A rank with no subject of its own ("..., xếp thứ 15/63 tỉnh"): it ranks the figure before. */
const RANK_ALONE = /^(?:xep|dung) (?:thu|hang)$/;
/** Longer than a measure's name: the figure before was named by a clause (its framing kept), and names no share. */
const SHARED_NAME = 80;

/** Units of measure whose figure, written first, is named by the words after it alone ("550 tỷ đồng thiệt hại"); other units count things ("03 huyện ..." → "Số huyện ..."). */
const MEASURE_UNIT = /^(?:ha|km|m|m2|m²|km²|m3|tan|kg|(?:nghin |trieu |ty )?(?:dong|usd)|luot(?: nguoi)?|kwh|mw)$/;

const capitalised = (s: string) => s.charAt(0).toLocaleUpperCase("vi") + s.slice(1);

/**
 * Takes what `find` matches off the start (or the end) of `text` until it no longer matches; `text` and its fold
 * (`folded`, `foldKeepingOffsets(text)`) stay aligned. What is left is a part of `text`, so its fold is
 * the same part of `folded`.
 */
function trimRepeatedly(text: string, find: (folded: string) => RegExpExecArray | null, atEnd: boolean, folded = foldKeepingOffsets(text)): string {
  for (;;) {
    const m = find(folded);
    if (!m || m[0].length === 0) return text;
    // A word that folds like a verb or comparator but is written otherwise is the subject's own: "hữu cơ" is no "có".
    if (atEnd && !writtenAsFraming(text.slice(m.index, m.index + m[0].length), m[0])) return text;
    text = atEnd ? text.slice(0, m.index) : text.slice(m[0].length);
    folded = atEnd ? folded.slice(0, m.index) : folded.slice(m[0].length);
  }
}

/** How the framing words that fold like words of a name are written: "có" (not "cơ"), "đạt" (not "đất"), "còn" (not "con"). */
const FRAMING_AS_WRITTEN: Record<string, string> = {
  co: "có", dat: "đạt", con: "còn", tu: "từ", la: "là", tang: "tăng", giam: "giảm", tren: "trên", duoi: "dưới", duoc: "được",
  bang: "bằng", voi: "với", len: "lên", gan: "gần", hon: "hơn", xuong: "xuống", va: "và", gap: "gấp", uoc: "ước",
};

/** Whether a trailing match, as written, is the framing word its fold names (a match of several words, or of no such word, is). */
function writtenAsFraming(written: string, folded: string): boolean {
  const word = folded.trim();
  const expected = FRAMING_AS_WRITTEN[word];
  return expected === undefined || written.trim().toLowerCase() === expected;
}

/** The fold of `part`, an end of the text `folded` is the fold of. */
const foldedSuffix = (folded: string, part: string) => folded.slice(folded.length - part.length);

/** The subject of `before` (`folded` its fold): from its last new subject, without the framing either side or a bracket left open. */
function subjectOf(before: string, folded = foldKeepingOffsets(before)): string {
  // An aside closing before the subject (after the figure before: "231,74 km (tiếp giáp ...) đi qua"), or the end of one opened earlier.
  // (Either way an end of `before`, and the fold of the text is cut alike at each step below.)
  const closed = before.lastIndexOf(")");
  let text = closed > before.lastIndexOf("(") && before.indexOf("(") < 0 ? before.slice(closed + 1) : before.replace(/^\s*\([^()]*\)/, "");
  folded = foldedSuffix(folded, text);
  text = trimRepeatedly(text, leadingMatch, false, folded);
  folded = foldedSuffix(folded, text);
  let start = -1;
  for (const m of allMatches(SUBJECT_START, folded)) start = m.index + m[0].length;
  if (start > 0) { text = text.slice(start); folded = folded.slice(start); }
  text = trimRepeatedly(text, trailingMatch, true, folded);
  if (text.lastIndexOf("(") <= text.lastIndexOf(")")) return text.trim();
  const open = text.lastIndexOf("(");
  return trimRepeatedly(text.slice(0, open), trailingMatch, true, folded.slice(0, open));
}

/** The words after a figure written first ("85% số thôn ..."), up to the clause's next break (`folded`: the fold of `after`). */
function wordsAfter(after: string, folded: string): { words: string; raw: string; foldedRaw: string; used: number } {
  if (/^\s*[,;.)]/.test(after)) return { words: "", raw: "", foldedRaw: "", used: 0 }; // the figure's words came before it
  const end = after.search(/[,;.()]/);
  const used = end < 0 ? after.length : end;
  const clause = after.slice(0, used);
  const raw = clause.trim();
  const lead = clause.length - clause.trimStart().length;
  const foldedRaw = folded.slice(lead, lead + raw.length);
  // ("Giảm 30% thời gian xử lý thủ tục hành chính so với năm 2025": what it is compared with names nothing.)
  const compared = foldedRaw.search(/\sso voi\s/);
  const named = compared > 0 ? { raw: raw.slice(0, compared), folded: foldedRaw.slice(0, compared) } : { raw, folded: foldedRaw };
  return { words: trimRepeatedly(named.raw, trailingMatch, true, named.folded).trim(), raw, foldedRaw, used };
}

/** A verb of change right before a rate written first (folded): "giảm", "tăng", "cắt giảm", "rút ngắn", with "ít nhất", "tối thiểu" or "thêm". */
const CHANGE_BEFORE = /(^|[^a-z0-9])(giam|tang|cat giam|rut ngan|giam thieu)(?:\s+(?:it nhat|toi thieu|them))?\s*$/;

/** A name for the figure from the words after it, its unit and what it restates. */
function nameOfFigureFirst(f: FigureWords, foldedBefore: string): { name: string; afterUsed: number; of?: FigureName["of"] } {
  const after = wordsAfter(f.after, f.foldedAfter ?? foldKeepingOffsets(f.after));
  // "tăng 0,29% so với năm 2022": a change of the measure before.
  if (/^so voi\b/.test(after.foldedRaw)) return { name: f.previous ? `${f.previous.name}: ${after.raw}` : "", afterUsed: after.used, of: f.previous ?? undefined };
  // "lũy kế 163 ha, đạt 62,7% kế hoạch", "141 tỷ đồng, bằng 47,6% dự toán": the share of its plan the figure before reached, named as a
  // share of the figure before is ("điều trị ngoại trú 64.543 lượt, đạt 105,9%": "Điều trị ngoại trú (%)"). (Where that figure has a name
  // of its own words: not one its unit made, "Số lượt", nor a clause no subject was found in.)
  const verb = f.unit === "%" && f.previous && PLAN_SHARE.test(after.foldedRaw) ? SHARE_VERB_BEFORE.exec(foldedBefore)?.[1] : undefined;
  if (verb && f.previous && after.words && f.previous.name.length <= SHARED_NAME && f.previous.name !== `Số ${f.previous.unit}`) {
    // ("vượt 0,7% chỉ tiêu": by how much it went past the plan, not the share reached.)
    return { name: verb === "vuot" ? `${f.previous.name}: vượt ${after.words}` : `${f.previous.name} (% ${after.words})`, afterUsed: after.used, of: f.previous };
  }
  const words = after.words.replace(/^(?:số|các)\s+/iu, "");
  if (words === "") return { name: "", afterUsed: 0 };
  // "giảm 50% số cặp tảo hôn", "giảm 30% tỷ lệ tử vong ...": the change is the figure, named by its verb; not a rate of
  // "cặp tảo hôn" that is 50%.
  // (Offsets in the fold are offsets in the text: it folds unit by unit.)
  const change = f.unit === "%" ? CHANGE_BEFORE.exec(foldedBefore) : null;
  if (change) {
    const verb = change.index + change[1].length;
    return { name: `${f.before.slice(verb, verb + change[2].length)} ${after.words}`, afterUsed: after.used };
  }
  if (f.unit === "%") return { name: /^tỷ lệ\s/iu.test(words) ? words : `Tỷ lệ ${words}`, afterUsed: after.used };
  const counted = f.unit && !MEASURE_UNIT.test(foldKeepingOffsets(f.unit).toLowerCase());
  return { name: counted ? `Số ${f.unit} ${words}` : words, afterUsed: after.used };
}

export function nameFigure(f: FigureWords): FigureName {
  const foldedBefore = f.foldedBefore ?? foldKeepingOffsets(f.before);
  const opensBreakdown = /^[\s,(]*trong do\b/.test(foldedBefore);
  let parent = opensBreakdown && f.previous ? f.previous.name : f.parent;
  let name = subjectOf(f.before, foldedBefore);
  // "Đã có 25 xã ...", "Hiện có 12 hợp tác xã ...": no subject, the figure is named by the words after it.
  if (ALREADY.test(name)) name = "";
  // (The subject's fold, made once for the checks below; a name made otherwise is folded anew.)
  const subject = name, foldedSubject = foldKeepingOffsets(name).toLowerCase();
  let afterUsed = 0;
  if (f.unit === "thứ hạng" && f.previous && RANK_ALONE.test(foldedSubject)) return { name: `${f.previous.name} (xếp hạng)`, afterUsed, parent, of: { name: f.previous.name, unit: f.previous.unit } };
  // (A total after a total is one again: "lũy kế 163 ha, lũy kế 170 ha".)
  if (name !== "" && CUMULATIVE.test(foldedSubject) && f.previous && f.previous.unit === f.unit) {
    return { name: f.previous.name.endsWith(" (lũy kế)") ? f.previous.name : `${f.previous.name} (lũy kế)`, afterUsed, parent };
  }
  if (name !== "" && EQUIVALENT.test(foldedSubject) && f.previous) {
    // The figure before in another unit: "56,23 triệu đồng, tương đương 2.302 USD".
    name = f.unit && f.unit !== f.previous.unit ? `${f.previous.name} (${f.unit})` : f.previous.name;
    return { name, afterUsed, parent };
  }
  if (name === "") {
    // (A change in brackets, "(giảm 0,8% so với đầu năm)", is named as a change below.)
    if (f.inBracket && f.previous && f.previous.unit === f.unit && !(COMPARED_AFTER.test(f.after) && CHANGE_BEFORE.test(foldedBefore))) return { name: f.previous.name, afterUsed, parent }; // "(năm 2023 đạt 80,5%)"
    const first = nameOfFigureFirst(f, foldedBefore);
    ({ name, afterUsed } = first);
    // (A share or change of the figure before is named by it whole: no breakdown's whole is put before it again.)
    if (first.of && name !== "") return { name: capitalised(name), afterUsed, parent, of: { name: first.of.name, unit: first.of.unit } };
    if (name === "" && f.previous && f.previous.unit === f.unit) return { name: f.previous.name, afterUsed, parent }; // "đạt 30%, đến năm 2030 đạt 40%"
    // "đạt trên 25%; đến năm 2030 đạt khoảng 35%": a clause that only dates the figure again measures what the clause before did.
    if (name === "" && !f.previous && f.earlierClause && f.earlierClause.unit === f.unit && /(?:19|20)\d\d/.test(f.before)) return { name: f.earlierClause.name, afterUsed, parent };
    if (name === "" && f.unit && f.unit !== "%") name = `Số ${f.unit}`; // "36,9 giường bệnh/vạn dân, 12 bác sĩ/vạn dân"
    if (name === "") name = subjectOf(f.context.slice(f.context.lastIndexOf(";") + 1));
    if (name === "" && f.previous) return { name: `${f.previous.name} (${f.unit ?? ""})`, afterUsed, parent }; // "145.670 lượt, đạt 95%"
  } else if (/^(?:tong so|tong|so)$/.test(foldedSubject) && f.unit && f.unit !== "%") {
    name = `${name} ${f.unit}`; // "với tổng số 2917 vận động viên"
  }
  if (name === "") return { name, afterUsed, parent };
  const ownSubject = STARTS_WITH_HEAD.test(name === subject ? foldedSubject : foldKeepingOffsets(name).toLowerCase());
  if (parent && !ownSubject) name = `${parent}: ${name}`;
  else if (ownSubject && !opensBreakdown) parent = null;
  // "Cơ cấu kinh tế: Nông, lâm nghiệp và thủy sản 12 - 13%; công nghiệp - xây dựng ...": a list's whole,
  // without what the sentence says of it ("Cơ cấu kinh tế tiếp tục chuyển dịch theo hướng tích cực: ...").
  const colon = name.indexOf(": ");
  if (!parent && colon > 0 && STARTS_WITH_HEAD.test(foldKeepingOffsets(name.slice(0, colon)).toLowerCase())) {
    parent = wholeOf(name.slice(0, colon));
    name = `${parent}${name.slice(colon)}`;
  }
  return { name: capitalised(name), afterUsed, parent };
}

/** Verbs that end the name of a whole before a colon: what the sentence says happened to it. */
const WHOLE_ENDS = /\s(?:tiep tuc|da|dang|se|co xu huong|chuyen dich|duoc duy tri)\b/;

function wholeOf(before: string): string {
  const end = foldKeepingOffsets(before).toLowerCase().search(WHOLE_ENDS);
  return end > 0 ? before.slice(0, end) : before;
}
