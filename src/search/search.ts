/**
 * Search across documents, tasks and indicators, ignoring accents and case on both engines:
 * every searchable table keeps a folded copy of its text (`search_folded`), and the query is folded the
 * same way (text/fold); each word typed is the beginning of a word of what it finds.
 *
 * A search stops at the page it shows: each kind ranks a bounded number of candidates, never every match (a
 * common word matches 66,000 of a national database's million tasks: ranking them all cost a second a query,
 * and even asking a GIN index for them all costs 40 to 400 ms). So each kind first reads its newest rows in
 * order, RECENT_ROWS at most: a common word fills the page there, with the newest of its matches, whatever the
 * size of the table. A word found there a few times but not a page of times is read further back (FURTHER times as
 * many rows, stopping at the page): common in older rows, it would give the index tens of thousands of matches to
 * gather. A rarer word asks the index, which has few matches to give: up to RANKED of them are ranked. `more` says
 * the page is not all.
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
 * A word found at least this many times among a kind's newest rows, but fewer than a page, is common enough to be read
 * further back rather than asked of the index: "nong thon moi" in 33 of the newest 2,000 of a country's tasks has 64,000
 * matches, whose bitmap the index took 14 ms to gather, where reading back until a page is found takes about 2.
 */
export const COMMON_IN_NEWEST = 8;
/** How much further back a common word is read: this many times the newest rows (stopping at the page). */
export const FURTHER = 10;
/**
 * At most this many of a kind's matches are ranked when its index is asked, or a page if more (the route allows
 * 200): each is read from the table and joined to its document, and its text comes to be ranked (rankOf).
 */
export const RANKED = 200;

interface Row { kind: SearchKind; id: number; document_id: number; document_symbol: string | null; title: string; folded: string; issued_on: string | null }
type Ranked = Row & { rank: number };

/**
 * One group of hits, all of `kind`: `recent(n, further)` reads at most n matches among the newest RECENT_ROWS rows
 * (RECENT_DOCUMENTS; `further`: times as many, where it `readsFurther`), in order, stopping at the n-th; `indexed(n)` at most n matches through the index. Each returns Row columns. `ranks`: whether its hits are ranked on their text
 * (documents matching only in their body are not: they rank 0). `readsFurther`: whether a common word is read further
 * back (tasks and indicators, newest by their primary key; not documents, whose order of issue the embedded engine
 * would sort a province's table for, nor their bodies, each of whose vectors would be read).
 */
interface Tier { kind: SearchKind; recent: (n: number, further?: number) => SQL; indexed: (n: number) => SQL; ranks: boolean; readsFurther: boolean }

/** `drafts`: whether the searcher may see draft documents and their items (see policy.readsDrafts). */
export async function search(db: Database, typed: string, kinds: readonly SearchKind[], limit: number, drafts: boolean): Promise<{ query: string; hits: SearchHit[]; more: boolean }> {
  const tsquery = toPrefixTsquery(typed);
  if (!tsquery) throw invalid("q", "search_empty");
  const typedWords = queryWords(typed);
  // A row matches when a word of its folded text (words of [a-z0-9] joined by spaces: text/fold searchDocumentText)
  // begins with each word typed: the same question as to_tsvector('simple', text) @@ 'word:*', asked without folding
  // the text into a vector (10 to 15 µs a row on PostgreSQL, 0.1 ms on the embedded engine; with the ranking, which
  // needed the vector too, it was 40% of a search's time in the database).
  const holdsWords = (column: SQL) => sql.join(typedWords.map((w) => sql`(starts_with(${column}, ${w}) or strpos(${column}, ${" " + w}) > 0)`), sql` and `);
  // The same question of the indexes of every beginning of every word (search_prefixes, migration 0017): each
  // word typed, whole, among them. Words of a folded text are split on spaces there and by the parser here,
  // alike for words of [a-z0-9]. The function is costed so that the planner asks the index even of a small table.
  // The index holds beginnings of 24 characters at most: a longer word typed is asked as its first 24 and checked whole.
  const words = sql`to_tsquery('simple', ${typedWords.map((w) => w.slice(0, 24)).join(" & ")})`;
  const indexedMatches = (column: SQL) => typedWords.some((w) => w.length > 24)
    ? sql`search_prefixes(${column}) @@ ${words} and ${holdsWords(column)}` : sql`search_prefixes(${column}) @@ ${words}`;
  // `d` is the document's row (joined for an item): its own status says whether it is visible.
  const visible = drafts ? sql`` : sql` and d.status = 'published'`;
  const newestDocuments = sql`(select id, symbol, title, issued_on, status, search_folded, search_vector from documents
    order by issued_on desc nulls last, id desc nulls last limit ${RECENT_DOCUMENTS})`;
  const tiers: Tier[] = [];
  let bodies: Tier | null = null;
  if (kinds.includes("document")) {
    // Documents are ranked on their symbol and title only (their own GIN index, documents_title_prefix_idx):
    // ranking on the whole body costs a read of every matching body, and a match in the title is what people
    // look for first. Documents that match only in their body follow (rank 0), newest first.
    const heading = sql`'document' as kind, d.id, d.id as document_id, d.symbol as document_symbol, d.title, d.search_folded as folded, d.issued_on::text as issued_on`;
    tiers.push({
      kind: "document",
      recent: (n) => sql`select ${heading} from ${newestDocuments} d where ${holdsWords(sql`d.search_folded`)}${visible} limit ${n}`,
      indexed: (n) => sql`select ${heading} from documents d where ${indexedMatches(sql`d.search_folded`)}${visible} limit ${n}`,
      ranks: true,
      readsFurther: false,
    });
    const inBodyOnly = sql`d.search_vector @@ to_tsquery('simple', ${tsquery}) and not (${holdsWords(sql`d.search_folded`)})`;
    bodies = {
      kind: "document",
      // The newest rows come in order (documents_issued_idx), so the first n matches are the newest n.
      recent: (n) => sql`select ${heading} from ${newestDocuments} d where ${inBodyOnly}${visible} limit ${n}`,
      indexed: (n) => sql`select ${heading} from documents d where ${inBodyOnly}${visible} order by d.issued_on desc nulls last, d.id desc nulls last limit ${n}`,
      ranks: false,
      readsFurther: false,
    };
  }
  // Tasks and indicators: the newest by id, which grows as they are written.
  const item = (kind: SearchKind, table: SQL, title: SQL): Tier => {
    const columns = sql`'${sql.raw(kind)}' as kind, x.id, x.document_id, d.symbol as document_symbol, x.${title} as title, x.search_folded as folded, d.issued_on::text as issued_on`;
    return {
      kind,
      recent: (n, further = 1) => sql`select ${columns} from (select id, document_id, ${title}, search_folded from ${table} order by id desc limit ${RECENT_ROWS * further}) x
        join documents d on d.id = x.document_id where ${holdsWords(sql`x.search_folded`)}${visible} limit ${n}`,
      indexed: (n) => sql`select ${columns} from ${table} x join documents d on d.id = x.document_id where ${indexedMatches(sql`x.search_folded`)}${visible} limit ${n}`,
      ranks: true,
      readsFurther: true,
    };
  };
  if (kinds.includes("task")) tiers.push(item("task", sql`tasks`, sql`text`));
  if (kinds.includes("indicator")) tiers.push(item("indicator", sql`indicators`, sql`name`));

  const ranked = (tier: Tier, rows: Row[]): Ranked[] => rows.map((r) => ({ ...r, rank: tier.ranks ? rankOf(r.folded, typedWords) : 0 }));
  /**
   * Each tier's best `page` rows, one statement for the tiers of a group at each step (a statement costs the server
   * and the database about as much as the few rows it reads): the newest that match, for a tier whose newest rows hold
   * that many (a common word: there are more than the page shows), or whose rows further back do when the newest hold
   * a few (COMMON_IN_NEWEST); for the others, the best ranked of up to RANKED that match, through their index.
   */
  const gather = async (group: Tier[], page: number): Promise<Ranked[]> => {
    const inOne = (parts: SQL[]) => (parts.length === 1 ? parts[0] : sql.join(parts.map((part) => sql`(${part})`), sql` union all `));
    const of = (rows: Row[], tier: Tier) => rows.filter((r) => r.kind === tier.kind);
    const newest = await queryRows<Row>(db, inOne(group.map((tier) => tier.recent(page))));
    const found = new Map<Tier, Row[]>(group.map((tier) => [tier, of(newest, tier)]));
    const shortOf = (tiers: Tier[]) => tiers.filter((tier) => found.get(tier)!.length < page);
    const ask = async (readFurther: Tier[], fromIndex: Tier[]) => {
      if (!readFurther.length && !fromIndex.length) return;
      const rows = await queryRows<Row>(db, inOne([...readFurther.map((tier) => tier.recent(page, FURTHER)), ...fromIndex.map((tier) => tier.indexed(Math.max(RANKED, page)))]));
      for (const tier of [...readFurther, ...fromIndex]) found.set(tier, of(rows, tier));
    };
    // The common words read further back and the rare ones asked of the index, in one statement; then those common
    // only among the newest rows (still short) asked of the index too.
    const short = shortOf(group);
    const further = short.filter((tier) => tier.readsFurther && found.get(tier)!.length >= COMMON_IN_NEWEST);
    const rare = short.filter((tier) => !further.includes(tier));
    await ask(further, rare);
    const stillShort = shortOf(further);
    await ask([], stillShort);
    const indexed = [...rare, ...stillShort];
    return group.flatMap((tier) => (indexed.includes(tier) ? ranked(tier, found.get(tier)!).sort(byRank).slice(0, page) : ranked(tier, found.get(tier)!)));
  };
  // One row more than is shown says whether there is more than that.
  const rows: Ranked[] = [];
  if (tiers.length) rows.push(...await gather(tiers, limit + 1));
  // Documents matching only in their body come after every ranked hit: asked for only when those leave room.
  if (bodies && rows.length <= limit) rows.push(...await gather([bodies], limit + 1 - rows.length));
  rows.sort(byRank);
  return {
    query: typed,
    hits: rows.slice(0, limit).map((r) => ({ kind: r.kind, id: Number(r.id), documentId: Number(r.document_id), documentSymbol: r.document_symbol, title: r.title, rank: r.rank })),
    more: rows.length > limit,
  };
}

/**
 * How well a folded text answers the words typed (each the beginning of one of its words, as search asks): each
 * word counts 1 where the text has it whole and 0.5 where only as a beginning ("so" in "so", "sach" in "sach"
 * against "so" in "soan"), a second and later occurrence less, and each pair of words typed that stands side by
 * side in the text, in that order, 0.5 more ("phat trien" as a phrase before "phat" and "trien" apart); divided
 * by the logarithm of the text's length, so that a short title that says it ranks above a long paragraph that
 * says it in passing. Computed here from the text the rows bring rather than by ts_rank, which needs each text
 * folded into a vector first: ranking 200 candidates that way cost 4 ms of the database's time a search.
 */
export function rankOf(folded: string, typed: readonly string[]): number {
  const found = new Array<number>(typed.length).fill(0);
  // Pairs typed side by side: pair i is (typed[i], typed[i + 1]); counted once each.
  const paired = new Array<boolean>(Math.max(typed.length - 1, 0)).fill(false);
  let before = 0; // which words typed the previous word of the text begins with, as bits (12 words typed at most)
  let length = 0;
  for (let start = 0; start <= folded.length; length++) {
    let end = folded.indexOf(" ", start);
    if (end < 0) end = folded.length;
    let begins = 0;
    for (let i = 0; i < typed.length; i++) {
      const w = typed[i];
      if (end - start >= w.length && folded.startsWith(w, start)) {
        found[i] += end - start === w.length ? 1 : 0.5;
        begins |= 1 << i;
        if (i > 0 && before & (1 << (i - 1))) paired[i - 1] = true;
      }
    }
    before = begins;
    start = end + 1;
  }
  let score = 0;
  for (const f of found) score += f ? 1 + Math.log2(f) / 2 : 0;
  for (const p of paired) score += p ? 0.5 : 0;
  return score / Math.log2(2 + length);
}

/** Best rank first; then the newest document, undated last; then a stable order. */
const byRank = (a: Ranked, b: Ranked) => b.rank - a.rank || compareDates(a.issued_on, b.issued_on) || a.kind.localeCompare(b.kind) || Number(a.id) - Number(b.id);

/** Newest first, undated last (dates as ISO text). */
const compareDates = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? 1 : -1);
