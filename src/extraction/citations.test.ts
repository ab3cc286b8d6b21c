import { describe, expect, it } from "vitest";
import { findCitations, uniqueCitations } from "./citations.js";

describe("findCitations", () => {
  it("finds state and party symbols with their date and issuer, at their offsets", () => {
    const text = "Thực hiện Nghị quyết số 96/NQ-CP ngày 01/8/2022 của Chính phủ; Chương trình hành động số 52-CTr/TU, ngày 27/10/2022 của Ban Chấp hành Đảng bộ tỉnh thực hiện Nghị quyết";
    const found = findCitations(text);
    expect(found.map((c) => [c.symbol, c.date, c.issuerText])).toEqual([
      ["96/NQ-CP", "2022-08-01", "của Chính phủ"],
      ["52-CTr/TU", "2022-10-27", "của Ban Chấp hành Đảng bộ tỉnh"],
    ]);
    for (const c of found) expect(text.slice(c.start, c.end)).toMatch(/^\d/);
  });

  it("reads every spelling: stray spaces, a state form for a party symbol, a year, a letter, dates in words", () => {
    const text = "Kết luận số 72- KL/TW ngày 23 tháng 02 năm 2024; Nghị quyết số 13/NQ-TW; Nghị quyết số 111/2024/QH15; Công văn số 776/UBND-KT; Quyết định 693/QĐ-TTG";
    expect(findCitations(text).map((c) => [c.symbol, c.date])).toEqual([
      ["72-KL/TW", "2024-02-23"], ["13-NQ/TW", null], ["111/2024/QH15", null], ["776/UBND-KT", null], ["693/QĐ-TTg", null],
    ]);
  });

  it("ignores dates, ranges, ratios and measurements", () => {
    expect(findCitations("ngày 26/01/2023, giai đoạn 2021 - 2030, đạt 8 - 9%, 366.55/640,28ha, 39,9km/59,87km, 12 bác sĩ/1 vạn dân, 3 huyện/thành phố")).toEqual([]);
  });

  it("repairs a truncated symbol to one the same text cites, and deduplicates", () => {
    const found = uniqueCitations(findCitations("Chương trình số 15-CTr/TU ngày 02/01/2021 và Chương trình 15-CTr/T."));
    expect(found.map((c) => [c.symbol, c.date])).toEqual([["15-CTr/TU", "2021-01-02"]]);
  });

  it("leaves an unknown issuer alone when nothing it could misspell is cited", () => {
    expect(findCitations("Kế hoạch số 9/KH-XYZ").map((c) => c.symbol)).toEqual(["9/KH-XYZ"]);
  });
});

describe("citations of one number in different years", () => {
  it("keeps 58/NQ-HĐND of 2023 and of 2025 apart, an undated mention joining a dated one", async () => {
    const { extract } = await import("./extract.js");
    const text = "KẾ HOẠCH\nThực hiện Nghị quyết số 58/NQ-HĐND ngày 12/12/2025 của HĐND tỉnh\nI. NHIỆM VỤ\n1. Tiếp tục thực hiện Nghị quyết số 58/NQ-HĐND ngày 08/12/2023 của HĐND tỉnh và Nghị quyết số 58/NQ-HĐND.\n";
    const result = extract(text);
    expect(result.implements.map((c) => [c.symbol, c.date])).toEqual([["58/NQ-HĐND", "2025-12-12"]]);
    expect(result.references.map((c) => [c.symbol, c.date])).toEqual([["58/NQ-HĐND", "2023-12-08"]]);
  });
});
