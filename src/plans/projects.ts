/** Key projects and their measured figures ("366,55/640,28 ha"). Outcomes as for other records. */
import { and, asc, eq, sql } from "drizzle-orm";
import { notFound } from "../core/errors.js";
import { noneOrPublishedDocument } from "../documents/queries.js";
import { toPrefixTsquery } from "../search/tsquery.js";
import type { Database } from "../storage/database.js";
import { deleteById, findById, matchesSearch, pageOffset, updateVersioned, pageOf } from "../storage/records.js";
import { searchDocumentText } from "../text/fold.js";
import type { metricInput, metricPatch, projectInput, projectListQuery, projectPatch } from "./inputs.js";
import { checkAgencies, checkDocument } from "../storage/references.js";
import { projectMetrics, projects } from "./schema.js";
import type { z } from "zod";

/**
 * What a reader who may not see drafts sees (`drafts`: see policy.readsDrafts): projects of no document or a
 * published one, and of those the figures that name no source document or a published one.
 */
export const projectVisible = (drafts: boolean) => (drafts ? undefined : noneOrPublishedDocument(projects.documentId));
export const metricVisible = (drafts: boolean) => (drafts ? undefined : and(
  sql`${projectMetrics.projectId} in (select ${projects.id} from ${projects} where ${noneOrPublishedDocument(projects.documentId)})`,
  noneOrPublishedDocument(projectMetrics.sourceDocumentId),
));

export async function listProjects(db: Database, q: z.infer<typeof projectListQuery>, drafts: boolean) {
  const tsquery = q.q ? toPrefixTsquery(q.q) : null;
  const where = and(q.documentId ? eq(projects.documentId, q.documentId) : undefined, tsquery ? matchesSearch(projects.searchFolded, tsquery) : undefined, projectVisible(drafts));
  const rows = await db.select().from(projects).where(where).orderBy(asc(projects.id)).limit(q.pageSize).offset(pageOffset(q));
  return pageOf(db, projects, where, q, rows.map(({ searchFolded: _s, ...r }) => r));
}

export async function getProject(db: Database, id: number, drafts: boolean) {
  const [row] = await db.select().from(projects).where(and(eq(projects.id, id), projectVisible(drafts)));
  if (!row) throw notFound();
  const { searchFolded: _s, ...project } = row;
  const metrics = await db.select().from(projectMetrics).where(and(eq(projectMetrics.projectId, id), metricVisible(drafts))).orderBy(asc(projectMetrics.id));
  return { ...project, metrics };
}

export async function getMetric(db: Database, id: number, drafts: boolean) {
  const [row] = await db.select().from(projectMetrics).where(and(eq(projectMetrics.id, id), metricVisible(drafts)));
  if (!row) throw notFound();
  return row;
}

export async function createProject(db: Database, input: z.infer<typeof projectInput>) {
  await checkDocument(db, "documentId", input.documentId);
  await checkAgencies(db, "leadId", [input.leadId]);
  const [row] = await db.insert(projects).values({ ...input, searchFolded: searchDocumentText(input.name, input.description) }).returning();
  return getProject(db, row.id, true);
}

export async function updateProject(db: Database, id: number, patch: z.infer<typeof projectPatch>) {
  const { version, ...changes } = patch;
  const current = await findById(db, projects, id);
  if (changes.documentId !== undefined) await checkDocument(db, "documentId", changes.documentId);
  if (changes.leadId !== undefined) await checkAgencies(db, "leadId", [changes.leadId]);
  const next = { ...current, ...changes };
  await updateVersioned(db, projects, id, version, { ...changes, searchFolded: searchDocumentText(next.name, next.description) });
  return getProject(db, id, true);
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
