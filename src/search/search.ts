/**
 * Search across documents, tasks and indicators, ignoring accents and case on both engines:
 * every searchable table keeps a folded copy of its text (`search_folded`) with a GIN index,
 * and the query is folded the same way (text/fold).
 */
import { sql, type SQL } from "drizzle-orm";
import { invalid } from "../core/errors.js";
import { queryRows, type Database } from "../storage/database.js";
import { queryWords, toPrefixTsquery } from "./tsquery.js";

export const SEARCH_KINDS = ["document", "task", "indicator"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchHit {
  kind: SearchKind;
  id: number;
  /** The document the hit belongs to (itself for a document). */
  documentId: number;
  documentSymbol: string | null;
  title: string;
  rank: number;
}

/** `drafts`: whether the searcher may see draft documents and their items (see policy.readsDrafts). */
export async function search(db: Database, typed: string, kinds: readonly SearchKind[], limit: number, drafts: boolean): Promise<{ query: string; hits: SearchHit[] }> {
  const tsquery = toPrefixTsquery(typed);
  if (!tsquery) throw invalid("q", "search_empty");
  const q = sql`to_tsquery('simple', ${tsquery})`;
  // On small tables (the sample province's 80 tasks and 200 indicators) the planner reads every row rather
  // than the GIN index, and folding each text with to_tsvector costs the embedded engine (WebAssembly) about
  // 0.1 ms a row: 20 ms a search. A row can match only if a word of its folded text (words of [a-z0-9] joined
  // by spaces: text/fold searchDocumentText) begins with each word typed, so that cheap test goes first (the
  // planner orders conditions by cost) and to_tsvector runs only on the rows that pass it ("rung" no longer
  // folds every task saying "trung ương"); where the index is used, it is one more check on rows it found.
  const holdsWords = (column: SQL) => sql.join(queryWords(typed).map((w) => sql`(starts_with(${column}, ${w}) or strpos(${column}, ${" " + w}) > 0)`), sql` and `);
  // `d` is the joined document's row: its own status says it, without a subquery per part.
  const visible = drafts ? sql`` : sql` and d.status = 'published'`;
  const parts = [];
  // Documents are ranked on their symbol and title only: ranking on the whole body vector costs
  // a read of every matching body, and a match in the title is what people look for first.
  // Documents that match only in their body follow, newest first.
  if (kinds.includes("document")) parts.push(sql`
    select 'document' as kind, d.id, d.id as document_id, d.symbol as document_symbol, d.title,
      ts_rank(to_tsvector('simple', d.search_folded), ${q}) as rank, d.issued_on
    from documents d where d.search_vector @@ ${q}${visible}`);
  if (kinds.includes("task")) parts.push(sql`
    select 'task' as kind, t.id, t.document_id, d.symbol as document_symbol, t.text as title,
      ts_rank(to_tsvector('simple', t.search_folded), ${q}) as rank, d.issued_on
    from tasks t join documents d on d.id = t.document_id where ${holdsWords(sql`t.search_folded`)} and to_tsvector('simple', t.search_folded) @@ ${q}${visible}`);
  if (kinds.includes("indicator")) parts.push(sql`
    select 'indicator' as kind, i.id, i.document_id, d.symbol as document_symbol, i.name as title,
      ts_rank(to_tsvector('simple', i.search_folded), ${q}) as rank, d.issued_on
    from indicators i join documents d on d.id = i.document_id where ${holdsWords(sql`i.search_folded`)} and to_tsvector('simple', i.search_folded) @@ ${q}${visible}`);
  const rows = await queryRows<{ kind: SearchKind; id: number; document_id: number; document_symbol: string | null; title: string; rank: number }>(db,
    sql`select * from (${sql.join(parts, sql` union all `)}) hits order by rank desc, issued_on desc nulls last, kind, id limit ${limit}`);
  return {
    query: typed,
    hits: rows.map((r) => ({ kind: r.kind, id: Number(r.id), documentId: Number(r.document_id), documentSymbol: r.document_symbol, title: r.title, rank: Number(r.rank) })),
  };
}
