/** Display formats: Vietnamese dates (dd/mm/yyyy) and numbers whatever the language, as the documents write them. */
import { formatVietnameseDate } from "../../src/text/dates";
import { formatVietnameseNumber } from "../../src/text/numbers";

export const formatDate = (iso: string | null | undefined) => (iso ? formatVietnameseDate(iso) : "");

/** Numbers the Vietnamese way ("8.310,18"), whatever the language, as the documents write them. */
export const formatNumber = (value: number | null | undefined) => (value === null || value === undefined ? "" : formatVietnameseNumber(value));

const COMPARATOR_SIGNS: Record<string, string> = { "=": "", ">": "> ", ">=": "≥ ", "<": "< ", "<=": "≤ ", approx: "≈ " };

/** An indicator's target or value as written in a table: "≥ 8,5 %/năm", "80 - 90 %". */
export function formatTarget(i: { comparator: string; min: number | null; max: number | null; unit: string | null; perYear: boolean }, perYearSuffix: string): string {
  const amount = i.comparator === "range" ? `${formatNumber(i.min)} - ${formatNumber(i.max)}` : `${COMPARATOR_SIGNS[i.comparator] ?? ""}${formatNumber(i.min ?? i.max)}`;
  return `${amount}${i.unit ? ` ${i.unit}` : ""}${i.perYear ? perYearSuffix : ""}`;
}
