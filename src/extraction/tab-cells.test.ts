import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extract } from "./extract.js";
import { readText } from "./read-text.js";
import { tabsAsCells } from "./tab-cells.js";

describe("tabsAsCells", () => {
  it("writes a table copied from Word as the readers write rows, its empty cells kept in their columns", () => {
    const table = "TT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian\n1\tRà soát quy định\tSở Tư pháp\t\tQuý II/2026\n2\tTổ chức tập huấn\t\tSở Nội vụ\t";
    expect(tabsAsCells(`Phụ lục\n${table}\nGhi chú.`)).toBe(
      "Phụ lục\nTT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian\n1 | Rà soát quy định | Sở Tư pháp |  | Quý II/2026\n2 | Tổ chức tập huấn |  | Sở Nội vụ | \nGhi chú.");
  });

  it("keeps cells that end in 'số', 'ngày' or 'tháng' apart, and a first cell merged down (a leading tab) in its column", () => {
    expect(tabsAsCells("STT\tChỉ số\tĐơn vị tính\tNăm 2025\n2\tTổng số\t1.250\t980\n3\tTrong 15 ngày\tSở Xây dựng\tHằng tháng\n\tThu ngân sách\tTỷ đồng\t9.000")).toBe(
      "STT | Chỉ số | Đơn vị tính | Năm 2025\n2 | Tổng số | 1.250 | 980\n3 | Trong 15 ngày | Sở Xây dựng | Hằng tháng\n | Thu ngân sách | Tỷ đồng | 9.000");
  });

  it("leaves alone what is no table: items after their marker, a lone header or signature row, a draft's blanks", () => {
    const text = "ỦY BAN NHÂN DÂN\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nLạng Sơn, ngày\t\ttháng 5 năm 2024\nSố:\t/KH-UBND\n1.\tMục đích\n2.\tYêu cầu\no\tÝ phụ\n- Như trên;\t\t\tKT. CHỦ TỊCH";
    expect(tabsAsCells(text)).toBe(text);
  });

  it("reads a corpus document whose tables were copied from Word as it reads the document", () => {
    const piped = readFileSync(new URL("../../test/extraction/corpus/kh-ubnd-do-thi-tuyen-quang.txt", import.meta.url), "utf8");
    const tabbed = piped.replace(/ *\| */g, "\t");
    const essentials = (text: string) => extract(readText(Buffer.from(text))).indicators.map((i) => [i.name, i.min, i.max, i.unit, i.year, i.owner]);
    expect(essentials(tabbed).length).toBeGreaterThanOrEqual(22);
    expect(essentials(tabbed)).toEqual(essentials(piped));
  });

  it("reads hostile rows in linear time: a run of 200,000 spaces before the end, 100,000 blanks' tabs", () => {
    for (const text of [`a\tb${" ".repeat(200_000)}x\nc\td`, `Số:${"\t/a".repeat(100_000)}\nc\td`, `ngày${"\t\ttháng".repeat(100_000)}\nc\td`]) {
      const started = performance.now();
      expect(tabsAsCells(text).length).toBeGreaterThan(0);
      expect(performance.now() - started).toBeLessThan(3_000);
    }
  });

  it("writes 10,000 rows of 500 cells in linear time", () => {
    const row = Array.from({ length: 500 }, (_, i) => `ô ${i}`).join("\t");
    const text = Array.from({ length: 10_000 }, () => row).join("\n");
    const started = performance.now();
    expect(tabsAsCells(text).split("\n")[0].split(" | ")).toHaveLength(500);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
