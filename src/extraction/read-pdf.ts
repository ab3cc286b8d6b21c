/**
 * Reading a PDF upload's text layer into text: paragraphs, cells and footnotes rebuilt from the
 * positions of pdf.js text items (pdf-layout.ts), pages joined with "\f\n" so that later stages can
 * find page breaks. A scanned PDF has no text layer:
 * it is refused with a message asking for OCR rather than read as an empty document.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { TextItem } from "pdfjs-dist/types/src/display/api.js";
import { documentText, MAX_RULINGS, type PdfItem, type Ruling } from "./pdf-layout.js";
import { sizeLimit, UnreadableFileError, withoutControls } from "./read-text.js";

export const MAX_PDF_BYTES = 50 * 1024 * 1024;
export const MAX_PDF_PAGES = 500;
/** Fewer non-space characters than this per page, on average, means a scan without a text layer. */
export const MIN_CHARACTERS_PER_PAGE = 20;

// Character maps (for CID fonts using predefined encodings) and the standard fonts ship with
// pdfjs-dist; in Node they are read from its folder instead of fetched.
const pdfjsFolder = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
const folderUrl = (name: string) => join(pdfjsFolder, name) + "/";

/** A page as displayed: its size, and the transformation from its content's coordinates (pdf.js's viewport at scale 1). */
export interface Viewport { width: number; height: number; transform: number[] }

const apply = (m: ArrayLike<number>, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/**
 * Page points as the page is displayed, origin at its bottom left: a page turned by /Rotate (a landscape
 * page as print drivers write it) reads left to right and top to bottom as an upright one.
 */
const uprightOn = (viewport: Viewport) => ([x, y]: [number, number]): [number, number] => {
  const [vx, vy] = apply(viewport.transform, x, y);
  return [vx, viewport.height - vy];
};

/** pdf.js text items as positioned items, upright as the page is displayed (the empty ones, which only end lines, left out). */
export function positioned(items: TextItem[], viewport: Viewport = { width: 0, height: 0, transform: [1, 0, 0, -1, 0, 0] }): PdfItem[] {
  const out: PdfItem[] = [];
  const upright = uprightOn(viewport);
  for (const item of items) {
    if (!item.str) continue;
    const [, , c, d, tx, ty] = item.transform;
    const [x, y] = upright([tx, ty]);
    out.push({ str: item.str, x, y, width: item.width, size: item.height || Math.hypot(c, d) || 1 });
  }
  return out;
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1], m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
];

/**
 * The page's ruling lines (table borders): the straight horizontal and vertical segments of its paths,
 * in page points, as drawn through the transformations in force. Curves, and lines as long as the page
 * (a frame or a background), are no rulings.
 */
export function rulingsOf(list: { fnArray: number[]; argsArray: unknown[] }, OPS: Record<string, number>, viewport: Viewport): Ruling[] {
  const out: Ruling[] = [];
  const { width: pageWidth, height: pageHeight } = viewport;
  const upright = uprightOn(viewport);
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  const add = (ax: number, ay: number, bx: number, by: number) => {
    const [x1, y1] = upright(apply(ctm, ax, ay)), [x2, y2] = upright(apply(ctm, bx, by));
    if (Math.abs(y1 - y2) <= 0.5 && Math.abs(x1 - x2) >= 3 && Math.abs(x1 - x2) < 0.9 * pageWidth) out.push({ x1: Math.min(x1, x2), y1, x2: Math.max(x1, x2), y2: y1 });
    else if (Math.abs(x1 - x2) <= 0.5 && Math.abs(y1 - y2) >= 3 && Math.abs(y1 - y2) < 0.9 * pageHeight) out.push({ x1, y1: Math.min(y1, y2), x2: x1, y2: Math.max(y1, y2) });
  };
  for (let i = 0; i < list.fnArray.length && out.length <= MAX_RULINGS; i++) {
    const fn = list.fnArray[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, list.argsArray[i] as Matrix);
    else if (fn === OPS.constructPath) {
      // pdf.js 5: [the painting operator, [path data: moveTo 0 (x y), lineTo 1 (x y), curveTo 2 (6), quadraticCurveTo 3 (4), closePath 4], bounds].
      // A path ended without painting ("re W n": a clip) draws no line.
      const [paint, [data] = [null]] = list.argsArray[i] as [number, [ArrayLike<number> | null]];
      if (!data || paint === OPS.endPath) continue;
      let x = 0, y = 0, startX = 0, startY = 0;
      for (let k = 0; k < data.length;) {
        const op = data[k];
        if (op === 0) { x = startX = data[k + 1]; y = startY = data[k + 2]; k += 3; }
        else if (op === 1) { add(x, y, data[k + 1], data[k + 2]); x = data[k + 1]; y = data[k + 2]; k += 3; }
        else if (op === 2) { x = data[k + 5]; y = data[k + 6]; k += 7; }
        else if (op === 3) { x = data[k + 3]; y = data[k + 4]; k += 5; }
        else if (op === 4) { add(x, y, startX, startY); x = startX; y = startY; k += 1; }
        else break;
      }
    }
  }
  return out;
}

export async function readPdf(bytes: Uint8Array): Promise<string> {
  if (bytes.length > MAX_PDF_BYTES) {
    const said = sizeLimit(bytes.length, MAX_PDF_BYTES, { vi: "Tệp PDF", en: "The PDF" });
    throw new UnreadableFileError("too_large", { vi: `${said.vi}. Hãy tách tệp hoặc tải lên bản .docx`, en: `${said.en}. Split it, or upload the .docx` });
  }
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // a copy: pdf.js may transfer (detach) the buffer it is given
    isEvalSupported: false, // never compile code from a document (fonts' PostScript functions)
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    cMapUrl: folderUrl("cmaps"),
    standardFontDataUrl: folderUrl("standard_fonts"),
    wasmUrl: folderUrl("wasm"),
    stopAtErrors: false,
  });
  try {
    const doc = await task.promise;
    if (doc.numPages < 1) throw new Error("no pages");
    if (doc.numPages > MAX_PDF_PAGES) {
      throw new UnreadableFileError("too_many_pages", {
        vi: `Tệp PDF có ${doc.numPages} trang; giới hạn ${MAX_PDF_PAGES} trang. Hãy tách văn bản thành nhiều tệp`,
        en: `The PDF has ${doc.numPages} pages; the limit is ${MAX_PDF_PAGES}. Split the document into several files`,
      });
    }
    const pages: { items: PdfItem[]; width: number; rulings: Ruling[] }[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      // Unmapped glyphs come out as control characters (dropped before counting what is text); a form feed is reserved for page breaks.
      const viewport = page.getViewport({ scale: 1 });
      const items = positioned(content.items.filter((i): i is TextItem => "str" in i), viewport)
        .map((i) => ({ ...i, str: withoutControls(i.str.replace(/[\r\n]+/g, " ")).replace(/\f/g, "") }));
      pages.push({ items, width: viewport.width, rulings: rulingsOf(await page.getOperatorList(), pdfjs.OPS, viewport) });
      page.cleanup();
    }
    const text = documentText(pages).normalize("NFC");
    const characters = text.match(/\S/g)?.length ?? 0;
    if (characters < MIN_CHARACTERS_PER_PAGE * doc.numPages) {
      throw new UnreadableFileError("needs_ocr", {
        vi: `Tệp PDF là ảnh quét, gần như không có lớp chữ (${characters} ký tự trên ${doc.numPages} trang). Hãy nhận dạng ký tự (OCR) trước khi tải lên, hoặc tải lên bản .docx gốc`,
        en: `The PDF is a scan with almost no text layer (${characters} characters on ${doc.numPages} page${doc.numPages === 1 ? "" : "s"}). Run OCR on it first, or upload the original .docx`,
      });
    }
    return text;
  } catch (e) {
    if (e instanceof UnreadableFileError) throw e;
    if ((e as Error)?.name === "PasswordException") {
      throw new UnreadableFileError("encrypted", {
        vi: "Tệp PDF được đặt mật khẩu; hãy bỏ mật khẩu (hoặc xuất lại PDF không đặt mật khẩu) rồi tải lên",
        en: "The PDF is password-protected; remove the password (or export the PDF again without one) and upload it",
      });
    }
    throw new UnreadableFileError("corrupt", {
      vi: "Tệp PDF bị hỏng hoặc không phải PDF hợp lệ; hãy xuất lại tệp PDF từ văn bản gốc, hoặc tải lên bản .docx",
      en: "The PDF is damaged or not a valid PDF; export it again from the original, or upload the .docx",
    });
  } finally {
    await task.destroy();
  }
}
