/**
 * Managing users (administrators) and one's own password. Outcomes: the user, or AppError
 * validation (weak password, unknown agency, a reporter without an agency), duplicate (the
 * username is taken), not_found, conflict (stale version), unauthorized (wrong current password).
 * A changed or reset password ends the user's other sessions.
 */
import { and, asc, eq, ne } from "drizzle-orm";
import { AppError, invalid } from "../core/errors.js";
import { checkAgencies } from "../storage/references.js";
import type { Database } from "../storage/database.js";
import { findById, updateVersioned } from "../storage/records.js";
import { checkPasswordStrength, hashPassword, verifyPassword } from "./passwords.js";
import { sessions, userAgencies, users, type Role } from "./schema.js";
import { clearFailures, locksOf, tokenId, userWithAgencies, type SessionUser } from "./sessions.js";
import type { UserInput, UserPatch } from "./inputs.js";

export interface UserView { id: number; username: string; displayName: string; email: string | null; role: Role; agencyIds: number[]; disabled: boolean; lockedUntil: string | null; mustChangePassword: boolean; version: number }

const present = (u: typeof users.$inferSelect, agencyIds: number[], lockedUntil: string | null): UserView => ({
  id: u.id, username: u.username, displayName: u.displayName, email: u.email, role: u.role, agencyIds,
  disabled: u.disabled, lockedUntil, mustChangePassword: u.mustChangePassword, version: u.version,
});

async function viewOf(db: Database, id: number): Promise<UserView> {
  const u = await findById(db, users, id);
  const agencyRows = await db.select({ agencyId: userAgencies.agencyId }).from(userAgencies).where(eq(userAgencies.userId, id));
  return present(u, agencyRows.map((r) => r.agencyId), (await locksOf(db, [u.username])).get(u.username) ?? null);
}

/** Every user, in three queries whatever their number. */
export async function listUsers(db: Database): Promise<UserView[]> {
  const rows = await db.select().from(users).orderBy(asc(users.username));
  const links = await db.select().from(userAgencies);
  const locks = await locksOf(db, rows.map((u) => u.username));
  return rows.map((u) => present(u, links.filter((l) => l.userId === u.id).map((l) => l.agencyId), locks.get(u.username) ?? null));
}

async function writeAgencies(db: Database, userId: number, role: Role, agencyIds: number[]) {
  if (role === "reporter" && agencyIds.length === 0) throw invalid("agencyIds", "reporter_needs_agency");
  await checkAgencies(db, "agencyIds", agencyIds);
  await db.delete(userAgencies).where(eq(userAgencies.userId, userId));
  if (agencyIds.length) await db.insert(userAgencies).values([...new Set(agencyIds)].map((agencyId) => ({ userId, agencyId })));
}

export async function createUser(db: Database, input: UserInput): Promise<UserView> {
  checkPasswordStrength("password", input.password);
  const username = input.username.toLowerCase();
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (taken) throw new AppError("duplicate", [{ field: "username", key: "username_taken" }]);
  const [row] = await db.insert(users).values({
    username, displayName: input.displayName, email: input.email ?? null, role: input.role, passwordHash: await hashPassword(input.password),
    mustChangePassword: input.mustChangePassword ?? true,
  }).returning({ id: users.id });
  await writeAgencies(db, row.id, input.role, input.agencyIds ?? []);
  return viewOf(db, row.id);
}

export async function updateUser(db: Database, id: number, patch: UserPatch): Promise<UserView> {
  const { version, agencyIds, unlock, ...changes } = patch;
  const current = await findById(db, users, id);
  await updateVersioned(db, users, id, version, changes);
  if (unlock) await clearFailures(db, current.username);
  if (agencyIds !== undefined || changes.role !== undefined) {
    const existing = agencyIds ?? (await db.select({ agencyId: userAgencies.agencyId }).from(userAgencies).where(eq(userAgencies.userId, id))).map((r) => r.agencyId);
    await writeAgencies(db, id, changes.role ?? current.role, existing);
  }
  if (changes.disabled) await db.delete(sessions).where(eq(sessions.userId, id));
  return viewOf(db, id);
}

/** An administrator sets a temporary password: the user must choose a new one at next sign-in. */
export async function resetPassword(db: Database, id: number, password: string): Promise<UserView> {
  checkPasswordStrength("password", password);
  const u = await findById(db, users, id);
  await db.update(users).set({ passwordHash: await hashPassword(password), mustChangePassword: true }).where(eq(users.id, id));
  await clearFailures(db, u.username);
  await db.delete(sessions).where(eq(sessions.userId, id));
  return viewOf(db, id);
}

/** One's own password, proven by the current one; the other sessions end. */
export async function changePassword(db: Database, user: SessionUser, sessionToken: string, input: { currentPassword: string; newPassword: string }): Promise<SessionUser> {
  const u = await findById(db, users, user.id);
  if (!(await verifyPassword(u.passwordHash, input.currentPassword))) throw invalid("currentPassword", "password_wrong");
  checkPasswordStrength("newPassword", input.newPassword);
  if (input.newPassword === input.currentPassword) throw invalid("newPassword", "password_same");
  await db.update(users).set({ passwordHash: await hashPassword(input.newPassword), mustChangePassword: false }).where(eq(users.id, user.id));
  await db.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.id, tokenId(sessionToken))));
  return (await userWithAgencies(db, user.id))!;
}
