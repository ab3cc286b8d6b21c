/**
 * The sentences both forms of the report draft from the data: the indicators' and tasks' counts, the
 * lagging indicators, overdue tasks and projects behind, what the agencies reported (the leads'
 * results, the coordinating agencies' contributions, difficulties, proposals), and the tasks ahead.
 * Pure over the gathered context.
 */
import { describeTarget } from "../evaluation/indicators.js";
import { formatVietnameseDate } from "../text/dates.js";
import { formatVietnameseNumber } from "../text/numbers.js";
import type { ReportContext } from "./context.js";
import type { Block } from "./official-document.js";
import { projectFindings } from "./project-paragraphs.js";
import { shorten } from "./narrative.js";

export const n = (x: number | null) => (x === null ? "" : formatVietnameseNumber(Math.round(x * 100) / 100));
export const orNone = (items: string[], none: string): Block => (items.length ? { kind: "bullets", items } : { kind: "paragraph", text: none });

export function reportFindings(ctx: ReportContext) {
  const e = ctx.evaluation, ic = e.indicatorCounts, tc = e.taskCounts;
  const withData = e.indicators.filter((i) => i.evaluation.status !== "no_data");
  const lagging = e.indicators.filter((i) => i.evaluation.status === "off_track" || i.evaluation.status === "at_risk");
  const overdue = e.tasks.filter((t) => t.state === "overdue");
  const laggingProjects = ctx.projects.filter((p) => p.evaluation.state === "behind" || p.evaluation.state === "stalled");
  // "(Kế hoạch số 23/KH-UBND)": where an item comes from, when the scope holds more than one document.
  const from = (kind: "task" | "indicator", id: number) => (ctx.multiSource && ctx.sourceOf(kind, id) ? ` (${ctx.sourceOf(kind, id)})` : "");
  const holder = ctx.multiSource || ctx.scope.chain.length ? `${ctx.typeName} và các văn bản triển khai` : ctx.typeName;
  const fromAgencies = (key: "results" | "difficulties" | "proposals") => ctx.accepted.filter((a) => a[key].trim()).map((a) => `${a.agency}: ${a[key].trim()}`);
  const taskOf = new Map(e.tasks.map((t) => [t.id, t]));
  const contributionLines = [...ctx.contributions].filter(([taskId]) => taskOf.has(taskId)).flatMap(([taskId, list]) =>
    list.map((c) => `${c.agency} phối hợp thực hiện nhiệm vụ "${shorten(taskOf.get(taskId)!.text, 120)}"${from("task", taskId)}: ${c.narrative.replace(/[.;]?$/u, ".")}`));
  return {
    withData, lagging, overdue, laggingProjects, fromAgencies, contributionLines, from,
    indicatorSummary: `${holder} đề ra ${e.indicators.length} chỉ tiêu; đến năm ${ctx.year}: ${ic.achieved} chỉ tiêu đạt, ${ic.on_track} chỉ tiêu đúng hướng, ${ic.at_risk} chỉ tiêu có nguy cơ không đạt, ${ic.off_track} chỉ tiêu không đạt hoặc chệch hướng, ${ic.no_data} chỉ tiêu chưa có số liệu (chi tiết tại Phụ lục III).`,
    taskSummary: `Trong ${e.tasks.length} nhiệm vụ: ${tc.completed_on_time} hoàn thành đúng hạn, ${tc.completed_late} hoàn thành quá hạn, ${tc.in_progress} đang thực hiện trong hạn, ${tc.overdue} quá hạn chưa hoàn thành, ${tc.not_started} chưa triển khai (chi tiết tại Phụ lục II).`,
    indicatorLines: withData.map((i) => `${shorten(i.name, 120)}${from("indicator", i.id)}: ${i.evaluation.reason.vi}.`),
    limitationLines: [
      ...lagging.map((i) => `Chỉ tiêu ${shorten(i.name, 120)}${from("indicator", i.id)}: ${i.evaluation.reason.vi}.`),
      ...overdue.map((t) => `Nhiệm vụ "${shorten(t.text, 160)}"${from("task", t.id)} (${ctx.leadOf(t.id) || "chưa rõ cơ quan chủ trì"}) đã quá hạn${t.due ? ` (hạn ${formatVietnameseDate(t.due)})` : ""} nhưng chưa hoàn thành.`),
      ...laggingProjects.map((p) => `Dự án ${p.name} ${p.evaluation.state === "stalled" ? "không có tiến triển" : "chậm tiến độ"}: ${projectFindings(p)}.`),
    ],
    aheadLines: [
      ...lagging.map((i) => `Tập trung các giải pháp để đạt chỉ tiêu ${shorten(i.name, 120)} (mục tiêu ${describeTarget(i.target)}${i.evaluation.requiredRate !== undefined && i.evaluation.remaining ? `; các năm ${i.evaluation.remaining.from} - ${i.evaluation.remaining.to} cần đạt bình quân ${n(i.evaluation.requiredRate)}%/năm` : ""}).`),
      ...overdue.map((t) => `Đôn đốc ${ctx.leadOf(t.id) || "cơ quan chủ trì"} hoàn thành nhiệm vụ "${shorten(t.text, 120)}".`),
      ...laggingProjects.map((p) => `Đôn đốc ${p.leadName ?? "chủ đầu tư"} đẩy nhanh tiến độ dự án ${p.name}${p.evaluation.disbursement?.state === "behind" ? ", giải ngân hết kế hoạch vốn được giao" : ""}.`),
    ],
  };
}

/** "Thực hiện Kế hoạch số 23/KH-UBND ... về ..., các cơ quan, đơn vị đã ban hành 3 văn bản triển khai (chi tiết tại Phụ lục I)." */
export function issuedSentence(ctx: ReportContext): string {
  const top = ctx.scope.top;
  // The title without its type word ("Kế hoạch thực hiện ..." → "thực hiện ..."), and without repeating the type and number ("Nghị quyết số 11-NQ/TW về ..." → "...").
  const subject = top.title.replace(new RegExp(`^${ctx.typeName}\\s+(?:số\\s+\\S+\\s+)?(?:về\\s+)?`, "iu"), "").replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase());
  const about = subject && !/^(?:số\s|\S+\/)/u.test(subject) ? ` về ${subject}` : "";
  const count = ctx.scope.chain.length;
  return `Thực hiện ${ctx.ref}${about}, ${count ? `các cơ quan, đơn vị đã ban hành ${count} văn bản triển khai (chi tiết tại Phụ lục I)` : "chưa ghi nhận văn bản nào của các cơ quan, đơn vị ban hành để triển khai (Phụ lục I)"}.`;
}

/** The reporting round's figures, or that there was none. */
export function boardSentence(ctx: ReportContext): string {
  const b = ctx.board;
  return b
    ? `Trong kỳ báo cáo năm ${ctx.year}, ${b.totals.expected} cơ quan, đơn vị phải báo cáo; ${b.totals.received} cơ quan đã gửi báo cáo (${n(b.percentages.received)}%), trong đó ${b.totals.onTime} cơ quan gửi đúng hạn; ${b.totals.missing} cơ quan chưa gửi.`
    : `Chưa tổ chức đợt báo cáo năm ${ctx.year} đối với ${ctx.typeName}.`;
}
