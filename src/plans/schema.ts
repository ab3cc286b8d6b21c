import { sql } from "drizzle-orm";
import { boolean, check, date, doublePrecision, index, integer, pgTable, primaryKey, serial, text, timestamp, unique, uniqueIndex } from "drizzle-orm/pg-core";
import { agencies } from "../agencies/schema.js";
import { users } from "../accounts/schema.js";
import { DOCUMENT_TYPES, documents, documentSections } from "../documents/schema.js";
import { oneOf } from "../storage/checks.js";

export const COMPARATORS = ["=", ">", ">=", "<", "<=", "range", "approx"] as const;
export const DIRECTIONS = ["higher", "lower"] as const;
export const VALUE_KINDS = ["actual", "estimate", "plan"] as const;
export const DEADLINE_KINDS = ["date", "year", "yearly", "ongoing", "period", "none"] as const;
export const TASK_STATUSES = ["open", "completed", "cancelled"] as const;
export const TASK_ROLES = ["lead", "coordinating"] as const;

const audit = () => ({
  version: integer("version").notNull().default(1),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
});

/** Where an item came from in its document: the section and the character span of its clause. */
const source = () => ({
  sectionId: integer("section_id").references(() => documentSections.id, { onDelete: "set null" }),
  sectionNumber: text("section_number"),
  sourceText: text("source_text"),
  startOffset: integer("start_offset"),
  endOffset: integer("end_offset"),
});

/** A target: an indicator's own (the one in force now), and each of its versions (indicatorTargets). */
const target = () => ({
  comparator: text("comparator", { enum: COMPARATORS }).notNull(),
  min: doublePrecision("min"),
  max: doublePrecision("max"),
  targetYear: integer("target_year"),
  /** The target is a rate per year ("giảm 2 - 3%/năm", "tăng bình quân 8%/năm"). */
  perYear: boolean("per_year").notNull().default(false),
  /** A yearly average over a period ("bình quân hằng năm thời kỳ 2021 - 2030"). */
  periodFrom: integer("period_from"),
  periodTo: integer("period_to"),
  direction: text("direction", { enum: DIRECTIONS }).notNull().default("higher"),
});

export const indicators = pgTable("indicators", {
  id: serial("id").primaryKey(),
  documentId: integer("document_id").notNull().references(() => documents.id, { onDelete: "cascade" }),
  name: text("name").notNull(),
  unit: text("unit"),
  ...target(),
  baselineValue: doublePrecision("baseline_value"),
  baselineYear: integer("baseline_year"),
  /** The agency that reports this indicator, when the plan names one. */
  ownerId: integer("owner_id").references(() => agencies.id, { onDelete: "set null" }),
  ...source(),
  searchFolded: text("search_folded").notNull().default(""),
  ...audit(),
}, (t) => [
  index("indicators_document_idx").on(t.documentId),
  index("indicators_owner_idx").on(t.ownerId),
  index("indicators_search_idx").using("gin", sql`to_tsvector('simple', ${t.searchFolded})`),
  // Every beginning of every word: what search asks for a typed word (src/search, migration 0017).
  index("indicators_search_prefix_idx").using("gin", sql`search_prefixes(${t.searchFolded})`),
  check("indicators_comparator", oneOf(t.comparator, COMPARATORS)),
  check("indicators_direction", oneOf(t.direction, DIRECTIONS)),
  check("indicators_bounds", sql`${t.min} is null or ${t.max} is null or ${t.min} <= ${t.max}`),
  check("indicators_period", sql`${t.periodFrom} is null or ${t.periodTo} is null or ${t.periodFrom} <= ${t.periodTo}`),
]);

export const indicatorValues = pgTable("indicator_values", {
  id: serial("id").primaryKey(),
  indicatorId: integer("indicator_id").notNull().references(() => indicators.id, { onDelete: "cascade" }),
  /** "2024", "2024-H1", "2024-Q3", "2024-05". */
  period: text("period").notNull(),
  periodYear: integer("period_year").notNull(),
  agencyId: integer("agency_id").references(() => agencies.id, { onDelete: "set null" }),
  value: doublePrecision("value").notNull(),
  kind: text("kind", { enum: VALUE_KINDS }).notNull(),
  sourceDocumentId: integer("source_document_id").references(() => documents.id, { onDelete: "set null" }),
  note: text("note"),
  ...audit(),
}, (t) => [
  unique("indicator_values_uq").on(t.indicatorId, t.period, t.agencyId, t.kind).nullsNotDistinct(),
  index("indicator_values_year_idx").on(t.indicatorId, t.periodYear),
  check("indicator_values_kind", oneOf(t.kind, VALUE_KINDS)),
]);

/** A deadline: a task's own (the one in force now), and each of its versions (taskVersions). */
const deadline = () => ({
  deadlineKind: text("deadline_kind", { enum: DEADLINE_KINDS }).notNull(),
  deadlineDate: date("deadline_date"),
  deadlineYear: integer("deadline_year"),
  deadlineDay: integer("deadline_day"),
  deadlineMonth: integer("deadline_month"),
  periodFrom: integer("period_from"),
  periodTo: integer("period_to"),
  /** The deadline in the document's own words ("trước ngày 15/12 hằng năm"). */
  deadlineText: text("deadline_text"),
});

export const tasks = pgTable("tasks", {
  id: serial("id").primaryKey(),
  documentId: integer("document_id").notNull().references(() => documents.id, { onDelete: "cascade" }),
  text: text("text").notNull(),
  ...deadline(),
  // A task given none has "none"; a version always says what it changed to.
  deadlineKind: text("deadline_kind", { enum: DEADLINE_KINDS }).notNull().default("none"),
  /** What the task must produce, where named (a plan, a scheme, a report). */
  expectedOutput: text("expected_output"),
  status: text("status", { enum: TASK_STATUSES }).notNull().default("open"),
  /**
   * Why the focal point set the status (completed, cancelled, or open again), the day it took effect (the
   * day completed: on time or late against the deadline), an evidence link or reference, and who set it
   * when. Null for a status that came with the document. A status set so counts over the agencies' reports.
   */
  statusReason: text("status_reason"),
  statusOn: date("status_on"),
  statusEvidence: text("status_evidence"),
  statusSetBy: integer("status_set_by").references(() => users.id, { onDelete: "set null" }),
  statusSetAt: timestamp("status_set_at", { withTimezone: true, mode: "string" }),
  ...source(),
  searchFolded: text("search_folded").notNull().default(""),
  ...audit(),
}, (t) => [
  index("tasks_document_idx").on(t.documentId),
  // A task's place in its document by its id alone (an index-only scan): an agency's tasks, found by task_agencies,
  // are put in document order without reading each task's row (thousands for a ministry at national size).
  index("tasks_place_idx").on(t.id, t.documentId, t.startOffset),
  index("tasks_search_idx").using("gin", sql`to_tsvector('simple', ${t.searchFolded})`),
  // Every beginning of every word: what search asks for a typed word (src/search, migration 0017).
  index("tasks_search_prefix_idx").using("gin", sql`search_prefixes(${t.searchFolded})`),
  check("tasks_deadline_kind", oneOf(t.deadlineKind, DEADLINE_KINDS)),
  check("tasks_status", oneOf(t.status, TASK_STATUSES)),
]);

export const taskAgencies = pgTable("task_agencies", {
  taskId: integer("task_id").notNull().references(() => tasks.id, { onDelete: "cascade" }),
  agencyId: integer("agency_id").notNull().references(() => agencies.id, { onDelete: "restrict" }),
  role: text("role", { enum: TASK_ROLES }).notNull(),
  position: integer("position").notNull().default(0),
  /**
   * The collective phrase that brought the agency in ("các sở, ban, ngành"), or null when the text names it:
   * lists show the phrase with its count, and a phrase's partners owe no report for the task (see owedByAgency).
   */
  via: text("via"),
}, (t) => [
  primaryKey({ columns: [t.taskId, t.agencyId, t.role] }),
  // With the task: an agency's tasks read from the index alone.
  index("task_agencies_agency_idx").on(t.agencyId, t.role, t.taskId),
  check("task_agencies_role", oneOf(t.role, TASK_ROLES)),
]);

/**
 * What a project is followed by: the area of its site clearance (ha), the length handed over or built (km),
 * its total investment, the capital planned and allocated for a year and what of it is disbursed (billion
 * đồng), and its physical progress (%).
 */
export const PROJECT_MEASURES = ["clearance", "length", "investment", "capital_planned", "capital_allocated", "disbursed", "progress"] as const;
export type ProjectMeasure = (typeof PROJECT_MEASURES)[number];
/** A document carries a project (a plan lists it) or reports on it (a report gives its figures). */
export const PROJECT_LINK_ROLES = ["carries", "reports"] as const;

/** A key project: one record however many documents name it (see project-matching.ts). */
export const projects = pgTable("projects", {
  id: serial("id").primaryKey(),
  /** The document that first named it: what decides whether a reader who sees no drafts sees it. */
  documentId: integer("document_id").references(() => documents.id, { onDelete: "set null" }),
  name: text("name").notNull(),
  description: text("description"),
  /** The investor, or the agency that leads it: it reports the project in rounds. */
  leadId: integer("lead_id").references(() => agencies.id, { onDelete: "set null" }),
  location: text("location"),
  /** Total investment, billion đồng. */
  investment: doublePrecision("investment"),
  capitalSources: text("capital_sources"),
  /** What its site clearance and its length come to in all: the measures' targets. */
  areaHa: doublePrecision("area_ha"),
  lengthKm: doublePrecision("length_km"),
  /** Milestones: work starts, the site is cleared, the project is completed. */
  startsOn: date("starts_on"),
  clearanceDueOn: date("clearance_due_on"),
  completesOn: date("completes_on"),
  searchFolded: text("search_folded").notNull().default(""),
  ...audit(),
}, (t) => [
  index("projects_document_idx").on(t.documentId),
  index("projects_lead_idx").on(t.leadId),
  index("projects_search_idx").using("gin", sql`to_tsvector('simple', ${t.searchFolded})`),
]);

/** The documents that name a project: the plans that carry it and the reports that give its figures. */
export const projectDocuments = pgTable("project_documents", {
  projectId: integer("project_id").notNull().references(() => projects.id, { onDelete: "cascade" }),
  documentId: integer("document_id").notNull().references(() => documents.id, { onDelete: "cascade" }),
  role: text("role", { enum: PROJECT_LINK_ROLES }).notNull(),
  /** The name as that document writes it. */
  nameAsWritten: text("name_as_written"),
}, (t) => [
  primaryKey({ columns: [t.projectId, t.documentId] }),
  index("project_documents_document_idx").on(t.documentId),
  check("project_documents_role", oneOf(t.role, PROJECT_LINK_ROLES)),
]);

/**
 * One measured figure of a project: "366,55/640,28 ha" is value 366.55 of 640.28 ha, as of the date the
 * text gives. `measure` says which of PROJECT_MEASURES it is (null: a figure no measure follows, such as
 * households counted); `year` is the capital year of a planned, allocated or disbursed figure.
 */
export const projectMetrics = pgTable("project_metrics", {
  id: serial("id").primaryKey(),
  projectId: integer("project_id").notNull().references(() => projects.id, { onDelete: "cascade" }),
  label: text("label").notNull(),
  value: doublePrecision("value").notNull(),
  of: doublePrecision("of"),
  unit: text("unit"),
  asOf: date("as_of"),
  measure: text("measure", { enum: PROJECT_MEASURES }),
  year: integer("year"),
  sourceDocumentId: integer("source_document_id").references(() => documents.id, { onDelete: "set null" }),
  /** The agency that reported it in a round (as for indicator values); null for a figure a document gives. */
  agencyId: integer("agency_id").references(() => agencies.id, { onDelete: "set null" }),
  ...audit(),
}, (t) => [
  index("project_metrics_project_idx").on(t.projectId, t.measure),
  check("project_metrics_measure", sql`${t.measure} is null or ${oneOf(t.measure, PROJECT_MEASURES)}`),
]);

/**
 * A lower document's indicator serves an indicator of a document it implements (a department's plan's
 * figure counts towards the province's target, the province's towards the resolution's): the ancestor's
 * target is then judged on the values of those that serve it where it has none of its own. Suggested by
 * name matching and kept only once a person confirms it.
 */
export const indicatorContributions = pgTable("indicator_contributions", {
  indicatorId: integer("indicator_id").notNull().references(() => indicators.id, { onDelete: "cascade" }),
  servesId: integer("serves_id").notNull().references(() => indicators.id, { onDelete: "cascade" }),
  confirmedBy: integer("confirmed_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.indicatorId, t.servesId] }),
  index("indicator_contributions_serves_idx").on(t.servesId),
  check("indicator_contributions_not_self", sql`${t.indicatorId} <> ${t.servesId}`),
]);

/** How an obligation to issue a document was met: matched on import, confirmed in the review, or set by hand. */
export const FULFILMENT_WAYS = ["matched", "confirmed", "set"] as const;

/**
 * A task whose output is a document ("các sở xây dựng kế hoạch triển khai") obliges each lead agency to
 * issue it: one row per task and agency, met by the document that does (on time or late against the
 * task's deadline).
 */
export const documentObligations = pgTable("document_obligations", {
  id: serial("id").primaryKey(),
  taskId: integer("task_id").notNull().references(() => tasks.id, { onDelete: "cascade" }),
  agencyId: integer("agency_id").notNull().references(() => agencies.id, { onDelete: "restrict" }),
  /** The kind of document asked for. */
  docType: text("doc_type", { enum: DOCUMENT_TYPES }).notNull(),
  /** What the task asks for, as written ("Kế hoạch triển khai thực hiện Chương trình"). */
  outputText: text("output_text"),
  /** The day it is due, from the task's deadline (null: none given). */
  dueOn: date("due_on"),
  fulfilledById: integer("fulfilled_by_id").references(() => documents.id, { onDelete: "set null" }),
  fulfilledHow: text("fulfilled_how", { enum: FULFILMENT_WAYS }),
  fulfilledBy: integer("fulfilled_by_user").references(() => users.id, { onDelete: "set null" }),
  fulfilledAt: timestamp("fulfilled_at", { withTimezone: true, mode: "string" }),
  ...audit(),
}, (t) => [
  unique("document_obligations_task_agency_uq").on(t.taskId, t.agencyId),
  index("document_obligations_agency_idx").on(t.agencyId),
  index("document_obligations_fulfilled_idx").on(t.fulfilledById),
  check("document_obligations_doc_type", oneOf(t.docType, DOCUMENT_TYPES)),
  check("document_obligations_fulfilled_how", sql`${t.fulfilledHow} is null or ${oneOf(t.fulfilledHow, FULFILMENT_WAYS)}`),
  check("document_obligations_met", sql`(${t.fulfilledById} is null) = (${t.fulfilledHow} is null)`),
]);

/** Who set a version of a target or a task: the document (the amending one; the item's own for the original), its clause, the person. */
const setBy = () => ({
  sourceDocumentId: integer("source_document_id").references(() => documents.id, { onDelete: "set null" }),
  /** The clause as written ("sửa đổi chỉ tiêu ... thành 65%"). */
  sourceText: text("source_text"),
  createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
});

/**
 * A target as it stood from a day on: an amending document ("sửa đổi, bổ sung") changes an indicator's target
 * from the day it takes effect, and each year is judged against the target in force then. The indicator's own
 * columns hold the target in force now; these rows hold every version, the original included (`inForceFrom`
 * null: from the start), so history stays visible.
 */
export const indicatorTargets = pgTable("indicator_targets", {
  id: serial("id").primaryKey(),
  indicatorId: integer("indicator_id").notNull().references(() => indicators.id, { onDelete: "cascade" }),
  inForceFrom: date("in_force_from"),
  ...target(),
  ...setBy(),
}, (t) => [
  uniqueIndex("indicator_targets_in_force_uq").on(t.indicatorId, sql`coalesce(${t.inForceFrom}, '0001-01-01'::date)`),
  check("indicator_targets_comparator", oneOf(t.comparator, COMPARATORS)),
  check("indicator_targets_direction", oneOf(t.direction, DIRECTIONS)),
  check("indicator_targets_bounds", sql`${t.min} is null or ${t.max} is null or ${t.min} <= ${t.max}`),
]);

/**
 * A task as it stood from a day on (its text and deadline changed by an amending document), the original
 * included (`inForceFrom` null); the task's own columns hold the version in force now.
 */
export const taskVersions = pgTable("task_versions", {
  id: serial("id").primaryKey(),
  taskId: integer("task_id").notNull().references(() => tasks.id, { onDelete: "cascade" }),
  inForceFrom: date("in_force_from"),
  text: text("text").notNull(),
  ...deadline(),
  /** Cancelled from that day (a provision repealed). */
  cancelled: boolean("cancelled").notNull().default(false),
  ...setBy(),
}, (t) => [
  uniqueIndex("task_versions_in_force_uq").on(t.taskId, sql`coalesce(${t.inForceFrom}, '0001-01-01'::date)`),
  check("task_versions_deadline_kind", oneOf(t.deadlineKind, DEADLINE_KINDS)),
]);
