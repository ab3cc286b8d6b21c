/** Display formats: Vietnamese dates (dd/mm/yyyy) and numbers whatever the language, as the documents write them. */
// With ".js", as the server's modules are imported: test/web/format.test.ts, checked with the server's settings, reads this file too.
import { formatVietnameseDate } from "../../src/text/dates.js";
import { formatVietnameseNumber, parseVietnameseNumber } from "../../src/text/numbers.js";

export const formatDate = (iso: string | null | undefined) => (iso ? formatVietnameseDate(iso) : "");

/** Numbers the Vietnamese way ("8.310,18"), whatever the language, as the documents write them; rounded only when asked. */
export const formatNumber = (value: number | null | undefined, maximumFractionDigits?: number) =>
  (value === null || value === undefined ? "" : formatVietnameseNumber(value, maximumFractionDigits));

const COMPARATOR_SIGNS: Record<string, string> = { "=": "", ">": "> ", ">=": "≥ ", "<": "< ", "<=": "≤ ", approx: "≈ " };

/** An indicator's target or value as written in a table: "≥ 8,5 %/năm", "80 - 90 %". */
export function formatTarget(i: { comparator: string; min: number | null; max: number | null; unit: string | null; perYear: boolean }, perYearSuffix: string): string {
  const amount = i.comparator === "range" ? `${formatNumber(i.min)} - ${formatNumber(i.max)}` : `${COMPARATOR_SIGNS[i.comparator] ?? ""}${formatNumber(i.min ?? i.max)}`;
  return `${amount}${i.unit ? ` ${i.unit}` : ""}${i.perYear ? perYearSuffix : ""}`;
}

/** A number field as typed: empty, a number, or the reason it is not one to save. */
export type TypedNumber = { value: number | null } | { problem: "not_a_number" | "out_of_range" };

/**
 * Reads what was typed in a number field the Vietnamese way ("95,5", "1.288,123", "8.650"), with the
 * parser the server and the extractor use. Text that is no number, or a number outside `range`, is
 * a problem to show at the field: never a number made up from it (no rounding, no clamping).
 */
export function readNumber(typed: string, range?: { min: number; max: number }): TypedNumber {
  const text = typed.trim();
  if (text === "") return { value: null };
  const value = parseVietnameseNumber(text);
  if (value === null) return { problem: "not_a_number" };
  if (range && (value < range.min || value > range.max)) return { problem: "out_of_range" };
  return { value };
}

/**
 * A chart tick, in Vietnamese, with the decimals its step needs: ticks 0,2 apart show one decimal,
 * 0,25 apart two, whole steps none, so that binary noise ("59,80000000000001") never shows. A lone
 * tick (no step) keeps 12 significant digits.
 */
export function formatTick(value: number, step: number): string {
  if (!(step > 0)) return formatVietnameseNumber(Number(value.toPrecision(12)));
  let decimals = 0;
  while (decimals < 6 && Math.abs(step * 10 ** decimals - Math.round(step * 10 ** decimals)) > 1e-6) decimals++;
  return formatVietnameseNumber(value, decimals);
}

/** A share for reading, two decimals at most, as the evaluation writes it: "38,05%". */
export const formatShare = (share: number | null | undefined) => (share === null || share === undefined ? "" : `${formatVietnameseNumber(share, 2)}%`);

/** A figure of a total, as the reports write it: "490,1/1.288,123 tỷ đồng", "366,55 ha" when the total is unknown. */
export function formatOf(value: number, of: number | null | undefined, unit: string | null | undefined): string {
  const amount = `${formatNumber(value)}${of !== null && of !== undefined ? `/${formatNumber(of)}` : ""}`;
  return unit ? (unit === "%" ? `${amount}%` : `${amount} ${unit}`) : amount;
}
