/**
 * Key projects in a round: the investor agency owes its projects, reports disbursement, site clearance and
 * progress (the cause when behind), the focal point accepts, and the project's figures, the dashboard and the
 * consolidated report follow. Bad input names its field and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencies } from "../agencies/schema.js";
import { startTestServer, type Client, type TestServer } from "../../test/support/server.js";
import { rounds } from "./schema.js";
import ExcelJS from "exceljs";
import { unzipSync, strFromU8 } from "fflate";
import { SHEETS } from "./template.js";

let s: TestServer;
let focal: Client, reporter: Client, leader: Client;
let planId: number, projectId: number, roundId: number;
const idOf: Record<string, number> = {};
const fieldsOf = (res: { body: { error: { fields: { field: string; message: string }[] } } }) => res.body.error.fields;

beforeAll(async () => {
  s = await startTestServer({ samples: true });
  for (const a of await s.db.store.db.select({ id: agencies.id, code: agencies.code }).from(agencies)) idOf[a.code] = a.id;
  // The sample province's own round is closed: this file's round is the one open.
  await s.db.store.db.update(rounds).set({ status: "closed" });
  focal = await s.as("dau-moi-da", "focal_point", [idOf["so-tai-chinh"]]);
  reporter = await s.as("xd-da", "reporter", [idOf["so-xay-dung"]]);
  leader = await s.as("ld-da", "leader");
  planId = (await s.call("POST", "/api/documents", { symbol: "77/KH-UBND", title: "Kế hoạch đầu tư các dự án trọng điểm năm 2026", docType: "plan", issuedOn: "2026-01-15", status: "published" })).body.id;
  const project = await s.call("POST", "/api/projects", {
    documentId: planId, name: "Đường kết nối Khu công nghiệp Hữu Lũng với QL.31", leadId: idOf["so-xay-dung"], location: "huyện Hữu Lũng",
    investment: "1.250,5", areaHa: "120,4", startsOn: "2025-01-01", completesOn: "2027-12-31",
  });
  expect(project.status, JSON.stringify(project.body)).toBe(201);
  projectId = project.body.id;
  const opened = await focal.call("POST", "/api/rounds", { documentIds: [planId], periodKind: "year", periodYear: 2026, dueOn: "2026-12-15" });
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  roundId = opened.body.id;
}, 240_000);
afterAll(async () => { await s?.close(); });

const form = async () => (await reporter.call("GET", `/api/rounds/${roundId}/reports/${idOf["so-xay-dung"]}`)).body;

describe("a key project in a round", () => {
  it("is owed by its investor, shown with its facts", async () => {
    const f = await form();
    expect(f.projects).toHaveLength(1);
    expect(f.projects[0]).toMatchObject({ id: projectId, name: "Đường kết nối Khu công nghiệp Hữu Lũng với QL.31", investment: 1250.5, areaHa: 120.4, report: null });
    const board = (await focal.call("GET", `/api/rounds/${roundId}`)).body;
    expect(board.rows.map((r: { agencyId: number }) => r.agencyId)).toContain(idOf["so-xay-dung"]);
  });

  it("refuses bad figures, naming each, and writes nothing", async () => {
    const url = `/api/rounds/${roundId}/reports/${idOf["so-xay-dung"]}`;
    const bad = await reporter.call("PUT", url, { version: 0, projects: [{ projectId, allocated: "-5", progress: "101" }] });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad).map((p) => p.field).sort()).toEqual(["projects.0.allocated", "projects.0.progress"]);
    const over = await reporter.call("PUT", url, { version: 0, projects: [{ projectId, allocated: "100", disbursed: "150" }, { projectId, clearedHa: "500" }] });
    expect(over.status).toBe(400);
    expect(fieldsOf(over)).toEqual([
      { field: "projects.0.disbursed", message: expect.stringContaining("không thể lớn hơn vốn bố trí") },
      { field: "projects.1.clearedHa", message: expect.stringContaining("120,4 ha") },
    ]);
    const other = (await s.call("POST", "/api/projects", { name: "Dự án của cơ quan khác", leadId: idOf["so-y-te"] })).body.id;
    const notOwed = await reporter.call("PUT", url, { version: 0, projects: [{ projectId: other, disbursed: 1 }] });
    expect(fieldsOf(notOwed)).toEqual([{ field: "projects.0.projectId", message: expect.stringContaining("không thuộc báo cáo") }]);
    expect((await form()).submission).toBeNull();
  });

  it("is a sheet of the agency's Excel template, filled offline and uploaded back (Vietnamese numbers, a negative refused by its cell)", async () => {
    const url = `${s.url}/api/rounds/${roundId}/reports/${idOf["so-xay-dung"]}/template`;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await (await fetch(url, { headers: reporter.headers })).arrayBuffer()) as never);
    const sheet = book.getWorksheet(SHEETS.projects)!;
    expect(sheet.getRow(3).getCell(2).value).toBe("Đường kết nối Khu công nghiệp Hữu Lũng với QL.31");
    expect(String(sheet.getRow(3).getCell(3).value)).toContain("Tổng mức đầu tư: 1.250,5 tỷ đồng");
    // (A locked cell is written with no protection of its own: locked is the default.)
    expect([1, 2, 3, 4, 12, 13].map((c) => sheet.getRow(3).getCell(c).protection?.locked ?? true)).toEqual(Array(6).fill(true));
    expect([5, 6, 7, 8, 9, 10, 11].map((c) => sheet.getRow(3).getCell(c).protection?.locked)).toEqual(Array(7).fill(false));
    const send = async (b: ExcelJS.Workbook) => {
      const body = new FormData();
      body.append("file", new Blob([new Uint8Array(await b.xlsx.writeBuffer())]), "mau.xlsx");
      const res = await fetch(url, { method: "POST", headers: reporter.headers, body });
      return { status: res.status, body: await res.json() };
    };
    sheet.getRow(3).getCell(5).value = "-400";
    const refused = await send(book);
    expect(refused.status).toBe(400);
    expect(fieldsOf(refused)).toEqual([{ field: `${SHEETS.projects}!E3`, message: `Trang ${SHEETS.projects}, ô E3: số không được âm` }]);
    expect((await form()).submission).toBeNull();
    [400, "120,75", "80,2", null, 35].forEach((v, j) => { sheet.getRow(3).getCell(5 + j).value = v; });
    sheet.getRow(3).getCell(10).value = "Đang thi công nền đường";
    const uploaded = await send(book);
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(200);
    const f = await form();
    expect(f.projects[0].report).toMatchObject({ allocated: 400, disbursed: 120.75, clearedHa: 80.2, builtKm: null, progress: 35, narrative: "Đang thi công nền đường" });
    expect(f.projects[0].evaluation.state).toBe("behind");
  });

  it("asks the cause when the figures typed put the project behind, and accepts it with one", async () => {
    const url = `/api/rounds/${roundId}/reports/${idOf["so-xay-dung"]}`;
    const saved = await reporter.call("PUT", url, { version: (await form()).submission.version, results: "Đã triển khai" });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const refused = await reporter.call("POST", `${url}/submit`, { version: saved.body.submission.version });
    expect(refused.status).toBe(400);
    expect(fieldsOf(refused)).toContainEqual({ field: `projects.${projectId}.explanation`, message: expect.stringContaining("chậm tiến độ") });
    const explained = await reporter.call("PUT", url, { version: saved.body.submission.version, projects: [{ projectId, explanation: "Vướng mắc giải phóng mặt bằng tại xã Minh Sơn." }] });
    const sent = await reporter.call("POST", `${url}/submit`, { version: explained.body.submission.version });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const accepted = await focal.call("POST", `${url}/review`, { version: sent.body.submission.version, decision: "accept" });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
  });

  it("records the accepted figures as the project's, dated and by agency; the dashboard and the report follow", async () => {
    const p = (await leader.call("GET", `/api/projects/${projectId}`)).body;
    const byMeasure = Object.fromEntries(p.metrics.map((m: { measure: string }) => [m.measure, m]));
    expect(byMeasure.disbursed).toMatchObject({ value: 120.75, of: 400, year: 2026, agencyId: idOf["so-xay-dung"], agencyName: "Sở Xây dựng" });
    expect(byMeasure.clearance).toMatchObject({ value: 80.2, of: 120.4 });
    expect(byMeasure.progress).toMatchObject({ value: 35 });
    expect(p.evaluation.state).toBe("behind");
    expect(p.plans).toEqual([{ id: planId, symbol: "77/KH-UBND", title: expect.any(String) }]);

    const listed = (await leader.call("GET", `/api/projects?planId=${planId}&state=behind`)).body;
    expect(listed.items.map((x: { id: number }) => x.id)).toEqual([projectId]);
    expect((await leader.call("GET", `/api/projects?planId=${planId}&state=on_schedule`)).body.items).toEqual([]);
    const dash = (await leader.call("GET", `/api/dashboard?plan=${planId}&year=2026`)).body;
    expect(dash.projectStates.behind).toBe(1);

    const draft = (await focal.call("GET", `/api/plans/${planId}/report-draft?year=2026`)).body;
    const section = draft.sections.find((x: { key: string }) => x.key === "projects").text;
    expect(section).toContain("Đường kết nối Khu công nghiệp Hữu Lũng với QL.31 (chủ đầu tư: Sở Xây dựng; địa điểm: huyện Hữu Lũng; tổng mức đầu tư 1.250,5 tỷ đồng; thời gian thực hiện 2025 - 2027)");
    expect(section).toContain("giải ngân 120,75/400 tỷ đồng, đạt 30,19% kế hoạch vốn năm 2026");
    expect(section).toContain("Nguyên nhân, theo báo cáo của Sở Xây dựng: Vướng mắc giải phóng mặt bằng tại xã Minh Sơn.");
    expect(section.match(/120,75/g)).toHaveLength(1);
    // A project behind is a limitation, and what comes next is to urge its investor.
    const text = (key: string) => draft.sections.find((x: { key: string }) => x.key === key).text as string;
    expect(text("limitations")).toContain("Dự án Đường kết nối Khu công nghiệp Hữu Lũng với QL.31 chậm tiến độ: khối lượng thực hiện thấp hơn tiến độ dự kiến");
    expect(text("ahead")).toContain("Đôn đốc Sở Xây dựng đẩy nhanh tiến độ dự án Đường kết nối Khu công nghiệp Hữu Lũng với QL.31, giải ngân hết kế hoạch vốn được giao.");
    // The .docx carries the same paragraph.
    const docx = await fetch(`${s.url}/api/plans/${planId}/report?year=2026`, { headers: leader.headers });
    const xml = strFromU8(unzipSync(new Uint8Array(await docx.arrayBuffer()))["word/document.xml"]);
    expect(xml).toContain("giải ngân 120,75/400 tỷ đồng");
  });

  it("is a sheet of the round's workbook of all reports, a row per agency and project", async () => {
    const res = await fetch(`${s.url}/api/rounds/${roundId}/submissions.xlsx`, { headers: focal.headers });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = book.getWorksheet("Dự án")!;
    const rows = [...sheet.getSheetValues()].slice(1).map((r) => [...((r ?? []) as ExcelJS.CellValue[])].slice(1).map((v) => v ?? null));
    const row = rows.find((r) => r[4] === "Đường kết nối Khu công nghiệp Hữu Lũng với QL.31")!;
    expect(row.slice(1, 3)).toEqual(["Sở Xây dựng", "Đã tiếp nhận"]);
    expect(row.slice(5, 13)).toEqual([400, 120.75, 80.2, null, 35, "Chậm tiến độ", "Đang thi công nền đường", "Vướng mắc giải phóng mặt bằng tại xã Minh Sơn."]);
  });
});
