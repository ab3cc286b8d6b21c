import { z } from "zod";
import { isValidCalendarDate } from "../text/dates.js";
import { dateField, id, numberField, optionalText, pageQuery, text, year } from "../core/fields.js";
import { PROJECT_STATES } from "../evaluation/projects.js";
import { COMPARATORS, DEADLINE_KINDS, DIRECTIONS, PROJECT_MEASURES, TASK_ROLES, TASK_STATUSES, VALUE_KINDS } from "./schema.js";

/** Where an item came from: its section as numbered in the text and its clause's character span. */
const sourceFields = {
  sectionNumber: optionalText,
  sourceText: optionalText,
  startOffset: z.number().int().min(0).nullable().optional(),
  endOffset: z.number().int().min(0).nullable().optional(),
};

/** A deadline given explicitly: each kind needs its own fields, and a yearly day must exist (29/02 does, in leap years). */
export const deadlineInput = z.object({
  kind: z.enum(DEADLINE_KINDS),
  date: dateField.nullable().optional(),
  year: year.nullable().optional(),
  day: z.number().int().min(1).max(31).nullable().optional(),
  month: z.number().int().min(1).max(12).nullable().optional(),
  from: year.nullable().optional(),
  to: year.nullable().optional(),
}).superRefine((d, ctx) => {
  const missing = (path: string) => ctx.addIssue({ code: "custom", path: [path], params: { key: "field_required" } });
  if (d.kind === "date" && !d.date) missing("date");
  if (d.kind === "year" && d.year == null) missing("year");
  if (d.kind === "period") { if (d.from == null) missing("from"); if (d.to == null) missing("to"); }
  if (d.kind === "period" && d.from != null && d.to != null && d.from > d.to) ctx.addIssue({ code: "custom", path: ["to"], params: { key: "min_gt_max" } });
  if (d.kind === "yearly" && (d.day == null) !== (d.month == null)) missing(d.day == null ? "day" : "month");
  if (d.kind === "yearly" && d.day != null && d.month != null && !isValidCalendarDate({ year: 2024, month: d.month, day: d.day })) {
    ctx.addIssue({ code: "custom", path: ["day"], params: { key: "date_impossible" } });
  }
});

/** Fields of a task; defaults belong to creation only, so a PATCH never resets what it did not send. */
const taskFields = {
  documentId: id,
  text,
  leadIds: z.array(id).max(100),
  coordinatingIds: z.array(id).max(200),
  /**
   * The collective phrases the agencies above were read from, each with the agencies it brought in; an agency
   * listed here and not named on its own is shown under its phrase. Given with the ids it explains.
   */
  phrases: z.array(z.object({ role: z.enum(TASK_ROLES), phrase: z.string().trim().min(1).max(300), agencyIds: z.array(id).max(500) })).max(50),
  /** The deadline in the document's words; normalised automatically unless `deadline` is given. */
  deadlineText: optionalText,
  deadline: deadlineInput.optional(),
  expectedOutput: optionalText,
  status: z.enum(TASK_STATUSES),
  /**
   * Why the status is set (needed to mark a task completed or cancelled), the day it took effect (the day
   * completed; today when not given) and an evidence link or reference: set by the focal point on a PATCH,
   * which records who set it and when.
   */
  statusReason: z.string().trim().max(4000).transform((s) => s || null).nullable().optional(),
  statusOn: dateField.nullable().optional(),
  statusEvidence: z.string().trim().max(2000).transform((s) => s || null).nullable().optional(),
  ...sourceFields,
};
export const taskInput = z.object({
  ...taskFields, leadIds: taskFields.leadIds.default([]), coordinatingIds: taskFields.coordinatingIds.default([]), phrases: taskFields.phrases.default([]),
  status: taskFields.status.default("open"),
});
export type TaskInput = z.infer<typeof taskInput>;
export const taskPatch = z.object(taskFields).partial().extend({ version: z.number().int().positive() });
export type TaskPatch = z.infer<typeof taskPatch>;
export const taskListQuery = z.object({
  documentId: id.optional(), agencyId: id.optional(), role: z.enum(TASK_ROLES).optional(),
  status: z.enum(TASK_STATUSES).optional(), q: z.string().optional(), ...pageQuery,
});
export type TaskListQuery = z.infer<typeof taskListQuery>;

const indicatorFields = {
  documentId: id,
  name: text,
  unit: optionalText,
  comparator: z.enum(COMPARATORS),
  min: numberField.nullable().optional(),
  max: numberField.nullable().optional(),
  targetYear: year.nullable().optional(),
  perYear: z.boolean(),
  periodFrom: year.nullable().optional(),
  periodTo: year.nullable().optional(),
  baselineValue: numberField.nullable().optional(),
  baselineYear: year.nullable().optional(),
  direction: z.enum(DIRECTIONS),
  ownerId: id.nullable().optional(),
  ...sourceFields,
};
export const indicatorInput = z.object({ ...indicatorFields, perYear: indicatorFields.perYear.default(false), direction: indicatorFields.direction.default("higher") });
export type IndicatorInput = z.infer<typeof indicatorInput>;
export const indicatorPatch = z.object(indicatorFields).partial().extend({ version: z.number().int().positive() });
export type IndicatorPatch = z.infer<typeof indicatorPatch>;
export const indicatorListQuery = z.object({ documentId: id.optional(), ownerId: id.optional(), q: z.string().optional(), ...pageQuery });
export type IndicatorListQuery = z.infer<typeof indicatorListQuery>;

/** "2024", "2024-H1", "2024-Q3", "2024-05". */
export const PERIOD = /^(\d{4})(?:-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/;
const period = z.string().trim().refine((s) => PERIOD.test(s), { params: { key: "period_malformed" } }).meta({ example: "2024-Q3" });

const valueFields = {
  indicatorId: id,
  period,
  agencyId: id.nullable().optional(),
  value: numberField,
  kind: z.enum(VALUE_KINDS),
  sourceDocumentId: id.nullable().optional(),
  note: optionalText,
};
export const valueInput = z.object(valueFields);
export type ValueInput = z.infer<typeof valueInput>;
export const valuePatch = z.object(valueFields).partial().extend({ version: z.number().int().positive() });
export const valueListQuery = z.object({ indicatorId: id.optional(), agencyId: id.optional(), kind: z.enum(VALUE_KINDS).optional(), ...pageQuery });

const milestone = dateField.nullable().optional();
const amount = numberField.refine((x) => x >= 0, { params: { key: "number_negative" } });
const projectFields = {
  documentId: id.nullable().optional(), name: text, description: optionalText, leadId: id.nullable().optional(),
  location: optionalText, investment: amount.nullable().optional(), capitalSources: optionalText,
  areaHa: amount.nullable().optional(), lengthKm: amount.nullable().optional(),
  startsOn: milestone, clearanceDueOn: milestone, completesOn: milestone,
};
export const projectInput = z.object(projectFields);
export const projectPatch = z.object(projectFields).partial().extend({ version: z.number().int().positive() });
export const projectListQuery = z.object({
  documentId: id.optional(), planId: id.optional(), leadId: id.optional(), q: z.string().max(200).optional(),
  state: z.enum(PROJECT_STATES).optional(),
  /** "1": only projects a plan carries (not those only a report mentions). */
  carried: z.enum(["0", "1"]).optional(), ...pageQuery,
});

const metricFields = {
  label: text, value: numberField, of: numberField.nullable().optional(), unit: optionalText,
  asOf: dateField.nullable().optional(), sourceDocumentId: id.nullable().optional(),
  measure: z.enum(PROJECT_MEASURES).nullable().optional(), year: year.nullable().optional(), agencyId: id.nullable().optional(),
};
export const metricInput = z.object(metricFields);
export const metricPatch = z.object(metricFields).partial().extend({ version: z.number().int().positive() });
