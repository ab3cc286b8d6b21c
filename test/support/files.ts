/**
 * Files that must be refused, built in memory: a ZIP whose sizes lie (a .docx zip bomb), a deflate
 * stream of many megabytes of zeros that is never held whole, and minimal hand-written PDFs.
 */
import { constants, deflateRawSync } from "node:zlib";

/** A ZIP written by hand, so that its sizes can lie. */
export function zip(entries: { name: string; data: Buffer; method: 0 | 8; size: number }[], count = entries.length): Buffer {
  const locals: Buffer[] = [], centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data, method, size } of entries) {
    const fileName = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(method, 8);
    local.writeUInt32LE(data.length, 18); local.writeUInt32LE(size, 22); local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(method, 10);
    central.writeUInt32LE(data.length, 20); central.writeUInt32LE(size, 24); central.writeUInt16LE(fileName.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += 30 + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(count, 8); end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directory.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * A deflate stream of `megabytes` MB of zeros, without ever holding them: a sync-flushed block of
 * 1 MB ends on a byte boundary and only refers back to zeros, so copies of it can be chained.
 */
export function zeros(megabytes: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1 << 20), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array<Buffer>(megabytes).fill(block), Buffer.from([0x03, 0x00])]); // + an empty final block
}

/** A page's content stream: PDF operators as text, or bytes with the dictionary entries that say how to decode them ("/Filter /FlateDecode"). */
export type PdfContent = string | { data: Buffer; filter: string };

/** A minimal valid PDF, one content stream per page, Helvetica (no embedded font), exact xref offsets. */
export function pdf(pages: PdfContent[]): Buffer {
  const objects: Buffer[] = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [${pages.map((_, i) => `${4 + 2 * i} 0 R`).join(" ")}] /Count ${pages.length} >>`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
  ].map((o) => Buffer.from(o, "latin1"));
  pages.forEach((content, i) => {
    const { data, filter } = typeof content === "string" ? { data: Buffer.from(content, "latin1"), filter: "" } : content;
    objects.push(Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * i} 0 R >>`, "latin1"));
    objects.push(Buffer.concat([Buffer.from(`<< /Length ${data.length}${filter ? ` ${filter}` : ""} >>\nstream\n`, "latin1"), data, Buffer.from("\nendstream", "latin1")]));
  });
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n", "latin1")];
  let length = parts[0].length;
  const offsets = objects.map((object, i) => {
    const at = length;
    const written = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, "latin1"), object, Buffer.from("\nendobj\n", "latin1")]);
    parts.push(written);
    length += written.length;
    return at;
  });
  let tail = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  tail += offsets.map((at) => `${String(at).padStart(10, "0")} 00000 n \n`).join("");
  tail += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`;
  return Buffer.concat([...parts, Buffer.from(tail, "latin1")]);
}

/** Lines of text from the top of a page, 14 points apart, in Helvetica 12 pt (ASCII: the standard font's encoding has no Vietnamese). */
export const textPage = (lines: string[]) => `BT /F1 12 Tf 14 TL 72 770 Td ${lines.map((l) => `(${l}) Tj T*`).join(" ")} ET`;
