/** A user's in-app notifications (reminders, returned and accepted reports, reports sent for review). */
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "../storage/database.js";
import { notifications } from "./schema.js";

export async function listNotifications(db: Database, userId: number, limit = 50) {
  const items = await db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(desc(notifications.id)).limit(limit);
  const [{ unread }] = await db.select({ unread: sql<number>`count(*)::int` }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return { items, unread: Number(unread) };
}

/** Marks the given notifications (or all, when none are given) as read; only the user's own. */
export async function markRead(db: Database, userId: number, ids: number[] | undefined) {
  const mine = and(eq(notifications.userId, userId), isNull(notifications.readAt), ids?.length ? inArray(notifications.id, ids) : undefined);
  await db.update(notifications).set({ readAt: new Date().toISOString() }).where(mine);
  return listNotifications(db, userId);
}
