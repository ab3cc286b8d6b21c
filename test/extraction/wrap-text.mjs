#!/usr/bin/env node
/**
 * Plain text as it reaches users wrapped at a fixed width, to score the extractor on it (score.sh) and to
 * test the text reader's unwrapping (src/extraction/unwrap.test.ts):
 *
 * - "web" (the default): as a copy of a legal-document web page gives it: each paragraph's first line cut
 *   short (the page's markup took the rest of its source line), the rest wrapped at 80 characters;
 * - "pdf": as text saved from a PDF gives it: every line filled to about the same printed width, which is
 *   not the same number of characters (capitals and "m" are wide, "i" and "t" narrow).
 *
 * Table rows ("a | b | c") and lines that fit are left as they are. The cut of each first line is drawn
 * from a seeded sequence, so the same text always wraps the same way.
 *
 *   node test/extraction/wrap-text.mjs [--pdf] OUT_DIR FILE...
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";

/** A narrow glyph counts less than a wide one in "pdf" mode (Times New Roman's widths, roughly, in average characters). */
const glyphWidth = (c) => (/[iljtf.,;:'()\s]/.test(c) ? 0.6 : /[mwMW]/.test(c) ? 1.5 : /\p{Lu}/u.test(c) ? 1.3 : 1);
const printedWidth = (s) => [...s].reduce((w, c) => w + glyphWidth(c), 0);

/** `text` wrapped; `mode` "web" or "pdf"; `width` in characters (web) or printed width (pdf). */
export function wrapText(text, mode = "web", width = 80) {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const measure = mode === "pdf" ? printedWidth : (s) => s.length;
  const wrapLine = (line) => {
    if (measure(line) <= width || line.includes("|")) return [line];
    const lines = [];
    let current = "";
    let limit = mode === "web" ? 10 + Math.floor(random() * 25) : width;
    for (const word of line.split(/ +/)) {
      if (current && measure(`${current} ${word}`) > limit) { lines.push(current); current = word; limit = width; }
      else current = current ? `${current} ${word}` : word;
    }
    if (current) lines.push(current);
    return lines;
  };
  return text.split("\n").flatMap(wrapLine).join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const mode = args[0] === "--pdf" ? (args.shift(), "pdf") : "web";
  const [out, ...files] = args;
  if (!out || !files.length) { console.error("usage: wrap-text.mjs [--pdf] OUT_DIR FILE..."); process.exit(2); }
  mkdirSync(out, { recursive: true });
  for (const file of files) writeFileSync(join(out, basename(file)), wrapText(readFileSync(file, "utf8"), mode, mode === "pdf" ? 85 : 80));
}
