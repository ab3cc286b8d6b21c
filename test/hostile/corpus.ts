/**
 * Hostile files, built in memory (none is kept as a binary in the repository): what an outsider, or a
 * careless export, can send to an upload. Each says what theodoi must do with it: refuse it with a
 * message that names the problem (`said`), or accept it within bounds (`accepted`, with a check of
 * what was read). `npm run hostile -- DIR` writes them to a folder, to try them on a running server.
 */
import { pdf, textPage, zeros, zip, type PdfContent } from "../support/files.js";

export interface HostileFile {
  /** What the file is, in a few words. */
  what: string;
  name: string;
  bytes: () => Buffer;
  /** Refused: the status and what the message must say. Accepted: a check of the draft's text. */
  expect: { refused: number; said: RegExp } | { accepted: (text: string) => boolean };
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const CONTENT_TYPES = `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/** A .docx of these parts (stored, not compressed, as some tools write them): the document's body XML and any other part by name. */
export function docx(body: string, parts: Record<string, string> = {}, prolog = ""): Buffer {
  const all: Record<string, string> = {
    "[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": ROOT_RELS,
    "word/document.xml": `<?xml version="1.0" encoding="UTF-8"?>${prolog}<w:document ${W}><w:body>${body}</w:body></w:document>`,
    ...parts,
  };
  return zip(Object.entries(all).map(([name, text]) => {
    const data = Buffer.from(text, "utf8");
    return { name, data, method: 0 as const, size: data.length };
  }));
}

const paragraph = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const numbered = (text: string) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
const numbering = (format: string, start: number) => `<?xml version="1.0"?><w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="${start}"/><w:numFmt w:val="${format}"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
const DOC_RELS_WITH_NUMBERING = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>`;

/** A plan's opening, in every text file that must be read as a plan. */
const PLAN = "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN\nSố: 77/KH-UBND\nLạng Sơn, ngày 10 tháng 01 năm 2025\nKẾ HOẠCH\nThực hiện Nghị quyết số 11-NQ/TW\nII. NHIỆM VỤ\n";
const task = (i: number) => `${i}. Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ rà soát văn bản về lĩnh vực số ${i}, xong trước ngày 30/6/2025.`;

/** A PDF whose trailer says it is encrypted with the standard handler and a user password the reader does not have. */
function encryptedPdf(): Buffer {
  const plain = pdf([textPage(["KE HOACH"])]).toString("latin1");
  const hex = (seed: number) => Array.from({ length: 32 }, (_, i) => ((i * 37 + seed) % 256).toString(16).padStart(2, "0")).join("");
  return Buffer.from(plain.replace("trailer\n<< ", `trailer\n<< /Encrypt << /Filter /Standard /V 1 /R 2 /O <${hex(1)}> /U <${hex(2)}> /P -4 >> /ID [<${hex(3).slice(0, 32)}> <${hex(3).slice(0, 32)}>] `), "latin1");
}

/**
 * A page of a task table drawn with ruling lines: rows `from + 1` to `from + count`, `height` points
 * high, under a header row (columns at 72, 100, 300, 430, 520).
 */
function ruledRows(from: number, count: number, height: number): string {
  const xs = [72, 100, 300, 430, 520], top = 780, bottom = top - (count + 1) * height;
  const size = Math.max(0.1, Math.min(8, height * 0.6));
  const row = (y: number, cells: string[]) => cells.map((c, k) => `BT /F1 ${size} Tf ${xs[k] + 2} ${y + height * 0.3} Td (${c}) Tj ET`).join(" ");
  const parts = [row(top - height, ["TT", "Nhiem vu", "Co quan chu tri", "Thoi gian"])];
  for (let r = 0; r <= count + 1; r++) parts.push(`${xs[0]} ${top - r * height} m ${xs[4]} ${top - r * height} l S`);
  for (const x of xs) parts.push(`${x} ${top} m ${x} ${bottom} l S`);
  for (let r = 1; r <= count; r++) parts.push(row(top - (r + 1) * height, [String(from + r), `Nhiem vu ${from + r}`, "So Tu phap", "2025"]));
  return parts.join("\n");
}

/** TCVN3 (ABC), the pre-Unicode Vietnamese encoding still found in old files: "Kế hoạch" is bytes no UTF-8 reader accepts. */
const tcvn3 = () => Buffer.from([0x4b, 0xd5, 0x20, 0x68, 0x6f, 0xb9, 0x63, 0x68, 0x20, 0x73, 0xe8, 0x20, 0x32, 0x33, 0x0a, 0x53, 0xe5, 0x20, 0x54, 0xad, 0x20, 0x70, 0x68, 0xb8, 0x70, 0x0a]);

export const HOSTILE_FILES: HostileFile[] = [
  // Archives that lie or explode.
  { what: "a .docx whose declared sizes lie (300 MB of zeros declared as 1 KB)", name: "bom-nen.docx",
    bytes: () => zip([{ name: "word/document.xml", data: zeros(300), method: 8, size: 1000 }]), expect: { refused: 400, said: /giải ra nhiều hơn kích thước khai báo/ } },
  { what: "a .docx declaring an entry over the 16 MB limit", name: "phan-lon.docx",
    bytes: () => zip([{ name: "word/document.xml", data: zeros(1), method: 8, size: 17 << 20 }]), expect: { refused: 400, said: /giải ra 17 MB, giới hạn 16 MB/ } },
  { what: "a .docx of 6,000 entries", name: "nhieu-muc.docx",
    bytes: () => zip(Array.from({ length: 6000 }, (_, i) => ({ name: `x/${i}.xml`, data: Buffer.from("<a/>"), method: 0 as const, size: 4 }))), expect: { refused: 400, said: /hơn 5000 mục/ } },
  { what: "a .docx cut in half", name: "cat-doi.docx",
    bytes: () => { const whole = docx(paragraph("KẾ HOẠCH")); return whole.subarray(0, whole.length >> 1); }, expect: { refused: 400, said: /bị hỏng|không phải tệp Word/ } },
  { what: "a .docx with ZIP64 markers", name: "zip64.docx",
    bytes: () => { const z = docx(paragraph("KẾ HOẠCH")); z.writeUInt16LE(0xffff, z.length - 22 + 8); return z; }, expect: { refused: 400, said: /ZIP64/ } },

  // XML that tries to reach out or multiply.
  { what: "a .docx with an external entity (XXE) naming /etc/passwd", name: "xxe.docx",
    bytes: () => docx(paragraph("KẾ HOẠCH &xxe;"), {}, `<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`),
    expect: { refused: 400, said: /khai báo DOCTYPE\/ENTITY/ } },
  { what: "a .docx with nested entities (billion laughs)", name: "cuoi.docx",
    bytes: () => docx(paragraph("KẾ HOẠCH &l9;"), {}, `<!DOCTYPE w:document [<!ENTITY l0 "ha">${Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join("")}]>`),
    expect: { refused: 400, said: /khai báo DOCTYPE\/ENTITY/ } },
  { what: "a .docx whose relationships point outside (an attached template and an image on another server)", name: "lien-ket-ngoai.docx",
    bytes: () => docx(paragraph("KẾ HOẠCH") + `<w:p><w:r><w:drawing><a:blip xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:link="rId9"/></w:drawing></w:r></w:p>`, {
      "word/_rels/document.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="http://192.0.2.1/anh.png" TargetMode="External"/><Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="file://192.0.2.1/share/mau.dotm" TargetMode="External"/></Relationships>`,
    }), expect: { accepted: (text) => text.startsWith("KẾ HOẠCH") } },
  { what: "a .docx nesting 20,000 tables", name: "long-sau.docx",
    bytes: () => docx(`${"<w:tbl><w:tr><w:tc>".repeat(20_000)}${paragraph("KẾ HOẠCH")}${"</w:tc></w:tr></w:tbl>".repeat(20_000)}`),
    expect: { refused: 400, said: /lồng nhau quá sâu/ } },

  { what: "a .docx of 50 tables nested one in another, each cell with text", name: "bang-long-50.docx",
    bytes: () => docx(`${paragraph("KẾ HOẠCH")}${Array.from({ length: 50 }, (_, i) => `<w:tbl><w:tr><w:tc>${paragraph(`Ô ${i + 1}`)}`).join("")}${"</w:tc></w:tr></w:tbl>".repeat(50)}`),
    expect: { accepted: (text) => text.startsWith("KẾ HOẠCH") && text.includes("Ô 50") } },

  // Word numbering that would write without end (the 3,954-byte file that killed the server).
  ...["lowerLetter", "upperRoman"].map((format): HostileFile => ({
    what: `a .docx numbering a ${format} list from 2,000,000,000, 200 paragraphs`, name: `danh-so-${format}.docx`,
    bytes: () => docx(Array.from({ length: 200 }, (_, i) => numbered(`Nhiệm vụ ${i}`)).join(""), { "word/numbering.xml": numbering(format, 2_000_000_000), "word/_rels/document.xml.rels": DOC_RELS_WITH_NUMBERING }),
    expect: { accepted: (text) => text.length < 10_000 } })),

  // PDFs.
  { what: "a 1 MB PDF whose content stream inflates to 1 GB", name: "bom-pdf.pdf",
    bytes: () => pdf([{ data: Buffer.concat([Buffer.from([0x78, 0x9c]), zeros(1024)]), filter: "/Filter /FlateDecode" } as PdfContent]), expect: { refused: 400, said: /giới hạn bộ nhớ/ } },
  { what: "a PDF table of 5,000 ruled rows over 100 pages", name: "bang-5000-dong.pdf", bytes: () => pdf(Array.from({ length: 100 }, (_, p) => ruledRows(p * 50, 50, 14))),
    expect: { accepted: (text) => text.includes("5000 | Nhiem vu 5000 | So Tu phap | 2025") } },
  { what: "a PDF page of 5,000 ruled rows (more lines than any table has)", name: "trang-5000-dong.pdf", bytes: () => pdf([ruledRows(0, 5000, 0.15)]),
    expect: { accepted: (text) => text.includes("Nhiem vu 5000") } },
  { what: "an encrypted PDF", name: "mat-khau.pdf", bytes: encryptedPdf, expect: { refused: 400, said: /mật khẩu/ } },
  { what: "a scanned PDF without text", name: "ban-quet.pdf", bytes: () => pdf(["0 0 1 rg 72 72 200 200 re f"]), expect: { refused: 400, said: /OCR/ } },
  { what: "a PDF of 501 pages", name: "nhieu-trang.pdf", bytes: () => pdf(Array.from({ length: 501 }, () => textPage(["Trang"]))), expect: { refused: 400, said: /501 trang; giới hạn 500/ } },
  { what: "a PDF that is only its header", name: "dau-pdf.pdf", bytes: () => Buffer.from("%PDF-1.7\n%%EOF\n"), expect: { refused: 400, said: /PDF bị hỏng/ } },

  // Text.
  { what: "a .txt in TCVN3 (ABC), a legacy Vietnamese encoding", name: "tcvn3.txt", bytes: tcvn3, expect: { refused: 400, said: /TCVN3\/VNI.*UTF-8/ } },
  { what: "a .txt in Windows-1258", name: "cp1258.txt", bytes: () => Buffer.from([0x4b, 0xea, 0xd2, 0x20, 0x68, 0x6f, 0x61, 0xf2, 0x63, 0x68, 0x0a]), expect: { refused: 400, said: /UTF-8/ } },
  { what: "a .txt in UTF-16 without a byte-order mark", name: "utf16.txt", bytes: () => Buffer.from(`${PLAN}${task(1)}\n`, "utf16le"), expect: { accepted: (text) => text.includes("Sở Tư pháp chủ trì") } },
  { what: "a .txt with NUL bytes", name: "nul.txt", bytes: () => Buffer.from(`${PLAN}${task(1)}\u0000\n`), expect: { refused: 400, said: /NUL, mã 0\) ở dòng 7/ } },
  { what: "a .docx with a NUL character reference", name: "nul.docx", bytes: () => docx(paragraph("KẾ HOẠCH &#0; số 1")), expect: { accepted: (text) => !text.includes("\u0000") } },
  { what: "a .txt of only invisible characters", name: "vo-hinh.txt", bytes: () => Buffer.from("\ufeff\u200b\u200c\u200d\u2060\u00a0\u3000\n".repeat(1000)), expect: { refused: 400, said: /ký tự vô hình/ } },
  { what: "an empty file", name: "rong.txt", bytes: () => Buffer.alloc(0), expect: { refused: 400, said: /Tệp rỗng/ } },
  { what: "a binary file renamed .txt", name: "anh.txt", bytes: () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 31 + 7) % 256)), expect: { refused: 400, said: /không phải văn bản/ } },
  { what: "\"KẾ HOẠCH\" and 5,000,000 dots", name: "cham.txt", bytes: () => Buffer.from(`KẾ HOẠCH\n${".".repeat(5_000_000)}`), expect: { accepted: () => true } },
  { what: "a line of 50,000 figures", name: "so-lieu.txt", bytes: () => Buffer.from(`${PLAN}Phấn đấu ${"đạt 50%, ".repeat(50_000)}`), expect: { refused: 400, said: /hơn 20\.000 số liệu/ } },
  { what: "2,000,000 numbers", name: "con-so.txt", bytes: () => Buffer.from(`${PLAN}${"1 ".repeat(2_000_000)}`), expect: { refused: 400, said: /hơn 100\.000 con số/ } },

  // Sizes and counts.
  { what: "a plan of 100,000 tasks (16 MB)", name: "100000-nhiem-vu.txt", bytes: () => Buffer.from(PLAN + Array.from({ length: 100_000 }, (_, i) => task(i + 1)).join("\n")), expect: { refused: 400, said: /hơn 100\.000 con số/ } },
  { what: "a plan of 6,000 tasks", name: "6000-nhiem-vu.txt", bytes: () => Buffer.from(PLAN + Array.from({ length: 6000 }, (_, i) => task(i + 1)).join("\n")), expect: { refused: 400, said: /hơn 5\.000 nhiệm vụ/ } },
  { what: "a file over the 25 MB upload limit", name: "qua-lon.txt", bytes: () => Buffer.alloc(26 << 20, "a"), expect: { refused: 413, said: /vượt giới hạn 25 MB/ } },
  { what: "a plan with a 10,000-character file name", name: `${"ke-hoach-".repeat(1111)}.txt`, bytes: () => Buffer.from(PLAN + task(1)), expect: { accepted: (text) => text.includes("Sở Tư pháp") } },
  { what: "a file name with NUL, newlines and a direction override", name: "ke\u0000hoach\n\u202etxt.exe.txt", bytes: () => Buffer.from(PLAN + task(2)), expect: { accepted: (text) => text.includes("Sở Tư pháp") } },
  { what: "an old Word file (.doc)", name: "cu.doc", bytes: () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]), expect: { refused: 400, said: /lưu dưới dạng \.docx/ } },
];
