/**
 * Drafts at the level of records: a draft document with a child in every table that references
 * documents (directly or through another such table, as the database's foreign keys say), and every
 * GET route of the OpenAPI document called by every role with the draft's ids substituted. Those who
 * read drafts (administrators, the focal point, leaders: written here, not read from the policy) may
 * see it; the others get 403, 404, or an answer that holds none of the draft's ids, numbers or texts.
 *
 * It fails when a GET route is added without saying below how the draft is probed on it, and when a
 * table referencing documents is added without the fixture giving it a row of the draft.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencies } from "../agencies/schema.js";
import { checkZip } from "../extraction/zip.js";
import { queryRows } from "../storage/database.js";
import { pdf } from "../../test/support/files.js";
import { startTestServer, upload, type Client, type TestServer } from "../../test/support/server.js";
import { ROLES, type Role } from "./schema.js";

/** Who may see drafts, written out: those who register plans, and leaders. */
const READS_DRAFTS: readonly Role[] = ["admin", "focal_point", "leader"];

/** In every text of the draft (folded, it is itself: search finds it). */
const MARKER = "zomarkerq";
/** Figures of the draft that nothing else in the sample province has, looked for where ids are not shown (evaluation, dashboard). */
const FIGURES = { ownValue: 4321.98, sourcedValue: 8642.13, importedMetric: 7531.97, sourcedMetric: 9753.24, reportedValue: 64.973, reportedDisbursed: 5813.47, estimatedValue: 3579.11, actualAnswer: 2468.53 };
const PUBLISHED_SYMBOL = "901/KH-UBND", DRAFT_SYMBOL = "902/KH-UBND";

let s: TestServer;
const clients = new Map<Role, Client>();

interface Fixture {
  published: number; publishedIndicator: number; publishedProject: number;
  draft: number; agency: number; round: number;
  /** The draft's rows, by table, as the foreign keys reach them from the draft document. */
  rows: Map<string, number>;
  ids: Map<string, number[]>;
}
let f: Fixture;

beforeAll(async () => {
  s = await startTestServer({ samples: true });
  const agencyOf = new Map((await s.db.store.db.select({ id: agencies.id, code: agencies.code }).from(agencies)).map((a) => [a.code, a.id]));
  const building = agencyOf.get("so-xay-dung")!, finance = agencyOf.get("so-tai-chinh")!;
  for (const role of ROLES) {
    const agencyIds = role === "reporter" ? [building] : role === "focal_point" ? [finance] : [];
    clients.set(role, await s.as(`ban-nhap-${role}`, role, agencyIds));
  }
  f = await draftFixture(building);
}, 240_000);
afterAll(async () => { await s?.close(); });

const ok = <T = any>(res: { status: number; body: T }, status = 200): T => {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
};

/**
 * Every id sequence moved to its own range before the draft is made, so that each of the draft's ids is a
 * number no other record has, and an answer holding it can be found by searching its text.
 */
async function separateIdRanges() {
  const sequences = await queryRows<{ name: string }>(s.db.store.db, sql`select sequence_name as name from information_schema.sequences where sequence_schema = 'public' order by 1`);
  for (const [i, { name }] of sequences.entries()) await s.db.store.db.execute(sql`select setval(${name}::regclass, ${(i + 1) * 1_000_000 + 7_000})`);
}

/** A published plan, then a plan published through an import, reported on, and made a draft again, with a row in every table that references it. */
async function draftFixture(agency: number): Promise<Fixture> {
  const focal = clients.get("focal_point")!, reporter = clients.get("reporter")!;
  const published = ok(await s.call("POST", "/api/documents", { symbol: PUBLISHED_SYMBOL, title: "Kế hoạch phát triển giao thông đã ban hành", issuedOn: "2026-01-10", status: "published" }), 201).id;
  const publishedIndicator = ok(await s.call("POST", "/api/indicators", { documentId: published, name: "Tỷ lệ đường huyện được cứng hóa", unit: "%", comparator: ">=", min: 90, targetYear: 2030 }), 201).id;
  const publishedProject = ok(await s.call("POST", "/api/projects", { documentId: published, name: "Đường nối cửa khẩu đã công bố" }), 201).id;
  await separateIdRanges();

  // The draft comes through the import pipeline (which leaves an import behind), its content as a reviewer set it.
  const text = `KẾ HOẠCH ${DRAFT_SYMBOL}\nI. MỤC TIÊU ${MARKER}\n1. Sở Xây dựng chủ trì số hóa hồ sơ ${MARKER}, hoàn thành năm 2026.\n2. Tỷ lệ hồ sơ ${MARKER} trực tuyến đạt 80%.\n`;
  const imported = ok(await upload(s, `${MARKER}.txt`, Buffer.from(text)), 201);
  const draft = {
    document: { symbol: DRAFT_SYMBOL, docType: "plan", title: `Kế hoạch ${MARKER} về chuyển đổi số`, issuedOn: "2026-02-01", issuedText: null, signer: null, issuerText: null, issuerId: null },
    outline: [{ number: "I", title: `Mục tiêu ${MARKER}`, level: 0, parent: null, start: 0, end: text.length }],
    implements: [{ symbol: PUBLISHED_SYMBOL, date: null, issuerText: null, subject: null }],
    references: [],
    tasks: [{ section: "I", text: `Số hóa hồ sơ ${MARKER}`, lead: ["Sở Xây dựng"], coordinating: [], deadlineText: "năm 2026", output: null, start: text.indexOf("1."), end: text.indexOf("2.") }],
    indicators: [{ name: `Tỷ lệ hồ sơ ${MARKER} trực tuyến`, text: `Tỷ lệ hồ sơ ${MARKER} trực tuyến đạt 80%`, comparator: ">=", min: 80, max: null, unit: "%", year: 2026, perYear: false, kind: "target", section: "I", start: text.indexOf("2."), end: text.length }],
    projects: [{ name: `Trung tâm dữ liệu ${MARKER}`, metrics: [{ label: `Vốn đã giải ngân ${MARKER}`, value: FIGURES.importedMetric, of: 9000, unit: "tỷ đồng", start: null, end: null }] }],
    agencies: [{ name: "Sở Xây dựng", collective: false, agencyIds: [agency] }],
    chains: [],
  };
  const saved = ok(await s.call("PUT", `/api/imports/${imported.id}/draft`, { draft, version: imported.version }));
  const { documentId: draftId } = ok(await s.call("POST", `/api/imports/${imported.id}/publish`, { version: saved.version }));
  const [task] = ok(await s.call("GET", `/api/tasks?documentId=${draftId}`)).items;
  const [indicator] = ok(await s.call("GET", `/api/indicators?documentId=${draftId}`)).items;
  ok(await s.call("PATCH", `/api/indicators/${indicator.id}`, { ownerId: agency, version: indicator.version }));
  const [project] = ok(await s.call("GET", `/api/projects?planId=${draftId}`)).items;
  ok(await s.call("PATCH", `/api/projects/${project.id}`, { leadId: agency, version: project.version }));

  // Reported on while published: a round over it, the agency's report on its task and indicator, with evidence,
  // and its actual figure for the year whose value was an estimate, which the round asked for.
  ok(await s.call("POST", "/api/values", { indicatorId: indicator.id, period: "2024", value: FIGURES.estimatedValue, kind: "estimate", note: `Ước ${MARKER}` }), 201);
  const opened = ok(await focal.call("POST", "/api/rounds", { documentIds: [draftId], periodKind: "year", periodYear: 2026, dueOn: "2026-12-31" }), 201);
  const round = opened.id;
  ok(await focal.call("POST", `/api/rounds/${round}/actual-requests`, { indicatorId: indicator.id, year: 2024, version: opened.version }), 201);
  const report = ok(await reporter.call("PUT", `/api/rounds/${round}/reports/${agency}`, {
    version: 0, tasks: [{ taskId: task.id, status: "in_progress", progress: 50, narrative: `Đang số hóa ${MARKER}` }],
    indicators: [{ indicatorId: indicator.id, value: FIGURES.reportedValue, valueKind: "estimate", explanation: `Giải trình ${MARKER}` }],
    actuals: [{ indicatorId: indicator.id, year: 2024, value: FIGURES.actualAnswer, explanation: `Số thực hiện ${MARKER}` }],
    projects: [{ projectId: project.id, allocated: 6000, disbursed: FIGURES.reportedDisbursed, narrative: `Đang thi công ${MARKER}`, explanation: `Chậm ${MARKER}` }],
  }));
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(pdf([`BT /F1 12 Tf 72 720 Td (Minh chung ${MARKER}) Tj ET`]))]), `minh-chung-${MARKER}.pdf`);
  const evidence = await fetch(`${s.url}/api/rounds/${round}/reports/${agency}/evidence?version=${report.submission.version}&taskId=${task.id}`, { method: "POST", body: form, headers: reporter.headers });
  if (evidence.status !== 201) throw new Error(`evidence: ${evidence.status} ${await evidence.text()}`);
  ok(await focal.call("PUT", `/api/plans/${draftId}/report-draft`, { year: 2026, version: 0, sections: { overview: `Tổng quan ${MARKER}` } }));
  ok(await s.call("POST", "/api/links", { fromId: published, toId: draftId, kind: "cites", note: `Dẫn chiếu ${MARKER}` }), 201);

  // Made a draft again; then values and figures whose indicator or whose source is the draft.
  const current = ok(await s.call("GET", `/api/documents/${draftId}`));
  ok(await s.call("PATCH", `/api/documents/${draftId}`, { status: "draft", version: current.version }));
  ok(await s.call("POST", "/api/values", { indicatorId: indicator.id, period: "2025", value: FIGURES.ownValue, kind: "actual", note: `Số liệu ${MARKER}` }), 201);
  ok(await s.call("POST", "/api/values", { indicatorId: publishedIndicator, period: "2025", value: FIGURES.sourcedValue, kind: "actual", sourceDocumentId: draftId, note: `Theo ${MARKER}` }), 201);
  ok(await s.call("POST", `/api/projects/${publishedProject}/metrics`, { label: `Khối lượng theo ${MARKER}`, value: FIGURES.sourcedMetric, sourceDocumentId: draftId }), 201);
  // The chain's records (issue 15): the draft's task owes a document, its indicator serves the published plan's,
  // and a report owed upward is on the draft and was recorded as sent with it.
  const store = s.db.store.db;
  await store.execute(sql`insert into document_obligations (task_id, agency_id, doc_type, output_text, due_on) values (${task.id}, ${agency}, 'plan', ${`Kế hoạch ${MARKER}`}, '2026-06-30')`);
  await store.execute(sql`insert into indicator_contributions (indicator_id, serves_id) values (${indicator.id}, ${publishedIndicator})`);
  const [upward] = await queryRows<{ id: number }>(store, sql`insert into report_obligations (title, subject_id, reporter_id, recipient_text, frequency, due_on)
    values (${`Báo cáo ${MARKER}`}, ${draftId}, ${agency}, ${`Ban ${MARKER}`}, 'once', '2026-09-30') returning id`);
  await store.execute(sql`insert into report_obligation_sends (obligation_id, period, document_id, symbol, sent_on) values (${upward.id}, 'once', ${draftId}, ${DRAFT_SYMBOL}, '2026-09-20')`);
  // Issue 15's amendments: the draft's indicator and task each have an earlier version, and the published plan is
  // flagged for review because of the draft.
  await store.execute(sql`insert into indicator_targets (indicator_id, in_force_from, comparator, min, source_document_id, source_text) values (${indicator.id}, null, '>=', 75, ${draftId}, ${`Mục tiêu cũ ${MARKER}`})`);
  await store.execute(sql`insert into task_versions (task_id, in_force_from, text, deadline_kind, source_document_id) values (${task.id}, null, ${`Nhiệm vụ cũ ${MARKER}`}, 'none', ${draftId})`);
  await store.execute(sql`insert into document_flags (document_id, change_id, note) values (${published}, ${draftId}, ${`Xem lại ${MARKER}`})`);

  return { published, publishedIndicator, publishedProject, draft: draftId, agency, round, ...(await draftRows(draftId)) };
}

interface ForeignKey { child: string; column: string; parent: string; parentColumn: string; columns: number }

/** Every foreign key of the database, from its catalog. */
const foreignKeys = () => queryRows<ForeignKey>(s.db.store.db, sql`
  select child.relname as child, a.attname as column, parent.relname as parent, pa.attname as "parentColumn", cardinality(c.conkey) as columns
  from pg_constraint c
  join pg_class child on child.oid = c.conrelid join pg_namespace n on n.oid = child.relnamespace
  join pg_class parent on parent.oid = c.confrelid
  join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
  join pg_attribute pa on pa.attrelid = c.confrelid and pa.attnum = c.confkey[1]
  where c.contype = 'f' and n.nspname = 'public'`);

/**
 * The rows that are the draft's: those referencing the draft document, then those referencing such rows,
 * following the foreign keys until nothing new is reached. Counted per table, with their ids.
 */
async function draftRows(draftId: number): Promise<{ rows: Map<string, number>; ids: Map<string, number[]> }> {
  const keys = await foreignKeys();
  if (keys.some((k) => Number(k.columns) !== 1)) throw new Error("a foreign key of several columns: follow it here");
  /** Values of the referenced columns of the draft's rows, by "table.column". */
  const reached = new Map<string, Set<string>>([["documents.id", new Set([String(draftId)])]]);
  const rows = new Map<string, number>(), ids = new Map<string, number[]>();
  for (let changed = true; changed;) {
    changed = false;
    for (const k of keys) {
      const values = reached.get(`${k.parent}.${k.parentColumn}`);
      if (!values?.size || k.child === "documents") continue;
      const found = await queryRows<{ row: Record<string, unknown> }>(s.db.store.db, sql`select to_jsonb(t) as row from ${sql.identifier(k.child)} t
        where ${sql.identifier(k.column)}::text in (${sql.join([...values].map((v) => sql`${v}`), sql`, `)})`);
      for (const { row } of found) {
        const key = JSON.stringify(row);
        const seen = reached.get(`${k.child}.*`) ?? new Set<string>();
        if (seen.has(key)) continue;
        seen.add(key);
        reached.set(`${k.child}.*`, seen);
        changed = true;
        rows.set(k.child, (rows.get(k.child) ?? 0) + 1);
        if (typeof row.id === "number") ids.set(k.child, [...(ids.get(k.child) ?? []), row.id]);
        // What other tables may reference in this row.
        for (const other of keys.filter((o) => o.parent === k.child)) {
          const v = row[other.parentColumn];
          if (v === null || v === undefined) continue;
          const set = reached.get(`${k.child}.${other.parentColumn}`) ?? new Set<string>();
          set.add(String(v));
          reached.set(`${k.child}.${other.parentColumn}`, set);
        }
      }
    }
  }
  return { rows, ids };
}

/** The tables whose rows may reference a document, directly or through one another, from the catalog. */
async function tablesReferencingDocuments(): Promise<string[]> {
  const keys = await foreignKeys();
  const tables = new Set(["documents"]);
  for (let grew = true; grew;) {
    grew = false;
    for (const k of keys) if (tables.has(k.parent) && !tables.has(k.child)) { tables.add(k.child); grew = true; }
  }
  tables.delete("documents");
  return [...tables].sort();
}

const idsOf = (table: string) => f.ids.get(table) ?? [];

/**
 * How each GET route of the OpenAPI document is probed: the addresses it is called at, with the draft's
 * ids (or the published plan's, whose answers must not bring the draft along), and whether those who read
 * drafts find the draft in at least one answer (a route that has nothing of documents says false).
 */
const PROBES: Record<string, { urls: () => string[]; shows: boolean }> = {
  "/api/session": { urls: () => ["/api/session"], shows: false },
  "/api/users": { urls: () => ["/api/users"], shows: false },
  "/api/documents": { urls: () => ["/api/documents?pageSize=500", "/api/documents?status=draft&pageSize=500", `/api/documents?q=${MARKER}`, "/api/documents?type=plan&year=2026"], shows: true },
  "/api/documents/{id}": { urls: () => [`/api/documents/${f.draft}`, `/api/documents/${f.published}`], shows: true },
  "/api/documents/{id}/graph": { urls: () => [`/api/documents/${f.draft}/graph`, `/api/documents/${f.published}/graph`], shows: true },
  "/api/links": { urls: () => [`/api/links?documentId=${f.draft}`, `/api/links?documentId=${f.published}`, "/api/links?pageSize=500"], shows: true },
  "/api/links/{id}": { urls: () => idsOf("document_links").map((id) => `/api/links/${id}`), shows: true },
  "/api/imports": { urls: () => [`/api/imports?documentId=${f.draft}`, "/api/imports?pageSize=500"], shows: true },
  "/api/imports/{id}": { urls: () => idsOf("imports").map((id) => `/api/imports/${id}`), shows: true },
  "/api/agencies": { urls: () => ["/api/agencies?pageSize=500"], shows: false },
  "/api/agencies/successions": { urls: () => ["/api/agencies/successions"], shows: false },
  "/api/agencies/{id}": { urls: () => [`/api/agencies/${f.agency}`], shows: false },
  "/api/tasks": { urls: () => [`/api/tasks?documentId=${f.draft}`, `/api/tasks?agencyId=${f.agency}&pageSize=500`, `/api/tasks?q=${MARKER}`, "/api/tasks?pageSize=500"], shows: true },
  "/api/tasks/{id}": { urls: () => idsOf("tasks").map((id) => `/api/tasks/${id}`), shows: true },
  "/api/indicators": { urls: () => [`/api/indicators?documentId=${f.draft}`, `/api/indicators?ownerId=${f.agency}&pageSize=500`, `/api/indicators?q=${MARKER}`, "/api/indicators?pageSize=500"], shows: true },
  "/api/indicators/{id}": { urls: () => idsOf("indicators").map((id) => `/api/indicators/${id}`), shows: true },
  "/api/values": { urls: () => [...idsOf("indicators"), f.publishedIndicator].map((id) => `/api/values?indicatorId=${id}`).concat("/api/values?pageSize=500", "/api/values?kind=actual&pageSize=500"), shows: true },
  "/api/values/{id}": { urls: () => idsOf("indicator_values").map((id) => `/api/values/${id}`), shows: true },
  "/api/projects": { urls: () => [`/api/projects?documentId=${f.draft}`, `/api/projects?documentId=${f.published}`, `/api/projects?q=${MARKER}`, "/api/projects?pageSize=500"], shows: true },
  "/api/projects/{id}": { urls: () => [...idsOf("projects"), f.publishedProject].map((id) => `/api/projects/${id}`), shows: true },
  "/api/project-metrics/{id}": { urls: () => idsOf("project_metrics").map((id) => `/api/project-metrics/${id}`), shows: true },
  // The answer repeats the query: a prefix of the marker finds the draft without bringing the marker along.
  "/api/search": { urls: () => [`/api/search?q=${MARKER.slice(0, -1)}`, `/api/search?q=${MARKER.slice(0, -1)}&kinds=task,indicator`], shows: true },
  "/api/rounds": { urls: () => ["/api/rounds"], shows: false },
  "/api/rounds/{id}": { urls: () => [`/api/rounds/${f.round}`], shows: true },
  "/api/rounds/{id}/urging-letter": { urls: () => [`/api/rounds/${f.round}/urging-letter`], shows: true },
  "/api/rounds/{id}/templates.zip": { urls: () => [`/api/rounds/${f.round}/templates.zip`], shows: true },
  "/api/rounds/{id}/submissions.xlsx": { urls: () => [`/api/rounds/${f.round}/submissions.xlsx`], shows: true },
  "/api/rounds/{id}/evidence.zip": { urls: () => [`/api/rounds/${f.round}/evidence.zip`], shows: true },
  "/api/inbox": { urls: () => ["/api/inbox"], shows: false },
  "/api/rounds/{id}/reports/{agencyId}": { urls: () => [`/api/rounds/${f.round}/reports/${f.agency}`], shows: true },
  "/api/rounds/{id}/reports/{agencyId}/template": { urls: () => [`/api/rounds/${f.round}/reports/${f.agency}/template`], shows: true },
  "/api/rounds/{id}/reports/{agencyId}/official.docx": { urls: () => [`/api/rounds/${f.round}/reports/${f.agency}/official.docx`], shows: true },
  "/api/evidence/{id}": { urls: () => idsOf("evidence_files").map((id) => `/api/evidence/${id}`), shows: true },
  "/api/notifications": { urls: () => ["/api/notifications"], shows: false },
  // The draft's indicator serves the published plan's: its name shows among what serves it, to those who read drafts only.
  "/api/documents/{id}/contributions": { urls: () => [`/api/documents/${f.draft}/contributions`, `/api/documents/${f.published}/contributions`], shows: true },
  // Documents owed (issue 15): the draft's task owes a plan; the published plan's chain takes the draft in for those who read drafts only.
  "/api/documents/{id}/obligations": { urls: () => [`/api/documents/${f.draft}/obligations`, `/api/documents/${f.published}/obligations`, `/api/documents/${f.published}/obligations?state=not_due`], shows: true },
  // Amendments (issue 15): the draft's indicator and task have versions it set; the published plan is flagged because of the draft.
  "/api/documents/{id}/versions": { urls: () => [`/api/documents/${f.draft}/versions`, `/api/documents/${f.published}/versions`], shows: true },
  "/api/documents/{id}/flags": { urls: () => [`/api/documents/${f.draft}/flags`, `/api/documents/${f.published}/flags`, `/api/documents/${f.published}/flags?all=1`], shows: true },
  "/api/plans/{id}/evaluation": { urls: () => [`/api/plans/${f.draft}/evaluation?year=2026`, `/api/plans/${f.published}/evaluation?year=2026`], shows: true },
  "/api/dashboard": { urls: () => ["/api/dashboard?year=2026", `/api/dashboard?year=2026&plan=${f.draft}`, `/api/dashboard?year=2026&plan=${f.published}`], shows: true },
  "/api/dashboard/indicators": { urls: () => ["/api/dashboard/indicators?year=2026", `/api/dashboard/indicators?year=2026&plan=${f.draft}`, `/api/dashboard/indicators?year=2026&plan=${f.published}`], shows: true },
  "/api/dashboard/tasks": { urls: () => ["/api/dashboard/tasks?year=2026", `/api/dashboard/tasks?year=2026&plan=${f.draft}`, `/api/dashboard/tasks?year=2026&plan=${f.published}`], shows: true },
  "/api/plans/{id}/report": { urls: () => [f.draft, f.published].flatMap((id) => [`/api/plans/${id}/report?year=2026`, `/api/plans/${id}/report?year=2026&format=xlsx`]), shows: true },
  "/api/plans/{id}/report-draft": { urls: () => [`/api/plans/${f.draft}/report-draft?year=2026`, `/api/plans/${f.published}/report-draft?year=2026`], shows: true },
  // The report owed upward is on the draft and was sent as it: the draft's text is its title, its id the subject's and the send's.
  "/api/upward-reports": { urls: () => ["/api/upward-reports", "/api/upward-reports?state=all&within=366", `/api/upward-reports?document=${f.draft}`], shows: true },
  "/api/upward-reports/due": { urls: () => ["/api/upward-reports/due?within=366", `/api/upward-reports/due?document=${f.draft}`], shows: false },
  "/api/upward-reports/{id}": { urls: () => idsOf("report_obligations").map((id) => `/api/upward-reports/${id}`), shows: true },
  "/api/audit": { urls: () => ["/api/audit?limit=500", "/api/audit?table=documents&limit=500"], shows: true },
};

const ZIP_LIMITS = { entries: 5000, totalBytes: 200 << 20, entryBytes: 100 << 20 };
/** The XML inside a .docx or .xlsx. */
const officeText = (bytes: Buffer) => [...checkZip(bytes, ZIP_LIMITS, (name) => name.endsWith(".xml")).values()].map((b) => b.toString("utf8")).join("\n");
/** A zip of files (a round's templates, its evidence): each entry's name, and its text as officeText or Latin-1. */
const zipText = (bytes: Buffer) => [...checkZip(bytes, ZIP_LIMITS, () => true)]
  .map(([name, entry]) => `${name}\n${/\.(xlsx|docx)$/.test(name) ? officeText(entry) : entry.toString("latin1")}`).join("\n");

/** An answer as text to search: JSON as sent, the XML inside a .docx or .xlsx, the files inside a zip, other bytes as Latin-1. */
async function answerOf(client: Client, url: string): Promise<{ status: number; text: string }> {
  const res = await fetch(s.url + url, { headers: client.headers });
  const bytes = Buffer.from(await res.arrayBuffer());
  const type = res.headers.get("content-type") ?? "";
  if (res.status === 200 && type.includes("openxmlformats")) return { status: res.status, text: officeText(bytes) };
  if (res.status === 200 && type.includes("application/zip")) return { status: res.status, text: zipText(bytes) };
  return { status: res.status, text: bytes.toString(type.includes("json") || type.startsWith("text/") ? "utf8" : "latin1") };
}

/** What of the draft an answer holds: its marker, its figures, its rows' ids (each a number no other record has). */
function traces(text: string): string[] {
  const found: string[] = [];
  if (text.toLowerCase().includes(MARKER)) found.push(MARKER);
  for (const [name, figure] of Object.entries(FIGURES)) if (new RegExp(`\\b${String(figure).replace(".", "\\.")}\\b`).test(text)) found.push(name);
  for (const [table, ids] of f.ids) for (const id of ids) if (new RegExp(`\\b${id}\\b`).test(text)) found.push(`${table} ${id}`);
  return found;
}

describe("a draft document and everything that references it", () => {
  it("has a row in every table that references documents, directly or through another", async () => {
    const tables = await tablesReferencingDocuments();
    expect(tables.length).toBeGreaterThan(10);
    // A table missing here is one the fixture above gives no row of the draft: give it one, and probe the routes that show it.
    expect(tables.filter((t) => !f.rows.get(t))).toEqual([]);
  });

  it(`is seen by ${READS_DRAFTS.join(", ")} and by nobody else, on every GET route`, async () => {
    const openApi = ok(await s.call("GET", "/api/openapi.json"));
    const routes = Object.entries(openApi.paths as Record<string, Record<string, unknown>>).filter(([, methods]) => "get" in methods).map(([path]) => path);
    const failures: string[] = [];
    for (const path of routes) if (!PROBES[path]) failures.push(`GET ${path}: no probe; say in PROBES how the draft is looked for there`);
    for (const path of Object.keys(PROBES)) if (!routes.includes(path)) failures.push(`GET ${path}: probed, but not in the OpenAPI document`);
    let calls = 0;
    for (const path of routes.filter((p) => PROBES[p])) {
      const urls = PROBES[path].urls();
      if (!urls.length) failures.push(`GET ${path}: the fixture gave it nothing to probe`);
      for (const role of ROLES) {
        const client = clients.get(role)!;
        let seen = false, answered = false;
        for (const url of urls) {
          const { status, text } = await answerOf(client, url);
          calls++;
          const found = status === 200 ? traces(text) : [];
          if (READS_DRAFTS.includes(role)) {
            if (status !== 200 && !(status === 403 && role !== "admin")) failures.push(`${role} GET ${url}: ${status}`);
            answered ||= status === 200;
            seen ||= found.length > 0;
          } else if (status !== 403 && status !== 404 && !(status === 200 && !found.length)) {
            failures.push(`${role} GET ${url}: ${status}${found.length ? `, showing ${found.join(", ")}` : ""}`);
          }
        }
        if (READS_DRAFTS.includes(role) && PROBES[path].shows && answered && !seen) failures.push(`${role} GET ${path}: the draft is not shown to one who reads drafts`);
      }
    }
    expect(failures).toEqual([]);
    expect(calls).toBeGreaterThan(ROLES.length * routes.length);
  }, 300_000);

  it("leaves what is published in sight: the published plan, its indicator and project without the draft's figures", async () => {
    const viewer = clients.get("viewer")!;
    const plan = ok(await viewer.call("GET", `/api/documents/${f.published}`));
    expect(plan.linksIn).toEqual([]);
    expect(ok(await viewer.call("GET", `/api/indicators/${f.publishedIndicator}`)).id).toBe(f.publishedIndicator);
    expect(ok(await viewer.call("GET", `/api/projects/${f.publishedProject}`)).metrics).toEqual([]);
    expect(ok(await s.call("GET", `/api/projects/${f.publishedProject}`)).metrics).toEqual([expect.objectContaining({ value: FIGURES.sourcedMetric })]);
    expect(ok(await viewer.call("GET", `/api/values?indicatorId=${f.publishedIndicator}`)).items).toEqual([]);
    const leader = clients.get("leader")!;
    expect(ok(await leader.call("GET", `/api/values?indicatorId=${f.publishedIndicator}`)).items).toEqual([expect.objectContaining({ value: FIGURES.sourcedValue })]);
  });
});

describe("a published report made a draft again", () => {
  it("takes its projects and values out of a viewer's sight, and brings them back when published again", async () => {
    const viewer = clients.get("viewer")!;
    const report = ok(await s.call("GET", "/api/documents?type=report&stubs=false")).items.find((d: { status: string }) => d.status === "published");
    const named = ok(await s.call("GET", `/api/projects?documentId=${report.id}&pageSize=500`)).items;
    // Its own projects (no other document names them), and one a published document names too (the expressway, in the letter and plan 003).
    const onlyIt: number[] = [], shared: number[] = [];
    for (const p of named) (ok(await s.call("GET", `/api/projects/${p.id}`)).documents.length === 1 ? onlyIt : shared).push(p.id);
    const projects = [...onlyIt, ...shared];
    expect(onlyIt.length).toBeGreaterThan(0);
    expect(shared.length).toBeGreaterThan(0);
    const indicatorIds = ok(await s.call("GET", `/api/indicators?documentId=${report.id}&pageSize=500`)).items.map((i: { id: number }) => i.id);
    expect(projects.length).toBeGreaterThan(0);
    /** The report's projects and values as `client` sees them: by list, and one by one. */
    const visible = async (client: Client) => {
      const listed = ok(await client.call("GET", `/api/projects?documentId=${report.id}&pageSize=500`)).items.length;
      const one = (await client.call("GET", `/api/projects/${projects[0]}`)).status;
      const values: number[] = [];
      for (const id of indicatorIds) values.push(...ok(await client.call("GET", `/api/values?indicatorId=${id}&pageSize=500`)).items.map((v: { id: number }) => v.id));
      return { listed, one, values };
    };
    const before = await visible(viewer);
    expect(before).toMatchObject({ listed: projects.length, one: 200 });
    expect(before.values.length).toBeGreaterThan(0);

    const setStatus = async (status: string) => {
      const { version } = ok(await s.call("GET", `/api/documents/${report.id}`));
      ok(await s.call("PATCH", `/api/documents/${report.id}`, { status, version }));
    };
    await setStatus("draft");
    expect(await visible(viewer)).toEqual({ listed: 0, one: 404, values: [] });
    // A project another, published document names stays in sight, without the draft report's figures or its name on the list.
    const sharedSeen = ok(await viewer.call("GET", `/api/projects/${shared[0]}`));
    expect(sharedSeen.documents.map((d: { id: number }) => d.id)).not.toContain(report.id);
    expect(sharedSeen.metrics.filter((m: { sourceDocumentId: number }) => m.sourceDocumentId === report.id)).toEqual([]);
    expect((await viewer.call("GET", `/api/values/${before.values[0]}`)).status).toBe(404);
    expect(await visible(clients.get("leader")!)).toEqual(before);

    await setStatus("published");
    expect(await visible(viewer)).toEqual(before);
  }, 120_000);
});
