import { integer, jsonb, pgTable, serial, timestamp, unique } from "drizzle-orm/pg-core";
import { users } from "../accounts/schema.js";
import { documents } from "../documents/schema.js";

/** The focal point's edits to a consolidated report's narrative, per plan and year: section key → text. */
export const reportDrafts = pgTable("report_drafts", {
  id: serial("id").primaryKey(),
  documentId: integer("document_id").notNull().references(() => documents.id, { onDelete: "cascade" }),
  year: integer("year").notNull(),
  sections: jsonb("sections").$type<Record<string, string>>().notNull().default({}),
  /** The report's form as the focal point set it: the template (state body or Party), title, number, recipients, signer. */
  form: jsonb("form").$type<Record<string, unknown>>().notNull().default({}),
  updatedBy: integer("updated_by").references(() => users.id, { onDelete: "set null" }),
  version: integer("version").notNull().default(1),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
}, (t) => [unique("report_drafts_plan_year_uq").on(t.documentId, t.year)]);
