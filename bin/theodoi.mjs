#!/usr/bin/env node
// Runs theodoi from its server bundle (dist/server/main.mjs), built here with esbuild when it is missing or older
// than its sources: importing the TypeScript through tsx at every start took 1.3-1.8 s, the bundle loads in about
// 0.15 s. Dependencies stay in node_modules (not bundled). When the bundle cannot be built, the sources run through
// tsx as before. THEODOI_FROM_SOURCES=1 always runs the sources.
import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const bundle = join(root, "dist/server/main.mjs");

/** The newest modification time under a file or directory. */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), stat.mtimeMs);
}

async function bundled() {
  if (process.env.THEODOI_FROM_SOURCES === "1") return null;
  const sources = [join(root, "src"), join(root, "package-lock.json")].filter(existsSync);
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= Math.max(...sources.map(newest))) return bundle;
  try {
    const { build } = await import("esbuild");
    mkdirSync(join(root, "dist/server"), { recursive: true });
    // Written aside and renamed: two instances started together never load a half-written bundle.
    const partial = `${bundle}.${process.pid}.tmp`;
    await build({
      entryPoints: [join(root, "src/cli/main.ts")], outfile: partial, bundle: true, platform: "node", format: "esm",
      target: `node${process.versions.node.split(".")[0]}`, packages: "external", sourcemap: "inline", logLevel: "error",
    });
    renameSync(partial, bundle);
    return bundle;
  } catch (e) {
    console.error(`theodoi: the server bundle could not be built (${e instanceof Error ? e.message : e}); running the sources`);
    return null;
  }
}

const entry = await bundled();
if (entry) await import(pathToFileURL(entry).href);
else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli/main.ts");
}
