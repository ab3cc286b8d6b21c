/**
 * Where `extract` spends its time on the 100-page plan of `npm run bench:extraction`: runs extract on
 * the plan's text (of the .txt unless another format is named) for some seconds in a child process
 * started with `node --cpu-prof`, then lists, from the profile, the functions with the most self time
 * in the samples taken inside extract() (file:line in the TypeScript source, through the source maps
 * tsx gives), and the time of each stage extract calls. The profile is kept in
 * bench/.cache/extraction/profile/ (open it in Chrome's DevTools or VS Code).
 *
 *   npm run bench:extraction-profile [-- docx|pdf]    # PROFILE_SECONDS=5 PROFILE_TOP=25
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { findSourceMap } from "node:module";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { extract } from "../src/extraction/extract.js";
import { readDocument } from "../src/extraction/read.js";
import { CACHE_DIR, largeInputs } from "./extraction-inputs.js";

const SECONDS = Number(process.env.PROFILE_SECONDS ?? 5);
const TOP = Number(process.env.PROFILE_TOP ?? 25);
const root = fileURLToPath(new URL("..", import.meta.url));
const here = fileURLToPath(import.meta.url);
const format = (process.argv.slice(2).find((a) => /^(txt|docx|pdf)$/.test(a)) ?? "txt") as "txt" | "docx" | "pdf";

async function text(): Promise<string> {
  const inputs = await largeInputs();
  const input = inputs[format];
  if (!input) throw new Error(inputs.pdfSkipped ?? `no .${format}`);
  return readDocument(input.file, input.bytes);
}

interface CallFrame { functionName: string; url: string; lineNumber: number; columnNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

/** The TypeScript sources, to find where a regular expression V8 reports by its pattern ("RegExp: ...") is written. */
let sources: { file: string; lines: string[] }[] | null = null;
function regexpSource(pattern: string): string {
  sources ??= readdirSync(join(root, "src"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .map((f) => ({ file: join("src", f), lines: readFileSync(join(root, "src", f), "utf8").split("\n") }));
  // The pattern's start, else a long alternative of it (a pattern joined from pieces: the piece's line).
  const probes = [pattern.slice(0, 40), ...pattern.split("|").filter((p) => p.length >= 20).map((p) => p.slice(0, 40))];
  for (const probe of probes) {
    const hits = sources.flatMap(({ file, lines }) => lines.flatMap((l, i) => (l.includes(probe) ? [`${file}:${i + 1}`] : [])));
    // The same pattern written in several places: V8 names them alike, so all are candidates.
    if (hits.length) return hits.length > 1 ? `${hits[0]} (or ${hits.slice(1, 3).join(", ")}${hits.length > 3 ? ", ..." : ""})` : hits[0];
  }
  return "";
}

/** "src/extraction/tasks.ts:212" for a frame of a module tsx compiled (its source map), else its own URL and line. */
function where(frame: CallFrame): string {
  if (frame.functionName.startsWith("RegExp: ")) return regexpSource(frame.functionName.slice("RegExp: ".length));
  if (!frame.url) return "";
  const map = frame.url.startsWith("file:") ? findSourceMap(frame.url) : undefined;
  const entry = map?.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string; originalLine?: number } | undefined;
  const source = entry?.originalSource ?? frame.url;
  const line = entry?.originalSource ? entry.originalLine! + 1 : frame.lineNumber + 1;
  const file = source.startsWith("file:") ? relative(root, fileURLToPath(source)) : source;
  return `${file}:${line}`;
}

function summarize(profile: Profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const isExtract = (n: ProfileNode) => n.callFrame.functionName === "extract" && /\/src\/extraction\/extract\.ts$/.test(n.callFrame.url);
  // For each node: the extract() frame above it, if any, and the stage (extract's direct callee) it is in.
  const inside = new Map<number, { stage: ProfileNode | null } | null>();
  const classify = (id: number): { stage: ProfileNode | null } | null => {
    if (inside.has(id)) return inside.get(id)!;
    const node = byId.get(id)!;
    let result: { stage: ProfileNode | null } | null = null;
    if (isExtract(node)) result = { stage: null };
    else if (parent.has(id)) {
      const up = classify(parent.get(id)!);
      if (up) result = { stage: up.stage ?? node };
    }
    inside.set(id, result);
    return result;
  };
  const self = new Map<string, { name: string; where: string; us: number }>();
  const stages = new Map<string, { name: string; where: string; us: number }>();
  let extractUs = 0, totalUs = 0, gcUs = 0;
  const add = (m: typeof self, frame: CallFrame, us: number) => {
    const w = where(frame), key = `${frame.functionName}@${w}`;
    const name = frame.functionName.length > 60 ? `${frame.functionName.slice(0, 57)}...` : frame.functionName || "(anonymous)";
    const e = m.get(key) ?? { name: name.replace(/\|/g, "\\|"), where: w, us: 0 };
    e.us += us;
    m.set(key, e);
  };
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    totalUs += us;
    const node = byId.get(id)!;
    if (node.callFrame.functionName === "(garbage collector)") gcUs += us;
    const c = classify(id);
    if (!c) return;
    extractUs += us;
    add(self, node.callFrame, us);
    add(stages, (c.stage ?? node).callFrame, us);
  });
  const ms = (us: number) => (us / 1000).toFixed(0);
  const pct = (us: number) => `${((100 * us) / extractUs).toFixed(1)}%`;
  console.log(`\nsamples inside extract(): ${ms(extractUs)} ms of ${ms(totalUs)} ms profiled; garbage collection (not counted inside): ${ms(gcUs)} ms\n`);
  console.log(`| self time in extract() | where | ms | share |\n|---|---|---:|---:|`);
  for (const e of [...self.values()].sort((a, b) => b.us - a.us).slice(0, TOP)) console.log(`| ${e.name} | ${e.where} | ${ms(e.us)} | ${pct(e.us)} |`);
  const files = new Map<string, number>();
  for (const e of self.values()) { const f = e.where.replace(/:\d+.*$/, "") || "(native, or a pattern not found in src/)"; files.set(f, (files.get(f) ?? 0) + e.us); }
  console.log(`\n| self time by file | ms | share |\n|---|---:|---:|`);
  for (const [f, us] of [...files].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`| ${f} | ${ms(us)} | ${pct(us)} |`);
  console.log(`\n| stage (called by extract) | where | ms | share |\n|---|---|---:|---:|`);
  for (const e of [...stages.values()].sort((a, b) => b.us - a.us).filter((e) => e.us >= extractUs / 200)) console.log(`| ${e.name} | ${e.where} | ${ms(e.us)} | ${pct(e.us)} |`);
}

if (process.argv.includes("--child")) {
  // In the profiled process: warm up, then extract again and again.
  const t = await text();
  for (let i = 0; i < 3; i++) extract(t, "plan");
  let passes = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < SECONDS * 1000) { extract(t, "plan"); passes++; }
  const ms = (performance.now() - t0) / passes;
  console.log(`${passes} passes of extract on the .${format} text (${(Buffer.byteLength(t) / 1024).toFixed(0)} KB): ${ms.toFixed(1)} ms a pass, ${(Buffer.byteLength(t) / 1048576 / (ms / 1000)).toFixed(2)} MB/s (under the profiler)`);
} else {
  await text(); // generates the inputs here, not in the profiled process
  const dir = join(CACHE_DIR, "profile");
  const name = `extract-${format}.cpuprofile`;
  mkdirSync(dir, { recursive: true });
  rmSync(join(dir, name), { force: true });
  execFileSync(process.execPath, ["--cpu-prof", `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${name}`, "--import", "tsx", here, "--child", format], { stdio: "inherit", cwd: root });
  summarize(JSON.parse(readFileSync(join(dir, name), "utf8")));
  console.log(`\nprofile: ${relative(root, join(dir, name))}`);
}
