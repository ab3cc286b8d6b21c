import { and, asc, eq, gte, isNull, lte, or, type SQL } from "drizzle-orm";
import { notFound } from "../core/errors.js";
import { toPrefixTsquery } from "../search/tsquery.js";
import type { Database } from "../storage/database.js";
import { matchesSearch, pageOffset, type Page, pageOf } from "../storage/records.js";
import type { AgencyListQuery } from "./inputs.js";
import { agencies, agencySuccessions } from "./schema.js";

export type Agency = typeof agencies.$inferSelect;
export type AgencySummary = Pick<Agency, "id" | "code" | "name" | "kind">;
export interface Succession { agency: AgencySummary; effectiveDate: string; kind: string; note: string | null }
export interface AgencyDetail extends Agency { successors: Succession[]; predecessors: Succession[] }

const summary = { id: agencies.id, code: agencies.code, name: agencies.name, kind: agencies.kind };

export async function listAgencies(db: Database, q: AgencyListQuery): Promise<Page<Agency>> {
  const where: SQL[] = [];
  const tsquery = q.q ? toPrefixTsquery(q.q) : null;
  if (tsquery) where.push(matchesSearch(agencies.searchFolded, tsquery));
  if (q.kind) where.push(eq(agencies.kind, q.kind));
  if (q.parentId) where.push(eq(agencies.parentId, q.parentId));
  if (q.activeOn) {
    where.push(or(isNull(agencies.validFrom), lte(agencies.validFrom, q.activeOn))!);
    where.push(or(isNull(agencies.validTo), gte(agencies.validTo, q.activeOn))!);
  }
  const condition = where.length ? and(...where) : undefined;
  const items = await db.select().from(agencies).where(condition)
    .orderBy(asc(agencies.kind), asc(agencies.name)).limit(q.pageSize).offset(pageOffset(q));
  return pageOf(db, agencies, condition, q, items);
}

export async function getAgency(db: Database, id: number): Promise<AgencyDetail> {
  const [agency] = await db.select().from(agencies).where(eq(agencies.id, id));
  if (!agency) throw notFound();
  const successors = await db.select({ agency: summary, effectiveDate: agencySuccessions.effectiveDate, kind: agencySuccessions.kind, note: agencySuccessions.note })
    .from(agencySuccessions).innerJoin(agencies, eq(agencies.id, agencySuccessions.successorId))
    .where(eq(agencySuccessions.predecessorId, id)).orderBy(asc(agencies.name));
  const predecessors = await db.select({ agency: summary, effectiveDate: agencySuccessions.effectiveDate, kind: agencySuccessions.kind, note: agencySuccessions.note })
    .from(agencySuccessions).innerJoin(agencies, eq(agencies.id, agencySuccessions.predecessorId))
    .where(eq(agencySuccessions.successorId, id)).orderBy(asc(agencies.name));
  return { ...agency, successors, predecessors };
}

/** Every succession, for the agency tree and for exports. */
export async function listSuccessions(db: Database) {
  return db.select().from(agencySuccessions).orderBy(asc(agencySuccessions.predecessorId));
}
