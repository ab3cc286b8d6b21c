/** Creates or edits a report owed upward; each field's problem shown at it, in the user's language as the server wrote it. */
import { useEffect, useState } from "react";
import type { ObligationItem } from "../../../src/reporting/upward-records";
import { sendJson, useApi, type Agency, type DocumentSummary, type Page } from "../api";
import { formatDate } from "../format";
import { useLanguage } from "../i18n";
import { fieldProblems, type Problems } from "./problems";

const FREQUENCIES = ["once", "year", "half", "quarter", "month"] as const;

interface Values {
  title: string; requestedById: string; subjectId: string; reporterId: string; recipientId: string; recipientText: string;
  frequency: string; dueOn: string; dueDay: string; dueMonthOffset: string; fromYear: string; toYear: string; note: string;
}

const valuesOf = (o: ObligationItem | null): Values => ({
  title: o?.title ?? "", requestedById: o?.requestedBy ? String(o.requestedBy.id) : "", subjectId: o?.subject ? String(o.subject.id) : "",
  reporterId: o ? String(o.reporterId) : "", recipientId: o?.recipientId ? String(o.recipientId) : "", recipientText: o?.recipientText ?? "",
  frequency: o?.frequency ?? "once", dueOn: formatDate(o?.dueOn), dueDay: o?.dueDay ? String(o.dueDay) : "", dueMonthOffset: String(o?.dueMonthOffset ?? 0),
  fromYear: o?.fromYear ? String(o.fromYear) : "", toYear: o?.toYear ? String(o.toYear) : "", note: o?.note ?? "",
});

const idOrNull = (s: string) => (s ? Number(s) : null);
/** A number field as typed: the server reads and refuses it with its message ("abc" is not a day). */
const typedOrNull = (s: string) => (s.trim() === "" ? null : s.trim());

export function ObligationForm({ obligation, onSaved, onCancel }: { obligation: ObligationItem | null; onSaved(o: ObligationItem): void; onCancel(): void }) {
  const { t } = useLanguage();
  const agencies = useApi<Page<Agency>>("/api/agencies?pageSize=500");
  const documents = useApi<Page<DocumentSummary>>("/api/documents?status=published&pageSize=500");
  const [v, setV] = useState<Values>(() => valuesOf(obligation));
  const [problems, setProblems] = useState<Problems>({});
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Values>) => setV({ ...v, ...patch });
  const prefix = obligation ? `upward-${obligation.id}` : "upward-new";
  const fid = (f: string) => `${prefix}-${f}`;
  const once = v.frequency === "once";
  // The form opens at its first field (scrolled into view when it opens below the list).
  useEffect(() => { document.getElementById(fid("title"))?.focus(); }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const submit = async () => {
    setBusy(true);
    setProblems({});
    const body = {
      title: v.title, requestedById: idOrNull(v.requestedById), subjectId: idOrNull(v.subjectId), reporterId: idOrNull(v.reporterId),
      recipientId: idOrNull(v.recipientId), recipientText: v.recipientText, frequency: v.frequency,
      dueOn: once ? typedOrNull(v.dueOn) : null, dueDay: once ? null : typedOrNull(v.dueDay), dueMonthOffset: once ? 0 : typedOrNull(v.dueMonthOffset) ?? 0,
      fromYear: typedOrNull(v.fromYear), toYear: typedOrNull(v.toYear), note: v.note,
    };
    try {
      onSaved(obligation
        ? await sendJson<ObligationItem>("PATCH", `/api/upward-reports/${obligation.id}`, { ...body, version: obligation.version })
        : await sendJson<ObligationItem>("POST", "/api/upward-reports", body));
    } catch (e) {
      setProblems(fieldProblems(e));
    } finally { setBusy(false); }
  };

  /** A control's label, its problem under it, tied together for screen readers. */
  const field = (name: keyof Values, label: string, control: (props: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => React.ReactNode, wide = false) => (
    <label className={wide ? "wide" : undefined}>{label}
      {control({ id: fid(name), "aria-invalid": !!problems[name], "aria-describedby": problems[name] ? `${fid(name)}-problem` : undefined })}
      {problems[name] && <span id={`${fid(name)}-problem`} className="field-error">{problems[name]}</span>}
    </label>
  );
  const documentOptions = (documents.data?.items ?? []).map((d) => <option key={d.id} value={d.id}>{d.symbol ?? t.noSymbol} — {d.title.length > 90 ? `${d.title.slice(0, 90)}…` : d.title}</option>);
  const agencyOptions = (agencies.data?.items ?? []).map((a) => <option key={a.id} value={a.id}>{a.name}</option>);

  return (
    <form className="panel upward-form" aria-label={obligation ? `${t.upwardEdit}: ${obligation.title}` : t.upwardNew} onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h2>{obligation ? `${t.upwardEdit}: ${obligation.title}` : t.upwardNew}</h2>
      {field("title", t.upwardTitleField, (p) => <input {...p} value={v.title} maxLength={500} onChange={(e) => set({ title: e.target.value })} />, true)}
      <div className="row">
        {field("requestedById", t.upwardRequestedBy, (p) => <select {...p} value={v.requestedById} onChange={(e) => set({ requestedById: e.target.value })}><option value="">{t.upwardNoneChosen}</option>{documentOptions}</select>)}
        {field("subjectId", t.upwardSubject, (p) => <select {...p} value={v.subjectId} onChange={(e) => set({ subjectId: e.target.value })}><option value="">{t.upwardNoneChosen}</option>{documentOptions}</select>)}
      </div>
      <div className="row">
        {field("reporterId", t.upwardReporter, (p) => <select {...p} value={v.reporterId} onChange={(e) => set({ reporterId: e.target.value })}><option value="">{t.upwardNoneChosen}</option>{agencyOptions}</select>)}
        {field("recipientId", t.upwardRecipientAgency, (p) => <select {...p} value={v.recipientId} onChange={(e) => set({ recipientId: e.target.value })}><option value="">{t.upwardNoneChosen}</option>{agencyOptions}</select>)}
      </div>
      {field("recipientText", t.upwardRecipientText, (p) => <input {...p} value={v.recipientText} maxLength={500} onChange={(e) => set({ recipientText: e.target.value })} />, true)}
      <div className="row">
        {field("frequency", t.upwardFrequency, (p) => <select {...p} value={v.frequency} onChange={(e) => set({ frequency: e.target.value })}>{FREQUENCIES.map((f) => <option key={f} value={f}>{t.upwardFrequencies[f]}</option>)}</select>)}
        {once
          ? field("dueOn", t.upwardDueOn, (p) => <input {...p} value={v.dueOn} inputMode="numeric" placeholder="30/11/2024" size={11} onChange={(e) => set({ dueOn: e.target.value })} />)
          : <>
            {field("dueDay", t.upwardDueDay, (p) => <input {...p} value={v.dueDay} inputMode="numeric" size={4} onChange={(e) => set({ dueDay: e.target.value })} />)}
            {field("dueMonthOffset", t.upwardDueMonthOffset, (p) => <input {...p} value={v.dueMonthOffset} inputMode="numeric" size={4} onChange={(e) => set({ dueMonthOffset: e.target.value })} />)}
          </>}
        {field("fromYear", t.upwardFromYear, (p) => <input {...p} value={v.fromYear} inputMode="numeric" size={6} onChange={(e) => set({ fromYear: e.target.value })} />)}
        {field("toYear", t.upwardToYear, (p) => <input {...p} value={v.toYear} inputMode="numeric" size={6} onChange={(e) => set({ toYear: e.target.value })} />)}
      </div>
      {!once && <p className="muted hint">{t.upwardDueMonthOffsetHint}</p>}
      {field("note", t.upwardNote, (p) => <textarea {...p} rows={3} value={v.note} maxLength={5000} onChange={(e) => set({ note: e.target.value })} />, true)}
      {problems[""] && <p className="error" role="alert">{problems[""]}</p>}
      {problems.version && <p className="error" role="alert">{problems.version}</p>}
      <button type="submit" disabled={busy}>{t.upwardSave}</button>{" "}
      <button type="button" className="secondary" onClick={onCancel}>{t.upwardCancel}</button>
    </form>
  );
}
