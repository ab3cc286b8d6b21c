import {
  AlignmentType, Document, FootnoteReferenceRun, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun,
} from "docx";
import { describe, expect, it } from "vitest";
import { numberingLabels } from "./docx-numbering.js";
import { readDocument } from "./read.js";
import { DOCX_LIMITS, htmlToLines, readDocx } from "./read-docx.js";
import { UnreadableFileError } from "./read-text.js";
import { zeros, zip } from "../../test/support/files.js";

const cell = (...paragraphs: string[]) => new TableCell({ children: paragraphs.map((p) => new Paragraph(p)) });

/** A plan as a ministry would write it in Word: typed and automatic numbers, a task table, a footnote. */
async function samplePlan(): Promise<Buffer> {
  const doc = new Document({
    numbering: {
      config: [{
        reference: "outline",
        levels: [
          { level: 0, format: LevelFormat.UPPER_ROMAN, text: "%1.", alignment: AlignmentType.START },
          { level: 1, format: LevelFormat.DECIMAL, text: "%2.", alignment: AlignmentType.START },
          { level: 2, format: LevelFormat.DECIMAL, text: "%2.%3.", alignment: AlignmentType.START },
          { level: 3, format: LevelFormat.LOWER_LETTER, text: "%4)", alignment: AlignmentType.START },
        ],
      }, {
        reference: "dash",
        levels: [{ level: 0, format: LevelFormat.BULLET, text: "\uf0a7", alignment: AlignmentType.START }],
      }],
    },
    footnotes: { 1: { children: [new Paragraph("Số liệu của Cục Thống kê tỉnh.")] } },
    sections: [{
      children: [
        // The header block, laid out as a borderless table.
        new Table({
          rows: [
            new TableRow({ children: [cell("ỦY BAN NHÂN DÂN", "TỈNH HÀ GIANG"), cell("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")] }),
            new TableRow({ children: [cell("Số: 215/KH-UBND"), cell("Hà Giang, ngày 12 tháng 8 năm 2024")] }),
          ],
        }),
        new Paragraph("KẾ HOẠCH"),
        new Paragraph({ children: [new TextRun("Tỷ lệ che phủ rừng đạt 67%"), new FootnoteReferenceRun(1), new TextRun(" vào năm 2030.")] }),
        new Paragraph("2.4. Sở Giao thông vận tải"),
        new Paragraph({ text: "NHIỆM VỤ VÀ GIẢI PHÁP", numbering: { reference: "outline", level: 0 } }),
        new Paragraph({ text: "Phát triển hạ tầng", numbering: { reference: "outline", level: 1 } }),
        new Paragraph({ text: "Sở Xây dựng", numbering: { reference: "outline", level: 2 } }),
        new Paragraph({ text: "chủ trì lập quy hoạch;", numbering: { reference: "outline", level: 3 } }),
        new Paragraph({ text: "phối hợp với các huyện.", numbering: { reference: "dash", level: 0 } }),
        new Paragraph({ text: "Sở Công Thương", numbering: { reference: "outline", level: 2 } }),
        new Paragraph({ text: "TỔ CHỨC THỰC HIỆN", numbering: { reference: "outline", level: 0 } }),
        new Table({
          rows: [
            new TableRow({ children: ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"].map((t) => cell(t)) }),
            new TableRow({ children: [cell("1"), cell("Nâng cấp Quốc lộ 4B", "đoạn Km18 - Km80"), new TableCell({ rowSpan: 2, children: [new Paragraph("Sở Giao thông vận tải")] }), cell("UBND các huyện"), cell("2025")] }),
            new TableRow({ children: [cell("2"), cell("Cải tạo cầu Kỳ Lừa"), cell(""), cell("Quý IV/2026")] }),
            new TableRow({ children: [new TableCell({ columnSpan: 5, children: [new Paragraph("II. LĨNH VỰC VĂN HÓA")] })] }),
          ],
        }),
        new Table({
          rows: [new TableRow({ children: [cell("Nơi nhận:", "- Như trên;", "- Lưu: VT."), cell("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn Sơn")] })],
        }),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}

const contentTypes = { name: "[Content_Types].xml", data: Buffer.from("<Types/>"), method: 0 as const, size: 8 };

async function reason(promise: Promise<unknown>): Promise<string> {
  try { await promise; } catch (e) { if (e instanceof UnreadableFileError) return e.reason; throw e; }
  return "read";
}

describe("readDocx", () => {
  it("reads paragraphs, Word's list numbers, table rows, layout tables cell by cell and footnotes after their markers", async () => {
    const lines = (await readDocx(await samplePlan())).split("\n");
    expect(lines).toEqual([
      "ỦY BAN NHÂN DÂN", "TỈNH HÀ GIANG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
      "Số: 215/KH-UBND", "Hà Giang, ngày 12 tháng 8 năm 2024",
      "KẾ HOẠCH",
      "Tỷ lệ che phủ rừng đạt 67%[1] vào năm 2030.",
      "[1] Số liệu của Cục Thống kê tỉnh.",
      "2.4. Sở Giao thông vận tải",
      "I. NHIỆM VỤ VÀ GIẢI PHÁP",
      "1. Phát triển hạ tầng",
      "1.1. Sở Xây dựng",
      "a) chủ trì lập quy hoạch;",
      "- phối hợp với các huyện.",
      "1.2. Sở Công Thương",
      "II. TỔ CHỨC THỰC HIỆN",
      "STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian",
      "1 | Nâng cấp Quốc lộ 4B đoạn Km18 - Km80 | Sở Giao thông vận tải | UBND các huyện | 2025",
      // The lead agency merged down the column belongs to the second task too.
      "2 | Cải tạo cầu Kỳ Lừa | Sở Giao thông vận tải |  | Quý IV/2026",
      // A group row merged across the table keeps its columns, empty: it stays a row of its table.
      "II. LĨNH VỰC VĂN HÓA |  |  |  | ",
      "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn Sơn",
    ]);
  });

  it("goes through readDocument by extension and by signature", async () => {
    const bytes = await samplePlan();
    expect(await readDocument("ke-hoach.docx", bytes)).toContain("2.4. Sở Giao thông vận tải");
    expect(await readDocument("ke-hoach.txt", bytes)).toContain("2.4. Sở Giao thông vận tải");
  });

  it("turns mammoth's HTML into lines: entities, line breaks, nested tables", () => {
    expect(htmlToLines("<p>A &amp; B &lt;C&gt;<br />D <a href=\"http://x/?a>b\">link</a></p><table><tr><td><p>x</p><table><tr><td>y</td><td>z</td></tr></table></td><td>w</td></tr></table>"))
      .toEqual(["A & B <C>", "D link", "x y | z | w"]);
  });

  it("numbers lists as Word does: shared definitions continue, a start override restarts", () => {
    const numbering = `<w:numbering>
      <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>
      <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Điều %1."/><w:pPr><w:pStyle w:val="Dieu"/></w:pPr></w:lvl></w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
    </w:numbering>`;
    const item = (numId: string) => `<w:p w:rsidR="1"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="${numId}"/></w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>`;
    const heading = `<w:p><w:pPr><w:pStyle w:val="Dieu"/></w:pPr></w:p>`;
    const document = `<w:body>${item("1")}${item("2")}${heading}${item("3")}${item("3")}${heading}<w:p/>` +
      // Tracked old properties and the "choice" half of alternate content are not what mammoth reads.
      `<w:p><w:pPr><w:pPrChange><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange></w:pPr></w:p>` +
      `<mc:AlternateContent><mc:Choice>${item("1")}</mc:Choice><mc:Fallback>${item("1")}</mc:Fallback></mc:AlternateContent></w:body>`;
    expect(numberingLabels(document, numbering).map((n) => n.label)).toEqual(["i)", "ii)", "Điều 1.", "i)", "ii)", "Điều 2.", "iii)"]);
  });

  it("keeps list labels short whatever numbers a crafted numbering part declares", () => {
    const list = (format: string, start: string, ilvl = "0") => `<w:numbering><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${format}"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
    const items = (n: number, ilvl = "0") => `<w:body>${`<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>`.repeat(n)}</w:body>`;
    for (const format of ["lowerLetter", "upperLetter", "upperRoman", "lowerRoman", "decimal"]) {
      const labels = numberingLabels(items(200), list(format, "2000000000"));
      expect(labels).toHaveLength(200);
      // An impossible start is Word's default, 1; no label is longer than a few characters.
      expect(labels[0].label).toBe(`${{ lowerLetter: "a", upperLetter: "A", upperRoman: "I", lowerRoman: "i", decimal: "1" }[format]})`);
      expect(Math.max(...labels.map((l) => l.label.length))).toBeLessThan(12);
    }
    // Counting up past Word's largest number gives no label rather than an ever longer one.
    expect(numberingLabels(items(3), list("lowerLetter", "32766")).map((l) => l.label)).toEqual(["", "", ""]);
    expect(numberingLabels(items(2), list("upperRoman", "32766")).map((l) => l.label)).toEqual(["MMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMDCCLXVI)", "MMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMDCCLXVII)"]);
    // Levels beyond Word's nine, or not numbers, are not lists.
    expect(numberingLabels(items(2, "2000000000"), list("decimal", "1", "2000000000"))).toEqual([]);
    expect(numberingLabels(items(2, "x"), list("decimal", "1"))).toMatchObject([{ level: 0, label: "1)" }, { level: 0, label: "2)" }]);
  });

  it("refuses a zip bomb whose declared sizes lie, inflating no more than declared", async () => {
    const document = { name: "word/document.xml", data: zeros(300), method: 8 as const, size: 1000 };
    const error = await readDocx(zip([contentTypes, document])).catch((e) => e);
    expect(error).toBeInstanceOf(UnreadableFileError);
    expect(error.reason).toBe("zip_bomb");
    expect(error.message).toMatch(/giải ra/);
  });

  it("refuses entries whose declared sizes are over the limits without inflating them", async () => {
    const part = { name: "word/document.xml", data: zeros(1), method: 8 as const, size: DOCX_LIMITS.entryBytes + 1 };
    expect(await reason(readDocx(zip([contentTypes, part])))).toBe("zip_bomb");
    const media = Array.from({ length: 14 }, (_, i) => ({ name: `word/media/image${i}.png`, data: zeros(1), method: 8 as const, size: 15 << 20 }));
    expect(await reason(readDocx(zip([contentTypes, ...media])))).toBe("zip_bomb");
  });

  it("checks every directory record, as jszip reads them, whatever count the archive declares", async () => {
    const document = { name: "word/document.xml", data: zeros(50), method: 8 as const, size: 1000 };
    expect(await reason(readDocx(zip([contentTypes, document], 1)))).toBe("zip_bomb");
    // Bytes prepended to the archive shift every offset; jszip follows them, and so does the check.
    expect(await reason(readDocx(Buffer.concat([Buffer.alloc(64), zip([contentTypes, document])])))).toBe("zip_bomb");
  });

  it("refuses a file that is not a Word document, with a message to act on", async () => {
    const notZip = Buffer.from("Đây không phải tệp Word");
    await expect(readDocument("ke-hoach.docx", notZip)).rejects.toThrow(/không phải tệp Word \.docx hợp lệ/);
    expect(await reason(readDocument("ke-hoach.docx", notZip))).toBe("corrupt");
    const bytes = await samplePlan();
    expect(await reason(readDocument("ke-hoach.docx", bytes.subarray(0, bytes.length >> 1)))).toBe("corrupt");
    // A spreadsheet is a ZIP too, without a Word document in it.
    const sheet = zip([contentTypes, { name: "xl/workbook.xml", data: Buffer.from("<workbook/>"), method: 0, size: 11 }]);
    expect(await reason(readDocument("bang.docx", sheet))).toBe("unsupported");
    // Word 97-2003, or any Office file with a password.
    const compound = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    await expect(readDocument("cu.doc", compound)).rejects.toThrow(/lưu dưới dạng \.docx/);
  });
});
