import { Link, useSearchParams } from "react-router";
import { useApi, type SearchHit } from "../api";
import { LoadState } from "../components/Status";
import { useLanguage } from "../i18n";

export function SearchPage() {
  const { t } = useLanguage();
  const [params] = useSearchParams();
  const q = params.get("q")?.trim() ?? "";
  const result = useApi<{ hits: SearchHit[] }>(q ? `/api/search?${new URLSearchParams({ q })}` : null);
  const kindLabel = { document: t.kindDocument, task: t.kindTask, indicator: t.kindIndicator };
  return (
    <section>
      <h1>{t.searchTitle(q)}</h1>
      <LoadState loading={result.loading && !!q} error={result.error} final={result.final} onRetry={result.reload} />
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
    </section>
  );
}
