/**
 * A key project: its facts, the plans that carry it and the documents that name it, its evaluation with the
 * reason for each aspect, its history drawn (capital by year, shares done over time, each chart's figures
 * also as a table) and every dated figure with its source.
 */
import { Fragment } from "react";
import { Link, useParams } from "react-router";
import { useApi, type ProjectDetail } from "../api";
import { SeriesChart } from "../components/Charts";
import { LoadState } from "../components/Status";
import { TableScroll } from "../components/TableScroll";
import { formatDate, formatNumber, formatOf, formatShare } from "../format";
import { useLanguage } from "../i18n";
import { useSession } from "../session";
import { capitalByYear, sharesOverTime } from "./history";
import { StateLight } from "./parts";

const ASPECTS = ["disbursement", "clearance", "length", "progress"] as const;

export function ProjectPage() {
  const { id } = useParams();
  const { t, lang } = useLanguage();
  const { can } = useSession();
  const loaded = useApi<ProjectDetail>(`/api/projects/${id}`);
  if (!loaded.data) return <LoadState loading={loaded.loading} error={loaded.error} final={loaded.final} retrying={loaded.retrying} onRetry={loaded.reload} />;
  const p = loaded.data;
  const words = (w: { vi: string; en: string }) => (lang === "en" ? w.en : w.vi);
  /** A source with no number yet is named by the start of its title (the documents naming the project hold it). */
  const shortTitle = (documentId: number) => {
    const title = p.documents.find((d) => d.id === documentId)?.title;
    return !title ? t.noSymbol : title.length > 60 ? `${title.slice(0, 60)}…` : title;
  };
  const amount = (x: number | null, unit: string) => (x === null ? null : `${formatNumber(x)} ${unit}`);
  const facts: [string, string | null][] = [
    [t.factInvestor, p.leadName],
    [t.factLocation, p.location],
    [t.factInvestment, amount(p.investment, t.billion)],
    [t.factCapitalSources, p.capitalSources],
    [t.factArea, amount(p.areaHa, "ha")],
    [t.factLength, amount(p.lengthKm, "km")],
    [t.factStart, formatDate(p.startsOn) || null],
    [t.factClearanceDue, formatDate(p.clearanceDueOn) || null],
    [t.factCompletion, formatDate(p.completesOn) || null],
    [t.factDescription, p.description],
  ];
  return (
    <section className="project">
      {can("plans.read") && <p><Link to="/dashboard">{t.backToDashboard}</Link></p>}
      <h1>{p.name}</h1>
      <p className="project-state"><StateLight state={p.evaluation.state} />{p.evaluation.asOf && <span className="muted">{t.colAsOf} {formatDate(p.evaluation.asOf)}</span>}</p>
      <p className="project-reason">{words(p.evaluation.reason)}</p>

      <h2>{t.projectFacts}</h2>
      <dl className="meta">
        {facts.filter(([, v]) => v).map(([k, v]) => <Fragment key={k}><dt>{k}</dt><dd>{v}</dd></Fragment>)}
      </dl>

      <h2>{t.carriedBy}</h2>
      {p.plans.length === 0 ? <p className="muted">—</p> : (
        <ul className="plain-list">{p.plans.map((d) => <li key={d.id}><Link to={`/documents/${d.id}`}>{d.symbol ?? d.title}</Link>{d.symbol && <span className="muted"> · {d.title}</span>}</li>)}</ul>
      )}
      {p.documents.length > 0 && <>
        <h3>{t.namedBy}</h3>
        <ul className="plain-list project-documents">
          {p.documents.map((d) => (
            <li key={d.id}><Link to={`/documents/${d.id}`}>{d.symbol ?? t.noSymbol}</Link> · {d.title}{d.issuedOn && <span className="muted"> · {formatDate(d.issuedOn)}</span>}
              {" "}<span className="tag">{d.role === "carries" ? t.roleCarries : t.roleReports}</span>
              {d.nameAsWritten && d.nameAsWritten !== p.name && <span className="muted"> · {t.asWritten(d.nameAsWritten)}</span>}</li>
          ))}
        </ul>
      </>}

      <h2>{t.evaluationTitle}</h2>
      <table className="documents aspects-table">
        <caption className="visually-hidden">{t.evaluationTitle}</caption>
        <tbody>
          {ASPECTS.map((k) => {
            const a = p.evaluation[k];
            return (
              <tr key={k} data-aspect={k}>
                <th scope="row">{t.aspects[k]}</th>
                <td>{a ? <StateLight state={a.state} /> : <StateLight state="no_data" />}</td>
                <td className="reason">{a ? words(a.reason) : ""}</td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <History project={p} />

      <h2 id="figures-title">{t.figuresTitle}</h2>
      {p.metrics.length === 0 ? <p className="muted">{t.noFigures}</p> : (
        <TableScroll label={t.figuresTitle}>
        <table className="documents figures-table">
          <caption className="visually-hidden">{t.figuresCaption(p.metrics.length)}</caption>
          <thead><tr><th scope="col">{t.colFigureDate}</th><th scope="col">{t.colFigure}</th><th scope="col">{t.colFigureValue}</th><th scope="col">{t.colCapitalYear}</th><th scope="col">{t.colSource}</th></tr></thead>
          <tbody>
            {p.metrics.map((m) => (
              <tr key={m.id} data-metric={m.id}>
                <td className="nowrap">{formatDate(m.asOf) || "—"}</td>
                <td>{m.label}{m.measure && <span className="tag">{t.measures[m.measure]}</span>}</td>
                <td className="num nowrap">{formatOf(m.value, m.of, m.unit)}</td>
                <td className="num">{m.year ?? ""}</td>
                <td className="source">{m.sourceDocumentId !== null && <Link to={`/documents/${m.sourceDocumentId}`}>{m.sourceSymbol ?? shortTitle(m.sourceDocumentId)}</Link>}
                  {m.sourceDocumentId !== null && m.agencyName && " · "}{m.agencyName && t.reportedBy(m.agencyName)}
                  {m.sourceDocumentId === null && !m.agencyName && "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}
    </section>
  );
}

/** The latest year's disbursement line in the darkest green, earlier years lighter. */
const EARLIER_YEARS = ["#1e7b34", "#6fae7e", "#a7cfb1"];
const COLORS = { planned: "#8a9bb4", allocated: "#0b3d73", disbursed: "#1e7b34", clearance: "#c27c0e", length: "#6a3d9a", progress: "#0b57a4" };

/** The history charts, each with its figures as a table (what a screen reader reads, and anyone may open). */
function History({ project }: { project: ProjectDetail }) {
  const { t } = useLanguage();
  const capital = capitalByYear(project.metrics);
  const shares = sharesOverTime(project.metrics, project);
  const capitalSeries = [
    { label: t.seriesPlanned, values: capital.planned, color: COLORS.planned },
    { label: t.seriesAllocated, values: capital.allocated, color: COLORS.allocated },
    { label: t.seriesDisbursed, values: capital.disbursed, color: COLORS.disbursed },
  ].filter((s) => s.values.some((v) => v !== null));
  const shareSeries = [
    // A year's disbursement is a share of that year's capital: one line per year, not one running across them.
    ...shares.disbursedByYear.map((y, i, all) => ({ label: `${t.seriesDisbursedShare} ${y.year}`, values: y.values, color: EARLIER_YEARS[all.length - 1 - i] ?? EARLIER_YEARS.at(-1)!, dashed: true })),
    { label: t.seriesClearance, values: shares.clearance, color: COLORS.clearance },
    { label: t.seriesLength, values: shares.length, color: COLORS.length },
    { label: t.seriesProgress, values: shares.progress, color: COLORS.progress },
  ].filter((s) => s.values.some((v) => v !== null));
  const dates = shares.dates.map(formatDate);
  if (!capitalSeries.length && !shareSeries.length) return <><h2>{t.historyTitle}</h2><p className="muted">{t.noHistory}</p></>;
  return (
    <>
      <h2>{t.historyTitle}</h2>
      <div className="trend-grid history-grid">
        {capitalSeries.length > 0 && (
          <figure className="trend" data-chart="capital">
            <figcaption>{t.chartCapital}</figcaption>
            <SeriesChart kind="bar" label={t.chartCapital} labels={capital.years.map(String)} series={capitalSeries} unit={t.billion} />
            <ChartTable caption={t.chartCapital} head={t.colYear} labels={capital.years.map(String)} series={capitalSeries} format={(v) => formatNumber(v)} />
          </figure>
        )}
        {shareSeries.length > 0 && (
          <figure className="trend" data-chart="shares">
            <figcaption>{t.chartShares}</figcaption>
            <SeriesChart kind="line" label={t.chartShares} labels={dates} series={shareSeries} unit="%" max={100} />
            <ChartTable caption={t.chartShares} head={t.colOnDate} labels={dates} series={shareSeries} format={formatShare} />
          </figure>
        )}
      </div>
    </>
  );
}

function ChartTable({ caption, head, labels, series, format }: { caption: string; head: string; labels: string[]; series: { label: string; values: (number | null)[] }[]; format(v: number): string }) {
  const { t } = useLanguage();
  return (
    <details className="chart-table">
      <summary>{t.chartTable}</summary>
      <TableScroll label={caption}>
        <table className="documents">
          <caption className="visually-hidden">{caption}</caption>
          <thead><tr><th scope="col">{head}</th>{series.map((s) => <th key={s.label} scope="col">{s.label}</th>)}</tr></thead>
          <tbody>
            {labels.map((l, i) => <tr key={l}><th scope="row">{l}</th>{series.map((s) => <td key={s.label} className="num">{s.values[i] === null ? "—" : format(s.values[i]!)}</td>)}</tr>)}
          </tbody>
        </table>
      </TableScroll>
    </details>
  );
}
