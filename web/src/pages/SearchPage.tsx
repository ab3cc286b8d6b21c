import { Link, useSearchParams } from "react-router";
import { useApi, type SearchHit } from "../api";
import { LoadState } from "../components/Status";
import { useLanguage } from "../i18n";
import { patchedQuery } from "../search-params";

/** Results asked for first, and at most (the API's bounds): a search stops at the page it shows. */
const FIRST = 50, MOST = 200;

export function SearchPage() {
  const { t } = useLanguage();
  const [params, setParams] = useSearchParams();
  const q = params.get("q")?.trim() ?? "";
  const limit = params.get("limit") === String(MOST) ? MOST : FIRST;
  const result = useApi<{ hits: SearchHit[]; more: boolean }>(q ? `/api/search?${new URLSearchParams({ q, ...(limit !== FIRST && { limit: String(limit) }) })}` : null);
  const kindLabel = { document: t.kindDocument, task: t.kindTask, indicator: t.kindIndicator };
  return (
    <section>
      <h1>{t.searchTitle(q)}</h1>
      <LoadState loading={result.loading && !!q} error={result.error} final={result.final} retrying={result.retrying} onRetry={result.reload} />
      {result.data && (result.data.hits.length === 0 ? <p>{t.searchNone}</p> : (
        <ol className="hits">
          {result.data.hits.map((h) => (
            <li key={`${h.kind}-${h.id}`}>
              <span className="tag">{kindLabel[h.kind]}</span>{" "}
              <Link to={`/documents/${h.documentId}`}>{h.kind === "document" ? (h.documentSymbol ? `${h.documentSymbol} — ` : "") + h.title : h.title}</Link>
              {h.kind !== "document" && <span className="muted"> · {t.inDocument} {h.documentSymbol}</span>}
            </li>
          ))}
        </ol>
      ))}
      {result.data?.more && (
        <p className="muted" aria-live="polite">
          {t.searchFirst(result.data.hits.length)}{" "}
          {limit < MOST
            ? <button type="button" onClick={() => setParams(patchedQuery({ limit: String(MOST) }))}>{t.searchShowMore}</button>
            : t.searchNarrow}
        </p>
      )}
    </section>
  );
}
