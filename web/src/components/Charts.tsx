/**
 * Charts drawn with Chart.js (canvas; only the parts used are registered, to keep the bundle small).
 */
import { useEffect, useRef } from "react";
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from "chart.js";
import { formatNumber, formatTick } from "../format";

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, BarController, BarElement, Legend, Tooltip);

/** Value ticks in Vietnamese, with the decimals the axis's step needs (Chart.js computes ticks in floating point). */
const valueTicks = { callback: (v: number | string, _i: number, ticks: { value: number }[]) => formatTick(Number(v), ticks.length > 1 ? Math.abs(ticks[1].value - ticks[0].value) : 0) };

function useChart(make: (canvas: HTMLCanvasElement) => Chart, deps: unknown[]) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = make(ref.current);
    return () => chart.destroy();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return ref;
}

export interface TrendProps {
  label: string;
  series: { year: number; value: number; kind: string }[];
  target: number | null;
  targetYear: number | null;
  /** A yearly average over a period (see Dashboard["indicators"]). */
  average?: { from: number; required: number | null; remainingFrom: number | null } | null;
  words: { values: string; path: string; target: string; averageSoFar: string; needed: string };
}

/**
 * An indicator's trend: its values by year and its target; for a level, the straight path from the
 * first value to the target; for a yearly average over a period, the average so far year by year and
 * the rate the remaining years must average for the period to meet the target.
 */
export function TrendChart({ label, series, target, targetYear, average, words }: TrendProps) {
  const first = series[0];
  const lastYear = Math.max(targetYear ?? 0, ...series.map((s) => s.year));
  const years = first ? Array.from({ length: lastYear - first.year + 1 }, (_, i) => first.year + i) : [];
  const valueOf = (y: number) => series.find((s) => s.year === y)?.value ?? null;
  const guides = average ? [
    { label: words.averageSoFar, borderColor: "#6a8fbf", borderDash: [2, 3], pointRadius: 2, data: years.map((y) => {
      const seen = series.filter((s) => s.year >= average.from && s.year <= y);
      return seen.length && valueOf(y) !== null ? seen.reduce((sum, s) => sum + s.value, 0) / seen.length : null;
    }), spanGaps: true },
    ...(average.required !== null && average.remainingFrom !== null ? [{
      label: words.needed, borderColor: "#b42318", borderDash: [6, 4], pointRadius: 0,
      data: years.map((y) => (y >= average.remainingFrom! ? average.required : null)),
    }] : []),
  ] : target !== null && first && targetYear ? [{
    label: words.path, borderColor: "#8a9bb4", borderDash: [6, 4], pointRadius: 0,
    data: years.map((y) => first.value + ((target - first.value) * (y - first.year)) / Math.max(1, targetYear - first.year)),
  }] : [];
  const ref = useChart((canvas) => new Chart(canvas, {
    type: "line",
    data: {
      labels: years.map(String),
      datasets: [
        { label: words.values, data: years.map(valueOf), borderColor: "#0b3d73", backgroundColor: "#0b3d73", spanGaps: true },
        ...guides,
        ...(target !== null ? [{ label: words.target, borderColor: "#1e7b34", borderWidth: 1, pointRadius: 0, data: years.map(() => target) }] : []),
      ],
    },
    options: {
      responsive: true, maintainAspectRatio: false, animation: false,
      // A reported value is shown as reported; the guides are computed (averages, a path), shown to 2 decimals.
      plugins: { legend: { position: "bottom", labels: { boxWidth: 12 } }, tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${formatNumber(c.parsed.y, c.datasetIndex === 0 ? undefined : 2)}` } } },
      scales: { y: { ticks: valueTicks } },
    },
  }), [JSON.stringify(series), JSON.stringify(average), target, targetYear, label]);
  return <div className="chart" role="img" aria-label={label}><canvas ref={ref} /></div>;
}

/** Horizontal bars: one bar per label. */
export function BarChart({ label, labels, values, colors }: { label: string; labels: string[]; values: number[]; colors: string[] }) {
  const ref = useChart((canvas) => new Chart(canvas, {
    type: "bar",
    data: { labels, datasets: [{ label, data: values, backgroundColor: colors }] },
    options: { indexAxis: "y", responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { display: false } }, scales: { x: { ticks: valueTicks } } },
  }), [JSON.stringify(values), JSON.stringify(labels), label]);
  return <div className="chart bars" role="img" aria-label={label}><canvas ref={ref} /></div>;
}

export interface Series { label: string; values: (number | null)[]; color: string; dashed?: boolean }

/**
 * Several series over the same labels: bars side by side (amounts by year) or lines (shares by date, gaps
 * bridged). `unit` follows each value in the tooltip ("tỷ đồng", "%"). The canvas is an image named by
 * `label`; the page gives its figures as a table too.
 */
export function SeriesChart({ label, kind, labels, series, unit, max }: { label: string; kind: "bar" | "line"; labels: string[]; series: Series[]; unit: string; max?: number }) {
  const ref = useChart((canvas) => new Chart(canvas, {
    type: kind,
    data: {
      labels,
      datasets: series.map((s) => ({
        label: s.label, data: s.values, borderColor: s.color, backgroundColor: s.color, spanGaps: true,
        ...(s.dashed ? { borderDash: [6, 4] } : {}), ...(kind === "line" ? { pointRadius: 3 } : {}),
      })),
    },
    options: {
      responsive: true, maintainAspectRatio: false, animation: false,
      plugins: {
        legend: { position: "bottom", labels: { boxWidth: 12 } },
        tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${formatNumber(c.parsed.y, unit === "%" ? 2 : undefined)}${unit === "%" ? "%" : ` ${unit}`}` } },
      },
      scales: { y: { beginAtZero: true, ...(max !== undefined ? { suggestedMax: max } : {}), ticks: valueTicks } },
    },
  }), [kind, JSON.stringify(labels), JSON.stringify(series), unit, max, label]);
  return <div className="chart" role="img" aria-label={label}><canvas ref={ref} /></div>;
}
