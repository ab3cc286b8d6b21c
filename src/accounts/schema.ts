import { boolean, check, index, integer, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { agencies } from "../agencies/schema.js";
import { oneOf } from "../storage/checks.js";

/**
 * Who uses theodoi: administrators (users, agencies, restructuring), the focal point (plans, rounds,
 * review), agency reporters (their agencies' reports), leaders (read everything) and viewers.
 */
export const ROLES = ["admin", "focal_point", "reporter", "leader", "viewer"] as const;
export type Role = (typeof ROLES)[number];

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
};

export const users = pgTable("users", {
  id: serial("id").primaryKey(),
  /** Lower case; what the person types to sign in. */
  username: text("username").notNull(),
  displayName: text("display_name").notNull(),
  /** Where reminders are e-mailed; optional. */
  email: text("email"),
  /** Argon2id, in the PHC string format (parameters and salt included). */
  passwordHash: text("password_hash").notNull(),
  role: text("role", { enum: ROLES }).notNull(),
  /** Set by an administrator's reset: the person chooses a new password before anything else. */
  mustChangePassword: boolean("must_change_password").notNull().default(false),
  disabled: boolean("disabled").notNull().default(false),
  version: integer("version").notNull().default(1),
  ...timestamps,
}, (t) => [uniqueIndex("users_username_idx").on(t.username), check("users_role", oneOf(t.role, ROLES))]);

/** The agencies a reporter reports for. */
export const userAgencies = pgTable("user_agencies", {
  userId: integer("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  agencyId: integer("agency_id").notNull().references(() => agencies.id, { onDelete: "cascade" }),
}, (t) => [primaryKey({ columns: [t.userId, t.agencyId] }), index("user_agencies_agency_idx").on(t.agencyId)]);

/** A signed-in browser. The cookie holds a random token; only its SHA-256 is stored, so a read of this table signs nobody in. */
export const sessions = pgTable("sessions", {
  id: text("id").primaryKey(),
  userId: integer("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  /** Sent back in the X-CSRF-Token header of every write made with the cookie. */
  csrfToken: text("csrf_token").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  expiresAt: timestamp("expires_at", { withTimezone: true, mode: "string" }).notNull(),
}, (t) => [index("sessions_user_idx").on(t.userId)]);

/**
 * Failed sign-ins by the name typed, whether or not an account bears it: names with and without an
 * account are counted, locked and answered alike, so that the answers do not tell which exist.
 * Keyed by the SHA-256 of the name (lower case), so that a password typed into the name field is
 * not kept in clear. A success deletes the row; rows untouched for a day are deleted.
 */
export const signInFailures = pgTable("sign_in_failures", {
  nameHash: text("name_hash").primaryKey(),
  /** Failures in a row, since the last success or the end of the last lock. */
  failures: integer("failures").notNull(),
  lockedUntil: timestamp("locked_until", { withTimezone: true, mode: "string" }),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
}, (t) => [index("sign_in_failures_updated_idx").on(t.updatedAt)]);
