import { useEffect, useState } from "react";
import { Link, useLocation, useParams } from "react-router";
import { DOCUMENT_TYPE_LABELS, LINK_KIND_LABELS } from "../../../src/documents/labels";
import { ApiError, sendJson, useApi, type Agency, type DocumentDetail, type DocumentGraph, type Indicator, type Page, type Task } from "../api";
import { AgencySelect } from "../components/DraftEditors";
import { TaskList } from "../components/TaskList";
import { CascadeGraph } from "../components/CascadeGraph";
import { LoadState } from "../components/Status";
import { formatDate, formatTarget } from "../format";
import { Outline } from "../components/Outline";
import { useLanguage } from "../i18n";
import { useSession } from "../session";

type LinkRow = DocumentDetail["linksOut"][number];
type IndicatorRow = Omit<Indicator, "searchFolded"> & { ownerName: string | null };

export function DocumentPage() {
  const { id } = useParams();
  const { t, lang } = useLanguage();
  const { can } = useSession();
  const doc = useApi<DocumentDetail>(`/api/documents/${id}`);
  const graph = useApi<DocumentGraph>(`/api/documents/${id}/graph`);
  const [showText, setShowText] = useState(false);
  const tasks = useApi<Page<Task>>(`/api/tasks?documentId=${id}&pageSize=500`);
  const indicators = useApi<Page<IndicatorRow>>(`/api/indicators?documentId=${id}&pageSize=500`);
  // The registry only for those who may change an indicator's owner; others read its name from the list.
  const editsOwners = can("plans.write");
  const registry = useApi<Page<Agency>>(editsOwners ? "/api/agencies?pageSize=500" : null);
  const [ownerProblem, setOwnerProblem] = useState<string | null>(null);
  // An item reached by its address (from the dashboard): shown once the lists are in, and marked.
  useReachedItem(!!(doc.data && tasks.data && indicators.data));
  if (!doc.data) return <LoadState loading={doc.loading} error={doc.error} final={doc.final} onRetry={doc.reload} />;
  const d = doc.data;
  async function changeOwner(i: IndicatorRow, ownerId: number | null) {
    setOwnerProblem(null);
    try {
      await sendJson("PATCH", `/api/indicators/${i.id}?lang=${lang}`, { ownerId, version: i.version });
    } catch (e) {
      setOwnerProblem(e instanceof ApiError ? [e.message, ...e.fields.map((f) => f.message)].join(": ") : String(e));
    }
    indicators.reload();
  }
  const groups: { label: string; rows: LinkRow[] }[] = [];
  for (const kind of Object.keys(LINK_KIND_LABELS) as (keyof typeof LINK_KIND_LABELS)[]) {
    const out = d.linksOut.filter((l) => l.kind === kind), inn = d.linksIn.filter((l) => l.kind === kind);
    if (out.length) groups.push({ label: LINK_KIND_LABELS[kind].out[lang], rows: out });
    if (inn.length) groups.push({ label: LINK_KIND_LABELS[kind].in[lang], rows: inn });
  }
  return (
    <article className="document">
      <p><Link to="/">{t.back}</Link></p>
      <h1><span className="symbol">{d.symbol ?? t.noSymbol}</span> {DOCUMENT_TYPE_LABELS[d.docType][lang]}</h1>
      <p className="title">{d.title}</p>
      {can("reporting.read") && d.status === "published" && !d.stub && <p><Link className="button" to={`/plans/${d.id}/report`}>{t.openPlanReport}</Link></p>}
      <dl className="meta">
        <dt>{t.metaSymbol}</dt><dd>{d.symbol ?? t.noSymbol}</dd>
        <dt>{t.metaType}</dt><dd>{DOCUMENT_TYPE_LABELS[d.docType][lang]}</dd>
        <dt>{t.metaIssuer}</dt><dd>{d.issuerName ?? d.issuerText ?? "—"}</dd>
        <dt>{t.metaDate}</dt><dd>{formatDate(d.issuedOn) || d.issuedText || "—"}</dd>
        <dt>{t.metaSigner}</dt><dd>{d.signer ?? "—"}</dd>
        <dt>{t.metaStatus}</dt><dd>{d.status === "draft" ? t.statusDraft : t.statusPublished}{d.stub && <span className="tag">{t.stub}</span>}</dd>
        {d.sourceFile && <><dt>{t.metaSource}</dt><dd>{d.sourceFile}</dd></>}
      </dl>
      <h2>{t.cascade}</h2>
      {graph.data ? <CascadeGraph graph={graph.data} /> : <LoadState loading={graph.loading} error={graph.error} final={graph.final} onRetry={graph.reload} />}
      <h2>{t.links}</h2>
      {groups.length === 0 ? <p className="muted">{t.noLinks}</p> : groups.map((g) => (
        <section key={g.label} className="link-group">
          <h3>{g.label} ({g.rows.length})</h3>
          <ul>
            {g.rows.map((l) => (
              <li key={l.linkId}>
                <Link to={`/documents/${l.document.id}`}>{l.document.symbol ?? t.noSymbol}</Link>
                {l.document.issuedOn && <span className="muted"> · {formatDate(l.document.issuedOn)}</span>} — {l.document.title}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <h2>{t.outlineTitle}</h2>
      {d.sections.length === 0 ? <p className="muted">{t.noOutline}</p> : <Outline sections={d.sections} tasks={tasks.data?.items ?? []} />}
      <h2>{t.tasksTitle} ({tasks.data?.total ?? "…"})</h2>
      {tasks.data ? <TaskList tasks={tasks.data.items} showDocument={false} /> : <LoadState loading={tasks.loading} error={tasks.error} final={tasks.final} onRetry={tasks.reload} />}
      <h2>{t.indicatorsTitle} ({indicators.data?.total ?? "…"})</h2>
      {ownerProblem && <p className="error" role="alert">{ownerProblem}</p>}
      {indicators.data && (indicators.data.items.length === 0 ? <p className="muted">{t.noIndicators}</p> : (
        <table className="documents">
          <thead><tr><th>{t.section}</th><th>{t.indicatorName}</th><th>{t.indicatorValue}</th><th>{t.indicatorYear}</th><th>{t.indicatorOwner}</th></tr></thead>
          <tbody>{indicators.data.items.map((i) => (
            <tr key={i.id} id={`indicator-${i.id}`}><td>{i.sectionNumber}</td><td>{i.name}{i.sourceText && i.sourceText !== i.name && <span className="source-text">“{i.sourceText}”</span>}</td>
              <td className="nowrap">{formatTarget(i, t.perYear)}</td>
              <td>{i.targetYear ?? "—"}</td>
              <td>{editsOwners && registry.data
                ? <AgencySelect label={`${t.indicatorOwner}: ${i.name}`} value={i.ownerId} registry={registry.data.items} onChange={(ownerId) => void changeOwner(i, ownerId)} />
                : i.ownerName ?? "—"}</td></tr>
          ))}</tbody>
        </table>
      ))}
      <h2>{t.fullText}</h2>
      {d.fullText ? (
        <>
          <button onClick={() => setShowText(!showText)} aria-expanded={showText}>{showText ? t.hideText : t.showText}</button>
          {showText && <pre className="fulltext">{d.fullText}</pre>}
        </>
      ) : <p className="muted">{t.noText}</p>}
    </article>
  );
}

/** Scrolls to the element the address's #fragment names ("#task-12", "#indicator-7") once `ready`, and marks it. */
function useReachedItem(ready: boolean): void {
  const { hash } = useLocation();
  const id = hash.length > 1 ? decodeURIComponent(hash.slice(1)) : null;
  useEffect(() => {
    if (!ready || !id) return;
    const element = document.getElementById(id);
    if (!element) return;
    element.scrollIntoView({ block: "center" });
    element.classList.add("reached");
    return () => element.classList.remove("reached");
  }, [ready, id]);
}
