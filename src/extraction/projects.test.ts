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

const sample = (name: string) => readFileSync(new URL(`../../samples/seeds/${name}`, import.meta.url), "utf8");

describe("projects a plan carries", () => {
  it("reads the projects a plan lists in running text (003): each \"dự án X\" of the list, named without \"dự án\"", () => {
    const plan = sample("003_98d507c63ddcba50.txt");
    const projects = extract(plan, "003.txt").projects;
    const names = projects.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining([
      "Tuyến cao tốc cửa khẩu Hữu Nghị - Chi Lăng theo hình thức BOT",
      "Đầu tư xây dựng tuyến cao tốc Đồng Đăng (tỉnh Lạng Sơn) - Trà Lĩnh (tỉnh Cao Bằng)",
      "Cải tạo, nâng cấp Quốc lộ 4B (đoạn Km3+700 đến Km18)",
      "Nâng cấp đoạn Km18 - Km80, Quốc lộ 4B",
      "Xây dựng tuyến đường giao thông kết nối khu công nghiệp Hữu Lũng, ĐT.245 với QL.31 - Cảng Mỹ An (tỉnh Bắc Giang)",
      "Đường giao thông kết nối Quốc lộ 4B đến Quốc lộ 18",
      "Khu liên hợp thể thao tỉnh",
      "Quần thể khu du lịch sinh thái cáp treo Mẫu Sơn",
    ]));
    // "Hoàn thành kết cấu hạ tầng Khu công nghiệp VSIP" is work to do on an industrial park, not a project named as one;
    // "các dự án Khu đô thị" is a kind of project; "các dự án: Trung tâm hội chợ triển lãm, trung tâm thương mại, ..." kinds of works.
    expect(names.some((n) => /VSIP|^Khu đô thị$|hội chợ/u.test(n))).toBe(false);
    expect(projects).toHaveLength(8);
    for (const p of projects) {
      expect(p.metrics).toEqual([]);
      expect(plan.slice(p.start, p.end)).toMatch(/^dự án /u);
    }
  });

  it("reads \"các dự án: A; B\" lists up to the first item that is not a project's name", () => {
    const found = extract([
      "KẾ HOẠCH", "I. NHIỆM VỤ",
      "Hoàn thành đưa vào khai thác các dự án: Cải tạo, nâng cấp quốc lộ 4B (đoạn Km3+700 đến Km18); nâng cấp đoạn Km18 - Km80, Quốc lộ 4B; tập trung triển khai thực hiện hoàn thành thông xe kỹ thuật dự án Tuyến cao tốc Hữu Nghị - Chi Lăng theo hình thức BOT và dự án Đường giao thông kết nối Quốc lộ 4B đến Quốc lộ 18.",
      "Từng bước hoàn thành, đưa vào khai thác các dự án Quần thể khu du lịch sinh thái, cáp treo Mẫu Sơn; Khu di tích lịch sử Chi Lăng; các điểm du lịch sinh thái, cộng đồng trên địa bàn các huyện.",
    ].join("\n"), "kh.txt").projects;
    expect(found.map((p) => p.name)).toEqual([
      "Cải tạo, nâng cấp quốc lộ 4B (đoạn Km3+700 đến Km18)",
      "Nâng cấp đoạn Km18 - Km80, Quốc lộ 4B",
      "Tuyến cao tốc Hữu Nghị - Chi Lăng theo hình thức BOT",
      "Đường giao thông kết nối Quốc lộ 4B đến Quốc lộ 18",
      "Quần thể khu du lịch sinh thái, cáp treo Mẫu Sơn",
      "Khu di tích lịch sử Chi Lăng",
    ]);
  });

  it("names no project where a sentence speaks of projects in general, of a bill, of a part of one or of an agency", () => {
    const found = extract([
      "KẾ HOẠCH", "I. NHIỆM VỤ",
      "Đẩy nhanh tiến độ các dự án trọng điểm, các dự án Khu đô thị và các công trình, dự án hạ tầng.",
      "Tập trung thu hút đầu tư các dự án: Trung tâm hội chợ triển lãm, trung tâm thương mại, siêu thị, chợ đầu mối; hạ tầng logistics và các hạ tầng khác.",
      "Bộ Giáo dục và Đào tạo xây dựng dự án Luật Nhà giáo, trình Quốc hội trong năm 2025.",
      "UBND huyện Nhơn Trạch bố trí tái định cư cho các hộ dân thuộc dự án Vành đai 3.",
      "Ban Quản lý Dự án Đầu tư xây dựng các công trình giao thông tỉnh phối hợp với doanh nghiệp dự án PPP.",
      "Dự án đã hoàn thành công tác chuẩn bị đầu tư.",
    ].join("\n"), "kh.txt").projects;
    expect(found).toEqual([]);
  });

  it("reads a project's facts from its item: its investor, location, investment, years", () => {
    const [project, ...others] = extract([
      "KẾ HOẠCH", "I. NHIỆM VỤ",
      "Dự án Khu tái định cư Bình Hải do Ban Quản lý dự án Khu kinh tế Dung Quất làm chủ đầu tư, địa điểm: xã Bình Hải, huyện Bình Sơn; tổng mức đầu tư 350.500 triệu đồng; thời gian thực hiện 2024 - 2026.",
      "Tiếp tục thi công dự án Đường Trì Bình - cảng Dung Quất, chủ đầu tư là Sở Giao thông vận tải, phấn đấu hoàn thành trong năm 2026.",
    ].join("\n"), "kh.txt").projects;
    expect(project).toMatchObject({
      name: "Khu tái định cư Bình Hải", lead: "Ban Quản lý dự án Khu kinh tế Dung Quất", location: "xã Bình Hải, huyện Bình Sơn",
      investment: 350.5, startYear: 2024, completionYear: 2026, lengthKm: null, areaHa: null,
    });
    expect(project.metrics.map((m) => [m.value, m.unit, m.measure])).toEqual([[350500, "triệu đồng", "investment"]]);
    expect(others).toMatchObject([{ name: "Đường Trì Bình - cảng Dung Quất", lead: "Sở Giao thông vận tải", completionYear: 2026, startYear: null, metrics: [] }]);
  });

  it("ends a name before the time that follows it, which dates the project when a verb of completion or start stands before it", () => {
    const found = extract([
      "KẾ HOẠCH", "I. NHIỆM VỤ",
      "- Sở Giao thông vận tải bảo đảm thông xe kỹ thuật dự án Đường ven biển Dung Quất trong Quý IV/2025.",
      "- Khởi công dự án Kè Bắc sông Trà Khúc năm 2025.",
      "- Kiểm tra dự án Cầu Mới trước ngày 31/12/2025.",
    ].join("\n"), "kh.txt").projects;
    expect(found.map((p) => [p.name, p.startYear, p.completionYear])).toEqual([
      ["Đường ven biển Dung Quất", null, 2025],
      ["Kè Bắc sông Trà Khúc", 2025, null],
      ["Cầu Mới", null, null],
    ]);
  });
});

describe("a table of projects", () => {
  const plan = [
    "ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI", "Số: 145/KH-UBND", "Quảng Ngãi, ngày 12 tháng 3 năm 2025", "KẾ HOẠCH", "Triển khai các dự án trọng điểm năm 2025",
    "II. DANH MỤC DỰ ÁN",
    "TT | Tên dự án/công trình | Chủ đầu tư | Địa điểm xây dựng | Quy mô | Tổng mức đầu tư (tỷ đồng) | Kế hoạch vốn năm 2025 (tỷ đồng) | Lũy kế giải ngân đến 31/12/2024 (tỷ đồng) | Thời gian thực hiện | Ghi chú",
    "I | Dự án chuyển tiếp",
    "1 | Dự án Đường Hoàng Sa - Dốc Sỏi | Ban QLDA đầu tư xây dựng các công trình giao thông tỉnh | Huyện Bình Sơn | Dài 12,5 km | 1.250 | 300 | 410,5 | 2023 - 2026 | Đã bàn giao 80% mặt bằng",
    "2 | Bệnh viện Sản - Nhi tỉnh |  |  | 250 giường | 850,5 | 120 |  | 2024 - 2027 | ",
    "II | Dự án khởi công mới",
    "3 | Kè chống sạt lở bờ biển Đức Phổ | UBND thị xã Đức Phổ | Thị xã Đức Phổ | Dài 3 km | 180 | 50 |  | 2025 | Khởi công trong Quý II/2025",
    " | Tổng cộng |  |  |  | 2.280,5 | 470 | 410,5 |  | ",
    "III. TỔ CHỨC THỰC HIỆN",
    "Sở Kế hoạch và Đầu tư theo dõi, báo cáo UBND tỉnh trước ngày 15/12 hằng năm.",
  ].join("\n");
  const found = extract(plan, "kh.txt");

  it("gives one project per row, its facts from the columns, its figures from the amounts and the words of its cells", () => {
    expect(found.projects.map(({ metrics: _, start: _s, end: _e, ...facts }) => facts)).toEqual([
      { name: "Đường Hoàng Sa - Dốc Sỏi", lead: "Ban QLDA đầu tư xây dựng các công trình giao thông tỉnh", location: "Huyện Bình Sơn", investment: 1250, startYear: 2023, completionYear: 2026, lengthKm: 12.5, areaHa: null },
      // A cell merged down (empty in the text) takes the one above it.
      { name: "Bệnh viện Sản - Nhi tỉnh", lead: "Ban QLDA đầu tư xây dựng các công trình giao thông tỉnh", location: "Huyện Bình Sơn", investment: 850.5, startYear: 2024, completionYear: 2027, lengthKm: null, areaHa: null },
      { name: "Kè chống sạt lở bờ biển Đức Phổ", lead: "UBND thị xã Đức Phổ", location: "Thị xã Đức Phổ", investment: 180, startYear: 2025, completionYear: 2025, lengthKm: 3, areaHa: null },
    ]);
    expect(found.projects[0].metrics.map((m) => [m.value, m.of, m.unit, m.measure, m.year, m.asOf])).toEqual([
      [1250, null, "tỷ đồng", "investment", null, "2025-03-12"],
      [300, null, "tỷ đồng", "capital_planned", 2025, "2025-03-12"],
      [410.5, null, "tỷ đồng", "disbursed", null, "2024-12-31"],
      [12.5, null, "km", null, null, "2025-03-12"],
      [80, null, "%", "clearance", null, "2025-03-12"],
    ]);
    for (const p of found.projects) for (const m of p.metrics) expect(plan.slice(m.start, m.end)).toMatch(/^\d/);
    expect(found.indicators).toEqual([]);
  });
});

describe("the date, measure and year of a report's figures (001)", () => {
  const report = sample("001_08bffe02da026834.txt");
  const projects = extract(report, "001.txt").projects;
  const bot = projects.find((p) => p.name === "Tuyến cao tốc cửa khẩu Hữu Nghị - Chi Lăng theo hình thức BOT")!;
  const figure = (value: number, unit?: string) => bot.metrics.find((m) => m.value === value && (!unit || m.unit === unit))!;

  it("dates the items of a footnote by the date its opening states, and a paragraph's figures by its own", () => {
    // ⁷ Trong đó tính đến ngày 15/8/2024: (1) Dự án Tuyến cao tốc ...: ... 26,5ha; ... 304/305 hộ ... (2) ... (3) ...
    for (const value of [26.5, 304, 74.3, 99.8, 21.27, 60.83, 100]) expect(figure(value).asOf).toBe("2024-08-15");
    for (const name of ["Đầu tư xây dựng tuyến cao tốc Đồng Đăng (tỉnh Lạng Sơn) - Trà Lĩnh (tỉnh Cao Bằng)", "Nâng cấp đoạn Km18 - Km80, QL4B"]) {
      const p = projects.find((x) => x.name === name)!;
      expect(p.metrics.length).toBeGreaterThan(0);
      for (const m of p.metrics) expect(m.asOf).toBe("2024-08-15");
    }
    // "Kết quả đạt được đến tháng 10/2024: Đã bàn giao ... 366.55/640,28ha ...": the month's last day; "lũy kế đến nay" in an
    // undated report (its date is blank) keeps the date stated before it.
    for (const value of [366.55, 57.24, 39.9, 66.64, 1288.123, 490.1, 38]) expect(figure(value).asOf).toBe("2024-10-31");
    // The project's own facts, stated undated in a report with no date.
    expect(figure(59.87).asOf).toBeNull();
    expect(figure(11024.7).asOf).toBeNull();
  });

  it("gives each figure its measure and a capital amount its year", () => {
    const brief = (value: number, unit?: string) => [figure(value, unit).measure, figure(value, unit).year];
    expect(brief(366.55)).toEqual(["clearance", null]);
    expect(brief(57.24)).toEqual([null, null]); // a share of the ratio before it
    expect(brief(39.9)).toEqual(["length", null]);
    expect(brief(59.87)).toEqual([null, null]); // the project's length, not km built
    expect(brief(11024.7)).toEqual(["investment", null]);
    expect(brief(1288.123)).toEqual(["capital_allocated", 2024]);
    expect(brief(490.1)).toEqual(["disbursed", 2024]);
    expect(brief(490, "tỷ đồng")).toEqual(["disbursed", 2024]); // "(trong đó: Ngân sách trung ương: 490 tỷ đồng ...)": a part of what it follows
    expect(brief(26.5)).toEqual(["clearance", null]);
    expect(brief(304)).toEqual([null, null]); // households
    expect(brief(50.15)).toEqual([null, null]); // "chiếm 50,15%"
    expect(bot).toMatchObject({ investment: 11024.7, lengthKm: 59.87, areaHa: 640.28, startYear: 2023, completionYear: 2026 });
  });

  it("dates a figure \"đến nay\" and one that states no date by the document's date when it has one", () => {
    const dated = extract([
      "ỦY BAN NHÂN DÂN", "TỈNH CAO BẰNG", "Số: 412/BC-UBND", "Cao Bằng, ngày 20 tháng 11 năm 2024", "BÁO CÁO", "Tiến độ các dự án",
      "I. KẾT QUẢ",
      "1. Dự án đường tránh Quốc lộ 3: đến ngày 30/9/2024 đã bàn giao 40,5/52 ha; đến nay đã giải ngân 120/300 tỷ đồng, đạt 40%; khối lượng thi công đạt 35%.",
      "2. Dự án cầu Bằng Giang: tổng mức đầu tư 450 tỷ đồng; kế hoạch vốn năm 2024 là 150 tỷ đồng, đã giải ngân 90 tỷ đồng (tính đến ngày 31/10/2024).",
    ].join("\n"), "bc.txt").projects;
    expect(dated.map((p) => [p.name, p.metrics.map((m) => [m.value, m.measure, m.asOf, m.year])])).toEqual([
      ["Đường tránh Quốc lộ 3", [[40.5, "clearance", "2024-09-30", null], [120, "disbursed", "2024-11-20", null], [40, null, "2024-11-20", null], [35, "progress", "2024-11-20", null]]],
      ["Cầu Bằng Giang", [[450, "investment", "2024-11-20", null], [150, "capital_planned", "2024-11-20", 2024], [90, "disbursed", "2024-10-31", 2024]]],
    ]);
  });
});

describe("hostile texts", () => {
  const run = (text: string) => {
    try { return extract(text, "x.txt").projects.length; } catch (e) { return (e as Error).name; }
  };

  it("returns on a 5 MB line of \"dự án dự án ...\", of \"Dự án Dự án ...\" and of separators after a name", () => {
    expect(run("dự án ".repeat(900_000))).toBe(0);
    expect(run("Dự án ".repeat(900_000))).toBe(0);
    expect(run(`Dự án Khu A${";".repeat(2_000_000)}`)).toBeGreaterThanOrEqual(0);
    expect(run(`Dự án Khu A ${"(".repeat(2_000_000)}`)).toBeGreaterThanOrEqual(0);
    expect(run(`dự án Khu A${" - ".repeat(700_000)}`)).toBeGreaterThanOrEqual(0);
    expect(run(`các dự án${":".repeat(2_000_000)}`)).toBe(0);
    expect(run(`các dự án: ${"Khu A; ".repeat(300_000)}`)).toBe(1);
    expect(run(`TT | Tên dự án | Chủ đầu tư\n${"| ".repeat(1_000_000)}`)).toBe(0);
  }, 120_000);

  it("refuses a document naming more projects than any real one, and reads many figures of one project in one pass", () => {
    expect(run("dự án Khu A; ".repeat(400_000))).toBe("UnreadableFileError");
    expect(run(`TT | Tên dự án | Chủ đầu tư\n${"a | Dự án A | Sở X\n".repeat(200_000)}`)).toBe("UnreadableFileError");
    expect(run(`Dự án Khu đô thị mới có ${"đến nay đã bàn giao 1 ha, ".repeat(20_000)}`)).toBe(1);
    expect(run(`(1) Dự án Khu đô thị mới: ${"tính đến ngày 15/8/2024 đã bàn giao 1 ha, giải ngân 2 tỷ đồng, đạt 3%; ".repeat(2_500)}`)).toBe(1);
  }, 120_000);
});
