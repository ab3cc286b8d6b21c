/**
 * Reading a plain-text upload: UTF-8 (with or without BOM) or UTF-16 (by BOM, or by the zero
 * bytes of ASCII characters), normalised to NFC. Anything else is refused with a message a user
 * can act on; the extractor only ever sees valid text.
 */
export type UnreadableReason =
  | "binary" | "encoding" | "empty" | "too_large"
  | "corrupt" | "zip_bomb" | "encrypted" | "needs_ocr" | "too_many_pages" | "unsupported"
  | "too_complex"; // the reading worker ran out of memory or time (read-isolated.ts)

/** A file that cannot be read, with a reason a program can branch on and a Vietnamese message a user can act on. */
export class UnreadableFileError extends Error {
  constructor(readonly reason: UnreadableReason, message: string) {
    super(message);
    this.name = "UnreadableFileError";
  }
}

export { megabytes } from "../text/numbers.js";
import { megabytes } from "../text/numbers.js";

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
const binary = () => new UnreadableFileError("binary", "Tệp không phải văn bản (có vẻ là tệp nhị phân, như ảnh hay tệp nén, bị đổi đuôi .txt)");

export function readText(bytes: Uint8Array): string {
  if (bytes.length > MAX_TEXT_BYTES) {
    throw new UnreadableFileError("too_large", `Tệp quá lớn (${megabytes(bytes.length)}); giới hạn ${megabytes(MAX_TEXT_BYTES)}`);
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
    throw new UnreadableFileError("encoding", "Tệp văn bản không ở mã UTF-8 hay UTF-16; hãy lưu lại tệp với mã UTF-8 (Unicode)");
  }
  if (controlCount(text) > 8) throw binary();
  text = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").normalize("NFC");
  if (!text.trim()) throw new UnreadableFileError("empty", "Tệp không có nội dung chữ");
  return text;
}
