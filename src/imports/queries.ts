/** Reading imports: the list to work through, and one import with what its review needs. */
import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { id, pageQuery } from "../core/fields.js";
import type { Database } from "../storage/database.js";
import { findById, pageOf, pageOffset } from "../storage/records.js";
import { feedsOf, type Feed } from "../plans/reported-figures.js";
import { draftObligations, type ObligationCandidate } from "../plans/obligation-matching.js";
import { vietnamDate } from "../reporting/periods.js";
import { diffDrafts, figureOf, unmappedLeads, type DraftDiff } from "./draft.js";
import type { ImportRow } from "./commands.js";
import { IMPORT_STATUSES, imports } from "./schema.js";

export const importListQuery = z.object({ status: z.enum(IMPORT_STATUSES).optional(), documentId: id.optional(), ...pageQuery });

export async function listImports(db: Database, q: z.infer<typeof importListQuery>) {
  const where = and(q.status ? eq(imports.status, q.status) : undefined, q.documentId ? eq(imports.documentId, q.documentId) : undefined);
  const rows = await db.select({
    id: imports.id, fileName: imports.fileName, fileSize: imports.fileSize, status: imports.status, documentId: imports.documentId,
    previousImportId: imports.previousImportId, createdAt: imports.createdAt, publishedAt: imports.publishedAt, version: imports.version,
    symbol: sql<string | null>`${imports.draft}->'document'->>'symbol'`,
    title: sql<string>`${imports.draft}->'document'->>'title'`,
    taskCount: sql<number>`jsonb_array_length(${imports.draft}->'tasks')`,
    indicatorCount: sql<number>`jsonb_array_length(${imports.draft}->'indicators')`,
  }).from(imports).where(where).orderBy(desc(imports.id)).limit(q.pageSize).offset(pageOffset(q));
  return pageOf(db, imports, where, q, rows);
}

/** One row of the list of imports, as the web app shows it. */
export type ImportSummary = Awaited<ReturnType<typeof listImports>>["items"][number];

export interface ImportDetail extends ImportRow {
  /** Lead agency names with no registry agency yet: publishing waits for them. */
  unmappedLeads: string[];
  /** For a new version of a published document: what it changes. */
  changes: DraftDiff | null;
  /** The plans' targets its figures (a report's) will be values of once it is published. */
  feeds: Feed[];
  /** The documents owed by the plans it implements that it may meet once published (issue 15): met without asking, or to confirm. */
  obligations: ObligationCandidate[];
}

export async function getImport(db: Database, importId: number): Promise<ImportDetail> {
  const row = await findById(db, imports, importId);
  const previous = row.previousImportId ? await findById(db, imports, row.previousImportId).catch(() => null) : null;
  const figures = row.draft.indicators.flatMap((i) => {
    const figure = figureOf(i, row.draft.document.issuedOn);
    return figure ? [{ name: i.name, unit: i.unit, ...figure }] : [];
  });
  return { ...row, unmappedLeads: unmappedLeads(row.draft), changes: previous ? diffDrafts(previous.draft, row.draft) : null, feeds: await feedsOf(db, figures, row.documentId),
    obligations: row.status === "draft" ? await draftObligations(db, row.draft, vietnamDate(new Date())) : [] };
}
