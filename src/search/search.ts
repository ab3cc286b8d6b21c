/**
 * Search across documents, tasks and indicators, ignoring accents and case on both engines:
 * every searchable table keeps a folded copy of its text (`search_folded`), and the query is folded the
 * same way (text/fold); each word typed is the beginning of a word of what it finds.
 *
 * A search stops at the page it shows: each kind ranks a bounded number of candidates, never every match (a
 * common word matches 66,000 of a national database's million tasks: ranking them all cost a second a query,
 * and even asking a GIN index for them all costs 40 to 400 ms). So each kind first reads its newest rows in
 * order, RECENT_ROWS at most: a common word fills the page there, with the newest of its matches, whatever the
 * size of the table. A rarer word then asks the index, which has few matches to give: up to RANKED of them
 * are ranked, all of them unless the word is common only in older rows. `more` says the page is not all.
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

/**
 * How many of a kind's newest rows are read before its index is asked: a word in fewer than (page + 1) of them is
 * rare enough for the index. Fewer documents: a country has some 50 times fewer than tasks, and read in order of
 * issue (documents_issued_idx) the embedded engine would rather sort the whole table of a province than walk that
 * index for most of it (150 ms where walking it takes a few).
 */
export const RECENT_ROWS = 2000;
export const RECENT_DOCUMENTS = 500;
/**
 * At most this many of a kind's matches are ranked when its index is asked, or a page if more (the route allows
 * 200): ranking costs to_tsvector and ts_rank a row, 7 ms for 500 documents on PostgreSQL.
 */
export const RANKED = 200;

interface Row { kind: SearchKind; id: number; document_id: number; document_symbol: string | null; title: string; rank: number; issued_on: string | null }

/**
 * One group of hits: `recent(n)` reads at most n matches among the newest RECENT_ROWS rows (RECENT_DOCUMENTS), `indexed(n)`
 * at most n matches through the index. Each returns Row columns.
 */
interface Tier { recent: (n: number) => SQL; indexed: (n: number) => SQL }

/** `drafts`: whether the searcher may see draft documents and their items (see policy.readsDrafts). */
export async function search(db: Database, typed: string, kinds: readonly SearchKind[], limit: number, drafts: boolean): Promise<{ query: string; hits: SearchHit[]; more: boolean }> {
  const tsquery = toPrefixTsquery(typed);
  if (!tsquery) throw invalid("q", "search_empty");
  const q = sql`to_tsquery('simple', ${tsquery})`;
  // On small tables (the sample province's 80 tasks and 200 indicators) the planner reads every row rather
  // than the GIN index, and folding each text with to_tsvector costs the embedded engine (WebAssembly) about
  // 0.1 ms a row: 20 ms a search. A row can match only if a word of its folded text (words of [a-z0-9] joined
  // by spaces: text/fold searchDocumentText) begins with each word typed, so that cheap test goes first (the
  // planner orders conditions by cost) and to_tsvector runs only on the rows that pass it ("rung" no longer
  // folds every task saying "trung ương"); the newest rows read in order pass through it too.
  const holdsWords = (column: SQL) => sql.join(queryWords(typed).map((w) => sql`(starts_with(${column}, ${w}) or strpos(${column}, ${" " + w}) > 0)`), sql` and `);
  const matches = (column: SQL) => sql`${holdsWords(column)} and to_tsvector('simple', ${column}) @@ ${q}`;
  // The same question of the indexes of every beginning of every word (search_prefixes, migration 0017): each
  // word typed, whole, among them. Words of a folded text are split on spaces there and by the parser here,
  // alike for words of [a-z0-9]. The function is costed so that the planner asks the index even of a small table.
  // The index holds beginnings of 24 characters at most: a longer word typed is asked as its first 24 and checked whole.
  const words = sql`to_tsquery('simple', ${queryWords(typed).map((w) => w.slice(0, 24)).join(" & ")})`;
  const indexedMatches = (column: SQL) => queryWords(typed).some((w) => w.length > 24)
    ? sql`search_prefixes(${column}) @@ ${words} and ${holdsWords(column)}` : sql`search_prefixes(${column}) @@ ${words}`;
  // `d` is the document's row (joined for an item): its own status says whether it is visible.
  const visible = drafts ? sql`` : sql` and d.status = 'published'`;
  const newestDocuments = sql`(select id, symbol, title, issued_on, status, search_folded, search_vector from documents
    order by issued_on desc nulls last, id desc nulls last limit ${RECENT_DOCUMENTS})`;
  const ranked: Tier[] = [];
  let bodies: Tier | null = null;
  if (kinds.includes("document")) {
    // Documents are ranked on their symbol and title only (their own GIN index, documents_title_prefix_idx):
    // ranking on the whole body vector costs a read of every matching body, and a match in the title is what
    // people look for first. Documents that match only in their body follow (rank 0), newest first.
    const title = sql`to_tsvector('simple', d.search_folded)`;
    const heading = sql`'document' as kind, d.id, d.id as document_id, d.symbol as document_symbol, d.title, d.issued_on::text as issued_on`;
    ranked.push({
      recent: (n) => sql`select ${heading}, ts_rank(${title}, ${q}) as rank from ${newestDocuments} d where ${matches(sql`d.search_folded`)}${visible} limit ${n}`,
      indexed: (n) => sql`select ${heading}, ts_rank(${title}, ${q}) as rank from documents d where ${indexedMatches(sql`d.search_folded`)}${visible} limit ${n}`,
    });
    bodies = {
      // The newest rows come in order (documents_issued_idx), so the first n matches are the newest n.
      recent: (n) => sql`select ${heading}, 0 as rank from ${newestDocuments} d where d.search_vector @@ ${q} and not ${title} @@ ${q}${visible} limit ${n}`,
      indexed: (n) => sql`select ${heading}, 0 as rank from documents d where d.search_vector @@ ${q} and not ${title} @@ ${q}${visible}
        order by d.issued_on desc nulls last, d.id desc nulls last limit ${n}`,
    };
  }
  // Tasks and indicators: the newest by id, which grows as they are written.
  const item = (kind: SearchKind, table: SQL, title: SQL): Tier => {
    const columns = sql`'${sql.raw(kind)}' as kind, x.id, x.document_id, d.symbol as document_symbol, x.${title} as title,
      ts_rank(to_tsvector('simple', x.search_folded), ${q}) as rank, d.issued_on::text as issued_on`;
    return {
      recent: (n) => sql`select ${columns} from (select id, document_id, ${title}, search_folded from ${table} order by id desc limit ${RECENT_ROWS}) x
        join documents d on d.id = x.document_id where ${matches(sql`x.search_folded`)}${visible} limit ${n}`,
      indexed: (n) => sql`select ${columns} from ${table} x join documents d on d.id = x.document_id where ${indexedMatches(sql`x.search_folded`)}${visible} limit ${n}`,
    };
  };
  if (kinds.includes("task")) ranked.push(item("task", sql`tasks`, sql`text`));
  if (kinds.includes("indicator")) ranked.push(item("indicator", sql`indicators`, sql`name`));

  /**
   * A tier's best `page` rows: the newest that match, if its newest rows hold that many (a common word: there
   * are more than the page shows), else the best ranked of up to RANKED that match, through its index, ranked
   * here so that only a page comes back.
   */
  const gather = async (tier: Tier, page: number): Promise<Row[]> => {
    const recent = await queryRows<Row>(db, tier.recent(page));
    if (recent.length === page) return recent;
    return queryRows<Row>(db, sql`select * from (${tier.indexed(Math.max(RANKED, page))}) c order by rank desc, issued_on desc nulls last, id limit ${page}`);
  };
  // One row more than is shown says whether there is more than that.
  const rows: Row[] = [];
  for (const tier of ranked) rows.push(...await gather(tier, limit + 1));
  // Documents matching only in their body come after every ranked hit: asked for only when those leave room.
  if (bodies && rows.length <= limit) rows.push(...await gather(bodies, limit + 1 - rows.length));
  // Best rank first; then the newest document, undated last; then a stable order.
  rows.sort((a, b) => Number(b.rank) - Number(a.rank) || compareDates(a.issued_on, b.issued_on) || a.kind.localeCompare(b.kind) || Number(a.id) - Number(b.id));
  return {
    query: typed,
    hits: rows.slice(0, limit).map((r) => ({ kind: r.kind, id: Number(r.id), documentId: Number(r.document_id), documentSymbol: r.document_symbol, title: r.title, rank: Number(r.rank) })),
    more: rows.length > limit,
  };
}

/** Newest first, undated last (dates as ISO text). */
const compareDates = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? 1 : -1);
