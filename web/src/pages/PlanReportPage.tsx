import { useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import type { PlanEvaluation } from "../../../src/evaluation/plan";
import { ApiError, sendJson, useApi } from "../api";
import { LoadState } from "../components/Status";
import { useLanguage } from "../i18n";
import { ReportFormPanel, type ReportDraftView } from "../reports/ReportFormPanel";
import { useSession } from "../session";

/** A document's evaluation for a year and its consolidated report over its chain: the form and the narrative to edit, the .docx and .xlsx to download. */
export function PlanReportPage() {
  const { id } = useParams();
  const { t, lang } = useLanguage();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get("year") ?? new Date().getFullYear());
  const evaluation = useApi<PlanEvaluation>(`/api/plans/${id}/evaluation?year=${year}`);
  const draft = useApi<ReportDraftView>(`/api/plans/${id}/report-draft?year=${year}`);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  if (!evaluation.data || !draft.data) return <LoadState loading={evaluation.loading || draft.loading} error={evaluation.error ?? draft.error} retrying={evaluation.error ? evaluation.retrying : draft.retrying} onRetry={() => { evaluation.reload(); draft.reload(); }} />;
  const e = evaluation.data, d = draft.data;
  const editable = can("reporting.manage");
  const save = async (sections: Record<string, string | null>) => {
    setMessage(null);
    try {
      await sendJson("PUT", `/api/plans/${id}/report-draft`, { year, version: d.draftVersion, sections });
      // Only the saved sections leave the local edits; another section being typed stays as typed.
      setTexts((current) => Object.fromEntries(Object.entries(current).filter(([key]) => !(key in sections))));
      draft.reload();
      setMessage(t.narrativeSaved);
    } catch (err) { setMessage(err instanceof ApiError && err.status === 409 ? t.narrativeConflict : (err as Error).message); }
  };
  return (
    <section className="plan-report">
      <p><Link to={`/documents/${id}`}>{t.back}</Link></p>
      <h1>{t.planReportTitle}</h1>
      <p><strong>{d.title}</strong></p>
      <label>{t.periodYear}{" "}
        <input type="number" min={2000} max={2100} value={year} onChange={(ev) => setParams({ year: ev.target.value })} />
      </label>
      <p className="downloads">
        <a className="button" href={`/api/plans/${id}/report?year=${year}`} download>{t.downloadDocx}</a>{" "}
        <a className="button" href={`/api/plans/${id}/report?year=${year}&format=xlsx`} download>{t.downloadXlsx}</a>
      </p>

      <h2>{t.indicatorsEvaluated}</h2>
      <div className="totals">
        {(Object.keys(e.indicatorCounts) as (keyof typeof e.indicatorCounts)[]).map((k) => (
          <div key={k} className={`total eval-${k}`} data-evaluation={k}><span>{t.evaluations[k]}</span><strong>{e.indicatorCounts[k]}</strong></div>
        ))}
      </div>
      <table className="documents evaluation">
        <tbody>
          {e.indicators.filter((i) => i.evaluation.status !== "no_data").map((i) => (
            <tr key={i.id}>
              <td>{i.name}</td>
              <td><span className={`tag eval-${i.evaluation.status}`}>{t.evaluations[i.evaluation.status]}</span></td>
              <td>{lang === "en" ? i.evaluation.reason.en : i.evaluation.reason.vi}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t.tasksEvaluated}</h2>
      <p>{(Object.keys(e.taskCounts) as (keyof typeof e.taskCounts)[]).map((k) => `${t.taskStatus[k]}: ${e.taskCounts[k]}`).join(" · ")}</p>

      <ReportFormPanel key={year} planId={id!} draft={d} editable={editable} onSaved={draft.reload} />

      <h2>{t.narrativeTitle}</h2>
      {message && <p role="status">{message}</p>}
      {d.sections.map((s) => {
        const value = texts[s.key] ?? s.text;
        return (
          <div key={s.key} className="panel narrative">
            <label>{s.part && <span className="section-part">{s.part}</span>}{s.title}{s.edited && <span className="tag">{t.narrativeEdited}</span>}
              <textarea rows={8} value={value} disabled={!editable} onChange={(ev) => setTexts({ ...texts, [s.key]: ev.target.value })} />
            </label>
            {editable && (
              <p>
                <button disabled={texts[s.key] === undefined} onClick={() => void save({ [s.key]: value })}>{t.narrativeSave}</button>{" "}
                {s.edited && <button onClick={() => void save({ [s.key]: null })}>{t.narrativeRevert}</button>}
              </p>
            )}
          </div>
        );
      })}
    </section>
  );
}
