/**
 * Document and link use cases. Outcomes: the written record, or AppError validation
 * (malformed symbol, impossible date, unknown issuer, a link cycle), duplicate (symbol taken),
 * not_found, conflict (stale version).
 */
import { and, eq, isNotNull, ne } from "drizzle-orm";
import { AppError, invalid, notFound } from "../core/errors.js";
import { inPublishedDocument } from "./queries.js";
import { queryRows, type Database } from "../storage/database.js";
import { deleteById, findById, lockGraph, pageOffset, updateVersioned, pageOf } from "../storage/records.js";
import { checkAgencies, checkDocument } from "../storage/references.js";
import { searchDocumentText } from "../text/fold.js";
import { documentTypeOfSymbol, parseDocumentSymbol, suggestSymbolMatches, type SymbolSuggestion } from "../text/symbols.js";
import { sql } from "drizzle-orm";
import type { DocumentInput, DocumentPatch, LinkInput, linkListQuery, linkPatch, OutlineInput } from "./inputs.js";
import { documentLinks, documents, documentSections } from "./schema.js";
import type { z } from "zod";

type DocumentRow = typeof documents.$inferSelect;
/** A written document as answered: without its search columns. */
type StoredDocument = Omit<DocumentRow, "searchFolded" | "bodyFolded" | "searchVector">;

/** The columns a symbol determines; a malformed symbol is refused with the field named. */
export function symbolColumns(symbol: string | null | undefined) {
  if (!symbol) return { symbol: null, symbolKey: null, number: null, symbolYear: null, typeCode: null, issuerCode: null, impliedType: null };
  const parsed = parseDocumentSymbol(symbol);
  if (!parsed) throw invalid("symbol", "symbol_malformed");
  return {
    symbol: parsed.canonical, symbolKey: parsed.key, number: parsed.number, symbolYear: parsed.year,
    typeCode: parsed.typeCode, issuerCode: parsed.issuerCode, impliedType: documentTypeOfSymbol(parsed),
  };
}

/**
 * The year that tells documents of one symbol apart: the symbol's own ("09/2019/NĐ-CP"), else the year
 * issued (a province numbers its documents anew each year: "58/NQ-HĐND" of 2023 and of 2025 are two).
 * Null when neither is known. The unique index on documents keys them so.
 */
export const symbolYearOf = (symbolYear: number | null, issuedOn: string | null): number | null =>
  symbolYear ?? (issuedOn ? Number(issuedOn.slice(0, 4)) : null);

async function checkSymbolFree(db: Database, key: string | null, year: number | null, exceptId?: number) {
  if (!key) return;
  const where = exceptId ? and(eq(documents.symbolKey, key), ne(documents.id, exceptId)) : eq(documents.symbolKey, key);
  const same = await db.select({ symbolYear: documents.symbolYear, issuedOn: documents.issuedOn }).from(documents).where(where);
  if (same.some((d) => symbolYearOf(d.symbolYear, d.issuedOn) === year)) throw new AppError("duplicate", [{ field: "symbol", key: "symbol_taken" }]);
}

/** A document as found by its symbol: what telling it apart, and writing it, takes. */
type SymbolMatch = Pick<DocumentRow, "id" | "symbolYear" | "issuedOn" | "stub" | "version">;

async function documentsOfSymbol(db: Database, symbol: string): Promise<{ rows: SymbolMatch[]; symbolYear: number | null }> {
  const parsed = parseDocumentSymbol(symbol);
  if (!parsed?.key) return { rows: [], symbolYear: null };
  const rows = await db.select({ id: documents.id, symbolYear: documents.symbolYear, issuedOn: documents.issuedOn, stub: documents.stub, version: documents.version })
    .from(documents).where(eq(documents.symbolKey, parsed.key));
  return { rows, symbolYear: parsed.year };
}

/**
 * The document that is this one, for an upload to become (or a new version of): the same symbol in the
 * same year (the symbol's own, else the year issued), or a stub made from a citation that gave no date,
 * to be filled in. Undated itself, only an undated document is it: never another year's.
 */
export async function sameDocument(db: Database, symbol: string, issuedOn: string | null): Promise<SymbolMatch | null> {
  const { rows, symbolYear } = await documentsOfSymbol(db, symbol);
  const year = symbolYearOf(symbolYear, issuedOn);
  const yearOf = (d: SymbolMatch) => symbolYearOf(d.symbolYear, d.issuedOn);
  return rows.find((d) => yearOf(d) === year) ?? (year !== null ? rows.find((d) => d.stub && yearOf(d) === null) : undefined) ?? null;
}

/**
 * The document a citation or a person most likely means by a symbol: with a date (or a year in the
 * symbol), the same document as `sameDocument` finds; without, the only one of that symbol, or the latest.
 */
export async function likelyDocument(db: Database, symbol: string, issuedOn: string | null): Promise<SymbolMatch | null> {
  const { rows, symbolYear } = await documentsOfSymbol(db, symbol);
  if (symbolYearOf(symbolYear, issuedOn) !== null) return sameDocument(db, symbol, issuedOn);
  return rows.sort((a, b) => (b.issuedOn ?? "").localeCompare(a.issuedOn ?? "") || b.id - a.id)[0] ?? null;
}

/** The folded text a document is found by (its body is folded apart, with a lower weight). */
export const documentSearchText = (d: Pick<DocumentRow, "symbol" | "title" | "signer" | "issuerText">) => searchDocumentText(d.symbol, d.title, d.signer, d.issuerText);

export interface WrittenDocument extends StoredDocument {
  /** Existing documents whose symbol this one probably misspells ("52-CTr/T" → 52-CTr/TU): for a person to confirm. */
  symbolSuggestions: { id: number; symbol: string | null; reason: SymbolSuggestion["reason"] }[];
}

async function withSuggestions(db: Database, row: DocumentRow): Promise<WrittenDocument> {
  const { searchFolded: _s, bodyFolded: _b, searchVector: _v, ...doc } = row;
  if (!doc.symbol || !doc.number) return { ...doc, symbolSuggestions: [] };
  const candidates = await db.select({ id: documents.id, symbol: documents.symbol, symbolKey: documents.symbolKey }).from(documents)
    .where(and(eq(documents.number, doc.number), ne(documents.id, doc.id), isNotNull(documents.symbolKey)));
  // (One key may now stand for documents of several years: each misspelt key is suggested once.)
  const suggestions = suggestSymbolMatches(doc.symbol, [...new Set(candidates.map((c) => c.symbolKey!))]);
  return {
    ...doc,
    symbolSuggestions: suggestions.map((s) => {
      const c = candidates.find((x) => x.symbolKey === s.key)!;
      return { id: c.id, symbol: c.symbol, reason: s.reason };
    }),
  };
}

export async function createDocument(db: Database, input: DocumentInput): Promise<WrittenDocument> {
  const { impliedType, ...fromSymbol } = symbolColumns(input.symbol);
  const docType = input.docType ?? impliedType ?? "other";
  await checkAgencies(db, "issuerId", [input.issuerId]);
  await checkSymbolFree(db, fromSymbol.symbolKey, symbolYearOf(fromSymbol.symbolYear, input.issuedOn ?? null));
  const values = { ...input, ...fromSymbol, docType };
  const [row] = await db.insert(documents).values({
    ...values,
    searchFolded: documentSearchText({ ...values, signer: input.signer ?? null, issuerText: input.issuerText ?? null }),
    bodyFolded: searchDocumentText(input.fullText),
  }).returning();
  return withSuggestions(db, row);
}

export async function updateDocument(db: Database, id: number, patch: DocumentPatch): Promise<WrittenDocument> {
  const { version, ...changes } = patch;
  const current = await findById(db, documents, id);
  let symbolChanges = {};
  // A new symbol, or a new date for the same symbol (which may make it another year's), must not be another's.
  if (changes.symbol !== undefined || changes.issuedOn !== undefined) {
    const { impliedType: _t, ...fromSymbol } = symbolColumns(changes.symbol !== undefined ? changes.symbol : current.symbol);
    await checkSymbolFree(db, fromSymbol.symbolKey, symbolYearOf(fromSymbol.symbolYear, changes.issuedOn !== undefined ? changes.issuedOn ?? null : current.issuedOn), id);
    if (changes.symbol !== undefined) symbolChanges = fromSymbol;
  }
  if (changes.issuerId !== undefined) await checkAgencies(db, "issuerId", [changes.issuerId]);
  const next = { ...current, ...changes, ...symbolChanges };
  const row = await updateVersioned(db, documents, id, version, {
    ...changes, ...symbolChanges, searchFolded: documentSearchText(next),
    ...(changes.fullText !== undefined ? { bodyFolded: searchDocumentText(changes.fullText) } : {}),
  });
  return withSuggestions(db, row);
}

export const deleteDocument = (db: Database, id: number) => deleteById(db, documents, id);

/**
 * Replaces a document's outline. Call inside a transaction. A parent must come before its
 * children in the list; a section's span must not end before it starts.
 */
export async function replaceOutline(db: Database, documentId: number, input: OutlineInput) {
  input.sections.forEach((s, i) => {
    if (s.parent != null && s.parent >= i) throw invalid(`sections.${i}.parent`, "parent_cycle");
    if (s.startOffset != null && s.endOffset != null && s.endOffset < s.startOffset) throw invalid(`sections.${i}.endOffset`, "min_gt_max");
  });
  await updateVersioned(db, documents, documentId, input.version, {});
  await db.delete(documentSections).where(eq(documentSections.documentId, documentId));
  const ids: number[] = [];
  for (const [position, s] of input.sections.entries()) {
    const [row] = await db.insert(documentSections).values({
      documentId, number: s.number, title: s.title ?? null, level: s.level, position,
      parentId: s.parent != null ? ids[s.parent] : null, startOffset: s.startOffset ?? null, endOffset: s.endOffset ?? null,
    }).returning({ id: documentSections.id });
    ids.push(row.id);
  }
  return db.select().from(documentSections).where(eq(documentSections.documentId, documentId)).orderBy(documentSections.position);
}

/** Would a new "implements" link from → to close a loop? True when `from` is already above `to`. Call inside a transaction. */
async function closesCycle(db: Database, fromId: number, toId: number): Promise<boolean> {
  await lockGraph(db, "document_chain");
  const rows = await queryRows<{ id: number }>(db, sql`
    with recursive up(id, depth) as (
      select ${toId}::int, 0
      union
      select l.to_id, up.depth + 1 from document_links l join up on l.from_id = up.id
      where l.kind = 'implements' and up.depth < 50
    ) select id from up where id = ${fromId} limit 1`);
  return rows.length > 0;
}

export async function createLink(db: Database, input: LinkInput) {
  if (input.fromId === input.toId) throw invalid("toId", "link_self");
  await checkDocument(db, "fromId", input.fromId);
  await checkDocument(db, "toId", input.toId);
  if (input.kind === "implements" && (await closesCycle(db, input.fromId, input.toId))) throw invalid("toId", "link_cycle");
  const [row] = await db.insert(documentLinks).values({ ...input, note: input.note ?? null }).returning();
  return row;
}

export async function updateLink(db: Database, id: number, patch: z.infer<typeof linkPatch>) {
  const { version, ...changes } = patch;
  const current = await findById(db, documentLinks, id);
  if (changes.kind === "implements" && current.kind !== "implements" && (await closesCycle(db, current.fromId, current.toId))) {
    throw invalid("kind", "link_cycle");
  }
  return updateVersioned(db, documentLinks, id, version, changes);
}

export const deleteLink = (db: Database, id: number) => deleteById(db, documentLinks, id);

/** A link is a draft's when either of its ends is: those who may not see drafts see neither (`drafts`: see policy.readsDrafts). */
const linkVisible = (drafts: boolean) => (drafts ? undefined : and(inPublishedDocument(documentLinks.fromId), inPublishedDocument(documentLinks.toId)));

export async function listLinks(db: Database, q: z.infer<typeof linkListQuery>, drafts: boolean) {
  const where = and(
    q.documentId ? sql`(${documentLinks.fromId} = ${q.documentId} or ${documentLinks.toId} = ${q.documentId})` : undefined,
    q.kind ? eq(documentLinks.kind, q.kind) : undefined,
    linkVisible(drafts),
  );
  const items = await db.select().from(documentLinks).where(where).orderBy(documentLinks.id).limit(q.pageSize).offset(pageOffset(q));
  return pageOf(db, documentLinks, where, q, items);
}

export async function getLink(db: Database, id: number, drafts: boolean) {
  const [row] = await db.select().from(documentLinks).where(and(eq(documentLinks.id, id), linkVisible(drafts)));
  if (!row) throw notFound();
  return row;
}
