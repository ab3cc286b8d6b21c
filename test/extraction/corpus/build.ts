/**
 * Writes the development corpus from its sources (src/*.ts): for each document <name>.txt (as a
 * plain-text conversion gives it), <name>.docx (laid out as officials lay documents out) and
 * <name>.pdf (the .docx converted by LibreOffice).
 *
 *   node --import tsx test/extraction/corpus/build.ts [--no-pdf] [NAME...]
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  AlignmentType, BorderStyle, Document, FootnoteReferenceRun, Header as WordHeader, LevelFormat, LevelSuffix, Packer,
  PageNumber, PageOrientation, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType,
  type ISectionOptions,
} from "docx";
import { type Block, type CorpusDocument, type Inline, Numbering, parse } from "./markup.js";
import { DOCUMENTS } from "./src/index.js";

const here = dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------- plain text

const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";
const sup = (n: number) => String(n).split("").map((d) => SUPERSCRIPT[Number(d)]).join("");
const plain = (xs: Inline[]) => xs.map((x) => ("footnote" in x ? sup(x.footnote) : x.text)).join("");
const refs = (xs: Inline[]) => xs.flatMap((x) => ("footnote" in x ? [x.footnote] : []));

export function toText(doc: CorpusDocument): string {
  const { blocks, footnotes } = parse(doc.body);
  const out: string[] = [];
  const h = doc.header;
  if (h.txt === "rows") {
    const n = Math.max(h.left.length, h.right.length);
    for (let i = 0; i < n; i++) out.push([h.left[i] ?? "", h.right[i] ?? ""].join(" | ").trim());
    out.push(`${h.number} | ${h.date}`);
    for (const v of h.vv ?? []) out.push(v);
  } else {
    out.push(...h.left, "", ...h.right, "", h.number, "", h.date);
    if (h.vv) out.push("", ...h.vv);
  }
  out.push("");
  const numbering = new Numbering(doc.levels ?? []);
  for (const b of blocks) {
    switch (b.t) {
      case "title": case "subtitle": case "center": case "centeri": case "p": case "i":
        out.push(plain(b.text)); break;
      case "h": case "hi":
        numbering.restart(); out.push(plain(b.text)); break;
      case "num":
        out.push(`${numbering.next(b.level)} ${plain(b.text)}`); break;
      case "bullet":
        out.push(`${b.level ? "+" : "-"} ${plain(b.text)}`); break;
      case "table":
        for (const row of b.rows) {
          if (row.kind === "group") out.push(row.cells.map((c) => c.text).join(" | "));
          // A merged cell's text is in its first row only, as a conversion of the table gives it.
          else out.push(row.cells.map((c) => (c.continued ? "" : c.text)).join(" | "));
        }
        break;
      case "sign":
        out.push(...b.left, "", ...b.right.map((r) => r).filter((r, i, a) => r || a[i - 1]));
        break;
      case "header":
        out.push(...b.left, "", ...b.right);
        break;
      case "pagebreak": case "section":
        break;
    }
    // Footnotes follow the paragraph that refers to them, as at the foot of its page.
    if ("text" in b && Array.isArray(b.text)) for (const n of refs(b.text)) out.push(`${sup(n)} ${footnotes.get(n)}`);
    out.push("");
  }
  return out.join("\n").replace(/\n{3,}/g, "\n\n").trim() + "\n";
}

// ---------------------------------------------------------------- Word

const FONT = "Times New Roman";
const pt = (n: number) => n * 2;
const mm = (n: number) => Math.round((n * 1440) / 25.4);
const PORTRAIT = { width: mm(210), height: mm(297), margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(20) } };
const LANDSCAPE = { width: mm(297), height: mm(210), margin: { top: mm(20), bottom: mm(20), left: mm(20), right: mm(20) } };
const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const LINE = { before: 0, after: 80, line: 264 };

function runs(xs: Inline[], o: { size?: number; bold?: boolean; italic?: boolean } = {}) {
  return xs.map((x) =>
    "footnote" in x
      ? new FootnoteReferenceRun(x.footnote)
      : new TextRun({ text: x.text, font: FONT, size: pt(o.size ?? 14), bold: o.bold || x.bold, italics: o.italic || x.italic }),
  );
}
const text = (s: string, o: { size?: number; bold?: boolean; italic?: boolean } = {}) => runs([{ text: s }], o);
const centred = (s: string, o: { size?: number; bold?: boolean; italic?: boolean } = {}) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0 }, children: text(s, o) });

function twoColumns(left: Paragraph[], right: Paragraph[], widths: [number, number], contentWidth: number): Table {
  const w = widths.map((p) => Math.round((contentWidth * p) / 100));
  return new Table({
    width: { size: contentWidth, type: WidthType.DXA },
    columnWidths: w,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({
      children: [left, right].map((children, i) => new TableCell({ width: { size: w[i], type: WidthType.DXA }, borders: NO_BORDERS, children })),
    })],
  });
}

function headerTable(h: CorpusDocument["header"], contentWidth: number): Table {
  const w = [Math.round(contentWidth * 0.38), contentWidth - Math.round(contentWidth * 0.38)];
  const left = h.left.map((l, i) => centred(l, { size: l.length > 18 ? 12 : 13, bold: i >= (h.plainLines ?? 0) }));
  const right = h.right.map((l, i) => centred(l, { size: i === 0 ? 12 : 13, bold: true }));
  const number = [centred(h.number, { size: 13 }), ...(h.vv ?? []).map((v) => centred(v, { size: 12 }))];
  const date = [centred(h.date, { size: 14, italic: true })];
  const cell = (children: Paragraph[], i: number) => new TableCell({ width: { size: w[i], type: WidthType.DXA }, borders: NO_BORDERS, children });
  return new Table({
    width: { size: contentWidth, type: WidthType.DXA },
    columnWidths: w,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({ children: [cell([...left, centred("")], 0), cell([...right, centred("")], 1)] }),
      new TableRow({ children: [cell(number, 0), cell(date, 1)] }),
    ],
  });
}

function dataTable(b: Extract<Block, { t: "table" }>, contentWidth: number): Table {
  const w = b.widths.map((p) => Math.round((contentWidth * p) / 100));
  return new Table({
    width: { size: contentWidth, type: WidthType.DXA },
    columnWidths: w,
    layout: TableLayoutType.FIXED,
    rows: b.rows.map((row) => new TableRow({
      tableHeader: row.kind === "header",
      cantSplit: true,
      children: row.cells.flatMap((c, col) => {
        if (c.continued) return [];
        const width = w.slice(col, col + c.colSpan).reduce((a, x) => a + x, 0);
        const bold = row.kind !== "data";
        const centre = row.kind === "header" || col === 0 || (c.text.length < 28 && row.kind === "data" && col > 1);
        return [new TableCell({
          width: { size: width, type: WidthType.DXA },
          columnSpan: c.colSpan > 1 ? c.colSpan : undefined,
          rowSpan: c.rowSpan > 1 ? c.rowSpan : undefined,
          verticalAlign: VerticalAlign.CENTER,
          margins: { left: 60, right: 60, top: 30, bottom: 30 },
          children: [new Paragraph({
            alignment: centre ? AlignmentType.CENTER : AlignmentType.LEFT,
            spacing: { before: 20, after: 20 },
            children: runs([{ text: c.text }], { size: b.size, bold }),
          })],
        })];
      }),
    })),
  });
}

export async function toDocx(doc: CorpusDocument): Promise<Buffer> {
  const { blocks, footnotes } = parse(doc.body);
  const levels = doc.levels ?? [];
  const sections: ISectionOptions[] = [];
  let children: (Paragraph | Table)[] = [];
  let landscape = false;
  const contentWidth = () => (landscape ? LANDSCAPE : PORTRAIT).width - mm(40) - (landscape ? 0 : mm(10));
  const pageNumbers = new WordHeader({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(13) })] })] });
  const closeSection = () => {
    const page = landscape ? LANDSCAPE : PORTRAIT;
    sections.push({
      properties: {
        titlePage: sections.length === 0,
        page: { size: { width: mm(210), height: mm(297), orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT }, margin: page.margin },
      },
      headers: { default: pageNumbers, first: new WordHeader({ children: [] }) },
      children,
    });
    children = [];
  };

  children.push(headerTable(doc.header, contentWidth()), new Paragraph({ children: [] }));
  const numbering = new Numbering(levels);
  const body = (xs: Inline[], o: { bold?: boolean; italic?: boolean } = {}) =>
    new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: mm(10) }, spacing: LINE, children: runs(xs, o) });
  let pageBreakBefore = false;
  for (const b of blocks) {
    const brk = pageBreakBefore; pageBreakBefore = false;
    switch (b.t) {
      case "title":
        children.push(new Paragraph({ pageBreakBefore: brk, alignment: AlignmentType.CENTER, spacing: { before: 240, after: 0 }, children: runs(b.text, { bold: true }) })); break;
      case "subtitle":
        children.push(new Paragraph({ pageBreakBefore: brk, alignment: AlignmentType.CENTER, spacing: { before: 0, after: 120 }, children: runs(b.text, { bold: true }) })); break;
      case "center": case "centeri":
        children.push(new Paragraph({ pageBreakBefore: brk, alignment: AlignmentType.CENTER, spacing: { before: 0, after: 120 }, children: runs(b.text, { italic: b.t === "centeri" }) })); break;
      case "h": case "hi":
        numbering.restart();
        children.push(new Paragraph({ pageBreakBefore: brk, alignment: AlignmentType.JUSTIFIED, indent: { firstLine: mm(10) }, spacing: LINE, keepNext: true, children: runs(b.text, { bold: true, italic: b.t === "hi" }) })); break;
      case "num":
        numbering.next(b.level);
        children.push(new Paragraph({
          pageBreakBefore: brk,
          alignment: AlignmentType.JUSTIFIED,
          spacing: LINE,
          keepNext: b.heading,
          numbering: { reference: "outline", level: b.level, instance: numbering.instance },
          run: { bold: b.heading, font: FONT, size: pt(14) },
          children: runs(b.text, { bold: b.heading }),
        })); break;
      case "p": case "i":
        children.push(new Paragraph({ pageBreakBefore: brk, alignment: AlignmentType.JUSTIFIED, indent: { firstLine: mm(10) }, spacing: LINE, children: runs(b.text, { italic: b.t === "i" }) })); break;
      case "bullet":
        if (doc.bullets === "word") children.push(new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: LINE, numbering: { reference: "bullets", level: b.level }, children: runs(b.text) }));
        else children.push(body([{ text: b.level ? "+ " : "- " }, ...b.text]));
        break;
      case "table":
        children.push(dataTable(b, contentWidth()), new Paragraph({ spacing: { before: 0, after: 0 }, children: [] })); break;
      case "sign": {
        const left = b.left.map((l, i) => new Paragraph({
          spacing: { before: 0, after: 0 },
          children: text(l, i === 0 ? { size: 12, bold: true, italic: true } : { size: 11 }),
        }));
        const right = b.right.map((l, i) => centred(l, { size: 14, bold: l !== "" && (i < b.right.length - 1 ? true : true) }));
        children.push(new Paragraph({ spacing: { before: 120, after: 0 }, children: [] }), twoColumns(left, right, [45, 55], contentWidth()));
        break;
      }
      case "header":
        children.push(new Paragraph({ pageBreakBefore: brk, children: [] }), twoColumns(
          b.left.map((l) => centred(l, { size: 13, bold: true })),
          b.right.map((l, i) => centred(l, { size: i === 0 ? 12 : 13, bold: true })),
          [38, 62], contentWidth(),
        ));
        break;
      case "pagebreak":
        pageBreakBefore = true; break;
      case "section":
        closeSection(); landscape = b.landscape; break;
    }
  }
  closeSection();

  const level = (i: number) => ({
    level: i,
    format: { decimal: LevelFormat.DECIMAL, upperRoman: LevelFormat.UPPER_ROMAN, lowerLetter: LevelFormat.LOWER_LETTER }[levels[i]?.format ?? "decimal"],
    text: levels[i]?.text ?? `%${i + 1}.`,
    alignment: AlignmentType.LEFT,
    suffix: LevelSuffix.SPACE,
    style: { paragraph: { indent: { left: 0, firstLine: mm(10) } }, run: { font: FONT, size: pt(14) } },
  });
  const bullet = (i: number) => ({
    level: i,
    format: LevelFormat.BULLET,
    text: i === 0 ? "-" : "+",
    alignment: AlignmentType.LEFT,
    suffix: LevelSuffix.SPACE,
    style: { paragraph: { indent: { left: 0, firstLine: mm(10) } }, run: { font: FONT, size: pt(14) } },
  });
  const document = new Document({
    creator: "theodoi corpus",
    title: doc.name,
    styles: { default: { document: { run: { font: FONT, size: pt(14) } } } },
    numbering: {
      config: [
        { reference: "outline", levels: [0, 1, 2].map(level) },
        { reference: "bullets", levels: [0, 1].map(bullet) },
      ],
    },
    footnotes: Object.fromEntries([...footnotes].map(([n, t]) => [n, { children: [new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: text(t, { size: 12 }) })] }])),
    sections,
  });
  return Packer.toBuffer(document);
}

// ---------------------------------------------------------------- main

async function main() {
  const args = process.argv.slice(2);
  const pdf = !args.includes("--no-pdf");
  const names = args.filter((a) => !a.startsWith("--"));
  const docs = DOCUMENTS.filter((d) => !names.length || names.includes(d.name));
  const docxFiles: string[] = [];
  for (const doc of docs) {
    writeFileSync(join(here, `${doc.name}.txt`), toText(doc));
    const file = join(here, `${doc.name}.docx`);
    writeFileSync(file, await toDocx(doc));
    docxFiles.push(file);
    console.log(`${doc.name}: .txt .docx`);
  }
  if (pdf && docxFiles.length) {
    const out = mkdtempSync(join(tmpdir(), "corpus-pdf-"));
    try {
      // A profile of its own, so that a LibreOffice already open elsewhere does not take the job.
      execFileSync("soffice", [`-env:UserInstallation=file://${out}/profile`, "--headless", "--convert-to", "pdf", "--outdir", out, ...docxFiles], { stdio: "pipe" });
      for (const f of docxFiles) {
        const base = f.replace(/^.*\//, "").replace(/\.docx$/, ".pdf");
        readFileSync(join(out, base));
        copyFileSync(join(out, base), join(here, base));
        console.log(`${base}`);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
