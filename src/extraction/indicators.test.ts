import { describe, expect, it } from "vitest";
import { extract } from "./extract.js";
import { periodOf } from "./indicators.js";

const plan = `ỦY BAN NHÂN DÂN TỈNH CAO BẰNG
Số: 12/KH-UBND
KẾ HOẠCH
Thực hiện chương trình phát triển kinh tế - xã hội
I. MỤC TIÊU
1. Chỉ tiêu chủ yếu
- Tốc độ tăng trưởng kinh tế bình quân hằng năm giai đoạn 2026 - 2030 đạt 7 - 8%.
- Giai đoạn 2026 - 2030, thu ngân sách trên địa bàn tăng bình quân 10%/năm.
- Phấn đấu đến năm 2030 giảm tỷ lệ hộ nghèo xuống còn 3%.
- Đến năm 2030, tỷ lệ lao động qua đào tạo đạt 70%.
`;

describe("indicators: the year of a report's figure", () => {
  const report = "BÁO CÁO\nKết quả thực hiện\nI. KẾT QUẢ\nTốc độ tăng trưởng giá trị sản xuất nông nghiệp bình quân giai đoạn 2022 - 2023 đạt 3,2%/năm. "
    + "Tỷ lệ hộ nghèo khu vực nông thôn giảm từ 8,92% năm 2021 xuống còn 5,86% năm 2023.\n";
  const found = extract(report, "bc.txt").indicators.map((i) => [i.min, i.year]);

  it("dates an average over a period by its last year, and a value reached 'từ ... năm 2021 xuống còn' by its own", () => {
    expect(found).toEqual([[3.2, 2023], [8.92, 2021], [5.86, 2023]]);
  });

  it("does not date a figure by the year it is compared with (a one-year plan's title dates it)", () => {
    const plan = "KẾ HOẠCH\nGiảm nghèo bền vững năm 2025\nI. MỤC TIÊU\n1. Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều giảm 1 - 1,5% so với cuối năm 2024.\n";
    expect(extract(plan, "kh.txt").indicators.map((i) => [i.min, i.max, i.year, i.kind])).toEqual([[1, 1.5, 2025, "target"]]);
  });

  it("dates a one-year plan's targets by its title, but not by a cited document's date or a period there", () => {
    const yearOf = (title: string) => extract(`KẾ HOẠCH\n${title}\nI. MỤC TIÊU\n- Tỷ lệ hộ nghèo giảm 1,5%.\n`, "kh.txt").indicators[0].year;
    expect(yearOf("Giảm nghèo bền vững năm 2025 trên địa bàn tỉnh")).toBe(2025);
    expect(yearOf("Triển khai Kết luận số 72-KL/TW ngày 23 tháng 02 năm 2024 của Bộ Chính trị")).toBeNull();
    expect(yearOf("Phát triển kinh tế - xã hội 5 năm 2021 - 2025")).toBeNull();
    expect(yearOf("Phát triển đô thị đến năm 2030")).toBeNull();
    expect(yearOf("Triển khai thi hành Luật Đất đai năm 2024")).toBeNull();
    // A month's report keeps its year.
    expect(extract("BÁO CÁO\nTình hình kinh tế - xã hội tháng 10 năm 2025\nI. KẾT QUẢ\nTỷ lệ giải ngân đạt 60%.\n", "bc.txt").indicators[0].year).toBe(2025);
  });
});

describe("indicators: periods and direction", () => {
  const found = extract(plan, "12-kh-ubnd.txt").indicators;
  const by = (text: string) => found.find((i) => i.text.includes(text))!;

  it("reads a yearly average over a period, in either order", () => {
    expect(by("Tốc độ tăng trưởng")).toMatchObject({ comparator: "range", min: 7, max: 8, per_year: true, period: { from: 2026, to: 2030 }, direction: "higher" });
    expect(by("thu ngân sách")).toMatchObject({ min: 10, per_year: true, period: { from: 2026, to: 2030 } });
    expect(periodOf("binh quan hang nam thoi ky 2030 - 2021 dat")).toBeNull();
    expect(periodOf("thu nhap binh quan dau nguoi giai doan 2021 - 2025 dat")).toBeNull();
  });

  it("knows a level brought down as one where less is better", () => {
    expect(by("hộ nghèo")).toMatchObject({ min: 3, year: 2030, direction: "lower", period: null });
    expect(by("lao động qua đào tạo")).toMatchObject({ min: 70, direction: "higher", period: null });
  });
});

describe("indicators: the present a plan states", () => {
  const text = [
    "ỦY BAN NHÂN DÂN TỈNH GIA LAI", "Số: 311/KH-UBND", "Gia Lai, ngày 24 tháng 11 năm 2025", "KẾ HOẠCH", "Đào tạo nhân lực giai đoạn 2026 - 2030",
    "I. MỤC TIÊU", "- Đến năm 2030, tỷ lệ lao động qua đào tạo đạt 75%¹.", "¹ Năm 2024, tỷ lệ lao động qua đào tạo của tỉnh đạt 61,2%; năm 2025 ước tuyển sinh 41.250 người.",
    "- Năm 2024, toàn tỉnh có 34 cơ sở giáo dục nghề nghiệp.",
  ].join("\n");
  const found = extract(text, "311-kh-ubnd.txt").indicators.map((i) => [i.min, i.year, i.kind]);

  it("reads a footnote's figures, and a sentence about a year before the plan's, as results and estimates, not targets", () => {
    expect(found).toEqual(expect.arrayContaining([[75, 2030, "target"], [61.2, 2024, "actual"], [41250, 2025, "estimate"], [34, 2024, "actual"]]));
  });
});

describe("indicators: where a letter says things stood", () => {
  const letter = [
    "ỦY BAN NHÂN DÂN", "TỈNH QUẢNG TRỊ", "Số: 6420/UBND-KT", "Quảng Trị, ngày 15 tháng 10 năm 2025",
    "Đến ngày 30/9/2025, toàn tỉnh giải ngân được 4.215,6 tỷ đồng, đạt 52,3% kế hoạch vốn. Để phấn đấu giải ngân 100% kế hoạch vốn năm 2025, UBND tỉnh có ý kiến như sau:",
    "1. Các chủ đầu tư bảo đảm giải ngân tối thiểu 80% kế hoạch vốn trước ngày 31/12/2025.",
    "2. Phấn đấu đến ngày 31/12/2025, 100% hồ sơ được số hóa.",
  ].join("\n");
  const found = extract(letter, "6420-ubnd-kt.txt").indicators.map((i) => [i.comparator, i.min, i.kind]);

  it("reads the figures as of a date before the letter as results, and the rest as targets ('giải ngân' ends with no 'gần')", () => {
    expect(found).toEqual([["=", 4215.6, "actual"], ["=", 52.3, "actual"], ["=", 100, "target"], [">=", 80, "target"], ["=", 100, "target"]]);
  });

  it("dates a report's results by the year it reports on, not its work ahead's, and reads a planned value in brackets as a target", () => {
    const text = "BÁO CÁO\nKết quả thực hiện kế hoạch phát triển kinh tế - xã hội năm 2025 và nhiệm vụ năm 2026\nPhần thứ nhất\nKẾT QUẢ THỰC HIỆN\n"
      + "Tốc độ tăng trưởng GRDP ước đạt 8,2%, vượt kế hoạch (kế hoạch 8%); tỷ lệ giải ngân đạt 92,5%.\n";
    expect(extract(text, "bc.txt").indicators.map((i) => [i.min, i.year, i.kind])).toEqual([[8.2, 2025, "estimate"], [8, 2025, "target"], [92.5, 2025, "actual"]]);
  });

  it("reads the figures of a report's work ahead as targets of the year its heading names, but one it dates before as a result", () => {
    const text = "BÁO CÁO\nTình hình năm 2026 và phương hướng, nhiệm vụ năm 2027\nPhần thứ nhất\nKẾT QUẢ THỰC HIỆN NĂM 2026\nTỷ lệ hộ nghèo còn 1,65%.\n"
      + "Phần thứ hai\nPHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027\n1. Phấn đấu tổng giá trị sản xuất đạt 1.380 tỷ đồng; tỷ lệ hộ nghèo giảm còn dưới 1,5%.\n"
      + "2. Năm 2026 thu ngân sách đạt 18,6 tỷ đồng, năm 2027 phấn đấu thu 20 tỷ đồng.\n";
    expect(extract(text, "bc.txt").indicators.map((i) => [i.min ?? i.max, i.year, i.kind])).toEqual([
      [1.65, 2026, "actual"], [1380, 2027, "target"], [1.5, 2027, "target"], [18.6, 2026, "actual"], [20, 2027, "target"],
    ]);
  });

  it("dates a task row's figure in a report's work ahead by its deadline, and leaves a result of a year before the report a result where the heading names no year", () => {
    const rows = "BÁO CÁO\nTình hình năm 2026\nIII. NHIỆM VỤ NĂM 2027\nSTT | Nội dung | Cơ quan chủ trì | Thời gian hoàn thành\n1 | Số hóa 100% hồ sơ | Sở Tài chính | Tháng 6/2028\n";
    expect(extract(rows, "bc.txt").indicators.map((i) => [i.min, i.year, i.kind])).toEqual([[100, 2028, "target"]]);
    const undated = "ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: 5/BC-UBND\nHà Tĩnh, ngày 10 tháng 12 năm 2026\nBÁO CÁO\nTình hình thực hiện\nI. KẾT QUẢ\nĐạt kết quả tốt.\n"
      + "II. NHIỆM VỤ THỜI GIAN TỚI\n1. Năm 2025 tỷ lệ che phủ rừng đạt 55%, năm 2027 phấn đấu đạt 56%.\n";
    expect(extract(undated, "bc.txt").indicators.map((i) => [i.min, i.year, i.kind])).toEqual([[55, 2025, "actual"], [56, 2027, "target"]]);
  });

  it("dates a figure 'năm trước' by the year before, but not a growth compared with it", () => {
    const text = "BÁO CÁO\nTình hình năm 2025\nI. KẾT QUẢ\nTỷ lệ giải ngân đạt 85,6% (cùng kỳ năm trước đạt 78,2%). So với năm trước, số doanh nghiệp tăng 12%.\n";
    expect(extract(text, "bc.txt").indicators.map((i) => [i.min, i.year])).toEqual([[85.6, 2025], [78.2, 2024], [12, 2025]]);
  });

  it("reads a figure 'đến nay' as a result, but not one after 'thực hiện tại'", () => {
    const text = "THÔNG BÁO\nKết luận năm 2025\n1. Đến nay, dự án đã giải ngân 320 tỷ đồng, đạt 64% kế hoạch vốn năm 2025.\n"
      + "2. Cập nhật chỉ tiêu thực hiện tại Chương trình như: đến năm 2030, 85% số thôn có đường ô tô được cứng hóa.\n";
    expect(extract(text, "tb.txt").indicators.map((i) => [i.min, i.kind])).toEqual([[320, "actual"], [64, "actual"], [85, "target"]]);
  });

  it("reads a target whose sentence says 'hiện nay' along the way as a target", () => {
    const text = "KẾ HOẠCH\nChuyển đổi số năm 2026\nI. MỤC TIÊU\nĐể đáp ứng yêu cầu chuyển đổi số hiện nay, 100% cơ quan nhà nước sử dụng chữ ký số.\n- Hiện nay, toàn tỉnh có 120 trạm BTS.\n";
    expect(extract(text, "kh.txt").indicators.map((i) => [i.min, i.kind])).toEqual([[100, "target"], [120, "actual"]]);
  });

  it("leaves out a figure that says who a rate counts", () => {
    const text = "KẾ HOẠCH\nTiêm chủng năm 2026\nI. MỤC TIÊU\n- Tỷ lệ phụ nữ có thai được tiêm vắc xin uốn ván từ 2 mũi trở lên đạt 90%.\n- Tỷ lệ hộ có thu nhập trên 50 triệu đồng/năm chiếm 40%.\n";
    expect(extract(text, "kh.txt").indicators.map((i) => [i.min, i.unit])).toEqual([[90, "%"], [40, "%"]]);
  });

  it("reads 'ít nhất N ...' after a rate as what the rate counts, unless 'và' makes it a figure of its own", () => {
    const targets = (line: string) => extract(`KẾ HOẠCH\nCông tác dân số\nI. MỤC TIÊU\n${line}\n`, "kh.txt").indicators.map((i) => [i.name, i.min, i.unit]);
    expect(targets("- 70% phụ nữ mang thai được tầm soát ít nhất 4 loại bệnh tật bẩm sinh phổ biến nhất; 100% xã có ít nhất 01 trạm y tế đạt chuẩn.")).toEqual([
      ["Tỷ lệ phụ nữ mang thai được tầm soát ít nhất 4 loại bệnh tật bẩm sinh phổ biến nhất", 70, "%"],
      ["Tỷ lệ xã có ít nhất 01 trạm y tế đạt chuẩn", 100, "%"],
    ]);
    expect(targets("- 70% doanh nghiệp ứng dụng công nghệ số và ít nhất 500 doanh nghiệp chuyển đổi số.").map(([, min]) => min)).toEqual([70, 500]);
  });
});

describe("indicators: the year of a report's figures", () => {
  const report = [
    "ỦY BAN NHÂN DÂN", "TỈNH CAO BẰNG", "Số: 412/BC-UBND", "Cao Bằng, ngày 20 tháng 11 năm 2025", "BÁO CÁO",
    "Kết quả thực hiện kế hoạch phát triển kinh tế - xã hội năm 2025", "I. KẾT QUẢ",
    "Tốc độ tăng trưởng GRDP ước đạt 6,85% (năm 2024 đạt 6,1%). Thu ngân sách đạt 2.150 tỷ đồng.",
  ].join("\n");
  const found = extract(report, "412-bc-ubnd.txt").indicators.map((i) => [i.min, i.year, i.kind]);

  it("dates a figure by its own clause, not by a bracket after it, and an undated one by the period the title reports on", () => {
    expect(found).toEqual([[6.85, 2025, "estimate"], [6.1, 2024, "actual"], [2150, 2025, "actual"]]);
  });
});

describe("indicators: a report's value stated twice", () => {
  it("counts a restated value once, and two measures of the same value both", () => {
    const report = "BÁO CÁO\nKết quả năm 2023\nI. KẾT QUẢ\nCác chỉ tiêu về y tế năm 2023 đạt: 11,3 bác sĩ/vạn dân; 100% các xã đạt Bộ tiêu chí quốc gia về y tế xã; tỷ lệ chất thải y tế được xử lý đạt 100%.\n"
      + "Năm 2023, tỷ lệ chất thải y tế được xử lý đạt 100%.\n";
    expect(extract(report, "bc.txt").indicators.map((i) => [i.min, i.unit, i.year])).toEqual([[11.3, "bác sĩ/vạn dân", 2023], [100, "%", 2023], [100, "%", 2023]]);
  });
});

describe("indicators: a clause that only dates the figure again", () => {
  it("names it by the clause before it, of the same unit, and an appendix's row it restates is kept once", () => {
    const names = (text: string) => extract(`KẾ HOẠCH\nPhát triển đô thị\nII. MỤC TIÊU\n${text}\n`).indicators.map((i) => [i.name, i.min, i.year]);
    expect(names("Phấn đấu đến năm 2025, tỷ lệ đô thị hóa toàn tỉnh đạt trên 25%; đến năm 2030 đạt khoảng 35%.")).toEqual([
      ["Tỷ lệ đô thị hóa toàn tỉnh", 25, 2025], ["Tỷ lệ đô thị hóa toàn tỉnh", 35, 2030],
    ]);
    // (Not across a clause without a figure, which says something else.)
    expect(names("Tỷ lệ che phủ rừng đạt 42%; bảo đảm người dân được sử dụng nước sạch; đến năm 2030 đạt 100%.")[1][0]).not.toBe("Tỷ lệ che phủ rừng");
    // (A clause with its own subject keeps it; one of another unit is no restatement.)
    expect(names("Cơ cấu kinh tế đến năm 2030: nông nghiệp chiếm 12%; công nghiệp - xây dựng chiếm 33%.").map((n) => n[0])).toEqual([
      "Cơ cấu kinh tế đến năm 2030: nông nghiệp", "Cơ cấu kinh tế đến năm 2030: công nghiệp - xây dựng",
    ]);
    const withAppendix = extract("KẾ HOẠCH\nPhát triển đô thị\nII. MỤC TIÊU\nPhấn đấu đến năm 2025, tỷ lệ đô thị hóa toàn tỉnh đạt trên 25%; đến năm 2030 đạt khoảng 35%.\n"
      + "PHỤ LỤC\nTT | Chỉ tiêu | Đơn vị tính | Năm 2025 | Mục tiêu 2030 | Cơ quan chủ trì theo dõi\n1 | Tỷ lệ đô thị hóa | % | Trên 25 | Khoảng 35 | Sở Xây dựng\n");
    expect(withAppendix.indicators.map((i) => [i.name, i.year, i.owner])).toEqual([["Tỷ lệ đô thị hóa", 2025, "Sở Xây dựng"], ["Tỷ lệ đô thị hóa", 2030, "Sở Xây dựng"]]);
  });
});
