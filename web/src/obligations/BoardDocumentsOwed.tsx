/** On the round's board, under an agency's row: the documents it still has to issue under the round's plans (issue 15), overdue first. */
import type { OwedDocument } from "../../../src/plans/obligation-queries";
import { DOCUMENT_TYPE_LABELS } from "../../../src/documents/labels";
import { formatDate } from "../format";
import { useLanguage } from "../i18n";
import { obligationWords } from "./i18n";
import "./obligations.css";

export function BoardDocumentsOwed({ owed, agencyId }: { owed: OwedDocument[]; agencyId: number }) {
  const { lang } = useLanguage();
  const w = obligationWords(lang);
  if (!owed.length) return null;
  const overdue = owed.some((d) => d.state === "overdue");
  return (
    <details className="board-documents" data-testid="documents-owed">
      <summary>{overdue ? <span className="late">{w.documentsOwed(owed.length)}</span> : w.documentsOwed(owed.length)}</summary>
      <ul>
        {owed.map((d) => (
          <li key={d.obligationId}>
            {d.outputText ?? DOCUMENT_TYPE_LABELS[d.docType][lang]}
            <span className="muted"> — {w.underTask(d.planSymbol ?? w.noSymbol, d.section)}</span>
            {d.dueOn && <span className="muted"> · {w.colDue.toLowerCase()} {formatDate(d.dueOn)}</span>}
            {d.state === "overdue" && <span className="late"> · {w.daysOverdue(d.daysLate)}</span>}
            {d.agency.id !== agencyId && <span className="muted"> {w.ofAgency(d.agency.name)}</span>}
          </li>
        ))}
      </ul>
    </details>
  );
}
