/**
 * What a report covers: a document (a resolution, a programme, a plan) and every published document
 * implementing it down its chain (scopeDocuments), reports left out (a report's figures are results, not
 * targets or tasks). The top is the scope's own document; the chain below it is Appendix I.
 */
import { eq, inArray } from "drizzle-orm";
import { agencies } from "../agencies/schema.js";
import { scopeDocuments } from "../documents/queries.js";
import { documents } from "../documents/schema.js";
import type { Database } from "../storage/database.js";
import { issuerFromText } from "./issuing-body.js";

/** A document of the chain below the scope, as Appendix I lists it. */
export interface ChainDocument {
  id: number; symbol: string | null; issuedOn: string | null; issuedText: string | null; title: string; docType: string; issuer: string | null;
  /** 1: implements the scope's document itself; 2: implements one of those; ... */
  depth: number;
  /** The document it implements on its shortest path (the scope's at depth 1). */
  parentId: number;
}

export interface ReportScope {
  top: typeof documents.$inferSelect & { agency: { name: string; kind: string } | null };
  /** The documents below, in the chain's order: each followed by those implementing it, oldest first among siblings. */
  chain: ChainDocument[];
  /** The scope's documents whose indicators, tasks, projects and rounds the report rolls up: the top and the chain. */
  ids: number[];
}

/** The scope of a report on document `id`; not_found when the reader may not see it (see chainBelow). */
export async function reportScope(db: Database, id: number, drafts: boolean): Promise<ReportScope> {
  const members = await scopeDocuments(db, id, drafts);
  const rows = await db.select({ document: documents, agencyName: agencies.name, agencyKind: agencies.kind })
    .from(documents).leftJoin(agencies, eq(agencies.id, documents.issuerId)).where(inArray(documents.id, members.map((m) => m.id)));
  const byId = new Map(rows.map((r) => [r.document.id, r]));
  const top = byId.get(id)!;
  const below = members.filter((m) => m.id !== id).map((m): ChainDocument => {
    const r = byId.get(m.id)!;
    return { id: m.id, symbol: m.symbol, issuedOn: m.issuedOn, issuedText: r.document.issuedText, title: m.title, docType: m.docType,
      issuer: r.agencyName ?? issuerFromText(r.document.issuerText), depth: m.depth, parentId: m.parentId ?? id };
  });
  return {
    top: { ...top.document, agency: top.agencyName ? { name: top.agencyName, kind: top.agencyKind! } : null },
    chain: treeOrder(below, id),
    ids: members.map((m) => m.id),
  };
}

/** Oldest first, undated last, then by id. */
const byDate = (a: ChainDocument, b: ChainDocument) =>
  (a.issuedOn === null ? 1 : 0) - (b.issuedOn === null ? 1 : 0) || (a.issuedOn ?? "").localeCompare(b.issuedOn ?? "") || a.id - b.id;

/** Each document followed by the documents implementing it (depth first), siblings oldest first. */
function treeOrder(docs: ChainDocument[], rootId: number): ChainDocument[] {
  const children = new Map<number, ChainDocument[]>();
  for (const d of docs) children.set(d.parentId, [...(children.get(d.parentId) ?? []), d]);
  const out: ChainDocument[] = [];
  const walk = (parent: number) => { for (const d of (children.get(parent) ?? []).sort(byDate)) { out.push(d); walk(d.id); } };
  walk(rootId);
  return out;
}

/** Appendix I's numbers in the chain's order: "1", "1.1", "1.2", "2" (a document's number extends its parent's). */
export function outlineNumbers(chain: ChainDocument[], rootId: number): string[] {
  const numberOf = new Map<number, string>();
  const count = new Map<number, number>();
  return chain.map((d) => {
    const k = (count.get(d.parentId) ?? 0) + 1;
    count.set(d.parentId, k);
    const number = d.parentId === rootId ? String(k) : `${numberOf.get(d.parentId) ?? "?"}.${k}`;
    numberOf.set(d.id, number);
    return number;
  });
}
