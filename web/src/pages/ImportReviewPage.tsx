import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { textTables } from "../../../src/extraction/tables";
import { Link, useNavigate, useParams } from "react-router";
import { unmappedLeads } from "../../../src/imports/leads";
import { ApiError, sendJson, useApi, type Agency, type Draft, type ImportDetail, type Page, type PublishResult } from "../api";
import { AgencySelect, DraftItems, IndicatorEditor, MembersPicker, TaskEditor, type IndicatorDraft } from "../components/DraftEditors";
import { LoadState } from "../components/Status";
import { TableScroll } from "../components/TableScroll";
import { DraftProjects } from "../projects/DraftProjects";
import { ImportObligations } from "../obligations/ImportObligations";
import { obligationWords } from "../obligations/i18n";
import { formatDate, formatNumber, formatTarget } from "../format";
import { useLanguage } from "../i18n";
import { UpwardProposals } from "../upward/UpwardProposals";
import { ReviewAmendment } from "../amendments/ReviewAmendment";

type Tab = "tasks" | "indicators" | "projects" | "agencies" | "document" | "changes" | "feeds" | "obligations";
interface Span { start: number | null; end: number | null }

/**
 * The source text, its tables shown as tables, with the selected clause highlighted (in a table, its
 * row) and scrolled into view. The pane scrolls by keyboard too.
 */
function SourceText({ text, span, label }: { text: string; span: Span | null; label: string }) {
  const mark = useRef<HTMLElement>(null);
  const pane = useRef<HTMLDivElement>(null);
  const tables = useMemo(() => textTables(text), [text]);
  // Scroll the text pane alone (not the page) so the clause sits in its middle.
  useEffect(() => {
    // (By the boxes on screen: a table row's offsetTop is its table's, not the pane's.)
    if (mark.current && pane.current) {
      pane.current.scrollTop += mark.current.getBoundingClientRect().top - pane.current.getBoundingClientRect().top - pane.current.clientHeight / 3;
    }
  }, [span]);
  const selected = span && span.start !== null && span.end !== null && span.end > span.start ? { start: span.start, end: span.end } : null;
  let marked = false;
  /** The text from `from` to `to`, the part of the clause within it marked (the first mark is the one scrolled to). */
  const plain = (from: number, to: number, key: string) => {
    if (from >= to) return null;
    if (!selected || selected.end <= from || selected.start >= to) return <span key={key}>{text.slice(from, to)}</span>;
    const s = Math.max(from, selected.start), e = Math.min(to, selected.end);
    const first = !marked;
    marked = true;
    return <span key={key}>{text.slice(from, s)}<mark ref={first ? mark : undefined}>{text.slice(s, e)}</mark>{text.slice(e, to)}</span>;
  };
  const pieces: ReactNode[] = [];
  let at = 0;
  tables.forEach((table, k) => {
    pieces.push(plain(at, table.start, `t${k}`));
    const [header, ...rows] = table.rows;
    const hit = (row: { start: number; end: number }) => selected !== null && selected.start < row.end && selected.end > row.start;
    const rowOf = (row: typeof header, cell: "th" | "td") => {
      const isHit = hit(row), first = isHit && !marked;
      if (isHit) marked = true;
      return (
        <tr key={row.start} className={isHit ? "hit" : undefined} ref={first ? (mark as React.RefObject<HTMLTableRowElement>) : undefined}>
          {row.cells.map((c, i) => (cell === "th" ? <th key={i} scope="col">{c.text}</th> : <td key={i}>{c.text}</td>))}
        </tr>
      );
    };
    pieces.push(
      // Its own scrolling box, which takes the keyboard: a wide table scrolls within it on a phone.
      <TableScroll key={`table${k}`} label={`${label}: ${header.cells.map((c) => c.text).join(" | ").slice(0, 80)}`}>
        <table className="source-table"><thead>{rowOf(header, "th")}</thead><tbody>{rows.map((r) => rowOf(r, "td"))}</tbody></table>
      </TableScroll>,
    );
    at = table.end;
  });
  pieces.push(plain(at, text.length, "end"));
  return <div ref={pane} className="fulltext source" tabIndex={0} role="region" aria-label={label}>{pieces}</div>;
}

/** Every name the tasks give has a row in the mapping; a new one starts unmapped. */
function withMappings(draft: Draft): Draft {
  const known = new Set(draft.agencies.map((a) => a.name));
  const added = [...new Set(draft.tasks.flatMap((t) => [...t.lead, ...t.coordinating]))].filter((n) => !known.has(n));
  return added.length ? { ...draft, agencies: [...draft.agencies, ...added.map((name) => ({ name, collective: false, agencyIds: [] }))] } : draft;
}

const slug = (name: string) => name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 50);

/**
 * Reviewing an import: the draft's items beside the source text, each highlighting its clause;
 * edit, delete or add tasks and indicators, map agency names to the registry (a collective phrase to
 * the members picked), then publish.
 */
export function ImportReviewPage() {
  const { id } = useParams();
  const { t, lang } = useLanguage();
  const navigate = useNavigate();
  const loaded = useApi<ImportDetail>(`/api/imports/${id}`);
  const registry = useApi<Page<Agency>>("/api/agencies?pageSize=500");
  const [detail, setDetail] = useState<ImportDetail | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [dirty, setDirty] = useState(false);
  const [tab, setTab] = useState<Tab>("tasks");
  const [span, setSpan] = useState<Span | null>(null);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => { if (loaded.data) { setDetail(loaded.data); setDraft(loaded.data.draft); setDirty(false); } }, [loaded.data]);
  // Leaving with unsaved edits asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => { e.preventDefault(); };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);
  const unmapped = useMemo(() => (draft ? unmappedLeads(draft) : []), [draft]);

  if (!detail || !draft) return <LoadState loading={loaded.loading} error={loaded.error} final={loaded.final} retrying={loaded.retrying} onRetry={loaded.reload} />;
  const agencies = registry.data?.items ?? [];
  const editable = detail.status === "draft";

  const change = (next: Draft) => { setDraft(withMappings(next)); setDirty(true); setNotice(null); };
  const mapAgency = (name: string, agencyIds: number[]) => change({ ...draft, agencies: draft.agencies.map((x) => (x.name === name ? { ...x, agencyIds } : x)) });
  const failure = (e: unknown) => {
    const api = e instanceof ApiError ? e : null;
    setProblems(api ? [api.message, ...api.fields.map((f) => `${f.field}: ${f.message}`)] : [String(e)]);
  };

  async function save(): Promise<ImportDetail | null> {
    setBusy(true); setProblems([]);
    try {
      const next = await sendJson<ImportDetail>("PUT", `/api/imports/${id}/draft?lang=${lang}`, { draft, version: detail!.version });
      setDetail(next); setDraft(next.draft); setDirty(false); setNotice(t.saved);
      return next;
    } catch (e) { failure(e); return null; } finally { setBusy(false); }
  }

  async function publish() {
    const current = dirty ? await save() : detail;
    if (!current) return;
    setBusy(true); setProblems([]); setNotice(t.publishing);
    try {
      const result = await sendJson<PublishResult>("POST", `/api/imports/${id}/publish?lang=${lang}`, { version: current.version });
      navigate(`/documents/${result.documentId}`);
    } catch (e) { failure(e); setNotice(null); } finally { setBusy(false); }
  }

  async function discard() {
    try {
      await sendJson("POST", `/api/imports/${id}/discard?lang=${lang}`, { version: detail!.version });
      navigate("/imports");
    } catch (e) { failure(e); }
  }

  async function createAgency(name: string) {
    const kind = /^sở\s/iu.test(name) ? "department" : /^(ubnd|ủy ban nhân dân)\s+(huyện|thành phố|thị xã)/iu.test(name) ? "district" : "other";
    try {
      const created = await sendJson<Agency>("POST", `/api/agencies?lang=${lang}`, { code: `${slug(name)}-${Date.now() % 100000}`, name, kind });
      registry.reload();
      change({ ...draft!, agencies: draft!.agencies.map((a) => (a.name === name ? { ...a, agencyIds: [created.id] } : a)) });
    } catch (e) { failure(e); }
  }

  const tabs: Array<[Tab, string]> = [
    ["tasks", t.tabTasks(draft.tasks.length)], ["indicators", t.tabIndicators(draft.indicators.length)],
    ...(draft.projects.length ? [["projects", t.tabProjects(draft.projects.length)] as [Tab, string]] : []),
    ["agencies", t.tabAgencies(draft.agencies.length)], ["document", t.tabDocument],
    ...(detail.changes ? [["changes", t.tabChanges] as [Tab, string]] : []),
    ...(detail.feeds.length ? [["feeds", t.tabFeeds(detail.feeds.length)] as [Tab, string]] : []),
    // The documents owed by the plans it implements that it may meet (issue 15).
    ...(detail.obligations.length ? [["obligations", obligationWords(lang).tab(detail.obligations.length)] as [Tab, string]] : []),
  ];

  return (
    <section className="review">
      <p><Link to="/imports">← {t.importList}</Link></p>
      <h1>{t.reviewTitle}: <span className="symbol">{draft.document.symbol ?? t.noSymbol}</span> <span className="tag">{t.importStatus[detail.status]}</span></h1>
      <p className="title">{draft.document.title} <span className="muted">· {detail.fileName}</span></p>
      {editable && (
        <div className="actions">
          <button onClick={save} disabled={busy || !dirty}>{t.save}</button>
          <button className="primary" onClick={publish} disabled={busy || unmapped.length > 0}>{t.publish}</button>
          <button onClick={discard} disabled={busy}>{t.discard}</button>
          <span className="muted" role="status">{dirty ? t.unsaved : notice}</span>
        </div>
      )}
      {unmapped.length > 0 && editable && <p className="warning" role="alert">{t.unmapped(unmapped.join("; "))}</p>}
      {problems.length > 0 && <ul className="error" role="alert">{problems.map((p) => <li key={p}>{p}</li>)}</ul>}
      <UpwardProposals proposals={draft.upwardReports ?? []} registry={agencies} editable={editable} onSelect={setSpan} onChange={(upwardReports) => change({ ...draft, upwardReports })} />
      {/* What it amends, replaces or repeals, from when, and the item each change applies to (issue 15). */}
      <ReviewAmendment amendment={draft.amendment} editable={editable} onSelect={setSpan} onChange={(amendment) => change({ ...draft, amendment })} />
      <div className="review-panes">
        <div className="pane items">
          <div role="tablist">
            {tabs.map(([key, label]) => <button key={key} role="tab" aria-selected={tab === key} onClick={() => setTab(key)}>{label}</button>)}
          </div>
          {tab === "tasks" && (
            <DraftItems items={draft.tasks} testId="task" editable={editable} span={span} onSelect={setSpan} addLabel={t.addTask}
              onChange={(tasks) => change({ ...draft, tasks })}
              blank={() => ({ section: null, text: t.newTask, lead: draft.tasks[draft.tasks.length - 1]?.lead ?? [], coordinating: [], deadlineText: null, output: null, start: null, end: null })}
              head={(task) => (<>
                <strong>{task.section ?? "—"}</strong> · <span className="lead">{task.lead.join("; ")}</span>
                {task.coordinating.length > 0 && <span className="muted"> · {t.coordinating}: {task.coordinating.join("; ")}</span>}
                {task.deadlineText && <span className="tag">{task.deadlineText}</span>}
                <div className="item-text">{task.text.length > 220 ? `${task.text.slice(0, 220)}…` : task.text}</div>
              </>)}
              editor={(task, onChange) => <TaskEditor task={task} onChange={onChange} />} />
          )}
          {tab === "obligations" && <ImportObligations detail={detail} draft={draft} editable={editable} onChange={change} />}
          {tab === "feeds" && (
            <>
              <p className="muted">{t.feedsNote}</p>
              <table className="documents feeds">
                <thead><tr><th>{t.feedsTarget}</th><th>{t.indicatorYear}</th><th>{t.indicatorValue}</th><th>{t.feedsFigure}</th></tr></thead>
                <tbody>
                  {detail.feeds.map((f) => (
                    <tr key={`${f.target.id}-${f.figure.year}-${f.figure.kind}`} data-testid="feed">
                      <td><Link to={`/documents/${f.target.documentId}#indicator-${f.target.id}`}>{f.target.symbol ?? (f.target.title.length > 60 ? `${f.target.title.slice(0, 60)}…` : f.target.title)}</Link> · {f.target.name}</td>
                      <td>{f.figure.year}</td>
                      <td className="nowrap">{formatNumber(f.figure.value)}{f.figure.kind === "estimate" ? ` (${t.indicatorKind.estimate})` : ""}</td>
                      <td>{f.figure.name}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          {tab === "indicators" && draft.indicators.some((i) => !i.ownerId) && (
            <p className="muted">{t.unownedInDraft(draft.indicators.filter((i) => !i.ownerId).length)}</p>
          )}
          {tab === "indicators" && (
            <DraftItems items={draft.indicators} testId="indicator" editable={editable} span={span} onSelect={setSpan} addLabel={t.addIndicator}
              onChange={(indicators) => change({ ...draft, indicators })}
              blank={(): IndicatorDraft => ({ name: t.newIndicator, text: "", comparator: ">=", min: null, max: null, unit: null, year: null, perYear: false, periodFrom: null, periodTo: null, direction: "higher", kind: "target", section: null, owner: null, ownerId: draft.indicators[draft.indicators.length - 1]?.ownerId ?? null, start: null, end: null })}
              head={(ind) => (<>
                <strong>{ind.section ?? "—"}</strong> · {ind.name}
                <div><span className="nowrap">{formatTarget(ind, t.perYear)}</span> · {ind.year ?? "—"} <span className="tag">{t.indicatorKind[ind.kind]}</span></div>
                {/* The owner is picked in place: a plan's indicators are many, and each needs one before a round opens. */}
                <div className="owner">{t.indicatorOwner}:{" "}
                  <AgencySelect label={`${t.indicatorOwner}: ${ind.name}`} value={ind.ownerId ?? null} registry={agencies} disabled={!editable}
                    onChange={(ownerId) => change({ ...draft, indicators: draft.indicators.map((x) => (x === ind ? { ...x, ownerId } : x)) })} />
                  {ind.owner && !ind.ownerId && <span className="field-error"> {t.ownerInText(ind.owner)}</span>}
                </div>
              </>)}
              editor={(ind, onChange) => <IndicatorEditor indicator={ind} onChange={onChange} />} />
          )}
          {tab === "projects" && (
            <DraftProjects projects={draft.projects} registry={agencies} editable={editable} span={span} onSelect={setSpan}
              onChange={(projects) => change({ ...draft, projects })} />
          )}
          {tab === "agencies" && draft.document.agenciesAsOf && (
            // Which bodies a collective phrase stands for depends on the day (the 2025 mergers, the end of the districts).
            <p className={draft.document.agenciesAsOfAssumed ? "notice warn" : "muted"} data-testid="agencies-as-of">
              {draft.document.agenciesAsOfAssumed ? t.agenciesAsOfAssumed(formatDate(draft.document.agenciesAsOf)) : t.agenciesAsOf(formatDate(draft.document.agenciesAsOf))}
            </p>
          )}
          {tab === "agencies" && (
            <table className="documents">
              <thead><tr><th>{t.agencyName}</th><th>{t.agencyMapped}</th></tr></thead>
              <tbody>
                {draft.agencies.map((a) => (
                  <tr key={a.name} className={a.agencyIds.length ? undefined : "unmapped"}>
                    <td>{a.name}{a.collective && <span className="tag">{t.agencyCollective}</span>}</td>
                    <td>
                      <select aria-label={`${t.agencyMapped}: ${a.name}`} disabled={!editable}
                        value={a.agencyIds.length === 1 ? String(a.agencyIds[0]) : a.agencyIds.length > 1 ? "members" : ""}
                        onChange={(e) => { if (e.target.value !== "members") mapAgency(a.name, e.target.value ? [Number(e.target.value)] : []); }}>
                        <option value="">{t.agencyNone}</option>
                        {a.agencyIds.length > 1 && <option value="members">{t.agencyMembers(a.agencyIds.length)}</option>}
                        {agencies.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
                      </select>
                      {editable && a.agencyIds.length === 0 && <button onClick={() => createAgency(a.name)}>{t.agencyCreate}</button>}
                      {a.collective && <MembersPicker mapping={a} registry={agencies} disabled={!editable} onChange={(ids) => mapAgency(a.name, ids)} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {tab === "document" && (
            <div className="editor">
              <label>{t.metaSymbol} <input value={draft.document.symbol ?? ""} disabled={!editable} onChange={(e) => change({ ...draft, document: { ...draft.document, symbol: e.target.value || null } })} /></label>
              <label>{t.colTitle} <textarea rows={3} value={draft.document.title} disabled={!editable} onChange={(e) => change({ ...draft, document: { ...draft.document, title: e.target.value } })} /></label>
              <label>{t.metaDate} <input value={draft.document.issuedOn ?? ""} disabled={!editable} onChange={(e) => change({ ...draft, document: { ...draft.document, issuedOn: e.target.value || null } })} /></label>
              <label>{t.metaSigner} <input value={draft.document.signer ?? ""} disabled={!editable} onChange={(e) => change({ ...draft, document: { ...draft.document, signer: e.target.value || null } })} /></label>
              <p className="muted">{draft.implements.length} · {draft.implements.map((c) => c.symbol).join(", ")}</p>
            </div>
          )}
          {tab === "changes" && detail.changes && (
            <div className="changes">
              {detail.changes.tasks.added.length + detail.changes.tasks.removed.length + detail.changes.tasks.changed.length === 0 && <p className="muted">{t.noChanges}</p>}
              {([["added", detail.changes.tasks.added], ["removed", detail.changes.tasks.removed]] as const).map(([kind, list]) => list.length > 0 && (
                <section key={kind}><h3>{kind === "added" ? t.added : t.removed} ({list.length})</h3>
                  <ul>{list.map((x, k) => <li key={k}><strong>{x.section}</strong> · {x.lead.join("; ")} — {x.text.slice(0, 160)}</li>)}</ul></section>
              ))}
              {detail.changes.tasks.changed.length > 0 && (
                <section><h3>{t.changed} ({detail.changes.tasks.changed.length})</h3>
                  <ul>{detail.changes.tasks.changed.map((c, k) => <li key={k}><strong>{c.after.section}</strong> · {c.after.lead.join("; ")}<div><del>{c.before.text.slice(0, 160)}</del></div><div><ins>{c.after.text.slice(0, 160)}</ins></div></li>)}</ul></section>
              )}
            </div>
          )}
        </div>
        <div className="pane">
          <h2>{t.reviewSource}</h2>
          <p className="muted">{t.reviewSourceHint}</p>
          <SourceText text={detail.text} span={span} label={t.reviewSource} />
        </div>
      </div>
    </section>
  );
}
