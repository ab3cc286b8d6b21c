/**
 * Agency use cases. Outcomes: the written agency, or AppError validation (unknown parent or
 * successor, a parent cycle), duplicate (code taken), not_found, conflict (stale version).
 */
import { eq, inArray, sql } from "drizzle-orm";
import { AppError, invalid } from "../core/errors.js";
import type { Database } from "../storage/database.js";
import { findById, lockGraph, updateVersioned } from "../storage/records.js";
import { searchDocumentText } from "../text/fold.js";
import type { AgencyExchangeRecord, AgencyInput, AgencyPatch, successorsInput } from "./inputs.js";
import { getAgency, type Agency } from "./queries.js";
import { agencies, agencySuccessions } from "./schema.js";
import type { z } from "zod";

const searchText = (a: Pick<Agency, "name" | "code" | "aliases">) => searchDocumentText(a.name, a.code, ...a.aliases);

/** Refuses a parent that is unknown or would make a cycle. Call inside a transaction. */
async function checkParent(db: Database, agencyId: number | null, parentId: number | null | undefined) {
  if (parentId == null) return;
  if (agencyId !== null) await lockGraph(db, "agency_parents");
  const seen = new Set<number>();
  for (let cursor: number | null = parentId; cursor !== null; ) {
    if (cursor === agencyId || seen.has(cursor)) throw invalid("parentId", "parent_cycle");
    seen.add(cursor);
    const [row] = await db.select({ parentId: agencies.parentId }).from(agencies).where(eq(agencies.id, cursor));
    if (!row) throw invalid("parentId", "agency_unknown");
    cursor = row.parentId;
  }
}

function checkValidity(validFrom: string | null | undefined, validTo: string | null | undefined) {
  if (validFrom && validTo && validTo < validFrom) throw invalid("validTo", "min_gt_max");
}

export async function createAgency(db: Database, input: AgencyInput): Promise<Agency> {
  checkValidity(input.validFrom, input.validTo);
  await checkParent(db, null, input.parentId);
  const [row] = await db.insert(agencies).values({ ...input, searchFolded: searchText(input) }).returning();
  return row;
}

export async function updateAgency(db: Database, id: number, patch: AgencyPatch): Promise<Agency> {
  const { version, ...changes } = patch;
  const current = await findById(db, agencies, id);
  const next = { ...current, ...changes };
  checkValidity(next.validFrom, next.validTo);
  if (changes.parentId !== undefined) await checkParent(db, id, changes.parentId);
  return updateVersioned(db, agencies, id, version, { ...changes, searchFolded: searchText(next) });
}

/**
 * Replaces an agency's successors (rename, merge, split). Call inside a transaction: the agency's
 * version is checked and bumped first, so a stale edit is a conflict and a failed one leaves it as it was.
 */
export async function replaceSuccessors(db: Database, id: number, input: z.infer<typeof successorsInput>) {
  const ids = input.successors.map((s) => s.successorId);
  if (ids.includes(id)) throw new AppError("validation", [{ field: "successors", key: "parent_cycle" }]);
  if (ids.length) {
    const found = await db.select({ id: agencies.id }).from(agencies).where(inArray(agencies.id, ids));
    const missing = input.successors.findIndex((s) => !found.some((f) => f.id === s.successorId));
    if (missing >= 0) throw invalid(`successors.${missing}.successorId`, "agency_unknown");
  }
  await updateVersioned(db, agencies, id, input.version, {});
  await db.delete(agencySuccessions).where(eq(agencySuccessions.predecessorId, id));
  if (input.successors.length) {
    await db.insert(agencySuccessions).values(input.successors.map(({ successorId, effectiveDate, kind, note }) => ({ predecessorId: id, successorId, effectiveDate, kind, note: note ?? null })));
  }
  return getAgency(db, id);
}

export interface ImportResult { created: number; updated: number }

/**
 * Imports agencies by code in one transaction: existing codes are updated, new ones created,
 * then parents and successors resolved by code. A record naming an unknown code fails the
 * whole import with the record's position, and nothing is written.
 */
export async function importAgencies(db: Database, records: AgencyExchangeRecord[]): Promise<ImportResult> {
  const codes = new Set(records.map((r) => r.code));
  return db.transaction(async (tx) => {
    const existing = new Map((await tx.select({ id: agencies.id, code: agencies.code }).from(agencies)).map((a) => [a.code, a.id]));
    const known = (code: string) => codes.has(code) || existing.has(code);
    records.forEach((r, i) => {
      if (r.parent && !known(r.parent)) throw invalid(`agencies.${i}.parent`, "agency_unknown");
      r.successors.forEach((s, j) => { if (!known(s.code)) throw invalid(`agencies.${i}.successors.${j}.code`, "agency_unknown"); });
      checkValidity(r.validFrom, r.validTo);
    });
    let created = 0, updated = 0;
    const idOf = new Map(existing);
    for (const r of records) {
      const values = { name: r.name, aliases: r.aliases, kind: r.kind, validFrom: r.validFrom ?? null, validTo: r.validTo ?? null, searchFolded: searchText(r) };
      // An update through import is an edit like any other: it bumps the version, so a client holding the old one gets a conflict.
      const [row] = await tx.insert(agencies).values({ code: r.code, ...values })
        .onConflictDoUpdate({ target: agencies.code, set: { ...values, version: sql`${agencies.version} + 1`, updatedAt: sql`now()` } }).returning({ id: agencies.id });
      if (existing.has(r.code)) updated++; else created++;
      idOf.set(r.code, row.id);
    }
    for (const r of records) {
      const selfId = idOf.get(r.code)!;
      await tx.update(agencies).set({ parentId: r.parent ? idOf.get(r.parent)! : null }).where(eq(agencies.id, selfId));
      await tx.delete(agencySuccessions).where(eq(agencySuccessions.predecessorId, selfId));
      if (r.successors.length) {
        await tx.insert(agencySuccessions).values(r.successors.map((s) => ({
          predecessorId: selfId, successorId: idOf.get(s.code)!, effectiveDate: s.effectiveDate, kind: s.kind, note: s.note ?? null,
        })));
      }
    }
    for (const r of records) if (r.parent) await checkParent(tx, idOf.get(r.code)!, idOf.get(r.parent)!);
    return { created, updated };
  });
}

export async function exportAgencies(db: Database) {
  const rows = await db.select().from(agencies).orderBy(agencies.id);
  const successions = await db.select().from(agencySuccessions);
  const codeOf = new Map(rows.map((a) => [a.id, a.code]));
  return {
    format: "theodoi-agencies" as const,
    version: 1 as const,
    agencies: rows.map((a) => ({
      code: a.code, name: a.name, aliases: a.aliases, kind: a.kind,
      parent: a.parentId ? codeOf.get(a.parentId)! : null, validFrom: a.validFrom, validTo: a.validTo,
      successors: successions.filter((s) => s.predecessorId === a.id)
        .map((s) => ({ code: codeOf.get(s.successorId)!, effectiveDate: s.effectiveDate, kind: s.kind, note: s.note })),
    })),
  };
}
