import { describe, expect, it } from "vitest";
import { findQuantities } from "./quantities.js";

const one = (text: string) => findQuantities(text).map(({ comparator, min, max, unit, perYear }) => ({ comparator, min, max, unit, perYear }));

describe("findQuantities", () => {
  it.each([
    ["tăng trưởng đạt 8 - 9%", { comparator: "range", min: 8, max: 9, unit: "%", perYear: false }],
    ["đạt khoảng 150 triệu đồng", { comparator: "approx", min: 150, max: 150, unit: "triệu đồng", perYear: false }],
    ["Tỷ lệ tham gia bảo hiểm y tế đạt trên 95%", { comparator: ">", min: 95, max: null, unit: "%", perYear: false }],
    ["có ít nhất 3 huyện đạt chuẩn", { comparator: ">=", min: 3, max: null, unit: "huyện", perYear: false }],
    ["Tỷ lệ hộ nghèo giảm 2 - 3%/năm", { comparator: "range", min: 2, max: 3, unit: "%", perYear: true }],
    ["đón khoảng 6 triệu lượt người", { comparator: "approx", min: 6e6, max: 6e6, unit: "lượt người", perYear: false }],
    ["Có 36,9 giường bệnh/vạn dân", { comparator: "=", min: 36.9, max: 36.9, unit: "giường bệnh/vạn dân", perYear: false }],
    ["diện tích 8.310,18 km²", { comparator: "=", min: 8310.18, max: 8310.18, unit: "km²", perYear: false }],
    ["nhà ở bình quân 28 m2/người", { comparator: "=", min: 28, max: 28, unit: "m²/người", perYear: false }],
    ["giảm tối đa 5% chi phí", { comparator: "<=", min: null, max: 5, unit: "%", perYear: false }],
    // A sign for a comparator, as tables write it.
    ["≥ 65%", { comparator: ">=", min: 65, max: null, unit: "%", perYear: false }],
    ["tỷ lệ hộ nghèo <3%", { comparator: "<", min: null, max: 3, unit: "%", perYear: false }],
    ["≤ 10 km đường", { comparator: "<=", min: null, max: 10, unit: "km đường", perYear: false }],
    ["tăng từ 52 -> 55 ha", { comparator: "=", min: 55, max: 55, unit: "ha", perYear: false }],
    ["có 02 cửa khẩu quốc tế", { comparator: "=", min: 2, max: 2, unit: "cửa khẩu quốc tế", perYear: false }],
    ["từ 10 đến 12 km", { comparator: "range", min: 10, max: 12, unit: "km", perYear: false }],
    ["thu nhập tăng 1,35 lần so với năm 2020", { comparator: "=", min: 1.35, max: 1.35, unit: "lần", perYear: false }],
    ["tăng trưởng GRDP đạt 8,5% trở lên", { comparator: ">=", min: 8.5, max: null, unit: "%", perYear: false }],
    ["mức độ hài lòng đạt từ 95% trở lên", { comparator: ">=", min: 95, max: null, unit: "%", perYear: false }],
    ["dự án có tổng mức đầu tư 500 tỷ đồng trở xuống", { comparator: "<=", min: null, max: 500, unit: "tỷ đồng", perYear: false }],
    ["Số giường bệnh trên 10.000 dân đạt 36 giường", { comparator: "=", min: 36, max: 36, unit: "giường", perYear: false }],
    ["đạt trên 10.000 người tham gia", { comparator: ">", min: 10000, max: null, unit: "người", perYear: false }],
    ["trồng 1.000 ha rừng mỗi năm", { comparator: "=", min: 1000, max: 1000, unit: "ha rừng", perYear: true }],
    // A comparator is a whole word: "giải ngân" does not end with "gần", nor "lựa chọn" with "hơn".
    ["phấn đấu giải ngân 100%", { comparator: "=", min: 100, max: 100, unit: "%", perYear: false }],
    ["thu hút khoảng 2,5 triệu lượt khách du lịch mỗi năm", { comparator: "approx", min: 2.5e6, max: 2.5e6, unit: "lượt khách du lịch", perYear: true }],
    ["lựa chọn 5 mô hình", { comparator: "=", min: 5, max: 5, unit: "mô hình", perYear: false }],
    // ("thành" ends a unit, "đạt 95% hoàn thành", but not members.)
    ["tập huấn cho ít nhất 500 thành viên", { comparator: ">=", min: 500, max: null, unit: "thành viên", perYear: false }],
    // (Ages say who is counted, but life expectancy is measured in years of age.)
    ["Tuổi thọ trung bình đạt 75,5 tuổi", { comparator: "=", min: 75.5, max: 75.5, unit: "tuổi", perYear: false }],
  ])("%s", (text, expected) => expect(one(text)).toEqual([expected]));

  it("skips versions, and a day or month that no unit follows", () => {
    expect(one("ban hành Kiến trúc chính quyền số phiên bản 4.0 trước ngày 31/10/2025; cách mạng công nghiệp 4.0")).toEqual([]);
    expect(one("hoàn thành 4 trước ngày 30/9")).toEqual([]);
  });

  it("reads a rate after a word that labels a number elsewhere ('bình quân hàng năm 8%': a year is no percent)", () => {
    expect(one("Tốc độ tăng tổng giá trị sản phẩm trên địa bàn bình quân hàng năm 8%; thu nhập bình quân đầu người đạt 86,4 triệu đồng").map((q) => [q.min, q.unit]))
      .toEqual([[8, "%"], [86.4, "triệu đồng"]]);
    expect(one("tăng trưởng bình quân mỗi năm 7,5%, riêng năm 2026 tăng 8%").map((q) => [q.min, q.unit])).toEqual([[7.5, "%"], [8, "%"]]);
    // (Without a percent, still a label: "năm 8", "số 5".)
    expect(one("trong năm 8 tháng đầu; nhà số 5 đường Hùng Vương")).toEqual([]);
  });

  it("reads an age as a measure after 'tuổi thọ' only in its own clause", () => {
    expect(one("Tuổi thọ trung bình đạt 75 tuổi, tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng giảm còn 10%").map((q) => [q.min, q.unit])).toEqual([[75, "tuổi"], [10, "%"]]);
  });

  it("skips years, periods, dates, symbols, structural counts and times of day", () => {
    expect(one("đến năm 2030, giai đoạn 2021 - 2025, ngày 15/12, đến ngày 15/8/2024, Kế hoạch số 23/KH-UBND, gồm 03 chương trình và 04 khâu đột phá, 5 trụ cột chính, 3 đột phá chiến lược, Quốc lộ 4B, mục 2, tính đến 17h00")).toEqual([]);
    // Occasions and an OCOP product's stars are no measures.
    expect(one("tổ chức 3 lần kiểm tra; sản phẩm đạt từ 3 sao trở lên, 02 sản phẩm đạt 5 sao").map((q) => q.unit)).toEqual(["sản phẩm"]);
  });

  it("reads figures of progress with what they are out of, and ranks", () => {
    const ratios = (text: string) => findQuantities(text).map(({ min, of, unit }) => [min, of, unit]);
    expect(ratios("kiểm đếm 304/305 hộ, với diện tích 74,3/74,44 ha")).toEqual([[304, 305, "hộ"], [74.3, 74.44, "ha"]]);
    expect(ratios("được 17,34ha/31,52ha, đạt 55%")).toEqual([[17.34, 31.52, "ha"], [55, null, "%"]]);
    expect(ratios("đất đai 60,83 ha/60,83 ha (đạt 100%)")).toEqual([[60.83, 60.83, "ha"], [100, null, "%"]]);
    expect(ratios("giải ngân 490,1/1.288,123 tỷ đồng; bàn giao 366.55/640,28ha")).toEqual([[490.1, 1288.123, "tỷ đồng"], [366.55, 640.28, "ha"]]);
    expect(ratios("Chỉ số PCI xếp thứ 13/63 tỉnh, thành phố; xếp thứ 3 toàn đoàn")).toEqual([[13, 63, "thứ hạng"], [3, null, "thứ hạng"]]);
    expect(ratios("đạt 79 huy chương các loại (18 HCV, 43 HCĐ)").map((r) => r[2])).toEqual(["huy chương các loại", "huy chương vàng", "huy chương đồng"]);
  });

  it("finds each quantity of a clause that lists several", () => {
    expect(one("Nông, lâm nghiệp chiếm 12 - 13%; công nghiệp chiếm 32 - 33%; dịch vụ chiếm 50 - 51%").map((q) => [q.min, q.max])).toEqual([[12, 13], [32, 33], [50, 51]]);
  });
});

describe("findQuantities: codes that look like numbers", () => {
  it("skips road codes in a list and phase numbers", () => {
    expect(one("duy trì các tuyến quốc lộ 1A, 1B, 4A; hoàn thành giai đoạn 1 dự án")).toEqual([]);
  });

  it("skips a grade and a region's number, and keeps a count of classes", () => {
    expect(one("Riêng đối với lớp 1 tựu trường ngày 19/8/2024; Ngân hàng Nhà nước chi nhánh Khu vực 5")).toEqual([]);
    expect(one("mở 20 lớp bồi dưỡng").map((q) => q.min)).toEqual([20]);
    // (Nor the model of local government since 2025.)
    expect(one("vận hành mô hình chính quyền địa phương 2 cấp; chính quyền 02 cấp")).toEqual([]);
  });
});

describe("ranges and bases written in full", () => {
  it("reads a range whose bounds each carry the percent sign, and keeps a ratio's base of 100", () => {
    expect(findQuantities("Kinh tế số chiếm tỷ trọng từ 20% - 25% GRDP.").map((q) => [q.comparator, q.min, q.max, q.unit])).toEqual([["range", 20, 25, "%"]]);
    expect(findQuantities("đạt 15% - 20 doanh nghiệp").map((q) => [q.min, q.max, q.unit])).toEqual([[15, 15, "%"], [20, 20, "doanh nghiệp"]]);
    expect(findQuantities("Số thuê bao băng rộng cố định đạt 45 thuê bao/100 hộ gia đình.").map((q) => q.unit)).toEqual(["thuê bao/100 hộ gia đình"]);
    expect(findQuantities("đạt 12 bác sĩ/1 vạn dân").map((q) => q.unit)).toEqual(["bác sĩ/vạn dân"]);
  });
});
