/**
 * Indicator values in bulk over HTTP: a statistics office's ten-year sheet (an indicator a row, a
 * column a year, a title above and a footnote below) and a long CSV as Excel in Vietnamese writes
 * it (BOM, ";" separators, decimal commas) previewed and imported, replaced on a second import, and
 * audited; malformed files and rows each refused with their row and column named, nothing written;
 * hostile files (100,000 rows, a zip bomb, formulas, more than the size limit) bounded.
 */
import ExcelJS from "exceljs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../storage/database.js";
import { zeros, zip } from "../../test/support/files.js";
import { startTestServer, type Client, type TestServer } from "../../test/support/server.js";
import { periodOf } from "./value-file.js";

let s: TestServer;
let focal: Client, reporter: Client;
let planId: number;
/** The sample plan's indicators by a word of their name: id and name as recorded. */
const ind: Record<string, { id: number; name: string; unit: string | null }> = {};

async function send(client: Client, bytes: Buffer | Uint8Array, name: string, query = "") {
  const body = new FormData();
  body.append("file", new Blob([new Uint8Array(bytes)]), name);
  const res = await fetch(`${s.url}/api/values/import?lang=vi${query}`, { method: "POST", headers: client.headers, body });
  return { status: res.status, body: await res.json() as any };
}
const valueCount = async () => (await queryRows<{ n: number }>(s.db.store.db, sql`select count(*)::int as n from indicator_values`))[0].n;
const valuesOf = async (indicatorId: number) => (await s.call("GET", `/api/values?indicatorId=${indicatorId}&pageSize=100`)).body.items as any[];
const csv = (lines: string[], { bom = true, sep = ";" } = {}) => Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(lines.map((l) => l.replaceAll("|", sep)).join("\r\n") + "\r\n")]);
const fold = (t: string) => t.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D");

beforeAll(async () => {
  s = await startTestServer({ samples: true });
  planId = (await s.call("GET", `/api/documents?q=${encodeURIComponent("23/KH-UBND")}`)).body.items.find((d: { symbol: string }) => d.symbol === "23/KH-UBND").id;
  const list = (await s.call("GET", `/api/indicators?documentId=${planId}&pageSize=500`)).body.items as { id: number; name: string; unit: string | null }[];
  for (const [key, start] of [["forest", "Tỷ lệ che phủ rừng"], ["urban", "Tỷ lệ đô thị hóa"], ["tourists", "Tổng số khách du lịch"], ["village", "Tỷ lệ thôn có đường ô tô"]] as const) {
    const found = list.find((i) => i.name.startsWith(start));
    if (!found) throw new Error(`the sample plan has no indicator "${start}": ${list.map((i) => i.name).join(" | ")}`);
    ind[key] = found;
  }
  focal = await s.as("dau-moi-so-lieu", "focal_point");
  reporter = await s.as("bc-so-lieu", "reporter", [(await s.call("GET", "/api/agencies?pageSize=1")).body.items[0].id]);
}, 120_000);
afterAll(async () => { await s?.close(); });

/** The statistics office's sheet: a title, a header of years (the last one preliminary), a row per indicator, a footnote. */
async function statisticsSheet(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Số liệu");
  sheet.addRow(["CỤC THỐNG KÊ TỈNH LẠNG SƠN"]);
  sheet.addRow(["MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI GIAI ĐOẠN 2015 - 2024"]);
  sheet.addRow([]);
  sheet.addRow(["STT", "Chỉ tiêu", "Đơn vị tính", ...[2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023].map((y) => (y % 2 ? y : `Năm ${y}`)), "Sơ bộ 2024", "Nguồn"]);
  // Names as the office writes them: without accents, another case; figures as numbers and as Vietnamese text.
  sheet.addRow([1, fold(ind.forest.name).toUpperCase(), "%", 58.5, 59.1, 60, "60,5", 61.02, 62.2, "62,8", 63.1, 63.5, "63,85", "Niên giám thống kê 2024"]);
  sheet.addRow([2, ind.tourists.name, "lượt người", 2_650_000, "2.800.000", 3_000_500, 3_200_000, "3.412.345", 1_100_000, 1_250_000, 2_900_000, 3_500_000, "3.810.240", "Niên giám thống kê 2024"]);
  sheet.addRow([3, ind.urban.name, "%", 20.1, 20.6, 21, 21.4, { formula: "E7+0,5", result: 21.9 }, 22.3, "-", "..", 23.5, "24,05", null]);
  sheet.addRow([]);
  sheet.addRow(["Nguồn: Niên giám thống kê tỉnh Lạng Sơn năm 2024; số liệu năm 2024 là số sơ bộ."]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe("a series from the statistics office", () => {
  it("previews ten years of each indicator, writes nothing, then imports all of them in one go, audited", async () => {
    const before = await valueCount();
    const file = await statisticsSheet();
    const preview = await send(focal, file, "nien-giam.xlsx", `&preview=1&documentId=${planId}`);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.problems).toEqual([]);
    expect(preview.body.written).toBe(false);
    const forest = preview.body.rows.filter((r: any) => r.indicatorId === ind.forest.id);
    expect(forest.map((r: any) => r.period)).toEqual(["2015", "2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024"]);
    expect(forest.map((r: any) => r.value)).toEqual([58.5, 59.1, 60, 60.5, 61.02, 62.2, 62.8, 63.1, 63.5, 63.85]);
    expect(forest.at(-1)).toMatchObject({ kind: "estimate", row: 5, source: "Niên giám thống kê 2024", action: "add" });
    expect(forest[0].kind).toBe("actual");
    expect(preview.body.rows.filter((r: any) => r.indicatorId === ind.tourists.id).map((r: any) => r.value)).toContain(3_412_345);
    // "-" and ".." are no figure; the formula's computed result is taken.
    const urban = preview.body.rows.filter((r: any) => r.indicatorId === ind.urban.id);
    expect(urban.map((r: any) => r.period)).toEqual(["2015", "2016", "2017", "2018", "2019", "2020", "2023", "2024"]);
    expect(urban.find((r: any) => r.period === "2019").value).toBe(21.9);
    expect(preview.body.counts).toEqual({ add: 28, replace: 0, same: 0 });
    expect(await valueCount()).toBe(before);

    const imported = await send(focal, file, "nien-giam.xlsx", `&documentId=${planId}`);
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body).toMatchObject({ written: true, counts: { add: 28, replace: 0, same: 0 } });
    expect(await valueCount()).toBe(before + 28);
    const recorded = (await valuesOf(ind.forest.id)).filter((v) => v.agencyId === null && v.note === "Niên giám thống kê 2024");
    expect(recorded.map((v) => [v.period, v.value, v.kind])).toContainEqual(["2024", 63.85, "estimate"]);
    expect(recorded).toHaveLength(10);
    // Audited under the user and the route: one event per value written.
    const events = await queryRows<{ n: number; actor: string }>(s.db.store.db, sql`select count(*)::int as n, min(actor_name) as actor from audit_events
      where table_name = 'indicator_values' and action = 'POST /api/values/import' and operation = 'insert'`);
    expect(events[0]).toEqual({ n: 28, actor: "dau-moi-so-lieu" });
  });

  it("reads a long CSV as Excel in Vietnamese saves it (BOM, \";\", decimal commas, periods as written): replaces, keeps and adds", async () => {
    const file = csv([
      "Chỉ tiêu|Năm|Giá trị|Loại số liệu|Nguồn",
      `${ind.forest.name}|2024|64,1|Thực hiện|Báo cáo 123/BC-CTK`,
      `${ind.forest.name}|2024|63,85|ước|Niên giám thống kê 2024`,
      `${ind.forest.name}|2023|63,5|thực hiện|Niên giám thống kê 2024`,
      `"${ind.forest.name}"|Quý III/2025|64,3|ước|`,
      `${ind.forest.id}|2025-H1|"64,2"|estimate|`,
      `${ind.forest.name}|2030|70|kế hoạch|Kế hoạch 23/KH-UBND`,
    ]);
    const before = await valueCount();
    const preview = await send(focal, file, "so-lieu.csv", "&preview=1");
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.problems).toEqual([]);
    expect(preview.body.rows.map((r: any) => [r.row, r.period, r.kind, r.value, r.action])).toEqual([
      [2, "2024", "actual", 64.1, "add"], [3, "2024", "estimate", 63.85, "same"], [4, "2023", "actual", 63.5, "same"],
      [5, "2025-Q3", "estimate", 64.3, "add"], [6, "2025-H1", "estimate", 64.2, "add"], [7, "2030", "plan", 70, "add"],
    ]);
    // A source naming a recorded document by its number is tied to it.
    expect(preview.body.rows.at(-1).sourceDocumentId).toBe(planId);
    const changed = csv(["Chỉ tiêu;Năm;Giá trị".replaceAll(";", "|"), `${ind.forest.name}|2023|63,6`]);
    const replaced = await send(focal, changed, "sua.csv", "&preview=1");
    expect(replaced.body.rows[0]).toMatchObject({ action: "replace", previous: { value: 63.5, note: "Niên giám thống kê 2024" }, value: 63.6 });
    expect((await send(focal, file, "so-lieu.csv")).body.counts).toEqual({ add: 4, replace: 0, same: 2 });
    expect(await valueCount()).toBe(before + 4);
    expect((await send(focal, changed, "sua.csv")).body.counts).toEqual({ add: 0, replace: 1, same: 0 });
    expect((await valuesOf(ind.forest.id)).find((v) => v.period === "2023" && v.agencyId === null && v.kind === "actual")).toMatchObject({ value: 63.6, note: null, version: 2 });
  });

  it("imports for one indicator from its page without an indicator column, and is for the focal point only", async () => {
    const file = csv(["Năm|Giá trị", "2021|1.250.000", "2022|1.300.500"]);
    const answer = await send(focal, file, "mot-chi-tieu.csv", `&preview=1&indicatorId=${ind.tourists.id}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.rows.map((r: any) => [r.indicatorId, r.period, r.value])).toEqual([[ind.tourists.id, "2021", 1_250_000], [ind.tourists.id, "2022", 1_300_500]]);
    expect((await send(reporter, file, "mot-chi-tieu.csv", `&indicatorId=${ind.tourists.id}`)).status).toBe(403);
  });

  it("reads a CSV that Excel in Vietnamese saved in Windows-1258 (tones as combining marks)", async () => {
    // "Năm;Giá trị;Loại" then "2020;1.100.000;Ước": ă E3, á E1, the dot below F2 after its letter, Ư DD, ớ as ơ F5 + acute EC.
    const bytes = Buffer.concat([Buffer.from([0x4e, 0xe3, 0x6d, 0x3b, 0x47, 0x69, 0xe1, 0x20, 0x74, 0x72, 0x69, 0xf2, 0x3b, 0x4c, 0x6f, 0x61, 0xf2, 0x69, 0x0d, 0x0a]),
      Buffer.from("2020;1.100.000;"), Buffer.from([0xdd, 0xf5, 0xec, 0x63, 0x0d, 0x0a])]);
    const answer = await send(focal, bytes, "cp1258.csv", `&preview=1&indicatorId=${ind.tourists.id}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.rows.map((r: any) => [r.period, r.value, r.kind])).toEqual([["2020", 1_100_000, "estimate"]]);
  });
});

describe("malformed files and rows", () => {
  const header = "Chỉ tiêu|Năm|Giá trị|Loại số liệu|Nguồn";
  const good = () => `${ind.forest.name}|2010|50|thực hiện|`;
  /** Ten files, each with one fault: the message (Vietnamese) that names where it is. */
  const cases: [string, () => Promise<Buffer> | Buffer, string | RegExp][] = [
    ["an indicator nobody recorded", () => csv([header, good(), "Tỷ lệ hộ dùng điện lưới quốc gia|2011|99|thực hiện|"]), "Dòng 3, cột A (Chỉ tiêu): không có chỉ tiêu “Tỷ lệ hộ dùng điện lưới quốc gia”; ghi đúng tên chỉ tiêu như trong kế hoạch (không cần dấu) hoặc mã số của chỉ tiêu"],
    ["a name that several indicators share", () => csv([header, `${ind.village.name}|2011|90|thực hiện|`]), /^Dòng 2, cột A \(Chỉ tiêu\): có nhiều chỉ tiêu tên “Tỷ lệ thôn có đường ô tô[^”]*” \(mã số \d+ \(23\/KH-UBND\), \d+/],
    ["a period that is none", () => csv([header, good(), `${ind.forest.name}|2024-Q5|50|thực hiện|`]), "Dòng 3, cột B (Năm): “2024-Q5” không phải năm hoặc kỳ; ghi 2024, 2024-Q3 (Quý III/2024), 2024-H1 hoặc 2024-05"],
    ["a value that is no number", () => csv([header, `${ind.forest.name}|2011|khoảng 50|thực hiện|`]), "Dòng 2, cột C (Giá trị): “khoảng 50” không phải số; ghi dạng 8.310,18 hoặc 8310.18"],
    ["a kind that is none", () => csv([header, `${ind.forest.name}|2011|50|dự báo|`]), "Dòng 2, cột D (Loại số liệu): “dự báo” không phải loại số liệu; ghi Thực hiện, Ước hoặc Kế hoạch"],
    ["a value missing", () => csv([header, good(), `${ind.forest.name}|2012||thực hiện|`]), "Dòng 3, cột C (Giá trị): thiếu giá trị"],
    ["the same indicator and year twice", () => csv([header, good(), `${fold(ind.forest.name)}|2010|51|TH|`]), "Dòng 3: trùng chỉ tiêu, kỳ và loại số liệu với dòng 2; chỉ giữ một dòng"],
    ["a formula in a source", () => csv([header, `${ind.forest.name}|2011|50|thực hiện|=HYPERLINK("http://x.invalid";"Nguồn")`]), /^Dòng 2, cột E \(Nguồn\): nội dung “=HYPERLINK/],
    ["a formula without its result", async () => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet("A");
      sheet.addRow(["Chỉ tiêu", "Năm", "Giá trị"]);
      sheet.addRow([ind.forest.name, 2011, { formula: "1/0*0+50" }]);
      return Buffer.from(await book.xlsx.writeBuffer());
    }, "Dòng 2, cột C (Giá trị): ô là công thức chưa có kết quả; hãy sao chép rồi dán dạng giá trị (Paste Values) và lưu lại"],
    ["no header row", () => csv(["Tên|Số", `${ind.forest.name}|50`]), /^Không tìm thấy dòng tiêu đề trong 20 dòng đầu/],
    ["a quote never closed", () => csv([header, `"${ind.forest.name}|2011|50|thực hiện|`]), /^Tệp CSV hỏng ở dòng \d+/],
    ["a file that is no spreadsheet", () => Buffer.from("PK\u0003\u0004 not really a zip"), /^Tệp không phải tệp Excel \(\.xlsx\) hay CSV đọc được/],
  ];
  for (const [what, make, expected] of cases) {
    it(`refuses ${what}, naming it, and writes nothing`, async () => {
      const before = await valueCount();
      const bytes = await make();
      const answer = await send(focal, bytes, bytes[0] === 0x50 ? "so-lieu.xlsx" : "so-lieu.csv", `&documentId=${planId}`);
      expect(answer.status).toBe(400);
      const messages = [answer.body.error.message, ...answer.body.error.fields.map((f: any) => f.message)];
      expect(messages.some((m: string) => (typeof expected === "string" ? m === expected : expected.test(m))), JSON.stringify(answer.body)).toBe(true);
      expect(await valueCount()).toBe(before);
    });
  }

  it("lists every row's problem in the preview, beside the rows that are fine", async () => {
    const answer = await send(focal, csv([header, good(), `${ind.forest.name}|2011|x|thực hiện|`, `${ind.forest.name}|20111|5|thực hiện|`]), "so-lieu.csv", "&preview=1");
    expect(answer.status).toBe(200);
    expect(answer.body.rows.map((r: any) => r.row)).toEqual([2]);
    expect(answer.body.problems.map((p: any) => [p.row, p.column])).toEqual([[3, "C"], [4, "B"]]);
    expect(answer.body.total).toBe(2);
  });
});

describe("hostile files", () => {
  it("refuses a CSV of 100,000 rows before reading them", async () => {
    const lines = ["Chỉ tiêu;Năm;Giá trị", ...Array.from({ length: 100_000 }, (_, k) => `${ind.forest.id};${1900 + (k % 300)};${k}`)];
    const before = await valueCount();
    const answer = await send(focal, Buffer.from(lines.join("\n")), "lon.csv");
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toBe("Tệp có hơn 5.000 dòng số liệu; hãy chia thành nhiều tệp");
    expect(await valueCount()).toBe(before);
    // Lines ended by a bare carriage return (old Mac files) are lines too: they are counted as the parser splits them.
    const carriage = await send(focal, Buffer.from(lines.join("\r")), "lon-cr.csv");
    expect(carriage.body.error.message).toBe("Tệp có hơn 5.000 dòng số liệu; hãy chia thành nhiều tệp");
    expect(await valueCount()).toBe(before);
  });

  it("refuses a zip bomb dressed as .xlsx without inflating it whole, and a file over the limit", async () => {
    const bomb = zip([{ name: "[Content_Types].xml", data: Buffer.from("<Types/>"), method: 0, size: 8 }, { name: "xl/worksheets/sheet1.xml", data: zeros(200), method: 8, size: 1000 }]);
    const answer = await send(focal, bomb, "bom.xlsx");
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(/^Tệp bị từ chối vì nội dung nén giải ra quá lớn/);
    const big = await send(focal, Buffer.alloc(6 * 1024 * 1024, 0x41), "lon.csv");
    expect(big.status).toBe(413);
    expect(big.body.error.message).toBe("Tệp số liệu vượt giới hạn 5 MB; hãy chia thành nhiều tệp");
  });

  it("refuses a wide sheet of more values than the limit", async () => {
    const years = Array.from({ length: 60 }, (_, k) => 1950 + k);
    const lines = [["Chỉ tiêu", ...years].join(";"), ...Array.from({ length: 100 }, () => [ind.forest.id, ...years.map((y) => y % 97)].join(";"))];
    const answer = await send(focal, Buffer.from(lines.join("\n")), "rong.csv", "&preview=1");
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toBe("Tệp có hơn 5.000 dòng số liệu; hãy chia thành nhiều tệp");
  });
});

describe("periods as written", () => {
  it("reads years, quarters, halves and months in the ways officials write them", () => {
    const cases: [string | number, string | null][] = [
      [2024, "2024"], ["2024", "2024"], ["Năm 2024", "2024"], ["2024-Q3", "2024-Q3"], ["Quý III/2024", "2024-Q3"], ["quý 3 năm 2024", "2024-Q3"], ["Q4/2024", "2024-Q4"],
      ["6 tháng đầu năm 2024", "2024-H1"], ["6 tháng cuối năm 2024", "2024-H2"], ["2024-h1", "2024-H1"], ["Tháng 5/2024", "2024-05"], ["05/2024", "2024-05"], ["12/2024", "2024-12"],
      ["2024-Q5", null], ["13/2024", null], ["1800", null], [2024.5, null], ["năm nay", null], ["31/12/2024", null],
    ];
    for (const [written, period] of cases) expect(periodOf(written), String(written)).toBe(period);
  });
});
