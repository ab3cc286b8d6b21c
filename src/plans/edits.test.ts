/**
 * Editing what is published, as the focal point: a document's metadata (issuer from the registry), a task
 * (text, section, agencies, the agencies under each collective phrase, deadline, output), an indicator's target,
 * and a task's status with its reason. Each write is audited under the user; bad input gets a clear error
 * naming the field, and nothing changes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type Client, type TestServer } from "../../test/support/server.js";

let s: TestServer;
let focal: Client;
let plan: number, dpi: number, dof: number, dxd: number, dnv: number, ppc: number;
const audit = async (table: string, rowKey: string | number) =>
  (await s.call("GET", `/api/audit?table=${table}&rowKey=${rowKey}&limit=20`)).body.items as { actorName: string; action: string; operation: string; before: any; after: any }[];

beforeAll(async () => {
  s = await startTestServer();
  const agency = async (code: string, name: string, kind = "department") => (await s.call("POST", "/api/agencies", { code, name, kind })).body.id as number;
  dpi = await agency("so-kh-dt", "Sở Kế hoạch và Đầu tư");
  dof = await agency("so-tc", "Sở Tài chính");
  dxd = await agency("so-xd", "Sở Xây dựng");
  dnv = await agency("so-nv", "Sở Nội vụ");
  ppc = await agency("ubnd-tinh", "Ủy ban nhân dân tỉnh Lạng Sơn", "ppc");
  plan = (await s.call("POST", "/api/documents", { symbol: "23/KH-UBND", title: "Kế hoạch thực hiện", issuedOn: "26/01/2023", status: "published", issuerText: "UBND tỉnh" })).body.id;
  focal = await s.as("daumoi-sua", "focal_point", [dof]);
});
afterAll(async () => { await s.close(); });

describe("a published document's metadata", () => {
  it("changes symbol, type, date, signer, title and the issuer picked from the registry, audited under the user", async () => {
    const before = (await focal.call("GET", `/api/documents/${plan}`)).body;
    const res = await focal.call("PATCH", `/api/documents/${plan}`, {
      symbol: "24/KH-UBND", docType: "plan", issuedOn: "27/01/2023", signer: "Đoàn Thu Hà", title: "Kế hoạch thực hiện Nghị quyết", issuerId: ppc, version: before.version,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ symbol: "24/KH-UBND", issuedOn: "2023-01-27", signer: "Đoàn Thu Hà", issuerId: ppc, issuerText: "UBND tỉnh", version: before.version + 1 });
    expect((await focal.call("GET", `/api/documents/${plan}`)).body.issuerName).toBe("Ủy ban nhân dân tỉnh Lạng Sơn");
    const [event] = await audit("documents", plan);
    expect(event).toMatchObject({ actorName: "daumoi-sua", operation: "update", before: { issuer_id: null, signer: null }, after: { issuer_id: ppc, signer: "Đoàn Thu Hà" } });
  });

  it("refuses an unknown issuer, a malformed symbol, an impossible date and a stale version, changing nothing", async () => {
    const doc = (await focal.call("GET", `/api/documents/${plan}`)).body;
    const cases: [unknown, number, string | null][] = [
      [{ issuerId: 999999, version: doc.version }, 400, "issuerId"],
      [{ symbol: "///", version: doc.version }, 400, "symbol"],
      [{ issuedOn: "31/02/2023", version: doc.version }, 400, "issuedOn"],
      [{ title: "Khác", version: doc.version - 1 }, 409, null],
    ];
    for (const [body, status, field] of cases) {
      const res = await focal.call("PATCH", `/api/documents/${plan}`, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      if (field) expect(res.body.error.fields[0].field).toBe(field);
      expect(res.body.error.message).toBeTruthy();
    }
    const after = (await focal.call("GET", `/api/documents/${plan}`)).body;
    expect(after).toMatchObject({ version: doc.version, title: doc.title, symbol: doc.symbol, issuerId: doc.issuerId, issuedOn: doc.issuedOn });
  });
});

describe("a published task", () => {
  let task: any;
  beforeAll(async () => {
    task = (await s.call("POST", "/api/tasks", {
      documentId: plan, text: "Xây dựng đề án chuyển đổi số", sectionNumber: "2.1", leadIds: [dpi], coordinatingIds: [dof, dxd, dnv],
      phrases: [{ role: "coordinating", phrase: "các sở, ban, ngành", agencyIds: [dxd, dnv] }], deadlineText: "Quý III/2024",
    })).body;
  });

  it("shows the agencies a phrase brought in under the phrase", () => {
    expect(task.coordinating).toEqual([
      { id: dof, name: "Sở Tài chính", via: null }, { id: dxd, name: "Sở Xây dựng", via: "các sở, ban, ngành" }, { id: dnv, name: "Sở Nội vụ", via: "các sở, ban, ngành" },
    ]);
  });

  it("changes text, section, lead, deadline and output, audited under the user", async () => {
    const res = await focal.call("PATCH", `/api/tasks/${task.id}`, {
      text: "Xây dựng, trình đề án chuyển đổi số", sectionNumber: "2.2", leadIds: [dof], deadlineText: "trong năm 2025", expectedOutput: "Đề án", version: task.version,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ text: "Xây dựng, trình đề án chuyển đổi số", sectionNumber: "2.2", lead: [{ id: dof, via: null }], deadlineKind: "year", deadlineYear: 2025, expectedOutput: "Đề án" });
    // The partners and their phrase stay as they were.
    expect(res.body.coordinating.map((a: any) => [a.id, a.via])).toEqual([[dof, null], [dxd, "các sở, ban, ngành"], [dnv, "các sở, ban, ngành"]]);
    const events = await audit("tasks", task.id);
    expect(events[0]).toMatchObject({ actorName: "daumoi-sua", action: "PATCH /api/tasks/:id", after: { section_number: "2.2", expected_output: "Đề án" } });
    const lead = await audit("task_agencies", `${task.id}/${dof}/lead`);
    expect(lead[0]).toMatchObject({ actorName: "daumoi-sua", operation: "insert" });
    task = res.body;
  });

  it("takes an agency out of a phrase and adds another under it, the named ones staying", async () => {
    const res = await focal.call("PATCH", `/api/tasks/${task.id}`, { phrases: [{ role: "coordinating", phrase: "các sở, ban, ngành", agencyIds: [dnv, dpi] }], version: task.version });
    expect(res.status).toBe(200);
    expect(res.body.coordinating.map((a: any) => [a.id, a.via])).toEqual([[dof, null], [dnv, "các sở, ban, ngành"], [dpi, "các sở, ban, ngành"]]);
    expect(res.body.lead.map((a: any) => a.id)).toEqual([dof]);
    const removed = await audit("task_agencies", `${task.id}/${dxd}/coordinating`);
    expect(removed[0]).toMatchObject({ operation: "delete", actorName: "daumoi-sua" });
    task = res.body;
  });

  it("refuses an unknown agency (named or under a phrase), an impossible deadline and a stale version, changing nothing", async () => {
    const cases: [unknown, number, string | null][] = [
      [{ leadIds: [dof, 999999], version: task.version }, 400, "leadIds.1"],
      [{ phrases: [{ role: "coordinating", phrase: "các sở, ban, ngành", agencyIds: [dnv, 999999] }], version: task.version }, 400, "phrases.0.agencyIds.1"],
      [{ deadlineText: "trước ngày 31/02/2025", version: task.version }, 400, "deadlineText"],
      [{ text: "Khác", version: task.version - 1 }, 409, null],
    ];
    for (const [body, status, field] of cases) {
      const res = await focal.call("PATCH", `/api/tasks/${task.id}`, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      if (field) expect(res.body.error.fields[0]).toMatchObject({ field, message: expect.any(String) });
    }
    expect((await focal.call("GET", `/api/tasks/${task.id}`)).body).toEqual(task);
  });

  it("may not be edited by a reporter", async () => {
    const reporter = await s.as("bcv-sua", "reporter", [dxd]);
    expect((await reporter.call("PATCH", `/api/tasks/${task.id}`, { text: "X", version: task.version })).status).toBe(403);
  });
});

describe("an indicator's target", () => {
  let indicator: any;
  beforeAll(async () => {
    indicator = (await s.call("POST", "/api/indicators", { documentId: plan, name: "Tỷ lệ che phủ rừng", unit: "%", comparator: ">=", min: 65, targetYear: 2025 })).body;
  });

  it("changes comparator, bounds, unit, year and owner, audited", async () => {
    const res = await focal.call("PATCH", `/api/indicators/${indicator.id}`, { comparator: "range", min: "66,5", max: 67, unit: "% diện tích", targetYear: 2030, ownerId: dxd, version: indicator.version });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ comparator: "range", min: 66.5, max: 67, unit: "% diện tích", targetYear: 2030, ownerId: dxd });
    const [event] = await audit("indicators", indicator.id);
    expect(event).toMatchObject({ actorName: "daumoi-sua", before: { comparator: ">=", min: 65, max: null }, after: { comparator: "range", min: 66.5, max: 67 } });
    indicator = res.body;
  });

  it("refuses an invalid target, an unknown owner and a stale version, changing nothing", async () => {
    const cases: [unknown, number, string | null][] = [
      [{ comparator: "range", min: 70, max: 60, version: indicator.version }, 400, "max"],
      [{ comparator: "<=", min: 5, max: null, version: indicator.version }, 400, "max"],
      [{ min: "nhiều", version: indicator.version }, 400, "min"],
      [{ targetYear: 20300, version: indicator.version }, 400, "targetYear"],
      [{ ownerId: 999999, version: indicator.version }, 400, "ownerId"],
      [{ unit: "ha", version: indicator.version - 1 }, 409, null],
    ];
    for (const [body, status, field] of cases) {
      const res = await focal.call("PATCH", `/api/indicators/${indicator.id}`, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      if (field) expect(res.body.error.fields[0]).toMatchObject({ field, message: expect.any(String) });
    }
    expect((await focal.call("GET", `/api/indicators/${indicator.id}`)).body).toEqual(indicator);
  });
});

describe("a task's status set by the focal point", () => {
  let task: any;
  const evaluated = async (year: number) => (await focal.call("GET", `/api/plans/${plan}/evaluation?year=${year}`)).body.tasks.find((t: any) => t.id === task.id);
  beforeAll(async () => {
    task = (await s.call("POST", "/api/tasks", { documentId: plan, text: "Ban hành quy chế phối hợp", leadIds: [dnv], deadlineText: "trước ngày 30/6/2024" })).body;
  });

  it("needs a reason, and a day not after today", async () => {
    const bare = await focal.call("PATCH", `/api/tasks/${task.id}`, { status: "completed", version: task.version });
    expect(bare.status).toBe(400);
    expect(bare.body.error.fields).toEqual([{ field: "statusReason", message: "Nêu lý do (hoặc căn cứ) khi đánh dấu nhiệm vụ hoàn thành hay huỷ bỏ" }]);
    const future = await focal.call("PATCH", `/api/tasks/${task.id}`, { status: "completed", statusReason: "Đã ban hành", statusOn: "01/01/2999", version: task.version });
    expect(future.body.error.fields[0].field).toBe("statusOn");
    expect((await focal.call("GET", `/api/tasks/${task.id}`)).body).toMatchObject({ status: "open", statusReason: null, version: task.version });
    expect((await evaluated(2024)).state).toBe("overdue");
  });

  it("marked completed with a reason and evidence, counts as completed (late against its deadline) and says who set it", async () => {
    const res = await focal.call("PATCH", `/api/tasks/${task.id}`, {
      status: "completed", statusReason: "Đã ban hành Quyết định 1234/QĐ-UBND", statusOn: "15/08/2024", statusEvidence: "https://example.gov.vn/qd-1234.pdf", version: task.version,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "completed", statusReason: "Đã ban hành Quyết định 1234/QĐ-UBND", statusOn: "2024-08-15", statusEvidence: "https://example.gov.vn/qd-1234.pdf", statusSetByName: "daumoi-sua" });
    expect(res.body.statusSetAt).toBeTruthy();
    expect(await evaluated(2024)).toMatchObject({ state: "completed_late", setByFocalPoint: true, statusReason: "Đã ban hành Quyết định 1234/QĐ-UBND" });
    const counts = (await focal.call("GET", `/api/plans/${plan}/evaluation?year=2024`)).body.taskCounts;
    expect(counts.completed_late).toBe(1);
    // Before the day it was completed, it was not.
    expect((await evaluated(2023)).state).toBe("in_progress");
    const [event] = await audit("tasks", task.id);
    expect(event).toMatchObject({ actorName: "daumoi-sua", before: { status: "open", status_reason: null }, after: { status: "completed", status_reason: "Đã ban hành Quyết định 1234/QĐ-UBND" } });
    task = res.body;
  });

  it("completed by its deadline counts as on time; reopened it counts from its deadline again", async () => {
    const onTime = await focal.call("PATCH", `/api/tasks/${task.id}`, { statusOn: "20/06/2024", version: task.version });
    expect(onTime.body).toMatchObject({ status: "completed", statusOn: "2024-06-20", statusReason: "Đã ban hành Quyết định 1234/QĐ-UBND" });
    expect((await evaluated(2024)).state).toBe("completed_on_time");
    const reopened = await focal.call("PATCH", `/api/tasks/${task.id}`, { status: "open", statusReason: "Quyết định bị thu hồi", version: onTime.body.version });
    expect(reopened.body).toMatchObject({ status: "open", statusOn: null, statusEvidence: null, statusReason: "Quyết định bị thu hồi" });
    expect((await evaluated(2024)).state).toBe("overdue");
  });

  it("cancelled with a reason, it leaves the evaluation", async () => {
    const current = (await focal.call("GET", `/api/tasks/${task.id}`)).body;
    const res = await focal.call("PATCH", `/api/tasks/${task.id}`, { status: "cancelled", statusReason: "Nhiệm vụ không còn phù hợp", version: current.version });
    expect(res.body).toMatchObject({ status: "cancelled", statusReason: "Nhiệm vụ không còn phù hợp" });
    expect(await evaluated(2024)).toBeUndefined();
  });
});
