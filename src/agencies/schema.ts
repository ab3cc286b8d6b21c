import { sql } from "drizzle-orm";
import { oneOf } from "../storage/checks.js";
import { check, date, index, integer, pgTable, primaryKey, serial, text, timestamp, type AnyPgColumn } from "drizzle-orm/pg-core";

export const AGENCY_KINDS = ["ppc", "department", "board", "armed_force", "district", "commune", "ministry", "party_body", "council", "other"] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];
export const SUCCESSION_KINDS = ["rename", "merge", "split", "transfer"] as const;

export const agencies = pgTable("agencies", {
  id: serial("id").primaryKey(),
  /** Stable code used by imports, exports and sample data ("so-tai-chinh"). */
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  /** Short names and aliases as documents write them ("Sở KH&ĐT", "Sở KHĐT"). */
  aliases: text("aliases").array().notNull().default(sql`'{}'::text[]`),
  kind: text("kind", { enum: AGENCY_KINDS }).notNull(),
  parentId: integer("parent_id").references((): AnyPgColumn => agencies.id, { onDelete: "restrict" }),
  validFrom: date("valid_from"),
  validTo: date("valid_to"),
  searchFolded: text("search_folded").notNull().default(""),
  version: integer("version").notNull().default(1),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
}, (t) => [
  index("agencies_parent_idx").on(t.parentId),
  index("agencies_search_idx").using("gin", sql`to_tsvector('simple', ${t.searchFolded})`),
  check("agencies_kind", oneOf(t.kind, AGENCY_KINDS)),
  check("agencies_valid_range", sql`${t.validTo} is null or ${t.validFrom} is null or ${t.validTo} >= ${t.validFrom}`),
]);

/** An agency replaced by one or more successors from a date (2025: Sở KH&ĐT merged into Sở Tài chính). */
export const agencySuccessions = pgTable("agency_successions", {
  predecessorId: integer("predecessor_id").notNull().references(() => agencies.id, { onDelete: "cascade" }),
  successorId: integer("successor_id").notNull().references(() => agencies.id, { onDelete: "cascade" }),
  effectiveDate: date("effective_date").notNull(),
  kind: text("kind", { enum: SUCCESSION_KINDS }).notNull(),
  note: text("note"),
}, (t) => [
  primaryKey({ columns: [t.predecessorId, t.successorId] }),
  index("agency_successions_successor_idx").on(t.successorId),
  check("agency_successions_kind", oneOf(t.kind, SUCCESSION_KINDS)),
  check("agency_successions_not_self", sql`${t.predecessorId} <> ${t.successorId}`),
]);
