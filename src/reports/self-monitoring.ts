/**
 * The sections of a Party committee's self-monitoring report (báo cáo tự giám sát), in the order of
 * the sample report 001: the province and how the document was carried out; leadership and
 * dissemination; the documents issued down the chain; results by field with actual and estimated
 * figures; key projects; a general assessment; limitations and their causes (objective and
 * subjective); lessons; tasks ahead; proposals to the level above. Drafted from the data where there
 * is data; otherwise a placeholder in brackets that says what the focal point writes there (nothing
 * the data does not say is invented).
 */
import { describeTarget } from "../evaluation/indicators.js";
import { DOCUMENT_TYPE_LABELS } from "../documents/labels.js";
import { cite, type ReportContext } from "./context.js";
import { isPartyDocument } from "./issuing-body.js";
import { boardSentence, issuedSentence, n, orNone, reportFindings } from "./findings.js";
import type { Block } from "./official-document.js";
import { projectParagraph } from "./project-paragraphs.js";
import type { DraftedSection } from "./sections.js";

/** A placeholder the focal point replaces: what to write there, in brackets. */
export const placeholder = (what: string): Block => ({ kind: "paragraph", text: `[${what}: nội dung do cơ quan đầu mối bổ sung.]` });

/** Figures as the report quotes them: "năm 2023: 7,17%; ước năm 2024: 6,33%". */
function figures(values: { year: number; value: number; kind: string }[], unit: string | null): string {
  const u = unit ? (unit === "%" ? "%" : ` ${unit}`) : "";
  return values.slice(-2).map((v) => `${v.kind === "estimate" ? "ước " : ""}năm ${v.year}: ${n(v.value)}${u}`).join("; ");
}

export function selfMonitoringSections(ctx: ReportContext): DraftedSection[] {
  const f = reportFindings(ctx);
  const top = ctx.scope.top;
  const name = `${ctx.typeName} ${top.symbol ? `số ${top.symbol}` : ""}`.trim();
  // Capitals for the words, the symbol as it is written ("CHƯƠNG TRÌNH SỐ 52-CTr/TU").
  const part1 = `I- KHÁI QUÁT CHUNG VỀ ĐỊA PHƯƠNG VÀ TÌNH HÌNH TRIỂN KHAI ${`${ctx.typeName}${top.symbol ? " số" : ""}`.toLocaleUpperCase("vi")}${top.symbol ? ` ${top.symbol}` : ""}`;
  const province = ctx.province ? `tỉnh ${ctx.province}` : "địa phương";
  // The Party's documents down the chain lead and direct (52-CTr/TU, 1059-QĐ/TU); the state's institutionalise and carry out (96/NQ-CP, 23/KH-UBND).
  const isParty = (d: (typeof ctx.scope.chain)[number]) => isPartyDocument({ symbol: d.symbol, agency: null, issuerText: d.issuer });
  const leading = ctx.scope.chain.filter(isParty);
  const statePapers = ctx.scope.chain.filter((d) => !isParty(d));
  const typeOf = (t: string) => DOCUMENT_TYPE_LABELS[t as keyof typeof DOCUMENT_TYPE_LABELS]?.vi ?? "Văn bản";
  // "Quyết định số 1059-QĐ/TU ngày 16/09/2022 của Ban Thường vụ Tỉnh ủy về việc thành lập Ban Chỉ đạo;": the title after the type and number, when it says more.
  const docLine = (d: (typeof ctx.scope.chain)[number]) => {
    const type = typeOf(d.docType);
    const about = d.title.replace(new RegExp(`^${type}\\s+(?:số\\s+)?\\S*/\\S*\\s*`, "iu"), "").replace(new RegExp(`^${type}\\s+`, "iu"), "").trim();
    // "về việc …" and "thực hiện …" follow as they are; anything else is what the document is about ("về …").
    const lower = about.replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase());
    const subject = about ? (/^(?:về|thực hiện|triển khai|ban hành|tổ chức)\s/iu.test(about) ? ` ${lower}` : ` về ${lower}`) : "";
    return `${type} ${cite(d)}${d.issuer ? ` của ${d.issuer}` : ""}${subject};`.replace(/\s+/g, " ");
  };
  const byType = new Map<string, number>();
  for (const d of ctx.scope.chain) byType.set(d.docType, (byType.get(d.docType) ?? 0) + 1);
  const direct = ctx.scope.chain.filter((d) => d.depth === 1);
  const withValues = f.withData.map((i) => `${i.name}${f.from("indicator", i.id)}: ${figures(i.values, i.unit)} (mục tiêu ${describeTarget(i.target)}); ${i.evaluation.reason.vi}.`);
  const e = ctx.evaluation, ic = e.indicatorCounts, tc = e.taskCounts;
  const good = ic.achieved + ic.on_track, done = tc.completed_on_time + tc.completed_late;

  return [
    { key: "province", part: part1, title: "1. Khái quát chung", blocks: [placeholder(`Khái quát đặc điểm tự nhiên, dân số, kinh tế - xã hội của ${province} liên quan đến việc thực hiện ${ctx.ref}`)] },
    { key: "overview", part: part1, title: "2. Tình hình triển khai", blocks: [{ kind: "paragraph", text: issuedSentence(ctx) }, { kind: "paragraph", text: boardSentence(ctx) }] },

    { key: "leadership", part: "II- KẾT QUẢ ĐẠT ĐƯỢC", title: `1. Công tác lãnh đạo, chỉ đạo, tổ chức học tập, quán triệt, tuyên truyền, kiểm tra, giám sát việc thực hiện ${name}`, blocks: [
      ...(leading.length ? [{ kind: "paragraph" as const, text: "Các văn bản lãnh đạo, chỉ đạo đã ban hành:" }, orNone(leading.map(docLine), "")] : []),
      placeholder(`Việc tổ chức học tập, quán triệt, tuyên truyền và kiểm tra, giám sát thực hiện ${name} (hình thức, số lượng hội nghị, đối tượng)`),
    ] },
    { key: "documents", part: "II- KẾT QUẢ ĐẠT ĐƯỢC", title: `2. Việc ban hành văn bản cụ thể hóa, triển khai thực hiện ${name}`, blocks: ctx.scope.chain.length ? [
      { kind: "paragraph", text: `Đã ban hành ${ctx.scope.chain.length} văn bản triển khai thực hiện ${name} (${[...byType].map(([t, k]) => `${k} ${typeOf(t).toLocaleLowerCase("vi")}`).join(", ")}), trong đó ${direct.length} văn bản trực tiếp triển khai, ${ctx.scope.chain.length - direct.length} văn bản của các cấp, các ngành triển khai tiếp (chi tiết tại Phụ lục I).` },
      ...(statePapers.length ? [{ kind: "paragraph" as const, text: "Các văn bản thể chế hóa, cụ thể hóa của chính quyền các cấp:" }, orNone(statePapers.filter((d) => d.depth <= 2).map(docLine), "")] : []),
    ] : [{ kind: "paragraph", text: `Chưa ghi nhận văn bản nào ban hành để triển khai thực hiện ${name} (Phụ lục I).` }] },
    { key: "results", part: "II- KẾT QUẢ ĐẠT ĐƯỢC", title: "3. Kết quả thực hiện các chỉ tiêu, nhiệm vụ trên các lĩnh vực", blocks: [
      { kind: "paragraph", text: f.indicatorSummary },
      orNone(withValues, "Chưa có số liệu chỉ tiêu được báo cáo."),
      { kind: "paragraph", text: f.taskSummary },
      ...(f.contributionLines.length ? [{ kind: "paragraph" as const, text: "Kết quả phối hợp của các cơ quan, đơn vị phối hợp:" }, orNone(f.contributionLines, "")] : []),
      ...(f.fromAgencies("results").length ? [{ kind: "paragraph" as const, text: "Kết quả nổi bật theo báo cáo của các cơ quan, đơn vị:" }, orNone(f.fromAgencies("results"), "")] : []),
    ] },
    { key: "projects", part: "II- KẾT QUẢ ĐẠT ĐƯỢC", title: "4. Các dự án, công trình trọng điểm", blocks: [
      orNone(ctx.projects.map((p) => projectParagraph(p, ctx.causesOf(p.id))), "Chưa có dự án, công trình trọng điểm được theo dõi trong phạm vi báo cáo."),
    ] },
    { key: "assessment", part: "II- KẾT QUẢ ĐẠT ĐƯỢC", title: "5. Đánh giá chung", blocks: [
      { kind: "paragraph", text: `Đến năm ${ctx.year}, ${good}/${e.indicators.length} chỉ tiêu đạt hoặc đúng hướng, ${ic.at_risk + ic.off_track} chỉ tiêu có nguy cơ không đạt hoặc chệch hướng; ${done}/${e.tasks.length} nhiệm vụ đã hoàn thành, ${tc.overdue} nhiệm vụ quá hạn chưa hoàn thành.` },
      placeholder("Đánh giá chung về kết quả, chuyển biến nổi bật"),
    ] },

    { key: "limitations", part: "III- HẠN CHẾ, NGUYÊN NHÂN VÀ BÀI HỌC KINH NGHIỆM", title: "1. Hạn chế", blocks: [
      orNone(f.limitationLines, "Chưa phát hiện chỉ tiêu chệch hướng, nhiệm vụ quá hạn hay dự án chậm tiến độ."),
    ] },
    { key: "causes", part: "III- HẠN CHẾ, NGUYÊN NHÂN VÀ BÀI HỌC KINH NGHIỆM", title: "2. Nguyên nhân", blocks: [
      { kind: "heading", level: 2, text: "a) Nguyên nhân khách quan" },
      ...(f.fromAgencies("difficulties").length ? [orNone(f.fromAgencies("difficulties"), "")] : []),
      placeholder("Nguyên nhân khách quan (bối cảnh, thiên tai, dịch bệnh, cơ chế, nguồn lực)"),
      { kind: "heading", level: 2, text: "b) Nguyên nhân chủ quan" },
      placeholder("Nguyên nhân chủ quan (công tác lãnh đạo, chỉ đạo, tổ chức thực hiện, phối hợp)"),
    ] },
    { key: "lessons", part: "III- HẠN CHẾ, NGUYÊN NHÂN VÀ BÀI HỌC KINH NGHIỆM", title: "3. Bài học kinh nghiệm", blocks: [placeholder("Bài học kinh nghiệm rút ra")] },

    { key: "ahead", part: "IV- NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TỚI", title: "", blocks: [
      orNone(f.aheadLines, `Tiếp tục triển khai thực hiện ${ctx.ref}.`),
    ] },
    { key: "proposals", part: "V- ĐỀ XUẤT, KIẾN NGHỊ", title: "", blocks: [
      ...(f.fromAgencies("proposals").length ? [orNone(f.fromAgencies("proposals"), "")] : []),
      placeholder("Đề xuất, kiến nghị với cấp trên (Trung ương, Chính phủ, các bộ, ngành)"),
    ] },
  ];
}

/** The opening of a Party committee's report: who reports on what, "như sau:". */
export const selfMonitoringIntro = (ctx: ReportContext) =>
  `${ctx.body.name} báo cáo kết quả triển khai thực hiện ${ctx.ref}${ctx.year ? ` năm ${ctx.year}` : ""} như sau:`;
