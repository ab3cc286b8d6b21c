/**
 * Texts as a PDF converted to Word gives them: each printed line a paragraph of its own. Written with the
 * `docx` library, for score.sh to score the extractor on them (the reader must make their paragraphs whole).
 *
 *   node --import tsx test/extraction/word-lines.ts OUT_DIR FILE.txt...   # FILE.txt already wrapped (wrap-text.mjs --pdf)
 */
import { Document, Packer, Paragraph } from "docx";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";

const [out, ...files] = process.argv.slice(2);
if (!out || !files.length) { console.error("usage: word-lines.ts OUT_DIR FILE.txt..."); process.exit(2); }
mkdirSync(out, { recursive: true });
for (const file of files) {
  // (A converter writes no empty paragraph for the space between two: the printed lines alone.)
  const lines = readFileSync(file, "utf8").split("\n").filter((l) => l.trim());
  const doc = new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] });
  writeFileSync(join(out, basename(file).replace(/\.txt$/, ".docx")), await Packer.toBuffer(doc));
}
