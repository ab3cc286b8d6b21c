/**
 * A document that amends, replaces or repeals another ("Kế hoạch sửa đổi, bổ sung Kế hoạch số 23/KH-UBND",
 * "Quyết định ... thay thế Kế hoạch số ...", "bãi bỏ Kế hoạch số ..."): the kind of link, the document it
 * changes (a citation its title or opening names right after the verb), the day it takes effect ("có hiệu lực
 * (thi hành) từ ngày 01/7/2025", else the day it is issued) and what it changes, clause by clause:
 *  - a target: `Sửa đổi chỉ tiêu "Tỷ lệ che phủ rừng đạt 67%" thành "Tỷ lệ che phủ rừng đạt 65%"`;
 *  - a task's deadline: `Sửa đổi thời gian hoàn thành nhiệm vụ "..." từ năm 2025 thành năm 2026`;
 *  - a provision rewritten: "Sửa đổi điểm a khoản 2 mục II như sau: ...";
 *  - a task, target or provision repealed: `Bãi bỏ nhiệm vụ "..."`.
 * Pure: lines and citations in, the amendment out (null for a document that changes none).
 */
import { foldKeepingOffsets, foldVietnamese } from "../text/fold.js";
import { isDateError, parseVietnameseDate } from "../text/dates.js";
import { citationsWithin, type Citation } from "./citations.js";
import { deadlineOf } from "./deadlines.js";
import { findQuantities, type Comparator } from "./quantities.js";
import { BULLET_SYMBOLS, type Line } from "./segment.js";

export const AMENDMENT_KINDS = ["amends", "replaces", "repeals"] as const;
export type AmendmentKind = (typeof AMENDMENT_KINDS)[number];

export interface AmendedTarget { comparator: Comparator; min: number | null; max: number | null; unit: string | null; year: number | null; perYear: boolean }

export interface ExtractedChange {
  action: "modify" | "repeal";
  /** What it changes: a target, a task, or a provision named by its place ("điểm a khoản 2 mục II"). */
  item: "indicator" | "task" | "provision";
  /** The provision's place as written, when the clause names one. */
  place: string | null;
  /** The wording changed, as quoted ("Tỷ lệ che phủ rừng đạt 67%"). */
  before: string | null;
  /** The new wording ("Tỷ lệ che phủ rừng đạt 65%"; a provision's text after "như sau:"). */
  after: string | null;
  /** The new target read from `after` (an indicator's change). */
  target: AmendedTarget | null;
  /** A task's new deadline in words ("năm 2026"). */
  deadlineText: string | null;
  text: string;
  start: number;
  end: number;
}

export interface ExtractedAmendment {
  kind: AmendmentKind;
  /** The document changed. */
  target: { symbol: string; date: string | null; issuer_text: string | null; start: number; end: number };
  /** The day it takes effect (ISO), and the words that say so; the day issued when the text names none. */
  in_force_from: string | null;
  in_force_text: string | null;
  changes: ExtractedChange[];
}

/** The verb that changes a document, right before the document's kind: "sửa đổi, bổ sung (một số nội dung của) Kế hoạch số". */
const CHANGES_DOCUMENT = /(sua doi(?:\s*,?\s*bo sung)?|bo sung\s*,?\s*sua doi|dieu chinh|thay the|bai bo)\s+(?:(?:mot so|cac)\s+(?:noi dung|dieu|khoan|diem|muc)\s+(?:cua|tai)\s+)?(?:toan bo\s+)?(?:ke hoach|quyet dinh|chuong trinh(?: hanh dong)?|nghi quyet|chi thi|de an|van ban|cong van|huong dan|thong bao|ket luan)\s+(?:so\s*)?$/;

/** Whether folded words right before a citation change the document cited ("sửa đổi, bổ sung một số nội dung của Kế hoạch số "). */
export const changesDocumentCited = (foldedBefore: string) => CHANGES_DOCUMENT.test(foldedBefore.replace(/\s+/g, " "));
const kindOf = (verb: string): AmendmentKind => (verb.startsWith("thay the") ? "replaces" : verb.startsWith("bai bo") ? "repeals" : "amends");

/** "có hiệu lực (thi hành) (kể) từ ngày 01/7/2025" or "... từ ngày 01 tháng 7 năm 2025". */
const IN_FORCE = /co hieu luc(?:\s+thi hanh)?\s+(?:ke\s+)?tu\s+ngay\s+(\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4}|\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4})/;

/** A quotation: straight or curly double quotes, or curly single ones. */
const QUOTED = /["“”]([^"“”]{2,2000})["“”]|[‘’]([^‘’]{2,2000})[‘’]/g;

/** The change a clause makes, from its folded text. */
const MODIFY = /^(?:sua doi|dieu chinh|sua doi\s*,\s*bo sung|bo sung\s*,\s*sua doi)\b/;
/** ("Bổ sung" folds to "bo sung": it adds, and must never read as "bỏ", a repeal that would cancel the task it is matched to.) */
const REPEAL = /^(?:bai bo|huy bo|loai bo|bo(?!\s+sung))\b/;
const PLACE = /\b((?:(?:tiet|diem)\s+[a-zđ0-9.]+\s+)?(?:(?:khoan|muc|tieu muc|phan|dieu)\s+[0-9ivxlc.]+\s*)+)/i;
/** The verb a change opens with, folded: "sửa đổi, bổ sung", "bãi bỏ". */
const VERB = String.raw`^(?:sua doi|dieu chinh|bai bo|huy bo|bo sung)(?:\s*,\s*(?:bo sung|sua doi))?`;
const unquote = (s: string) => s.trim().replace(/[.;]$/, "").replace(/^["“”]|["“”]$/g, "").trim();
const DEADLINE_CHANGE = /thoi (?:gian|han) hoan thanh|thoi han|thoi gian thuc hien/;

/** The lines to look for the verb in: the title's, then the opening of the body before its first heading. */
function openingLines(lines: Line[], title: string | null): Line[] {
  const titleLines = title ? lines.slice(0, 60).filter((l) => l.text.length > 3 && (title.includes(l.text) || l.text.includes(title.slice(0, 40)))) : [];
  const firstHeading = lines.findIndex((l, i) => i > 5 && l.kind === "roman");
  const opening = lines.slice(0, firstHeading > 0 ? firstHeading : 40).filter((l) => !titleLines.includes(l));
  return [...titleLines, ...opening];
}

/** The document the text changes, and how: the first citation of its title or opening right after the verb. */
function amendedDocument(text: string, lines: Line[], citations: Citation[], title: string | null): { kind: AmendmentKind; citation: Citation } | null {
  for (const line of openingLines(lines, title)) {
    for (const c of citationsWithin(citations, line.start, line.end)) {
      const before = foldVietnamese(text.slice(Math.max(line.start, c.start - 160), c.start)).replace(/\s+/g, " ");
      const m = CHANGES_DOCUMENT.exec(before);
      if (m) return { kind: kindOf(m[1]), citation: c };
    }
  }
  return null;
}

/** The target a new wording states: its first figure, the year it names. */
export function targetOf(words: string): AmendedTarget | null {
  const [q] = findQuantities(words);
  if (!q) return null;
  const year = /(?:năm|đến|vào)\s+((?:19|20)\d\d)(?!\d)/iu.exec(words);
  return { comparator: q.comparator, min: q.min, max: q.max, unit: q.unit, year: year ? Number(year[1]) : null, perYear: q.perYear };
}

const quotesIn = (s: string) => [...s.matchAll(QUOTED)].map((m) => (m[1] ?? m[2]).trim());

const LEADING_BULLETS = new RegExp(`^[\\s${BULLET_SYMBOLS}]+`, "u");

/** One clause's change, or null when it changes nothing. `body` is the clause without its number; `rest` the lines after it (a provision's new text). */
function changeOf(body: string, rest: string | null): Omit<ExtractedChange, "text" | "start" | "end"> | null {
  body = body.replace(LEADING_BULLETS, "");
  const folded = foldKeepingOffsets(body);
  const quoted = quotesIn(body);
  // The place is read outside the quotations (a quoted provision may name places of its own).
  const unquoted = folded.replace(QUOTED, (q) => " ".repeat(q.length));
  const at = PLACE.exec(unquoted);
  const place = at ? body.slice(at.index, at.index + at[1].length).replace(/[.\s]+$/, "") : null;
  const item: ExtractedChange["item"] = new RegExp(`${VERB}\\s+(?:cac\\s+)?chi tieu`).test(folded) ? "indicator"
    : new RegExp(`${VERB}\\s+(?:\\S+\\s+){0,4}nhiem vu`).test(folded) ? "task" : "provision";
  if (REPEAL.test(folded)) {
    if (!quoted.length && !place) return null;
    return { action: "repeal", item, place, before: quoted[0] ?? null, after: null, target: null, deadlineText: null };
  }
  if (!MODIFY.test(folded)) return null;
  if (DEADLINE_CHANGE.test(folded)) {
    // "... từ năm 2025 thành năm 2026", "...: thời gian hoàn thành: năm 2026": the last deadline named is the new one.
    const tail = body.slice(body.lastIndexOf(quoted[0] ?? "") + (quoted[0]?.length ?? 0));
    const thanh = /\bthành\s+(.+?)\s*[.;]?$/iu.exec(tail) ?? /(?:hoàn thành|thời hạn)\s*:?\s*(.+?)\s*[.;]?$/iu.exec(tail);
    // (Without what it replaces: "năm 2026 (thay cho năm 2025)".)
    const newDeadline = thanh ? unquote(thanh[1]).replace(/\s*\((?:thay cho|thay vì|trước đây)[^)]*\)$/iu, "") : null;
    if (!newDeadline || !deadlineOf(`hoàn thành ${/^(?:trước|trong|đến|chậm nhất)\s/iu.test(newDeadline) ? "" : "trong "}${newDeadline}`).deadline) return null;
    return { action: "modify", item: "task", place, before: quoted[0] ?? null, after: null, target: null, deadlineText: newDeadline };
  }
  const thanh = /thanh\s*:?\s*$/.test(foldVietnamese(body.slice(0, body.lastIndexOf(quoted[quoted.length - 1] ?? "\u0000") - 1)));
  if (quoted.length >= 2 && thanh) {
    const after = quoted[quoted.length - 1];
    return { action: "modify", item, place, before: quoted[0], after, target: item === "indicator" ? targetOf(after) : null, deadlineText: null };
  }
  // "Sửa đổi điểm a khoản 2 mục II như sau: ..." (the new text on the same line, or the next).
  const asFollows = /nhu sau\s*:\s*/.exec(folded);
  if (asFollows && place) {
    const after = unquote(body.slice(asFollows.index + asFollows[0].length) || rest || "") || null;
    if (!after) return null;
    const target = item !== "task" ? targetOf(after) : null;
    return { action: "modify", item: item === "provision" && target ? "indicator" : item, place, before: null, after, target, deadlineText: null };
  }
  return null;
}

export function extractAmendment(text: string, lines: Line[], citations: Citation[], title: string | null, issued: string | null): ExtractedAmendment | null {
  const found = amendedDocument(text, lines, citations, title);
  if (!found) return null;
  const inForce = IN_FORCE.exec(foldKeepingOffsets(text));
  const parsed = inForce ? parseVietnameseDate(inForce[1]) : null;
  const inForceFrom = parsed && !isDateError(parsed) && parsed.kind === "date" ? parsed.iso : issued;
  const changes: ExtractedChange[] = [];
  for (const [i, line] of lines.entries()) {
    if (line.footnote || line.start < found.citation.end) continue;
    const change = changeOf(line.body, lines[i + 1]?.text ?? null);
    if (change) changes.push({ ...change, text: line.text, start: line.start, end: line.end });
  }
  const c = found.citation;
  return {
    kind: found.kind,
    target: { symbol: c.symbol, date: c.date, issuer_text: c.issuerText, start: c.start, end: c.end },
    in_force_from: inForceFrom, in_force_text: inForce ? text.slice(inForce.index, inForce.index + inForce[0].length) : null,
    changes,
  };
}
