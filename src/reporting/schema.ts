import { sql } from "drizzle-orm";
import { boolean, check, customType, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, unique, uniqueIndex } from "drizzle-orm/pg-core";
import { agencies } from "../agencies/schema.js";
import { users } from "../accounts/schema.js";
import { documents } from "../documents/schema.js";
import { indicators, projects, tasks, TASK_ROLES } from "../plans/schema.js";
import { oneOf } from "../storage/checks.js";

export const PERIOD_KINDS = ["year", "half", "quarter", "month"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export const ROUND_STATUSES = ["open", "closed"] as const;
export const SUBMISSION_STATUSES = ["draft", "submitted", "returned", "accepted"] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];
/** The Government Office's categories for the state of an assigned task. */
export const TASK_REPORT_STATUSES = ["completed_on_time", "completed_late", "in_progress", "overdue", "not_started"] as const;
export const REPORTED_VALUE_KINDS = ["actual", "estimate"] as const;
export const SUBMISSION_EVENTS = ["submitted", "withdrawn", "returned", "accepted"] as const;
/** "cancelled": the agency reported before its e-mail went out. */
export const EMAIL_STATUSES = ["pending", "sending", "sent", "failed", "no_recipient", "disabled", "cancelled"] as const;

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
};
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

/** A reporting round: the plans it covers, the period, the data cut-off window and the due date. */
export const rounds = pgTable("reporting_rounds", {
  id: serial("id").primaryKey(),
  title: text("title").notNull(),
  periodKind: text("period_kind", { enum: PERIOD_KINDS }).notNull(),
  periodYear: integer("period_year").notNull(),
  /** 1-2 for a half, 1-4 for a quarter, 1-12 for a month; null for a year. */
  periodNumber: integer("period_number"),
  /** "2024", "2024-H1", "2024-Q3", "2024-05". */
  periodLabel: text("period_label").notNull(),
  windowFrom: date("window_from").notNull(),
  windowTo: date("window_to").notNull(),
  dueOn: date("due_on").notNull(),
  /** The agency that collects the reports (the focal point's); it also reports the indicators no agency owns. */
  coordinatorId: integer("coordinator_id").references(() => agencies.id, { onDelete: "set null" }),
  status: text("status", { enum: ROUND_STATUSES }).notNull().default("open"),
  /**
   * An administrator let the collecting agency's own report be accepted by its focal point in this round
   * (by default a report is reviewed by someone outside the agency that wrote it).
   */
  selfReviewAllowed: boolean("self_review_allowed").notNull().default(false),
  createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
  version: integer("version").notNull().default(1),
  ...timestamps,
}, (t) => [
  index("reporting_rounds_due_idx").on(t.dueOn),
  check("reporting_rounds_period_kind", oneOf(t.periodKind, PERIOD_KINDS)),
  check("reporting_rounds_status", oneOf(t.status, ROUND_STATUSES)),
  check("reporting_rounds_window", sql`${t.windowFrom} <= ${t.windowTo}`),
]);

export const roundPlans = pgTable("reporting_round_plans", {
  roundId: integer("round_id").notNull().references(() => rounds.id, { onDelete: "cascade" }),
  documentId: integer("document_id").notNull().references(() => documents.id, { onDelete: "restrict" }),
}, (t) => [primaryKey({ columns: [t.roundId, t.documentId] }), index("reporting_round_plans_document_idx").on(t.documentId)]);

/** The agencies a round expects a report from, fixed when the round opens (and moved by a restructuring). */
export const roundReporters = pgTable("reporting_round_reporters", {
  roundId: integer("round_id").notNull().references(() => rounds.id, { onDelete: "cascade" }),
  agencyId: integer("agency_id").notNull().references(() => agencies.id, { onDelete: "restrict" }),
  /** An extension for this agency alone: its due date, for its timeliness and its reminders (null: the round's). */
  dueOn: date("due_on"),
}, (t) => [primaryKey({ columns: [t.roundId, t.agencyId] }), index("reporting_round_reporters_agency_idx").on(t.agencyId)]);

/** When reminders go out: days from the due date (−7 is a week before, 1 the day after). */
export const reminderSteps = pgTable("reminder_steps", {
  roundId: integer("round_id").notNull().references(() => rounds.id, { onDelete: "cascade" }),
  offsetDays: integer("offset_days").notNull(),
}, (t) => [primaryKey({ columns: [t.roundId, t.offsetDays] })]);

/**
 * One reminder step for one agency. The unique key is the exactly-once guarantee: the instance whose
 * insert creates the row sends it; an e-mail is claimed with a lease before sending, so two instances
 * never send the same one, and one that died mid-send is retried when its lease runs out.
 */
export const reminderDeliveries = pgTable("reminder_deliveries", {
  id: serial("id").primaryKey(),
  roundId: integer("round_id").notNull().references(() => rounds.id, { onDelete: "cascade" }),
  /** Days from the agency's due date: the scheduled step's, or for a manual reminder the day it was sent. */
  offsetDays: integer("offset_days").notNull(),
  /**
   * A reminder the focal point sent by hand ("remind now"): the day it went out (in Vietnam), which is its
   * step (one per agency and day, whatever the clicks); null for a scheduled step.
   */
  manualOn: date("manual_on"),
  requestedBy: integer("requested_by").references(() => users.id, { onDelete: "set null" }),
  agencyId: integer("agency_id").notNull().references(() => agencies.id, { onDelete: "cascade" }),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  recipients: text("recipients").array().notNull().default(sql`'{}'::text[]`),
  emailStatus: text("email_status", { enum: EMAIL_STATUSES }).notNull().default("pending"),
  attempts: integer("attempts").notNull().default(0),
  leaseUntil: timestamp("lease_until", { withTimezone: true, mode: "string" }),
  sentAt: timestamp("sent_at", { withTimezone: true, mode: "string" }),
  messageId: text("message_id"),
  lastError: text("last_error"),
}, (t) => [
  uniqueIndex("reminder_deliveries_once").on(t.roundId, t.offsetDays, t.agencyId).where(sql`manual_on is null`),
  uniqueIndex("reminder_deliveries_manual_once").on(t.roundId, t.agencyId, t.manualOn).where(sql`manual_on is not null`),
  index("reminder_deliveries_email_idx").on(t.emailStatus),
  check("reminder_deliveries_email_status", oneOf(t.emailStatus, EMAIL_STATUSES)),
]);

/** In-app notifications, one per user. `params` fill the message in the reader's language. */
export const notifications = pgTable("notifications", {
  id: serial("id").primaryKey(),
  userId: integer("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  kind: text("kind").notNull(),
  roundId: integer("round_id").references(() => rounds.id, { onDelete: "cascade" }),
  agencyId: integer("agency_id").references(() => agencies.id, { onDelete: "cascade" }),
  params: jsonb("params").$type<Record<string, string | number | null>>().notNull().default({}),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  readAt: timestamp("read_at", { withTimezone: true, mode: "string" }),
}, (t) => [index("notifications_user_idx").on(t.userId, t.createdAt.desc())]);

/** One agency's report in one round. */
export const submissions = pgTable("submissions", {
  id: serial("id").primaryKey(),
  roundId: integer("round_id").notNull().references(() => rounds.id, { onDelete: "cascade" }),
  agencyId: integer("agency_id").notNull().references(() => agencies.id, { onDelete: "restrict" }),
  status: text("status", { enum: SUBMISSION_STATUSES }).notNull().default("draft"),
  results: text("results").notNull().default(""),
  difficulties: text("difficulties").notNull().default(""),
  proposals: text("proposals").notNull().default(""),
  /** The first submission decides whether the agency reported on time; resubmitting after a return does not change it. */
  firstSubmittedAt: timestamp("first_submitted_at", { withTimezone: true, mode: "string" }),
  submittedAt: timestamp("submitted_at", { withTimezone: true, mode: "string" }),
  reviewedAt: timestamp("reviewed_at", { withTimezone: true, mode: "string" }),
  updatedBy: integer("updated_by").references(() => users.id, { onDelete: "set null" }),
  version: integer("version").notNull().default(1),
  ...timestamps,
}, (t) => [
  unique("submissions_round_agency_uq").on(t.roundId, t.agencyId),
  index("submissions_agency_idx").on(t.agencyId),
  check("submissions_status", oneOf(t.status, SUBMISSION_STATUSES)),
]);

export const submissionTasks = pgTable("submission_tasks", {
  submissionId: integer("submission_id").notNull().references(() => submissions.id, { onDelete: "cascade" }),
  /** Restrict: a task agencies have reported on cannot vanish with its report (deleting it, or republishing its plan, is refused as "in use"). */
  taskId: integer("task_id").notNull().references(() => tasks.id, { onDelete: "restrict" }),
  /** Lead: the agency's report on the task; coordinating: its contribution, which the lead sees. */
  role: text("role", { enum: TASK_ROLES }).notNull(),
  status: text("status", { enum: TASK_REPORT_STATUSES }),
  /** Per cent, as typed ("95,5"): never rounded. */
  progress: doublePrecision("progress"),
  narrative: text("narrative").notNull().default(""),
}, (t) => [
  primaryKey({ columns: [t.submissionId, t.taskId] }),
  index("submission_tasks_task_idx").on(t.taskId),
  check("submission_tasks_status", sql`${t.status} is null or ${oneOf(t.status, TASK_REPORT_STATUSES)}`),
  check("submission_tasks_progress", sql`${t.progress} is null or ${t.progress} between 0 and 100`),
]);

export const submissionIndicators = pgTable("submission_indicators", {
  submissionId: integer("submission_id").notNull().references(() => submissions.id, { onDelete: "cascade" }),
  indicatorId: integer("indicator_id").notNull().references(() => indicators.id, { onDelete: "restrict" }),
  value: doublePrecision("value"),
  valueKind: text("value_kind", { enum: REPORTED_VALUE_KINDS }).notNull().default("actual"),
  /** Required when the value misses the target: why, and what is being done. */
  explanation: text("explanation").notNull().default(""),
}, (t) => [
  primaryKey({ columns: [t.submissionId, t.indicatorId] }),
  check("submission_indicators_kind", oneOf(t.valueKind, REPORTED_VALUE_KINDS)),
]);

export interface ItemComment { taskId?: number; indicatorId?: number; projectId?: number; comment: string }

/** The history of a submission: each submit, withdrawal, return (with the focal point's comment) and acceptance. */
export const submissionEvents = pgTable("submission_events", {
  id: serial("id").primaryKey(),
  submissionId: integer("submission_id").notNull().references(() => submissions.id, { onDelete: "cascade" }),
  kind: text("kind", { enum: SUBMISSION_EVENTS }).notNull(),
  comment: text("comment").notNull().default(""),
  /** A return's comments on single items, which the reporter sees at each. */
  itemComments: jsonb("item_comments").$type<ItemComment[]>().notNull().default([]),
  actorId: integer("actor_id").references(() => users.id, { onDelete: "set null" }),
  actorName: text("actor_name"),
  at: timestamp("at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
}, (t) => [index("submission_events_submission_idx").on(t.submissionId), check("submission_events_kind", oneOf(t.kind, SUBMISSION_EVENTS))]);

/** Evidence attached to a submission, kept in the database (outside any web root, in the same transaction as the report). */
export const evidenceFiles = pgTable("evidence_files", {
  id: serial("id").primaryKey(),
  submissionId: integer("submission_id").notNull().references(() => submissions.id, { onDelete: "cascade" }),
  taskId: integer("task_id").references(() => tasks.id, { onDelete: "set null" }),
  fileName: text("file_name").notNull(),
  /** The type read from the bytes, never the one the browser claimed. */
  mediaType: text("media_type").notNull(),
  size: integer("size").notNull(),
  sha256: text("sha256").notNull(),
  content: bytea("content").notNull(),
  uploadedBy: integer("uploaded_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
}, (t) => [index("evidence_files_submission_idx").on(t.submissionId)]);

/**
 * The round asks an indicator's owner for the actual figure of a year whose value was an estimate ("ước"):
 * the report form shows it, and the accepted figure is recorded as that year's actual value.
 */
export const roundActualRequests = pgTable("round_actual_requests", {
  roundId: integer("round_id").notNull().references(() => rounds.id, { onDelete: "cascade" }),
  indicatorId: integer("indicator_id").notNull().references(() => indicators.id, { onDelete: "cascade" }),
  year: integer("year").notNull(),
  requestedBy: integer("requested_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.roundId, t.indicatorId, t.year] })]);

/** An agency's actual figure for a year the round asked about (roundActualRequests). */
export const submissionActuals = pgTable("submission_actuals", {
  submissionId: integer("submission_id").notNull().references(() => submissions.id, { onDelete: "cascade" }),
  indicatorId: integer("indicator_id").notNull().references(() => indicators.id, { onDelete: "restrict" }),
  year: integer("year").notNull(),
  value: doublePrecision("value"),
  explanation: text("explanation").notNull().default(""),
}, (t) => [primaryKey({ columns: [t.submissionId, t.indicatorId, t.year] })]);

/**
 * A lead agency's report on a key project it carries out (the investor): the figures each measure owes as of
 * the round (billion đồng disbursed of what was allocated for the year, ha cleared, km, physical progress
 * %), what happened, and why it is behind when it is. Accepting the report records the figures as the
 * project's values, dated the day the report was sent and attributed to the agency.
 */
export const submissionProjects = pgTable("submission_projects", {
  submissionId: integer("submission_id").notNull().references(() => submissions.id, { onDelete: "cascade" }),
  projectId: integer("project_id").notNull().references(() => projects.id, { onDelete: "restrict" }),
  allocated: doublePrecision("allocated"),
  disbursed: doublePrecision("disbursed"),
  clearedHa: doublePrecision("cleared_ha"),
  builtKm: doublePrecision("built_km"),
  progress: doublePrecision("progress"),
  narrative: text("narrative").notNull().default(""),
  /** Required when the project is behind: the cause, and what is being done. */
  explanation: text("explanation").notNull().default(""),
}, (t) => [
  primaryKey({ columns: [t.submissionId, t.projectId] }),
  index("submission_projects_project_idx").on(t.projectId),
  check("submission_projects_progress", sql`${t.progress} is null or ${t.progress} between 0 and 100`),
  check("submission_projects_amounts", sql`coalesce(${t.allocated}, 0) >= 0 and coalesce(${t.disbursed}, 0) >= 0 and coalesce(${t.clearedHa}, 0) >= 0 and coalesce(${t.builtKm}, 0) >= 0`),
]);

/** How often a report owed upward is due: once, or every period of a kind. */
export const OBLIGATION_FREQUENCIES = ["once", ...PERIOD_KINDS] as const;
export type ObligationFrequency = (typeof OBLIGATION_FREQUENCIES)[number];

/**
 * A report the province owes a higher body (the Central Economic Commission, the Government, a ministry)
 * because a document of that body asks for it: who reports what to whom, and when. Due once (`dueOn`) or
 * every period, on day `dueDay` of the month `dueMonthOffset` months after the period's last month
 * (15/12 for a year is day 15, offset 0; 15/01 of the next year is day 15, offset 1; 20/11 of the year
 * itself is day 20, offset -1), from `fromYear` to `toYear`.
 */
export const reportObligations = pgTable("report_obligations", {
  id: serial("id").primaryKey(),
  title: text("title").notNull(),
  /** The document that asks for the report ("268-KH/BKTTW"). */
  requestedById: integer("requested_by_id").references(() => documents.id, { onDelete: "set null" }),
  /** The document the report is on ("11-NQ/TW"): its chain is what the report covers. */
  subjectId: integer("subject_id").references(() => documents.id, { onDelete: "set null" }),
  /** Who reports (the provincial body that answers for it). */
  reporterId: integer("reporter_id").notNull().references(() => agencies.id, { onDelete: "restrict" }),
  /** To whom: the body when it is in the registry, and as written in any case. */
  recipientId: integer("recipient_id").references(() => agencies.id, { onDelete: "set null" }),
  recipientText: text("recipient_text").notNull(),
  frequency: text("frequency", { enum: OBLIGATION_FREQUENCIES }).notNull(),
  dueOn: date("due_on"),
  dueDay: integer("due_day"),
  dueMonthOffset: integer("due_month_offset").notNull().default(0),
  fromYear: integer("from_year"),
  toYear: integer("to_year"),
  note: text("note"),
  createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
  version: integer("version").notNull().default(1),
  ...timestamps,
}, (t) => [
  index("report_obligations_reporter_idx").on(t.reporterId),
  index("report_obligations_subject_idx").on(t.subjectId),
  check("report_obligations_frequency", oneOf(t.frequency, OBLIGATION_FREQUENCIES)),
  check("report_obligations_due", sql`(${t.frequency} = 'once') = (${t.dueOn} is not null) and (${t.frequency} = 'once' or ${t.dueDay} between 1 and 31)`),
  // Negative: before the period ends ("trước ngày 20/11 hằng năm" for the year is day 20, offset -1).
  check("report_obligations_offset", sql`${t.dueMonthOffset} between -11 and 12`),
  check("report_obligations_years", sql`${t.fromYear} is null or ${t.toYear} is null or ${t.fromYear} <= ${t.toYear}`),
]);

/** A report owed upward, recorded as sent for one of its periods ("2024", "2024-H1"; "once"), with its number and date. */
export const reportObligationSends = pgTable("report_obligation_sends", {
  obligationId: integer("obligation_id").notNull().references(() => reportObligations.id, { onDelete: "cascade" }),
  period: text("period").notNull(),
  /** The report as a document of the system, when it is one. */
  documentId: integer("document_id").references(() => documents.id, { onDelete: "set null" }),
  symbol: text("symbol"),
  sentOn: date("sent_on").notNull(),
  note: text("note"),
  recordedBy: integer("recorded_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.obligationId, t.period] })]);
