import { Fragment, type ReactNode } from "react";
import { Link } from "react-router";
import type { Task } from "../api";
import { formatDate } from "../format";
import { useLanguage } from "../i18n";

type TaskAgency = Task["lead"][number];

/**
 * A task's agencies as the text gives them: those it names, then each collective phrase with its count,
 * expandable to the agencies it stands for ("các sở, ban, ngành (22) ▸"), instead of thirty names.
 */
export function AgencyNames({ agencies }: { agencies: TaskAgency[] }) {
  const named = agencies.filter((a) => a.via === null);
  const phrases = [...new Set(agencies.flatMap((a) => (a.via === null ? [] : [a.via])))];
  return (
    <>
      {named.map((a) => a.name).join("; ")}
      {phrases.map((phrase, i) => {
        const members = agencies.filter((a) => a.via === phrase);
        return (
          <Fragment key={phrase}>
            {named.length > 0 || i > 0 ? "; " : ""}
            <details className="phrase" data-testid="phrase">
              <summary>{phrase} ({members.length.toLocaleString("vi-VN")})</summary>
              <span className="phrase-members">{members.map((a) => a.name).join("; ")}</span>
            </details>
          </Fragment>
        );
      })}
    </>
  );
}

/** The ISO day of a time stamp in Vietnam (UTC+7). */
const dayInVietnam = (at: string) => new Date(new Date(at).getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/** What the focal point decided on a task: the status, from when, why, the evidence, and who set it when. */
export function TaskStatusNote({ task }: { task: Task }) {
  const { t } = useLanguage();
  if (task.status === "open" && !task.statusSetAt) return null;
  const evidence = task.statusEvidence;
  return (
    <div className={`status-note ${task.status}`} data-testid="task-status">
      <strong>{t.taskStatuses[task.status]}</strong>
      {task.statusOn && <> {t.statusFrom(formatDate(task.statusOn))}</>}
      {task.statusReason && <>: {task.statusReason}</>}
      {evidence && <> · {t.statusEvidence}: {/^https?:\/\//i.test(evidence) ? <a href={evidence} target="_blank" rel="noopener noreferrer">{evidence}</a> : evidence}</>}
      {task.statusSetAt && <span className="muted"> · {t.statusSetBy(task.statusSetByName ?? "—", formatDate(dayInVietnam(task.statusSetAt)))}</span>}
    </div>
  );
}

/** Tasks with their section, agencies and deadline; each links to its document. `actions` adds controls under a task (editing). */
export function TaskList({ tasks, showDocument = true, actions }: { tasks: Task[]; showDocument?: boolean; actions?(task: Task): ReactNode }) {
  const { t } = useLanguage();
  if (tasks.length === 0) return <p className="muted">{t.noTasks}</p>;
  return (
    <ol className="items tasks">
      {tasks.map((task) => (
        <li key={task.id} id={`task-${task.id}`} className="item" data-testid="task">
          <strong>{task.sectionNumber ?? "—"}</strong> · <span className="lead"><AgencyNames agencies={task.lead} /></span>
          {task.coordinating.length > 0 && <span className="muted"> · {t.coordinating}: <AgencyNames agencies={task.coordinating} /></span>}
          {task.deadlineText && <span className="tag">{task.deadlineText}</span>}
          {task.status !== "open" && <span className="tag done">{t.taskStatuses[task.status]}</span>}
          {showDocument && <> · <Link to={`/documents/${task.documentId}`}>{t.kindDocument}</Link></>}
          <div className="item-text">{task.text}</div>
          {task.expectedOutput && <div className="muted item-output">{t.output}: {task.expectedOutput}</div>}
          <TaskStatusNote task={task} />
          {actions?.(task)}
        </li>
      ))}
    </ol>
  );
}
