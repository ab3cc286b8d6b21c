/**
 * The focal point's edits to a consolidated report, per scope (a plan, a programme, a resolution) and
 * year: the narrative's sections and the report's form (template, title, number, header, recipients,
 * signer; see form.ts). A section with an edit is written as edited; the others stay drafted from the
 * data, so a value accepted later still reaches them. Outcomes: the draft, or AppError conflict (stale
 * version), validation (an unknown section).
 */
import { and, eq } from "drizzle-orm";
import { conflict, invalid } from "../core/errors.js";
import type { Database } from "../storage/database.js";
import type { ReportForm } from "./form.js";
import { reportDrafts } from "./schema.js";

/**
 * The narrative sections a report may have: a state body's (overview … proposals) and a Party
 * committee's self-monitoring report, which adds the province, leadership, documents issued, the
 * general assessment and lessons. An edit to a shared section carries over when the template changes.
 */
export const SECTION_KEYS = ["province", "overview", "leadership", "documents", "results", "projects", "assessment", "limitations", "causes", "lessons", "ahead", "proposals"] as const;

export async function reportDraftOf(db: Database, documentId: number, year: number) {
  const [row] = await db.select().from(reportDrafts).where(and(eq(reportDrafts.documentId, documentId), eq(reportDrafts.year, year)));
  return row ?? null;
}

/**
 * Saves edited sections (text), or drops an edit (null: back to the drafted text), and the form when
 * given (it replaces the saved one whole; {} returns every field to its drafted value). `version` 0: the first edit.
 */
export async function saveReportDraft(db: Database, userId: number, documentId: number, input: { year: number; version: number; sections?: Record<string, string | null>; form?: ReportForm }) {
  const edits = input.sections ?? {};
  for (const key of Object.keys(edits)) if (!(SECTION_KEYS as readonly string[]).includes(key)) throw invalid(`sections.${key}`, "field_required");
  const current = await reportDraftOf(db, documentId, input.year);
  if ((current?.version ?? 0) !== input.version) throw conflict();
  const sections = { ...(current?.sections ?? {}) };
  for (const [key, text] of Object.entries(edits)) {
    if (text === null) delete sections[key];
    else sections[key] = text;
  }
  if (!current) {
    const [row] = await db.insert(reportDrafts).values({ documentId, year: input.year, sections, form: input.form ?? {}, updatedBy: userId }).onConflictDoNothing().returning();
    if (!row) throw conflict();
    return row;
  }
  const [row] = await db.update(reportDrafts).set({ sections, ...(input.form ? { form: input.form } : {}), updatedBy: userId, version: current.version + 1, updatedAt: new Date().toISOString() })
    .where(and(eq(reportDrafts.id, current.id), eq(reportDrafts.version, current.version))).returning();
  if (!row) throw conflict();
  return row;
}
