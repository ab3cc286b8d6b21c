import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../test/support/server.js";
import { exportAgencies, importAgencies } from "./commands.js";

let s: TestServer;
beforeAll(async () => { s = await startTestServer(); });
afterAll(async () => { await s.close(); });

const create = async (body: object) => s.call("POST", "/api/agencies", body);

describe("agencies API", () => {
  it("creates an agency with aliases and finds it by an alias without accents", async () => {
    const ppc = await create({ code: "ubnd-tinh", name: "Ủy ban nhân dân tỉnh", kind: "ppc" });
    expect(ppc.status).toBe(201);
    const dpi = await create({ code: "so-kh-dt", name: "Sở Kế hoạch và Đầu tư", kind: "department", aliases: ["Sở KH&ĐT"], parentId: ppc.body.id });
    expect(dpi.body).toMatchObject({ aliases: ["Sở KH&ĐT"], parentId: ppc.body.id, version: 1 });
    const found = (await s.call("GET", "/api/agencies?q=so%20kh%20dt")).body;
    expect(found.items.map((a: { code: string }) => a.code)).toContain("so-kh-dt");
    expect((await s.call("GET", `/api/agencies?parentId=${ppc.body.id}`)).body.total).toBe(1);
  });

  it("refuses a bad kind, a bad code and a validity that ends before it starts", async () => {
    const bad = await create({ code: "Sở X", name: "", kind: "army" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(["code", "kind", "name"]);
    const range = await create({ code: "x-1", name: "X", kind: "board", validFrom: "01/03/2025", validTo: "28/02/2025" });
    expect(range.status).toBe(400);
    expect(range.body.error.fields[0].field).toBe("validTo");
    expect((await create({ code: "ubnd-tinh", name: "Trùng mã", kind: "ppc" })).status).toBe(409);
  });

  it("refuses a parent cycle", async () => {
    const a = (await create({ code: "cyc-a", name: "A", kind: "other" })).body;
    const b = (await create({ code: "cyc-b", name: "B", kind: "other", parentId: a.id })).body;
    const res = await s.call("PATCH", `/api/agencies/${a.id}`, { parentId: b.id, version: a.version });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].field).toBe("parentId");
  });

  it("records a merger with its date and shows it from both sides", async () => {
    const dpi = (await s.call("GET", "/api/agencies?q=ke%20hoach%20dau%20tu")).body.items[0];
    const dof = (await create({ code: "so-tai-chinh", name: "Sở Tài chính", kind: "department" })).body;
    const res = await s.call("PUT", `/api/agencies/${dpi.id}/successors`, { successors: [{ successorId: dof.id, effectiveDate: "01/03/2025", kind: "merge" }], version: dpi.version });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(dpi.version + 1);
    expect((await s.call("PUT", `/api/agencies/${dpi.id}/successors`, { successors: [], version: dpi.version })).status).toBe(409);
    expect(res.body.successors).toEqual([{ agency: { id: dof.id, code: "so-tai-chinh", name: "Sở Tài chính", kind: "department" }, effectiveDate: "2025-03-01", kind: "merge", note: null }]);
    expect((await s.call("GET", `/api/agencies/${dof.id}`)).body.predecessors[0].agency.id).toBe(dpi.id);
    expect((await s.call("PUT", `/api/agencies/${dpi.id}/successors`, { successors: [{ successorId: 999999, effectiveDate: "01/03/2025", kind: "merge" }], version: res.body.version })).status).toBe(400);
    expect((await s.call("GET", `/api/agencies/${dpi.id}`)).body.successors).toHaveLength(1);
  });

  it("changes only the fields a PATCH sends", async () => {
    const a = (await create({ code: "keep", name: "Sở Giữ", kind: "department", aliases: ["SG", "Sở G"] })).body;
    const res = await s.call("PATCH", `/api/agencies/${a.id}`, { name: "Sở Giữ nguyên", version: a.version });
    expect(res.body).toMatchObject({ name: "Sở Giữ nguyên", aliases: ["SG", "Sở G"], kind: "department" });
  });

  it("answers 409 to an edit from a stale version", async () => {
    const a = (await create({ code: "ver", name: "V", kind: "other" })).body;
    expect((await s.call("PATCH", `/api/agencies/${a.id}`, { name: "V2", version: 1 })).status).toBe(200);
    expect((await s.call("PATCH", `/api/agencies/${a.id}`, { name: "V3", version: 1 })).status).toBe(409);
  });

  it("lists agencies in existence on a date", async () => {
    await create({ code: "old", name: "Cơ quan cũ", kind: "board", validTo: "2025-02-28" });
    const after = (await s.call("GET", "/api/agencies?activeOn=2025-06-01&pageSize=500")).body.items.map((a: { code: string }) => a.code);
    expect(after).not.toContain("old");
    expect((await s.call("GET", "/api/agencies?activeOn=2025-01-01&pageSize=500")).body.items.map((a: { code: string }) => a.code)).toContain("old");
  });
});

describe("agency import and export", () => {
  it("bumps the version of an agency it updates, so an edit made before it is a conflict", async () => {
    const a = (await create({ code: "imp", name: "Ban Nhập", kind: "board" })).body;
    await importAgencies(s.db.store.db, [{ code: "imp", name: "Ban Nhập (đổi tên)", aliases: [], kind: "board", successors: [] }]);
    expect((await s.call("PATCH", `/api/agencies/${a.id}`, { name: "Ghi đè", version: a.version })).status).toBe(409);
    expect((await s.call("GET", `/api/agencies/${a.id}`)).body.name).toBe("Ban Nhập (đổi tên)");
  });

  it("round-trips by code, and a bad record writes nothing", async () => {
    const db = s.db.store.db;
    const exported = await exportAgencies(db);
    const result = await importAgencies(db, exported.agencies.map((a) => ({ ...a, successors: a.successors.map((x) => ({ ...x, note: x.note ?? null })) })));
    expect(result).toEqual({ created: 0, updated: exported.agencies.length });
    expect(await exportAgencies(db)).toEqual(exported);
    await expect(importAgencies(db, [
      { code: "new-one", name: "Mới", aliases: [], kind: "board", successors: [] },
      { code: "new-two", name: "Mới 2", aliases: [], kind: "board", parent: "does-not-exist", successors: [] },
    ])).rejects.toMatchObject({ code: "validation", fields: [{ field: "agencies.1.parent" }] });
    expect((await exportAgencies(db)).agencies.map((a) => a.code)).not.toContain("new-one");
  });
});
