import { and, asc, eq, getTableColumns, inArray, sql, type SQL } from "drizzle-orm";
import { alias, type PgColumn } from "drizzle-orm/pg-core";
import { notFound } from "../core/errors.js";
import { toPrefixTsquery } from "../search/tsquery.js";
import { queryRows, type Database } from "../storage/database.js";
import { countWhere, decodeCursor, encodeCursor, pageOffset, type Page } from "../storage/records.js";
import { agencies } from "../agencies/schema.js";
import { untilWrite } from "../audit/write-mark.js";
import type { DocumentListQuery } from "./inputs.js";
import { documentLinks, documents, documentSections } from "./schema.js";

export type DocumentRow = typeof documents.$inferSelect;
/** A document in lists: everything but its full text. */
export type DocumentSummary = Omit<DocumentRow, "fullText" | "searchFolded" | "bodyFolded" | "searchVector"> & { issuerName: string | null };

const { fullText: _fullText, searchFolded: _searchFolded, bodyFolded: _bodyFolded, searchVector: _searchVector, ...summaryColumns } = getTableColumns(documents);
const summarySelect = { ...summaryColumns, issuerName: agencies.name };

/**
 * The condition that a row's document is published: added to every read of documents and their
 * items for readers who may not see drafts (policy.readsDrafts).
 */
export const inPublishedDocument = (documentId: PgColumn | SQL) => sql`${documentId} in (select id from documents where status = 'published')`;

/** The same for an optional reference (a value's source, a project's plan): a row that names no document is nobody's draft. */
export const noneOrPublishedDocument = (documentId: PgColumn) => sql`(${documentId} is null or ${inPublishedDocument(documentId)})`;

/** One document, for a reader: not_found when there is none or it is a draft the reader may not see (`drafts`: see policy.readsDrafts). */
export async function findDocument(db: Database, id: number, drafts: boolean): Promise<Omit<DocumentSummary, "issuerName">> {
  const [row] = await db.select(summaryColumns).from(documents).where(and(eq(documents.id, id), drafts ? undefined : inPublishedDocument(documents.id)));
  if (!row) throw notFound();
  return row;
}

/** A page of documents, and where the next one starts (null after the last): pass it back as `after`. */
export type DocumentPage = Page<DocumentSummary> & { next: string | null };

/**
 * Newest first (undated last), then by id. `drafts`: whether the reader may see draft documents (see
 * policy.readsDrafts). A page starts at `after` when given (keyset: an index scan on documents_issued_idx from
 * that row, however deep), else at `page` (OFFSET, for the first few pages a pager numbers).
 */
export async function listDocuments(db: Database, q: DocumentListQuery, drafts: boolean): Promise<DocumentPage> {
  const where: SQL[] = [];
  // The documents' own status, not inPublishedDocument's semi-join of the table with itself: the count reads it once.
  if (!drafts) where.push(eq(documents.status, "published"));
  const tsquery = q.q ? toPrefixTsquery(q.q) : null;
  if (tsquery) where.push(sql`${documents.searchVector} @@ to_tsquery('simple', ${tsquery})`);
  if (q.type) where.push(eq(documents.docType, q.type));
  if (q.issuerId) where.push(eq(documents.issuerId, q.issuerId));
  if (q.year) where.push(sql`extract(year from ${documents.issuedOn}) = ${q.year}`);
  if (q.status) where.push(eq(documents.status, q.status));
  if (q.stubs === "false") where.push(eq(documents.stub, false));
  if (q.stubs === "implemented") {
    where.push(sql`(not ${documents.stub} or exists (select 1 from document_links l join documents below on below.id = l.from_id
      where l.to_id = ${documents.id} and l.kind = 'implements' and below.status = 'published'))`);
  }
  const condition = where.length ? and(...where) : undefined;
  // The count is the same on every page of a filter and changes only with a write: counted once until then (at
  // national size it was most of a deep page's cost, the page itself being one seek into the index).
  const { page: _p, pageSize: _s, after: _a, ...filters } = q;
  const counted = () => untilWrite(db, `documents.total|${drafts}|${JSON.stringify(filters)}`, () => countWhere(db, documents, condition), { shelf: "totals" });
  const after = q.after ? decodeCursor(q.after, "after", ["date", "int"], [true, false]) : null;
  // One row past the page tells whether there is a next one.
  const wanted = q.pageSize + 1;
  const rowsOf = (columns: typeof summarySelect, keyset: SQL | undefined, limit: number, offset = 0) => db.select(columns).from(documents)
    .leftJoin(agencies, eq(agencies.id, documents.issuerId)).where(and(condition, keyset))
    // Both keys as documents_issued_idx orders them (id never null: "nulls last" only matches the index, so no sort step).
    .orderBy(sql`${documents.issuedOn} desc nulls last`, sql`${documents.id} desc nulls last`).limit(limit).offset(offset);
  // From a row's keys on, as documents_issued_idx orders them (`inclusive`: that row first, else the one after it).
  // Two ranges of the index, each a row comparison it can seek to: the dated rows from the key, then the undated
  // (last in this order). An OR of the two would be a filter on a scan from the top.
  const fromKey = async ([issuedOn, id]: [string | null, number], inclusive: boolean) => {
    const before = inclusive ? sql`<=` : sql`<`;
    if (issuedOn === null) return rowsOf(summarySelect, sql`${documents.issuedOn} is null and ${documents.id} ${before} ${id}`, wanted);
    const dated = await rowsOf(summarySelect, sql`(${documents.issuedOn}, ${documents.id}) ${before} (${issuedOn}::date, ${id}::integer)`, wanted);
    return dated.length < wanted ? [...dated, ...await rowsOf(summarySelect, sql`${documents.issuedOn} is null`, wanted - dated.length)] : dated;
  };
  let rows: DocumentSummary[];
  let total: number;
  if (after) {
    rows = await fromKey(after as [string | null, number], false);
    total = await counted();
  } else if (!tsquery) {
    // Without a text filter the page is an index scan that stops at its last row, and a separate count is cheap. A
    // later page's first row is found by skipping the rows before it as ids (from documents_issued_idx alone for the
    // published record), and kept until a write: the page is then a seek from it, as a cursor's page is (a deep page
    // read every skipped row and its issuer's name before; then skipped them at each request).
    const skipped = pageOffset(q);
    if (skipped) {
      const start = await untilWrite(db, `documents.start|${drafts}|${JSON.stringify(filters)}|${skipped}`, async () => {
        const [first] = await db.select({ issuedOn: documents.issuedOn, id: documents.id }).from(documents).where(condition)
          .orderBy(sql`${documents.issuedOn} desc nulls last`, sql`${documents.id} desc nulls last`).limit(1).offset(skipped);
        return first ? [first.issuedOn, first.id] as [string | null, number] : null;
      }, { shelf: "totals" });
      rows = start ? await fromKey(start, true) : [];
    } else rows = await rowsOf(summarySelect, undefined, wanted);
    total = await counted();
  } else {
    // With one, every matching body is read: take the total from the same scan instead of reading them twice.
    const counted = (await rowsOf({ ...summarySelect, total: sql<number>`count(*) over ()` } as typeof summarySelect, undefined, wanted, pageOffset(q))) as (DocumentSummary & { total: number })[];
    total = counted.length ? Number(counted[0].total) : await countWhere(db, documents, condition);
    rows = counted.map(({ total: _t, ...item }) => item);
  }
  const items = rows.slice(0, q.pageSize);
  const last = items.at(-1);
  const next = rows.length > q.pageSize && last ? encodeCursor([last.issuedOn, last.id]) : null;
  return { items, total, page: q.page, pageSize: q.pageSize, next };
}

export interface LinkedDocument {
  linkId: number;
  kind: string;
  note: string | null;
  version: number;
  document: { id: number; symbol: string | null; title: string; docType: string; issuedOn: string | null; stub: boolean };
}

export interface DocumentDetail extends Omit<DocumentRow, "searchFolded" | "bodyFolded" | "searchVector"> {
  issuerName: string | null;
  /** Links from this document: what it implements, cites, amends, replaces. */
  linksOut: LinkedDocument[];
  /** Links to this document: what implements, cites, amends or replaces it. */
  linksIn: LinkedDocument[];
  sections: (typeof documentSections.$inferSelect)[];
}

const other = alias(documents, "other");
const otherSummary = { id: other.id, symbol: other.symbol, title: other.title, docType: other.docType, issuedOn: other.issuedOn, stub: other.stub };
const linkSelect = { linkId: documentLinks.id, kind: documentLinks.kind, note: documentLinks.note, version: documentLinks.version, document: otherSummary };

/** `drafts`: whether the reader may see draft documents; a draft does not exist for others, nor its links to this one. */
export async function getDocument(db: Database, id: number, drafts: boolean): Promise<DocumentDetail> {
  const { searchFolded: _s, bodyFolded: _b, searchVector: _v, ...columns } = getTableColumns(documents);
  const [doc] = await db.select({ ...columns, issuerName: agencies.name }).from(documents)
    .leftJoin(agencies, eq(agencies.id, documents.issuerId)).where(and(eq(documents.id, id), drafts ? undefined : inPublishedDocument(documents.id)));
  if (!doc) throw notFound();
  const otherVisible = drafts ? undefined : inPublishedDocument(other.id);
  const linksOut = await db.select(linkSelect).from(documentLinks).innerJoin(other, eq(other.id, documentLinks.toId))
    .where(and(eq(documentLinks.fromId, id), otherVisible)).orderBy(asc(documentLinks.kind), asc(other.issuedOn));
  const linksIn = await db.select(linkSelect).from(documentLinks).innerJoin(other, eq(other.id, documentLinks.fromId))
    .where(and(eq(documentLinks.toId, id), otherVisible)).orderBy(asc(documentLinks.kind), asc(other.issuedOn));
  const sections = await db.select().from(documentSections).where(eq(documentSections.documentId, id)).orderBy(asc(documentSections.position));
  return { ...doc, linksOut, linksIn, sections };
}

export interface GraphNode { id: number; symbol: string | null; title: string; docType: string; issuedOn: string | null; stub: boolean; depth: number }
export interface DocumentGraph { rootId: number; nodes: GraphNode[]; edges: { fromId: number; toId: number; kind: "implements" }[] }

/**
 * The implementation cascade around a document: what it implements up to the root (negative
 * depth), and what implements it down to the leaves (positive depth). Bounded at 12 levels so a
 * cycle in old data cannot run away.
 */
export async function documentGraph(db: Database, id: number, drafts: boolean): Promise<DocumentGraph> {
  await findDocument(db, id, drafts);
  const edges = await queryRows<{ from_id: number; to_id: number }>(db, sql`
    with recursive up(from_id, to_id, depth) as (
      select from_id, to_id, 1 from document_links where kind = 'implements' and from_id = ${id}
      union
      select l.from_id, l.to_id, up.depth + 1 from document_links l join up on l.from_id = up.to_id
      where l.kind = 'implements' and up.depth < 12
    ), down(from_id, to_id, depth) as (
      select from_id, to_id, 1 from document_links where kind = 'implements' and to_id = ${id}
      union
      select l.from_id, l.to_id, down.depth + 1 from document_links l join down on l.to_id = down.from_id
      where l.kind = 'implements' and down.depth < 12
    )
    select distinct from_id, to_id from up union select distinct from_id, to_id from down`);
  const depth = new Map<number, number>([[id, 0]]);
  // Breadth-first from the root gives each node its shortest distance, upward negative.
  for (const [dir, sign] of [["up", -1], ["down", 1]] as const) {
    let frontier = [id];
    while (frontier.length) {
      const next: number[] = [];
      for (const n of frontier) {
        for (const e of edges) {
          const neighbour = dir === "up" ? (e.from_id === n ? e.to_id : null) : (e.to_id === n ? e.from_id : null);
          if (neighbour !== null && !depth.has(neighbour)) { depth.set(neighbour, depth.get(n)! + sign); next.push(neighbour); }
        }
      }
      frontier = next;
    }
  }
  const ids = [...depth.keys()];
  const rows = await db.select({ id: documents.id, symbol: documents.symbol, title: documents.title, docType: documents.docType, issuedOn: documents.issuedOn, stub: documents.stub })
    .from(documents).where(and(inArray(documents.id, ids), drafts ? undefined : inPublishedDocument(documents.id)));
  // A draft left out of the graph takes its links with it.
  for (const known of [...depth.keys()]) if (!rows.some((r) => r.id === known)) depth.delete(known);
  return {
    rootId: id,
    nodes: rows.map((r) => ({ ...r, depth: depth.get(r.id)! })).sort((a, b) => a.depth - b.depth || a.id - b.id),
    edges: edges.filter((e) => depth.has(e.from_id) && depth.has(e.to_id)).map((e) => ({ fromId: e.from_id, toId: e.to_id, kind: "implements" as const })),
  };
}

/** A document in a chain below another (see chainBelow): its shortest distance from the top, and the document it hangs from on that path. */
export interface ChainMember { id: number; symbol: string | null; title: string; docType: string; issuedOn: string | null; stub: boolean; depth: number; parentId: number | null }

/**
 * A document and every document implementing it, directly or down the chain (a resolution, the
 * programmes implementing it, their plans, the departments' plans): the scope a roll-up reads. Each
 * once, at its shortest depth, the top first. Drafts below the top are passed through but left out
 * unless `drafts` (a roll-up shows the published record); bounded at 12 levels, so a cycle in old
 * data cannot run away. not_found when the top is not there for the reader.
 */
export async function chainBelow(db: Database, id: number, drafts: boolean): Promise<ChainMember[]> {
  await findDocument(db, id, drafts);
  const rows = await queryRows<{ id: number; depth: number; parent_id: number | null }>(db, sql`
    with recursive down(id, depth, parent_id) as (
      select ${id}::integer, 0, null::integer
      union
      select l.from_id, down.depth + 1, down.id from document_links l join down on l.to_id = down.id
      where l.kind = 'implements' and down.depth < 12
    )
    select distinct on (id) id, depth, parent_id from down order by id, depth, parent_id`);
  const members = await db.select({ id: documents.id, symbol: documents.symbol, title: documents.title, docType: documents.docType, issuedOn: documents.issuedOn, stub: documents.stub, status: documents.status })
    .from(documents).where(inArray(documents.id, rows.map((r) => r.id)));
  const byId = new Map(members.map((m) => [m.id, m]));
  const shown = (docId: number) => docId === id || drafts || byId.get(docId)?.status === "published";
  // A document under one left out hangs from the nearest shown above it: a draft's id is not shown either.
  const parentOf = new Map(rows.map((r) => [r.id, r.parent_id]));
  const shownParent = (parent: number | null) => {
    for (let hops = 0; parent !== null && !shown(parent) && hops < 12; hops++) parent = parentOf.get(parent) ?? null;
    return parent !== null && shown(parent) ? parent : null;
  };
  return rows
    .filter((r) => shown(r.id))
    .map((r) => { const { status: _status, ...m } = byId.get(r.id)!; return { ...m, depth: r.depth, parentId: shownParent(r.parent_id) }; })
    .sort((a, b) => a.depth - b.depth || (a.issuedOn ?? "").localeCompare(b.issuedOn ?? "") || a.id - b.id);
}

/**
 * The documents a roll-up reads for a scope: the document and every document below it (published ones only
 * unless `drafts`), reports left out, since what a report states is values of the plans' indicators, not targets.
 */
export async function scopeDocuments(db: Database, documentId: number, drafts: boolean): Promise<ChainMember[]> {
  return (await chainBelow(db, documentId, drafts)).filter((d) => d.id === documentId || d.docType !== "report");
}
