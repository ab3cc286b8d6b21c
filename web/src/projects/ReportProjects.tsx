/**
 * The key-projects part of an agency's report form: for each project it carries out, its facts and the last
 * recorded figures, the figures of the round's year (capital allocated and disbursed, site handed over,
 * length built, work done), what happened, and the cause when the project is behind (asked as soon as the
 * figures saved judge it so). The form (ReportPage) owns the values, their saving and the gaps; this draws them.
 */
import type { ReactNode } from "react";
import type { ProjectFormItem } from "../api";
import { PROJECT_NUMBERS, projectGaps as sharedProjectGaps, type ProjectReportValues } from "../../../src/reporting/gaps";
import { controlId } from "../components/fields";
import { formatDate, formatNumber, formatOf } from "../format";
import { useLanguage } from "../i18n";
import { StateLight } from "./parts";

export type ProjectReport = ProjectReportValues;
type NumberKey = (typeof PROJECT_NUMBERS)[number];
export const PERCENT = { min: 0, max: 100 };
export const AMOUNT = { min: 0, max: Number.MAX_VALUE };

/** The values of the form's projects, from the server's answer. */
export const projectValues = (items: ProjectFormItem[]) => new Map<number, ProjectReport>(items.map((p) => [p.id, {
  allocated: p.report?.allocated ?? null, disbursed: p.report?.disbursed ?? null, clearedHa: p.report?.clearedHa ?? null,
  builtKm: p.report?.builtKm ?? null, progress: p.report?.progress ?? null, narrative: p.report?.narrative ?? "", explanation: p.report?.explanation ?? "",
}]));

const needsCause = (p: ProjectFormItem) => p.evaluation.state === "behind" || p.evaluation.state === "stalled";

/** What the projects still lack before the report is sent, by the server's own rule (gaps.ts), on the values typed here. */
export const projectGaps = (items: ProjectFormItem[], values: Map<number, ProjectReport>) =>
  sharedProjectGaps(items, (id) => values.get(id)).map((g) => ({ field: g.field, key: g.key, name: g.project }));

/** The label of a project's field ("projects.12.disbursed"), for messages about it. */
export function useProjectFieldLabel(year: number) {
  const { t } = useLanguage();
  const labels: Record<string, string> = {
    allocated: t.fieldAllocated(year), disbursed: t.fieldDisbursed, clearedHa: t.fieldClearedHa, builtKm: t.fieldBuiltKm, progress: t.fieldProgress,
    narrative: t.fieldNarrative, explanation: t.fieldExplanation,
  };
  return (key: string) => labels[key] ?? key;
}

export function ReportProjects({ items, values, year, editable, onChange, numberField, problemOf, commentBox }: {
  items: ProjectFormItem[]; values: Map<number, ProjectReport>; year: number; editable: boolean;
  onChange(id: number, patch: ProjectReport): void;
  /** A number control for `field` (its id from the field), reading what is typed and saving it with `apply`. */
  numberField(field: string, label: string, value: number | null, range: { min: number; max: number }, apply: (value: number | null) => void): ReactNode;
  problemOf(field: string): string | undefined;
  /** The reviewer's comment box for an item, when the report is being reviewed. */
  commentBox(key: string): ReactNode;
}) {
  const { t, lang } = useLanguage();
  const labelOf = useProjectFieldLabel(year);
  if (!items.length) return null;
  return (
    <>
      <h2>{t.projectsSection}</h2>
      <p className="muted">{t.projectsSectionHint(year)}</p>
      <ol className="report-projects">
        {items.map((p) => {
          const v = values.get(p.id) ?? {};
          const field = (k: string) => `projects.${p.id}.${k}`;
          const cause = needsCause(p);
          const facts = [
            p.location && `${t.factLocation}: ${p.location}`,
            p.investment !== null && `${t.factInvestment}: ${formatNumber(p.investment)} ${t.billion}`,
            p.areaHa !== null && `${t.factArea}: ${formatNumber(p.areaHa)} ha`,
            p.lengthKm !== null && `${t.factLength}: ${formatNumber(p.lengthKm)} km`,
            p.startsOn && `${t.factStart}: ${formatDate(p.startsOn)}`,
            p.clearanceDueOn && `${t.factClearanceDue}: ${formatDate(p.clearanceDueOn)}`,
            p.completesOn && `${t.factCompletion}: ${formatDate(p.completesOn)}`,
          ].filter(Boolean);
          const l = p.last;
          const last = [
            l.allocated !== null && `${t.seriesAllocated} ${formatNumber(l.allocated)} ${t.billion}`,
            l.disbursed !== null && `${t.seriesDisbursed} ${formatNumber(l.disbursed)} ${t.billion}`,
            l.clearedHa !== null && `${t.seriesClearance} ${formatOf(l.clearedHa, p.areaHa, "ha")}`,
            l.builtKm !== null && `${t.seriesLength} ${formatOf(l.builtKm, p.lengthKm, "km")}`,
            l.progress !== null && `${t.seriesProgress} ${formatOf(l.progress, null, "%")}`,
          ].filter(Boolean);
          const number = (k: NumberKey) => numberField(field(k), labelOf(k), v[k] ?? null, k === "progress" ? PERCENT : AMOUNT, (value) => onChange(p.id, { [k]: value }));
          const explanationProblem = problemOf(field("explanation"));
          return (
            <li key={p.id} data-project={p.id}>
              <h3 className="project-name">{p.name}</h3>
              {facts.length > 0 && <p className="facts muted">{facts.join(" · ")}</p>}
              <p className="last-figures">{last.length ? <><strong>{t.lastFigures(l.asOf ? formatDate(l.asOf) : null)}:</strong> {last.join("; ")}</> : <span className="muted">{t.noLastFigures}</span>}</p>
              <div className="numbers">{PROJECT_NUMBERS.map((k) => <div key={k}>{number(k)}</div>)}</div>
              <label>{t.fieldNarrative}
                <textarea id={controlId(field("narrative"))} rows={3} disabled={!editable} value={v.narrative ?? ""} onChange={(e) => onChange(p.id, { narrative: e.target.value })} />
              </label>
              <p className="project-evaluation" role="status"><span className="muted">{t.evaluationNow}</span> <StateLight state={p.evaluation.state} /> {lang === "en" ? p.evaluation.reason.en : p.evaluation.reason.vi}</p>
              <label>
                <span>{t.fieldExplanation} <span className={cause ? "required-note" : "muted"}>({cause ? t.explanationRequired : t.explanationWhenBehind})</span></span>
                <textarea id={controlId(field("explanation"))} rows={3} disabled={!editable} value={v.explanation ?? ""} aria-required={cause}
                  aria-invalid={!!explanationProblem} aria-describedby={explanationProblem ? `${controlId(field("explanation"))}-problem` : undefined}
                  onChange={(e) => onChange(p.id, { explanation: e.target.value })} />
              </label>
              {explanationProblem && <span id={`${controlId(field("explanation"))}-problem`} className="field-error">{explanationProblem}</span>}
              {p.reviewComment && <div className="notice warn item-comment"><strong>{t.itemComment}</strong> {p.reviewComment}</div>}
              {commentBox(`project-${p.id}`)}
            </li>
          );
        })}
      </ol>
    </>
  );
}
