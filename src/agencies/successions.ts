/**
 * Who carries on an agency's work on a date. After the 2025 restructuring a plan from 2023 still
 * names Sở Kế hoạch và Đầu tư; from 01/03/2025 its open work is Sở Tài chính's. A chain of changes
 * is followed to its end; a split hands the work to every successor.
 */
import { lte } from "drizzle-orm";
import type { Database } from "../storage/database.js";
import { agencySuccessions } from "./schema.js";

export interface Succession { predecessorId: number; successorId: number; effectiveDate: string }

/** The agencies doing `agencyId`'s work on `asOf` (itself when nothing changed by then), in a stable order. */
export function successorsOn(successions: readonly Succession[], agencyId: number, asOf: string): number[] {
  const out = new Set<number>();
  const seen = new Set<number>();
  const walk = (id: number) => {
    if (seen.has(id)) return; // a cycle in bad data ends here instead of looping
    seen.add(id);
    const next = successions.filter((s) => s.predecessorId === id && s.effectiveDate <= asOf);
    if (!next.length) out.add(id);
    for (const s of next) walk(s.successorId);
  };
  walk(agencyId);
  // Only a cycle leaves nobody: the work then stays where it was.
  return out.size ? [...out] : [agencyId];
}

/**
 * A resolver over the successions in force on `asOf`, read once, each agency's answer worked out once (a round's or a
 * batch's tens of thousands of assignments name a few thousand agencies): the same array each time, to be read only.
 */
export async function successionsOn(db: Database, asOf: string): Promise<(agencyId: number) => readonly number[]> {
  const rows = await db.select({ predecessorId: agencySuccessions.predecessorId, successorId: agencySuccessions.successorId, effectiveDate: agencySuccessions.effectiveDate })
    .from(agencySuccessions).where(lte(agencySuccessions.effectiveDate, asOf));
  const known = new Map<number, readonly number[]>();
  return (agencyId) => {
    let found = known.get(agencyId);
    if (!found) known.set(agencyId, (found = successorsOn(rows, agencyId, asOf)));
    return found;
  };
}
