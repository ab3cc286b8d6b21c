import { describe, expect, it } from "vitest";
import { readDocument } from "./read.js";

describe("readDocument", () => {
  it("reads plain text by its name", async () => {
    expect(await readDocument("ke-hoach.txt", Buffer.from("Kế hoạch số 23/KH-UBND\r\n"))).toBe("Kế hoạch số 23/KH-UBND\n");
    expect(await readDocument("KE-HOACH", Buffer.from("Kế hoạch"))).toBe("Kế hoạch");
  });

  it("drops zero-width spaces and joiners, a byte order mark inside the text and soft hyphens (text copied from web pages)", async () => {
    expect(await readDocument("ke-hoach.txt", Buffer.from("Sở\u200b Tài chính\u00ad bố trí\ufeff kinh\u200d phí\u2060"))).toBe("Sở Tài chính bố trí kinh phí");
  });

  it("refuses a binary file renamed .txt, an oversized file and an empty one", async () => {
    const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 31 + 7) % 256));
    await expect(readDocument("anh.txt", binary)).rejects.toMatchObject({ reason: "binary" });
    const huge = Buffer.alloc(60 * 1024 * 1024, "a");
    await expect(readDocument("lon.txt", huge)).rejects.toMatchObject({ reason: "too_large", message: expect.stringMatching(/60 MB.*20 MB/) });
    await expect(readDocument("rong.docx", new Uint8Array(0))).rejects.toMatchObject({ reason: "empty" });
  });

  it("names the accepted formats for any other file", async () => {
    await expect(readDocument("bang.xlsx.bak", Buffer.from("x"))).rejects.toMatchObject({ reason: "unsupported", message: expect.stringMatching(/\.docx.*\.pdf.*\.txt/) });
    await expect(readDocument("van-ban.rtf", Buffer.from("{\\rtf1\\ansi Kế hoạch}"))).rejects.toMatchObject({ reason: "unsupported", message: expect.stringMatching(/RTF/) });
  });

  it("refuses NUL characters in a text file, naming the line, and drops them from a Word file", async () => {
    await expect(readDocument("ke-hoach.txt", Buffer.from("KẾ HOẠCH\nDòng hai\u0000\n"))).rejects.toMatchObject({
      reason: "nul_bytes", messages: { vi: expect.stringMatching(/ký tự rỗng \(NUL, mã 0\) ở dòng 2/), en: expect.stringMatching(/NUL character \(code 0\) on line 2/) },
    });
    const { Document, Packer, Paragraph } = await import("docx");
    const word = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("KẾ HOẠCH\u0000 số 1")] }] }));
    expect(await readDocument("ke-hoach.docx", word)).toBe("KẾ HOẠCH số 1");
  });

  it("refuses a text of only spaces and invisible characters, which would make an empty draft", async () => {
    for (const invisible of ["\u200b\u200c\u200d\u2060\ufeff\u00a0 \u3000\n\t", "\u200b".repeat(10_000)]) {
      await expect(readDocument("ke-hoach.txt", Buffer.from(`\ufeff${invisible}`))).rejects.toMatchObject({
        reason: "invisible", messages: { vi: expect.stringMatching(/ký tự vô hình, không có chữ hay số/), en: expect.stringMatching(/invisible characters/) },
      });
    }
  });
});

describe("a PDF converted to Word, a paragraph per printed line", () => {
  it("reads its paragraphs whole, and extracts from it what it extracts from the text", async () => {
    const { readFileSync } = await import("node:fs");
    const { Document, Packer, Paragraph } = await import("docx");
    // @ts-expect-error a plain script of the scorer's tools, without types
    const { wrapText } = await import("../../test/extraction/wrap-text.mjs");
    const { extract } = await import("./extract.js");
    const text = readFileSync(new URL("../../test/extraction/corpus/kh-ubnd-nhan-luc-gia-lai.txt", import.meta.url), "utf8");
    const printed = (wrapText(text, "pdf", 85) as string).split("\n").filter((l) => l.trim());
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: printed.map((l) => new Paragraph(l)) }] }));
    const read = await readDocument("ke-hoach-311.docx", docx);
    const paragraphs = text.split("\n").filter((l) => l.trim()).length;
    expect(printed.length).toBeGreaterThan(paragraphs * 1.5);
    expect(read.split("\n").length).toBeLessThanOrEqual(paragraphs + 3);
    const essentials = (t: string) => { const x = extract(t); return { tasks: x.tasks.map((k) => [k.section, k.lead, k.deadline]), implements: x.implements.map((i) => i.symbol) }; };
    expect(essentials(read)).toEqual(essentials(text));
  });
});
