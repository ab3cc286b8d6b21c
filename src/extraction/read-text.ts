/**
 * Reading a plain-text upload: UTF-8 (with or without BOM) or UTF-16 (by BOM, or by the zero
 * bytes of ASCII characters), normalised to NFC. Anything else is refused with a message a user
 * can act on; the extractor only ever sees valid text.
 */
import { megabytes } from "../text/numbers.js";
import { withoutMarkdown } from "./markdown.js";
import { tabsAsCells } from "./tab-cells.js";
import { barLinesAsRows } from "./bar-cells.js";
import { unwrapParagraphs } from "./unwrap.js";

export type UnreadableReason =
  | "binary" | "encoding" | "empty" | "too_large" | "nul_bytes" | "invisible"
  | "corrupt" | "zip_bomb" | "encrypted" | "needs_ocr" | "too_many_pages" | "unsupported"
  | "too_many_items" // more tasks or figures than any real document holds (extract.ts)
  | "too_complex"; // the reading process ran out of memory or time (read-isolated.ts)

/** A message in both languages: Vietnamese first, English on request. */
export interface Bilingual { vi: string; en: string }

/**
 * A file that cannot be read, with a reason a program can branch on and a message, in Vietnamese and
 * English, that names the problem (and the limit crossed) and says what to do.
 */
export class UnreadableFileError extends Error {
  constructor(readonly reason: UnreadableReason, readonly messages: Bilingual) {
    super(messages.vi);
    this.name = "UnreadableFileError";
  }
}

/**
 * Without control characters other than tab, newline and form feed (page breaks): a Word `&#0;` or an unmapped PDF glyph is never
 * text; nor are zero-width spaces and joiners, a byte order mark inside the text or a soft hyphen (text copied from web pages).
 */
export const withoutControls = (text: string) => text.replace(/[\u0000-\u0008\u000b\u000d-\u001f\u00ad\u200b-\u200d\u2060\ufeff]/g, "");

/** "giới hạn 20 MB" / "the limit is 20 MB". */
export const sizeLimit = (bytes: number, limit: number, what: Bilingual): Bilingual => ({
  vi: `${what.vi} quá lớn (${megabytes(bytes)}); giới hạn ${megabytes(limit)}`,
  en: `${what.en} is too large (${megabytes(bytes, "en")}); the limit is ${megabytes(limit, "en")}`,
});

export const MAX_TEXT_BYTES = 20 * 1024 * 1024;

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  return new TextDecoder(littleEndian ? "utf-16le" : "utf-16be", { fatal: true }).decode(bytes);
}

/** Which UTF-16 byte order the zero bytes of mostly-ASCII text reveal, if any. */
function guessUtf16(bytes: Uint8Array): "le" | "be" | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let evenZeros = 0, oddZeros = 0;
  for (let i = 0; i < n; i += 2) { if (bytes[i] === 0) evenZeros++; if (bytes[i + 1] === 0) oddZeros++; }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return "le";
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return "be";
  return null;
}

/** Control characters other than tab, newlines and form feed, in the first 64 K characters. */
const controlCount = (text: string) => text.slice(0, 65536).match(/[\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0;
const binary = () => new UnreadableFileError("binary", {
  vi: "Tệp không phải văn bản (có vẻ là tệp nhị phân, như ảnh hay tệp nén, bị đổi đuôi .txt); hãy tải lên tệp gốc (.docx, .pdf) hoặc lưu văn bản dưới dạng .txt mã UTF-8",
  en: "The file is not text (it looks like a binary file, such as an image or an archive, renamed .txt); upload the original (.docx, .pdf) or save the text as UTF-8 .txt",
});

export function readText(bytes: Uint8Array): string {
  if (bytes.length > MAX_TEXT_BYTES) {
    const said = sizeLimit(bytes.length, MAX_TEXT_BYTES, { vi: "Tệp văn bản", en: "The text file" });
    throw new UnreadableFileError("too_large", { vi: `${said.vi}. Hãy tách văn bản thành nhiều tệp`, en: `${said.en}. Split the document into several files` });
  }
  let text: string;
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) text = decodeUtf16(bytes.subarray(2), true);
    else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = decodeUtf16(bytes.subarray(2), false);
    else {
      const utf16 = guessUtf16(bytes);
      text = utf16 ? decodeUtf16(bytes, utf16 === "le") : new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    }
  } catch {
    // Control bytes in text that is not Unicode either: a binary file (an image, an archive) renamed .txt.
    if (controlCount(Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 65536)).toString("latin1")) > 8) throw binary();
    throw new UnreadableFileError("encoding", {
      vi: "Tệp văn bản không ở mã UTF-8 hay UTF-16 (có thể là mã TCVN3/VNI cũ); hãy mở tệp và lưu lại với mã UTF-8 (Unicode), hoặc tải lên bản .docx",
      en: "The text file is neither UTF-8 nor UTF-16 (perhaps an old TCVN3/VNI encoding); open it and save it as UTF-8 (Unicode), or upload the .docx",
    });
  }
  if (controlCount(text) > 8) throw binary();
  const nul = text.indexOf("\u0000");
  if (nul >= 0) {
    // A few zero bytes in otherwise good text: a file damaged in copying, or saved in an encoding that is not detected.
    const line = text.slice(0, nul).split("\n").length;
    throw new UnreadableFileError("nul_bytes", {
      vi: `Tệp văn bản chứa ký tự rỗng (NUL, mã 0) ở dòng ${line}: tệp có thể bị hỏng hoặc lưu sai mã; hãy mở tệp, xoá ký tự đó hoặc lưu lại với mã UTF-8 rồi tải lên`,
      en: `The text file holds a NUL character (code 0) on line ${line}: it may be damaged or saved in the wrong encoding; open it, remove that character or save it again as UTF-8, and upload it`,
    });
  }
  text = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").normalize("NFC");
  if (!text.trim()) throw new UnreadableFileError("empty", { vi: "Tệp không có nội dung chữ; hãy kiểm tra lại tệp đã chọn", en: "The file holds no text; check that you chose the right file" });
  // A conversion to Markdown adds marks that are no words; a table copied from Word comes as rows of tab-parted cells, and one
  // copied from a web page cell by cell between bars, both written as the other readers write rows; text copied from a web page
  // or saved from a PDF comes wrapped at a fixed width: its paragraphs are made one line again.
  return unwrapParagraphs(tabsAsCells(withoutMarkdown(barLinesAsRows(text))));
}
