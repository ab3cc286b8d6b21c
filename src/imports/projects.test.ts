/**
 * Key projects through the import pipeline: a plan names its projects, a later report gives their
 * figures; the review proposes the project each name is, and publishing ties both documents to one
 * record. A new version of the plan keeps the project and what was reported on it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, upload, type TestServer } from "../../test/support/server.js";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ registry: true });
}, 60_000);
afterAll(async () => { await s?.close(); });

const plan = (version: string) => Buffer.from(`ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN
Số: 88/KH-UBND
Lạng Sơn, ngày 10 tháng 3 năm 2026
KẾ HOẠCH
Đầu tư các dự án hạ tầng trọng điểm năm 2026${version}
I. NHIỆM VỤ
1. Tập trung nguồn lực hoàn thành các dự án trọng điểm, gồm: dự án Đường nối cửa khẩu Tân Thanh với Quốc lộ 4A; dự án Cải tạo, nâng cấp QL.31 (đoạn Km0 - Km12); dự án Khu tái định cư Hoàng Đồng.
2. Sở Xây dựng chủ trì, phối hợp với UBND các xã đẩy nhanh giải phóng mặt bằng các dự án, hoàn thành trong năm 2026.
`);
const report = Buffer.from(`ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN
Số: 412/BC-UBND
Lạng Sơn, ngày 20 tháng 11 năm 2026
BÁO CÁO
Tình hình thực hiện các dự án trọng điểm năm 2026
1. Dự án cải tạo, nâng cấp Quốc lộ 31 (đoạn Km0 - Km12): tính đến ngày 15/11/2026 đã bàn giao mặt bằng 18,5/24,2 ha; giải ngân 96,4/150 tỷ đồng, đạt 64,3%.
2. Dự án đường nối cửa khẩu Tân Thanh với QL4A: đã bàn giao 7,2/9,0 ha.
`);

async function publish(bytes: Buffer, name: string) {
  const imported = await upload(s, name, bytes);
  expect(imported.status, JSON.stringify(imported.body)).toBe(201);
  const published = await s.call("POST", `/api/imports/${imported.body.id}/publish`, { version: imported.body.version });
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  return { draft: imported.body.draft, documentId: published.body.documentId as number };
}

describe("key projects named by several documents", () => {
  let planId: number, reportId: number;

  it("records the projects a plan lists, tied to it", async () => {
    ({ documentId: planId } = await publish(plan(""), "ke-hoach.txt"));
    const listed = (await s.call("GET", `/api/projects?planId=${planId}`)).body.items.map((p: { name: string }) => p.name);
    expect(listed).toHaveLength(3);
    expect(listed).toEqual(expect.arrayContaining([expect.stringMatching(/Tân Thanh/), expect.stringMatching(/QL\.31/), expect.stringMatching(/Hoàng Đồng/)]));
  });

  it("proposes, in the report's review, the recorded project each of its names is, and ties the figures to it", async () => {
    const imported = await upload(s, "bao-cao.txt", report);
    const byName = (re: RegExp) => imported.body.draft.projects.find((p: { name: string }) => re.test(p.name));
    const road = (await s.call("GET", `/api/projects?planId=${planId}&q=${encodeURIComponent("QL.31")}`)).body.items[0] ?? (await s.call("GET", `/api/projects?planId=${planId}`)).body.items.find((p: { name: string }) => /31/.test(p.name));
    expect(byName(/Quốc lộ 31/)).toMatchObject({ matchId: road.id, candidates: [expect.objectContaining({ id: road.id })] });
    expect(byName(/Tân Thanh/).matchId).toEqual(expect.any(Number));
    const published = await s.call("POST", `/api/imports/${imported.body.id}/publish`, { version: imported.body.version });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    reportId = published.body.documentId;
    const detail = (await s.call("GET", `/api/projects/${road.id}`)).body;
    expect(detail.documents.map((d: { id: number; role: string }) => [d.id, d.role])).toEqual([[planId, "carries"], [reportId, "reports"]]);
    expect(detail.metrics).toEqual(expect.arrayContaining([
      expect.objectContaining({ measure: "clearance", value: 18.5, of: 24.2, asOf: "2026-11-15", sourceDocumentId: reportId }),
      expect.objectContaining({ measure: "disbursed", value: 96.4, of: 150, asOf: "2026-11-15" }),
    ]));
    // Three projects still: the report made none of its own for them.
    expect((await s.call("GET", "/api/projects")).body.total).toBe(3);
  });

  it("keeps the project and the report's figures when a new version of the plan is published", async () => {
    const before = (await s.call("GET", `/api/projects?planId=${planId}`)).body.items.map((p: { id: number }) => p.id).sort();
    const roadBefore = (await s.call("GET", `/api/projects?planId=${planId}`)).body.items.find((p: { name: string }) => /31/.test(p.name));
    const reported = (await s.call("GET", `/api/projects/${roadBefore.id}`)).body.metrics.filter((m: { sourceDocumentId: number }) => m.sourceDocumentId === reportId);
    expect(reported.length).toBeGreaterThanOrEqual(2);
    const again = await publish(plan(" (điều chỉnh)"), "ke-hoach-dieu-chinh.txt");
    expect(again.documentId).toBe(planId);
    expect((await s.call("GET", `/api/projects?planId=${planId}`)).body.items.map((p: { id: number }) => p.id).sort()).toEqual(before);
    const road = (await s.call("GET", `/api/projects?planId=${planId}`)).body.items.find((p: { name: string }) => /31/.test(p.name));
    expect((await s.call("GET", `/api/projects/${road.id}`)).body.metrics.filter((m: { sourceDocumentId: number }) => m.sourceDocumentId === reportId)).toEqual(reported);
  });

  it("publishes a name matched to a project deleted since as a new project", async () => {
    const imported = await upload(s, "bao-cao-2.txt", Buffer.from(report.toString().replace("412/BC-UBND", "415/BC-UBND").replace("20 tháng 11", "25 tháng 11")));
    const draft = imported.body.draft;
    draft.projects = draft.projects.map((p: object) => ({ ...p, matchId: 999_999 }));
    const saved = await s.call("PUT", `/api/imports/${imported.body.id}/draft`, { draft, version: imported.body.version });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const published = await s.call("POST", `/api/imports/${imported.body.id}/publish`, { version: saved.body.version });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect((await s.call("GET", "/api/projects")).body.total).toBe(3 + draft.projects.length);
  });
});
