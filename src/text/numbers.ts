/**
 * Numbers as Vietnamese documents write them: decimal comma, thousands dot
 * ("8.310,18" is 8310.18), leading zeros ("02"), scale words (tỷ, triệu, nghìn).
 */

const SCALE_WORDS: Record<string, number> = { "tỷ": 1e9, "triệu": 1e6, "nghìn": 1e3, "ngàn": 1e3 };
/** Units in which a scale word stays part of the unit ("1.288,123 tỷ đồng"), instead of being multiplied out. */
const MONEY_UNITS = /^(đồng|usd|đô la)/i;

/** Every group after the first has three digits ("1.288.123"). */
const groupsOfThree = (s: string, sep: string) => s.split(sep).slice(1).every((g) => g.length === 3);

/**
 * Parses one number as written. Rules, in order:
 * - both "." and "," present: the last one is the decimal separator ("8.310,18", "1,234.5");
 * - only ",": decimal comma, unless every group after the first has three digits and there are at least two commas ("1,234,567");
 * - only ".": thousands dots when every group after the first has exactly three digits ("856.927"), else a decimal point ("366.55").
 * Returns null for anything that is not a number.
 */
export function parseVietnameseNumber(written: string): number | null {
  // Most numbers are plain digits ("2024"), or have a decimal comma ("98,3") or thousands dots ("12.500"):
  // the rules below give them these values, which are read faster here.
  const plain = /^\d+(?:,\d+)?$/.test(written) ? written.replace(",", ".") : /^[1-9]\d{0,2}(?:\.\d{3})+$/.test(written) ? written.replaceAll(".", "") : null;
  if (plain !== null) {
    const value = Number(plain);
    return Number.isFinite(value) ? value : null;
  }
  let s = written.trim().replace(/\s+/g, "");
  let sign = 1;
  if (/^[-−–]/.test(s)) { sign = -1; s = s.slice(1); }
  else if (s.startsWith("+")) s = s.slice(1);
  if (!/^\d[\d.,]*$/.test(s) || /[.,]$/.test(s) || /[.,]{2}/.test(s)) return null;
  const dots = s.split(".").length - 1;
  const commas = s.split(",").length - 1;
  let normal: string;
  if (dots && commas) {
    const decimalSep = s.lastIndexOf(",") > s.lastIndexOf(".") ? "," : ".";
    const thousandsSep = decimalSep === "," ? "." : ",";
    const [intPart, ...rest] = s.split(decimalSep);
    if (rest.length !== 1 || rest[0].includes(thousandsSep)) return null;
    if (!intPart.split(thousandsSep).slice(1).every((g) => g.length === 3)) return null;
    normal = intPart.split(thousandsSep).join("") + "." + rest[0];
  } else if (commas) {
    if (commas > 1) { if (!groupsOfThree(s, ",")) return null; normal = s.split(",").join(""); }
    else normal = s.replace(",", ".");
  } else if (dots) {
    // "0.125" is a decimal point: a thousands group never follows a leading zero.
    if (groupsOfThree(s, ".") && !/^0+\./.test(s)) normal = s.split(".").join("");
    else if (dots === 1) normal = s;
    else return null;
  } else normal = s;
  const value = Number(normal);
  return Number.isFinite(value) ? sign * value : null;
}

const displayFormats = new Map<number, Intl.NumberFormat>();

/**
 * Formats a number the Vietnamese way ("8.310,18"), rounded to `maximumFractionDigits` when
 * given. Without it, prints the shortest digits that read back as the same number, so
 * parse(format(x)) === x for every finite x.
 */
export function formatVietnameseNumber(value: number, maximumFractionDigits?: number): string {
  if (maximumFractionDigits !== undefined) {
    let format = displayFormats.get(maximumFractionDigits);
    if (!format) {
      format = new Intl.NumberFormat("vi-VN", { maximumFractionDigits, useGrouping: true });
      displayFormats.set(maximumFractionDigits, format);
    }
    return format.format(value).replace(/\u2212/g, "-");
  }
  const [intPart, fraction] = plainDecimal(value).split(".");
  const sign = intPart.startsWith("-") ? "-" : "";
  const digits = intPart.replace("-", "").replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return sign + digits + (fraction ? "," + fraction : "");
}

/** A size for a message: "2,5 MB" in Vietnamese, "2.5 MB" in English. */
export const megabytes = (bytes: number, lang: "vi" | "en" = "vi") => {
  const mb = Number((bytes / 1048576).toFixed(1));
  return `${lang === "vi" ? formatVietnameseNumber(mb) : String(mb)} MB`;
};

/** The shortest round-trip digits of a number (JavaScript's own), written without an exponent. */
function plainDecimal(value: number): string {
  const text = String(value);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text;
  const [, sign, lead, rest = "", exp] = m;
  const digits = lead + rest, shift = Number(exp);
  if (shift >= 0) return sign + (digits.length > shift + 1 ? digits.slice(0, shift + 1) + "." + digits.slice(shift + 1) : digits.padEnd(shift + 1, "0"));
  return sign + "0." + "0".repeat(-shift - 1) + digits;
}

export interface Quantity {
  value: number;
  /** The unit as written after the number, without the scale word unless it is money ("tỷ đồng"). */
  unit: string | null;
  /** The number as written, e.g. "1.288,123". */
  written: string;
}

/**
 * A number rounded to 15 significant digits. `toPrecision` is slow, and an integer of at most 15 digits
 * is its own rounding (`+ 0` makes -0 the 0 that `toPrecision` gives).
 */
export const roundTo15Digits = (x: number) => (Number.isInteger(x) && Math.abs(x) < 1e15 ? x + 0 : Number(x.toPrecision(15)));

/** A number in running text, with the scale word and unit that follow it. */
const QUANTITY = /^\s*([-−+]?\d[\d.,]*)\s*(%|‰)?\s*(.*)$/s;

/**
 * Parses a quantity: "7,17%", "1.288,123 tỷ đồng" (money keeps its scale in the unit),
 * "6 triệu lượt" (head-counts are multiplied out: 6000000 lượt), "02 cửa khẩu".
 */
export function parseQuantity(text: string): Quantity | null {
  const m = QUANTITY.exec(text.normalize("NFC"));
  if (!m) return null;
  const written = m[1].replace(/[.,]$/, "");
  let value = parseVietnameseNumber(written);
  if (value === null) return null;
  if (m[2]) return { value, unit: m[2], written };
  let rest = m[3].trim().replace(/[.;,:)]+$/, "").trim();
  const scaleWord = rest.split(/\s+/)[0]?.toLowerCase();
  if (scaleWord && SCALE_WORDS[scaleWord] !== undefined) {
    const after = rest.slice(scaleWord.length).trim();
    if (!MONEY_UNITS.test(after)) {
      value = value * SCALE_WORDS[scaleWord];
      // Multiplying can leave binary noise (0.1 * 1e9); round to the precision the text had.
      value = roundTo15Digits(value);
      rest = after;
    }
  }
  return { value, unit: rest || null, written };
}
