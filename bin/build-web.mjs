#!/usr/bin/env node
// Builds the web app when its build is missing or older than its sources: a second `npm start` on the
// same checkout starts at once instead of rebuilding (11-19 s) every time.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const built = join(root, "dist/web/index.html");
// (The web app imports server modules too: labels, gaps, evaluation, numbers and dates from src/.)
const sources = [join(root, "web"), join(root, "src"), join(root, "vite.config.ts"), join(root, "package-lock.json")];

/** The newest modification time under a file or directory. */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), stat.mtimeMs);
}

const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
if (builtAt < Math.max(...sources.filter(existsSync).map(newest))) {
  const vite = join(root, "node_modules/vite/bin/vite.js");
  const run = spawnSync(process.execPath, [vite, "build", "--logLevel", "warn"], { cwd: root, stdio: "inherit" });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
