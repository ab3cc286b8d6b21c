/** An API error as messages by field ("" for the whole form), in the user's language as the server wrote them. */
import { ApiError } from "../api";

export type Problems = Record<string, string>;

export function fieldProblems(e: unknown): Problems {
  if (e instanceof ApiError && e.fields.length) {
    const out: Problems = {};
    for (const f of e.fields) out[f.field] = out[f.field] ? `${out[f.field]}; ${f.message}` : f.message;
    return out;
  }
  return { "": (e as Error).message };
}
