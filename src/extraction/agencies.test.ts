import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { agenciesAt, foldKeepingOffsets, isCentralCollective, mayNameAgency, isCentralIssuer, readAgencyList, type RegistryAgency } from "./agencies.js";
import { CENTRAL_BODIES, MINISTRY_FIELDS } from "./agency-names.js";
import { foldVietnamese } from "../text/fold.js";

const list = (text: string, registry: RegistryAgency[] = []) => {
  const { agencies, end } = readAgencyList(text, foldKeepingOffsets(text), 0, registry);
  return { names: agencies.map((a) => a.name), rest: text.slice(end) };
};
/** Each agency as [name, collective, central]. */
const read = (text: string, registry: RegistryAgency[] = []) =>
  readAgencyList(text, foldKeepingOffsets(text), 0, registry).agencies.map((a) => [a.name, a.collective, a.central]);

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
    // (Without "các", as a heading names them: "2. Sở, ban, ngành thành phố và Ủy ban nhân dân xã, phường". Not a department.)
    expect(list("Sở, ban, ngành thành phố và Ủy ban nhân dân xã, phường căn cứ chức năng").names).toEqual(["Sở, ban, ngành thành phố", "Ủy ban nhân dân xã, phường"]);
    expect(read("Sở Y tế, Sở Tài chính")).toEqual([["Sở Y tế", false, false], ["Sở Tài chính", false, false]]);
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
    expect(list("Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh chủ trì").names).toEqual(["Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh"]);
    const registry = [{ code: "ttxt", name: "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh", aliases: ["TTXT"], kind: "board" }];
    const { agencies } = readAgencyList("TTXT chủ trì", foldKeepingOffsets("TTXT chủ trì"), 0, registry);
    expect(agencies.map((a) => a.name)).toEqual(["Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh"]);
  });

  it("reads a registry's name whose first word has a mark in it where a name may start (it was passed over as no agency's word)", () => {
    const registry = [{ code: "td", name: "Tỉnh Đoàn Thanh niên", aliases: ["T.Ư Đoàn"], kind: "mass_org" }];
    const text = "T.Ư Đoàn chủ trì tổ chức tuyên truyền";
    expect(mayNameAgency(foldKeepingOffsets(text), 0, registry)).toBe(true);
    expect(agenciesAt(text, foldKeepingOffsets(text), 0, registry).map((a) => a.name)).toEqual(["Tỉnh Đoàn Thanh niên"]);
    // A word no name starts with reads no agency.
    expect(agenciesAt("tổ chức tuyên truyền", foldKeepingOffsets("tổ chức tuyên truyền"), 8, registry)).toEqual([]);
  });

  it("reads the Party's bodies and its collectives, as a Party committee's documents assign work to them", () => {
    expect(list("Ban cán sự đảng UBND tỉnh lãnh đạo UBND tỉnh rà soát").names).toEqual(["Ban cán sự đảng UBND tỉnh"]);
    // Named as written: in full where the text spells the council out, abbreviated where it abbreviates it.
    expect(list("Đảng đoàn Hội đồng nhân dân tỉnh lãnh đạo").names).toEqual(["Đảng đoàn Hội đồng nhân dân tỉnh"]);
    expect(list("Đảng đoàn HĐND tỉnh lãnh đạo").names).toEqual(["Đảng đoàn HĐND tỉnh"]);
    expect(list("Văn phòng Ủy ban nhân dân tỉnh, VP UBND tỉnh chủ trì").names).toEqual(["Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng UBND tỉnh"]);
    expect(list("Đảng ủy UBND tỉnh, Ban Tổ chức Tỉnh ủy chủ trì").names).toEqual(["Đảng ủy UBND tỉnh", "Ban Tổ chức Tỉnh ủy"]);
    const party = list("Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy tiếp tục lãnh đạo");
    expect(party).toEqual({ names: ["Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy"], rest: " tiếp tục lãnh đạo" });
    expect(list("các cấp ủy, tổ chức đảng quán triệt").names).toEqual(["các cấp ủy, tổ chức đảng"]);
    // A collective's description runs to the verb of the work, not past it.
    expect(list("các cơ quan báo chí của tỉnh tổ chức tuyên truyền").names).toEqual(["các cơ quan báo chí của tỉnh"]);
    expect(list("cơ quan, tổ chức duy trì an ninh, trật tự").names).toEqual(["cơ quan, tổ chức"]);
    // The auxiliaries that end a description fold like no word of a name ("Đảng" folds like "đang", "dược" like "được").
    expect(list("các cơ quan Đảng, Nhà nước thực hiện").names).toEqual(["các cơ quan Đảng"]);
    expect(list("các doanh nghiệp đa quốc gia, các hợp tác xã tổ chức").names).toEqual(["các doanh nghiệp đa quốc gia", "các hợp tác xã"]);
    // A district and its committee are not the same noun: "các huyện, thành phố" stays a list of districts.
    expect(list("UBND các huyện, thành phố thực hiện").names).toEqual(["UBND các huyện, thành phố"]);
  });

  it("reads a regional branch as written, and the bodies each commune has as collectives", () => {
    expect(list("Sở Tài chính, Kho bạc Nhà nước khu vực XI theo dõi").names).toEqual(["Sở Tài chính", "Kho bạc Nhà nước khu vực XI"]);
    // (The central bank's regional branches, from 2025: "Ngân hàng Nhà nước chi nhánh Khu vực 5".)
    expect(list("Ngân hàng Nhà nước chi nhánh Khu vực 5, Sở Tài chính theo dõi").names).toEqual(["Ngân hàng Nhà nước chi nhánh Khu vực 5", "Sở Tài chính"]);
    expect(list("Trạm y tế các xã, phường lập danh sách").names).toEqual(["Trạm y tế các xã, phường"]);
    expect(read("Công an các xã, phường và Công an xã Tân Lập rà soát").map(([name, collective]) => [name, collective]))
      .toEqual([["Công an các xã, phường", true], ["Công an xã Tân Lập", false]]);
    expect(list("Bệnh viện Đa khoa tỉnh và các bệnh viện tuyến tỉnh bảo đảm thuốc").names).toEqual(["Bệnh viện Đa khoa tỉnh", "các bệnh viện tuyến tỉnh"]);
    expect(list("Các bộ, cơ quan trung ương và địa phương:").names).toEqual(["Các bộ, cơ quan trung ương", "địa phương"]);
    // A head written "Trưởng" (not "Trường", a school), the villages, and the boards of industrial parks.
    expect(list("Trưởng các thôn có trách nhiệm tuyên truyền").names).toEqual(["Trưởng các thôn"]);
    expect(list("Trường Chính trị tỉnh chủ trì").names).toEqual(["Trường Chính trị tỉnh"]);
    expect(list("Ban Quản lý các Khu công nghiệp tỉnh chủ trì").names).toEqual(["Ban Quản lý các khu công nghiệp tỉnh"]);
  });

  it("keeps offsets into the original text", () => {
    const text = "- Phối hợp với Sở KH&ĐT thu hút";
    const from = text.indexOf("Sở");
    const [a] = readAgencyList(text, foldKeepingOffsets(text), from).agencies;
    expect(text.slice(a.start, a.end)).toBe("Sở KH&ĐT");
  });
});

describe("agencies of the central level", () => {
  it("reads every ministry by its full name and its abbreviations, before and after the 2025 mergers", () => {
    expect(list("Bộ KH&ĐT, Bộ TN&MT, Bộ GTVT, Bộ NN&PTNT, Bộ TT&TT và Bộ LĐ-TB&XH chủ trì")).toEqual({
      names: [
        "Bộ Kế hoạch và Đầu tư", "Bộ Tài nguyên và Môi trường", "Bộ Giao thông vận tải", "Bộ Nông nghiệp và Phát triển nông thôn",
        "Bộ Thông tin và Truyền thông", "Bộ Lao động - Thương binh và Xã hội",
      ],
      rest: " chủ trì",
    });
    expect(list("Bộ KH&CN, Bộ GD&ĐT, Bộ VHTTDL, Bộ NN&MT, Bộ DT&TG, Bộ XD, Bộ TC phối hợp").names).toEqual([
      "Bộ Khoa học và Công nghệ", "Bộ Giáo dục và Đào tạo", "Bộ Văn hóa, Thể thao và Du lịch", "Bộ Nông nghiệp và Môi trường",
      "Bộ Dân tộc và Tôn giáo", "Bộ Xây dựng", "Bộ Tài chính",
    ]);
    expect(list("Bộ Kế hoạch - Đầu tư, Bộ Lao động, Thương binh và Xã hội, Bộ Văn hoá - Thể thao và Du lịch thực hiện").names)
      .toEqual(["Bộ Kế hoạch và Đầu tư", "Bộ Lao động - Thương binh và Xã hội", "Bộ Văn hóa, Thể thao và Du lịch"]);
    const ministries = MINISTRY_FIELDS.map((m) => `Bộ ${m.field}`);
    const all = read(`${ministries.join(", ")} chủ trì`);
    expect(all).toEqual(ministries.map((m) => [m, false, true]));
    expect(ministries).toEqual(expect.arrayContaining(["Bộ Nông nghiệp và Môi trường", "Bộ Dân tộc và Tôn giáo", "Bộ Giao thông vận tải", "Bộ Quốc phòng", "Bộ Công an", "Bộ Ngoại giao"]));
  });

  it("reads the bodies of ministerial rank and of the Government by their names and abbreviations", () => {
    expect(read("Văn phòng Chính phủ, Thanh tra Chính phủ, Ngân hàng Nhà nước Việt Nam và Ủy ban Dân tộc thực hiện")).toEqual([
      ["Văn phòng Chính phủ", false, true], ["Thanh tra Chính phủ", false, true], ["Ngân hàng Nhà nước Việt Nam", false, true], ["Ủy ban Dân tộc", false, true],
    ]);
    expect(list("VPCP, TTCP, NHNN, UBDT, TTXVN, Đài THVN, Đài TNVN, BHXH Việt Nam, ĐHQG Hà Nội, ĐHQG TP.HCM phối hợp").names).toEqual([
      "Văn phòng Chính phủ", "Thanh tra Chính phủ", "Ngân hàng Nhà nước Việt Nam", "Ủy ban Dân tộc", "Thông tấn xã Việt Nam",
      "Đài Truyền hình Việt Nam", "Đài Tiếng nói Việt Nam", "Bảo hiểm xã hội Việt Nam", "Đại học Quốc gia Hà Nội",
      "Đại học Quốc gia Thành phố Hồ Chí Minh",
    ]);
    const bodies = CENTRAL_BODIES.map((b) => b[0]).filter((b) => !["Trung ương", "Chính phủ", "Thủ tướng Chính phủ", "Quốc hội"].includes(b));
    expect(read(`${bodies.join("; ")} chủ trì`)).toEqual(bodies.map((b) => [b, false, true]));
    // "Ngân hàng Nhà nước" alone is the province's branch, as before.
    expect(read("Ngân hàng Nhà nước, NHNN chi nhánh tỉnh thực hiện")).toEqual([
      ["Ngân hàng Nhà nước chi nhánh tỉnh", false, false], ["Ngân hàng Nhà nước chi nhánh tỉnh", false, false],
    ]);
  });

  it("reads a minister as the head of a ministry, as a directive of the Prime Minister addresses them", () => {
    expect(read("Bộ trưởng Bộ Nông nghiệp và Môi trường chỉ đạo kiểm tra")).toEqual([["Bộ trưởng Bộ Nông nghiệp và Môi trường", false, true]]);
    expect(read("Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương chỉ đạo")).toEqual([
      ["Bộ trưởng", true, true], ["Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ", true, true], ["Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", true, false],
    ]);
    // (With "Các", as a directive's numbered items open: "1. Các Bộ trưởng, Thủ trưởng ...:"; not "các Bộ trưởng" of a phrase that goes on.)
    expect(read("Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ chỉ đạo")).toEqual([["Các Bộ trưởng", true, true], ["Thủ trưởng cơ quan ngang bộ", true, true]]);
    expect(read("các Bộ trưởng chỉ đạo")).toEqual([]);
    expect(read("các bộ trưởng, thứ trưởng đã dự họp")).toEqual([]);
  });

  it("goes on through the 'và' of a field written in small letters inside a name", () => {
    expect(list("Viện Chiến lược và Chính sách khoa học và công nghệ tổ chức diễn đàn").names).toEqual(["Viện Chiến lược và Chính sách khoa học và công nghệ"]);
    expect(list("Trung tâm Dịch vụ nông nghiệp và Sở Tài chính tổ chức").names).toEqual(["Trung tâm Dịch vụ nông nghiệp", "Sở Tài chính"]);
  });

  it("never cuts a central body's name at a word that folds like a verb", () => {
    // "lâm" folds like "làm", "hội" like "hỏi"; "và" is a separator of lists.
    expect(list("Viện Hàn lâm Khoa học và Công nghệ Việt Nam chủ trì").names).toEqual(["Viện Hàn lâm Khoa học và Công nghệ Việt Nam"]);
    expect(list("Viện Hàn lâm Khoa học xã hội Việt Nam, Bảo hiểm xã hội Việt Nam làm đầu mối")).toEqual({
      names: ["Viện Hàn lâm Khoa học xã hội Việt Nam", "Bảo hiểm xã hội Việt Nam"], rest: " làm đầu mối",
    });
    expect(list("Viện Hàn lâm KH&CN Việt Nam và Đại học Quốc gia Thành phố Hồ Chí Minh thực hiện").names)
      .toEqual(["Viện Hàn lâm Khoa học và Công nghệ Việt Nam", "Đại học Quốc gia Thành phố Hồ Chí Minh"]);
  });

  it("keeps the province's military and border-guard commands provincial", () => {
    expect(read("Bộ Quốc phòng, Bộ Chỉ huy Quân sự tỉnh, Bộ Chỉ huy Bộ đội Biên phòng tỉnh, Bộ CHQS tỉnh phối hợp")).toEqual([
      ["Bộ Quốc phòng", false, true], ["Bộ Chỉ huy Quân sự tỉnh", false, false], ["Bộ Chỉ huy Bộ đội Biên phòng tỉnh", false, false],
      ["Bộ Chỉ huy Quân sự tỉnh", false, false],
    ]);
  });

  it("keeps the collective phrases of the central level whole, as written", () => {
    expect(read("Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương căn cứ nhiệm vụ")).toEqual([
      ["Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ", true, true],
      ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", true, false],
    ]);
    expect(read("các bộ, ngành tổ chức")).toEqual([["các bộ, ngành", true, true]]);
    expect(read("các bộ, ngành, địa phương triển khai")).toEqual([["các bộ, ngành, địa phương", true, true]]);
    expect(read("các bộ, ngành Trung ương hỗ trợ")).toEqual([["các bộ, ngành Trung ương", true, true]]);
    expect(read("các bộ ngành liên quan và UBND các tỉnh, thành phố trực thuộc TW thực hiện")).toEqual([
      ["các bộ ngành liên quan", true, true], ["UBND các tỉnh, thành phố trực thuộc TW", true, false],
    ]);
    expect(list("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương chịu trách nhiệm").names)
      .toEqual(["Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"]);
    expect(read("UBND các tỉnh biên giới thực hiện")).toEqual([["UBND các tỉnh biên giới", true, false]]);
    // "UBND tỉnh" is one body, "các bộ phận" are not ministries.
    expect(read("UBND tỉnh, các bộ phận chuyên môn, các đơn vị thực hiện")).toEqual([
      ["UBND tỉnh", false, false], ["các bộ phận chuyên môn", true, false], ["các đơn vị", true, false],
    ]);
    expect(read("các bộ phận thực hiện")).toEqual([["các bộ phận", true, false]]);
    expect(isCentralCollective("các sở, ban, ngành")).toBe(false);
    expect(isCentralCollective("Thủ trưởng các bộ, ngành")).toBe(true);
  });

  it("reads a collective phrase with the body it belongs to", () => {
    expect(read("Thủ trưởng các đơn vị thuộc Bộ chịu trách nhiệm")).toEqual([["Thủ trưởng các đơn vị thuộc Bộ", true, true]]);
    expect(list("các đơn vị trực thuộc Bộ Tài chính thực hiện").names).toEqual(["các đơn vị trực thuộc Bộ Tài chính"]);
    expect(list("Các phòng, đơn vị thuộc UBND xã căn cứ nhiệm vụ").names).toEqual(["Các phòng, đơn vị thuộc UBND xã"]);
    expect(list("các đơn vị thuộc bộ phận một cửa").names).toEqual(["các đơn vị"]);
  });

  it("tells a central issuer, and reads a registry's central bodies as central", () => {
    for (const issuer of ["BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "Ngân hàng Nhà nước Việt Nam", "BẢO HIỂM XÃ HỘI VIỆT NAM", "Viện Hàn lâm Khoa học xã hội Việt Nam", "ỦY BAN DÂN TỘC"]) {
      expect(isCentralIssuer(issuer)).toBe(true);
    }
    for (const issuer of ["BỘ CHỈ HUY QUÂN SỰ TỈNH", "Ngân hàng Nhà nước chi nhánh tỉnh Lạng Sơn", "UBND TỈNH LẠNG SƠN"]) expect(isCentralIssuer(issuer)).toBe(false);
    const registry: RegistryAgency[] = [
      { code: "hvctqg", name: "Học viện Chính trị quốc gia Hồ Chí Minh", aliases: ["HVCTQG"], kind: "ministry" },
      { code: "ttxt", name: "Trung tâm Xúc tiến Đầu tư tỉnh", aliases: ["TTXT tỉnh"], kind: "board" },
    ];
    expect(read("HVCTQG, TTXT tỉnh thực hiện", registry)).toEqual([
      ["Học viện Chính trị quốc gia Hồ Chí Minh", false, true], ["Trung tâm Xúc tiến Đầu tư tỉnh", false, false],
    ]);
  });

  it("has every central name of the lexicon in the sample registry, with the 2025 successions", () => {
    const registry = JSON.parse(readFileSync(new URL("../../samples/agencies.json", import.meta.url), "utf8")).agencies as Array<
      RegistryAgency & { validFrom: string | null; validTo: string | null; successors: Array<{ code: string; effectiveDate: string; kind: string }> }
    >;
    const byName = (name: string) => registry.find((a) => foldVietnamese(a.name) === foldVietnamese(name));
    for (const name of [...MINISTRY_FIELDS.map((m) => `Bộ ${m.field}`), ...CENTRAL_BODIES.map((b) => b[0]).filter((b) => b !== "Trung ương")]) {
      expect(byName(name), name).toBeDefined();
      expect(["ministry", "council"]).toContain(byName(name)!.kind);
    }
    const successor = (name: string) => byName(name)!.successors.map((s) => [registry.find((a) => a.code === s.code)!.name, s.effectiveDate, s.kind]);
    expect(successor("Bộ Kế hoạch và Đầu tư")).toEqual([["Bộ Tài chính", "2025-03-01", "merge"]]);
    expect(successor("Bộ Giao thông vận tải")).toEqual([["Bộ Xây dựng", "2025-03-01", "merge"]]);
    expect(successor("Bộ Tài nguyên và Môi trường")).toEqual([["Bộ Nông nghiệp và Môi trường", "2025-03-01", "merge"]]);
    expect(successor("Bộ Nông nghiệp và Phát triển nông thôn")).toEqual([["Bộ Nông nghiệp và Môi trường", "2025-03-01", "merge"]]);
    expect(successor("Bộ Thông tin và Truyền thông")).toEqual([["Bộ Khoa học và Công nghệ", "2025-03-01", "merge"]]);
    expect(successor("Bộ Lao động - Thương binh và Xã hội")).toEqual([["Bộ Nội vụ", "2025-03-01", "merge"]]);
    expect(successor("Ủy ban Dân tộc")).toEqual([["Bộ Dân tộc và Tôn giáo", "2025-03-01", "rename"]]);
    for (const name of ["Bộ Kế hoạch và Đầu tư", "Bộ Giao thông vận tải", "Bộ Lao động - Thương binh và Xã hội", "Ủy ban Dân tộc"]) expect(byName(name)!.validTo).toBe("2025-02-28");
    for (const name of ["Bộ Nông nghiệp và Môi trường", "Bộ Dân tộc và Tôn giáo"]) expect(byName(name)!.validFrom).toBe("2025-03-01");
    for (const name of ["Bộ Tài chính", "Bộ Xây dựng", "Bộ Nội vụ", "Bộ Khoa học và Công nghệ"]) expect(byName(name)).toMatchObject({ validFrom: null, validTo: null, successors: [] });
    // The abbreviations documents use are the registry's aliases too.
    expect(byName("Bộ Kế hoạch và Đầu tư")!.aliases).toEqual(expect.arrayContaining(["Bộ KH&ĐT"]));
    expect(byName("Ngân hàng Nhà nước Việt Nam")!.aliases).toEqual(expect.arrayContaining(["NHNN"]));
    expect(byName("Văn phòng Chính phủ")!.aliases).toEqual(expect.arrayContaining(["VPCP"]));
  });
});

describe("names of bodies the lexicon does not list", () => {
  it("goes on over 'và' into a capitalised word that starts no agency, and over capitalised words that fold like verbs", () => {
    expect(list("Cục Kinh tế hợp tác và Phát triển nông thôn chủ trì").names).toEqual(["Cục Kinh tế hợp tác và Phát triển nông thôn"]);
    expect(list("Trung tâm Phát triển quỹ đất tỉnh chủ trì").names).toEqual(["Trung tâm Phát triển quỹ đất tỉnh"]);
    expect(list("Trung tâm Xúc tiến Đầu tư và Sở Tài chính thực hiện").names).toEqual(["Trung tâm Xúc tiến Đầu tư", "Sở Tài chính"]);
    expect(list("Trường THPT La Sơn là đơn vị")).toEqual({ names: ["Trường THPT La Sơn"], rest: " là đơn vị" });
    expect(list("Cục Quản lý đất đai hoàn thiện hệ thống")).toEqual({ names: ["Cục Quản lý đất đai"], rest: " hoàn thiện hệ thống" });
    expect(list("Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên khu vực tổ chức").names)
      .toEqual(["Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên khu vực"]);
    expect(list("Vụ Kế hoạch - Tài chính, Học viện Nông nghiệp Việt Nam tổ chức").names).toEqual(["Vụ Kế hoạch - Tài chính", "Học viện Nông nghiệp Việt Nam"]);
  });

  it("expands 'Các Cục: A, B' to the bodies it lists, splitting at commas only", () => {
    expect(list("Các Cục: Trồng trọt và Bảo vệ thực vật, Chăn nuôi và Thú y, Lâm nghiệp và Kiểm lâm")).toEqual({
      names: ["Cục Trồng trọt và Bảo vệ thực vật", "Cục Chăn nuôi và Thú y", "Cục Lâm nghiệp và Kiểm lâm"], rest: "",
    });
    expect(list("các ban: Kinh tế - Ngân sách, Pháp chế chủ trì").names).toEqual(["Ban Kinh tế - Ngân sách", "Ban Pháp chế"]);
  });

  it("goes on past a comma into the rest of a name of fields, and ends a name at its place", () => {
    expect(list("Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh chủ trì").names).toEqual(["Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh"]);
    expect(list("Cục Chất lượng, Chế biến và Phát triển thị trường hướng dẫn").names).toEqual(["Cục Chất lượng, Chế biến và Phát triển thị trường"]);
    // (Not into the next agency of a list, nor a list of fields under "Các Cục:".)
    expect(list("Trung tâm Xúc tiến Đầu tư, Sở Tài chính và Sở Nội vụ thực hiện").names).toEqual(["Trung tâm Xúc tiến Đầu tư", "Sở Tài chính", "Sở Nội vụ"]);
    expect(list("Hiệp hội Du lịch tỉnh quảng bá sản phẩm")).toEqual({ names: ["Hiệp hội Du lịch tỉnh"], rest: " quảng bá sản phẩm" });
    expect(list("Ngân hàng Chính sách xã hội chi nhánh tỉnh bảo đảm nguồn vốn").names).toEqual(["Ngân hàng Chính sách xã hội chi nhánh tỉnh"]);
    expect(list("Ban Thường vụ các tỉnh ủy, thành ủy định kỳ báo cáo").names[0]).toMatch(/^Ban Thường vụ các tỉnh ủy/);
    expect(list("Trung tâm Y tế thành phố Phủ Lý chủ trì").names).toEqual(["Trung tâm Y tế thành phố Phủ Lý"]);
    expect(list("Trung tâm Văn hóa thị xã Kỳ Anh tổ chức").names).toEqual(["Trung tâm Văn hóa thị xã Kỳ Anh"]);
    // ("đầu tư xây dựng" names only a project board; a comma then names of their own is a list.)
    expect(list("Trung tâm Xúc tiến Đầu tư xây dựng kế hoạch xúc tiến").names).toEqual(["Trung tâm Xúc tiến Đầu tư"]);
    expect(list("Trung tâm Công nghệ thông tin, Viettel Hà Nam và VNPT Hà Nam phối hợp").names).toEqual(["Trung tâm Công nghệ thông tin"]);
    expect(list("BQL các KCN tỉnh rà soát quỹ đất").names).toEqual(["Ban Quản lý các khu công nghiệp tỉnh"]);
    // A project management board, named in small letters by what it builds.
    expect(list("Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh đẩy nhanh thi công").names).toEqual(["Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh"]);
    expect(list("Ban QLDA xây dựng công trình dân dụng tổ chức nghiệm thu").names).toEqual(["Ban QLDA xây dựng công trình dân dụng"]);
  });

  it("reads the bodies of a city of the central level as a province's, and the province's press merged in 2025", () => {
    expect(list("Công an thành phố Cần Thơ, Bảo hiểm xã hội thành phố và Văn phòng Ủy ban nhân dân thành phố phối hợp").names)
      .toEqual(["Công an thành phố Cần Thơ", "Bảo hiểm xã hội thành phố", "Văn phòng Ủy ban nhân dân thành phố"]);
    expect(list("Ban Tuyên giáo và Dân vận Thành ủy, Thành đoàn tổ chức").names).toEqual(["Ban Tuyên giáo và Dân vận Thành ủy", "Thành đoàn"]);
    // (Not the "thành ủy" of a collective phrase: "Ban Thường vụ các tỉnh ủy, thành ủy".)
    expect(list("Ban Thường vụ các tỉnh ủy, thành ủy định kỳ báo cáo").names).toEqual(["Ban Thường vụ các tỉnh ủy"]);
    expect(read("Công An Thành phố, Bộ Tư lệnh Thành phố phối hợp")).toEqual([["Công an thành phố", false, false], ["Bộ Tư lệnh Thành phố Hồ Chí Minh", false, false]]);
    expect(read("Bộ Tư lệnh Thủ đô chủ trì")).toEqual([["Bộ Tư lệnh Thủ đô Hà Nội", false, false]]);
    expect(isCentralIssuer("Bộ Tư lệnh Thủ đô Hà Nội")).toBe(false);
    // (An institute's "phát triển" after "Nghiên cứu" is its name's, not the work's; a department's work stays its own.)
    expect(list("Sở Khoa học và Công nghệ, Viện Nghiên cứu phát triển Thành phố tuyên truyền").names).toEqual(["Sở Khoa học và Công nghệ", "Viện Nghiên cứu phát triển Thành phố"]);
    expect(list("Sở Y tế nghiên cứu phát triển mạng lưới").names).toEqual(["Sở Y tế"]);
    expect(list("Sở Văn hóa, Thể thao và Du lịch; Báo và Phát thanh, Truyền hình Cần Thơ tuyên truyền").names)
      .toEqual(["Sở Văn hóa, Thể thao và Du lịch", "Báo và Phát thanh, Truyền hình Cần Thơ"]);
    expect(list("Báo và Phát thanh, Truyền hình tỉnh Lạng Sơn đưa tin").names).toEqual(["Báo và Phát thanh, Truyền hình tỉnh Lạng Sơn"]);
    // The province's web portal, which plans task with publicising beside the press.
    expect(list("Báo và Phát thanh, Truyền hình Phú Thọ, Cổng Thông tin điện tử tỉnh: đẩy mạnh tuyên truyền").names)
      .toEqual(["Báo và Phát thanh, Truyền hình Phú Thọ", "Cổng Thông tin điện tử tỉnh"]);
    expect(list("Cổng TTĐT tỉnh đăng tải").names).toEqual(["Cổng Thông tin điện tử tỉnh"]);
    // A commune's health station, as its police and military command are named.
    expect(list("Trạm Y tế xã, các trường học trên địa bàn: Triển khai hồ sơ sức khỏe điện tử").names).toEqual(["Trạm Y tế xã", "các trường học trên địa bàn"]);
    // (With the commune's name, as a province's body takes the province's.)
    expect(list("Trạm Y tế xã Tân Lập chủ trì tiêm chủng").names).toEqual(["Trạm Y tế xã Tân Lập"]);
    expect(list("Công an phường Hà Đông, Ban Chỉ huy Quân sự xã Tân Lập phối hợp").names).toEqual(["Công an phường Hà Đông", "Ban Chỉ huy Quân sự xã Tân Lập"]);
    // (A place is read on its line only: the next line's first word is none.)
    expect(list("Ủy ban Mặt trận Tổ quốc Việt Nam thành phố\nPhối hợp với các ngành").names).toEqual(["Ủy ban Mặt trận Tổ quốc Việt Nam thành phố"]);
    expect(list("Công an tỉnh\nTriển khai").names).toEqual(["Công an tỉnh"]);
  });

  it("reads a commune's offices, and the special zones communes stand beside since 2025", () => {
    expect(list("Văn phòng HĐND và UBND xã chủ trì").names).toEqual(["Văn phòng HĐND và UBND xã"]);
    expect(list("Công an xã, Đoàn Thanh niên xã hỗ trợ").names).toEqual(["Công an xã", "Đoàn Thanh niên xã"]);
    expect(list("UBND các xã, phường, đặc khu rà soát").names).toEqual(["UBND các xã, phường, đặc khu"]);
    expect(list("UBND đặc khu Vân Đồn tổ chức").names).toEqual(["UBND đặc khu Vân Đồn"]);
  });

  it("keeps the comma of 'phòng, chống' inside a name", () => {
    expect(list("Chi cục Thủy lợi và Phòng, chống thiên tai chủ trì").names).toEqual(["Chi cục Thủy lợi và Phòng, chống thiên tai"]);
    expect(list("Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn tỉnh chủ trì").names).toEqual(["Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn tỉnh"]);
    // (Not a comma after a word that only ends so, nor one before another word.)
    expect(list("Phòng Kinh tế, Sở Tài chính thực hiện").names).toEqual(["Phòng Kinh tế", "Sở Tài chính"]);
  });
});

describe("a quarter is no fund", () => {
  it("reads 'Quý I/2026' as no agency, 'Quỹ Phát triển đất' as one", async () => {
    const { extractTasks } = await import("./tasks.js");
    const { segmentLines } = await import("./segment.js");
    const text = "KẾ HOẠCH\nII. NHIỆM VỤ\n1. Quý I/2026, Sở Nội vụ tổng hợp kết quả thực hiện.\n2. Quỹ Phát triển đất tỉnh chủ trì bố trí vốn.\n";
    const leads = extractTasks(text, segmentLines(text), { kind: "plan" }).flatMap((t) => t.lead);
    expect(leads).toContain("Quỹ Phát triển đất tỉnh");
    expect(leads.some((l) => l.startsWith("Quý"))).toBe(false);
  });

  it("is asked for no agency where the word there starts none: every agency found in the samples and the corpus starts with a word it knows", () => {
    const registry = JSON.parse(readFileSync(new URL("../../samples/agencies.json", import.meta.url), "utf8")).agencies as RegistryAgency[];
    const dirs = ["../../samples/seeds/", "../../test/extraction/corpus/"].map((d) => new URL(d, import.meta.url));
    const texts = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith(".txt")).map((f) => readFileSync(new URL(f, d), "utf8")));
    expect(texts.length).toBeGreaterThan(8);
    let found = 0;
    for (const text of texts) {
      const folded = foldKeepingOffsets(text);
      for (const m of folded.matchAll(/(?<![a-z0-9])[a-z0-9]/g)) {
        for (const reg of [[], registry]) {
          if (!agenciesAt(text, folded, m.index, reg).length) continue;
          found++;
          expect(mayNameAgency(folded, m.index, reg), text.slice(m.index, m.index + 40)).toBe(true);
        }
      }
    }
    expect(found).toBeGreaterThan(1000);
    // A verb starts none.
    expect(mayNameAgency("trien khai ke hoach", 0)).toBe(false);
    expect(mayNameAgency("truong thpt la son", 0)).toBe(true);
  });
});
