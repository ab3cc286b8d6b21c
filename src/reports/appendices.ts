/**
 * The report's appendices: I the documents issued down the whole chain (numbered as a tree, "1.2"
 * under "1"), II task by task (with the document each comes from when there are several, and the
 * coordinating agencies' contributions beside the lead's result), III indicators by year, IV the key
 * projects when the scope carries any.
 */
import { describeTarget } from "../evaluation/indicators.js";
import { PROJECT_STATE_LABELS } from "../evaluation/projects.js";
import type { TaskState } from "../evaluation/tasks.js";
import type { IndicatorEvaluation } from "../evaluation/indicators.js";
import { formatVietnameseDate } from "../text/dates.js";
import { formatVietnameseNumber } from "../text/numbers.js";
import { cite, sentenceCase, type ReportContext } from "./context.js";
import type { Appendix, TableBlock } from "./official-document.js";
import { outlineNumbers } from "./scope.js";

export const TASK_STATE_LABELS: Record<TaskState, string> = {
  completed_on_time: "Hoàn thành đúng hạn", completed_late: "Hoàn thành quá hạn", in_progress: "Đang thực hiện trong hạn",
  overdue: "Quá hạn, chưa hoàn thành", not_started: "Chưa triển khai",
};
export const EVALUATION_LABELS: Record<IndicatorEvaluation["status"], string> = {
  achieved: "Đạt", on_track: "Đúng hướng", at_risk: "Có nguy cơ không đạt", off_track: "Không đạt / chệch hướng", no_data: "Chưa có số liệu",
};

/** "Số      /BC-UBND" or "Số      -BC/TU": the report's number as an appendix cites it, blank for the clerk until set. */
export function reportNumber(ctx: ReportContext): string {
  const { number, symbolSuffix, template } = ctx.body;
  const sep = template === "party" ? "-" : "/";
  return `${number ?? " ".repeat(5)}${sep}${symbolSuffix}`;
}

export function reportAppendices(ctx: ReportContext): Appendix[] {
  const { scope, evaluation, typeName } = ctx;
  const top = scope.top;
  const subtitle = `(Kèm theo Báo cáo số ${reportNumber(ctx)} ngày ${formatVietnameseDate(ctx.today)} của ${ctx.body.short})`;
  const symbolOf = new Map([[top.id, top.symbol], ...scope.chain.map((d) => [d.id, d.symbol] as const)]);
  const numbers = outlineNumbers(scope.chain, top.id);
  // "Văn bản": which document of the chain a task or an indicator comes from, when there is more than one.
  const source = ctx.multiSource ? [{ title: "Văn bản", width: 9 }] : [];
  const sourceCell = (kind: "task" | "indicator", id: number) => (ctx.multiSource ? [ctx.sourceOf(kind, id)] : []);
  const years = [...new Set(evaluation.indicators.flatMap((i) => i.values.map((v) => v.year)))].sort().slice(-5);
  const result = (taskId: number) => [ctx.resultOf.get(taskId), ...(ctx.contributions.get(taskId) ?? []).map((c) => `Phối hợp - ${c.agency}: ${c.narrative}`)]
    .filter(Boolean).join("\n") || null;

  const appendices: Appendix[] = [
    { title: `Phụ lục I\nDANH MỤC VĂN BẢN BAN HÀNH TRIỂN KHAI THỰC HIỆN ${typeName.toLocaleUpperCase("vi")}`, subtitle, landscape: true,
      table: { kind: "table", columns: [{ title: "STT", width: 7 }, { title: "Số, ký hiệu", width: 14 }, { title: "Ngày ban hành", width: 12 }, { title: "Trích yếu", width: 47 }, { title: "Cơ quan ban hành", width: 20 }],
        rows: scope.chain.map((d, i) => [numbers[i], d.symbol, d.issuedOn ? formatVietnameseDate(d.issuedOn) : d.issuedText,
          // A document below another of the chain says which it carries out.
          d.depth > 1 ? `${d.title} (thực hiện văn bản ${symbolOf.get(d.parentId) ? `số ${symbolOf.get(d.parentId)}` : "nêu trên"})` : d.title, d.issuer]),
        empty: `Chưa ghi nhận văn bản nào ban hành để triển khai thực hiện ${typeName} ${cite(top)}.`.replace(/\s+/g, " ").replace(" .", ".") } },
    { title: "Phụ lục II\nKẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ", subtitle, landscape: true,
      table: { kind: "table", columns: [{ title: "STT", width: 5 }, ...source, { title: "Nhiệm vụ", width: 37 }, { title: "Cơ quan chủ trì", width: 18 - source.length * 4 }, { title: "Thời hạn", width: 10 }, { title: "Tình trạng", width: 12 }, { title: "Kết quả", width: 18 - source.length * 5 }],
        // The task's text whole, as the plan assigns it: a table row has room, and a cut would lose what was asked.
        rows: evaluation.tasks.map((t, i) => [i + 1, ...sourceCell("task", t.id), sentenceCase(t.text), ctx.leadOf(t.id), t.due ? formatVietnameseDate(t.due) : null, TASK_STATE_LABELS[t.state], result(t.id)]),
        empty: `${typeName} không giao nhiệm vụ cụ thể.` } },
    { title: "Phụ lục III\nKẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", subtitle, landscape: true,
      table: { kind: "table", columns: [{ title: "STT", width: 7 }, ...source, { title: "Chỉ tiêu", width: 30 - source.length * 4 }, { title: "Mục tiêu", width: 14 }, ...years.map((y) => ({ title: String(y), width: 11 })), { title: "Đánh giá", width: 16 }],
        rows: evaluation.indicators.map((i, k) => [k + 1, ...sourceCell("indicator", i.id), i.name, describeTarget(i.target), ...years.map((y) => {
          const v = i.values.find((x) => x.year === y);
          if (!v) return null;
          const value = Math.round(v.value * 100) / 100;
          return v.kind === "estimate" ? { value, note: "ước" } : value;
        }), EVALUATION_LABELS[i.evaluation.status]]), empty: `${typeName} không đề ra chỉ tiêu định lượng.` } },
  ];
  if (ctx.projects.length) appendices.push({ title: "Phụ lục IV\nTIẾN ĐỘ CÁC DỰ ÁN, CÔNG TRÌNH TRỌNG ĐIỂM", subtitle, landscape: true, table: projectTable(ctx) });
  return appendices;
}

/** The key projects' progress side by side: the figures of the projects section. */
function projectTable(ctx: ReportContext): TableBlock {
  return { kind: "table", columns: [{ title: "STT", width: 5 }, { title: "Dự án, công trình", width: 25 }, { title: "Chủ đầu tư", width: 13 }, { title: "Tổng mức đầu tư (tỷ đồng)", width: 10 },
    { title: "Giải ngân (tỷ đồng)", width: 13 }, { title: "Mặt bằng đã bàn giao (ha)", width: 11 }, { title: "Khối lượng (%)", width: 8 }, { title: "Số liệu đến", width: 9 }, { title: "Đánh giá", width: 11 }],
    rows: ctx.projects.map((p, k) => {
      const e = p.evaluation;
      const ratio = (done: number, of: number | null, share: number | null) => `${formatVietnameseNumber(done)}${of ? `/${formatVietnameseNumber(of)}` : ""}${share !== null ? ` (${formatVietnameseNumber(share, 2)}%)` : ""}`;
      return [k + 1, p.name, p.leadName, p.investment,
        e.disbursement && `${ratio(e.disbursement.disbursed, e.disbursement.allocated, e.disbursement.share)} năm ${e.disbursement.year}`,
        e.clearance && ratio(e.clearance.cleared, e.clearance.total, e.clearance.share), e.progress?.value ?? null,
        e.asOf ? formatVietnameseDate(e.asOf) : null, PROJECT_STATE_LABELS[e.state]];
    }), empty: "" };
}
