/**
 * Signing in and out. Outcomes: a session (a random token for the cookie, and its CSRF token), or
 * AppError unauthorized ("login_failed": unknown user, wrong password or disabled account, one answer
 * for all so that names do not leak; "account_locked": too many failures in a row).
 * Failures are counted on the account in the database, so the lock holds across restarts and instances.
 */
import { and, eq, gt, lt, sql } from "drizzle-orm";
import { createHash, randomBytes } from "node:crypto";
import { AppError } from "../core/errors.js";
import { asActor } from "../audit/audit.js";
import type { Database } from "../storage/database.js";
import { dummyHash, verifyPassword } from "./passwords.js";
import type { Actor } from "./policy.js";
import { sessions, userAgencies, users } from "./schema.js";

export const SESSION_COOKIE = "theodoi_session";
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
/** A session ends after this long without use (each use extends it). */
export const SESSION_IDLE_HOURS = 12;

export const tokenId = (token: string) => createHash("sha256").update(token).digest("hex");
const hoursFrom = (now: Date, hours: number) => new Date(now.getTime() + hours * 3_600_000).toISOString();

export interface SessionUser extends Actor { username: string; displayName: string; mustChangePassword: boolean }
export interface StartedSession { token: string; csrfToken: string; user: SessionUser }

export async function userWithAgencies(db: Database, id: number): Promise<SessionUser | null> {
  const [u] = await db.select().from(users).where(eq(users.id, id));
  if (!u || u.disabled) return null;
  const agencyRows = await db.select({ agencyId: userAgencies.agencyId }).from(userAgencies).where(eq(userAgencies.userId, id));
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, agencyIds: agencyRows.map((r) => r.agencyId), mustChangePassword: u.mustChangePassword };
}

export async function signIn(db: Database, input: { username: string; password: string }, now = new Date()): Promise<StartedSession> {
  const [u] = await db.select().from(users).where(eq(users.username, input.username.trim().toLowerCase()));
  if (!u) {
    await verifyPassword(await dummyHash(), input.password);
    throw new AppError("unauthorized", [], "login_failed");
  }
  if (u.lockedUntil && new Date(u.lockedUntil) > now) throw new AppError("unauthorized", [], "account_locked");
  const ok = await verifyPassword(u.passwordHash, input.password);
  if (!ok || u.disabled) {
    // Counted in one statement, so that concurrent failures all count; a lock that has run out starts the count again.
    const failures = sql`(case when ${users.lockedUntil} <= ${now.toISOString()}::timestamptz then 0 else ${users.failedLogins} end) + 1`;
    // Written in its own transaction (the sign-in fails, the count must stay), attributed to the account in the audit trail.
    const [after] = await asActor(db, { id: u.id, username: u.username }, "session.sign_in_failed", (tx) => tx.update(users).set({
      failedLogins: failures,
      lockedUntil: sql`case when ${failures} >= ${MAX_FAILED_LOGINS} then ${new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString()}::timestamptz else null end`,
    }).where(eq(users.id, u.id)).returning({ failedLogins: users.failedLogins }));
    throw new AppError("unauthorized", [], after.failedLogins >= MAX_FAILED_LOGINS ? "account_locked" : "login_failed");
  }
  if (u.failedLogins > 0 || u.lockedUntil) {
    await asActor(db, { id: u.id, username: u.username }, "session.sign_in", (tx) => tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, u.id)));
  }
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(32).toString("base64url");
  await db.insert(sessions).values({ id: tokenId(token), userId: u.id, csrfToken, expiresAt: hoursFrom(now, SESSION_IDLE_HOURS) });
  await db.delete(sessions).where(lt(sessions.expiresAt, now.toISOString())); // housekeeping
  return { token, csrfToken, user: (await userWithAgencies(db, u.id))! };
}

/**
 * The user of a live session, extending it; null for an unknown, expired or disabled one. The
 * extension is written at most once a minute per session: reads stay reads.
 */
export async function resumeSession(db: Database, token: string, now = new Date()): Promise<{ user: SessionUser; csrfToken: string } | null> {
  const [row] = await db.select().from(sessions).where(and(eq(sessions.id, tokenId(token)), gt(sessions.expiresAt, now.toISOString())));
  if (!row) return null;
  const extended = hoursFrom(now, SESSION_IDLE_HOURS);
  if (new Date(extended).getTime() - new Date(row.expiresAt).getTime() > 60_000) {
    await db.update(sessions).set({ expiresAt: extended }).where(eq(sessions.id, row.id));
  }
  const user = await userWithAgencies(db, row.userId);
  return user ? { user, csrfToken: row.csrfToken } : null;
}

export async function signOut(db: Database, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, tokenId(token)));
}
