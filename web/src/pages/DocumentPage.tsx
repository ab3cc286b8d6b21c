import { Fragment, useEffect, useState, type FormEvent, type ReactNode } from "react";
import { Link, useLocation, useParams } from "react-router";
import { DOCUMENT_TYPE_LABELS, LINK_KIND_LABELS } from "../../../src/documents/labels";
import { sendJson, useApi, type Agency, type DocumentDetail, type DocumentGraph, type Indicator, type Page, type ProjectSummary, type Task, problemLine } from "../api";
import { DOCUMENT_TYPES } from "../../../src/documents/schema";
import { COMPARATORS } from "../../../src/plans/schema";
import { AgencyPicker, AgencySelect } from "../components/DraftEditors";
import { TaskList } from "../components/TaskList";
import { CascadeGraph } from "../components/CascadeGraph";
import { LoadState } from "../components/Status";
import { StateLight } from "../projects/parts";
import { formatDate, formatNumber, formatTarget, readNumber } from "../format";
import { Outline } from "../components/Outline";
import { useLanguage } from "../i18n";
import { useSession } from "../session";
import { DocumentObligations } from "../obligations/DocumentObligations";
import { ChainProgress } from "../chain/ChainProgress";
import { IndicatorLinks } from "../chain/IndicatorLinks";
import { DocumentAmendments } from "../amendments/DocumentAmendments";

type LinkRow = DocumentDetail["linksOut"][number];
type IndicatorRow = Omit<Indicator, "searchFolded"> & { ownerName: string | null };

export function DocumentPage() {
  const { id } = useParams();
  const { t, lang } = useLanguage();
  const { can } = useSession();
  const doc = useApi<DocumentDetail>(`/api/documents/${id}`);
  const graph = useApi<DocumentGraph>(`/api/documents/${id}/graph`);
  const [showText, setShowText] = useState(false);
  const tasks = useApi<Page<Task>>(`/api/tasks?documentId=${id}&pageSize=500`);
  const indicators = useApi<Page<IndicatorRow>>(`/api/indicators?documentId=${id}&pageSize=500`);
  // The key projects the document carries or reports on, each to its own page.
  const projects = useApi<Page<ProjectSummary>>(`/api/projects?documentId=${id}&pageSize=500`);
  // The registry only for those who may change an indicator's owner; others read its name from the list.
  const editsOwners = can("plans.write");
  const registry = useApi<Page<Agency>>(editsOwners ? "/api/agencies?pageSize=500" : null);
  const [ownerProblem, setOwnerProblem] = useState<string | null>(null);
  const [editingMeta, setEditingMeta] = useState(false);
  const [editingTask, setEditingTask] = useState<{ id: number; what: "task" | "status" } | null>(null);
  const [editingIndicator, setEditingIndicator] = useState<number | null>(null);
  // An item reached by its address (from the dashboard): shown once the lists are in, and marked.
  useReachedItem(!!(doc.data && tasks.data && indicators.data));
  if (!doc.data) return <LoadState loading={doc.loading} error={doc.error} final={doc.final} retrying={doc.retrying} onRetry={doc.reload} />;
  const d = doc.data;
  async function changeOwner(i: IndicatorRow, ownerId: number | null) {
    setOwnerProblem(null);
    try {
      await sendJson("PATCH", `/api/indicators/${i.id}?lang=${lang}`, { ownerId, version: i.version });
    } catch (e) {
      setOwnerProblem(problemLine(e));
    }
    indicators.reload();
  }
  const groups: { label: string; rows: LinkRow[] }[] = [];
  for (const kind of Object.keys(LINK_KIND_LABELS) as (keyof typeof LINK_KIND_LABELS)[]) {
    const out = d.linksOut.filter((l) => l.kind === kind), inn = d.linksIn.filter((l) => l.kind === kind);
    if (out.length) groups.push({ label: LINK_KIND_LABELS[kind].out[lang], rows: out });
    if (inn.length) groups.push({ label: LINK_KIND_LABELS[kind].in[lang], rows: inn });
  }
  return (
    <article className="document">
      <p><Link to="/">{t.back}</Link></p>
      <h1><span className="symbol">{d.symbol ?? t.noSymbol}</span> {DOCUMENT_TYPE_LABELS[d.docType][lang]}</h1>
      <p className="title">{d.title}</p>
      {can("reporting.read") && d.status === "published" && (!d.stub || d.linksIn.some((l) => l.kind === "implements")) && <p><Link className="button" to={`/plans/${d.id}/report`}>{t.openPlanReport}</Link></p>}
      {editsOwners && !editingMeta && <p><button onClick={() => setEditingMeta(true)}>{t.editDocumentMeta}</button></p>}
      {editingMeta && registry.data && <DocumentMetaForm doc={d} registry={registry.data.items}
        onDone={(saved) => { setEditingMeta(false); if (saved) { doc.reload(); graph.reload(); } }} />}
      <dl className="meta">
        <dt>{t.metaSymbol}</dt><dd>{d.symbol ?? t.noSymbol}</dd>
        <dt>{t.metaType}</dt><dd>{DOCUMENT_TYPE_LABELS[d.docType][lang]}</dd>
        <dt>{t.metaIssuer}</dt><dd>{d.issuerName ?? d.issuerText ?? "—"}</dd>
        <dt>{t.metaDate}</dt><dd>{formatDate(d.issuedOn) || d.issuedText || "—"}</dd>
        <dt>{t.metaSigner}</dt><dd>{d.signer ?? "—"}</dd>
        <dt>{t.metaStatus}</dt><dd>{d.status === "draft" ? t.statusDraft : t.statusPublished}{d.stub && <span className="tag">{t.stub}</span>}</dd>
        {d.sourceFile && <><dt>{t.metaSource}</dt><dd>{d.sourceFile}</dd></>}
      </dl>
      <h2>{t.cascade}</h2>
      {graph.data ? <CascadeGraph graph={graph.data} /> : <LoadState loading={graph.loading} error={graph.error} final={graph.final} retrying={graph.retrying} onRetry={graph.reload} />}
      {/* The whole chain below it, when documents implement it: its lights, tasks and documents to drill down to. */}
      {d.status === "published" && <ChainProgress documentId={d.id} />}
      <h2>{t.links}</h2>
      {groups.length === 0 ? <p className="muted">{t.noLinks}</p> : groups.map((g) => (
        <section key={g.label} className="link-group">
          <h3>{g.label} ({g.rows.length})</h3>
          <ul>
            {g.rows.map((l) => (
              <li key={l.linkId}>
                <Link to={`/documents/${l.document.id}`}>{l.document.symbol ?? t.noSymbol}</Link>
                {l.document.issuedOn && <span className="muted"> · {formatDate(l.document.issuedOn)}</span>} — {l.document.title}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <h2>{t.outlineTitle}</h2>
      {d.sections.length === 0 ? <p className="muted">{t.noOutline}</p> : <Outline sections={d.sections} tasks={tasks.data?.items ?? []} />}
      <h2>{t.tasksTitle} ({tasks.data?.total ?? "…"})</h2>
      {tasks.data ? <TaskList tasks={tasks.data.items} showDocument={false} actions={editsOwners && registry.data ? (task) => {
        const open = editingTask?.id === task.id ? editingTask.what : null;
        const done = (saved: boolean) => { setEditingTask(null); if (saved) tasks.reload(); };
        return (
          <>
            {!open && <div className="item-actions">
              <button onClick={() => setEditingTask({ id: task.id, what: "task" })}>{t.editTask}</button>
              <button onClick={() => setEditingTask({ id: task.id, what: "status" })}>{t.setTaskStatus}</button>
            </div>}
            {open === "task" && <TaskForm task={task} registry={registry.data!.items} onDone={done} />}
            {open === "status" && <TaskStatusForm task={task} onDone={done} />}
          </>
        );
      } : undefined} /> : <LoadState loading={tasks.loading} error={tasks.error} final={tasks.final} retrying={tasks.retrying} onRetry={tasks.reload} />}
      <h2>{t.indicatorsTitle} ({indicators.data?.total ?? "…"})</h2>
      {editsOwners && !!indicators.data?.items.length && <p><Link className="button secondary" to={`/values/import?documentId=${id}`}>{t.valuesImportLink}</Link></p>}
      {ownerProblem && <p className="error" role="alert">{ownerProblem}</p>}
      {indicators.data && (indicators.data.items.length === 0 ? <p className="muted">{t.noIndicators}</p> : (
        <table className="documents">
          <thead><tr><th>{t.section}</th><th>{t.indicatorName}</th><th>{t.indicatorValue}</th><th>{t.indicatorYear}</th><th>{t.indicatorOwner}</th>{editsOwners && <th>{t.actionsColumn}</th>}</tr></thead>
          <tbody>{indicators.data.items.map((i) => (
            <Fragment key={i.id}>
            <tr id={`indicator-${i.id}`}><td>{i.sectionNumber}</td><td>{i.name}{i.sourceText && i.sourceText !== i.name && <span className="source-text">“{i.sourceText}”</span>}</td>
              <td className="nowrap">{formatTarget(i, t.perYear)}</td>
              <td>{i.targetYear ?? "—"}</td>
              <td>{editsOwners && registry.data
                ? <AgencySelect label={`${t.indicatorOwner}: ${i.name}`} value={i.ownerId} registry={registry.data.items} onChange={(ownerId) => void changeOwner(i, ownerId)} />
                : i.ownerName ?? "—"}</td>
              {editsOwners && <td><button aria-label={`${t.editIndicator}: ${i.name}`} aria-expanded={editingIndicator === i.id}
                onClick={() => setEditingIndicator(editingIndicator === i.id ? null : i.id)}>{t.edit}</button>{" "}
                <Link className="button secondary" to={`/values/import?indicatorId=${i.id}`} aria-label={`${t.valuesImportLink}: ${i.name}`}>{t.valuesImportLinkShort}</Link></td>}</tr>
            {editingIndicator === i.id && <tr className="editing"><td colSpan={6}>
              <IndicatorForm indicator={i} onDone={(saved) => { setEditingIndicator(null); if (saved) indicators.reload(); }} /></td></tr>}
            </Fragment>
          ))}</tbody>
        </table>
      ))}
      {/* Flags to review because a document above changed, and its changed targets' and tasks' versions (issue 15). Read again when an item is edited. */}
      <DocumentAmendments key={`${d.id}-${indicators.data?.items.map((x) => x.version).join(".")}-${tasks.data?.items.map((x) => x.version).join(".")}`} documentId={d.id} onChanged={() => { indicators.reload(); tasks.reload(); }} />
      {/* Its indicators serving those of documents above, and targets taken from a document below. */}
      {graph.data && <IndicatorLinks key={`${d.id}-${indicators.data?.total ?? 0}`} documentId={d.id} below={graph.data.nodes.filter((n) => n.depth > 0)} onRestated={indicators.reload} />}
      {/* Who has issued the documents this one and its chain asked for (issue 15); nothing when none is owed. Read again when a task is edited. */}
      {tasks.data && <DocumentObligations key={`${d.id}-${tasks.data.items.map((x) => x.version).join(".")}`} documentId={d.id} />}
      {projects.data && projects.data.items.length > 0 && <>
        <h2>{t.projectsTitle} ({projects.data.total})</h2>
        <ul className="document-projects">{projects.data.items.map((p) => (
          <li key={p.id}><Link to={`/projects/${p.id}`}>{p.name}</Link>{p.leadName && <span className="muted"> · {p.leadName}</span>} <StateLight state={p.evaluation.state} /></li>
        ))}</ul>
      </>}
      <h2>{t.fullText}</h2>
      {d.fullText ? (
        <>
          <button onClick={() => setShowText(!showText)} aria-expanded={showText}>{showText ? t.hideText : t.showText}</button>
          {showText && <pre className="fulltext">{d.fullText}</pre>}
        </>
      ) : <p className="muted">{t.noText}</p>}
    </article>
  );
}

/** Scrolls to the element the address's #fragment names ("#task-12", "#indicator-7") once `ready`, and marks it. */
function useReachedItem(ready: boolean): void {
  const { hash } = useLocation();
  const id = hash.length > 1 ? decodeURIComponent(hash.slice(1)) : null;
  useEffect(() => {
    if (!ready || !id) return;
    const element = document.getElementById(id);
    if (!element) return;
    element.scrollIntoView({ block: "center" });
    element.classList.add("reached");
    return () => element.classList.remove("reached");
  }, [ready, id]);
}


/**
 * A form that PATCHes what it edits with the version read: the error (stale version, a field refused)
 * stays on the form with what was typed, so nothing is lost; `onDone(true)` once saved.
 */
function EditForm({ label, children, onSubmit, onDone }: { label: string; children: ReactNode; onSubmit(): Promise<unknown>; onDone(saved: boolean): void }) {
  const { t } = useLanguage();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    setBusy(true);
    try {
      await onSubmit();
      onDone(true);
    } catch (err) {
      setProblem(problemLine(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="editor edit-form" aria-label={label} onSubmit={(e) => void submit(e)}>
      {children}
      {problem && <p className="error" role="alert">{problem}</p>}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>{t.saveChanges}</button>
        <button type="button" onClick={() => onDone(false)}>{t.cancelEdit}</button>
      </div>
    </form>
  );
}

const orNull = (s: string) => (s.trim() === "" ? null : s.trim());
const todayInVietnam = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

/** A document's number, type, date, signer, title and issuer (picked from the registry). */
function DocumentMetaForm({ doc, registry, onDone }: { doc: DocumentDetail; registry: Agency[]; onDone(saved: boolean): void }) {
  const { t, lang } = useLanguage();
  const [symbol, setSymbol] = useState(doc.symbol ?? "");
  const [docType, setDocType] = useState(doc.docType);
  const [issuedOn, setIssuedOn] = useState(formatDate(doc.issuedOn));
  const [signer, setSigner] = useState(doc.signer ?? "");
  const [title, setTitle] = useState(doc.title);
  const [issuerId, setIssuerId] = useState<number | null>(doc.issuerId);
  return (
    <EditForm label={t.editDocumentMeta} onDone={onDone} onSubmit={() => sendJson("PATCH", `/api/documents/${doc.id}?lang=${lang}`, {
      symbol: orNull(symbol), docType, issuedOn: orNull(issuedOn), signer: orNull(signer), title, issuerId, version: doc.version,
    })}>
      <label>{t.metaSymbol} <input value={symbol} onChange={(e) => setSymbol(e.target.value)} /></label>
      <label>{t.metaType}
        <select value={docType} onChange={(e) => setDocType(e.target.value as typeof docType)}>
          {DOCUMENT_TYPES.map((k) => <option key={k} value={k}>{DOCUMENT_TYPE_LABELS[k][lang]}</option>)}
        </select>
      </label>
      <label>{t.metaDate} <span className="muted">({t.dateHint})</span> <input value={issuedOn} inputMode="numeric" onChange={(e) => setIssuedOn(e.target.value)} /></label>
      <label>{t.metaSigner} <input value={signer} onChange={(e) => setSigner(e.target.value)} /></label>
      <label>{t.metaTitle} <textarea rows={2} value={title} onChange={(e) => setTitle(e.target.value)} /></label>
      <label>{t.issuerFromRegistry}
        <AgencySelect label={t.issuerFromRegistry} value={issuerId} registry={registry} onChange={setIssuerId} /></label>
      {doc.issuerText && <p className="muted">{t.issuerAsWritten(doc.issuerText)}</p>}
    </EditForm>
  );
}

type Role = "lead" | "coordinating";
interface PhraseState { role: Role; phrase: string; agencyIds: number[] }

/** A task's text, section, deadline, output and agencies: those named, and those under each collective phrase. */
function TaskForm({ task, registry, onDone }: { task: Task; registry: Agency[]; onDone(saved: boolean): void }) {
  const { t, lang } = useLanguage();
  const [text, setText] = useState(task.text);
  const [section, setSection] = useState(task.sectionNumber ?? "");
  const [deadlineText, setDeadlineText] = useState(task.deadlineText ?? "");
  const [output, setOutput] = useState(task.expectedOutput ?? "");
  const named = (list: Task["lead"]) => list.filter((a) => a.via === null).map((a) => a.id);
  const [leadIds, setLeadIds] = useState(named(task.lead));
  const [coordinatingIds, setCoordinatingIds] = useState(named(task.coordinating));
  const [phrases, setPhrases] = useState<PhraseState[]>(() => {
    const out: PhraseState[] = [];
    for (const role of ["lead", "coordinating"] as const) {
      for (const a of task[role]) {
        if (a.via === null) continue;
        const p = out.find((x) => x.role === role && x.phrase === a.via);
        if (p) p.agencyIds.push(a.id); else out.push({ role, phrase: a.via, agencyIds: [a.id] });
      }
    }
    return out;
  });
  const roleBlock = (role: Role, label: string, ids: number[], setIds: (ids: number[]) => void) => (
    <fieldset className="agencies-of-role">
      <legend>{label}</legend>
      <AgencyPicker label={`${label}: ${t.namedAgencies}`} ids={ids} registry={registry} onChange={setIds} />
      {phrases.map((p, k) => p.role !== role ? null : (
        <details key={p.phrase} className="phrase-edit" data-testid="phrase-edit">
          <summary>{p.phrase} ({p.agencyIds.length.toLocaleString("vi-VN")})</summary>
          <AgencyPicker label={t.phraseMembers(p.phrase, p.agencyIds.length)} ids={p.agencyIds} registry={registry}
            onChange={(agencyIds) => setPhrases(phrases.map((x, j) => (j === k ? { ...x, agencyIds } : x)))} />
        </details>
      ))}
    </fieldset>
  );
  return (
    <EditForm label={t.editTask} onDone={onDone} onSubmit={() => sendJson("PATCH", `/api/tasks/${task.id}?lang=${lang}`, {
      text, sectionNumber: orNull(section), deadlineText: orNull(deadlineText), expectedOutput: orNull(output),
      leadIds, coordinatingIds, phrases: phrases.filter((p) => p.agencyIds.length > 0), version: task.version,
    })}>
      <label>{t.section} <input value={section} onChange={(e) => setSection(e.target.value)} /></label>
      <label>{t.workText} <textarea rows={4} value={text} onChange={(e) => setText(e.target.value)} /></label>
      {roleBlock("lead", t.lead, leadIds, setLeadIds)}
      {roleBlock("coordinating", t.coordinating, coordinatingIds, setCoordinatingIds)}
      <label>{t.deadline} <input value={deadlineText} onChange={(e) => setDeadlineText(e.target.value)} /></label>
      <label>{t.output} <input value={output} onChange={(e) => setOutput(e.target.value)} /></label>
    </EditForm>
  );
}

/** The status the focal point sets: completed or cancelled (with the day and the reason, and evidence if any), or open again. */
function TaskStatusForm({ task, onDone }: { task: Task; onDone(saved: boolean): void }) {
  const { t, lang } = useLanguage();
  const [status, setStatus] = useState<Task["status"]>(task.status === "open" ? "completed" : task.status);
  const [statusOn, setStatusOn] = useState(formatDate(task.statusOn ?? todayInVietnam()));
  const [reason, setReason] = useState(task.status === "open" ? "" : task.statusReason ?? "");
  const [evidence, setEvidence] = useState(task.statusEvidence ?? "");
  return (
    <EditForm label={t.setTaskStatus} onDone={onDone} onSubmit={() => sendJson("PATCH", `/api/tasks/${task.id}?lang=${lang}`, {
      status, statusReason: orNull(reason), statusEvidence: orNull(evidence), ...(status === "open" ? {} : { statusOn: orNull(statusOn) }), version: task.version,
    })}>
      <label>{t.focalStatusLabel}
        <select value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
          {(["completed", "cancelled", "open"] as const).map((s) => <option key={s} value={s}>{t.taskStatuses[s]}</option>)}
        </select>
      </label>
      {status !== "open" && <label>{t.statusOnLabel} <span className="muted">({t.dateHint})</span>
        <input value={statusOn} inputMode="numeric" onChange={(e) => setStatusOn(e.target.value)} /></label>}
      <label>{t.statusReasonLabel} <textarea rows={2} value={reason} required={status !== "open"} onChange={(e) => setReason(e.target.value)} /></label>
      <label>{t.statusEvidenceLabel} <input value={evidence} onChange={(e) => setEvidence(e.target.value)} /></label>
    </EditForm>
  );
}

/** An indicator's target: comparator, bounds (typed the Vietnamese way), unit, year, per year. */
function IndicatorForm({ indicator, onDone }: { indicator: IndicatorRow; onDone(saved: boolean): void }) {
  const { t, lang } = useLanguage();
  const [comparator, setComparator] = useState(indicator.comparator);
  const [minText, setMinText] = useState(formatNumber(indicator.min));
  const [maxText, setMaxText] = useState(formatNumber(indicator.max ?? (indicator.comparator === "<" || indicator.comparator === "<=" ? indicator.min : null)));
  const [unit, setUnit] = useState(indicator.unit ?? "");
  const [year, setYear] = useState(indicator.targetYear === null ? "" : String(indicator.targetYear));
  const [perYear, setPerYear] = useState(indicator.perYear);
  const usesMin = comparator !== "<" && comparator !== "<=";
  const usesMax = comparator === "<" || comparator === "<=" || comparator === "range";
  const min = readNumber(minText), max = readNumber(maxText);
  const numberProblem = (label: string, n: typeof min) => ("problem" in n ? <span className="field-error" role="alert">{t.notANumber(label)}</span> : null);
  const minLabel = comparator === "range" ? t.indicatorMin : t.indicatorBound, maxLabel = comparator === "range" ? t.indicatorMax : t.indicatorBound;
  return (
    <EditForm label={`${t.editIndicator}: ${indicator.name}`} onDone={onDone} onSubmit={async () => {
      if ((usesMin && "problem" in min) || (usesMax && "problem" in max)) throw new Error(t.notANumber(usesMin && "problem" in min ? minLabel : maxLabel));
      const value = (n: typeof min) => ("value" in n ? n.value : null);
      const yearValue = year.trim() === "" ? null : /^\d+$/.test(year.trim()) ? Number(year.trim()) : year.trim();
      return sendJson("PATCH", `/api/indicators/${indicator.id}?lang=${lang}`, {
        comparator, min: usesMin ? value(min) : null, max: usesMax ? value(max) : null, unit: orNull(unit), targetYear: yearValue, perYear, version: indicator.version,
      });
    }}>
      <label>{t.indicatorComparator}
        <select value={comparator} onChange={(e) => setComparator(e.target.value as typeof comparator)}>
          {COMPARATORS.map((c) => <option key={c} value={c}>{t.comparators[c]}</option>)}
        </select>
      </label>
      {usesMin && <label>{minLabel} <span className="muted">({t.numberHint})</span>
        <input value={minText} inputMode="decimal" aria-invalid={"problem" in min} onChange={(e) => setMinText(e.target.value)} />{numberProblem(minLabel, min)}</label>}
      {usesMax && <label>{maxLabel} <span className="muted">({t.numberHint})</span>
        <input value={maxText} inputMode="decimal" aria-invalid={"problem" in max} onChange={(e) => setMaxText(e.target.value)} />{numberProblem(maxLabel, max)}</label>}
      <label>{t.indicatorUnit} <input value={unit} onChange={(e) => setUnit(e.target.value)} /></label>
      <label>{t.indicatorYear} <input value={year} inputMode="numeric" onChange={(e) => setYear(e.target.value)} /></label>
      <label className="check"><input type="checkbox" checked={perYear} onChange={(e) => setPerYear(e.target.checked)} /> {t.indicatorPerYear}</label>
    </EditForm>
  );
}
