/**
 * Reports owed upward read from an imported document's reporting rules (extraction/reporting.ts): a request
 * to report to a higher body by a date becomes a proposed obligation, which the reviewer confirms (or not)
 * before publishing; publishing records the confirmed ones, requested by the document, on the document it
 * implements.
 *
 * Only requests to report UPWARD: to a central body ("về Ban Kinh tế Trung ương", "Bộ Kế hoạch và Đầu tư"),
 * or, in a document of a central body, by the province's bodies ("các tỉnh ủy, thành ủy"), or, in a document
 * of the provincial Party committee, to that committee by the province's state bodies. A provincial plan
 * asking departments to report to a department is a reporting round's business, not an obligation upward.
 */
import { z } from "zod";
import { dateField } from "../core/fields.js";
import { AppError } from "../core/errors.js";
import { and, asc, eq } from "drizzle-orm";
import { documentLinks } from "../documents/schema.js";
import { isCentralIssuer } from "../extraction/agencies.js";
import type { ReportingRule } from "../extraction/reporting.js";
import type { Database } from "../storage/database.js";
import { foldVietnamese } from "../text/fold.js";
import { parseDeadline } from "../text/dates.js";
import { OBLIGATION_FREQUENCIES, reportObligations, type ObligationFrequency } from "./schema.js";
import { insertObligation } from "./upward-records.js";

export const upwardProposal = z.object({
  title: z.string().trim().min(1).max(500),
  /** Who reports, as written, and the registry agency the reviewer maps it to (required to confirm). */
  reporterText: z.string().max(500).nullable(),
  reporterId: z.number().int().positive().nullable(),
  recipientText: z.string().trim().min(1).max(500),
  recipientId: z.number().int().positive().nullable(),
  frequency: z.enum(OBLIGATION_FREQUENCIES),
  dueOn: dateField.nullable(),
  dueDay: z.number().int().min(1).max(31).nullable(),
  dueMonthOffset: z.number().int().min(-11).max(12),
  /** The deadline as the document writes it ("trước ngày 15/12 hằng năm"). */
  deadlineText: z.string().max(300).nullable(),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  /** The reviewer's answer: record it as an obligation when the document is published. */
  confirmed: z.boolean().default(false),
});
export type UpwardProposal = z.infer<typeof upwardProposal>;
export const upwardProposals = z.array(upwardProposal).max(50).default([]);

const fold = (s: string | null) => foldVietnamese(s ?? "").replace(/\s+/g, " ").trim();
/** The provincial Party committee or its standing committee ("Tỉnh ủy", "Ban Thường vụ Tỉnh ủy", "Ban Chấp hành Đảng bộ tỉnh"). */
const PROVINCIAL_PARTY = /\b(tinh uy|thanh uy|ban thuong vu tinh uy|ban chap hanh dang bo tinh)\b/;
/** Words naming a central body anywhere in a phrase ("Ban Kinh tế Trung ương", "Văn phòng Chính phủ"). */
const CENTRAL_WORDS = /\btrung uong\b|\bchinh phu\b|\bthu tuong\b|\bquoc hoi\b|\bbo chinh tri\b|\bban bi thu\b/;
const isCentral = (name: string | null) => !!name && (isCentralIssuer(name) || CENTRAL_WORDS.test(fold(name)));

/** Whether a rule asks for a report upward, by the document's issuer and the rule's recipient and reporter. */
export function isUpward(issuer: string | null, rule: Pick<ReportingRule, "from" | "to">): boolean {
  if (!rule.to) return false;
  if (isCentral(rule.to)) return true;
  // A central body's document asks the province's bodies, who report up to it (or where it says).
  if (isCentralIssuer(issuer) && rule.from && !isCentral(rule.from)) return true;
  // The provincial Party committee asks the province's state bodies to report to it.
  return PROVINCIAL_PARTY.test(fold(issuer)) && PROVINCIAL_PARTY.test(fold(rule.to)) && !PROVINCIAL_PARTY.test(fold(rule.from));
}

/** The due date of a rule, as an obligation's timing; null when the text gives no day to report by. */
export function timingOf(rule: Pick<ReportingRule, "deadline_text" | "frequency">): Pick<UpwardProposal, "frequency" | "dueOn" | "dueDay" | "dueMonthOffset"> | null {
  const text = rule.deadline_text;
  if (!text) return null;
  const parsed = parseDeadline(text);
  const deadline = parsed && !("error" in parsed) ? parsed : null;
  if (deadline?.kind === "date") return { frequency: "once", dueOn: deadline.date, dueDay: null, dueMonthOffset: 0 };
  const day = Number(/trước ngày\s+(\d{1,2})/iu.exec(text)?.[1] ?? NaN);
  if (!(day >= 1 && day <= 31)) return null;
  const periodic: Partial<Record<ReportingRule["frequency"], ObligationFrequency>> = { annual: "year", semiannual: "half", quarterly: "quarter", monthly: "month" };
  const frequency = periodic[rule.frequency];
  if (!frequency) return null;
  // A yearly report due in January to March is on the year before ("trước ngày 15/01 năm sau": one month after
  // December); one due later in the year is on the year itself, before it ends ("trước ngày 20/11 hằng năm":
  // one month before December).
  const month = deadline?.kind === "yearly" ? deadline.month : Number(/trước ngày\s+\d{1,2}\s*(?:\/|tháng)\s*(\d{1,2})/iu.exec(text)?.[1] ?? NaN) || null;
  // "trước ngày 05 của tháng sau": in the month after the period's last.
  const nextMonth = /tháng\s+(?:sau|tiếp theo|kế tiếp)(?![\p{L}])/iu.test(text);
  const offset = nextMonth ? 1 : frequency !== "year" || month === null ? 0 : month <= 3 ? month : month - 12;
  return { frequency, dueOn: null, dueDay: day, dueMonthOffset: offset };
}

/**
 * The obligations upward a document's reporting rules propose. `agencyId` maps a name to the registry (the
 * draft's own mapping); a collective reporter ("Các tỉnh ủy, thành ủy") is read as the province's body of its
 * kind when the registry has one, else left for the reviewer.
 */
export function proposeUpward(document: { symbol: string | null; title: string | null; issuer: string | null }, rules: ReportingRule[], implementsSymbol: string | null, agencyId: (name: string) => number | null): UpwardProposal[] {
  const out: UpwardProposal[] = [];
  for (const rule of rules) {
    if (!isUpward(document.issuer, rule)) continue;
    const timing = timingOf(rule);
    if (!timing) continue;
    const reporterText = rule.from;
    const onWhat = implementsSymbol ?? document.symbol;
    out.push({
      title: onWhat ? `Báo cáo kết quả thực hiện ${onWhat}` : `Báo cáo theo ${document.title ?? "văn bản"}`.slice(0, 500),
      reporterText, reporterId: reporterText ? agencyId(reporterText) ?? agencyId(singular(reporterText)) : null,
      recipientText: rule.to!, recipientId: agencyId(rule.to!),
      ...timing, deadlineText: rule.deadline_text, start: rule.start, end: rule.end, confirmed: false,
    });
  }
  return out.slice(0, 50);
}

/** "Các tỉnh ủy, thành ủy" → "Tỉnh ủy"; "UBND các tỉnh, thành phố" → "UBND tỉnh": the province's own body of that kind. */
function singular(name: string): string {
  const first = name.split(/,\s*/)[0].replace(/^các\s+/iu, "").replace(/\s+các\s+/iu, " ");
  return first.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}

/**
 * Records the proposals the reviewer confirmed, as the document (published as `documentId`) asks: requested by
 * it, on the first document it implements. A confirmed proposal without a reporter is refused with its field.
 */
export async function recordConfirmedUpward(db: Database, documentId: number, proposals: UpwardProposal[], createdBy: number | null): Promise<number> {
  const confirmed = proposals.map((p, i) => ({ p, i })).filter(({ p }) => p.confirmed);
  if (!confirmed.length) return 0;
  const [subject] = await db.select({ id: documentLinks.toId }).from(documentLinks)
    .where(and(eq(documentLinks.fromId, documentId), eq(documentLinks.kind, "implements"))).orderBy(asc(documentLinks.id)).limit(1);
  // A new version of the document asks again for what its earlier one asked: the obligation already recorded stays, once.
  const known = new Set((await db.select({ title: reportObligations.title, reporterId: reportObligations.reporterId }).from(reportObligations)
    .where(eq(reportObligations.requestedById, documentId))).map((o) => `${o.reporterId}|${o.title}`));
  for (const { p, i } of confirmed) {
    if (!p.reporterId) throw new AppError("validation", [{ field: `upwardReports.${i}.reporterId`, key: "agency_unmapped" }]);
    if (known.has(`${p.reporterId}|${p.title}`)) continue;
    known.add(`${p.reporterId}|${p.title}`);
    try {
      await insertObligation(db, {
        title: p.title, requestedById: documentId, subjectId: subject?.id ?? null, reporterId: p.reporterId, recipientId: p.recipientId, recipientText: p.recipientText,
        frequency: p.frequency, dueOn: p.dueOn, dueDay: p.dueDay, dueMonthOffset: p.dueMonthOffset, fromYear: null, toYear: null,
        note: p.deadlineText ? `Theo văn bản: “${p.deadlineText}”` : null,
      }, createdBy);
    } catch (e) {
      // The obligation's own fields named as the draft's.
      if (e instanceof AppError && e.code === "validation") throw new AppError("validation", e.fields.map((f) => ({ ...f, field: `upwardReports.${i}.${f.field}` })));
      throw e;
    }
  }
  return confirmed.length;
}
