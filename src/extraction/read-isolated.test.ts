import { Document, Packer, Paragraph } from "docx";
import { describe, expect, it } from "vitest";
import { MAX_CONCURRENT_READS, readAndExtractIsolated, readDocumentIsolated, runningReads } from "./read-isolated.js";
import { UnreadableFileError } from "./read-text.js";

const docx = (paragraphs: string[]) => Packer.toBuffer(new Document({ sections: [{ children: paragraphs.map((p) => new Paragraph(p)) }] }));
const utf8 = (text: string) => new TextEncoder().encode(text);

/** A one-page PDF with a text layer in Helvetica, exact xref offsets (as in read-pdf.test.ts). */
function pdf(lines: string[]): Buffer {
  const content = `BT /F1 12 Tf 14 TL 72 770 Td ${lines.map((l) => `(${l}) Tj T*`).join(" ")} ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let out = "%PDF-1.4\n";
  const offsets = objects.map((object, i) => { const at = out.length; out += `${i + 1} 0 obj\n${object}\nendobj\n`; return at; });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((at) => `${String(at).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

/** The UnreadableFileError a read fails with. */
async function refusal(read: Promise<string>): Promise<UnreadableFileError> {
  const error = await read.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(UnreadableFileError);
  return error as UnreadableFileError;
}

describe("readDocumentIsolated", () => {
  it("reads .txt, .docx and .pdf in a worker", async () => {
    expect(await readDocumentIsolated("ke-hoach.txt", utf8("KẾ HOẠCH\r\nThực hiện Nghị quyết"))).toBe("KẾ HOẠCH\nThực hiện Nghị quyết");
    expect(await readDocumentIsolated("ke-hoach.docx", await docx(["KẾ HOẠCH", "Sở Xây dựng chủ trì."]))).toBe("KẾ HOẠCH\nSở Xây dựng chủ trì.");
    expect(await readDocumentIsolated("ke-hoach.pdf", pdf(["KE HOACH", "So Xay dung chu tri."]))).toBe("KE HOACH\nSo Xay dung chu tri.");
  });

  it("extracts in the same worker, with the registry it is given", async () => {
    const plan = "KẾ HOẠCH\nII. NHIỆM VỤ\n1. Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ rà soát các văn bản quy phạm pháp luật, hoàn thành trước ngày 30/6/2025.";
    const registry = [{ name: "Sở Tư pháp", code: "STP", aliases: [], kind: "department" }, { name: "Sở Nội vụ", code: "SNV", aliases: [], kind: "department" }];
    const { text, extraction } = await readAndExtractIsolated("ke-hoach.txt", utf8(plan), registry);
    expect(text).toBe(plan);
    expect(extraction.tasks).toMatchObject([{ lead: ["Sở Tư pháp"], coordinating: ["Sở Nội vụ"], deadline: { kind: "date", date: "2025-06-30" } }]);
  });

  it("moves a whole buffer to the worker, and copies a view into a larger one", async () => {
    const whole = utf8("Văn bản");
    await readDocumentIsolated("a.txt", whole);
    expect(whole.byteLength).toBe(0); // transferred: detached on this side
    const backing = utf8("xxVăn bản");
    const view = backing.subarray(2);
    expect(await readDocumentIsolated("a.txt", view)).toBe("Văn bản");
    expect(backing.byteLength).toBe(utf8("xxVăn bản").byteLength); // the rest of the buffer is untouched
  });

  it("keeps the reason and message of the worker's UnreadableFileError", async () => {
    const binary = Uint8Array.from({ length: 256 }, (_, i) => i);
    const error = await refusal(readDocumentIsolated("anh.txt", binary));
    expect(error.reason).toBe("binary");
    expect(error.message).toMatch(/^Tệp không phải văn bản/);
    expect((await refusal(readDocumentIsolated("rong.txt", new Uint8Array(0)))).reason).toBe("empty");
  });

  it("refuses a read that runs out of time as too complex", async () => {
    const error = await refusal(readDocumentIsolated("ke-hoach.docx", await docx(["KẾ HOẠCH"]), { timeoutMs: 1 }));
    expect(error.reason).toBe("too_complex");
    expect(error.message).toBe("Tệp quá phức tạp để đọc (vượt giới hạn bộ nhớ/thời gian); hãy lưu lại tệp hoặc chia nhỏ");
  });

  it("refuses a read that runs out of memory as too complex", async () => {
    // 24 MB is enough for the worker itself (a .txt reads), not for mammoth on 10 000 paragraphs (~70 kB zipped).
    const limits = { maxOldGenerationSizeMb: 24 };
    expect(await readDocumentIsolated("a.txt", utf8("Văn bản"), limits)).toBe("Văn bản");
    const big = await docx(Array.from({ length: 10_000 }, (_, i) => `Đoạn ${i}: nhiệm vụ phát triển kinh tế - xã hội của tỉnh`));
    expect((await refusal(readDocumentIsolated("lon.docx", big, limits))).reason).toBe("too_complex");
  });

  it(`runs at most ${MAX_CONCURRENT_READS} reads at once, the others in order of arrival`, async () => {
    const started: number[] = [], runningAtStart: number[] = [];
    const reads = [0, 1, 2, 3].map((i) => readDocumentIsolated(`${i}.txt`, utf8(`Văn bản ${i}`), {
      onStart: () => { started.push(i); runningAtStart.push(runningReads()); },
    }));
    expect(await Promise.all(reads)).toEqual([0, 1, 2, 3].map((i) => `Văn bản ${i}`));
    expect(started).toEqual([0, 1, 2, 3]);
    expect(Math.max(...runningAtStart)).toBe(MAX_CONCURRENT_READS); // in parallel, never beyond the limit
    expect(runningReads()).toBe(0);
  });
});
