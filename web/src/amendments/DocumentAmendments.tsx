/**
 * On a document's page (issue 15): the open flags raised because a document it implements was amended, replaced
 * or repealed, each with what changed and, for the focal point, a button to mark it reviewed; and the history of
 * its changed targets and tasks, every version with the day it took effect and the document that set it. Shows
 * nothing when there is neither.
 */
import { useState } from "react";
import { Link } from "react-router";
import type { DocumentFlag } from "../../../src/plans/amendment-flags";
import type { VersionHistory } from "../../../src/plans/amendments";
import { ApiError, sendJson, useApi } from "../api";
import { formatDate, formatTarget } from "../format";
import { useLanguage } from "../i18n";
import { useSession } from "../session";
import { versionInForce } from "../../../src/plans/versions";
import { amendmentWords } from "./i18n";
import { VersionForms } from "./VersionForms";
import "./amendments.css";

/** `onChanged`: a version was added by hand (the item's own columns may have changed). */
export function DocumentAmendments({ documentId, onChanged }: { documentId: number; onChanged?(): void }) {
  const { t, lang } = useLanguage();
  const w = amendmentWords(lang);
  const { can } = useSession();
  const flags = useApi<DocumentFlag[]>(`/api/documents/${documentId}/flags`);
  const history = useApi<VersionHistory>(`/api/documents/${documentId}/versions`);
  const [problem, setProblem] = useState<string | null>(null);
  const today = new Date().toISOString().slice(0, 10);

  const resolve = async (id: number) => {
    setProblem(null);
    try {
      await sendJson("POST", `/api/document-flags/${id}/resolve?lang=${lang}`, {});
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : String(e));
    }
    flags.reload();
  };
  const changed = history.data && (history.data.indicators.length > 0 || history.data.tasks.length > 0);
  const manage = can("plans.write");

  return (
    <>
      {!!flags.data?.length && (
        <section className="document-flags" aria-labelledby="flags-title" data-testid="document-flags">
          <h2 id="flags-title">{w.flagsTitle} ({flags.data.length})</h2>
          <p className="muted">{w.flagsHint}</p>
          {problem && <p className="error" role="alert">{problem}</p>}
          <ul>{flags.data.map((f) => (
            <li key={f.id}>
              <Link to={`/documents/${f.changeId}`}>{f.changeSymbol ?? f.changeTitle}</Link>
              <span className="muted"> · {w.flaggedOn(formatDate(f.createdAt.slice(0, 10)))}</span>
              {f.note && <span className="note">{f.note}</span>}
              {can("documents.write") && <button type="button" aria-label={w.resolveLabel(f.changeSymbol ?? f.changeTitle)} onClick={() => void resolve(f.id)}>{w.resolve}</button>}
            </li>
          ))}</ul>
        </section>
      )}
      {history.data && (changed || manage) && (
        <section className="version-history" aria-labelledby="history-title" data-testid="version-history">
          <h2 id="history-title">{w.historyTitle}</h2>
          <p className="muted">{w.historyHint}</p>
          {manage && <VersionForms documentId={documentId} onAdded={() => { history.reload(); onChanged?.(); }} />}
          {history.data!.indicators.length > 0 && <h3>{w.indicators}</h3>}
          {history.data!.indicators.map((i) => {
            const now = versionInForce(i.versions, today);
            return (
              <div key={`i${i.id}`}>
                <span className="item-name">{i.name}</span>
                <ol>{i.versions.map((v) => (
                  <li key={v.id} className={v === now ? "current" : undefined}>
                    {w.from(v.inForceFrom && formatDate(v.inForceFrom))}: {formatTarget({ ...v, unit: i.unit }, t.perYear)}{v.targetYear ? ` (${v.targetYear})` : ""}
                    <span className="muted"> · {w.by(v.sourceSymbol)}{v === now ? ` · ${w.inForce}` : ""}</span>
                  </li>
                ))}</ol>
              </div>
            );
          })}
          {history.data!.tasks.length > 0 && <h3>{w.tasks}</h3>}
          {history.data!.tasks.map((task) => {
            const now = versionInForce(task.versions, today);
            return (
              <div key={`t${task.id}`}>
                <span className="item-name">{task.sectionNumber ? `${task.sectionNumber}. ` : ""}{task.text.length > 160 ? `${task.text.slice(0, 160)}…` : task.text}</span>
                <ol>{task.versions.map((v) => (
                  <li key={v.id} className={[v === now ? "current" : "", v.cancelled ? "repealed" : ""].join(" ").trim() || undefined}>
                    {w.from(v.inForceFrom && formatDate(v.inForceFrom))}: {v.cancelled ? w.repealed : v.deadlineText ? `${w.deadline} ${v.deadlineText}` : w.noDeadline}
                    <span className="muted"> · {w.by(v.sourceSymbol)}{v === now ? ` · ${w.inForce}` : ""}</span>
                  </li>
                ))}</ol>
              </div>
            );
          })}
        </section>
      )}
    </>
  );
}
