import { Link, useParams } from "react-router";
import { useApi, type AgencyDetail, type Page, type Task } from "../api";
import { AgencyEditor } from "../components/AgencyEditor";
import { RestructureForm } from "../components/RestructureForm";
import { LoadState } from "../components/Status";
import { TaskList } from "../components/TaskList";
import { useLanguage } from "../i18n";
import { useSession } from "../session";

/** One agency: the tasks it leads and those it supports, across every published plan. */
export function AgencyPage() {
  const { id } = useParams();
  const { t } = useLanguage();
  const { can } = useSession();
  const agency = useApi<AgencyDetail>(`/api/agencies/${id}`);
  const led = useApi<Page<Task>>(`/api/tasks?agencyId=${id}&role=lead&pageSize=200`);
  const supported = useApi<Page<Task>>(`/api/tasks?agencyId=${id}&role=coordinating&pageSize=200`);
  if (!agency.data) return <LoadState loading={agency.loading} error={agency.error} final={agency.final} retrying={agency.retrying} onRetry={agency.reload} />;
  return (
    <section>
      <p><Link to="/agencies">← {t.agenciesTitle}</Link></p>
      <h1>{agency.data.name} <span className="tag">{t.agencyKinds[agency.data.kind]}</span></h1>
      <h2>{t.tasksLed} ({led.data?.total ?? "…"})</h2>
      {led.data ? <TaskList tasks={led.data.items} /> : <LoadState loading={led.loading} error={led.error} final={led.final} retrying={led.retrying} onRetry={led.reload} />}
      <h2>{t.tasksCoordinated} ({supported.data?.total ?? "…"})</h2>
      {supported.data ? <TaskList tasks={supported.data.items} /> : <LoadState loading={supported.loading} error={supported.error} final={supported.final} retrying={supported.retrying} onRetry={supported.reload} />}
      {can("agencies.write") && <AgencyEditor key={agency.data.version} agency={agency.data} onSaved={agency.reload} />}
      <RestructureForm agency={agency.data} onDone={() => { agency.reload(); led.reload(); supported.reload(); }} />
    </section>
  );
}
