import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import { ApiError, sendJson, useApi, type Agency, type Board, type Page } from "../api";
import { LoadState } from "../components/Status";
import { formatDate, formatNumber } from "../format";
import { useLanguage } from "../i18n";
import { useSession } from "../session";
import { BoardDocumentsOwed } from "../obligations/BoardDocumentsOwed";

type Reminder = { offsetDays: number; manualOn: string | null; requestedBy: number | null; agencyId: number; createdAt: string; emailStatus: string };
type Estimate = { indicatorId: number; name: string; unit: string | null; ownerId: number | null; year: number; value: number; hasActual: boolean; requested: boolean };
/** The round's evidence files against the limit of one download (the server's exports.EvidenceSummary). */
type EvidenceSummary = { files: number; bytes: number; limitBytes: number; limitFiles: number };
type RoundBoard = Board & { reminders: Reminder[]; estimates: Estimate[]; evidence: EvidenceSummary };

const TOTALS = ["received", "onTime", "late", "missing", "accepted", "returned"] as const;
/** Whether a report in this state is still owed (as the server's board.owes). */
const owes = (status: string) => status === "missing" || status === "draft" || status === "returned";
/** A size as the page says it: "35,2 MB", or "12 KB" under a megabyte. */
const size = (bytes: number) => (bytes < 1 << 20 ? `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB` : `${formatNumber(Math.round((bytes / (1 << 20)) * 10) / 10)} MB`);
const message = (e: unknown) => (e instanceof ApiError && e.fields.length ? e.fields.map((f) => f.message).join("; ") : (e as Error).message);

/**
 * The focal point's board: each agency's report, on time or late (against its own due date when extended),
 * the totals with their shares; the round's controls (due date, close and reopen, remind now, an agency's
 * extension, adding and removing agencies, asking for actual figures), bulk accept, reminders and the urging letter.
 */
export function RoundPage() {
  const { id } = useParams();
  const { t } = useLanguage();
  const { can, session } = useSession();
  const board = useApi<RoundBoard>(`/api/rounds/${id}`);
  const manage = can("reporting.manage");
  const registry = useApi<Page<Agency>>(manage && board.data ? `/api/agencies?pageSize=500&activeOn=${board.data.round.windowFrom}` : null);
  const [schedule, setSchedule] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [due, setDue] = useState<string | null>(null);
  const [extending, setExtending] = useState<{ agencyId: number; date: string } | null>(null);
  const [adding, setAdding] = useState("");
  const [selected, setSelected] = useState<number[]>([]);
  if (!board.data) return <LoadState loading={board.loading} error={board.error} final={board.final} retrying={board.retrying} onRetry={board.reload} />;
  const { round, rows, totals, percentages, reminders, estimates, evidence } = board.data;
  const open = round.status === "open";
  const nameOf = new Map(rows.map((r) => [r.agencyId, r.agencyName]));
  const user = session!.user;
  // The focal point's own agency's report is reviewed by someone else, unless an administrator allowed it in this round.
  const mayReview = (agencyId: number) => can("reporting.review") && (user.role === "admin" || !user.agencyIds.includes(agencyId) || round.selfReviewAllowed);
  const acceptable = rows.filter((r) => r.status === "submitted" && mayReview(r.agencyId));

  /** Runs a control; the board is read again after it, and what went wrong is said above the board. */
  const call = async <T,>(method: string, path: string, body: unknown, done?: (answer: T) => void) => {
    setError(null);
    setNotice(null);
    try {
      const answer = await sendJson<T>(method, path, body);
      done?.(answer);
      board.reload();
    } catch (e) { setError(message(e)); }
  };
  const saveSchedule = () => {
    const offsets = (schedule ?? "").split(/[,;\s]+/).filter(Boolean).map(Number);
    if (offsets.some((o) => !Number.isInteger(o))) { setError(t.reminders); return; }
    void call("PATCH", `/api/rounds/${round.id}`, { reminderOffsets: offsets, version: round.version }, () => setSchedule(null));
  };
  const changeDue = (e: FormEvent) => {
    e.preventDefault();
    void call("PATCH", `/api/rounds/${round.id}`, { dueOn: (due ?? "").trim(), version: round.version }, () => setDue(null));
  };
  const saveExtension = (e: FormEvent) => {
    e.preventDefault();
    if (!extending) return;
    const date = extending.date.trim();
    void call("PUT", `/api/rounds/${round.id}/reporters/${extending.agencyId}/due`, { dueOn: date || null, version: round.version }, () => setExtending(null));
  };
  const remind = (agencyIds?: number[]) => void call<{ reminded: number[]; alreadyToday: number[] }>("POST", `/api/rounds/${round.id}/remind`, agencyIds ? { agencyIds } : {},
    (r) => setNotice(t.remindResult(r.reminded.length, r.alreadyToday.length)));
  const remove = (agencyId: number) => {
    if (!window.confirm(t.confirmRemove(nameOf.get(agencyId) ?? ""))) return;
    void call("DELETE", `/api/rounds/${round.id}/reporters/${agencyId}?version=${round.version}`, undefined);
  };
  const acceptSelected = () => {
    const items = rows.filter((r) => selected.includes(r.agencyId) && r.submissionVersion !== null).map((r) => ({ agencyId: r.agencyId, version: r.submissionVersion! }));
    void call<{ accepted: number[] }>("POST", `/api/rounds/${round.id}/accept`, { items }, (r) => { setSelected([]); setNotice(t.acceptedMany(r.accepted.length)); });
  };
  const candidates = (registry.data?.items ?? []).filter((a) => !round.reporterIds.includes(a.id)).sort((a, b) => a.name.localeCompare(b.name, "vi"));
  const wanted = estimates.filter((e) => !e.hasActual || e.requested);

  return (
    <section>
      <h1>{round.title}</h1>
      <p className="muted">
        {t.window}: {t.windowText(formatDate(round.windowFrom), formatDate(round.windowTo))} · {t.dueOn}: <strong>{formatDate(round.dueOn)}</strong> · <span className={`tag round-${round.status}`}>{t.roundStatus[round.status]}</span>
      </p>
      <p className="muted">{round.plans.map((p) => p.symbol ?? p.title).join(", ")}</p>
      {!open && <p className="notice warn" data-testid="closed-note">{t.closedNote}</p>}
      {error && <p className="error" role="alert">{error}</p>}
      {notice && <p className="notice" role="status">{notice}</p>}

      {manage && (
        <div className="panel round-controls">
          <h2>{t.roundControls}</h2>
          {open ? (
            <>
              <form className="row" onSubmit={changeDue}>
                <label>{t.newDueDate}<input name="dueOn" inputMode="numeric" placeholder="dd/mm/yyyy" value={due ?? formatDate(round.dueOn)} onChange={(e) => setDue(e.target.value)} /></label>
                <button type="submit" disabled={due === null}>{t.changeDue}</button>
              </form>
              <form className="row" onSubmit={(e) => { e.preventDefault(); if (adding) void call("POST", `/api/rounds/${round.id}/reporters`, { agencyId: Number(adding), version: round.version }, () => setAdding("")); }}>
                <label>{t.addReporter}
                  <select value={adding} onChange={(e) => setAdding(e.target.value)}>
                    <option value="">{t.chooseAgency}</option>
                    {candidates.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
                  </select>
                </label>
                <button type="submit" disabled={!adding}>{t.addShort}</button>
              </form>
              <p className="actions">
                <button type="button" disabled={!rows.some((r) => owes(r.status))} onClick={() => remind()}>{t.remindAll}</button>{" "}
                <button type="button" onClick={() => { if (window.confirm(t.confirmClose)) void call("PATCH", `/api/rounds/${round.id}`, { status: "closed", version: round.version }); }}>{t.closeRound}</button>
              </p>
            </>
          ) : (
            <p><button type="button" className="primary" onClick={() => void call("PATCH", `/api/rounds/${round.id}`, { status: "open", version: round.version })}>{t.reopenRound}</button></p>
          )}
          {can("users.manage") && (
            <label className="check">
              <input type="checkbox" checked={round.selfReviewAllowed} onChange={(e) => void call("PUT", `/api/rounds/${round.id}/self-review`, { allowed: e.target.checked, version: round.version })} /> {t.selfReviewAllowed}
            </label>
          )}
        </div>
      )}

      <h2>{t.boardTitle}</h2>
      <div className="totals" data-testid="totals">
        <div className="total"><span>{t.totals.expected}</span><strong>{totals.expected}</strong></div>
        {TOTALS.map((k) => (
          <div key={k} className={`total ${k}`} data-total={k}>
            <span>{t.totals[k]}</span><strong>{totals[k]}</strong><small>{formatNumber(percentages[k])} %</small>
          </div>
        ))}
      </div>
      {acceptable.length > 0 && (
        <p className="actions"><button type="button" className="primary" disabled={!selected.length} onClick={acceptSelected}>{t.acceptSelected(selected.length)}</button></p>
      )}
      {/* On a phone the board scrolls sideways inside its own box, its columns kept readable (not one word a line). */}
      <div className="board-scroll" style={{ overflowX: "auto" }}>
      <table className="documents board" style={{ minWidth: "46rem" }}>
        <thead><tr>{acceptable.length > 0 && <th className="no-print">{t.selectColumn}</th>}<th>{t.colAgency}</th><th>{t.colReportStatus}</th><th>{t.colSent}</th><th>{t.colTimeliness}</th><th>{t.colOwes}</th><th className="no-print">{t.colActions}</th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.agencyId} data-agency={r.agencyId}>
              {acceptable.length > 0 && (
                <td className="no-print">{acceptable.includes(r) && (
                  <input type="checkbox" aria-label={t.selectReport(r.agencyName)} checked={selected.includes(r.agencyId)}
                    onChange={(e) => setSelected(e.target.checked ? [...selected, r.agencyId] : selected.filter((x) => x !== r.agencyId))} />
                )}</td>
              )}
              <td>{r.agencyName}</td>
              <td><span className={`tag status-${r.status}`}>{t.reportStatus[r.status]}</span></td>
              <td>{r.firstSubmittedAt ? new Date(r.firstSubmittedAt).toLocaleString("vi-VN") : ""}</td>
              <td>
                {r.onTime === true ? t.onTime : r.onTime === false ? <span className="late">{t.lateBy(r.daysLate)}</span> : r.daysLate > 0 ? <span className="late">{t.overdueBy(r.daysLate)}</span> : ""}
                {r.extended && <div className="muted" data-testid="extended">{t.extendedTo(formatDate(r.dueOn))}</div>}
                {extending?.agencyId === r.agencyId && (
                  <form className="inline-form" onSubmit={saveExtension}>
                    <label>{t.extendFor(r.agencyName)}<input inputMode="numeric" placeholder="dd/mm/yyyy" autoFocus value={extending.date} onChange={(e) => setExtending({ agencyId: r.agencyId, date: e.target.value })} /></label>
                    <button type="submit">{t.saveDue}</button> <button type="button" onClick={() => setExtending(null)}>{t.cancelDue}</button>
                  </form>
                )}
              </td>
              <td>{t.owes(r.tasksOwed, r.indicatorsOwed)}<BoardDocumentsOwed owed={r.documentsOwed} agencyId={r.agencyId} /></td>
              <td className="row-actions no-print">
                <Link to={`/rounds/${round.id}/reports/${r.agencyId}`}>{t.view}</Link>
                {manage && <a href={`/api/rounds/${round.id}/reports/${r.agencyId}/template`} download aria-label={t.templateOne(r.agencyName)}>{t.templateDownload}</a>}
                {manage && open && owes(r.status) && <button type="button" className="link" aria-label={t.remindOne(r.agencyName)} onClick={() => remind([r.agencyId])}>{t.remindShort}</button>}
                {manage && open && <button type="button" className="link" aria-label={t.extendOne(r.agencyName)} onClick={() => setExtending({ agencyId: r.agencyId, date: r.extended ? formatDate(r.dueOn) : "" })}>{t.extendShort}</button>}
                {manage && open && !r.received && <button type="button" className="link" aria-label={t.removeReporter(r.agencyName)} onClick={() => remove(r.agencyId)}>{t.removeShort}</button>}
              </td>
            </tr>
          ))}
        </tbody>
        </table>
      </div>

      {manage && (
        <div className="panel round-exports">
          <h2>{t.exportsTitle}</h2>
          <p className="muted">{t.exportsHint}</p>
          <div className="actions" style={{ flexWrap: "wrap" }}>
            <a className="button" href={`/api/rounds/${round.id}/templates.zip`} download>{t.allTemplates}</a>
            <a className="button" href={`/api/rounds/${round.id}/submissions.xlsx`} download>{t.allSubmissions}</a>
            {evidence.files > 0 && evidence.bytes <= evidence.limitBytes && evidence.files <= evidence.limitFiles && (
              <span><a className="button" href={`/api/rounds/${round.id}/evidence.zip`} download>{t.allEvidence}</a> <span className="muted">{t.evidenceSize(evidence.files, size(evidence.bytes))}</span></span>
            )}
          </div>
          {evidence.files === 0 && <p className="muted">{t.noEvidence}</p>}
          {(evidence.bytes > evidence.limitBytes || evidence.files > evidence.limitFiles) && <p className="notice warn">{t.evidenceTooLarge(evidence.files, size(evidence.bytes), size(evidence.limitBytes))}</p>}
        </div>
      )}

      {manage && wanted.length > 0 && (
        <div className="panel estimates">
          <h2>{t.estimatesTitle}</h2>
          <p className="muted">{t.estimatesHint}</p>
          <ul>
            {wanted.map((e) => (
              <li key={`${e.indicatorId}-${e.year}`} data-estimate={`${e.indicatorId}-${e.year}`}>
                {e.name} — {t.estimateLine(e.year, `${formatNumber(e.value)}${e.unit ? ` ${e.unit}` : ""}`)}{" "}
                {e.hasActual && <span className="tag ok">{t.hasActual}</span>}{" "}
                {e.requested && <span className="tag">{t.asked}</span>}{" "}
                {open && (e.requested
                  ? <button type="button" className="link" onClick={() => void call("DELETE", `/api/rounds/${round.id}/actual-requests?indicatorId=${e.indicatorId}&year=${e.year}&version=${round.version}`, undefined)}>{t.stopAsking}</button>
                  : <button type="button" onClick={() => void call("POST", `/api/rounds/${round.id}/actual-requests`, { indicatorId: e.indicatorId, year: e.year, version: round.version })}>{t.askActual}</button>)}
              </li>
            ))}
          </ul>
        </div>
      )}

      {manage && (
        <div className="panel">
          <p><a className="button" href={`/api/rounds/${round.id}/urging-letter`} download>{t.urgingLetter}</a></p>
          <label>{t.reminders}{" "}
            <input value={schedule ?? round.reminderOffsets.join(", ")} disabled={!open} onChange={(e) => setSchedule(e.target.value)} />
          </label>{" "}
          <button disabled={schedule === null} onClick={saveSchedule}>{t.saveSchedule}</button>
          {reminders.length > 0 && (
            <>
              <h3>{t.remindersSent}</h3>
              <ul className="reminders">
                {reminders.map((r) => (
                  <li key={`${r.offsetDays}-${r.manualOn}-${r.agencyId}`}>{new Date(r.createdAt).toLocaleString("vi-VN")} · {r.manualOn ? t.manualStep : t.reminderStep(r.offsetDays)} · {nameOf.get(r.agencyId) ?? r.agencyId} · {t.email[r.emailStatus]}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
