import { describe, expect, it } from "vitest";
import { extract } from "../extraction/extract.js";
import { draftFromExtraction, type RegistryEntry } from "./draft.js";

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
