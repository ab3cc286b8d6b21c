/**
 * A task's deadline, from the task's own clause only. A paragraph assigning work is full of years
 * that are not its deadline: the horizons in the titles of the documents it cites ("Quy hoạch tỉnh
 * thời kỳ 2021 - 2030, tầm nhìn đến năm 2050", "Đề án ... giai đoạn 2021 - 2025") and words like
 * "chi thường xuyên" or "giáo dục thường xuyên". What is left are the phrases that time the work:
 * "hoàn thành trước ngày 30/9/2024", "trong Quý III/2024", "tháng 6/2026", "hoàn thành năm 2027", "đến cuối
 * năm 2025", "tại kỳ họp cuối năm 2024" (the People's Council's session), "phấn đấu đến năm 2025 ...",
 * "giai đoạn 2023 - 2025" after the work itself, and recurrence ("thường xuyên", "hằng năm") where it times it.
 */
import { parseDeadline, type DateError, type Deadline } from "../text/dates.js";
import { asPhrase, foldKeepingOffsets } from "../text/fold.js";
import { allMatches } from "../text/matches.js";
import { firstAtOrAfter } from "../text/sorted.js";

/** A month or quarter of a year: it times the work wherever the task's clause states it ("trình UBND tỉnh tháng 6/2026"). */
const MONTH_OR_QUARTER = String.raw`(?:thang\s+\d{1,2}\s*(?:\/|nam)\s*\d{4}|quy\s+(?:iv|i{1,3}|[1-4])\s*(?:\/|nam)\s*\d{4})`;
/** A full date with dashes or dots, "15-12-2025", "15.12.2025", as some write it (not "15 - 20", a range: the year, unspaced, makes it a date). */
const DASHED_DATE = String.raw`(?:\d{1,2}-\d{1,2}-\d{4}|\d{1,2}\.\d{1,2}\.\d{4})(?!\d)`;
const DATED = String.raw`(?:(?:trong\s+)?(?:6|sau)\s+thang\s+(?:dau|cuoi)\s+nam\s+\d{4}|vao\s+(?:cuoi|giua|dau)\s+nam\s+\d{4}|tai ky hop(?:\s+thuong le)?\s+(?:cuoi|giua|dau)\s+nam\s+\d{4}|hoan thanh\s+(?:nam\s+\d{4}|${MONTH_OR_QUARTER})|${MONTH_OR_QUARTER}|(?:hoan thanh\s+)?(?:truoc|den|trong|cham nhat|xong truoc)\s+(?:ngay\s+\d{1,2}\s*\/\s*\d{1,2}(?:\s*\/\s*\d{4})?|(?:ngay\s+)?${DASHED_DATE}|ngay\s+\d{1,2}\s+thang\s+\d{1,2}(?:\s+nam\s+\d{4})?|thang\s+\d{1,2}\s*(?:\/|nam)\s*\d{4}|quy\s+(?:iv|i{1,3}|[1-4])\s*(?:\/|nam)\s*\d{4}|(?:(?:cuoi|giua|dau|het)\s+nam\s+|nam\s+)?\d{4}|\d{1,2}\s*\/\s*\d{1,2}(?:\s*\/\s*\d{4})?)(?:\s+(?:hang|hanh)\s+nam)?)`;
/**
 * Recurrence: "thường xuyên", "(định kỳ) hằng năm", a day of each month or quarter ("định kỳ trước ngày 05 hằng tháng",
 * "trước ngày 15 của tháng cuối quý"), and the People's Council's sessions ("tại các kỳ họp thường lệ").
 */
const RECURRING = String.raw`(?:thuong xuyen|(?:dinh ky|hang|moi)\s+6 thang|(?:dinh ky\s+)?(?:truoc ngay\s+\d{1,2}\s+)?(?:hang|hanh) (?:nam|quy|thang)|(?:dinh ky\s+)?truoc ngay\s+\d{1,2}\s+(?:cua\s+)?thang cuoi (?:moi\s+)?quy|tai cac ky hop(?:\s+thuong le)?)`;
/**
 * A deadline after its label, in the clause itself: "...; thời gian thực hiện: 2026 - 2030", "thời hạn: 30/6/2027", "thời gian: năm
 * 2027" (its value is the deadline as written; labelled, no year in it is a title's horizon). A year is of this era ("thời gian:
 * 1200 giờ" is none), and a year followed by a dash ends a span written otherwise ("năm 2026 - năm 2027"), not read here.
 */
const LABELLED = String.raw`(?:thoi gian|thoi han|tien do)(?:\s+(?:thuc hien|hoan thanh|trien khai))?\s*:\s*((?:nam\s+)?(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?(?!\s*[-–])|\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4}|${DASHED_DATE}|ngay\s+\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4}|${MONTH_OR_QUARTER})(?!\s*\/)`;
const DEADLINE = new RegExp(String.raw`(?<![a-z0-9])(?:(${DATED})|(${RECURRING})|${LABELLED})(?![a-z0-9])`, "g");
/**
 * What every deadline has (a figure, or a recurrence word): a clause without any is not searched. (A digit first, alone:
 * one alternation of them all is tried word by word at every position, and most clauses that time work have a figure.)
 */
const mayTime = (folded: string) => DIGIT.test(folded) || RECURRENCE_WORD.test(folded);
const DIGIT = /\d/;
const RECURRENCE_WORD = /thuong xuyen|han[gh] (?:nam|quy|thang)|ky hop/;
const DAY_BEFORE = /ngay\s+\d{1,2}\s*$/;
const PERIOD_OF_BEFORE = /(?:thuc hien|ket qua|tinh hinh|phe duyet|ban hanh|\/[a-z]{2,}-[a-z0-9-]+|(?:nghi quyet|ke hoach|quyet dinh|chi thi|ket luan|cong van)(?: so)?)\s*$/;
/**
 * What makes "đến ngày ..." the day a figure stands at, not a deadline: an estimate, a cumulative figure, a count "tính" to it. Read
 * as written: "tỉnh" folds like "tính" ("... báo cáo UBND tỉnh đến ngày 15/12/2026" is due then).
 */
const AS_OF_BEFORE = /(?<![\p{L}\p{N}])(?:[Ưư]ớc(?:\s+thực hiện|\s+tính)?|[Ll](?:ũy|uỹ) kế|[Tt]ính|[Ss]ố liệu)\s*$/u;
/** The words that open a dated deadline, as written: "quan trọng năm 2025" folds like "trong năm 2025" but times nothing. */
const OPENING_AS_WRITTEN = /^(?:tại kỳ họp|vào (?:cuối|giữa|đầu)|hoàn thành|tháng|quý|(?:trong\s+)?(?:6|sáu)\s+tháng|(?:hoàn thành\s+)?(?:trước|đến|trong|chậm nhất|xong trước))\s/iu;

/**
 * Nouns that open the title of a document, programme or plan: a horizon after one of them, in the
 * same clause, is the title's ("Chương trình ... về nông nghiệp, nông dân, nông thôn đến năm 2030").
 * (Not in an agency's name: "Sở Kế hoạch và Đầu tư", "Vụ Kế hoạch - Tài chính".)
 */
const TITLE_NOUN = /(?:^|[^a-z0-9])(?:quy hoach|chien luoc|de an|chuong trinh|ke hoach|nghi quyet|ket luan|chi thi|quyet dinh|nghi dinh|thong tu|luat|van kien)(?![a-z0-9])(?!\s+(?:va dau tu|[-–]\s*tai chinh))/g;
/**
 * Where the clause naming a document ends and the work's own wording resumes: a full stop, semicolon
 * or colon; a purpose ("để", "nhằm", "phấn đấu"); or, after a comma, a word that opens a clause
 * ("..., phấn đấu đến năm 2025 ...").
 */
const CLAUSE_BREAK = /[.;:]\s|[;:]|\s(?=(?:de|nham|phan dau)\s)|,\s*(?=(?:trong do|phan dau|de|nham|huong toi|day nhanh|day manh|tap trung|tiep tuc|hoan thanh|nang cao|tang cuong|muc tieu|dua|trinh)(?![a-z0-9]))/g;
/** A horizon that only a title states: "tầm nhìn đến năm 2050", "định hướng đến năm 2030", "thời kỳ 2021 - 2030". */
const HORIZON_BEFORE = /(?:tam nhin|dinh huong|thoi ky)\s*$/;
/** "đến năm 2030", "trước năm 2025": a year alone, as titles state horizons (never a day, month or quarter, nor "trong năm 2025"). */
const YEAR_ONLY = /^(?:hoan thanh\s+)?(?:truoc|den|cham nhat|xong truoc)\s+(?:nam\s+)?\d{4}$/;
/** "đến năm 2030, tầm nhìn đến năm 2045": a year with a vision after it is a title's horizon. */
const HORIZON_AFTER = /^\s*,?\s*(?:tam nhin|dinh huong)(?![a-z0-9])/;
/** "chi thường xuyên", "giáo dục thường xuyên", "bồi dưỡng thường xuyên" (teachers' in-service training), "kế hoạch trung hạn, hằng năm", "chương trình công tác hằng năm": the word names a kind of thing, not when to act. */
const KIND_BEFORE = /(?:chi|giao duc|boi duong|tro cap|kinh phi|du toan|nhiem vu|hoat dong|cong viec|cong tac|trung han|von)\s*,?\s*$/;

/**
 * "... cơ bản được thực hiện quản lý, bảo trì hằng năm": a clause stating a state to reach, not when to act
 * (but "các đơn vị được giao nhiệm vụ ..., định kỳ hằng năm báo cáo" acts).
 */
const PASSIVE_CLAUSE = /(?:^|[.;:])[^.;:]*\sduoc\s(?!giao\s)[^.;:]*$/;

/** Whether the phrase at `index` of the folded text stands in a document's title rather than in the work's own clause. */
function inTitle(folded: string, index: number): boolean {
  const before = folded.slice(Math.max(0, index - 400), index);
  let clauseStart = 0;
  for (const m of allMatches(CLAUSE_BREAK, before)) clauseStart = m.index + m[0].length;
  TITLE_NOUN.lastIndex = 0;
  return TITLE_NOUN.test(before.slice(clauseStart));
}

/** The deadlines a task states, in its own words ("đến năm 2025, đến năm 2030"), and the first one read. */
export function deadlineOf(text: string, folded = foldKeepingOffsets(text)): { text: string | null; deadline: Deadline | DateError | null } {
  if (!mayTime(folded)) return { text: null, deadline: null };
  const dated: { index: number; written: string }[] = [];
  const recurring: { index: number; written: string }[] = [];
  for (const m of allMatches(DEADLINE, folded)) {
    if (m[3]) { const value = m.index + m[0].length - m[3].length; dated.push({ index: value, written: text.slice(value, m.index + m[0].length) }); continue; }
    const before = folded.slice(Math.max(0, m.index - 30), m.index);
    // Only a year can be a title's horizon: no title says "trước ngày 15/12".
    if (m[1] && !OPENING_AS_WRITTEN.test(text.slice(m.index, m.index + m[0].length))) continue;
    // "ban hành quy chế" folds like "hằng quý": a recurrence is written "hằng" or "hàng".
    if (m[2] && /han[gh] (?:nam|quy|thang)/.test(m[2]) && !/(?:hằng|hàng)\s+(?:năm|quý|tháng)/iu.test(text.slice(m.index, m.index + m[0].length))) continue;
    // "ngày 27 tháng 8 năm 2021": a month inside a written-out date (a cited document's) times nothing.
    if (m[1] && DAY_BEFORE.test(before)) continue;
    // A month or quarter without an opening word times the work only where nothing else claims it: not the period
    // of what is reported ("tình hình thực hiện quý I/2025"), a date of approval or a cited document's; nor does
    // "hoàn thành năm 2020" of projects that were ("các dự án hoàn thành năm 2020 chưa quyết toán").
    if (m[1] && /^(?:thang|quy)\s/.test(m[1]) && PERIOD_OF_BEFORE.test(before)) continue;
    // ("báo cáo sơ kết 6 tháng đầu năm 2025": the half year reported on.)
    if (m[1] && /^(?:6|sau)\s+thang/.test(m[1]) && (PERIOD_OF_BEFORE.test(before) || /(?:so ket|tong ket|bao cao|danh gia)\s*$/.test(before))) continue;
    if (m[1] && /^hoan thanh nam/.test(m[1]) && /(?:du an|cong trinh)[^,;.:]{0,40}$/.test(before)) continue;
    // "ước thực hiện đến ngày 31/01/2027", "lũy kế đến ngày 30/11", "tính đến ngày 15/12": the day a figure is reported as of.
    if (m[1] && /^den\s+ngay/.test(m[1]) && AS_OF_BEFORE.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
    const yearOnly = m[1] && YEAR_ONLY.test(m[1]);
    if (m[1] ? yearOnly && (HORIZON_BEFORE.test(before) || HORIZON_AFTER.test(folded.slice(m.index + m[0].length, m.index + m[0].length + 20)) || inTitle(folded, m.index)) : KIND_BEFORE.test(before) || PASSIVE_CLAUSE.test(folded.slice(Math.max(0, m.index - 200), m.index))) continue;
    (m[1] ? dated : recurring).push({ index: m.index, written: text.slice(m.index, m.index + m[0].length) });
  }
  if (!dated.length && !recurring.length) return { text: null, deadline: null };
  // "định kỳ hằng năm báo cáo ... trước ngày 15/12": a date in the same sentence says when; the recurrence only repeats it.
  const kept = dated.length && recurring.length ? [...dated, ...recurringKept(folded, dated, recurring)].sort((a, b) => a.index - b.index)
    : dated.length ? dated : recurring;
  // Each deadline once, as first written (its words compared folded).
  const found: string[] = [];
  const seen = new Set<string>();
  for (const d of kept) {
    const phrase = phraseAt(folded, d);
    if (!seen.has(phrase)) { seen.add(phrase); found.push(d.written); }
  }
  // The deadline the work is tracked by: its first date, else its recurrence ("thường xuyên, trước ngày 15/12/2025" is due on 15/12).
  // ("từ tháng 3/2026 đến tháng 12/2026": a span is due at its end.)
  const due = dated.find((d, k) => k === dated.length - 1 || !/(?:^|\s)tu\s*$/.test(folded.slice(Math.max(0, d.index - 4), d.index))) ?? kept[0];
  return { text: found.join(", "), deadline: parseDeadline(due.written, null, phraseAt(folded, due)) };
}

interface Found { index: number; written: string }

/**
 * `foldPhrase(d.written)`, cut from the clause's fold: a deadline's words are letters, digits, spaces and "/", which fold
 * alike either way.
 */
const phraseAt = (folded: string, d: Found) => asPhrase(folded.slice(d.index, d.index + d.written.length));

/**
 * The recurrences that time the work beside its dates: those in a sentence without a date, and those written right before
 * their date ("hằng năm, trước ngày 15 tháng 12", "định kỳ 6 tháng (trước ngày 15/6)" says both). `dated` is in order.
 */
function recurringKept(folded: string, dated: Found[], recurring: Found[]): Found[] {
  const stops = allMatches(SENTENCE_STOP, folded).map((m) => m.index);
  const datedSentences = new Set(dated.map((d) => firstAtOrAfter(stops, (s) => s, d.index)));
  return recurring.filter((r) => {
    if (!datedSentences.has(firstAtOrAfter(stops, (s) => s, r.index))) return true;
    // (The first date at or after the recurrence's end is the only one it can stand right before.)
    const end = r.index + r.written.length;
    const next = firstAtOrAfter(dated, (d) => d.index, end);
    return next < dated.length && RIGHT_BEFORE.test(folded.slice(end, dated[next].index));
  });
}
const SENTENCE_STOP = /[.;]\s/g;
const RIGHT_BEFORE = /^[\s,(:]{0,3}$/;
