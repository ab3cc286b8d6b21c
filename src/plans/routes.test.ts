import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../test/support/server.js";

let s: TestServer;
let plan: number, dpi: number, dof: number;
beforeAll(async () => {
  s = await startTestServer();
  plan = (await s.call("POST", "/api/documents", { symbol: "23/KH-UBND", title: "Kế hoạch", issuedOn: "26/01/2023" })).body.id;
  dpi = (await s.call("POST", "/api/agencies", { code: "so-kh-dt", name: "Sở Kế hoạch và Đầu tư", kind: "department" })).body.id;
  dof = (await s.call("POST", "/api/agencies", { code: "so-tc", name: "Sở Tài chính", kind: "department" })).body.id;
});
afterAll(async () => { await s.close(); });

describe("tasks", () => {
  it("creates a task with lead and coordinating agencies and a normalised deadline", async () => {
    const res = await s.call("POST", "/api/tasks", {
      documentId: plan, text: "Theo dõi, đôn đốc, tổng hợp báo cáo UBND tỉnh", sectionNumber: "6.1",
      leadIds: [dpi], coordinatingIds: [dof], deadlineText: "trước ngày 15/12 hằng năm",
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      sectionNumber: "6.1", deadlineKind: "yearly", deadlineDay: 15, deadlineMonth: 12, deadlineText: "trước ngày 15/12 hằng năm",
      lead: [{ id: dpi, name: "Sở Kế hoạch và Đầu tư" }], coordinating: [{ id: dof, name: "Sở Tài chính" }], status: "open",
    });
  });

  it("lists an agency's tasks by role", async () => {
    expect((await s.call("GET", `/api/tasks?agencyId=${dof}`)).body.total).toBe(1);
    expect((await s.call("GET", `/api/tasks?agencyId=${dof}&role=lead`)).body.total).toBe(0);
    expect((await s.call("GET", `/api/tasks?documentId=${plan}&q=don%20doc`)).body.total).toBe(1);
  });

  it("counts an agency's tasks again after a write, and sends no folded search text", async () => {
    const before = (await s.call("GET", `/api/tasks?agencyId=${dof}`)).body;
    expect(before.items[0]).not.toHaveProperty("searchFolded");
    const added = (await s.call("POST", "/api/tasks", { documentId: plan, text: "Cân đối vốn", leadIds: [dof] })).body;
    expect((await s.call("GET", `/api/tasks?agencyId=${dof}`)).body.total).toBe(before.total + 1);
    expect((await s.call("GET", `/api/tasks?agencyId=${dof}&role=lead`)).body.total).toBe(1);
    expect((await s.call("DELETE", `/api/tasks/${added.id}`)).status).toBe(204);
    expect((await s.call("GET", `/api/tasks?agencyId=${dof}`)).body.total).toBe(before.total);
  });

  it("pages an agency's tasks in document order, each page with its tasks' agencies", async () => {
    const later = (await s.call("POST", "/api/documents", { symbol: "24/KH-UBND", title: "Kế hoạch khác", issuedOn: "27/01/2023" })).body.id;
    const agency = (await s.call("POST", "/api/agencies", { code: "so-xd", name: "Sở Xây dựng", kind: "department" })).body.id;
    // Written out of order: the later document first, offsets descending.
    const made: number[] = [];
    for (const [documentId, startOffset] of [[later, 50], [plan, 900], [later, 10], [plan, 300], [plan, 600]] as const) {
      made.push((await s.call("POST", "/api/tasks", { documentId, startOffset, text: `Việc ${startOffset}`, leadIds: [agency], coordinatingIds: [dof] })).body.id);
    }
    const whole = (await s.call("GET", `/api/tasks?agencyId=${agency}&pageSize=100`)).body;
    expect(whole.items.map((t: { documentId: number; startOffset: number }) => [t.documentId, t.startOffset]))
      .toEqual([[plan, 300], [plan, 600], [plan, 900], [later, 10], [later, 50]]);
    const paged = [];
    for (let page = 1; page <= 3; page++) {
      const body = (await s.call("GET", `/api/tasks?agencyId=${agency}&page=${page}&pageSize=2`)).body;
      expect(body.total).toBe(5);
      paged.push(...body.items);
    }
    expect(paged).toEqual(whole.items);
    expect(paged.every((t: { lead: { id: number }[]; coordinating: { id: number }[] }) => t.lead[0].id === agency && t.coordinating[0].id === dof)).toBe(true);
    for (const id of made) expect((await s.call("DELETE", `/api/tasks/${id}`)).status).toBe(204);
  });

  it("refuses an unknown agency, naming its position, and writes nothing", async () => {
    const before = (await s.call("GET", "/api/tasks")).body.total;
    const res = await s.call("POST", "/api/tasks", { documentId: plan, text: "X", leadIds: [dpi, 99999] });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ field: "leadIds.1", message: "Không có cơ quan với mã số này" }]);
    expect((await s.call("GET", "/api/tasks")).body.total).toBe(before);
  });

  it("changes only the fields a PATCH sends: the agencies and status stay", async () => {
    const t = (await s.call("POST", "/api/tasks", { documentId: plan, text: "Rà soát", leadIds: [dpi], coordinatingIds: [dof], status: "completed" })).body;
    const res = await s.call("PATCH", `/api/tasks/${t.id}`, { text: "Rà soát, đánh giá", version: t.version });
    expect(res.body).toMatchObject({ text: "Rà soát, đánh giá", status: "completed", lead: [{ id: dpi }], coordinating: [{ id: dof }] });
  });

  it("refuses an impossible deadline instead of storing none or a corrected one", async () => {
    for (const deadlineText of ["trước ngày 31/02/2024", "ngày 31 tháng 6 năm 2025"]) {
      const res = await s.call("POST", "/api/tasks", { documentId: plan, text: "X", deadlineText });
      expect(res.status, deadlineText).toBe(400);
      expect(res.body.error.fields[0].field).toBe("deadlineText");
    }
    const yearly = await s.call("POST", "/api/tasks", { documentId: plan, text: "X", deadline: { kind: "yearly", day: 31, month: 2 } });
    expect(yearly.body.error.fields[0].field).toBe("deadline.day");
    const dateless = await s.call("POST", "/api/tasks", { documentId: plan, text: "X", deadline: { kind: "date" } });
    expect(dateless.body.error.fields[0].field).toBe("deadline.date");
  });

  it("updates the agencies and the deadline, then refuses the stale version", async () => {
    const t = (await s.call("POST", "/api/tasks", { documentId: plan, text: "Xây dựng đề án", leadIds: [dpi], deadlineText: "Quý III/2024" })).body;
    expect(t).toMatchObject({ deadlineKind: "date", deadlineDate: "2024-09-30" });
    const res = await s.call("PATCH", `/api/tasks/${t.id}`, { leadIds: [dof], deadlineText: "thường xuyên", version: 1 });
    expect(res.body).toMatchObject({ lead: [{ id: dof }], deadlineKind: "ongoing", deadlineDate: null, version: 2 });
    expect((await s.call("PATCH", `/api/tasks/${t.id}`, { text: "y", version: 1 })).status).toBe(409);
    expect((await s.call("DELETE", `/api/tasks/${t.id}`)).status).toBe(204);
    expect((await s.call("GET", `/api/tasks/${t.id}`)).status).toBe(404);
  });
});

describe("indicators and values", () => {
  it("stores a range target and accepts Vietnamese numbers", async () => {
    const res = await s.call("POST", "/api/indicators", {
      documentId: plan, name: "Tốc độ tăng trưởng GRDP bình quân", unit: "%", comparator: "range", min: "8", max: "9",
      targetYear: 2030, perYear: true, periodFrom: 2021, periodTo: 2030,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ comparator: "range", min: 8, max: 9, perYear: true, periodFrom: 2021, direction: "higher" });
    const value = await s.call("POST", "/api/values", { indicatorId: res.body.id, period: "2024", value: "6,33", kind: "estimate" });
    expect(value.status).toBe(201);
    expect(value.body).toMatchObject({ value: 6.33, periodYear: 2024, kind: "estimate" });
    expect((await s.call("POST", "/api/values", { indicatorId: res.body.id, period: "2024", value: 6.4, kind: "estimate" })).status).toBe(409);
    expect((await s.call("GET", `/api/values?indicatorId=${res.body.id}`)).body.total).toBe(1);
    const moved = await s.call("PATCH", `/api/values/${value.body.id}`, { indicatorId: 99999, version: 1 });
    expect(moved.status).toBe(400);
    expect(moved.body.error.fields[0].field).toBe("indicatorId");
  });

  it("derives bounds from the comparator and refuses what does not fit", async () => {
    const above = await s.call("POST", "/api/indicators", { documentId: plan, name: "Tỷ lệ", unit: "%", comparator: ">", min: 95, max: 99 });
    expect(above.body).toMatchObject({ min: 95, max: null });
    const approx = await s.call("POST", "/api/indicators", { documentId: plan, name: "Đô thị hóa", unit: "%", comparator: "approx", min: 30 });
    expect(approx.body).toMatchObject({ min: 30, max: 30, perYear: false, direction: "higher" });
    const changed = await s.call("PATCH", `/api/indicators/${approx.body.id}`, { min: 35, version: 1 });
    expect(changed.body).toMatchObject({ min: 35, max: 35, comparator: "approx", direction: "higher" });
    const missing = await s.call("POST", "/api/indicators", { documentId: plan, name: "X", comparator: "range", min: 9 });
    expect(missing.body.error.fields[0].field).toBe("max");
    const inverted = await s.call("POST", "/api/indicators", { documentId: plan, name: "X", comparator: "range", min: 9, max: 8 });
    expect(inverted.status).toBe(400);
    expect((await s.call("POST", "/api/indicators", { documentId: plan, name: "X", comparator: "=", min: "tám" })).body.error.fields[0].field).toBe("min");
    expect((await s.call("POST", "/api/values", { indicatorId: above.body.id, period: "2024-13", value: 1, kind: "actual" })).body.error.fields[0])
      .toEqual({ field: "period", message: expect.stringContaining("Kỳ không đúng dạng") });
  });

  it("changes an indicator's owner, in the audit trail under the focal point, and refuses an unknown agency changing nothing", async () => {
    const focal = await s.as("chuyenvien-chi-tieu", "focal_point");
    const i = (await focal.call("POST", "/api/indicators", { documentId: plan, name: "Tỷ lệ che phủ rừng", unit: "%", comparator: ">=", min: 67 })).body;
    expect(i.ownerId).toBeNull();
    const owned = await focal.call("PATCH", `/api/indicators/${i.id}`, { ownerId: dpi, version: i.version });
    expect(owned.body).toMatchObject({ ownerId: dpi, version: i.version + 1 });
    const listed = (await focal.call("GET", `/api/indicators?documentId=${plan}&ownerId=${dpi}`)).body.items;
    expect(listed).toEqual([expect.objectContaining({ id: i.id, ownerName: "Sở Kế hoạch và Đầu tư" })]);
    const trail = (await s.call("GET", `/api/audit?table=indicators&rowKey=${i.id}&limit=50`)).body.items;
    expect(trail[0]).toMatchObject({ action: "PATCH /api/indicators/:id", before: { owner_id: null }, after: { owner_id: dpi }, actorName: "chuyenvien-chi-tieu" });

    const unknown = await focal.call("PATCH", `/api/indicators/${i.id}?lang=en`, { ownerId: 99999, version: owned.body.version });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual([{ field: "ownerId", message: "No agency with this id" }]);
    expect((await focal.call("GET", `/api/indicators/${i.id}`)).body).toMatchObject({ ownerId: dpi, version: owned.body.version });
  });
});

describe("projects", () => {
  it("keeps a project's figures", async () => {
    const p = (await s.call("POST", "/api/projects", { documentId: plan, name: "Cao tốc Hữu Nghị - Chi Lăng", leadId: dpi })).body;
    const m = await s.call("POST", `/api/projects/${p.id}/metrics`, { label: "Mặt bằng đã bàn giao", value: "366,55", of: "640,28", unit: "ha", asOf: "30/11/2024" });
    expect(m.status).toBe(201);
    expect(m.body).toMatchObject({ value: 366.55, of: 640.28, unit: "ha", asOf: "2024-11-30" });
    expect((await s.call("GET", `/api/projects/${p.id}`)).body.metrics).toHaveLength(1);
    expect((await s.call("PATCH", `/api/project-metrics/${m.body.id}`, { value: 400, version: 1 })).body.value).toBe(400);
    expect((await s.call("POST", "/api/projects/99999/metrics", { label: "x", value: 1 })).status).toBe(404);
  });
});

describe("the database itself", () => {
  it("refuses a value outside an enum even when written past the API", async () => {
    const { sql } = await import("drizzle-orm");
    await expect(s.db.store.db.execute(sql`update tasks set status = 'maybe'`)).rejects.toThrow();
  });
});
