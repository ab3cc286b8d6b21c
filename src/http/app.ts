/**
 * The HTTP application: language, body limit, validation and errors around every route, the
 * OpenAPI document, and the built web app with its client-side routes.
 */
import { serveStatic } from "@hono/node-server/serve-static";
import { sql } from "drizzle-orm";
import { Hono, type Context, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import { getCookie, setCookie } from "hono/cookie";
import { getConnInfo } from "@hono/node-server/conninfo";
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { timingSafeEqual } from "node:crypto";
import { AppError } from "../core/errors.js";
import { megabytes } from "../text/numbers.js";
import { pickLanguage, type Language } from "../core/i18n.js";
import type { Logger } from "../core/log.js";
import type { Database, Store } from "../storage/database.js";
import { formatLsn, parseLsn, replicaFailed, type Lsn } from "../storage/reads.js";
import { errorBody, statusOf, toAppError, validate } from "./errors.js";
import { readUpload } from "./multipart.js";
import { readers } from "../extraction/read-isolated.js";
import { openApiDocument, type RequestContext, type RouteSpec, type UploadedFile } from "./route.js";
import { allRoutes } from "./routes.js";
import { can } from "../accounts/policy.js";
import { dummyHash } from "../accounts/passwords.js";
import { AddressThrottle } from "../accounts/rate-limit.js";
import { resumeSession, SESSION_COOKIE, sessionHolds } from "../accounts/sessions.js";
import { SessionCache } from "../accounts/session-cache.js";
import { asActor } from "../audit/audit.js";
import { forgetWriteMark } from "../audit/write-mark.js";
import { invalidateDashboard, setDashboardLimits } from "../dashboard/dashboard.js";
import type { DashboardLimits } from "../dashboard/gate.js";
import { clientAddressOf, isSameSite, trustedProxies } from "./client-address.js";
import { Admission, admissionGuard, DEFAULT_FILE_ADMISSION, slotOf } from "./overload.js";
import { budgetGuard, budgetOf, DEFAULT_BUDGETS, type RequestBudgets } from "./timeout.js";

export interface AppOptions {
  store: Store;
  log: Logger;
  maxBodyBytes: number;
  /** Uploads (documents to import) have their own, larger limit. */
  maxUploadBytes: number;
  /** Folder of the built web app; the API works without it. */
  webDir?: string;
  version: string;
  /** Reverse proxies trusted to name the client in X-Forwarded-For (THEODOI_TRUST_PROXY). */
  trustProxy?: string[];
  /** Admission control (overload.ts): requests worked on at once and waiting; the defaults when not given. */
  admission?: Admission;
  /** The file-writing routes' own (overload.ts DEFAULT_FILE_ADMISSION when not given). */
  fileAdmission?: Admission;
  /** Dashboard builds at once and how long a reader waits for one (dashboard/gate.ts); the defaults when not given. */
  dashboardLimits?: Partial<DashboardLimits>;
  /** How long a request may take before it is answered 503 (timeout.ts); the defaults when not given. */
  budgets?: Partial<RequestBudgets>;
}

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** Room for the multipart framing around an uploaded file (boundaries, part headers, a long file name). */
const MULTIPART_FRAMING_BYTES = 64 * 1024;
/**
 * How long a resolved session is reused by this process for reads (see SessionCache): the bound on
 * a read after the session was ended on another instance. Writes always check it in the database.
 */
export const SESSION_CACHE_MS = 2_000;
/** Where the primary's WAL was just after this client's last write: its reads wait for the replica to pass it (storage/reads.ts). */
export const WRITTEN_COOKIE = "theodoi_written";
/** Past any position: the writer reads from the primary for the cookie's lifetime. */
const ANY_POSITION = "FFFFFFFF/FFFFFFFF";
const ANY_LSN = parseLsn(ANY_POSITION)!;

function peerAddress(c: Context): string | undefined {
  try { return getConnInfo(c).remote.address; } catch { return undefined; }
}

/** Compares tokens in constant time. */
function sameToken(given: string | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? ""), b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const languageOf = (c: Context): Language => pickLanguage(c.req.query("lang"), getCookie(c, "theodoi_lang"), c.req.header("accept-language"));

export function createApp({ store, log, maxBodyBytes, maxUploadBytes, webDir, version, trustProxy = [], admission = new Admission(), fileAdmission = new Admission(DEFAULT_FILE_ADMISSION), dashboardLimits, budgets: budgetsGiven }: AppOptions) {
  const budgets = { ...DEFAULT_BUDGETS, ...budgetsGiven };
  const app = new Hono();
  // The process's: builds of every database share its memory.
  if (dashboardLimits) setDashboardLimits(dashboardLimits);
  const routes: RouteSpec[] = allRoutes();
  const openApi = openApiDocument(routes, version);
  const sessionCache = new SessionCache<Awaited<ReturnType<typeof resumeSession>>>(SESSION_CACHE_MS);
  // Past 30 failed sign-ins in 5 minutes, an address's attempts go one at a time, 2 s each, at most 10 waiting.
  const signInThrottle = new AddressThrottle({ limit: 30, windowMs: 5 * 60_000, delayMs: 2_000, maxWaiting: 10 });
  const proxies = trustedProxies(trustProxy);
  // Made now rather than at the first unknown name, which would otherwise take longer than a wrong password.
  void dummyHash();
  /**
   * The newest write position (WRITTEN_COOKIE) each database's dashboard cache in this process was caught up for.
   * The cache sees another instance's writes, or the replica's replay, within a second; a client who wrote past
   * it (through another instance, or before the replica had it) finds it caught up before its read.
   */
  const cachesSeen = new WeakMap<Database, Lsn>();
  const catchUpFor = (db: Database, written: Lsn | null) => {
    if (written === null || written <= (cachesSeen.get(db) ?? -1n)) return;
    if (written !== ANY_LSN) cachesSeen.set(db, written);
    // The mark read afresh is enough: a dashboard older than the write no longer fits it and is built again. (Not a
    // rebuild of every scope: the cookie is the client's, and one forged to rise at every request would force one.)
    forgetWriteMark(db);
  };
  let proxyUnnamed = false;
  const clientAddress = (c: Context) => {
    const forwardedFor = c.req.header("x-forwarded-for");
    if (forwardedFor && !proxies && !proxyUnnamed) {
      proxyUnnamed = true;
      log.warn("X-Forwarded-For ignored: set THEODOI_TRUST_PROXY to the proxy's address, or every client behind it shares one sign-in limit");
    }
    return clientAddressOf(peerAddress(c), forwardedFor, proxies);
  };

  app.onError((e, c) => {
    const error = toAppError(e);
    if (error.code === "internal") log.error({ err: e, path: c.req.path }, "request failed");
    if (error.code === "unavailable") c.header("Retry-After", error.params.seconds ?? "5");
    return c.json(errorBody(error, languageOf(c)), statusOf(error));
  });
  app.use("*", async (c, next) => {
    const start = performance.now();
    await next();
    log.debug({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - start) }, "request");
  });
  app.use("*", secureHeaders({
    contentSecurityPolicy: { defaultSrc: ["'self'"], imgSrc: ["'self'", "data:"], styleSrc: ["'self'"], objectSrc: ["'none'"], frameAncestors: ["'none'"] },
  }));
  // What the API answers (drafts, agencies' reports, evidence files) is one user's: no cache, shared or the browser's, keeps it.
  app.use("/api/*", async (c, next) => {
    await next();
    c.res.headers.set("Cache-Control", "no-store");
  });
  /** An upload route's file limit and the message that names it. */
  const fileLimitOf = (upload: NonNullable<RouteSpec["upload"]>) => ({ bytes: upload.maxBytes ?? maxUploadBytes, tooLarge: upload.tooLarge ?? "upload_too_large" });
  /**
   * The body limit of a route: the JSON one, or for an upload a declared length over the file's own limit
   * (with room for the multipart framing) refused before anything is received. An upload without a declared
   * length is bounded as it streams (multipart.ts), not gathered here first. Uploads are all read by the
   * readers: when none could take one, it is refused before its body is received.
   */
  const limitOf = (spec: RouteSpec): MiddlewareHandler => {
    if (!spec.upload) return bodyLimit({ maxSize: maxBodyBytes, onError: (c) => { throw new AppError("payload_too_large", [], undefined, { limit: megabytes(maxBodyBytes, languageOf(c)) }); } });
    const file = fileLimitOf(spec.upload);
    return async (c, next) => {
      const declared = Number(c.req.header("content-length") ?? 0);
      if (declared > file.bytes + MULTIPART_FRAMING_BYTES) throw new AppError("payload_too_large", [], file.tooLarge, { limit: megabytes(file.bytes, languageOf(c)) });
      readers.refuseIfFull();
      await next();
    };
  };

  app.get("/api/health", async (c) => {
    await store.db.execute(sql`select 1`);
    return c.json({ status: "ok", engine: store.engine, version, reads: store.reads.state() });
  });
  // A bare JSON answer with no storage behind it: for load balancers, and the benchmark's baseline.
  app.get("/api/ping", (c) => c.json({ pong: true }));
  app.get("/api/openapi.json", (c) => c.json(openApi));
  app.get("/api/docs", (c) => c.json(openApi));

  // Every route is admitted by the overload guard but signing in, the one public route (Argon2 works off the
  // event loop, and the address throttle holds attempts for seconds, which must not hold others' slots), and
  // uploads, which have their own limit (one read at a time, eight waiting: extraction/read-isolated.ts).
  // Health, ping, the OpenAPI document and the web app's files stay outside it too: they answer at once. Routes that
  // write a file have their own, more patient one: a burst of reports neither takes the pages' turns nor sets their pace.
  const admit = admissionGuard(admission, log), admitFile = admissionGuard(fileAdmission, log), unguarded: MiddlewareHandler = (_c, next) => next();
  for (const spec of routes) {
    // The budget before admission: a request answered 503 for its time keeps its slot until its work has ended.
    const budgetMs = spec.heavy || spec.upload ? budgets.heavyMs : budgets.defaultMs;
    app.on(spec.method.toUpperCase(), spec.path, limitOf(spec), budgetGuard(budgetMs), spec.access === "public" || spec.upload ? unguarded : spec.heavy === "file" ? admitFile : admit, async (c) => {
      const lang = languageOf(c);
      const budget = budgetOf(c);
      const unsafe = UNSAFE_METHODS.has(c.req.method);
      // A write from another site's page is refused whatever it carries (the cookie is SameSite=Strict too).
      const origin = c.req.header("origin");
      if (unsafe && origin && !isSameSite(origin, c.req.header("host"), c.req.header("x-forwarded-host"), peerAddress(c), proxies)) throw new AppError("forbidden", [], "csrf_failed");
      const token = getCookie(c, SESSION_COOKIE) ?? null;
      // A write resolves its session afresh (and checks it again in its transaction, below); reads reuse this process's for a moment.
      const session = !token ? null : unsafe ? await resumeSession(store.db, token) : await sessionCache.get(token, () => resumeSession(store.db, token));
      if (token && unsafe && !session) sessionCache.forget(token);
      const action = `${spec.method.toUpperCase()} ${spec.path}`;
      // Chosen when the handler first reads through ctx.read, from the monitor's latest view.
      let readFrom: ReturnType<Store["reads"]["pick"]> | undefined;
      const after = unsafe ? null : parseLsn(getCookie(c, WRITTEN_COOKIE));
      const ctx: RequestContext = {
        get read() {
          if (unsafe) return store.db;
          if (!readFrom) catchUpFor((readFrom = store.reads.pick(after)).db, after);
          return readFrom.db;
        },
        db: store.db, engine: store.engine, lang, log, user: session?.user ?? null, sessionToken: session ? token : null, csrfToken: session?.csrfToken ?? null,
        write: (work) => asActor(store.db, session?.user ?? null, action, async (tx) => {
          // Where it is authoritative: a session ended on any instance (password changed, user disabled) writes nothing.
          if (token && session && !(await sessionHolds(tx, token))) {
            sessionCache.forget(token);
            throw new AppError("unauthorized");
          }
          // Rolled back, not committed, when the request ran out of time (answered 503 already); once its COMMIT
          // has begun, the budget's end waits for it.
          return budget.bind(tx, store.engine, store.db, () => work(tx), true);
        }).then((done) => { budget.settled(true); return done; }, (e: unknown) => { budget.settled(false); throw e; }),
        limitSignIn: (attempt) => signInThrottle.run(clientAddress(c), attempt),
        aside: (shared) => {
          const slot = slotOf(c);
          return slot ? shared.finally(slot.lend()) : shared;
        },
        bounded: (work) => store.engine === "postgres"
          ? store.db.transaction((tx) => budget.bind(tx, store.engine, store.db, () => work(tx)), { accessMode: "read only" })
          : work(store.db),
      };
      if (spec.access !== "public") {
        if (!session) throw new AppError("unauthorized");
        if (unsafe && !sameToken(c.req.header("x-csrf-token"), session.csrfToken)) throw new AppError("forbidden", [], "csrf_failed");
        // A temporary password is changed before anything else is done.
        if (session.user.mustChangePassword && spec.access !== "signed_in") throw new AppError("forbidden", [], "password_change_required");
        if (spec.access !== "signed_in" && !can(session.user, spec.access)) throw new AppError("forbidden");
      }
      const params = spec.params ? validate(spec.params, c.req.param(), lang) : undefined;
      const query = spec.query ? validate(spec.query, c.req.query(), lang) : undefined;
      let body: unknown;
      let upload: UploadedFile | undefined;
      if (spec.upload) {
        const file = fileLimitOf(spec.upload);
        upload = await readUpload(c.req.raw, file.bytes, file.tooLarge, lang);
      }
      if (spec.body) {
        let raw: unknown;
        try { raw = await c.req.json(); } catch { throw new AppError("validation", [], "bad_json"); }
        body = validate(spec.body, raw, lang);
      }
      let result: unknown;
      try {
        result = unsafe && spec.transaction !== false
          ? await ctx.write((tx) => spec.handler({ params, query, body, upload, ctx: { ...ctx, db: tx, read: tx, write: (work) => work(tx), bounded: (work) => work(tx) }, c }))
          : await spec.handler({ params, query, body, upload, ctx, c }).catch((e) => {
            // A read the replica failed (down, or a query cancelled by recovery) is made again on the primary.
            if (!readFrom?.replica || !replicaFailed(e)) throw e;
            readFrom = { db: store.db, replica: false };
            catchUpFor(store.db, after);
            return spec.handler({ params, query, body, upload, ctx, c });
          });
        if (unsafe && store.reads.holdMs) {
          // Committed: this client's reads stay on the primary until the replica has replayed this far.
          const lsn = await store.reads.writtenUpTo().catch(() => null);
          if (lsn !== null) cachesSeen.set(store.db, lsn);
          setCookie(c, WRITTEN_COOKIE, lsn === null ? ANY_POSITION : formatLsn(lsn), { path: "/", httpOnly: true, sameSite: "Strict", maxAge: Math.ceil(store.reads.holdMs / 1000) });
        }
        if (readFrom) c.header("X-Theodoi-Read", readFrom.replica ? "replica" : "primary");
      } finally {
        // Signing out, a password changed or reset, a user disabled or given other rights: sessions resolve afresh.
        if (unsafe && spec.tag === "accounts") sessionCache.clear();
        // Any other write may change what the dashboard shows.
        else if (unsafe) invalidateDashboard(store.db);
      }
      if (result instanceof Response) {
        // A route's own answer (kept JSON, a file) says which database served it too.
        if (readFrom) result.headers.set("X-Theodoi-Read", readFrom.replica ? "replica" : "primary");
        return result;
      }
      if (spec.status === 204) return c.body(null, 204);
      return c.json(result as object, spec.status ?? 200);
    });
  }
  app.all("/api/*", () => { throw new AppError("not_found"); });

  if (webDir && existsSync(join(webDir, "index.html"))) {
    const indexHtml = readFileSync(join(webDir, "index.html"), "utf8");
    const root = relative(process.cwd(), webDir) || ".";
    // The build names each asset by its content: a browser keeps it for good, and gets the brotli or gzip
    // copy the build wrote beside it (vite.config.ts) when it takes one.
    app.use("/assets/*", serveStatic({ root, precompressed: true, onFound: (_path, c) => { c.header("Cache-Control", "public, max-age=31536000, immutable"); } }));
    app.get("/favicon.svg", serveStatic({ root, onFound: (_path, c) => { c.header("Cache-Control", "public, max-age=86400"); } }));
    // Client-side routes: every other GET answers the app shell, asked for again each time (it names the assets of the current build).
    app.get("*", (c) => { c.header("Cache-Control", "no-cache"); return c.html(indexHtml); });
  }
  return app;
}
