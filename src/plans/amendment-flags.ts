/**
 * Flags on the documents below one amended, replaced or repealed (issue 15): each published document down the
 * amended one's chain (a department's plan implementing the provincial plan) is flagged with a note of what
 * changed, and the users of its issuing agency and the focal points are notified, in the caller's transaction.
 * A flag stays open until someone marks it reviewed. A flag raised by a draft (a document published, then taken
 * back) is not shown to readers who may not see drafts.
 * Outcomes: how many documents were flagged; the open (or all) flags of a document; a flag marked reviewed;
 * not_found (a document or flag the reader may not see).
 */
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { users, userAgencies } from "../accounts/schema.js";
import { notFound } from "../core/errors.js";
import { chainBelow, findDocument, inPublishedDocument } from "../documents/queries.js";
import { documentFlags, documents } from "../documents/schema.js";
import { LINK_KIND_LABELS } from "../documents/labels.js";
import type { AmendmentKind } from "../extraction/amendments.js";
import { notifications } from "../reporting/schema.js";
import type { Database } from "../storage/database.js";

const nameOf = (d: { symbol: string | null; title: string }) => d.symbol ?? d.title;

/**
 * Flags every published document below `amendedId` because of `changeId`, and notifies their agencies' users and
 * the focal points. Without a note, the note says how (`kind`) and by which document ("Bãi bỏ theo 99/QĐ-UBND").
 */
export async function flagChainBelow(db: Database, amendedId: number, changeId: number, note: string | null, kind: AmendmentKind = "amends"): Promise<number> {
  const [change] = await db.select({ id: documents.id, symbol: documents.symbol, title: documents.title, status: documents.status }).from(documents).where(eq(documents.id, changeId));
  // A draft changes nothing yet: it flags when it is published.
  if (!change || change.status !== "published") return 0;
  const below = (await chainBelow(db, amendedId, true)).filter((d) => d.depth > 0 && d.id !== changeId && !d.stub);
  if (!below.length) return 0;
  note ??= `${LINK_KIND_LABELS[kind].out.vi} theo ${nameOf(change)}`;
  const published = await db.select({ id: documents.id, symbol: documents.symbol, title: documents.title, issuerId: documents.issuerId }).from(documents)
    .where(and(inArray(documents.id, below.map((d) => d.id)), eq(documents.status, "published")));
  const flagged = published.length ? await db.insert(documentFlags).values(published.map((d) => ({ documentId: d.id, changeId, note })))
    .onConflictDoNothing().returning({ documentId: documentFlags.documentId }) : [];
  // Each flagged document's owners: the users of its issuing agency.
  for (const d of published.filter((p) => flagged.some((f) => f.documentId === p.id))) {
    const owners = d.issuerId === null ? [] : await db.select({ id: users.id }).from(users).innerJoin(userAgencies, eq(userAgencies.userId, users.id))
      .where(and(eq(userAgencies.agencyId, d.issuerId), eq(users.disabled, false)));
    if (owners.length) {
      await db.insert(notifications).values(owners.map((u) => ({
        userId: u.id, kind: "document_flagged", agencyId: d.issuerId,
        params: { documentId: d.id, document: nameOf(d), changeId, change: nameOf(change), note },
      })));
    }
  }
  // The focal points: once for the whole chain (an amended provincial plan may flag dozens of plans).
  const focal = await db.select({ id: users.id }).from(users).where(and(eq(users.role, "focal_point"), eq(users.disabled, false)));
  const [amended] = await db.select({ symbol: documents.symbol, title: documents.title }).from(documents).where(eq(documents.id, amendedId));
  if (flagged.length && focal.length) {
    await db.insert(notifications).values(focal.map((u) => ({
      userId: u.id, kind: "chain_flagged", params: { documentId: amendedId, document: nameOf(amended), changeId, change: nameOf(change), count: flagged.length },
    })));
  }
  return flagged.length;
}

const change = alias(documents, "change");
const flagColumns = {
  id: documentFlags.id, documentId: documentFlags.documentId, changeId: documentFlags.changeId, note: documentFlags.note, createdAt: documentFlags.createdAt,
  resolvedAt: documentFlags.resolvedAt, resolvedBy: documentFlags.resolvedBy, resolvedByName: users.displayName,
  changeSymbol: change.symbol, changeTitle: change.title, changeIssuedOn: change.issuedOn,
};

/** A document's flags, open ones only unless `all`, newest first. */
export async function listFlags(db: Database, documentId: number, drafts: boolean, all = false) {
  await findDocument(db, documentId, drafts);
  return db.select(flagColumns).from(documentFlags).innerJoin(change, eq(change.id, documentFlags.changeId)).leftJoin(users, eq(users.id, documentFlags.resolvedBy))
    .where(and(eq(documentFlags.documentId, documentId), all ? undefined : isNull(documentFlags.resolvedAt), drafts ? undefined : inPublishedDocument(documentFlags.changeId)))
    .orderBy(desc(documentFlags.createdAt), desc(documentFlags.id));
}
export type DocumentFlag = Awaited<ReturnType<typeof listFlags>>[number];

/** Marks a flag reviewed (once: a second time changes nothing). */
export async function resolveFlag(db: Database, flagId: number, userId: number, drafts: boolean): Promise<DocumentFlag> {
  const [flag] = await db.select({ documentId: documentFlags.documentId }).from(documentFlags)
    .where(and(eq(documentFlags.id, flagId), drafts ? undefined : and(inPublishedDocument(documentFlags.documentId), inPublishedDocument(documentFlags.changeId))));
  if (!flag) throw notFound();
  await db.update(documentFlags).set({ resolvedAt: new Date().toISOString(), resolvedBy: userId }).where(and(eq(documentFlags.id, flagId), isNull(documentFlags.resolvedAt)));
  return (await listFlags(db, flag.documentId, drafts, true)).find((f) => f.id === flagId)!;
}
