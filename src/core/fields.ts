/**
 * Field schemas shared by every domain's input: ids, dates and numbers as Vietnamese users type
 * them, paging. Custom problems carry a message key, rendered in the user's language at the edge.
 */
import { z } from "zod";
import { isDateError, parseVietnameseDate } from "../text/dates.js";
import { parseVietnameseNumber } from "../text/numbers.js";
import type { MessageKey } from "./i18n.js";

/** A custom issue rendered from a message key in the user's language (see http/errors). */
const problem = (key: MessageKey) => ({ code: "custom" as const, params: { key } });

/** Row ids are PostgreSQL `integer`s. */
export const id = z.coerce.number().int().positive().max(2_147_483_647);
export const idParams = z.object({ id });

/** A full date: "26/01/2023", "ngày 26 tháng 01 năm 2023" or ISO; stored as ISO. 31/02 is refused. */
export const dateField = z.string().trim().transform((text, ctx) => {
  const parsed = parseVietnameseDate(text);
  if (isDateError(parsed)) {
    ctx.addIssue({ ...problem(parsed.error === "impossible_date" ? "date_impossible" : "date_malformed"), input: text });
    return z.NEVER;
  }
  if (parsed.kind !== "date") {
    ctx.addIssue({ ...problem("date_malformed"), input: text });
    return z.NEVER;
  }
  return parsed.iso;
}).meta({ description: "dd/mm/yyyy or yyyy-mm-dd", example: "26/01/2023" });

/** A number as JSON or as Vietnamese text ("8.310,18"). */
export const numberField = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const n = typeof v === "number" ? v : parseVietnameseNumber(v);
  if (n === null || !Number.isFinite(n)) {
    ctx.addIssue({ ...problem("number_malformed"), input: v });
    return z.NEVER;
  }
  return n;
}).meta({ description: "a number, or Vietnamese text such as 8.310,18" });

export const year = z.coerce.number().int().min(1900).max(2200);
export const text = z.string().trim().min(1);
export const optionalText = z.string().trim().transform((s) => s || null).nullable().optional();

export const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
};
