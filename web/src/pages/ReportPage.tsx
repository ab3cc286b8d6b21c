import { useCallback, useEffect, useRef, useState, type MouseEvent } from "react";
import { Link, useParams } from "react-router";
import { reportGaps, sentenceStart, statusProgressMismatch, taskLabel, indicatorLabel, type Gap } from "../../../src/reporting/gaps";
import { ApiError, getJson, sendJson, uploadFile, useApi, type FieldMessage, type SubmissionForm } from "../api";
import { LoadState } from "../components/Status";
import { controlId, NumberInput } from "../components/fields";
import { formatDate, formatNumber, formatTarget, type TypedNumber } from "../format";
import { useLanguage } from "../i18n";
import { useSession } from "../session";
import { PERCENT, projectGaps, projectValues, ReportProjects, useProjectFieldLabel, type ProjectReport } from "../projects/ReportProjects";

type TaskReport = { status?: string | null; progress?: number | null; narrative?: string };
type IndicatorReport = { value?: number | null; valueKind?: "actual" | "estimate"; explanation?: string };
type Texts = { results?: string; difficulties?: string; proposals?: string };
type ActualReport = { value?: number | null; explanation?: string };
/** An actual figure the round asks for is keyed "indicatorId-year". */
interface Changes { texts: Texts; tasks: Map<number, TaskReport>; indicators: Map<number, IndicatorReport>; actuals: Map<string, ActualReport>; projects: Map<number, ProjectReport> }

const noChanges = (): Changes => ({ texts: {}, tasks: new Map(), indicators: new Map(), actuals: new Map(), projects: new Map() });
const isEmpty = (c: Changes) => !Object.keys(c.texts).length && !c.tasks.size && !c.indicators.size && !c.actuals.size && !c.projects.size;
const actualKey = (a: { indicatorId: number; year: number }) => `${a.indicatorId}-${a.year}`;
const TASK_STATUSES = ["completed_on_time", "completed_late", "in_progress", "overdue", "not_started"];
const AUTOSAVE_MS = 800;
const PROGRESS_RANGE = PERCENT;

/** Follows a gap's link: the field itself takes the focus (a link to an element only scrolls). */
const focusField = (field: string) => (e: MouseEvent) => {
  const control = document.getElementById(controlId(field));
  if (!control) return;
  e.preventDefault();
  control.scrollIntoView({ block: "center" });
  control.focus();
};

/** A gap as listed: its field, whether it blocks sending, and what it says (its item named). */
interface ListedGap { field: string; blocking: boolean; text: string }

/** The values shown in the form, from the server's answer. */
function valuesOf(form: SubmissionForm) {
  return {
    texts: { results: form.submission?.results ?? "", difficulties: form.submission?.difficulties ?? "", proposals: form.submission?.proposals ?? "" },
    tasks: new Map(form.tasks.map((x) => [x.id, { status: x.report?.status ?? null, progress: x.report?.progress ?? null, narrative: x.report?.narrative ?? "" }])),
    indicators: new Map(form.indicators.map((x) => [x.id, { value: x.report?.value ?? null, valueKind: (x.report?.valueKind ?? "actual") as "actual" | "estimate", explanation: x.report?.explanation ?? "" }])),
    actuals: new Map(form.actuals.map((a) => [actualKey(a), { value: a.report?.value ?? null, explanation: a.report?.explanation ?? "" }])),
    projects: projectValues(form.projects),
  };
}

export function ReportPage() {
  const { id, agencyId } = useParams();
  const path = `/api/rounds/${id}/reports/${agencyId}`;
  const loaded = useApi<SubmissionForm>(path);
  /** The form as an uploaded template left it: the form starts afresh from it. */
  const [replaced, setReplaced] = useState<{ form: SubmissionForm; generation: number; note: string } | null>(null);
  if (!loaded.data) return <LoadState loading={loaded.loading} error={loaded.error} final={loaded.final} retrying={loaded.retrying} onRetry={loaded.reload} />;
  return <ReportForm key={`${path}-${replaced?.generation ?? 0}`} initial={replaced?.form ?? loaded.data} path={path} note={replaced?.note ?? null}
    onReplaced={(form, note) => setReplaced((r) => ({ form, note, generation: (r?.generation ?? 0) + 1 }))} />;
}

interface TemplateChange { sheet: string; cell: string; item: string; field: string; before: string; after: string }

/**
 * The report as an Excel template: download it, upload it filled. The upload is checked first and
 * its changes shown beside what the web form holds (preview); only a confirmation writes them.
 */
function TemplateBox({ path, editable, beforeUpload, onWritten }: { path: string; editable: boolean; beforeUpload(): Promise<void>; onWritten(form: SubmissionForm, count: number): void }) {
  const { t } = useLanguage();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [changes, setChanges] = useState<TemplateChange[] | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [note, setNote] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const refused = (e: unknown) => setProblems(e instanceof ApiError && e.fields.length ? e.fields.map((f) => f.message) : [(e as Error).message]);
  const check = async (chosen: File) => {
    setFile(chosen); setChanges(null); setProblems([]); setNote(null); setBusy(true);
    try {
      await beforeUpload();
      const answer = await uploadFile<{ changes: TemplateChange[] }>(`${path}/template?preview=1`, chosen);
      if (answer.changes.length) setChanges(answer.changes); else setNote(t.templateNoChanges);
    } catch (e) { refused(e); } finally { setBusy(false); if (input.current) input.current.value = ""; }
  };
  const confirm = async () => {
    if (!file || !changes) return;
    setBusy(true);
    try {
      const answer = await uploadFile<{ form: SubmissionForm; changes: TemplateChange[] }>(`${path}/template`, file);
      onWritten(answer.form, answer.changes.length);
    } catch (e) { refused(e); setChanges(null); } finally { setBusy(false); }
  };
  return (
    <div className="template-box">
      <h2>{t.templateTitle}</h2>
      <p className="muted">{t.templateHint}</p>
      <div className="actions">
        <a className="button secondary" href={`${path}/template`} download>{t.templateDownload}</a>
        {editable && <label className="attach">{t.templateUpload}{" "}
          <input ref={input} type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" disabled={busy}
            onChange={(e) => { const f = e.target.files?.[0]; if (f) void check(f); }} />
        </label>}
      </div>
      <div role="status" aria-live="polite">{busy ? t.templateChecking : note}</div>
      {problems.length > 0 && <div className="error" role="alert"><strong>{t.templateRefused}</strong><ul>{problems.map((p, k) => <li key={k}>{p}</li>)}</ul></div>}
      {changes && (
        <div className="template-preview">
          <h3>{t.templatePreviewTitle(changes.length)}</h3>
          <div className="table-scroll">
            <table>
              <thead><tr><th>{t.templateWhere}</th><th>{t.templateItem}</th><th>{t.templateBefore}</th><th>{t.templateAfter}</th></tr></thead>
              <tbody>{changes.map((c) => (
                <tr key={`${c.sheet}!${c.cell}`}><td>{c.sheet}!{c.cell}</td><td>{c.item} · {t.templateField[c.field] ?? c.field}</td><td>{c.before}</td><td>{c.after}</td></tr>
              ))}</tbody>
            </table>
          </div>
          <div className="actions">
            <button type="button" disabled={busy} onClick={() => void confirm()}>{t.templateConfirm}</button>
            <button type="button" className="secondary" disabled={busy} onClick={() => { setChanges(null); setFile(null); }}>{t.templateCancel}</button>
          </div>
        </div>
      )}
    </div>
  );
}

/**
 * The report form. What the user types is the source of truth on screen; changes are sent as they
 * accumulate (one save at a time, the version carried from answer to answer), and what is still
 * unsent is sent when the page is left. The scroll position is kept per report.
 */
function ReportForm({ initial, path, note, onReplaced }: { initial: SubmissionForm; path: string; note: string | null; onReplaced(form: SubmissionForm, note: string): void }) {
  const { t } = useLanguage();
  const { session, can } = useSession();
  const [form, setForm] = useState(initial);
  const [values, setValues] = useState(() => valuesOf(initial));
  const [state, setState] = useState<"idle" | "dirty" | "saving" | "saved" | "error">("idle");
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [problems, setProblems] = useState<FieldMessage[]>([]);
  /** A file refused (its type, its size, a damaged or tampered file): said beside the control it was attached with, not among the report's gaps. */
  const [attachProblem, setAttachProblem] = useState<{ taskId: number | null; message: string } | null>(null);
  const [comment, setComment] = useState("");
  /** The reviewer's comments on single items ("task-12", "indicator-4"), sent with a return. */
  const [itemComments, setItemComments] = useState<Record<string, string>>({});
  /** Number fields whose text is no number, or out of range: said at the field, listed among the gaps, not sent. */
  const [badNumbers, setBadNumbers] = useState<Record<string, { problem: "not_a_number" | "out_of_range"; typed: string }>>({});
  /** Sending was asked for while the report has gaps: they are listed to confirm or fix. */
  const [confirming, setConfirming] = useState(false);
  const confirmTitle = useRef<HTMLHeadingElement>(null);
  const pending = useRef<Changes>(noChanges());
  const version = useRef(initial.submission?.version ?? 0);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const editable = form.editable;

  const accept = (next: SubmissionForm) => {
    setForm(next);
    version.current = next.submission?.version ?? 0;
  };
  /** Field problems are listed (and shown at their fields); any other failure is one message. */
  const fail = (e: unknown) => {
    const fields = e instanceof ApiError ? e.fields : [];
    setProblems(fields);
    setMessage(fields.length ? null : (e as Error).message);
  };

  /** Sends what changed since the last save; saves run one after another. */
  const save = useCallback(() => {
    chain.current = chain.current.then(async () => {
      if (isEmpty(pending.current)) return;
      const sent = pending.current;
      pending.current = noChanges();
      setState("saving");
      try {
        const next = await sendJson<SubmissionForm>("PUT", path, {
          version: version.current, ...sent.texts,
          tasks: sent.tasks.size ? [...sent.tasks].map(([taskId, r]) => ({ taskId, ...r })) : undefined,
          indicators: sent.indicators.size ? [...sent.indicators].map(([indicatorId, r]) => ({ indicatorId, ...r })) : undefined,
          actuals: sent.actuals.size ? [...sent.actuals].map(([key, r]) => ({ indicatorId: Number(key.split("-")[0]), year: Number(key.split("-")[1]), ...r })) : undefined,
          projects: sent.projects.size ? [...sent.projects].map(([projectId, r]) => ({ projectId, ...r })) : undefined,
        });
        accept(next);
        // What the server refused of these projects' figures before is settled now (their cause, once sent).
        setProblems((ps) => ps.filter((p) => {
          const [kind, id, key] = p.field.split(".");
          const patch = kind === "projects" ? sent.projects.get(Number(id)) : undefined;
          return !patch || (key === "explanation" && patch.explanation === undefined);
        }));
        setSavedAt(new Date());
        setMessage(null);
        setState(isEmpty(pending.current) ? "saved" : "dirty");
      } catch (e) {
        // Nothing typed is lost: the unsent changes go back under anything typed since.
        pending.current = {
          texts: { ...sent.texts, ...pending.current.texts },
          tasks: new Map([...sent.tasks, ...pending.current.tasks]),
          indicators: new Map([...sent.indicators, ...pending.current.indicators]),
          actuals: new Map([...sent.actuals, ...pending.current.actuals]),
          // A project's fields merge: what was typed since changes only its own fields.
          projects: new Map([...new Set([...sent.projects.keys(), ...pending.current.projects.keys()])]
            .map((id) => [id, { ...sent.projects.get(id), ...pending.current.projects.get(id) }])),
        };
        setState("error");
        // A save names a project's field by its place in what was sent ("projects.0.disbursed"); the form's controls by the project.
        const sentIds = [...sent.projects.keys()];
        fail(e instanceof ApiError ? new ApiError(e.status, e.message, e.code, e.fields.map((f) => {
          const m = /^projects\.(\d+)\.(.+)$/.exec(f.field);
          return m && sentIds[Number(m[1])] !== undefined ? { ...f, field: `projects.${sentIds[Number(m[1])]}.${m[2]}` } : f;
        })) : e);
        // Saved meanwhile from another tab or by a colleague: take the report's new version; what this page
        // changed is sent again at the next save, over the fields it changed and no others.
        if (e instanceof ApiError && e.status === 409) {
          const fresh = await getJson<SubmissionForm>(path).catch(() => null);
          if (fresh) { accept(fresh); setState("dirty"); }
        }
      }
    });
    return chain.current;
  }, [path]);

  const schedule = () => {
    setState("dirty");
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), AUTOSAVE_MS);
  };
  const setText = (key: keyof Texts, value: string) => {
    setValues((v) => ({ ...v, texts: { ...v.texts, [key]: value } }));
    pending.current.texts[key] = value;
    schedule();
  };
  const setTask = (id: number, patch: TaskReport) => {
    setValues((v) => ({ ...v, tasks: new Map(v.tasks).set(id, { ...v.tasks.get(id)!, ...patch } as never) }));
    pending.current.tasks.set(id, { ...pending.current.tasks.get(id), ...patch });
    schedule();
  };
  const setIndicator = (id: number, patch: IndicatorReport) => {
    setValues((v) => ({ ...v, indicators: new Map(v.indicators).set(id, { ...v.indicators.get(id)!, ...patch } as never) }));
    pending.current.indicators.set(id, { ...pending.current.indicators.get(id), ...patch });
    schedule();
  };

  const setProject = (id: number, patch: ProjectReport) => {
    setValues((v) => ({ ...v, projects: new Map(v.projects).set(id, { ...v.projects.get(id), ...patch }) }));
    pending.current.projects.set(id, { ...pending.current.projects.get(id), ...patch });
    schedule();
  };

  const setActual = (key: string, patch: ActualReport) => {
    setValues((v) => ({ ...v, actuals: new Map(v.actuals).set(key, { ...v.actuals.get(key)!, ...patch }) }));
    pending.current.actuals.set(key, { ...pending.current.actuals.get(key), ...patch });
    schedule();
  };

  /** A number field read: a number (or empty) is saved; a problem is kept to say, and the saved value stays as it was. */
  const readInto = (field: string, read: TypedNumber, typed: string, apply: (value: number | null) => void) => {
    setBadNumbers(({ [field]: _, ...rest }) => ("problem" in read ? { ...rest, [field]: { problem: read.problem, typed } } : rest));
    if ("value" in read) apply(read.value);
  };
  const numberProblem = (field: string, label: string) => {
    const bad = badNumbers[field];
    if (!bad) return null;
    if (bad.problem === "not_a_number") return t.notANumber(label);
    // A task's progress says it as it always has; a project's figures name their own field.
    return field.startsWith("projects.") ? (field.endsWith(".progress") ? t.outOfPercent(label, bad.typed) : t.notNegative(label, bad.typed)) : t.progressOutOfRange(bad.typed);
  };

  // Leaving: the browser asks before closing a page with unsaved changes (a number not yet readable too); moving within the app sends them.
  const unsaved = state === "dirty" || state === "saving" || state === "error" || Object.keys(badNumbers).length > 0;
  useEffect(() => {
    if (!unsaved) return;
    const warn = (e: BeforeUnloadEvent) => { e.preventDefault(); e.returnValue = t.leaveWarning; };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved, t.leaveWarning]);
  useEffect(() => () => { clearTimeout(timer.current); void save(); }, [save]);

  // A long form keeps its place across visits.
  useEffect(() => {
    const key = `theodoi-scroll:${path}`;
    const y = Number(sessionStorage.getItem(key) ?? 0);
    if (y) window.scrollTo(0, y);
    let frame = 0;
    const remember = () => { cancelAnimationFrame(frame); frame = requestAnimationFrame(() => sessionStorage.setItem(key, String(window.scrollY))); };
    window.addEventListener("scroll", remember);
    return () => window.removeEventListener("scroll", remember);
  }, [path]);

  const act = async (suffix: string, body: object) => {
    clearTimeout(timer.current);
    await save();
    setProblems([]);
    try {
      accept(await sendJson<SubmissionForm>("POST", `${path}/${suffix}`, { version: version.current, ...body }));
      setMessage(null);
      setComment("");
      setItemComments({});
    } catch (e) { fail(e); }
  };
  const attach = async (file: File, taskId: number | null) => {
    clearTimeout(timer.current);
    await save();
    setAttachProblem(null);
    try {
      accept(await uploadFile<SubmissionForm>(`${path}/evidence?version=${version.current}${taskId ? `&taskId=${taskId}` : ""}`, file));
    } catch (e) {
      const said = e instanceof ApiError ? e.fields.find((f) => f.field === "file")?.message ?? e.message : String(e);
      setAttachProblem({ taskId, message: `${file.name}: ${said}` });
    }
  };
  const detach = async (evidenceId: number) => {
    await save();
    try { accept(await sendJson<SubmissionForm>("DELETE", `${path}/evidence/${evidenceId}?version=${version.current}`, undefined)); } catch (e) { fail(e); }
  };

  const problemOf = (field: string) => problems.find((p) => p.field === field)?.message;
  const textLabels = { results: t.reportResults, difficulties: t.difficulties, proposals: t.proposals };
  const itemName = (item: Gap["item"]) => ("task" in item ? t.taskItem(item.task) : "indicator" in item ? t.indicatorItem(item.indicator) : textLabels[item.text]);
  const labelOfField = (field: string) => {
    const [kind, id] = field.split(".");
    const task = kind === "tasks" ? form.tasks.find((x) => x.id === Number(id)) : undefined;
    const indicator = kind === "indicators" ? form.indicators.find((x) => x.id === Number(id)) : undefined;
    const project = kind === "projects" ? form.projects.find((x) => x.id === Number(id)) : undefined;
    return task ? t.taskItem(taskLabel(task.number, task.text)) : indicator ? t.indicatorItem(indicatorLabel(indicator.name)) : project ? t.projectItem(project.name) : "";
  };
  const projectFieldLabel = useProjectFieldLabel(form.round.periodYear);
  /** The label of a number field, in what is said about it. */
  const numberLabel = (field: string) => (field.startsWith("projects.") ? projectFieldLabel(field.split(".")[2]) : field.endsWith("progress") ? t.progress : t.valueLabel);
  // Every gap, from what is on screen now (the same rules the server applies on sending), numbers that cannot be saved first.
  const gaps: ListedGap[] = [
    ...Object.keys(badNumbers).map((field) => ({ field, blocking: true, text: `${labelOfField(field)}: ${numberProblem(field, numberLabel(field))}` })),
    ...reportGaps({
      tasks: form.tasks.map((task) => {
        const v = values.tasks.get(task.id)!;
        return { ...task, status: v.status ?? null, progress: v.progress ?? null, narrative: v.narrative ?? "" };
      }),
      indicators: form.indicators.map((i) => {
        const v = values.indicators.get(i.id)!;
        return { ...i, value: v.value ?? null, explanation: v.explanation ?? "" };
      }),
      texts: { results: values.texts.results ?? "", difficulties: values.texts.difficulties ?? "", proposals: values.texts.proposals ?? "" },
    }).map((g) => ({ field: g.field, blocking: g.blocking, text: `${itemName(g.item)}: ${t.gapWhat[g.key]}` })),
    // An actual figure the round asks for: the figure, or why there is none (as the server says it).
    ...form.actuals.filter((a) => { const v = values.actuals.get(actualKey(a)); return v?.value == null && !v?.explanation?.trim(); })
      .map((a) => ({ field: `actuals.${actualKey(a)}.value`, blocking: true, text: `${t.indicatorItem(indicatorLabel(a.name))}: ${t.actualOf(a.year)}` })),
    // A key project: a figure or a word of it; the cause when the figures saved judge it behind (as the server says it).
    ...projectGaps(form.projects, values.projects).map((g) => ({ field: g.field, blocking: true, text: `${t.projectItem(g.name)}: ${t.projectGapWhat[g.key]}` })),
  ];
  const blocking = gaps.filter((g) => g.blocking), optional = gaps.filter((g) => !g.blocking);
  /** Sends at once when nothing is missing; otherwise lists every gap first, to fix or (if none blocks) send anyway. */
  const send = async () => {
    // A project's figures are judged by the server: those typed are saved first, and what is still missing listed from its answer.
    if (form.projects.length && (pending.current.projects.size || state === "saving")) {
      clearTimeout(timer.current);
      await save();
    } else if (!gaps.length) return void act("submit", {});
    setConfirming(true);
    requestAnimationFrame(() => confirmTitle.current?.focus());
  };
  const gapList = (list: ListedGap[]) => (
    <ul>{list.map((g) => <li key={g.field}><a href={`#${controlId(g.field)}`} onClick={focusField(g.field)}>{g.text}</a></li>)}</ul>
  );
  const status = form.submission?.status ?? "missing";
  /** A box for the reviewer's comment on one item; sent with a return, shown to the agency at the item. */
  const itemCommentBox = (key: string) => (
    <label className="item-comment-box">{t.commentOnItem}
      <textarea id={`review-${key}`} rows={2} value={itemComments[key] ?? ""} onChange={(e) => setItemComments({ ...itemComments, [key]: e.target.value })} />
    </label>
  );
  const returnedItems = () => Object.entries(itemComments).filter(([, c]) => c.trim()).map(([key, c]) => {
    const [kind, id] = key.split("-");
    return kind === "task" ? { taskId: Number(id), comment: c.trim() } : kind === "project" ? { projectId: Number(id), comment: c.trim() } : { indicatorId: Number(id), comment: c.trim() };
  });
  const actsForAgency = session!.user.role === "admin" || session!.user.role === "focal_point" || session!.user.agencyIds.includes(form.agency.id);
  const lastReturn = [...form.events].reverse().find((e) => e.kind === "returned");
  const evidenceOf = (taskId: number | null) => form.evidence.filter((f) => f.taskId === taskId);
  const files = (taskId: number | null) => (
    <div className="evidence">
      {evidenceOf(taskId).map((f) => (
        <span key={f.id} className="file"><a href={`/api/evidence/${f.id}`}>{f.fileName}</a>{editable && <button type="button" aria-label={`${t.remove} ${f.fileName}`} onClick={() => void detach(f.id)}>×</button>}</span>
      ))}
      {editable && <label className="attach">{t.attach} <input type="file" onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ""; if (f) void attach(f, taskId); }} /></label>}
      {attachProblem && attachProblem.taskId === taskId && <span className="field-error" role="alert">{attachProblem.message}</span>}
    </div>
  );

  return (
    <section className="report">
      <p><Link to={can("reporting.read") ? `/rounds/${form.round.id}` : "/inbox"}>← {form.round.title}</Link></p>
      <h1>{t.reportTitle(form.agency.name)}</h1>
      <p className="muted">{t.dueOn}: <strong>{formatDate(form.round.dueOn)}</strong> · <span className={`tag status-${status}`}>{t.reportStatus[status]}</span></p>
      <p className="actions"><a className="button secondary" href={`${path}/official.docx`} download title={t.reportDocxHint}
        onClick={(e) => { if (state !== "dirty") return; e.preventDefault(); clearTimeout(timer.current); void save().then(() => { window.location.href = `${path}/official.docx`; }); }}>{t.reportDocxDownload}</a></p>
      <div className="save-state" role="status" aria-live="polite">
        {state === "saving" ? t.saving : state === "dirty" ? t.unsavedChanges : savedAt && state === "saved" ? t.savedAt(savedAt.toLocaleTimeString("vi-VN")) : ""}
      </div>
      {note && <p className="notice" role="status">{note}</p>}
      <TemplateBox path={path} editable={editable} beforeUpload={async () => { clearTimeout(timer.current); await save(); }}
        onWritten={(next, count) => onReplaced(next, t.templateWritten(count))} />
      {status === "returned" && lastReturn?.comment && <div className="notice warn"><strong>{t.returnedWith}</strong> {lastReturn.comment}</div>}
      {!editable && <p className="muted">{t.readOnly}</p>}
      {message && <p className="error" role="alert">{message}</p>}
      {problems.length > 0 && (
        <div className="error" role="alert"><strong>{t.gapsTitle}</strong>
          <ul>{problems.map((p) => <li key={p.field}><a href={`#${controlId(p.field)}`} onClick={focusField(p.field)}>{p.message}</a></li>)}</ul>
        </div>
      )}

      <h2>{t.tasksSection}</h2>
      <ol className="report-tasks">
        {form.tasks.map((task) => {
          const v = values.tasks.get(task.id)!;
          const number = task.number ?? task.sectionNumber;
          const mismatch = statusProgressMismatch(v.status, v.progress);
          const progressField = `tasks.${task.id}.progress`;
          return (
            <li key={task.id} className="report-task">
              {/* Shown from a capital: a task cut from its lead clause starts in lower case ("tổ chức triển khai…"). */}
              <p>{number && <span className="muted">{number} </span>}{sentenceStart(task.text)}</p>
              <p className="muted"><span className="tag">{task.role === "lead" ? t.leadRole : t.coordinatingRole}</span>{task.deadlineText && <> · {t.deadline}: {task.deadlineText}</>}</p>
              <div className="row">
                <label>{t.taskStatusLabel}
                  <select id={controlId(`tasks.${task.id}.status`)} disabled={!editable} value={v.status ?? ""} aria-invalid={!!problemOf(`tasks.${task.id}.status`)} onChange={(e) => setTask(task.id, { status: e.target.value || null })}>
                    <option value="">{t.chooseStatus}</option>
                    {TASK_STATUSES.map((s) => <option key={s} value={s}>{t.taskStatus[s]}</option>)}
                  </select>
                </label>
                {editable
                  ? <NumberInput id={controlId(progressField)} label={t.progress} value={v.progress ?? null} range={PROGRESS_RANGE} problem={numberProblem(progressField, t.progress)}
                    onRead={(read, typed) => readInto(progressField, read, typed, (progress) => setTask(task.id, { progress }))} />
                  : <label>{t.progress}<input id={controlId(progressField)} disabled value={formatNumber(v.progress)} /></label>}
              </div>
              {problemOf(`tasks.${task.id}.status`) && <span className="field-error">{problemOf(`tasks.${task.id}.status`)}</span>}
              {(mismatch || problemOf(progressField)) && <span className="field-error">{mismatch ? sentenceStart(t.gapWhat[mismatch]) : problemOf(progressField)}</span>}
              <label>{t.narrative}<textarea id={controlId(`tasks.${task.id}.narrative`)} rows={3} disabled={!editable} value={v.narrative} onChange={(e) => setTask(task.id, { narrative: e.target.value })} /></label>
              {task.contributions.length > 0 && (
                <div className="contributions"><strong>{t.contributions}</strong>
                  <ul>{task.contributions.map((c) => <li key={c.agencyId}><strong>{c.agencyName}</strong>{(c.status || c.progress !== null) && <> ({[c.status && t.taskStatus[c.status], c.progress !== null && `${formatNumber(c.progress)} %`].filter(Boolean).join(", ")})</>}: {c.narrative}</li>)}</ul>
                </div>
              )}
              {task.reviewComment && <div className="notice warn item-comment"><strong>{t.itemComment}</strong> {task.reviewComment}</div>}
              {form.reviewable && itemCommentBox(`task-${task.id}`)}
              {files(task.id)}
            </li>
          );
        })}
      </ol>

      {form.indicators.length > 0 && <h2>{t.indicatorsSection}</h2>}
      <ol className="report-indicators">
        {form.indicators.map((i) => {
          const v = values.indicators.get(i.id)!;
          const valueField = `indicators.${i.id}.value`;
          return (
            <li key={i.id}>
              <p>{i.name}</p>
              <p className="muted">{t.target}: {formatTarget(i, t.perYear)}{i.targetYear ? ` (${i.targetYear})` : ""}
                {i.meetsTarget === true && <span className="tag ok"> {t.meetsTarget}</span>}{i.meetsTarget === false && <span className="tag warn"> {t.missesTarget}</span>}</p>
              <div className="row">
                {editable
                  ? <NumberInput id={controlId(valueField)} label={t.valueLabel} value={v.value ?? null} problem={numberProblem(valueField, t.valueLabel)}
                    onRead={(read, typed) => readInto(valueField, read, typed, (value) => setIndicator(i.id, { value }))} />
                  : <span>{t.valueLabel}: {v.value == null ? "—" : formatNumber(v.value)}{i.unit ? ` ${i.unit}` : ""}</span>}
                <label>{t.indicatorKindLabel}
                  <select disabled={!editable} value={v.valueKind} onChange={(e) => setIndicator(i.id, { valueKind: e.target.value as "actual" | "estimate" })}>
                    <option value="actual">{t.valueKind.actual}</option><option value="estimate">{t.valueKind.estimate}</option>
                  </select>
                </label>
              </div>
              <label>{t.explanation}
                <textarea id={controlId(`indicators.${i.id}.explanation`)} rows={2} disabled={!editable} value={v.explanation} aria-invalid={!!problemOf(`indicators.${i.id}.explanation`) || !!problemOf(`indicators.${i.id}.value`)}
                  onChange={(e) => setIndicator(i.id, { explanation: e.target.value })} />
              </label>
              {(problemOf(`indicators.${i.id}.explanation`) ?? problemOf(`indicators.${i.id}.value`)) && <span className="field-error">{problemOf(`indicators.${i.id}.explanation`) ?? problemOf(`indicators.${i.id}.value`)}</span>}
              {i.reviewComment && <div className="notice warn item-comment"><strong>{t.itemComment}</strong> {i.reviewComment}</div>}
              {form.reviewable && itemCommentBox(`indicator-${i.id}`)}
            </li>
          );
        })}
      </ol>

      <ReportProjects items={form.projects} values={values.projects} year={form.round.periodYear} editable={editable} onChange={setProject} problemOf={problemOf}
        commentBox={(key) => form.reviewable && itemCommentBox(key)}
        numberField={(field, label, value, range, apply) => (editable
          ? <NumberInput id={controlId(field)} label={label} value={value} range={range} problem={numberProblem(field, label) ?? problemOf(field) ?? null}
            onRead={(read, typed) => readInto(field, read, typed, apply)} />
          : <p>{label}: {value == null ? "—" : formatNumber(value)}</p>)} />

      {form.actuals.length > 0 && (
        <>
          <h2>{t.actualsSection}</h2>
          <ol className="report-actuals">
            {form.actuals.map((a) => {
              const key = actualKey(a), v = values.actuals.get(key)!;
              const valueField = `actuals.${key}.value`;
              const label = `${t.actualOf(a.year)}${a.unit ? ` (${a.unit})` : ""}`;
              return (
                <li key={key} data-actual={key}>
                  <p>{a.name}</p>
                  {a.estimate !== null && <p className="muted">{t.estimateWas(`${formatNumber(a.estimate)}${a.unit ? ` ${a.unit}` : ""}`)}</p>}
                  {editable
                    ? <NumberInput id={controlId(valueField)} label={label} value={v.value ?? null} problem={numberProblem(valueField, label) ?? problemOf(valueField) ?? null}
                      onRead={(read, typed) => readInto(valueField, read, typed, (value) => setActual(key, { value }))} />
                    : <p>{label}: {v.value == null ? "—" : formatNumber(v.value)}</p>}
                  <label>{t.actualExplanation}
                    <textarea id={controlId(`actuals.${key}.explanation`)} rows={2} disabled={!editable} value={v.explanation ?? ""} onChange={(e) => setActual(key, { explanation: e.target.value })} />
                  </label>
                </li>
              );
            })}
          </ol>
        </>
      )}

      <h2>{t.generalSection}</h2>
      {(["results", "difficulties", "proposals"] as const).map((k) => (
        <label key={k}>{textLabels[k]}<textarea id={controlId(k)} rows={4} disabled={!editable} value={values.texts[k]} onChange={(e) => setText(k, e.target.value)} /></label>
      ))}
      <h3>{t.evidence} <span className="muted">({t.evidenceHint})</span></h3>
      {files(null)}

      {confirming && editable && (
        <div className="panel confirm" role="alertdialog" aria-labelledby="confirm-title">
          <h2 id="confirm-title" ref={confirmTitle} tabIndex={-1}>{t.confirmTitle}</h2>
          {!gaps.length && <p>{t.nothingMissing}</p>}
          {blocking.length > 0 && <><p><strong>{t.mustFix}</strong></p>{gapList(blocking)}</>}
          {optional.length > 0 && <><p>{t.leftEmpty}</p>{gapList(optional)}</>}
          <div className="actions">
            {!blocking.length && <button className="primary" onClick={() => { setConfirming(false); void act("submit", {}); }}>{gaps.length ? t.sendAnyway : t.submit}</button>}{" "}
            <button onClick={() => setConfirming(false)}>{t.keepEditing}</button>
          </div>
        </div>
      )}

      <div className="actions">
        {editable && !confirming && <button className="primary" onClick={() => void send()}>{t.submit}</button>}
        {status === "submitted" && actsForAgency && <button onClick={() => void act("withdraw", {})}>{t.withdraw}</button>}
      </div>

      {form.reviewable && (
        <div className="panel review">
          <h2>{t.reviewReport}</h2>
          <p className="muted">{t.reviewHint}</p>
          <label>{t.reviewComment}<textarea rows={3} value={comment} onChange={(e) => setComment(e.target.value)} /></label>
          <button className="primary" onClick={() => void act("review", { decision: "accept", comment })}>{t.accept}</button>{" "}
          <button onClick={() => void act("review", { decision: "return", comment, items: returnedItems() })}>{t.returnReport}</button>
        </div>
      )}
      {can("reporting.review") && status === "submitted" && !form.reviewable && form.selfReview && <p className="notice warn" data-testid="self-review">{t.selfReviewBlocked}</p>}

      {form.events.length > 0 && (
        <>
          <h2>{t.history}</h2>
          <ul className="history">
            {form.events.map((e) => <li key={e.id}>{new Date(e.at).toLocaleString("vi-VN")} · {t.events[e.kind]} · {e.actorName}{e.comment && <>: <q>{e.comment}</q></>}</li>)}
          </ul>
        </>
      )}
    </section>
  );
}
