import { check, index, integer, jsonb, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { documents } from "../documents/schema.js";
import { oneOf } from "../storage/checks.js";
import type { Draft } from "./draft.js";

/** A published import is "superseded" when a later version of its document is published. */
export const IMPORT_STATUSES = ["draft", "published", "superseded", "discarded"] as const;

/**
 * An uploaded file on its way to becoming a published document: the text read from it, the
 * extractor's proposal as a draft a person edits, and, once published, the document it became.
 */
export const imports = pgTable("imports", {
  id: serial("id").primaryKey(),
  fileName: text("file_name").notNull(),
  /** SHA-256 of the uploaded bytes: the same file uploaded twice is recognised. */
  fileHash: text("file_hash").notNull(),
  fileSize: integer("file_size").notNull(),
  text: text("text").notNull(),
  draft: jsonb("draft").$type<Draft>().notNull(),
  status: text("status", { enum: IMPORT_STATUSES }).notNull().default("draft"),
  documentId: integer("document_id").references(() => documents.id, { onDelete: "set null" }),
  /** The published import of the same document this one would replace: a new version. */
  previousImportId: integer("previous_import_id"),
  publishedAt: timestamp("published_at", { withTimezone: true, mode: "string" }),
  version: integer("version").notNull().default(1),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
}, (t) => [
  index("imports_hash_idx").on(t.fileHash),
  index("imports_document_idx").on(t.documentId),
  check("imports_status", oneOf(t.status, IMPORT_STATUSES)),
]);
