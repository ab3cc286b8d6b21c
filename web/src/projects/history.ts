/**
 * A project's figures as series over time, for its history chart and the table beside it: capital planned,
 * allocated and disbursed by year (the latest figure of each year), and the shares done by date (site
 * handed over, length, work done, disbursed of the year's allocated capital). Pure.
 */
import { figureOf, latestOf, yearOf, type ProjectFigure } from "../../../src/evaluation/projects";
import type { ProjectDetail } from "../api";

type Metric = ProjectDetail["metrics"][number];

const percent = (value: number, of: number | null | undefined) => (of ? (value / of) * 100 : null);

export interface CapitalByYear { years: number[]; planned: (number | null)[]; allocated: (number | null)[]; disbursed: (number | null)[] }

/** Each capital year's latest planned, allocated and disbursed amounts (billion đồng); allocated, when not given, is what a disbursement was "of". */
export function capitalByYear(metrics: Metric[]): CapitalByYear {
  const figures = metrics.map(figureOf).filter((f) => f.measure === "capital_planned" || f.measure === "capital_allocated" || f.measure === "disbursed");
  const years = [...new Set(figures.map(yearOf).filter((y): y is number => y !== null))].sort((a, b) => a - b);
  const at = (measure: "capital_planned" | "capital_allocated" | "disbursed", year: number) => latestOf(figures, measure, year)[0] ?? null;
  return {
    years,
    planned: years.map((y) => at("capital_planned", y)?.value ?? null),
    allocated: years.map((y) => at("capital_allocated", y)?.value ?? at("disbursed", y)?.of ?? null),
    disbursed: years.map((y) => at("disbursed", y)?.value ?? null),
  };
}

export interface SharesOverTime {
  dates: string[]; clearance: (number | null)[]; length: (number | null)[]; progress: (number | null)[];
  /** Disbursed of the year's allocated capital, a series per capital year (each starts afresh). */
  disbursedByYear: { year: number; values: (number | null)[] }[];
}

/** The share done of each measure on each date a figure gives (%), from the figure's own total or the project's. */
export function sharesOverTime(metrics: Metric[], facts: { areaHa: number | null; lengthKm: number | null }): SharesOverTime {
  const figures = metrics.map(figureOf).filter((f) => f.asOf !== null);
  const dates = [...new Set(figures.filter((f) => f.measure === "clearance" || f.measure === "length" || f.measure === "progress" || f.measure === "disbursed").map((f) => f.asOf!))].sort();
  const on = (measure: "clearance" | "length" | "progress" | "disbursed", date: string, year?: number) => latestOf(figures.filter((f) => f.asOf === date), measure, year)[0] ?? null;
  const allocatedFor = (f: ProjectFigure) => {
    const year = yearOf(f);
    return f.of ?? (year === null ? null : latestOf(figures.filter((x) => x.asOf! <= f.asOf!), "capital_allocated", year)[0]?.value ?? null);
  };
  const share = (f: ProjectFigure | null, total: (f: ProjectFigure) => number | null) => (f ? percent(f.value, total(f)) : null);
  return {
    dates,
    clearance: dates.map((d) => share(on("clearance", d), (f) => f.of ?? facts.areaHa)),
    length: dates.map((d) => share(on("length", d), (f) => f.of ?? facts.lengthKm)),
    progress: dates.map((d) => on("progress", d)?.value ?? null),
    disbursedByYear: [...new Set(figures.filter((f) => f.measure === "disbursed").map(yearOf).filter((y): y is number => y !== null))].sort((a, b) => a - b)
      .map((year) => ({ year, values: dates.map((d) => share(on("disbursed", d, year), allocatedFor)) })),
  };
}
