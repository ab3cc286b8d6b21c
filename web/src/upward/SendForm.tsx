/** Records one period of a report owed upward as sent: the day, the report's number, the report itself when it is a document here. */
import { useState } from "react";
import { sendJson, useApi, type DocumentSummary, type Page } from "../api";
import { formatDate } from "../format";
import { useLanguage } from "../i18n";
import { vietnamDate } from "../../../src/reporting/periods";
import { fieldProblems, type Problems } from "./problems";

export function SendForm({ obligationId, period, periodText, onDone, onCancel }: { obligationId: number; period: string; periodText: string; onDone(): void; onCancel(): void }) {
  const { t } = useLanguage();
  const reports = useApi<Page<DocumentSummary>>("/api/documents?status=published&type=report&pageSize=200");
  const [sentOn, setSentOn] = useState(() => formatDate(vietnamDate(new Date())));
  const [symbol, setSymbol] = useState("");
  const [documentId, setDocumentId] = useState("");
  const [problems, setProblems] = useState<Problems>({});
  const [busy, setBusy] = useState(false);
  const id = (f: string) => `send-${obligationId}-${period}-${f}`;
  const submit = async () => {
    setBusy(true);
    setProblems({});
    try {
      await sendJson("POST", `/api/upward-reports/${obligationId}/sends`, { period, sentOn: sentOn.trim() || null, symbol: symbol.trim() || null, documentId: documentId ? Number(documentId) : null });
      onDone();
    } catch (e) {
      setProblems(fieldProblems(e));
    } finally { setBusy(false); }
  };
  const problem = (f: string) => problems[f] && <span id={id(f) + "-problem"} className="field-error">{problems[f]}</span>;
  return (
    <form className="upward-send" aria-label={t.upwardRecordSendFor(periodText)} onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <div className="row">
        <label>{t.upwardSentOn}
          <input id={id("sentOn")} value={sentOn} onChange={(e) => setSentOn(e.target.value)} inputMode="numeric" placeholder="dd/mm/yyyy" size={11} aria-invalid={!!problems.sentOn} aria-describedby={problems.sentOn ? id("sentOn") + "-problem" : undefined} />
        </label>
        <label>{t.upwardSentSymbol}
          <input id={id("symbol")} value={symbol} onChange={(e) => setSymbol(e.target.value)} maxLength={100} size={14} placeholder="01-BC/TU" aria-invalid={!!problems.symbol} />
        </label>
        <label>{t.upwardSentDocument}
          <select id={id("documentId")} value={documentId} onChange={(e) => setDocumentId(e.target.value)} aria-invalid={!!problems.documentId}>
            <option value="">{t.upwardNoneChosen}</option>
            {(reports.data?.items ?? []).map((d) => <option key={d.id} value={d.id}>{d.symbol ?? t.noSymbol} — {d.title.length > 80 ? `${d.title.slice(0, 80)}…` : d.title}</option>)}
          </select>
        </label>
      </div>
      {problem("sentOn")}{problem("symbol")}{problem("documentId")}{problem("period")}
      {problems[""] && <p className="error" role="alert">{problems[""]}</p>}
      <div className="actions">
        <button type="submit" disabled={busy}>{t.upwardRecordSend}</button>{" "}
        <button type="button" className="secondary" onClick={onCancel}>{t.upwardCancel}</button>
      </div>
    </form>
  );
}
