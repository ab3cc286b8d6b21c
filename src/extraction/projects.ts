/**
 * Key projects and their figures of progress: "Đã bàn giao cho doanh nghiệp dự án được
 * 366,55/640,28 ha đạt 57,24%" gives 366,55 of 640,28 ha and 57,24%. A project's figures are
 * found in its scope, which the text opens in one of four ways:
 *  - a numbered item that names a project: "(1) Dự án Tuyến cao tốc ...: ..." up to "(2)", or a numbered
 *    or bulleted line "1. Dự án đường cao tốc ...: đã bàn giao ...";
 *  - a paragraph whose first sentence names one ("... có 01 dự án quan trọng quốc gia (Dự án
 *    tuyến cao tốc ...)"), with the paragraphs after it in its section that go on about the
 *    project ("Dự án đã hoàn thành ...", "... bàn giao cho doanh nghiệp dự án ...");
 *  - a sentence that names one further into a paragraph ("Tiếp tục triển khai Đề án xây dựng
 *    đường kiểm tra cột mốc ..., lũy kế đã xây dựng được 284 đường");
 *  - a sentence reporting the progress of an investment as a ratio ("109/195 trụ sở ... được đầu tư").
 * A footnote belongs to the scope its marker stands in. The figures of a scope are not indicators,
 * except counts of projects ("01 dự án quan trọng quốc gia").
 */
import { foldPhrase } from "../text/fold.js";
import { allMatches } from "../text/matches.js";
import { findQuantities, type QuantityFinder, type QuantityMention } from "./quantities.js";
import { isHeading, markersIn, sentencesOf, type Line } from "./segment.js";

export interface ProjectMetric { text: string; value: number | null; of: number | null; unit: string | null; start: number; end: number }
export interface ExtractedProject { name: string; metrics: ProjectMetric[]; start: number; end: number }
export interface ProjectScope { name: string; start: number; end: number }

/** "Dự án X" or "Đề án X" as a name: not "Dự án đã hoàn thành", which refers back to one. */
const NAMED = /(Dự án|Đề án)\s+(?!(?:đã|có|được|là|này|đang|sẽ|trên|với|do|nêu|trọng điểm)\s)([^.;:()]{6,160}?)(?=\s*[):;,.]|\s+(?:có|đã|với|được|dài|đi qua|gồm|lũy kế)\s|$)/u;
const ENUMERATED = /\((\d{1,2})\)\s*/g;
const PROJECT_ITEM = /^(?:Dự án|Đề án|Đầu tư|Công trình|Tuyến|Xây dựng|Nâng cấp|Cải tạo)\s/u;
const INVESTING = /dau tu|ban giao|giai phong mat bang|thi cong|giai ngan|xay dung/;

/** Whether NAMED can match in `text`: most sentences name no project, and are not searched with it. */
const mayName = (text: string) => text.includes("ự án") || text.includes("ề án");
const named = (text: string) => (mayName(text) ? NAMED.exec(text) : null);

const sentenceSpans = (line: Line) =>
  sentencesOf(line).map((s) => ({ text: s.text, start: line.start + s.start, end: line.start + s.start + s.text.length }));

/** Numbered items that name a project, each up to the next item. */
function enumeratedScopes(line: Line): ProjectScope[] {
  const items = allMatches(ENUMERATED, line.text);
  return items.flatMap((m, k) => {
    const from = m.index! + m[0].length;
    const to = k + 1 < items.length ? items[k + 1].index! : line.text.length;
    const item = line.text.slice(from, to);
    if (!PROJECT_ITEM.test(item)) return [];
    const name = item.split(/:|,\s| dài /u)[0].trim();
    return [{ name, start: line.start + from, end: line.start + to }];
  });
}

/** A numbered or bulleted line that names a project before a colon: "1. Dự án đường cao tốc ...: đã bàn giao 412,6/425,0 ha ...". */
function listedProject(line: Line): ProjectScope | null {
  if (line.kind === "text" || !PROJECT_ITEM.test(line.body)) return null;
  const colon = line.body.indexOf(":");
  if (colon < 6 || colon > 200) return null;
  return { name: line.body.slice(0, colon).trim(), start: line.end - line.body.length + colon + 1, end: line.end };
}

export function findProjectScopes(lines: Line[], quantities: QuantityFinder = findQuantities): ProjectScope[] {
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
    const enumerated = enumeratedScopes(line);
    if (enumerated.length) { scopes.push(...enumerated); current = null; continue; }
    const item = listedProject(line);
    if (item) { scopes.push(item); current = null; continue; }
    if (isHeading(line)) { current = null; continue; }
    if (openSentence && line.continues === openSentence.line) {
      const end = line.text.search(/\.(\s|$)/);
      scopes.push({ name: openSentence.name, start: line.start, end: end < 0 ? line.end : line.start + end });
    }
    openSentence = null;
    const sentences = sentenceSpans(line);
    const opening = named(sentences[0].text);
    if (opening && line.continues === null) {
      current = { name: `${opening[1]} ${opening[2]}`.trim(), word: foldPhrase(opening[1]) };
      scopes.push({ name: current.name, start: sentences[0].start, end: line.end });
      continue;
    }
    // A paragraph goes on about the project when it names it again or reports progress ("Kết quả đến tháng 10/2024: đã bàn giao ...").
    if (current && (line.continues !== null || foldPhrase(sentences[0].text).includes(current.word) || INVESTING.test(foldPhrase(sentences[0].text)))) {
      scopes.push({ name: current.name, start: line.start, end: line.end });
      continue;
    }
    if (line.continues === null) current = null;
    for (const s of sentences) {
      const naming = named(s.text);
      const ratio = quantities(s.text).find((q) => q.of !== null && q.unit !== "%" && q.unit !== "thứ hạng");
      if (naming) {
        const name = `${naming[1]} ${naming[2]}`.trim();
        scopes.push({ name, start: s.start + naming.index, end: s.end });
        if (s.end === line.end && !/[.;:]$/.test(s.text)) openSentence = { line: index, name };
      }
      else if (ratio && INVESTING.test(foldPhrase(s.text))) {
        // Named by what progresses: "109/195 trụ sở công an ..." or, for a measure, the words before it ("bàn giao mặt bằng").
        const after = s.text.slice(ratio.start).replace(/^[\d.,/\s]+/, "").split(/[,;(]/)[0].trim();
        const before = s.text.slice(0, ratio.start).split(/[,;:(]/).pop()!.trim();
        scopes.push({ name: after.length > (ratio.unit?.length ?? 0) + 2 ? after : before || after, start: s.start, end: s.end });
      }
    }
  }
  // A footnote goes with the scope its marker stands in, unless it lists projects of its own.
  for (const line of lines) {
    if (!line.footnote) continue;
    const enumerated = enumeratedScopes(line);
    if (enumerated.length) { scopes.push(...enumerated); continue; }
    const marker = /^(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\d{1,3}\])/u.exec(line.text)?.[0];
    const cited = marker && markers.find((m) => m.marker === marker);
    const owner = cited && scopes.find((s) => cited.at >= s.start && cited.at <= s.end);
    if (owner) scopes.push({ name: owner.name, start: line.start, end: line.end });
  }
  return scopes;
}

/**
 * Figures in a project's scope that are indicators all the same: a count of projects ("01 dự án quan
 * trọng quốc gia") and a share of a policy ("tỷ lệ thôn có đường ô tô ... đạt 87%"). `clause` is the
 * figure's clause up to the figure.
 */
export const isIndicatorInProject = (q: QuantityMention, clause: string) =>
  /^(dự án|đề án)/iu.test(q.unit ?? "") || /\bt[yi] le\b/.test(foldPhrase(clause));

export function extractProjects(text: string, scopes: ProjectScope[], quantities: QuantityFinder = findQuantities): ExtractedProject[] {
  const projects = new Map<string, ExtractedProject>();
  for (const scope of scopes) {
    const key = foldPhrase(scope.name);
    const project = projects.get(key) ?? { name: scope.name, metrics: [], start: scope.start, end: scope.end };
    projects.set(key, project);
    const body = text.slice(scope.start, scope.end);
    for (const q of quantities(body)) {
      const clauseStart = Math.max(body.lastIndexOf(";", q.start), body.lastIndexOf(":", q.start), body.lastIndexOf(". ", q.start)) + 1;
      if (isIndicatorInProject(q, body.slice(Math.max(body.lastIndexOf(";", q.start), body.lastIndexOf(". ", q.start)) + 1, q.start))) continue;
      project.metrics.push({
        text: body.slice(clauseStart, q.end).trim(), value: q.min ?? q.max, of: q.of, unit: q.unit,
        start: scope.start + q.start, end: scope.start + q.end,
      });
    }
    project.end = Math.max(project.end, scope.end);
  }
  return [...projects.values()].filter((p) => p.metrics.length);
}
