/**
 * The focal point's edits to a consolidated report's narrative, per plan and year. A section with
 * an edit is written as edited; the others stay drafted from the data, so a value accepted later
 * still reaches them. Outcomes: the draft, or AppError conflict (stale version), validation (an
 * unknown section).
 */
import { and, eq } from "drizzle-orm";
import { conflict, invalid } from "../core/errors.js";
import type { Database } from "../storage/database.js";
import { reportDrafts } from "./schema.js";

/** The narrative sections a report has, in order (see compileReport). */
export const SECTION_KEYS = ["overview", "results", "projects", "limitations", "causes", "ahead", "proposals"] as const;

export async function reportDraftOf(db: Database, documentId: number, year: number) {
  const [row] = await db.select().from(reportDrafts).where(and(eq(reportDrafts.documentId, documentId), eq(reportDrafts.year, year)));
  return row ?? null;
}

/** Saves edited sections (text), or drops an edit (null: back to the drafted text). `version` 0: the first edit. */
export async function saveReportDraft(db: Database, userId: number, documentId: number, input: { year: number; version: number; sections: Record<string, string | null> }) {
  for (const key of Object.keys(input.sections)) if (!(SECTION_KEYS as readonly string[]).includes(key)) throw invalid(`sections.${key}`, "field_required");
  const current = await reportDraftOf(db, documentId, input.year);
  if ((current?.version ?? 0) !== input.version) throw conflict();
  const sections = { ...(current?.sections ?? {}) };
  for (const [key, text] of Object.entries(input.sections)) {
    if (text === null) delete sections[key];
    else sections[key] = text;
  }
  if (!current) {
    const [row] = await db.insert(reportDrafts).values({ documentId, year: input.year, sections, updatedBy: userId }).onConflictDoNothing().returning();
    if (!row) throw conflict();
    return row;
  }
  const [row] = await db.update(reportDrafts).set({ sections, updatedBy: userId, version: current.version + 1, updatedAt: new Date().toISOString() })
    .where(and(eq(reportDrafts.id, current.id), eq(reportDrafts.version, current.version))).returning();
  if (!row) throw conflict();
  return row;
}
