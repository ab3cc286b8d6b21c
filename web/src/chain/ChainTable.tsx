import { Link } from "react-router";
import type { ChainDocument } from "../../../src/evaluation/chain";
import { DOCUMENT_TYPE_LABELS } from "../../../src/documents/labels";
import { formatNumber } from "../format";
import { useLanguage } from "../i18n";

const LIGHTS = ["off_track", "at_risk", "on_track", "achieved", "no_data"] as const;
const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** The document's kind and title after its symbol, the kind once ("Nghị quyết số 96/NQ-CP", not "Nghị quyết · Nghị quyết số …"). */
function describe(d: ChainDocument, lang: "vi" | "en"): string {
  const kind = DOCUMENT_TYPE_LABELS[d.docType as keyof typeof DOCUMENT_TYPE_LABELS]?.[lang] ?? "";
  if (!d.symbol) return kind;
  return d.title.toLocaleLowerCase("vi").startsWith(kind.toLocaleLowerCase("vi")) ? d.title : `${kind} · ${d.title}`;
}

/**
 * The documents of a chain, the top first and each under the one it implements (indented by its depth), with
 * its own lights and tasks: the drill-down from a resolution to its programmes, plans and departments' plans.
 * `open`: what choosing a document does (the dashboard scopes to it; elsewhere a link to its dashboard), or null (the scope shown).
 */
export function ChainTable({ documents, open }: { documents: ChainDocument[]; open: (d: ChainDocument) => { to: string } | { onClick(): void } | null }) {
  const { t, lang } = useLanguage();
  return (
    <table className="documents chain-table">
      <thead><tr><th>{t.colDocument}</th><th>{t.colIndicators}</th><th>{t.colOverdue}</th><th>{t.colTasks}</th><th><span className="visually-hidden">{t.drillDown}</span></th></tr></thead>
      <tbody>
        {documents.map((d) => {
          const action = open(d);
          const tasks = sum(d.taskCounts), indicators = sum(d.indicatorCounts);
          return (
            <tr key={d.id} data-chain-document={d.symbol ?? d.id} style={{ ["--depth" as string]: d.depth }}>
              <th scope="row" className="chain-name">
                <span className="tag">{t.chainDepth(d.depth)}</span>{" "}
                <Link to={`/documents/${d.id}`}>{d.symbol ?? d.title}</Link>{" "}
                <span className="muted">{describe(d, lang)}</span>
              </th>
              {tasks === 0 && indicators === 0 ? <td colSpan={4} className="muted">{t.chainNothing}</td> : <>
                <td data-label={t.colIndicators}>
                  {indicators === 0 ? <span className="muted">—</span> : LIGHTS.filter((k) => d.indicatorCounts[k]).map((k) => (
                    <span key={k} className={`tag eval-${k}`} title={t.evaluations[k]}>{t.evaluations[k]}: {formatNumber(d.indicatorCounts[k])}</span>
                  ))}
                </td>
                <td data-label={t.colOverdue} className="num">{formatNumber(d.taskCounts.overdue)}</td>
                <td data-label={t.colTasks} className="num">{formatNumber(tasks)}</td>
                <td>{action && ("to" in action
                  ? <Link className="button secondary nowrap" to={action.to}>{t.drillDown}</Link>
                  : <button className="secondary nowrap" onClick={action.onClick}>{t.drillDown}</button>)}</td>
              </>}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
