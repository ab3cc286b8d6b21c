/**
 * What a report still lacks before it is sent, and the rule that ties a task's status to its
 * progress. One module for the form (which lists every gap and asks before sending) and the server
 * (which refuses to send while a blocking gap remains), so that both apply the same rules and name
 * the same items. Pure: the web app imports it.
 */
import { meetsTarget, type Target } from "../plans/targets.js";

/** Progress is a percentage, kept as typed: 0 to 100, never rounded or clamped into range. */
export const progressInRange = (p: number) => Number.isFinite(p) && p >= 0 && p <= 100;

export type ProgressMismatch = "progress_completed_not_100" | "progress_100_not_completed" | "progress_not_started";

/**
 * Whether a task's status and progress disagree: completed ⇔ 100%; in progress or overdue below 100;
 * not started 0. An empty progress fits any status (progress is optional), as does an empty status.
 */
export function statusProgressMismatch(status: string | null | undefined, progress: number | null | undefined): ProgressMismatch | null {
  if (!status || progress == null) return null;
  if (status === "completed_on_time" || status === "completed_late") return progress === 100 ? null : "progress_completed_not_100";
  if (status === "not_started") return progress === 0 ? null : "progress_not_started";
  return progress === 100 ? "progress_100_not_completed" : null;
}

/** Text cut from its lead clause starts in lower case ("tổ chức triển khai…"); shown, it starts with a capital. */
export const sentenceStart = (text: string) => text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);

/** The opening words (syllables) of a long text, enough to tell it from its neighbours (several tasks share a number). */
export function opening(text: string, words = 12): string {
  const all = sentenceStart(text.trim()).split(/\s+/);
  return all.length > words ? `${all.slice(0, words).join(" ").replace(/[,;:.]$/, "")}…` : all.join(" ");
}

/** A task as a message names it: its full number and opening words, "III.2 “Triển khai thực hiện…”". */
export const taskLabel = (number: string | null, text: string) => `${number ? `${number} ` : ""}“${opening(text)}”`;
export const indicatorLabel = (name: string) => `“${opening(name)}”`;

export const GENERAL_TEXTS = ["results", "difficulties", "proposals"] as const;
export type GeneralText = (typeof GENERAL_TEXTS)[number];

export type GapKey = "task_status_required" | "task_narrative_empty" | ProgressMismatch | "value_or_explanation_required" | "explanation_required" | "text_empty";

export interface Gap {
  /** The field as the API names it ("tasks.12.status"); the form's control has it as its id, dots as dashes. */
  field: string;
  key: GapKey;
  /** Sending is refused while it remains; the others are only asked about before sending. */
  blocking: boolean;
  /** What it is about: a task or an indicator (its label, see taskLabel), or a general section. */
  item: { task: string } | { indicator: string } | { text: GeneralText };
}

export interface ReportContent {
  tasks: { id: number; number: string | null; text: string; role: "lead" | "coordinating"; status: string | null; progress: number | null; narrative: string }[];
  indicators: (Target & { id: number; name: string; value: number | null; explanation: string })[];
  texts: Record<GeneralText, string>;
}

/**
 * Every gap, in the order of the form. Blocking: a lead task without a status, a status that
 * contradicts the progress, an indicator with neither a value nor the reason it has none, a value
 * that misses the target without an explanation. Asked about: a coordinating task without a status
 * (its contribution), a task with a status but no word of what was done, an empty general section.
 */
export function reportGaps(r: ReportContent): Gap[] {
  const out: Gap[] = [];
  for (const t of r.tasks) {
    const item = { task: taskLabel(t.number, t.text) };
    if (!t.status) out.push({ field: `tasks.${t.id}.status`, key: "task_status_required", blocking: t.role === "lead", item });
    const mismatch = statusProgressMismatch(t.status, t.progress);
    if (mismatch) out.push({ field: `tasks.${t.id}.progress`, key: mismatch, blocking: true, item });
    if (t.status && !t.narrative.trim()) out.push({ field: `tasks.${t.id}.narrative`, key: "task_narrative_empty", blocking: false, item });
  }
  for (const i of r.indicators) {
    const item = { indicator: indicatorLabel(i.name) };
    if (i.value == null) {
      if (!i.explanation.trim()) out.push({ field: `indicators.${i.id}.value`, key: "value_or_explanation_required", blocking: true, item });
    } else if (meetsTarget(i, i.value) === false && !i.explanation.trim()) out.push({ field: `indicators.${i.id}.explanation`, key: "explanation_required", blocking: true, item });
  }
  for (const k of GENERAL_TEXTS) if (!r.texts[k].trim()) out.push({ field: k, key: "text_empty", blocking: false, item: { text: k } });
  return out;
}

/** The figures a report gives of a key project (billion đồng, ha, km, %), as the form and the template name them. */
export const PROJECT_NUMBERS = ["allocated", "disbursed", "clearedHa", "builtKm", "progress"] as const;
export type ProjectReportValues = Partial<Record<(typeof PROJECT_NUMBERS)[number], number | null>> & { narrative?: string; explanation?: string };

/**
 * What the key projects still lack before the report is sent (all blocking): for each project owed, a figure
 * or a word of what happened; the cause when the project is judged behind or stalled (judged by the server
 * with the figures typed).
 */
export function projectGaps(items: { id: number; name: string; evaluation: { state: string } }[], valuesOf: (projectId: number) => ProjectReportValues | null | undefined) {
  const out: { field: string; key: "project_report_required" | "project_explanation_required"; project: string }[] = [];
  for (const p of items) {
    const v = valuesOf(p.id) ?? {};
    const anything = PROJECT_NUMBERS.some((k) => v[k] != null) || !!v.narrative?.trim();
    if (!anything) out.push({ field: `projects.${p.id}.disbursed`, key: "project_report_required", project: p.name });
    else if ((p.evaluation.state === "behind" || p.evaluation.state === "stalled") && !v.explanation?.trim()) {
      out.push({ field: `projects.${p.id}.explanation`, key: "project_explanation_required", project: p.name });
    }
  }
  return out;
}
