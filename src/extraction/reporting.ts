/**
 * Reporting rules: who reports to whom, by when, how often. Read sentence by sentence from the
 * genre's phrasings:
 *  - "[X] ... báo cáo kết quả thực hiện về/thông qua [Y] trước ngày 15/12 hằng năm (để tổng hợp, báo cáo [Z])"
 *  - "[X] ... tổng hợp(,) báo cáo [Y]"                                  (periodic when "định kỳ"/"theo dõi")
 *  - "nếu (có) phát sinh ..., [X] chủ động đề xuất, gửi [Y] ..."          (ad hoc)
 *  - "... báo cáo ... để kiến nghị cấp có thẩm quyền ..."                 (ad hoc)
 *  - "Thực hiện Công văn số ... của [Y] về việc báo cáo ..., [X] báo cáo như sau:" opening a report,
 *    and "Trân trọng báo cáo [Y]" at its end                              (the report itself, once)
 */
import { allMatches } from "../text/matches.js";
import { foldKeepingOffsets, foldVietnamese, type FoldedText } from "../text/fold.js";
import { readAgencyList } from "./agencies.js";
import { splitAfter, type Line } from "./segment.js";

export interface ReportingRule {
  from: string | null;
  to: string | null;
  deadline_text: string | null;
  frequency: Frequency;
  start: number;
  end: number;
}

export type Frequency = "annual" | "semiannual" | "quarterly" | "monthly" | "periodic" | "ad hoc" | "once";

/**
 * A reporting deadline: "trước ngày 15/12 (hằng năm)", "trước ngày 31 tháng 12 hằng năm", "trước ngày 15
 * của tháng cuối quý", "trước ngày 05 của tháng sau", "trước ngày 25 hằng tháng", and a day of the month alone: "hằng tháng (trước ngày 25)".
 */
const DEADLINE = /trước ngày\s+\d{1,2}(?:\s*\/\s*\d{1,2}(?:\s*\/\s*\d{4})?|-\d{1,2}-\d{4}(?!\d)|\.\d{1,2}\.\d{4}(?!\d)|\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?|\s+(?:của\s+)?tháng\s+cuối\s+(?:mỗi\s+)?quý|\s+(?:của\s+)?tháng\s+(?:sau|tiếp theo|kế tiếp)(?![\p{L}])|\s+(?:hằng|hàng)\s+tháng|(?=\s*[),;.]))(?:\s+(?:hằng|hàng)\s+năm)?/gu;

/** A report due at the People's Council's sessions: "(định kỳ báo cáo HĐND tỉnh) tại các kỳ họp thường lệ". */
const AT_SESSIONS = /tại\s+các\s+kỳ\s+họp(?:\s+thường\s+lệ)?/iu;

/** A second day and month after a deadline's: "trước ngày 10/6 và 10/12". */
const AND_DATE = /^\s+và\s+(?:ngày\s+)?(\d{1,2}\s*\/\s*\d{1,2}(?:\s*\/\s*\d{4})?)(?!\d)/u;

/** How often, from the words of a clause (folded): "định kỳ 6 tháng", "hằng quý", "hằng tháng", "hằng năm". */
function frequencyIn(folded: string): Frequency | null {
  if (/6 thang|sau thang|nua nam/.test(folded)) return "semiannual";
  if (/(hang|hanh|moi) quy|cuoi quy|quy mot lan/.test(folded)) return "quarterly";
  if (/(hang|hanh|moi) thang/.test(folded)) return "monthly";
  if (/(hang|hanh|moi) nam/.test(folded)) return "annual";
  return null;
}

/** A sentence, with the subject of its paragraph for sentences that continue it without one ("...; báo cáo kết quả ..."). */
interface Sentence { text: string; start: number; paragraphSubject: () => string | null }

/** What a sentence that may state a reporting rule holds, folded. */
const REPORTS = /bao cao|gui/;

/** "báo cáo" naming a document to draft, not a report to send: "trình phê duyệt báo cáo nghiên cứu khả thi dự án ...". */
const REPORT_AS_DOCUMENT = /bao cao (?:nghien cuu (?:tien )?kha thi|danh gia tac dong moi truong|kinh te\s*-\s*ky thuat|de xuat chu truong)/g;

function sentences(lines: Line[], document?: FoldedText): Sentence[] {
  const out: Sentence[] = [];
  for (const l of lines) {
    // A line whose fold holds no such words has no sentence that does (when folding is unit by unit): it is not split.
    if (document?.regular && !REPORTS.test(document.foldOf(l.body, l.end - l.body.length))) continue;
    let offset = 0;
    // (Read when a sentence of the paragraph states a rule: most lines with "báo cáo" or "gửi" state none.)
    let subject: string | null | undefined;
    const paragraphSubject = () => (subject === undefined ? (subject = subjectOf(l.body)) : subject);
    for (const { text: part } of splitAfter(l.body, /[.;]\s+/g)) {
      const at = l.text.indexOf(part, offset);
      out.push({ text: part, start: l.start + Math.max(0, at), paragraphSubject });
      offset = Math.max(0, at) + part.length;
    }
  }
  return out;
}

/** The end of a word: `\b` does not work after a Vietnamese letter in a JavaScript pattern. */
const WORD_END = "(?=[\\s,.;:()]|$)";
/** Where a phrase naming an agency stops: the next verb, clause or deadline. */
const TARGET_END = new RegExp(`\\s*(?:,\\s*(?:để|và|trước|các|những)${WORD_END}|\\s(?:trước|để|tổng hợp|xem xét|theo|trong|tại|định kỳ|chậm nhất|về|kết quả|tình hình|tiến độ|khi|nếu)${WORD_END}|[.;(]|$)`, "u");
const SUBJECT_END = new RegExp(`\\s(?:gửi|nghiêm túc|chủ trì|làm cơ quan|là cơ quan|là đơn vị|tập trung|căn cứ|chủ động|định kỳ|thường xuyên|theo dõi|có trách nhiệm|tiếp tục|thực hiện|tổ chức|báo cáo|tổng hợp|phối hợp|xây dựng\\s+(?:kế hoạch|chương trình|đề án)|lãnh đạo|quán triệt|rà soát|chưa|đã|khẩn trương|kịp thời)${WORD_END}|:`, "u");

const cleanAgency = (s: string) => s.replace(/^(giao|yêu cầu|đề nghị|về)\s+/iu, "").replace(/\s+/g, " ").trim().replace(/^\p{Ll}/u, (c) => c.toUpperCase()) || null;

/** Words a subject naming agencies starts with; anything else ("Thường xuyên rà soát") is not a subject. */
const AGENCY_START = /^(?:(?:giao|đề nghị|yêu cầu)\s+)?(?:các|UBND|Ủy ban|Uỷ ban|Sở|Ban|Bộ|Văn phòng|Công an|Thủ trưởng|Chủ tịch|Giám đốc|Người đứng đầu)\s/iu;
/** A body that assigns the work to those it names next: "Chủ tịch UBND tỉnh yêu cầu Giám đốc các sở ...". */
const ASSIGNER = /^[^,;.:]{2,60}?\s(?:giao|yêu cầu|đề nghị)\s+(?=(?:các|UBND|Ủy ban|Uỷ ban|Sở|Ban|Bộ|Văn phòng|Công an|Thủ trưởng|Chủ tịch|Giám đốc|Người đứng đầu)\s)/u;

function subjectOf(text: string, assigned = false): string | null {
  // A subject starts the text: one that does not start like an agency has none, and is not scanned for its end.
  if (!AGENCY_START.test(text)) return null;
  // Those a body assigns the work to report it, not the body (read once: "A yêu cầu B yêu cầu C ..." goes no deeper).
  const assigner = assigned ? null : ASSIGNER.exec(text);
  if (assigner) { const to = subjectOf(text.slice(assigner[0].length), true); if (to) return to; }
  const end = SUBJECT_END.exec(text);
  // (Where the agencies named end, when that is sooner: "Sở Tài chính bố trí đủ vốn ...; định kỳ ... báo cáo"; but not
  // where the list goes on with names it does not read: "Sở KH&CN, Công an tỉnh, Viettel Lạng Sơn báo cáo", "Các tỉnh ủy, thành ủy".)
  const opening = /^(?:(?:giao|đề nghị|yêu cầu)\s+)?/iu.exec(text)![0].length;
  const head = text.slice(0, 300);
  const named = readAgencyList(head, foldKeepingOffsets(head), opening).end;
  const listGoesOn = /^\s*(?:,|và\s)/u.test(text.slice(named, named + 12));
  const subject = end ? text.slice(0, named > opening && !listGoesOn ? Math.min(end.index, named) : end.index) : null;
  return subject && subject.length < 160 && AGENCY_START.test(subject) ? cleanAgency(subject) : null;
}

/**
 * The agencies a sentence opens with, after a label ("Chế độ báo cáo: Các đơn vị báo cáo ...") or a time that leads
 * it ("Định kỳ 6 tháng, năm, các cơ quan, đơn vị báo cáo ..."), else its paragraph's.
 */
const subjectIn = (s: Sentence) => {
  const own = subjectOf(s.text);
  if (own) return own;
  const label = /^[^:,;]{2,40}:\s*/u.exec(s.text);
  const afterLabel = label ? subjectOf(s.text.slice(label[0].length)) : null;
  if (afterLabel) return afterLabel;
  const lead = /^(?:Định kỳ|Hằng|Hàng|Mỗi|Trước|Sau|Trong)\s[^;.]{0,40}?,\s*(?=(?:các|UBND|Ủy ban|Sở|Ban)\s)/iu.exec(s.text);
  const afterLead = lead ? subjectOf(s.text.slice(lead[0].length)) : null;
  if (afterLead) return afterLead;
  // "Thực hiện Chỉ thị số 08/CT-TTg ..., Bộ Tài chính đề nghị các bộ, cơ quan trung ương và địa phương báo cáo ...": those asked.
  const asked = ASKED.exec(s.text);
  return (asked ? subjectOf(s.text.slice(asked.index + asked[0].length)) : null) ?? s.paragraphSubject();
};
/** A body's request inside a sentence, before those it asks: ", Bộ Tài chính đề nghị ". */
const ASKED = /,\s+[^,;.]{2,60}?\s(?:đề nghị|yêu cầu)\s+(?=(?:các|UBND|Ủy ban|Sở|Ban|Bộ)\s)/u;

function targetAfter(text: string, marker: RegExp): string | null {
  const m = marker.exec(text);
  if (!m) return null;
  const rest = text.slice(m.index + m[0].length);
  const end = TARGET_END.exec(rest);
  const target = rest.slice(0, end ? end.index : rest.length).trim();
  return target && target.length < 120 ? cleanAgency(target) : null;
}

/**
 * Whom a sentence's report goes to: the body after "về", "thông qua" or "gửi" close after "báo cáo" ("báo cáo kết quả giải ngân về Bộ
 * Tài chính"); else the one right after "(tổng hợp,) báo cáo" where no subject of the report comes first ("báo cáo UBND tỉnh", not
 * "báo cáo kết quả"; and not a sentence's "Báo cáo gửi bằng văn bản ...", the report itself); else the body it is sent to after a long
 * account of what is reported ("Báo cáo tình hình ... (theo Biểu mẫu đính kèm), gửi về Sở Tài chính"), which a copy sent to another
 * does not hide ("báo cáo UBND tỉnh kết quả ... trước ngày 15/12/2026, đồng thời gửi Sở Tài chính để theo dõi": UBND tỉnh).
 */
const reportedTo = (text: string) => targetAfter(text, /[Bb]áo cáo[^;.]{0,80}?\s(?:về|thông qua|gửi(?:\s+về)?)\s+(?=\p{Lu}|các\s)/u)
  ?? targetAfter(text, /(?:[Tt]ổng hợp,?\s+)?báo cáo\s+(?!kết quả|tiến độ|tình hình|công tác|nghiên cứu|đánh giá tác động|(?:năm|quý|tháng|6 tháng|tuần|định kỳ|hằng|hàng|sơ kết|tổng kết|kịp thời|đầy đủ|thường xuyên|chính xác|cụ thể|chi tiết|bằng văn bản)(?![\p{L}]))/u)
  ?? targetAfter(text, /[Bb]áo cáo[^;.]{0,240}?\sgửi(?:\s+về)?\s+(?=\p{Lu}|các\s)/u);

/** A bare noun a list of agencies goes on over: "các cơ quan, đơn vị và địa phương". */
const LISTED_NOUN = /^(?:đơn vị|cơ quan|địa phương|ngành|đoàn thể)(?:\s+(?:và|liên quan|có liên quan)(?=\s|$)|$)/iu;

/**
 * The list of agencies that ends a text, commas inside it kept: "..., các sở, ban, ngành, UBND các
 * huyện, thành phố" or "..., các cơ quan, đơn vị". Walking back over comma-separated parts, a part
 * that starts like an agency opens the list; a short part ("ban", "thành phố") continues it.
 */
function agencyClauseBefore(text: string): string | null {
  const parts = text.split(/,\s*/).map((p) => p.trim());
  let start = -1;
  for (let i = parts.length - 1; i >= 0; i--) {
    if (AGENCY_START.test(parts[i] + " ")) start = i;
    // (A list goes on over its bare nouns: "các cơ quan, đơn vị và địa phương".)
    else if (parts[i].split(/\s+/).length > 2 && !LISTED_NOUN.test(parts[i])) break;
  }
  return start >= 0 ? cleanAgency(parts.slice(start).join(", ")) : null;
}

/** The onward report of the body a report goes to: "để tổng hợp, báo cáo UBND tỉnh". */
const ONWARD = /để\s+tổng hợp,?\s+báo cáo\s+/u;

/** A report's opening, answering a request: "Thực hiện Công văn số 1187-CV/BKTTW ngày ... của [Y] về việc ..., [X] báo cáo như sau:". */
const ANSWERS_REQUEST = /\sbao cao\s(?:nhu sau|ket qua|tinh hinh|cu the)[^.;]*:\s*$/;
/** An opening is a sentence, not a page: a longer line is not read for one (the pattern above is tried at each "báo cáo"). */
const OPENING_LENGTH = 3000;
/** The answering body names an agency ("Ban Thường vụ Tỉnh ủy ...", "UBND tỉnh Đồng Nai"), not a state of affairs ("đến nay mới có 12/45 đơn vị"). */
const ANSWERING_BODY = /^(?:Ban|UBND|Ủy ban|Uỷ ban|Sở|Bộ|Tỉnh ủy|Thành ủy|Huyện ủy|Đảng ủy|Văn phòng|Chính phủ|Thủ tướng|Cục|Tổng cục|Thường trực|Đảng đoàn|HĐND|Hội đồng)\s/u;
/** Who asked: the body after the first "của" that a subject ("về", "v/v", a request) or a comma follows (a name starts with a word: see ANSWERERS). */
const REQUESTER = /\scủa\s+(\S.{2,99}?)(?:\s+(?:về|v\/v|yêu cầu|đề nghị|hướng dẫn|giao)(?=\s)|\s*,)/u;
/**
 * Who answers: the words between the last comma and "báo cáo như sau". (Each name starts with a word, not a space:
 * a name that may start with the spaces before it backtracked through them, 3 s for an opening of 3,000 spaces.)
 */
const ANSWERERS = /,\s*([^,;:\s][^,;:]{2,119}?)\s+(?:xin\s+)?báo cáo\s+(?:như sau|kết quả|tình hình|cụ thể)/gu;

/** The report itself, where its opening says whom it answers: from the body that reports to the one that asked, once. */
function answeredRequest(lines: Line[]): Omit<ReportingRule, "start" | "end"> & { line: Line } | null {
  for (const line of lines.slice(0, 40)) {
    // (Only a line opening so is folded and read.)
    if (line.text.length > OPENING_LENGTH || !/^(?:thực hiện|căn cứ|theo)\s/iu.test(line.text) || !ANSWERS_REQUEST.test(foldVietnamese(line.text))) continue;
    const to = REQUESTER.exec(line.text)?.[1];
    const from = [...line.text.matchAll(ANSWERERS)].pop()?.[1];
    if (to && from && ANSWERING_BODY.test(from)) return { line, from: cleanAgency(from), to: cleanAgency(to), deadline_text: null, frequency: "ad hoc" };
  }
  return null;
}

export function extractReportingRules(lines: Line[], document?: FoldedText): ReportingRule[] {
  const rules: ReportingRule[] = [];
  const add = (s: Sentence, rule: Omit<ReportingRule, "start" | "end">) => rules.push({ ...rule, start: s.start, end: s.start + s.text.length });
  const answered = answeredRequest(lines);
  if (answered) { const { line, ...rule } = answered; rules.push({ ...rule, start: line.start, end: line.end }); }
  const sameBody = (a: string | null, b: string | null) => !!a && !!b && foldVietnamese(a).replace(/\s+/g, " ") === foldVietnamese(b).replace(/\s+/g, " ");
  for (const s of sentences(lines, document)) {
    let f = document ? document.foldOf(s.text, s.start) : foldVietnamese(s.text);
    REPORT_AS_DOCUMENT.lastIndex = 0;
    if (REPORT_AS_DOCUMENT.test(f)) f = f.replace(REPORT_AS_DOCUMENT, (m) => " ".repeat(m.length));
    if (!REPORTS.test(f)) continue;
    const yearly = /(hang|hanh) nam|moi nam/.test(f);
    // "nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời báo cáo về Sở X" or "... chủ động đề xuất, gửi Sở X".
    const problems = /\bneu\b.{0,60}(phat sinh|kho khan|vuong mac)/.exec(f);
    // ("... phản ánh về Sở Y tế để tổng hợp, báo cáo": the body they write to.)
    if (problems && /\bgui\b|\b(?:bao cao|phan anh) (?:ve|cho|len|voi)\b/.test(f.slice(problems.index))) {
      const after = problems.index + problems[0].length;
      const before = s.text.slice(0, after + f.slice(after).search(/chu dong|de xuat|kip thoi|\bgui\b|\bbao cao\b|\bphan anh\b/));
      const to = /\bgui\b/.test(f.slice(after)) ? targetAfter(s.text, /gửi\s+(?:báo cáo\s+)?(?:về\s+)?/u) : targetAfter(s.text.slice(after), /(?:báo cáo|phản ánh)\s+(?:về|cho|lên|với)\s+/u);
      add(s, { from: agencyClauseBefore(before), to, deadline_text: null, frequency: "ad hoc" });
      continue;
    }
    const deadlines = allMatches(DEADLINE, s.text);
    if (deadlines.length && /bao cao/.test(f)) {
      // "... gửi về Sở Tài chính trước ngày 05/12 để tổng hợp, báo cáo UBND tỉnh trước ngày 10/12": the onward report, and a date after
      // it is its own. Whom the report goes to is read before it.
      const onwardAt = ONWARD.exec(s.text);
      const onward = onwardAt ? targetAfter(s.text.slice(onwardAt.index), ONWARD) : null;
      // (The report's own recipient is not the onward one: read before the phrase, else after it, "Nhằm ..., để tổng hợp, báo cáo
      // Thủ tướng Chính phủ, các sở báo cáo ... về Sở Tài chính ...".)
      const toBefore = onwardAt ? reportedTo(s.text.slice(0, onwardAt.index)) : null;
      const to = onwardAt ? toBefore ?? reportedTo(s.text.slice(onwardAt.index + onwardAt[0].length)) : reportedTo(s.text);
      // Dates after the phrase are the onward report's where a date before it is the report's own, or where the sentence states
      // no report but the onward one ("Báo cáo gửi bằng văn bản ... để tổng hợp, báo cáo UBND tỉnh trước ngày 10/12/2026"); a single
      // date after it may be either's, and stays the report's ("báo cáo về Sở Tài chính để tổng hợp, báo cáo UBND tỉnh trước ngày 15/12").
      const splitAt = onwardAt && onward && (to === null || (toBefore !== null && deadlines.some((d) => d.index < onwardAt.index))) ? onwardAt.index : Infinity;
      // "định kỳ 6 tháng (trước ngày 15/6) và hằng năm (trước ngày 15/12)": each date with the words before it.
      let from = 0;
      let frequency: Frequency = "once";
      let onwardDated = false;
      // (The sentence's subject and whether it says "6 tháng, năm" are the sentence's, read once: at every date of a sentence of
      // thousands, each read it whole.)
      let subject: string | null | undefined, halfThenYear: boolean | undefined;
      const sentenceSubject = () => (subject === undefined ? (subject = subjectIn(s)) : subject);
      for (const d of deadlines) {
        // (The date's own words first: "định kỳ 6 tháng, hằng năm báo cáo ... trước ngày 20/11 hằng năm" is yearly.)
        const own = frequencyIn(foldVietnamese(d[0])) ?? frequencyIn(foldVietnamese(s.text.slice(from, d.index))) ?? (deadlines.length === 1 && yearly ? "annual" : null);
        frequency = own ?? (/\d{4}/.test(d[0]) ? "once" : "annual");
        if (d.index > splitAt) {
          add(s, { from: to, to: onward, deadline_text: d[0], frequency });
          onwardDated = true;
          from = d.index + d[0].length;
          continue;
        }
        add(s, { from: sentenceSubject(), to, deadline_text: d[0], frequency });
        from = d.index + d[0].length;
        // "(trước ngày 10/6 và 10/12)": a second date the same words give; "định kỳ 6 tháng, năm" makes the second yearly.
        const second = AND_DATE.exec(s.text.slice(from));
        if (second) {
          const yearly = frequency === "semiannual" && (halfThenYear ??= /6 thang\s*(?:,|va)\s*(?:(?:hang|hanh)\s+)?nam/.test(f));
          add(s, { from: sentenceSubject(), to, deadline_text: second[1], frequency: yearly ? "annual" : frequency });
          from += second[0].length;
        }
      }
      if (onward && !onwardDated) add(s, { from: to, to: onward, deadline_text: null, frequency });
      continue;
    }
    // ("Để kịp thời tổng hợp, báo cáo Bộ ..., Chủ tịch UBND tỉnh có ý kiến như sau:": a purpose framing a letter, no rule.)
    if (/tong hop(?: ket qua(?: thuc hien)?)?,? bao cao|tong hop [^,;.]{1,80}?, bao cao|dinh ky .{0,20}bao cao/.test(f) && !/^\s*de\s/.test(f)) {
      add(s, {
        from: subjectIn(s), to: reportedTo(s.text), deadline_text: AT_SESSIONS.exec(s.text)?.[0] ?? null,
        frequency: frequencyIn(f) ?? (/dinh ky|theo doi/.test(f) ? "periodic" : "ad hoc"),
      });
      continue;
    }
    // ("báo cáo" anywhere before the phrase: found from the phrase, as ".*" after each "báo cáo" of a long sentence is quadratic.)
    const toAuthority = f.lastIndexOf("kien nghi cap co tham quyen");
    if (toAuthority > 0 && f.lastIndexOf("bao cao", toAuthority) >= 0) {
      add(s, { from: subjectIn(s), to: "cấp có thẩm quyền", deadline_text: null, frequency: "ad hoc" });
      continue;
    }
    // "UBND các xã, phường báo cáo đột xuất khi có yêu cầu": a report on request.
    if (/(?:^|\s)(?:bao cao dot xuat|dot xuat\s+bao cao)(?![a-z])/.test(f)) {
      add(s, { from: subjectIn(s), to: targetAfter(s.text, /báo cáo(?:\s+đột xuất)?(?:\s+(?:kết quả|tình hình)[^,;.]{0,60}?)?\s+(?:về\s+|cho\s+|với\s+)?(?=\p{Lu})/u), deadline_text: null, frequency: "ad hoc" });
      continue;
    }
    if (/^tran trong bao cao\s/.test(f)) {
      const to = targetAfter(s.text, /^trân trọng báo cáo\s+/iu);
      // The report's closing names whom it reports to, as its opening did: one report, one rule.
      if (!sameBody(to, answered?.to ?? null)) add(s, { from: null, to, deadline_text: null, frequency: "ad hoc" });
    }
  }
  return rules;
}
