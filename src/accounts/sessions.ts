/**
 * Signing in and out, and whether a session still holds. Signing in ends in a session (a random
 * token for the cookie, and its CSRF token) or in AppError unauthorized "login_failed": one answer,
 * in the same words and after the same work (one Argon2id verification, one failure recorded), for
 * an unknown name, a wrong password, a disabled account and a locked one, so that nothing tells
 * which names have accounts. Failures are counted by name in the database (sign_in_failures), so
 * the lock holds across restarts and instances; administrators see an account's lock.
 */
import { and, eq, gt, inArray, isNotNull, lt, sql } from "drizzle-orm";
import { createHash, randomBytes } from "node:crypto";
import { AppError } from "../core/errors.js";
import { asActor } from "../audit/audit.js";
import { queryRows, type Database } from "../storage/database.js";
import { dummyHash, verifyPassword } from "./passwords.js";
import type { Actor } from "./policy.js";
import { sessions, signInFailures, userAgencies, users } from "./schema.js";
import { agencies, agencySuccessions } from "../agencies/schema.js";

export const SESSION_COOKIE = "theodoi_session";
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
/** A session ends after this long without use (each use extends it). */
export const SESSION_IDLE_HOURS = 12;

/** A name's failures are forgotten this long after its last one (a lock lasts far less). */
const FORGET_FAILURES_HOURS = 24;

export const tokenId = (token: string) => createHash("sha256").update(token).digest("hex");
/** The key of a typed name's failures (migration 0007 computes the same in SQL). */
export const nameKey = (username: string) => createHash("sha256").update(username.trim().toLowerCase()).digest("hex");
const hoursFrom = (now: Date, hours: number) => new Date(now.getTime() + hours * 3_600_000).toISOString();

export interface SessionUser extends Actor { username: string; displayName: string; mustChangePassword: boolean }
export interface StartedSession { token: string; csrfToken: string; user: SessionUser }

export async function userWithAgencies(db: Database, id: number): Promise<SessionUser | null> {
  const [u] = await db.select().from(users).where(eq(users.id, id));
  if (!u || u.disabled) return null;
  const agencyRows = await db.select({ agencyId: userAgencies.agencyId }).from(userAgencies).where(eq(userAgencies.userId, id));
  const own = agencyRows.map((r) => r.agencyId);
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, agencyIds: [...own, ...await endedPredecessors(db, own)], mustChangePassword: u.mustChangePassword };
}

/**
 * The agencies that ended and whose work passed to `agencyIds` (Sở Kế hoạch và Đầu tư's to Sở Tài chính on
 * 1/3/2025), followed back through every step: a successor acts for them, so that a round on a period before
 * the change (a retrospective round) can be reported by the body that carries on their work.
 */
async function endedPredecessors(db: Database, agencyIds: number[]): Promise<number[]> {
  const found = new Set<number>();
  for (let frontier = agencyIds; frontier.length;) {
    const rows = await db.select({ id: agencySuccessions.predecessorId }).from(agencySuccessions)
      .innerJoin(agencies, eq(agencies.id, agencySuccessions.predecessorId))
      .where(and(inArray(agencySuccessions.successorId, frontier), isNotNull(agencies.validTo)));
    frontier = rows.map((r) => r.id).filter((x) => !found.has(x) && !agencyIds.includes(x));
    for (const x of frontier) found.add(x);
  }
  return [...found];
}

export async function signIn(db: Database, input: { username: string; password: string }, now = new Date()): Promise<StartedSession> {
  const key = nameKey(input.username);
  const [u] = await db.select().from(users).where(eq(users.username, input.username.trim().toLowerCase()));
  const [failed] = await db.select().from(signInFailures).where(eq(signInFailures.nameHash, key));
  // Verified even when locked or unknown (against a hash no password matches): every answer costs one verification.
  const ok = await verifyPassword(u?.passwordHash ?? (await dummyHash()), input.password);
  const locked = failed?.lockedUntil != null && new Date(failed.lockedUntil) > now;
  if (!u || u.disabled || !ok || locked) {
    await recordFailure(db, key, u ?? null, now);
    throw new AppError("unauthorized", [], "login_failed", { failures: String(MAX_FAILED_LOGINS), minutes: String(LOCK_MINUTES) });
  }
  if (failed) await asActor(db, { id: u.id, username: u.username }, "session.sign_in", (tx) => tx.delete(signInFailures).where(eq(signInFailures.nameHash, key)));
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(32).toString("base64url");
  await db.insert(sessions).values({ id: tokenId(token), userId: u.id, csrfToken, expiresAt: hoursFrom(now, SESSION_IDLE_HOURS) });
  // Housekeeping: expired sessions, and failures long past (no lock among them).
  await db.delete(sessions).where(lt(sessions.expiresAt, now.toISOString()));
  await asActor(db, null, "session.housekeeping", (tx) => tx.delete(signInFailures).where(lt(signInFailures.updatedAt, hoursFrom(now, -FORGET_FAILURES_HOURS))));
  return { token, csrfToken, user: (await userWithAgencies(db, u.id))! };
}

/**
 * One more failure for a name, in one statement (concurrent failures all count), in its own
 * transaction (the sign-in fails, the count must stay), attributed to the account if there is one.
 * The fifth in a row locks the name for LOCK_MINUTES; failures while locked neither count nor extend
 * the lock, and once it has run out counting starts again. Every case runs this same statement.
 */
async function recordFailure(db: Database, key: string, u: { id: number; username: string } | null, now: Date): Promise<void> {
  const at = now.toISOString();
  const lockedNow = sql`${signInFailures.lockedUntil} > ${at}::timestamptz`;
  const lockEnded = sql`${signInFailures.lockedUntil} <= ${at}::timestamptz`;
  const failures = sql`case when ${lockedNow} then ${signInFailures.failures} when ${lockEnded} then 1 else ${signInFailures.failures} + 1 end`;
  const lockUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString();
  await asActor(db, u && { id: u.id, username: u.username }, "session.sign_in_failed", (tx) => tx.insert(signInFailures)
    .values({ nameHash: key, failures: 1, lockedUntil: null, updatedAt: at })
    .onConflictDoUpdate({ target: signInFailures.nameHash, set: {
      failures,
      lockedUntil: sql`case when ${lockedNow} then ${signInFailures.lockedUntil} when ${failures} >= ${MAX_FAILED_LOGINS} then ${lockUntil}::timestamptz end`,
      updatedAt: at,
    } }));
}

/** Lifts a name's lock and forgets its failures (an administrator's unlock, a password reset). */
export async function clearFailures(db: Database, username: string): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.nameHash, nameKey(username)));
}

/** When each name's lock ends (null when not locked), for the administrators' list of users. */
export async function locksOf(db: Database, usernames: string[], now = new Date()): Promise<Map<string, string | null>> {
  const byKey = new Map(usernames.map((n) => [nameKey(n), n]));
  const rows = byKey.size ? await db.select().from(signInFailures).where(and(inArray(signInFailures.nameHash, [...byKey.keys()]), gt(signInFailures.lockedUntil, now.toISOString()))) : [];
  return new Map(rows.map((r) => [byKey.get(r.nameHash)!, r.lockedUntil]));
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

/**
 * Whether the session still holds (not signed out or ended by a password change, not expired, its
 * user not disabled), checked inside a write's transaction where the database is authoritative,
 * whichever instance ended it. The rows stay locked until the write commits: a sign-out, password
 * change or disable either came first (and this answers false) or waits for the write to finish.
 * KEY SHARE on the session lets its idle extension (an update) go on; SHARE on the user holds any update of it.
 */
export async function sessionHolds(tx: Database, token: string, now = new Date()): Promise<boolean> {
  const rows = await queryRows(tx, sql`select 1 from ${sessions} join ${users} on ${users.id} = ${sessions.userId}
    where ${sessions.id} = ${tokenId(token)} and ${sessions.expiresAt} > ${now.toISOString()}::timestamptz and not ${users.disabled}
    for key share of ${sessions} for share of ${users}`);
  return rows.length > 0;
}
