/** Key projects and indicators of a progress report written for these tests in the genre (another province, other wording). */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extract } from "./extract.js";

const text = readFileSync(new URL("../../test/extraction/fixtures/bc-tien-do-du-an.txt", import.meta.url), "utf8");
const result = extract(text, "bc-tien-do-du-an.txt");

describe("key projects of a report", () => {
  it("gathers each project's figures from the paragraphs, sentences and numbered items that name it", () => {
    expect(result.projects.map((p) => [p.name, p.metrics.map((m) => [m.value, m.of, m.unit])])).toEqual([
      ["Đường cao tốc Đồng Đăng - Trà Lĩnh", [[121, null, "km"], [14331, null, "tỷ đồng"], [450.5, 480.2, "ha"], [93.8, null, "%"], [1020, 1500, "tỷ đồng"]]],
      ["Đề án kiên cố hóa trường lớp học", [[120, null, "phòng học"], [85, null, "tỷ đồng"]]],
      ["Nâng cấp Quốc lộ 34", [[70, null, "km"]]],
      ["Đầu tư tuyến tránh thành phố Cao Bằng", [[12, null, "km"]]],
    ]);
    for (const p of result.projects) for (const m of p.metrics) expect(text.slice(m.start, m.end)).toMatch(/^\d/);
  });
});

describe("indicators of a report", () => {
  const brief = result.indicators.map((i) => [i.min, i.unit, i.year, i.kind]);

  it("leaves project figures to projects but keeps counts of projects", () => {
    // (Undated, it is of the year the report's title reports on: "... năm 2024".)
    expect(brief).toContainEqual([2, "dự án trọng điểm", 2024, "actual"]);
    expect(result.indicators.some((i) => i.unit === "km" || i.unit === "ha")).toBe(false);
  });

  it("dates figures by their sentence, their bracket, their paragraph's last year, their footnote's marker and the report's year", () => {
    expect(brief).toEqual(expect.arrayContaining([
      [91.2, "%", 2023, "actual"],
      [94.5, "%", 2024, "estimate"],
      [89, "%", 2022, "actual"],
      [41, "thứ hạng", 2024, "estimate"],
      [25, "xã", 2024, "actual"],
      [12, "huy chương các loại", 2024, "actual"],
      [3, "huy chương vàng", 2024, "actual"],
      [5, "huy chương đồng", 2024, "actual"],
      [150, "vận động viên", 2024, "actual"],
    ]));
  });
});

describe("numbered project lines", () => {
  const report = [
    "BÁO CÁO", "I. KẾT QUẢ", "2. Tiến độ các dự án trọng điểm",
    "1. Dự án đường cao tốc Biên Hòa - Vũng Tàu đoạn qua tỉnh Đồng Nai: đã bàn giao 412,6/425,0 ha, đạt 97%; giải ngân 1.020/1.500 tỷ đồng, đạt 68%.",
    "- Dự án cầu Cát Lái: giải ngân 45,6/300 tỷ đồng, đạt 15,2%.",
  ].join("\n");
  const found = extract(report, "bao-cao.txt");

  it("reads a numbered or bulleted line naming a project before its colon as the project and its figures", () => {
    expect(found.projects.map((p) => [p.name, p.metrics.map((m) => [m.value, m.of, m.unit])])).toEqual([
      ["Đường cao tốc Biên Hòa - Vũng Tàu đoạn qua tỉnh Đồng Nai", [[412.6, 425, "ha"], [97, null, "%"], [1020, 1500, "tỷ đồng"], [68, null, "%"]]],
      ["Cầu Cát Lái", [[45.6, 300, "tỷ đồng"], [15.2, null, "%"]]],
    ]);
    expect(found.indicators).toEqual([]);
  });
});
