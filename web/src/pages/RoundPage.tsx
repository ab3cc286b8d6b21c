import { useState } from "react";
import { Link, useParams } from "react-router";
import { ApiError, sendJson, useApi, type Board } from "../api";
import { LoadState } from "../components/Status";
import { formatDate, formatNumber } from "../format";
import { useLanguage } from "../i18n";
import { useSession } from "../session";

type RoundBoard = Board & { reminders: { offsetDays: number; agencyId: number; createdAt: string; emailStatus: string }[] };

const TOTALS = ["received", "onTime", "late", "missing", "accepted", "returned"] as const;

/** The focal point's board: each agency's report, on time or late, the totals with their shares; reminders and the urging letter. */
export function RoundPage() {
  const { id } = useParams();
  const { t } = useLanguage();
  const { can } = useSession();
  const board = useApi<RoundBoard>(`/api/rounds/${id}`);
  const [schedule, setSchedule] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!board.data) return <LoadState loading={board.loading} error={board.error} final={board.final} onRetry={board.reload} />;
  const { round, rows, totals, percentages, reminders } = board.data;
  const nameOf = new Map(rows.map((r) => [r.agencyId, r.agencyName]));
  const saveSchedule = async () => {
    setError(null);
    const offsets = (schedule ?? "").split(/[,;\s]+/).filter(Boolean).map(Number);
    if (offsets.some((o) => !Number.isInteger(o))) { setError(t.reminders); return; }
    try {
      await sendJson("PATCH", `/api/rounds/${round.id}`, { reminderOffsets: offsets, version: round.version });
      setSchedule(null);
      board.reload();
    } catch (e) { setError(e instanceof ApiError && e.fields.length ? e.fields.map((f) => f.message).join("; ") : (e as Error).message); }
  };
  return (
    <section>
      <h1>{round.title}</h1>
      <p className="muted">
        {t.window}: {t.windowText(formatDate(round.windowFrom), formatDate(round.windowTo))} · {t.dueOn}: <strong>{formatDate(round.dueOn)}</strong> · {t.roundStatus[round.status]}
      </p>
      <p className="muted">{round.plans.map((p) => p.symbol ?? p.title).join(", ")}</p>
      <h2>{t.boardTitle}</h2>
      <div className="totals" data-testid="totals">
        <div className="total"><span>{t.totals.expected}</span><strong>{totals.expected}</strong></div>
        {TOTALS.map((k) => (
          <div key={k} className={`total ${k}`} data-total={k}>
            <span>{t.totals[k]}</span><strong>{totals[k]}</strong><small>{formatNumber(percentages[k])} %</small>
          </div>
        ))}
      </div>
      <table className="documents board">
        <thead><tr><th>{t.colAgency}</th><th>{t.colReportStatus}</th><th>{t.colSent}</th><th>{t.colTimeliness}</th><th>{t.colOwes}</th><th /></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.agencyId} data-agency={r.agencyId}>
              <td>{r.agencyName}</td>
              <td><span className={`tag status-${r.status}`}>{t.reportStatus[r.status]}</span></td>
              <td>{r.firstSubmittedAt ? new Date(r.firstSubmittedAt).toLocaleString("vi-VN") : ""}</td>
              <td>{r.onTime === true ? t.onTime : r.onTime === false ? <span className="late">{t.lateBy(r.daysLate)}</span> : r.daysLate > 0 ? <span className="late">{t.overdueBy(r.daysLate)}</span> : ""}</td>
              <td>{t.owes(r.tasksOwed, r.indicatorsOwed)}</td>
              <td><Link to={`/rounds/${round.id}/reports/${r.agencyId}`}>{t.view}</Link></td>
            </tr>
          ))}
        </tbody>
      </table>
      {can("reporting.manage") && (
        <div className="panel">
          <p><a className="button" href={`/api/rounds/${round.id}/urging-letter`} download>{t.urgingLetter}</a></p>
          <label>{t.reminders}{" "}
            <input value={schedule ?? round.reminderOffsets.join(", ")} onChange={(e) => setSchedule(e.target.value)} />
          </label>{" "}
          <button disabled={schedule === null} onClick={() => void saveSchedule()}>{t.saveSchedule}</button>
          {error && <p className="error" role="alert">{error}</p>}
          {reminders.length > 0 && (
            <>
              <h3>{t.remindersSent}</h3>
              <ul className="reminders">
                {reminders.map((r) => (
                  <li key={`${r.offsetDays}-${r.agencyId}`}>{new Date(r.createdAt).toLocaleString("vi-VN")} · {t.reminderStep(r.offsetDays)} · {nameOf.get(r.agencyId) ?? r.agencyId} · {t.email[r.emailStatus]}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
