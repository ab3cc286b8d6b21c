/**
 * Reading a Word .docx upload into text: one line per paragraph, Word's automatic list numbers put
 * back (docx-numbering.ts), one line per table row with cells joined by " | " (but the header and
 * signature blocks, laid out as tables, read cell by cell), footnotes and endnotes as "[1] …" (the
 * marker segment.ts recognises) after the paragraph that calls for them. mammoth converts the document
 * to simple HTML, which is turned into lines here; the archive is checked first (zip.ts), since
 * mammoth would inflate a zip bomb without limit.
 */
import mammoth from "mammoth";
import { numberingLabels } from "./docx-numbering.js";
import { isLayoutTable } from "./segment.js";
import { sizeLimit, UnreadableFileError } from "./read-text.js";
import { checkZip } from "./zip.js";

export const MAX_DOCX_BYTES = 20 * 1024 * 1024;
export const DOCX_LIMITS = {
  totalBytes: 200 * 1024 * 1024,
  // mammoth parses an XML part into a DOM tree: a 6.4 MB document.xml (2.6 million characters of
  // text, some 1,000 pages) took 4.7 s and 470 MB of memory here. A 100-page plan's is 1-3 MB.
  // (Images hardly compress, so within 20 MB of .docx they stay under this too.)
  entryBytes: 16 * 1024 * 1024,
  entries: 5000,
};

/** Each entry of `tables` is the table being read at that depth (a cell may hold a table). */
interface TableState {
  rows: string[][];
  row: string[] | null;
  /** The cell being read: its paragraphs separated by "\n". */
  cell: string | null;
  column: number;
  /** Cells merged down (rowspan) still covering later rows, by column: their text goes into each row they cover. */
  spans: ({ text: string | null; rows: number } | undefined)[];
  /** How far the cell being read extends. */
  merged: { columns: number; rows: number };
  /** The notes whose markers stand in the table. */
  notes: string[];
}

/** A line of the body, with the notes (footnotes, endnotes) whose markers stand in it. */
interface BodyLine { text: string; notes: string[] }

const decode = (s: string) => s.replace(/&(lt|gt|quot|amp);/g, (_, e: string) => ({ lt: "<", gt: ">", quot: '"', amp: "&" })[e]!);
const collapse = (s: string) => s.replace(/\s+/g, " ").trim();
const paragraphsOf = (cell: string) => cell.split("\n").map(collapse).filter(Boolean);
const BLOCK = /^(p|h[1-6]|li|ol|ul|blockquote)$/;

/**
 * Lines of the HTML mammoth writes: a small, regular subset (no comments or scripts; "<" always
 * escaped in text, though ">" may stand in a quoted attribute such as a link's address).
 * Footnotes and endnotes follow the line holding their marker, as "[n] ..." (mammoth writes them
 * at the end, after the signature, where the body's reading stops).
 */
export function htmlToLines(html: string): string[] {
  const body: BodyLine[] = [];
  const notes = new Map<string, string[]>();
  const tables: TableState[] = [];
  let line = "", lineNotes: string[] = [], inBackLink = false;
  let note: { key: string; lines: string[] } | null = null;
  let marker = ""; // "[n] " before the first line of the n-th note
  let noteCount = 0;
  const emit = (text: string, refs: string[] = []) => {
    if (note) { note.lines.push(marker + text); marker = ""; } else body.push({ text, notes: refs });
  };
  const flush = () => { const t = line.trim(); if (t) emit(t, lineNotes); else if (lineNotes.length && body.length) body[body.length - 1].notes.push(...lineNotes); line = ""; lineNotes = []; };
  const append = (s: string) => { const t = tables.at(-1); if (t && t.cell !== null) t.cell += s; else line += s; };
  const fillSpans = (t: TableState, upTo: number) => {
    for (let span = t.spans[t.column]; t.column < upTo && span && span.rows > 0; span = t.spans[t.column]) {
      t.row!.push(span.text ?? "");
      span.rows--;
      t.column++;
    }
  };
  const endTable = (t: TableState) => {
    const outer = tables.at(-1);
    if (outer && outer.cell !== null) {
      // A table in a cell: its rows are part of the cell's text.
      for (const r of t.rows) outer.cell += ` ${r.map((c) => paragraphsOf(c).join(" ")).join(" | ")}\n`;
      outer.notes.push(...t.notes);
      return;
    }
    // A layout table (header or signature block) is read cell by cell, each paragraph a line, as if
    // it were not there: a row read as "ỦY BAN NHÂN DÂN TỈNH | CỘNG HÒA ..." hides the number, date and signer.
    if (isLayoutTable(t.rows)) {
      for (const r of t.rows) for (const c of r) for (const p of paragraphsOf(c)) emit(p);
    } else {
      for (const r of t.rows) emit(r.map((c) => paragraphsOf(c).join(" ")).join(" | "));
    }
    if (t.notes.length && body.length) body[body.length - 1].notes.push(...t.notes);
  };

  for (const [, close, tag, attrs, text] of html.matchAll(/<(\/?)([a-z0-9]+)((?:[^>"]|"[^"]*")*)>|([^<]+)/g)) {
    const table = tables.at(-1);
    const inCell = table !== undefined && table.cell !== null;
    if (text !== undefined) { if (!inBackLink) append(decode(text)); continue; }
    if (tag === "br") { if (inCell) append(" "); else flush(); }
    else if (tag === "a") {
      // mammoth's "↑" link from a note back to its reference.
      inBackLink = !close && /href="#(foot|end)note-ref-/.test(attrs);
      const ref = !close && /id="((?:foot|end)note)-ref-(\d+)"/.exec(attrs);
      if (ref) (inCell ? table!.notes : lineNotes).push(`${ref[1]}-${ref[2]}`);
    } else if (BLOCK.test(tag)) {
      if (inCell) append("\n");
      else {
        flush();
        const opens = !close && /id="((?:foot|end)note)-(\d+)"/.exec(attrs);
        if (tag === "li" && opens) {
          note = { key: `${opens[1]}-${opens[2]}`, lines: [] };
          notes.set(note.key, note.lines);
          marker = `[${++noteCount}] `;
        } else if (tag === "li" && close && note) note = null;
      }
    } else if (tag === "table") {
      if (!close) {
        if (!inCell) flush();
        tables.push({ rows: [], row: null, cell: null, column: 0, spans: [], merged: { columns: 1, rows: 1 }, notes: [] });
      } else if (table) endTable(tables.pop()!);
    } else if (table && tag === "tr") {
      if (!close) { table.row = []; table.column = 0; continue; }
      fillSpans(table, table.spans.length);
      const cells = table.row ?? [];
      table.row = null;
      if (cells.some((c) => c.trim())) table.rows.push(cells);
    } else if (table?.row && (tag === "td" || tag === "th")) {
      if (!close) {
        fillSpans(table, Infinity);
        table.cell = "";
        // (Word has at most 63 columns: a larger span is a crafted file's, and is read as 63.)
        table.merged = { columns: Math.min(63, Number(attrs.match(/colspan="(\d+)"/)?.[1] ?? 1)), rows: Number(attrs.match(/rowspan="(\d+)"/)?.[1] ?? 1) };
        continue;
      }
      const cellText = paragraphsOf(table.cell ?? "").join("\n");
      table.cell = null;
      const { columns, rows } = table.merged;
      // A cell merged across columns is written once, the columns it covers left empty (so that every row
      // keeps the header's columns); one merged down is repeated in each row it covers.
      table.row.push(cellText, ...new Array<string>(columns - 1).fill(""));
      for (let c = 0; c < columns; c++) table.spans[table.column + c] = rows > 1 ? { text: c === 0 ? cellText : null, rows: rows - 1 } : undefined;
      table.column += columns;
    }
  }
  flush();
  // Each note after the line of its first marker; a note no marker calls for stays at the end.
  const lines: string[] = [];
  const placed = new Set<string>();
  const place = (key: string) => { if (!placed.has(key)) { placed.add(key); lines.push(...(notes.get(key) ?? [])); } };
  for (const { text, notes: refs } of body) { lines.push(text); refs.forEach(place); }
  for (const key of notes.keys()) place(key);
  return lines;
}

export async function readDocx(bytes: Uint8Array): Promise<string> {
  if (bytes.length > MAX_DOCX_BYTES) {
    const said = sizeLimit(bytes.length, MAX_DOCX_BYTES, { vi: "Tệp .docx", en: "The .docx" });
    throw new UnreadableFileError("too_large", { vi: `${said.vi}. Hãy bớt hình ảnh hoặc tách tệp`, en: `${said.en}. Remove images or split the file` });
  }
  const parts = checkZip(bytes, DOCX_LIMITS, (name) => /\.(xml|rels)$/i.test(name));
  // Word never writes a document type declaration: one in a part can only be there to define entities
  // (a file's contents pulled in, or a billion laughs), so the file is refused before any parser sees it.
  for (const [name, content] of parts) {
    if (/<!(DOCTYPE|ENTITY)/i.test(content.toString("latin1"))) {
      throw new UnreadableFileError("corrupt", {
        vi: `Tệp .docx bị từ chối: phần ${JSON.stringify(name.slice(0, 60))} có khai báo DOCTYPE/ENTITY mà Word không bao giờ viết (tệp có thể đã bị sửa đổi độc hại); hãy mở bằng Word, lưu lại rồi tải lên`,
        en: `The .docx is refused: its part ${JSON.stringify(name.slice(0, 60))} holds a DOCTYPE/ENTITY declaration Word never writes (it may have been tampered with); open it in Word, save it again and upload it`,
      });
    }
  }
  const xml = (name: string) => parts.get(`word/${name}.xml`)?.toString("utf8") ?? "";
  const labels = numberingLabels(xml("document"), xml("numbering"), xml("styles"));

  let html: string;
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }, {
      // Images are not text: never read them (their src is left empty).
      convertImage: mammoth.images.imgElement(async () => ({ src: "" })),
      transformDocument: (document: MammothElement) => addListLabels(document, labels),
    });
    html = result.value;
  } catch (e) {
    if (e instanceof RangeError) {
      // The parser's recursion ran out of stack: elements nested thousands deep, which no Word document has.
      throw new UnreadableFileError("too_complex", {
        vi: "Tệp .docx quá phức tạp để đọc: các phần tử lồng nhau quá sâu (như bảng trong bảng hàng nghìn lớp); hãy mở bằng Word, lưu lại hoặc chia nhỏ văn bản rồi tải lên",
        en: "The .docx is too complex to read: its elements nest too deep (tables within tables thousands of levels down); open it in Word, save it again or split it, and upload it",
      });
    }
    if (/main document part/i.test(String((e as Error)?.message))) {
      throw new UnreadableFileError("unsupported", {
        vi: "Tệp không chứa văn bản Word (có thể là tệp Excel, PowerPoint hoặc tệp nén khác đổi đuôi .docx); hãy tải lên văn bản Word (.docx) hoặc PDF",
        en: "The file holds no Word document (perhaps an Excel, PowerPoint or other archive renamed .docx); upload the Word document (.docx) or a PDF",
      });
    }
    throw new UnreadableFileError("corrupt", {
      vi: "Không đọc được nội dung tệp .docx (tệp bị hỏng); hãy mở bằng Word và lưu lại dưới dạng .docx",
      en: "The .docx cannot be read (it is damaged); open it in Word and save it again as .docx",
    });
  }
  const text = htmlToLines(html).join("\n").normalize("NFC");
  if (!text.trim()) throw new UnreadableFileError("empty", { vi: "Tệp .docx không có nội dung chữ (có thể chỉ có ảnh quét); hãy tải lên văn bản có chữ", en: "The .docx holds no text (perhaps only scanned images); upload a document with text" });
  return text;
}

/** The parts of mammoth's document tree used here (mammoth's types leave the tree untyped). */
interface MammothElement { type: string; children?: MammothElement[]; numbering?: { level: string; isOrdered: boolean } | null; value?: string }

/**
 * Puts each recomputed list label before its paragraph's text, only if the recomputed list matches
 * mammoth's numbered paragraphs one for one (count, level, ordered or not).
 */
function addListLabels(document: MammothElement, labels: ReturnType<typeof numberingLabels>): MammothElement {
  const numbered: MammothElement[] = [];
  const walk = (e: MammothElement) => {
    if (e.type === "paragraph" && e.numbering) numbered.push(e);
    e.children?.forEach(walk);
  };
  walk(document);
  const agree = numbered.length === labels.length &&
    numbered.every((p, i) => Number(p.numbering!.level) === labels[i].level && p.numbering!.isOrdered === labels[i].isOrdered);
  if (!agree) return document;
  numbered.forEach((paragraph, i) => {
    const first = firstText(paragraph);
    if (first && labels[i].label) first.value = `${labels[i].label} ${first.value}`;
  });
  return document;
}

function firstText(e: MammothElement): MammothElement | undefined {
  if (e.type === "text" && e.value) return e;
  for (const child of e.children ?? []) { const found = firstText(child); if (found) return found; }
  return undefined;
}
