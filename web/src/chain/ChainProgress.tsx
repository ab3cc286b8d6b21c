import { formatNumber } from "../format";
import { Link } from "react-router";
import type { Dashboard } from "../../../src/dashboard/dashboard";
import { useApi } from "../api";
import { useLanguage } from "../i18n";
import { ChainTable } from "./ChainTable";

const LIGHTS = ["off_track", "at_risk", "on_track", "achieved", "no_data"] as const;
const TASKS = ["overdue", "not_started", "in_progress", "completed_late", "completed_on_time"] as const;

/**
 * On a document's page, when documents implement it: the whole chain's progress this year (its lights and
 * tasks, each counted once) and its documents to drill down to, with the chain's dashboard a click away.
 * Read from the dashboard of the document's scope: the same figures, built once for every reader.
 */
export function ChainProgress({ documentId }: { documentId: number }) {
  const { t } = useLanguage();
  const year = new Date().getFullYear();
  const chain = useApi<Dashboard>(`/api/dashboard?year=${year}&plan=${documentId}`);
  const e = chain.data;
  if (!e?.chain || e.chain.length < 2) return null;
  const dashboard = (id: number) => `/dashboard?year=${year}&plan=${id}`;
  return (
    <section className="chain-progress" aria-labelledby="chain-progress-title">
      <h2 id="chain-progress-title">{t.chainProgress} · {t.wholeChainYear(year)}</h2>
      <p className="muted">{t.chainProgressHint(e.chainCount - 1)}</p>
      <div className="totals">
        {LIGHTS.map((k) => <Link key={k} className={`total eval-${k}`} data-evaluation={k} to={dashboard(documentId)}><span>{t.evaluations[k]}</span><strong>{formatNumber(e.indicatorCounts[k])}</strong></Link>)}
      </div>
      <div className="totals">
        {TASKS.map((k) => <Link key={k} className={`total task-${k}`} data-task-state={k} to={`/dashboard/tasks?year=${year}&plan=${documentId}&state=${k}`}><span>{t.taskStatus[k]}</span><strong>{formatNumber(e.taskCounts[k])}</strong></Link>)}
      </div>
      <p><Link className="button" to={dashboard(documentId)}>{t.chainDashboard}</Link></p>
      <h3>{t.chainDocuments} ({e.chainCount})</h3>
      <ChainTable documents={e.chain} open={(d) => (d.id === documentId ? null : { to: dashboard(d.id) })} />
      {e.chainCount > e.chain.length && <p className="muted">{t.chainMore(e.chain.length, e.chainCount)}</p>}
    </section>
  );
}
