/**
 * Reminders (đôn đốc): each step of a round's schedule (days from the due date) notifies every
 * agency that still owes its report, in the app and by e-mail, exactly once per step and agency.
 *
 * Exactly once, with restarts and several instances on one PostgreSQL: a step's delivery is a row
 * under a unique key (round, step, agency), created together with its in-app notifications in one
 * transaction, so only the instance whose insert made the row notifies. Its e-mail is then claimed
 * with a lease in one UPDATE (skipping rows another instance holds), sent, and marked sent; a send
 * that failed, or an instance that died mid-send, is retried once the lease runs out, with the same
 * Message-ID. A step fires at 08:00 in Vietnam on its day; only the latest step due is sent (an
 * instance down for a week does not send three reminders at once), and never one due before the
 * round was opened. Each agency's steps count from its own due date (an extension moves them). A closed
 * round sends nothing, and e-mails still waiting are cancelled. The focal point's "remind now" is a step of
 * its own (remindNow in controls.ts): once per agency and day, recorded with who asked.
 */
import { and, eq, sql } from "drizzle-orm";
import { userAgencies, users } from "../accounts/schema.js";
import { asActor } from "../audit/audit.js";
import type { Database } from "../storage/database.js";
import { queryRows } from "../storage/database.js";
import { boardOf, stillOwing, type Board, type BoardRow } from "./board.js";
import type { Mailer } from "./mailer.js";
import { addDays, vietnamTime } from "./periods.js";
import { notifications, reminderDeliveries, reminderSteps, roundReporters, rounds } from "./schema.js";
import { formatVietnameseDate } from "../text/dates.js";

/** Reminders go out at the start of the working day. */
const SEND_HOUR = 8;
const LEASE_MINUTES = 5;
const MAX_ATTEMPTS = 5;

export const stepTime = (dueOn: string, offsetDays: number) => vietnamTime(addDays(dueOn, offsetDays), SEND_HOUR);

/** The step due at `now`: the latest whose time has come, if it came after the round opened. */
export function currentStep(dueOn: string, offsets: number[], openedAt: Date, now: Date): number | null {
  const due = offsets.filter((o) => stepTime(dueOn, o) <= now).sort((a, b) => b - a)[0];
  return due !== undefined && stepTime(dueOn, due) >= openedAt ? due : null;
}

export interface ReminderRun { notified: number; emailed: number; failed: number }

function reminderText(row: BoardRow, round: { title: string }, offsetDays: number) {
  const when = offsetDays < 0 ? `còn ${-offsetDays} ngày nữa là đến hạn` : offsetDays === 0 ? "hôm nay là hạn gửi" : `đã quá hạn ${offsetDays} ngày`;
  const state = row.status === "returned" ? "Báo cáo đã được trả lại để hoàn thiện và chưa được gửi lại." : "Cơ quan chưa gửi báo cáo.";
  return {
    subject: `[theodoi] Đôn đốc báo cáo: ${round.title} (hạn ${formatVietnameseDate(row.dueOn)})`,
    text: [
      `Kính gửi: ${row.agencyName}`, "",
      `Đợt báo cáo "${round.title}" có hạn gửi ngày ${formatVietnameseDate(row.dueOn)}; ${when}.`,
      state,
      `Nội dung phải báo cáo: ${row.tasksOwed} nhiệm vụ, ${row.indicatorsOwed} chỉ tiêu.`, "",
      "Đề nghị cơ quan đăng nhập hệ thống theodoi để hoàn thành và gửi báo cáo.",
    ].join("\n"),
  };
}

/**
 * One step for one agency: its delivery row and its people's in-app notifications, in the transaction `tx`
 * (which names who acts). Returns false when this step had already reached the agency: the unique key
 * (round, step, agency; for a manual reminder, round, agency and day) is the exactly-once guarantee.
 */
export async function deliverStep(tx: Database, round: { id: number; title: string }, row: BoardRow, step: { offsetDays: number; manualOn?: string; requestedBy?: number }, emailOn: boolean): Promise<boolean> {
  const people = await tx.select({ id: users.id, email: users.email }).from(users).innerJoin(userAgencies, eq(userAgencies.userId, users.id))
    .where(and(eq(userAgencies.agencyId, row.agencyId), eq(users.disabled, false)));
  const recipients = people.map((p) => p.email).filter((e): e is string => !!e);
  const [created] = await tx.insert(reminderDeliveries).values({
    roundId: round.id, offsetDays: step.offsetDays, manualOn: step.manualOn ?? null, requestedBy: step.requestedBy ?? null, agencyId: row.agencyId, recipients,
    emailStatus: !emailOn ? "disabled" : recipients.length ? "pending" : "no_recipient",
  }).onConflictDoNothing().returning({ id: reminderDeliveries.id });
  if (!created) return false;
  if (people.length) {
    await tx.insert(notifications).values(people.map((p) => ({
      userId: p.id, kind: "reminder", roundId: round.id, agencyId: row.agencyId,
      params: { round: round.title, dueOn: row.dueOn, offsetDays: step.offsetDays, status: row.status, manual: step.manualOn ? 1 : null },
    })));
  }
  return true;
}

/**
 * Creates the due step's deliveries and in-app notifications; returns how many agencies were notified.
 * Each agency's step is counted from its own due date (an extension moves it); a step it already had,
 * counted from the date before, is not sent again.
 */
async function notifyDueSteps(db: Database, now: Date, emailOn: boolean): Promise<number> {
  const open = await db.select().from(rounds).where(eq(rounds.status, "open"));
  let notified = 0;
  for (const round of open) {
    const offsets = (await db.select({ o: reminderSteps.offsetDays }).from(reminderSteps).where(eq(reminderSteps.roundId, round.id))).map((r) => r.o);
    if (!offsets.length) continue;
    // The board (what each agency owes) only for a round where some due date has a step due.
    const dues = new Set([round.dueOn, ...(await db.select({ d: roundReporters.dueOn }).from(roundReporters).where(eq(roundReporters.roundId, round.id))).flatMap((r) => (r.d ? [r.d] : []))]);
    if (![...dues].some((d) => currentStep(d, offsets, new Date(round.createdAt), now) !== null)) continue;
    const board = await boardOf(db, round.id, now);
    for (const row of stillOwing(board)) {
      const step = currentStep(row.dueOn, offsets, new Date(round.createdAt), now);
      if (step === null) continue;
      if (await asActor(db, null, "reminders.notify", (tx) => deliverStep(tx, round, row, { offsetDays: step }, emailOn))) notified++;
    }
  }
  return notified;
}

interface Claimed { id: number; round_id: number; offset_days: number; manual_on: string | null; agency_id: number; recipients: string[]; attempts: number }

/**
 * Claims up to `limit` e-mails to send: pending ones, and failed or abandoned ones whose lease ran
 * out. The lease runs from `at`, the time of this claim (not of the pass's start).
 */
async function claimEmails(db: Database, at: Date, limit: number): Promise<Claimed[]> {
  const iso = at.toISOString();
  return asActor(db, null, "reminders.claim", (tx) => queryRows<Claimed>(tx, sql`
    update reminder_deliveries set email_status = 'sending', attempts = attempts + 1,
      lease_until = ${iso}::timestamptz + make_interval(mins => ${LEASE_MINUTES})
    where id in (
      select id from reminder_deliveries
      where (email_status = 'pending' or (email_status in ('sending', 'failed') and lease_until < ${iso}::timestamptz)) and attempts < ${MAX_ATTEMPTS}
      order by id limit ${limit} for update skip locked)
    returning id, round_id, offset_days, manual_on::text, agency_id, recipients, attempts`));
}

/** One pass: notify the agencies a due step concerns, then send the e-mails claimed. Safe to run anywhere, any time, concurrently. */
export async function runReminders(db: Database, mailer: Mailer | null, now = new Date()): Promise<ReminderRun> {
  const started = Date.now();
  // `now` moves on with the real time the pass takes, so a lease taken late in a long pass is not already over.
  const clock = () => new Date(now.getTime() + (Date.now() - started));
  const notified = await notifyDueSteps(db, now, mailer !== null);
  let emailed = 0, failed = 0;
  if (!mailer) return { notified, emailed, failed };
  const boards = new Map<number, Promise<Board>>();
  const boardOfRound = (roundId: number) => boards.get(roundId) ?? boards.set(roundId, boardOf(db, roundId, now)).get(roundId)!;
  for (;;) {
    const batch = await claimEmails(db, clock(), 20);
    if (!batch.length) break;
    for (const d of batch) {
      const board = await boardOfRound(d.round_id);
      const row = stillOwing(board).find((r) => r.agencyId === d.agency_id);
      // Only the claim still holding the row may finish it: one whose lease ran out and was claimed again may not.
      const finish = (values: Partial<typeof reminderDeliveries.$inferInsert>) => asActor(db, null, "reminders.email", (tx) =>
        tx.update(reminderDeliveries).set(values).where(and(eq(reminderDeliveries.id, d.id), eq(reminderDeliveries.emailStatus, "sending"), eq(reminderDeliveries.attempts, d.attempts))));
      // Reported while the e-mail waited, or the round was closed (or the agency taken off it): nothing to urge any more.
      if (!row || board.round.status !== "open") { await finish({ emailStatus: "cancelled" }); continue; }
      const { subject, text } = reminderText(row, board.round, d.offset_days);
      const messageId = d.manual_on ? `<reminder-${d.round_id}-manual-${d.manual_on}-${d.agency_id}@theodoi>` : `<reminder-${d.round_id}-${d.offset_days}-${d.agency_id}@theodoi>`;
      try {
        await mailer.send({ to: d.recipients, subject, text, messageId });
        await finish({ emailStatus: "sent", sentAt: new Date().toISOString(), messageId, lastError: null });
        emailed++;
      } catch (e) {
        await finish({ emailStatus: "failed", lastError: String((e as Error).message ?? e).slice(0, 500) });
        failed++;
      }
    }
  }
  return { notified, emailed, failed };
}

/** Runs reminders every `intervalMs` in the background, one pass at a time; returns a stop function. */
export function startReminders(db: Database, mailer: Mailer | null, intervalMs: number, onError: (e: unknown) => void): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try { await runReminders(db, mailer); } catch (e) { onError(e); } finally { running = false; }
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}

/** Delivery records of a round, for the focal point to see who was reminded when. */
export async function remindersOf(db: Database, roundId: number) {
  return db.select({
    offsetDays: reminderDeliveries.offsetDays, manualOn: reminderDeliveries.manualOn, requestedBy: reminderDeliveries.requestedBy, agencyId: reminderDeliveries.agencyId, createdAt: reminderDeliveries.createdAt,
    emailStatus: reminderDeliveries.emailStatus, sentAt: reminderDeliveries.sentAt, recipients: reminderDeliveries.recipients,
  }).from(reminderDeliveries).where(eq(reminderDeliveries.roundId, roundId)).orderBy(reminderDeliveries.createdAt, reminderDeliveries.agencyId);
}
