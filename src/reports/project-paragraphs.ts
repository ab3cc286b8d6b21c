/**
 * The key-projects section of a consolidated report, written as the province writes it (report 001):
 * each project once, its facts, then its figures as of their date, each measure once in Vietnamese
 * format and as precise as recorded ("490,1/1.288,123 tỷ đồng", never rounded to 1.288,12), the
 * judgement when it is behind, and the cause its investor gave. Pure.
 */
import type { ProjectSummary } from "../plans/projects.js";
import { formatVietnameseDate } from "../text/dates.js";
import { formatVietnameseNumber } from "../text/numbers.js";

const n = (x: number) => formatVietnameseNumber(x);
const share = (x: number | null) => (x === null ? "" : `, đạt ${formatVietnameseNumber(x, 2)}%`);
/** A figure dated otherwise than the paragraph's date says its own. */
const dated = (asOf: string | null, paragraphDate: string | null) => (asOf && asOf !== paragraphDate ? ` (đến ${formatVietnameseDate(asOf)})` : "");

/** What is behind in a project, in words without its figures ("giải ngân chậm so với tiến độ thời gian (…)"), or "" when nothing is. */
export const projectFindings = (p: ProjectSummary) =>
  [p.evaluation.progress, p.evaluation.disbursement, p.evaluation.clearance, p.evaluation.length].flatMap((a) => (a?.finding ? [a.finding.vi] : [])).join("; ");

export function projectParagraph(p: ProjectSummary, causes: string[]): string {
  const e = p.evaluation;
  const facts = [
    p.leadName && `chủ đầu tư: ${p.leadName}`,
    p.location && `địa điểm: ${p.location}`,
    p.investment !== null && `tổng mức đầu tư ${n(p.investment)} tỷ đồng`,
    p.startsOn && p.completesOn && `thời gian thực hiện ${p.startsOn.slice(0, 4)} - ${p.completesOn.slice(0, 4)}`,
  ].filter(Boolean);
  const figures = [
    e.clearance && `đã bàn giao mặt bằng ${n(e.clearance.cleared)}${e.clearance.total ? `/${n(e.clearance.total)}` : ""} ha${share(e.clearance.share)}${dated(e.clearance.asOf, e.asOf)}`,
    e.length && `${n(e.length.done)}${e.length.total ? `/${n(e.length.total)}` : ""} km${share(e.length.share)}${dated(e.length.asOf, e.asOf)}`,
    e.disbursement && `giải ngân ${n(e.disbursement.disbursed)}${e.disbursement.allocated ? `/${n(e.disbursement.allocated)}` : ""} tỷ đồng${e.disbursement.share !== null ? `, đạt ${formatVietnameseNumber(e.disbursement.share, 2)}% kế hoạch vốn năm ${e.disbursement.year}` : ` năm ${e.disbursement.year}`}${dated(e.disbursement.asOf, e.asOf)}`,
    e.progress && `khối lượng thực hiện đạt ${formatVietnameseNumber(e.progress.value, 2)}%${dated(e.progress.asOf, e.asOf)}`,
  ].filter(Boolean);
  const parts = [`${p.name}${facts.length ? ` (${facts.join("; ")})` : ""}:`];
  parts.push(figures.length ? `kết quả${e.asOf ? ` đến ${formatVietnameseDate(e.asOf)}` : ""}: ${figures.join("; ")}.` : "chưa có số liệu về tiến độ.");
  // The judgement in words, without the figures again: each is written once, above.
  const findings = projectFindings(p);
  if (findings) parts.push(`Dự án ${e.state === "stalled" ? "không có tiến triển" : "chậm tiến độ"}: ${findings}.`);
  if (e.state === "completed") parts.push("Dự án đã hoàn thành.");
  if (causes.length) parts.push(`Nguyên nhân, theo báo cáo của ${causes.join(" ")}`);
  return parts.join(" ").replace(/\.\./g, ".");
}
