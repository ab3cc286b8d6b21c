/**
 * An agency's own report in a round as an official document (Decree 30/2020): what a department
 * files, numbers and signs, drafted from what it reported. The agency is the issuer (a department
 * under "UBND TỈNH ...", a district's People's Committee as itself), its number is left blank for
 * its clerk ("Số:      /BC-SXD"), the round's collecting agency is among its recipients, and its head
 * signs ("GIÁM ĐỐC", the name left for them: neither the registry nor the users record a head).
 *
 * In stages: query (agencyReportDocx: the report form, the agency and its parent, the round's plans,
 * the province) → serializer (agencyReportDocument: plain content, pure) → writer (officialDocument,
 * the one Decree 30 writer). Outcomes: the .docx and its file name, or not_found for whoever may not
 * read that report (openReport).
 */
import { eq, inArray } from "drizzle-orm";
import type { SessionUser } from "../accounts/sessions.js";
import { agencies } from "../agencies/schema.js";
import { DOCUMENT_TYPE_LABELS } from "../documents/labels.js";
import { documents } from "../documents/schema.js";
import { describeTarget } from "../evaluation/indicators.js";
import { issuerFromText, issuingBody } from "../reports/consolidated.js";
import { textToBlocks } from "../reports/narrative.js";
import { officialDocument, placeName, provinceTier, type Appendix, type Block, type OfficialDocument } from "../reports/official-document.js";
import type { Database } from "../storage/database.js";
import { PROVINCE_SETTING, readSetting } from "../storage/settings.js";
import { formatVietnameseDate } from "../text/dates.js";
import { formatVietnameseNumber } from "../text/numbers.js";
import { asciiName } from "./exports.js";
import { sentenceStart } from "./gaps.js";
import { periodName, vietnamDate } from "./periods.js";
import type { ProjectFormItem } from "./project-reports.js";
import { formOf, openReport, type SubmissionForm } from "./submissions.js";
import { STATUS_LABELS } from "./template.js";

/** What the document is drafted from: plain data, no database. */
export interface AgencyReportInput {
  form: Pick<SubmissionForm, "round" | "agency" | "submission" | "tasks" | "indicators" | "actuals"> & { projects?: ProjectFormItem[] };
  agency: { name: string; kind: string; aliases: string[]; parent: { name: string; kind: string } | null };
  /** The round's plans as cited: type, symbol, date, issuer ("UBND tỉnh Lạng Sơn"), title. */
  plans: { symbol: string | null; title: string; issuedOn: string | null; docType: string; issuer: string | null }[];
  /** The round's collecting agency ("Sở Tài chính"); null when the round names none. */
  collector: string | null;
  province: string | null;
  /** The document's date, ISO: the day it is drafted (the clerk dates it when it is signed). */
  date: string;
  signer: string | null;
}

/** The issuing body as the header, the symbol and the signature name it. */
export interface ReportingBody { superior: string | null; header: string; name: string; symbolSuffix: string; authority: string[] }

/** Who signs for a body, by how its name starts; the first match wins. */
const AUTHORITIES: [RegExp, string][] = [
  [/^Sở\s/u, "GIÁM ĐỐC"], [/^Công an\s/u, "GIÁM ĐỐC"], [/^Trung tâm\s/u, "GIÁM ĐỐC"], [/^Thanh tra\s/u, "CHÁNH THANH TRA"],
  [/^Văn phòng\s/u, "CHÁNH VĂN PHÒNG"], [/^Ban\s/u, "TRƯỞNG BAN"], [/^Bộ Chỉ huy\s/u, "CHỈ HUY TRƯỞNG"],
  [/^Chi cục\s/u, "CHI CỤC TRƯỞNG"], [/^Cục\s/u, "CỤC TRƯỞNG"],
];

/**
 * The abbreviation after "BC-": an alias that is one ("SXD", "STC", "SNgV"), or one written "Sở GTVT"
 * ("SGTVT"), else the name's initials up to a dash ("Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn" → "BQLKKTCKĐĐ").
 */
export function abbreviation(name: string, aliases: string[]): string {
  const plain = aliases.find((a) => /^[A-ZĐ][A-Za-zĐ]{1,11}$/u.test(a) && (a.match(/[A-ZĐ]/gu) ?? []).length >= 2);
  if (plain) return plain;
  const department = aliases.map((a) => /^Sở ([A-ZĐ][A-ZĐa-z&-]*)$/u.exec(a)?.[1]).find(Boolean);
  if (department) return `S${department.replace(/[&-]/g, "")}`;
  return name.split(/\s+-\s+/)[0].split(/\s+/).filter((w) => /^\p{L}/u.test(w) && w.toLowerCase() !== "và")
    .map((w) => w[0].toUpperCase().normalize("NFD").replace(/\p{M}/gu, "")).join("");
}

/**
 * The agency as the issuer of its report: a department or board under the province's People's Committee
 * ("UBND TỈNH LẠNG SƠN" over "SỞ XÂY DỰNG"), a body under another under that one ("SỞ ..." over "CHI CỤC ..."),
 * a district's People's Committee as Decree 30 writes it (through issuingBody), an armed force as itself with
 * its province ("CÔNG AN TỈNH LẠNG SƠN").
 */
export function reportingBody(agency: AgencyReportInput["agency"], province: string | null): ReportingBody {
  const tier = province ? provinceTier(province) : "tỉnh";
  if (/^Ủy ban nhân dân\s/u.test(agency.name) && ["district", "commune", "ppc"].includes(agency.kind)) {
    const body = issuingBody({ name: agency.name, kind: agency.kind }, null, province);
    return { superior: body.superior, header: body.header, name: body.name, symbolSuffix: body.symbolSuffix, authority: body.authority };
  }
  const authority = [AUTHORITIES.find(([head]) => head.test(agency.name))?.[1] ?? "[CHỨC VỤ NGƯỜI KÝ]"];
  const symbolSuffix = `BC-${abbreviation(agency.name, agency.aliases)}`;
  if (agency.kind === "armed_force") {
    // Its superior is not the province's committee (a ministry's, a military region's): the name carries the province.
    const header = province && /\s(tỉnh|thành phố)$/u.test(agency.name) ? `${agency.name} ${province}` : agency.name;
    return { superior: null, header, name: agency.name, symbolSuffix, authority };
  }
  const superior = agency.parent && agency.parent.kind !== "ppc" ? agency.parent.name : `UBND ${tier} ${province ?? "[tên tỉnh]"}`;
  return { superior, header: agency.name, name: agency.name, symbolSuffix, authority };
}

const n = (x: number) => formatVietnameseNumber(x);
const lowerFirst = (text: string) => text.trim().replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLocaleLowerCase("vi"));
const sentence = (text: string) => { const t = text.trim(); return /[.!?:;…]$/.test(t) ? t : `${t}.`; };
const typeName = (docType: string) => DOCUMENT_TYPE_LABELS[docType as keyof typeof DOCUMENT_TYPE_LABELS]?.vi ?? "Kế hoạch";

/** "Kế hoạch số 23/KH-UBND ngày 26/01/2023 của UBND tỉnh Lạng Sơn"; a plan without a number by its title. */
function cite(plan: AgencyReportInput["plans"][number]): string {
  if (!plan.symbol) return `${typeName(plan.docType)} ${lowerFirst(plan.title.replace(new RegExp(`^${typeName(plan.docType)}\\s+`, "iu"), ""))}`;
  return [typeName(plan.docType), `số ${plan.symbol}`, plan.issuedOn && `ngày ${formatVietnameseDate(plan.issuedOn)}`, plan.issuer && `của ${plan.issuer}`].filter(Boolean).join(" ");
}
/** Several items as a sentence lists them: "A", "A và B", "A, B và C". */
const list = (items: string[]) => (items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} và ${items.at(-1)}`);

/** The round's plans in the title: each cited, or (more than three) the round's own words. */
function plansInTitle(input: AgencyReportInput): string {
  if (input.plans.length && input.plans.length <= 3) return list(input.plans.map(cite));
  return lowerFirst(input.form.round.title.replace(/^báo cáo\s+kết quả thực hiện\s+/iu, "").replace(/\s+(năm|quý|tháng|6 tháng)\b.*$/iu, ""));
}

type FormIndicator = SubmissionForm["indicators"][number];
/** The target as a table writes it: "8 - 9%/năm", "≥ 80%" (the form's indicator is judged by its target alone). */
const targetOf = (i: FormIndicator) => describeTarget({ ...i, periodFrom: null, periodTo: null, baselineValue: null, baselineYear: null });
const IN_WORDS: [RegExp, string][] = [[/^≥ /, "tối thiểu "], [/^> /, "trên "], [/^≤ /, "tối đa "], [/^< /, "dưới "], [/^≈ /, "khoảng "]];
/** The target as a sentence says it: "tối thiểu 80% đến năm 2030", "khoảng 40%". */
const targetInWords = (i: FormIndicator) =>
  `${IN_WORDS.reduce((text, [sign, words]) => text.replace(sign, words), targetOf(i))}${i.targetYear ? ` đến năm ${i.targetYear}` : ""}`;

const TASK_STATUS = (status: string | null) => (status ? STATUS_LABELS[status as keyof typeof STATUS_LABELS] ?? status : "Chưa cập nhật");
const KIND = (kind: string) => (kind === "estimate" ? "Ước thực hiện" : "Thực hiện");

/** The document's content: header, title, body, recipients, signature and the appendices of tasks and indicators. */
export function agencyReportDocument(input: AgencyReportInput): OfficialDocument {
  const { form, province } = input;
  const body = reportingBody(input.agency, province);
  const tier = province ? provinceTier(province) : "tỉnh";
  const period = periodName({ kind: form.round.periodKind, year: form.round.periodYear, number: form.round.periodNumber });
  const subject = `Kết quả thực hiện ${plansInTitle(input)} ${period}`.replace(/\s+/g, " ");
  const collector = input.collector && input.collector !== input.agency.name ? input.collector : null;
  const manyPlans = input.plans.length > 1;
  const planOf = new Map(form.round.plans.map((p) => [p.id, p.symbol]));
  const s = form.submission;

  const blocks: Block[] = [];
  const opening = input.plans.length
    ? `Thực hiện ${input.plans.map((p) => `${cite(p)}${p.symbol ? ` về ${lowerFirst(p.title.replace(new RegExp(`^${typeName(p.docType)}\\s+`, "iu"), ""))}` : ""}`).join("; ")}`
    : `Thực hiện ${lowerFirst(form.round.title)}`;
  blocks.push({ kind: "paragraph", text: `${opening}${collector ? `; theo đề nghị của ${collector} về việc báo cáo kết quả thực hiện ${period}` : ""}, ${body.name} báo cáo kết quả thực hiện ${period} như sau:` });

  blocks.push({ kind: "heading", level: 1, text: "I. KẾT QUẢ THỰC HIỆN" });
  let part = 0;
  if (s?.results.trim()) {
    blocks.push({ kind: "heading", level: 2, text: `${++part}. Kết quả chung` }, ...textToBlocks(s.results));
  }

  // Tasks: how many of each status, then each task with its status and what was done.
  const leads = form.tasks.filter((t) => t.role === "lead").length;
  // Counted in the Government Office's order of categories, those not yet given one last.
  const counts = new Map<string, number>([...Object.values(STATUS_LABELS), TASK_STATUS(null)].map((label) => [label, 0]));
  for (const t of form.tasks) counts.set(TASK_STATUS(t.report?.status ?? null), counts.get(TASK_STATUS(t.report?.status ?? null))! + 1);
  const taskPart = ++part;
  blocks.push({ kind: "heading", level: 2, text: `${taskPart}. Kết quả thực hiện các nhiệm vụ được giao` });
  if (!form.tasks.length) blocks.push({ kind: "paragraph", text: `Trong kỳ báo cáo, ${body.name} không được giao nhiệm vụ cụ thể.` });
  else {
    const tally = [...counts].filter(([, count]) => count > 0).map(([label, count]) => `${count} nhiệm vụ ${label.toLocaleLowerCase("vi")}`);
    blocks.push({ kind: "paragraph", text: `${body.name} được giao chủ trì ${leads} nhiệm vụ${form.tasks.length > leads ? ` và phối hợp thực hiện ${form.tasks.length - leads} nhiệm vụ` : ""}; trong đó: ${tally.join(", ")} (chi tiết tại Phụ lục I).` });
    form.tasks.forEach((t, k) => {
      const where = [t.number && `mục ${t.number}`, manyPlans && planOf.get(t.documentId) && `Kế hoạch số ${planOf.get(t.documentId)}`, t.role === "coordinating" && "phối hợp thực hiện"].filter(Boolean).join(", ");
      blocks.push({ kind: "paragraph", text: sentence(`${taskPart}.${k + 1}. ${sentenceStart(t.text.trim()).replace(/[.;:,]+$/u, "")}${where ? ` (${where})` : ""}`) });
      const status = `Tình trạng: ${TASK_STATUS(t.report?.status ?? null)}${t.report?.progress != null ? `, tiến độ ${n(t.report.progress)}%` : ""}.`;
      const narrative = t.report?.narrative.trim();
      blocks.push({ kind: "bullets", items: [status, narrative ? `Kết quả: ${sentence(narrative)}` : "Kết quả: chưa báo cáo."] });
    });
  }

  // Indicators: the value of the period against the target, and the actual figures asked for.
  const indicatorPart = ++part;
  blocks.push({ kind: "heading", level: 2, text: `${indicatorPart}. Kết quả thực hiện các chỉ tiêu` });
  if (!form.indicators.length && !form.actuals.length) blocks.push({ kind: "paragraph", text: `${body.name} không được giao theo dõi chỉ tiêu trong kỳ báo cáo.` });
  else {
    const met = form.indicators.filter((i) => i.meetsTarget === true).length, unmet = form.indicators.filter((i) => i.meetsTarget === false).length;
    const none = form.indicators.filter((i) => i.report?.value == null).length;
    if (form.indicators.length) blocks.push({ kind: "paragraph", text: `${body.name} được giao theo dõi ${form.indicators.length} chỉ tiêu; trong đó: ${met} chỉ tiêu đạt mục tiêu, ${unmet} chỉ tiêu chưa đạt, ${none} chỉ tiêu chưa có số liệu (chi tiết tại Phụ lục II).` });
    blocks.push({ kind: "bullets", items: [
      ...form.indicators.map((i) => {
        const unit = i.unit ? (i.unit === "%" ? "%" : ` ${i.unit}`) : "";
        const target = targetInWords(i);
        const value = i.report?.value != null
          ? `${KIND(i.report.valueKind).toLocaleLowerCase("vi")} ${period} đạt ${n(i.report.value)}${unit}${i.meetsTarget === true ? " (đạt mục tiêu)" : i.meetsTarget === false ? " (chưa đạt mục tiêu)" : ""}`
          : "chưa có số liệu";
        const explanation = i.report?.explanation.trim();
        return `${sentenceStart(i.name.trim())}: mục tiêu ${target}; ${value}.${explanation ? ` ${sentence(sentenceStart(explanation))}` : ""}`;
      }),
      ...form.actuals.map((a) => {
        const unit = a.unit ? (a.unit === "%" ? "%" : ` ${a.unit}`) : "";
        const value = a.report?.value != null ? `${n(a.report.value)}${unit}` : "chưa có số liệu";
        const explanation = a.report?.explanation.trim();
        return `${sentenceStart(a.name.trim())}: số thực hiện năm ${a.year} là ${value}${a.estimate !== null ? ` (thay số ước ${n(a.estimate)}${unit})` : ""}.${explanation ? ` ${sentence(sentenceStart(explanation))}` : ""}`;
      }),
    ] });
  }

  // Key projects the agency carries out, where the form has them.
  const projects = form.projects ?? [];
  if (projects.length) {
    blocks.push({ kind: "heading", level: 2, text: `${++part}. Tình hình thực hiện các dự án, công trình trọng điểm` });
    blocks.push({ kind: "bullets", items: projects.map((p) => {
      const r = p.report;
      const figures = [
        r?.disbursed != null && `giải ngân ${n(r.disbursed)}${r.allocated != null ? `/${n(r.allocated)}` : ""} tỷ đồng${r.allocated ? ` (${formatVietnameseNumber((r.disbursed / r.allocated) * 100, 2)}% kế hoạch vốn năm)` : ""}`,
        r?.clearedHa != null && `mặt bằng đã bàn giao ${n(r.clearedHa)}${p.areaHa !== null ? `/${n(p.areaHa)}` : ""} ha`,
        r?.builtKm != null && `${n(r.builtKm)}${p.lengthKm !== null ? `/${n(p.lengthKm)}` : ""} km đã bàn giao, thi công`,
        r?.progress != null && `khối lượng thực hiện đạt ${n(r.progress)}%`,
      ].filter(Boolean).join("; ");
      const narrative = r?.narrative.trim(), cause = r?.explanation.trim();
      return [`${sentenceStart(p.name.trim())}: ${figures || "chưa báo cáo số liệu"}.`, narrative && sentence(sentenceStart(narrative)),
        cause && `Nguyên nhân chậm, giải pháp: ${sentence(cause)}`].filter(Boolean).join(" ");
    }) });
  }

  const text = (value: string | undefined, none: string): Block[] => (value?.trim() ? textToBlocks(value) : [{ kind: "paragraph", text: none }]);
  blocks.push({ kind: "heading", level: 1, text: "II. KHÓ KHĂN, VƯỚNG MẮC" }, ...text(s?.difficulties, "Không có khó khăn, vướng mắc."));
  blocks.push({ kind: "heading", level: 1, text: "III. ĐỀ XUẤT, KIẾN NGHỊ" }, ...text(s?.proposals, "Không có đề xuất, kiến nghị."));
  blocks.push({ kind: "paragraph", text: `Trên đây là báo cáo kết quả thực hiện ${plansInTitle(input)} ${period} của ${body.name}${collector ? `, gửi ${collector} tổng hợp, báo cáo UBND ${tier} theo quy định` : ""}./.`.replace(/\s+/g, " ") });

  const subtitle = `(Kèm theo Báo cáo số ${" ".repeat(5)}/${body.symbolSuffix} ngày ${formatVietnameseDate(input.date)} của ${body.name})`;
  const appendices: Appendix[] = [
    { title: "Phụ lục I\nKẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ", subtitle, landscape: true, table: { kind: "table",
      columns: [{ title: "STT", width: 5 }, { title: "Mục", width: 7 }, { title: "Nhiệm vụ", width: 34 }, { title: "Vai trò", width: 8 }, { title: "Thời hạn", width: 10 },
        { title: "Tình trạng", width: 12 }, { title: "Tiến độ (%)", width: 7 }, { title: "Kết quả thực hiện", width: 28 }],
      rows: form.tasks.map((t, k) => [k + 1, t.number, sentenceStart(t.text.trim()), t.role === "lead" ? "Chủ trì" : "Phối hợp", t.deadlineText,
        TASK_STATUS(t.report?.status ?? null), t.report?.progress ?? null, t.report?.narrative.trim() || null]),
      empty: "Không có nhiệm vụ được giao trong kỳ báo cáo." } },
    { title: "Phụ lục II\nKẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", subtitle, landscape: true, table: { kind: "table",
      columns: [{ title: "STT", width: 5 }, { title: "Chỉ tiêu", width: 30 }, { title: "Đơn vị", width: 8 }, { title: "Mục tiêu", width: 12 }, { title: `Số liệu ${period}`, width: 10 },
        { title: "Loại số liệu", width: 9 }, { title: "Đánh giá", width: 9 }, { title: "Giải thích", width: 17 }],
      rows: [
        ...form.indicators.map((i, k) => [k + 1, sentenceStart(i.name.trim()), i.unit, `${targetOf(i)}${i.targetYear ? `\n(năm ${i.targetYear})` : ""}`,
          i.report?.value ?? null, i.report?.value != null ? KIND(i.report.valueKind) : null,
          i.meetsTarget === true ? "Đạt" : i.meetsTarget === false ? "Chưa đạt" : "Chưa có số liệu", i.report?.explanation.trim() || null]),
        ...form.actuals.map((a, k) => [form.indicators.length + k + 1, `${sentenceStart(a.name.trim())} (số thực hiện năm ${a.year})`, a.unit,
          a.estimate !== null ? `Thay số ước ${n(a.estimate)}` : null, a.report?.value ?? null, "Thực hiện", null, a.report?.explanation.trim() || null]),
      ],
      empty: "Không có chỉ tiêu được giao theo dõi trong kỳ báo cáo." } },
  ];

  return {
    superior: body.superior, issuer: body.header, number: null, symbolSuffix: body.symbolSuffix,
    place: province ? placeName(province) : "[Địa danh]", date: input.date,
    title: { kind: "BÁO CÁO", subject },
    body: blocks,
    // A report has no "Kính gửi": its recipients by name, the collecting agency first.
    recipients: [collector ? `${collector} (b/c);` : `UBND ${tier} (b/c);`, "Lưu: VT."],
    signature: { authority: body.authority, signer: input.signer },
    appendices,
  };
}

/** The agency's report in the round as .docx, for whoever may read that report; dated today in Vietnam. */
export async function agencyReportDocx(db: Database, actor: SessionUser, roundId: number, agencyId: number, now = new Date()): Promise<{ bytes: Buffer; fileName: string }> {
  const form = await formOf(db, await openReport(db, actor, roundId, agencyId));
  const [agency] = await db.select({ name: agencies.name, kind: agencies.kind, aliases: agencies.aliases, parentId: agencies.parentId }).from(agencies).where(eq(agencies.id, agencyId));
  const [parent] = agency.parentId ? await db.select({ name: agencies.name, kind: agencies.kind }).from(agencies).where(eq(agencies.id, agency.parentId)) : [];
  const province = (await readSetting(db, PROVINCE_SETTING))?.trim() || null;
  // The plans the reader sees of the round (a plan made a draft again is left out for those who may not see drafts).
  const planIds = form.round.plans.map((p) => p.id);
  const rows = planIds.length ? await db.select({ id: documents.id, docType: documents.docType, issuerText: documents.issuerText, issuerName: agencies.name, issuerKind: agencies.kind })
    .from(documents).leftJoin(agencies, eq(agencies.id, documents.issuerId)).where(inArray(documents.id, planIds)) : [];
  const plans = form.round.plans.map((p) => {
    const row = rows.find((r) => r.id === p.id);
    const issuer = row?.issuerName ? { name: row.issuerName, kind: row.issuerKind! } : null;
    const named = issuer || issuerFromText(row?.issuerText ?? null) ? issuingBody(issuer, row?.issuerText ?? null, province).short : null;
    return { symbol: p.symbol, title: p.title, issuedOn: p.issuedOn, docType: row?.docType ?? "plan", issuer: named };
  });
  const bytes = await officialDocument(agencyReportDocument({
    form, agency: { ...agency, parent: parent ?? null }, plans, collector: form.round.coordinatorName, province, date: vietnamDate(now), signer: null,
  }));
  return { bytes, fileName: `bao-cao-${asciiName(agency.name) || `co-quan-${agencyId}`}-dot-${roundId}.docx` };
}
