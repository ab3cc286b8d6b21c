/**
 * What kind of evidence file the bytes are: PDF, PNG, JPEG, Word or Excel (new formats by the parts
 * inside the zip, checked within limits; the old binary ones by their container's streams). The name
 * and the browser's claim are never believed. Runs in the reading process (read-isolated.ts).
 */
import { UnreadableFileError } from "./read-text.js";
import { checkZip } from "./zip.js";

const startsWith = (bytes: Uint8Array, ...signature: number[]) => signature.every((b, i) => bytes[i] === b);

/** The media type the bytes are, or null when they are none of the accepted kinds. */
/** Whether the bytes are a ZIP (an Office file, or one pretending): the only kind that must be inflated to be typed. */
export const isZip = (bytes: Uint8Array) => startsWith(bytes, 0x50, 0x4b, 0x03, 0x04);

export function sniffEvidence(bytes: Uint8Array, fileName: string): string | null {
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46, 0x2d)) return "application/pdf";
  if (startsWith(bytes, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (startsWith(bytes, 0xff, 0xd8, 0xff)) return "image/jpeg";
  if (isZip(bytes)) {
    let parts: string[];
    try {
      const marks = (name: string) => name === "word/document.xml" || name === "xl/workbook.xml";
      // Inflated within limits: a zip bomb or a damaged file is refused here, not by whoever opens it later.
      parts = [...checkZip(bytes, { entries: 5000, totalBytes: 200 * 1024 * 1024, entryBytes: 100 * 1024 * 1024 }, marks).keys()];
    } catch (e) {
      if (!(e instanceof UnreadableFileError)) throw e;
      throw new UnreadableFileError(e.reason, e.reason === "zip_bomb" ? {
        vi: "Tệp Word/Excel bị từ chối vì nội dung nén giải ra quá lớn (có thể đã bị sửa đổi độc hại); hãy mở bằng Word hoặc Excel, lưu lại rồi đính kèm",
        en: "The Word/Excel file is refused because its compressed content expands too far (it may have been tampered with); open it in Word or Excel, save it again and attach it",
      } : {
        vi: "Tệp Word/Excel bị hỏng (không đọc được nội dung nén); hãy mở bằng Word hoặc Excel, lưu lại rồi đính kèm, hoặc đính kèm bản PDF",
        en: "The Word/Excel file is damaged (its compressed content cannot be read); open it in Word or Excel, save it again and attach it, or attach a PDF",
      });
    }
    if (parts.includes("word/document.xml")) return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    if (parts.includes("xl/workbook.xml")) return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    return null;
  }
  // The old binary Office formats, still common in provincial offices: an OLE container whose directory
  // names a Word or Excel stream (names are UTF-16 there), and a name that says the same.
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
    const holds = (stream: string) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(stream, "utf16le"));
    if (/\.doc$/i.test(fileName) && holds("WordDocument")) return "application/msword";
    if (/\.xls$/i.test(fileName) && (holds("Workbook") || holds("Book"))) return "application/vnd.ms-excel";
  }
  return null;
}

/** The extensions a file of each accepted type may carry. */
const EXTENSIONS: Record<string, string[]> = {
  "application/pdf": [".pdf"], "image/png": [".png"], "image/jpeg": [".jpg", ".jpeg"],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": [".docx"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [".xlsx"],
  "application/msword": [".doc"], "application/vnd.ms-excel": [".xls"],
};

/**
 * The name a file is downloaded under: its own, with the extension of the type its bytes are added when
 * its name says otherwise. A PDF named "bien-ban.hta" must not be saved, and opened, as a program.
 */
export function downloadName(fileName: string, mediaType: string): string {
  const extensions = EXTENSIONS[mediaType];
  if (!extensions || extensions.some((e) => fileName.toLowerCase().endsWith(e))) return fileName;
  return fileName + extensions[0];
}

