import { describe, expect, it } from "vitest";
import { foldKeepingOffsets, readAgencyList, type RegistryAgency } from "./agencies.js";

const list = (text: string, registry: RegistryAgency[] = []) => {
  const { agencies, end } = readAgencyList(text, foldKeepingOffsets(text), 0, registry);
  return { names: agencies.map((a) => a.name), rest: text.slice(end) };
};

describe("reading a list of agencies", () => {
  it("expands abbreviations to full names and stops where the work begins", () => {
    expect(list("Sở KH&ĐT, Sở TN&MT và Sở LĐ-TB&XH tham mưu UBND tỉnh")).toEqual({
      names: ["Sở Kế hoạch và Đầu tư", "Sở Tài nguyên và Môi trường", "Sở Lao động - Thương binh và Xã hội"],
      rest: " tham mưu UBND tỉnh",
    });
    expect(list("Sở VHTT&DL chủ trì").names).toEqual(["Sở Văn hóa, Thể thao và Du lịch"]);
    expect(list("Sở Văn hoá - Thể thao và Du lịch chủ trì").names).toEqual(["Sở Văn hóa, Thể thao và Du lịch"]);
  });

  it("keeps collective phrases whole, splitting where the kind of body changes", () => {
    expect(list("các sở, ban, ngành, UBND các huyện, thành phố tiếp tục rà soát").names)
      .toEqual(["các sở, ban, ngành", "UBND các huyện, thành phố"]);
    expect(list("các cấp, các ngành, các huyện, thành phố thực hiện").names).toEqual(["các cấp, các ngành", "các huyện, thành phố"]);
    expect(list("các cơ quan, ban, ngành, đoàn thể, lực lượng vũ trang địa phương trong").names)
      .toEqual(["các cơ quan, ban, ngành, đoàn thể, lực lượng vũ trang địa phương"]);
    expect(list("cấp ủy, các tổ chức chính trị - xã hội cùng cấp thực hiện").names).toEqual(["cấp ủy", "các tổ chức chính trị - xã hội cùng cấp"]);
    expect(list("Thủ trưởng các sở, ban, ngành, Chủ tịch UBND các huyện, thị xã tập trung").names)
      .toEqual(["Thủ trưởng các sở, ban, ngành", "Chủ tịch UBND các huyện, thị xã"]);
  });

  it("reads named district committees one by one", () => {
    expect(list("UBND các huyện Đồng Văn, Mèo Vạc và Yên Minh khẩn trương").names)
      .toEqual(["UBND huyện Đồng Văn", "UBND huyện Mèo Vạc", "UBND huyện Yên Minh"]);
    expect(list("UBND thành phố Hà Giang chủ trì").names).toEqual(["UBND thành phố Hà Giang"]);
  });

  it("expands a list of departments announced by 'các sở, ngành:'", () => {
    expect(list("các sở, ngành: Nội vụ, Y tế, Giáo dục và Đào tạo, Công an tỉnh tiếp tục").names)
      .toEqual(["Sở Nội vụ", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Công an tỉnh"]);
    expect(list("các Sở: Tài chính, Xây dựng và Công Thương thẩm định").names).toEqual(["Sở Tài chính", "Sở Xây dựng", "Sở Công Thương"]);
  });

  it("marks central bodies, and reads provincial bodies with the province's name", () => {
    const text = "Bộ Quốc phòng, Ủy ban MTTQ Việt Nam tỉnh Hà Giang, Bộ Chỉ huy BĐBP tỉnh";
    const { agencies } = readAgencyList(text, foldKeepingOffsets(text), 0);
    expect(agencies.map((a) => [a.name, a.central])).toEqual([
      ["Bộ Quốc phòng", true], ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Hà Giang", false], ["Bộ Chỉ huy Bộ đội Biên phòng tỉnh", false],
    ]);
  });

  it("reads a body it does not know up to the verb, and a registry's own names", () => {
    expect(list("Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh chủ trì").names).toEqual(["Trung tâm Xúc tiến Đầu tư"]);
    const registry = [{ code: "ttxt", name: "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh", aliases: ["TTXT"], kind: "board" }];
    const { agencies } = readAgencyList("TTXT chủ trì", foldKeepingOffsets("TTXT chủ trì"), 0, registry);
    expect(agencies.map((a) => a.name)).toEqual(["Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh"]);
  });

  it("keeps offsets into the original text", () => {
    const text = "- Phối hợp với Sở KH&ĐT thu hút";
    const from = text.indexOf("Sở");
    const [a] = readAgencyList(text, foldKeepingOffsets(text), from).agencies;
    expect(text.slice(a.start, a.end)).toBe("Sở KH&ĐT");
  });
});
