import { describe, expect, it } from "vitest";
import { candidatesFor, projectKey, projectSimilarity } from "./project-matching.js";

const same = (a: string, b: string) => projectSimilarity(projectKey(a), projectKey(b));

describe("projectSimilarity", () => {
  it("matches a plan's and a report's names of the same project", () => {
    expect(same("Tuyến cao tốc cửa khẩu Hữu Nghị - Chi Lăng theo hình thức BOT", "Dự án Tuyến cao tốc cửa khẩu Hữu Nghị - Chi Lăng theo hình thức BOT")).toBe(1);
    expect(same("Đầu tư xây dựng tuyến cao tốc Đồng Đăng (tỉnh Lạng Sơn) - Trà Lĩnh (tỉnh Cao Bằng)", "dự án đầu tư xây dựng tuyến cao tốc Đồng Đăng (tỉnh Lạng Sơn) - Trà Lĩnh (tỉnh Cao Bằng)")).toBe(1);
  });
  it("reads road abbreviations as the road's name", () => {
    expect(same("Nâng cấp đoạn Km18 - Km80, Quốc lộ 4B", "nâng cấp đoạn Km18 - Km80, QL4B")).toBe(1);
    expect(same("Nâng cấp QL.31", "Nâng cấp quốc lộ 31")).toBe(1);
  });
  it("keeps apart projects on the same road whose kilometre posts differ", () => {
    expect(same("Cải tạo, nâng cấp Quốc lộ 4B (đoạn Km3+700 đến Km18)", "Nâng cấp đoạn Km18 - Km80, Quốc lộ 4B")).toBe(0);
  });
  it("keeps apart the same name in two places", () => {
    expect(projectSimilarity(projectKey("Trường THPT chuyên"), projectKey("Trường THPT chuyên"), ["huyện Cao Lộc", "thành phố Lạng Sơn"])).toBe(0);
    expect(projectSimilarity(projectKey("Trường THPT chuyên"), projectKey("Trường THPT chuyên"), ["huyện Cao Lộc", null])).toBe(1);
  });
  it("does not match unrelated projects", () => {
    expect(same("Khu công nghiệp VSIP Lạng Sơn", "Tuyến cao tốc cửa khẩu Hữu Nghị - Chi Lăng")).toBeLessThan(0.3);
  });
});

describe("candidatesFor", () => {
  const known = [
    { id: 1, name: "Dự án tuyến cao tốc cửa khẩu Hữu Nghị - Chi Lăng theo hình thức BOT", location: null },
    { id: 2, name: "Dự án nâng cấp đoạn Km18 - Km80, QL4B", location: null },
    { id: 3, name: "Cải tạo, nâng cấp Quốc lộ 4B (đoạn Km3+700 đến Km18)", location: null },
  ];
  it("applies the one candidate above the threshold", () => {
    const found = candidatesFor("Nâng cấp đoạn Km18 - Km80, Quốc lộ 4B", null, known);
    expect(found.unambiguous).toBe(2);
    expect(found.candidates.map((c) => c.id)).toEqual([2]);
  });
  it("proposes but does not apply when two records could be the project", () => {
    const twice = [...known, { id: 4, name: "Tuyến cao tốc cửa khẩu Hữu Nghị - Chi Lăng (BOT)", location: null }];
    const found = candidatesFor("Tuyến cao tốc cửa khẩu Hữu Nghị - Chi Lăng theo hình thức BOT", null, twice);
    expect(found.candidates.length).toBe(2);
    expect(found.unambiguous).toBeNull();
  });
  it("finds nothing for a new project", () => {
    expect(candidatesFor("Khu liên hợp thể thao tỉnh", null, known)).toEqual({ candidates: [], unambiguous: null });
  });
  it("stays quick on a long hostile name against many records", () => {
    const many = Array.from({ length: 2000 }, (_, i) => ({ id: i + 1, name: `Dự án đường ${i} km${i}`, location: null }));
    expect(candidatesFor("dự án ".repeat(20_000), null, many).candidates).toEqual([]);
  });
});
