import { z } from "zod";
import { dateField, id, optionalText, pageQuery, text } from "../core/fields.js";
import { AGENCY_KINDS, SUCCESSION_KINDS } from "./schema.js";

export const agencyCode = z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "a-z, 0-9, -");

/** Fields of an agency; defaults belong to creation only, so a PATCH never resets what it did not send. */
const agencyFields = {
  code: agencyCode,
  name: text,
  aliases: z.array(text).max(30),
  kind: z.enum(AGENCY_KINDS),
  parentId: id.nullable().optional(),
  validFrom: dateField.nullable().optional(),
  validTo: dateField.nullable().optional(),
};
export const agencyInput = z.object({ ...agencyFields, aliases: agencyFields.aliases.default([]) });
export type AgencyInput = z.infer<typeof agencyInput>;

export const agencyPatch = z.object(agencyFields).partial().extend({ version: z.number().int().positive() });
export type AgencyPatch = z.infer<typeof agencyPatch>;

export const successionInput = z.object({
  successorId: id,
  effectiveDate: dateField,
  kind: z.enum(SUCCESSION_KINDS),
  note: optionalText,
});
export const successorsInput = z.object({ successors: z.array(successionInput).max(20), version: z.number().int().positive() });

/** A restructuring that takes effect: the agency is renamed, merged into or split among its successors on a date. */
export const restructureInput = z.object({
  kind: z.enum(SUCCESSION_KINDS),
  effectiveDate: dateField,
  successorIds: z.array(id).min(1).max(20),
  note: optionalText,
  version: z.number().int().positive(),
});
export type RestructureInput = z.infer<typeof restructureInput>;

export const agencyListQuery = z.object({
  q: z.string().optional(),
  kind: z.enum(AGENCY_KINDS).optional(),
  parentId: id.optional(),
  /** Only agencies in existence on this date. */
  activeOn: dateField.optional(),
  ...pageQuery,
});
export type AgencyListQuery = z.infer<typeof agencyListQuery>;

/** The portable form used by `theodoi agencies import|export`: references by code, not id. */
export const agencyExchangeRecord = z.object({
  code: agencyCode,
  name: text,
  aliases: z.array(text).default([]),
  kind: z.enum(AGENCY_KINDS),
  parent: agencyCode.nullable().optional(),
  validFrom: dateField.nullable().optional(),
  validTo: dateField.nullable().optional(),
  successors: z.array(z.object({
    code: agencyCode, effectiveDate: dateField, kind: z.enum(SUCCESSION_KINDS), note: optionalText,
  })).default([]),
});
export const agencyExchangeFile = z.object({ format: z.literal("theodoi-agencies"), version: z.literal(1), agencies: z.array(agencyExchangeRecord) });
export type AgencyExchangeRecord = z.infer<typeof agencyExchangeRecord>;
