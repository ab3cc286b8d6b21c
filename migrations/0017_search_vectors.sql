-- Search asks for every word typed as the beginning of a word ("ke" finds "kết"). Asked of a to_tsvector index as
-- prefixes ('ke':*), each one makes GIN gather every posting of every word it begins before intersecting: 0.4 s
-- for a common phrase over a million tasks. Indexed instead by every beginning of every word, the same question
-- is one of whole lexemes ('ke'), which GIN intersects posting list by posting list. Input: a search_folded text
-- (folded words of [a-z0-9] joined by spaces, text/fold searchDocumentText). Its cost tells the planner that
-- computing it row by row is dear: without it, the embedded engine read a province's 3,000 documents in full
-- rather than ask their index (10 ms a question).
-- Bounded: beginnings of at most 24 characters, of the first 1,000 words (a text run together by a PDF without
-- spaces, or a hostile one, would pass tsvector's limits of 2 KB a word and 1 MB a vector, and its row could not be
-- written at all); the search asks for at most 24 characters of a word (search.ts), and checks the rest itself.
CREATE FUNCTION search_prefixes(folded text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000 AS $$
  SELECT coalesce(array_to_tsvector(array_agg(DISTINCT left(w, n))), '')
  FROM unnest((string_to_array(folded, ' '))[1:1000]) AS w, generate_series(1, least(length(w), 24)) AS n
$$;--> statement-breakpoint
CREATE INDEX "documents_title_prefix_idx" ON "documents" USING gin (search_prefixes("search_folded"));--> statement-breakpoint
CREATE INDEX "indicators_search_prefix_idx" ON "indicators" USING gin (search_prefixes("search_folded"));--> statement-breakpoint
CREATE INDEX "tasks_search_prefix_idx" ON "tasks" USING gin (search_prefixes("search_folded"));
