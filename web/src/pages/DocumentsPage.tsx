import { useEffect, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { DOCUMENT_TYPE_LABELS } from "../../../src/documents/labels";
import { useApi, type Agency, type DocumentPage, type Page } from "../api";
import { LoadState } from "../components/Status";
import { formatDate } from "../format";
import { useLanguage } from "../i18n";
import { patchedQuery } from "../search-params";

const PAGE_SIZE = 25;

/** Documents with search and filters; the filters live in the URL so a view can be shared. */
export function DocumentsPage() {
  const { t, lang } = useLanguage();
  const [params, setParams] = useSearchParams();
  const [typed, setTyped] = useState(params.get("q") ?? "");
  useEffect(() => setTyped(params.get("q") ?? ""), [params]);
  const page = Number(params.get("page") ?? 1);
  // The page after a row (the server's `next`): a deep page is read from there, not counted down to by OFFSET.
  const after = params.get("after");
  // Another filter starts the list at its first page.
  const set = (key: string, value: string) => setParams(patchedQuery({ [key]: value, page: null, after: null }));
  const query = new URLSearchParams({ pageSize: String(PAGE_SIZE), page: String(page) });
  for (const key of ["q", "type", "issuerId", "year"]) { const v = params.get(key); if (v) query.set(key, v); }
  if (params.get("stubs") === "false") query.set("stubs", "false");
  // The cursor each page was reached by, for going back the same way; forgotten when the filters change.
  const filters = new URLSearchParams([...query].filter(([key]) => key !== "page")).toString();
  const cursors = useRef({ filters, of: new Map<number, string | null>() });
  if (cursors.current.filters !== filters) cursors.current = { filters, of: new Map() };
  cursors.current.of.set(page, after);
  if (after) query.set("after", after);
  const list = useApi<DocumentPage>(`/api/documents?${query}`);
  const goTo = (to: number, cursor: string | null) => setParams(patchedQuery({ page: to > 1 ? String(to) : null, after: cursor }));
  // Back by the cursor it was reached by; a page reached otherwise (an address typed or shared) by its number.
  const previous = () => goTo(page - 1, cursors.current.of.get(page - 1) ?? null);
  const issuers = useApi<Page<Agency>>("/api/agencies?pageSize=500");
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;

  return (
    <section>
      <h1>{t.documentsTitle}</h1>
      <form className="filters" role="search" onSubmit={(e) => { e.preventDefault(); set("q", typed.trim()); }}>
        <label>{t.filterText}
          <input type="search" name="q" value={typed} onChange={(e) => setTyped(e.target.value)} placeholder={t.searchPlaceholder} />
        </label>
        <label>{t.filterType}
          <select name="type" value={params.get("type") ?? ""} onChange={(e) => set("type", e.target.value)}>
            <option value="">{t.all}</option>
            {Object.entries(DOCUMENT_TYPE_LABELS).map(([k, v]) => <option key={k} value={k}>{v[lang]}</option>)}
          </select>
        </label>
        <label>{t.filterIssuer}
          <select name="issuerId" value={params.get("issuerId") ?? ""} onChange={(e) => set("issuerId", e.target.value)}>
            <option value="">{t.all}</option>
            {issuers.data?.items.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </select>
        </label>
        <label>{t.filterYear}
          <input name="year" type="number" min={1945} max={2100} value={params.get("year") ?? ""} onChange={(e) => set("year", e.target.value)} />
        </label>
        <label className="check">
          <input type="checkbox" checked={params.get("stubs") === "false"} onChange={(e) => set("stubs", e.target.checked ? "false" : "")} />
          {t.hideStubs}
        </label>
        <button type="submit">{t.search}</button>
      </form>
      <LoadState loading={list.loading && !list.data} error={list.error} final={list.final} retrying={list.retrying} onRetry={list.reload} />
      {list.data && (
        <>
          <p className="muted" aria-live="polite">{t.results(list.data.total)}</p>
          {list.data.items.length === 0 ? <p>{t.empty}</p> : (
            <table className="documents document-list" aria-busy={!list.fresh}>
              <thead><tr><th>{t.colSymbol}</th><th>{t.colType}</th><th>{t.colDate}</th><th>{t.colTitle}</th><th>{t.colIssuer}</th></tr></thead>
              <tbody>
                {list.data.items.map((d) => (
                  <tr key={d.id} className={d.stub ? "stub" : undefined}>
                    <td className="nowrap"><Link to={`/documents/${d.id}`}>{d.symbol ?? t.noSymbol}</Link></td>
                    <td>{DOCUMENT_TYPE_LABELS[d.docType][lang]}</td>
                    <td className="nowrap">{formatDate(d.issuedOn) || d.issuedText}</td>
                    <td><Link to={`/documents/${d.id}`}>{d.title}</Link>{d.stub && <span className="tag">{t.stub}</span>}</td>
                    <td>{d.issuerName ?? d.issuerText}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <nav className="pager" aria-label="pagination">
            {/* While the next page loads the rows shown are the last page's: no number that would say otherwise. */}
            <button disabled={page <= 1 || !list.fresh} onClick={previous}>{t.previous}</button>
            <span>{list.fresh ? t.page(page, pages) : t.loading}</span>
            <button disabled={!list.data?.next || !list.fresh} onClick={() => goTo(page + 1, list.data!.next)}>{t.next}</button>
          </nav>
        </>
      )}
    </section>
  );
}
