import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import type { Dashboard as ServerDashboard, DashboardIndicator as ServerIndicator } from "../../../src/dashboard/dashboard";
import { useApi, type DocumentSummary, type Page, type Sent } from "../api";
import { BarChart, TrendChart } from "../components/Charts";
import { LoadState } from "../components/Status";
import { formatDate, formatNumber } from "../format";
import { useLanguage } from "../i18n";
import { useSession } from "../session";
import { patchedQuery } from "../search-params";
import { ProjectsSection } from "../projects/ProjectsSection";
import { UpwardDue } from "../upward/UpwardDue";
import { ChainTable } from "../chain/ChainTable";

/** The dashboard and its indicators as the API sends them. */
type Dashboard = Sent<ServerDashboard>;
type DashboardIndicator = Sent<ServerIndicator>;

const STATUS_ORDER = ["off_track", "at_risk", "on_track", "achieved", "no_data"] as const;
const TASK_ORDER = ["overdue", "not_started", "in_progress", "completed_late", "completed_on_time"] as const;
const TASK_COLORS = ["#b42318", "#c27c0e", "#0b3d73", "#6a8fbf", "#1e7b34"];

/** The leaders' dashboard: province-wide or one plan, for a year. Every number leads to its items. */
export function DashboardPage() {
  const { t, lang } = useLanguage();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get("year") ?? new Date().getFullYear());
  const plan = params.get("plan");
  const data = useApi<Dashboard>(`/api/dashboard?year=${year}${plan ? `&plan=${plan}` : ""}`);
  // Any document a chain hangs from is a scope, a resolution known only by citation too.
  const documents = useApi<Page<DocumentSummary>>("/api/documents?stubs=implemented&status=published&pageSize=200");
  const { can } = useSession();
  const [status, setStatus] = useState<string | null>(null);
  // A light chosen: all its indicators, not only those among the most worrying the dashboard lists.
  const chosen = useApi<{ items: DashboardIndicator[]; total: number }>(status ? `/api/dashboard/indicators?year=${year}${plan ? `&plan=${plan}` : ""}&status=${status}` : null);
  const set = (patch: Record<string, string | null>) => setParams(patchedQuery(patch));
  // The title and the year and scope stay while a dashboard loads or is being prepared: another can be chosen meanwhile.
  const heading = <>
    <h1>{t.dashboardTitle}</h1>
    <div className="row">
      <label>{t.periodYear} <input type="number" min={2000} max={2100} value={year} onChange={(e) => set({ year: e.target.value })} /></label>
      <label>{t.dashboardScope}
        <select value={plan ?? ""} onChange={(e) => set({ plan: e.target.value || null })}>
          <option value="">{t.dashboardProvince}</option>
          {(documents.data?.items ?? []).filter((p) => p.docType !== "report" && p.docType !== "letter").map((p) => <option key={p.id} value={p.id}>{p.symbol ?? p.title}</option>)}
        </select>
      </label>
      {plan && can("reporting.read") && <Link className="button" to={`/plans/${plan}/report?year=${year}`}>{t.openPlanReport}</Link>}
    </div>
  </>;
  if (!data.data) return <section className="dashboard">{heading}<LoadState loading={data.loading} error={data.error} final={data.final} retrying={data.retrying} onRetry={data.reload} /></section>;
  const d = data.data;
  const agencyRows = d.agencies;
  const shown = status === null ? d.indicators : chosen.data?.items.filter((i) => i.status === status) ?? d.indicators.filter((i) => i.status === status);
  /** The list of tasks a count is made of. */
  const tasksOf = (filter: { state?: string; agency?: number; plan?: number }) => {
    const q = new URLSearchParams({ year: String(year) });
    const scope = filter.plan ?? plan;
    if (scope) q.set("plan", String(scope));
    if (filter.state) q.set("state", filter.state);
    if (filter.agency) q.set("agency", String(filter.agency));
    return `/dashboard/tasks?${q}`;
  };
  return (
    <section className="dashboard">
      {heading}

      {/* A document with a chain below it: its documents first, to drill down to. */}
      {d.chain && d.chain.length > 1 && <>
        <h2>{t.chainDocuments} ({d.chainCount})</h2>
        <ChainTable documents={d.chain} open={(c) => (String(c.id) === plan ? null : { onClick: () => set({ plan: String(c.id) }) })} />
        {d.chainCount > d.chain.length && <p className="muted">{t.chainMore(d.chain.length, d.chainCount)}</p>}
      </>}

      <h2>{t.indicatorsEvaluated}</h2>
      <div className="totals">
        {STATUS_ORDER.map((k) => (
          <button key={k} className={`total eval-${k}${status === k ? " chosen" : ""}`} data-evaluation={k} aria-pressed={status === k} onClick={() => setStatus(status === k ? null : k)}>
            <span>{t.evaluations[k]}</span><strong>{formatNumber(d.indicatorCounts[k])}</strong>
          </button>
        ))}
      </div>
      <div className="trend-grid">
        {shown.filter((i) => i.series.length > 0).slice(0, 6).map((i) => (
          <figure key={i.id} className="trend">
            <figcaption><span className={`tag eval-${i.status}`}>{t.evaluations[i.status]}</span> <Link to={`/documents/${i.planId}`}>{i.planSymbol}</Link> · <Link to={`/documents/${i.planId}#indicator-${i.id}`}>{i.name}</Link></figcaption>
            <TrendChart label={i.name} series={i.series} target={i.targetValue} targetYear={i.targetYear} average={i.average}
              words={{ values: t.chartValues, path: t.chartPath, target: `${t.target} ${i.target}`, averageSoFar: t.chartAverageSoFar, needed: t.chartNeeded }} />
          </figure>
        ))}
      </div>
      <table className="documents indicators-table">
        <tbody>
          {shown.map((i) => (
            <tr key={i.id} data-indicator={i.id}>
              <td><Link to={`/documents/${i.planId}`}>{i.planSymbol ?? "—"}</Link></td>
              <td><Link to={`/documents/${i.planId}#indicator-${i.id}`} title={t.seeInDocument}>{i.name}</Link></td>
              <td>{i.target}</td>
              <td><span className={`tag eval-${i.status}`}>{t.evaluations[i.status]}</span></td>
              <td className="reason">{lang === "en" ? i.reason.en : i.reason.vi}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t.tasksEvaluated}</h2>
      <BarChart label={t.tasksEvaluated} labels={TASK_ORDER.map((k) => t.taskStatus[k])} values={TASK_ORDER.map((k) => d.taskCounts[k])} colors={TASK_COLORS} />
      <div className="totals">
        {TASK_ORDER.map((k) => (
          <Link key={k} className={`total task-${k}`} data-task-state={k} to={tasksOf({ state: k })}><span>{t.taskStatus[k]}</span><strong>{formatNumber(d.taskCounts[k])}</strong></Link>
        ))}
      </div>
      {/* Only agencies with tasks or reports due have a row; a scope with none has no table (its headers alone would say nothing). */}
      {agencyRows.length > 0 && <table className="documents agencies-table">
        <thead><tr><th>{t.colAgency}</th>{TASK_ORDER.map((k) => <th key={k}>{t.taskStatus[k]}</th>)}{d.reporting && <th>{t.onTimeRate}</th>}</tr></thead>
        <tbody>
          {agencyRows.map((a) => (
            <tr key={a.id} data-agency={a.id}>
              <td><Link to={`/agencies/${a.id}`}>{a.name}</Link></td>
              {TASK_ORDER.map((k) => <td key={k} className="num">{a.tasks[k] ? <Link to={tasksOf({ state: k, agency: a.id })}>{formatNumber(a.tasks[k])}</Link> : 0}</td>)}
              {d.reporting && <td className="num">{a.onTimeRate === null ? "—" : `${formatNumber(a.onTimeRate)} % (${a.onTime}/${a.expected})`}</td>}
            </tr>
          ))}
        </tbody>
      </table>}
      {d.agencyCount > agencyRows.length && <p className="muted" data-more="agencies">{t.shownOf(agencyRows.length, d.agencyCount)}</p>}

      <ProjectsSection plan={plan} scopeStates={d.projectStates}
        planName={(documents.data?.items ?? []).find((p) => String(p.id) === plan)?.symbol ?? null} />

      {!plan && d.plans.length > 0 && <>
        <h2>{t.plansEvaluated} ({formatNumber(d.planCount)})</h2>
        <table className="documents plans-table">
          <thead><tr><th>{t.colPlan}</th><th>{t.colOffTrack}</th><th>{t.colOverdue}</th><th>{t.colTasks}</th></tr></thead>
          <tbody>
            {d.plans.map((p) => (
              <tr key={p.id} data-plan={p.id}>
                <td><button className="as-link" onClick={() => set({ plan: String(p.id) })}>{p.symbol ?? p.title}</button> <span className="muted">{p.symbol ? p.title : ""}</span></td>
                <td className="num">{formatNumber(p.indicatorCounts.off_track)}</td>
                <td className="num">{p.taskCounts.overdue ? <Link to={tasksOf({ plan: p.id, state: "overdue" })}>{formatNumber(p.taskCounts.overdue)}</Link> : 0}</td>
                <td className="num"><Link to={tasksOf({ plan: p.id })}>{formatNumber(Object.values(p.taskCounts).reduce((a, b) => a + b, 0))}</Link></td>
              </tr>
            ))}
          </tbody>
        </table>
      </>}

      <UpwardDue document={plan} />

      {d.reporting && <h2>{t.lateAgencies} ({formatNumber(d.lateCount)})</h2>}
      {d.reporting && (d.late.length === 0 ? <p className="muted">{t.noLate}</p> : (
        <ul className="late">
          {d.late.map((l) => (
            <li key={`${l.roundId}-${l.agencyId}`}><Link to={`/rounds/${l.roundId}/reports/${l.agencyId}`}>{l.agencyName}</Link> · {l.roundTitle} · {t.dueOn} {formatDate(l.dueOn)} · <span className="late">{t.lateBy(l.daysLate)}</span></li>
          ))}
        </ul>
      ))}
      {d.reporting && d.lateCount > d.late.length && <p className="muted" data-more="late">{t.shownOf(d.late.length, d.lateCount)}</p>}

    </section>
  );
}
