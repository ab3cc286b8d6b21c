/**
 * The sections of a state body's report (Decree 30): overview; results (indicators against targets,
 * tasks, agencies' results and coordinating agencies' contributions); key projects; limitations;
 * causes; tasks ahead; proposals. Drafted from the gathered context; the focal point edits them.
 */
import type { ReportContext } from "./context.js";
import { boardSentence, issuedSentence, orNone, reportFindings } from "./findings.js";
import { projectParagraph } from "./project-paragraphs.js";
import type { DraftedSection } from "./sections.js";

export function stateSections(ctx: ReportContext): DraftedSection[] {
  const f = reportFindings(ctx);
  return [
    { key: "overview", title: "I. KHÁI QUÁT TÌNH HÌNH TRIỂN KHAI THỰC HIỆN", blocks: [
      { kind: "paragraph", text: issuedSentence(ctx) },
      { kind: "paragraph", text: boardSentence(ctx) },
    ] },
    { key: "results", title: "II. KẾT QUẢ ĐẠT ĐƯỢC", blocks: [
      { kind: "heading", level: 2, text: "1. Kết quả thực hiện các chỉ tiêu" },
      { kind: "paragraph", text: f.indicatorSummary },
      orNone(f.indicatorLines, "Chưa có số liệu chỉ tiêu được báo cáo."),
      { kind: "heading", level: 2, text: "2. Kết quả thực hiện các nhiệm vụ" },
      { kind: "paragraph", text: f.taskSummary },
      ...(f.contributionLines.length ? [{ kind: "paragraph" as const, text: "Kết quả phối hợp của các cơ quan, đơn vị phối hợp:" }, orNone(f.contributionLines, "")] : []),
      { kind: "heading", level: 2, text: "3. Kết quả nổi bật theo báo cáo của các cơ quan, đơn vị" },
      orNone(f.fromAgencies("results"), "Chưa có báo cáo được tiếp nhận."),
    ] },
    { key: "projects", title: "III. CÁC DỰ ÁN, CÔNG TRÌNH TRỌNG ĐIỂM", blocks: [
      orNone(ctx.projects.map((p) => projectParagraph(p, ctx.causesOf(p.id))), `${ctx.typeName} không có dự án, công trình trọng điểm được theo dõi.`),
    ] },
    { key: "limitations", title: "IV. HẠN CHẾ, TỒN TẠI", blocks: [
      orNone(f.limitationLines, "Chưa phát hiện chỉ tiêu chệch hướng, nhiệm vụ quá hạn hay dự án chậm tiến độ."),
    ] },
    { key: "causes", title: "V. NGUYÊN NHÂN", blocks: [orNone(f.fromAgencies("difficulties"), "Các cơ quan, đơn vị chưa nêu khó khăn, vướng mắc.")] },
    { key: "ahead", title: "VI. NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TỚI", blocks: [orNone(f.aheadLines, `Tiếp tục triển khai các nhiệm vụ theo ${ctx.typeName}.`)] },
    { key: "proposals", title: "VII. ĐỀ XUẤT, KIẾN NGHỊ", blocks: [orNone(f.fromAgencies("proposals"), "Không có đề xuất, kiến nghị.")] },
  ];
}
