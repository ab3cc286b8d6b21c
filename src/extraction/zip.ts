/**
 * Checking an uploaded ZIP (a .docx) before a library unpacks it: jszip, inside mammoth, inflates
 * whatever an entry holds with no limit, so a small file could expand to gigabytes. Here every
 * entry is actually inflated, each capped at its declared size, and the sizes are added up; the
 * declared sizes are only a first, cheap refusal, since a crafted file can lie in them.
 *
 * The central directory is located the way jszip does it (last end-of-directory signature, offsets
 * shifted by any bytes prepended to the archive), so the entries checked here are the ones jszip reads.
 */
import { inflateRawSync } from "node:zlib";
import { megabytes } from "../text/numbers.js";
import { UnreadableFileError, type Bilingual } from "./read-text.js";

export interface ZipLimits {
  /** All entries together, as inflated. */
  totalBytes: number;
  /**
   * Any one entry. Not only the ones named .xml: the package's relationships may point a parser at
   * any entry, and a parser builds a tree many times the size of the XML it reads.
   */
  entryBytes: number;
  entries: number;
}

const corrupt = (detail: Bilingual) => new UnreadableFileError("corrupt", {
  vi: `Tệp bị hỏng hoặc không phải tệp Word .docx hợp lệ (${detail.vi}); hãy mở tệp bằng Word và lưu lại dưới dạng .docx`,
  en: `The file is damaged or not a valid Word .docx (${detail.en}); open it in Word and save it again as .docx`,
});
const bomb = (detail: Bilingual) => new UnreadableFileError("zip_bomb", {
  vi: `Tệp .docx bị từ chối vì nội dung nén giải ra quá lớn (${detail.vi}); tệp có thể đã bị sửa đổi độc hại. Hãy mở bằng Word, lưu lại rồi tải lên`,
  en: `The .docx is refused because its compressed content expands too far (${detail.en}); it may have been tampered with. Open it in Word, save it again and upload it`,
});
const overTotal = (limit: number): Bilingual => ({ vi: `tổng dung lượng giải nén vượt ${megabytes(limit)}`, en: `all entries together expand beyond ${megabytes(limit, "en")}` });
const overDeclared = (name: string, size: number): Bilingual => ({
  vi: `${shown(name)} giải ra nhiều hơn kích thước khai báo ${size} byte`, en: `${shown(name)} expands beyond its declared ${size} bytes`,
});
/** An entry's name as a message shows it: a crafted one may be 64 KB of anything. */
const shown = (name: string) => JSON.stringify(name.length > 60 ? `${name.slice(0, 60)}…` : name);

/**
 * Inflates every entry within the limits and returns the contents of the entries `keep` asks for;
 * throws UnreadableFileError ("corrupt" or "zip_bomb") otherwise.
 */
export function checkZip(bytes: Uint8Array, limits: ZipLimits, keep: (name: string) => boolean = () => false): Map<string, Buffer> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > buf.length) throw corrupt({ vi: "không tìm thấy mục lục của tệp nén", en: "no archive directory found" });
  const count = buf.readUInt16LE(eocd + 10), cdSize = buf.readUInt32LE(eocd + 12), cdOffset = buf.readUInt32LE(eocd + 16);
  // ZIP64 markers (as jszip detects them): no .docx within the upload limit needs them.
  const markers = [4, 6, 8, 10].map((o) => buf.readUInt16LE(eocd + o) === 0xffff);
  if (markers.some(Boolean) || cdOffset === 0xffffffff || cdSize === 0xffffffff) throw corrupt({ vi: "định dạng ZIP64 không được hỗ trợ", en: "ZIP64 is not supported" });
  const shift = eocd - (cdOffset + cdSize); // bytes prepended to the archive, as jszip allows
  if (shift < 0) throw corrupt({ vi: "mục lục sai vị trí", en: "the directory is misplaced" });

  const kept = new Map<string, Buffer>();
  let declaredTotal = 0, total = 0;
  let at = cdOffset + shift;
  const entries = [];
  // Like jszip, read every consecutive directory record, whatever count the end record declares.
  while (at + 4 <= buf.length && buf.readUInt32LE(at) === 0x02014b50) {
    if (entries.length >= limits.entries) throw bomb({ vi: `hơn ${limits.entries} mục`, en: `more than ${limits.entries} entries` });
    if (at + 46 > buf.length) throw corrupt({ vi: "mục lục hỏng", en: "the directory is damaged" });
    const nameLength = buf.readUInt16LE(at + 28);
    const entry = {
      flags: buf.readUInt16LE(at + 8), method: buf.readUInt16LE(at + 10),
      compressedSize: buf.readUInt32LE(at + 20), size: buf.readUInt32LE(at + 24),
      localOffset: buf.readUInt32LE(at + 42) + shift,
      name: buf.toString("utf8", at + 46, at + 46 + nameLength),
    };
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    if (entry.size > limits.entryBytes) throw bomb({
      vi: `${shown(entry.name)} giải ra ${megabytes(entry.size)}, giới hạn ${megabytes(limits.entryBytes)}`,
      en: `${shown(entry.name)} expands to ${megabytes(entry.size, "en")}, the limit is ${megabytes(limits.entryBytes, "en")}`,
    });
    declaredTotal += entry.size;
    if (declaredTotal > limits.totalBytes) throw bomb(overTotal(limits.totalBytes));
    entries.push(entry);
  }
  if (count > 0 && entries.length === 0) throw corrupt({ vi: "mục lục hỏng", en: "the directory is damaged" });

  for (const entry of entries) {
    const { localOffset, compressedSize, size, name } = entry;
    if (entry.flags & 1) throw corrupt({ vi: `mục ${shown(name)} bị mã hoá`, en: `entry ${shown(name)} is encrypted` });
    if (localOffset + 30 > buf.length || buf.readUInt32LE(localOffset) !== 0x04034b50) throw corrupt({ vi: `mục ${shown(name)} hỏng`, en: `entry ${shown(name)} is damaged` });
    const start = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
    if (start + compressedSize > buf.length) throw corrupt({ vi: `mục ${shown(name)} bị cắt cụt`, en: `entry ${shown(name)} is truncated` });
    const data = buf.subarray(start, start + compressedSize);
    let content: Buffer;
    if (entry.method === 0) {
      if (compressedSize !== size) throw corrupt({ vi: `mục ${shown(name)} có kích thước sai`, en: `entry ${shown(name)} has a wrong size` });
      content = data;
    }
    else if (entry.method === 8) {
      try {
        // One byte more than declared: output beyond the declared size stops inflation at once.
        content = inflateRawSync(data, { maxOutputLength: size + 1 });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw bomb(overDeclared(name, size));
        throw corrupt({ vi: `không giải nén được mục ${shown(name)}`, en: `entry ${shown(name)} cannot be inflated` });
      }
    } else throw corrupt({ vi: `mục ${shown(name)} dùng kiểu nén ${entry.method} không được hỗ trợ`, en: `entry ${shown(name)} uses compression method ${entry.method}, which is not supported` });
    if (content.length > size) throw bomb(overDeclared(name, size));
    total += content.length;
    if (total > limits.totalBytes) throw bomb(overTotal(limits.totalBytes));
    if (keep(name)) kept.set(name, content);
  }
  return kept;
}
