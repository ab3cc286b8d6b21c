/**
 * The dashboard's key projects: a light per state (each filters the table), and the table of the projects
 * the plans carry, filtered by plan (the dashboard's own scope), investor and state, each row leading to the
 * project's page. The filters live in the address, so that coming back from a project finds them as left.
 */
import { Link, useSearchParams } from "react-router";
import { useApi, type ProjectList, type ProjectState } from "../api";
import { LoadState } from "../components/Status";
import { formatDate, formatShare } from "../format";
import { useLanguage } from "../i18n";
import { patchedQuery } from "../search-params";
import { PROJECT_STATE_ORDER, ShareBar, ShareFigure, StateLight } from "./parts";

const PAGE_SIZE = 50;

export function ProjectsSection({ plan, planName, scopeStates }: { plan: string | null; planName: string | null; scopeStates: Record<ProjectState, number> }) {
  const { t, lang } = useLanguage();
  const [params, setParams] = useSearchParams();
  const lead = params.get("projectLead");
  const state = params.get("projectState");
  const page = Math.max(1, Number(params.get("projectPage") ?? 1) || 1);
  const set = (patch: Record<string, string | null>) => setParams(patchedQuery({ projectPage: null, ...patch }), { replace: true, preventScrollReset: true });

  // Every carried project, for the filters' choices (the plans that carry some, the investors); the table asks with its filters.
  const all = useApi<ProjectList>("/api/projects?carried=1&pageSize=500");
  const query = new URLSearchParams({ carried: "1", page: String(page), pageSize: String(PAGE_SIZE) });
  if (plan) query.set("planId", plan);
  if (lead) query.set("leadId", lead);
  if (state) query.set("state", state);
  const list = useApi<ProjectList>(`/api/projects?${query}`);

  const plans = new Map<number, string>();
  const leads = new Map<number, string>();
  for (const p of all.data?.items ?? []) {
    for (const d of p.plans) plans.set(d.id, d.symbol ?? d.title);
    if (p.leadId !== null) leads.set(p.leadId, p.leadName ?? String(p.leadId));
  }
  // Counts of the scope: the table's own over every state (they count what this reader's table lists, a draft plan's
  // projects too for those who read drafts), the dashboard's until it answers.
  const counts = list.data ? list.data.states : scopeStates;
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <section className="projects-section" aria-labelledby="projects-title">
      <h2 id="projects-title">{t.projectsTitle}</h2>
      <p className="muted">{t.projectsHint}</p>
      <div className="totals">
        {PROJECT_STATE_ORDER.map((k) => (
          <button key={k} type="button" className={`total project-${k}${state === k ? " chosen" : ""}`} data-project-total={k} aria-pressed={state === k}
            onClick={() => set({ projectState: state === k ? null : k })}>
            <span>{t.projectStates[k]}</span><strong>{counts[k]}</strong>
          </button>
        ))}
      </div>
      <div className="filters">
        <label>{t.filterPlan}
          <select value={plan ?? ""} onChange={(e) => set({ plan: e.target.value || null })}>
            <option value="">{t.allPlans}</option>
            {plan && !plans.has(Number(plan)) && <option value={plan}>{planName ?? plan}</option>}
            {[...plans].map(([id, name]) => <option key={id} value={id}>{name}</option>)}
          </select>
        </label>
        <label>{t.filterInvestor}
          <select value={lead ?? ""} onChange={(e) => set({ projectLead: e.target.value || null })}>
            <option value="">{t.allInvestors}</option>
            {lead && !leads.has(Number(lead)) && <option value={lead}>{lead}</option>}
            {[...leads].sort((a, b) => a[1].localeCompare(b[1], "vi")).map(([id, name]) => <option key={id} value={id}>{name}</option>)}
          </select>
        </label>
        <label>{t.filterProjectState}
          <select value={state ?? ""} onChange={(e) => set({ projectState: e.target.value || null })}>
            <option value="">{t.allStates}</option>
            {PROJECT_STATE_ORDER.map((k) => <option key={k} value={k}>{t.projectStates[k]}</option>)}
          </select>
        </label>
      </div>
      {!list.data ? <LoadState loading={list.loading} error={list.error} final={list.final} retrying={list.retrying} onRetry={list.reload} /> : items.length === 0 ? <p className="muted">{t.noProjects}</p> : (
        <table className="documents projects-table">
          <caption>{t.projectsCaption(total)}{total > items.length ? ` · ${t.page(page, pages)}` : ""}</caption>
          <thead>
            <tr>
              <th scope="col">{t.colProject}</th><th scope="col">{t.colInvestor}</th><th scope="col">{t.colDisbursement}</th><th scope="col">{t.colClearance}</th>
              <th scope="col">{t.colWorkDone}</th><th scope="col">{t.colProjectState}</th><th scope="col">{t.colAsOf}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((p) => {
              const { disbursement: d, clearance: c, progress: w } = p.evaluation;
              return (
                <tr key={p.id} data-project={p.id}>
                  <th scope="row"><Link to={`/projects/${p.id}`}>{p.name}</Link>{p.location && <span className="source-text">{p.location}</span>}</th>
                  <td data-label={t.colInvestor} className="investor">{p.leadName ?? "—"}</td>
                  <td data-label={t.colDisbursement}>{d ? <><ShareFigure value={d.disbursed} of={d.allocated} unit={t.billion} share={d.share} /><span className="source-text">{t.colYear} {d.year}</span></> : "—"}</td>
                  <td data-label={t.colClearance}>{c ? <ShareFigure value={c.cleared} of={c.total} unit="ha" share={c.share} /> : "—"}</td>
                  <td data-label={t.colWorkDone} className="num">{w ? <span className="share-figure"><ShareBar share={w.value} /><span>{formatShare(w.value)}</span></span> : "—"}</td>
                  <td data-label={t.colProjectState} className="reason"><StateLight state={p.evaluation.state} /> <span>{lang === "en" ? p.evaluation.reason.en : p.evaluation.reason.vi}</span></td>
                  <td data-label={t.colAsOf} className="nowrap">{formatDate(p.evaluation.asOf) || "—"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {pages > 1 && (
        <div className="pager">
          <button type="button" disabled={page <= 1 || !list.fresh} onClick={() => set({ projectPage: String(page - 1) })}>{t.previous}</button>
          <span>{list.fresh ? t.page(page, pages) : t.loading}</span>
          <button type="button" disabled={page >= pages || !list.fresh} onClick={() => set({ projectPage: String(page + 1) })}>{t.next}</button>
        </div>
      )}
    </section>
  );
}
