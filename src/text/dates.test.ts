import { describe, expect, it } from "vitest";
import { daysInMonth, formatVietnameseDate, isoDateParts, isValidCalendarDate, parseDeadline, parseVietnameseDate } from "./dates.js";

describe("parseVietnameseDate", () => {
  it.each([
    ["26/01/2023", "2023-01-26"], ["26/1/2023", "2023-01-26"], ["ngày 17 tháng 7 năm 2024", "2024-07-17"],
    ["Ngày 26 tháng 01 năm 2023", "2023-01-26"], ["2024-02-29", "2024-02-29"], ["01.8.2022", "2022-08-01"],
  ])("%s → %s", (text, iso) => expect(parseVietnameseDate(text)).toEqual({ kind: "date", iso }));

  it("keeps a month whose day is blank", () => {
    expect(parseVietnameseDate("tháng 5 năm 2024")).toEqual({ kind: "month", year: 2024, month: 5 });
    expect(parseVietnameseDate("ngày   tháng 5 năm 2024")).toEqual({ kind: "month", year: 2024, month: 5 });
  });

  it.each(["31/02/2024", "29/02/2023", "2024-13-01", "ngày 32 tháng 1 năm 2024", "tháng 13 năm 2024"])(
    "refuses the impossible %s", (text) => expect(parseVietnameseDate(text)).toEqual({ error: "impossible_date", text }),
  );
  it("refuses what is not a date", () => expect(parseVietnameseDate("hôm qua")).toMatchObject({ error: "not_a_date" }));
});

describe("isValidCalendarDate / formatVietnameseDate", () => {
  it("knows leap years", () => {
    expect(isValidCalendarDate({ year: 2024, month: 2, day: 29 })).toBe(true);
    expect(isValidCalendarDate({ year: 2100, month: 2, day: 29 })).toBe(false);
  });
  it("formats dd/mm/yyyy", () => expect(formatVietnameseDate("2023-01-26")).toBe("26/01/2023"));
});

describe("parseDeadline", () => {
  it.each([
    ["trước ngày 15/12 hằng năm", { kind: "yearly", day: 15, month: 12 }],
    ["định kỳ hàng năm trước ngày 31/12", { kind: "yearly", day: 31, month: 12 }],
    ["hằng năm", { kind: "yearly", day: null, month: null }],
    ["trước ngày 30/6/2024", { kind: "date", date: "2024-06-30" }],
    ["quý III/2024", { kind: "date", date: "2024-09-30" }],
    ["tháng 6 năm 2025", { kind: "date", date: "2025-06-30" }],
    ["trước năm 2025", { kind: "year", year: 2024 }],
    ["trong năm 2026", { kind: "year", year: 2026 }],
    ["năm 2025", { kind: "year", year: 2025 }],
    ["giai đoạn 2021 - 2025", { kind: "period", from: 2021, to: 2025 }],
    ["Thường xuyên", { kind: "ongoing" }],
  ])("%s", (text, expected) => expect(parseDeadline(text)).toEqual({ ...expected, text }));

  it("finds no deadline where there is none", () => expect(parseDeadline("theo chức năng, nhiệm vụ")).toBeNull());
  it.each(["trước ngày 31/02/2024", "ngày 31 tháng 6 năm 2025"])("reports the impossible %s instead of correcting it", (text) => {
    expect(parseDeadline(text)).toEqual({ error: "impossible_date", text });
  });
  it("reads no quarter from a malformed numeral (once a 500 with a NaN date)", () => expect(parseDeadline("quý IIV/2024")).toBeNull());
});

describe("isoDateParts", () => {
  it("splits an ISO date and refuses one that does not exist", () => {
    expect(isoDateParts("2024-02-29")).toEqual({ year: 2024, month: 2, day: 29 });
    expect(() => isoDateParts("2023-02-29")).toThrow(RangeError);
    expect(() => isoDateParts("29/02/2024")).toThrow(RangeError);
  });
});

describe("parseDeadline with the document's issue date", () => {
  const due = (text: string, issued: string) => { const d = parseDeadline(text, issued); return d && "date" in d ? d.date : d; };

  it("dates a day or a month written without its year in the year the document was issued, or the next for one already past", () => {
    expect(due("hoàn thành trước 31/12", "2026-03-14")).toBe("2026-12-31");
    expect(due("trước ngày 15 tháng 8", "2026-03-01")).toBe("2026-08-15");
    expect(due("xong trong tháng 9", "2026-03-14")).toBe("2026-09-30");
    expect(due("trước 15/01", "2026-12-10")).toBe("2027-01-15");
  });

  it("reads a span by its end, a span of years as a period, and no day from a range of months", () => {
    expect(due("Từ tháng 3/2026 đến tháng 12/2026", "2026-01-01")).toBe("2026-12-31");
    expect(due("02 ngày, từ ngày 15/3 đến ngày 16/3", "2026-01-01")).toBe("2026-03-16");
    expect(parseDeadline("từ năm 2026 đến năm 2030")).toMatchObject({ kind: "period", from: 2026, to: 2030 });
    expect(due("Tháng 3-4", "2026-01-01")).toBeNull();
  });

  it("leaves a written year, an impossible day and no issue date as they were", () => {
    expect(due("tháng 6/2027", "2026-01-01")).toBe("2027-06-30");
    expect(due("trước 31/02", "2026-01-01")).toBeNull();
    expect(parseDeadline("hoàn thành trước 31/12")).toBeNull();
  });
});

describe("daysInMonth", () => {
  it("counts a month's days as the calendar does, leap years and centuries too, and as Date does out of its range", () => {
    expect([daysInMonth(2024, 2), daysInMonth(2025, 2), daysInMonth(1900, 2), daysInMonth(2000, 2), daysInMonth(2026, 4), daysInMonth(2026, 12)]).toEqual([29, 28, 28, 29, 30, 31]);
    for (let year = 0; year <= 2400; year += 7) {
      for (let month = 0; month <= 13; month++) expect(daysInMonth(year, month)).toBe(new Date(Date.UTC(year, month, 0)).getUTCDate());
    }
  });
});
