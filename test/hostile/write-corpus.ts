/**
 * Writes the hostile corpus (corpus.ts) to a folder, to try the files on a running server by hand:
 *   npm run hostile -- /tmp/hostile
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { HOSTILE_FILES } from "./corpus.js";

const folder = process.argv[2];
if (!folder) {
  console.error("Cách dùng / usage: npm run hostile -- DIR");
  process.exit(1);
}
mkdirSync(folder, { recursive: true });
for (const [i, file] of HOSTILE_FILES.entries()) {
  // The file system gets a tame name; the upload's own name is part of some cases (see corpus.ts).
  const name = `${String(i + 1).padStart(2, "0")}-${file.name.replace(/[^\p{L}\p{N}.-]/gu, "_").slice(0, 80)}`;
  writeFileSync(join(folder, name), file.bytes());
  console.log(`${name}\t${file.what}`);
}
