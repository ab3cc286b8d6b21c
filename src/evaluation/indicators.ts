/**
 * Judging an indicator against its target, pure. For each indicator and the year evaluated it gives
 * one of achieved, on track, at risk, off track or no data, with the reason in words (Vietnamese or
 * English) and the figures behind it.
 *
 * The target forms the extractor produces, and how each is read:
 *  - a level by a year ("đạt 80% vào năm 2025"; =, ≥, ≤, a range, "khoảng"): met by the latest value →
 *    achieved; the year passed unmet → off track; otherwise the trajectory decides (below);
 *  - a rate each year ("tăng 8%/năm", "giảm 2 - 3%/năm"): the year's value against the rate; close
 *    (within the on-track share of the target) → at risk, further → off track;
 *  - a yearly average over a period ("bình quân 8 - 9%/năm thời kỳ 2021 - 2030"): the average so far,
 *    and the yearly rate still needed in the remaining years for the whole period to average the
 *    target (years without data count at the average so far, and the reason says so). Met so far →
 *    on track; not yet, but the rate needed is within what the best year so far reached → at risk;
 *    above anything reached so far → off track.
 *  - Lower is better ("tỷ lệ hộ nghèo ≤ 2%", "giảm") turns every comparison round. Shares (unit %)
 *    are capped at 100. "Khoảng" allows APPROX_TOLERANCE either side. A range is a floor (8 - 9% growth
 *    is met by 10%), except a band, a share of a whole ("cơ cấu kinh tế: nông nghiệp 12 - 13%"):
 *    above it, the level must come down to its top.
 *
 * Trajectories follow the Open SDG method: the ratio of the observed compound annual growth since
 * the baseline to the growth required to reach the target by its year. THRESHOLDS holds the cut-offs.
 */
import { APPROX_TOLERANCE, meetsTarget, type Target } from "../plans/targets.js";
import { formatVietnameseNumber } from "../text/numbers.js";

/** The Open SDG cut-offs on observed ÷ required growth, in one place. */
export const THRESHOLDS = {
  /** At least this share of the required growth: on track. */
  onTrack: 0.95,
  /** From this share up to onTrack: needs acceleration (at risk); below it, limited progress (off track). */
  atRisk: 0.6,
} as const;

export const EVALUATIONS = ["achieved", "on_track", "at_risk", "off_track", "no_data"] as const;
export type Evaluation = (typeof EVALUATIONS)[number];

export interface IndicatorTarget extends Target {
  unit: string | null;
  /** The year a level must be reached by. */
  targetYear: number | null;
  /** The target is a rate per year. */
  perYear: boolean;
  /** A yearly average over these years. */
  periodFrom: number | null;
  periodTo: number | null;
  baselineValue: number | null;
  baselineYear: number | null;
  /** A range to stay within, not a floor to pass: a share of a whole ("cơ cấu kinh tế: nông, lâm nghiệp 12 - 13%"), see `isBand`. */
  band?: boolean;
}

/** A share of a whole set as a range ("Cơ cấu kinh tế: dịch vụ 50 - 51%", "tỷ trọng ... 30 - 35%"): too high misses it as much as too low. */
export function isBand(t: Pick<IndicatorTarget, "comparator" | "perYear" | "periodFrom">, foldedName: string): boolean {
  return t.comparator === "range" && !t.perYear && t.periodFrom === null && /\b(co cau|ty trong)\b/.test(foldedName);
}

export interface Observation { year: number; value: number; kind: "actual" | "estimate" }
/** An observation as stored: when it was recorded decides between two of the same year and kind. */
export interface RecordedObservation extends Observation { recordedAt?: string }

export interface IndicatorEvaluation {
  status: Evaluation;
  reason: { vi: string; en: string };
  /** The figures behind the judgement, for tables and charts. */
  latest: Observation | null;
  /** Observed ÷ required growth (a level's trajectory). */
  ratio?: number;
  /** A period average: the average so far, and the yearly rate needed in the remaining years. */
  averageSoFar?: number;
  requiredRate?: number;
  remaining?: { from: number; to: number };
}

const n = (x: number) => formatVietnameseNumber(Math.round(x * 100) / 100);
const en = (x: number) => String(Math.round(x * 100) / 100);
const lower = (t: IndicatorTarget) => t.direction === "lower";
/** A share of a whole (a % whose target is at most 100): values above 100 count as 100. "105% of the plan" is no share. */
const isShare = (t: IndicatorTarget) => t.unit?.trim() === "%" && (t.max ?? t.min ?? 0) <= 100;
const cap = (t: IndicatorTarget, v: number) => (isShare(t) ? Math.min(v, 100) : v);

/** The number a value must reach: the lower end of a range where more is better, the upper end where less is. */
function goal(t: IndicatorTarget): number | null {
  const v = lower(t) ? (t.max ?? t.min) : (t.min ?? t.max);
  return v === null ? null : cap(t, v);
}

function targetText(t: IndicatorTarget, fmt: (x: number) => string, perYear = "/năm"): string {
  const unit = t.unit ? (t.unit === "%" ? "%" : ` ${t.unit}`) : "";
  const rate = t.perYear || t.periodFrom !== null ? perYear : "";
  if (t.comparator === "range" && t.min !== null && t.max !== null) return `${fmt(t.min)} - ${fmt(t.max)}${unit}${rate}`;
  const sign = { ">": "> ", ">=": "≥ ", "<": "< ", "<=": "≤ ", approx: "≈ ", "=": "", range: "" }[t.comparator];
  return `${sign}${fmt(goal(t) ?? 0)}${unit}${rate}`;
}

/** A target as written in a table: "8 - 9%/năm", "≥ 80%", "≈ 30%". */
export const describeTarget = (t: IndicatorTarget) => targetText(t, n);

const result = (status: Evaluation, vi: string, english: string, latest: Observation | null, extra: Partial<IndicatorEvaluation> = {}): IndicatorEvaluation =>
  ({ status, reason: { vi, en: english }, latest, ...extra });

/**
 * The observations up to and including `year`, oldest first, one per year: an actual value wins over
 * an estimate, and of two of the same kind the one recorded later (an agency's accepted report after
 * the province's report that estimated the year, or a later report's revised figure).
 */
export function upTo(observations: RecordedObservation[], year: number): Observation[] {
  const byYear = new Map<number, RecordedObservation>();
  for (const o of observations) {
    if (o.year > year) continue;
    const known = byYear.get(o.year);
    const replaces = !known || (known.kind === "estimate" && o.kind === "actual")
      || (known.kind === o.kind && (o.recordedAt ?? "") >= (known.recordedAt ?? ""));
    if (replaces) byYear.set(o.year, o);
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year).map(({ year: y, value, kind }) => ({ year: y, value, kind }));
}

/** Compound annual growth from a to b over `years`; null where it is not defined (non-positive values). */
const cagr = (a: number, b: number, years: number) => (a > 0 && b > 0 && years > 0 ? (b / a) ** (1 / years) - 1 : null);

/**
 * Open SDG: the share of the required growth the observed growth achieves, signed by the desired
 * direction (d · observed ÷ |required|): moving the wrong way is negative whatever the target's side
 * of the baseline (a value that met the target and fell back below it is deteriorating, not on track).
 */
function trajectory(t: IndicatorTarget, base: { year: number; value: number }, latest: Observation, target: number, targetYear: number): number | null {
  const d = lower(t) ? -1 : 1;
  const observed = cagr(cap(t, base.value), cap(t, latest.value), latest.year - base.year);
  const required = cagr(cap(t, base.value), target, targetYear - base.year);
  if (observed !== null && required !== null && required !== 0) return (d * observed) / Math.abs(required);
  // Values at or below zero: linear rates instead of compound ones.
  const observedLinear = (cap(t, latest.value) - cap(t, base.value)) / (latest.year - base.year);
  const requiredLinear = (target - cap(t, base.value)) / (targetYear - base.year);
  return requiredLinear === 0 ? null : (d * observedLinear) / Math.abs(requiredLinear);
}

function byRatio(ratio: number): Evaluation {
  if (ratio >= THRESHOLDS.onTrack) return "on_track";
  if (ratio >= THRESHOLDS.atRisk) return "at_risk";
  return "off_track";
}

export function evaluateIndicator(t: IndicatorTarget, observations: Observation[], year: number): IndicatorEvaluation {
  const seen = upTo(observations, year);
  const latest = seen.at(-1) ?? null;
  const target = goal(t);
  const tt = targetText(t, n), tte = targetText(t, en, "/year");
  if (target === null) return result("no_data", "Chỉ tiêu không có giá trị mục tiêu bằng số", "The target has no number", latest);
  if (!latest) return result("no_data", `Chưa có số liệu đến năm ${year}`, `No value up to ${year}`, null);
  if (t.periodFrom !== null && t.periodTo !== null) return periodAverage(t, seen, year, target);
  // Above a band: judged as a level to bring down to its top ("≤ 13%"); below it, as one to raise to its bottom.
  if (t.band && t.min !== null && t.max !== null && latest.value > t.max) {
    return evaluateIndicator({ ...t, band: false, comparator: "<=", min: null, direction: "lower" }, observations, year);
  }
  const meets = (v: number) => meetsTarget({ ...t, min: t.min === null ? null : cap(t, t.min), max: t.max === null ? null : cap(t, t.max) }, cap(t, v));
  const approx = t.comparator === "approx" ? ` (khoảng: sai lệch cho phép ${APPROX_TOLERANCE * 100}%)` : "";
  const approxEn = t.comparator === "approx" ? ` (approximately: ${APPROX_TOLERANCE * 100}% either side)` : "";
  const value = `${n(latest.value)}${t.unit === "%" ? "%" : t.unit ? ` ${t.unit}` : ""} (${latest.year}${latest.kind === "estimate" ? ", ước" : ""})`;
  const valueEn = `${en(latest.value)}${t.unit === "%" ? "%" : t.unit ? ` ${t.unit}` : ""} (${latest.year}${latest.kind === "estimate" ? ", estimate" : ""})`;

  if (t.perYear) {
    if (meets(latest.value)) return result("achieved", `Năm ${latest.year} đạt ${value}, đạt mục tiêu ${tt}${approx}`, `${latest.year}: ${valueEn}, meets the target ${tte}${approxEn}`, latest);
    const share = lower(t) ? target / latest.value : latest.value / target;
    const status = share >= THRESHOLDS.onTrack ? "at_risk" : "off_track";
    return result(status, `Năm ${latest.year} đạt ${value}, chưa đạt mục tiêu ${tt} (bằng ${n(share * 100)}% mục tiêu)`,
      `${latest.year}: ${valueEn}, short of the target ${tte} (${en(share * 100)}% of it)`, latest, { ratio: share });
  }

  if (meets(latest.value)) {
    return result("achieved", `Đạt ${value}, đạt mục tiêu ${tt}${t.targetYear ? ` đến năm ${t.targetYear}` : ""}${approx}`,
      `${valueEn} meets the target ${tte}${t.targetYear ? ` for ${t.targetYear}` : ""}${approxEn}`, latest);
  }
  if (t.targetYear !== null && latest.year >= t.targetYear) {
    return result("off_track", `Đến năm ${latest.year} đạt ${value}, không đạt mục tiêu ${tt} của năm ${t.targetYear}`,
      `By ${latest.year}: ${valueEn}, the ${t.targetYear} target ${tte} was missed`, latest);
  }
  const base = t.baselineValue !== null && t.baselineYear !== null && t.baselineYear < latest.year ? { year: t.baselineYear, value: t.baselineValue } : seen.length > 1 ? seen[0] : null;
  if (!base || t.targetYear === null) {
    return result("at_risk", `Đạt ${value}, chưa đạt mục tiêu ${tt}; chưa đủ số liệu các năm để đánh giá xu hướng`,
      `${valueEn}, not yet at the target ${tte}; too few years of data to judge the trend`, latest);
  }
  const ratio = trajectory(t, base, latest, target, t.targetYear);
  if (ratio === null) return result("at_risk", `Đạt ${value}, chưa đạt mục tiêu ${tt}`, `${valueEn}, not yet at the target ${tte}`, latest);
  if (ratio < 0) {
    return result("off_track", `Đạt ${value}, đi ngược mục tiêu ${tt} so với năm ${base.year} (${n(base.value)})`,
      `${valueEn}, moving away from the target ${tte} since ${base.year} (${en(base.value)})`, latest, { ratio });
  }
  const status = byRatio(ratio);
  const pace = `tốc độ từ năm ${base.year} bằng ${n(ratio * 100)}% tốc độ cần có để đạt ${tt} vào năm ${t.targetYear}`;
  const paceEn = `the pace since ${base.year} is ${en(ratio * 100)}% of the pace needed to reach ${tte} by ${t.targetYear}`;
  const verdict = { on_track: ["đúng hướng", "on track"], at_risk: ["cần tăng tốc", "needs acceleration"], off_track: ["tiến bộ hạn chế", "limited progress"] }[status as "on_track" | "at_risk" | "off_track"];
  return result(status, `Đạt ${value}; ${pace}: ${verdict[0]}`, `${valueEn}; ${paceEn}: ${verdict[1]}`, latest, { ratio });
}

/** A yearly average over a period: the average so far, and what the remaining years must average. */
function periodAverage(t: IndicatorTarget, seen: Observation[], year: number, target: number): IndicatorEvaluation {
  const from = t.periodFrom!, to = t.periodTo!;
  const inPeriod = seen.filter((o) => o.year >= from && o.year <= to);
  const latest = seen.at(-1)!;
  const tt = targetText(t, n), tte = targetText(t, en, "/year");
  if (!inPeriod.length) return result("no_data", `Chưa có số liệu trong thời kỳ ${from} - ${to}`, `No value within ${from}-${to}`, latest);
  const sum = inPeriod.reduce((s, o) => s + o.value, 0);
  const average = sum / inPeriod.length;
  const last = Math.max(inPeriod.at(-1)!.year, Math.min(year, to));
  const years = to - from + 1;
  // Years of the period up to the one evaluated that have no value count at the average so far.
  const missing = last - from + 1 - inPeriod.length;
  const remainingYears = to - last;
  const better = (a: number, b: number) => (lower(t) ? a <= b : a >= b);
  const meetsAverage = meetsTarget(t, average) ?? better(average, target);
  const observedYears = inPeriod.map((o) => o.year).join(", ");
  const avgText = `Bình quân các năm có số liệu (${observedYears}) đạt ${n(average)}%/năm`;
  const avgTextEn = `The years with data (${observedYears}) average ${en(average)}%/year`;
  const missingNote = missing > 0 ? ` (${missing} năm chưa có số liệu được tính bằng mức bình quân này)` : "";
  const missingNoteEn = missing > 0 ? ` (${missing} years without data counted at that average)` : "";
  if (remainingYears <= 0) {
    return meetsAverage
      ? result("achieved", `${avgText}, đạt mục tiêu ${tt} của thời kỳ ${from} - ${to}`, `${avgTextEn}, meeting the ${from}-${to} target ${tte}`, latest, { averageSoFar: average })
      : result("off_track", `${avgText}, không đạt mục tiêu ${tt} của thời kỳ ${from} - ${to}`, `${avgTextEn}, missing the ${from}-${to} target ${tte}`, latest, { averageSoFar: average });
  }
  // What the remaining years must average for the whole period to average the target.
  const required = (target * years - sum - average * missing) / remainingYears;
  const remaining = { from: last + 1, to };
  const extra = { averageSoFar: average, requiredRate: required, remaining };
  const need = `để cả thời kỳ đạt bình quân ${n(target)}%/năm, các năm ${remaining.from} - ${to} cần đạt bình quân ${n(required)}%/năm${missingNote}`;
  const needEn = `for the period to average ${en(target)}%/year, ${remaining.from}-${to} must average ${en(required)}%/year${missingNoteEn}`;
  if (meetsAverage) return result("on_track", `${avgText}, đạt mục tiêu ${tt}`, `${avgTextEn}, meeting the target ${tte}`, latest, extra);
  const best = lower(t) ? Math.min(...inPeriod.map((o) => o.value)) : Math.max(...inPeriod.map((o) => o.value));
  if (better(best, required)) {
    return result("at_risk", `${avgText}, chưa đạt mục tiêu ${tt}; ${need}, trong tầm năm tốt nhất đã đạt (${n(best)}%)`,
      `${avgTextEn}, short of the target ${tte}; ${needEn}, within the best year so far (${en(best)}%)`, latest, extra);
  }
  return result("off_track", `${avgText}, chưa đạt mục tiêu ${tt}; ${need}, vượt mọi năm đã qua (tốt nhất ${n(best)}%)`,
    `${avgTextEn}, short of the target ${tte}; ${needEn}, beyond any year so far (best ${en(best)}%)`, latest, extra);
}
