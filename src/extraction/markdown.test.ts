import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extract } from "./extract.js";
import { withoutMarkdown } from "./markdown.js";
import { readText } from "./read-text.js";

describe("withoutMarkdown", () => {
  it("removes strong emphasis, headings' hashes and escapes, and leaves a text without them as it is", () => {
    expect(withoutMarkdown("## II\\. NHIỆM VỤ\n2.1\\. **Sở Kế hoạch và Đầu tư** chủ trì, phối hợp với __Sở Tài chính__ tham mưu.\n**CHỦ TỊCH**"))
      .toBe("II. NHIỆM VỤ\n2.1. Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở Tài chính tham mưu.\nCHỦ TỊCH");
    const plain = "Chỉ tiêu (*) và (**)\nngày ____ tháng 5 năm 2024\nTT | a \\| b | c\n* Ý một\n#\tNhiệm vụ\tCơ quan chủ trì\n#2 Tổ công tác";
    expect(withoutMarkdown(plain)).toBe(plain);
  });

  it("pairs strong emphasis over the lines of a paragraph, as a web copy wraps a bold heading, and not over a blank line", () => {
    // (Its lines made one: the heading is one line of the text.)
    expect(withoutMarkdown("**4. Sở Văn\nhóa, Thể thao và Du lịch**\n\nChỉ đạo các cơ quan")).toBe("4. Sở Văn hóa, Thể thao và Du lịch\n\nChỉ đạo các cơ quan");
    expect(withoutMarkdown("**2. Sở\nKhoa học và Công nghệ**\n\na) Bám sát")).toBe("2. Sở Khoa học và Công nghệ\n\na) Bám sát");
    // (A signature's lines stay lines.)
    expect(withoutMarkdown("**T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ THƯỜNG TRỰC**")).toBe("T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ THƯỜNG TRỰC");
    const apart = "**Ghi chú\n\nmục 2**";
    expect(withoutMarkdown(apart)).toBe(apart);
    // (Nor marks lines apart that would pair by chance.)
    const far = "**a\nb\nc\nd\ne**";
    expect(withoutMarkdown(far)).toBe(far);
  });

  it("removes the emphasis of a paragraph in emphasis as a whole, and strong emphasis of nothing, as web pages' conversions write them", () => {
    expect(withoutMarkdown("*Căn cứ Hiến pháp;*\n\n*2.2.* *Tập trung nguồn lực*\n\n*Cần Thơ, ngày 21\ntháng 11 năm 2025 *"))
      .toBe("Căn cứ Hiến pháp;\n\n2.2. Tập trung nguồn lực\n\nCần Thơ, ngày 21\ntháng 11 năm 2025");
    expect(withoutMarkdown("**Về bổ sung Kế hoạch năm 2025 ****với mục tiêu tăng trưởng**")).toBe("Về bổ sung Kế hoạch năm 2025 với mục tiêu tăng trưởng");
    // (A line in emphasis over its list, and a strong closing mark a conversion set on the next line.)
    expect(withoutMarkdown("*Nơi nhận:*\n- Như Điều 3;\n- Lưu: VT.")).toBe("Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.");
    expect(withoutMarkdown("**ỦY BAN NHÂN DÂN\n**\nTHÀNH PHỐ CẦN THƠ")).toBe("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ");
    expect(withoutMarkdown("**ỦY BAN NHÂN\nDÂN **\nTHÀNH PHỐ CẦN THƠ\n\n** **\n\nKẾ HOẠCH")).toBe("ỦY BAN NHÂN\nDÂN\nTHÀNH PHỐ CẦN THƠ\n\n\n\nKẾ HOẠCH");
    // (Only over a line: "**a ** b" is no pair.)
    expect(withoutMarkdown("**a ** b")).toBe("**a ** b");
    // (Not a bullet's "* ", a note's "(****)", nor a star inside the words.)
    for (const kept of ["* Ý một\n* Ý hai", "Chỉ tiêu (*) và (****)", "*a*b*", "*x* y"]) expect(withoutMarkdown(kept)).toBe(kept);
  });

  it("sets a numbered heading in bold glued to the text before it on its own line", () => {
    expect(withoutMarkdown("I- KHÁI QUÁT CHUNG VỀ ĐỊA PHƯƠNG**1. Khái quát chung**\nLạng Sơn là tỉnh miền núi."))
      .toBe("I- KHÁI QUÁT CHUNG VỀ ĐỊA PHƯƠNG\n1. Khái quát chung\nLạng Sơn là tỉnh miền núi.");
  });

  it("reads a corpus document a converter marked up as it reads the document: agencies in bold, escaped numbers, headings", () => {
    const text = readFileSync(new URL("../../test/extraction/corpus/kh-ubnd-nhan-luc-gia-lai.txt", import.meta.url), "utf8");
    const marked = text.split("\n").map((line) => {
      const item = /^((?:[IVX]+|\d+(?:\.\d+)*)\.|[a-zđ]\)|-) (.*)$/u.exec(line);
      if (!item || line.includes("|")) return line;
      const escaped = item[1].replace(/([.)])$/, "\\$1");
      const cut = item[2].search(/[:,;]/);
      const body = cut > 3 ? `**${item[2].slice(0, cut)}**${item[2].slice(cut)}` : `**${item[2]}**`;
      return `${/^[IVX]+\./.test(item[1]) ? "# " : ""}${escaped} ${body}`;
    }).join("\n");
    expect(marked).toContain("**Sở Giáo dục và Đào tạo");
    const essentials = (t: string) => {
      const x = extract(readText(Buffer.from(t)));
      return { tasks: x.tasks.map((k) => [k.section, k.lead, k.coordinating, k.deadline]), indicators: x.indicators.map((i) => [i.name, i.min, i.year]), outline: x.outline.map((o) => [o.number, o.title]) };
    };
    expect(essentials(marked)).toEqual(essentials(text));
  });

  it("removes the marks of a hostile line of 200,000 unpaired ones in linear time", () => {
    const line = "**a ".repeat(200_000);
    const started = performance.now();
    expect(withoutMarkdown(line).length).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("removes the marks of a paragraph in emphasis around 300,000 spaces in linear time (its runs were rescanned from every space)", () => {
    const started = performance.now();
    expect(withoutMarkdown(`*a${" ".repeat(300_000)}b*`)).toBe(`a${" ".repeat(300_000)}b`);
    expect(withoutMarkdown(`**a${" ".repeat(300_000)}b\n**`)).toBe(`a${" ".repeat(300_000)}b`);
    expect(performance.now() - started).toBeLessThan(3_000);
    // (Nor a mask of four stars, "0912****".)
    expect(withoutMarkdown("Điện thoại: 0912****")).toBe("Điện thoại: 0912****");
  });
});
