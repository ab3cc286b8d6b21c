import { Link } from "react-router";
import type { Task } from "../api";
import { useLanguage } from "../i18n";

/** Tasks with their section, agencies and deadline; each links to its document. */
export function TaskList({ tasks, showDocument = true }: { tasks: Task[]; showDocument?: boolean }) {
  const { t } = useLanguage();
  if (tasks.length === 0) return <p className="muted">{t.noTasks}</p>;
  return (
    <ol className="items tasks">
      {tasks.map((task) => (
        <li key={task.id} id={`task-${task.id}`} className="item" data-testid="task">
          <strong>{task.sectionNumber ?? "—"}</strong> · <span className="lead">{task.lead.map((a) => a.name).join("; ")}</span>
          {task.coordinating.length > 0 && <span className="muted"> · {t.coordinating}: {task.coordinating.map((a) => a.name).join("; ")}</span>}
          {task.deadlineText && <span className="tag">{task.deadlineText}</span>}
          {showDocument && <> · <Link to={`/documents/${task.documentId}`}>{t.kindDocument}</Link></>}
          <div className="item-text">{task.text}</div>
        </li>
      ))}
    </ol>
  );
}
