/**
 * Who has issued what a document and its chain below asked for (issue 15): a count per state (each filters the
 * table), filters by state and agency, and a row per agency and document owed, with its due day, its state and
 * the document that met it. The focal point confirms a proposed document, chooses another, or unsets one. On a
 * phone each row is a card. Shown on the document page when its chain owes any document.
 */
import { useState } from "react";
import { Link } from "react-router";
import type { ObligationItem, ObligationList } from "../../../src/plans/obligation-queries";
import { OBLIGATION_STATES } from "../../../src/plans/obligations-derive";
import { DOCUMENT_TYPE_LABELS } from "../../../src/documents/labels";
import { sendJson, useApi, problemLine } from "../api";
import { LoadState } from "../components/Status";
import { formatDate } from "../format";
import { useLanguage } from "../i18n";
import { useSession } from "../session";
import { obligationWords } from "./i18n";
import "./obligations.css";

type Words = ReturnType<typeof obligationWords>;

/** A document as a list names it: its number, or its kind and title. */
export const documentName = (d: { symbol: string | null; title: string }, w: Words) => d.symbol ?? `${d.title.slice(0, 60)}${d.title.length > 60 ? "…" : ""} ${w.noSymbol}`;

export function DocumentObligations({ documentId }: { documentId: number }) {
  const { lang } = useLanguage();
  const w = obligationWords(lang);
  const { can } = useSession();
  const manage = can("plans.write");
  const [state, setState] = useState("");
  const [agency, setAgency] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const query = new URLSearchParams({ pageSize: "1000" });
  if (state) query.set("state", state);
  if (agency) query.set("agencyId", agency);
  const list = useApi<ObligationList>(`/api/documents/${documentId}/obligations?${query}`);
  if (!list.data) return list.error ? <LoadState loading={false} error={list.error} final={list.final} retrying={list.retrying} onRetry={list.reload} /> : null;
  const { counts, items, total, agencies, documents } = list.data;
  const owed = OBLIGATION_STATES.reduce((n, s) => n + counts[s], 0);
  if (owed === 0) return null;

  /** Sets (or with null unsets) what met an obligation; the list is read again after, and what went wrong said above it. */
  const fulfil = async (o: ObligationItem, documentId: number | null) => {
    setProblem(null);
    try {
      await sendJson("PUT", `/api/obligations/${o.id}/fulfilment?lang=${lang}`, { documentId, version: o.version });
    } catch (e) {
      setProblem(problemLine(e));
    }
    list.reload();
  };

  return (
    <section className="obligations" aria-labelledby="obligations-title" data-testid="obligations">
      <h2 id="obligations-title">{w.title} ({owed.toLocaleString("vi-VN")})</h2>
      <p className="muted">{w.hint}</p>
      <div className="totals">
        {OBLIGATION_STATES.map((k) => (
          <button key={k} type="button" className={`total obligation-${k}${state === k ? " chosen" : ""}`} data-obligation-total={k} aria-pressed={state === k}
            onClick={() => setState(state === k ? "" : k)}>
            <span>{w.states[k]}</span><strong>{counts[k]}</strong>
          </button>
        ))}
      </div>
      <div className="filters">
        <label>{w.filterState}
          <select value={state} onChange={(e) => setState(e.target.value)}>
            <option value="">{w.allStates}</option>
            {OBLIGATION_STATES.map((k) => <option key={k} value={k}>{w.states[k]}</option>)}
          </select>
        </label>
        <label>{w.filterAgency}
          <select value={agency} onChange={(e) => setAgency(e.target.value)}>
            <option value="">{w.allAgencies}</option>
            {agencies.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </select>
        </label>
      </div>
      {problem && <p className="error" role="alert">{problem}</p>}
      {items.length === 0 ? <p className="muted">{w.none}</p> : (
        <table className="documents obligations-table">
          <caption>{w.caption(total)}{total > items.length ? ` · ${w.shown(items.length)}` : ""}</caption>
          <thead>
            <tr>
              <th scope="col">{w.colAgency}</th><th scope="col">{w.colAsked}</th><th scope="col">{w.colDue}</th>
              <th scope="col">{w.colState}</th><th scope="col">{w.colMetBy}</th>{manage && <th scope="col" className="no-print">{w.colActions}</th>}
            </tr>
          </thead>
          <tbody>
            {items.map((o) => <Row key={o.id} o={o} w={w} manage={manage} documents={documents} onFulfil={fulfil} lang={lang} own={o.plan.id === documentId} />)}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** `own`: the task is the page's document's own, named by its item only (a plan below is named by its number too). */
function Row({ o, w, manage, documents, onFulfil, lang, own }: {
  o: ObligationItem; w: Words; manage: boolean; documents: ObligationList["documents"]; lang: "vi" | "en"; own: boolean;
  onFulfil(o: ObligationItem, documentId: number | null): Promise<void>;
}) {
  const [choosing, setChoosing] = useState(false);
  const [chosen, setChosen] = useState("");
  const met = o.fulfilledBy !== null;
  const choices = documents.filter((d) => d.id !== o.plan.id && d.depth > 0);
  return (
    <tr data-obligation={o.id} data-agency={o.agency.id} data-state={o.state}>
      <th scope="row">
        {o.agency.name}
        {o.agencyNow.length > 0 && <span className="source-text">{w.now(o.agencyNow.map((a) => a.name).join("; "))}</span>}
      </th>
      <td data-label={w.colAsked}>
        <span className="asked">{o.outputText ?? DOCUMENT_TYPE_LABELS[o.docType][lang]}</span>
        <span className="source-text">
          <Link to={`/documents/${o.plan.id}#task-${o.taskId}`}>{own ? w.item(o.section) : w.underTask(documentName(o.plan, w), o.section)}</Link>
          {o.issuedThrough && <> · {w.through(o.issuedThrough)}</>}
        </span>
      </td>
      <td data-label={w.colDue} className="nowrap">{o.dueOn ? formatDate(o.dueOn) : <span className="muted">{w.noDue}</span>}</td>
      <td data-label={w.colState}>
        <span className={`tag obligation-state ${o.state}`}>{w.states[o.state]}</span>
        {o.daysLate > 0 && <span className="late days">{o.state === "overdue" ? w.daysOverdue(o.daysLate) : w.daysLate(o.daysLate)}</span>}
      </td>
      <td data-label={w.colMetBy}>
        {met ? (
          <>
            <Link to={`/documents/${o.fulfilledBy!.id}`}>{documentName(o.fulfilledBy!, w)}</Link>
            {o.fulfilledBy!.issuedOn && <span className="muted"> · {formatDate(o.fulfilledBy!.issuedOn)}</span>}
            {o.fulfilledHow && <span className="source-text">{w.how[o.fulfilledHow]}{o.fulfilledByName ? ` ${w.byWhom(o.fulfilledByName)}` : ""}</span>}
          </>
        ) : o.heldByDraft ? <span className="muted">{w.heldByDraft(o.heldByDraft.symbol ?? w.noSymbol)}</span> : o.candidates.length > 0 && !manage ? (
          <span className="muted">{w.proposed} {o.candidates.map((c) => documentName(c, w)).join("; ")}</span>
        ) : <span className="muted">—</span>}
      </td>
      {manage && (
        <td data-label={w.colActions} className="no-print"><div className="obligation-actions">
          {met ? (
            <button type="button" aria-label={w.unsetLabel(o.agency.name)} onClick={() => { if (window.confirm(w.confirmUnset(o.agency.name))) void onFulfil(o, null); }}>{w.unset}</button>
          ) : (
            <>
              {o.candidates.map((c) => (
                <button key={c.id} type="button" className="primary" aria-label={w.confirmLabel(documentName(c, w), o.agency.name)} onClick={() => void onFulfil(o, c.id)}>
                  {w.confirm(documentName(c, w))}
                </button>
              ))}
              {!choosing && choices.length > 0 && <button type="button" onClick={() => setChoosing(true)}>{w.setOther}</button>}
              {choosing && (
                <form className="choose" onSubmit={(e) => { e.preventDefault(); if (chosen) void onFulfil(o, Number(chosen)).then(() => setChoosing(false)); }}>
                  <label>{w.setLabel(o.agency.name)}
                    <select value={chosen} onChange={(e) => setChosen(e.target.value)}>
                      <option value="">{w.chooseDocument}</option>
                      {choices.map((d) => <option key={d.id} value={d.id}>{documentName(d, w)}{d.issuedOn ? ` (${formatDate(d.issuedOn)})` : ""}</option>)}
                    </select>
                  </label>
                  <span className="buttons">
                    <button type="submit" className="primary" disabled={!chosen}>{w.save}</button>
                    <button type="button" onClick={() => setChoosing(false)}>{w.cancel}</button>
                  </span>
                </form>
              )}
            </>
          )}
        </div></td>
      )}
    </tr>
  );
}
