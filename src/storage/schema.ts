/** Every table, in one module for Drizzle and for whole-database backup. */
import { pgTable, text, timestamp } from "drizzle-orm/pg-core";
export * from "../agencies/schema.js";
export * from "../documents/schema.js";
export * from "../plans/schema.js";
export * from "../imports/schema.js";
export * from "../accounts/schema.js";
export * from "../reporting/schema.js";
export * from "../audit/schema.js";
export * from "../reports/schema.js";

/** Facts about the installation itself (e.g. whether the sample province was loaded). */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
});
