/**
 * The import review's tab of documents owed (issue 15): the obligations of the plans the draft implements that it
 * may meet, each ticked when publishing will meet it (the only one of its plan that fits, unless the reviewer
 * unticks it) or to tick (several fit: the reviewer says which). The answers are saved with the draft.
 */
import type { Draft, ImportDetail } from "../api";
import { DOCUMENT_TYPE_LABELS } from "../../../src/documents/labels";
import { formatDate } from "../format";
import { obligationState } from "../../../src/plans/obligations-derive";
import { useLanguage } from "../i18n";
import { obligationWords } from "./i18n";
import "./obligations.css";

export function ImportObligations({ detail, draft, editable, onChange }: { detail: ImportDetail; draft: Draft; editable: boolean; onChange(draft: Draft): void }) {
  const { lang } = useLanguage();
  const w = obligationWords(lang);
  const answers = draft.obligations ?? [];
  const meets = (id: number, automatic: boolean, met: boolean) => met || (answers.find((a) => a.id === id)?.meet ?? automatic);
  // Whether it would be on time or late, by the draft's own date (none read yet: not said).
  const issuedOn = draft.document.issuedOn ?? undefined;
  const timeliness = (dueOn: string | null) => {
    const { state, daysLate } = obligationState(dueOn, issuedOn ?? null, issuedOn ?? "");
    return state === "issued_late" ? w.wouldBeLate(daysLate) : w.wouldBeOnTime;
  };
  const answer = (id: number, meet: boolean) => onChange({ ...draft, obligations: [...answers.filter((a) => a.id !== id), { id, meet }] });
  return (
    <div className="review-obligations" data-testid="review-obligations">
      <p className="muted">{w.reviewHint}</p>
      <ul>
        {detail.obligations.map((c) => {
          const asked = c.outputText ?? DOCUMENT_TYPE_LABELS[c.docType][lang];
          return (
            <li key={c.obligationId} data-obligation={c.obligationId}>
              <label className="check">
                <input type="checkbox" checked={meets(c.obligationId, c.automatic, c.met)} disabled={!editable || c.met}
                  aria-label={w.meetsLabel(c.agencyName, asked)} onChange={(e) => answer(c.obligationId, e.target.checked)} />
                <span>
                  <strong>{c.agencyName}</strong> <span className="what">{asked}</span>
                  <span className="source-text">
                    {w.underTask(c.planSymbol ?? w.noSymbol, c.section)}{c.dueOn ? ` · ${w.wouldBe(formatDate(c.dueOn))}` : ""}
                    {issuedOn !== undefined && ` · ${timeliness(c.dueOn)}`}
                  </span>
                  <span className={`tag ${c.met || c.automatic ? "ok" : "warn"}`}>{c.met ? w.alreadyMet : c.automatic ? w.automatic : w.toConfirm}</span>
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
