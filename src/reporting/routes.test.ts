import { and, asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencies } from "../agencies/schema.js";
import { auditEvents } from "../audit/schema.js";
import { taskAgencies, tasks } from "../plans/schema.js";
import { EVIDENCE_MAX_BYTES } from "./evidence.js";
import { rounds } from "./schema.js";
import { zeros, zip } from "../../test/support/files.js";
import { startTestServer, type Client, type TestServer } from "../../test/support/server.js";
import { projectsAnswered } from "../../test/support/reports.js";

let s: TestServer;
let planId: number;
const idOf: Record<string, number> = {};

beforeAll(async () => {
  s = await startTestServer({ samples: true });
  planId = (await s.call("GET", `/api/documents?q=${encodeURIComponent("23/KH-UBND")}`)).body.items.find((d: { symbol: string }) => d.symbol === "23/KH-UBND").id;
  for (const a of await s.db.store.db.select({ id: agencies.id, code: agencies.code }).from(agencies)) idOf[a.code] = a.id;
});
afterAll(async () => { await s.close(); });

/** A task of the plan led by one expected agency and coordinated by another, neither of them in `exclude`. */
async function sharedTask(reporterIds: number[], exclude: number[]) {
  const rows = await s.db.store.db.select({ taskId: taskAgencies.taskId, agencyId: taskAgencies.agencyId, role: taskAgencies.role, via: taskAgencies.via })
    .from(taskAgencies).innerJoin(tasks, eq(tasks.id, taskAgencies.taskId)).where(and(eq(tasks.documentId, planId), inArray(taskAgencies.agencyId, reporterIds)));
  const usable = rows.filter((r) => !exclude.includes(r.agencyId));
  for (const lead of usable.filter((r) => r.role === "lead")) {
    // (A partner a collective phrase swept in owes nothing for the task.)
    const partner = usable.find((o) => o.taskId === lead.taskId && o.role === "coordinating" && o.via === null && o.agencyId !== lead.agencyId);
    if (partner) return { taskId: lead.taskId, leadId: lead.agencyId, partnerId: partner.agencyId };
  }
  return undefined;
}

describe("reporting rounds", () => {
  let focal: Client;
  let roundId: number;
  beforeAll(async () => { focal = await s.as("dau-moi", "focal_point", [idOf["so-tai-chinh"]]); });

  it("proposes a yearly round with Decree 09's window, 15/12, and the agencies after the 2025 mergers", async () => {
    const res = await focal.call("POST", "/api/rounds/proposal", { documentIds: [planId], periodKind: "year", periodYear: 2025 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ windowFrom: "2024-12-15", windowTo: "2025-12-14", dueOn: "2025-12-15", periodLabel: "2025", coordinatorId: idOf["so-tai-chinh"], reminderOffsets: [-7, -1, 1, 7] });
    expect(res.body.title).toBe("Báo cáo kết quả thực hiện 23/KH-UBND năm 2025");
    const ids = res.body.reporters.map((r: { id: number }) => r.id);
    expect(ids).toContain(idOf["so-tai-chinh"]);
    expect(ids).toContain(idOf["so-xay-dung"]);
    expect(ids).not.toContain(idOf["so-ke-hoach-dau-tu"]); // merged into Sở Tài chính on 01/03/2025
    expect(ids).not.toContain(idOf["so-giao-thong-van-tai"]);
    // In 2024 the department still existed, and reports for itself.
    const before = await focal.call("POST", "/api/rounds/proposal", { documentIds: [planId], periodKind: "year", periodYear: 2024 });
    expect(before.body.reporters.map((r: { id: number }) => r.id)).toContain(idOf["so-ke-hoach-dau-tu"]);
  });

  it("refuses a bad round with each field named", async () => {
    const res = await focal.call("POST", "/api/rounds", { documentIds: [planId], periodKind: "quarter", periodYear: 2026, dueOn: "31/02/2026" });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { field: string }) => f.field)).toEqual(["dueOn"]);
    const noPeriod = await focal.call("POST", "/api/rounds", { documentIds: [planId], periodKind: "quarter", periodYear: 2026 });
    expect(noPeriod.status).toBe(400);
    expect(noPeriod.body.error.fields[0]).toMatchObject({ field: "periodNumber", message: "Chọn kỳ báo cáo (6 tháng 1-2, quý 1-4, tháng 1-12)" });
  });

  it("opens a round; a reporter writes, submits, is returned, fixes, resubmits and is accepted; the board follows", async () => {
    const created = await focal.call("POST", "/api/rounds", { documentIds: [planId], periodKind: "year", periodYear: 2026, dueOn: "2026-12-31" });
    expect(created.status).toBe(201);
    roundId = created.body.id;
    const xd = idOf["so-xay-dung"];
    const reporter = await s.as("bc-xay-dung", "reporter", [xd]);

    const inbox = (await reporter.call("GET", "/api/inbox")).body.items;
    // The sample province's own 2026 round (due 15/12) comes first.
    expect(inbox).toEqual([expect.objectContaining({ agencyId: xd, dueOn: "2026-12-15" }), expect.objectContaining({ roundId, agencyId: xd, status: "missing", dueOn: "2026-12-31" })]);
    let form = (await reporter.call("GET", `/api/rounds/${roundId}/reports/${xd}`)).body;
    expect(form.editable).toBe(true);
    const lead = form.tasks.filter((t: { role: string }) => t.role === "lead");
    expect(lead.length).toBeGreaterThan(0);

    // Sending an empty report names every gap.
    const empty = await reporter.call("PUT", `/api/rounds/${roundId}/reports/${xd}`, { version: 0, results: "Đã triển khai" });
    expect(empty.status).toBe(200);
    const gaps = await reporter.call("POST", `/api/rounds/${roundId}/reports/${xd}/submit`, { version: empty.body.submission.version });
    expect(gaps.status).toBe(400);
    expect(gaps.body.error.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(lead.map((t: { id: number }) => `tasks.${t.id}.status`)));

    const saved = await reporter.call("PUT", `/api/rounds/${roundId}/reports/${xd}`, {
      version: empty.body.submission.version,
      tasks: lead.map((t: { id: number }) => ({ taskId: t.id, status: "in_progress", progress: 40, narrative: "Đang triển khai" })),
      // (Sở Xây dựng follows the plan's urban and road indicators.)
      indicators: form.indicators.map((i: { id: number }) => ({ indicatorId: i.id, explanation: "Chưa có số liệu" })),
      projects: projectsAnswered(form),
      difficulties: "Thiếu vốn", proposals: "Bổ sung vốn",
    });
    expect(saved.status).toBe(200);
    // A stale version (another tab) is a conflict, not a silent overwrite.
    expect((await reporter.call("PUT", `/api/rounds/${roundId}/reports/${xd}`, { version: empty.body.submission.version, results: "cũ" })).status).toBe(409);
    const sent = await reporter.call("POST", `/api/rounds/${roundId}/reports/${xd}/submit`, { version: saved.body.submission.version });
    expect(sent.status).toBe(200);
    expect(sent.body.submission.status).toBe("submitted");
    expect(sent.body.editable).toBe(false);

    let board = (await focal.call("GET", `/api/rounds/${roundId}`)).body;
    const expected = board.totals.expected;
    expect(board.totals).toMatchObject({ received: 1, onTime: 1, late: 0, missing: expected - 1, accepted: 0 });
    expect(board.percentages.received).toBe(Math.round(1000 / expected) / 10);

    const noComment = await focal.call("POST", `/api/rounds/${roundId}/reports/${xd}/review`, { version: sent.body.submission.version, decision: "return" });
    expect(noComment.status).toBe(400);
    expect(noComment.body.error.fields[0].field).toBe("comment");
    const returned = await focal.call("POST", `/api/rounds/${roundId}/reports/${xd}/review`, { version: sent.body.submission.version, decision: "return", comment: "Bổ sung số liệu giải ngân" });
    expect(returned.body.submission.status).toBe("returned");

    form = (await reporter.call("GET", `/api/rounds/${roundId}/reports/${xd}`)).body;
    expect(form.editable).toBe(true);
    expect(form.events.map((e: { kind: string }) => e.kind)).toEqual(["submitted", "returned"]);
    expect(form.events[1]).toMatchObject({ comment: "Bổ sung số liệu giải ngân", actorName: "dau-moi" });
    const note = (await reporter.call("GET", "/api/notifications")).body;
    expect(note.unread).toBe(1);
    expect(note.items[0]).toMatchObject({ kind: "returned", roundId, params: { comment: "Bổ sung số liệu giải ngân" } });

    const fixed = await reporter.call("PUT", `/api/rounds/${roundId}/reports/${xd}`, { version: form.submission.version, results: "Đã giải ngân 60%" });
    const resent = await reporter.call("POST", `/api/rounds/${roundId}/reports/${xd}/submit`, { version: fixed.body.submission.version });
    expect(resent.body.submission.firstSubmittedAt).toBe(sent.body.submission.firstSubmittedAt);
    const accepted = await focal.call("POST", `/api/rounds/${roundId}/reports/${xd}/review`, { version: resent.body.submission.version, decision: "accept" });
    expect(accepted.body.submission.status).toBe("accepted");
    const locked = await reporter.call("PUT", `/api/rounds/${roundId}/reports/${xd}`, { version: accepted.body.submission.version, results: "sửa sau" });
    expect(locked.status).toBe(400);
    expect(locked.body.error.fields[0].field).toBe("status");

    // A task the agency reported on cannot be deleted from under its report.
    const deleted = await s.call("DELETE", `/api/tasks/${lead[0].id}`);
    expect(deleted.status).toBe(409);
    expect(deleted.body.error.code).toBe("in_use");

    board = (await focal.call("GET", `/api/rounds/${roundId}`)).body;
    expect(board.totals).toMatchObject({ received: 1, onTime: 1, accepted: 1, returned: 0 });
    expect(board.rows.find((r: { agencyId: number }) => r.agencyId === xd)).toMatchObject({ status: "accepted", onTime: true });

    // The audit trail has each step, by whom.
    const trail = await s.db.store.db.select().from(auditEvents).where(and(eq(auditEvents.tableName, "submissions"), eq(auditEvents.rowKey, String(form.submission.id)))).orderBy(asc(auditEvents.id));
    const statuses = trail.filter((e) => e.operation === "update" && (e.after as { status?: string }).status).map((e) => `${(e.after as { status: string }).status}:${e.actorName}`);
    expect(statuses).toEqual(["submitted:bc-xay-dung", "returned:dau-moi", "submitted:bc-xay-dung", "accepted:dau-moi"]);
    expect(trail[0]).toMatchObject({ operation: "insert", action: "PUT /api/rounds/:id/reports/:agencyId", actorName: "bc-xay-dung" });
    const api = await s.call("GET", `/api/audit?table=submission_events&limit=10`);
    expect(api.status).toBe(200);
    expect(api.body.items.map((e: { after: { kind: string } }) => e.after.kind)).toEqual(["accepted", "submitted", "returned", "submitted"]);
    expect((await reporter.call("GET", "/api/audit")).status).toBe(403);
  });

  it("keeps other agencies' reports out of a reporter's reach, answering 404", async () => {
    const mine = idOf["so-xay-dung"], other = idOf["so-tai-chinh"];
    const reporter = await s.signIn("bc-xay-dung");
    await focal.call("PUT", `/api/rounds/${roundId}/reports/${other}`, { version: 0, results: "Bản nháp của Sở Tài chính" });
    for (const [method, path, body] of [
      ["GET", `/api/rounds/${roundId}/reports/${other}`, undefined],
      ["PUT", `/api/rounds/${roundId}/reports/${other}`, { version: 1, results: "x" }],
      ["POST", `/api/rounds/${roundId}/reports/${other}/submit`, { version: 1 }],
      ["GET", `/api/rounds/${roundId}/reports/999999`, undefined],
    ] as const) expect((await reporter.call(method, path, body)).status, `${method} ${path}`).toBe(404);
    expect((await reporter.call("GET", `/api/rounds/${roundId}`)).status).toBe(403); // the board is the focal point's
    const viewer = await s.as("xem-bao-cao", "viewer");
    expect((await viewer.call("GET", `/api/rounds/${roundId}/reports/${mine}`)).status).toBe(404);
    const leader = await s.as("lanh-dao-bc", "leader");
    expect((await leader.call("GET", `/api/rounds/${roundId}/reports/${other}`)).status).toBe(200);
    expect((await leader.call("PUT", `/api/rounds/${roundId}/reports/${other}`, { version: 1 })).status).toBe(403);
  });

  it("shows the lead agency its partners' submitted contributions", async () => {
    const board = (await focal.call("GET", `/api/rounds/${roundId}`)).body;
    const reporterIds = board.rows.map((r: { agencyId: number }) => r.agencyId);
    // Sở Xây dựng's report is accepted and Sở Tài chính's is kept for the tests below.
    const shared = await sharedTask(reporterIds, [idOf["so-xay-dung"], idOf["so-tai-chinh"]]);
    expect(shared).toBeDefined();
    const { leadId, partnerId } = shared!;
    const form = (await focal.call("GET", `/api/rounds/${roundId}/reports/${leadId}`)).body;
    const task = form.tasks.find((t: { id: number }) => t.id === shared!.taskId);
    expect(task.role).toBe("lead");
    // The partner writes its contribution and sends its report (the focal point enters it, as for a report sent on paper).
    const partner = (await focal.call("GET", `/api/rounds/${roundId}/reports/${partnerId}`)).body;
    const fill = await focal.call("PUT", `/api/rounds/${roundId}/reports/${partnerId}`, {
      version: partner.submission?.version ?? 0,
      tasks: partner.tasks.map((t: { id: number; role: string }) => ({ taskId: t.id, status: "in_progress", narrative: t.id === task.id ? "Phần phối hợp của đối tác" : "" })),
      indicators: partner.indicators.map((i: { id: number }) => ({ indicatorId: i.id, explanation: "Chưa có số liệu" })),
      projects: projectsAnswered(partner),
    });
    expect(fill.status).toBe(200);
    expect((await focal.call("GET", `/api/rounds/${roundId}/reports/${leadId}`)).body.tasks.find((t: { id: number }) => t.id === task.id).contributions).toEqual([]);
    expect((await focal.call("POST", `/api/rounds/${roundId}/reports/${partnerId}/submit`, { version: fill.body.submission.version })).status).toBe(200);
    const after = (await focal.call("GET", `/api/rounds/${roundId}/reports/${leadId}`)).body.tasks.find((t: { id: number }) => t.id === task.id);
    expect(after.contributions).toEqual([expect.objectContaining({ agencyId: partnerId, narrative: "Phần phối hợp của đối tác", status: "in_progress" })]);
  });

  it("counts a report taken back before review as not received", async () => {
    const tc = idOf["so-tai-chinh"];
    const form = (await focal.call("GET", `/api/rounds/${roundId}/reports/${tc}`)).body;
    const filled = await focal.call("PUT", `/api/rounds/${roundId}/reports/${tc}`, {
      version: form.submission.version,
      tasks: form.tasks.map((t: { id: number }) => ({ taskId: t.id, status: "in_progress" })),
      indicators: form.indicators.map((i: { id: number }) => ({ indicatorId: i.id, explanation: "Chưa có số liệu" })),
      projects: projectsAnswered(form),
    });
    const sent = await focal.call("POST", `/api/rounds/${roundId}/reports/${tc}/submit`, { version: filled.body.submission.version });
    const row = async () => (await focal.call("GET", `/api/rounds/${roundId}`)).body.rows.find((r: { agencyId: number }) => r.agencyId === tc);
    expect(await row()).toMatchObject({ status: "submitted", received: true, onTime: true });
    const back = await focal.call("POST", `/api/rounds/${roundId}/reports/${tc}/withdraw`, { version: sent.body.submission.version });
    expect(back.status).toBe(200);
    expect(back.body.submission).toMatchObject({ status: "draft", firstSubmittedAt: null });
    expect(back.body.events.map((e: { kind: string }) => e.kind)).toEqual(["submitted", "withdrawn"]);
    expect(await row()).toMatchObject({ status: "draft", received: false, onTime: null });
    // Only a sent report can be taken back.
    expect((await focal.call("POST", `/api/rounds/${roundId}/reports/${tc}/withdraw`, { version: back.body.submission.version })).status).toBe(400);
  });

  it("asks for an explanation when an indicator misses its target", async () => {
    // An agency that has not reported yet and follows an indicator with a floor to reach ("≥ 80%").
    type Row = { agencyId: number; status: string };
    type Target = { id: number; comparator: string; min: number | null; direction: string };
    const floor = (i: Target) => i.comparator === ">=" && i.min !== null && i.direction === "higher";
    let tc = 0, form: any = null, target: any;
    for (const r of (await focal.call("GET", `/api/rounds/${roundId}`)).body.rows.filter((r: Row) => r.status === "missing")) {
      const f = (await s.call("GET", `/api/rounds/${roundId}/reports/${r.agencyId}`)).body;
      if (f.indicators.some(floor)) { tc = r.agencyId; form = f; target = f.indicators.find(floor); break; }
    }
    expect(target).toBeDefined();
    const saved = await focal.call("PUT", `/api/rounds/${roundId}/reports/${tc}`, {
      version: form.submission?.version ?? 0,
      tasks: form.tasks.map((t: { id: number }) => ({ taskId: t.id, status: "not_started" })),
      indicators: form.indicators.map((i: { id: number }) => i.id === target.id ? { indicatorId: i.id, value: target.min - 1, valueKind: "estimate", explanation: "" } : { indicatorId: i.id, value: "1.234,5" }),
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const row = saved.body.indicators.find((i: { id: number }) => i.id === target.id);
    expect(row).toMatchObject({ meetsTarget: false, report: { value: target.min - 1, valueKind: "estimate" } });
    expect(saved.body.indicators.find((i: { id: number }) => i.id !== target.id).report.value).toBe(1234.5);
    const refused = await focal.call("POST", `/api/rounds/${roundId}/reports/${tc}/submit`, { version: saved.body.submission.version });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields.map((f: { field: string }) => f.field)).toContain(`indicators.${target.id}.explanation`);

    // Explained, sent and accepted: its values become the plan's values for the round's year.
    const explained = await focal.call("PUT", `/api/rounds/${roundId}/reports/${tc}`, { version: saved.body.submission.version, indicators: [{ indicatorId: target.id, explanation: "Thiếu vốn đầu tư" }] });
    const sent = await focal.call("POST", `/api/rounds/${roundId}/reports/${tc}/submit`, { version: explained.body.submission.version });
    expect(sent.status).toBe(200);
    // (Here the administrator reviews it: the agency may be the focal point's own.)
    expect((await s.call("POST", `/api/rounds/${roundId}/reports/${tc}/review`, { version: sent.body.submission.version, decision: "accept" })).status).toBe(200);
    const values = (await focal.call("GET", `/api/values?indicatorId=${target.id}`)).body.items;
    expect(values).toEqual([expect.objectContaining({ period: "2026", periodYear: 2026, agencyId: tc, value: target.min - 1, kind: "estimate", note: "Thiếu vốn đầu tư" })]);
  });

  it("keeps evidence files whose bytes are what they claim, for those who may read the report", async () => {
    const xd = idOf["so-xay-dung"];
    // An agency that has not started: the first file starts its report.
    const ag = (await focal.call("GET", `/api/rounds/${roundId}`)).body.rows.find((r: { status: string }) => r.status === "missing").agencyId;
    const form = (await focal.call("GET", `/api/rounds/${roundId}/reports/${ag}`)).body;
    expect(form.submission).toBeNull();
    const upload = (name: string, bytes: Buffer, version: number) => {
      const body = new FormData();
      body.append("file", new Blob([new Uint8Array(bytes)]), name);
      return fetch(`${s.url}/api/rounds/${roundId}/reports/${ag}/evidence?version=${version}`, { method: "POST", headers: focal.headers, body });
    };
    const html = await upload("bien-ban.pdf", Buffer.from("<html><script>alert(1)</script></html>"), 0);
    expect(html.status).toBe(400);
    expect((await html.json()).error.fields[0].message).toBe("Chỉ nhận tệp PDF, Word, Excel, ảnh PNG/JPEG; hãy lưu hoặc in tệp ra PDF rồi đính kèm");
    // A Word file that inflates beyond its declared sizes is named for what it is, and read in the reading process.
    const bomb = await upload("bao-cao.docx", zip([{ name: "word/document.xml", data: zeros(50), method: 8, size: 1000 }]), 0);
    expect(bomb.status).toBe(400);
    expect((await bomb.json()).error.fields[0].message).toMatch(/giải ra quá lớn .*hãy mở bằng Word hoặc Excel, lưu lại rồi đính kèm/);
    const pdf = await upload("Biên bản.pdf", Buffer.from("%PDF-1.4\n% theodoi\n"), 0);
    expect(pdf.status, await pdf.clone().text()).toBe(201);
    const evidence = (await pdf.json()).evidence;
    expect(evidence).toEqual([expect.objectContaining({ fileName: "Biên bản.pdf", mediaType: "application/pdf" })]);
    const download = await fetch(`${s.url}/api/evidence/${evidence[0].id}`, { headers: focal.headers });
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(download.headers.get("content-disposition")).toContain("attachment");
    expect(download.headers.get("cache-control")).toBe("no-store"); // nor any other API answer, errors included
    expect((await fetch(`${s.url}/api/evidence/999999`, { headers: focal.headers })).headers.get("cache-control")).toBe("no-store");
    expect(await download.text()).toBe("%PDF-1.4\n% theodoi\n");
    const outsider = await s.as("bc-xd-2", "reporter", [xd]);
    expect((await outsider.call("GET", `/api/evidence/${evidence[0].id}`)).status).toBe(404);

    // Sizes: the evidence route's own 10 MB, not the JSON body's 2 MB; over it, the limit and what to do.
    const pdfOf = (bytes: number) => Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(bytes - 9, "a")]);
    const version = (await focal.call("GET", `/api/rounds/${roundId}/reports/${ag}`)).body.submission.version;
    const large = await upload("so-lieu.pdf", pdfOf(EVIDENCE_MAX_BYTES), version);
    expect(large.status, await large.clone().text()).toBe(201);
    for (const over of [EVIDENCE_MAX_BYTES + 1, EVIDENCE_MAX_BYTES + 200_000]) {
      const refused = await upload("qua-lon.pdf", pdfOf(over), (await large.clone().json()).submission.version);
      expect(refused.status).toBe(413);
      const { error } = await refused.json();
      expect([error.message, ...error.fields.map((f: { message: string }) => f.message)].join(" ")).toMatch(/vượt giới hạn 10 MB; hãy nén hoặc chia nhỏ/);
    }
  });

  it("writes the urging letter for the agencies still owing", async () => {
    const res = await fetch(`${s.url}/api/rounds/${roundId}/urging-letter`, { headers: focal.headers });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("wordprocessingml");
    const { default: mammoth } = await import("mammoth");
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(await res.arrayBuffer()) })).value;
    expect(text).toContain("UBND TỈNH LẠNG SƠN");
    expect(text).toContain("V/v đôn đốc báo cáo");
    expect(text).toContain("31/12/2026");
    expect(text).not.toContain("Sở Xây dựng"); // accepted: not late
    const board = (await focal.call("GET", `/api/rounds/${roundId}`)).body;
    const owing = board.rows.filter((r: { status: string }) => r.status === "missing" || r.status === "draft");
    for (const r of owing) expect(text).toContain(r.agencyName);
  });
});

describe("a report's numbers, status and gaps", () => {
  let reporter: Client;
  let path: string;
  let form: any;
  beforeAll(async () => {
    const xd = idOf["so-xay-dung"];
    reporter = await s.as("bc-xd-so-lieu", "reporter", [xd]);
    const [{ id: sampleRound }] = await s.db.store.db.select({ id: rounds.id }).from(rounds).orderBy(asc(rounds.id)).limit(1);
    path = `/api/rounds/${sampleRound}/reports/${xd}`;
    form = (await reporter.call("GET", path)).body;
  });
  const version = async () => (await reporter.call("GET", path)).body.submission?.version ?? 0;

  it("gives each task its full number: a '2.4' under part III is III.2.4", () => {
    const numbers = form.tasks.map((t: { number: string | null }) => t.number);
    // "2.4" sits under "2" under "III": the "2" it already holds is not repeated.
    expect(numbers).toEqual(expect.arrayContaining(["III", "III.2.1", "III.2.4"]));
    expect(form.tasks.find((t: { number: string }) => t.number === "III.2.4").sectionNumber).toBe("2.4");
  });

  it("saves a progress typed the Vietnamese way as typed, and refuses one out of range with the field named, changing nothing", async () => {
    const [task] = form.tasks;
    const typed = await reporter.call("PUT", path, { version: 0, tasks: [{ taskId: task.id, progress: "95,5" }] });
    expect(typed.status, JSON.stringify(typed.body)).toBe(200);
    expect(typed.body.tasks[0].report.progress).toBe(95.5);
    for (const bad of [955, "955", -1]) {
      const refused = await reporter.call("PUT", path, { version: typed.body.submission.version, tasks: [{ taskId: task.id, progress: bad }] });
      expect(refused.status).toBe(400);
      expect(refused.body.error.fields).toEqual([{ field: "tasks.0.progress", message: "Tiến độ (%) phải là số từ 0 đến 100, ví dụ 95,5" }]);
    }
    const malformed = await reporter.call("PUT", `${path}?lang=en`, { version: typed.body.submission.version, tasks: [{ taskId: task.id, progress: "95,5%" }] });
    expect(malformed.body.error.fields[0]).toMatchObject({ field: "tasks.0.progress", message: "Not a number; write 8310.18 or 8.310,18" });
    expect((await reporter.call("GET", path)).body.tasks[0].report.progress).toBe(95.5);
  });

  it("refuses to send a status that contradicts the progress, and names every gap by its item", async () => {
    const lead = form.tasks.filter((t: { role: string }) => t.role === "lead");
    const [first, second] = lead;
    const saved = await reporter.call("PUT", path, {
      version: await version(),
      tasks: [{ taskId: first.id, status: "in_progress", progress: 100 }, { taskId: second.id, status: "completed_on_time", progress: "58,5" }],
    });
    expect(saved.status).toBe(200);
    const refused = await reporter.call("POST", `${path}/submit`, { version: saved.body.submission.version });
    expect(refused.status).toBe(400);
    const said = new Map(refused.body.error.fields.map((f: { field: string; message: string }) => [f.field, f.message]));
    const label = (t: { number: string; text: string }) => `${t.number} “${(t.text.charAt(0).toUpperCase() + t.text.slice(1)).split(/\s+/).slice(0, 12).join(" ").replace(/[,;:.]$/, "")}…”`;
    expect(said.get(`tasks.${first.id}.progress`)).toBe(`Nhiệm vụ ${label(first)}: tiến độ 100% là đã hoàn thành; chọn “Hoàn thành đúng hạn” hoặc “Hoàn thành quá hạn”, hoặc sửa tiến độ`);
    expect(said.get(`tasks.${second.id}.progress`)).toBe(`Nhiệm vụ ${label(second)}: đã hoàn thành thì tiến độ là 100%; sửa tiến độ hoặc tình trạng`);
    const third = lead[2];
    expect(said.get(`tasks.${third.id}.status`)).toBe(`Nhiệm vụ ${label(third)}: chọn tình trạng thực hiện`);
    // Coordinating tasks without a status, and empty sections, are the form's to ask about: they do not stop sending.
    expect([...said.keys()].some((f) => form.tasks.find((t: { id: number; role: string }) => f === `tasks.${t.id}.status` && t.role === "coordinating"))).toBe(false);
    const en = await reporter.call("POST", `${path}/submit?lang=en`, { version: saved.body.submission.version });
    expect(en.body.error.fields.find((f: { field: string }) => f.field === `tasks.${second.id}.progress`).message).toBe(`Task ${label(second)}: a completed task is at 100%; correct its progress or its status`);
  });
});
