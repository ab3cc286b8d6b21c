/** Tasks' full numbers, for the report form and the round's preview. */
import { inArray } from "drizzle-orm";
import { documentSections } from "../documents/schema.js";
import type { tasks } from "../plans/schema.js";
import type { Database } from "../storage/database.js";

/**
 * Each task's full number: its own after its parent sections' ("2" under "III" is "III.2"), a parent
 * skipped where the number already holds it ("2.1" under "2" under "II" is "II.2.1"). Two tasks
 * numbered "2" in parts III and IV are then told apart.
 */
export async function fullNumbers(db: Database, rows: (typeof tasks.$inferSelect)[]): Promise<Map<number, string | null>> {
  const documentIds = [...new Set(rows.filter((t) => t.sectionId !== null).map((t) => t.documentId))];
  const sections = documentIds.length ? await db.select({ id: documentSections.id, parentId: documentSections.parentId, number: documentSections.number })
    .from(documentSections).where(inArray(documentSections.documentId, documentIds)) : [];
  const byId = new Map(sections.map((s) => [s.id, s]));
  return new Map(rows.map((t) => {
    let section = t.sectionId === null ? undefined : byId.get(t.sectionId);
    let number = t.sectionNumber ?? section?.number ?? null;
    if (number === null) return [t.id, null];
    if (section?.number === number) section = section.parentId === null ? undefined : byId.get(section.parentId);
    for (let depth = 0; section && depth < 10; depth++) {
      if (!number.startsWith(`${section.number}.`)) number = `${section.number}.${number}`;
      section = section.parentId === null ? undefined : byId.get(section.parentId);
    }
    return [t.id, number];
  }));
}
