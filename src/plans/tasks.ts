/**
 * Tasks: a plan's assignments to lead and coordinating agencies, with a deadline kept both in
 * the document's words and normalised. Outcomes: the task with its agencies, or AppError
 * validation (unknown document or agency), not_found, conflict.
 */
import { and, asc, eq, getTableColumns, inArray, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { agencies } from "../agencies/schema.js";
import { untilWrite } from "../audit/write-mark.js";
import { successionsOn } from "../agencies/successions.js";
import { toPrefixTsquery } from "../search/tsquery.js";
import { queryRows, type Database } from "../storage/database.js";
import { AppError, invalid, notFound } from "../core/errors.js";
import { inPublishedDocument } from "../documents/queries.js";
import { countWhere, deleteById, findById, matchesSearch, nextIds, pageOffset, updateVersioned, type Page } from "../storage/records.js";
import { parseDeadline } from "../text/dates.js";
import { searchDocumentText } from "../text/fold.js";
import type { TaskInput, TaskListQuery, TaskPatch } from "./inputs.js";
import { checkAgencies, checkDocument } from "../storage/references.js";
import { unknownReference } from "../storage/records.js";
import { taskAgencies, tasks } from "./schema.js";
import { insertObligationsOfNewTasks, syncTaskObligations } from "./obligations.js";
import { users } from "../accounts/schema.js";
import { vietnamDate } from "../reporting/periods.js";
import type { z } from "zod";
import type { deadlineInput } from "./inputs.js";

export type TaskRow = typeof tasks.$inferSelect;
type AgencyRef = { id: number; name: string };
export interface Task extends Omit<TaskRow, "searchFolded"> {
  lead: TaskAgency[]; coordinating: TaskAgency[];
  /** The name of the user who last set the status (statusSetBy), for the page to say who decided. */
  statusSetByName: string | null;
}

/** Deadline columns from an explicit deadline, else from the wording, else none. */
function deadlineColumns(explicit: z.infer<typeof deadlineInput> | undefined, wording: string | null | undefined) {
  const none = { deadlineKind: "none" as const, deadlineDate: null, deadlineYear: null, deadlineDay: null, deadlineMonth: null, periodFrom: null, periodTo: null };
  if (explicit) {
    return { ...none, deadlineKind: explicit.kind, deadlineDate: explicit.date ?? null, deadlineYear: explicit.year ?? null,
      deadlineDay: explicit.day ?? null, deadlineMonth: explicit.month ?? null, periodFrom: explicit.from ?? null, periodTo: explicit.to ?? null };
  }
  const d = wording ? parseDeadline(wording) : null;
  if (!d) return none;
  if ("error" in d) throw invalid("deadlineText", d.error === "impossible_date" ? "date_impossible" : "date_malformed");
  switch (d.kind) {
    case "date": return { ...none, deadlineKind: d.kind, deadlineDate: d.date };
    case "year": return { ...none, deadlineKind: d.kind, deadlineYear: d.year };
    case "yearly": return { ...none, deadlineKind: d.kind, deadlineDay: d.day, deadlineMonth: d.month };
    case "period": return { ...none, deadlineKind: d.kind, periodFrom: d.from, periodTo: d.to };
    case "ongoing": return { ...none, deadlineKind: d.kind };
  }
}

/** An agency of a task: `via` is the collective phrase it was read from, null when the text names it. */
export interface TaskAgency { id: number; name: string; via: string | null }

/** A task's columns but its folded search text, which no reader is sent. */
const { searchFolded: _searchFolded, ...shownColumns } = getTableColumns(tasks);

async function withAgencies(db: Database, rows: Omit<TaskRow, "searchFolded">[]): Promise<Task[]> {
  if (!rows.length) return [];
  const links = await db.select({ taskId: taskAgencies.taskId, role: taskAgencies.role, id: agencies.id, name: agencies.name, via: taskAgencies.via })
    .from(taskAgencies).innerJoin(agencies, eq(agencies.id, taskAgencies.agencyId))
    .where(inArray(taskAgencies.taskId, rows.map((r) => r.id))).orderBy(asc(taskAgencies.position));
  const byTask = new Map<number, typeof links>();
  for (const l of links) { const list = byTask.get(l.taskId); if (list) list.push(l); else byTask.set(l.taskId, [l]); }
  const ofRole = (taskId: number, role: string): TaskAgency[] =>
    (byTask.get(taskId) ?? []).filter((l) => l.role === role).map(({ id, name, via }) => ({ id, name, via }));
  const setters = [...new Set(rows.flatMap((r) => (r.statusSetBy === null ? [] : [r.statusSetBy])))];
  const setterNames = new Map(setters.length
    ? (await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, setters))).map((u) => [u.id, u.name]) : []);
  return rows.map((t) => ({
    ...t, lead: ofRole(t.id, "lead"), coordinating: ofRole(t.id, "coordinating"),
    statusSetByName: t.statusSetBy === null ? null : setterNames.get(t.statusSetBy) ?? null,
  }));
}

type Phrases = TaskInput["phrases"];

/** Each phrase's agencies must be in the registry; the error names the phrase and the position. */
async function checkPhrases(db: Database, phrases: Phrases | undefined) {
  for (const [i, p] of (phrases ?? []).entries()) await checkAgencies(db, `phrases.${i}.agencyIds`, p.agencyIds);
}

/** A role's agencies with the members of its phrases added: a phrase's agencies are the task's too. */
const withMembers = (ids: number[], phrases: Phrases | undefined, role: string) =>
  [...ids, ...(phrases ?? []).filter((p) => p.role === role).flatMap((p) => p.agencyIds)];

/**
 * The task's agency rows: each id once per role, with the phrase that brought it in (an agency the text
 * also names on its own has none). `phrases` not given keeps the phrases of the rows being replaced.
 */
async function writeAgencies(db: Database, taskId: number, leadIds: number[], coordinatingIds: number[], phrases?: Phrases) {
  const kept = phrases ?? (await db.select().from(taskAgencies).where(eq(taskAgencies.taskId, taskId)))
    .filter((r) => r.via !== null).map((r) => ({ role: r.role, phrase: r.via!, agencyIds: [r.agencyId] }));
  await db.delete(taskAgencies).where(eq(taskAgencies.taskId, taskId));
  const rows = agencyRows(taskId, leadIds, coordinatingIds, kept);
  if (rows.length) await db.insert(taskAgencies).values(rows);
}

/** The rows of a task's agencies: each id once per role, in order, with the phrase that brought it in. */
function agencyRows(taskId: number, leadIds: number[], coordinatingIds: number[], phrases: NonNullable<Phrases>) {
  const viaOf = (role: string, agencyId: number) => phrases.find((p) => p.role === role && p.agencyIds.includes(agencyId))?.phrase ?? null;
  return [
    ...[...new Set(leadIds)].map((agencyId, position) => ({ taskId, agencyId, role: "lead" as const, position, via: viaOf("lead", agencyId) })),
    ...[...new Set(coordinatingIds)].map((agencyId, position) => ({ taskId, agencyId, role: "coordinating" as const, position, via: viaOf("coordinating", agencyId) })),
  ];
}

/** The condition that a task (by id) is one of a published document: see inPublishedDocument. */
export const ofPublishedTask = (taskId: PgColumn) => sql`${taskId} in (select ${tasks.id} from ${tasks} where ${inPublishedDocument(tasks.documentId)})`;

/** `drafts`: whether the reader may see the tasks of draft documents (see policy.readsDrafts). */
export async function getTask(db: Database, id: number, drafts: boolean): Promise<Task> {
  const [row] = await db.select(shownColumns).from(tasks).where(and(eq(tasks.id, id), drafts ? undefined : inPublishedDocument(tasks.documentId)));
  if (!row) throw notFound();
  return (await withAgencies(db, [row]))[0];
}

export async function listTasks(db: Database, q: TaskListQuery, drafts: boolean): Promise<Page<Task>> {
  const where: SQL[] = [];
  if (!drafts) where.push(inPublishedDocument(tasks.documentId));
  if (q.documentId) where.push(eq(tasks.documentId, q.documentId));
  if (q.status) where.push(eq(tasks.status, q.status));
  const tsquery = q.q ? toPrefixTsquery(q.q) : null;
  if (tsquery) where.push(matchesSearch(tasks.searchFolded, tsquery));
  if (q.agencyId) {
    where.push(sql`exists (select 1 from ${taskAgencies} ta where ta.task_id = ${tasks.id} and ta.agency_id = ${q.agencyId}
      ${q.role ? sql`and ta.role = ${q.role}` : sql``})`);
  }
  const condition = where.length ? and(...where) : undefined;
  // The page's ids first, then their rows: an agency's thousands of tasks are put in order from the indexes alone
  // (tasks_place_idx), and only the page's 50 rows are read.
  const order = [asc(tasks.documentId), asc(tasks.startOffset), asc(tasks.id)];
  const pageIds = db.select({ id: tasks.id }).from(tasks).where(condition).orderBy(...order).limit(q.pageSize).offset(pageOffset(q));
  const rows = await db.select(shownColumns).from(tasks).where(inArray(tasks.id, pageIds)).orderBy(...order);
  // The total is the same on every page of a filter and changes only with a write: counted once until then (an
  // agency's tasks at national size are thousands of rows read for the count, the page itself 51).
  const { page: _p, pageSize: _s, ...filters } = q;
  const total = await untilWrite(db, `tasks.total|${drafts}|${JSON.stringify(filters)}`, () => countWhere(db, tasks, condition), { shelf: "totals" });
  return { items: await withAgencies(db, rows), total, page: q.page, pageSize: q.pageSize };
}

/** Call inside a transaction: the task and its agency rows are written together. */
export async function createTask(db: Database, input: TaskInput): Promise<Task> {
  await checkDocument(db, "documentId", input.documentId);
  await checkAgencies(db, "leadIds", input.leadIds);
  await checkAgencies(db, "coordinatingIds", input.coordinatingIds);
  await checkPhrases(db, input.phrases);
  const { leadIds, coordinatingIds, phrases, deadline, ...fields } = input;
  const [row] = await db.insert(tasks).values({
    ...fields, ...deadlineColumns(deadline, input.deadlineText), searchFolded: searchDocumentText(input.text, input.sectionNumber),
  }).returning();
  await writeAgencies(db, row.id, withMembers(leadIds, phrases, "lead"), withMembers(coordinatingIds, phrases, "coordinating"), phrases);
  await syncTaskObligations(db, [row.id]); // the documents it obliges its leads to issue (issue 15)
  return getTask(db, row.id, true);
}

/** Rows per statement when writing many: well under PostgreSQL's 65,535 parameters for a task's twenty-odd columns. */
const BATCH = 500;

/**
 * Creates many tasks at once (publishing a plan: a Government programme holds 12,000): each checked as
 * createTask checks it, a problem named by the task's place in the list ("3.leadIds.0", "3.deadlineText"),
 * then written a few hundred rows a statement instead of several statements a task. Nothing is read back.
 */
export async function createTasks(db: Database, inputs: TaskInput[]): Promise<void> {
  for (const documentId of new Set(inputs.map((i) => i.documentId))) await checkDocument(db, "documentId", documentId);
  const named = [...new Set(inputs.flatMap((i) => [...i.leadIds, ...i.coordinatingIds, ...(i.phrases ?? []).flatMap((p) => p.agencyIds)]))];
  const known = new Set(named.length ? (await db.select({ id: agencies.id }).from(agencies).where(inArray(agencies.id, named))).map((a) => a.id) : []);
  const unknownIn = (field: string, ids: number[]) => {
    const k = ids.findIndex((id) => !known.has(id));
    if (k >= 0) throw unknownReference(`${field}.${k}`, "agency_unknown");
  };
  const rows = inputs.map((input, n) => {
    try {
      unknownIn("leadIds", input.leadIds);
      unknownIn("coordinatingIds", input.coordinatingIds);
      (input.phrases ?? []).forEach((p, i) => unknownIn(`phrases.${i}.agencyIds`, p.agencyIds));
      const { leadIds: _l, coordinatingIds: _c, phrases: _p, deadline, ...fields } = input;
      return { ...fields, ...deadlineColumns(deadline, input.deadlineText), searchFolded: searchDocumentText(input.text, input.sectionNumber) };
    } catch (e) {
      if (e instanceof AppError && e.code === "validation") throw new AppError("validation", e.fields.map((f) => ({ ...f, field: `${n}.${f.field}` })), e.detail);
      throw e;
    }
  });
  for (let from = 0; from < rows.length; from += BATCH) {
    const batch = rows.slice(from, from + BATCH);
    // Each row's id taken from the sequence first, so that its agencies are written against it (the order in
    // which an INSERT returns its rows is not one PostgreSQL promises).
    const ids = await nextIds(db, "tasks", batch.length);
    await db.insert(tasks).values(batch.map((row, k) => ({ ...row, id: ids[k] })));
    const links = ids.flatMap((id, k) => {
      const input = inputs[from + k];
      return agencyRows(id, withMembers(input.leadIds, input.phrases, "lead"), withMembers(input.coordinatingIds, input.phrases, "coordinating"), input.phrases ?? []);
    });
    for (let at = 0; at < links.length; at += BATCH * 2) await db.insert(taskAgencies).values(links.slice(at, at + BATCH * 2));
    // The documents they oblige their leads to issue (issue 15).
    const leadsOf = new Map<number, number[]>();
    for (const l of links) if (l.role === "lead") leadsOf.set(l.taskId, [...(leadsOf.get(l.taskId) ?? []), l.agencyId]);
    await insertObligationsOfNewTasks(db, batch.map((row, k) => ({ ...row, expectedOutput: row.expectedOutput ?? null, id: ids[k], leadIds: leadsOf.get(ids[k]) ?? [] })));
  }
}

/** Who is acting, for a status the focal point sets. */
export interface StatusSetter { id: number }

/**
 * The status columns a PATCH writes when it touches the status, its reason, day or evidence: a task is
 * marked completed or cancelled only with a reason, on a day not after today (today when not given),
 * and the setter and the time are recorded; opened again, the completion's day and evidence go.
 * A new status keeps no reason or evidence of the old one unless sent again.
 */
function statusColumns(current: Task, patch: TaskPatch, actor: StatusSetter | null, today: string) {
  const changed = patch.status !== undefined && patch.status !== current.status;
  if (!changed && patch.statusReason === undefined && patch.statusOn === undefined && patch.statusEvidence === undefined) return {};
  const status = patch.status ?? current.status;
  const kept = <T>(sent: T | undefined, old: T) => (sent !== undefined ? sent : changed ? null : old);
  const statusReason = kept(patch.statusReason, current.statusReason) ?? null;
  const statusEvidence = kept(patch.statusEvidence, current.statusEvidence) ?? null;
  let statusOn: string | null = null;
  if (status !== "open") {
    if (!statusReason) throw invalid("statusReason", "status_reason_required");
    statusOn = kept(patch.statusOn, current.statusOn) ?? today;
    if (statusOn > today) throw invalid("statusOn", "status_date_future");
  }
  return { status, statusReason, statusOn, statusEvidence, statusSetBy: actor?.id ?? null, statusSetAt: sql`now()` };
}

/**
 * `actor`: who sets a status (see statusColumns). `phrases`, when sent, replaces the task's collective
 * phrases: each role keeps the agencies named on their own (or takes `leadIds`/`coordinatingIds` when
 * sent) plus the agencies of its phrases, so an agency taken out of a phrase leaves the task.
 */
export async function updateTask(db: Database, id: number, patch: TaskPatch, actor: StatusSetter | null = null, today = vietnamDate(new Date())): Promise<Task> {
  const { version, leadIds, coordinatingIds, phrases, deadline, status: _status, statusReason: _r, statusOn: _o, statusEvidence: _e, ...changes } = patch;
  const current = await getTask(db, id, true);
  if (changes.documentId !== undefined) await checkDocument(db, "documentId", changes.documentId);
  if (leadIds) await checkAgencies(db, "leadIds", leadIds);
  if (coordinatingIds) await checkAgencies(db, "coordinatingIds", coordinatingIds);
  await checkPhrases(db, phrases);
  const status = statusColumns(current, patch, actor, today);
  const deadlineChanged = deadline !== undefined || changes.deadlineText !== undefined;
  const next = { ...current, ...changes };
  await updateVersioned(db, tasks, id, version, {
    ...changes, ...status,
    ...(deadlineChanged ? deadlineColumns(deadline, next.deadlineText) : {}),
    searchFolded: searchDocumentText(next.text, next.sectionNumber),
  });
  if (leadIds || coordinatingIds || phrases) {
    const base = (given: number[] | undefined, now: TaskAgency[]) => given ?? (phrases ? now.filter((a) => a.via === null) : now).map((a) => a.id);
    await writeAgencies(db, id, withMembers(base(leadIds, current.lead), phrases, "lead"),
      withMembers(base(coordinatingIds, current.coordinating), phrases, "coordinating"), phrases);
  }
  // Its leads, output, deadline or status may have changed what it obliges them to issue (issue 15).
  await syncTaskObligations(db, [id]);
  return getTask(db, id, true);
}

export const deleteTask = (db: Database, id: number) => deleteById(db, tasks, id);

/**
 * The lead agencies of the tasks `scope` selects, as they stand on `asOf`: an agency merged away by
 * then is replaced by the ones doing its work (the 2025 restructuring), each named once per task, in
 * the document's order. What the dashboard and the consolidated report show and count by.
 */
/**
 * The condition that an agency row's task is one `scope` (a condition on tasks) selects, as an array of their ids
 * taken first: joined instead, PostgreSQL planned a parallel scan of every task's agencies (2 M rows at national
 * size) for a report's 3,650 tasks (163 ms); from the array it reads them by the primary key (11 ms).
 */
const ofTasksIn = (scope: SQL) => sql`${taskAgencies.taskId} = any(array(select ${tasks.id} from ${tasks} where ${scope}))`;

export async function taskLeadsOn(db: Database, scope: SQL, asOf: string, namedOnly = false): Promise<Map<number, AgencyRef[]>> {
  // Plain rows: the dashboard's figures read a batch's thousands at a time, and the query builder's mapping of each
  // was a large part of a batch's JavaScript.
  const rows = await queryRows<{ task_id: number; agency_id: number }>(db, sql`select ${taskAgencies.taskId} as task_id, ${taskAgencies.agencyId} as agency_id
    from ${taskAgencies} where ${taskAgencies.role} = 'lead' and ${ofTasksIn(scope)}${namedOnly ? sql` and ${taskAgencies.via} is null` : sql``}
    order by ${taskAgencies.taskId}, ${taskAgencies.position}`);
  const successors = await successionsOn(db, asOf);
  const idsOf = new Map<number, number[]>();
  for (const r of rows) {
    const ids = idsOf.get(r.task_id) ?? [];
    for (const id of successors(r.agency_id)) if (!ids.includes(id)) ids.push(id);
    idsOf.set(r.task_id, ids);
  }
  const all = [...new Set([...idsOf.values()].flat())];
  const names = all.length ? await db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(inArray(agencies.id, all)) : [];
  const nameOf = new Map(names.map((a) => [a.id, a.name]));
  return new Map([...idsOf].map(([taskId, ids]) => [taskId, ids.map((id) => ({ id, name: nameOf.get(id) ?? "" }))]));
}

/**
 * Each task's lead as a document names it: the agencies it names, as they stood on `asOf`, then its
 * collective phrases as written ("các sở, ban, ngành"), not the thirty bodies a phrase stands for.
 */
export async function taskLeadLabelsOn(db: Database, scope: SQL, asOf: string): Promise<Map<number, string[]>> {
  const named = await taskLeadsOn(db, scope, asOf, true);
  const phrases = await db.select({ taskId: taskAgencies.taskId, via: taskAgencies.via }).from(taskAgencies)
    .where(and(eq(taskAgencies.role, "lead"), isNotNull(taskAgencies.via), ofTasksIn(scope)))
    .orderBy(asc(taskAgencies.taskId), asc(taskAgencies.position));
  const labels = new Map<number, string[]>([...named].map(([taskId, list]) => [taskId, list.map((a) => a.name)]));
  for (const p of phrases) {
    const list = labels.get(p.taskId) ?? [];
    if (!list.includes(p.via!)) labels.set(p.taskId, [...list, p.via!]);
  }
  return labels;
}
