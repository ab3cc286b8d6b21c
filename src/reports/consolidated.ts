/**
 * The consolidated report on a plan for a year, in the official format (Decree 30/2020): compiled
 * from the plan, the documents issued to implement it, the accepted reports of the year and the
 * evaluation of its indicators and tasks. `compileReport` gathers and drafts (the narrative is a
 * draft for the focal point to edit); `reportDocx` writes it. Sections follow the self-monitoring
 * report: overview; results (indicators against targets, tasks, agencies' results); key projects;
 * limitations (off-track indicators, overdue tasks); causes; tasks ahead; proposals; then the three
 * appendices: documents issued, task by task, indicators by year, and key projects when the plan carries any.
 */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { agencies } from "../agencies/schema.js";
import { likelyDocument } from "../documents/commands.js";
import { DOCUMENT_TYPE_LABELS } from "../documents/labels.js";
import { findDocument } from "../documents/queries.js";
import { documents } from "../documents/schema.js";
import { describeTarget, type IndicatorEvaluation } from "../evaluation/indicators.js";
import { evaluatePlan, yearAsOf, type PlanEvaluation } from "../evaluation/plan.js";
import { PROJECT_STATE_LABELS } from "../evaluation/projects.js";
import type { TaskState } from "../evaluation/tasks.js";
import { namedBy, projectVisible, summarise } from "../plans/projects.js";
import { projects, tasks } from "../plans/schema.js";
import { taskLeadLabelsOn } from "../plans/tasks.js";
import { boardOf } from "../reporting/board.js";
import { roundPlans, rounds, submissionProjects, submissions, submissionTasks } from "../reporting/schema.js";
import { queryRows, type Database } from "../storage/database.js";
import { PROVINCE_SETTING, readSetting } from "../storage/settings.js";
import { formatVietnameseDate } from "../text/dates.js";
import { AppError } from "../core/errors.js";
import { formatVietnameseNumber } from "../text/numbers.js";
import { reportDraftOf, type SECTION_KEYS } from "./drafts.js";
import { projectFindings, projectParagraph } from "./project-paragraphs.js";
import { blocksToText, shorten, textToBlocks } from "./narrative.js";
import { officialDocument, placeName, provinceTier, type Appendix, type Block } from "./official-document.js";

export const TASK_STATE_LABELS: Record<TaskState, string> = {
  completed_on_time: "Hoàn thành đúng hạn", completed_late: "Hoàn thành quá hạn", in_progress: "Đang thực hiện trong hạn",
  overdue: "Quá hạn, chưa hoàn thành", not_started: "Chưa triển khai",
};
export const EVALUATION_LABELS: Record<IndicatorEvaluation["status"], string> = {
  achieved: "Đạt", on_track: "Đúng hướng", at_risk: "Có nguy cơ không đạt", off_track: "Không đạt / chệch hướng", no_data: "Chưa có số liệu",
};

export interface ReportSection {
  key: (typeof SECTION_KEYS)[number];
  title: string;
  blocks: Block[];
  /** The focal point edited it (its text replaces the drafted one). */
  edited: boolean;
  /** The blocks as the editor shows them. */
  text: string;
}

/**
 * The body that issues the report, as Decree 30 names it in each place: the plan's issuer (the
 * report is its report on its plan), else the People's Committee of the installation's province,
 * else a placeholder in brackets the officer sees and fills in.
 */
export interface IssuingBody {
  /** In running text: "Ủy ban nhân dân tỉnh Lạng Sơn". */
  name: string;
  /** In a subject or a citation: "UBND tỉnh Lạng Sơn". */
  short: string;
  /** The header's upper line, for a body under another ("UBND tỉnh Lạng Sơn" above "Sở Xây dựng"). */
  superior: string | null;
  /** The header's issuer lines: "Ủy ban nhân dân\ntỉnh Lạng Sơn". */
  header: string;
  /** After "Số:      /": "BC-UBND". */
  symbolSuffix: string;
  /** The signature's authority lines: "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH". */
  authority: string[];
  /** Nơi nhận: a report has no "Kính gửi", so these are its real recipients (never "Như trên"). */
  recipients: string[];
  /** Where the name came from. */
  source: "plan" | "province" | "placeholder";
}

export interface ConsolidatedReport {
  plan: { id: number; symbol: string | null; title: string; issuedOn: string | null; issuer: string };
  issuingBody: IssuingBody;
  year: number;
  province: string;
  date: string;
  title: string;
  sections: ReportSection[];
  appendices: Appendix[];
  evaluation: PlanEvaluation;
  /** The version of the focal point's edits (0: none yet), for the next save. */
  draftVersion: number;
}

const n = (x: number | null) => (x === null ? "" : formatVietnameseNumber(Math.round(x * 100) / 100));
const cite = (p: { symbol: string | null; issuedOn: string | null }) => `${p.symbol ? `số ${p.symbol}` : ""}${p.issuedOn ? ` ngày ${formatVietnameseDate(p.issuedOn)}` : ""}`.trim();
/** A task's text as a table shows it: whole, its first letter capital ("tổ chức ..." → "Tổ chức ..."). */
const sentenceCase = (text: string) => text.trim().replace(/^\p{Ll}/u, (c) => c.toLocaleUpperCase("vi"));

const PLACEHOLDER = "[tên cơ quan ban hành]";
/** How a body's name starts: what an issuer's text must open with to be taken as a name. */
const BODY_HEAD = /^(?:Ủy ban|Uỷ ban|UBND|Hội đồng|HĐND|Sở|Ban|Bộ|Văn phòng|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Huyện ủy|Đảng ủy|Thủ tướng|Chính phủ|Quốc hội|Công an|Thanh tra|Cục|Chi cục|Trung tâm)(?=\s|$)/u;

/**
 * The issuer as a document's text names it, tidied: "của Ban Thường vụ Tỉnh ủy" → "Ban Thường vụ
 * Tỉnh ủy", "UBND tỉnh Lạng Sơn" → "Ủy ban nhân dân tỉnh Lạng Sơn"; null for text that names no
 * body (an extraction's stray line, "Ii- kết quả đạt được").
 */
export function issuerFromText(text: string | null): string | null {
  const first = (text ?? "").split("\n")[0].replace(/^\s*của\s+/iu, "").replace(/[\s.,;:]+$/u, "").trim();
  if (!first || first.length > 120 || !BODY_HEAD.test(first)) return null;
  return first.replace(/^UBND\b/u, "Ủy ban nhân dân").replace(/^HĐND\b/u, "Hội đồng nhân dân").replace(/^Uỷ/u, "Ủy").replace(/uỷ(?!\p{L})/gu, "ủy");
}

/** Initials for a symbol: "Sở Nông nghiệp và Môi trường" → "SNNMT" (diacritics off, "Đ" kept). */
const initials = (name: string) => name.split(/\s+/).filter((w) => w && w.toLowerCase() !== "và")
  .map((w) => w[0].toUpperCase().normalize("NFD").replace(/\p{M}/gu, "")).join("");

/** Party committee of a level, as Nơi nhận names it: "Tỉnh ủy", "Thành ủy", "Huyện ủy", "Đảng ủy xã". */
const partyOf = (level: string) => (level === "tỉnh" ? "Tỉnh ủy" : level === "thành phố" ? "Thành ủy" : level === "huyện" ? "Huyện ủy" : `Đảng ủy ${level}`);

/**
 * The report's issuing body from the plan's issuer (a registry agency with its kind, or the text's
 * name) and the installation's province; see IssuingBody.
 */
export function issuingBody(agency: { name: string; kind: string } | null, issuerText: string | null, province: string | null): IssuingBody {
  const tier = province ? provinceTier(province) : "tỉnh";
  let name = agency?.name ?? issuerFromText(issuerText);
  let source: IssuingBody["source"] = "plan";
  // A committee named without its place ("Ủy ban nhân dân tỉnh") is the installation's province's.
  if (name && province && /^(?:Ủy ban nhân dân|Hội đồng nhân dân) (?:tỉnh|thành phố)$/u.test(name)) name = `${name} ${province}`;
  if (!name && province) { name = `Ủy ban nhân dân ${tier} ${province}`; source = "province"; }
  if (!name) {
    return { name: PLACEHOLDER, short: PLACEHOLDER, superior: null, header: PLACEHOLDER, symbolSuffix: "BC-…", authority: ["[CHỨC VỤ NGƯỜI KÝ]"],
      recipients: ["[Cơ quan nhận báo cáo] (b/c);", "Lưu: VT."], source: "placeholder" };
  }
  const short = name.replace(/^Ủy ban nhân dân\b/u, "UBND").replace(/^Hội đồng nhân dân\b/u, "HĐND");
  const committee = /^Ủy ban nhân dân\s+(.+)$/u.exec(name);
  if (committee && (agency === null || ["ppc", "district", "commune"].includes(agency.kind))) {
    // Decree 30's form: "ỦY BAN NHÂN DÂN" over "TỈNH LẠNG SƠN".
    const level = /^(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\b/u.exec(committee[1])?.[1] ?? tier;
    const provincial = level === "tỉnh" || level === "thành phố";
    return {
      name, short, superior: null, header: `Ủy ban nhân dân\n${committee[1]}`, symbolSuffix: "BC-UBND",
      authority: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
      recipients: [`Thường trực ${partyOf(level)} (b/c);`, `Thường trực HĐND ${level} (b/c);`, `Chủ tịch, các PCT UBND ${level};`,
        provincial ? "Các sở, ban, ngành;" : "Các cơ quan, đơn vị liên quan;", "Lưu: VT, KT."],
      source,
    };
  }
  const kind = agency?.kind ?? (/^Sở\s/u.test(name) ? "department" : /^Ban\s/u.test(name) ? "board" : "other");
  const superior = province && (kind === "department" || kind === "board") ? `UBND ${tier} ${province}` : null;
  return {
    name, short, superior, header: name, symbolSuffix: `BC-${initials(name)}`,
    authority: [kind === "department" ? "GIÁM ĐỐC" : kind === "board" ? "TRƯỞNG BAN" : "[CHỨC VỤ NGƯỜI KÝ]"],
    recipients: [superior ? `UBND ${tier} (b/c);` : "[Cơ quan cấp trên] (b/c);", "Lưu: VT."],
    source,
  };
}

/** A document of the cascade below a plan, as Appendix I lists it. */
export interface ImplementingDocument {
  id: number; symbol: string | null; issuedOn: string | null; issuedText: string | null; title: string; issuer: string | null;
  /** 1: implements the plan itself; 2: implements one of those; ... */
  depth: number;
  /** The document it implements (the plan at depth 1). */
  parentId: number;
}

/**
 * Every document that implements the plan, directly or through documents that do (its "implements"
 * links followed down, 12 levels at most, so a cycle in old data cannot run away), each once at its
 * shortest distance; drafts only for a reader of drafts. Oldest first, undated last.
 */
export async function implementingDocuments(db: Database, planId: number, drafts: boolean): Promise<ImplementingDocument[]> {
  const rows = await queryRows<{ id: number; depth: number; parent_id: number }>(db, sql`
    with recursive down(id, parent_id, depth) as (
      select from_id, to_id, 1 from document_links where kind = 'implements' and to_id = ${planId}
      union
      select l.from_id, l.to_id, down.depth + 1 from document_links l join down on l.to_id = down.id
      where l.kind = 'implements' and down.depth < 12
    )
    select id, min(depth)::integer as depth, (array_agg(parent_id order by depth, parent_id))[1] as parent_id
    from down where id <> ${planId} group by id`);
  if (!rows.length) return [];
  const docs = await db.select({ id: documents.id, symbol: documents.symbol, issuedOn: documents.issuedOn, issuedText: documents.issuedText, title: documents.title,
    issuerText: documents.issuerText, issuerName: agencies.name, status: documents.status })
    .from(documents).leftJoin(agencies, eq(agencies.id, documents.issuerId)).where(inArray(documents.id, rows.map((r) => r.id)));
  const link = new Map(rows.map((r) => [r.id, r]));
  return docs.filter((d) => drafts || d.status === "published")
    .map((d) => ({ id: d.id, symbol: d.symbol, issuedOn: d.issuedOn, issuedText: d.issuedText, title: d.title,
      issuer: d.issuerName ?? issuerFromText(d.issuerText), depth: Number(link.get(d.id)!.depth), parentId: Number(link.get(d.id)!.parent_id) }))
    .sort((a, b) => (a.issuedOn === null ? 1 : 0) - (b.issuedOn === null ? 1 : 0) || (a.issuedOn ?? "").localeCompare(b.issuedOn ?? "") || a.id - b.id);
}

/**
 * Everything the report says, drafted; `today` is the date in Vietnam (ISO). `drafts`: whether the reader may
 * see draft documents (see policy.readsDrafts): a draft plan is not_found for others, and draft documents, their
 * values and figures are left out.
 */
export async function compileReport(db: Database, documentId: number, year: number, today: string, drafts: boolean): Promise<ConsolidatedReport> {
  const plan = await findDocument(db, documentId, drafts);
  const [issuer] = plan.issuerId ? await db.select({ name: agencies.name, kind: agencies.kind }).from(agencies).where(eq(agencies.id, plan.issuerId)) : [];
  const province = (await readSetting(db, PROVINCE_SETTING))?.trim() ?? "";
  const body = issuingBody(issuer ?? null, plan.issuerText, province || null);
  const evaluation = await evaluatePlan(db, documentId, year, today, drafts);

  const issued = await implementingDocuments(db, documentId, drafts);

  // The year's rounds on this plan and their accepted reports.
  // The yearly round first, then the latest: the overview counts that one.
  const yearRounds = await db.select({ id: rounds.id }).from(rounds).innerJoin(roundPlans, eq(roundPlans.roundId, rounds.id))
    .where(and(eq(roundPlans.documentId, documentId), eq(rounds.periodYear, year)))
    .orderBy(sql`${rounds.periodKind} = 'year' desc`, desc(rounds.dueOn));
  // Each agency's latest accepted report of the year (a quarter's report is not repeated beside the year's).
  const acceptedAll = yearRounds.length ? await db.select({ id: submissions.id, agencyId: submissions.agencyId, agency: agencies.name, results: submissions.results, difficulties: submissions.difficulties, proposals: submissions.proposals })
    .from(submissions).innerJoin(agencies, eq(agencies.id, submissions.agencyId)).innerJoin(rounds, eq(rounds.id, submissions.roundId))
    .where(and(inArray(submissions.roundId, yearRounds.map((r) => r.id)), eq(submissions.status, "accepted")))
    .orderBy(asc(agencies.name), sql`${rounds.periodKind} = 'year' desc`, desc(rounds.dueOn)) : [];
  const accepted = acceptedAll.filter((a, i) => acceptedAll.findIndex((b) => b.agencyId === a.agencyId) === i);
  const narratives = accepted.length ? await db.select({ taskId: submissionTasks.taskId, narrative: submissionTasks.narrative })
    .from(submissionTasks).where(and(inArray(submissionTasks.submissionId, accepted.map((a) => a.id)), eq(submissionTasks.role, "lead"))) : [];
  const resultOf = new Map<number, string>();
  for (const r of narratives) if (r.narrative.trim()) resultOf.set(r.taskId, [resultOf.get(r.taskId), r.narrative.trim()].filter(Boolean).join(" "));
  const board = yearRounds.length ? await boardOf(db, yearRounds[0].id) : null;

  // Lead agencies as they stood in the year reported on (the successors of those merged away), a collective
  // phrase as the plan writes it ("Các sở, ban, ngành"), not the bodies it stands for.
  const leads = await taskLeadLabelsOn(db, eq(tasks.documentId, documentId), yearAsOf(year, today));
  const leadOf = (taskId: number) => (leads.get(taskId) ?? []).map(sentenceCase).join("; ");
  // The projects the plan carries, judged as of the year reported on, with the causes their investors gave in the year's accepted reports.
  const planProjects = await summarise(db, await db.select().from(projects).where(and(namedBy(documentId, "carries"), projectVisible(drafts))), drafts, yearAsOf(year, today));
  const projectCauses = planProjects.length && accepted.length ? await db.select({ projectId: submissionProjects.projectId, agencyId: submissions.agencyId, agency: agencies.name, explanation: submissionProjects.explanation })
    .from(submissionProjects).innerJoin(submissions, eq(submissions.id, submissionProjects.submissionId)).innerJoin(agencies, eq(agencies.id, submissions.agencyId))
    .where(inArray(submissionProjects.submissionId, accepted.map((a) => a.id))) : [];
  const causesOf = (projectId: number) => projectCauses.filter((c) => c.projectId === projectId && c.explanation.trim()).map((c) => `${c.agency}: ${c.explanation.trim().replace(/[.;]?$/, ".")}`);

  const typeName = DOCUMENT_TYPE_LABELS[plan.docType]?.vi ?? "Kế hoạch";
  const planRef = `${typeName} ${cite(plan)} của ${body.name}`.replace(/\s+/g, " ");
  // Decree 30 abbreviates the body in a subject: "Kế hoạch số 23/KH-UBND ngày 26/01/2023 của UBND tỉnh Lạng Sơn".
  const planShortRef = `${typeName} ${cite(plan)} của ${body.short}`.replace(/\s+/g, " ");
  const typePrefix = new RegExp(`^${typeName}\\s+`, "iu");
  const ic = evaluation.indicatorCounts, tc = evaluation.taskCounts;
  const withData = evaluation.indicators.filter((i) => i.evaluation.status !== "no_data");
  const lagging = evaluation.indicators.filter((i) => i.evaluation.status === "off_track" || i.evaluation.status === "at_risk");
  const overdue = evaluation.tasks.filter((t) => t.state === "overdue");
  const laggingProjects = planProjects.filter((p) => p.evaluation.state === "behind" || p.evaluation.state === "stalled");
  const fromAgencies = (key: "results" | "difficulties" | "proposals") => accepted.filter((a) => a[key].trim()).map((a) => `${a.agency}: ${a[key].trim()}`);
  const orNone = (items: string[], none: string): Block => (items.length ? { kind: "bullets", items } : { kind: "paragraph", text: none });

  const drafted: Omit<ReportSection, "edited" | "text">[] = [
    { key: "overview", title: "I. KHÁI QUÁT TÌNH HÌNH TRIỂN KHAI THỰC HIỆN", blocks: [
      { kind: "paragraph", text: `Thực hiện ${planRef} về ${plan.title.replace(typePrefix, "").replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase())}, ${issued.length ? `các cơ quan, đơn vị đã ban hành ${issued.length} văn bản triển khai (chi tiết tại Phụ lục I)` : "chưa ghi nhận văn bản nào của các cơ quan, đơn vị ban hành để triển khai (Phụ lục I)"}.` },
      { kind: "paragraph", text: board
        ? `Trong kỳ báo cáo năm ${year}, ${board.totals.expected} cơ quan, đơn vị phải báo cáo; ${board.totals.received} cơ quan đã gửi báo cáo (${n(board.percentages.received)}%), trong đó ${board.totals.onTime} cơ quan gửi đúng hạn; ${board.totals.missing} cơ quan chưa gửi.`
        : `Chưa tổ chức đợt báo cáo năm ${year} đối với Kế hoạch.` },
    ] },
    { key: "results", title: "II. KẾT QUẢ ĐẠT ĐƯỢC", blocks: [
      { kind: "heading", level: 2, text: "1. Kết quả thực hiện các chỉ tiêu" },
      { kind: "paragraph", text: `Kế hoạch đề ra ${evaluation.indicators.length} chỉ tiêu; đến năm ${year}: ${ic.achieved} chỉ tiêu đạt, ${ic.on_track} chỉ tiêu đúng hướng, ${ic.at_risk} chỉ tiêu có nguy cơ không đạt, ${ic.off_track} chỉ tiêu không đạt hoặc chệch hướng, ${ic.no_data} chỉ tiêu chưa có số liệu (chi tiết tại Phụ lục III).` },
      orNone(withData.map((i) => `${shorten(i.name, 120)}: ${i.evaluation.reason.vi}.`), "Chưa có số liệu chỉ tiêu được báo cáo."),
      { kind: "heading", level: 2, text: "2. Kết quả thực hiện các nhiệm vụ" },
      { kind: "paragraph", text: `Trong ${evaluation.tasks.length} nhiệm vụ: ${tc.completed_on_time} hoàn thành đúng hạn, ${tc.completed_late} hoàn thành quá hạn, ${tc.in_progress} đang thực hiện trong hạn, ${tc.overdue} quá hạn chưa hoàn thành, ${tc.not_started} chưa triển khai (chi tiết tại Phụ lục II).` },
      { kind: "heading", level: 2, text: "3. Kết quả nổi bật theo báo cáo của các cơ quan, đơn vị" },
      orNone(fromAgencies("results"), "Chưa có báo cáo được tiếp nhận."),
    ] },
    { key: "projects", title: "III. CÁC DỰ ÁN, CÔNG TRÌNH TRỌNG ĐIỂM", blocks: [
      orNone(planProjects.map((p) => projectParagraph(p, causesOf(p.id))), "Kế hoạch không có dự án, công trình trọng điểm được theo dõi."),
    ] },
    { key: "limitations", title: "IV. HẠN CHẾ, TỒN TẠI", blocks: [
      orNone([
        ...lagging.map((i) => `Chỉ tiêu ${shorten(i.name, 120)}: ${i.evaluation.reason.vi}.`),
        ...overdue.map((t) => `Nhiệm vụ "${shorten(t.text, 160)}" (${leadOf(t.id) || "chưa rõ cơ quan chủ trì"}) đã quá hạn${t.due ? ` (hạn ${formatVietnameseDate(t.due)})` : ""} nhưng chưa hoàn thành.`),
        ...laggingProjects.map((p) => `Dự án ${p.name} ${p.evaluation.state === "stalled" ? "không có tiến triển" : "chậm tiến độ"}: ${projectFindings(p)}.`),
      ], "Chưa phát hiện chỉ tiêu chệch hướng, nhiệm vụ quá hạn hay dự án chậm tiến độ."),
    ] },
    { key: "causes", title: "V. NGUYÊN NHÂN", blocks: [orNone(fromAgencies("difficulties"), "Các cơ quan, đơn vị chưa nêu khó khăn, vướng mắc.")] },
    { key: "ahead", title: "VI. NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TỚI", blocks: [
      orNone([
        ...lagging.map((i) => `Tập trung các giải pháp để đạt chỉ tiêu ${shorten(i.name, 120)} (mục tiêu ${describeTarget(i.target)}${i.evaluation.requiredRate !== undefined && i.evaluation.remaining ? `; các năm ${i.evaluation.remaining.from} - ${i.evaluation.remaining.to} cần đạt bình quân ${n(i.evaluation.requiredRate)}%/năm` : ""}).`),
        ...overdue.map((t) => `Đôn đốc ${leadOf(t.id) || "cơ quan chủ trì"} hoàn thành nhiệm vụ "${shorten(t.text, 120)}".`),
        ...laggingProjects.map((p) => `Đôn đốc ${p.leadName ?? "chủ đầu tư"} đẩy nhanh tiến độ dự án ${p.name}${p.evaluation.disbursement?.state === "behind" ? ", giải ngân hết kế hoạch vốn được giao" : ""}.`),
      ], "Tiếp tục triển khai các nhiệm vụ theo Kế hoạch."),
    ] },
    { key: "proposals", title: "VII. ĐỀ XUẤT, KIẾN NGHỊ", blocks: [orNone(fromAgencies("proposals"), "Không có đề xuất, kiến nghị.")] },
  ];

  const draft = await reportDraftOf(db, documentId, year);
  const sections: ReportSection[] = drafted.map((s) => {
    const edit = draft?.sections[s.key];
    const blocks = edit !== undefined ? textToBlocks(edit) : s.blocks;
    return { ...s, blocks, edited: edit !== undefined, text: edit ?? blocksToText(s.blocks) };
  });

  const years = [...new Set(evaluation.indicators.flatMap((i) => i.values.map((v) => v.year)))].sort().slice(-5);
  // "(Kèm theo Báo cáo số      /BC-UBND ngày 23/11/2026 của UBND tỉnh Lạng Sơn)": the number blank for the clerk, as in the header.
  const subtitle = `(Kèm theo Báo cáo số ${" ".repeat(5)}/${body.symbolSuffix} ngày ${formatVietnameseDate(today)} của ${body.short})`;
  const symbolOf = new Map([[plan.id, plan.symbol], ...issued.map((d) => [d.id, d.symbol] as const)]);
  const appendices: Appendix[] = [
    { title: `Phụ lục I\nDANH MỤC VĂN BẢN BAN HÀNH TRIỂN KHAI THỰC HIỆN ${typeName.toLocaleUpperCase("vi")}`, subtitle, landscape: true,
      table: { kind: "table", columns: [{ title: "STT", width: 7 }, { title: "Số, ký hiệu", width: 14 }, { title: "Ngày ban hành", width: 12 }, { title: "Trích yếu", width: 47 }, { title: "Cơ quan ban hành", width: 20 }],
        rows: issued.map((d, i) => [i + 1, d.symbol, d.issuedOn ? formatVietnameseDate(d.issuedOn) : d.issuedText,
          // A document below another of the cascade says which it carries out.
          d.depth > 1 ? `${d.title} (thực hiện văn bản ${symbolOf.get(d.parentId) ? `số ${symbolOf.get(d.parentId)}` : "nêu trên"})` : d.title, d.issuer]),
        empty: `Chưa ghi nhận văn bản nào ban hành để triển khai thực hiện ${typeName} ${cite(plan)}.`.replace(/\s+/g, " ").replace(" .", ".") } },
    { title: "Phụ lục II\nKẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ", subtitle, landscape: true,
      table: { kind: "table", columns: [{ title: "STT", width: 5 }, { title: "Nhiệm vụ", width: 37 }, { title: "Cơ quan chủ trì", width: 18 }, { title: "Thời hạn", width: 10 }, { title: "Tình trạng", width: 12 }, { title: "Kết quả", width: 18 }],
        // The task's text whole, as the plan assigns it: a table row has room, and a cut would lose what was asked.
        rows: evaluation.tasks.map((t, i) => [i + 1, sentenceCase(t.text), leadOf(t.id), t.due ? formatVietnameseDate(t.due) : null, TASK_STATE_LABELS[t.state], resultOf.get(t.id) ?? null]),
        empty: "Kế hoạch không giao nhiệm vụ cụ thể." } },
    { title: "Phụ lục III\nKẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", subtitle, landscape: true,
      table: { kind: "table", columns: [{ title: "STT", width: 7 }, { title: "Chỉ tiêu", width: 30 }, { title: "Mục tiêu", width: 14 }, ...years.map((y) => ({ title: String(y), width: 11 })), { title: "Đánh giá", width: 16 }],
        rows: evaluation.indicators.map((i, k) => [k + 1, i.name, describeTarget(i.target), ...years.map((y) => {
          const v = i.values.find((x) => x.year === y);
          if (!v) return null;
          const value = Math.round(v.value * 100) / 100;
          return v.kind === "estimate" ? { value, note: "ước" } : value;
        }), EVALUATION_LABELS[i.evaluation.status]]), empty: "Kế hoạch không đề ra chỉ tiêu định lượng." } },
  ];
  // The key projects' progress as a table, when the plan carries any: the figures of section III side by side.
  if (planProjects.length) appendices.push({ title: "Phụ lục IV\nTIẾN ĐỘ CÁC DỰ ÁN, CÔNG TRÌNH TRỌNG ĐIỂM", subtitle, landscape: true,
    table: { kind: "table", columns: [{ title: "STT", width: 5 }, { title: "Dự án, công trình", width: 25 }, { title: "Chủ đầu tư", width: 13 }, { title: "Tổng mức đầu tư (tỷ đồng)", width: 10 },
      { title: "Giải ngân (tỷ đồng)", width: 13 }, { title: "Mặt bằng đã bàn giao (ha)", width: 11 }, { title: "Khối lượng (%)", width: 8 }, { title: "Số liệu đến", width: 9 }, { title: "Đánh giá", width: 11 }],
      rows: planProjects.map((p, k) => {
        const e = p.evaluation;
        const ratio = (done: number, of: number | null, share: number | null) => `${formatVietnameseNumber(done)}${of ? `/${formatVietnameseNumber(of)}` : ""}${share !== null ? ` (${formatVietnameseNumber(share, 2)}%)` : ""}`;
        return [k + 1, p.name, p.leadName, p.investment,
          e.disbursement && `${ratio(e.disbursement.disbursed, e.disbursement.allocated, e.disbursement.share)} năm ${e.disbursement.year}`,
          e.clearance && ratio(e.clearance.cleared, e.clearance.total, e.clearance.share), e.progress?.value ?? null,
          e.asOf ? formatVietnameseDate(e.asOf) : null, PROJECT_STATE_LABELS[e.state]];
      }), empty: "" } });

  return {
    plan: { id: plan.id, symbol: plan.symbol, title: plan.title, issuedOn: plan.issuedOn, issuer: body.name }, issuingBody: body, year, province, date: today,
    title: `Kết quả thực hiện ${planShortRef} năm ${year}`, sections, appendices, evaluation, draftVersion: draft?.version ?? 0,
  };
}

/** A plan by its symbol as written ("23/KH-UBND", "23-KH/UBND"): not_found when there is none. */
export async function planBySymbol(db: Database, written: string): Promise<number> {
  // The latest of that symbol (a province's numbers recur each year).
  const row = await likelyDocument(db, written, null);
  if (!row) throw new AppError("not_found", [{ field: "plan", message: written }], "document_unknown");
  return row.id;
}

/** The report as .docx in the official format; numbered "Số:      /BC-UBND" by the clerk. */
export function reportDocx(report: ConsolidatedReport): Promise<Buffer> {
  const body = report.issuingBody;
  return officialDocument({
    superior: body.superior,
    issuer: body.header,
    number: null,
    symbolSuffix: body.symbolSuffix,
    place: report.province ? placeName(report.province) : "[Địa danh]",
    date: report.date,
    title: { kind: "BÁO CÁO", subject: report.title },
    body: report.sections.flatMap((s) => [{ kind: "heading", level: 1, text: s.title } as Block, ...s.blocks]),
    // No "Kính gửi" in a report, so no "Như trên": the recipients by name.
    recipients: body.recipients,
    signature: { authority: body.authority, signer: null },
    appendices: report.appendices,
  });
}
