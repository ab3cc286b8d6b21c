/**
 * The import review's key projects: each project the document names, with the recorded project it was
 * matched to (by name and location) among the candidates, or none (a new project) — the reviewer confirms or
 * changes it, and picks the investor — and the figures the document gives for it, with their dates.
 */
import { Link } from "react-router";
import type { Agency, Draft } from "../api";
import { AgencySelect } from "../components/DraftEditors";
import { TableScroll } from "../components/TableScroll";
import { formatDate, formatNumber, formatOf } from "../format";
import { useLanguage } from "../i18n";

type ProjectDraft = Draft["projects"][number];
interface Span { start: number | null; end: number | null }

export function DraftProjects({ projects, registry, editable, span, onSelect, onChange }: {
  projects: ProjectDraft[]; registry: Agency[]; editable: boolean; span: Span | null; onSelect(span: Span): void; onChange(projects: ProjectDraft[]): void;
}) {
  const { t } = useLanguage();
  const patch = (i: number, next: Partial<ProjectDraft>) => onChange(projects.map((p, k) => (k === i ? { ...p, ...next } : p)));
  return (
    <>
      <p className="muted">{t.matchHint}</p>
      <ol className="items">
        {projects.map((p, i) => {
          const facts = [
            p.location && `${t.factLocation}: ${p.location}`,
            p.investment !== null && `${t.factInvestment}: ${formatNumber(p.investment)} ${t.billion}`,
            p.areaHa !== null && `${t.factArea}: ${formatNumber(p.areaHa)} ha`,
            p.lengthKm !== null && `${t.factLength}: ${formatNumber(p.lengthKm)} km`,
            (p.startYear || p.completionYear) && `${p.startYear ?? "…"} - ${p.completionYear ?? "…"}`,
          ].filter(Boolean);
          const matchLabel = `${t.matchLabel}: ${p.name}`;
          return (
            <li key={i} className={`item draft-project${span?.start === p.start && span?.end === p.end ? " selected" : ""}`} data-testid="project">
              <div className="item-head" onClick={() => onSelect({ start: p.start, end: p.end })}>
                <strong>{p.name}</strong>
                {facts.length > 0 && <div className="muted">{facts.join(" · ")}</div>}
              </div>
              <div className="owner">{t.factInvestor}:{" "}
                <AgencySelect label={`${t.factInvestor}: ${p.name}`} value={p.leadId} registry={registry} disabled={!editable} onChange={(leadId) => patch(i, { leadId })} />
                {p.lead && !p.leadId && <span className="field-error"> {t.leadAsWritten(p.lead)}</span>}
              </div>
              <div className="match">
                <label>{t.matchLabel}{" "}
                  <select aria-label={matchLabel} value={p.matchId ?? ""} disabled={!editable} onChange={(e) => patch(i, { matchId: e.target.value ? Number(e.target.value) : null })}>
                    <option value="">{t.matchNew}</option>
                    {p.matchId !== null && !p.candidates.some((c) => c.id === p.matchId) && <option value={p.matchId}>#{p.matchId}</option>}
                    {p.candidates.map((c) => <option key={c.id} value={c.id}>{t.matchSimilarity(c.name, formatNumber(c.similarity * 100, 0))}</option>)}
                  </select>
                </label>
                {p.matchId !== null && <Link to={`/projects/${p.matchId}`} target="_blank" rel="noopener">{t.openProject}</Link>}
              </div>
              {p.metrics.length === 0 ? <p className="muted">{t.noDraftFigures}</p> : (
                <TableScroll label={`${t.figuresTitle}: ${p.name}`}>
                  <table className="documents draft-figures">
                    <caption className="visually-hidden">{`${t.figuresTitle}: ${p.name}`}</caption>
                    <thead><tr><th scope="col">{t.colFigure}</th><th scope="col">{t.colFigureValue}</th><th scope="col">{t.colFigureDate}</th><th scope="col">{t.colCapitalYear}</th></tr></thead>
                    <tbody>
                      {p.metrics.map((m, k) => (
                        <tr key={k}>
                          <td>{m.label.length > 160 ? `${m.label.slice(0, 160)}…` : m.label}{m.measure && <span className="tag">{t.measures[m.measure]}</span>}</td>
                          <td className="num nowrap">{formatOf(m.value, m.of, m.unit)}</td>
                          <td className="nowrap">{m.asOf ? formatDate(m.asOf) : <span className="muted">{t.noDate}</span>}</td>
                          <td className="num">{m.year ?? ""}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}
