/**
 * A route is data: method, path, zod schemas for params, query and body, and a handler that
 * calls one use case. The same data registers the Hono handler and writes the OpenAPI document,
 * so the documentation cannot drift from the validation.
 */
import type { Context } from "hono";
import { z, type ZodType } from "zod";
import type { Logger } from "../core/log.js";
import type { Language, MessageKey } from "../core/i18n.js";
import { megabytes } from "../text/numbers.js";
import type { Database, Engine } from "../storage/database.js";
import type { Action } from "../accounts/policy.js";
import type { SessionUser } from "../accounts/sessions.js";

export interface RequestContext {
  db: Database;
  /**
   * For reads that may lag a little (dashboards, lists, search): the streaming replica when it holds what
   * this client last wrote, else the primary (storage/reads.ts); `db` itself in a write.
   */
  read: Database;
  engine: Engine;
  lang: Language;
  log: Logger;
  /** The signed-in user (always set on routes that need an action or "signed_in"). */
  user: SessionUser | null;
  sessionToken: string | null;
  csrfToken: string | null;
  /**
   * Runs `work` in a transaction the audit trail attributes to this user and route. Writing routes
   * already run inside one (ctx.db is it); routes with `transaction: false` call this for their writes.
   */
  write<T>(work: (tx: Database) => Promise<T>): Promise<T>;
  /** Runs a sign-in from this client's address under its limit (slowed past it; too_many_requests when too many wait). */
  limitSignIn<T>(attempt: () => Promise<T>): Promise<T>;
  /**
   * Runs a heavy read within the request's time budget (http/timeout.ts): on PostgreSQL in a read-only transaction
   * whose statements stop when the budget runs out; on the embedded engine as it is.
   */
  bounded<T>(work: (db: Database) => Promise<T>): Promise<T>;
  /**
   * Waits on `shared`, work this request does not do itself (a dashboard's build, which other readers wait on too),
   * with its admission slot lent to the next request in the queue meanwhile (http/overload.ts Slot.lend).
   */
  aside<T>(shared: Promise<T>): Promise<T>;
}

/**
 * What a route needs: an action of the policy (checked for the signed-in user), any signed-in user,
 * or nothing (signing in). Required on every route, so none is open by omission.
 */
export type RouteAccess = Action | "signed_in" | "public";

type Method = "get" | "post" | "patch" | "put" | "delete";

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
  /** The bytes' SHA-256 (hex), computed as they arrived: hashing 16 MB at once holds the event loop. */
  sha256?: string;
}

/** The longest file name kept (most file systems' limit). */
const MAX_FILE_NAME = 255;

/** The answer of a route that keeps its JSON encoded (core/json.ts jsonBytes). */
export const keptJson = (bytes: Uint8Array<ArrayBuffer>): Response => new Response(bytes, { headers: { "content-type": "application/json" } });

/**
 * An uploaded file's name as it is stored and shown: without control characters (a NUL is refused by
 * PostgreSQL), without direction overrides (which make "hoso‮fdp.exe" read "hosoexe.pdf"), at most 255
 * characters with its extension kept, and never empty.
 */
export function cleanFileName(name: string): string {
  const cleaned = name.normalize("NFC").replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "").trim();
  if (!cleaned) return "tep-tai-len";
  if (cleaned.length <= MAX_FILE_NAME) return cleaned;
  const ext = /\.[\p{L}\p{N}]{1,10}$/u.exec(cleaned)?.[0] ?? "";
  return cleaned.slice(0, MAX_FILE_NAME - ext.length) + ext;
}

export interface RouteSpec<P = unknown, Q = unknown, B = unknown> {
  method: Method;
  path: string;
  tag: string;
  summary: string;
  access: RouteAccess;
  params?: ZodType<P>;
  query?: ZodType<Q>;
  body?: ZodType<B>;
  /**
   * The body is a file upload (multipart/form-data, field "file") instead of JSON, of at most `maxBytes`
   * (the configured THEODOI_MAX_UPLOAD when not given); a larger one is refused with `tooLarge`, which names the limit.
   */
  upload?: { maxBytes?: number; tooLarge?: MessageKey };
  /**
   * A writing route (POST, PUT, PATCH, DELETE) runs in one transaction attributed to its user, unless
   * it says `false`: then it holds no transaction while doing slow work outside the database (reading
   * an upload) and writes through `ctx.write`, or it must keep a write its failure answer depends on
   * (a failed sign-in's count).
   */
  transaction?: false;
  /**
   * Reports, exports, evaluation, the board: given THEODOI_HEAVY_TIMEOUT_MS (as uploads are) instead of
   * THEODOI_REQUEST_TIMEOUT_MS before they are answered 503 (http/timeout.ts); their reads go through ctx.bounded.
   * "file": one that writes a file (a report, a letter, an export), admitted in the files' own queue (overload.ts
   * DEFAULT_FILE_ADMISSION) rather than among the pages.
   */
  heavy?: true | "file";
  /** Status of a successful answer (200 unless given; 204 sends no body). */
  status?: 200 | 201 | 204;
  handler: (input: { params: P; query: Q; body: B; upload?: UploadedFile; ctx: RequestContext; c: Context }) => Promise<unknown>;
}

/** Declares a route; the generic parameters come from the schemas, so the handler is typed. */
export function route<P = unknown, Q = unknown, B = unknown>(spec: RouteSpec<P, Q, B>): RouteSpec {
  return spec as unknown as RouteSpec;
}

const toOpenApiPath = (path: string) => path.replace(/:(\w+)/g, "{$1}");

function jsonSchema(schema: ZodType) {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
}

function parameters(schema: ZodType | undefined, where: "path" | "query") {
  if (!schema) return [];
  const js = jsonSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name, in: where, required: where === "path" || (js.required ?? []).includes(name), schema: s,
  }));
}

export function openApiDocument(routes: RouteSpec[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const op: Record<string, unknown> = {
      tags: [r.tag], summary: r.access === "public" ? r.summary : `${r.summary} [${r.access}]`,
      parameters: [...parameters(r.params, "path"), ...parameters(r.query, "query")],
      responses: {
        [String(r.status ?? 200)]: { description: "OK" },
        400: { description: "Invalid input: `error.fields` names each field with a message in the user's language", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
        ...(r.access !== "public" ? { 401: { description: "Not signed in" }, 403: { description: "Signed in, but the role may not do this (or the CSRF token is missing)" } } : {}),
        ...(r.params ? { 404: { description: "Not found" } } : {}),
        ...(r.method === "patch" || r.method === "put" || r.method === "post" ? { 409: { description: "Conflict: stale version or duplicate" } } : {}),
      },
    };
    if (r.body) op.requestBody = { required: true, content: { "application/json": { schema: jsonSchema(r.body) } } };
    if (r.upload) {
      op.requestBody = { required: true, content: { "multipart/form-data": { schema: { type: "object", properties: { file: { type: "string", format: "binary" } }, required: ["file"] } } } };
      const limit = r.upload.maxBytes === undefined ? "THEODOI_MAX_UPLOAD, 25 MB unless configured" : megabytes(r.upload.maxBytes, "en");
      (op.responses as Record<string, unknown>)[413] = { description: `The file is larger than the upload limit (${limit})` };
    }
    (paths[toOpenApiPath(r.path)] ??= {})[r.method] = op;
  }
  return {
    openapi: "3.1.0",
    info: { title: "theodoi API", version, description: "Theo dõi thực hiện văn bản chỉ đạo, điều hành. Send `Accept-Language: en` or `?lang=en` for English messages." },
    paths,
    components: {
      schemas: {
        Error: {
          type: "object",
          properties: { error: { type: "object", properties: {
            code: { type: "string" }, reason: { type: "string", description: "Which problem of its kind, as a key (dashboard_building, request_timeout, …), when there is more to say than the code" }, message: { type: "string" },
            fields: { type: "array", items: { type: "object", properties: { field: { type: "string" }, message: { type: "string" } } } },
          } } },
        },
      },
    },
  };
}
