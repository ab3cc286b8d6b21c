/**
 * Key projects: the projects a plan carries and the figures of their progress a report gives.
 *
 * A project's figures ("Đã bàn giao cho doanh nghiệp dự án được 366,55/640,28 ha đạt 57,24%" gives
 * 366,55 of 640,28 ha and 57,24%) are found in its scope, which the text opens in one of these ways:
 *  - a numbered item that names a project: "(1) Dự án Tuyến cao tốc ...: ..." up to "(2)", or a numbered
 *    or bulleted line "1. Dự án đường cao tốc ...: đã bàn giao ...";
 *  - a paragraph whose first sentence names one ("... có 01 dự án quan trọng quốc gia (Dự án
 *    tuyến cao tốc ...)"), with the paragraphs after it in its section that go on about the
 *    project ("Dự án đã hoàn thành ...", "... bàn giao cho doanh nghiệp dự án ...");
 *  - a sentence that names one further into a paragraph ("Tiếp tục triển khai Đề án xây dựng
 *    đường kiểm tra cột mốc ..., lũy kế đã xây dựng được 284 đường");
 *  - a sentence reporting the progress of an investment as a ratio ("109/195 trụ sở ... được đầu tư");
 *  - an item of a list of investments that names a project ("... như: dự án A kết nối với dự án B; dự án
 *    C; ..."), up to the next item;
 *  - a row of a table of projects (TT | Tên dự án | Chủ đầu tư | Địa điểm | Tổng mức đầu tư (tỷ đồng) |
 *    Thời gian thực hiện | Ghi chú), read with the header roles of tables.ts.
 * A footnote belongs to the scope its marker stands in. The figures of a scope are not indicators,
 * except counts of projects ("01 dự án quan trọng quốc gia").
 *
 * A project is returned when it has figures, or when it is named as a project: "dự án X" with X a proper
 * name (or "Dự án x" with the word capitalised), not where the words before it make it a kind or a part
 * of projects, a reference or an agency ("các dự án Khu đô thị", "thuộc dự án X", "Ban Quản lý dự án
 * ..."), nor a bill or a form of investment ("dự án Luật ...", "dự án PPP"); an item of a list "các dự
 * án: A; B; C" up to the first item that names no project; a numbered or bulleted line "Dự án X"; a row
 * of a table of projects. Its
 * name is as written, without the word "Dự án"/"dự án" before it and with its first letter capitalised
 * ("dự án Tuyến cao tốc ..." and "Dự án tuyến cao tốc ..." are both "Tuyến cao tốc ..."); "Đề án X"
 * and the other heads ("Đầu tư ...", "Công trình ...") are kept as written.
 *
 * Each figure gets its measure (what it measures: land handed over, km, total investment, capital
 * planned or allocated for a year, disbursed, physical progress; null for anything else and for a
 * share derived from a figure just given, "366,55/640,28 ha đạt 57,24%"), the capital year its clause
 * names ("vốn bố trí ... trong năm 2024"), and the date it stands at: the nearest "đến ..." before it in
 * its scope or in the lead-in of its paragraph ("Trong đó tính đến ngày 15/8/2024: (1) ... (2) ...";
 * "Kết quả đạt được đến tháng 10/2024:" is the month's last day), "đến nay" and nothing being the
 * document's own date (or, for "đến nay" in an undated document, the date stated before it).
 * Each project gets the facts its texts state: its investor or lead agency, its location, its total
 * investment (tỷ đồng), its years, its total length and area.
 */
import type { ProjectMeasure } from "../plans/schema.js";
import { firstAtOrAfter } from "../text/sorted.js";
import { foldPhrase, type FoldedText } from "../text/fold.js";
import { daysInMonth, isValidCalendarDate, toIsoDate } from "../text/dates.js";
import { allMatches } from "../text/matches.js";
import { parseVietnameseNumber } from "../text/numbers.js";
import { findQuantities, type QuantityFinder, type QuantityMention } from "./quantities.js";
import { isHeading, markersIn, sentencesOf, type Line } from "./segment.js";
import { NUMBER_HEAD, tablesOf, type Cell, type HeaderReader } from "./tables.js";

export interface ProjectMetric { text: string; value: number | null; of: number | null; unit: string | null; start: number; end: number; measure: ProjectMeasure | null; asOf: string | null; year: number | null }
export interface ExtractedProject { name: string; metrics: ProjectMetric[]; start: number; end: number; lead: string | null; location: string | null; investment: number | null; startYear: number | null; completionYear: number | null; lengthKm: number | null; areaHa: number | null }

type ProjectColumn = "number" | "group" | "name" | "lead" | "location" | "investment" | "planned" | "allocated" | "disbursed" | "clearance" | "progress" | "period" | "scale" | "note";
/** A row of a table of projects: its cells, and the header's column of each role. */
export interface ProjectRow { cells: Cell[]; columns: Map<ProjectColumn, number>; header: Cell[] }

export interface ProjectScope {
  name: string;
  start: number;
  end: number;
  /** Named as a project (an item of a list of investments, a numbered line "Dự án X", a table's row): kept without figures. */
  listed?: boolean;
  /** Only names the project (another scope reads the figures around it). */
  nameOnly?: boolean;
  /** A table's row: its figures and facts are read from its cells. */
  row?: ProjectRow;
  /** The paragraph (line) the scope stands in: a date its lead-in states dates the scope's figures. */
  line?: { start: number; end: number };
  /** The year the words around a project's mention give it: "hoàn thành dự án X trong năm 2026", "khởi công dự án X năm 2025". */
  years?: { start?: number; completion?: number };
}

/** More projects than any real document names: beyond it a document is refused (extract.ts). */
export const MAX_PROJECT_SCOPES = 3_000;

/** "Dự án X" or "Đề án X" as a name: not "Dự án đã hoàn thành", which refers back to one. */
const NAMED = /(Dự án|Đề án)\s+(?!(?:đã|có|được|là|này|đang|sẽ|trên|với|do|nêu|trọng điểm)\s)([^.;:()]{6,160}?)(?=\s*[):;,.]|\s+(?:có|đã|với|được|dài|đi qua|gồm|lũy kế)\s|$)/u;
const ENUMERATED = /\((\d{1,2})\)\s*/g;
const PROJECT_ITEM = /^(?:Dự án|Đề án|Đầu tư|Công trình|Tuyến|Xây dựng|Nâng cấp|Cải tạo)\s/u;
const INVESTING = /dau tu|ban giao|giai phong mat bang|thi cong|giai ngan|xay dung/;

/** Whether NAMED can match in `text`: most sentences name no project, and are not searched with it. */
const mayName = (text: string) => text.includes("ự án") || text.includes("ề án");
const named = (text: string) => (mayName(text) ? NAMED.exec(text) : null);
/** The name NAMED found, up to what says something of it ("Dự án Khu tái định cư X do Ban ... làm chủ đầu tư"). */
const namedProject = (m: RegExpExecArray) => projectName(`${m[1]} ${nameIn(m[2], true)?.name ?? m[2]}`);

/** A project's name as shown: without a leading "Dự án", its first letter capitalised. */
export function projectName(written: string): string {
  const name = written.trim().replace(/^dự án\s+/iu, "");
  return name ? name[0].toLocaleUpperCase("vi") + name.slice(1) : written.trim();
}
const keyOf = (name: string) => foldPhrase(name);

const sentenceSpans = (line: Line) =>
  sentencesOf(line).map((s) => ({ text: s.text, start: line.start + s.start, end: line.start + s.start + s.text.length }));

const lineSpan = (line: Line) => ({ start: line.start, end: line.end });

// ---------------------------------------------------------------------------------------------
// Names

/** Words after a comma that end a name: what follows says something of the project ("..., phấn đấu hoàn thành năm 2025"). */
const COMMA_STOPS = "phấn đấu|hoàn thành|đảm bảo|bảo đảm|đưa vào|khởi công|trong đó|với|có|dài|tổng|quy mô|đạt|đã|đang|sẽ|tiến độ|thời gian|địa điểm|do|chủ đầu tư|thực hiện|triển khai|được|từ|nhằm|góp phần|tạo|các|những|điểm đầu|điểm cuối|hiện|dự kiến|giai đoạn|gồm|bao gồm|ước|lũy kế|tương ứng|kinh phí|vốn|diện tích|chiều dài|cụ thể|theo|sớm|khẩn trương|đẩy nhanh|tập trung|dự án|công trình";
/** Words after a space that end a name: a verb or a measure of the project ("Dự án cao tốc ... dài 100 km"). */
const SPACE_STOPS = "có|đã|đang|sẽ|được|dài|đi qua|gồm|lũy kế|do|nhằm|để|là|với tổng|với quy mô|với chiều dài|với diện tích|thuộc|hoàn thành|tổng mức|tổng vốn|quy mô|phấn đấu|đảm bảo|bảo đảm|theo tiến độ|chưa|không|còn|(?:trong|trước|vào|từ|đến|sau|cuối|đầu) (?:ngày|tháng|quý|năm)|năm (?:19|20)\\d\\d";
const NAME_END = new RegExp(`[;:\\n|]|\\.{2,}|…|\\.(?=\\s|$)|,\\s*(?=(?:${COMMA_STOPS})(?![\\p{L}\\d]))|\\s+(?=(?:${SPACE_STOPS})(?![\\p{L}\\d]))`, "iu");
/** Joining words left at a name's end when the next project's mention cut it ("A kết nối với | dự án B"). */
const TRAILING = /(?:\s+(?:và|hoặc|cùng|kết nối với|nối với|với|đến)|[\s,.…\-–])+$/u;
/** What "dự án" heads that is not an investment project: a bill ("dự án Luật ..."), a form of investment ("dự án PPP"). */
const NOT_A_NAME = /^(?:(?:dự án|đã|có|được|là|này|đó|đang|sẽ|trên|dưới|với|do|nêu|của|thuộc|trong|ngoài|gồm|còn|chưa|không|vẫn|phải|cần|chậm|khác|mới|nhóm|thành phần|trọng điểm|quan trọng|cấp|sử dụng|hoàn thành|triển khai|tiếp|chuyển tiếp|khởi công|đầu tư mới|dự kiến|vốn|đầu tư công|đầu tư theo|PPP|BOT|BT|BOO|ODA|FDI|Luật|Bộ luật|Pháp lệnh|Nghị quyết|Nghị định|Thông tư|Quyết định|Văn kiện)(?![\p{L}\d])|[\d(])/iu;
const NAME_MAX = 200;

/**
 * The name at the start of `raw` (the text after "dự án"), as written, and its length in `raw`; null
 * when `raw` opens with no name. `cut`: `raw` ends where the next project's mention or the line begins,
 * so that a name running to its end is whole.
 */
function nameIn(raw: string, cut: boolean): { name: string; trailsOff: boolean } | null {
  if (NOT_A_NAME.test(raw)) return null;
  const stop = NAME_END.exec(raw);
  let end = stop ? stop.index : raw.length;
  if (!stop && !cut) return null; // ran on for NAME_MAX characters: not a name
  let trailsOff = !!stop && (stop[0] === "…" || stop[0].startsWith(".."));
  // A bracket closed that the name did not open ends it: "(Dự án tuyến cao tốc ...) có sức lan tỏa".
  let depth = 0;
  for (let i = 0; i < end; i++) {
    const c = raw.charCodeAt(i);
    if (c === 40) depth++;
    else if (c === 41 && --depth < 0) { end = i; trailsOff = true; break; }
  }
  const name = raw.slice(0, end).replace(TRAILING, "").trim();
  return name.length >= 3 && /\p{L}{2}/u.test(name) ? { name, trailsOff } : null;
}

// ---------------------------------------------------------------------------------------------
// Scopes

/** Numbered items that name a project, each up to the next item. */
function enumeratedScopes(line: Line): ProjectScope[] {
  if (!line.text.includes("(")) return [];
  const items = allMatches(ENUMERATED, line.text);
  return items.flatMap((m, k) => {
    const from = m.index! + m[0].length;
    const to = k + 1 < items.length ? items[k + 1].index! : line.text.length;
    const item = line.text.slice(from, to);
    if (!PROJECT_ITEM.test(item)) return [];
    const head = PROJECT_ITEM.exec(item)![0];
    const written = nameIn(item.slice(head.length, head.length + NAME_MAX), true)?.name;
    const name = written ? `${head.trim()} ${written}` : item.split(/:|,\s| dài /u)[0].trim();
    return [{ name: projectName(name), start: line.start + from, end: line.start + to, listed: /^Dự án\s/u.test(item), line: lineSpan(line) }];
  });
}

/** A numbered or bulleted line that names a project before a colon: "1. Dự án đường cao tốc ...: đã bàn giao 412,6/425,0 ha ...". */
function listedProject(line: Line): ProjectScope | null {
  if (line.kind === "text" || !PROJECT_ITEM.test(line.body)) return null;
  const colon = line.body.indexOf(":");
  if (colon < 6 || colon > 200) return null;
  const name = line.body.slice(0, colon).trim();
  return { name: projectName(name), start: line.end - line.body.length + colon + 1, end: line.end, listed: /^Dự án\s/u.test(name), line: lineSpan(line) };
}

const AFTER_MENTION = /^\s+(?=\S)/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const UPPER = /\p{Lu}/u;
/**
 * The mentions of a project in `text`, where each starts and where its name does: "dự án" before a proper
 * name ("dự án Tuyến cao tốc ..."), or "Dự án" before any name ("Dự án tuyến cao tốc ..."). Found from each
 * "ự án", not by a pattern tried at every position.
 */
function mentionsIn(text: string): Array<{ at: number; nameStart: number }> {
  const out: Array<{ at: number; nameStart: number }> = [];
  for (let k = text.indexOf("ự án"); k >= 0; k = text.indexOf("ự án", k + 4)) {
    const head = text[k - 1];
    if ((head !== "D" && head !== "d") || (k >= 2 && WORD_CHAR.test(text[k - 2]))) continue;
    const space = AFTER_MENTION.exec(text.slice(k + 4, k + 14));
    if (!space) continue;
    const nameStart = k + 4 + space[0].length;
    if (head === "d" && !UPPER.test(text[nameStart] ?? "")) continue;
    out.push({ at: k - 1, nameStart });
  }
  return out;
}
/**
 * What stands before a "dự án X" that does not name a project the text carries (folded): a kind of
 * project ("các dự án Khu đô thị"), a part of one or a reference to it ("tiểu dự án", "thuộc dự án X",
 * "hồ sơ dự án"), an agency or a party ("Ban Quản lý dự án ...", "doanh nghiệp dự án").
 */
const NOT_NAMING_BEFORE = /(?:^|\s)(?:cac|nhung|mot so|nhieu|moi|tung|tieu|quan ly|qlda|doanh nghiep|nha dau tu|chu dau tu|thuoc|cua|cho|ve|loai|nhom|ho so|thanh phan)$/;

/**
 * Where a list of projects starts: after a colon ("các dự án: A; B; C", "các công trình, dự án trọng điểm sau:
 * A; B"), or after "các dự án" when a ";" follows its first name ("các dự án Quần thể ...; Khu di tích ...; ...").
 * Found from each "dự án" whose words before say "các", "những", "một số" or a number.
 */
const LIST_BEFORE = /(?:^|[^\p{L}])(?:[Cc]ác|[Nn]hững|[Mm]ột số|\d{1,3})\s+(?:công trình,?\s+)?$/u;
const LIST_COLON = /^(?:,?\s+công trình)?[^:;.]{0,120}?:\s*/u;
const LIST_NAME = /^\s+(?=\p{Lu}[^;.]{2,150};)/u;
function listStarts(text: string): number[] {
  const out: number[] = [];
  for (let k = text.indexOf("dự án"); k >= 0; k = text.indexOf("dự án", k + 5)) {
    if (!LIST_BEFORE.test(text.slice(Math.max(0, k - 24), k))) continue;
    const after = text.slice(k + 5, k + 160);
    const open = LIST_COLON.exec(after) ?? LIST_NAME.exec(after);
    if (open) out.push(k + 5 + open[0].length);
  }
  return out;
}
/** The words a list's item in lower case may open with: a project's kind or its work ("nâng cấp đoạn Km18 - Km80"). */
const ITEM_HEAD = /^(?:nâng cấp|cải tạo|xây dựng|đầu tư|mở rộng|sửa chữa|đường|cầu|tuyến|khu|hồ|kè|trường|bệnh viện|nhà|trung tâm|công viên|cảng|nhà máy|hệ thống|kênh|đập|trụ sở|chợ|bến|sân|quảng trường|hạ tầng|nút giao|hầm|cấp nước|thoát nước|xử lý)(?![\p{L}])/u;
/** An item that says what to do rather than names a project: the list is over. */
const ITEM_CLAUSE = /^(?:tập trung|triển khai|đẩy nhanh|đẩy mạnh|hoàn thành|thực hiện|phấn đấu|tiếp tục|chỉ đạo|đề nghị|giao|đã|đang|sẽ|địa phận|trong đó|khoảng|đạt|các|những)(?![\p{L}])/iu;
const LIST_ITEMS_MAX = 200;

/** A project a line names: its mention, its name, and the end of its list item, in the line's text. */
interface NamedItem { at: number; name: string; nameEnd: number; itemEnd: number; years?: ProjectScope["years"] }
const ITEMS = new WeakMap<Line, NamedItem[]>();
/** Whether a line may open a list of projects (the others are not searched for one). */
const mayOpenList = (text: string) =>
  (text.includes(":") || text.includes(";")) && (text.includes("ác dự án") || text.includes("ác công trình") || text.includes("hững dự án") || text.includes("ột số dự án") || /\d dự án/u.test(text));

/**
 * The projects a line names in a list of investments: each from its mention to the end of its item
 * (the next item, ";" or the sentence's end). Found once per line (the scopes and the paragraphs
 * that go on about a project read them), at most MAX_PROJECT_SCOPES + 1.
 */
const NO_ITEMS: NamedItem[] = [];
/** The sentence of `sentences` (in order, by their start; the first at 0) that holds `at`: its start and end in the line. */
function sentenceAt(sentences: readonly { text: string; start: number }[], at: number): { start: number; end: number } {
  const s = sentences[Math.max(0, firstAtOrAfter(sentences, (x) => x.start, at + 1) - 1)];
  return { start: s.start, end: s.start + s.text.length };
}

/** Whether one of `mentions` (in order) stands from `from` to before `to`. */
function mentionBetween(mentions: number[], from: number, to: number): boolean {
  const k = firstAtOrAfter(mentions, (m) => m, from);
  return k < mentions.length && mentions[k] < to;
}

/** A named item of the line `text`, with the year of its start or completion when a verb before its name and a time after it say so. */
function namedItem(text: string, at: number, name: string, nameEnd: number, itemEnd: number, before = ""): NamedItem {
  const item: NamedItem = { at, name: projectName(name), nameEnd, itemEnd };
  // "thông xe kỹ thuật dự án X trong Quý IV/2025", "khởi công dự án X năm 2025": the verb before the name, the time after it.
  const verb = before && COMPLETING_BEFORE.test(before) ? "completion" : before && STARTING_BEFORE.test(before) ? "start" : null;
  if (verb && /\d/.test(text.slice(nameEnd, nameEnd + 40))) {
    const year = yearOf(WHEN_AFTER.exec(text.slice(nameEnd, nameEnd + 60)));
    if (year !== null) item.years = { [verb]: year };
  }
  return item;
}

function namedItems(line: Line): NamedItem[] {
  // (Most lines name no project: they are neither searched nor remembered.)
  if (!line.text.includes("ự án")) return NO_ITEMS;
  let items = ITEMS.get(line);
  if (items) return items;
  items = [];
  ITEMS.set(line, items);
  const out = items, limit = MAX_PROJECT_SCOPES + 1;
  const text = line.text;
  const sentences = sentencesOf(line);
  // "dự án X" wherever it names one.
  const mentioned = mentionsIn(text);
  const mentions = mentioned.map((x) => x.at);
  for (let k = 0; k < mentioned.length && out.length < limit; k++) {
    const { at, nameStart } = mentioned[k];
    const nextAt = k + 1 < mentioned.length ? mentioned[k + 1].at : text.length;
    const sentence = sentenceAt(sentences, at);
    const bound = Math.min(nextAt, sentence.end, nameStart + NAME_MAX);
    const found = bound - nameStart >= 3 ? nameIn(text.slice(nameStart, bound), bound < nameStart + NAME_MAX) : null;
    if (!found) continue;
    const before = foldPhrase(text.slice(Math.max(sentence.start, at - 30), at));
    if (NOT_NAMING_BEFORE.test(before)) continue;
    const nameEnd = nameStart + found.name.length;
    // An item trailing off ("dự án Khu liên hợp thể thao tỉnh..., các công trình ...") ends with its name.
    const rest = found.trailsOff ? "" : text.slice(nameEnd, Math.min(nextAt, sentence.end, nameEnd + 400));
    const semicolon = rest.indexOf(";");
    out.push(namedItem(text, at, found.name, nameEnd, semicolon >= 0 ? nameEnd + semicolon : nameEnd + rest.length, before));
  }
  // "các dự án: A; B; C": the items that name a project, up to the first that does not.
  if (mayOpenList(text)) {
    for (const start of listStarts(text)) {
      if (out.length >= limit) break;
      const sentence = sentenceAt(sentences, start);
      let from = start;
      for (let n = 0; n < LIST_ITEMS_MAX && from < sentence.end; n++) {
        const window = text.slice(from, Math.min(sentence.end, from + 400));
        const semicolon = window.indexOf(";");
        const raw = semicolon >= 0 ? window.slice(0, semicolon) : window;
        const item = raw.replace(/^\s*(?:và|hoặc)\s+/u, "");
        const itemStart = from + raw.length - item.length + (item.length - item.trimStart().length);
        const next = from + raw.length + 1;
        const head = item.trimStart();
        // An item naming its project "dự án X" is read above; one with such a name inside is a clause: the list is over.
        if (/^dự án\s/iu.test(head)) { from = next; continue; }
        if (ITEM_CLAUSE.test(head) || /\d/.test(head[0] ?? "") || !(/^\p{Lu}/u.test(head) || ITEM_HEAD.test(head))) break;
        if (mentionBetween(mentions, itemStart, from + raw.length)) break;
        const found = nameIn(head.slice(0, NAME_MAX), true);
        // A name, not kinds of works ("Trung tâm hội chợ, trung tâm thương mại, siêu thị, ..."): a proper noun or a number after its first word, no plural.
        if (!found || (found.name.match(/,/g)?.length ?? 0) >= 3 || /\s(?:các|những)\s/u.test(found.name) || !/\s(?:\p{Lu}|\S*\d)/u.test(found.name)) break;
        out.push(namedItem(text, itemStart, found.name, itemStart + found.name.length, from + raw.length));
        if (semicolon < 0) break;
        from = next;
      }
    }
  }
  return items;
}

/** The projects a line names (`namedItems`) as scopes: by name only where another scope already reads the text around them (`covered`). */
function mentionedProjects(line: Line, covered: (start: number, end: number) => boolean, limit: number): ProjectScope[] {
  const out: ProjectScope[] = [];
  for (const item of namedItems(line)) {
    if (out.length >= limit) break;
    const start = line.start + item.at;
    const nameOnly = covered(start, line.start + item.itemEnd);
    const scope: ProjectScope = { name: item.name, start, end: line.start + (nameOnly ? item.nameEnd : item.itemEnd), listed: true, nameOnly, line: lineSpan(line) };
    if (item.years) scope.years = item.years;
    out.push(scope);
  }
  return out;
}

/** Whether a line names a project other than `name` ("Tiếp tục thi công dự án Đường X" after a paragraph on project Y). */
const namesAnother = (line: Line, name: string) => namedItems(line).some((s) => keyOf(s.name) !== keyOf(name));

/** Whether a span overlaps one of `scopes`: sorted once, each question answered by a binary search. */
function overlapTest(scopes: ProjectScope[]): (start: number, end: number) => boolean {
  const sorted = [...scopes].sort((a, b) => a.start - b.start);
  const maxEnd: number[] = [];
  for (const [i, s] of sorted.entries()) maxEnd.push(Math.max(s.end, i ? maxEnd[i - 1] : -1));
  return (start, end) => {
    let lo = 0, hi = sorted.length - 1, last = -1;
    while (lo <= hi) { const mid = (lo + hi) >> 1; if (sorted[mid].start < end) { last = mid; lo = mid + 1; } else hi = mid - 1; }
    return last >= 0 && maxEnd[last] > start;
  };
}

// ---------------------------------------------------------------------------------------------
// Tables of projects

/** Each role's header (folded); a cell takes the first role that matches it, in this order. */
const PROJECT_HEADS: Array<[ProjectColumn, RegExp]> = [
  ["number", NUMBER_HEAD],
  ["group", /^nhom/],
  ["investment", /tong muc dau tu|\btmdt\b|tong von dau tu|von dau tu du an/],
  ["disbursed", /giai ngan/],
  ["allocated", /bo tri|phan bo/],
  ["planned", /ke hoach von|\bkhv\b|von ke hoach|ke hoach (?:nam )?(?:19|20)\d\d|von (?:duoc )?giao/],
  ["clearance", /mat bang|\bgpmb\b/],
  ["progress", /khoi luong|ty le hoan thanh|%/],
  ["lead", /chu dau tu|chu tri|don vi thuc hien|co quan thuc hien|don vi quan ly/],
  ["location", /^dia diem|dia ban/],
  ["period", /thoi gian|tien do|khoi cong|hoan thanh|thoi han/],
  ["scale", /quy mo|nang luc|chieu dai|dien tich/],
  ["note", /ghi chu/],
  ["name", /^(?:ten |danh muc )?(?:cac )?(?:du an|cong trinh)(?![a-z])/],
];
const FACT_COLUMNS: ProjectColumn[] = ["lead", "location", "investment", "period", "scale", "planned", "allocated", "disbursed"];

/** A row that may be a header of projects (it names "dự án" or "công trình"): the others are passed over before their words are folded. */
const MAY_HEAD = /[ựỰ] [áÁ]n|[ôÔ]ng tr[ìÌ]nh|du an|cong trinh/iu;
/** A header of a table of projects: a column of names ("Tên dự án", "Danh mục công trình") and one of the project's facts. */
const projectHeader: HeaderReader<ProjectColumn> = (cells, phrase, row) => {
  if (!MAY_HEAD.test(row.text)) return null;
  const words = phrase(row);
  if (!words.includes("du an") && !words.includes("cong trinh")) return null;
  const columns = new Map<ProjectColumn, number>();
  for (const [index, cell] of cells.entries()) {
    const head = phrase(cell);
    if (head.length > 80) return null;
    const role = PROJECT_HEADS.find(([c, re]) => !columns.has(c) && re.test(head));
    if (role) columns.set(role[0], index);
  }
  return columns.has("name") && FACT_COLUMNS.some((c) => columns.has(c)) ? columns : null;
};

/** A row that sums the others ("Tổng cộng", "Cộng"), not a project. */
const TOTAL_ROW = /^(?:tổng(?:\s+cộng|\s+số)?|cộng|total)(?![\p{L}])/iu;

/** The rows of the tables of projects in `lines`, each a scope; and the tables' lines (header and group rows included), which are read as nothing else. */
function tableScopes(text: string, lines: Line[], document?: FoldedText): { scopes: ProjectScope[]; rows: Set<Line> } {
  const scopes: ProjectScope[] = [];
  const rows = new Set<Line>();
  if (!text || !text.includes("|")) return { scopes, rows };
  // A table of projects starts with a header naming them: only the runs of rows from a row that may be one are read.
  const candidates: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].text.includes("|") || !MAY_HEAD.test(lines[i].text)) continue;
    for (; i < lines.length && lines[i].text.includes("|"); i++) candidates.push(lines[i]);
  }
  if (!candidates.length) return { scopes, rows };
  const spans: Array<{ start: number; end: number }> = [];
  for (const table of tablesOf(text, candidates, projectHeader, ["lead", "location"], document)) {
    const nameAt = table.columns.get("name")!;
    if (table.rows.length) spans.push({ start: table.header[0]?.start ?? table.rows[0].line.start, end: table.rows[table.rows.length - 1].line.end });
    for (const { line, cells } of table.rows) {
      const name = cells[nameAt]?.text.replace(/\s+/g, " ").trim();
      if (!name || TOTAL_ROW.test(name) || !/\p{L}{2}/u.test(name)) continue;
      scopes.push({ name: projectName(name), start: line.start, end: line.end, listed: true, row: { cells, columns: table.columns, header: table.header }, line: lineSpan(line) });
    }
  }
  if (spans.length) {
    let k = 0;
    for (const line of lines) {
      while (k < spans.length && spans[k].end < line.start) k++;
      if (k === spans.length) break;
      if (line.end >= spans[k].start && line.start <= spans[k].end) rows.add(line);
    }
  }
  return { scopes, rows };
}

// ---------------------------------------------------------------------------------------------

/**
 * The scopes in which figures are project figures, and (`named`) the projects named where no figure is
 * (an item of a list without one, a mention inside another scope): kept apart, so that the stages
 * asking whether a figure stands in a project's scope do not go through them.
 */
export type ProjectScopes = ProjectScope[] & { named?: ProjectScope[] };
/** How many projects `scopes` name: past MAX_PROJECT_SCOPES a document is refused. */
export const projectScopeCount = (scopes: ProjectScopes) => scopes.length + (scopes.named?.length ?? 0);

/**
 * The scopes of the projects in `lines`. `text` (the document, of which `lines` are the lines) is needed to
 * read tables of projects; `document`, its fold, makes reading their headers quicker.
 */
export function findProjectScopes(lines: Line[], quantities: QuantityFinder = findQuantities, text = "", document?: FoldedText): ProjectScopes {
  const { scopes: tableRows, rows } = tableScopes(text, lines, document);
  const scopes: ProjectScope[] = [];
  let current: { name: string; word: string } | null = null;
  const markers: Array<{ marker: string; at: number }> = [];
  /** Markers are read for the footnotes below: a text without footnotes is not scanned for them. */
  const hasFootnotes = lines.some((l) => l.footnote);
  /** A sentence naming a project that a page break cut: the line continuing it continues the scope. */
  let openSentence: { line: number; name: string } | null = null;
  for (const [index, line] of lines.entries()) {
    if (line.footnote) continue;
    if (hasFootnotes) for (const m of markersIn(line)) markers.push({ marker: m[0], at: line.start + m.index! });
    if (rows.has(line)) { current = null; openSentence = null; continue; }
    const enumerated = enumeratedScopes(line);
    if (enumerated.length) { for (const e of enumerated) scopes.push(e); current = null; continue; }
    const item = listedProject(line);
    if (item) { scopes.push(item); current = null; continue; }
    if (isHeading(line)) { current = null; continue; }
    if (openSentence && line.continues === openSentence.line) {
      const end = line.text.search(/\.(\s|$)/);
      scopes.push({ name: openSentence.name, start: line.start, end: end < 0 ? line.end : line.start + end, line: lineSpan(line) });
    }
    openSentence = null;
    const sentences = sentenceSpans(line);
    const opening = named(sentences[0].text);
    if (opening && line.continues === null) {
      current = { name: namedProject(opening), word: foldPhrase(opening[1]) };
      scopes.push({ name: current.name, start: sentences[0].start, end: line.end, line: lineSpan(line) });
      continue;
    }
    // A paragraph goes on about the project when it names it again or reports progress ("Kết quả đến tháng 10/2024: đã bàn giao ..."),
    // and names no other project.
    if (current && (line.continues !== null || foldPhrase(sentences[0].text).includes(current.word) || INVESTING.test(foldPhrase(sentences[0].text)))
      && !namesAnother(line, current.name)) {
      scopes.push({ name: current.name, start: line.start, end: line.end, line: lineSpan(line) });
      continue;
    }
    if (line.continues === null) current = null;
    for (const s of sentences) {
      const naming = named(s.text);
      const ratio = quantities(s.text).find((q) => q.of !== null && q.unit !== "%" && q.unit !== "thứ hạng");
      if (naming) {
        const name = namedProject(naming);
        scopes.push({ name, start: s.start + naming.index, end: s.end, line: lineSpan(line) });
        if (s.end === line.end && !/[.;:]$/.test(s.text)) openSentence = { line: index, name };
      }
      else if (ratio && INVESTING.test(foldPhrase(s.text))) {
        // Named by what progresses: "109/195 trụ sở công an ..." or, for a measure, the words before it ("bàn giao mặt bằng").
        const after = s.text.slice(ratio.start).replace(/^[\d.,/\s]+/, "").split(/[,;(]/)[0].trim();
        const before = s.text.slice(0, ratio.start).split(/[,;:(]/).pop()!.trim();
        scopes.push({ name: after.length > (ratio.unit?.length ?? 0) + 2 ? after : before || after, start: s.start, end: s.end, line: lineSpan(line) });
      }
    }
  }
  // A footnote goes with the scope its marker stands in, unless it lists projects of its own.
  const owners: ProjectScope[] = [];
  for (const line of lines) {
    if (!line.footnote) continue;
    const enumerated = enumeratedScopes(line);
    if (enumerated.length) { for (const e of enumerated) owners.push(e); continue; }
    const marker = /^(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\d{1,3}\])/u.exec(line.text)?.[0];
    const cited = marker && markers.find((m) => m.marker === marker);
    const owner = cited && scopes.find((s) => cited.at >= s.start && cited.at <= s.end);
    if (owner) owners.push({ name: owner.name, start: line.start, end: line.end, line: lineSpan(line) });
  }
  for (const owner of owners) scopes.push(owner);
  // Projects named in lists of investments, the footnotes' included; where another scope reads their text, by name only.
  // (Past MAX_PROJECT_SCOPES the document is refused: no more are looked for.)
  const covered = overlapTest(scopes);
  const figureless: ProjectScope[] = [];
  for (const row of tableRows) if (scopes.length <= MAX_PROJECT_SCOPES) scopes.push(row);
  for (const line of lines) {
    if (rows.has(line)) continue;
    for (const scope of mentionedProjects(line, covered, MAX_PROJECT_SCOPES + 1 - scopes.length - figureless.length)) {
      if (scope.nameOnly || !DIGIT.test(line.text.slice(scope.start - line.start, scope.end - line.start))) figureless.push(scope);
      else scopes.push(scope);
    }
    if (scopes.length + figureless.length > MAX_PROJECT_SCOPES) break;
  }
  return Object.assign(scopes, { named: figureless });
}
const DIGIT = /\d/;

// ---------------------------------------------------------------------------------------------
// Figures: measure, year, date

/**
 * Figures in a project's scope that are indicators all the same: a count of projects ("01 dự án quan
 * trọng quốc gia") and a share of a policy ("tỷ lệ thôn có đường ô tô ... đạt 87%"). `clause` is the
 * figure's clause up to the figure.
 */
export const isIndicatorInProject = (q: QuantityMention, clause: string) =>
  /^(dự án|đề án)/iu.test(q.unit ?? "") || /\bt[yi] le\b/.test(foldPhrase(clause));

type UnitKind = "money" | "ha" | "km" | "percent" | "other";
function unitKind(unit: string | null): UnitKind {
  if (!unit) return "other";
  if (unit === "%") return "percent";
  const first = unit.split(/[\s/]/)[0].toLowerCase();
  if (first === "ha" || first === "m2" || first === "m²") return "ha";
  if (first === "km") return "km";
  if (/đồng|usd/iu.test(unit)) return "money";
  return "other";
}

/** Keywords of each measure (folded); of several in a clause, the one nearest the figure tells. */
const MONEY_KEYS: Array<[ProjectMeasure, RegExp]> = [
  ["investment", /tong muc dau tu|tong von dau tu|\btmdt\b|von dau tu cua du an/g],
  ["disbursed", /giai ngan|thanh toan/g],
  ["capital_allocated", /bo tri|phan bo/g],
  ["capital_planned", /ke hoach von|von ke hoach|\bkhv\b|duoc giao|giao von|ke hoach (?:nam )?(?:19|20)\d\d|ke hoach dau tu cong/g],
];
const CLEARANCE_WORDS = /ban giao|giai phong mat bang|\bgpmb\b|thu hoi|den bu|boi thuong|kiem dem|chi tra|mat bang|tai dinh cu/g;
const LENGTH_WORDS = /ban giao|thi cong|xay dung duoc|da xay dung|hoan thanh|thong xe|giai phong mat bang|\bgpmb\b|mat bang|tham nhua|rai nhua|cung hoa|da dau tu|dua vao khai thac|hoan thien/;
const PERCENT_KEYS: Array<[ProjectMeasure, RegExp]> = [
  ["disbursed", /giai ngan/g],
  ["clearance", /ban giao|giai phong mat bang|\bgpmb\b|mat bang/g],
  ["progress", /khoi luong|san luong|tien do|gia tri|thi cong|xay lap|hoan thanh|thuc hien/g],
];
/** A share of the figure just given: "366,55/640,28 ha đạt 57,24%", "(chiếm 50,15% ...)". */
const DERIVED_GAP = /^[\s,;(*]*(?:đạt|bằng|chiếm|tương ứng|tương đương|=)?\s*(?:khoảng|được)?\s*$/iu;

function nearest(folded: string, keys: Array<[ProjectMeasure, RegExp]>): ProjectMeasure | null {
  let best: ProjectMeasure | null = null, at = -1;
  for (const [measure, re] of keys) {
    re.lastIndex = 0;
    for (let m; (m = re.exec(folded));) if (m.index >= at) { at = m.index; best = measure; }
  }
  return best;
}

/**
 * What a figure measures, from its clause up to it (`clause`, folded) and the words since the figure
 * before it (`gap`); `inherited`, the measure of the amount before it in its sentence (a breakdown,
 * "trong đó: Ngân sách trung ương: 490 tỷ đồng", measures what it breaks down).
 */
function measureOf(q: QuantityMention, clause: string, gap: string | null, inherited: ProjectMeasure | null): ProjectMeasure | null {
  switch (unitKind(q.unit)) {
    case "money": return nearest(clause, MONEY_KEYS) ?? inherited;
    case "ha": CLEARANCE_WORDS.lastIndex = 0; return CLEARANCE_WORDS.test(clause) || q.of !== null ? "clearance" : null;
    case "km": return q.of !== null || LENGTH_WORDS.test(clause) ? "length" : null;
    case "percent":
      if ((gap !== null && DERIVED_GAP.test(gap)) || /\bchiem\b/.test(clause)) return null;
      return nearest(clause, PERCENT_KEYS);
    default: return null;
  }
}

/** The capital year a clause names: "vốn bố trí ... trong năm 2024", "kế hoạch vốn 2025" (not "đến năm 2030", "giai đoạn 2021 - 2025"). */
const CAPITAL_YEAR = /(?<!(?:đến|tới|giai đoạn)\s)(?:năm|kế hoạch(?: vốn)?|KH|vốn)\s+((?:19|20)\d\d)(?!\s*[-–]\s*\d)/giu;
function capitalYear(clause: string): number | null {
  if (!clause.includes("20") && !clause.includes("19")) return null;
  let year: number | null = null;
  for (const m of allMatches(CAPITAL_YEAR, clause)) year = Number(m[1]);
  return year;
}

interface DatePhrase { at: number; end: number; iso: string | null /* null: "đến nay", the document's date */ }
/** "đến ngày 15/8/2024", "tính đến hết tháng 7/2024", "đến hết năm 2023", "đến nay", "hiện nay": tried where DATE_WORD is. */
const DATE_PHRASE = /(?:(?:đến|tới)\s+(?:hết\s+|cuối\s+)?(?:(?:ngày\s+)?(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*((?:19|20)\d\d)|ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d\d)|tháng\s+(\d{1,2})\s*(?:\/|năm)\s*((?:19|20)\d\d)|quý\s+(IV|I{1,3}|[1-4])\s*(?:\/|năm)\s*((?:19|20)\d\d)|(?<=(?:hết|cuối)\s+)năm\s+((?:19|20)\d\d)|(nay|thời điểm (?:hiện tại|hiện nay|báo cáo)))|(hiện nay))(?![\p{L}\d])/iuy;
const DATE_WORD = /[đĐ]ến|[tT]ới|[hH]iện nay/g;
const LETTER = /\p{L}/u;
const QUARTERS: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, "1": 1, "2": 2, "3": 3, "4": 4 };

function datePhrases(text: string, offset: number): DatePhrase[] {
  if (!text.includes("ến") && !text.includes("ới") && !text.includes("nay")) return [];
  const out: DatePhrase[] = [];
  for (const word of allMatches(DATE_WORD, text)) {
    if (word.index > 0 && LETTER.test(text[word.index - 1])) continue;
    DATE_PHRASE.lastIndex = word.index;
    const m = DATE_PHRASE.exec(text);
    if (!m) continue;
    const at = offset + m.index, end = at + m[0].length;
    const day = (d: string, mo: string, y: string) => {
      const date = { year: Number(y), month: Number(mo), day: Number(d) };
      return isValidCalendarDate(date) ? toIsoDate(date) : undefined;
    };
    const monthEnd = (mo: number, y: number) => (mo >= 1 && mo <= 12 ? toIsoDate({ year: y, month: mo, day: daysInMonth(y, mo) }) : undefined);
    let iso: string | null | undefined;
    if (m[1]) iso = day(m[1], m[2], m[3]);
    else if (m[4]) iso = day(m[4], m[5], m[6]);
    else if (m[7]) iso = monthEnd(Number(m[7]), Number(m[8]));
    else if (m[9]) iso = monthEnd(QUARTERS[m[9].toUpperCase()] * 3, Number(m[10]));
    else if (m[11]) iso = toIsoDate({ year: Number(m[11]), month: 12, day: 31 });
    else iso = null;
    if (iso !== undefined) out.push({ at, end, iso });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Facts

const PERIOD = /(?:thời gian(?:\s+(?:thực hiện|triển khai|đầu tư|xây dựng|thi công))?|tiến độ thực hiện|giai đoạn thực hiện|thực hiện trong giai đoạn)(?:\s+dự án)?\s*:?\s*(?:từ\s+)?(?:năm\s+|giai đoạn\s+)?((?:19|20)\d\d)\s*(?:-|–|—|đến(?:\s+năm)?)\s*((?:19|20)\d\d)(?!\d)/iu;
const WHEN = "(?:(?:trong|vào|trước|cuối|chậm nhất|đầu)\\s+)*(?:năm\\s+((?:19|20)\\d\\d)|quý\\s+(?:IV|I{1,3}|[1-4])\\s*(?:\\/|năm)\\s*((?:19|20)\\d\\d)|tháng\\s+\\d{1,2}\\s*(?:\\/|năm)\\s*((?:19|20)\\d\\d)|(?:ngày\\s+)?\\d{1,2}\\s*\\/\\s*\\d{1,2}\\s*\\/\\s*((?:19|20)\\d\\d))";
const COMPLETION = new RegExp(`(?:hoàn thành|đưa vào (?:khai thác|sử dụng|vận hành|hoạt động)|khai thác|thông xe(?: kỹ thuật)?|đi vào hoạt động)(?:\\s+và\\s+đưa vào (?:khai thác|sử dụng|vận hành))?\\s+(?:(?:dự án|công trình|toàn tuyến|toàn bộ)\\s+)?${WHEN}`, "iu");
const START = new RegExp(`khởi công(?:\\s+(?:xây dựng|dự án|công trình|mới))?\\s+(?:(?:từ)\\s+)?${WHEN}`, "iu");
/** Whether COMPLETION may match: one of its verbs is in the text. */
const COMPLETING_WORDS = /oàn thành|hai thác|hông xe|ưa vào|i vào hoạt động/u;
const yearOf = (m: RegExpExecArray | null) => (m ? Number(m[1] ?? m[2] ?? m[3] ?? m[4]) : null);
/** Before a project's mention (folded): a verb of its completion or of its start. */
const COMPLETING_BEFORE = /(?:hoan thanh|thong xe(?: ky thuat)?|dua vao (?:khai thac|su dung|van hanh)|khai thac|ve dich)(?: (?:toan bo|toan tuyen))?$/;
const STARTING_BEFORE = /khoi cong(?: (?:xay dung|moi))?$/;
/** A time right after a project's name: "trong Quý IV/2025", "năm 2026". */
const WHEN_AFTER = new RegExp(`^\\s*,?\\s*${WHEN}`, "iu");

const LEADS: RegExp[] = [
  /[Cc]hủ đầu tư\s*(?:là|:)\s*(\p{Lu}[^,;.()\n|]{2,120}?)(?=\s*[,;.()\n|]|\s+(?:làm|thực hiện|đã|đang|sẽ|chủ trì)\s|$)/u,
  /(?:^|[\s,;(])do\s+(\p{Lu}[^,;.()\n|]{2,120}?)\s+(?:làm\s+)?(?:chủ đầu tư|chủ trì|quản lý dự án)/u,
  /giao\s+(\p{Lu}[^,;.()\n|]{2,120}?)\s+(?:làm\s+)?(?:chủ đầu tư|chủ trì)/u,
  /(\p{Lu}[^,;.():\n|]{2,120}?)\s+(?:làm|là)\s+chủ đầu tư/u,
];
const LOCATION = /địa điểm(?:\s+(?:xây dựng|thực hiện|đầu tư|dự án))?\s*(?::|tại|là|ở)\s*([^;.()\n|]{3,120})/iu;
const AT_PLACE = /(?:^|\s)tại\s+((?:xã|huyện|phường|thị trấn|thị xã|thành phố|quận|tỉnh|các xã|các huyện|các phường|khu kinh tế|khu công nghiệp)\s[^;.()\n|]{2,100})/iu;
const PLACE_END = new RegExp(`,\\s*(?=(?:${COMMA_STOPS})(?![\\p{L}\\d]))|\\s+(?=(?:${SPACE_STOPS})(?![\\p{L}\\d]))`, "iu");
const place = (written: string) => {
  const end = PLACE_END.exec(written);
  return (end ? written.slice(0, end.index) : written).replace(/[\s,]+$/, "").trim() || null;
};

/** An amount in tỷ đồng: "11.024,7 tỷ đồng" is 11024.7, "850 triệu đồng" 0.85. */
function inBillions(value: number | null, unit: string | null): number | null {
  if (value === null || !unit) return null;
  const u = unit.toLowerCase();
  const scaled = /^(?:nghìn|ngàn)\s+tỷ/u.test(u) ? value * 1000 : /^tỷ/u.test(u) ? value : /^triệu/u.test(u) ? value / 1000 : /^(?:nghìn|ngàn)\s+đồng/u.test(u) ? value / 1e6 : /^đồng/u.test(u) ? value / 1e9 : null;
  return scaled === null ? null : Number(scaled.toPrecision(15));
}

/** A clause that names a part of a project (a district's section, a package): its whole is not the project's. */
const PART = /dia phan|\bhuyen\b|\bxa\b|\bphuong\b|\bdoan\b|thanh pho|thi tran|goi thau|\bphan\b|hang muc/;

// ---------------------------------------------------------------------------------------------

/** What a column's header says of its figures: their unit ("Tổng mức đầu tư (tỷ đồng)"), capital year ("Kế hoạch vốn năm 2025"), date ("Lũy kế giải ngân đến 31/12/2024"). */
interface ColumnHead { folded: string; unit: string | null; year: number | null; date: string | null }
const HEADS = new WeakMap<Cell[], Map<ProjectColumn, ColumnHead>>();
function headOf(row: ProjectRow, column: ProjectColumn): ColumnHead {
  let heads = HEADS.get(row.header);
  if (!heads) HEADS.set(row.header, (heads = new Map()));
  let head = heads.get(column);
  if (!head) {
    const text = row.header[row.columns.get(column)!]?.text ?? "";
    const unit = /\(([^)]*?(?:đồng|ha|km|%)[^)]*?)\)/iu.exec(text)?.[1].trim().replace(/^đvt:\s*/iu, "") ?? (column === "progress" ? "%" : null);
    const anyYear = /(?:19|20)\d\d/.exec(text);
    const year = capitalYear(text) ?? (anyYear && !/đến|tới|lũy kế/iu.test(text) ? Number(anyYear[0]) : null);
    heads.set(column, (head = { folded: foldPhrase(text), unit, year, date: datePhrases(text, 0).find((p) => p.iso !== null)?.iso ?? null }));
  }
  return head;
}

/** Where a scope's figures take their dates from: its paragraph (or cell), the paragraph's lead-in before `from`, the scope from `scopeStart`. */
interface Dating { lineStart: number; lineEnd: number; from: number; scopeStart: number; phrases?: DatePhrase[] }

interface Building extends ExtractedProject { listed: boolean; texts: Array<{ text: string; listed: boolean }>; periodFound: boolean; lengthOf: number | null; areaOf: number | null; hinted: { start?: number; completion?: number } }

/**
 * The projects of `scopes` with their figures and facts. `issued`: the document's date (ISO), the date of
 * figures that state none, or null.
 */
export function extractProjects(text: string, found: ProjectScopes, quantities: QuantityFinder = findQuantities, issued: string | null = null): ExtractedProject[] {
  const scopes = found.named?.length ? [...found, ...found.named] : found;
  const projects = new Map<string, Building>();
  // The lead-in of each paragraph: the text before the first scope that stands in it ("Trong đó tính đến ngày 15/8/2024: (1) ...").
  const leadIn = new Map<number, number>();
  for (const s of scopes) if (s.line) leadIn.set(s.line.start, Math.min(leadIn.get(s.line.start) ?? Infinity, s.start));
  /** The date phrases of each paragraph (or table cell), found when one of its figures is first dated. */
  const phrases = new Map<string, DatePhrase[]>();
  const phrasesOf = (start: number, end: number) => {
    const key = `${start}:${end}`;
    let found = phrases.get(key);
    if (!found) phrases.set(key, (found = datePhrases(text.slice(start, end), start)));
    return found;
  };
  for (const scope of scopes) {
    const key = keyOf(scope.name);
    let project = projects.get(key);
    if (!project) {
      project = {
        name: scope.name, metrics: [], start: scope.start, end: scope.end, lead: null, location: null, investment: null,
        startYear: null, completionYear: null, lengthKm: null, areaHa: null, listed: false, texts: [], periodFound: false, lengthOf: null, areaOf: null, hinted: {},
      };
      projects.set(key, project);
    }
    project.listed ||= !!scope.listed;
    if (scope.years) project.hinted = { ...scope.years, ...project.hinted };
    project.start = Math.min(project.start, scope.start);
    project.end = Math.max(project.end, scope.end);
    const line = scope.line ?? { start: scope.start, end: scope.end };
    const dating: Dating = { lineStart: line.start, lineEnd: line.end, from: Math.min(scope.start, leadIn.get(line.start) ?? scope.start), scopeStart: scope.start };
    if (scope.row) readRow(project, scope.row);
    else {
      const body = text.slice(scope.start, scope.end);
      project.texts.push({ text: body, listed: !!scope.listed });
      if (!scope.nameOnly) readFigures(project, body, scope.start, dating);
    }
  }

  /** The index of the last of `list` that ends by `pos`, or -1. */
  function lastBefore(list: DatePhrase[], pos: number): number {
    let lo = 0, hi = list.length - 1, found = -1;
    while (lo <= hi) { const mid = (lo + hi) >> 1; if (list[mid].end <= pos) { found = mid; lo = mid + 1; } else hi = mid - 1; }
    return found;
  }

  function dateAt(dating: Dating, start: number, end: number): string | null {
    const list = (dating.phrases ??= phrasesOf(dating.lineStart, dating.lineEnd));
    if (!list.length) return issued;
    // A date right after the figure, in its clause: "490 tỷ đồng (tính đến ngày 30/9/2024)".
    const after = list[lastBefore(list, end) + 1];
    if (after && after.at >= end && after.at - end <= 30 && !/[\d;.]/.test(text.slice(end, after.at))) return after.iso ?? issued;
    // The nearest before it, in its scope or in its paragraph's lead-in.
    let k = lastBefore(list, start);
    for (let steps = 0; k >= 0 && steps < 50; steps++) {
      const p = list[k];
      if (p.at < dating.lineStart) break;
      // Stated in another project's scope: only the lead-in's dates are left.
      if (p.at < dating.scopeStart && p.end > dating.from) { k = lastBefore(list, dating.from); continue; }
      // "đến nay" is the document's date; in an undated document, the date stated before it.
      if (p.iso === null) { if (issued) return issued; k--; continue; }
      return p.iso;
    }
    return issued;
  }

  function readFigures(project: Building, body: string, offset: number, dating: Dating) {
    let previousEnd = -1, previousSentence = -1;
    let inherited: ProjectMeasure | null = null;
    /** The capital amounts of the scope (a disbursement "490,1/1.288,123" is of the allocation "1.288,123" before it), and of the sentence. */
    const capital: Array<{ value: number | null; year: number | null; sentence: number }> = [];
    // The last ";", ":", ". ", "(" and ")" before the figure, found in one pass over the body (not searched back from each figure).
    let cursor = 0, semicolon = -1, colon = -1, stop = -1, open = -1, close = -1;
    for (const q of quantities(body)) {
      for (; cursor < q.start; cursor++) {
        const c = body.charCodeAt(cursor);
        if (c === 59) semicolon = cursor;
        else if (c === 58) colon = cursor;
        else if (c === 40) open = cursor;
        else if (c === 41) close = cursor;
        else if (c === 46 && body.charCodeAt(cursor + 1) === 32) stop = cursor;
      }
      const sentenceStart = stop + 1;
      if (sentenceStart !== previousSentence) { inherited = null; previousEnd = -1; previousSentence = sentenceStart; }
      const clauseStart = Math.max(semicolon, colon, stop) + 1;
      if (isIndicatorInProject(q, body.slice(Math.max(Math.max(semicolon, stop) + 1, q.start - 300), q.start))) continue;
      // Its clause for its measure: from the last ";", ":" or unclosed "(" (or the sentence's start).
      // (Its last 200 characters: a keyword tells nearest the figure, and a long sentence is not folded again for each figure.)
      const contextStart = Math.max(clauseStart, open > close ? open + 1 : 0, sentenceStart, q.start - 200);
      const clause = body.slice(contextStart, q.start);
      const gap = previousEnd >= 0 ? body.slice(previousEnd, q.start) : null;
      const folded = foldPhrase(clause);
      const measure = measureOf(q, folded, gap, unitKind(q.unit) === "money" ? inherited : null);
      let year: number | null = null;
      if (measure === "capital_planned" || measure === "capital_allocated" || measure === "disbursed") {
        year = capitalYear(clause);
        if (year === null && measure === "disbursed" && unitKind(q.unit) === "money") {
          const inSentence = capital[capital.length - 1];
          year = (capital.find((c) => q.of !== null && c.value === q.of) ?? (inSentence?.sentence === sentenceStart ? inSentence : undefined))?.year ?? null;
        }
        if (unitKind(q.unit) === "money") capital.push({ value: q.min ?? q.max, year, sentence: sentenceStart });
      }
      if (unitKind(q.unit) === "money") inherited = measure;
      previousEnd = q.end;
      project.metrics.push({
        text: body.slice(clauseStart, q.end).trim(), value: q.min ?? q.max, of: q.of, unit: q.unit,
        start: offset + q.start, end: offset + q.end, measure, asOf: dateAt(dating, offset + q.start, offset + q.end), year,
      });
      noteWhole(project, q, measure, folded, body, q.end);
    }
  }

  /** The project's length and area as its figures state them: "tổng chiều dài tuyến khoảng 59,87 km", or the whole of a ratio of the entire project. */
  function noteWhole(project: Building, q: QuantityMention, measure: ProjectMeasure | null, clause: string, body: string, end: number) {
    const kind = unitKind(q.unit);
    if (kind !== "km" && kind !== "ha") return;
    const after = body.slice(end, end + 40);
    if (q.of === null && measure === null) {
      if (kind === "km" && project.lengthKm === null && /\bdai\b/.test(clause)) project.lengthKm = q.min ?? q.max;
      if (kind === "ha" && project.areaHa === null && /dien tich|quy mo/.test(clause) && q.unit === "ha") project.areaHa = q.min ?? q.max;
    } else if (q.of !== null && !PART.test(clause) && !PART.test(foldPhrase(after.split(/[;,.]/)[0]))) {
      if (kind === "km" && project.lengthOf === null) project.lengthOf = q.of;
      if (kind === "ha" && project.areaOf === null && q.unit === "ha") project.areaOf = q.of;
    }
  }

  function readRow(project: Building, row: ProjectRow) {
    const cell = (c: ProjectColumn) => (row.columns.has(c) ? row.cells[row.columns.get(c)!] : undefined);
    const lead = cell("lead")?.text, location = cell("location")?.text;
    if (lead && !project.lead) project.lead = lead;
    if (location && !project.location) project.location = location;
    const period = cell("period");
    if (period?.text) {
      const head = headOf(row, "period").folded;
      const years = [...period.text.matchAll(/(?<!\d)(?:19|20)\d\d(?!\d)/g)].map((m) => Number(m[0]));
      if (years.length >= 2) { project.startYear ??= years[0]; project.completionYear ??= years[years.length - 1]; }
      else if (years.length === 1) {
        const words = `${head} ${foldPhrase(period.text)}`;
        if (/khoi cong/.test(words)) project.startYear ??= years[0];
        else if (/hoan thanh/.test(words)) project.completionYear ??= years[0];
        else { project.startYear ??= years[0]; project.completionYear ??= years[0]; }
      }
      project.periodFound ||= years.length > 0;
    }
    const amounts: Array<[ProjectColumn, ProjectMeasure]> = [["investment", "investment"], ["planned", "capital_planned"], ["allocated", "capital_allocated"], ["disbursed", "disbursed"], ["clearance", "clearance"], ["progress", "progress"]];
    for (const [column, measure] of amounts) {
      const c = cell(column);
      if (!c?.text || !/\d/.test(c.text)) continue;
      const head = headOf(row, column);
      const ratio = /^([\d.,]+)\s*\/\s*([\d.,]+)$/.exec(c.text.trim());
      const bare = ratio ? null : /^[\d.,]+$/.test(c.text.trim()) ? parseVietnameseNumber(c.text.trim()) : null;
      let value: number | null, of: number | null = null, metricUnit = head.unit;
      if (ratio) { value = parseVietnameseNumber(ratio[1]); of = parseVietnameseNumber(ratio[2]); }
      else if (bare !== null) value = bare;
      else {
        const q = quantities(c.text)[0];
        if (!q) continue;
        value = q.min ?? q.max; of = q.of; metricUnit = q.unit;
      }
      if (value === null || !metricUnit) continue;
      const year = measure === "capital_planned" || measure === "capital_allocated" || measure === "disbursed" ? head.year : null;
      project.metrics.push({
        text: row.cells.slice(0, row.columns.get(column)! + 1).map((x) => x.text).filter(Boolean).join(" | "),
        value, of, unit: metricUnit, start: c.start, end: c.start + c.text.length, measure, asOf: head.date ?? issued, year,
      });
      if (measure === "investment" && project.investment === null) project.investment = inBillions(value, metricUnit);
    }
    // The figures written in words in the other cells: a scale ("Dài 12,5 km"), a note.
    for (const column of ["scale", "note"] as ProjectColumn[]) {
      const c = cell(column);
      if (!c?.text) continue;
      project.texts.push({ text: c.text, listed: false });
      if (/\d/.test(c.text)) readFigures(project, c.text, c.start, { lineStart: c.start, lineEnd: c.start + c.text.length, from: c.start, scopeStart: c.start });
    }
    const scale = cell("scale")?.text;
    if (scale) {
      for (const q of quantities(scale)) {
        const kind = unitKind(q.unit);
        if (kind === "km" && project.lengthKm === null) project.lengthKm = q.min ?? q.max;
        if (kind === "ha" && q.unit === "ha" && project.areaHa === null) project.areaHa = q.min ?? q.max;
      }
    }
  }

  const out: ExtractedProject[] = [];
  for (const p of projects.values()) {
    if (!p.metrics.length && !p.listed) continue;
    factsOf(p);
    const { listed: _l, texts: _t, periodFound: _p, lengthOf: _lo, areaOf: _ao, hinted: _h, ...project } = p;
    out.push(project);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The facts a project's texts state, where its table has not given them. */
function factsOf(p: Building) {
  if (p.investment === null) {
    const total = p.metrics.find((m) => m.measure === "investment");
    if (total) p.investment = inBillions(total.value, total.unit);
  }
  p.lengthKm ??= p.lengthOf;
  p.areaHa ??= p.areaOf;
  for (const { text, listed } of p.texts) {
    if (!p.periodFound && (text.includes("hời gian") || text.includes("iến độ thực hiện") || text.includes("iai đoạn thực hiện") || text.includes("hiện trong giai đoạn")) && /(?:19|20)\d\d/.test(text)) {
      const period = PERIOD.exec(text);
      if (period) { p.startYear ??= Number(period[1]); p.completionYear ??= Number(period[2]); p.periodFound = true; }
    }
    if (p.completionYear === null && text.includes("20") && COMPLETING_WORDS.test(text)) p.completionYear = yearOf(COMPLETION.exec(text));
    if (p.startYear === null && (text.includes("khởi công") || text.includes("Khởi công"))) p.startYear = yearOf(START.exec(text));
    if (p.lead === null && (text.includes("chủ đầu tư") || text.includes("chủ trì") || text.includes("quản lý dự án"))) {
      for (const re of LEADS) {
        const m = re.exec(text);
        if (m) { p.lead = m[1].trim(); break; }
      }
    }
    if (p.location === null && (text.includes("địa điểm") || text.includes("Địa điểm"))) { const m = LOCATION.exec(text); if (m) p.location = place(m[1]); }
    if (p.location === null && listed && text.includes("tại ")) { const m = AT_PLACE.exec(text); if (m) p.location = place(m[1]); }
  }
  p.startYear ??= p.hinted.start ?? null;
  p.completionYear ??= p.hinted.completion ?? null;
}
