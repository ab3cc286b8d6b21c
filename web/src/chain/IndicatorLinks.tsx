import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import type { IndicatorLinks as Links } from "../../../src/plans/contributions";
import { sendJson, useApi, type DocumentGraph, type Indicator, type Page, problemLine } from "../api";
import { LoadState } from "../components/Status";
import { formatTarget } from "../format";
import { useLanguage } from "../i18n";
import { useSession } from "../session";

/** An indicator of another document: by its document alone when it bears this one's name (a target restated). */
const indicatorLink = (i: { documentId: number; id: number; name: string; symbol: string | null }, name: string) => i.name === name
  ? <Link to={`/documents/${i.documentId}#indicator-${i.id}`}>{i.symbol ?? "—"}</Link>
  : <><Link to={`/documents/${i.documentId}#indicator-${i.id}`}>{i.name}</Link> <span className="muted">({i.symbol ?? "—"})</span></>;

/**
 * A document's indicators and those of documents above them that they serve: the links confirmed, the
 * suggestions to confirm, what serves them from below; and, for a document above others (a resolution known
 * only by citation), its targets taken from a document below that restates them.
 */
export function IndicatorLinks({ documentId, below, onRestated }: { documentId: number; below: DocumentGraph["nodes"]; onRestated(): void }) {
  const { t, lang } = useLanguage();
  const { can } = useSession();
  const writes = can("plans.write");
  const links = useApi<{ indicators: Links[] }>(`/api/documents/${documentId}/contributions`);
  const [problem, setProblem] = useState<string | null>(null);
  const act = async (method: "PUT" | "DELETE", indicatorId: number, servesId: number) => {
    setProblem(null);
    try { await sendJson(method, `/api/indicators/${indicatorId}/serves/${servesId}?lang=${lang}`, undefined); } catch (e) { setProblem(problemLine(e)); }
    links.reload();
  };
  if (!links.data) return <LoadState loading={links.loading} error={links.error} final={links.final} retrying={links.retrying} onRetry={links.reload} />;
  const rows = links.data.indicators.filter((i) => i.serves.length || i.servedBy.length || i.suggestions.length);
  // A column only where some indicator has something in it (a resolution's targets serve nothing above).
  const upward = rows.some((i) => i.serves.length || i.suggestions.length), downward = rows.some((i) => i.servedBy.length);
  return (
    <section className="indicator-links" aria-labelledby="indicator-links-title">
      {(rows.length > 0 || (writes && below.length > 0)) && <h2 id="indicator-links-title">{t.servesTitle}</h2>}
      {rows.length > 0 && <>
        <p className="muted">{t.servesHint}</p>
        {problem && <p className="error" role="alert">{problem}</p>}
        <table className="documents chain-table links-table">
          <thead><tr><th>{t.indicatorName}</th>{upward && <th>{t.serves}</th>}{downward && <th>{t.servedBy}</th>}</tr></thead>
          <tbody>{rows.map((i) => (
            <tr key={i.id} data-indicator={i.id}>
              <th scope="row">{i.name}</th>
              {upward && <td data-label={t.serves}>
                <ul className="plain-list">
                  {i.serves.map((s) => <li key={s.id}>{indicatorLink(s, i.name)} {writes && <button className="as-link" onClick={() => void act("DELETE", i.id, s.id)}>{t.removeServes}</button>}</li>)}
                  {i.suggestions.map((s) => (
                    <li key={s.id} className="suggestion"><span className="tag">{t.suggested}</span> {indicatorLink(s, i.name)} <span className="muted">· {t.similarity(s.similarity)}</span>{" "}
                      {writes && <button className="secondary" onClick={() => void act("PUT", i.id, s.id)}>{t.confirmServes}</button>}</li>
                  ))}
                </ul>
              </td>}
              {downward && <td data-label={t.servedBy}><ul className="plain-list">{i.servedBy.map((s) => <li key={s.id}>{indicatorLink(s, i.name)}</li>)}</ul></td>}
            </tr>
          ))}</tbody>
        </table>
      </>}
      {writes && below.length > 0 && <RestateTargets documentId={documentId} below={below} onDone={() => { links.reload(); onRestated(); }} />}
    </section>
  );
}

/** Copies targets a document below restates up onto this one (each then judged on the figures of the one it came from). */
function RestateTargets({ documentId, below, onDone }: { documentId: number; below: DocumentGraph["nodes"]; onDone(): void }) {
  const { t, lang } = useLanguage();
  const [fromId, setFromId] = useState<number | null>(null);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const source = useApi<Page<Indicator>>(fromId ? `/api/indicators?documentId=${fromId}&pageSize=500` : null);
  const items = fromId && source.data ? source.data.items : [];
  async function submit(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    try {
      const done = await sendJson<{ created: number; linked: number }>("POST", `/api/documents/${documentId}/restated-targets?lang=${lang}`, { fromId, indicatorIds: [...chosen] });
      setMessage({ ok: true, text: t.restateDone(done.created, done.linked) });
      setChosen(new Set());
      onDone();
    } catch (err) { setMessage({ ok: false, text: problemLine(err) }); }
  }
  return (
    <details className="panel restate">
      <summary>{t.restateTitle}</summary>
      <p className="muted">{t.restateHint}</p>
      <form onSubmit={(e) => void submit(e)}>
        <label>{t.restateFrom}{" "}
          <select value={fromId ?? ""} onChange={(e) => { setFromId(e.target.value ? Number(e.target.value) : null); setChosen(new Set()); }}>
            <option value="">{t.restateChoose}</option>
            {below.map((n) => <option key={n.id} value={n.id}>{n.symbol ?? n.title}</option>)}
          </select>
        </label>
        {items.length > 0 && <>
          <p><label><input type="checkbox" checked={chosen.size === items.length} onChange={(e) => setChosen(new Set(e.target.checked ? items.map((i) => i.id) : []))} /> {t.selectAll}</label></p>
          <ul className="plain-list restate-items">
            {items.map((i) => (
              <li key={i.id}><label><input type="checkbox" checked={chosen.has(i.id)}
                onChange={(e) => { const next = new Set(chosen); if (e.target.checked) next.add(i.id); else next.delete(i.id); setChosen(next); }} />
                {" "}{i.sectionNumber ? `${i.sectionNumber}. ` : ""}{i.name} <span className="muted">({formatTarget(i, t.perYear)})</span></label></li>
            ))}
          </ul>
        </>}
        {message && <p className={message.ok ? "" : "error"} role={message.ok ? "status" : "alert"}>{message.text}</p>}
        <button type="submit" disabled={!fromId || chosen.size === 0}>{t.restateSubmit(chosen.size)}</button>
      </form>
    </details>
  );
}
