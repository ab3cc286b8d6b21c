/**
 * The official-document writer, checked by opening what it wrote: the package's XML for the
 * layout Decree 30 fixes, and mammoth's reading of the text for what a reader sees, in order.
 */
import { describe, expect, it } from "vitest";
import mammoth from "mammoth";
import { checkZip } from "../extraction/zip.js";
import { minimumColumnWidth, officialDocument, tableColumnWidths, vietnameseDateLine, type OfficialDocument } from "./official-document.js";

/** The parts of a .docx, inflated. */
function unzip(docx: Buffer): Map<string, string> {
  const parts = checkZip(docx, { totalBytes: 50e6, entryBytes: 20e6, entries: 100 }, () => true);
  return new Map([...parts].map(([name, bytes]) => [name, bytes.toString("utf8")]));
}

const decode = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** Each paragraph of a part: its XML and its text. `<w:p ` or `<w:p>`, not `<w:pPr>`. */
function paragraphs(xml: string): { xml: string; text: string }[] {
  return [...xml.matchAll(/<w:p(?: [^>]*)?>([\s\S]*?)<\/w:p>/g)].map(([p]) => ({
    xml: p,
    text: decode([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("")),
  }));
}

/** The one paragraph whose text is exactly `text`. */
function paragraph(xml: string, text: string): string {
  const found = paragraphs(xml).filter((p) => p.text === text);
  expect(found.map((p) => p.text)).toEqual([text]);
  return found[0].xml;
}

/** The tables of a part, in order (none is nested). */
const tables = (xml: string) => [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);

/** The rows of every table, as the texts of their cells. */
function tableRows(xml: string): string[][] {
  return [...xml.matchAll(/<w:tr(?: [^>]*)?>([\s\S]*?)<\/w:tr>/g)].map(([row]) =>
    [...row.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(([c]) => paragraphs(c).map((p) => p.text).join("\n")));
}

const report: OfficialDocument = {
  superior: "UBND tỉnh Lạng Sơn",
  issuer: "Sở Tài chính",
  number: "123",
  symbolSuffix: "BC-STC",
  place: "Lạng Sơn",
  date: "2026-11-23",
  title: { kind: "Báo cáo", subject: "Kết quả thực hiện Kế hoạch số 23/KH-UBND năm 2026" },
  body: [
    { kind: "heading", text: "I. KẾT QUẢ ĐẠT ĐƯỢC", level: 1 },
    { kind: "paragraph", text: "Tỷ lệ che phủ rừng đạt 65,2% & tăng so với năm trước." },
    { kind: "bullets", items: ["Hoàn thành 12 nhiệm vụ", "Đang thực hiện 5 nhiệm vụ"] },
    {
      kind: "table",
      caption: "Bảng 1. Chỉ tiêu chủ yếu",
      columns: [{ title: "STT", width: 1 }, { title: "Chỉ tiêu", width: 5 }, { title: "Kết quả", width: 2 }],
      rows: [[1, "Tỷ lệ che phủ rừng (%)", 65.2], [2, "Thu ngân sách (tỷ đồng)", 1288.123], [3, "Số xã đạt chuẩn", null]],
    },
  ],
  recipients: ["UBND tỉnh (b/c);", "Lưu: VT, KH."],
  signature: { authority: ["KT. Giám đốc", "Phó Giám đốc"], signer: "Nguyễn Văn An" },
  appendices: [{
    title: "Phụ lục I",
    subtitle: "(Kèm theo Báo cáo số 123/BC-STC ngày 23/11/2026)",
    table: { kind: "table", columns: [{ title: "Nhiệm vụ", width: 3 }, { title: "Tình trạng", width: 1 }], rows: [["Rà soát quy hoạch", "Hoàn thành"]] },
  }],
};

describe("vietnameseDateLine", () => {
  it("pads days below 10 and months below 3 only, as Decree 30 writes them", () => {
    expect(vietnameseDateLine("Lạng Sơn", "2026-01-05")).toBe("Lạng Sơn, ngày 05 tháng 01 năm 2026");
    expect(vietnameseDateLine("Lạng Sơn", "2026-11-23")).toBe("Lạng Sơn, ngày 23 tháng 11 năm 2026");
    expect(vietnameseDateLine("Lạng Sơn", "2026-02-15")).toBe("Lạng Sơn, ngày 15 tháng 02 năm 2026");
    expect(vietnameseDateLine("Lạng Sơn", "2026-03-15")).toBe("Lạng Sơn, ngày 15 tháng 3 năm 2026");
    expect(vietnameseDateLine("Hà Nội", "2024-12-09")).toBe("Hà Nội, ngày 09 tháng 12 năm 2024");
    expect(vietnameseDateLine("Hà Nội", "2024-10-10")).toBe("Hà Nội, ngày 10 tháng 10 năm 2024");
  });

  it("refuses what is not a date", () => {
    for (const bad of ["2026-02-30", "2026-13-01", "23/11/2026", "2026-1-5", ""]) {
      expect(() => vietnameseDateLine("Lạng Sơn", bad), bad).toThrow(RangeError);
    }
    expect(vietnameseDateLine("Lạng Sơn", "2024-02-29")).toBe("Lạng Sơn, ngày 29 tháng 02 năm 2024"); // leap year
  });
});

const docx = await officialDocument(report);
const parts = unzip(docx);
const xml = parts.get("word/document.xml")!;
const sectPr = xml.match(/<w:sectPr[\s\S]*?<\/w:sectPr>/)![0];

describe("officialDocument", () => {
  it("lays out an A4 portrait page with the Decree's margins, page numbers from page 2", () => {
    expect(sectPr).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    const margin = Object.fromEntries([...sectPr.match(/<w:pgMar [^>]*>/)![0].matchAll(/w:(\w+)="(\d+)"/g)].map((m) => [m[1], Number(m[2])]));
    expect(margin).toMatchObject({ top: 1134, bottom: 1134, left: 1701, right: 851 });
    // A different first page, whose header is empty; every other page's header holds the PAGE field, centred.
    expect(sectPr).toContain("<w:titlePg/>");
    const headerFile = (type: string) => {
      const id = sectPr.match(new RegExp(`<w:headerReference w:type="${type}" r:id="(\\w+)"/>`))![1];
      const target = parts.get("word/_rels/document.xml.rels")!.match(new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`))!;
      return parts.get(`word/${target[1] ?? target[2]}`)!;
    };
    expect(headerFile("default")).toMatch(/<w:jc w:val="center"\/>[\s\S]*<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(headerFile("first")).not.toContain("PAGE");
  });

  it("writes in Times New Roman, the body at 14 pt", () => {
    expect(parts.get("word/styles.xml")).toMatch(/<w:docDefaults>[\s\S]*w:ascii="Times New Roman"[\s\S]*<w:sz w:val="28"\/>/);
    const fonts = new Set([...xml.matchAll(/<w:rFonts w:ascii="([^"]+)"/g)].map((m) => m[1]));
    expect([...fonts]).toEqual(["Times New Roman"]);
    const body = paragraph(xml, "Tỷ lệ che phủ rừng đạt 65,2% & tăng so với năm trước.");
    expect(body).toContain('<w:sz w:val="28"/>');
    expect(body).toContain('<w:jc w:val="both"/>');
    expect(body).toContain('<w:ind w:firstLine="567"/>');
    expect(body).toMatch(/<w:spacing w:after="120" w:line="276"/);
  });

  it("puts the issuer and the motto in a borderless two-column header", () => {
    const header = tables(xml)[0];
    expect(header).toMatch(/<w:tblBorders>(<w:\w+ w:val="none"[^>]*\/>){6}<\/w:tblBorders>/);
    expect(header.match(/<w:gridCol /g)).toHaveLength(2);
    expect(tableRows(header)).toEqual([
      ["UBND TỈNH LẠNG SƠN\nSỞ TÀI CHÍNH\n", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"],
      ["Số: 123/BC-STC", "Lạng Sơn, ngày 23 tháng 11 năm 2026"],
    ]);
    expect(paragraph(header, "SỞ TÀI CHÍNH")).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="26"\/>/);
    expect(paragraph(header, "UBND TỈNH LẠNG SƠN")).not.toContain("<w:b/>");
    expect(paragraph(header, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="26"\/>/);
    expect(paragraph(header, "Độc lập - Tự do - Hạnh phúc")).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="28"\/>/);
    // The rules under the issuer and the motto: empty paragraphs with a bottom border.
    expect(header.match(/<w:pBdr><w:bottom w:val="single"/g)).toHaveLength(2);
    const date = paragraph(header, "Lạng Sơn, ngày 23 tháng 11 năm 2026");
    expect(date).toContain("<w:i/>");
    expect(date).toContain('<w:jc w:val="center"/>');
  });

  it("leaves the number blank for the clerk when there is none, and writes a letter's subject under it", async () => {
    const letter = unzip(await officialDocument({
      ...report, number: null, symbolSuffix: "STC-KH", title: null,
      subjectLine: "V/v đôn đốc báo cáo", addressees: ["Sở Xây dựng", "Sở Y tế"],
    })).get("word/document.xml")!;
    paragraph(letter, "Số:      /STC-KH");
    expect(paragraph(letter, "V/v đôn đốc báo cáo")).toContain('<w:sz w:val="24"/>');
    paragraph(letter, "Kính gửi:\t- Sở Xây dựng;");
    paragraph(letter, "- Sở Y tế.");
    expect(paragraphs(letter).some((p) => p.text === "BÁO CÁO")).toBe(false);
    // A whole symbol given as the number is written as it is.
    const whole = unzip(await officialDocument({ ...report, number: "7/BC-UBND" })).get("word/document.xml")!;
    paragraph(whole, "Số: 7/BC-UBND");
  });

  it("writes the title, the blocks, a bordered table whose header row repeats", () => {
    expect(paragraph(xml, "BÁO CÁO")).toContain("<w:b/>");
    expect(paragraph(xml, "Kết quả thực hiện Kế hoạch số 23/KH-UBND năm 2026")).toContain('<w:jc w:val="center"/>');
    expect(paragraph(xml, "I. KẾT QUẢ ĐẠT ĐƯỢC")).toContain("<w:keepNext/>");
    paragraph(xml, "- Hoàn thành 12 nhiệm vụ");
    paragraph(xml, "- Đang thực hiện 5 nhiệm vụ");
    paragraph(xml, "Bảng 1. Chỉ tiêu chủ yếu");
    const table = tables(xml).find((t) => t.includes("Tỷ lệ che phủ rừng (%)"))!;
    expect(table).toMatch(/<w:tblBorders><w:top w:val="single"/);
    expect(tableRows(table)).toEqual([
      ["STT", "Chỉ tiêu", "Kết quả"],
      ["1", "Tỷ lệ che phủ rừng (%)", "65,2"],
      ["2", "Thu ngân sách (tỷ đồng)", "1.288,12"], // Vietnamese separators
      ["3", "Số xã đạt chuẩn", ""],
    ]);
    expect(table.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(table.match(/<w:cantSplit\/>/g)).toHaveLength(4);
    // Column widths are scaled to the width of the text (165 mm).
    const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid).toEqual([1169, 5846, 2338]);
  });

  it("closes with Nơi nhận beside the signature, then the appendix on a new page", () => {
    const closing = tables(xml).find((t) => t.includes("Nơi nhận:"))!;
    expect(closing).toMatch(/<w:tblBorders><w:top w:val="none"/);
    expect(tableRows(closing)).toEqual([[
      "Nơi nhận:\n- UBND tỉnh (b/c);\n- Lưu: VT, KH.",
      "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nNguyễn Văn An",
    ]]);
    const label = paragraph(closing, "Nơi nhận:");
    expect(label).toMatch(/<w:b\/>[\s\S]*<w:i\/>[\s\S]*<w:sz w:val="24"\/>/);
    expect(paragraph(closing, "- Lưu: VT, KH.")).toContain('<w:sz w:val="22"/>');
    expect(paragraph(closing, "Nguyễn Văn An")).toMatch(/<w:spacing [^>]*w:before="1600"/);
    expect(paragraph(xml, "Phụ lục I")).toContain("<w:pageBreakBefore/>");
    expect(paragraph(xml, "(Kèm theo Báo cáo số 123/BC-STC ngày 23/11/2026)")).toContain("<w:i/>");
    expect(tableRows(tables(xml).at(-1)!)).toEqual([["Nhiệm vụ", "Tình trạng"], ["Rà soát quy hoạch", "Hoàn thành"]]);
  });

  it("keeps the space to sign when the signer is not known yet", async () => {
    const unsigned = unzip(await officialDocument({ ...report, signature: { authority: ["Giám đốc"], signer: null } })).get("word/document.xml")!;
    const closing = tables(unsigned).find((t) => t.includes("Nơi nhận:"))!;
    expect(tableRows(closing)[0][1]).toBe("GIÁM ĐỐC\n");
    expect(closing).toMatch(/<w:spacing [^>]*w:before="1600"/);
  });

  it("reads in the order of the form: header, title, body, Nơi nhận, signature, appendix", async () => {
    const { value: text } = await mammoth.extractRawText({ buffer: docx });
    const order = [
      "SỞ TÀI CHÍNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 123/BC-STC", "Lạng Sơn, ngày 23 tháng 11 năm 2026",
      "BÁO CÁO", "I. KẾT QUẢ ĐẠT ĐƯỢC", "Tỷ lệ che phủ rừng đạt 65,2%", "Thu ngân sách", "Nơi nhận:", "Nguyễn Văn An", "Phụ lục I",
    ].map((s) => text.indexOf(s));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});

describe("Nơi nhận", () => {
  it("refuses \"Như trên\" in a document without \"Kính gửi\" (it would point at nothing)", async () => {
    await expect(officialDocument({ ...report, recipients: ["Như trên;", "Lưu: VT."] })).rejects.toThrow(/Như trên.*Kính gửi/);
    await expect(officialDocument({ ...report, addressees: ["Sở Y tế"], recipients: ["Như trên;", "Lưu: VT."] })).resolves.toBeInstanceOf(Buffer);
  });
});

describe("data tables", () => {
  const dateWidth = minimumColumnWidth([{ text: "31/12/2030", bold: false }]);

  it("never make a column narrower than its longest date or word, so that '31/12/2030' is not cut", () => {
    // A tenth of the width (935 twips) was too narrow for a date at 12 pt: LibreOffice wrote "31/12/2" / "030".
    expect(dateWidth).toBeGreaterThan(935);
    const widths = tableColumnWidths({
      columns: [{ title: "STT", width: 7 }, { title: "Nhiệm vụ", width: 80 }, { title: "Thời hạn", width: 6 }, { title: "Kết quả", width: 7 }],
      rows: [[1, "Hoàn thành đầu tư xây dựng", "31/12/2030", "Đạt"]],
    });
    expect(widths[2]).toBeGreaterThanOrEqual(dateWidth);
    expect(widths[3]).toBeGreaterThanOrEqual(minimumColumnWidth([{ text: "Kết quả", bold: true }]));
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(9354);
    // "STT" (bold) needs more than its 7%: the columns at their minimum are taken out, the rest goes to the others.
    expect(widths[0]).toBe(Math.floor(minimumColumnWidth([{ text: "STT", bold: true }, { text: "1", bold: false }])));
    expect(widths.reduce((a, b) => a + b, 0)).toBeGreaterThan(9350);
  });

  it("say what an empty table stands for, in one row across its columns", async () => {
    const xml = unzip(await officialDocument({ ...report, appendices: [{ title: "Phụ lục I", table: {
      kind: "table", columns: [{ title: "STT", width: 1 }, { title: "Trích yếu", width: 5 }], rows: [], empty: "Chưa ghi nhận văn bản nào.",
    } }] })).get("word/document.xml")!;
    const table = tables(xml).at(-1)!;
    expect(tableRows(table)).toEqual([["STT", "Trích yếu"], ["Chưa ghi nhận văn bản nào."]]);
    expect(table).toContain('<w:gridSpan w:val="2"/>');
    expect(paragraph(table, "Chưa ghi nhận văn bản nào.")).toContain("<w:i/>");
  });

  it("write whatever a cell holds as text: markup, control characters, broken UTF-16 and the parts' own placeholders", async () => {
    const hostile = ["<w:p>x</w:p> & \"'", "a\u0001b\u000Bc", "lẻ \uD800 loi", "\uE000theodoi-part-0\uE001", "\uE000theodoi-part-1\uE001"];
    // A placeholder's text in the body, in a title docx writes and in the recipients, as well as in cells.
    const bytes = await officialDocument({ ...report, title: { ...report.title!, subject: "\uE000theodoi-part-2\uE001" }, recipients: ["\uE000theodoi-part-0\uE001"],
      body: [{ kind: "paragraph", text: "\uE000theodoi-part-0\uE001" }], appendices: [
      { title: "Phụ lục I", table: { kind: "table", columns: [{ title: "Nội dung", width: 1 }], rows: hostile.map((h) => [h]) } },
      { title: "Phụ lục II", table: { kind: "table", columns: [{ title: "<b>", width: 1 }], rows: [["2"]] } },
    ] });
    const xml = unzip(bytes).get("word/document.xml")!;
    // Each table in its place, each cell's text as given (less what XML cannot hold), and the document still reads.
    expect(tables(xml).map(tableRows)).toEqual([
      ...tables(xml).slice(0, -2).map(tableRows),
      [["Nội dung"], ["<w:p>x</w:p> & \"'"], ["abc"], ["lẻ \uFFFD loi"], ["\uE000theodoi-part-0\uE001"], ["\uE000theodoi-part-1\uE001"]],
      [["<b>"], ["2"]],
    ]);
    const { value: text } = await mammoth.extractRawText({ buffer: bytes });
    expect(text).toContain("<w:p>x</w:p> & \"'");
    expect(text.indexOf("Phụ lục I")).toBeLessThan(text.indexOf("<b>"));
    // The placeholders' texts written as text where they were given: the body, the recipients, a cell; the title.
    const count = (needle: string) => text.split(needle).length - 1;
    expect(count("\uE000theodoi-part-0\uE001")).toBe(3);
    expect(count("\uE000theodoi-part-2\uE001")).toBe(1);
  });

  it("let a row taller than a third of a page break across pages (kept whole, it would leave its title alone on a page)", async () => {
    const long = Array.from({ length: 40 }, (_, i) => `Ủy ban nhân dân huyện số ${i + 1}`).join("; ");
    const xml = unzip(await officialDocument({ ...report, appendices: [{ title: "Phụ lục II", table: {
      kind: "table", columns: [{ title: "Nhiệm vụ", width: 3 }, { title: "Cơ quan chủ trì", width: 1 }], rows: [["Ngắn", "Sở Xây dựng"], ["Dài", long]],
    } }] })).get("word/document.xml")!;
    const rows = [...tables(xml).at(-1)!.matchAll(/<w:tr>[\s\S]*?<\/w:tr>|<w:tr [\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows.map((r) => r.includes("<w:cantSplit/>"))).toEqual([true, true, false]);
  });
});

describe("appendices in landscape", () => {
  it("start a landscape section on a new page, with the Decree's margins, page numbers running on", async () => {
    const xml = unzip(await officialDocument({ ...report, appendices: [
      { ...report.appendices![0], landscape: true },
      { ...report.appendices![0], title: "Phụ lục II", landscape: true },
    ] })).get("word/document.xml")!;
    const sections = [...xml.matchAll(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
    expect(sections).toHaveLength(2);
    expect(sections[0]).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(sections[0]).toContain("<w:titlePg/>");
    expect(sections[1]).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    expect(sections[1]).toMatch(/<w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701"/);
    expect(sections[1]).toContain('<w:type w:val="nextPage"/>');
    expect(sections[1]).not.toContain("<w:titlePg/>");
    expect(sections[1]).toContain('w:type="default"');
    expect(sections[1]).not.toContain("<w:pgNumType w:start");
    // The section starts the first appendix's page; the second starts its own.
    expect(paragraph(xml, "Phụ lục I")).not.toContain("<w:pageBreakBefore/>");
    expect(paragraph(xml, "Phụ lục II")).toContain("<w:pageBreakBefore/>");
    // Its table fills the wider page: 252 mm.
    const grid = [...tables(xml).at(-1)!.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid.reduce((a, b) => a + b, 0)).toBeGreaterThan(14200);
  });
});
