import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { ApiError, sendJson, useApi, type DocumentSummary, type Page, type Round, type RoundDetail, type RoundProposal } from "../api";
import { LoadState } from "../components/Status";
import { formatDate } from "../format";
import { useLanguage } from "../i18n";
import { useSession } from "../session";
import { UpwardDue } from "../upward/UpwardDue";

const PERIODS_PER_YEAR: Record<string, number> = { year: 1, half: 2, quarter: 4, month: 12 };

/** The focal point opens a round: plans, period; the server proposes the window, due date and the agencies expected. */
function NewRound({ onOpened }: { onOpened(id: number): void }) {
  const { t } = useLanguage();
  const docs = useApi<Page<DocumentSummary>>("/api/documents?stubs=false&status=published&pageSize=200");
  const [documentIds, setDocumentIds] = useState<number[]>([]);
  const [periodKind, setPeriodKind] = useState("year");
  const [periodYear, setPeriodYear] = useState(new Date().getFullYear());
  const [periodNumber, setPeriodNumber] = useState(1);
  const [proposal, setProposal] = useState<RoundProposal | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The focal point's confirmation that the collecting agency takes the indicators no agency owns (asked only when some have none).
  const [collectorTakes, setCollectorTakes] = useState(false);
  const input = { documentIds, periodKind, periodYear, periodNumber: periodKind === "year" ? null : periodNumber, collectorTakesUnowned: collectorTakes };
  const unowned = proposal?.unownedIndicators ?? [];
  const run = async <T,>(path: string, then: (r: T) => void) => {
    setError(null);
    try { then(await sendJson<T>("POST", path, input)); } catch (e) {
      setError(e instanceof ApiError && e.fields.length ? e.fields.map((f) => f.message).join("; ") : (e as Error).message);
    }
  };
  return (
    <form className="panel" onSubmit={(e) => { e.preventDefault(); void run<RoundDetail>("/api/rounds", (r) => onOpened(r.id)); }}>
      <h2>{t.newRound}</h2>
      <fieldset>
        <legend>{t.roundPlans}</legend>
        {docs.data?.items.filter((d) => d.docType !== "report" && d.docType !== "letter").map((d) => (
          <label key={d.id} className="check">
            <input type="checkbox" checked={documentIds.includes(d.id)}
              onChange={(e) => { setProposal(null); setDocumentIds(e.target.checked ? [...documentIds, d.id] : documentIds.filter((x) => x !== d.id)); }} />
            {d.symbol ?? t.noSymbol} — {d.title}
          </label>
        ))}
      </fieldset>
      <div className="row">
        <label>{t.periodKind}
          <select value={periodKind} onChange={(e) => { setProposal(null); setPeriodKind(e.target.value); setPeriodNumber(1); }}>
            {Object.keys(PERIODS_PER_YEAR).map((k) => <option key={k} value={k}>{t.periodKinds[k]}</option>)}
          </select>
        </label>
        <label>{t.periodYear} <input type="number" min={2000} max={2100} value={periodYear} onChange={(e) => { setProposal(null); setPeriodYear(Number(e.target.value)); }} /></label>
        {periodKind !== "year" && (
          <label>{t.periodNumber}
            <select value={periodNumber} onChange={(e) => { setProposal(null); setPeriodNumber(Number(e.target.value)); }}>
              {Array.from({ length: PERIODS_PER_YEAR[periodKind] }, (_, i) => <option key={i + 1} value={i + 1}>{i + 1}</option>)}
            </select>
          </label>
        )}
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {proposal && (
        <div className="proposal">
          <p><strong>{proposal.title}</strong></p>
          <p>{t.window}: {t.windowText(formatDate(proposal.windowFrom), formatDate(proposal.windowTo))} · {t.dueOn}: {formatDate(proposal.dueOn)}</p>
          <p>{t.expectedAgencies(proposal.reporters.length)}</p>
          {/* What each agency will owe, before opening: its tasks (full number, opening words, lead or coordinating) and indicators. */}
          <div className="preview-agencies" data-testid="preview-agencies" aria-label={t.previewAgencies} role="group">
            <p className="muted">{t.previewAgencies}</p>
            {proposal.reporters.map((r) => (
              <details key={r.id} data-agency={r.id}>
                <summary>{r.name} — {t.owes(r.tasks, r.indicators)}</summary>
                {!r.items.tasks.length && !r.items.indicators.length && <p className="muted">{t.onlyGeneral}</p>}
                {r.items.tasks.length > 0 && (
                  <ul>{r.items.tasks.map((task) => <li key={task.id}>{task.number && <span className="muted">{task.number} </span>}{task.text} <span className="tag">{task.role === "lead" ? t.leadRole : t.coordinatingRole}</span></li>)}</ul>
                )}
                {r.items.indicators.length > 0 && (
                  <ul>{r.items.indicators.map((i) => <li key={i.id}>{i.name}{i.unit ? ` (${i.unit})` : ""}</li>)}</ul>
                )}
              </details>
            ))}
          </div>
          {unowned.length > 0 && (
            <div className="warning" data-testid="unowned">
              <p>{t.unownedInRound(unowned.length)}</p>
              <ul>{unowned.slice(0, 5).map((i) => <li key={i.id}><Link to={`/documents/${i.documentId}#indicator-${i.id}`}>{i.name}</Link></li>)}{unowned.length > 5 && <li>…</li>}</ul>
              <p>{t.unownedHint}</p>
              {proposal.coordinatorName
                ? <label className="check"><input type="checkbox" checked={collectorTakes} onChange={(e) => setCollectorTakes(e.target.checked)} /> {t.collectorTakes(unowned.length, proposal.coordinatorName)}</label>
                : <p>{t.noCollector}</p>}
            </div>
          )}
        </div>
      )}
      <button type="button" disabled={!documentIds.length} onClick={() => void run<RoundProposal>("/api/rounds/proposal", (p) => { setCollectorTakes(false); setProposal(p); })}>{t.preview}</button>{" "}
      <button type="submit" disabled={!proposal || (unowned.length > 0 && !collectorTakes)}>{t.openRound}</button>
    </form>
  );
}

export function RoundsPage() {
  const { t } = useLanguage();
  const { can } = useSession();
  const navigate = useNavigate();
  const rounds = useApi<{ items: Round[] }>("/api/rounds");
  if (!rounds.data) return <LoadState loading={rounds.loading} error={rounds.error} final={rounds.final} retrying={rounds.retrying} onRetry={rounds.reload} />;
  return (
    <section>
      <h1>{t.roundsTitle}</h1>
      {rounds.data.items.length === 0 && <p className="muted">{t.noRounds}</p>}
      <table className="documents rounds">
        <tbody>
          {rounds.data.items.map((r) => (
            <tr key={r.id}>
              <td><Link to={`/rounds/${r.id}`}>{r.title}</Link></td>
              <td>{t.dueOn}: {formatDate(r.dueOn)}</td>
              <td><span className="tag">{t.roundStatus[r.status]}</span></td>
            </tr>
          ))}
        </tbody>
      </table>
      <UpwardDue />
      {can("reporting.manage") && <NewRound onOpened={(id) => navigate(`/rounds/${id}`)} />}
    </section>
  );
}
