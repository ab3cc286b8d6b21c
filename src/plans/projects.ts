/** Key projects and their measured figures ("366,55/640,28 ha"). Outcomes as for other records. */
import { and, asc, eq } from "drizzle-orm";
import { toPrefixTsquery } from "../search/tsquery.js";
import type { Database } from "../storage/database.js";
import { deleteById, findById, matchesSearch, pageOffset, updateVersioned, pageOf } from "../storage/records.js";
import { searchDocumentText } from "../text/fold.js";
import type { metricInput, metricPatch, projectInput, projectListQuery, projectPatch } from "./inputs.js";
import { checkAgencies, checkDocument } from "../storage/references.js";
import { projectMetrics, projects } from "./schema.js";
import type { z } from "zod";

export async function listProjects(db: Database, q: z.infer<typeof projectListQuery>) {
  const tsquery = q.q ? toPrefixTsquery(q.q) : null;
  const where = and(q.documentId ? eq(projects.documentId, q.documentId) : undefined, tsquery ? matchesSearch(projects.searchFolded, tsquery) : undefined);
  const rows = await db.select().from(projects).where(where).orderBy(asc(projects.id)).limit(q.pageSize).offset(pageOffset(q));
  return pageOf(db, projects, where, q, rows.map(({ searchFolded: _s, ...r }) => r));
}

export async function getProject(db: Database, id: number) {
  const { searchFolded: _s, ...project } = await findById(db, projects, id);
  const metrics = await db.select().from(projectMetrics).where(eq(projectMetrics.projectId, id)).orderBy(asc(projectMetrics.id));
  return { ...project, metrics };
}

export async function createProject(db: Database, input: z.infer<typeof projectInput>) {
  await checkDocument(db, "documentId", input.documentId);
  await checkAgencies(db, "leadId", [input.leadId]);
  const [row] = await db.insert(projects).values({ ...input, searchFolded: searchDocumentText(input.name, input.description) }).returning();
  return getProject(db, row.id);
}

export async function updateProject(db: Database, id: number, patch: z.infer<typeof projectPatch>) {
  const { version, ...changes } = patch;
  const current = await findById(db, projects, id);
  if (changes.documentId !== undefined) await checkDocument(db, "documentId", changes.documentId);
  if (changes.leadId !== undefined) await checkAgencies(db, "leadId", [changes.leadId]);
  const next = { ...current, ...changes };
  await updateVersioned(db, projects, id, version, { ...changes, searchFolded: searchDocumentText(next.name, next.description) });
  return getProject(db, id);
}

export const deleteProject = (db: Database, id: number) => deleteById(db, projects, id);

export async function createMetric(db: Database, projectId: number, input: z.infer<typeof metricInput>) {
  await findById(db, projects, projectId);
  await checkDocument(db, "sourceDocumentId", input.sourceDocumentId);
  const [row] = await db.insert(projectMetrics).values({ ...input, projectId }).returning();
  return row;
}

export async function updateMetric(db: Database, id: number, patch: z.infer<typeof metricPatch>) {
  const { version, ...changes } = patch;
  if (changes.sourceDocumentId !== undefined) await checkDocument(db, "sourceDocumentId", changes.sourceDocumentId);
  return updateVersioned(db, projectMetrics, id, version, changes);
}

export const deleteMetric = (db: Database, id: number) => deleteById(db, projectMetrics, id);
