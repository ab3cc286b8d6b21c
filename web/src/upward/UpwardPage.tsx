/**
 * Reports owed upward: the list (a card each, with its next period and state), filtered by state; each one's
 * periods with what was sent; recording a send and undoing it; creating, editing and deleting (focal points
 * and administrators; leaders read).
 */
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import type { ObligationDetail, ObligationItem } from "../../../src/reporting/upward-records";
import { sendJson, useApi } from "../api";
import { LoadState } from "../components/Status";
import { useLanguage } from "../i18n";
import { useSession } from "../session";
import { patchedQuery } from "../search-params";
import { ObligationForm } from "./ObligationForm";
import { OccurrenceState, urgencyOf, usePeriodText } from "./occurrence";
import { fieldProblems } from "./problems";
import { SendForm } from "./SendForm";
import { UpwardDue } from "./UpwardDue";
import "./upward.css";

const STATES = ["all", "overdue", "due_soon", "upcoming", "done"] as const;

/** One obligation's periods, each sent (with undo) or owed (with "record as sent"). */
function Periods({ id, onChanged }: { id: number; onChanged(): void }) {
  const { t } = useLanguage();
  const { can } = useSession();
  const detail = useApi<ObligationDetail>(`/api/upward-reports/${id}`);
  const [sending, setSending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const periodText = usePeriodText();
  if (!detail.data) return <LoadState loading={detail.loading} error={detail.error} final={detail.final} retrying={detail.retrying} onRetry={detail.reload} />;
  const changed = () => { detail.reload(); onChanged(); };
  const undo = async (period: string, text: string) => {
    if (!window.confirm(t.upwardUndoConfirm(text))) return;
    setError(null);
    try { await sendJson("DELETE", `/api/upward-reports/${id}/sends/${encodeURIComponent(period)}`, undefined); changed(); } catch (e) { setError(Object.values(fieldProblems(e)).join("; ")); }
  };
  return (
    <div className="upward-detail">
      <h3>{t.upwardOccurrences}</h3>
      {error && <p className="error" role="alert">{error}</p>}
      <ul className="occurrences">
        {detail.data.occurrences.map((o) => (
          <li key={o.period} data-period={o.period}>
            <strong>{periodText(o)}</strong> <OccurrenceState o={o} />
            {can("reporting.manage") && (o.send
              ? <button type="button" className="secondary" onClick={() => void undo(o.period, periodText(o))}>{t.upwardUndoSend}</button>
              : sending !== o.period && <button type="button" onClick={() => setSending(o.period)}>{t.upwardRecordSend}</button>)}
            {sending === o.period && <SendForm obligationId={id} period={o.period} periodText={periodText(o)} onCancel={() => setSending(null)} onDone={() => { setSending(null); changed(); }} />}
          </li>
        ))}
      </ul>
    </div>
  );
}

function ObligationCard({ o, onChanged, onEdit }: { o: ObligationItem; onChanged(): void; onEdit(): void }) {
  const { t } = useLanguage();
  const { can } = useSession();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const periodText = usePeriodText();
  const remove = async () => {
    if (!window.confirm(t.upwardDeleteConfirm(o.title))) return;
    try { await sendJson("DELETE", `/api/upward-reports/${o.id}?version=${o.version}`, undefined); onChanged(); } catch (e) { setError(Object.values(fieldProblems(e)).join("; ")); }
  };
  const rule = t.upwardRule(o.frequency, o.dueDay, o.dueMonthOffset);
  return (
    <li className={`upward-card ${o.next ? urgencyOf(o.next) : "done"}`} data-obligation={o.id}>
      <div className="upward-main">
        <strong>{o.title}</strong>
        <div className="muted">{o.reporterName} → {o.recipientText}</div>
        <div className="muted">
          {t.upwardFrequencies[o.frequency]}{rule && ` (${rule})`}
          {o.requestedBy && <> · {t.upwardRequestedBy}: <Link to={`/documents/${o.requestedBy.id}`}>{o.requestedBy.symbol ?? o.requestedBy.title}</Link></>}
          {o.subject && <> · {t.upwardSubject}: <Link to={`/documents/${o.subject.id}`}>{o.subject.symbol ?? o.subject.title}</Link></>}
        </div>
        {o.next ? <div>{t.upwardNext}: <strong>{periodText(o.next)}</strong> <OccurrenceState o={o.next} /></div> : <div><span className="tag upward-sent_on_time">{t.upwardAllSent}</span></div>}
        {o.counts.overdue > 1 && <div className="late">{t.upwardStates.overdue}: {o.counts.overdue}</div>}
        {o.note && <p className="muted">{o.note}</p>}
        {error && <p className="error" role="alert">{error}</p>}
      </div>
      <div className="actions">
        <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>{t.upwardOccurrences}</button>
        {can("reporting.manage") && <>
          <button type="button" className="secondary" onClick={onEdit}>{t.upwardEdit}</button>
          <button type="button" className="secondary" onClick={() => void remove()}>{t.upwardDelete}</button>
        </>}
      </div>
      {open && <Periods id={o.id} onChanged={onChanged} />}
    </li>
  );
}

export function UpwardPage() {
  const { t } = useLanguage();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const state = params.get("state") ?? "all";
  const list = useApi<{ items: ObligationItem[] }>(`/api/upward-reports?state=${encodeURIComponent(state)}`);
  const [editing, setEditing] = useState<ObligationItem | "new" | null>(null);
  const [tick, setTick] = useState(0);
  const changed = () => { list.reload(); setTick(tick + 1); };
  return (
    <section className="upward">
      <h1>{t.upwardTitle}</h1>
      <p className="muted">{t.upwardIntro}</p>
      <UpwardDue key={tick} />
      <div className="row">
        <label>{t.upwardFilter}
          <select value={state} onChange={(e) => setParams(patchedQuery({ state: e.target.value === "all" ? null : e.target.value }))}>
            {STATES.map((s) => <option key={s} value={s}>{t.upwardStates[s]}</option>)}
          </select>
        </label>
        {can("reporting.manage") && editing === null && <button type="button" onClick={() => setEditing("new")}>{t.upwardNew}</button>}
      </div>
      {editing !== null && (
        <ObligationForm key={editing === "new" ? "new" : editing.id} obligation={editing === "new" ? null : editing}
          onCancel={() => setEditing(null)} onSaved={() => { setEditing(null); changed(); }} />
      )}
      {!list.data ? <LoadState loading={list.loading} error={list.error} final={list.final} retrying={list.retrying} onRetry={list.reload} /> : (
        list.data.items.length === 0 ? <p className="muted">{state === "all" ? t.upwardNone : t.upwardNoneInState}</p> : (
          <ul className="upward-cards" data-testid="upward-list">
            {list.data.items.map((o) => <ObligationCard key={o.id} o={o} onChanged={changed} onEdit={() => setEditing(o)} />)}
          </ul>
        )
      )}
    </section>
  );
}
