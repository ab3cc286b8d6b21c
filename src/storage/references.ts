/** Checks that the ids a record points at exist, naming the offending field (and its position in a list). */
import { inArray } from "drizzle-orm";
import { agencies } from "../agencies/schema.js";
import { documents } from "../documents/schema.js";
import type { Database } from "./database.js";
import { unknownReference } from "./records.js";

export async function checkAgencies(db: Database, field: string, ids: Array<number | null | undefined>) {
  const wanted = ids.filter((x): x is number => x != null);
  if (!wanted.length) return;
  const found = new Set((await db.select({ id: agencies.id }).from(agencies).where(inArray(agencies.id, wanted))).map((r) => r.id));
  const i = ids.findIndex((x) => x != null && !found.has(x));
  if (i >= 0) throw unknownReference(ids.length > 1 || field.endsWith("Ids") ? `${field}.${i}` : field, "agency_unknown");
}

export async function checkDocument(db: Database, field: string, id: number | null | undefined) {
  if (id == null) return;
  const found = await db.select({ id: documents.id }).from(documents).where(inArray(documents.id, [id]));
  if (!found.length) throw unknownReference(field, "document_unknown");
}
