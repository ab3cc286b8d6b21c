/** Configuration from the environment: one place, validated, documented in the README's table. */
import { resolve } from "node:path";
import { z } from "zod";
import { parseProxyEntry } from "../http/client-address.js";
import { DEFAULT_ADMISSION, type AdmissionLimits } from "../http/overload.js";
import { DEFAULT_DASHBOARD_LIMITS, type DashboardLimits } from "../dashboard/gate.js";
import { DEFAULT_BUDGETS, type RequestBudgets } from "../http/timeout.js";

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  THEODOI_DATA_DIR: z.string().default("./data"),
  DATABASE_URL: z.string().url().optional(),
  /** Straight to the primary, for migrations, when DATABASE_URL is PgBouncer in transaction pooling (docs/deploy.md). */
  DATABASE_MIGRATE_URL: z.string().url().optional(),
  /** A streaming replica of the primary: dashboards, lists and search read from it (storage/reads.ts). */
  DATABASE_READ_URL: z.string().url().optional(),
  /** The most the replica may lag, in ms, before reads leave it for the primary. */
  THEODOI_REPLICA_MAX_LAG_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Load the sample province on first start ("0" to start empty). */
  THEODOI_SAMPLES: z.enum(["0", "1"]).default("1"),
  /** Size limit of a JSON request body, in bytes. */
  THEODOI_MAX_BODY: z.coerce.number().int().positive().default(2_000_000),
  THEODOI_MAX_UPLOAD: z.coerce.number().int().positive().default(25 * 1024 * 1024),
  /** The first administrator's password (user "admin"), used only when the database has no administrator yet; otherwise one is generated and printed once. */
  THEODOI_ADMIN_PASSWORD: z.string().min(10).optional(),
  /** SMTP server for reminders ("smtp://user:pass@host:587", "smtps://…"); without it reminders are in-app only. */
  THEODOI_SMTP_URL: z.string().regex(/^smtps?:\/\//, "smtp:// or smtps:// URL").optional(),
  THEODOI_MAIL_FROM: z.string().default("theodoi <theodoi@localhost>"),
  /** How often reminders are checked, in minutes ("0" turns the scheduler off, e.g. on all but one instance; any one may run it). */
  THEODOI_REMINDER_MINUTES: z.coerce.number().min(0).max(1440).default(5),
  /** Reverse proxies trusted to say who the client is in X-Forwarded-For: addresses or CIDR ranges, comma-separated ("127.0.0.1,10.0.0.0/8"). */
  THEODOI_TRUST_PROXY: z.string().transform((v) => v.split(",").map((e) => e.trim()).filter(Boolean))
    .refine((entries) => entries.every((e) => parseProxyEntry(e)), "addresses or CIDR ranges, comma-separated (127.0.0.1,10.0.0.0/8)").default([]),
  /** Requests worked on at once; more wait in a queue (http/overload.ts). */
  THEODOI_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(1000).default(DEFAULT_ADMISSION.maxInFlight),
  /** The longest a request may expect to wait for its turn, in ms; one that would wait longer is answered 503 at once. */
  THEODOI_MAX_WAIT_MS: z.coerce.number().int().min(1).max(60_000).default(DEFAULT_ADMISSION.maxWaitMs),
  /** Dashboard builds of different scopes at once in the process; more wait their turn (dashboard/gate.ts). */
  THEODOI_DASHBOARD_BUILDS: z.coerce.number().int().min(1).max(16).default(DEFAULT_DASHBOARD_LIMITS.maxBuilds),
  /** The longest a dashboard request waits for its build, in ms; then 503 with Retry-After (the build goes on). */
  THEODOI_DASHBOARD_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(DEFAULT_DASHBOARD_LIMITS.timeoutMs),
  /** The longest any request may take, in ms; past it, 503 with Retry-After and its work abandoned (http/timeout.ts). */
  THEODOI_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(DEFAULT_BUDGETS.defaultMs),
  /** The same for uploads and heavy routes (reports, exports, evaluation, the board), in ms. */
  THEODOI_HEAVY_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(DEFAULT_BUDGETS.heavyMs),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  migrateUrl: string | undefined;
  readUrl: string | undefined;
  maxReplicaLagMs: number;
  logLevel: z.infer<typeof schema>["LOG_LEVEL"];
  loadSamples: boolean;
  maxBodyBytes: number;
  maxUploadBytes: number;
  adminPassword: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  reminderMinutes: number;
  trustProxy: string[];
  admission: AdmissionLimits;
  dashboard: DashboardLimits;
  budgets: RequestBudgets;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== "")));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Cấu hình không hợp lệ / invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT, host: e.HOST, dataDir: resolve(e.THEODOI_DATA_DIR), databaseUrl: e.DATABASE_URL,
    migrateUrl: e.DATABASE_MIGRATE_URL, readUrl: e.DATABASE_READ_URL, maxReplicaLagMs: e.THEODOI_REPLICA_MAX_LAG_MS,
    logLevel: e.LOG_LEVEL, loadSamples: e.THEODOI_SAMPLES === "1", maxBodyBytes: e.THEODOI_MAX_BODY, maxUploadBytes: e.THEODOI_MAX_UPLOAD,
    adminPassword: e.THEODOI_ADMIN_PASSWORD, smtpUrl: e.THEODOI_SMTP_URL, mailFrom: e.THEODOI_MAIL_FROM, reminderMinutes: e.THEODOI_REMINDER_MINUTES,
    trustProxy: e.THEODOI_TRUST_PROXY,
    admission: { ...DEFAULT_ADMISSION, maxInFlight: e.THEODOI_MAX_IN_FLIGHT, maxWaitMs: e.THEODOI_MAX_WAIT_MS },
    dashboard: { ...DEFAULT_DASHBOARD_LIMITS, maxBuilds: e.THEODOI_DASHBOARD_BUILDS, timeoutMs: e.THEODOI_DASHBOARD_TIMEOUT_MS },
    budgets: { defaultMs: e.THEODOI_REQUEST_TIMEOUT_MS, heavyMs: e.THEODOI_HEAVY_TIMEOUT_MS },
  };
}
