import { describe, expect, it } from "vitest";
import { extract } from "./extract.js";

const plan = `ỦY BAN NHÂN DÂN TỈNH CAO BẰNG
Số: 14/KH-UBND
KẾ HOẠCH
Phát triển kết cấu hạ tầng nông thôn
I. MỤC TIÊU
- Nâng cao chất lượng hệ thống đường giao thông nông thôn, trong đó phấn đấu đến năm 2027 tỷ lệ xã có đường ô tô đến trung tâm xã được nhựa hóa đạt 95%, tỷ lệ xóm có đường được bê tông hóa đạt 70%, đến năm 2030 tỷ lệ xóm có đường được bê tông hóa đạt 90%.
- Có 60% số xã đạt chuẩn nông thôn mới, trong đó 15% số xã đạt chuẩn nông thôn mới nâng cao; có ít nhất 2 huyện đạt chuẩn nông thôn mới.
- Cơ cấu kinh tế đến năm 2030: nông, lâm nghiệp 20 - 22%; công nghiệp - xây dựng 30 - 32%.
- Có 30 giường bệnh/vạn dân, 10 bác sĩ/vạn dân.
- Trên 98% dân cư nông thôn được sử dụng nước hợp vệ sinh.
- Thu nhập bình quân đầu người đạt 80 triệu đồng, tương đương 3.200 USD.
`;

const report = `ỦY BAN NHÂN DÂN TỈNH CAO BẰNG
Số: 90/BC-UBND
BÁO CÁO
Kết quả thực hiện năm 2025
I. KẾT QUẢ
- Năm 2025, kinh tế tăng trưởng khá, tốc độ tăng tổng sản phẩm trên địa bàn (GRDP) đạt 6,5%, trong đó: nông lâm nghiệp tăng 3,1%, dịch vụ tăng 7,2%. Cơ cấu kinh tế tiếp tục chuyển dịch đúng hướng: nông, lâm nghiệp chiếm 24,5%, dịch vụ 41,2%.
- Ước năm 2025 tỷ lệ xã có đường ô tô đến trung tâm xã được nhựa hóa đạt 91,2% (năm 2024 đạt 88%).
`;

describe("indicator names", () => {
  const names = (text: string) => extract(text, "x.txt").indicators.map((i) => [i.name, i.min]);

  it("names each figure by its own subject, without the framing before it or the figures before it in the clause", () => {
    const found = names(plan);
    expect(found).toContainEqual(["Tỷ lệ xã có đường ô tô đến trung tâm xã được nhựa hóa", 95]);
    expect(found).toContainEqual(["Tỷ lệ xóm có đường được bê tông hóa", 70]);
    expect(found).toContainEqual(["Tỷ lệ xóm có đường được bê tông hóa", 90]);
  });

  it("keeps a name's last word that folds like a verb but is written otherwise ('hữu cơ', 'điện tử', 'đất')", () => {
    const text = "KẾ HOẠCH\nNông nghiệp năm 2026\nI. MỤC TIÊU\n- Diện tích sản xuất nông nghiệp hữu cơ đạt 2.350 ha.\n"
      + "- Tỷ lệ người dân có tài khoản thanh toán điện tử đạt 80%.\n- Diện tích đất 500 ha.\n";
    expect(names(text)).toEqual([["Diện tích sản xuất nông nghiệp hữu cơ", 2350], ["Tỷ lệ người dân có tài khoản thanh toán điện tử", 80], ["Diện tích đất", 500]]);
  });

  it("takes a comparator written before the figure off its name", () => {
    const text = "KẾ HOẠCH\nViệc làm năm 2026\nI. MỤC TIÊU\n- Tỷ lệ thất nghiệp khu vực thành thị không quá 3%.\n- Thu nhập bình quân tăng gấp 2 lần so với năm 2020.\n";
    expect(names(text)).toEqual([["Tỷ lệ thất nghiệp khu vực thành thị", null], ["Thu nhập bình quân", 2]]);
  });

  it("names a figure written first by the words after it", () => {
    const found = names(plan);
    expect(found).toContainEqual(["Tỷ lệ xã đạt chuẩn nông thôn mới", 60]);
    expect(found).toContainEqual(["Tỷ lệ xã đạt chuẩn nông thôn mới nâng cao", 15]);
    expect(found).toContainEqual(["Số huyện đạt chuẩn nông thôn mới", 2]);
    expect(found).toContainEqual(["Tỷ lệ dân cư nông thôn được sử dụng nước hợp vệ sinh", 98]);
    expect(found).toContainEqual(["Số giường bệnh/vạn dân", 30]);
    expect(found).toContainEqual(["Số bác sĩ/vạn dân", 10]);
  });

  it("names the parts of a whole after it, and a figure restated in another unit after the first", () => {
    const found = names(plan);
    expect(found).toContainEqual(["Cơ cấu kinh tế đến năm 2030: nông, lâm nghiệp", 20]);
    expect(found).toContainEqual(["Cơ cấu kinh tế đến năm 2030: công nghiệp - xây dựng", 30]);
    expect(found).toContainEqual(["Thu nhập bình quân đầu người", 80]);
    expect(found).toContainEqual(["Thu nhập bình quân đầu người (USD)", 3200]);
  });

  it("in a report, names a breakdown by its whole and a year compared in brackets like its figure", () => {
    const found = names(report);
    expect(found).toContainEqual(["Tốc độ tăng tổng sản phẩm trên địa bàn (GRDP)", 6.5]);
    expect(found).toContainEqual(["Tốc độ tăng tổng sản phẩm trên địa bàn (GRDP): nông lâm nghiệp", 3.1]);
    expect(found).toContainEqual(["Tốc độ tăng tổng sản phẩm trên địa bàn (GRDP): dịch vụ", 7.2]);
    expect(found).toContainEqual(["Tỷ lệ xã có đường ô tô đến trung tâm xã được nhựa hóa", 91.2]);
    expect(found).toContainEqual(["Tỷ lệ xã có đường ô tô đến trung tâm xã được nhựa hóa", 88]);
    // The whole of a list, without what the sentence says happened to it.
    expect(found).toContainEqual(["Cơ cấu kinh tế: nông, lâm nghiệp", 24.5]);
    expect(found).toContainEqual(["Cơ cấu kinh tế: dịch vụ", 41.2]);
  });
});

describe("names read after the figure", () => {
  it("leave out what the figure is compared with", () => {
    const text = "ỦY BAN NHÂN DÂN TỈNH THANH HÓA\nSố: 12/KH-UBND\nKẾ HOẠCH\nCải cách hành chính năm 2026\nI. MỤC TIÊU\n- Giảm 30% thời gian xử lý thủ tục hành chính so với năm 2025.\n";
    expect(extract(text).indicators.map((i) => i.name)).toEqual(["Giảm thời gian xử lý thủ tục hành chính"]);
  });

  it("name a change written before its rate by the change, not as a rate of what changes", () => {
    const names = (target: string) => extract(`KẾ HOẠCH\nCông tác dân số\nI. MỤC TIÊU\n${target}\n`).indicators.map((i) => [i.name, i.comparator, i.min]);
    expect(names("- Đến năm 2030: giảm 50% số cặp tảo hôn, giảm 60% số cặp hôn nhân cận huyết thống; giảm 30% tỷ lệ tử vong do tai nạn giao thông.")).toEqual([
      ["Giảm số cặp tảo hôn", "=", 50], ["Giảm số cặp hôn nhân cận huyết thống", "=", 60], ["Giảm tỷ lệ tử vong do tai nạn giao thông", "=", 30],
    ]);
    expect(names("- Cắt giảm tối thiểu 30% thời gian thực hiện thủ tục hành chính.")).toEqual([["Cắt giảm thời gian thực hiện thủ tục hành chính", ">=", 30]]);
    // ("trở lên" after a figure is that figure's, not the next one's name.)
    expect(names("- Tốc độ tăng GDP đạt 8% trở lên, quy mô GDP năm 2025 đạt khoảng trên 500 tỉ USD.").map(([name]) => name)).toEqual(["Tốc độ tăng GDP", "Quy mô GDP"]);
    // (A rate that names what it counts is still a rate; "tỷ lệ" is not said twice.)
    expect(names("- 90% tỷ lệ hồ sơ được số hóa.")).toEqual([["Tỷ lệ hồ sơ được số hóa", "=", 90]]);
    expect(names("- 85% số thôn có đường ô tô được cứng hóa.")).toEqual([["Tỷ lệ thôn có đường ô tô được cứng hóa", "=", 85]]);
  });
});

describe("a report's running totals and shares of plan", () => {
  const names = (text: string) => extract(text, "x.txt").indicators.map((i) => [i.name, i.min]);
  const report = (body: string) => `ĐẢNG ỦY XÃ NHƯ THANH\nSố: 15-BC/ĐU\nBÁO CÁO\nTình hình thực hiện nhiệm vụ tháng 8 năm 2025\nI. KẾT QUẢ\n${body}\n`;

  it("names a running total by the figure it adds up ('trồng mới được 16 ha, lũy kế 163 ha')", () => {
    expect(names(report("Công tác lâm nghiệp trồng mới được 16 ha, lũy kế 163 ha."))).toEqual([
      ["Công tác lâm nghiệp trồng mới", 16], ["Công tác lâm nghiệp trồng mới (lũy kế)", 163],
    ]);
    expect(names(report("Thu ngân sách tháng 8 đạt trên 1,4 tỷ đồng, lũy kế đạt trên 35,3 tỷ đồng."))).toContainEqual(["Thu ngân sách tháng 8 (lũy kế)", 35.3]);
    // (A total after a total is one again, not a total of totals.)
    expect(names(report("Trồng mới được 16 ha, lũy kế 163 ha, lũy kế 170 ha."))).toEqual([["Trồng mới", 16], ["Trồng mới (lũy kế)", 163], ["Trồng mới (lũy kế)", 170]]);
    // (Of another unit it adds up nothing the figure before counts: left as written.)
    expect(names(report("Trồng mới được 16 ha, lũy kế 12 dự án."))).not.toContainEqual(["Trồng mới (lũy kế)", 12]);
  });

  it("names a share of plan, budget or target by the figure it measures ('đạt 62,7% kế hoạch', 'bằng 47,6% dự toán')", () => {
    const found = names(report("Công tác lâm nghiệp trồng mới được 16 ha, lũy kế 163 ha, đạt 62,7% kế hoạch. Chi ngân sách lũy kế đạt 141 tỷ đồng, bằng 47,6% dự toán."));
    expect(found).toContainEqual(["Công tác lâm nghiệp trồng mới (lũy kế) (% kế hoạch)", 62.7]);
    expect(found).toContainEqual(["Chi ngân sách lũy kế (% dự toán)", 47.6]);
    // (The figures after it are no parts of it.)
    expect(names(report("Khám chữa bệnh ước đạt 1,39 triệu lượt, đạt 97% kế hoạch năm, điều trị ngoại trú 64.543 lượt, đạt 105,9%.")))
      .toEqual([["Khám chữa bệnh", 1390000], ["Khám chữa bệnh (% kế hoạch năm)", 97], ["Điều trị ngoại trú", 64543], ["Điều trị ngoại trú (%)", 105.9]]);
    // (Not a count of plans: "100% kế hoạch sử dụng đất ... được lập", no verb reaching it.)
    expect(names(report("Đến năm 2025, có 20 xã đạt chuẩn nông thôn mới, 100% kế hoạch sử dụng đất cấp xã được lập và phê duyệt.")))
      .toContainEqual(["Tỷ lệ kế hoạch sử dụng đất cấp xã được lập và phê duyệt", 100]);
    // (Without a figure before it, or after a figure its unit named, a rate of its own words, as before.)
    expect(names(report("Có 97% kế hoạch được giao hoàn thành."))).toEqual([["Tỷ lệ kế hoạch được giao hoàn thành", 97]]);
    expect(names(report("Cả 3 tuyến ước đạt trên 1,39 triệu lượt, đạt 97% kế hoạch."))).toContainEqual(["Tỷ lệ kế hoạch", 97]);
  });

  it("names each share and change of one figure by it, not by the share before ('đạt 104% dự toán Trung ương giao, bằng 98% dự toán HĐND tỉnh giao')", () => {
    expect(names(report("Tổng thu ngân sách nhà nước ước đạt 5.200 tỷ đồng, đạt 104% dự toán Trung ương giao, bằng 98% dự toán HĐND tỉnh giao, tăng 12% so với cùng kỳ."))).toEqual([
      ["Tổng thu ngân sách nhà nước", 5200], ["Tổng thu ngân sách nhà nước (% dự toán Trung ương giao)", 104],
      ["Tổng thu ngân sách nhà nước (% dự toán HĐND tỉnh giao)", 98], ["Tổng thu ngân sách nhà nước: so với cùng kỳ", 12],
    ]);
    // A change in brackets is the change, not the level again.
    expect(names(report("Tỷ lệ hộ nghèo giảm còn 2,1% (giảm 0,8% so với đầu năm)."))).toEqual([["Tỷ lệ hộ nghèo", 2.1], ["Tỷ lệ hộ nghèo: so với đầu năm", 0.8]]);
    // (A level compared in brackets is the level: "(năm 2024 là 2,9% so với 3,5% năm 2023)".)
    expect(names(report("Tỷ lệ hộ nghèo còn 2,1% (năm 2024 là 2,9% so với 3,5% năm 2023).")).slice(0, 2)).toEqual([["Tỷ lệ hộ nghèo", 2.1], ["Tỷ lệ hộ nghèo", 2.9]]);
  });

  it("names a rank by the figure it ranks, and an overshoot of plan as one ('xếp thứ 15/63', 'vượt 0,7% chỉ tiêu')", () => {
    expect(names(report("Tốc độ tăng trưởng kinh tế (GRDP) ước đạt 7,5%, xếp thứ 15/63 tỉnh, thành phố."))).toEqual([
      ["Tốc độ tăng trưởng kinh tế (GRDP)", 7.5], ["Tốc độ tăng trưởng kinh tế (GRDP) (xếp hạng)", 15],
    ]);
    expect(names(report("Tỷ lệ bao phủ bảo hiểm y tế đạt 95,2%, vượt 0,7% chỉ tiêu."))).toEqual([["Tỷ lệ bao phủ bảo hiểm y tế", 95.2], ["Tỷ lệ bao phủ bảo hiểm y tế: vượt chỉ tiêu", 0.7]]);
    // (A rank a sentence opens with is named by its own words, as before.)
    expect(names(report("Chỉ số PCI xếp thứ 20/63 tỉnh, thành phố."))).toEqual([["Chỉ số PCI xếp thứ", 20]]);
  });

  it("takes 'Đã có', 'Hiện có' before a figure for no name ('Đã có 25/30 xã đạt chuẩn nông thôn mới')", () => {
    expect(names(report("Đã có 25 xã đạt chuẩn nông thôn mới. Hiện có 12 hợp tác xã hoạt động hiệu quả."))).toEqual([["Số xã đạt chuẩn nông thôn mới", 25], ["Số hợp tác xã hoạt động hiệu quả", 12]]);
    // ("Đà Nẵng" folds like "đã": a place is a name.)
    expect(names(report("Đà Nẵng 25 xã."))).not.toContainEqual(["Số xã", 25]);
  });
});
