/**
 * The reports owed upward that are overdue or due soon (GET /api/upward-reports/due): on the leaders'
 * dashboard and the focal point's inbox and rounds. Those who run the reporting record a send from here.
 */
import { useState } from "react";
import { Link } from "react-router";
import type { DueItem } from "../../../src/reporting/upward-records";
import { useApi } from "../api";
import { LoadState } from "../components/Status";
import { useLanguage } from "../i18n";
import { useSession } from "../session";
import { OccurrenceState, urgencyOf, usePeriodText } from "./occurrence";
import { SendForm } from "./SendForm";
import "./upward.css";

/** `document`: only the reports on it or down its chain (the dashboard's scope); all of them without. */
export function UpwardDue({ heading = 2, document = null }: { heading?: 2 | 3; document?: string | null }) {
  const { t } = useLanguage();
  const { can } = useSession();
  const due = useApi<{ within: number; today: string; items: DueItem[] }>(can("reporting.read") ? `/api/upward-reports/due${document ? `?document=${encodeURIComponent(document)}` : ""}` : null);
  const [sending, setSending] = useState<string | null>(null);
  const periodText = usePeriodText();
  if (!can("reporting.read")) return null;
  const H = heading === 2 ? "h2" : "h3";
  return (
    <section className="upward-due" aria-labelledby="upward-due-title" data-testid="upward-due">
      <H id="upward-due-title">{t.upwardDueTitle}{due.data ? ` (${due.data.items.length})` : ""}</H>
      {!due.data ? <LoadState loading={due.loading} error={due.error} final={due.final} retrying={due.retrying} onRetry={due.reload} /> : <>
        <p className="muted">{due.data.items.length ? t.upwardDueHint(due.data.within) : t.upwardDueEmpty(due.data.within)}</p>
        <ul className="upward-cards">
          {due.data.items.map((i) => {
            const key = `${i.obligationId}-${i.period}`;
            return (
              <li key={key} className={`upward-card ${urgencyOf(i)}`} data-obligation={i.obligationId} data-period={i.period}>
                <div className="upward-main">
                  <strong>{i.title}</strong> <span className="muted">({periodText(i)})</span>
                  <div className="muted">{i.reporterName} → {i.recipientText}{i.subject && <> · <Link to={`/documents/${i.subject.id}`}>{i.subject.symbol ?? i.subject.title}</Link></>}</div>
                  <OccurrenceState o={i} />
                </div>
                {can("reporting.manage") && sending !== key && <div className="actions"><button type="button" onClick={() => setSending(key)}>{t.upwardRecordSend}</button></div>}
                {sending === key && <SendForm obligationId={i.obligationId} period={i.period} periodText={periodText(i)} onCancel={() => setSending(null)} onDone={() => { setSending(null); due.reload(); }} />}
              </li>
            );
          })}
        </ul>
        <p><Link to="/upward-reports">{t.upwardManage}</Link></p>
      </>}
    </section>
  );
}
