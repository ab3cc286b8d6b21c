/**
 * The large input of `npm run bench:extraction`: a plan of about 100 pages in the genre, as .txt,
 * .docx and .pdf, generated into bench/.cache/extraction/ (git-ignored) and generated again when a
 * file is missing or any of its sources has changed (this file, the corpus's markup.ts, build.ts and
 * src/*.ts).
 *
 * The plan is made of the development corpus (test/extraction/corpus): the frame (header block, title,
 * opening "Thực hiện ..." clause, signature block with *Nơi nhận*) is one provincial plan's, and its
 * body is the sections of the corpus's plans (reports left out), repeated part after part: "PHẦN I.
 * <the source's excerpt>" then the source's own sections from its first heading on (headings, task
 * paragraphs, bullets, targets, footnotes renumbered through the whole plan), and each source's
 * appendix (indicator table, task table in a landscape section) moved after the signature as "PHỤ
 * LỤC I", "PHỤ LỤC II", ... "(Kèm theo Kế hoạch số ...)". The .txt and .docx are written by the
 * corpus's own build (toText, toDocx), the .pdf by LibreOffice from the .docx, as the corpus's are.
 * The number of parts is set so that the PDF has about 100 pages (checked with pdfinfo; the count is
 * adjusted once and the build redone when LibreOffice lays it out to more than 5 pages off).
 *
 *   node --import tsx bench/extraction-inputs.ts [--force]   # prints the files, their sizes and pages
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { toDocx, toText } from "../test/extraction/corpus/build.js";
import { type CorpusDocument, formatCounter, type LevelSpec, PLAN_LEVELS } from "../test/extraction/corpus/markup.js";
import { DOCUMENTS } from "../test/extraction/corpus/src/index.js";

export const TARGET_PAGES = 100;
/** Parts to start from (one corpus plan's sections each; about 2 pages a part with LibreOffice 7.4). */
const DEFAULT_PARTS = 46;
/** The document whose header, title, opening and signature frame the plan. */
const FRAME = "kh-ubnd-do-thi-tuyen-quang";
/**
 * The corpus documents the plan is cut from: those of 2026-12-06 that have sections, fixed, so that the benchmark reads
 * the same text as the corpus grows and its figures stay comparable from one session to the next.
 */
const SOURCES = new Set([
  "nq-cp-chuong-trinh-giao-duc", "kh-ubnd-do-thi-tuyen-quang", "kh-bnnmt-chuyen-doi-so", "kh-ubnd-xa-cai-cach-hanh-chinh",
  "kh-ubnd-nhan-luc-gia-lai", "kh-ubnd-du-an-trong-diem-quang-ngai", "ctr-tu-khoa-hoc-cong-nghe", "qd-ubnd-giam-ngheo",
]);
/** Word's numbering levels of the plan (@n1-@n3, @p1-@p3), those of most corpus plans. */
const LEVELS = PLAN_LEVELS;

const root = fileURLToPath(new URL("..", import.meta.url));
export const CACHE_DIR = join(root, "bench/.cache/extraction");
const BASE = "plan-100-pages";

export interface LargeInputs {
  txt: { file: string; bytes: Buffer };
  docx: { file: string; bytes: Buffer };
  /** Null when LibreOffice is missing; pages null when pdfinfo is. */
  pdf: { file: string; bytes: Buffer; pages: number | null } | null;
  /** Why there is no PDF, when there is none. */
  pdfSkipped?: string;
  parts: number;
  appendices: number;
  footnotes: number;
}

/** Roman numerals past 39 too (the corpus's formatCounter stops at X). */
function roman(n: number): string {
  if (n < 40) return formatCounter(n, "upperRoman");
  let s = "";
  for (const [v, r] of [[100, "C"], [90, "XC"], [50, "L"], [40, "XL"]] as const) while (n >= v) { s += r; n -= v; }
  return s + (n ? formatCounter(n, "upperRoman") : "");
}

const sameLevels = (a: LevelSpec[], b: LevelSpec[]) => a.length === b.length && a.every((l, i) => l.format === b[i].format && l.text === b[i].text);
const isHeading = (line: string) => /^@(h|hi|n1)\s/.test(line);

interface Source { name: string; excerpt: string; body: string[]; appendices: { landscape: boolean; lines: string[] }[] }

/**
 * One corpus plan cut into what the large plan repeats: its sections (from its first heading to its
 * signature, numbering levels brought to LEVELS) and its appendices (a title "PHỤ LỤC" and what follows).
 * The parts before the first heading (opening, "Căn cứ" lines, a resolution's articles) and the
 * signature blocks are left out.
 */
function cut(doc: CorpusDocument): Source {
  const levels = doc.levels ?? LEVELS;
  // A plan whose Word numbering starts with Roman sections (I., 1., a)): its sections become written
  // headings "I. ..." and its lower levels move up one.
  const romanFirst = levels[0]?.format === "upperRoman";
  if (!romanFirst && !sameLevels(levels, LEVELS)) throw new Error(`${doc.name}: numbering levels the large plan cannot take`);
  const lines = doc.body.split("\n").map((l) => l.trim()).filter(Boolean);
  const pieces: { lines: string[]; landscape: boolean }[] = [];
  let landscape = false, inSign = false, sections = 0;
  for (const line of lines) {
    if (line === "@sign") { inSign = true; continue; }
    if (inSign) { if (line === "@end") inSign = false; continue; }
    if (line === "@landscape" || line === "@portrait") { landscape = line === "@landscape"; continue; }
    if (line.startsWith("@title ") || !pieces.length) pieces.push({ lines: [], landscape });
    let l = line;
    if (romanFirst) {
      const m = /^@([np])([123])\s+(.*)$/.exec(l);
      if (m && m[2] === "1") l = m[1] === "n" ? `@h ${roman(++sections)}. ${m[3]}` : `@p1 ${m[3]}`;
      else if (m && m[2] === "2") l = `@${m[1]}1 ${m[3]}`;
    }
    pieces[pieces.length - 1].lines.push(l);
  }
  const field = (p: string[], cmd: string) => p.find((l) => l.startsWith(`@${cmd} `))?.slice(cmd.length + 2) ?? "";
  const body: string[] = [], appendices: Source["appendices"] = [];
  let excerpt = "";
  for (const p of pieces) {
    if (/^@title PHỤ LỤC\b/.test(p.lines[0])) {
      appendices.push({ landscape: p.landscape, lines: p.lines.slice(1).filter((l) => !/^@(centeri|center|pagebreak|header)\b/.test(l)) });
      continue;
    }
    const first = p.lines.findIndex(isHeading);
    if (first < 0) continue;
    // What the sections are about: the plan's excerpt, or the programme's name ("CHƯƠNG TRÌNH HÀNH ĐỘNG của Chính phủ ...").
    const title = field(p.lines, "title");
    excerpt ||= title && title !== "KẾ HOẠCH" ? `${title} ${field(p.lines, "subtitle").replace(/^Của\b/, "của")}` : field(p.lines, "subtitle");
    body.push(...p.lines.slice(first).filter((l) => !/^@(title|subtitle|center|centeri|pagebreak|header)\b/.test(l)));
  }
  if (!body.length) throw new Error(`${doc.name}: no sections`);
  return { name: doc.name, excerpt, body, appendices };
}

/** Footnote numbers [^N] and "@fn N" moved by `offset`; returns the lines and the highest number. */
function renumberFootnotes(lines: string[], offset: number): { lines: string[]; last: number } {
  let last = offset;
  const move = (n: string) => { const k = Number(n) + offset; last = Math.max(last, k); return String(k); };
  return {
    lines: lines.map((l) => l.replace(/\[\^(\d+)\]/g, (_, n: string) => `[^${move(n)}]`).replace(/^@fn (\d+)/, (_, n: string) => `@fn ${move(n)}`)),
    last,
  };
}

/** The large plan as a corpus document of `parts` parts. */
export function largePlan(parts: number): { doc: CorpusDocument; appendices: number; footnotes: number } {
  const frame = DOCUMENTS.find((d) => d.name === FRAME);
  if (!frame) throw new Error(`no corpus document ${FRAME}`);
  const plans = DOCUMENTS.filter((d) => SOURCES.has(d.name)).map(cut);
  const frameLines = frame.body.split("\n").map((l) => l.trim()).filter(Boolean);
  const firstHeading = frameLines.findIndex(isHeading);
  const opening = frameLines.slice(0, firstHeading);
  const sign = frameLines.slice(frameLines.indexOf("@sign"), frameLines.indexOf("@end", frameLines.indexOf("@sign")) + 1);
  const issued = /ngày .*$/.exec(frame.header.date)?.[0] ?? "";
  const attached = `@centeri (Kèm theo Kế hoạch ${frame.header.number.replace(/^Số:\s*/, "số ")} ${issued} của Ủy ban nhân dân tỉnh)`;

  const body: string[] = [...opening];
  const annex: string[] = [];
  let footnote = 0, appendix = 0, landscape = false;
  for (let k = 0; k < parts; k++) {
    const src = plans[k % plans.length];
    const moved = renumberFootnotes(src.body, footnote);
    footnote = moved.last;
    body.push(`@h PHẦN ${roman(k + 1)}. ${src.excerpt.toUpperCase()}`, ...moved.lines);
    for (const a of src.appendices) {
      if (a.landscape !== landscape) annex.push(a.landscape ? "@landscape" : "@portrait");
      else annex.push("@pagebreak");
      landscape = a.landscape;
      const ap = renumberFootnotes(a.lines, footnote);
      footnote = ap.last;
      annex.push(`@title PHỤ LỤC ${roman(++appendix)}`, ...ap.lines.slice(0, 1), attached, ...ap.lines.slice(1));
    }
  }
  const doc: CorpusDocument = {
    name: BASE,
    what: `A plan of about ${TARGET_PAGES} pages made of the development corpus's plans (bench/extraction-inputs.ts)`,
    header: frame.header,
    levels: LEVELS,
    bullets: frame.bullets,
    body: [...body, ...sign, ...annex].join("\n"),
  };
  return { doc, appendices: appendix, footnotes: footnote };
}

/** What the generated files depend on: when any of it changes, they are generated again. */
function sourcesKey(): string {
  const corpus = join(root, "test/extraction/corpus");
  const files = [
    fileURLToPath(import.meta.url), join(corpus, "markup.ts"), join(corpus, "build.ts"),
    ...readdirSync(join(corpus, "src")).filter((f) => f.endsWith(".ts")).sort().map((f) => join(corpus, "src", f)),
  ];
  const hash = createHash("sha256");
  for (const f of files) hash.update(f).update(readFileSync(f));
  return hash.digest("hex").slice(0, 16);
}

const hasSoffice = () => { try { execFileSync("soffice", ["--version"], { stdio: "pipe" }); return true; } catch { return false; } };
/** The PDF's page count by pdfinfo (poppler), null without it. */
export function pdfPages(file: string): number | null {
  try {
    return Number(/^Pages:\s+(\d+)/m.exec(execFileSync("pdfinfo", [file], { encoding: "utf8", stdio: "pipe" }))?.[1]) || null;
  } catch {
    return null;
  }
}

/** The .docx converted by LibreOffice, as test/extraction/corpus/build.ts does it (a profile of its own). */
function convertToPdf(docx: string, pdf: string) {
  const out = mkdtempSync(join(tmpdir(), "bench-pdf-"));
  try {
    execFileSync("soffice", [`-env:UserInstallation=file://${out}/profile`, "--headless", "--convert-to", "pdf", "--outdir", out, docx], { stdio: "pipe", timeout: 300_000 });
    renameSync(join(out, `${BASE}.pdf`), pdf);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

interface Manifest { key: string; parts: number; pages: number | null; appendices: number; footnotes: number }

async function write(parts: number, pdf: boolean): Promise<Omit<Manifest, "key">> {
  const plan = largePlan(parts);
  writeFileSync(join(CACHE_DIR, `${BASE}.txt`), toText(plan.doc));
  writeFileSync(join(CACHE_DIR, `${BASE}.docx`), await toDocx(plan.doc));
  let pages: number | null = null;
  if (pdf) {
    convertToPdf(join(CACHE_DIR, `${BASE}.docx`), join(CACHE_DIR, `${BASE}.pdf`));
    pages = pdfPages(join(CACHE_DIR, `${BASE}.pdf`));
  }
  return { parts, pages, appendices: plan.appendices, footnotes: plan.footnotes };
}

/** The three files, generated first when missing or out of date (`force`: always). */
export async function largeInputs(options: { force?: boolean; log?: (s: string) => void } = {}): Promise<LargeInputs> {
  const log = options.log ?? ((s: string) => console.error(s));
  const key = sourcesKey();
  const file = (ext: string) => join(CACHE_DIR, `${BASE}.${ext}`);
  const manifestFile = join(CACHE_DIR, "manifest.json");
  const soffice = hasSoffice();
  let manifest: Manifest | null = existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, "utf8")) : null;
  // Complete: the files of these sources, and the PDF unless LibreOffice was missing then and still is.
  const complete = manifest?.key === key && existsSync(file("txt")) && existsSync(file("docx")) && (existsSync(file("pdf")) || !soffice);
  if (options.force || !complete) {
    mkdirSync(CACHE_DIR, { recursive: true });
    rmSync(file("pdf"), { force: true });
    log(`generating the ${TARGET_PAGES}-page plan in ${CACHE_DIR} (.txt, .docx${soffice ? ", .pdf with LibreOffice" : ""}) ...`);
    const t0 = performance.now();
    let m = await write(manifest?.key === key ? manifest.parts : DEFAULT_PARTS, soffice);
    if (m.pages === null && soffice) log("  pdfinfo (poppler) is missing: the PDF's pages are not checked");
    if (m.pages !== null && Math.abs(m.pages - TARGET_PAGES) > 5) {
      const parts = Math.max(1, Math.round((m.parts * TARGET_PAGES) / m.pages));
      log(`  ${m.parts} parts gave ${m.pages} pages; again with ${parts} parts`);
      m = await write(parts, true);
    }
    manifest = { ...m, key };
    writeFileSync(manifestFile, JSON.stringify(manifest, null, 1));
    log(`  done in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${m.parts} parts, ${m.appendices} appendices, ${m.footnotes} footnotes${m.pages !== null ? `, ${m.pages} PDF pages` : ""}`);
  }
  const m = manifest!;
  const inputs: LargeInputs = {
    txt: { file: file("txt"), bytes: readFileSync(file("txt")) },
    docx: { file: file("docx"), bytes: readFileSync(file("docx")) },
    pdf: null,
    parts: m.parts, appendices: m.appendices, footnotes: m.footnotes,
  };
  if (existsSync(file("pdf"))) {
    const pages = pdfPages(file("pdf")) ?? m.pages;
    if (pages !== null && Math.abs(pages - TARGET_PAGES) > 10) log(`WARNING: the PDF has ${pages} pages, not about ${TARGET_PAGES}`);
    inputs.pdf = { file: file("pdf"), bytes: readFileSync(file("pdf")), pages };
  } else {
    inputs.pdfSkipped = "LibreOffice (soffice) is not installed: the PDF case is skipped (install LibreOffice to measure it)";
  }
  return inputs;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const inputs = await largeInputs({ force: process.argv.includes("--force") });
  for (const f of [inputs.txt, inputs.docx, inputs.pdf]) {
    if (f) console.log(`${f.file}: ${(f.bytes.length / 1024).toFixed(0)} KB${"pages" in f ? `, ${f.pages} pages` : ""}`);
  }
  if (inputs.pdfSkipped) console.log(inputs.pdfSkipped);
}
