/**
 * The reports owed upward an imported document asks for, as proposed from its text (import review): the
 * reviewer confirms each (with the body that reports), and publishing records the confirmed ones.
 */
import type { UpwardProposal } from "../../../src/reporting/upward-extraction";
import type { Agency } from "../api";
import { AgencySelect } from "../components/DraftEditors";
import { formatDate } from "../format";
import { useLanguage } from "../i18n";
import "./upward.css";

export function UpwardProposals({ proposals, registry, editable, onChange, onSelect }: {
  proposals: UpwardProposal[]; registry: Agency[]; editable: boolean; onChange(next: UpwardProposal[]): void; onSelect(span: { start: number; end: number }): void;
}) {
  const { t } = useLanguage();
  if (!proposals.length) return null;
  const set = (i: number, patch: Partial<UpwardProposal>) => onChange(proposals.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <section className="upward-proposals" data-testid="upward-proposals" aria-labelledby="upward-proposals-title">
      <h2 id="upward-proposals-title">{t.upwardProposalsTitle(proposals.length)}</h2>
      <p className="muted">{t.upwardProposalsHint}</p>
      <ul className="upward-cards">
        {proposals.map((p, i) => {
          const when = p.frequency === "once" ? formatDate(p.dueOn) : `${t.upwardFrequencies[p.frequency]} (${t.upwardRule(p.frequency, p.dueDay, p.dueMonthOffset)})`;
          return (
            <li key={i} className={`upward-card ${p.confirmed ? "done" : "soon"}`} data-proposal={i}>
              <div className="upward-main upward-form">
                <label className="check"><input type="checkbox" checked={p.confirmed} disabled={!editable} onChange={(e) => set(i, { confirmed: e.target.checked })} /> {t.upwardConfirm}</label>
                <label className="wide">{t.upwardTitleField}<input value={p.title} maxLength={500} disabled={!editable} onChange={(e) => set(i, { title: e.target.value })} /></label>
                <div className="row">
                  <label>{t.upwardReporter}{p.reporterText && <span className="muted"> ({t.upwardAsWritten(p.reporterText)})</span>}
                    <AgencySelect label={t.upwardReporter} value={p.reporterId} registry={registry} disabled={!editable} noneLabel={t.upwardNoneChosen} onChange={(reporterId) => set(i, { reporterId })} />
                  </label>
                  <label>{t.upwardRecipientAgency} <span className="muted">({t.upwardAsWritten(p.recipientText)})</span>
                    <AgencySelect label={t.upwardRecipientAgency} value={p.recipientId} registry={registry} disabled={!editable} noneLabel={t.upwardNoneChosen} onChange={(recipientId) => set(i, { recipientId })} />
                  </label>
                </div>
                <div>{t.dueOn}: <strong>{when}</strong>{p.deadlineText && <span className="muted"> · “{p.deadlineText}”</span>}</div>
                {p.confirmed && !p.reporterId && <p className="field-error" role="alert">{t.upwardReporterRequired}</p>}
              </div>
              <div className="actions"><button type="button" className="secondary" onClick={() => onSelect({ start: p.start, end: p.end })}>{t.upwardSeeInText}</button></div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
