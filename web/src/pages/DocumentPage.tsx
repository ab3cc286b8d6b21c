import { useState } from "react";
import { Link, useParams } from "react-router";
import { DOCUMENT_TYPE_LABELS, LINK_KIND_LABELS } from "../../../src/documents/labels";
import { useApi, type DocumentDetail, type DocumentGraph } from "../api";
import { CascadeGraph } from "../components/CascadeGraph";
import { LoadState } from "../components/Status";
import { formatDate } from "../format";
import { useLanguage } from "../i18n";

type LinkRow = DocumentDetail["linksOut"][number];

export function DocumentPage() {
  const { id } = useParams();
  const { t, lang } = useLanguage();
  const doc = useApi<DocumentDetail>(`/api/documents/${id}`);
  const graph = useApi<DocumentGraph>(`/api/documents/${id}/graph`);
  const [showText, setShowText] = useState(false);
  if (!doc.data) return <LoadState loading={doc.loading} error={doc.error} onRetry={doc.reload} />;
  const d = doc.data;
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
      {graph.data ? <CascadeGraph graph={graph.data} /> : <LoadState loading={graph.loading} error={graph.error} onRetry={graph.reload} />}
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
