/** What the routes of reports owed upward accept, validated at the edge (the obligation as a whole is checked in upward-records). */
import { z } from "zod";
import { dateField, id } from "../core/fields.js";
import { OCCURRENCE_STATES } from "./upward.js";
import { OBLIGATION_FREQUENCIES } from "./schema.js";

const title = z.string().trim().min(1).max(500);
const note = z.string().trim().max(5000).transform((s) => s || null).nullable().optional();

/** The years a report runs over, as a round's (a monthly report over two centuries would be 2,400 periods). */
const year = z.coerce.number().int().min(2000).max(2100);

const timing = {
  frequency: z.enum(OBLIGATION_FREQUENCIES),
  dueOn: dateField.nullable().optional(),
  dueDay: z.coerce.number().int().min(1).max(31).nullable().optional(),
  dueMonthOffset: z.coerce.number().int().min(-11).max(12).optional(),
  fromYear: year.nullable().optional(),
  toYear: year.nullable().optional(),
};

export const obligationInput = z.object({
  title,
  requestedById: id.nullable().optional(),
  subjectId: id.nullable().optional(),
  reporterId: id,
  recipientId: id.nullable().optional(),
  /** As the request writes it ("Ban Kinh tế Trung ương"); the recipient agency's name when left empty. */
  recipientText: z.string().trim().max(500).optional(),
  ...timing,
  note,
});
export type ObligationInput = z.infer<typeof obligationInput>;

export const obligationPatch = obligationInput.partial().extend({ version: z.number().int().positive() });
export type ObligationPatch = z.infer<typeof obligationPatch>;

/** "once", or a period label of the kinds the obligations use. */
const PERIOD = /^(once|\d{4}(-(H[12]|Q[1-4]|(0[1-9]|1[0-2])))?)$/;
const periodLabel = z.string().trim().max(10).refine((p) => PERIOD.test(p), { params: { key: "upward_period_invalid" } });

export const sendInput = z.object({
  period: periodLabel,
  /** The day it was sent; the linked document's date when left out. */
  sentOn: dateField.nullable().optional(),
  symbol: z.string().trim().max(100).transform((s) => s || null).nullable().optional(),
  documentId: id.nullable().optional(),
  note,
});
export type SendInput = z.infer<typeof sendInput>;

export const sendParams = z.object({ id, period: periodLabel });

export const LIST_STATES = [...OCCURRENCE_STATES.filter((s) => s !== "sent_on_time" && s !== "sent_late"), "done", "all"] as const;
export const listQuery = z.object({
  state: z.enum(LIST_STATES).default("all"),
  /** Days ahead that count as "due soon". */
  within: z.coerce.number().int().min(0).max(366).optional(),
  reporterId: id.optional(),
  /** Only the reports on this document or on one down its chain (a dashboard scoped to a resolution). */
  document: id.optional(),
});
export const dueQuery = z.object({ within: z.coerce.number().int().min(0).max(366).optional(), document: id.optional() });
export const deleteQuery = z.object({ version: z.coerce.number().int().positive() });
