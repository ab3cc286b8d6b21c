/**
 * A restructuring taking effect (2025: Sở Kế hoạch và Đầu tư merged into Sở Tài chính on
 * 01/03/2025): the succession is recorded, the agency's validity ends the day before, and its open
 * work moves to the successors: the open tasks it leads or coordinates, the indicators it owns, and
 * its place in rounds still open and due from that date on. Completed tasks, past rounds and every
 * submission stay as they were. A split hands the work to every successor; the focal point then
 * removes the ones it does not fit. Call inside a transaction.
 */
import { and, eq, gte, inArray, sql } from "drizzle-orm";
import { AppError, invalid } from "../core/errors.js";
import { indicators, taskAgencies, tasks } from "../plans/schema.js";
import { roundReporters, rounds, submissions } from "../reporting/schema.js";
import type { Database } from "../storage/database.js";
import { addDays } from "../reporting/periods.js";
import { replaceSuccessors } from "./commands.js";
import type { RestructureInput } from "./inputs.js";
import { agencies } from "./schema.js";

export interface RestructureResult { taskAssignmentsMoved: number; indicatorsMoved: number; roundsMoved: number }

export async function restructureAgency(db: Database, id: number, input: RestructureInput): Promise<RestructureResult> {
  if (input.kind !== "split" && input.successorIds.length !== 1) throw invalid("successorIds", "succession_needs_successor");
  await replaceSuccessors(db, id, {
    version: input.version,
    successors: input.successorIds.map((successorId) => ({ successorId, effectiveDate: input.effectiveDate, kind: input.kind, note: input.note ?? null })),
  });
  const [agency] = await db.select({ validFrom: agencies.validFrom }).from(agencies).where(eq(agencies.id, id));
  if (agency.validFrom && agency.validFrom >= input.effectiveDate) throw new AppError("validation", [{ field: "effectiveDate", key: "min_gt_max" }]);
  await db.update(agencies).set({ validTo: addDays(input.effectiveDate, -1) }).where(eq(agencies.id, id));

  // Open tasks: each assignment of the agency becomes one of each successor in the same role.
  const assignments = await db.select({ taskId: taskAgencies.taskId, role: taskAgencies.role, position: taskAgencies.position })
    .from(taskAgencies).innerJoin(tasks, eq(tasks.id, taskAgencies.taskId))
    .where(and(eq(taskAgencies.agencyId, id), eq(tasks.status, "open")));
  for (const a of assignments) {
    for (const successorId of input.successorIds) {
      await db.insert(taskAgencies).values({ taskId: a.taskId, agencyId: successorId, role: a.role, position: a.position }).onConflictDoNothing();
    }
  }
  if (assignments.length) {
    const taskIds = assignments.map((a) => a.taskId);
    await db.delete(taskAgencies).where(and(eq(taskAgencies.agencyId, id), inArray(taskAgencies.taskId, taskIds)));
    // A successor that coordinated a task the merged agency led now leads it: it is not its own partner.
    await db.execute(sql`delete from task_agencies c where c.role = 'coordinating' and c.task_id in ${taskIds}
      and exists (select 1 from task_agencies l where l.task_id = c.task_id and l.agency_id = c.agency_id and l.role = 'lead')`);
  }
  const moved = await db.update(indicators).set({ ownerId: input.successorIds[0] }).where(eq(indicators.ownerId, id)).returning({ id: indicators.id });

  // Rounds still open and due from the change on expect the successors instead, unless the agency already started its report there.
  const future = await db.select({ roundId: roundReporters.roundId }).from(roundReporters).innerJoin(rounds, eq(rounds.id, roundReporters.roundId))
    .where(and(eq(roundReporters.agencyId, id), eq(rounds.status, "open"), gte(rounds.dueOn, input.effectiveDate)));
  let roundsMoved = 0;
  for (const { roundId } of future) {
    const [started] = await db.select({ id: submissions.id }).from(submissions).where(and(eq(submissions.roundId, roundId), eq(submissions.agencyId, id)));
    await db.insert(roundReporters).values(input.successorIds.map((agencyId) => ({ roundId, agencyId }))).onConflictDoNothing();
    if (!started) await db.delete(roundReporters).where(and(eq(roundReporters.roundId, roundId), eq(roundReporters.agencyId, id)));
    roundsMoved++;
  }
  return { taskAssignmentsMoved: assignments.length, indicatorsMoved: moved.length, roundsMoved };
}
