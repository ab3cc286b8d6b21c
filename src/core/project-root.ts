/**
 * The checkout's root, where package.json is: found by walking up from this module, so that it is the same whether
 * the sources run through tsx (src/core/) or from the server's bundle (dist/server/, see bin/theodoi.mjs). Every path
 * to the project's own files (migrations, samples, the web build, workers' entry points) is taken from it.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function rootAbove(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) throw new Error(`theodoi: no package.json above ${start}`);
  }
}

export const PROJECT_ROOT = rootAbove(dirname(fileURLToPath(import.meta.url)));

/** A path inside the checkout: `projectPath("migrations")`. */
export const projectPath = (...parts: string[]) => join(PROJECT_ROOT, ...parts);

/**
 * The entry point `name` bundled beside the server's bundle (dist/server/NAME.mjs, built with it by bin/theodoi.mjs), when
 * `serverModuleUrl` (a module's `import.meta.url`) is that bundle; null when the sources run through tsx.
 */
export const bundledBeside = (serverModuleUrl: string, name: string) =>
  serverModuleUrl.endsWith("/dist/server/main.mjs") ? projectPath(`dist/server/${name}.mjs`) : null;
