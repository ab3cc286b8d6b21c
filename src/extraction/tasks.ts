/**
 * Tasks: every paragraph or bullet that gives an agency work. The genre writes assignments in a
 * few ways, all read here by one rule: an assignment (lead agencies, "chủ trì", "phối hợp với"
 * partners) stands at the start of a heading or paragraph, and it governs the paragraphs after it
 * in its section that name no agency of their own.
 *
 *   2.2. Sở KH&ĐT chủ trì, phối hợp với các sở, ban, ngành      heading: assignment only
 *   - Thành lập Tổ điều phối ...                                  a task of Sở KH&ĐT, partners from the heading
 *   2.4. Sở Giao thông vận tải                                   heading: the section's agency
 *   - Phối hợp với Bộ Giao thông vận tải ... đề xuất ...         still the section agency's task; Bộ GTVT a partner
 *   2.5. Sở Nội vụ phối hợp cùng các sở, ngành ... thực hiện     the subject leads, the others are partners
 *   1.5. ... Giao các sở, ngành: Nội vụ, Y tế, ... thực hiện     the list expanded to the departments
 *
 * Objectives that name no agency, requests to the central government, notes in brackets and the
 * closing formula ("Yêu cầu các sở ... triển khai thực hiện./.") are not tasks. In a report only
 * the sections about the work ahead are read: the rest reports work done.
 */
import { parseDeadline, type DateError, type Deadline } from "../text/dates.js";
import { deadlineOf } from "./deadlines.js";
import { FoldedText, foldKeepingOffsets, foldPhrase } from "../text/fold.js";
import { allMatches } from "../text/matches.js";
import { agenciesAt, at, mayNameAgency, readAgencyList, readsOn, uniqueAgencies, type AgencyMention, type RegistryAgency } from "./agencies.js";
import { bodyLines as contentLines, type Line } from "./segment.js";
import { headerColumns, NUMBER_HEAD, tablesOf, type Cell, type HeaderReader } from "./tables.js";
import { fieldsIn, opensWithField, type Field } from "./task-fields.js";
import { ReportParts } from "./report-parts.js";

export interface ExtractedTask {
  section: string;
  lead: string[];
  coordinating: string[];
  summary: string;
  /** The work in full, as the paragraph states it. */
  text: string;
  deadline_text: string | null;
  deadline: Deadline | DateError | null;
  output: string | null;
  lead_agencies: AgencyMention[];
  coordinating_agencies: AgencyMention[];
  /** The paragraph's clause in the source: from its first character to its last. */
  start: number;
  end: number;
}

interface Assignment { lead: AgencyMention[]; coordinating: AgencyMention[] }

interface Section {
  level: number;
  label: string;
  /** "article": an article of a resolution or decision ("Điều 2. Tổ chức thực hiện"), numbering the items under it. */
  kind: Line["kind"] | "article";
  /** The assignment of the section's heading: its agency leads the "Phối hợp với ..." bullets under it. */
  agency: Assignment | null;
  /** The latest assignment in the section, for the paragraphs after it that name no agency. */
  context: Assignment | null;
  /** A section of the plan's purposes, requirements or viewpoints ("I. MỤC ĐÍCH, YÊU CẦU"), or one under it: it assigns no work. */
  aims?: boolean;
  /** An item of a list whose doers a sentence announced before it ("Bộ Nội vụ đề nghị các bộ, ngành, địa phương:" / "1. Tổng hợp ..."). */
  announced?: boolean;
}

const ASSIGNING_VERB = /(?:dong thoi\s+)?(?:giao cho|giao|yeu cau|de nghi)\s+/y;
/** The verb after a body that assigns work to the ones named next: "UBND tỉnh giao ...", "Chủ tịch UBND tỉnh yêu cầu ...". */
const ASSIGNED_BY_SUBJECT = /\s+(?:giao cho|giao|yeu cau|de nghi)\s+/y;
const SPACE_COLON = /\s*:?\s*/y;
const ROLE_IN_BRACKETS = /\s*\([^()\n]{1,60}\)/y;
const ROLE_WORDS = /(?:(?:lam|la) (?:co quan |don vi )?(?:dau moi|thuong truc)|chu dong|tich cuc|co trach nhiem)\s*,?\s*/y;
const CHAIRS = /chu tri\s*,?\s*(?:va\s+)?/y;
const COOPERATES = /phoi hop(?:\s+chat che|\s+tot)?(?:\s*,\s*huong dan)?(?:\s+(?:voi|cung))?\s+/y;
const COOPERATES_ANYWHERE = /phoi hop(?:\s+chat che|\s+tot)?(?:\s*,\s*huong dan)?(?:\s+(?:voi|cung))?\s+/g;
const BEFORE_ACTION = /[\s:,]*/y;

interface ReadAssignment extends Assignment {
  actionStart: number; chairs: boolean; /** Where the lead's list ends. */ leadEnd: number;
  /** The lead is the bodies another assigned the work to ("UBND tỉnh giao Sở Tài chính ..."). */
  assignedBySubject?: boolean;
}

/** The first words of ASSIGNING_VERB, ROLE_WORDS, CHAIRS and COOPERATES: with an agency's, the words an assignment can open with. */
const ASSIGNMENT_OPENERS = new Set(["dong", "giao", "yeu", "de", "lam", "la", "chu", "tich", "co", "phoi"]);
const OPENING_WORD = /[a-z0-9]+/y;

/** The assignment at the start of a clause, and where the work it assigns begins. */
function readAssignment(text: string, folded: string, from: number, registry: RegistryAgency[], leadStarts?: number[]): ReadAssignment {
  // Most paragraphs open with their work ("Triển khai ...", "Tăng cường ..."): no pattern below can match there.
  OPENING_WORD.lastIndex = from;
  const opening = OPENING_WORD.exec(folded)?.[0];
  if (opening !== undefined && !ASSIGNMENT_OPENERS.has(opening) && !mayNameAgency(folded, from, registry)) {
    return { lead: [], coordinating: [], chairs: false, actionStart: from, leadEnd: from };
  }
  const afterVerb = at(ASSIGNING_VERB, folded, from) ?? from;
  const starts: number[] = [];
  let subject = readAgencyList(text, folded, afterVerb, registry, starts);
  let assignedBySubject = false;
  // "UBND tỉnh giao Sở Tài chính chủ trì ...", "Sở Tài chính đề nghị các cơ quan, đơn vị ...": the body that assigns, then the
  // ones it assigns, who do the work.
  const assigning = subject.agencies.length ? at(ASSIGNED_BY_SUBJECT, folded, subject.end) : null;
  if (assigning !== null) {
    const assignedStarts: number[] = [];
    const assigned = readAgencyList(text, folded, assigning, registry, assignedStarts);
    if (assigned.agencies.length) { subject = assigned; starts.splice(0, starts.length, ...assignedStarts); assignedBySubject = true; }
  }
  leadStarts?.push(...starts);
  let pos = subject.agencies.length ? subject.end : from;
  // "Sở Nội vụ (cơ quan thường trực): Chủ trì, ...": the agency's role in brackets is not its work.
  if (subject.agencies.length) pos = at(ROLE_IN_BRACKETS, folded, pos) ?? pos;
  pos = at(SPACE_COLON, folded, pos)!;
  for (let n = 0; n < 3; n++) pos = at(ROLE_WORDS, folded, pos) ?? pos;
  const afterChair = at(CHAIRS, folded, pos);
  const chairs = afterChair !== null;
  pos = afterChair ?? pos;
  let coordinating: AgencyMention[] = [];
  const afterCooperate = at(COOPERATES, folded, pos);
  if (afterCooperate !== null) {
    const partners = readAgencyList(text, folded, afterCooperate, registry);
    if (partners.agencies.length) { coordinating = partners.agencies; pos = partners.end; }
  }
  return { lead: subject.agencies, coordinating, chairs, actionStart: at(BEFORE_ACTION, folded, pos)!, leadEnd: subject.end, assignedBySubject };
}

/** Partners named inside the work ("...; phối hợp với UBND các huyện biên giới đẩy nhanh ..."). */
function partnersWithin(text: string, folded: string, from: number, to: number, registry: RegistryAgency[]): AgencyMention[] {
  const out: AgencyMention[] = [];
  // A phrase starting before `to` ends on the same line ("|" here), so the search stops there, not at the
  // next phrase anywhere in the document: searching the rest of the document for each part was quadratic.
  const lineEnd = folded.indexOf("|", to);
  const line = lineEnd < 0 ? folded : folded.slice(0, lineEnd);
  /** Where the clause of the phrase starts (after the last ";", ":" or "." from `from`), read on from `scanned` for each phrase. */
  let clauseStart = from, scanned = from;
  COOPERATES_ANYWHERE.lastIndex = from;
  for (let m; (m = COOPERATES_ANYWHERE.exec(line)) && m.index < to;) {
    for (; scanned < m.index; scanned++) if (CLAUSE_STOPS.includes(folded[scanned])) clauseStart = scanned + 1;
    // "Tham mưu UBND tỉnh phối hợp với Bộ ...": the partners of the body advised, not of this task's agency. (Its last words
    // only are searched: a body advised is named in at most eight, and searching the whole clause at each phrase was quadratic.)
    const clause = folded.slice(clauseStart, m.index);
    if (ADVISES_BEFORE.test(clause.slice(lastWordsStart(clause, 8)))) continue;
    out.push(...readAgencyList(text, folded, COOPERATES_ANYWHERE.lastIndex, registry).agencies);
  }
  return out;
}
const CLAUSE_STOPS = ";:.";
/** "tham mưu (cho) UBND tỉnh" ending a clause: at most eight words, "tham" (or a word ending so), "mưu", "cho" and five. */
const ADVISES_BEFORE = /tham muu(?: cho)?\s+\S+(?:\s+\S+){0,4}\s*$/;

/** Where the last `words` words of `s` start (words are runs of non-space characters), read from its end. */
function lastWordsStart(s: string, words: number): number {
  let i = s.length;
  for (let w = 0; w < words && i > 0; w++) {
    while (i > 0 && isSpaceAt(s, i - 1)) i--;
    while (i > 0 && !isSpaceAt(s, i - 1)) i--;
  }
  return i;
}
const isSpaceAt = (s: string, k: number) => (UNIT_KIND[s.charCodeAt(k)] || unitKind(s.charCodeAt(k))) === SPACE;

/**
 * An assignment written after the work: "Tăng cường tuyên truyền ... (Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với
 * Báo Quảng Bình thực hiện).", "(Sở Y tế chủ trì; Công an tỉnh phối hợp)", "(Giao Sở Giáo dục và Đào tạo thực hiện)", "... - Sở
 * Tài chính chủ trì thực hiện.". The brackets (or the dash) must hold nothing but the assignment; `cut` is where they start.
 */
function trailingAssignment(text: string, folded: string, line: Line, registry: RegistryAgency[]): { assignment: Assignment; cut: number } | null {
  const own = folded.slice(line.start, line.end);
  const part = bracketsClosing(own) ?? (CLOSES_WITH_CHAIR.test(own.slice(Math.max(0, trimmedEnd(own, SPACES_AND_STOPS) - 20))) ? dashClosing(own) : null);
  if (!part || !ASSIGNS.test(own.slice(part.from, part.to))) return null;
  const from = line.start + part.from, to = line.start + part.to;
  const read = readAssignment(text, folded, from, registry);
  if (!read.lead.length) return null;
  // "(Công an tỉnh phối hợp)": partners of the work, not its lead.
  if (!read.chairs && /^(?:cung\s+)?phoi hop/.test(folded.slice(read.actionStart, to))) return null;
  let coordinating = read.coordinating;
  let pos = read.actionStart;
  // "(Sở Y tế chủ trì; Công an tỉnh phối hợp)": partners named before their verb.
  const partners = readAgencyList(text, folded, at(LIST_GAP, folded, pos)!, registry);
  if (partners.agencies.length) {
    const after = at(PARTNERS_VERB, folded, partners.end);
    if (after !== null) { coordinating = [...coordinating, ...partners.agencies]; pos = after; }
  }
  if (pos < to && !ASSIGNMENT_REST.test(folded.slice(pos, to))) return null;
  return { assignment: { lead: read.lead, coordinating }, cut: line.start + part.cut };
}

/** The end of `s` without the characters of `chars` after it: read from the end (a pattern anchored at the end is tried from every start). */
export function trimmedEnd(s: string, chars: string, end = s.length): number {
  while (end > 0 && chars.includes(s[end - 1])) end--;
  return end;
}
const SPACES_AND_STOPS = " \t.;";

/** Brackets closing a line, with an agency's worth in them: where their content is, and where the work before them ends. */
function bracketsClosing(own: string): { from: number; to: number; cut: number } | null {
  const close = trimmedEnd(own, SPACES_AND_STOPS) - 1;
  if (close < 0 || own[close] !== ")") return null;
  const open = own.lastIndexOf("(", close);
  if (open < 0 || close - open - 1 < 4 || close - open - 1 > 240 || own.slice(open + 1, close).includes("|")) return null;
  return { from: open + 1, to: close, cut: trimmedEnd(own, " \t", open) };
}

/** " - Sở Tài chính chủ trì (thực hiện)." closing a line, after its last dash. */
function dashClosing(own: string): { from: number; to: number; cut: number } | null {
  const dash = Math.max(own.lastIndexOf(" - "), own.lastIndexOf(" – "));
  if (dash < 0) return null;
  DASH_PART.lastIndex = dash + 1;
  const m = DASH_PART.exec(own);
  if (!m) return null;
  const from = own.indexOf(m[1], dash + 1);
  return { from, to: from + m[1].length, cut: trimmedEnd(own, " \t", dash + 1) };
}
const DASH_PART = /[-–]\s+([^-–|]{4,160}?\schu tri(?:\s+thuc hien)?)[\s.;]*$/y;
/** The end of a line an assignment after a dash closes ("... chủ trì (thực hiện)."): the dash is looked for only then. */
const CLOSES_WITH_CHAIR = /chu tri(?:\s+thuc hien)?[\s.;]*$/;
/** What makes brackets an assignment rather than a note ("(trừ các xã đã đạt chuẩn)"). */
const ASSIGNS = /(?:^|\s)(?:chu tri|thuc hien|phoi hop|giao)(?![a-z])/;
const LIST_GAP = /[\s;,]*/y;
const PARTNERS_VERB = /\s+(?:cung\s+)?phoi hop(?:\s+thuc hien)?/y;
/** What may follow the agencies in such brackets: their verb, and nothing of the work. */
const ASSIGNMENT_REST = /^[\s,;.]*(?:(?:cung\s+)?(?:to chuc\s+)?(?:thuc hien|trien khai|phoi hop(?:\s+thuc hien)?|theo doi|chu tri(?:\s+thuc hien)?))?[\s,;.]*$/;

/**
 * The assignments a paragraph states after its first sentence, as a conclusion notice does: "Tiến độ giải phóng mặt bằng còn
 * chậm. Giao UBND xã Thanh Liêm hoàn thành bàn giao mặt bằng trước ngày 30/4/2026. Giao Sở Tài chính thẩm định ...", "Yêu cầu
 * Ban Quản lý dự án ... đẩy nhanh thi công ...; Sở Xây dựng kiểm tra chất lượng công trình." Each from its assigning verb to the
 * end of its sentence, its clauses after ";" that open with an agency tasks of their own.
 */
function assignedWithin(text: string, folded: string, document: FoldedText, line: Line, section: string, registry: RegistryAgency[]): ExtractedTask[] {
  const own = folded.slice(line.start, line.end);
  if (!MAY_ASSIGN_WITHIN.test(own)) return [];
  const starts = [...allMatches(ASSIGNED_WITHIN, own)].map((m) => {
    const at = line.start + m.index + m[0].length;
    return { boundary: line.start + m.index, at, verb: m[1] === undefined ? null : at + m[2].length };
  });
  const out: ExtractedTask[] = [];
  for (const [n, { at: from, verb }] of starts.entries()) {
    // After a bare comma, only a body that assigns the work to others, named right before the verb as written ("giao", not the
    // "Giáo" of "Sở Giáo dục" nor the "giao" of "ngoại giao"): checked on the one name there before any list is read, or a list of
    // thousands of "Sở Giáo dục ..." would be read from each of its commas.
    if (verb !== null && (!ASSIGNING_AS_WRITTEN.test(text.slice(verb, verb + 8)) || !namesRightBefore(text, folded, from, verb, registry))) continue;
    const read = readAssignment(text, folded, from, registry);
    if (!read.lead.length || (verb !== null && !read.assignedBySubject)) continue;
    const limit = starts[n + 1]?.boundary ?? line.end;
    const stop = SENTENCE_END.exec(folded.slice(read.actionStart, limit));
    const end = stop ? read.actionStart + stop.index : limit;
    for (const c of clausesOf(text, folded, { lead: read.lead, coordinating: read.coordinating }, read.actionStart, end, registry)) {
      const task = clauseTask(text, document, section, c);
      if (task) out.push(task);
    }
  }
  return out;
}

interface Clause extends Assignment { from: number; to: number }

/**
 * The clauses of an assignment's work from `from` to `to`: the first the assignment's, then each after ";" that opens with an
 * agency of its own ("... đẩy nhanh thi công; Sở Xây dựng kiểm tra chất lượng công trình").
 */
function clausesOf(text: string, folded: string, assignment: Assignment, from: number, to: number, registry: RegistryAgency[]): Clause[] {
  const out: Clause[] = [];
  // (Each clause's partners are its own array, added to in place: copied at each clause, thousands of them were quadratic.)
  let current: Clause = { lead: assignment.lead, coordinating: [...assignment.coordinating], from, to };
  // (Searched for in the work only: an indexOf from `from` would run on through the document to its next ";".)
  const work = folded.slice(from, to);
  if (!work.includes(";")) return [current];
  const separators = [...allMatches(CLAUSE_SEPARATOR, work)];
  // Where the agencies the current clause opens with end: read once a clause, not at each ";" of a list it goes on with
  // ("các cơ quan: Sở Nội vụ; Sở Tư pháp; ...": thousands of them were quadratic).
  let listed = -1;
  /** The list of agencies last read at a ";": where its items were read from, and where it ends. */
  let list: { starts: number[]; end: number } | null = null;
  for (const [n, m] of separators.entries()) {
    const cut = from + m.index, point = cut + m[0].length;
    const clauseEnd = separators[n + 1] ? from + separators[n + 1].index : to;
    // At an item of that list, when it runs on past this clause: the assignment read here would be the rest of the list, its
    // work would start after the clause, and the clause is none of its own (a list of thousands was read again at each ";").
    if (list && list.end > clauseEnd && at(ASSIGNING_VERB, folded, point) === null && readsOn(list.starts, text, folded, point)) continue;
    const starts: number[] = [];
    const next = readAssignment(text, folded, point, registry, starts);
    if (!next.lead.length) continue;
    list = { starts, end: next.leadEnd };
    // ("...; các sở, ngành liên quan (theo chức năng, nhiệm vụ) phối hợp thực hiện": partners of the work before, not work of their own.)
    if (PARTNERS_ONLY.test(folded.slice(next.actionStart, clauseEnd))) { for (const a of next.lead) current.coordinating.push(a); continue; }
    // Both sides must state work: "... các cơ quan: Sở Nội vụ; Sở Tư pháp; Sở Y tế tham mưu ..." lists agencies.
    if (listed < 0) listed = listEnd(text, folded, current.from, registry);
    if (!worksFrom(text, listed, cut) || !statesWork(text, folded, next.actionStart, clauseEnd, registry)) continue;
    out.push({ lead: current.lead, coordinating: current.coordinating, from: current.from, to: cut });
    current = { lead: next.lead, coordinating: [...next.coordinating], from: next.actionStart, to };
    listed = -1;
  }
  out.push(current);
  return out;
}

/**
 * The doers a sentence announces for the items after it, at its end before the colon: "Bộ Nội vụ đề nghị các bộ, ngành, địa
 * phương:", "Chủ tịch UBND tỉnh yêu cầu Giám đốc các sở:"; null when it ends otherwise ("... như sau:").
 */
function announcedDoers(text: string, folded: string, line: Line, registry: RegistryAgency[]): Assignment | null {
  const own = folded.slice(line.start, line.end);
  let verb = -1;
  for (const m of allMatches(ANNOUNCING_VERB, own)) verb = m.index + m[0].length;
  if (verb < 0) return null;
  const list = readAgencyList(text, folded, line.start + verb, registry);
  return list.agencies.length && ANNOUNCES_ITEMS.test(folded.slice(list.end, line.end)) ? { lead: list.agencies, coordinating: [] } : null;
}
/** What may stand between the doers and the colon: nothing, or words that announce the items ("tập trung thực hiện các nhiệm vụ sau đây"). */
const ANNOUNCES_ITEMS = /^\s*(?:[^.;:]{0,120}?\s(?:sau day|sau|nhu sau))?\s*:\s*$/;
const ANNOUNCING_VERB = /(?<![a-z0-9])(?:de nghi|yeu cau|giao(?: cho)?)\s+/g;
/** A sentence that opens with the request itself, no body making it: "Giao Sở Y tế ...", "Đề nghị các sở ...". */
const OPENS_WITH_REQUEST = /^\s*(?:đề nghị|yêu cầu|giao)\s/iu;

/** Whether the text from `from` to `to` states work: a few words after any agencies it opens with. */
function statesWork(text: string, folded: string, from: number, to: number, registry: RegistryAgency[]): boolean {
  return worksFrom(text, listEnd(text, folded, from, registry), to);
}
/** Where the agencies the text from `from` opens with end (`from` where it opens with none). */
const listEnd = (text: string, folded: string, from: number, registry: RegistryAgency[]) =>
  Math.max(from, readAgencyList(text, folded, at(LIST_GAP, folded, from)!, registry).end);
/** Whether a few words stand from `listed` (where a clause's agencies end) to `to`. */
const worksFrom = (text: string, listed: number, to: number) => countWords(text.slice(listed, to), 3) >= 3;

/** A clause as a task of its own (its offsets are its work's). */
function clauseTask(text: string, document: FoldedText, section: string, c: Clause): ExtractedTask | null {
  const action = asOneLine(text.slice(c.from, c.to)), foldedAction = asOneLine(document.folded.slice(c.from, c.to));
  if (countWords(action, 3) < 3 || isClosingFormula(foldedAction)) return null;
  const deadline = deadlineOf(action, foldedAction);
  return {
    section, lead: c.lead.map((a) => a.name), coordinating: c.coordinating.map((a) => a.name),
    summary: action.length > 300 ? `${action.slice(0, 297)}...` : action, text: action,
    deadline_text: deadline.text, deadline: deadline.deadline, output: outputOf(action, foldedAction),
    lead_agencies: c.lead, coordinating_agencies: c.coordinating, start: c.from, end: c.to,
  };
}
const MAY_ASSIGN_WITHIN = /giao|yeu cau|de nghi/;
/**
 * A sentence, or a clause after a colon, that opens with an assigning verb; or a clause after a comma that says it is part of the
 * work before ("..., trong đó yêu cầu người đứng đầu cơ quan, đơn vị có trách nhiệm ...", "..., đồng thời giao Sở X ..."); or a
 * clause after a comma whose few words before such a verb may name the body that assigns ("Thực hiện Chỉ thị số 08/CT-TTg ..., Bộ
 * Tài chính đề nghị các bộ, cơ quan trung ương và địa phương báo cáo ..."; read, it names none where they are no agency).
 */
const ASSIGNED_WITHIN = /(?:[.;:]|,\s*(?:trong do|dong thoi))\s+(?=(?:dong thoi\s+)?(?:giao cho|giao|yeu cau|de nghi)\s)|(,)\s+(?=((?:[a-z0-9&-]+\s+){1,8}?)(?:giao cho|giao|yeu cau|de nghi)\s)/g;
const SENTENCE_END = /\.(?:\s|$)|\.\/\./;
/** An assigning verb as written, in small letters. */
const ASSIGNING_AS_WRITTEN = /^(?:giao|yêu cầu|đề nghị)\s/u;
/** Whether the agency named at `from` ends right before `verb` (spaces between). */
function namesRightBefore(text: string, folded: string, from: number, verb: number, registry: RegistryAgency[]): boolean {
  const named = agenciesAt(text, folded, from, registry);
  const end = named[named.length - 1]?.end;
  return end !== undefined && end <= verb && text.slice(end, verb).trim() === "";
}
const CLAUSE_SEPARATOR = /;\s+/g;
const PARTNERS_ONLY = /^(?:(?:theo|can cu)\s[^;]{0,60}?\s)?(?:cung\s+)?phoi hop(?:\s+(?:thuc hien|trien khai|thuc hien tot))?[\s.;,]*$/;

/** What a task can be asked to produce, folded: the head of its output. */
const PRODUCTS = "ke hoach|de an|bao cao|chuong trinh|quy hoach|quy che|nghi quyet|quyet dinh|du thao|co che|chinh sach|quy dinh|huong dan|phuong an|du an|van ban|to trinh";
/**
 * The verb that makes a product, then the product: "xây dựng Kế hoạch", "xây dựng và thực hiện có hiệu quả Kế hoạch",
 * and the agency drafting what a body it advises issues: "tham mưu (cho) UBND tỉnh (ban hành) các chương trình, kế hoạch",
 * "trình UBND tỉnh ban hành Quyết định". A list of products keeps together ("các chương trình, kế hoạch cụ thể").
 * The process of issuing ("rút ngắn quy trình ban hành quyết định") produces nothing.
 */
const OUTPUT = new RegExp("(?<!quy trinh |thu tuc |quy )\\b(?:xay dung|ban hanh|lap|trinh|hoan thien|hoan thanh|sua doi, bo sung|bao cao|tham muu)"
  + "(?:(?:,| va) (?:to chuc )?(?:thuc hien|trien khai|ban hanh)(?: co hieu qua)?)?"
  + "(?: cho)?(?: (?:chu tich )?(?:ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan) (?:tinh|huyen|xa|phuong|thanh pho)| tinh uy| ban thuong vu tinh uy)?"
  + "(?: (?:xem xet,? )?(?:ban hanh|phe duyet))?"
  + `\\s+(?:(?:cac|mot|nhung) )?((?:${PRODUCTS})(?![a-z0-9]))`);
/** Where an output ends: a stop, or a comma that does not go on to another product ("chương trình, kế hoạch"). */
const OUTPUT_END = new RegExp(`[;.:]|,\\s(?!(?:cac |mot )?(?:${PRODUCTS})(?![a-z0-9]))`);

/** What the task is to produce, where it names it ("xây dựng Kế hoạch triển khai ..."). */
function outputOf(text: string, folded = foldKeepingOffsets(text)): string | null {
  const m = OUTPUT.exec(folded);
  if (!m) return null;
  const from = m.index + m[0].length - m[1].length;
  const end = OUTPUT_END.exec(folded.slice(from));
  return text.slice(from, end ? from + end.index : undefined).slice(0, 120).trim() || null;
}

/**
 * The number of words in `s` (runs of non-space characters with a letter), counted up to `limit` only: a paragraph's
 * length matters only when it is short. Read unit by unit through a table of what each unit is, as a pattern for a word
 * with a letter of any script cost as much as the rest of reading a task.
 */
function countWords(s: string, limit: number): number {
  let n = 0, inWord = false, counted = false;
  for (let i = 0; i < s.length && n < limit; i++) {
    const unit = s.charCodeAt(i);
    const kind = UNIT_KIND[unit] || unitKind(unit);
    if (kind === SPACE) { inWord = false; continue; }
    if (!inWord) { inWord = true; counted = false; }
    // (A letter beyond the first 65,536 is a pair of units.)
    if (!counted && (kind === LETTER || (unit >= 0xd800 && unit <= 0xdbff && ANY_LETTER.test(s.slice(i, i + 2))))) { n++; counted = true; }
  }
  return n;
}
const OTHER = 1, LETTER = 2, SPACE = 3;
/** What each UTF-16 unit is (OTHER, LETTER or SPACE), filled in as units are met; 0 where not yet known. */
const UNIT_KIND = new Uint8Array(0x10000);
const ANY_LETTER = /^\p{L}$/u;
const unitKind = (unit: number) => {
  const c = String.fromCharCode(unit);
  return (UNIT_KIND[unit] = /\s/.test(c) ? SPACE : ANY_LETTER.test(c) ? LETTER : OTHER);
};

/** "Yêu cầu các sở, ban, ngành ... tập trung triển khai thực hiện./.": the closing formula, not a task. */
const isClosingFormula = (foldedAction: string) => {
  // ("... tổ chức thực hiện./." closes; "theo dõi, kiểm tra việc thực hiện", "bố trí kinh phí thực hiện" and "xây dựng kế hoạch
  // thực hiện" are work of their own: a closing says nothing but how to carry the plan out.)
  const words = foldedAction.slice(0, trimmedEnd(foldedAction, " ./;:"));
  if (words.endsWith("thuc hien") && CLOSING_WORDS.test(words)) return true;
  return ADOPTION.test(foldedAction.slice(0, 80)) || (words.endsWith(" nay") && EXECUTES_THIS.test(words));
};
/**
 * "... chịu trách nhiệm thi hành Quyết định này./.", "chịu trách nhiệm tổ chức thực hiện Chỉ thị này": who executes the document, as
 * it closes (the end of the work read, whatever of a list of its executors comes before: "cá nhân có liên quan chịu trách nhiệm ..."). (Not "Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này", nor "Sở Nội vụ có trách nhiệm tổ chức thực hiện
 * Chương trình này": work given to one body.)
 */
const EXECUTES_THIS = /(?:^|\s)(?:(?:(?:chiu|co) trach nhiem\s+)?thi hanh|chiu trach nhiem\s+(?:(?:to chuc|trien khai)\s+){0,2}thuc hien)\s+(?:nghi quyet|quyet dinh|chi thi|ke hoach|chuong trinh|thong tu|nghi dinh|cong dien|van ban|de an)\s+nay$/;
/**
 * Only the words of a closing formula: "tập trung, nghiêm túc triển khai thực hiện", "căn cứ chức năng, nhiệm vụ được giao tổ chức
 * thực hiện", "phối hợp thực hiện", "chịu trách nhiệm tổ chức thực hiện".
 */
const CLOSING_WORDS = /^(?:(?:tap trung|nghiem tuc|khan truong|chu dong|tich cuc|kip thoi|quyet liet|dong bo|(?:co )?hieu qua|to chuc|trien khai|thuc hien|tot|va|theo|can cu|chuc nang|nhiem vu|duoc giao|cua minh|phoi hop|quan tam|(?:chiu|co) trach nhiem)(?:[\s,]+|$))+$/;
/**
 * A resolution's closing clause on its adoption or effect: "Nghị quyết này đã được Hội đồng nhân dân tỉnh ... thông qua ..."; a plan's
 * on what to do if difficulties arise: "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, ... phản ánh về Sở X" (a reporting rule).
 */
const ADOPTION = /^(?:(?:nghi quyet|quyet dinh|chi thi|ke hoach|chuong trinh|quy dinh|quy che) nay (?:da duoc|duoc|co hieu luc)|(?:thong bao|sao gui) (?:de|den)\b.{0,80}\bbiet\b|tren day la (?:ke hoach|chuong trinh|bao cao|noi dung)\b|trong qua trinh (?:to chuc |trien khai )?(?:thuc hien|trien khai)[^.;:]{0,30}?,? neu (?:co |phat sinh |gap )?(?:kho khan|vuong mac)\b)/;
/** A topic an assignment is given about: "Đối với đề xuất điều chỉnh dự án:", "Về giải phóng mặt bằng:". */
const TOPIC = /^(?:đối với|về)\s[^:;.]{1,120}:\s*/iu;
/** "Điều 2. Tổ chức thực hiện", "Điều 3:". */
const ARTICLE = /^Điều\s+(\d+)\s*[.:]/u;
/** What introduces the agency an article is about: "Điều 5. Trách nhiệm của Sở Công Thương", "Nhiệm vụ, quyền hạn của ...". */
const ARTICLE_AGENCY = /^\s*(?:(?:trách nhiệm|nhiệm vụ)(?:,\s*(?:quyền hạn|nhiệm vụ|trách nhiệm))*\s+(?:của|đối với)\s+)?/iu;
/** Longer than any such heading ("MỤC ĐÍCH, YÊU CẦU VÀ QUAN ĐIỂM CHỈ ĐẠO"): a numbered paragraph of work is not folded to be compared. */
const AIMS_LENGTH = 48;
/** The heading of a plan's purposes, requirements or viewpoints, alone or together: "MỤC ĐÍCH, YÊU CẦU", "Yêu cầu", "QUAN ĐIỂM". */
const AIMS = /^(?:muc dich|yeu cau|quan diem(?: chi dao)?)(?:\s*(?:,|va)\s*(?:muc dich|yeu cau|quan diem(?: chi dao)?))*\s*[.:]?$/;

/** A paragraph's text on one line: runs of whitespace made one space (replacing only runs and other spaces than " ", as replacing every space costs). */
const asOneLine = (s: string) => s.replace(/\s\s+|[^\S ]/g, " ").trim();

/** A paragraph: its first line, and the lines that continue its sentence after a page break or footnotes. */
interface Paragraph { first: Line; lines: Line[] }

/** The paragraphs of `lines`, a part of the document's `all` lines (which `continues` indexes). */
function paragraphs(lines: Line[], all: Line[]): Paragraph[] {
  const out: Paragraph[] = [];
  const byLine = new Map<Line, Paragraph>();
  for (const line of lines) {
    if (line.footnote) continue;
    const previous = out[out.length - 1];
    const continued = line.continues !== null ? byLine.get(all[line.continues])
      // A sentence cut by a page break goes on in lower case: "... thực hiện Chương trình hành động" / "số 111-CTr/TU như: ..."
      : line.kind === "text" && /^\p{Ll}/u.test(line.text) && previous && /[\p{L}\d,]$/u.test(previous.lines[previous.lines.length - 1].text) ? previous : undefined;
    if (continued) { continued.lines.push(line); byLine.set(line, continued); continue; }
    const p = { first: line, lines: [line] };
    out.push(p);
    byLine.set(line, p);
  }
  return out;
}

const HEADING_LEVEL: Partial<Record<Line["kind"], (l: Line) => number>> = {
  roman: () => 0,
  number: (l) => l.number!.split(".").length,
  letter: () => 10,
};

/**
 * What the document is: a report reads only its work ahead; a document of the central level (the
 * Government, a ministry) assigns work to ministries, where a province's document can only ask them.
 */
export interface TaskContext {
  kind: "plan" | "report";
  centralIssuer?: boolean;
  /** Filled with the work cell of each task a table's row gives, for the figures it states (read by the indicators stage). */
  tableWork?: TableWork[];
}

/** A task table's row that gives a task: its line, its work cell, its deadline cell's text, its task's section and first lead. */
export interface TableWork { row: Line; work: Cell; deadline: string | null; section: string; lead: string }

export function extractTasks(
  text: string, lines: Line[], context: TaskContext, registry: RegistryAgency[] = [], document = new FoldedText(text),
  /** `bodyLines(lines)`, when the caller has them. */
  content: Line[] = contentLines(lines),
): ExtractedTask[] {
  const documentKind = context.kind, centralIssuer = context.centralIssuer ?? false;
  // A list of agencies never runs on past the end of its line: a header block's "ỦY BAN NHÂN DÂN" is not the next line's subject.
  const folded = document.folded.replace(/\n/g, "|");
  const tasks: ExtractedTask[] = [];
  /** The tasks of a paragraph's later clauses (see clausesOf), put in the document's order at the end. */
  const clauseTasks: ExtractedTask[] = [];
  const stack: Section[] = [];
  const reportParts = new ReportParts(documentKind);
  /** The doers a sentence outside any section announced for the items after it, until a Roman heading or another sentence. */
  let listDoers: Assignment | null = null;
  const bodyLines: Line[] = [];
  const tableLines: Line[] = [];
  for (const line of content) (line.text.includes("|") ? tableLines : bodyLines).push(line);

  const paras = paragraphs(bodyLines, lines);
  const labelled = labelledTasks(text, folded, paras, document, registry);
  for (const [k, { first, lines: parts }] of paras.entries()) {
    // A line of fields ("- Cơ quan chủ trì: ...") belongs to the work before it, read with it.
    if (labelled.fieldLines.has(k)) continue;
    const levelOf = HEADING_LEVEL[first.kind];
    const article = first.kind === "text" ? ARTICLE.exec(first.text) : null;
    // An article's own words start after its number and a "Trách nhiệm của" that introduces its agency.
    const bodyStart = article ? first.start + article[0].length + (ARTICLE_AGENCY.exec(first.text.slice(article[0].length))?.[0].length ?? 0)
      : first.end - first.body.length;
    // An article opens a section of its own ("Điều 2"), whose items are numbered under it ("Điều 2.1"); a title in
    // capitals after the articles (an attached plan's "KẾ HOẠCH") closes the last.
    if (article) stack.splice(0, stack.length, { level: 0, label: `Điều ${article[1]}`, kind: "article", agency: null, context: null });
    else if (stack[0]?.kind === "article" && first.kind === "text" && !/\p{Ll}/u.test(first.text)) stack.length = 0;
    // A report's parts: "Phần thứ hai" / "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026", "B. NHIỆM VỤ ...", or a heading in capitals after
    // the opening ("NHIỆM VỤ THỜI GIAN TỚI"): the work ahead is read under those that name it, the results under the others are not.
    if (first.kind === "text" && reportParts.open(first, documentKind === "report")) stack.length = 0;
    let section = stack[stack.length - 1];
    // Outside any section, a sentence that ends announcing who does the items after it: "Bộ Nội vụ đề nghị các bộ, ngành, địa phương:".
    // (Or an article's sentence before its items: "Điều 2. ..." / "Quốc hội ... đề nghị Chính phủ và các cơ quan liên quan tập trung thực
    // hiện các nhiệm vụ và giải pháp chủ yếu sau đây:" / "2.1. ...".)
    const inArticle = stack.length === 1 && stack[0].kind === "article" && !stack[0].agency;
    if (article) listDoers = null;
    else if (!levelOf && (!stack.length || inArticle) && first.kind === "text") {
      listDoers = first.text.trimEnd().endsWith(":") ? announcedDoers(text, folded, first, registry) : null;
      // (A body's request announces work of others, it states none of its own: "Quốc hội cơ bản tán thành ..., đề nghị Chính phủ ... thực
      // hiện ... sau đây:". A sentence that opens with the request, "Giao Sở Y tế chủ trì thực hiện các nhiệm vụ sau đây:", is the
      // doers' work, read as before, and governs what follows it.)
      if (listDoers && !OPENS_WITH_REQUEST.test(first.body)) continue;
    }
    if (levelOf) {
      const level = levelOf(first);
      while (stack.length && stack[stack.length - 1].level >= level) stack.pop();
      const parent = stack[stack.length - 1];
      if (first.kind === "roman") reportParts.open(first, documentKind === "report");
      // ("2.1." under "Điều 2" is "Điều 2.1", numbered with its article already.)
      const label = parent?.kind === "article" && first.kind !== "roman" && first.number!.startsWith(`${parent.label.slice(5)}.`) ? `Điều ${first.number}`
        : (first.kind === "letter" && parent?.kind === "number") || (first.kind !== "roman" && parent?.kind === "article")
          ? `${parent.label}.${first.number}` : first.number!;
      const doers = (!parent || parent.kind === "article") && first.kind !== "roman" ? listDoers : null;
      if (first.kind === "roman") listDoers = null;
      section = {
        level, label, kind: first.kind, agency: parent?.agency ?? doers, context: parent?.context ?? doers,
        aims: parent?.aims || (first.body.length <= AIMS_LENGTH && AIMS.test(foldPhrase(first.body))), announced: doers !== null,
      };
      stack.push(section);
    }
    // ("2. Yêu cầu" / "Các cơ quan, đơn vị xác định rõ trách nhiệm, chủ động triển khai thực hiện.": what the plan requires of all, not a task.)
    if (!reportParts.ahead || !section || section.aims) continue;
    const fielded = labelled.groups.get(k);
    if (fielded?.lead.length) {
      if (centralIssuer || !fielded.lead.every((a) => a.central)) tasks.push(fieldedTask(text, section.label, fielded));
      // A heading's fields name the agency of the items under it ("1. Tuyên truyền ..." / "- Cơ quan chủ trì: Sở Tư pháp." / "- Tổ chức hội nghị ...").
      if (levelOf) section.agency = section.context = { lead: fielded.lead, coordinating: fielded.coordinating };
      continue;
    }
    // Notes in brackets: "(Chi tiết tại phụ lục kèm theo Kế hoạch này)."
    if (first.body.trimStart().startsWith("(") && /^\(.*\)\.?$/su.test(first.body.trim())) continue;

    // A line in capitals is a title or a header block ("ỦY BAN NHÂN DÂN"), never an assignment.
    if (first.kind === "text" && !/\p{Ll}/u.test(first.text)) continue;
    let read = readAssignment(text, folded, bodyStart, registry);
    // "Đối với công tác giải phóng mặt bằng: Giao UBND xã ... chủ trì ...": the assignment after the topic it is about.
    const topic = read.lead.length ? null : TOPIC.exec(first.body);
    if (topic) { const after = readAssignment(text, folded, bodyStart + topic[0].length, registry); if (after.lead.length) read = after; }
    // "Tăng cường ... (Sở X chủ trì, phối hợp với Y thực hiện).": the assignment after the work, for this paragraph.
    const trailing = read.lead.length || parts.length > 1 ? null : trailingAssignment(text, folded, first, registry);
    let assignment: Assignment | null;
    if (read.lead.length) assignment = { lead: read.lead, coordinating: read.coordinating };
    else if (trailing) assignment = trailing.assignment;
    // "Chủ trì, phối hợp với X: ..." or "Phối hợp với X ...": the section's agency works with X.
    else if ((read.chairs || read.coordinating.length) && section.agency) assignment = { lead: section.agency.lead, coordinating: read.coordinating };
    else assignment = null;
    // Nothing governs the paragraph (see below): it is no task, and its work need not be read.
    // A lettered item under an agency's heading that states work in a sentence ("b) Xây dựng Đề án ..., trình UBND
    // tỉnh tháng 6/2026.") is that agency's task; one that names a topic ("a) Về hạ tầng số") only opens a section,
    // as a numbered heading under an assignment does even as a sentence ("1.1. Chương trình 1: Tập trung phát triển ...").
    // (So is a numbered item under an article about an agency: "Điều 5. Trách nhiệm của Sở Công Thương" / "1. Chủ trì ...".)
    const itemKind = first.kind === "letter" || (first.kind === "number" && (stack[stack.length - 2]?.kind === "article" || section.announced === true));
    const workItem = itemKind && !assignment && section.agency !== null && (/[.;]$/.test(first.body.trim()) || first.body.length >= 120);
    if (!assignment && !workItem && (levelOf || !section.context)) {
      // "1. Về dự án ...: Tiến độ còn chậm. Giao UBND xã ... hoàn thành ...": work assigned inside the paragraph, sentence by sentence.
      if (parts.length === 1) for (const t of assignedWithin(text, folded, document, first, section.label, registry)) if (centralIssuer || !t.lead_agencies.every((a) => a.central)) tasks.push(t);
      continue;
    }

    const lastLine = parts[parts.length - 1];
    const actionStart = assignment ? read.actionStart : bodyStart;
    // "Sở Tài chính bố trí kinh phí; Sở Nội vụ hướng dẫn ...": a clause of another agency is its task, not this one's.
    const clauses = assignment && read.lead.length && parts.length === 1 ? clausesOf(text, folded, assignment, actionStart, first.end, registry) : [];
    // (Each later clause is a task whatever becomes of the first: "Các sở, ban, ngành tổ chức thực hiện; Sở Nội vụ theo dõi ...".)
    for (const c of clauses.slice(1)) {
      const task = clauseTask(text, document, section.label, c);
      if (task && (centralIssuer || !c.lead.every((a) => a.central))) clauseTasks.push(task);
    }
    // The paragraph's lines joined, whitespace made single spaces (replacing only runs and other spaces than " ",
    // as replacing every space costs).
    const actionEnd = trailing ? trailing.cut : clauses.length > 1 ? clauses[0].to : first.end;
    let joined = text.slice(actionStart, actionEnd);
    for (let k = 1; k < parts.length; k++) joined += " " + parts[k].text;
    // (Its words counted as joined: made one line, it has the same words, and it is made one line only when it is a task.)
    const hasWork = countWords(joined, 3) >= 3;

    // A heading's assignment governs its section; a paragraph's, the paragraphs after it, when it assigns
    // work or announces it ("- Chủ trì, phối hợp với ...:"). A bare name ("Kính gửi: - Các sở, ban, ngành;") does neither.
    // ("- Chủ trì, phối hợp với Sở Tài chính tham mưu ..." under a heading naming the agency is one task with its
    // own partners: the section's agency already governs the bullets after it, which do not take those partners.
    // "Chủ trì, phối hợp với các sở, ngành: Tăng cường ..." announces them for the section, with its colon.)
    const announced = /:\s*$/.test(first.text) || text.slice(Math.max(bodyStart, read.actionStart - 3), read.actionStart).includes(":");
    const ownTask = !read.lead.length && !levelOf && hasWork && !announced;
    if (assignment && !ownTask && (levelOf || article || hasWork || /:\s*$/.test(first.text))) {
      section.context = assignment;
      if (levelOf || article) section.agency = assignment;
    }
    const governing = assignment ?? (workItem ? section.agency : levelOf ? null : section.context);
    if (!governing || !hasWork) continue;
    if (!centralIssuer && governing.lead.every((a) => a.central)) continue;
    const action = asOneLine(joined);

    const coordinating = uniqueAgencies([
      ...(clauses.length ? clauses[0].coordinating : governing.coordinating),
      ...parts.flatMap((l, k) => partnersWithin(text, folded, k === 0 ? actionStart : l.start, clauses.length > 1 ? actionEnd : l.end, registry)),
    ]).filter((c) => !governing.lead.some((l) => l.name === c.name));
    // The action's fold, cut from the document's: folding keeps every unit's place, and whitespace is whitespace in both.
    let joinedFold = document.folded.slice(actionStart, actionEnd);
    for (let k = 1; k < parts.length; k++) joinedFold += " " + document.folded.slice(parts[k].start, parts[k].end);
    const foldedAction = asOneLine(joinedFold);
    if (isClosingFormula(foldedAction)) continue;
    // Lines of fields after the work ("- Cơ quan phối hợp: ...", "- Thời gian hoàn thành: ...") state its partners, deadline and output.
    const stated = fielded && !fielded.lead.length ? fielded : null;
    const deadline = stated?.deadline ? { text: stated.deadline, deadline: parseDeadline(stated.deadline) } : deadlineOf(action, foldedAction);
    const partners = stated ? uniqueAgencies([...coordinating, ...stated.coordinating]).filter((c) => !governing.lead.some((l) => l.name === c.name)) : coordinating;
    tasks.push({
      section: section.label,
      lead: governing.lead.map((a) => a.name),
      coordinating: partners.map((a) => a.name),
      summary: action.length > 300 ? `${action.slice(0, 297)}...` : action,
      text: action,
      deadline_text: deadline.text,
      deadline: deadline.deadline,
      output: stated?.output ?? outputOf(action, foldedAction),
      lead_agencies: governing.lead,
      coordinating_agencies: partners,
      start: first.start,
      end: stated?.end ?? (clauses.length > 1 ? actionEnd : lastLine.end),
    });
  }
  // In the document's order: a table of tasks stands where it is written, before the paragraphs after it.
  const fromTables = tableTasks(text, folded, tableLines, registry, centralIssuer, document, documentKind, context.tableWork);
  return fromTables.length || clauseTasks.length ? [...tasks, ...clauseTasks, ...fromTables].sort((a, b) => a.start - b.start) : tasks;
}

/** A work and its fields, read into a task (see task-fields.ts). */
interface FieldedWork {
  work: { text: string; folded: string };
  lead: AgencyMention[];
  coordinating: AgencyMention[];
  deadline: string | null;
  output: string | null;
  start: number;
  end: number;
}

/**
 * The works set out with labelled fields, by the index of the paragraph that states the work: a paragraph followed by
 * lines of fields (or whose own fields come after its work), when a lead field names an agency. The lines of fields
 * are not read again.
 */
function labelledTasks(text: string, folded: string, paras: Paragraph[], document: FoldedText, registry: RegistryAgency[]):
  { groups: Map<number, FieldedWork>; fieldLines: Set<number> } {
  const groups = new Map<number, FieldedWork>();
  const fieldLines = new Set<number>();
  const bodyStartOf = (p: Paragraph) => p.first.end - p.first.body.length;
  const fieldsOf = (p: Paragraph) => p.lines.flatMap((l) => fieldsIn(document.folded.slice(l.start, l.end), l.start));
  /** The paragraph's fields when it opens with one: a line of fields (a bullet, a line or a lettered item, not a numbered heading). */
  const lineOfFields = (p: Paragraph) => {
    if (p.first.kind === "number" || p.first.kind === "roman") return null;
    if (!p.first.text.includes(":") || !FIELD_AT.test(document.folded.slice(bodyStartOf(p), bodyStartOf(p) + 60))) return null;
    const fields = fieldsOf(p);
    return opensWithField(fields, bodyStartOf(p)) ? fields : null;
  };
  const valueOf = (f: Field) => text.slice(f.start, f.end);
  const agencies = (fields: Field[], kind: "lead" | "partners") =>
    uniqueAgencies(fields.filter((f) => f.kind === kind && f.end > f.start).flatMap((f) => agenciesInCell(text, folded, { text: valueOf(f), start: f.start }, registry)));
  const read = (fields: Field[], work: { start: number; end: number }, start: number, end: number): FieldedWork | null => {
    const lead = agencies(fields, "lead");
    const deadline = fields.find((f) => f.kind === "deadline" && f.end > f.start);
    const output = fields.find((f) => f.kind === "output" && f.end > f.start);
    const coordinating = agencies(fields, "partners").filter((c) => !lead.some((l) => l.name === c.name));
    // Without a lead, the fields only add to the work's own assignment ("1. Sở X chủ trì ... " / "- Thời gian: Quý III/2026").
    if (!lead.length && !deadline && !output && !coordinating.length) return null;
    const workField = fields.find((f) => f.kind === "work" && f.end > f.start);
    const from = workField ?? work;
    const workText = asOneLine(text.slice(from.start, from.end));
    if (lead.length && countWords(workText, 3) < 3) return null;
    return {
      work: { text: workText, folded: asOneLine(document.folded.slice(from.start, from.end)) },
      lead, coordinating, deadline: deadline ? valueOf(deadline) : null, output: output ? valueOf(output) : null, start, end,
    };
  };
  /** Each paragraph's `lineOfFields`, read once. */
  const known = new Map<number, Field[] | null>();
  const fieldsAt = (k: number) => { let f = known.get(k); if (f === undefined) known.set(k, (f = lineOfFields(paras[k]))); return f; };
  for (let k = 0; k < paras.length; k++) {
    const p = paras[k];
    if (p.first.kind === "roman") continue;
    // ("Nhiệm vụ 1: Xây dựng ..." or "- Nội dung: ..." states the work as a field of its own.)
    const fields: Field[] = fieldsAt(k)?.filter((f) => f.kind === "work") ?? [];
    let j = k + 1;
    // (A lettered item under a lettered or unnumbered work is the next item, not a field of it.)
    const lettersAreFields = p.first.kind === "number";
    for (let f; j < paras.length && (f = fieldsAt(j)) && (lettersAreFields || paras[j].first.kind !== "letter"); j++) {
      // ("Nhiệm vụ 2: ..." after the fields of "Nhiệm vụ 1: ..." is the next work.)
      if (f.some((x) => x.kind === "work") && fields.some((x) => x.kind === "lead" || x.kind === "work")) break;
      fields.push(...f);
    }
    if (j > k + 1) {
      const last = paras[j - 1].lines[paras[j - 1].lines.length - 1];
      const work = read(fields, { start: bodyStartOf(p), end: p.lines[p.lines.length - 1].end }, p.first.start, last.end);
      if (work) { groups.set(k, work); for (let i = k + 1; i < j; i++) fieldLines.add(i); k = j - 1; continue; }
    }
    // "- Tổ chức tập huấn ... (cơ quan chủ trì: Sở Y tế; thời gian: Quý III/2026)": the work, then its fields.
    if (p.lines.length === 1 && p.first.text.includes(":") && hasLeadLabel(document.folded, p.first)) {
      const own = fieldsOf(p);
      if (own.length && own.some((f) => f.kind === "lead") && !opensWithField(own, bodyStartOf(p))) {
        const workEnd = trimmedEnd(text, " \t(;.,:–-", own[0].label);
        const work = read(own, { start: bodyStartOf(p), end: workEnd }, p.first.start, p.first.end);
        if (work?.lead.length) groups.set(k, work);
      }
    }
  }
  return { groups, fieldLines };
}
/** Whether a line with a colon holds a lead's label (task-fields.ts reads the line when one does): the words before each colon. */
function hasLeadLabel(folded: string, line: Line): boolean {
  for (let colon = folded.indexOf(":", line.start); colon >= 0 && colon < line.end; colon = folded.indexOf(":", colon + 1)) {
    if (LEAD_LABEL_BEFORE.test(folded.slice(Math.max(line.start, colon - 30), colon))) return true;
  }
  return false;
}
const LEAD_LABEL_BEFORE = /(?:chu tri|thuc hien|trach nhiem)[^:]{0,12}$/;
/** A field's label at a line's start (task-fields.ts reads the line when one is). */
const FIELD_AT = /^(?:(?:co quan|don vi|bo phan)\s+)?(?:chu tri|phoi hop|thuc hien|chiu trach nhiem|trach nhiem|dau moi)[^:]{0,20}:|^(?:thoi gian|thoi han|tien do|san pham|ket qua|hinh thuc|noi dung|nhiem vu|kinh phi|nguon)[^:]{0,25}:/;

function fieldedTask(text: string, section: string, w: FieldedWork): ExtractedTask {
  const deadline = w.deadline !== null ? { text: w.deadline, deadline: parseDeadline(w.deadline) } : deadlineOf(w.work.text, w.work.folded);
  return {
    section,
    lead: w.lead.map((a) => a.name),
    coordinating: w.coordinating.map((a) => a.name),
    summary: w.work.text.length > 300 ? `${w.work.text.slice(0, 297)}...` : w.work.text,
    text: w.work.text,
    deadline_text: deadline.text,
    deadline: deadline.deadline,
    output: w.output ?? outputOf(w.work.text, w.work.folded),
    lead_agencies: w.lead,
    coordinating_agencies: w.coordinating,
    start: w.start,
    end: w.end,
  };
}

type Column = "number" | "work" | "lead" | "partners" | "deadline" | "output";
/**
 * The head of a lead's column: "Cơ quan chủ trì", or where a table names no partners apart, "Đơn vị thực hiện", "Cơ quan,
 * đơn vị chịu trách nhiệm", "Đơn vị phụ trách" (not "Đơn vị phối hợp thực hiện", a partners' column).
 */
const LEAD_HEAD = /chu tri|^(?!.*phoi hop)(?:(?:co quan|don vi)(?:,? (?:co quan|don vi))? )?(?:thuc hien|chiu trach nhiem|phu trach)$/;
const CHAIRED = /chu tri/;
/** A row that may be a task table's header: it has words of a lead's column. */
const MAY_HEAD_TASKS = /chu tri|thuc hien|trach nhiem|phu trach/;
const COLUMN_HEADS: Array<[Column, RegExp]> = [
  ["number", NUMBER_HEAD],
  ["lead", LEAD_HEAD],
  ["partners", /phoi hop/],
  ["deadline", /thoi gian|thoi han|tien do/],
  ["output", /san pham|ket qua|hinh thuc/],
  ["work", /noi dung|nhiem vu|cong viec|ten (?:de an|du an|nhiem vu)|giai phap/],
];

/**
 * "Bắt đầu | Hoàn thành" under "Thời gian thực hiện" (the other cells blank, or the header's merged down and repeated):
 * the deadline is the end's column.
 */
const taskSubHeader = (cells: Cell[], phrase: (cell: Cell) => string, columns: Map<Column, number>, header: Cell[]): boolean => {
  const heads = cells.map((c, i) => (c.text && c.text !== header[i]?.text ? phrase(c) : ""));
  if (!heads.some(Boolean) || heads.some((h) => h && !SUB_HEAD.test(h))) return false;
  const end = heads.findIndex((h) => /^(?:hoan thanh|ket thuc|den)$/.test(h));
  if (end >= 0) columns.set("deadline", end);
  return true;
};
const SUB_HEAD = /^(?:bat dau|khoi cong|hoan thanh|ket thuc|tu|den|chu tri|phoi hop)$/;

/** A header row: which column holds what, when it has at least the work and its lead agency. */
const taskHeader: HeaderReader<Column> = (cells, phrase, row) => {
  // A row whose words name no lead agency's column is no header: its cells need not be read one by one.
  if (!MAY_HEAD_TASKS.test(phrase(row))) return null;
  const columns = headerColumns(cells, COLUMN_HEADS, phrase);
  return columns && columns.has("work") && columns.has("lead") ? columns : null;
};

/**
 * The agencies a lead or partners cell names, each of its parts parted by ";" read apart: a part naming no body the
 * lexicon or the registry knows is still an agency, by its column, when it is a name ("Công an tỉnh; Viễn thông tỉnh").
 */
function agenciesInCell(text: string, folded: string, cell: Cell, registry: RegistryAgency[]): AgencyMention[] {
  // A cell a page break cut is joined from two places ("Sở Khoa học và Công nghệ;" + "Công an tỉnh"): its parts have no
  // single place in the text, and it is read as one list from where it starts.
  if (text.slice(cell.start, cell.start + cell.text.length) !== cell.text) return readAgencyList(text, folded, cell.start, registry).agencies;
  const out: AgencyMention[] = [];
  let at = 0;
  for (const part of cell.text.split(";")) {
    const name = part.trim(), start = cell.start + at + part.indexOf(name);
    at += part.length + 1;
    if (!name) continue;
    // (Each part read alone, ended as the cell ends, its offsets moved to the text's: a list of thousands is read once, not
    // once per part.)
    const known = readAgencyList(`${name} |`, `${folded.slice(start, start + name.length)} |`, 0, registry).agencies
      .filter((a) => a.end <= name.length).map((a) => ({ ...a, start: a.start + start, end: a.end + start }));
    // The cell names its agency whole: "UBND các xã có điểm du lịch cộng đồng", when what is left of the part names no one else.
    const last = known[known.length - 1];
    const rest = last ? text.slice(last.end, start + name.length) : "";
    if (last && rest && (OWNED_BY.test(rest) || (last.collective && QUALIFIES.test(rest)))) {
      known[known.length - 1] = { ...last, text: text.slice(last.start, start + name.length), name: `${last.name}${text.slice(last.end, start + name.length)}`, end: start + name.length };
    }
    if (known.length) out.push(...known);
    else if (/^\p{Lu}/u.test(name) && name.split(/\s+/).length <= 8 && !NOT_A_NAME.test(name)) out.push({ text: name, name, start, end: start + name.length, collective: false, central: false });
  }
  return uniqueAgencies(out);
}
/**
 * What goes on naming the agency before it in a cell: what it belongs to ("thuộc Sở Y tế", "trực thuộc tỉnh"), or which of a
 * collective ("UBND các xã có điểm du lịch", "các doanh nghiệp tham gia"), not what it is to do ("có trách nhiệm báo cáo").
 */
/**
 * The lead and partners a lead's cell names. Labelled ("Chủ trì: Sở Tài chính; Phối hợp: Sở Tư pháp, Sở Khoa học và Công nghệ",
 * "Cơ quan chủ trì: ...", each label's agencies up to the next label); or marked in brackets after their names ("Sở Tài chính (chủ trì),
 * Sở Tư pháp": those marked lead and the others are partners; "Sở Tư pháp (phối hợp)": those marked are partners). Else the cell's
 * agencies lead.
 */
function rolesInCell(text: string, folded: string, cell: Cell, registry: RegistryAgency[]): { lead: AgencyMention[]; partners: AgencyMention[] } {
  const whole = () => ({ lead: agenciesInCell(text, folded, cell, registry), partners: [] });
  // (Read by offsets: not a cell a page break cut and joined, which stands nowhere whole.)
  if (!/chủ trì|phối hợp/iu.test(cell.text) || text.slice(cell.start, cell.start + cell.text.length) !== cell.text) return whole();
  const labels = allMatches(ROLE_LABEL, folded.slice(cell.start, cell.start + cell.text.length));
  if (labels.length) {
    const part = (from: number, to: number): AgencyMention[] => {
      const raw = cell.text.slice(from, to), trimmed = raw.replace(/[\s;,.\-–+]+$/u, "").trim();
      return trimmed ? agenciesInCell(text, folded, { text: trimmed, start: cell.start + from + raw.indexOf(trimmed) }, registry) : [];
    };
    const lead: AgencyMention[] = [], partners: AgencyMention[] = [];
    // Agencies before the first label lead, where the first label is the partners' ("Sở Tài chính; phối hợp: Sở Tư pháp").
    if (labels[0][1] === "phoi hop") lead.push(...part(0, labels[0].index));
    labels.forEach((m, k) => (m[1] === "chu tri" ? lead : partners).push(...part(m.index + m[0].length, labels[k + 1]?.index ?? cell.text.length)));
    return lead.length ? { lead: uniqueAgencies(lead), partners: uniqueAgencies(partners) } : whole();
  }
  const brackets = allMatches(BRACKETED_ROLE, cell.text);
  if (!brackets.length) return whole();
  // The cell read with its brackets blanked (the list goes on past them), its agencies moved back to the text's offsets.
  const blanked = cell.text.replace(BRACKETED_ROLE, (m) => " ".repeat(m.length));
  const named = agenciesInCell(blanked, foldKeepingOffsets(blanked), { text: blanked, start: 0 }, registry)
    .map((a) => ({ ...a, start: a.start + cell.start, end: a.end + cell.start }));
  /** The role in the brackets right after an agency's name (past the spaces after it), found by where the brackets open. */
  const roleAt = new Map(brackets.map((b) => [cell.start + b.index, b[1].toLowerCase()]));
  const roleOf = (a: AgencyMention) => {
    let at = a.end;
    while (at < cell.start + cell.text.length && /\s/u.test(text[at])) at++;
    return roleAt.get(at) ?? null;
  };
  const roles = named.map(roleOf);
  const marked = (role: string) => named.filter((_, k) => roles[k] === role);
  const unmarked = (role: string) => named.filter((_, k) => roles[k] !== role);
  if (roles.includes("chủ trì")) return { lead: marked("chủ trì"), partners: unmarked("chủ trì") };
  const partners = marked("phối hợp");
  return partners.length && partners.length < named.length ? { lead: unmarked("phối hợp"), partners } : { lead: named, partners: [] };
}
/** A role's label in a lead's cell (folded): "Chủ trì:", "Cơ quan phối hợp:", "- Đơn vị chủ trì:". */
const ROLE_LABEL = /(?<![a-z0-9])(?:(?:co quan|don vi)\s+)?(chu tri|phoi hop)\s*:\s*/g;
/** A role in brackets after an agency's name: "Sở Tài chính (chủ trì)". */
const BRACKETED_ROLE = /\(\s*(chủ trì|phối hợp)\s*\)/giu;
const OWNED_BY = /^\s+(?:trực\s+)?thuộc\s[^()]{1,60}$/u;
const QUALIFIES = /^\s+(?:có(?!\s+trách nhiệm)|tham gia)\s[^()]{1,60}$/u;
/** What a lead or partners cell says that names no one: "Theo chức năng, nhiệm vụ", "Như trên", "Các đơn vị liên quan" is read above. */
const NOT_A_NAME = /^(?:theo|như|căn cứ|tùy|tuỳ|tất cả|toàn bộ|đã|được|có|không|chưa|thường|hằng|hàng|định kỳ|trước|sau|trong|từ|đến|x)(?![\p{L}])/iu;

/**
 * Tasks set out as a table (an appendix "Danh mục nhiệm vụ": STT | Nội dung | Cơ quan chủ trì |
 * Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm): one task per row that names a lead agency (a
 * lead merged down a group's rows leads each). A row without a number takes its group's ("I") and its place.
 */
function tableTasks(
  text: string, folded: string, lines: Line[], registry: RegistryAgency[], centralIssuer: boolean, document: FoldedText, documentKind: "plan" | "report",
  tableWork?: TableWork[],
): ExtractedTask[] {
  const tasks: ExtractedTask[] = [];
  for (const table of tablesOf(text, lines, taskHeader, ["lead", "partners"], document, taskSubHeader)) {
    // A report's table of what was done names who did it ("Đơn vị thực hiện | Kết quả"): its rows are tasks only when the lead's
    // column says "chủ trì" (the tasks it was given) or the table has deadlines.
    if (documentKind === "report" && !table.columns.has("deadline") && !CHAIRED.test(foldPhrase(table.header[table.columns.get("lead")!].text))) continue;
    for (const { line, cells, group } of table.rows) {
      const cell = (c: Column) => (table.columns.has(c) ? cells[table.columns.get(c)!] : undefined);
      const work = cell("work"), leadCell = cell("lead");
      if (!work?.text || !leadCell?.text) continue;
      // One column may name both roles: "Chủ trì: Sở Tài chính; Phối hợp: Sở Tư pháp", "Sở Tài chính (chủ trì), Sở Tư pháp".
      const roles = rolesInCell(text, folded, leadCell, registry);
      const lead = roles.lead;
      if (!lead.length || (!centralIssuer && lead.every((a) => a.central))) continue;
      const partnersCell = cell("partners");
      // (A body is not its own partner: a partners cell carried down from the row above may name this row's lead.)
      const coordinating = uniqueAgencies([...roles.partners, ...(partnersCell?.text ? agenciesInCell(text, folded, partnersCell, registry) : [])])
        .filter((p) => !lead.some((l) => l.name === p.name));
      const deadlineText = cell("deadline")?.text || null;
      const number = cell("number")?.text;
      const section = number ? (group && !number.startsWith(`${group}.`) ? `${group}.${number}` : number) : group ?? String(tasks.length + 1);
      // (Not a work cell a page break cut and joined: its text no longer stands at its offset.)
      if (text.startsWith(work.text, work.start)) tableWork?.push({ row: line, work, deadline: deadlineText, section, lead: lead[0].name });
      tasks.push({
        section,
        lead: lead.map((a) => a.name),
        coordinating: coordinating.map((a) => a.name),
        summary: work.text,
        text: work.text,
        deadline_text: deadlineText,
        deadline: deadlineText ? parseDeadline(deadlineText) : null,
        output: cell("output")?.text || outputOf(work.text),
        lead_agencies: lead,
        coordinating_agencies: coordinating,
        start: line.start,
        end: line.end,
      });
    }
  }
  return tasks;
}
