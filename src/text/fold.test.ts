import { describe, expect, it } from "vitest";
import { foldPhrase, foldVietnamese, foldedWords, searchDocumentText } from "./fold.js";

describe("foldVietnamese", () => {
  it("strips every Vietnamese diacritic and folds case", () => {
    expect(foldVietnamese("Tỷ lệ che phủ rừng")).toBe("ty le che phu rung");
    expect(foldVietnamese("ĐỘC LẬP - Tự do - Hạnh phúc")).toBe("doc lap - tu do - hanh phuc");
    expect(foldVietnamese("Sở Kế hoạch và Đầu tư")).toBe("so ke hoach va dau tu");
  });
  it("treats precomposed and decomposed input alike", () => {
    expect(foldVietnamese("Ủy".normalize("NFD"))).toBe(foldVietnamese("Ủy".normalize("NFC")));
  });
});

describe("foldPhrase", () => {
  it("folds and collapses whitespace for pattern matching", () => expect(foldPhrase("  Ngày \n  THÁNG 5 ")).toBe("ngay thang 5"));
});

describe("foldedWords / searchDocumentText", () => {
  it("splits on punctuation and joins parts", () => {
    expect(foldedWords("23/KH-UBND, ngày 26/01")).toEqual(["23", "kh", "ubnd", "ngay", "26", "01"]);
    expect(searchDocumentText("Kế hoạch", null, "Sở KH&ĐT")).toBe("ke hoach so kh dt");
  });
});
