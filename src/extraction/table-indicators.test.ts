import { describe, expect, it } from "vitest";
import { segmentLines } from "./segment.js";
import { extractTableIndicators } from "./table-indicators.js";

const appendix = [
  "PHỤ LỤC",
  "TT | Chỉ tiêu | Đơn vị tính | Năm 2025 | Mục tiêu 2030 | Cơ quan chủ trì theo dõi",
  "I | Chỉ tiêu về đô thị hóa",
  "1 | Tỷ lệ đô thị hóa | % | Trên 25 | Khoảng 35 | Sở Xây dựng",
  "2 | Số đô thị trên địa bàn tỉnh | Đô thị | 8 | 10 | ",
  "II | Chỉ tiêu về hạ tầng",
  "3 | Tỷ lệ đất giao thông so với đất xây dựng đô thị | % | 11 - 16 | 16 - 26 | Sở Giao thông vận tải",
  "4 | Số cơ sở khởi nghiệp | | Ít nhất 10 cơ sở được thành lập | | ",
].join("\n");

describe("extractTableIndicators", () => {
  it("reads the years of a two-row header under 'Mục tiêu' or 'Kết quả thực hiện', the other cells blank or repeated as Word gives them", () => {
    const read = (text: string, kind: "plan" | "report") => extractTableIndicators(text, segmentLines(text), kind).map((i) => [i.name, i.min, i.unit, i.year, i.kind]);
    const plan = "TT | Chỉ tiêu | Đơn vị tính | Mục tiêu | | Cơ quan theo dõi\n | | | Năm 2025 | Năm 2030 | \n1 | Nhà ở bình quân | m2/người | 28 | 32 | Sở Xây dựng\n";
    expect(read(plan, "plan")).toEqual([["Nhà ở bình quân", 28, "m²/người", 2025, "target"], ["Nhà ở bình quân", 32, "m²/người", 2030, "target"]]);
    const word = "TT | Chỉ tiêu | ĐVT | Kết quả thực hiện | | \nTT | Chỉ tiêu | ĐVT | Năm 2024 | Ước năm 2025 | \n1 | Tỷ lệ hộ nghèo | % | 2,1 | 1,6 | \n";
    expect(read(word, "report")).toEqual([["Tỷ lệ hộ nghèo", 2.1, "%", 2024, "actual"], ["Tỷ lệ hộ nghèo", 1.6, "%", 2025, "estimate"]]);
  });

  it("reads the appendix as a conversion to Markdown writes it, outer bars and the rule under the header, as it reads it", () => {
    const markdown = appendix.split("\n").map((line, i) => (line.includes("|") ? `| ${line.split("|").map((c) => c.trim()).join(" | ")} |${i === 1 ? "\n|---|:---|---|---|---|---|" : ""}` : line)).join("\n");
    const read = (text: string) => extractTableIndicators(text, segmentLines(text), "plan").map(({ name, min, max, year, section, owner }) => ({ name, min, max, year, section, owner }));
    expect(markdown).toContain("| 2 | Số đô thị trên địa bàn tỉnh | Đô thị | 8 | 10 |  |\n");
    expect(read(markdown)).toEqual(read(appendix));
    expect(read(markdown).length).toBeGreaterThanOrEqual(7);
  });

  it("reads one indicator per year column: its comparator, the unit column's unit, the year and kind of the header, the owner merged down its group", () => {
    const found = extractTableIndicators(appendix, segmentLines(appendix), "plan");
    expect(found.map(({ name, comparator, min, max, unit, year, kind, section, owner }) => ({ name, comparator, min, max, unit, year, kind, section, owner }))).toEqual([
      { name: "Tỷ lệ đô thị hóa", comparator: ">", min: 25, max: null, unit: "%", year: 2025, kind: "target", section: "I.1", owner: "Sở Xây dựng" },
      { name: "Tỷ lệ đô thị hóa", comparator: "approx", min: 35, max: 35, unit: "%", year: 2030, kind: "target", section: "I.1", owner: "Sở Xây dựng" },
      { name: "Số đô thị trên địa bàn tỉnh", comparator: "=", min: 8, max: 8, unit: "Đô thị", year: 2025, kind: "target", section: "I.2", owner: "Sở Xây dựng" },
      { name: "Số đô thị trên địa bàn tỉnh", comparator: "=", min: 10, max: 10, unit: "Đô thị", year: 2030, kind: "target", section: "I.2", owner: "Sở Xây dựng" },
      { name: "Tỷ lệ đất giao thông so với đất xây dựng đô thị", comparator: "range", min: 11, max: 16, unit: "%", year: 2025, kind: "target", section: "II.3", owner: "Sở Giao thông vận tải" },
      { name: "Tỷ lệ đất giao thông so với đất xây dựng đô thị", comparator: "range", min: 16, max: 26, unit: "%", year: 2030, kind: "target", section: "II.3", owner: "Sở Giao thông vận tải" },
      // (An empty cell under a filled one is a cell merged down, as a plain-text conversion writes it: the owner above.)
      { name: "Số cơ sở khởi nghiệp", comparator: ">=", min: 10, max: null, unit: "cơ sở", year: 2025, kind: "target", section: "II.4", owner: "Sở Giao thông vận tải" },
    ]);
    for (const i of found) expect(appendix.slice(i.start, i.end)).toMatch(/\d/);
  });

  it("tells results, estimates and targets apart by their column's header", () => {
    const report = "Chỉ tiêu | Đơn vị | Kết quả 2023 | Ước 2024 | Kế hoạch 2025\nTỷ lệ hộ nghèo | % | 5,86 | 4,9 | 4";
    expect(extractTableIndicators(report, segmentLines(report), "report").map((i) => [i.kind, i.year, i.min])).toEqual([
      ["actual", 2023, 5.86], ["estimate", 2024, 4.9], ["target", 2025, 4],
    ]);
  });

  it("reads no indicator from a table of tasks", () => {
    const tasks = "STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian\n1 | Xây dựng đề án | Sở Xây dựng | Năm 2025";
    expect(extractTableIndicators(tasks, segmentLines(tasks), "plan")).toEqual([]);
  });
});

describe("rows that only look like a header, and rows without their number", () => {
  const table = [
    "TT | Chỉ tiêu | Đơn vị | Năm 2025",
    "1 | Tỷ lệ hộ nghèo | % | Dưới 2",
    " | Số chỉ tiêu đạt trong năm | chỉ tiêu | 2024",
    "3 | Số xã đạt chuẩn nông thôn mới | xã | 120",
  ].join("\n");
  const found = extractTableIndicators(table, segmentLines(table), "plan");

  it("keeps reading the table past a data row holding a year and the words of a header, its columns in place", () => {
    // (The middle row's "2024" reads as a year, not a figure: it gives none, and starts no table.)
    expect(found.map((i) => [i.name, i.min ?? i.max, i.unit, i.direction])).toEqual([
      ["Tỷ lệ hộ nghèo", 2, "%", "lower"],
      ["Số xã đạt chuẩn nông thôn mới", 120, "xã", "higher"],
    ]);
  });
});
