/**
 * Documents owed (issue 15), the rules as pure functions. A task whose expected output is a document
 * ("các sở, ban, ngành … xây dựng kế hoạch triển khai", "tham mưu UBND tỉnh ban hành Quy chế") obliges each of
 * its lead agencies to have it issued, by the task's deadline. A document implementing the task's document meets
 * the obligation when it is of the kind asked for and issued by the agency (or the one carrying on its work), or,
 * where the agency drafts for a body it advises ("tham mưu UBND tỉnh ban hành …"), by that body: the obligation
 * stays the agency's, since it is the one the focal point urges. Storage and queries are in obligations.ts.
 */
import type { DOCUMENT_TYPES } from "../documents/schema.js";
import { successorsOn, type Succession } from "../agencies/successions.js";
import { daysBetween } from "../reporting/periods.js";
import { foldPhrase } from "../text/fold.js";

export type DocType = (typeof DOCUMENT_TYPES)[number];

/** The words that name a kind of document, folded, longest first where one begins another ("thông tư liên tịch"). */
const KINDS: ReadonlyArray<readonly [string, DocType]> = [
  ["ke hoach", "plan"], ["chuong trinh", "programme"], ["de an", "scheme"], ["quyet dinh", "decision"], ["bao cao", "report"],
  ["quy che", "regulation"], ["quy dinh", "rule"], ["nghi quyet", "resolution"], ["chi thi", "directive"], ["huong dan", "guidance"],
  ["to trinh", "submission"], ["ket luan", "conclusion"], ["thong bao", "notice"], ["nghi dinh", "decree"],
  ["thong tu lien tich", "joint_circular"], ["thong tu", "circular"], ["luat", "law"], ["cong van", "letter"],
];
const KIND_AT = new RegExp(`^(?:${KINDS.map(([w]) => w).join("|")})(?![a-z0-9])`);
/** What may stand before the kind: "các chương trình", "một kế hoạch", "dự thảo Quyết định" (issued by the body advised). */
const LEADING = /^(?:(?:cac|mot|nhung|01|du thao)\s+)+/;
/** Between two kinds of one list: "chương trình, kế hoạch", "Chương trình/đề án/kế hoạch", "kế hoạch hoặc đề án". */
const BETWEEN = /^(?:\s*[,/]\s*|\s+(?:va|hoac)\s+)(?:(?:cac|mot)\s+)?/;

/**
 * The kinds of document an output names, in its words' order: "Kế hoạch triển khai …" is a plan, "các chương trình,
 * kế hoạch cụ thể" a programme or a plan; none when it does not begin with one ("cơ chế, chính sách", "Trung tâm dữ
 * liệu", "quy hoạch tỉnh": a planning scheme is approved by a decision of the Prime Minister, not issued here).
 */
export function documentTypesOf(output: string | null | undefined): DocType[] {
  if (!output) return [];
  let rest = foldPhrase(output).replace(LEADING, "");
  const kinds: DocType[] = [];
  for (;;) {
    const word = KIND_AT.exec(rest)?.[0];
    if (!word) break;
    const kind = KINDS.find(([w]) => w === word)![1];
    if (!kinds.includes(kind)) kinds.push(kind);
    rest = rest.slice(word.length);
    const between = BETWEEN.exec(rest);
    if (!between) break;
    rest = rest.slice(between[0].length);
  }
  return kinds;
}

/** A task as the rules read it. */
export interface ObligingTask {
  text: string;
  expectedOutput: string | null;
  status: "open" | "completed" | "cancelled";
  deadlineKind: "date" | "year" | "yearly" | "ongoing" | "period" | "none";
  deadlineDate: string | null;
  deadlineYear: number | null;
}

/** What a task obliges each lead agency to issue. */
export interface DerivedObligation { docType: DocType; outputText: string; dueOn: string | null }

/**
 * The day a document is due: the deadline's date; the last day of its year ("trong năm 2025"); none for a
 * recurring deadline or none at all, nor for a period ("giai đoạn 2026 - 2030" says what the document covers,
 * not when it is to be issued).
 */
export function dueOnOf(t: Pick<ObligingTask, "deadlineKind" | "deadlineDate" | "deadlineYear">): string | null {
  if (t.deadlineKind === "date") return t.deadlineDate;
  if (t.deadlineKind === "year" && t.deadlineYear !== null) return `${t.deadlineYear}-12-31`;
  return null;
}

/** "định kỳ", "hằng năm", "hằng quý": a report made again and again. */
const RECURRING = /\b(?:dinh ky|hang (?:nam|quy|thang|tuan)|hangnam|6 thang|sau thang)\b/;

/**
 * What a task obliges its leads to issue, or null: no document among its output, a cancelled task, or a report
 * made periodically (a report owed upward, followed as such: see reporting/upward-*), not a document issued once.
 */
export function obligationOf(task: ObligingTask): DerivedObligation | null {
  if (task.status === "cancelled") return null;
  const kinds = documentTypesOf(task.expectedOutput);
  if (!kinds.length) return null;
  const periodic = task.deadlineKind === "yearly" || task.deadlineKind === "ongoing" || RECURRING.test(foldPhrase(`${task.expectedOutput} ${task.text}`));
  if (kinds.every((k) => k === "report") && periodic) return null;
  return { docType: kinds[0], outputText: task.expectedOutput!.trim(), dueOn: dueOnOf(task) };
}

/** The kinds an obligation accepts: those its output names, else its own. */
export const kindsOwed = (o: { docType: DocType; outputText: string | null }): DocType[] => {
  const named = documentTypesOf(o.outputText);
  return named.length ? named : [o.docType];
};

/** A document that may meet an obligation. */
export interface Implementer { docType: DocType; title: string }

/**
 * Whether a document is of a kind the obligation asks for: the same kind, or a decision that issues or approves
 * it ("Quyết định ban hành Kế hoạch …", "Quyết định phê duyệt Đề án …", as a People's Committee issues them).
 */
export function fitsKind(kinds: DocType[], d: Implementer): boolean {
  if (kinds.includes(d.docType)) return true;
  if (d.docType !== "decision") return false;
  const issued = /\b(?:ban hanh|phe duyet)\s+(.*)$/.exec(foldPhrase(d.title));
  return issued !== null && documentTypesOf(issued[1]).some((k) => kinds.includes(k));
}

/**
 * The body the lead drafts the document for, as the task names it ("tham mưu UBND tỉnh ban hành …", "trình
 * HĐND tỉnh …"): its words folded ("ubnd tinh"), or null when the lead issues the document itself.
 */
export function advisedBodyOf(taskText: string): string | null {
  const m = /\b(?:tham muu|trinh)(?: cho)? ((?:chu tich )?(?:ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan) (?:tinh|huyen|xa|phuong|thanh pho)|ban thuong vu tinh uy|tinh uy|thu tuong chinh phu|chinh phu)\b/
    .exec(foldPhrase(taskText));
  return m ? m[1].replace(/^chu tich /, "") : null;
}

/** A registry agency, as matching needs it. */
export interface BodyEntry { id: number; name: string; aliases: string[]; parentId: number | null }

/**
 * The registry agency a body's words name: the one whose name or alias they are ("ubnd tinh" is Ủy ban nhân dân
 * tỉnh Lạng Sơn); where several begin so ("ủy ban nhân dân huyện …"), the lead's parent among them; else none.
 */
export function bodyNamed(words: string, registry: readonly BodyEntry[], lead: { parentId: number | null } | undefined): number | null {
  const exact = registry.filter((a) => [a.name, ...a.aliases].some((n) => foldPhrase(n) === words));
  const found = exact.length ? exact : registry.filter((a) => [a.name, ...a.aliases].some((n) => foldPhrase(n).startsWith(`${words} `)));
  if (found.length === 1) return found[0].id;
  return found.find((a) => a.id === lead?.parentId)?.id ?? null;
}

/**
 * Whether a document issued by `issuerId` on `on` is the agency's own: the agency itself, or the one doing its
 * work on that day (from 01/03/2025 Sở Tài chính issues what Sở Kế hoạch và Đầu tư owed).
 */
export const issuedBy = (agencyId: number, issuerId: number, on: string, successions: readonly Succession[]): boolean =>
  agencyId === issuerId || successorsOn(successions, agencyId, on).includes(issuerId);

/** A candidate fulfilment: the obligation and the plan (the task's document) it is owed under. */
export interface Candidate { obligationId: number; planId: number }

/**
 * The candidates met without asking: where the issuer is known and is the one agency of a plan that the
 * document fits (one obligation of that plan); the rest are proposed to a person.
 */
export function automaticOnes(candidates: readonly Candidate[], issuerKnown: boolean): Set<number> {
  const out = new Set<number>();
  if (!issuerKnown) return out;
  for (const planId of new Set(candidates.map((c) => c.planId))) {
    const ofPlan = candidates.filter((c) => c.planId === planId);
    if (ofPlan.length === 1) out.add(ofPlan[0].obligationId);
  }
  return out;
}

export const OBLIGATION_STATES = ["issued_on_time", "issued_late", "overdue", "not_due"] as const;
export type ObligationState = (typeof OBLIGATION_STATES)[number];

/**
 * Where an obligation stands on `today`: issued on time or late against its due day (by the meeting document's
 * date; one without a date, or an obligation without a due day, is on time), or not issued: overdue once the due
 * day has passed, not yet due before it or without one. `issuedOn` undefined: not met (by a published document).
 */
export function obligationState(dueOn: string | null, issuedOn: string | null | undefined, today: string): { state: ObligationState; daysLate: number } {
  if (issuedOn !== undefined) {
    const late = dueOn !== null && issuedOn !== null && issuedOn > dueOn ? daysBetween(dueOn, issuedOn) : 0;
    return { state: late > 0 ? "issued_late" : "issued_on_time", daysLate: late };
  }
  if (dueOn !== null && dueOn < today) return { state: "overdue", daysLate: daysBetween(dueOn, today) };
  return { state: "not_due", daysLate: 0 };
}

/**
 * A task's state from its obligations, judged on `asOf` (evaluation): completed once every one is met by a
 * document issued by then, on time when each was on time, else late; null while any is still owed (or it has none).
 */
export function stateFromObligations(owed: ReadonlyArray<{ dueOn: string | null; issuedOn: string | null | undefined }>, asOf: string): "completed_on_time" | "completed_late" | null {
  if (!owed.length) return null;
  let late = false;
  for (const o of owed) {
    if (o.issuedOn === undefined || (o.issuedOn !== null && o.issuedOn > asOf)) return null;
    if (obligationState(o.dueOn, o.issuedOn, asOf).state === "issued_late") late = true;
  }
  return late ? "completed_late" : "completed_on_time";
}
