/** Typed calls to the theodoi API: the shapes come from the server's own types, never re-declared. */
import { useCallback, useEffect, useRef, useState } from "react";
import type { AgencyDetail, Agency } from "../../src/agencies/queries";
import type { DocumentDetail, DocumentGraph, DocumentPage, DocumentSummary } from "../../src/documents/queries";
import type { SearchHit } from "../../src/search/search";
import type { agencySuccessions } from "../../src/agencies/schema";
import type { Page } from "../../src/storage/records";
import type { ImportDetail, ImportSummary } from "../../src/imports/queries";
import type { Draft } from "../../src/imports/draft";
import type { PublishResult } from "../../src/imports/commands";
import type { Task } from "../../src/plans/tasks";
import type { Indicator } from "../../src/plans/indicators";
import type { listProjects, ProjectDetail, ProjectSummary } from "../../src/plans/projects";
import type { ProjectState } from "../../src/evaluation/projects";
import type { SessionUser } from "../../src/accounts/sessions";
import type { Action } from "../../src/accounts/policy";

import type { Board, InboxItem } from "../../src/reporting/board";
import type { SubmissionForm } from "../../src/reporting/submissions";
import type { Round, RoundDetail, RoundProposal } from "../../src/reporting/rounds";
import type { notifications } from "../../src/reporting/schema";

export type Succession = typeof agencySuccessions.$inferSelect;
export type Notification = typeof notifications.$inferSelect;
/** What GET /api/projects answers: a page of projects and the count of each state over the filters but the state. */
export type ProjectList = Awaited<ReturnType<typeof listProjects>>;
export type ProjectFormItem = SubmissionForm["projects"][number];
export type { ProjectDetail, ProjectState, ProjectSummary };
export type { Board, InboxItem, Round, RoundDetail, RoundProposal, SubmissionForm };
export type { Agency, AgencyDetail, DocumentDetail, DocumentGraph, DocumentPage, DocumentSummary, Draft, ImportDetail, ImportSummary, Indicator, Page, PublishResult, SearchHit, Task };

/** What GET/POST /api/session answer. */
/**
 * What a server type is once sent as JSON: a value with toJSON (a Date, the dashboard's packed series) arrives as what toJSON
 * returns, and the same holds inside arrays and objects.
 */
export type Sent<T> = T extends { toJSON(): infer R } ? R : T extends readonly (infer E)[] ? Sent<E>[] : T extends object ? { [K in keyof T]: Sent<T[K]> } : T;

export interface Session { user: SessionUser; csrfToken: string; abilities: Action[] }
export type { Action, SessionUser };

/** The session's CSRF token, sent with every write (set by the session provider). */
let csrfToken = "";
export const setCsrfToken = (token: string) => { csrfToken = token; };
/** Called when the API answers 401 (the session ended): the app shows the sign-in page. */
let onSignedOut: () => void = () => undefined;
export const setSignedOutHandler = (handler: () => void) => { onSignedOut = handler; };

export interface FieldMessage { field: string; message: string }

export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly code: string = "", readonly fields: FieldMessage[] = [],
    /** Which problem of its kind (the API's `error.reason`): "dashboard_building", "request_timeout", … */
    readonly reason: string | null = null,
    /** When the server said to ask again (Retry-After, in seconds), for an answer that it is busy (503). */
    readonly retryAfter: number | null = null) { super(message); }
}

async function answer<T>(res: Response): Promise<T> {
  const body = await res.json().catch(() => null);
  if (res.status === 401 && body?.error?.code === "unauthorized") onSignedOut();
  const retryAfter = Number(res.headers.get("retry-after"));
  if (!res.ok) throw new ApiError(res.status, body?.error?.message ?? res.statusText, body?.error?.code, body?.error?.fields ?? [], body?.error?.reason ?? null, retryAfter > 0 ? retryAfter : null);
  return body as T;
}

/** An error as one line for the user: the API's message, then each field's, in the user's language. */
export const problemLine = (e: unknown) => (e instanceof ApiError ? [e.message, ...e.fields.map((f) => f.message)].join(": ") : String(e));

/** Sends JSON; errors carry the API's code and field messages, in the user's language. */
export async function sendJson<T>(method: string, path: string, body: unknown): Promise<T> {
  return answer<T>(await fetch(path, {
    method, headers: { "content-type": "application/json", accept: "application/json", "x-csrf-token": csrfToken }, body: body === undefined ? undefined : JSON.stringify(body),
  }));
}

/** Uploads one file as the multipart field "file". */
export async function uploadFile<T>(path: string, file: File): Promise<T> {
  const form = new FormData();
  form.append("file", file);
  return answer<T>(await fetch(path, { method: "POST", body: form, headers: { "x-csrf-token": csrfToken } }));
}

export async function getJson<T>(path: string): Promise<T> {
  return answer<T>(await fetch(path, { headers: { accept: "application/json" } }));
}

export interface Loaded<T> {
  data: T | null; error: string | null; loading: boolean; reload(): void;
  /** Whether `data` answers the path asked for now, not an earlier one still shown while the new one loads. */
  fresh: boolean;
  /** The error will not go away by asking again (no permission, not found, a bad request): no "try again". */
  final: boolean;
  /**
   * The server is busy with it (503: a dashboard being prepared, too many requests at once) and it is asked for again
   * by itself when the server said to: `error` then says what the server is doing (how far a dashboard is).
   */
  retrying: boolean;
}

/** Whether an answer's status says that asking again cannot help. */
const isFinal = (e: unknown) => e instanceof ApiError && [400, 403, 404, 410, 422].includes(e.status);
/**
 * Whether the server is busy with what was asked and waiting is what it takes: a dashboard being prepared, or too many
 * requests at once (no reason). Not a request that ran out of time (`request_timeout`): asked again it would run out again.
 */
const isWait = (e: unknown): e is ApiError & { retryAfter: number } => e instanceof ApiError && e.status === 503 && e.retryAfter !== null
  && (e.reason === null || e.reason === "dashboard_building" || e.reason === "dashboard_busy");
/**
 * How many times in a row a busy answer is asked again by itself: a national dashboard's first build after a start
 * takes a minute or two, at most 30 s between asks (the server's Retry-After); then the page offers "try again".
 */
const MAX_RETRIES = 20;

/** Loads a path and reloads when it changes; a newer request always wins over an older one. A busy answer (503) is asked again when the server says. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: string | null; loading: boolean; final: boolean; retrying: boolean; of: string | null }>({ data: null, error: null, loading: true, final: false, retrying: false, of: null });
  const [tick, setTick] = useState(0);
  // Busy answers asked again in a row, for this path.
  const retries = useRef({ path, n: 0 });
  useEffect(() => {
    if (!path) return;
    if (retries.current.path !== path) retries.current = { path, n: 0 };
    let current = true;
    let again: ReturnType<typeof setTimeout> | undefined;
    // Asked again by itself, the server's word on how far it is stays up meanwhile.
    setState((s) => (s.retrying && s.of === path ? { ...s, loading: true } : { ...s, loading: true, error: null, final: false, retrying: false }));
    getJson<T>(path).then(
      (data) => {
        if (!current) return;
        retries.current.n = 0;
        setState({ data, error: null, loading: false, final: false, retrying: false, of: path });
      },
      (e: Error) => {
        if (!current) return;
        const retrying = isWait(e) && retries.current.n < MAX_RETRIES;
        if (retrying) {
          retries.current.n++;
          // Within a fifth of what the server said, so that pages refused together do not all come back together.
          again = setTimeout(() => setTick((n) => n + 1), Math.min(e.retryAfter, 30) * 1000 * (0.8 + 0.4 * Math.random()));
        } else retries.current.n = 0;
        setState({ data: null, error: e.message, loading: false, final: isFinal(e), retrying, of: path });
      },
    );
    return () => { current = false; clearTimeout(again); };
  }, [path, tick]);
  // Asked for by the user: a fresh count of automatic retries.
  const reload = useCallback(() => { retries.current.n = 0; setTick((n) => n + 1); }, []);
  const { of, ...shown } = state;
  return { ...shown, fresh: of === path && !state.loading, reload };
}
