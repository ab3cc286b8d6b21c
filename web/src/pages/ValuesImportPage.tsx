import { useRef, useState } from "react";
import { Link, useSearchParams } from "react-router";
import type { ImportAnswer } from "../../../src/plans/value-import";
import { ApiError, uploadFile, useApi, type DocumentDetail, type Indicator } from "../api";
import { TableScroll } from "../components/TableScroll";
import { formatNumber } from "../format";
import { useLanguage } from "../i18n";

/**
 * Indicator values in bulk, for the focal point: choose an .xlsx or .csv, see what each row would add
 * or replace and each row's problem (nothing is written yet), then write them all at once. Reached
 * from a plan's page (its indicators by name) or an indicator's row (its values alone).
 */
export function ValuesImportPage() {
  const { t, lang } = useLanguage();
  const [params] = useSearchParams();
  const documentId = params.get("documentId"), indicatorId = params.get("indicatorId");
  const indicator = useApi<Indicator>(indicatorId ? `/api/indicators/${indicatorId}` : null);
  const planId = documentId ?? (indicator.data ? String(indicator.data.documentId) : null);
  const plan = useApi<DocumentDetail>(planId ? `/api/documents/${planId}` : null);
  const scope = indicatorId ? `&indicatorId=${indicatorId}` : documentId ? `&documentId=${documentId}` : "";
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<ImportAnswer | null>(null);
  const [refused, setRefused] = useState<string[]>([]);
  const [done, setDone] = useState<number | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const problemsOf = (e: unknown) => (e instanceof ApiError ? [e.message, ...e.fields.map((f) => f.message).filter((m) => m !== e.message)] : [(e as Error).message]);
  async function check(chosen: File) {
    setFile(chosen); setPreview(null); setRefused([]); setDone(null); setBusy(true);
    try {
      setPreview(await uploadFile<ImportAnswer>(`/api/values/import?preview=1&lang=${lang}${scope}`, chosen));
    } catch (e) { setRefused(problemsOf(e)); } finally { setBusy(false); }
  }
  async function confirm() {
    if (!file || !preview) return;
    setBusy(true);
    try {
      const answer = await uploadFile<ImportAnswer>(`/api/values/import?lang=${lang}${scope}`, file);
      setDone(answer.counts.add + answer.counts.replace); setPreview(null); setFile(null);
      if (input.current) input.current.value = "";
    } catch (e) { setRefused(problemsOf(e)); setPreview(null); } finally { setBusy(false); }
  }
  const reset = () => { setPreview(null); setFile(null); setRefused([]); if (input.current) { input.current.value = ""; input.current.focus(); } };
  const back = planId ? `/documents/${planId}${indicatorId ? `#indicator-${indicatorId}` : ""}` : "/";
  const changed = preview ? preview.counts.add + preview.counts.replace : 0;

  return (
    <section className="values-import">
      <p><Link to={back}>← {plan.data ? (plan.data.symbol ?? plan.data.title) : t.back}</Link></p>
      <h1>{t.valuesImportTitle}</h1>
      {(indicator.data || plan.data) && <p>{t.valuesImportFor(indicator.data ? indicator.data.name : `${plan.data!.symbol ? `${plan.data!.symbol}: ` : ""}${plan.data!.title}`)}</p>}
      <p className="muted">{t.valuesImportHint}</p>
      {indicatorId && <p className="muted">{t.valuesImportIndicatorHint}</p>}
      <div className="actions">
        <label className="attach">{t.valuesImportFile}{" "}
          <input ref={input} type="file" accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" disabled={busy}
            onChange={(e) => { const f = e.target.files?.[0]; if (f) void check(f); }} />
        </label>
      </div>
      <div role="status" aria-live="polite">{busy ? t.valuesImportChecking : done !== null ? <p className="notice">{t.valuesImportDone(done)} <Link to={back}>{t.back}</Link></p> : null}</div>
      {refused.length > 0 && <div className="error" role="alert"><ul>{refused.map((p, k) => <li key={k}>{p}</li>)}</ul></div>}
      {preview && (
        <div className="values-preview">
          {preview.problems.length > 0 && (
            <div className="error" role="alert">
              <strong>{t.valuesImportProblems(preview.total)}</strong>
              <ul>{preview.problems.map((p, k) => <li key={k}>{p.message}</li>)}</ul>
              {preview.total > preview.problems.length && <p>{t.valuesImportMoreProblems(preview.total - preview.problems.length)}</p>}
            </div>
          )}
          <p>{t.valuesImportSummary(preview.rows.length, preview.counts.add, preview.counts.replace, preview.counts.same)}</p>
          <TableScroll label={t.valuesImportTitle}>
            <table className="documents">
              <thead><tr><th>{t.valuesImportRow}</th><th>{t.valuesImportIndicator}</th><th>{t.valuesImportPeriod}</th><th>{t.valuesImportKind}</th>
                <th>{t.valuesImportValue}</th><th>{t.valuesImportSource}</th><th>{t.valuesImportChange}</th></tr></thead>
              <tbody>{preview.rows.map((r) => (
                <tr key={`${r.row}-${r.period}-${r.kind}-${r.indicatorId}`} className={`change-${r.action}`}>
                  <td>{r.row}</td>
                  <td>{r.indicatorName}{r.documentSymbol && !documentId && !indicatorId ? <span className="muted"> ({r.documentSymbol})</span> : null}</td>
                  <td className="nowrap">{r.period}</td>
                  <td>{t.valuesImportKinds[r.kind] ?? r.kind}</td>
                  <td className="number">{formatNumber(r.value)}{r.unit ? (r.unit === "%" ? "%" : ` ${r.unit}`) : ""}</td>
                  <td>{r.source}</td>
                  <td>{r.action === "add" ? t.valuesImportAdd : r.action === "same" ? t.valuesImportSame : t.valuesImportReplace(formatNumber(r.previous!.value))}</td>
                </tr>
              ))}</tbody>
            </table>
          </TableScroll>
          {!preview.problems.length && !changed && <p className="muted">{t.valuesImportNothing}</p>}
          <div className="actions">
            <button type="button" disabled={busy || preview.problems.length > 0 || !changed} onClick={() => void confirm()}>{t.valuesImportConfirm(changed)}</button>
            <button type="button" className="secondary" disabled={busy} onClick={reset}>{t.valuesImportCancel}</button>
          </div>
        </div>
      )}
    </section>
  );
}
