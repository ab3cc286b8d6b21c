/**
 * Versions by hand (issue 15), for the focal point on a document's page: a target in force from a day for one of
 * its indicators, or a task's new deadline (or its repeal) from a day. Each problem is said at its field, in the
 * reader's language, as the API words it; what was there before is kept as the earlier version.
 */
import { useState, type FormEvent, type ReactElement, type ReactNode } from "react";
import { COMPARATORS } from "../../../src/plans/schema";
import { ApiError, sendJson, useApi, type Indicator, type Page, type Task } from "../api";
import { useLanguage } from "../i18n";
import { amendmentWords } from "./i18n";

type Problems = Record<string, string>;

/** Sends a version; the problems by field (or "" for the whole form) when refused. */
async function send(path: string, body: unknown, setProblems: (p: Problems) => void): Promise<boolean> {
  setProblems({});
  try {
    await sendJson("POST", path, body);
    return true;
  } catch (e) {
    if (e instanceof ApiError) setProblems(e.fields.length ? Object.fromEntries(e.fields.map((f) => [f.field, f.message])) : { "": e.message });
    else setProblems({ "": String(e) });
    return false;
  }
}

function Field({ id, label, problem, children }: { id: string; label: string; problem?: string; children: (props: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => ReactElement }) {
  return (
    <div className="version-field">
      <label htmlFor={id}>{label}</label>
      {children({ id, "aria-invalid": !!problem, "aria-describedby": problem ? `${id}-problem` : undefined })}
      {problem && <span id={`${id}-problem`} className="field-error" role="alert">{problem}</span>}
    </div>
  );
}

/** One form: its title, the problem of the whole, its fields, and the button. */
function VersionForm({ title, testId, problem, submit, onSubmit, children }: { title: string; testId: string; problem?: string; submit: string; onSubmit(e: FormEvent): Promise<void>; children: ReactNode }) {
  return (
    <form onSubmit={(e) => void onSubmit(e)} aria-label={title} data-testid={testId}>
      <h3>{title}</h3>
      {problem && <p className="error" role="alert">{problem}</p>}
      {children}
      <button type="submit">{submit}</button>
    </form>
  );
}

/** The item a version is of, by its words (cut at 90 characters). */
function ItemSelect({ value, items, onChange, ...field }: { id: string; "aria-invalid": boolean; "aria-describedby"?: string; value: string; items: [number, string][]; onChange(id: string): void }) {
  return (
    <select {...field} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">—</option>
      {items.map(([id, words]) => <option key={id} value={id}>{words.length > 90 ? `${words.slice(0, 90)}…` : words}</option>)}
    </select>
  );
}

export function VersionForms({ documentId, onAdded }: { documentId: number; onAdded(): void }) {
  const { t, lang } = useLanguage();
  const w = amendmentWords(lang);
  const [open, setOpen] = useState(false);
  const indicators = useApi<Page<Indicator>>(open ? `/api/indicators?documentId=${documentId}&pageSize=500` : null);
  const tasks = useApi<Page<Task>>(open ? `/api/tasks?documentId=${documentId}&pageSize=500` : null);
  const [target, setTarget] = useState({ indicatorId: "", inForceFrom: "", comparator: ">=", min: "", max: "", sourceText: "" });
  const [task, setTask] = useState({ taskId: "", inForceFrom: "", deadlineText: "", cancelled: false, sourceText: "" });
  const [targetProblems, setTargetProblems] = useState<Problems>({});
  const [taskProblems, setTaskProblems] = useState<Problems>({});
  const [notice, setNotice] = useState<string | null>(null);

  const addTarget = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setNotice(null);
    if (!target.indicatorId) { setTargetProblems({ indicatorId: w.chooseOne }); return; }
    const body = { inForceFrom: target.inForceFrom, comparator: target.comparator, min: target.min || null, max: target.max || null, sourceText: target.sourceText || null };
    if (await send(`/api/indicators/${target.indicatorId}/target-versions?lang=${lang}`, body, setTargetProblems)) { setNotice(w.added); onAdded(); }
  };
  const addTask = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setNotice(null);
    if (!task.taskId) { setTaskProblems({ taskId: w.chooseOne }); return; }
    const body = { inForceFrom: task.inForceFrom, cancelled: task.cancelled, sourceText: task.sourceText || null, ...(task.cancelled ? {} : { deadlineText: task.deadlineText || undefined }) };
    if (await send(`/api/tasks/${task.taskId}/versions?lang=${lang}`, body, setTaskProblems)) { setNotice(w.added); onAdded(); }
  };

  return (
    <details className="version-forms" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{w.addTitle}</summary>
      <p className="muted">{w.addHint}</p>
      {notice && <p role="status">{notice}</p>}
      {!!indicators.data?.items.length && (
        <VersionForm title={w.addTarget} testId="target-version-form" problem={targetProblems[""]} submit={w.add} onSubmit={addTarget}>
          <Field id="tv-indicator" label={w.which} problem={targetProblems.indicatorId}>{(p) => (
            <ItemSelect {...p} value={target.indicatorId} items={indicators.data!.items.map((i) => [i.id, i.name])} onChange={(indicatorId) => setTarget({ ...target, indicatorId })} />)}</Field>
          <Field id="tv-day" label={w.day} problem={targetProblems.inForceFrom}>{(p) => <input {...p} inputMode="numeric" value={target.inForceFrom} onChange={(e) => setTarget({ ...target, inForceFrom: e.target.value })} />}</Field>
          <Field id="tv-comparator" label={w.comparator} problem={targetProblems.comparator}>{(p) => (
            <select {...p} value={target.comparator} onChange={(e) => setTarget({ ...target, comparator: e.target.value })}>
              {COMPARATORS.map((c) => <option key={c} value={c}>{t.comparators[c]}</option>)}
            </select>)}</Field>
          <Field id="tv-min" label={w.min} problem={targetProblems.min}>{(p) => <input {...p} inputMode="decimal" value={target.min} onChange={(e) => setTarget({ ...target, min: e.target.value })} />}</Field>
          <Field id="tv-max" label={w.max} problem={targetProblems.max}>{(p) => <input {...p} inputMode="decimal" value={target.max} onChange={(e) => setTarget({ ...target, max: e.target.value })} />}</Field>
          <Field id="tv-source" label={w.source}>{(p) => <input {...p} value={target.sourceText} onChange={(e) => setTarget({ ...target, sourceText: e.target.value })} />}</Field>
        </VersionForm>
      )}
      {!!tasks.data?.items.length && (
        <VersionForm title={w.addTask} testId="task-version-form" problem={taskProblems[""]} submit={w.add} onSubmit={addTask}>
          <Field id="kv-task" label={w.whichTask} problem={taskProblems.taskId}>{(p) => (
            <ItemSelect {...p} value={task.taskId} items={tasks.data!.items.filter((x) => x.status !== "cancelled").map((x) => [x.id, `${x.sectionNumber ? `${x.sectionNumber}. ` : ""}${x.text}`])}
              onChange={(taskId) => setTask({ ...task, taskId })} />)}</Field>
          <Field id="kv-day" label={w.day} problem={taskProblems.inForceFrom}>{(p) => <input {...p} inputMode="numeric" value={task.inForceFrom} onChange={(e) => setTask({ ...task, inForceFrom: e.target.value })} />}</Field>
          <Field id="kv-deadline" label={w.newDeadline} problem={taskProblems.deadlineText}>{(p) => <input {...p} disabled={task.cancelled} value={task.deadlineText} onChange={(e) => setTask({ ...task, deadlineText: e.target.value })} />}</Field>
          <label className="check"><input type="checkbox" checked={task.cancelled} onChange={(e) => setTask({ ...task, cancelled: e.target.checked })} /> {w.repeal}</label>
          <Field id="kv-source" label={w.source}>{(p) => <input {...p} value={task.sourceText} onChange={(e) => setTask({ ...task, sourceText: e.target.value })} />}</Field>
        </VersionForm>
      )}
    </details>
  );
}
