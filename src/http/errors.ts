/** Renders any thrown error as the API's one error shape, in the user's language. */
import { z } from "zod";
import { AppError, ERROR_STATUS, type FieldProblem } from "../core/errors.js";
import { isMessageKey, message, type Language } from "../core/i18n.js";

export interface ErrorBody {
  /** `reason`: which problem of its kind, as a key (`dashboard_building`, `request_timeout`), when the server says more than the code. */
  error: { code: string; reason?: string; message: string; fields: { field: string; message: string }[] };
}

const zodLocales = { vi: z.locales.vi(), en: z.locales.en() };

/** Validates with messages in `lang`; custom problems carry a message key in `params.key`. */
export function validate<T>(schema: z.ZodType<T>, data: unknown, lang: Language, prefix?: string): T {
  const result = schema.safeParse(data, {
    error: (issue) => {
      const key = (issue as { params?: { key?: unknown } }).params?.key;
      if (isMessageKey(key)) return message(key, lang);
      return zodLocales[lang].localeError(issue as never);
    },
  });
  if (result.success) return result.data;
  throw new AppError("validation", result.error.issues.map((i) => ({
    field: [prefix, ...i.path.map(String)].filter(Boolean).join("."),
    message: i.message,
  })));
}

/** PostgreSQL error codes, found on the error or its cause (Drizzle wraps driver errors). */
function pgCode(e: unknown): string | undefined {
  for (let cur: unknown = e, depth = 0; cur && depth < 4; cur = (cur as { cause?: unknown }).cause, depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

function errorMessages(e: unknown): string {
  const out: string[] = [];
  for (let cur: unknown = e, depth = 0; cur && depth < 4; cur = (cur as { cause?: unknown }).cause, depth++) out.push(String((cur as Error).message ?? ""));
  return out.join(" ");
}

/** Maps storage constraint failures onto the closed error set; anything else is internal. */
export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  const code = pgCode(e);
  // Class 22: a value out of range or of the wrong form reached the database.
  if (code?.startsWith("22")) return new AppError("validation");
  switch (code) {
    case "23505": return new AppError("duplicate");
    // A write naming a row that does not exist is bad input; a delete of a row others name is "in use".
    case "23503": return /insert or update/i.test(errorMessages(e)) ? new AppError("validation") : new AppError("in_use");
    // A delete refused by an ON DELETE RESTRICT reference (a task agencies have reported on).
    case "23001": return new AppError("in_use");
    case "23514": return new AppError("validation");
    case "40001": return new AppError("conflict");
    // Two writes waiting on each other's rows: one is aborted; its author retries as after a stale version.
    case "40P01": return new AppError("conflict");
    default: return new AppError("internal");
  }
}

export function errorBody(error: AppError, lang: Language): ErrorBody {
  return {
    error: {
      code: error.code,
      ...(error.detail ? { reason: error.detail } : {}),
      message: message(error.detail ?? error.code, lang, error.params),
      fields: error.fields.map((f: FieldProblem) => ({ field: f.field, message: f.message ?? (f.key ? message(f.key, lang, f.params) : message("validation", lang)) })),
    },
  };
}

export const statusOf = (error: AppError) => ERROR_STATUS[error.code];
