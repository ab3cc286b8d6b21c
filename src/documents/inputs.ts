import { z } from "zod";
import { dateField, id, optionalText, pageQuery, text, year } from "../core/fields.js";
import { DOCUMENT_STATUSES, DOCUMENT_TYPES, LINK_KINDS } from "./schema.js";

/** Fields of a document; defaults belong to creation only, so a PATCH never resets what it did not send. */
const documentFields = {
  /** As written: "23/KH-UBND", "11-NQ/TW"; null for a draft whose number is blank. */
  symbol: optionalText,
  /** Derived from the symbol's type code when left out. */
  docType: z.enum(DOCUMENT_TYPES).optional(),
  issuerId: id.nullable().optional(),
  issuerText: optionalText,
  issuedOn: dateField.nullable().optional(),
  issuedText: optionalText,
  signer: optionalText,
  title: text,
  fullText: z.string().max(5_000_000).nullable().optional(),
  sourceFile: optionalText,
  status: z.enum(DOCUMENT_STATUSES),
  stub: z.boolean(),
};
export const documentInput = z.object({ ...documentFields, status: documentFields.status.default("draft"), stub: documentFields.stub.default(false) });
export type DocumentInput = z.infer<typeof documentInput>;

export const documentPatch = z.object(documentFields).partial().extend({ version: z.number().int().positive() });
export type DocumentPatch = z.infer<typeof documentPatch>;

export const documentListQuery = z.object({
  q: z.string().optional(),
  type: z.enum(DOCUMENT_TYPES).optional(),
  issuerId: id.optional(),
  /** Year of issue. */
  year: year.optional(),
  status: z.enum(DOCUMENT_STATUSES).optional(),
  /**
   * Include stubs (documents known only from a citation): all (true, the default), none, or those a published
   * document implements ("implemented": the tops of chains, a resolution known only by citation, as scopes).
   */
  stubs: z.enum(["true", "false", "implemented"]).default("true"),
  /** Start after this row (the `next` of the page before): a deep page without OFFSET. `page` is then only echoed. */
  after: z.string().max(200).optional(),
  ...pageQuery,
});
export type DocumentListQuery = z.infer<typeof documentListQuery>;

/** A plan's outline as numbered in its text; `parent` is the index of the enclosing section in this list. */
export const outlineInput = z.object({
  sections: z.array(z.object({
    number: text,
    title: optionalText,
    level: z.number().int().min(0).max(10),
    parent: z.number().int().min(0).nullable().optional(),
    startOffset: z.number().int().min(0).nullable().optional(),
    endOffset: z.number().int().min(0).nullable().optional(),
  })).max(2000),
  /** The document's version as read: the outline is part of the document. */
  version: z.number().int().positive(),
});
export type OutlineInput = z.infer<typeof outlineInput>;

export const linkInput = z.object({ fromId: id, toId: id, kind: z.enum(LINK_KINDS), note: optionalText });
export type LinkInput = z.infer<typeof linkInput>;
export const linkPatch = z.object({ kind: z.enum(LINK_KINDS).optional(), note: optionalText, version: z.number().int().positive() });
export const linkListQuery = z.object({ documentId: id.optional(), kind: z.enum(LINK_KINDS).optional(), ...pageQuery });
