/**
 * The urging letter (công văn đôn đốc): what the focal agency sends the agencies that have not
 * reported in a round, or whose report was returned and not sent again. It cites the plans the
 * round covers and the deadline passed, lists each late agency with what it owes, and sets a new
 * date five working days on. The number is left blank for the clerk who registers the letter.
 */
import { invalid } from "../core/errors.js";
import { officialDocument, type Block } from "../reports/official-document.js";
import { formatVietnameseDate, isoDateParts } from "../text/dates.js";
import type { Database } from "../storage/database.js";
import { PROVINCE_SETTING, readSetting } from "../storage/settings.js";
import { boardOf, stillOwing } from "./board.js";
import { vietnamDate } from "./periods.js";

export interface UrgingLetterInput {
  /** "Lạng Sơn": the superior "UBND TỈNH LẠNG SƠN" and the place of the date line. */
  province: string;
  /** The focal agency, as written in running text: "Sở Tài chính". */
  issuer: string;
  /** The symbol after the number: "STC-KH" (issuer, then the drafting unit). */
  symbolSuffix: string;
  /** The letter's date, ISO. */
  date: string;
  round: { title: string; periodLabel: string; dueOn: string };
  plans: { symbol: string | null; title: string; issuedOn: string | null }[];
  late: { agencyName: string; status: LateStatus; tasksOwed: number; indicatorsOwed: number; daysLate: number }[];
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

/** Centrally governed cities are "thành phố", not "tỉnh", in their bodies' names. */
const CITIES = new Set(["Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"]);

/** Type codes of a symbol ("23/KH-UBND", "52-CTr/TU") as a citation names them. */
const TYPES: Record<string, string> = {
  KH: "Kế hoạch", CTr: "Chương trình", "QĐ": "Quyết định", NQ: "Nghị quyết", CT: "Chỉ thị", "ĐA": "Đề án", KL: "Kết luận",
};

/** "Kế hoạch số 23/KH-UBND ngày 26/01/2023 của UBND tỉnh <title>". */
function citePlan(plan: UrgingLetterInput["plans"][number], tier: string): string {
  // State symbols put the type before the issuer ("23/KH-UBND"), Party symbols after the number ("52-CTr/TU").
  const parts = plan.symbol?.match(/^[^/-]+\/([^-/]+)-(.+)$/) ?? plan.symbol?.match(/^[^/-]+-([^/]+)\/(.+)$/);
  const type = (parts && TYPES[parts[1]]) ?? "Kế hoạch";
  const issuers: Record<string, string> = { UBND: `UBND ${tier}`, "HĐND": `HĐND ${tier}`, TU: tier === "tỉnh" ? "Tỉnh ủy" : "Thành ủy" };
  const issuer = parts ? issuers[parts[2]] : undefined; // other issuers are named by the title, if at all
  return [
    type,
    plan.symbol ? `số ${plan.symbol}` : null,
    plan.issuedOn ? `ngày ${formatVietnameseDate(plan.issuedOn)}` : null,
    issuer ? `của ${issuer}` : null,
    plan.title,
  ].filter(Boolean).join(" ");
}

/** The .docx of the urging letter. */
export async function urgingLetter(input: UrgingLetterInput): Promise<Buffer> {
  if (input.late.length === 0) throw new RangeError("urgingLetter: no late agency to urge");
  const tier = CITIES.has(input.province) ? "thành phố" : "tỉnh";
  const { issuer, round } = input;
  const deadline = formatVietnameseDate(addWorkingDays(input.date, GRACE_WORKING_DAYS));
  const returned = input.late.some((l) => l.status === "returned");
  const citations = input.plans.map((p) => citePlan(p, tier)).join("; ");

  const body: Block[] = [
    {
      kind: "paragraph",
      text: `${citations ? `Thực hiện ${citations}, các` : "Các"} cơ quan, đơn vị có trách nhiệm báo cáo kết quả thực hiện ${round.periodLabel} `
        + `về ${issuer} để tổng hợp, báo cáo UBND ${tier}; hạn gửi báo cáo là ngày ${formatVietnameseDate(round.dueOn)}.`,
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
    {
      kind: "paragraph",
      text: `Để kịp thời tổng hợp, báo cáo UBND ${tier}, ${issuer} đề nghị các cơ quan, đơn vị nêu trên khẩn trương hoàn thành, `
        + `gửi báo cáo kết quả thực hiện ${round.periodLabel} qua Hệ thống theo dõi thực hiện văn bản chỉ đạo (theodoi) `
        + `trước ngày ${deadline}.`,
    },
    { kind: "paragraph", text: `${issuer} đề nghị các cơ quan, đơn vị quan tâm, phối hợp thực hiện./.` },
  ];

  // "STC-KH": the drafting unit after the dash keeps the file copy ("Lưu: VT, KH.").
  const unit = input.symbolSuffix.split("-").slice(1).join("-");
  return officialDocument({
    superior: `UBND ${tier} ${input.province}`,
    issuer,
    number: null,
    symbolSuffix: input.symbolSuffix,
    subjectLine: `V/v đôn đốc báo cáo kết quả thực hiện ${round.title}`,
    place: input.province === "Hồ Chí Minh" ? "Thành phố Hồ Chí Minh" : input.province,
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
    province: (await readSetting(db, PROVINCE_SETTING)) ?? "…",
    issuer, symbolSuffix: `${initials(issuer)}-KH`, date: vietnamDate(now),
    round: board.round, plans: board.round.plans,
    late: late.map((r) => ({ agencyName: r.agencyName, status: r.status as LateStatus, tasksOwed: r.tasksOwed, indicatorsOwed: r.indicatorsOwed, daysLate: r.daysLate })),
    signer: { authority: ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], name: null },
  });
}
