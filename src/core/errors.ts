/**
 * The closed set of errors a use case can end in. Each has a stable code and an HTTP status;
 * the message is rendered in the user's language at the edge.
 */
import type { MessageKey } from "./i18n.js";

export const ERROR_STATUS = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  duplicate: 409,
  in_use: 409,
  payload_too_large: 413,
  too_many_requests: 429,
  internal: 500,
  /** Busy for now: the answer says when to try again (Retry-After, from `params.seconds`). */
  unavailable: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

/** A field-level problem: which field, and a message key (or an already-rendered message). */
export interface FieldProblem {
  field: string;
  key?: MessageKey;
  message?: string;
  /** Values for the message's placeholders ("{limit}"). */
  params?: Record<string, string>;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly fields: FieldProblem[] = [],
    readonly detail?: MessageKey,
    /** Values for the detail's placeholders ("{limit}"). */
    readonly params: Record<string, string> = {},
  ) {
    super(detail ?? code);
  }
}

export const notFound = () => new AppError("not_found");
export const conflict = () => new AppError("conflict");
export const invalid = (field: string, key: MessageKey) => new AppError("validation", [{ field, key }]);
