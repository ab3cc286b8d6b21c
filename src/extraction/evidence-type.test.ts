import { describe, expect, it } from "vitest";
import { officialDocument } from "../reports/official-document.js";
import { downloadName, sniffEvidence } from "./evidence-type.js";
import { zip } from "../../test/support/files.js";

const ole = (...streams: string[]) => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), ...streams.map((n) => Buffer.from(n, "utf16le"))]);

describe("sniffEvidence", () => {
  it("reads the type from the bytes, not the name", async () => {
    expect(sniffEvidence(Buffer.from("%PDF-1.7\n"), "a.docx")).toBe("application/pdf");
    expect(sniffEvidence(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), "anh.pdf")).toBe("image/png");
    expect(sniffEvidence(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), "anh.jpg")).toBe("image/jpeg");
    const docx = await officialDocument({ superior: null, issuer: "SỞ TÀI CHÍNH", number: "1", symbolSuffix: "STC", place: "Lạng Sơn", date: "2026-11-23", body: [], recipients: [], signature: { authority: [], signer: null } });
    expect(sniffEvidence(docx, "bao-cao.bin")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  });
  it("refuses what is none of the accepted kinds, or only pretends to be", () => {
    expect(sniffEvidence(Buffer.from("<html><script>alert(1)</script>"), "bien-ban.pdf")).toBeNull();
    expect(() => sniffEvidence(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "hong.docx")).toThrow(expect.objectContaining({ reason: "corrupt", message: expect.stringMatching(/Word\/Excel bị hỏng/) }));
    expect(sniffEvidence(ole("WordDocument"), "cu.doc")).toBe("application/msword");
    expect(sniffEvidence(ole("Workbook"), "so-lieu.xls")).toBe("application/vnd.ms-excel");
    // An OLE container of another kind (an installer, a message) named .doc is not a Word file.
    expect(sniffEvidence(ole("__substg1.0_0037001F"), "thu.doc")).toBeNull();
    expect(sniffEvidence(ole("WordDocument"), "cu.exe")).toBeNull();
  });
});

describe("downloadName", () => {
  it("keeps a name whose extension is its type's, and adds the type's to any other", () => {
    expect(downloadName("Biên bản.pdf", "application/pdf")).toBe("Biên bản.pdf");
    expect(downloadName("ANH.JPEG", "image/jpeg")).toBe("ANH.JPEG");
    expect(downloadName("chay-toi.hta", "application/pdf")).toBe("chay-toi.hta.pdf");
    expect(downloadName("bao-cao", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")).toBe("bao-cao.docx");
  });
});

