import { describe, expect, it } from "vitest";
import { extract } from "../extraction/extract.js";
import { agenciesAsOf, draftFromExtraction, membersOf, type RegistryEntry } from "./draft.js";

const registry: RegistryEntry[] = [
  { id: 7, code: "so-xay-dung", name: "Sở Xây dựng", aliases: [], kind: "department", validFrom: null, validTo: null },
  { id: 9, code: "so-giao-thong-van-tai", name: "Sở Giao thông vận tải", aliases: ["Sở GTVT"], kind: "department", validFrom: null, validTo: "2025-02-28" },
];

const plan = [
  "ỦY BAN NHÂN DÂN", "TỈNH TUYÊN QUANG", "Số: 97/KH-UBND", "Tuyên Quang, ngày 18 tháng 4 năm 2024",
  "KẾ HOẠCH", "Phát triển đô thị tỉnh Tuyên Quang đến năm 2030",
  "I. NHIỆM VỤ", "1. Sở Xây dựng chủ trì hướng dẫn phân loại đô thị.",
  "PHỤ LỤC",
  "TT | Chỉ tiêu | Đơn vị tính | Năm 2025 | Mục tiêu 2030 | Cơ quan chủ trì theo dõi",
  "1 | Tỷ lệ đô thị hóa | % | Trên 25 | Khoảng 35 | Sở Xây dựng",
  "2 | Tỷ lệ đất giao thông so với đất xây dựng đô thị | % | 11 - 16 | 16 - 26 | Sở GTVT",
  "3 | Tỷ lệ nước thải được xử lý | % | Trên 15 | Trên 30 | Ban Quản lý dự án đô thị",
].join("\n");

describe("an indicator's owner in the draft", () => {
  const draft = draftFromExtraction(extract(plan, "97.txt", registry), registry);
  const ownerOf = (name: string) => draft.indicators.filter((i) => i.name === name).map(({ owner, ownerId }) => ({ owner, ownerId }));

  it("is the registry agency a table's monitoring column names, by name or alias, as task agencies are read", () => {
    expect(ownerOf("Tỷ lệ đô thị hóa")).toEqual([{ owner: "Sở Xây dựng", ownerId: 7 }, { owner: "Sở Xây dựng", ownerId: 7 }]);
    expect(ownerOf("Tỷ lệ đất giao thông so với đất xây dựng đô thị")[0]).toEqual({ owner: "Sở GTVT", ownerId: 9 });
  });

  it("keeps the name as written when no registry agency is it, for the reviewer to pick one", () => {
    expect(ownerOf("Tỷ lệ nước thải được xử lý")[0]).toEqual({ owner: "Ban Quản lý dự án đô thị", ownerId: null });
  });
});

describe("collective phrases read as of the document's date", () => {
  const local: RegistryEntry[] = [
    { id: 1, code: "ubnd-huyen-a", name: "Ủy ban nhân dân huyện A", aliases: [], kind: "district", validFrom: null, validTo: "2025-06-30" },
    { id: 2, code: "ubnd-xa-b", name: "Ủy ban nhân dân xã B", aliases: [], kind: "commune", validFrom: "2025-07-01", validTo: null },
    { id: 3, code: "ubnd-phuong-c", name: "Ủy ban nhân dân phường C", aliases: [], kind: "commune", validFrom: "2025-07-01", validTo: null },
    { id: 4, code: "so-tai-chinh", name: "Sở Tài chính", aliases: [], kind: "department", validFrom: "2025-03-01", validTo: null },
    { id: 5, code: "so-kh-dt", name: "Sở Kế hoạch và Đầu tư", aliases: [], kind: "department", validFrom: null, validTo: "2025-02-28" },
  ];
  it("gives the districts before 1/7/2025 and the communes and wards after, the departments standing that day", () => {
    expect(membersOf("UBND các huyện, thành phố", local, "2024-05-01")).toEqual([1]);
    expect(membersOf("UBND các huyện, thành phố", local, "2025-09-01")).toEqual([2, 3]);
    expect(membersOf("UBND các xã, phường", local, "2025-09-01")).toEqual([2, 3]);
    expect(membersOf("các sở, ban, ngành", local, "2024-05-01")).toEqual([5]);
    expect(membersOf("các sở, ban, ngành", local, "2025-09-01")).toEqual([4]);
    expect(membersOf("các tổ chức chính trị - xã hội", local, "2025-09-01")).toEqual([]);
  });

  it("takes an undated draft's month or year, else the day it is imported, and says the date is assumed", () => {
    expect(agenciesAsOf("2024-04-18", "ngày 18 tháng 4 năm 2024", "2026-12-05")).toEqual({ date: "2024-04-18", assumed: false });
    expect(agenciesAsOf(null, "Lạng Sơn, ngày      tháng 5 năm 2024", "2026-12-05")).toEqual({ date: "2024-05-01", assumed: true });
    expect(agenciesAsOf(null, "ngày    tháng    năm 2024", "2026-12-05")).toEqual({ date: "2024-01-01", assumed: true });
    expect(agenciesAsOf(null, null, "2026-12-05")).toEqual({ date: "2026-12-05", assumed: true });
    const undated = extract(["ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN", "Số:     /KH-UBND", "Lạng Sơn, ngày    tháng 5 năm 2024", "KẾ HOẠCH", "Thử",
      "1. Sở Kế hoạch và Đầu tư chủ trì, phối hợp với các sở, ban, ngành triển khai thực hiện kế hoạch."].join("\n"), "000.txt", local);
    const draft = draftFromExtraction(undated, local, "2026-12-05");
    expect(draft.document).toMatchObject({ agenciesAsOf: "2024-05-01", agenciesAsOfAssumed: true });
    expect(draft.agencies.find((a) => a.collective)?.agencyIds).toEqual([5]);
  });
});
