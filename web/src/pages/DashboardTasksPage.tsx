import { Link, useSearchParams } from "react-router";
import type { DashboardTask } from "../../../src/dashboard/dashboard";
import { useApi } from "../api";
import { LoadState } from "../components/Status";
import { formatDate } from "../format";
import { useLanguage } from "../i18n";
import { patchedQuery } from "../search-params";

const STATES = ["overdue", "not_started", "in_progress", "completed_late", "completed_on_time"] as const;

/** The tasks behind a number on the dashboard: of a year and scope, by evaluated state and lead agency; each leads to its clause. */
export function DashboardTasksPage() {
  const { t } = useLanguage();
  const [params, setParams] = useSearchParams();
  const query = new URLSearchParams([...params].filter(([k]) => ["year", "plan", "state", "agency"].includes(k)));
  const data = useApi<{ items: DashboardTask[]; total: number }>(`/api/dashboard/tasks?${query}`);
  const state = params.get("state") ?? "";
  const dashboardQuery = new URLSearchParams([...params].filter(([k]) => k === "year" || k === "plan"));
  const agency = params.get("agency");
  const agencyName = agency ? data.data?.items[0]?.leads.find((l) => String(l.id) === agency)?.name : null;
  return (
    <section className="dashboard-tasks">
      <p><Link to={`/dashboard?${dashboardQuery}`}>{t.backToDashboard}</Link></p>
      <h1>{t.dashboardTasksTitle}{params.get("year") ? ` — ${params.get("year")}` : ""}</h1>
      <div className="row">
        <label>{t.taskStatusLabel}
          <select value={state} onChange={(e) => setParams(patchedQuery({ state: e.target.value }))}>
            <option value="">{t.allStates}</option>
            {STATES.map((k) => <option key={k} value={k}>{t.taskStatus[k]}</option>)}
          </select>
        </label>
        {agencyName && <span className="tag">{t.leadBy}: {agencyName}</span>}
      </div>
      {!data.data ? <LoadState loading={data.loading} error={data.error} final={data.final} retrying={data.retrying} onRetry={data.reload} /> : (
        <>
          <p className="muted" data-testid="tasks-found">{t.tasksFound(data.data.items.length, data.data.total)}</p>
          {data.data.items.length === 0 ? <p className="muted">{t.noTasksFound}</p> : (
            <ol className="items tasks">
              {data.data.items.map((task) => (
                <li key={task.id} className="item" data-testid="task">
                  <span className={`tag task-${task.state}`}>{t.taskStatus[task.state]}</span>{" "}
                  <Link to={`/documents/${task.planId}#task-${task.id}`}>{task.planSymbol ?? t.seeInDocument}{task.sectionNumber ? ` · ${task.sectionNumber}` : ""}</Link>
                  {task.leads.length > 0 && <span className="lead"> · {t.leadBy}: {task.leads.map((l) => l.name).join("; ")}</span>}
                  {(task.due || task.deadlineText) && <span className="muted"> · {t.dueBy}: {task.due ? formatDate(task.due) : task.deadlineText}</span>}
                  <div className="item-text">{task.text}</div>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
