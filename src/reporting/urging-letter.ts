/**
 * The urging letter (công văn đôn đốc): what the focal agency sends the agencies that have not
 * reported in a round, or whose report was returned and not sent again. It cites the plans the
 * round covers and the deadline passed, lists each late agency with what it owes, and sets a new
 * date five working days on, saying that the due date has passed (a letter written before the due
 * date keeps it). The number is left blank for the clerk who registers the letter.
 */
import { invalid } from "../core/errors.js";
import { officialDocument, placeName, provinceTier, type Block } from "../reports/official-document.js";
import { formatVietnameseDate, isoDateParts } from "../text/dates.js";
import type { Database } from "../storage/database.js";
import { PROVINCE_SETTING, readSetting } from "../storage/settings.js";
import { boardOf, stillOwing } from "./board.js";
import { periodName, vietnamDate } from "./periods.js";

export interface UrgingLetterInput {
  /** "Lạng Sơn": the superior "UBND TỈNH LẠNG SƠN" and the place of the date line; null when the installation has none (a placeholder is written). */
  province: string | null;
  /** The focal agency, as written in running text: "Sở Tài chính". */
  issuer: string;
  /** The symbol after the number: "STC-KH" (issuer, then the drafting unit). */
  symbolSuffix: string;
  /** The letter's date, ISO. */
  date: string;
  /** `period` as a sentence names it: "năm 2026", "quý III năm 2026" (see periodName). */
  round: { title: string; period: string; dueOn: string };
  plans: { symbol: string | null; title: string; issuedOn: string | null }[];
  late: {
    agencyName: string; status: LateStatus; tasksOwed: number; indicatorsOwed: number; daysLate: number;
    /** The documents it still has to issue under the plans (issue 15): what, under which plan, due when, days overdue. */
    documentsOwed?: { outputText: string; plan: string | null; dueOn: string | null; daysLate: number }[];
  }[];
  signer: { authority: string[]; name: string | null };
}

export type LateStatus = "missing" | "returned" | "draft";

const STATUS_LABELS: Record<LateStatus, string> = {
  missing: "Chưa gửi",
  returned: "Đã trả lại để hoàn thiện",
  draft: "Đang soạn, chưa gửi",
};

/** Working days the agencies are given from the letter's date. */
export const GRACE_WORKING_DAYS = 5;

/**
 * The date `days` working days after `isoDate`, skipping Saturdays and Sundays. Public holidays
 * are not known here: over Tết the clerk moves the date by hand.
 */
export function addWorkingDays(isoDate: string, days: number): string {
  isoDateParts(isoDate); // a RangeError for a date that does not exist
  const date = new Date(`${isoDate}T00:00:00Z`);
  for (let left = days; left > 0;) {
    date.setUTCDate(date.getUTCDate() + 1);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return date.toISOString().slice(0, 10);
}

/** Type codes of a symbol ("23/KH-UBND", "52-CTr/TU") as a citation names them. */
const TYPES: Record<string, string> = {
  KH: "Kế hoạch", CTr: "Chương trình", "QĐ": "Quyết định", NQ: "Nghị quyết", CT: "Chỉ thị", "ĐA": "Đề án", KL: "Kết luận",
};

/** The type code and issuer of a symbol: state symbols put the type before the issuer ("23/KH-UBND"), Party symbols after the number ("52-CTr/TU"). */
const symbolParts = (symbol: string | null) => symbol?.match(/^[^/-]+\/([^-/]+)-(.+)$/) ?? symbol?.match(/^[^/-]+-([^/]+)\/(.+)$/) ?? null;
const typeOf = (symbol: string | null) => TYPES[symbolParts(symbol)?.[1] ?? ""] ?? "Kế hoạch";
/** A title after a citation goes on in lower case ("… của UBND tỉnh thực hiện Nghị quyết …"), an acronym as it is. */
const continuing = (title: string) => title.trim().replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLocaleLowerCase("vi"));

/** The plans as a subject names them: "Kế hoạch số 23/KH-UBND", "Kế hoạch số 23/KH-UBND và Chương trình số 52-CTr/TU". */
function plansInSubject(plans: UrgingLetterInput["plans"], roundTitle: string): string {
  const named = plans.map((p) => (p.symbol ? `${typeOf(p.symbol)} số ${p.symbol}` : `${typeOf(null)} ${continuing(p.title)}`));
  if (!named.length) return continuing(roundTitle.replace(/^báo cáo kết quả thực hiện\s+/iu, ""));
  return named.length === 1 ? named[0] : `${named.slice(0, -1).join(", ")} và ${named.at(-1)}`;
}

/** "Kế hoạch số 23/KH-UBND ngày 26/01/2023 của UBND tỉnh <title>". */
function citePlan(plan: UrgingLetterInput["plans"][number], tier: string): string {
  const parts = symbolParts(plan.symbol);
  const type = typeOf(plan.symbol);
  const issuers: Record<string, string> = { UBND: `UBND ${tier}`, "HĐND": `HĐND ${tier}`, TU: tier === "tỉnh" ? "Tỉnh ủy" : "Thành ủy" };
  const issuer = parts ? issuers[parts[2]] : undefined; // other issuers are named by the title, if at all
  return [
    type,
    plan.symbol ? `số ${plan.symbol}` : null,
    plan.issuedOn ? `ngày ${formatVietnameseDate(plan.issuedOn)}` : null,
    issuer ? `của ${issuer}` : null,
    continuing(plan.title),
  ].filter(Boolean).join(" ");
}

/**
 * The documents the late agencies still have to issue (issue 15), when any does: a sentence and a table, each
 * document under its agency, with the plan that asks for it, its due day and how many days it is overdue.
 */
function documentsOwedBlocks(late: UrgingLetterInput["late"]): Block[] {
  const owing = late.filter((l) => l.documentsOwed?.length);
  if (!owing.length) return [];
  const rows = owing.flatMap((l) => l.documentsOwed!.map((d) => [l.agencyName, d.outputText, d.plan ?? "", d.dueOn ? formatVietnameseDate(d.dueOn) : "Không quy định", d.daysLate]));
  return [
    { kind: "paragraph", text: "Đồng thời, các cơ quan, đơn vị nêu trên chưa ban hành các văn bản được giao dưới đây; đề nghị khẩn trương ban hành và gửi về để theo dõi:" },
    {
      kind: "table",
      columns: [{ title: "STT", width: 7 }, { title: "Cơ quan", width: 22 }, { title: "Văn bản phải ban hành", width: 33 }, { title: "Theo văn bản", width: 14 }, { title: "Hạn ban hành", width: 12 }, { title: "Số ngày quá hạn", width: 12 }],
      rows: rows.map((r, i) => [i + 1, ...r]),
    },
  ];
}

/** The .docx of the urging letter. */
export async function urgingLetter(input: UrgingLetterInput): Promise<Buffer> {
  if (input.late.length === 0) throw new RangeError("urgingLetter: no late agency to urge");
  const province = input.province?.trim() || null;
  const tier = province ? provinceTier(province) : "tỉnh";
  const { issuer, round } = input;
  // Past the due date, five more working days, said to be after it; before it, the due date stands.
  const overdue = input.date > round.dueOn;
  const due = formatVietnameseDate(round.dueOn);
  const deadline = overdue ? formatVietnameseDate(addWorkingDays(input.date, GRACE_WORKING_DAYS)) : due;
  const returned = input.late.some((l) => l.status === "returned");
  const citations = input.plans.map((p) => citePlan(p, tier)).join("; ");

  const body: Block[] = [
    {
      kind: "paragraph",
      text: `${citations ? `Thực hiện ${citations}, các` : "Các"} cơ quan, đơn vị có trách nhiệm báo cáo kết quả thực hiện ${round.period} `
        + `về ${issuer} để tổng hợp, báo cáo UBND ${tier}; hạn gửi báo cáo là ngày ${due}.`,
    },
    {
      kind: "paragraph",
      text: `Tuy nhiên, đến ngày ${formatVietnameseDate(input.date)}, các cơ quan, đơn vị dưới đây chưa gửi báo cáo`
        + `${returned ? " (hoặc báo cáo đã được trả lại để hoàn thiện nhưng chưa gửi lại)" : ""}:`,
    },
    {
      kind: "table",
      columns: [
        { title: "STT", width: 7 }, { title: "Cơ quan", width: 33 }, { title: "Tình trạng", width: 20 },
        { title: "Số nhiệm vụ phải báo cáo", width: 13 }, { title: "Số chỉ tiêu phải báo cáo", width: 13 },
        { title: "Số ngày chậm", width: 14 },
      ],
      rows: input.late.map((l, i) => [i + 1, l.agencyName, STATUS_LABELS[l.status], l.tasksOwed, l.indicatorsOwed, l.daysLate]),
    },
    ...documentsOwedBlocks(input.late),
    {
      kind: "paragraph",
      text: overdue
        ? `Để kịp thời tổng hợp, báo cáo UBND ${tier}, ${issuer} đề nghị các cơ quan, đơn vị nêu trên khẩn trương hoàn thành báo cáo `
          + `kết quả thực hiện ${round.period}, đã quá hạn ngày ${due}; đề nghị gửi báo cáo qua Hệ thống theo dõi thực hiện văn bản chỉ đạo (theodoi) `
          + `trước ngày ${deadline}.`
        : `Để kịp thời tổng hợp, báo cáo UBND ${tier}, ${issuer} đề nghị các cơ quan, đơn vị nêu trên khẩn trương hoàn thành, `
          + `gửi báo cáo kết quả thực hiện ${round.period} qua Hệ thống theo dõi thực hiện văn bản chỉ đạo (theodoi) `
          + `đúng hạn, trước ngày ${deadline}.`,
    },
    { kind: "paragraph", text: `${issuer} đề nghị các cơ quan, đơn vị quan tâm, phối hợp thực hiện./.` },
  ];

  // "STC-KH": the drafting unit after the dash keeps the file copy ("Lưu: VT, KH.").
  const unit = input.symbolSuffix.split("-").slice(1).join("-");
  return officialDocument({
    // Without a province the officer sees where its name goes, rather than a name cut short.
    superior: `UBND ${tier} ${province ?? "[tên tỉnh]"}`,
    issuer,
    number: null,
    symbolSuffix: input.symbolSuffix,
    // What the round asks for, named once: "V/v đôn đốc báo cáo kết quả thực hiện Kế hoạch số 23/KH-UBND năm 2026".
    subjectLine: `V/v đôn đốc báo cáo kết quả thực hiện ${plansInSubject(input.plans, round.title)} ${round.period}`,
    place: province ? placeName(province) : "[Địa danh]",
    date: input.date,
    title: null,
    addressees: input.late.map((l) => l.agencyName),
    body,
    recipients: ["Như trên;", `UBND ${tier} (b/c);`, unit ? `Lưu: VT, ${unit}.` : "Lưu: VT."],
    signature: { authority: input.signer.authority, signer: input.signer.name },
  });
}

/** Initials of an agency's name for its symbol: "Sở Tài chính" → "STC". */
const initials = (name: string) => name.split(/\s+/).filter(Boolean).map((w) => w[0].toUpperCase()).join("");

/** The urging letter for a round as it stands at `now`: every agency still owing, dated today in Vietnam. */
export async function urgingLetterOfRound(db: Database, roundId: number, now = new Date()): Promise<Buffer> {
  const board = await boardOf(db, roundId, now);
  const late = stillOwing(board);
  if (!late.length) throw invalid("round", "nobody_late");
  const issuer = board.round.coordinatorName ?? "Sở Tài chính";
  return urgingLetter({
    province: await readSetting(db, PROVINCE_SETTING),
    issuer, symbolSuffix: `${initials(issuer)}-KH`, date: vietnamDate(now),
    round: {
      title: board.round.title, dueOn: board.round.dueOn,
      period: periodName({ kind: board.round.periodKind, year: board.round.periodYear, number: board.round.periodNumber }),
    },
    plans: board.round.plans,
    late: late.map((r) => ({
      agencyName: r.agencyName, status: r.status as LateStatus, tasksOwed: r.tasksOwed, indicatorsOwed: r.indicatorsOwed, daysLate: r.daysLate,
      documentsOwed: r.documentsOwed.map((d) => ({ outputText: d.outputText ?? "", plan: d.planSymbol ? `${d.planSymbol}${d.section ? `, mục ${d.section}` : ""}` : null, dueOn: d.dueOn, daysLate: d.daysLate })),
    })),
    signer: { authority: ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], name: null },
  });
}
