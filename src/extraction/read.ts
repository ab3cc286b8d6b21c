/**
 * Reading an uploaded file into text: .txt, .docx or .pdf. The first bytes decide over the name,
 * so that a PDF renamed .txt is read as a PDF and an old binary Word file gets a message saying
 * how to convert it; the name decides only for plain text, which has no signature.
 */
import { extname } from "node:path";
import { readDocx } from "./read-docx.js";
import { readPdf } from "./read-pdf.js";
import { readText, UnreadableFileError, withoutControls } from "./read-text.js";
import { unwrapParagraphs } from "./unwrap.js";

export { UnreadableFileError } from "./read-text.js";

export const ACCEPTED_EXTENSIONS = [".docx", ".pdf", ".txt"] as const;
const ACCEPTED = { vi: "Word (.docx), PDF có lớp chữ (.pdf) hoặc văn bản thuần (.txt, UTF-8)", en: "Word (.docx), PDF with a text layer (.pdf) or plain text (.txt, UTF-8)" };

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);
/** "%PDF-" may follow some junk, within the first kilobyte. */
const isPdf = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).includes("%PDF-");

export async function readDocument(name: string, bytes: Uint8Array): Promise<string> {
  const text = withoutControls(await readByFormat(name, bytes));
  // Zero-width spaces, joiners, non-breaking spaces and the like are no content: a text of nothing else would be an empty draft.
  if (!/[\p{L}\p{N}]/u.test(text)) {
    throw new UnreadableFileError("invisible", {
      vi: "Tệp chỉ có khoảng trắng và ký tự vô hình, không có chữ hay số nào; hãy mở tệp kiểm tra lại nội dung, hoặc tải lên bản gốc",
      en: "The file holds only spaces and invisible characters, no letter or digit; open it and check its content, or upload the original",
    });
  }
  return text;
}

async function readByFormat(name: string, bytes: Uint8Array): Promise<string> {
  const ext = extname(name).toLowerCase();
  if (bytes.length === 0) throw new UnreadableFileError("empty", { vi: "Tệp rỗng (0 byte); hãy chọn lại tệp", en: "The file is empty (0 bytes); choose the file again" });
  // (A PDF converted to Word has a paragraph per printed line: its paragraphs are made one line again, as a wrapped text's are.)
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return unwrapParagraphs(await readDocx(bytes));
  if (isPdf(bytes)) return readPdf(bytes);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    // The compound file format: Word 97-2003 (.doc), and also any Office file saved with a password.
    throw new UnreadableFileError("unsupported", {
      vi: "Tệp Word định dạng cũ (.doc) hoặc tệp Office có đặt mật khẩu; hãy mở bằng Word, bỏ mật khẩu nếu có, rồi lưu dưới dạng .docx (File > Save As > Word Document)",
      en: "An old Word file (.doc) or a password-protected Office file; open it in Word, remove any password, and save it as .docx (File > Save As > Word Document)",
    });
  }
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) {
    throw new UnreadableFileError("unsupported", { vi: "Tệp định dạng RTF; hãy mở bằng Word và lưu dưới dạng .docx", en: "An RTF file; open it in Word and save it as .docx" });
  }
  if (ext === ".docx") {
    throw new UnreadableFileError("corrupt", {
      vi: "Tệp không phải tệp Word .docx hợp lệ (có thể bị hỏng hoặc đổi đuôi); hãy mở bằng Word và lưu lại dưới dạng .docx",
      en: "The file is not a valid Word .docx (damaged, or renamed); open it in Word and save it again as .docx",
    });
  }
  if (ext === ".pdf") {
    throw new UnreadableFileError("corrupt", {
      vi: "Tệp không phải tệp PDF hợp lệ (có thể bị hỏng hoặc đổi đuôi); hãy xuất lại PDF từ văn bản gốc",
      en: "The file is not a valid PDF (damaged, or renamed); export the PDF again from the original",
    });
  }
  if (ext === ".txt" || ext === "") return readText(bytes);
  throw new UnreadableFileError("unsupported", { vi: `Chưa đọc được tệp ${ext.slice(0, 20)}; hãy tải lên tệp ${ACCEPTED.vi}`, en: `Files ${ext.slice(0, 20)} cannot be read yet; upload ${ACCEPTED.en}` });
}
