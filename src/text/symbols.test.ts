import { describe, expect, it } from "vitest";
import { documentTypeOfSymbol, parseDocumentSymbol, suggestSymbolMatches, symbolKey } from "./symbols.js";

describe("parseDocumentSymbol", () => {
  it("parses a state plan", () => {
    expect(parseDocumentSymbol("23/KH-UBND")).toMatchObject({
      number: "23", year: null, typeCode: "KH", issuerCode: "UBND", unitCode: null, canonical: "23/KH-UBND", issuerKnown: true,
    });
  });
  it("parses a party resolution", () => {
    expect(parseDocumentSymbol("11-NQ/TW")).toMatchObject({ number: "11", typeCode: "NQ", issuerCode: "TW", partyStyle: true, canonical: "11-NQ/TW" });
  });
  it("parses symbols with a year", () => {
    expect(parseDocumentSymbol("09/2019/NĐ-CP")).toMatchObject({ number: "9", year: 2019, typeCode: "ND", issuerCode: "CP", canonical: "09/2019/NĐ-CP" });
    // A unit keeps its letters as written: "ĐT", "TTg".
    expect(parseDocumentSymbol("3120/STC-ĐT")).toMatchObject({ unitCode: "DT", canonical: "3120/STC-ĐT" });
    expect(parseDocumentSymbol("97/CĐ-TTg")).toMatchObject({ canonical: "97/CĐ-TTg", key: parseDocumentSymbol("97/CD-TTG")!.key });
    const law = parseDocumentSymbol("111/2024/QH15")!;
    expect(law).toMatchObject({ year: 2024, typeCode: null, issuerCode: "QH15", issuerKnown: true });
    expect(documentTypeOfSymbol(law)).toBe("resolution");
  });
  it("parses a letter: issuer then drafting unit", () => {
    const s = parseDocumentSymbol("Số: 776/UBND-KT")!;
    expect(s).toMatchObject({ number: "776", typeCode: null, issuerCode: "UBND", unitCode: "KT" });
    expect(documentTypeOfSymbol(s)).toBe("letter");
  });
  it("parses a draft whose number is blank, without a key", () => {
    expect(parseDocumentSymbol("Số: /UBND-TH")).toMatchObject({ number: null, key: null, issuerCode: "UBND", unitCode: "TH" });
  });
  it.each(["", "abc", "23", "KH-UBND", "23/", "12a/KH-UBND", "1/2/3/4/5/6"])("refuses %j", (text) => {
    expect(parseDocumentSymbol(text)).toBeNull();
  });
});

describe("symbolKey: one key for every spelling", () => {
  it.each([
    ["13-NQ/TW", "13/NQ-TW"], ["693/QĐ-TTg", "693/QD-TTG"], ["72-KL/TW", "72- KL/TW"], ["06-NQ/TW", "6-NQ/TW"],
    ["52-CTr/TU", "52 - CTR / TU"], ["41/NQ-HĐND", "41/NQ-HDND"],
  ])("%s = %s", (a, b) => {
    expect(symbolKey(a)).not.toBeNull();
    expect(symbolKey(a)).toBe(symbolKey(b));
  });
  it("keeps different documents apart", () => {
    expect(symbolKey("23/KH-UBND")).not.toBe(symbolKey("23/QĐ-UBND"));
    expect(symbolKey("11-NQ/TW")).not.toBe(symbolKey("11-NQ/TU"));
    expect(symbolKey("776/UBND-KT")).not.toBe(symbolKey("776/UBND-TH"));
  });
});

describe("suggestSymbolMatches", () => {
  const existing = ["52-CTr/TU", "23/KH-UBND", "11-NQ/TW"].map((s) => symbolKey(s)!);
  it("suggests the probable document for a truncated issuer, without merging", () => {
    expect(symbolKey("52-CTr/T")).not.toBe(symbolKey("52-CTr/TU"));
    expect(suggestSymbolMatches("52-CTr/T", existing)).toEqual([{ key: symbolKey("52-CTr/TU"), reason: "issuer_truncated" }]);
  });
  it("suggests on one edit of the issuer", () => {
    expect(suggestSymbolMatches("23/KH-UBNN", existing)).toEqual([{ key: symbolKey("23/KH-UBND"), reason: "issuer_one_edit" }]);
  });
  it("suggests nothing for an exact or unrelated symbol", () => {
    expect(suggestSymbolMatches("52-CTr/TU", existing)).toEqual([]);
    expect(suggestSymbolMatches("53-CTr/T", existing)).toEqual([]);
  });
});
