/**
 * Amendments over HTTP (issue 15), on the sample province: a plan amending 23/KH-UBND goes through the import
 * pipeline (upload, review, publish); its target for forest cover changes from 01/7/2025, so 2024 is judged
 * against the old target and 2025 and 2026 against the new; a task's deadline moves a year and another task is
 * repealed; the department's plan under 23/KH-UBND is flagged and its owner notified; marking it reviewed clears
 * it; the history lists every version. Versions by hand and hostile input change nothing; an amendment taken back
 * to a draft is not applied for readers who may not see drafts.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencies } from "../agencies/schema.js";
import { departmentPlanText } from "../../test/support/department-plan.js";
import { amendmentPlanText, AMENDED_TASK, REPEALED_TASK } from "../../test/support/amendment-plan.js";
import { startTestServer, upload, type Client, type TestServer } from "../../test/support/server.js";

let s: TestServer;
let focal: Client;
let owner: Client;
let viewer: Client;
let plan: number;
let child: number;
let amendment: number;
let forest: { id: number; version: number };
const idOf: Record<string, number> = {};

const ok = <T = any>(res: { status: number; body: T }, status = 200): T => {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
};
const fieldsOf = (res: { body: any }) => (res.body.error?.fields ?? []).map((f: { field: string }) => f.field);

beforeAll(async () => {
  s = await startTestServer({ samples: true });
  for (const a of await s.db.store.db.select({ id: agencies.id, code: agencies.code }).from(agencies)) idOf[a.code] = a.id;
  focal = await s.as("dau-moi-sd", "focal_point", [idOf["so-tai-chinh"]]);
  owner = await s.as("so-xd-sd", "reporter", [idOf["so-xay-dung"]]);
  viewer = await s.as("xem-sd", "viewer");
  plan = ok(await focal.call("GET", `/api/documents?q=${encodeURIComponent("23/KH-UBND")}`)).items.find((d: { symbol: string }) => d.symbol === "23/KH-UBND").id;
  forest = ok(await focal.call("GET", `/api/indicators?documentId=${plan}&q=${encodeURIComponent("che phủ rừng")}`)).items[0];
}, 240_000);
afterAll(async () => { await s?.close(); });

async function importThrough(name: string, text: string, edit?: (draft: any) => any) {
  const review = ok(await upload(s, name, Buffer.from(text), "vi", focal), 201);
  let version = review.version;
  if (edit) version = ok(await focal.call("PUT", `/api/imports/${review.id}/draft`, { draft: edit(review.draft), version })).version;
  const published = await focal.call("POST", `/api/imports/${review.id}/publish`, { version });
  return { review, published, version };
}
const targetIn = async (year: number, client: Client = focal) =>
  ok(await client.call("GET", `/api/plans/${plan}/evaluation?year=${year}`)).indicators.find((i: { id: number }) => i.id === forest.id).target;
const taskIn = async (year: number, text: string) =>
  ok(await focal.call("GET", `/api/plans/${plan}/evaluation?year=${year}`)).tasks.find((t: { text: string }) => t.text.toLowerCase().startsWith(text.toLowerCase()));

describe("an amendment of 23/KH-UBND through the import pipeline", () => {
  it("publishes the department's plan under 23/KH-UBND", async () => {
    const { published } = await importThrough("ke-hoach-so-xay-dung.txt", departmentPlanText("Sở Xây dựng", "31/KH-SXD", 10, 3));
    child = ok(published).documentId;
    expect(ok(await focal.call("GET", `/api/documents/${child}`)).issuerId).toBe(idOf["so-xay-dung"]);
    expect(await targetIn(2025)).toMatchObject({ comparator: "=", min: 67 });
    expect(await taskIn(2025, AMENDED_TASK)).toMatchObject({ state: "overdue", due: "2024-12-31" });
  });

  it("proposes the plan amended and the item each change changes; publishing applies them, links and flags", async () => {
    const { review, published } = await importThrough("45-KH-UBND.txt", amendmentPlanText());
    const a = review.draft.amendment;
    expect(a).toMatchObject({ kind: "amends", symbol: "23/KH-UBND", targetId: plan, inForceFrom: "2025-07-01" });
    expect(a.changes.map((c: any) => [c.matchKind, c.matchId])).toEqual([
      ["indicator", forest.id], ["task", expect.any(Number)], ["task", expect.any(Number)],
    ]);
    // It amends 23/KH-UBND; it does not implement it, and its clauses are not targets or tasks of its own.
    expect(review.draft.implements.map((c: { symbol: string }) => c.symbol)).not.toContain("23/KH-UBND");
    expect(review.draft.indicators).toEqual([]);
    amendment = ok(published).documentId;
    const links = ok(await focal.call("GET", `/api/links?documentId=${amendment}`)).items;
    expect(links).toEqual([expect.objectContaining({ fromId: amendment, toId: plan, kind: "amends" })]);
  });

  it("judges each year against the target in force then, and each task against its deadline then", async () => {
    expect(await targetIn(2024)).toMatchObject({ min: 67 });
    expect(await targetIn(2025)).toMatchObject({ min: 65 });
    expect(await targetIn(2026)).toMatchObject({ min: 65 });
    expect(ok(await focal.call("GET", `/api/indicators/${forest.id}`))).toMatchObject({ min: 65 });
    // The dashboard follows: each year's light against that year's target.
    const dashboardTarget = async (year: number) => ok(await focal.call("GET", `/api/dashboard/indicators?year=${year}&plan=${plan}`)).items.find((i: { id: number }) => i.id === forest.id).target;
    expect(await dashboardTarget(2024)).toContain("67");
    expect(await dashboardTarget(2025)).toContain("65");
    // Due by the end of 2024 until 01/7/2025, then in 2026: overdue no more.
    expect(await taskIn(2024, AMENDED_TASK)).toMatchObject({ due: "2024-12-31" });
    expect(await taskIn(2025, AMENDED_TASK)).toMatchObject({ state: "in_progress", due: "2026-12-31" });
    // Repealed from 01/7/2025: judged in 2024, not after.
    expect(await taskIn(2024, REPEALED_TASK)).toBeTruthy();
    expect(await taskIn(2025, REPEALED_TASK)).toBeUndefined();
    const repealed = ok(await focal.call("GET", `/api/tasks?documentId=${plan}&status=cancelled`)).items;
    expect(repealed.map((t: { text: string }) => t.text.toLowerCase())).toEqual([expect.stringContaining(REPEALED_TASK.toLowerCase())]);
  });

  it("flags the department's plan and notifies its owner and the focal point; marking it reviewed clears it", async () => {
    const flags = ok(await owner.call("GET", `/api/documents/${child}/flags`));
    expect(flags).toEqual([expect.objectContaining({ changeId: amendment, changeSymbol: "45/KH-UBND", resolvedAt: null, note: expect.stringContaining("thành \"Tỷ lệ che phủ rừng đạt 65%\"") })]);
    expect(flags[0].note).toMatch(/^Sửa đổi theo 45\/KH-UBND \(từ ngày 01\/07\/2025\)/);
    expect(ok(await owner.call("GET", "/api/notifications")).items).toContainEqual(expect.objectContaining({ kind: "document_flagged", params: expect.objectContaining({ documentId: child, change: "45/KH-UBND" }) }));
    // The focal point hears once for the chain, with how many documents are to review.
    expect(ok(await focal.call("GET", "/api/notifications")).items).toContainEqual(expect.objectContaining({ kind: "chain_flagged", params: expect.objectContaining({ documentId: plan, document: "23/KH-UBND", change: "45/KH-UBND", count: 1 }) }));
    // The amended plan itself and the amendment are not flagged.
    expect(ok(await focal.call("GET", `/api/documents/${plan}/flags`))).toEqual([]);
    expect((await owner.call("POST", `/api/document-flags/${flags[0].id}/resolve`)).status).toBe(403);
    const resolved = ok(await focal.call("POST", `/api/document-flags/${flags[0].id}/resolve`));
    expect(resolved).toMatchObject({ id: flags[0].id, resolvedBy: expect.any(Number), resolvedByName: "dau-moi-sd" });
    expect(ok(await owner.call("GET", `/api/documents/${child}/flags`))).toEqual([]);
    expect(ok(await owner.call("GET", `/api/documents/${child}/flags?all=1`))).toHaveLength(1);
    expect((await focal.call("POST", "/api/document-flags/999999/resolve")).status).toBe(404);
  });

  it("keeps the history: the original and each version, with the document that set it", async () => {
    const history = ok(await viewer.call("GET", `/api/documents/${plan}/versions`));
    expect(history.indicators).toEqual([expect.objectContaining({ id: forest.id, versions: [
      expect.objectContaining({ inForceFrom: null, min: 67, sourceSymbol: "23/KH-UBND" }),
      expect.objectContaining({ inForceFrom: "2025-07-01", min: 65, sourceSymbol: "45/KH-UBND" }),
    ] })]);
    expect(history.tasks).toHaveLength(2);
    const moved = history.tasks.find((t: { text: string }) => t.text.startsWith(AMENDED_TASK));
    expect(moved.versions.map((v: any) => [v.inForceFrom, v.deadlineKind, v.deadlineYear, v.cancelled])).toEqual([[null, "year", 2024, false], ["2025-07-01", "year", 2026, false]]);
    // Every version and flag is in the audit trail, under the one who published.
    for (const table of ["indicator_targets", "task_versions", "document_flags"]) {
      expect(ok(await s.call("GET", `/api/audit?table=${table}&limit=50`)).items.filter((e: any) => e.operation === "insert").length, table).toBeGreaterThan(0);
    }
  });
});

describe("versions and links by hand", () => {
  it("adds a target in force from a day, keeping what was before", async () => {
    const added = ok(await focal.call("POST", `/api/indicators/${forest.id}/target-versions`, { inForceFrom: "01/01/2027", comparator: ">=", min: "66,5" }), 201);
    expect(added.map((v: any) => [v.inForceFrom, v.min])).toEqual([[null, 67], ["2025-07-01", 65], ["2027-01-01", 66.5]]);
    // In force from 2027: today's target is still 65.
    expect(ok(await focal.call("GET", `/api/indicators/${forest.id}`))).toMatchObject({ min: 65 });
  });

  it("refuses hostile input with a message at the field, and writes nothing", async () => {
    const bad = async (path: string, body: unknown, field: string) => {
      const res = await focal.call("POST", path, body);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(fieldsOf(res)).toContain(field);
      return res.body.error;
    };
    const minMax = await bad(`/api/indicators/${forest.id}/target-versions`, { inForceFrom: "01/01/2028", comparator: "range", min: 70, max: 60 }, "max");
    expect(minMax.fields[0].message).toBe("Giá trị tối thiểu lớn hơn giá trị tối đa");
    expect((await bad(`/api/indicators/${forest.id}/target-versions`, { inForceFrom: "31/02/2028", comparator: ">=", min: 60 }, "inForceFrom")).fields[0].message).toMatch(/không tồn tại/);
    await bad(`/api/indicators/${forest.id}/target-versions`, { inForceFrom: "01/7/2025", comparator: ">=", min: 60 }, "inForceFrom");
    await bad(`/api/indicators/${forest.id}/target-versions`, { inForceFrom: "01/01/2028", comparator: "sometimes", min: 60 }, "comparator");
    const task = ok(await focal.call("GET", `/api/tasks?documentId=${plan}&q=${encodeURIComponent("Tổ điều phối liên kết vùng")}`)).items[0];
    await bad(`/api/tasks/${task.id}/versions`, { inForceFrom: "01/01/2026", deadlineText: "trước ngày 31/02/2026" }, "deadlineText");
    expect((await bad(`/api/tasks/${task.id}/versions`, { inForceFrom: "01/01/2026" }, "deadlineText")).fields[0].message).toMatch(/^Phiên bản mới phải thay đổi/);
    expect(ok(await focal.call("GET", `/api/tasks/${task.id}`))).toMatchObject({ deadlineText: task.deadlineText, version: task.version });
    expect(ok(await focal.call("GET", `/api/documents/${plan}/versions`)).tasks).toHaveLength(2);
    expect(ok(await focal.call("GET", `/api/indicators/${forest.id}`)).version).toBe(ok(await focal.call("GET", `/api/indicators/${forest.id}`)).version);
    // A document amending itself; a link of a kind that does not exist.
    await bad("/api/links", { fromId: plan, toId: plan, kind: "amends" }, "toId");
    await bad("/api/links", { fromId: amendment, toId: plan, kind: "abolishes" }, "kind");
    // Readers write nothing.
    expect((await viewer.call("POST", `/api/indicators/${forest.id}/target-versions`, { inForceFrom: "01/01/2029", comparator: ">=", min: 1 })).status).toBe(403);
    expect((await owner.call("POST", `/api/tasks/${task.id}/versions`, { inForceFrom: "01/01/2029", cancelled: true })).status).toBe(403);
  });

  it("links a repeal by hand, which flags the plans below the document repealed", async () => {
    const repealing = ok(await focal.call("POST", "/api/documents", { symbol: "99/QĐ-UBND", title: "Quyết định bãi bỏ một số nội dung", status: "published", issuedOn: "01/9/2026" }), 201);
    const link = ok(await focal.call("POST", "/api/links", { fromId: repealing.id, toId: plan, kind: "repeals", note: "Bãi bỏ mục 2.2" }), 201);
    expect(link.kind).toBe("repeals");
    expect(ok(await owner.call("GET", `/api/documents/${child}/flags`))).toEqual([expect.objectContaining({ changeId: repealing.id, note: "Bãi bỏ mục 2.2" })]);
    // Without a note, the flag says how and by which document.
    const replacing = ok(await focal.call("POST", "/api/documents", { symbol: "100/KH-UBND", title: "Kế hoạch thay thế", status: "published", issuedOn: "02/9/2026" }), 201);
    ok(await focal.call("POST", "/api/links", { fromId: replacing.id, toId: plan, kind: "replaces" }), 201);
    expect(ok(await owner.call("GET", `/api/documents/${child}/flags`))).toContainEqual(expect.objectContaining({ changeId: replacing.id, note: "Thay thế theo 100/KH-UBND" }));
    // A draft changes nothing yet: no flag.
    const drafted = ok(await focal.call("POST", "/api/documents", { symbol: "101/KH-UBND", title: "Dự thảo sửa đổi", issuedOn: "03/9/2026" }), 201);
    ok(await focal.call("POST", "/api/links", { fromId: drafted.id, toId: plan, kind: "amends" }), 201);
    expect(ok(await focal.call("GET", `/api/documents/${child}/flags`)).map((f: any) => f.changeId)).not.toContain(drafted.id);
  });
});

describe("an amendment published again, and deleted", () => {
  it("replaces what its earlier version set; deleted, it changes nothing more", async () => {
    // A new version of a second amendment moves the target's day: its earlier version's target goes.
    const first = await importThrough("47-KH-UBND.txt", amendmentPlanText("47/KH-UBND", "01/3/2026"));
    const second = ok(first.published).documentId;
    const days = async () => ok(await focal.call("GET", `/api/documents/${plan}/versions`)).indicators[0].versions.map((v: any) => v.inForceFrom);
    expect(await days()).toContain("2026-03-01");
    const again = await importThrough("47-KH-UBND-v2.txt", amendmentPlanText("47/KH-UBND", "01/4/2026").replace("65%\"", "64%\""));
    expect(ok(again.published).documentId).toBe(second);
    expect(await days()).toEqual([null, "2025-07-01", "2026-04-01", "2027-01-01"]);
    expect(ok(await focal.call("GET", `/api/indicators/${forest.id}`))).toMatchObject({ min: 64 });
    // Deleted: the target in force today is the one before it again.
    expect((await focal.call("DELETE", `/api/documents/${second}`)).status).toBe(204);
    expect(await days()).toEqual([null, "2025-07-01", "2027-01-01"]);
    expect(ok(await focal.call("GET", `/api/indicators/${forest.id}`))).toMatchObject({ min: 65 });
  });
});

describe("an amendment taken back to a draft", () => {
  it("is applied for no reader who may not see drafts, and its flags are hidden from them", async () => {
    const doc = ok(await focal.call("GET", `/api/documents/${amendment}`));
    ok(await focal.call("PATCH", `/api/documents/${amendment}`, { status: "draft", version: doc.version }));
    // The evaluation of the published plan counts published documents only.
    expect(await targetIn(2025, viewer)).toMatchObject({ min: 67 });
    const history = ok(await viewer.call("GET", `/api/documents/${plan}/versions`));
    expect(history.indicators[0].versions.map((v: any) => v.sourceSymbol)).not.toContain("45/KH-UBND");
    expect(history.tasks.flatMap((t: any) => t.versions.map((v: any) => v.sourceSymbol))).not.toContain("45/KH-UBND");
    expect(ok(await viewer.call("GET", `/api/documents/${child}/flags?all=1`)).map((f: any) => f.changeId)).not.toContain(amendment);
    expect(ok(await focal.call("GET", `/api/documents/${child}/flags?all=1`)).map((f: any) => f.changeId)).toContain(amendment);
    // The indicator's own target is the one in force without the draft's version, for everyone; published again, with it.
    expect(ok(await viewer.call("GET", `/api/indicators/${forest.id}`))).toMatchObject({ min: 67 });
    const drafted = ok(await focal.call("GET", `/api/documents/${amendment}`));
    ok(await focal.call("PATCH", `/api/documents/${amendment}`, { status: "published", version: drafted.version }));
    const republished = ok(await viewer.call("GET", `/api/indicators/${forest.id}`));
    const versions = ok(await focal.call("GET", `/api/documents/${plan}/versions`)).indicators.find((i: any) => i.id === forest.id).versions;
    const inForce = [...versions].filter((v: any) => v.inForceFrom === null || v.inForceFrom <= new Date().toISOString().slice(0, 10)).pop();
    expect(republished.min).toBe(inForce.min);
    expect(republished.min).not.toBe(67);
  });

  it("refuses a version by hand that cites a draft", async () => {
    const draft = ok(await focal.call("POST", "/api/documents", { symbol: "77/KH-UBND", title: "Dự thảo sửa đổi", status: "draft" }), 201).id;
    const refused = await focal.call("POST", `/api/indicators/${forest.id}/target-versions`, { inForceFrom: "2027-01-01", comparator: "=", min: 70, sourceDocumentId: draft });
    expect(refused).toMatchObject({ status: 400, body: { error: { fields: [{ field: "sourceDocumentId" }] } } });
  });

  it("fills what a version by hand leaves out from the version in force on its own day, not today's", async () => {
    const urban = ok(await focal.call("GET", `/api/indicators?documentId=${plan}&q=${encodeURIComponent("đô thị hóa")}`)).items[0];
    ok(await focal.call("POST", `/api/indicators/${urban.id}/target-versions`, { inForceFrom: "2026-01-01", comparator: ">=", min: 45, targetYear: 2035 }), 201);
    const versions = ok(await focal.call("POST", `/api/indicators/${urban.id}/target-versions`, { inForceFrom: "2024-03-01", comparator: ">=", min: 38 }), 201);
    expect(versions.find((v: any) => v.inForceFrom === "2024-03-01")).toMatchObject({ min: 38, targetYear: urban.targetYear });
    expect(ok(await focal.call("GET", `/api/indicators/${urban.id}`))).toMatchObject({ min: 45, targetYear: 2035 });
  });

  it("outlives a new version of the plan it amended: its items of the same name and words keep the versions", async () => {
    const symbolsOf = (history: any) => ({
      target: history.indicators.find((i: any) => i.name === "Tỷ lệ che phủ rừng")?.versions.map((v: any) => v.sourceSymbol) ?? [],
      tasks: history.tasks.flatMap((t: any) => t.versions.map((v: any) => v.sourceSymbol)),
    });
    const before = symbolsOf(ok(await focal.call("GET", `/api/documents/${plan}/versions`)));
    expect(before.target).toContain("45/KH-UBND");
    const seed = readFileSync(new URL("../../samples/seeds/002_157a5e8ea989fa8e.txt", import.meta.url), "utf8");
    const { published } = await importThrough("23-KH-UBND-ban-moi.txt", `${seed}\n\n`);
    expect(published.status).toBe(200);
    const after = symbolsOf(ok(await focal.call("GET", `/api/documents/${plan}/versions`)));
    expect(after).toEqual(before);
    const renewed = ok(await focal.call("GET", `/api/indicators?documentId=${plan}&q=${encodeURIComponent("che phủ rừng")}`)).items[0];
    expect(renewed.id).not.toBe(forest.id);
    const judged = (await ok(await focal.call("GET", `/api/plans/${plan}/evaluation?year=2025`))).indicators.find((i: any) => i.id === renewed.id).target;
    expect(judged.min).toBe(65);
  });
});
