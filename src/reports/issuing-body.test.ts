import { describe, expect, it } from "vitest";
import { applyForm, readForm, reportFormSchema } from "./form.js";
import { defaultTemplate, isPartyDocument, partyBody, reportIssuer } from "./issuing-body.js";

const scope = (symbol: string | null, issuerText: string | null, agency: { name: string; kind: string } | null = null) => ({ symbol, issuerText, agency });

describe("the form a scope's report takes", () => {
  it("is the Party's for a Party document, by its symbol or its issuer; Decree 30's otherwise", () => {
    expect(isPartyDocument(scope("11-NQ/TW", "của Bộ Chính trị"))).toBe(true);
    expect(isPartyDocument(scope("52-CTr/TU", null))).toBe(true);
    expect(isPartyDocument(scope(null, "của Ban Thường vụ Tỉnh uỷ"))).toBe(true);
    expect(isPartyDocument(scope(null, null, { name: "Ban Kinh tế Trung ương", kind: "party_body" }))).toBe(true);
    expect(defaultTemplate(scope("96/NQ-CP", "của Chính phủ"))).toBe("state");
    expect(defaultTemplate(scope("23/KH-UBND", "UBND tỉnh Lạng Sơn"))).toBe("state");
    expect(defaultTemplate(scope(null, "Ii- kết quả đạt được"))).toBe("state");
  });

  it("is issued by the province's Party committee in the Party's form, by the plan's own state body or else the province's People's Committee in Decree 30's", () => {
    expect(reportIssuer(scope("11-NQ/TW", "của Bộ Chính trị"), "party", "Lạng Sơn")).toMatchObject({ name: "Ban Thường vụ Tỉnh ủy Lạng Sơn", header: "Tỉnh ủy Lạng Sơn", template: "party" });
    expect(partyBody("Hà Nội")).toMatchObject({ header: "Thành ủy Hà Nội", recipients: expect.arrayContaining(["Lưu Văn phòng Thành ủy."]) });
    expect(partyBody(null)).toMatchObject({ header: "Tỉnh ủy [tên tỉnh]", source: "placeholder" });
    // A central or a Party document reported on in the state's form: the province's People's Committee, not the Politburo or the Government.
    for (const s of [scope("11-NQ/TW", "của Bộ Chính trị"), scope("96/NQ-CP", "của Chính phủ"), scope(null, null, { name: "Bộ Tài chính", kind: "ministry" }), scope("52-CTr/TU", "của Ban Chấp hành Đảng bộ tỉnh")]) {
      expect(reportIssuer(s, "state", "Lạng Sơn")).toMatchObject({ name: "Ủy ban nhân dân tỉnh Lạng Sơn", symbolSuffix: "BC-UBND", template: "state" });
    }
    expect(reportIssuer(scope("45/KH-SXD", null, { name: "Sở Xây dựng", kind: "department" }), "state", "Lạng Sơn")).toMatchObject({ name: "Sở Xây dựng", authority: ["GIÁM ĐỐC"] });
  });
});

describe("the report's form", () => {
  it("lays the header, recipients, number and signer over the drafted body; the signer's title replaces the last authority line", () => {
    const body = partyBody("Lạng Sơn");
    const form = reportFormSchema.parse({ number: " 652 ", header: "Đảng bộ tỉnh Lạng Sơn\nTỉnh ủy", recipients: ["Ban Kinh tế Trung ương (b/c),"], signer: { title: "PHÓ BÍ THƯ THƯỜNG TRỰC", name: "Hoàng Văn Nghiệm" } });
    expect(applyForm(body, form)).toMatchObject({ number: "652", header: "Đảng bộ tỉnh Lạng Sơn\nTỉnh ủy", recipients: ["Ban Kinh tế Trung ương (b/c),"],
      authority: ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC"], signer: "Hoàng Văn Nghiệm" });
    // Empty fields keep the draft.
    expect(applyForm(body, reportFormSchema.parse({ number: "", recipients: [], signer: {} }))).toMatchObject({ number: null, recipients: body.recipients, authority: body.authority, signer: null });
  });

  it("reads a stored form field by field: a field that no longer validates is dropped, the others kept", () => {
    expect(readForm({ number: "12", template: "royal", signer: { name: "A" } })).toEqual({ number: "12", signer: { name: "A" } });
    expect(readForm(null)).toEqual({});
    expect(readForm({ recipients: "not a list" })).toEqual({});
  });
});
