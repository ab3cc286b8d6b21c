import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error a plain script of the scorer's tools, without types
import { wrapText } from "../../test/extraction/wrap-text.mjs";
import { extract } from "./extract.js";
import { readText } from "./read-text.js";
import { unwrapParagraphs, wrapOf } from "./unwrap.js";

const wrap = wrapText as (text: string, mode?: "web" | "pdf", width?: number) => string;
const dirs = ["../../samples/seeds/", "../../test/extraction/corpus/"].map((d) => new URL(d, import.meta.url));
const texts = dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith(".txt")).sort().map((f) => ({ name: f, text: readFileSync(new URL(f, dir), "utf8") })));
const samples = texts.filter((t) => /^\d{3}_/.test(t.name));
/** The paragraphs of a text, whitespace made single spaces (the unwrapped text is compared with its source so). */
const paragraphsOf = (text: string) => text.split("\n").map((l) => l.replace(/\s+/g, " ").trim()).filter(Boolean);

describe("unwrapParagraphs", () => {
  it("returns a text that is not wrapped as it is: every sample and corpus document", () => {
    expect(texts.length).toBeGreaterThanOrEqual(20);
    for (const { name, text } of texts) expect(wrapOf(text.split("\n")), name).toBeNull();
  });

  it("takes no plan whose bullets and headings end without a stop, one under another, for wrapped text", () => {
    const bullets = ["Rà soát, hệ thống hóa văn bản quy phạm pháp luật do tỉnh ban hành", "Nâng cao chất lượng xây dựng và ban hành văn bản quy phạm pháp luật",
      "Tăng cường kiểm tra, xử lý văn bản quy phạm pháp luật sau ban hành", "Theo dõi tình hình thi hành pháp luật trên các lĩnh vực trọng tâm"];
    const plan = ["KẾ HOẠCH", "Thực hiện Chương trình cải cách hành chính tỉnh Lạng Sơn năm 2024", "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;", "II. NHIỆM VỤ",
      ...[1, 2, 3, 4].flatMap((n) => [`${n}. Cải cách thủ tục hành chính thuộc thẩm quyền giải quyết của tỉnh`, ...bullets.map((b) => `- ${b}`), "Cơ quan chủ trì: Sở Tư pháp. Thời gian thực hiện: cả năm 2024."])].join("\n");
    expect(wrapOf(plan.split("\n"))).toBeNull();
    expect(unwrapParagraphs(plan)).toBe(plan);
    const report = Array.from({ length: 8 }, (_, n) => `${n + 1}. Công tác lãnh đạo, chỉ đạo, điều hành của Ủy ban nhân dân tỉnh trong lĩnh vực ${n + 1}\nTổng sản lượng lương thực ước đạt 180.000 tấn, tăng 2,1% so với cùng kỳ.`).join("\n");
    expect(unwrapParagraphs(report)).toBe(report);
  });

  it("gives back the paragraphs of a web copy: each first line cut short, the rest wrapped at 80 characters", () => {
    for (const { name, text } of samples.filter((s) => !s.name.startsWith("000"))) {
      const wrapped = wrap(text, "web");
      expect(wrapped.split("\n").length, name).toBeGreaterThan(text.split("\n").length * 2);
      // (Save where the copy's break and a sentence's end fall together and the next line could open a paragraph: a few lines.)
      const original = new Set(paragraphsOf(text)), unwrapped = paragraphsOf(unwrapParagraphs(wrapped));
      expect(unwrapped.filter((p) => !original.has(p)).length, name).toBeLessThanOrEqual(4);
      expect(unwrapped.length, name).toBeGreaterThan(original.size * 0.97);
    }
  });

  it("extracts from a web copy and from text saved from a PDF what it extracts from the document", () => {
    const essentials = (text: string) => {
      const x = extract(readText(Buffer.from(text)));
      return {
        document: x.document, implements: x.implements.map((i) => i.symbol),
        tasks: x.tasks.map((t) => [t.section, t.lead, t.coordinating, t.deadline]),
        indicators: x.indicators.map((i) => [i.min, i.max, i.unit, i.year]).sort(), reporting: x.reporting.map((r) => [r.to, r.frequency]),
      };
    };
    for (const name of ["002_157a5e8ea989fa8e.txt", "kh-ubnd-nhan-luc-gia-lai.txt", "nq-cp-chuong-trinh-giao-duc.txt"]) {
      const { text } = texts.find((t) => t.name === name)!;
      expect(essentials(wrap(text, "web")), name).toEqual(essentials(text));
    }
    // (Saved from a PDF, a line is filled by its glyphs' widths: a long line that ends open goes on, whatever the next starts with.)
    const { text } = texts.find((t) => t.name === "kh-ubnd-nhan-luc-gia-lai.txt")!;
    expect(essentials(wrap(text, "pdf", 85))).toEqual(essentials(text));
  });

  it("reads a web copy's header and opening as a web page lays them out", () => {
    const body = (n: number) => Array.from({ length: n }, (_, i) => `đơn vị thực hiện nội dung số ${i + 1} của kế hoạch theo đúng quy định hiện hành`).join(" ");
    const text = [
      "ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN", "-------", "|", "CỘNG", "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "|",
      "Số:", "07/KH-UBND", "|", "Lạng Sơn, ngày 13", "tháng 01 năm 2020", "|", "KẾ HOẠCH",
      "TRIỂN KHAI CÁC GIẢI PHÁP PHÒNG, CHỐNG HẠN", "HÁN, THIẾU NƯỚC MÙA KHÔ NĂM 2019 - 2020",
      ...wrap(`Thực hiện Chỉ thị số 8008/CT-TCTL ngày 25/10/2019 của Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn về việc tăng cường thực hiện các giải pháp thủy lợi phòng, chống hạn hán, Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai thực hiện như sau:`).split("\n"),
      "I. MỤC ĐÍCH,", "YÊU CẦU", "1.", "Mục đích", ...wrap(`Xác định các vùng có thể xảy ra hạn hán, ${body(3)}.`).split("\n"),
      "2. Yêu cầu", ...[1, 2, 3, 4].flatMap((n) => wrap(`- Yêu cầu thứ ${n}: ${body(2)}.`).split("\n")),
      "II. NHIỆM VỤ", "1. Giao Sở",
      "Tài chính chủ trì, phối hợp với Sở Nông nghiệp và Phát triển nông thôn bố trí kinh",
      "phí thực hiện các giải pháp phòng, chống hạn hán, hoàn thành trước ngày 30/6/2020.",
    ].join("\n");
    const read = readText(Buffer.from(text));
    expect(read).toContain("\nLạng Sơn, ngày 13 tháng 01 năm 2020\n");
    expect(read).toContain("\nSố: 07/KH-UBND\n");
    expect(read).toContain("\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nXác định các vùng");
    const x = extract(read);
    expect(x.document).toMatchObject({ symbol: "07/KH-UBND", issued: "2020-01-13", issuer: "UBND tỉnh Lạng Sơn" });
    expect(x.implements.map((i) => i.symbol)).toEqual(["8008/CT-TCTL"]);
    expect(x.tasks.map((t) => [t.section, t.lead, t.deadline && "date" in t.deadline ? t.deadline.date : null])).toEqual([["1", ["Sở Tài chính"], "2020-06-30"]]);
  });

  it("keeps apart what a writer set apart: items, headings, table rows, blank lines and page breaks", () => {
    const filler = "các cơ quan, đơn vị tổ chức thực hiện nghiêm túc, hiệu quả các nội dung được giao tại kế hoạch này và";
    const text = Array.from({ length: 12 }, (_, i) => [`${i + 1}. Nhiệm vụ thứ ${i + 1}`, ...wrap(`- Giao ${filler} ${filler} báo cáo kết quả.`, "web").split("\n"), "TT | Nội dung | Cơ quan chủ trì", "1 | Rà soát | Sở Tư pháp", "", "\fTrang sau"].join("\n")).join("\n");
    const lines = unwrapParagraphs(text).split("\n");
    expect(wrapOf(text.split("\n"))).not.toBeNull();
    expect(lines.filter((l) => /^\d+\. Nhiệm vụ thứ \d+$/.test(l))).toHaveLength(12);
    expect(lines.filter((l) => l.startsWith("- Giao ") && l.endsWith("báo cáo kết quả."))).toHaveLength(12);
    expect(lines.filter((l) => l === "1 | Rà soát | Sở Tư pháp")).toHaveLength(12);
    expect(lines.filter((l) => l === "\fTrang sau")).toHaveLength(12);
    // A running page number between two lines of a sentence stays a line of its own (the segmenter drops it and joins the sentence).
    const paged = wrap(`Giao ${filler} ${filler} ${filler} báo cáo kết quả.`, "web").split("\n");
    expect(unwrapParagraphs([...paged.slice(0, 2), "2", ...paged.slice(2), ...paged, ...paged].join("\n")).split("\n")).toContain("2");
    // Saved from a PDF: a title that ends open before the text's opening, the Party's "1-" items.
    const printed = wrap(`Triển khai Đề án phát triển du lịch cộng đồng trên địa bàn tỉnh Hà Tĩnh giai đoạn 2026 - 2030 năm 2026\nCăn cứ Quyết định số 1020/QĐ-UBND ngày 10/5/2025 của UBND tỉnh, ${filler} ${filler}.\n`
      + Array.from({ length: 8 }, (_, i) => `${i + 1}- Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với ${filler} ${filler} hằng năm`).join("\n"), "pdf", 85);
    const read = unwrapParagraphs(printed).split("\n");
    expect(read[0]).toBe("Triển khai Đề án phát triển du lịch cộng đồng trên địa bàn tỉnh Hà Tĩnh giai đoạn 2026 - 2030 năm 2026");
    expect(read[1]).toMatch(/^Căn cứ Quyết định số 1020\/QĐ-UBND .* và\.$/u);
    expect(read.slice(2).map((l) => l.slice(0, 3))).toEqual(["1- ", "2- ", "3- ", "4- ", "5- ", "6- ", "7- ", "8- "]);
  });

  it("unwraps a hostile file in linear time: 400,000 full lines of words, or of one letter repeated", () => {
    const line = "ủy ban nhân dân tỉnh giao các sở, ban, ngành thực hiện các nhiệm vụ sau đây và các";
    for (const unit of [line, "x".repeat(80)]) {
      const text = Array.from({ length: 400_000 }, () => unit).join("\n");
      const started = performance.now();
      const unwrapped = unwrapParagraphs(text);
      expect(unwrapped.split("\n")).toHaveLength(1);
      expect(performance.now() - started).toBeLessThan(10_000);
    }
  });
});
