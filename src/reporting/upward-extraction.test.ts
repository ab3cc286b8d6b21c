import { describe, expect, it } from "vitest";
import { extract } from "../extraction/extract.js";
import { isUpward, proposeUpward, timingOf } from "./upward-extraction.js";

const CENTRAL_PLAN = [
  "BAN KINH TẾ TRUNG ƯƠNG",
  "Số 268-KH/BKTTW",
  "KẾ HOẠCH",
  "Giám sát công tác lãnh đạo, chỉ đạo thực hiện Nghị quyết số 11-NQ/TW",
  "Thực hiện Nghị quyết số 11-NQ/TW, ngày 10/02/2022 của Bộ Chính trị, Ban Kinh tế Trung ương xây dựng kế hoạch như sau:",
  "III. TỔ CHỨC THỰC HIỆN",
  "1. Ban Thường vụ các tỉnh ủy, thành ủy vùng Trung du và miền núi phía Bắc tổ chức tự giám sát, báo cáo kết quả về Ban Kinh tế Trung ương trước ngày 30/11/2024.",
  "2. Các tỉnh ủy, thành ủy định kỳ hằng năm báo cáo kết quả thực hiện Nghị quyết về Ban Kinh tế Trung ương trước ngày 15/12.",
].join("\n");

const PROVINCIAL_PLAN = [
  "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN",
  "Số: 23/KH-UBND",
  "KẾ HOẠCH",
  "IV. TỔ CHỨC THỰC HIỆN",
  "1. Các sở, ban, ngành, UBND các huyện, thành phố định kỳ hằng năm báo cáo kết quả thực hiện về Sở Kế hoạch và Đầu tư trước ngày 15/12.",
  "2. Sở Kế hoạch và Đầu tư tổng hợp, báo cáo UBND tỉnh trước ngày 20/12 hằng năm.",
  "3. Sở Kế hoạch và Đầu tư chủ trì theo dõi, báo cáo kết quả thực hiện về UBND tỉnh trước ngày 20/12 hằng năm để tổng hợp, báo cáo Bộ Kế hoạch và Đầu tư.",
  "4. Sở Kế hoạch và Đầu tư tổng hợp, báo cáo Bộ Kế hoạch và Đầu tư trước ngày 15/01 năm sau.",
].join("\n");

const names: Record<string, number> = { "Ban Kinh tế Trung ương": 5, "Tỉnh ủy": 7, "Sở Kế hoạch và Đầu tư": 9, "Bộ Kế hoạch và Đầu tư": 11 };
const agencyId = (name: string) => names[name] ?? null;

describe("reports owed upward read from a document", () => {
  it("proposes the central body's requests: once by a date, and every year", () => {
    const x = extract(CENTRAL_PLAN, "268.txt");
    const proposals = proposeUpward(x.document, x.reporting, x.implements[0]?.symbol ?? null, agencyId);
    expect(proposals.map((p) => [p.recipientText, p.frequency, p.dueOn, p.dueDay, p.dueMonthOffset, p.recipientId])).toEqual([
      ["Ban Kinh tế Trung ương", "once", "2024-11-30", null, 0, 5],
      ["Ban Kinh tế Trung ương", "year", null, 15, 0, 5],
    ]);
    expect(proposals[0]).toMatchObject({ title: "Báo cáo kết quả thực hiện 11-NQ/TW", confirmed: false, deadlineText: "trước ngày 30/11/2024" });
    // "Các tỉnh ủy, thành ủy" is the province's own Tỉnh ủy.
    expect(proposals[1]).toMatchObject({ reporterText: "Các tỉnh ủy, thành ủy", reporterId: 7 });
  });

  it("leaves a provincial plan's reports to its own departments to the rounds, and takes the one to a ministry by a date (not an onward one without)", () => {
    const x = extract(PROVINCIAL_PLAN, "23.txt");
    const proposals = proposeUpward(x.document, x.reporting, null, agencyId);
    expect(proposals.map((p) => [p.reporterText, p.recipientText])).toEqual([["Sở Kế hoạch và Đầu tư", "Bộ Kế hoạch và Đầu tư"]]);
    expect(proposals[0]).toMatchObject({ reporterId: 9, recipientId: 11, frequency: "year", dueDay: 15, dueMonthOffset: 1 });
  });

  it("tells upward from sideways by issuer, recipient and reporter", () => {
    expect(isUpward("Ủy ban nhân dân tỉnh Lạng Sơn", { from: "Các sở, ban, ngành", to: "Sở Tài chính" })).toBe(false);
    expect(isUpward("Ủy ban nhân dân tỉnh Lạng Sơn", { from: "Sở Tài chính", to: "Văn phòng Chính phủ" })).toBe(true);
    expect(isUpward("Ban Chấp hành Trung ương", { from: "Các tỉnh ủy, thành ủy", to: "Bộ Chính trị" })).toBe(true);
    expect(isUpward("Ban Thường vụ Tỉnh ủy", { from: "Ban cán sự đảng UBND tỉnh", to: "Ban Thường vụ Tỉnh ủy" })).toBe(true);
    expect(isUpward("Ban Thường vụ Tỉnh ủy", { from: "Các huyện ủy", to: "Văn phòng Tỉnh ủy" })).toBe(true);
    expect(isUpward("Ủy ban nhân dân tỉnh", { from: "Các sở", to: null })).toBe(false);
  });

  it("reads each frequency's due day, a yearly report due early in the next year, and nothing without a day", () => {
    expect(timingOf({ deadline_text: "trước ngày 15/01 hằng năm", frequency: "annual" })).toEqual({ frequency: "year", dueOn: null, dueDay: 15, dueMonthOffset: 1 });
    expect(timingOf({ deadline_text: "trước ngày 20/11 hằng năm", frequency: "annual" })).toEqual({ frequency: "year", dueOn: null, dueDay: 20, dueMonthOffset: -1 });
    // In the month after the period's last.
    expect(timingOf({ deadline_text: "trước ngày 05 của tháng sau", frequency: "monthly" })).toEqual({ frequency: "month", dueOn: null, dueDay: 5, dueMonthOffset: 1 });
    expect(timingOf({ deadline_text: "trước ngày 15 của tháng cuối quý", frequency: "quarterly" })).toEqual({ frequency: "quarter", dueOn: null, dueDay: 15, dueMonthOffset: 0 });
    expect(timingOf({ deadline_text: "trước ngày 15/6", frequency: "semiannual" })).toEqual({ frequency: "half", dueOn: null, dueDay: 15, dueMonthOffset: 0 });
    expect(timingOf({ deadline_text: "trước ngày 15 của tháng cuối quý", frequency: "quarterly" })).toEqual({ frequency: "quarter", dueOn: null, dueDay: 15, dueMonthOffset: 0 });
    expect(timingOf({ deadline_text: "trước ngày 25 hằng tháng", frequency: "monthly" })).toEqual({ frequency: "month", dueOn: null, dueDay: 25, dueMonthOffset: 0 });
    expect(timingOf({ deadline_text: null, frequency: "annual" })).toBeNull();
    expect(timingOf({ deadline_text: "trước ngày 31/02/2025", frequency: "once" })).toBeNull();
  });
});
