/** What the reporting routes accept, validated at the edge. */
import { z } from "zod";
import { dateField, id, numberField } from "../core/fields.js";
import { progressInRange } from "./gaps.js";
import { PERIOD_KINDS, REPORTED_VALUE_KINDS, ROUND_STATUSES, TASK_REPORT_STATUSES } from "./schema.js";

const offsets = z.array(z.number().int().min(-90).max(90)).max(20);

export const roundInput = z.object({
  title: z.string().trim().min(1).max(500).nullable().optional(),
  documentIds: z.array(id).min(1).max(50),
  periodKind: z.enum(PERIOD_KINDS),
  periodYear: z.coerce.number().int().min(2000).max(2100),
  periodNumber: z.coerce.number().int().min(1).max(12).nullable().optional(),
  windowFrom: dateField.optional(),
  windowTo: dateField.optional(),
  dueOn: dateField.optional(),
  coordinatorId: id.nullable().optional(),
  reminderOffsets: offsets.optional(),
  /** The focal point confirms that the collecting agency (coordinatorId) takes the plans' indicators no agency owns; without it, such indicators refuse the round. */
  collectorTakesUnowned: z.boolean().optional(),
}).refine((r) => r.periodKind === "year" || r.periodNumber == null || r.periodNumber <= { half: 2, quarter: 4, month: 12 }[r.periodKind], { path: ["periodNumber"], params: { key: "period_number_required" } });
export type RoundInput = z.infer<typeof roundInput>;

export const roundPatch = z.object({
  title: z.string().trim().min(1).max(500).optional(),
  windowFrom: dateField.optional(),
  windowTo: dateField.optional(),
  dueOn: dateField.optional(),
  status: z.enum(ROUND_STATUSES).optional(),
  reminderOffsets: offsets.optional(),
  version: z.number().int().positive(),
});
export type RoundPatch = z.infer<typeof roundPatch>;

export const roundAgencyParams = z.object({ id, agencyId: id });

const longText = z.string().max(50_000);

/** A draft save: only what changed since the last save (the form saves as the user types). */
/** An amount as typed, never below zero. */
const amount = numberField.refine((x) => x >= 0, { params: { key: "number_negative" } });

export const submissionSave = z.object({
  /** The version read; 0 when the agency has not started its report. */
  version: z.number().int().min(0),
  results: longText.optional(),
  difficulties: longText.optional(),
  proposals: longText.optional(),
  tasks: z.array(z.object({
    taskId: id,
    status: z.enum(TASK_REPORT_STATUSES).nullable().optional(),
    // As typed: 95.5 or "95,5"; outside 0-100 refused with the field named, never clamped or rounded.
    progress: numberField.refine(progressInRange, { params: { key: "progress_out_of_range" } }).nullable().optional(),
    narrative: longText.optional(),
  })).max(5000).optional(),
  indicators: z.array(z.object({
    indicatorId: id,
    value: numberField.nullable().optional(),
    valueKind: z.enum(REPORTED_VALUE_KINDS).optional(),
    explanation: longText.optional(),
  })).max(5000).optional(),
  /** Key projects the agency carries out: billion đồng, ha, km as typed ("1.288,123"), progress 0-100 %. */
  projects: z.array(z.object({
    projectId: id,
    allocated: amount.nullable().optional(),
    disbursed: amount.nullable().optional(),
    clearedHa: amount.nullable().optional(),
    builtKm: amount.nullable().optional(),
    progress: numberField.refine(progressInRange, { params: { key: "progress_out_of_range" } }).nullable().optional(),
    narrative: longText.optional(),
    explanation: longText.optional(),
  })).max(1000).optional(),
  /** The actual figures the round asks for (replacing an estimate of `year`). */
  actuals: z.array(z.object({
    indicatorId: id,
    year: z.number().int().min(2000).max(2100),
    value: numberField.nullable().optional(),
    explanation: longText.optional(),
  })).max(5000).optional(),
});
export type SubmissionSave = z.infer<typeof submissionSave>;

export const versionInput = z.object({ version: z.number().int().positive() });
/** Sending may come before any draft was saved (version 0): the gaps are then named all at once. */
export const submitInput = z.object({ version: z.number().int().min(0) });
export const reviewInput = z.object({
  version: z.number().int().positive(),
  decision: z.enum(["accept", "return"]),
  comment: z.string().trim().max(10_000).default(""),
  /** Comments on single tasks or indicators, with a return: each is shown to the agency at its item. */
  items: z.array(z.union([
    z.object({ taskId: id, comment: z.string().trim().min(1).max(5000) }).strict(),
    z.object({ indicatorId: id, comment: z.string().trim().min(1).max(5000) }).strict(),
    z.object({ projectId: id, comment: z.string().trim().min(1).max(5000) }).strict(),
  ])).max(5000).optional(),
});
export type ReviewInput = z.infer<typeof reviewInput>;

export const evidenceQuery = z.object({ taskId: id.optional() });
/** An uploaded template: preview=1 answers what it would change and writes nothing. */
export const templateQuery = z.object({ preview: z.enum(["0", "1"]).optional() });

/** The round's version, read by the client, with each control's input. */
const roundVersion = { version: z.number().int().positive() };
export const extensionInput = z.object({ dueOn: dateField.nullable(), ...roundVersion });
export const reporterInput = z.object({ agencyId: id, dueOn: dateField.nullable().optional(), ...roundVersion });
export const remindInput = z.object({ agencyIds: z.array(id).min(1).max(500).optional() });
export const actualRequestInput = z.object({ indicatorId: id, year: z.number().int().min(2000).max(2100), ...roundVersion });
export const selfReviewInput = z.object({ allowed: z.boolean(), ...roundVersion });
export const acceptManyInput = z.object({ items: z.array(z.object({ agencyId: id, version: z.number().int().positive() })).min(1).max(500) });
