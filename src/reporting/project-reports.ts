/**
 * The key-projects part of an agency's report: for each project it carries out (see owedByAgency), the
 * figures a round asks of an investor (capital allocated for the round's year and disbursed of it,
 * site cleared, length, physical progress), what happened, and why it is behind when it is. The form
 * shows each project judged with the figures typed; accepting the report records them as the project's
 * figures, dated the day the report was sent and attributed to the agency.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { evaluateProject, figureOf, latestOf, type ProjectFigure, type ProjectState } from "../evaluation/projects.js";
import { metricVisible, projectVisible } from "../plans/projects.js";
import { projectMetrics, projects, type ProjectMeasure } from "../plans/schema.js";
import type { FieldProblem } from "../core/errors.js";
import type { Database } from "../storage/database.js";
import { upsertFields } from "../storage/records.js";
import type { SubmissionSave } from "./inputs.js";
import { projectGaps } from "./gaps.js";
import { formatVietnameseNumber } from "../text/numbers.js";
import { vietnamDate } from "./periods.js";
import type { Owed } from "./rounds.js";
import { submissionProjects, type submissions } from "./schema.js";

type Entry = typeof submissionProjects.$inferSelect;
type ProjectRow = typeof projects.$inferSelect;

export interface ProjectFormItem {
  id: number; name: string; location: string | null; investment: number | null; areaHa: number | null; lengthKm: number | null;
  startsOn: string | null; clearanceDueOn: string | null; completesOn: string | null;
  /** The latest recorded figures, for the reporter to start from. */
  last: { allocated: number | null; disbursed: number | null; clearedHa: number | null; builtKm: number | null; progress: number | null; asOf: string | null };
  report: Omit<Entry, "submissionId" | "projectId"> | null;
  /** The project judged with the figures typed (as of today), or with the recorded ones while none is typed. */
  evaluation: { state: ProjectState; reason: { vi: string; en: string } };
  reviewComment: string | null;
}

/** What the round's year asks of each measure, as labels in the project's history. */
const LABELS: Record<ProjectMeasure, string> = {
  clearance: "Diện tích mặt bằng đã bàn giao", length: "Chiều dài đã bàn giao, thi công", investment: "Tổng mức đầu tư",
  capital_planned: "Kế hoạch vốn năm", capital_allocated: "Vốn bố trí trong năm", disbursed: "Giải ngân lũy kế trong năm", progress: "Khối lượng thực hiện",
};

/** A report's figures as project figures, of `year`'s capital, as of `asOf`. */
export function entryFigures(entry: Omit<Entry, "submissionId" | "projectId" | "narrative" | "explanation">, project: Pick<ProjectRow, "areaHa" | "lengthKm">, year: number, asOf: string) {
  const out: (ProjectFigure & { label: string })[] = [];
  const add = (measure: ProjectMeasure, value: number | null, of: number | null, unit: string, forYear: number | null) => {
    if (value !== null) out.push({ measure, value, of, unit, asOf, year: forYear, label: LABELS[measure] });
  };
  add("capital_allocated", entry.allocated, null, "tỷ đồng", year);
  add("disbursed", entry.disbursed, entry.allocated, "tỷ đồng", year);
  add("clearance", entry.clearedHa, project.areaHa, "ha", null);
  add("length", entry.builtKm, project.lengthKm, "km", null);
  add("progress", entry.progress, null, "%", null);
  return out;
}

const latest = (rows: ProjectFigure[], measure: ProjectMeasure, year?: number) => latestOf(rows, measure, year)[0] ?? null;

/** The projects of the form: those the agency owes, and those its report already holds. */
/** `drafts`: whether the reader may see a project a draft document named, and figures a draft gave (see policy.readsDrafts). */
export async function projectsOfForm(db: Database, owed: Owed, submission: typeof submissions.$inferSelect | null, year: number, today: string, drafts: boolean, comment: (projectId: number) => string | null): Promise<ProjectFormItem[]> {
  const entries = submission ? await db.select().from(submissionProjects).where(eq(submissionProjects.submissionId, submission.id)) : [];
  const ids = [...new Set([...owed.projects, ...entries.map((e) => e.projectId)])];
  if (!ids.length) return [];
  const rows = await db.select().from(projects).where(and(inArray(projects.id, ids), projectVisible(drafts))).orderBy(asc(projects.name), asc(projects.id));
  const metrics = rows.length ? await db.select().from(projectMetrics).where(and(inArray(projectMetrics.projectId, rows.map((r) => r.id)), metricVisible(drafts))) : [];
  return rows.map((p) => {
    const recorded = metrics.filter((m) => m.projectId === p.id).map(figureOf);
    const entry = entries.find((e) => e.projectId === p.id) ?? null;
    const typed = entry ? entryFigures(entry, p, year, today) : [];
    const disbursed = latest(recorded, "disbursed", year);
    const dates = recorded.map((r) => r.asOf).filter((d): d is string => d !== null).sort();
    const { state, reason } = evaluateProject(p, [...recorded, ...typed], today);
    return {
      id: p.id, name: p.name, location: p.location, investment: p.investment, areaHa: p.areaHa, lengthKm: p.lengthKm,
      startsOn: p.startsOn, clearanceDueOn: p.clearanceDueOn, completesOn: p.completesOn,
      last: {
        allocated: latest(recorded, "capital_allocated", year)?.value ?? disbursed?.of ?? null, disbursed: disbursed?.value ?? null,
        clearedHa: latest(recorded, "clearance")?.value ?? null, builtKm: latest(recorded, "length")?.value ?? null,
        progress: latest(recorded, "progress")?.value ?? null, asOf: dates.at(-1) ?? null,
      },
      report: entry && (({ submissionId: _s, projectId: _p, ...rest }) => rest)(entry),
      evaluation: { state, reason },
      reviewComment: comment(p.id),
    };
  });
}

/** Checks and writes the projects part of a draft save. Problems name the item as `projects.N.field`. */
export function projectProblems(input: SubmissionSave["projects"], owed: Owed, facts: Map<number, Pick<ProjectRow, "areaHa" | "lengthKm">>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  input?.forEach((p, i) => {
    if (!owed.projects.has(p.projectId)) { problems.push({ field: `projects.${i}.projectId`, key: "project_not_owed" }); return; }
    if (p.allocated != null && p.disbursed != null && p.disbursed > p.allocated) problems.push({ field: `projects.${i}.disbursed`, key: "disbursed_over_allocated" });
    const area = facts.get(p.projectId)?.areaHa;
    if (p.clearedHa != null && area != null && p.clearedHa > area) problems.push({ field: `projects.${i}.clearedHa`, key: "cleared_over_area", params: { total: formatVietnameseNumber(area) } });
  });
  return problems;
}

export async function projectFacts(db: Database, input: SubmissionSave["projects"]) {
  const ids = [...new Set((input ?? []).map((p) => p.projectId))];
  const rows = ids.length ? await db.select({ id: projects.id, areaHa: projects.areaHa, lengthKm: projects.lengthKm }).from(projects).where(inArray(projects.id, ids)) : [];
  return new Map(rows.map((r) => [r.id, r]));
}

export async function saveProjectEntries(db: Database, submissionId: number, input: SubmissionSave["projects"]) {
  await upsertFields(db, submissionProjects, ["submissionId", "projectId"], (input ?? []).map(({ projectId, ...fields }) => ({
    submissionId, projectId, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
  })));
}

/**
 * An accepted report's project figures become the projects' figures, dated the day it was sent and
 * attributed to its agency; accepting again the same day replaces them rather than adding a second set.
 */
export async function recordProjectFigures(db: Database, submission: typeof submissions.$inferSelect, year: number) {
  const entries = await db.select().from(submissionProjects).where(eq(submissionProjects.submissionId, submission.id));
  if (!entries.length) return;
  const asOf = vietnamDate(new Date(submission.submittedAt ?? Date.now()));
  const facts = new Map((await db.select().from(projects).where(inArray(projects.id, entries.map((e) => e.projectId)))).map((p) => [p.id, p]));
  for (const e of entries) {
    const figures = entryFigures(e, facts.get(e.projectId)!, year, asOf);
    await db.delete(projectMetrics).where(and(eq(projectMetrics.projectId, e.projectId), eq(projectMetrics.agencyId, submission.agencyId), eq(projectMetrics.asOf, asOf)));
    if (figures.length) {
      await db.insert(projectMetrics).values(figures.map(({ recordedAt: _r, ...f }) => ({ ...f, projectId: e.projectId, agencyId: submission.agencyId })));
    }
  }
}

/** Sending needs, for each project owed, a figure or a word of what happened, and the cause when it is behind or stalled (gaps.ts). */
export const projectProblemsToSend = (items: ProjectFormItem[]): FieldProblem[] =>
  projectGaps(items, (id) => items.find((p) => p.id === id)?.report).map((g) => ({ field: g.field, key: g.key, params: { project: g.project } }));
