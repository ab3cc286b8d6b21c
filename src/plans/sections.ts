/**
 * Placing a document's items in its outline: each task and indicator goes to the innermost section
 * whose span holds the start of its clause (the deepest level wins; items without offsets stay unplaced).
 */
import { sql } from "drizzle-orm";
import type { Database } from "../storage/database.js";

/** Sets `section_id` (and the section's number where none was given) of every task and indicator of the document. Call inside a transaction. */
export async function placeItemsInSections(db: Database, documentId: number): Promise<void> {
  for (const table of [sql`tasks`, sql`indicators`]) {
    await db.execute(sql`
      update ${table} item set section_id = s.id, section_number = coalesce(item.section_number, s.number)
      from document_sections s
      where item.document_id = ${documentId} and s.document_id = ${documentId}
        and s.id = (
          select inner_s.id from document_sections inner_s
          where inner_s.document_id = ${documentId}
            and inner_s.start_offset <= item.start_offset and item.start_offset < inner_s.end_offset
          order by inner_s.level desc, inner_s.start_offset desc limit 1)`);
  }
}
