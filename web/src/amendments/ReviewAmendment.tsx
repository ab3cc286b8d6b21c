/**
 * The import review of an amending document (issue 15): the document it amends, replaces or repeals, the day its
 * changes take effect, and each change with the target or task of that document it applies to (proposed by name;
 * the reviewer confirms or picks another, or none). Saved with the draft; applied on publishing.
 */
import type { Draft } from "../api";
import { LINK_KIND_LABELS } from "../../../src/documents/labels";
import { Link } from "react-router";
import { formatDate } from "../format";
import { useLanguage } from "../i18n";
import { amendmentWords } from "./i18n";
import "./amendments.css";

type Amendment = NonNullable<Draft["amendment"]>;

export function ReviewAmendment({ amendment, editable, onSelect, onChange }: {
  amendment: Draft["amendment"]; editable: boolean; onSelect(span: { start: number | null; end: number | null }): void; onChange(a: Amendment): void;
}) {
  const { lang } = useLanguage();
  const w = amendmentWords(lang);
  if (!amendment) return null;
  const a = amendment;
  const shownDate = (d: string | null) => (d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? formatDate(d) : d ?? "");
  const choose = (n: number, value: string) => {
    const [kind, id] = value ? value.split(":") : [null, null];
    onChange({ ...a, changes: a.changes.map((c, k) => (k === n ? { ...c, matchKind: kind as "indicator" | "task" | null, matchId: id ? Number(id) : null } : c)) });
  };
  return (
    <section className="review-amendment" aria-labelledby="amendment-title" data-testid="review-amendment">
      <h2 id="amendment-title">{w.reviewTitle(LINK_KIND_LABELS[a.kind].out[lang], "")}
        {a.targetId ? <Link to={`/documents/${a.targetId}`}>{a.symbol}</Link> : a.symbol}</h2>
      <p className="muted">{w.reviewHint}</p>
      {!a.targetId && <p className="warning">{w.amendedMissing}</p>}
      <label>{w.inForceFrom}
        <input value={shownDate(a.inForceFrom)} disabled={!editable} inputMode="numeric" placeholder="01/07/2025"
          onChange={(e) => onChange({ ...a, inForceFrom: e.target.value || null })} />
      </label>
      <ul>
        {a.changes.map((c, n) => (
          <li key={n} data-change={n}>
            <button type="button" className="link" onClick={() => onSelect({ start: c.start, end: c.end })}>{w.change} {n + 1}</button>{" "}
            <span className="item-text">{c.text.replace(/^\s*\d+[.)]\s*/, "")}</span>
            <label>{w.appliesTo}
              <select value={c.matchKind && c.matchId ? `${c.matchKind}:${c.matchId}` : ""} disabled={!editable} onChange={(e) => choose(n, e.target.value)}>
                <option value="">{w.notApplied}</option>
                {c.candidates.map((o) => (
                  <option key={`${o.kind}:${o.id}`} value={`${o.kind}:${o.id}`}>
                    {o.kind === "indicator" ? w.target : w.tasks}: {o.name.length > 90 ? `${o.name.slice(0, 90)}…` : o.name} ({w.similarity(o.similarity)})
                  </option>
                ))}
              </select>
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}
