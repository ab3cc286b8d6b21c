/**
 * Key projects: one record however many documents name it, tied to the plans that carry it and the
 * reports that give its figures (project_documents), with its facts (investor, location, investment,
 * milestones) and its dated figures, judged by evaluation/projects.ts. Outcomes as for other records.
 */
import { and, asc, eq, exists, inArray, sql, type SQL } from "drizzle-orm";
import { agencies } from "../agencies/schema.js";
import { notFound } from "../core/errors.js";
import { noneOrPublishedDocument, scopeDocuments } from "../documents/queries.js";
import { documents } from "../documents/schema.js";
import { evaluateProject, figureOf, type ProjectEvaluation, type ProjectState } from "../evaluation/projects.js";
import { toPrefixTsquery } from "../search/tsquery.js";
import { queryRows, type Database } from "../storage/database.js";
import { checkAgencies, checkDocument } from "../storage/references.js";
import { deleteById, findById, matchesSearch, updateVersioned, type Page } from "../storage/records.js";
import { searchDocumentText } from "../text/fold.js";
import type { z } from "zod";
import type { metricInput, metricPatch, projectInput, projectListQuery, projectPatch } from "./inputs.js";
import type { KnownProject } from "./project-matching.js";
import { projectDocuments, projectMetrics, projects } from "./schema.js";

/**
 * What a reader who may not see drafts sees (`drafts`: see policy.readsDrafts): projects no document names, or
 * that a published one names (a project a draft report first named stays in sight while a published plan
 * carries it), and of those the figures that name no source document or a published one.
 */
const namedByAPublishedDocument = sql`(${projects.documentId} is null or exists (select 1 from ${projectDocuments} join ${documents} on ${documents.id} = ${projectDocuments.documentId}
  where ${projectDocuments.projectId} = ${projects.id} and ${documents.status} = 'published'))`;
export const projectVisible = (drafts: boolean) => (drafts ? undefined : namedByAPublishedDocument);
export const metricVisible = (drafts: boolean) => (drafts ? undefined : and(
  sql`${projectMetrics.projectId} in (select ${projects.id} from ${projects} where ${namedByAPublishedDocument})`,
  noneOrPublishedDocument(projectMetrics.sourceDocumentId),
));
/**
 * The projects a document carries (a plan that lists them) or reports on. `drafts` false: only while the document
 * is published (a draft naming a project says nothing to a reader who may not see drafts).
 */
export const namedBy = (documentId: number | number[], role?: "carries" | "reports", drafts = true) => exists(sql`(select 1 from ${projectDocuments} join ${documents} on ${documents.id} = ${projectDocuments.documentId}
  where ${projectDocuments.projectId} = ${projects.id} and ${typeof documentId === "number" ? eq(projectDocuments.documentId, documentId) : inArray(projectDocuments.documentId, documentId.length ? documentId : [0])}${role ? sql` and ${projectDocuments.role} = ${role}` : sql``}${drafts ? sql`` : sql` and ${documents.status} = 'published'`})`);

export type ProjectRow = Omit<typeof projects.$inferSelect, "searchFolded">;
export type MetricRow = typeof projectMetrics.$inferSelect;
export interface ProjectSummary extends ProjectRow {
  leadName: string | null;
  /** The plans that carry it. */
  plans: { id: number; symbol: string | null; title: string }[];
  evaluation: ProjectEvaluation;
}

/** A project judged as of `today`: figures dated later (a report looking back) are left out. */
export const evaluate = (p: ProjectRow, metrics: MetricRow[], today: string) => evaluateProject(p, metrics.filter((m) => !m.asOf || m.asOf <= today).map(figureOf), today);

async function metricsOf(db: Database, ids: number[], drafts: boolean): Promise<Map<number, MetricRow[]>> {
  const rows = ids.length ? await db.select().from(projectMetrics).where(and(inArray(projectMetrics.projectId, ids), metricVisible(drafts))).orderBy(asc(projectMetrics.asOf), asc(projectMetrics.id)) : [];
  const by = new Map<number, MetricRow[]>();
  for (const r of rows) by.set(r.projectId, [...(by.get(r.projectId) ?? []), r]);
  return by;
}

/** Each project with its lead's name, the plans carrying it and its evaluation as of `today`, by name in Vietnamese order ("Đ" after "D"). */
export async function summarise(db: Database, rows: ProjectRow[], drafts: boolean, today: string): Promise<ProjectSummary[]> {
  const ids = rows.map((r) => r.id);
  const metrics = await metricsOf(db, ids, drafts);
  const leadIds = [...new Set(rows.map((r) => r.leadId).filter((x): x is number => x !== null))];
  const leads = new Map((leadIds.length ? await db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(inArray(agencies.id, leadIds)) : []).map((a) => [a.id, a.name]));
  const links = ids.length ? await db.select({ projectId: projectDocuments.projectId, id: documents.id, symbol: documents.symbol, title: documents.title }).from(projectDocuments)
    .innerJoin(documents, eq(documents.id, projectDocuments.documentId))
    .where(and(inArray(projectDocuments.projectId, ids), eq(projectDocuments.role, "carries"), drafts ? undefined : eq(documents.status, "published")))
    .orderBy(asc(documents.issuedOn), asc(documents.id)) : [];
  return rows.map((r) => ({
    ...r,
    leadName: r.leadId === null ? null : leads.get(r.leadId) ?? null,
    plans: links.filter((l) => l.projectId === r.id).map(({ id, symbol, title }) => ({ id, symbol, title })),
    evaluation: evaluate(r, metrics.get(r.id) ?? [], today),
  })).sort((a, b) => a.name.localeCompare(b.name, "vi") || a.id - b.id);
}

const withoutSearch = ({ searchFolded: _s, ...r }: typeof projects.$inferSelect): ProjectRow => r;

/** Carried by some plan the reader may see. */
const carriedByAPlan = (drafts: boolean) => exists(sql`(select 1 from ${projectDocuments} join ${documents} on ${documents.id} = ${projectDocuments.documentId} where ${projectDocuments.projectId} = ${projects.id} and ${projectDocuments.role} = 'carries'${drafts ? sql`` : sql` and ${documents.status} = 'published'`})`);

/** `planIds`: the plan asked for and every document below it in its chain (see listProjects). */
function projectWhere(q: { planIds?: number[]; documentId?: number; leadId?: number; q?: string; carried?: "0" | "1" }, drafts: boolean): SQL | undefined {
  const tsquery = q.q ? toPrefixTsquery(q.q) : null;
  return and(
    q.documentId ? namedBy(q.documentId, undefined, drafts) : undefined,
    q.planIds ? namedBy(q.planIds, "carries", drafts) : q.carried === "1" ? carriedByAPlan(drafts) : undefined,
    q.leadId ? eq(projects.leadId, q.leadId) : undefined,
    tsquery ? matchesSearch(projects.searchFolded, tsquery) : undefined,
    projectVisible(drafts),
  );
}

/**
 * Projects with their evaluation, filtered by plan, lead agency, words and state. The state is judged
 * from the figures, so a list filtered by it judges every project the other filters leave: a province
 * follows tens of key projects, a ministry a few hundred.
 */
export async function listProjects(db: Database, q: z.infer<typeof projectListQuery>, drafts: boolean, today: string): Promise<Page<ProjectSummary> & { states: Record<ProjectState, number> }> {
  // A plan's projects are those it carries and those of the plans below it (a resolution's, those of its whole chain).
  const planIds = q.planId ? (await scopeDocuments(db, q.planId, drafts)).map((d) => d.id) : undefined;
  const rows = (await db.select().from(projects).where(projectWhere({ ...q, planIds }, drafts))).map(withoutSearch);
  const summaries = await summarise(db, rows, drafts, today);
  const states = { completed: 0, on_schedule: 0, behind: 0, stalled: 0, no_data: 0 } as Record<ProjectState, number>;
  for (const s of summaries) states[s.evaluation.state]++;
  const kept = q.state ? summaries.filter((s) => s.evaluation.state === q.state) : summaries;
  const from = (q.page - 1) * q.pageSize;
  return { items: kept.slice(from, from + q.pageSize), total: kept.length, page: q.page, pageSize: q.pageSize, states };
}

export interface ProjectDetail extends ProjectSummary {
  documents: { id: number; symbol: string | null; title: string; docType: string; issuedOn: string | null; role: "carries" | "reports"; nameAsWritten: string | null }[];
  metrics: (MetricRow & { agencyName: string | null; sourceSymbol: string | null })[];
}

export async function getProject(db: Database, id: number, drafts: boolean, today: string): Promise<ProjectDetail> {
  const [row] = await db.select().from(projects).where(and(eq(projects.id, id), projectVisible(drafts)));
  if (!row) throw notFound();
  const [summary] = await summarise(db, [withoutSearch(row)], drafts, today);
  const docs = await db.select({ id: documents.id, symbol: documents.symbol, title: documents.title, docType: documents.docType, issuedOn: documents.issuedOn, role: projectDocuments.role, nameAsWritten: projectDocuments.nameAsWritten })
    .from(projectDocuments).innerJoin(documents, eq(documents.id, projectDocuments.documentId))
    .where(and(eq(projectDocuments.projectId, id), drafts ? undefined : eq(documents.status, "published"))).orderBy(asc(documents.issuedOn), asc(documents.id));
  const metrics = await db.select({ m: projectMetrics, agencyName: agencies.name, sourceSymbol: documents.symbol }).from(projectMetrics)
    .leftJoin(agencies, eq(agencies.id, projectMetrics.agencyId)).leftJoin(documents, eq(documents.id, projectMetrics.sourceDocumentId))
    .where(and(eq(projectMetrics.projectId, id), metricVisible(drafts))).orderBy(asc(projectMetrics.asOf), asc(projectMetrics.id));
  return { ...summary, documents: docs, metrics: metrics.map(({ m, agencyName, sourceSymbol }) => ({ ...m, agencyName, sourceSymbol })) };
}

export async function getMetric(db: Database, id: number, drafts: boolean) {
  const [row] = await db.select().from(projectMetrics).where(and(eq(projectMetrics.id, id), metricVisible(drafts)));
  if (!row) throw notFound();
  return row;
}

const searchText = (p: { name: string; description?: string | null; location?: string | null }) => searchDocumentText(p.name, p.description, p.location);

export async function createProject(db: Database, input: z.infer<typeof projectInput>, today: string) {
  await checkDocument(db, "documentId", input.documentId);
  await checkAgencies(db, "leadId", [input.leadId]);
  const [row] = await db.insert(projects).values({ ...input, searchFolded: searchText(input) }).returning();
  if (input.documentId) await linkProject(db, row.id, input.documentId, "carries", input.name);
  return getProject(db, row.id, true, today);
}

export async function updateProject(db: Database, id: number, patch: z.infer<typeof projectPatch>, today: string) {
  const { version, ...changes } = patch;
  const current = await findById(db, projects, id);
  if (changes.documentId !== undefined) await checkDocument(db, "documentId", changes.documentId);
  if (changes.leadId !== undefined) await checkAgencies(db, "leadId", [changes.leadId]);
  await updateVersioned(db, projects, id, version, { ...changes, searchFolded: searchText({ ...current, ...changes }) });
  if (changes.documentId) await linkProject(db, id, changes.documentId, "carries", current.name);
  return getProject(db, id, true, today);
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

/** Ties a project to a document that names it (once: a second mention keeps the first role unless it carries it). */
export async function linkProject(db: Database, projectId: number, documentId: number, role: "carries" | "reports", nameAsWritten: string | null) {
  await db.insert(projectDocuments).values({ projectId, documentId, role, nameAsWritten })
    .onConflictDoUpdate({ target: [projectDocuments.projectId, projectDocuments.documentId], set: { role: sql`case when ${projectDocuments.role} = 'carries' then 'carries' else excluded.role end`, nameAsWritten } });
}

/** Every recorded project, for matching a new document's names against (see project-matching.ts). */
export async function knownProjects(db: Database): Promise<KnownProject[]> {
  return db.select({ id: projects.id, name: projects.name, location: projects.location }).from(projects).orderBy(asc(projects.id));
}


/** A project as a document names it, with what the reviewer decided it is (`matchId`, or null for a new one). */
export interface NamedProject {
  name: string; matchId: number | null; leadId: number | null; location: string | null;
  investment: number | null; areaHa: number | null; lengthKm: number | null; startYear: number | null; completionYear: number | null;
  metrics: { label: string; value: number; of: number | null; unit: string | null; measure: MetricRow["measure"]; asOf: string | null; year: number | null }[];
}

/**
 * Before a new version of a document is published: the figures it gave and its links go, and a project no
 * other document names goes with them, unless the new version names it again (`keep`) or a round's report
 * refers to it (then it stays, no longer tied to a document).
 */
export async function forgetDocumentProjects(db: Database, documentId: number, keep: Set<number>) {
  await db.delete(projectMetrics).where(eq(projectMetrics.sourceDocumentId, documentId));
  await db.delete(projectDocuments).where(eq(projectDocuments.documentId, documentId));
  const origins = await db.select({ id: projects.id }).from(projects).where(eq(projects.documentId, documentId));
  for (const { id } of origins) {
    if (keep.has(id)) continue;
    const [other] = await db.select({ documentId: projectDocuments.documentId }).from(projectDocuments).where(eq(projectDocuments.projectId, id)).orderBy(asc(projectDocuments.documentId)).limit(1);
    if (other) { await db.update(projects).set({ documentId: other.documentId }).where(eq(projects.id, id)); continue; }
    // (A raw query: plans come before reporting, whose submission_projects refers to projects.)
    const reported = await queryRows(db, sql`select 1 from submission_projects where project_id = ${id} limit 1`);
    if (reported.length) await db.update(projects).set({ documentId: null }).where(eq(projects.id, id));
    else await db.delete(projects).where(eq(projects.id, id));
  }
}

/**
 * Records the projects a published document names: each the project it was matched to (its facts filled in
 * where the record has none: what a person set stays) or a new one, tied to the document (`carries` for a
 * plan, `reports` for a report), with the figures the document gives.
 */
export async function recordDocumentProjects(db: Database, documentId: number, role: "carries" | "reports", named: NamedProject[]) {
  for (const p of named) {
    const facts = {
      leadId: p.leadId, location: p.location, investment: p.investment, areaHa: p.areaHa, lengthKm: p.lengthKm,
      startsOn: p.startYear ? `${p.startYear}-01-01` : null, completesOn: p.completionYear ? `${p.completionYear}-12-31` : null,
    };
    const [matched] = p.matchId ? await db.select().from(projects).where(eq(projects.id, p.matchId)) : [];
    let projectId: number;
    if (matched) {
      const missing = Object.fromEntries(Object.entries(facts).filter(([k, v]) => v !== null && matched[k as keyof typeof facts] === null));
      if (Object.keys(missing).length) await db.update(projects).set({ ...missing, updatedAt: new Date().toISOString() }).where(eq(projects.id, matched.id));
      projectId = matched.id;
    } else {
      const [row] = await db.insert(projects).values({ documentId, name: p.name, ...facts, searchFolded: searchText(p) }).returning({ id: projects.id });
      projectId = row.id;
    }
    await linkProject(db, projectId, documentId, role, p.name);
    if (p.metrics.length) await db.insert(projectMetrics).values(p.metrics.map((m) => ({ ...m, projectId, sourceDocumentId: documentId })));
  }
}
