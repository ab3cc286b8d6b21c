import { sql } from "drizzle-orm";
import { boolean, check, customType, date, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "../accounts/schema.js";
import { agencies } from "../agencies/schema.js";
import { oneOf } from "../storage/checks.js";

export const DOCUMENT_TYPES = [
  "resolution", "conclusion", "decision", "programme", "plan", "directive", "notice", "report", "submission",
  "guidance", "decree", "circular", "regulation", "scheme", "letter", "joint_circular", "rule", "law", "other",
] as const;
export const DOCUMENT_STATUSES = ["draft", "published"] as const;
/** "amends": sửa đổi, bổ sung; "replaces": thay thế; "repeals": bãi bỏ (the document, or some of its provisions). */
export const LINK_KINDS = ["implements", "cites", "amends", "replaces", "repeals"] as const;

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const documents = pgTable("documents", {
  id: serial("id").primaryKey(),
  /** The symbol as written ("52-CTr/TU"); null for a draft whose number is blank or a document without one. */
  symbol: text("symbol"),
  /** Canonical key shared by every spelling of the symbol (see text/symbols). */
  symbolKey: text("symbol_key"),
  number: text("number"),
  symbolYear: integer("symbol_year"),
  typeCode: text("type_code"),
  issuerCode: text("issuer_code"),
  docType: text("doc_type", { enum: DOCUMENT_TYPES }).notNull(),
  issuerId: integer("issuer_id").references(() => agencies.id, { onDelete: "set null" }),
  /** The issuer as the text names it ("Ban Chấp hành Đảng bộ tỉnh"), kept even when resolved to an agency. */
  issuerText: text("issuer_text"),
  issuedOn: date("issued_on"),
  /** The date as written when it cannot be a full date ("tháng 5 năm 2024" in a draft). */
  issuedText: text("issued_text"),
  signer: text("signer"),
  title: text("title").notNull(),
  fullText: text("full_text"),
  sourceFile: text("source_file"),
  status: text("status", { enum: DOCUMENT_STATUSES }).notNull().default("draft"),
  /** Known only because another document cites it: metadata from the citation, no text. */
  stub: boolean("stub").notNull().default(false),
  searchFolded: text("search_folded").notNull().default(""),
  /** Folded full text: searched with a lower weight than the symbol and title. */
  bodyFolded: text("body_folded").notNull().default(""),
  searchVector: tsvector("search_vector").generatedAlwaysAs(
    sql`setweight(to_tsvector('simple', search_folded), 'A') || setweight(to_tsvector('simple', body_folded), 'D')`,
  ),
  version: integer("version").notNull().default(1),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
}, (t) => [
  // One document per symbol and year: a province numbers its documents anew each year ("58/NQ-HĐND" of 2023
  // and of 2025 are two); the year is the symbol's own ("09/2019/NĐ-CP") or the year issued (0 when undated).
  uniqueIndex("documents_symbol_key_year_uq").on(t.symbolKey, sql`coalesce(${t.symbolYear}, extract(year from ${t.issuedOn})::integer, 0)`),
  // The lists' default order: newest first, undated last. The status after the unique id orders nothing: it lets a
  // page of the published record find its rows in the index alone (a deep page skips thousands of them).
  index("documents_issued_idx").on(t.issuedOn.desc().nullsLast(), t.id.desc(), t.status),
  // Whether a document is published, from the index alone (inPublishedDocument): thousands of tasks or indicators
  // checked at once are joined to it in id order instead of reading each document's row.
  index("documents_status_idx").on(t.id, t.status),
  index("documents_type_idx").on(t.docType),
  index("documents_issuer_idx").on(t.issuerId),
  index("documents_search_idx").using("gin", t.searchVector),
  // Every beginning of every word of the symbol and title, which search lists first (src/search, migration 0017).
  index("documents_title_prefix_idx").using("gin", sql`search_prefixes(${t.searchFolded})`),
  check("documents_doc_type", oneOf(t.docType, DOCUMENT_TYPES)),
  check("documents_status", oneOf(t.status, DOCUMENT_STATUSES)),
]);

export const documentLinks = pgTable("document_links", {
  id: serial("id").primaryKey(),
  fromId: integer("from_id").notNull().references(() => documents.id, { onDelete: "cascade" }),
  toId: integer("to_id").notNull().references(() => documents.id, { onDelete: "cascade" }),
  kind: text("kind", { enum: LINK_KINDS }).notNull(),
  note: text("note"),
  version: integer("version").notNull().default(1),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex("document_links_uq").on(t.fromId, t.toId, t.kind),
  index("document_links_to_idx").on(t.toId, t.kind),
  check("document_links_kind", oneOf(t.kind, LINK_KINDS)),
  check("document_links_not_self", sql`${t.fromId} <> ${t.toId}`),
]);

/** A plan's outline: sections as numbered in the text (I, 1, 1.1, a ...), with their character span. */
export const documentSections = pgTable("document_sections", {
  id: serial("id").primaryKey(),
  documentId: integer("document_id").notNull().references(() => documents.id, { onDelete: "cascade" }),
  parentId: integer("parent_id"),
  number: text("number").notNull(),
  title: text("title"),
  level: integer("level").notNull(),
  position: integer("position").notNull(),
  startOffset: integer("start_offset"),
  endOffset: integer("end_offset"),
}, (t) => [index("document_sections_doc_idx").on(t.documentId, t.position)]);

/**
 * A document to review because one it implements was amended, replaced or repealed (a department's plan under
 * a provincial plan whose target changed): shown on it and the focal point's board until someone marks it
 * reviewed. `changeId` is the amending document.
 */
export const documentFlags = pgTable("document_flags", {
  id: serial("id").primaryKey(),
  documentId: integer("document_id").notNull().references(() => documents.id, { onDelete: "cascade" }),
  changeId: integer("change_id").notNull().references(() => documents.id, { onDelete: "cascade" }),
  /** What changed above, in words ("Chỉ tiêu tỷ lệ che phủ rừng: 67% → 65% từ 01/7/2025"). */
  note: text("note"),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  resolvedAt: timestamp("resolved_at", { withTimezone: true, mode: "string" }),
  resolvedBy: integer("resolved_by").references(() => users.id, { onDelete: "set null" }),
}, (t) => [
  uniqueIndex("document_flags_uq").on(t.documentId, t.changeId),
  index("document_flags_open_idx").on(t.documentId).where(sql`resolved_at is null`),
]);
