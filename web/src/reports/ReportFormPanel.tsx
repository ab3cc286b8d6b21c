/** The consolidated report's form: template, subject, number, issuing body's header, recipients, signer; empty fields fall back to the draft. */
import { useState, type ReactElement } from "react";
import type { ReportForm } from "../../../src/reports/form";
import { ApiError, sendJson } from "../api";
import { controlId } from "../components/fields";
import { useLanguage } from "../i18n";
import "./report-form.css";

export interface ReportDraftView {
  title: string; year: number; draftVersion: number; template: "state" | "party"; chainLength: number;
  form: ReportForm;
  /** The form as drafted for the template in use; `template`: the scope's own (its issuer's). */
  drafted: { title: string; header: string; recipients: string[]; authority: string[]; symbolSuffix: string; template: "state" | "party" };
  sections: { key: string; title: string; part: string | null; text: string; edited: boolean }[];
}

type Fields = { template: string; title: string; number: string; header: string; recipients: string; signerTitle: string; signerName: string };

const fromForm = (f: ReportForm): Fields => ({
  template: f.template ?? "", title: f.title ?? "", number: f.number ?? "", header: f.header ?? "", recipients: (f.recipients ?? []).join("\n"),
  signerTitle: f.signer?.title ?? "", signerName: f.signer?.name ?? "",
});

/** What the API stores: empty fields left out, so that they follow the draft. */
function toForm(v: Fields): ReportForm {
  const form: ReportForm = {};
  if (v.template === "state" || v.template === "party") form.template = v.template;
  if (v.title.trim()) form.title = v.title.trim();
  if (v.number.trim()) form.number = v.number.trim();
  if (v.header.trim()) form.header = v.header.trim();
  const recipients = v.recipients.split("\n").map((r) => r.trim()).filter(Boolean);
  if (recipients.length) form.recipients = recipients;
  if (v.signerTitle.trim() || v.signerName.trim()) form.signer = { ...(v.signerTitle.trim() ? { title: v.signerTitle.trim() } : {}), ...(v.signerName.trim() ? { name: v.signerName.trim() } : {}) };
  return form;
}

export function ReportFormPanel({ planId, draft, editable, onSaved }: { planId: string; draft: ReportDraftView; editable: boolean; onSaved(): void }) {
  const { t } = useLanguage();
  const [v, setV] = useState<Fields>(() => fromForm(draft.form));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const set = (key: keyof Fields) => (e: { target: { value: string } }) => setV({ ...v, [key]: e.target.value });
  const d = draft.drafted;
  const save = async (form: ReportForm) => {
    setMessage(null); setProblems({});
    try {
      await sendJson("PUT", `/api/plans/${planId}/report-draft`, { year: draft.year, version: draft.draftVersion, form });
      setMessage(t.reportFormSaved);
      onSaved();
    } catch (err) {
      if (err instanceof ApiError && err.fields.length) {
        setProblems(Object.fromEntries(err.fields.map((f) => [f.field.replace(/^form\./, "").replace(/^signer\./, "signer_").replace(/^recipients\.\d+$/, "recipients"), f.message])));
        setMessage(t.reportFormInvalid);
      } else setMessage(err instanceof ApiError && err.status === 409 ? t.narrativeConflict : (err as Error).message);
    }
  };
  const field = (key: keyof Fields, api: string, label: string, input: (id: string) => ReactElement) => {
    const id = controlId(`form.${api}`), problem = problems[api];
    return (
      <div className="form-field">
        <label htmlFor={id}>{label}</label>
        {input(id)}
        {problem && <span id={`${id}-problem`} className="field-error">{problem}</span>}
      </div>
    );
  };
  const common = (api: string) => ({ disabled: !editable, "aria-invalid": !!problems[api], "aria-describedby": problems[api] ? `${controlId(`form.${api}`)}-problem` : undefined });
  return (
    <section className="panel report-form" aria-labelledby="report-form-title">
      <h2 id="report-form-title">{t.reportFormTitle}</h2>
      <p className="hint">{t.reportFormHint}</p>
      <p className="hint">{t.reportScopeChain(draft.chainLength)}</p>
      {message && <p role="status">{message}</p>}
      <div className="report-form-grid">
        {field("template", "template", t.reportTemplate, (id) => (
          <select id={id} value={v.template} onChange={set("template")} {...common("template")}>
            <option value="">{t.reportTemplateDefault(t.reportTemplates[d.template])}</option>
            <option value="state">{t.reportTemplates.state}</option>
            <option value="party">{t.reportTemplates.party}</option>
          </select>
        ))}
        {field("number", "number", t.reportNumber, (id) => <input id={id} inputMode="numeric" maxLength={10} value={v.number} placeholder={`…${draft.template === "party" ? "-" : "/"}${d.symbolSuffix}`} onChange={set("number")} {...common("number")} />)}
        {field("title", "title", t.reportSubject, (id) => <textarea id={id} rows={2} maxLength={500} value={v.title} placeholder={d.title} onChange={set("title")} {...common("title")} />)}
        {field("header", "header", t.reportHeader, (id) => <textarea id={id} rows={2} maxLength={200} value={v.header} placeholder={d.header} onChange={set("header")} {...common("header")} />)}
        {field("recipients", "recipients", t.reportRecipients, (id) => <textarea id={id} rows={5} value={v.recipients} placeholder={d.recipients.join("\n")} onChange={set("recipients")} {...common("recipients")} />)}
        {field("signerTitle", "signer_title", t.reportSignerTitle, (id) => <input id={id} maxLength={100} value={v.signerTitle} placeholder={d.authority.at(-1)} onChange={set("signerTitle")} {...common("signer_title")} />)}
        {field("signerName", "signer_name", t.reportSignerName, (id) => <input id={id} maxLength={100} value={v.signerName} onChange={set("signerName")} {...common("signer_name")} />)}
      </div>
      {editable && (
        <p>
          <button onClick={() => void save(toForm(v))}>{t.reportFormSave}</button>{" "}
          <button className="secondary" onClick={() => { setV(fromForm({})); void save({}); }}>{t.reportFormReset}</button>
        </p>
      )}
    </section>
  );
}
