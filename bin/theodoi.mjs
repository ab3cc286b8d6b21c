#!/usr/bin/env node
// Runs theodoi from its server bundle (dist/server/main.mjs), built here with esbuild when it is missing or was built
// from other sources (main.mjs.sources: the sources' paths, sizes and times): importing the TypeScript through tsx at
// every start took 1.3-1.8 s, the bundle loads in about 0.15 s. Dependencies stay in node_modules (not bundled). When the bundle cannot be built, the sources run through
// tsx as before. THEODOI_FROM_SOURCES=1 always runs the sources.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const bundle = join(root, "dist/server/main.mjs");

/** What the sources are now: each file's path, size and modification time under `src/`, and the lock file's. */
function sourcesStamp() {
  const parts = [];
  const walk = (path) => {
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path).sort()) walk(join(path, name));
    else parts.push(`${path.slice(root.length)}:${stat.size}:${stat.mtimeMs}`);
  };
  for (const path of [join(root, "src"), join(root, "package-lock.json")]) if (existsSync(path)) walk(path);
  return createHash("sha256").update(parts.join("\n")).digest("hex");
}

async function bundled() {
  if (process.env.THEODOI_FROM_SOURCES === "1") return null;
  // Built from exactly these sources, not merely after them: files copied with their old times (rsync -a, tar), or
  // edited while the bundle was being built, make it stale.
  const stamp = sourcesStamp();
  const stampFile = `${bundle}.sources`;
  // (The entries beside it too: a bundle whose writers' or readers' entry is gone is built again, or every upload would fail.)
  const beside = ["render-entry.mjs", "read-entry.mjs"].map((name) => join(root, "dist/server", name));
  if ([bundle, stampFile, ...beside].every((path) => existsSync(path)) && readFileSync(stampFile, "utf8") === stamp) return bundle;
  // Written aside and renamed: two instances started together never load a half-written bundle. The report
  // writers' worker threads (src/reports/rendering.ts) and the reading processes (src/extraction/read-isolated.ts) load their
  // own, built from the same sources.
  let aside = null;
  try {
    mkdirSync(join(root, "dist/server"), { recursive: true });
    aside = mkdtempSync(join(root, "dist/server/.build-"));
    const { build } = await import("esbuild");
    await build({
      entryPoints: [
        { in: join(root, "src/cli/main.ts"), out: "main" }, { in: join(root, "src/reports/render-entry.ts"), out: "render-entry" },
        { in: join(root, "src/extraction/read-process.ts"), out: "read-entry" },
      ],
      outdir: aside, outExtension: { ".js": ".mjs" }, bundle: true, platform: "node", format: "esm",
      target: `node${process.versions.node.split(".")[0]}`, packages: "external", sourcemap: "inline", logLevel: "error",
    });
    renameSync(join(aside, "render-entry.mjs"), join(root, "dist/server/render-entry.mjs"));
    renameSync(join(aside, "read-entry.mjs"), join(root, "dist/server/read-entry.mjs"));
    renameSync(join(aside, "main.mjs"), bundle);
    writeFileSync(join(aside, "stamp"), stamp);
    renameSync(join(aside, "stamp"), stampFile);
    return bundle;
  } catch (e) {
    console.error(`theodoi: the server bundle could not be built (${e instanceof Error ? e.message : e}); running the sources`);
    return null;
  } finally {
    if (aside) rmSync(aside, { recursive: true, force: true });
  }
}

const entry = await bundled();
if (entry) await import(pathToFileURL(entry).href);
else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli/main.ts");
}
