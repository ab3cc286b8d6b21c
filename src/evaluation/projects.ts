/**
 * Judging a key project, pure. From its facts (total area to clear, length, milestones) and its dated
 * figures it gives one state with the reason in words (Vietnamese and English), and each aspect
 * behind it:
 *  - disbursement: what is disbursed of the capital allocated for the year (and of the year's plan when
 *    one is recorded), against the share of the year gone by at the figure's date. Below
 *    DISBURSEMENT_PACE of that share is behind: 38% by 31/10 is behind (83% of the year has gone);
 *  - site clearance: the share of the area handed over; short of all of it after the date the site was
 *    due to be cleared is behind;
 *  - physical progress: against the straight line from start to completion, PROGRESS_SLACK points below
 *    it is behind; any short of 100% after the completion date is behind; 100% is completed;
 *  - stalled: a measure's two latest figures, at least STALL_DAYS apart, and the later no higher.
 * The project's state is the worst of its aspects: stalled, then behind, then on schedule; completed
 * when its progress reaches 100%; no data when it has no figure.
 */
import type { ProjectMeasure } from "../plans/schema.js";
import { formatVietnameseDate } from "../text/dates.js";
import { formatVietnameseNumber } from "../text/numbers.js";

export const PROJECT_STATES = ["completed", "on_schedule", "behind", "stalled", "no_data"] as const;
export type ProjectState = (typeof PROJECT_STATES)[number];
/** The states as official documents and workbooks write them. */
export const PROJECT_STATE_LABELS: Record<ProjectState, string> = { completed: "Hoàn thành", on_schedule: "Đúng tiến độ", behind: "Chậm tiến độ", stalled: "Không có tiến triển", no_data: "Chưa có số liệu" };

/** Disbursed share of the allocated capital at least this share of the year gone by: on schedule. */
export const DISBURSEMENT_PACE = 0.8;
/** Physical progress this many points below the straight line from start to completion: behind. */
export const PROGRESS_SLACK = 15;
/** Two figures of a measure this many days apart with no gain: stalled. */
export const STALL_DAYS = 60;

export interface ProjectFacts {
  areaHa: number | null; lengthKm: number | null;
  startsOn: string | null; clearanceDueOn: string | null; completesOn: string | null;
}
export interface ProjectFigure {
  measure: ProjectMeasure | null; value: number; of: number | null; unit: string | null;
  asOf: string | null; year: number | null;
  /** When it was recorded: of two figures of the same date, the later recorded wins. */
  recordedAt?: string;
}
type Words = { vi: string; en: string };
type AspectState = "on_schedule" | "behind" | "stalled" | "completed";
/** `finding`: what is wrong in a few words without the figures ("giải ngân chậm so với tiến độ thời gian"), null when nothing is. */
export interface Aspect { state: AspectState; reason: Words; finding: Words | null; share: number | null; asOf: string | null }
export interface ProjectEvaluation {
  state: ProjectState;
  reason: Words;
  /** The date of its latest figure. */
  asOf: string | null;
  disbursement: (Aspect & { year: number; disbursed: number; allocated: number | null; planned: number | null; shareOfPlan: number | null }) | null;
  clearance: (Aspect & { cleared: number; total: number | null }) | null;
  length: (Aspect & { done: number; total: number | null }) | null;
  progress: (Aspect & { value: number; expected: number | null }) | null;
}

const vi = (x: number) => formatVietnameseNumber(x);
const en = (x: number) => x.toLocaleString("en-US", { maximumFractionDigits: 6 });
/** A share for reading: two decimals at most ("38,05%"). */
const pct = (x: number, lang: "vi" | "en") => (lang === "vi" ? formatVietnameseNumber(x, 2) : x.toLocaleString("en-US", { maximumFractionDigits: 2 })) + "%";
const dayOf = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
/** The year a figure counts for: its capital year, else the year of its date. */
export const yearOf = (f: ProjectFigure) => f.year ?? (f.asOf ? Number(f.asOf.slice(0, 4)) : null);
/** A figure as recorded (a project_metrics row, or the API's answer of one) as evaluation reads it. */
export const figureOf = (m: Pick<ProjectFigure, "measure" | "value" | "of" | "unit" | "asOf" | "year"> & { createdAt: string }): ProjectFigure =>
  ({ measure: m.measure, value: m.value, of: m.of, unit: m.unit, asOf: m.asOf, year: m.year, recordedAt: m.createdAt });

/**
 * Latest first: by date, then by when recorded, then the larger: a report giving a total and its parts on one
 * date ("giải ngân 490,1 tỷ đồng, trong đó: ngân sách trung ương 490 tỷ đồng; ngân sách địa phương 0,1 tỷ đồng")
 * is read by its total.
 */
const byRecency = (a: ProjectFigure, b: ProjectFigure) =>
  (b.asOf ?? "").localeCompare(a.asOf ?? "") || (b.recordedAt ?? "").localeCompare(a.recordedAt ?? "") || b.value - a.value;

/** A measure's figures, latest first; of one capital year when `year` is given. */
export function latestOf(figures: ProjectFigure[], measure: ProjectMeasure, year?: number): ProjectFigure[] {
  return figures.filter((f) => f.measure === measure && (year === undefined || yearOf(f) === year)).sort(byRecency);
}

/** Stalled: the two latest dated figures at least STALL_DAYS apart, the later no higher. */
function stalledBetween(series: ProjectFigure[]): [ProjectFigure, ProjectFigure] | null {
  const dated = series.filter((f) => f.asOf);
  if (dated.length < 2) return null;
  const [last, before] = dated;
  return dayOf(last.asOf!) - dayOf(before.asOf!) >= STALL_DAYS && last.value <= before.value ? [before, last] : null;
}

const withUnit = (x: string, unit: string) => (unit === "%" ? `${x}%` : `${x} ${unit}`);
const stalledWords = (what: Words, [before, last]: [ProjectFigure, ProjectFigure], unit: string): Words => ({
  vi: `${what.vi} không tăng từ ${formatVietnameseDate(before.asOf!)} đến ${formatVietnameseDate(last.asOf!)} (${withUnit(vi(last.value), unit)}).`,
  en: `${what.en} has not grown from ${formatVietnameseDate(before.asOf!)} to ${formatVietnameseDate(last.asOf!)} (${withUnit(en(last.value), unit)}).`,
});
const stalledFinding = (what: Words, [before, last]: [ProjectFigure, ProjectFigure]): Words => ({
  vi: `${what.vi.toLocaleLowerCase("vi")} không tăng từ ${formatVietnameseDate(before.asOf!)} đến ${formatVietnameseDate(last.asOf!)}`,
  en: `${what.en.toLowerCase()} has not grown from ${formatVietnameseDate(before.asOf!)} to ${formatVietnameseDate(last.asOf!)}`,
});
const asOfWords = (asOf: string | null): Words => (asOf ? { vi: ` đến ${formatVietnameseDate(asOf)}`, en: ` by ${formatVietnameseDate(asOf)}` } : { vi: "", en: "" });

function disbursementOf(figures: ProjectFigure[], today: string): ProjectEvaluation["disbursement"] {
  const years = figures.filter((f) => f.measure === "disbursed").map(yearOf).filter((y): y is number => y !== null);
  if (!years.length) return null;
  const thisYear = Number(today.slice(0, 4));
  const year = years.includes(thisYear) ? thisYear : Math.max(...years.filter((y) => y <= thisYear), Math.min(...years));
  const series = latestOf(figures, "disbursed", year);
  const last = series[0];
  const allocated = latestOf(figures, "capital_allocated", year)[0]?.value ?? last.of;
  const planned = latestOf(figures, "capital_planned", year)[0]?.value ?? null;
  const share = allocated ? (last.value / allocated) * 100 : null;
  const shareOfPlan = planned ? (last.value / planned) * 100 : null;
  const at = last.asOf ?? `${year}-12-31`;
  const yearGone = Math.min(1, Math.max(0, (dayOf(at) - dayOf(`${year}-01-01`) + 1) / (dayOf(`${year}-12-31`) - dayOf(`${year}-01-01`) + 1))) * 100;
  const stalled = stalledBetween(series);
  const base: Words = {
    vi: `Giải ngân ${vi(last.value)}${allocated ? `/${vi(allocated)}` : ""} tỷ đồng${share !== null ? ` (${pct(share, "vi")} vốn bố trí năm ${year})` : ` năm ${year}`}${asOfWords(last.asOf).vi}`,
    en: `Disbursed ${en(last.value)}${allocated ? ` of ${en(allocated)}` : ""} billion đồng${share !== null ? ` (${pct(share, "en")} of the capital allocated for ${year})` : ` in ${year}`}${asOfWords(last.asOf).en}`,
  };
  let state: AspectState = "on_schedule";
  let reason: Words = { vi: `${base.vi}.`, en: `${base.en}.` };
  let finding: Words | null = null;
  if (stalled) {
    state = "stalled"; reason = stalledWords({ vi: "Giải ngân", en: "Disbursement" }, stalled, "tỷ đồng"); finding = stalledFinding({ vi: "Giải ngân", en: "Disbursement" }, stalled);
  } else if (share !== null && share < yearGone * DISBURSEMENT_PACE) {
    state = "behind";
    reason = { vi: `${base.vi}, chậm so với tiến độ thời gian (${pct(yearGone, "vi")} của năm).`, en: `${base.en}, behind the time gone by (${pct(yearGone, "en")} of the year).` };
    finding = { vi: `giải ngân chậm so với tiến độ thời gian (đã qua ${pct(yearGone, "vi")} của năm)`, en: `disbursement behind the time gone by (${pct(yearGone, "en")} of the year)` };
  }
  return { state, reason, finding, share, asOf: last.asOf, year, disbursed: last.value, allocated, planned, shareOfPlan };
}

/** Site clearance or length: done of a total, due by a date. */
function shareAspect(series: ProjectFigure[], totalFact: number | null, due: string | null, today: string, what: Words, unit: string) {
  const last = series[0];
  if (!last) return null;
  const total = last.of ?? totalFact;
  const share = total ? Math.min(100, (last.value / total) * 100) : null;
  const stalled = stalledBetween(series);
  const base: Words = {
    vi: `${what.vi} ${vi(last.value)}${total ? `/${vi(total)}` : ""} ${unit}${share !== null ? ` (${pct(share, "vi")})` : ""}${asOfWords(last.asOf).vi}`,
    en: `${what.en} ${en(last.value)}${total ? ` of ${en(total)}` : ""} ${unit}${share !== null ? ` (${pct(share, "en")})` : ""}${asOfWords(last.asOf).en}`,
  };
  let state: AspectState = share !== null && share >= 100 ? "completed" : "on_schedule";
  let reason: Words = { vi: `${base.vi}.`, en: `${base.en}.` };
  let finding: Words | null = null;
  if (state !== "completed" && stalled) { state = "stalled"; reason = stalledWords(what, stalled, unit); finding = stalledFinding(what, stalled); }
  else if (state !== "completed" && due && today > due) {
    state = "behind";
    reason = { vi: `${base.vi}, quá hạn ${formatVietnameseDate(due)}.`, en: `${base.en}, past its due date ${formatVietnameseDate(due)}.` };
    finding = { vi: `${what.vi.toLocaleLowerCase("vi")} chưa xong, quá hạn ${formatVietnameseDate(due)}`, en: `${what.en.toLowerCase()} not done, past its due date ${formatVietnameseDate(due)}` };
  }
  return { state, reason, finding, share, asOf: last.asOf, done: last.value, total };
}

function progressOf(figures: ProjectFigure[], facts: ProjectFacts, today: string): ProjectEvaluation["progress"] {
  const series = latestOf(figures, "progress");
  const last = series[0];
  if (!last) return null;
  const at = last.asOf ?? today;
  const expected = facts.startsOn && facts.completesOn && facts.completesOn > facts.startsOn
    ? Math.min(100, Math.max(0, ((dayOf(at) - dayOf(facts.startsOn)) / (dayOf(facts.completesOn) - dayOf(facts.startsOn))) * 100))
    : null;
  const base: Words = { vi: `Khối lượng thực hiện đạt ${pct(last.value, "vi")}${asOfWords(last.asOf).vi}`, en: `Work done ${pct(last.value, "en")}${asOfWords(last.asOf).en}` };
  const stalled = stalledBetween(series);
  let state: AspectState = last.value >= 100 ? "completed" : "on_schedule";
  let reason: Words = { vi: `${base.vi}.`, en: `${base.en}.` };
  let finding: Words | null = null;
  if (state === "completed") return { state, reason, finding, share: last.value, asOf: last.asOf, value: last.value, expected };
  if (facts.completesOn && today > facts.completesOn) {
    state = "behind";
    reason = { vi: `${base.vi}, quá hạn hoàn thành ${formatVietnameseDate(facts.completesOn)}.`, en: `${base.en}, past its completion date ${formatVietnameseDate(facts.completesOn)}.` };
    finding = { vi: `quá hạn hoàn thành ${formatVietnameseDate(facts.completesOn)}`, en: `past its completion date ${formatVietnameseDate(facts.completesOn)}` };
  } else if (stalled) {
    state = "stalled"; reason = stalledWords({ vi: "Khối lượng thực hiện", en: "Work done" }, stalled, "%"); finding = stalledFinding({ vi: "Khối lượng thực hiện", en: "Work done" }, stalled);
  } else if (expected !== null && last.value < expected - PROGRESS_SLACK) {
    state = "behind";
    reason = { vi: `${base.vi}, thấp hơn tiến độ dự kiến (${pct(expected, "vi")}) để hoàn thành ${formatVietnameseDate(facts.completesOn!)}.`, en: `${base.en}, below the expected ${pct(expected, "en")} for completion on ${formatVietnameseDate(facts.completesOn!)}.` };
    finding = { vi: `khối lượng thực hiện thấp hơn tiến độ dự kiến (${pct(expected, "vi")})`, en: `work done below the expected ${pct(expected, "en")}` };
  }
  return { state, reason, finding, share: last.value, asOf: last.asOf, value: last.value, expected };
}

const SEVERITY: AspectState[] = ["stalled", "behind", "on_schedule", "completed"];

export function evaluateProject(facts: ProjectFacts, figures: ProjectFigure[], today: string): ProjectEvaluation {
  const disbursement = disbursementOf(figures, today);
  const clearance = shareAspect(latestOf(figures, "clearance"), facts.areaHa, facts.clearanceDueOn, today, { vi: "Bàn giao mặt bằng", en: "Site handed over" }, "ha");
  const length = shareAspect(latestOf(figures, "length"), facts.lengthKm, null, today, { vi: "Chiều dài tuyến", en: "Length" }, "km");
  const progress = progressOf(figures, facts, today);
  const asOf = figures.map((f) => f.asOf).filter((d): d is string => d !== null).sort().at(-1) ?? null;
  const aspects: Aspect[] = [progress, disbursement, clearance, length].filter((a) => a !== null);
  const base = { asOf, disbursement, clearance: clearance && { ...clearance, cleared: clearance.done }, length, progress };
  if (progress?.state === "completed") return { ...base, state: "completed", reason: progress.reason };
  if (!aspects.length) {
    return figures.length
      ? { ...base, state: "on_schedule", reason: { vi: `Có số liệu${asOfWords(asOf).vi}, chưa có số liệu giải ngân, mặt bằng hay khối lượng.`, en: `Figures${asOfWords(asOf).en}, none on disbursement, site clearance or work done.` } }
      : { ...base, state: "no_data", reason: { vi: "Chưa có số liệu.", en: "No figures yet." } };
  }
  const worst = SEVERITY.find((s) => aspects.some((a) => a.state === s && s !== "completed")) ?? "on_schedule";
  const worstOnes = aspects.filter((a) => a.state === worst);
  const reasons = (worstOnes.length ? worstOnes : aspects).map((a) => a.reason);
  return { ...base, state: worst, reason: { vi: reasons.map((r) => r.vi).join(" "), en: reasons.map((r) => r.en).join(" ") } };
}
