import { z } from "zod";
import { id } from "../core/fields.js";
import { ROLES } from "./schema.js";

const username = z.string().trim().min(3).max(64).regex(/^[a-zA-Z0-9._-]+$/, "letters, digits, . _ -");
// Length is checked (with its own message) by the use case; here only a ceiling against huge bodies.
const password = z.string().min(1).max(256);

export const signInInput = z.object({ username: z.string().trim().min(1).max(64), password });
export const passwordChange = z.object({ currentPassword: password, newPassword: password });
export const passwordReset = z.object({ password });

/** Where reminders are sent; an empty field clears it. */
const email = z.string().trim().max(254).transform((v) => v || null).pipe(z.email().nullable()).nullable();

export const userInput = z.object({
  username,
  displayName: z.string().trim().min(1).max(200),
  email: email.optional(),
  role: z.enum(ROLES),
  agencyIds: z.array(id).max(100).optional(),
  password,
  /** Whether the user must choose a new password at first sign-in (default: yes). */
  mustChangePassword: z.boolean().optional(),
});
export type UserInput = z.infer<typeof userInput>;

export const userPatch = z.object({
  displayName: z.string().trim().min(1).max(200).optional(),
  email: email.optional(),
  role: z.enum(ROLES).optional(),
  agencyIds: z.array(id).max(100).optional(),
  disabled: z.boolean().optional(),
  /** Lifts a lock left by failed sign-ins. */
  unlock: z.boolean().optional(),
  version: z.number().int().positive(),
});
export type UserPatch = z.infer<typeof userPatch>;
