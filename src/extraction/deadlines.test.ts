import { describe, expect, it } from "vitest";
import { deadlineOf } from "./deadlines.js";

const said = (text: string) => deadlineOf(text).text;

describe("deadlineOf", () => {
  it("reads the dates and recurrence that time the work", () => {
    expect(said("Xây dựng Quy chế quản lý, hoàn thành trong Quý III/2024.")).toBe("hoàn thành trong Quý III/2024");
    expect(said("báo cáo kết quả về Sở Kế hoạch và Đầu tư trước ngày 31/12 hằng năm để tổng hợp")).toBe("trước ngày 31/12 hằng năm");
    expect(said("Tập trung triển khai Chương trình xây dựng nông thôn mới, phấn đấu đến năm 2025 huyện Đình Lập đạt chuẩn.")).toBe("đến năm 2025");
    expect(said("triển khai đồng bộ các kế hoạch của UBND tỉnh để đến năm 2025 đưa huyện Văn Quan thoát nghèo, đến năm 2030 đưa huyện Bình Gia thoát nghèo"))
      .toBe("đến năm 2025, đến năm 2030");
    expect(said("huyện thường xuyên rà soát, đánh giá việc thực hiện các quy hoạch")).toBe("thường xuyên");
    // Dates written out in words.
    expect(said("trình Chính phủ trước ngày 31 tháng 3 năm 2025")).toBe("trước ngày 31 tháng 3 năm 2025");
    expect(said("ban hành hướng dẫn trước tháng 9 năm 2025")).toBe("trước tháng 9 năm 2025");
    expect(said("báo cáo Bộ Giáo dục và Đào tạo trước ngày 31 tháng 12 hằng năm")).toBe("trước ngày 31 tháng 12 hằng năm");
    expect(deadlineOf("hoàn thành trước ngày 30/9/2024").deadline).toMatchObject({ kind: "date", date: "2024-09-30" });
    // The end of a year, and the People's Council's session that passes a policy.
    expect(said("hoàn thiện hồ sơ đến cuối năm 2025 để trình")).toBe("đến cuối năm 2025");
    expect(said("lãnh đạo HĐND tỉnh ban hành chính sách hỗ trợ tại kỳ họp cuối năm 2024.")).toBe("tại kỳ họp cuối năm 2024");
    expect(deadlineOf("ban hành chính sách tại kỳ họp thường lệ giữa năm 2026").deadline).toMatchObject({ kind: "year", year: 2026 });
    // A month or quarter the clause states without an opening word, and "hoàn thành" with a year.
    expect(said("Xây dựng Đề án đào tạo nhân lực kỹ thuật, trình UBND tỉnh tháng 6/2026.")).toBe("tháng 6/2026");
    expect(deadlineOf("trình UBND tỉnh tháng 6/2026").deadline).toMatchObject({ kind: "date", date: "2026-06-30" });
    expect(said("Tham mưu nâng cấp cơ sở vật chất, thiết bị đào tạo, hoàn thành năm 2027.")).toBe("hoàn thành năm 2027");
    // ... but not the period of what is reported, an approval's date, a cited plan's month, nor projects that were completed.
    expect(said("Tổng hợp tình hình thực hiện quý I/2025, báo cáo UBND tỉnh")).toBeNull();
    expect(said("triển khai Quy hoạch đã được phê duyệt tháng 6/2024")).toBeNull();
    expect(said("thực hiện Kế hoạch số 25/KH-UBND tháng 3/2024")).toBeNull();
    expect(said("Rà soát các dự án hoàn thành năm 2020 chưa quyết toán")).toBeNull();
    // The end of a year, half a year; a recurrence written right before its date is kept with it.
    expect(said("hoàn thiện cơ sở dữ liệu đến hết năm 2026")).toBe("đến hết năm 2026");
    expect(said("hoàn thành trong 6 tháng đầu năm 2026")).toBe("trong 6 tháng đầu năm 2026");
    expect(said("Tổng hợp kết quả 6 tháng đầu năm 2025, báo cáo UBND tỉnh")).toBeNull();
    expect(deadlineOf("hoàn thành trong 6 tháng đầu năm 2025").deadline).toMatchObject({ kind: "date", date: "2025-06-30" });
    expect(deadlineOf("báo cáo sơ kết 6 tháng đầu năm 2025 gửi Sở Nội vụ trước ngày 15/6/2025").deadline).toMatchObject({ kind: "date", date: "2025-06-15" });
    // The work is tracked by its date, not by the recurrence written before it.
    expect(deadlineOf("theo dõi, đôn đốc thường xuyên, trước ngày 15/12/2025 báo cáo UBND tỉnh").deadline).toMatchObject({ kind: "date", date: "2025-12-15" });
    expect(said("báo cáo hằng năm, trước ngày 20/12")).toBe("hằng năm, trước ngày 20/12");
    // The end, middle or start of a year "vào" it ("vào năm 2024" alone may date what was done).
    expect(said("Tổ chức tổng kết vào cuối năm 2026.")).toBe("vào cuối năm 2026");
    expect(said("Quyết định được phê duyệt vào năm 2024")).toBeNull();
    // A deadline after its label inside the clause: its value, whatever its form (a period is due at its end).
    expect(said("Chủ trì triển khai các chương trình hợp tác đào tạo; thời gian thực hiện: 2026 - 2030.")).toBe("2026 - 2030");
    expect(deadlineOf("Chủ trì triển khai các chương trình hợp tác; thời gian thực hiện: 2026 - 2030.").deadline).toMatchObject({ kind: "period", from: 2026, to: 2030 });
    expect(said("Tổ chức tập huấn cho cán bộ; thời gian: năm 2027.")).toBe("năm 2027");
    expect(deadlineOf("Xây dựng đề án, thời hạn: 30/6/2027").deadline).toMatchObject({ kind: "date", date: "2027-06-30" });
    expect(said("Tổ chức tập huấn (thời gian hoàn thành: Quý III/2027)")).toBe("Quý III/2027");
    // (A label's value is a date or years, not a document's number.)
    expect(said("Triển khai thực hiện; thời gian: theo Kế hoạch 2026/KH-UBND")).toBeNull();
    // (Nor hours, nor a span written otherwise, read as its first year.)
    expect(said("Vận hành thử; thời gian: 1200 giờ")).toBeNull();
    expect(said("Tập huấn; thời gian: năm 2026 - năm 2027")).toBeNull();
    expect(said("định kỳ 6 tháng (trước ngày 15/6) và hằng năm (trước ngày 15/12) báo cáo")).toBe("định kỳ 6 tháng, trước ngày 15/6, hằng năm, trước ngày 15/12");
    // A day of each month or quarter, and the People's Council's sessions.
    expect(said("theo dõi; định kỳ trước ngày 05 hằng tháng báo cáo UBND tỉnh")).toBe("định kỳ trước ngày 05 hằng tháng");
    expect(said("báo cáo kết quả về UBND xã trước ngày 10 của tháng cuối quý để tổng hợp")).toBe("trước ngày 10 của tháng cuối quý");
    expect(said("định kỳ báo cáo Hội đồng nhân dân tỉnh tại các kỳ họp thường lệ")).toBe("tại các kỳ họp thường lệ");
    // ... but not the month of a cited document's date written out.
    expect(said("sửa đổi Nghị định số 81/2021/NĐ-CP ngày 27 tháng 8 năm 2021 của Chính phủ, trong Quý II năm 2025")).toBe("trong Quý II năm 2025");
  });

  it("reads a full date written with dashes or dots, and no range of figures as one", () => {
    expect(deadlineOf("bố trí kinh phí, hoàn thành trước ngày 30-6-2026.").deadline).toMatchObject({ kind: "date", date: "2026-06-30" });
    expect(deadlineOf("tổ chức tập huấn, hoàn thành trước ngày 15.9.2026.").deadline).toMatchObject({ kind: "date", date: "2026-09-15" });
    expect(said("thời hạn: 01-3-2027")).toBe("01-3-2027");
    expect(said("rà soát văn bản trong 15 - 20 ngày, đạt 1.234.567 lượt")).toBeNull();
    expect(said("hoàn thành trước ngày 15-20, giảm 10.12.20261 lượt")).toBeNull();
  });

  it("leaves out the horizons in the titles of the documents the task cites", () => {
    expect(said("Triển khai hiệu quả Phương án phát triển ngành du lịch tại Quy hoạch tỉnh Lạng Sơn thời kỳ 2021 - 2030, tầm nhìn đến năm 2050.")).toBeNull();
    expect(said("Hoàn thành lập quy hoạch tỉnh thời kỳ 2021 - 2030, tầm nhìn đến năm 2050 trình Thủ tướng Chính phủ phê duyệt")).toBeNull();
    expect(said("thực hiện Chương trình hành động số 84-CTr/TU thực hiện Nghị quyết số 19-NQ/TW về nông nghiệp, nông dân, nông thôn đến năm 2030, tầm nhìn đến năm 2045."))
      .toBeNull();
    expect(said("Triển khai thực hiện hiệu quả Chương trình hỗ trợ phát triển thị trường lao động đến năm 2030 gắn với thông tin thị trường lao động.")).toBeNull();
    expect(said("Tổ chức lập điều chỉnh cục bộ Quy hoạch chung xây dựng Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn đến năm 2030")).toBeNull();
  });

  it("leaves out the day a reported figure stands at ('ước thực hiện đến ngày 31/01/2027'), not a day the work is due by", () => {
    expect(said("Báo cáo tình hình giải ngân đến hết ngày 30/11/2026 và ước thực hiện đến ngày 31/01/2027, gửi về Sở Tài chính trước ngày 05/12/2026.")).toBe("trước ngày 05/12/2026");
    expect(said("Cập nhật số liệu lũy kế đến ngày 30/11/2026.")).toBeNull();
    expect(said("Hoàn thành thẩm định hồ sơ đến ngày 30/11/2026.")).toBe("đến ngày 30/11/2026");
    // ("tỉnh" folds like "tính".)
    expect(said("Triển khai thí điểm mô hình trên địa bàn tỉnh đến ngày 31/12/2026.")).toBe("đến ngày 31/12/2026");
  });

  it("leaves out recurrence words that name a kind of thing or a state to reach", () => {
    expect(said("ban hành chương trình bồi dưỡng thường xuyên đối với giáo viên; hoàn thành trong năm 2026.")).toBe("hoàn thành trong năm 2026");
    expect(said("bảo đảm tỷ lệ hợp lý giữa chi thường xuyên, chi đầu tư")).toBeNull();
    expect(said("sắp xếp, đổi mới mô hình trung tâm giáo dục thường xuyên; trung tâm giáo dục nghề nghiệp - giáo dục thường xuyên")).toBeNull();
    expect(said("xây dựng kế hoạch đầu tư công trung hạn, hàng năm đảm bảo từng bước hiện thực hóa quy hoạch")).toBeNull();
    expect(said("hệ thống đường giao thông nông thôn cơ bản được thực hiện quản lý, bảo trì hằng năm.")).toBeNull();
    expect(said("quán triệt Nghị quyết; đưa nội dung chuyển đổi số vào chương trình công tác hằng năm.")).toBeNull();
  });

  it("keeps a date over the recurrence that only repeats it", () => {
    expect(said("định kỳ hằng năm báo cáo kết quả thực hiện trước ngày 15/12 thông qua Sở Kế hoạch và Đầu tư")).toBe("trước ngày 15/12");
  });
});

describe("deadlineOf on what only looks like a deadline", () => {
  it("reads no deadline in a word that folds like one, keeps 'trong năm 2025' and an assigned unit's recurrence", () => {
    expect(said("Tập trung thực hiện các nhiệm vụ quan trọng năm 2025 của ngành.")).toBeNull();
    expect(said("Tổ chức thực hiện Kế hoạch trong năm 2025.")).toBe("trong năm 2025");
    expect(said("Các đơn vị được giao nhiệm vụ chủ trì, định kỳ hằng năm báo cáo kết quả.")).toBe("định kỳ hằng năm");
  });

  it("reads a paragraph of 40,000 sentences (each date's sentence found by halving, not by counting)", () => {
    const long = "Báo cáo kết quả hằng năm; thực hiện trước ngày 15/12. ".repeat(20_000);
    expect(deadlineOf(long).text).toBe("hằng năm, trước ngày 15/12");
  });
});

describe("a span of time", () => {
  it("is due at its end", () => {
    const d = deadlineOf("Tổ chức thực hiện từ tháng 3/2026 đến tháng 12/2026.").deadline;
    expect(d && "date" in d ? d.date : d).toBe("2026-12-31");
  });
});

describe("words that fold like a recurrence", () => {
  it("are none: 'ban hành quy chế' is not 'hằng quý'", () => {
    expect(deadlineOf("tham mưu UBND tỉnh ban hành quy chế quản lý tài chính").text).toBeNull();
    expect(deadlineOf("báo cáo kết quả hằng quý").text).toBe("hằng quý");
  });
});
