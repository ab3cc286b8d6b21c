/**
 * Documents owed (issue 15): which obligations a document implementing a plan meets. A document D that
 * implements P is a candidate for each open obligation of P's tasks that it fits (obligations-derive: the kind
 * asked for, issued by the agency, the one carrying on its work, or the body it drafts for); met at once where
 * that is one obligation of P ("matched"), else proposed in the import review to be confirmed ("confirmed"),
 * or set by hand by the focal point on the obligations list ("set"). A met obligation counts only while its
 * document is published: made a draft again, it stops meeting it (and meets it again once published).
 * Outcomes: the obligation, or AppError not_found, conflict (stale version), validation (a document that is
 * not published, the obligation's own plan, or one that does not implement it).
 */
import { and, eq, inArray, ne, or, sql } from "drizzle-orm";
import { agencies, agencySuccessions } from "../agencies/schema.js";
import { invalid, notFound } from "../core/errors.js";
import { likelyDocument, sameDocument } from "../documents/commands.js";
import { chainBelow } from "../documents/queries.js";
import { documentLinks, documents } from "../documents/schema.js";
import type { Database } from "../storage/database.js";
import { findById, updateVersioned } from "../storage/records.js";
import {
  advisedBodyOf, automaticOnes, bodyNamed, fitsKind, issuedBy, kindsOwed, type BodyEntry, type DocType,
} from "./obligations-derive.js";
import { documentObligations, tasks } from "./schema.js";

/** A document as matching reads it: the one being published, or one already published (`id` null: not written yet). */
export interface ImplementingDocument { id: number | null; docType: DocType; title: string; issuerId: number | null; issuedOn: string | null }

/** An obligation a document may meet, with what the review and the list show of it. */
export interface ObligationCandidate {
  obligationId: number; version: number; planId: number; planSymbol: string | null; taskId: number; section: string | null; taskText: string;
  agencyId: number; agencyName: string; docType: DocType; outputText: string | null; dueOn: string | null;
  /** The body the agency drafts for, as the task names it ("ubnd tinh"), when the document is that body's. */
  advised: boolean;
  /** Met without asking on publishing: the one obligation of its plan the document fits. */
  automatic: boolean;
  /** Already met by this document. */
  met: boolean;
}

/** What matching reads once: the registry (for the bodies agencies draft for) and the successions. */
export interface MatchingContext { registry: BodyEntry[]; successions: { predecessorId: number; successorId: number; effectiveDate: string }[] }

export async function matchingContext(db: Database): Promise<MatchingContext> {
  const registry = (await db.select({ id: agencies.id, name: agencies.name, aliases: agencies.aliases, parentId: agencies.parentId }).from(agencies))
    .map((a) => ({ ...a, aliases: a.aliases ?? [] }));
  const successions = await db.select({ predecessorId: agencySuccessions.predecessorId, successorId: agencySuccessions.successorId, effectiveDate: agencySuccessions.effectiveDate }).from(agencySuccessions);
  return { registry, successions };
}

/** Whether `d` may meet an obligation of `agencyId` under a task with these words: by its kind and its issuer (unknown: any). */
export function fits(ctx: MatchingContext, d: Omit<ImplementingDocument, "id">, o: { agencyId: number; docType: DocType; outputText: string | null; taskText: string }, today: string): { fits: boolean; advised: boolean } {
  if (!fitsKind(kindsOwed(o), d)) return { fits: false, advised: false };
  if (d.issuerId === null) return { fits: true, advised: false };
  if (issuedBy(o.agencyId, d.issuerId, d.issuedOn ?? today, ctx.successions)) return { fits: true, advised: false };
  const body = advisedBodyOf(o.taskText);
  const advised = body !== null && bodyNamed(body, ctx.registry, ctx.registry.find((a) => a.id === o.agencyId)) === d.issuerId;
  return { fits: advised, advised };
}

/**
 * The obligations of `planIds` that `d` may meet: those still owed (unmet, or met by a document that is a draft
 * now) and those it already meets, of tasks not cancelled. A document is never a candidate for its own tasks.
 */
export async function candidatesFor(db: Database, d: ImplementingDocument, planIds: readonly number[], today: string, ctx?: MatchingContext): Promise<ObligationCandidate[]> {
  const plans = planIds.filter((p) => p !== d.id);
  if (!plans.length) return [];
  const meeting = sql`(select status from ${documents} where ${documents.id} = ${documentObligations.fulfilledById})`;
  const rows = await db.select({
    obligationId: documentObligations.id, version: documentObligations.version, planId: tasks.documentId, planSymbol: documents.symbol,
    taskId: tasks.id, section: tasks.sectionNumber, taskText: tasks.text, agencyId: documentObligations.agencyId, agencyName: agencies.name,
    docType: documentObligations.docType, outputText: documentObligations.outputText, dueOn: documentObligations.dueOn, fulfilledById: documentObligations.fulfilledById,
  }).from(documentObligations).innerJoin(tasks, eq(tasks.id, documentObligations.taskId)).innerJoin(documents, eq(documents.id, tasks.documentId))
    .innerJoin(agencies, eq(agencies.id, documentObligations.agencyId))
    .where(and(inArray(tasks.documentId, plans), ne(tasks.status, "cancelled"), or(
      sql`${documentObligations.fulfilledById} is null`, sql`${meeting} <> 'published'`,
      d.id === null ? undefined : eq(documentObligations.fulfilledById, d.id),
    )))
    .orderBy(tasks.documentId, tasks.startOffset, tasks.id, agencies.name);
  if (!rows.length) return [];
  const context = ctx ?? await matchingContext(db);
  const found = rows.flatMap(({ fulfilledById, ...r }) => {
    const fit = fits(context, d, r, today);
    return fit.fits ? [{ ...r, advised: fit.advised, automatic: false, met: d.id !== null && fulfilledById === d.id }] : [];
  });
  const automatic = automaticOnes(found, d.issuerId !== null);
  return found.map((c) => ({ ...c, automatic: automatic.has(c.obligationId) }));
}

/** The plans a document implements, as its links say. */
async function implementedBy(db: Database, documentId: number): Promise<number[]> {
  return (await db.select({ toId: documentLinks.toId }).from(documentLinks).where(and(eq(documentLinks.fromId, documentId), eq(documentLinks.kind, "implements")))).map((l) => l.toId);
}

/** The documents of a draft's citations that are recorded already (its implements), without creating stubs. */
export async function plansCited(db: Database, citations: ReadonlyArray<{ symbol: string; date: string | null }>, self: number | null): Promise<number[]> {
  const ids: number[] = [];
  for (const c of citations) {
    const found = await likelyDocument(db, c.symbol, c.date);
    if (found && found.id !== self && !ids.includes(found.id)) ids.push(found.id);
  }
  return ids;
}

/** A reviewer's answer on a proposed obligation: meet it or not. */
export interface ObligationChoice { id: number; meet: boolean }

async function meet(db: Database, obligationId: number, documentId: number, how: "matched" | "confirmed" | "set", userId: number | null) {
  await db.update(documentObligations).set({
    fulfilledById: documentId, fulfilledHow: how, fulfilledBy: userId, fulfilledAt: sql`now()`, version: sql`${documentObligations.version} + 1`, updatedAt: sql`now()`,
  }).where(eq(documentObligations.id, obligationId));
}

/**
 * On publishing a document (call inside the publishing transaction, after its links and tasks are written):
 *  - as one implementing plans, it meets the obligations of theirs it fits: those the reviewer confirmed in
 *    `choices`, and the automatic ones the reviewer did not refuse; choices naming anything else are ignored;
 *  - as a plan published for the first time (`firstVersion`), its obligations are met by the published documents
 *    already implementing it, where unambiguous (a plan imported after the departments' plans that cite it). A new
 *    version keeps what met its tasks (obligations.ts carryFulfilments), and what a reviewer refused stays refused.
 * Returns the obligations met.
 */
export async function settleObligationsOnPublish(db: Database, documentId: number, choices: readonly ObligationChoice[], userId: number | null, today: string, firstVersion = true): Promise<number[]> {
  const doc = await findById(db, documents, documentId);
  const ctx = await matchingContext(db);
  const done: number[] = [];
  const asImplementer = await candidatesFor(db, { id: doc.id, docType: doc.docType, title: doc.title, issuerId: doc.issuerId, issuedOn: doc.issuedOn }, await implementedBy(db, documentId), today, ctx);
  for (const c of asImplementer) {
    if (c.met) continue;
    const choice = choices.find((x) => x.id === c.obligationId);
    if (choice ? !choice.meet : !c.automatic) continue;
    await meet(db, c.obligationId, documentId, choice ? "confirmed" : "matched", choice ? userId : null);
    done.push(c.obligationId);
  }
  if (!firstVersion) return done;
  const below = await db.select({ id: documents.id, docType: documents.docType, title: documents.title, issuerId: documents.issuerId, issuedOn: documents.issuedOn })
    .from(documentLinks).innerJoin(documents, eq(documents.id, documentLinks.fromId))
    .where(and(eq(documentLinks.toId, documentId), eq(documentLinks.kind, "implements"), eq(documents.status, "published")));
  for (const e of below) {
    for (const c of await candidatesFor(db, e, [documentId], today, ctx)) {
      if (!c.automatic || c.met || done.includes(c.obligationId)) continue;
      await meet(db, c.obligationId, e.id, "matched", null);
      done.push(c.obligationId);
    }
  }
  return done;
}

/** The documents that may be chosen to meet an obligation by hand: published, below its plan in the chain (not the plan itself). */
async function mayMeet(db: Database, planId: number, documentId: number): Promise<void> {
  if (documentId === planId) throw invalid("documentId", "obligation_document_self");
  const [d] = await db.select({ status: documents.status }).from(documents).where(eq(documents.id, documentId));
  if (!d) throw invalid("documentId", "document_unknown");
  if (d.status !== "published") throw invalid("documentId", "obligation_document_draft");
  const below = await chainBelow(db, planId, true);
  if (!below.some((m) => m.id === documentId)) throw invalid("documentId", "obligation_document_unrelated");
}

/**
 * The focal point sets (or, with `documentId` null, unsets) the document meeting an obligation: one of the
 * candidates is "confirmed", any other document implementing the plan "set". Call inside a transaction.
 */
export async function setFulfilment(db: Database, obligationId: number, input: { documentId: number | null; version: number }, userId: number | null, today: string) {
  const [o] = await db.select({ id: documentObligations.id, planId: tasks.documentId }).from(documentObligations)
    .innerJoin(tasks, eq(tasks.id, documentObligations.taskId)).where(eq(documentObligations.id, obligationId));
  if (!o) throw notFound();
  if (input.documentId === null) {
    return updateVersioned(db, documentObligations, obligationId, input.version, { fulfilledById: null, fulfilledHow: null, fulfilledBy: null, fulfilledAt: null });
  }
  await mayMeet(db, o.planId, input.documentId);
  const d = await findById(db, documents, input.documentId);
  const candidates = await candidatesFor(db, { id: d.id, docType: d.docType, title: d.title, issuerId: d.issuerId, issuedOn: d.issuedOn }, [o.planId], today);
  const how = candidates.some((c) => c.obligationId === obligationId) ? "confirmed" : "set";
  return updateVersioned(db, documentObligations, obligationId, input.version, { fulfilledById: input.documentId, fulfilledHow: how, fulfilledBy: userId, fulfilledAt: sql`now()` });
}

/** What the import review shows a draft may meet: the obligations of the recorded plans it says it implements (see candidatesFor). */
export async function draftObligations(db: Database, draft: { document: Omit<ImplementingDocument, "id"> & { symbol: string | null }; implements: ReadonlyArray<{ symbol: string; date: string | null }> }, today: string): Promise<ObligationCandidate[]> {
  const d = draft.document;
  const self = d.symbol ? (await sameDocument(db, d.symbol, d.issuedOn))?.id ?? null : null;
  const plans = await plansCited(db, draft.implements, self);
  return candidatesFor(db, { id: self, docType: d.docType, title: d.title, issuerId: d.issuerId, issuedOn: d.issuedOn }, plans, today);
}
