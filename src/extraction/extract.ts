/**
 * The extractor: text in, structured records out, in stages (segment → recognise → assemble).
 * The output has the shape of the human annotations in `test/extraction/gold` (extra fields allowed).
 * Recognised: metadata, the outline, the implemented and cited documents, indicators, tasks,
 * reporting rules and key projects' figures, each item with the offsets of its clause.
 */
import { allMatches } from "../text/matches.js";
import { firstAtOrAfter } from "../text/sorted.js";
import { citationsWithin, findCitations, isImplementingClause, sameCitation, uniqueCitations, type Citation } from "./citations.js";
import { extractMetadata } from "./metadata.js";
import { DOCUMENT_TYPE_LABELS } from "../documents/labels.js";
import { extractIndicators, type ExtractedIndicator } from "./indicators.js";
import { extractReportingRules, type ReportingRule } from "./reporting.js";
import { extractTasks, type ExtractedTask, type TableWork } from "./tasks.js";
import { extractProjects, findProjectScopes, MAX_PROJECT_SCOPES, projectScopeCount, type ExtractedProject } from "./projects.js";
import { isBelowProvince, isCentralIssuer, isProvincialLeadership, type RegistryAgency } from "./agencies.js";
import { quantityFinder } from "./quantities.js";
import { bodyParts, isHeading, segmentLines, type Line } from "./segment.js";
import { extractTableIndicators, type TableIndicator } from "./table-indicators.js";
import { extractOutline, type OutlineSection } from "./outline.js";
import { describeCitations } from "./cited-documents.js";
import { changesDocumentCited, extractAmendment, type ExtractedAmendment } from "./amendments.js";
import { parseDocumentSymbol } from "../text/symbols.js";
import { parseDeadline } from "../text/dates.js";
import { FoldedText, foldKeepingOffsets, foldPhrase, foldVietnamese } from "../text/fold.js";
import { formatVietnameseNumber } from "../text/numbers.js";
import { UnreadableFileError } from "./read-text.js";

export interface ExtractedReference { symbol: string; date: string | null; issuer_text: string | null; start: number; end: number }

export interface Extraction {
  file: string;
  document: { symbol: string | null; type: string | null; doc_type: string | null; issuer: string | null; issued: string | null; issued_text: string | null; signer: string | null; title: string | null };
  /** The numbered headings as a tree (parents by index). */
  outline: OutlineSection[];
  implements: ExtractedReference[];
  references: ExtractedReference[];
  indicators: ExtractedIndicator[];
  tasks: ExtractedTask[];
  reporting: ReportingRule[];
  projects: ExtractedProject[];
  /** What the text says of the documents it cites: their subjects, and which of them carries out which. */
  cited: ReturnType<typeof describeCitations>;
  /** The document it amends, replaces or repeals, from when, and what it changes (issue 15); null for most documents. */
  amendment: ExtractedAmendment | null;
}

/**
 * What the document implements. In its opening "Thực hiện ..." clause, the document each part opens
 * with ("Thực hiện Nghị quyết số 96/NQ-CP ...; Chương trình hành động số 52-CTr/TU ..."; "... của Thủ tướng
 * Chính phủ và Kế hoạch số 16/KH-HĐTĐKT ..."); a part that does not open with a document (a ";" inside a
 * title) names nothing. Without that clause: the document its title says it carries out ("Ban hành Chương
 * trình hành động ... thực hiện Nghị quyết số 57-NQ/TW"), or else the policy documents of its "Căn cứ" lines
 * (not the laws, decrees and circulars that give it its legal basis).
 */
function implementedDocuments(text: string, lines: Line[], citations: Citation[], title: string | null, issuer: string | null): Citation[] {
  const within = (start: number, end: number) => citationsWithin(citations, start, end);
  const implemented: Citation[] = [];
  /** Where each document is in `implemented`, by its key. */
  const byKey = new Map<string, number>();
  /** Each document once, as cited with its date where one citation of it has one (a title in capitals may lose it). */
  const add = (c: Citation | undefined) => {
    if (!c) return;
    const same = byKey.get(c.key);
    if (same === undefined) { byKey.set(c.key, implemented.length); implemented.push(c); }
    else if (!implemented[same].date && c.date) implemented[same] = c;
  };
  // Every "Thực hiện ..." clause before the first heading: a plan may state what it carries out twice, in a line
  // under its title ("Thực hiện Chương trình hành động số 45-CTr/TU ...") and in its opening clause, which may
  // name more ("Thực hiện Nghị quyết số 148/NQ-CP ... và Chương trình hành động số 45-CTr/TU ...").
  const isOpening = (l: Line) => within(l.start, l.end).length > 0 && isImplementingClause(l.text);
  const firstHeading = lines.findIndex(isHeading);
  const openings = firstHeading > 0 ? lines.slice(0, firstHeading).filter(isOpening) : [];
  if (!openings.length) { const first = lines.find(isOpening); if (first) openings.push(first); }
  /** For each citation, the next one of another document (`citations.length` when none): see `since`. */
  const nextOther = new Array<number>(citations.length);
  for (let k = citations.length - 1; k >= 0; k--) nextOther[k] = k + 1 < citations.length && citations[k + 1].key === citations[k].key ? nextOther[k + 1] : k + 1;
  /**
   * What the text after a document's citation holds up to `to`: "về" (it goes on as a title) and a citation of another document
   * standing whole. Read on from where the last part of the clause left it, as a clause may list thousands: reading from the
   * citation at every part took time as the square of the clause.
   */
  const since = (c: Citation) => {
    const first = firstAtOrAfter(citations, (x) => x.start, c.end);
    const other = first < citations.length && citations[first].key === c.key ? nextOther[first] : first;
    let readTo = c.end, about = false;
    return (to: number) => {
      // (From a few units back: a "về" the last read cut is read whole.)
      if (!about && to > readTo) about = / ve /.test(foldVietnamese(text.slice(Math.max(c.end, readTo - 8), to)));
      readTo = Math.max(readTo, to);
      return { about, otherCited: other < citations.length && citations[other].end <= to };
    };
  };
  /** The documents a clause carries out, from `start` (its "Thực hiện") to `end`: each part's first, joined by ";" or "và". */
  const carriedOut = (start: number, end: number) => {
    let partStart = start;
    /** The document the clause's part before named (another clause's is not this one's), and what the text after it holds. */
    let previous: Citation | undefined;
    let afterPrevious: ReturnType<typeof since> | undefined;
    for (const part of text.slice(start, end).split(/;|\s(?=và\s+(?:Nghị quyết|Kết luận|Quyết định|Chương trình|Kế hoạch|Chỉ thị|Công văn|Thông báo|Nghị định|Thông tư|Đề án|Hướng dẫn)\s(?:[^;]{0,30}\s)?số\s)/u)) {
      const partEnd = partStart + part.length;
      const first = within(partStart, partEnd)[0];
      const lead = foldVietnamese(text.slice(partStart, first?.start ?? partStart)).replace(/^\s*va\s+/, "").trim();
      // "... và Kế hoạch số 16/KH ...": a second document, unless the part before it had begun a title that cites documents
      // itself ("... về giám sát việc thể chế hóa Nghị quyết số 11-NQ/TW và Kế hoạch số 23/KH-UBND"); a title that cites none
      // ("... của Bộ Chính trị về đột phá phát triển ... quốc gia và Kế hoạch số 02-KH/BCĐTW ...") ends before it.
      const held = previous !== undefined && /^va\b/.test(foldVietnamese(part.trimStart().slice(0, 3))) ? afterPrevious!(partStart) : null;
      const inTitle = held !== null && held.about && held.otherCited;
      if (first && OPENS_WITH_DOCUMENT.test(lead) && !inTitle) { add(first); previous = first; afterPrevious = since(first); }
      partStart = partEnd + 1;
    }
  };
  for (const opening of openings) carriedOut(opening.start, opening.end);
  if (openings.length) return implemented;
  // The title: "... năm 2025 thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị và Nghị quyết số 03/NQ-CP của Chính phủ".
  const titleLine = title ? lines.slice(0, 40).find((l) => l.text.includes(title.slice(0, 40))) : undefined;
  if (titleLine) {
    const foldedTitle = foldVietnamese(titleLine.text);
    const after = foldedTitle.search(/thuc hien\s/);
    // ("Sửa đổi, bổ sung ... Kế hoạch số 23/KH-UBND ... thực hiện Chương trình hành động số 52-CTr/TU": the document changed carries
    // that out, not the one that changes it.)
    const cited = after >= 0 ? within(titleLine.start, titleLine.start + after)[0] : undefined;
    const changes = cited !== undefined && changesDocumentCited(foldVietnamese(text.slice(Math.max(titleLine.start, cited.start - 160), cited.start)));
    if (after >= 0 && !changes) carriedOut(titleLine.start + after, titleLine.end);
    if (implemented.length) return implemented;
  }
  // (Nor a People's Council's own earlier resolutions: "Căn cứ Nghị quyết số 25/NQ-HĐND ... của Hội đồng nhân dân tỉnh"
  // in its resolution stands on its own act, it does not carry it out.)
  for (const line of lines.slice(0, 60)) {
    if (!/^can cu\b/.test(foldVietnamese(line.text))) continue;
    // (Up to a proposal run into the line, "...; Theo đề nghị của Giám đốc Sở ... tại Tờ trình số ...": what is proposed is not carried out.)
    const proposal = foldKeepingOffsets(line.text).search(/(?:theo|xet) de nghi/);
    for (const c of within(line.start, proposal > 0 ? line.start + proposal : line.end)) if (!LEGAL_BASIS.test(c.symbol) && !issuedBy(c, issuer)) add(c);
  }
  return implemented;
}

/** The citations of documents other than those implemented (compared with the implemented of their key only). */
function notImplemented(citations: Citation[], implemented: Citation[]): Citation[] {
  const byKey = new Map<string, Citation[]>();
  for (const i of implemented) { const same = byKey.get(i.key); if (same) same.push(i); else byKey.set(i.key, [i]); }
  return citations.filter((c) => !byKey.get(c.key)?.some((i) => sameCitation(i, c)));
}

/** A body's name folded, its People's Committee or Council abbreviated, to compare two spellings of it. */
const bodyKey = (name: string) => foldVietnamese(name).replace(/^cua\s+/, "").replace(/uy ban nhan dan/g, "ubnd").replace(/hoi dong nhan dan/g, "hdnd").replace(/\s+/g, " ").trim();
/** Whether a cited document is a council's own act: "của Hội đồng nhân dân tỉnh" in a resolution of "HĐND tỉnh Quảng Trị". */
const issuedBy = (c: Citation, issuer: string | null) =>
  // (A council only: a People's Committee's plan may carry out its own decision approving a scheme.)
  !!issuer && /^hdnd\b/.test(bodyKey(issuer)) && !!c.issuerText && bodyKey(issuer).startsWith(bodyKey(c.issuerText));

/** A decree, a circular or a law: "30/2020/NĐ-CP", "05/2023/TT-BTC", "59/2020/QH14". */
const LEGAL_BASIS = /\/(?:\d{4}\/)?(?:NĐ-CP|ND-CP|TT-|TTLT-|QH\d*)/iu;

/**
 * What may stand before a document's symbol at the start of a part: "(Thực hiện) Chương trình hành động số", "Thông báo kết
 * luận số", "(Thực hiện) ý kiến chỉ đạo của Chủ tịch UBND tỉnh tại Văn bản số".
 */
const OPENS_WITH_DOCUMENT = /^((?:thuc hien|trien khai(?: thuc hien)?)\s+)?(?:(?:y kien\s+)?chi dao(?:\s+cua\s+[^,;]{1,80}?)?\s+tai\s+)?(nghi quyet|ket luan|quyet dinh|chuong trinh|ke hoach|chi thi|cong van|cong dien|thong bao|nghi dinh|thong tu|luat|de an|huong dan|van ban)(?:\s+[a-z]+){0,3}?(\s+so)?\s*:?$/;

const asReference = (c: Citation): ExtractedReference => ({ symbol: c.symbol, date: c.date, issuer_text: c.issuerText, start: c.start, end: c.end });

/**
 * More than any real document holds (the largest plans and programmes assign a few hundred tasks and
 * state a few hundred figures): beyond it a file is a list generated to exhaust the server, or one that
 * must be split, and it is refused as soon as the count is crossed.
 */
export const MAX_TASKS = 5_000;
export const MAX_FIGURES = 20_000;
/** Numbers of any kind (dates, symbols, figures): counted first, in one quick pass, so that a flood of them is refused before it is read. */
export const MAX_NUMBERS = 100_000;

const tooManyItems = (what: { vi: string; en: string }, limit: number) => new UnreadableFileError("too_many_items", {
  vi: `Văn bản có hơn ${formatVietnameseNumber(limit)} ${what.vi}, nhiều hơn mọi kế hoạch thực tế; hãy tách văn bản thành nhiều tệp (ví dụ mỗi phụ lục một tệp) rồi tải lên`,
  en: `The document has more than ${limit.toLocaleString("en")} ${what.en}, more than any real plan; split it into several files (for example one per appendix) and upload them`,
});

export function extract(text: string, file = "", registry: RegistryAgency[] = []): Extraction {
  if (countUpTo(text, /\d+/g, MAX_NUMBERS + 1) > MAX_NUMBERS) throw tooManyItems({ vi: "con số", en: "numbers" }, MAX_NUMBERS);
  const lines = segmentLines(text);
  const meta = extractMetadata(lines, registry.map((a) => a.name));
  const ownKey = meta.symbol ? parseDocumentSymbol(meta.symbol)?.key : null;
  const citations = findCitations(text).filter((c) => c.key !== ownKey);

  const implemented = implementedDocuments(text, lines, citations, meta.title, meta.issuer);

  // A report states results and the work ahead; every other kind of document states targets and assigns work.
  const kind = meta.type === "report" ? "report" : "plan";
  // Tasks read the whole document folded, indicators and reporting rules the folds of its sentences, and both
  // kinds of table the folds of their cells: it is folded once.
  const document = new FoldedText(text);
  // Projects and indicators read the same sentences: their figures are found once.
  let figures = 0;
  const quantities = quantityFinder((count) => {
    if ((figures += count) > MAX_FIGURES) throw tooManyItems({ vi: "số liệu", en: "figures" }, MAX_FIGURES);
  });
  const projectScopes = findProjectScopes(lines, quantities, text, document);
  if (projectScopeCount(projectScopes) > MAX_PROJECT_SCOPES) throw tooManyItems({ vi: "dự án", en: "projects" }, MAX_PROJECT_SCOPES);
  // The lines of the content (not the header, recipients' and signature blocks): read by three stages, found once.
  const parts = bodyParts(lines, text.length);
  const content = parts.flatMap((p) => p.lines);
  // (The work cells of task tables' rows, found by the tasks stage: their figures are indicators.)
  const tableWork: TableWork[] = [];
  const tasks = datedByIssue(withinLimit(assignedByIssuer(extractTasks(text, lines, { kind, centralIssuer: isCentralIssuer(meta.issuer), tableWork }, registry, document, content), meta.issuer, kind)), meta.issued);
  return {
    file,
    document: {
      symbol: meta.symbol, type: meta.type ? DOCUMENT_TYPE_LABELS[meta.type].vi : null, doc_type: meta.type, issuer: meta.issuer,
      issued: meta.issued, issued_text: meta.issuedText, signer: meta.signer, title: meta.title,
    },
    outline: extractOutline(lines, text.length, parts),
    implements: implemented.map(asReference),
    references: uniqueCitations(notImplemented(citations, implemented)).map(asReference),
    indicators: withTableIndicators(extractIndicators(lines, kind, projectScopes, quantities, document, issuedYear(meta, lines), titleYear(meta.title, kind), content, meta.issued, ownWork(tableWork, meta.issuer)), extractTableIndicators(text, content, kind, document)),
    tasks,
    reporting: withReporters(text, extractReportingRules(lines, document), tasks),
    projects: extractProjects(text, projectScopes, quantities, meta.issued),
    cited: describeCitations(text, citations),
    amendment: extractAmendment(text, lines, citations, meta.title, meta.issued),
  };
}

/**
 * The work the document assigns, without what it asks of those above its issuer and without a report's own closing. As a
 * province's requests to the Centre are no tasks, a department's or a commune's to the province's leadership are none ("Đề nghị
 * UBND tỉnh chỉ đạo Sở Tài chính bố trí kinh phí ..."); and a report's issuer reporting its report ("UBND tỉnh Đồng Nai báo cáo
 * Bộ Giao thông vận tải theo dõi, tổng hợp./.") closes it. Nor is the issuer's own word, a task it alone would lead.
 */
function assignedByIssuer(tasks: ExtractedTask[], issuer: string | null, kind: "plan" | "report"): ExtractedTask[] {
  const below = isBelowProvince(issuer);
  const issuerKey = issuer === null ? null : bodyKey(issuer);
  /** The issuer, named in full or without its place ("UBND tỉnh" in a report of "UBND tỉnh Hà Tĩnh"). */
  const isIssuer = (name: string) => {
    const key = bodyKey(name);
    return issuerKey !== null && (key === issuerKey || (GENERIC_COMMITTEE.test(key) && issuerKey.startsWith(`${key} `)));
  };
  /** Each lead's key, made once per name (a plan names its few agencies at every task). */
  const keys = new Map<string, string>();
  const keyOf = (name: string) => { let key = keys.get(name); if (key === undefined) keys.set(name, (key = bodyKey(name))); return key; };
  return tasks.filter((t) => !(below && t.lead.length && t.lead.every(isProvincialLeadership))
    && !(kind === "report" && t.lead.length === 1 && isIssuer(t.lead[0]) && /^(?:kinh )?bao cao\s/.test(foldPhrase(t.text)))
    // ("Quốc hội kêu gọi đồng bào, chiến sỹ cả nước ..." in a resolution of the National Assembly: the issuer speaking, no task.)
    && !(t.lead.length === 1 && issuerKey !== null && keyOf(t.lead[0]) === issuerKey));
}
/** The task rows whose work is the document's own targets: not a row that asks the province's leadership (see assignedByIssuer). */
const ownWork = (rows: TableWork[], issuer: string | null) => (isBelowProvince(issuer) ? rows.filter((w) => !isProvincialLeadership(w.lead)) : rows);
const GENERIC_COMMITTEE = /^(?:ubnd|hdnd) (?:tinh|thanh pho|huyen|xa|phuong|dac khu)$/;

/**
 * The text's indicators and a table's: a table's row the text also states (the same value, unit, year
 * and kind, in a clause with most of the row's words: an appendix restating the plan's headline targets)
 * is kept once, where the text states it, with the table's name and owner. Each text figure stands for
 * one row at most; rows are never merged with one another.
 */
function withTableIndicators(fromText: ExtractedIndicator[], fromTables: TableIndicator[]): ExtractedIndicator[] {
  // (Each unit's head and each text's words made once: every row is compared with every figure of the text.)
  const heads = new Map<string | null, string>();
  const unitHead = (u: string | null) => { let head = heads.get(u); if (head === undefined) heads.set(u, (head = foldVietnamese(u ?? "").trim().split(/[\s,/]/)[0])); return head; };
  const words = new Map<string, Set<string>>();
  const wordsOf = (s: string) => { let w = words.get(s); if (!w) words.set(s, (w = new Set(foldVietnamese(s).split(/[^a-z0-9]+/).filter((x) => x.length > 1)))); return w; };
  const sameFigure = (a: ExtractedIndicator, b: ExtractedIndicator) =>
    a.min === b.min && a.max === b.max && a.year === b.year && a.kind === b.kind && unitHead(a.unit) === unitHead(b.unit);
  const namedIn = (rowWords: string[], clause: string) => {
    const clauseWords = wordsOf(clause);
    return rowWords.length > 0 && rowWords.filter((w) => clauseWords.has(w)).length >= 0.6 * rowWords.length;
  };
  const out: ExtractedIndicator[] = [...fromText];
  const taken = new Set<number>();
  for (const row of fromTables) {
    const rowWords = foldVietnamese(row.name).split(/[^a-z0-9]+/).filter((w) => w.length > 1);
    // (Named by its clause, or by the clause before it that it only dates again: "tỷ lệ đô thị hóa đạt trên 25%; đến năm 2030 đạt khoảng 35%".)
    const stated = fromText.findIndex((i, k) => !taken.has(k) && sameFigure(i, row) && (namedIn(rowWords, i.text) || namedIn(rowWords, i.name)));
    if (stated < 0) { out.push(row); continue; }
    taken.add(stated);
    // (The table's name is the indicator's name; a sentence's clause names it less well: "đến năm 2030 đạt khoảng 35%".)
    out[stated] = { ...out[stated], name: row.name, owner: row.owner ?? null };
  }
  return out;
}

/**
 * Who reports: the body an agency advises to report ("Sở X tổng hợp, tham mưu UBND tỉnh báo cáo Bộ Y": UBND tỉnh);
 * else, for a rule whose sentence names no one ("b) Tổng hợp kết quả thực hiện, báo cáo UBND tỉnh trước ngày
 * 15/12/2025." under "1. Sở Nông nghiệp và Môi trường"), the lead of the task its sentence stands in.
 */
function withReporters(text: string, rules: ReportingRule[], tasks: ExtractedTask[]): ReportingRule[] {
  /** The bodies the last rule's sentence advises, read once for all its rules (a sentence of a thousand dates has a thousand). */
  let read: Advised & { start: number; end: number } | null = null;
  return rules.map((rule) => {
    // "tham mưu UBND xã báo cáo ... gửi Sở Nội vụ": the body advised reports, not the agency that advises it, where that
    // "báo cáo" is the rule's own (it reports to the rule's target, or its sentence has no other).
    if (read?.start !== rule.start || read.end !== rule.end) read = { start: rule.start, end: rule.end, ...advisedIn(text.slice(rule.start, rule.end)) };
    const body = rule.to === null || read.reports === 1 ? read.advised[0] : read.reporting(foldVietnamese(rule.to).slice(0, REPORTED_TO));
    if (body) return { ...rule, from: body.name };
    if (rule.from !== null) return rule;
    const task = tasks.find((t) => t.start <= rule.start && rule.start < t.end);
    return task ? { ...rule, from: task.lead.join(", ") } : rule;
  });
}
/** A body a sentence advises to report ("tham mưu UBND xã báo cáo"), and the fold of what follows (trimmed). */
interface AdvisedBody { name: string; after: string }
/**
 * The bodies a sentence advises to report, in order; how many times it says "báo cáo"; and the first body whose report
 * goes to the body a fold (the first REPORTED_TO units of its name) names.
 */
interface Advised { advised: AdvisedBody[]; reports: number; reporting: (to: string) => AdvisedBody | undefined }
/** How much of a target's name tells whom a body advised reports to. */
const REPORTED_TO = 12;

function advisedIn(sentence: string): Advised {
  if (!/tham mưu/iu.test(sentence)) return { advised: [], reports: 0, reporting: () => undefined };
  // What follows each is cut from the sentence's fold, folded once; where the sentence does not fold unit by unit, the
  // words right after it are folded (what follows is only compared with a name's first units).
  const folded = new FoldedText(sentence);
  const advised = allMatches(ADVISED_REPORTS, sentence).map((m) => {
    const at = m.index + m[0].length;
    return { name: m[1], after: (folded.regular ? folded.folded.slice(at) : foldVietnamese(sentence.slice(at, at + 200))).trim() };
  });
  // The first body for each beginning of what follows it: a sentence of thousands of them is read once, not once a rule.
  let byStart: Map<string, AdvisedBody> | null = null;
  const reporting = (to: string) => {
    if (!byStart) {
      byStart = new Map();
      for (const body of advised) for (let n = 0; n <= REPORTED_TO; n++) { const start = body.after.slice(0, n); if (!byStart.has(start)) byStart.set(start, body); }
    }
    return byStart.get(to);
  };
  return { advised, reports: advised.length ? allMatches(REPORTS_WORD, sentence).length : 0, reporting };
}
const REPORTS_WORD = /báo cáo/giu;
/** "tham mưu (cho) UBND tỉnh báo cáo": the body advised, named whole (its level, and its place when written), then "báo cáo". */
const ADVISED_REPORTS = /tham mưu(?:\s+cho)?\s+((?:(?:Chủ tịch\s+)?(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND|Hội đồng nhân dân)\s+(?:tỉnh|thành phố|huyện|thị xã|xã|phường)(?:\s+\p{Lu}\p{Ll}*){0,3})|(?:Ban Thường vụ\s+)?Tỉnh ủy)\s+báo cáo/giu;

/** The year a title names: a report's ("Kết quả thực hiện ... năm 2025"), a one-year plan's (the last it names). */
const titleYear = (title: string | null, kind: "plan" | "report") => {
  // "năm 2025", not a horizon ("đến năm 2030", "tầm nhìn đến năm 2045") of the document it reports on, a period ("5 năm
  // 2021 - 2025"), nor the date of a document it cites ("Nghị quyết số 13-NQ/TW ngày 16 tháng 01 năm 2012") or a law's
  // year ("thi hành Luật Đất đai năm 2024"); a month's report keeps its year ("tháng 10 năm 2025").
  const found = [...(title ?? "").matchAll(/(?<!đến\s|ngày\s*\d{1,2}\s*tháng\s*\d{1,2}\s*|Luật[^,;]{0,60})năm\s+((?:19|20)\d\d)(?!\d)(?!\s*[-–]\s*\d)/giu)];
  if (!found.length) return null;
  // A report's results are of the year it reports on, not of the year of its work ahead: "Kết quả thực hiện ... năm 2025 và
  // nhiệm vụ năm 2026" reports on 2025.
  const ahead = kind === "report" ? found.findIndex((m) => /\s(?:và|;)\s+(?:phương hướng|nhiệm vụ|kế hoạch|giải pháp)/iu.test(title!.slice(0, m.index))) : -1;
  return Number(found[ahead > 0 ? ahead - 1 : found.length - 1][1]);
};

/** The year the document was issued, or that its draft's date names. */
const issuedYear = (meta: { issued: string | null; issuedText: string | null }, lines: Line[]) =>
  meta.issued ? Number(meta.issued.slice(0, 4)) : Number(/\d{4}/.exec(meta.issuedText ?? "")?.[0]) || attachedYear(lines);

/**
 * A scheme or plan published on its own, without a header date, under "(Kèm theo Quyết định số 500/QĐ-UBND ngày 20/02/2026
 * của UBND tỉnh)": the year of the decision it was issued with.
 */
function attachedYear(lines: Line[]): number | null {
  for (const line of lines.slice(0, 20)) {
    const m = ATTACHED_TO.exec(line.text);
    if (m) return Number(m[1] ?? m[2]);
  }
  return null;
}
const ATTACHED_TO = /^\(?\s*(?:Ban hành\s+)?kèm theo\s[^()]{0,80}?ngày\s+(?:\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(\d{4})|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+(\d{4}))/iu;

/**
 * A deadline written without its year: each year's where the task recurs yearly ("định kỳ hằng năm báo cáo ... trước ngày
 * 30/11"), else the year the document was issued ("hoàn thành trước 31/12", "trong tháng 9"). One that recurs otherwise
 * ("định kỳ 6 tháng, trước ngày 15/6") is left as written.
 */
function datedByIssue(tasks: ExtractedTask[], issued: string | null): ExtractedTask[] {
  return tasks.map((t) => {
    if (t.deadline !== null || !t.deadline_text || RECURS.test(t.deadline_text) || yearAfter(t.text, t.deadline_text)) return t;
    if (YEARLY.test(t.text)) {
      const yearly = parseDeadline(`${t.deadline_text} hằng năm`);
      return { ...t, deadline: yearly && { ...yearly, text: t.deadline_text } };
    }
    return issued && !RECURS.test(t.text) ? { ...t, deadline: parseDeadline(t.deadline_text, issued) } : t;
  });
}
const RECURS = /hằng|hàng (?:năm|quý|tháng)|định kỳ|mỗi (?:năm|quý|tháng)|thường xuyên/iu;
/** Whether the task writes a year after its deadline's words ("trước ngày 30/6 năm 2027", "trước ngày 15/12 năm sau"): then not the issue's. */
const yearAfter = (text: string, deadline: string) => {
  const at = text.indexOf(deadline);
  return at >= 0 && /^\s*,?\s*(?:năm|của năm)\s+(?:\d{4}|sau|tới|kế tiếp|tiếp theo)/iu.test(text.slice(at + deadline.length, at + deadline.length + 24));
};
const YEARLY = /(?:hằng|hàng|mỗi) năm/iu;

function withinLimit(tasks: ExtractedTask[]): ExtractedTask[] {
  if (tasks.length > MAX_TASKS) throw tooManyItems({ vi: "nhiệm vụ", en: "tasks" }, MAX_TASKS);
  return tasks;
}

/** How many times `pattern` (global, never matching empty) matches in `text`, counting no further than `limit`. */
function countUpTo(text: string, pattern: RegExp, limit: number): number {
  let count = 0;
  pattern.lastIndex = 0;
  // (test, not exec: it moves on alike, without making each match's array.)
  while (count < limit && pattern.test(text)) count++;
  pattern.lastIndex = 0;
  return count;
}
