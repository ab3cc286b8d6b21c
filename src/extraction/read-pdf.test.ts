import { describe, expect, it } from "vitest";
import { readDocument } from "./read.js";
import { MAX_PDF_PAGES, readPdf } from "./read-pdf.js";
import { UnreadableFileError } from "./read-text.js";
import { pdf, textPage } from "../../test/support/files.js";

describe("readPdf", () => {
  it("rebuilds lines from positions, writes a raised footnote mark as [n], and marks page breaks with a form feed", async () => {
    const first = textPage(["KE HOACH", "Thuc hien Nghi quyet so 11-NQ/TW ngay 10/02/2022"]) +
      // Two runs on one baseline with a gap, and a footnote mark raised 4 points: one line.
      " BT /F1 12 Tf 72 600 Td (Ty le che phu rung dat) Tj 140 0 Td (67%) Tj 24 4 Td /F1 8 Tf (1) Tj ET";
    const second = textPage(["2.4. So Giao thong van tai", "chu tri thuc hien."]);
    expect(await readPdf(pdf([first, second]))).toBe(
      "KE HOACH\nThuc hien Nghi quyet so 11-NQ/TW ngay 10/02/2022\nTy le che phu rung dat 67%[1]\f\n2.4. So Giao thong van tai\nchu tri thuc hien.",
    );
  });

  it("drops a running header repeated at the top of the pages after the first", async () => {
    const page = (n: number, lines: string[]) => `BT /F1 10 Tf 300 810 Td (Ke hoach 23/KH-UBND - Trang ${n}) Tj ET ` + textPage(lines);
    const bytes = pdf([page(1, ["KE HOACH", "Thuc hien Nghi quyet so 11-NQ/TW"]), page(2, ["I. MUC DICH, YEU CAU"]), page(3, ["II. NHIEM VU, GIAI PHAP"])]);
    expect(await readPdf(bytes)).toBe("Ke hoach 23/KH-UBND - Trang 1\nKE HOACH\nThuc hien Nghi quyet so 11-NQ/TW\f\nI. MUC DICH, YEU CAU\f\nII. NHIEM VU, GIAI PHAP");
  });

  it("is chosen by signature, whatever the name says", async () => {
    const bytes = pdf([textPage(["Bao cao ket qua thuc hien nam 2024"])]);
    expect(await readDocument("bao-cao.txt", bytes)).toBe("Bao cao ket qua thuc hien nam 2024");
    expect(await readDocument("bao-cao.PDF", bytes)).toBe("Bao cao ket qua thuc hien nam 2024");
  });

  it("refuses a PDF without a text layer, asking for OCR", async () => {
    const drawing = "0.5 g 72 600 200 100 re f 0 0 m 595 842 l S";
    const error = await readPdf(pdf([drawing, drawing])).catch((e) => e);
    expect(error).toBeInstanceOf(UnreadableFileError);
    expect(error.reason).toBe("needs_ocr");
    expect(error.message).toMatch(/OCR/);
    // A title typed on a scanned cover is not enough either.
    const cover = pdf([textPage(["Bao cao"]), drawing, drawing]);
    await expect(readPdf(cover)).rejects.toMatchObject({ reason: "needs_ocr" });
  });

  it("refuses a corrupt PDF and one with too many pages", async () => {
    await expect(readPdf(Buffer.from("%PDF-1.7\nnot really\n%%EOF\n"))).rejects.toMatchObject({ reason: "corrupt" });
    const whole = pdf([textPage(["Mot trang van ban co chu"])]);
    await expect(readDocument("hong.pdf", whole.subarray(0, 200))).rejects.toMatchObject({ reason: "corrupt" });
    await expect(readDocument("hong.pdf", Buffer.from("khong phai pdf"))).rejects.toMatchObject({ reason: "corrupt" });
    const many = pdf(Array.from({ length: MAX_PDF_PAGES + 1 }, () => textPage(["Trang"])));
    await expect(readPdf(many)).rejects.toMatchObject({ reason: "too_many_pages" });
  });
});

describe("positions as the page is displayed", () => {
  it("turns a page rotated 90 degrees upright, and takes no clip path for a ruling", async () => {
    const { positioned, rulingsOf } = await import("./read-pdf.js");
    // A landscape page (842 x 595 as displayed) stored portrait with /Rotate 90: pdf.js's viewport maps (x, y) to (y, x).
    const viewport = { width: 842, height: 595, transform: [0, 1, 1, 0, 0, 0] };
    const item = (str: string, x: number, y: number) => ({ str, dir: "ltr", width: 100, height: 12, transform: [0, 12, -12, 0, x, y], fontName: "f", hasEOL: false });
    const [first, second] = positioned([item("KẾ HOẠCH", 100, 72), item("Số: 12/KH", 120, 72)] as never, viewport);
    expect([first.x, first.y, second.x, second.y]).toEqual([72, 495, 72, 475]);
    const OPS = { save: 10, restore: 11, transform: 12, constructPath: 91, endPath: 28, stroke: 20 };
    const line = (paint: number) => ({ fn: 91, args: [paint, [[0, 100, 200, 1, 400, 200]], null] });
    const ops = [line(28), line(20)];
    expect(rulingsOf({ fnArray: ops.map((o) => o.fn), argsArray: ops.map((o) => o.args) }, OPS, { width: 595, height: 842, transform: [1, 0, 0, -1, 0, 842] }))
      .toEqual([{ x1: 100, y1: 200, x2: 400, y2: 200 }]);
  });
});
