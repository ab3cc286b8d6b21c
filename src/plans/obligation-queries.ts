/**
 * Documents owed (issue 15), as readers see them: for a document and its whole chain below, who owes what,
 * by when, and whether it was issued (on time, late) or is still owed (overdue, not yet due), with the document
 * that met it and, for what is owed, the published documents that could meet it; for a round, what each agency
 * still owes under its plans; for the evaluation, the tasks whose every obligation is met.
 * A draft document meets nothing: an obligation it met counts as owed until it is published again.
 */
import { and, asc, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { agencies } from "../agencies/schema.js";
import { users } from "../accounts/schema.js";
import { id } from "../core/fields.js";
import { chainBelow } from "../documents/queries.js";
import { documentLinks, documents } from "../documents/schema.js";
import { alias } from "drizzle-orm/pg-core";
import { successorsOn } from "../agencies/successions.js";
import type { Database } from "../storage/database.js";
import { fits, matchingContext } from "./obligation-matching.js";
import {
  advisedBodyOf, bodyNamed, OBLIGATION_STATES, obligationState, stateFromObligations, type DocType, type ObligationState,
} from "./obligations-derive.js";
import { documentObligations, tasks } from "./schema.js";

export const obligationListQuery = z.object({
  state: z.enum(OBLIGATION_STATES).optional(),
  /** The agency owing, or one carrying on its work today. */
  agencyId: id.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(1000).default(500),
});

export interface DocumentRef { id: number; symbol: string | null; title: string; docType: DocType; issuedOn: string | null }

export interface ObligationItem {
  id: number; version: number;
  /** The task and the document (plan) it is owed under. */
  taskId: number; section: string | null; taskText: string; taskStatus: "open" | "completed" | "cancelled";
  plan: { id: number; symbol: string | null; title: string };
  agency: { id: number; name: string };
  /** The agencies doing its work today, when it has ended (Sở Kế hoạch và Đầu tư's is Sở Tài chính's). */
  agencyNow: { id: number; name: string }[];
  docType: DocType; outputText: string | null; dueOn: string | null;
  /** The body the agency drafts it for ("Ủy ban nhân dân tỉnh Lạng Sơn"), when the task says so. */
  issuedThrough: string | null;
  state: ObligationState; daysLate: number;
  fulfilledBy: DocumentRef | null; fulfilledHow: "matched" | "confirmed" | "set" | null; fulfilledByName: string | null; fulfilledAt: string | null;
  /** Met by a document that is a draft now: it counts again once published (shown to those who read drafts). */
  heldByDraft: { id: number; symbol: string | null } | null;
  /** For what is owed: the published documents implementing the plan that could meet it, to confirm. */
  candidates: DocumentRef[];
}

export interface ObligationList {
  document: { id: number; symbol: string | null; title: string };
  items: ObligationItem[]; total: number; page: number; pageSize: number;
  /** Over the whole chain, whatever the filters. */
  counts: Record<ObligationState, number>;
  /** Every agency owing in the chain, and those carrying on their work: the filter's choices. */
  agencies: { id: number; name: string }[];
  /** The chain's published documents, nearest first: what the focal point may choose to meet an obligation by hand. */
  documents: (DocumentRef & { depth: number })[];
}

const fulfilling = alias(documents, "fulfilling");
const plan = alias(documents, "plan");

/** The obligations of a document's tasks and of every document below it, for a reader (`drafts`: see policy.readsDrafts). */
export async function listObligations(db: Database, documentId: number, q: z.infer<typeof obligationListQuery>, drafts: boolean, today: string): Promise<ObligationList> {
  const chain = await chainBelow(db, documentId, drafts);
  const top = chain[0];
  const place = new Map(chain.map((m, i) => [m.id, i]));
  const rows = await db.select({
    id: documentObligations.id, version: documentObligations.version, taskId: tasks.id, section: tasks.sectionNumber, taskText: tasks.text, taskStatus: tasks.status,
    startOffset: tasks.startOffset, planId: plan.id, planSymbol: plan.symbol, planTitle: plan.title,
    agencyId: documentObligations.agencyId, agencyName: agencies.name, docType: documentObligations.docType, outputText: documentObligations.outputText, dueOn: documentObligations.dueOn,
    fulfilledHow: documentObligations.fulfilledHow, fulfilledAt: documentObligations.fulfilledAt, fulfilledByName: users.displayName,
    f: { id: fulfilling.id, symbol: fulfilling.symbol, title: fulfilling.title, docType: fulfilling.docType, issuedOn: fulfilling.issuedOn, status: fulfilling.status },
  }).from(documentObligations).innerJoin(tasks, eq(tasks.id, documentObligations.taskId)).innerJoin(plan, eq(plan.id, tasks.documentId))
    .innerJoin(agencies, eq(agencies.id, documentObligations.agencyId))
    .leftJoin(fulfilling, eq(fulfilling.id, documentObligations.fulfilledById)).leftJoin(users, eq(users.id, documentObligations.fulfilledBy))
    .where(and(inArray(tasks.documentId, [...place.keys()]), ne(tasks.status, "cancelled")));
  rows.sort((a, b) => place.get(a.planId)! - place.get(b.planId)! || (a.startOffset ?? Infinity) - (b.startOffset ?? Infinity) || a.taskId - b.taskId
    || a.agencyName.localeCompare(b.agencyName, "vi"));

  const ctx = await matchingContext(db);
  const nameOf = new Map(ctx.registry.map((a) => [a.id, a.name]));
  const open = (r: (typeof rows)[number]) => r.f?.status !== "published";
  // The published documents implementing each plan that still owes something: what could meet its obligations.
  const owingPlans = [...new Set(rows.filter(open).map((r) => r.planId))];
  const implementers = owingPlans.length ? await db.select({ planId: documentLinks.toId, id: documents.id, symbol: documents.symbol, title: documents.title, docType: documents.docType, issuedOn: documents.issuedOn, issuerId: documents.issuerId })
    .from(documentLinks).innerJoin(documents, eq(documents.id, documentLinks.fromId))
    .where(and(inArray(documentLinks.toId, owingPlans), eq(documentLinks.kind, "implements"), eq(documents.status, "published")))
    .orderBy(asc(documents.issuedOn), asc(documents.id)) : [];

  const all = rows.map((r): ObligationItem => {
    const met = !open(r);
    const { state, daysLate } = obligationState(r.dueOn, met ? r.f!.issuedOn : undefined, today);
    const now = successorsOn(ctx.successions, r.agencyId, today).filter((x) => x !== r.agencyId);
    const body = advisedBodyOf(r.taskText);
    const through = body === null ? null : bodyNamed(body, ctx.registry, ctx.registry.find((a) => a.id === r.agencyId));
    return {
      id: r.id, version: r.version, taskId: r.taskId, section: r.section, taskText: r.taskText, taskStatus: r.taskStatus,
      plan: { id: r.planId, symbol: r.planSymbol, title: r.planTitle },
      agency: { id: r.agencyId, name: r.agencyName }, agencyNow: now.map((x) => ({ id: x, name: nameOf.get(x) ?? "" })),
      docType: r.docType, outputText: r.outputText, dueOn: r.dueOn, issuedThrough: through === null ? null : nameOf.get(through) ?? null,
      state, daysLate,
      fulfilledBy: met ? { id: r.f!.id, symbol: r.f!.symbol, title: r.f!.title, docType: r.f!.docType, issuedOn: r.f!.issuedOn } : null,
      fulfilledHow: met ? r.fulfilledHow : null, fulfilledByName: met ? r.fulfilledByName : null, fulfilledAt: met ? r.fulfilledAt : null,
      heldByDraft: r.f && !met && drafts ? { id: r.f.id, symbol: r.f.symbol } : null,
      candidates: met ? [] : implementers.filter((d) => d.planId === r.planId && fits(ctx, d, r, today).fits)
        .map((d) => ({ id: d.id, symbol: d.symbol, title: d.title, docType: d.docType, issuedOn: d.issuedOn })),
    };
  });

  const counts = Object.fromEntries(OBLIGATION_STATES.map((s) => [s, 0])) as Record<ObligationState, number>;
  for (const o of all) counts[o.state]++;
  const owing = new Map<number, string>();
  for (const o of all) for (const a of [o.agency, ...o.agencyNow]) owing.set(a.id, a.name);
  const kept = all.filter((o) => (!q.state || o.state === q.state) && (!q.agencyId || o.agency.id === q.agencyId || o.agencyNow.some((a) => a.id === q.agencyId)));
  const from = (q.page - 1) * q.pageSize;
  return {
    document: { id: top.id, symbol: top.symbol, title: top.title },
    items: kept.slice(from, from + q.pageSize), total: kept.length, page: q.page, pageSize: q.pageSize, counts,
    agencies: [...owing].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, "vi")),
    documents: await publishedOf(db, chain),
  };
}

/** The published documents of a chain, with their depth below its top. */
async function publishedOf(db: Database, chain: { id: number; depth: number }[]): Promise<ObligationList["documents"]> {
  const rows = await db.select({ id: documents.id, symbol: documents.symbol, title: documents.title, docType: documents.docType, issuedOn: documents.issuedOn })
    .from(documents).where(and(inArray(documents.id, chain.map((m) => m.id)), eq(documents.status, "published")));
  const depth = new Map(chain.map((m) => [m.id, m.depth]));
  return rows.map((r) => ({ ...r, depth: depth.get(r.id)! })).sort((a, b) => a.depth - b.depth || (a.issuedOn ?? "").localeCompare(b.issuedOn ?? "") || a.id - b.id);
}

/** A document an agency still owes under a round's plans (board and urging letter). */
export interface OwedDocument {
  obligationId: number; planId: number; planSymbol: string | null; section: string | null;
  /** The agency the task names (one merged away since is owed for by its successor). */
  agency: { id: number; name: string };
  docType: DocType; outputText: string | null; dueOn: string | null; state: "overdue" | "not_due"; daysLate: number;
}

/**
 * What each agency still owes of documents under `planIds` (open tasks; met by no published document), keyed by the
 * agency doing the work on `asOf` (a round's due date: as its reporters are), overdue first, then by due day.
 */
export async function documentsOwedUnder(db: Database, planIds: readonly number[], asOf: string, today: string): Promise<Map<number, OwedDocument[]>> {
  const out = new Map<number, OwedDocument[]>();
  if (!planIds.length) return out;
  const rows = await db.select({
    obligationId: documentObligations.id, planId: tasks.documentId, planSymbol: plan.symbol, section: tasks.sectionNumber, startOffset: tasks.startOffset,
    agencyId: documentObligations.agencyId, agencyName: agencies.name, docType: documentObligations.docType, outputText: documentObligations.outputText, dueOn: documentObligations.dueOn,
  }).from(documentObligations).innerJoin(tasks, eq(tasks.id, documentObligations.taskId)).innerJoin(plan, eq(plan.id, tasks.documentId))
    .innerJoin(agencies, eq(agencies.id, documentObligations.agencyId))
    .where(and(inArray(tasks.documentId, [...planIds]), eq(tasks.status, "open"), unmet()))
    .orderBy(asc(tasks.documentId), asc(tasks.startOffset), asc(tasks.id));
  if (!rows.length) return out;
  const { successions } = await matchingContext(db);
  for (const { agencyId, agencyName, startOffset: _s, ...r } of rows) {
    const { state, daysLate } = obligationState(r.dueOn, undefined, today);
    const owed = { ...r, agency: { id: agencyId, name: agencyName }, state: state as OwedDocument["state"], daysLate };
    for (const now of successorsOn(successions, agencyId, asOf)) out.set(now, [...(out.get(now) ?? []), owed]);
  }
  for (const list of out.values()) list.sort((a, b) => b.daysLate - a.daysLate || (a.dueOn ?? "9999").localeCompare(b.dueOn ?? "9999"));
  return out;
}

/** An obligation not met by a published document. */
const unmet = (): SQL => sql`(${documentObligations.fulfilledById} is null or ${documentObligations.fulfilledById} not in (select ${documents.id} from ${documents} where ${documents.status} = 'published'))`;

/**
 * The tasks `scope` selects (a condition on tasks.document_id) whose every obligation is met, by documents issued
 * by `asOf`: completed on time, or late where any was issued after its due day (see stateFromObligations).
 */
export async function taskStatesFromObligations(db: Database, scope: SQL, asOf: string): Promise<Map<number, "completed_on_time" | "completed_late">> {
  const rows = await db.select({ taskId: documentObligations.taskId, dueOn: documentObligations.dueOn, issuedOn: fulfilling.issuedOn, status: fulfilling.status })
    .from(documentObligations).innerJoin(tasks, eq(tasks.id, documentObligations.taskId)).leftJoin(fulfilling, eq(fulfilling.id, documentObligations.fulfilledById))
    .where(scope);
  const byTask = new Map<number, { dueOn: string | null; issuedOn: string | null | undefined }[]>();
  for (const r of rows) byTask.set(r.taskId, [...(byTask.get(r.taskId) ?? []), { dueOn: r.dueOn, issuedOn: r.status === "published" ? r.issuedOn : undefined }]);
  const out = new Map<number, "completed_on_time" | "completed_late">();
  for (const [taskId, owed] of byTask) {
    const state = stateFromObligations(owed, asOf);
    if (state) out.set(taskId, state);
  }
  return out;
}
