/**
 * Extraction throughput: `extract(text)` on the sample documents, against a baseline measured in
 * the same run — one regular-expression pass splitting the same text into sentences — so the ratio
 * holds whatever the machine. The two are measured in alternating rounds and the ratio is the median
 * of the rounds' ratios: a change in the machine's load (the other core busy, the clock scaling)
 * then weighs on both sides of a ratio instead of on one.
 *
 *   npm run bench:extraction            # BENCH_ROUNDS=7 BENCH_SECONDS=1 BENCH_PASSES=10 by default
 *
 * Goals: at least 2 MB/s, and no slower than 20 times the baseline. Prints a table, writes
 * bench/results/extraction.json, and exits with 1 when a goal is missed.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { extract } from "../src/extraction/extract.js";
import { readText } from "../src/extraction/read-text.js";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const MIN_SECONDS = Number(process.env.BENCH_SECONDS ?? 1);
const MIN_PASSES = Number(process.env.BENCH_PASSES ?? 10);
const GOAL_MB_PER_S = 2;
const GOAL_RATIO = 20;
const MB = 1024 * 1024;

const seedsDir = new URL("../samples/seeds/", import.meta.url).pathname;
const samples = readdirSync(seedsDir).filter((f) => f.endsWith(".txt")).sort()
  .map((name) => ({ name, text: readText(readFileSync(join(seedsDir, name))) }));
if (!samples.length) throw new Error(`no samples in ${seedsDir}`);
const bytesOf = (texts: { text: string }[]) => texts.reduce((n, s) => n + Buffer.byteLength(s.text, "utf8"), 0);

/** Runs `pass` until both minimums are reached, after a warm-up (so the JIT has compiled it). */
function measure(pass: () => number): { passes: number; seconds: number } {
  let sink = 0;
  for (let t0 = performance.now(), i = 0; i < 3 || performance.now() - t0 < 500; i++) sink += pass();
  let passes = 0;
  const t0 = performance.now();
  while (passes < MIN_PASSES || performance.now() - t0 < MIN_SECONDS * 1000) { sink += pass(); passes++; }
  const seconds = (performance.now() - t0) / 1000;
  if (sink < 0) console.log(sink); // keeps the results alive
  return { passes, seconds };
}

const extractAll = (texts: typeof samples) => () => texts.reduce((n, s) => n + extract(s.text, s.name).indicators.length + 1, 0);
const SENTENCE = /(?<=[.!?;:])\s+|\n+/;
const splitAll = () => samples.reduce((n, s) => n + s.text.split(SENTENCE).reduce((m, part) => m + part.length, 0), 0);

interface Row { name: string; bytes: number; passes: number; seconds: number; mbPerSecond: number }
const run = (name: string, bytes: number, pass: () => number): Row => {
  const { passes, seconds } = measure(pass);
  return { name, bytes, passes, seconds, mbPerSecond: (bytes * passes) / MB / seconds };
};
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
/** The rounds' rows summed into one: passes and seconds add up. */
const total = (name: string, rs: Row[]): Row => {
  const passes = rs.reduce((n, r) => n + r.passes, 0), seconds = rs.reduce((n, r) => n + r.seconds, 0);
  return { name, bytes: rs[0].bytes, passes, seconds, mbPerSecond: (rs[0].bytes * passes) / MB / seconds };
};

const totalBytes = bytesOf(samples);
const rounds: { baseline: Row; extract: Row; ratio: number }[] = [];
for (let r = 0; r < ROUNDS; r++) {
  const baseline = run("baseline", totalBytes, splitAll);
  const all = run("extract", totalBytes, extractAll(samples));
  rounds.push({ baseline, extract: all, ratio: baseline.mbPerSecond / all.mbPerSecond });
}
const rows = [
  total(`baseline: one-regex sentence split (${samples.length} samples, ${ROUNDS} rounds)`, rounds.map((r) => r.baseline)),
  total(`extract (${samples.length} samples, ${ROUNDS} rounds)`, rounds.map((r) => r.extract)),
  ...samples.map((s) => run(`extract ${s.name}`, bytesOf([s]), extractAll([s]))),
];
const all = rows[1];
const ratios = rounds.map((r) => r.ratio);
const ratio = median(ratios);
const goals = [
  { goal: `extract ≥ ${GOAL_MB_PER_S} MB/s`, value: `${all.mbPerSecond.toFixed(2)} MB/s`, met: all.mbPerSecond >= GOAL_MB_PER_S },
  { goal: `within ${GOAL_RATIO}× of the baseline (median of the rounds)`, value: `${ratio.toFixed(1)}×`, met: ratio <= GOAL_RATIO },
];

console.log(`\n${samples.length} samples, ${(totalBytes / 1024).toFixed(0)} KB of UTF-8; ${ROUNDS} alternating rounds of at least ${MIN_PASSES} passes and ${MIN_SECONDS} s each; MB = 2^20 bytes\n`);
console.log("| case | KB | passes | s | MB/s |\n|---|---:|---:|---:|---:|");
for (const r of rows) console.log(`| ${r.name} | ${(r.bytes / 1024).toFixed(0)} | ${r.passes} | ${r.seconds.toFixed(2)} | ${r.mbPerSecond.toFixed(2)} |`);
console.log(`\nratio per round: ${ratios.map((x) => `${x.toFixed(1)}×`).join(", ")}`);
console.log("\n| goal | measured | met |\n|---|---:|---|");
for (const g of goals) console.log(`| ${g.goal} | ${g.value} | ${g.met ? "yes" : "NO"} |`);

mkdirSync(new URL("./results", import.meta.url), { recursive: true });
writeFileSync(new URL("./results/extraction.json", import.meta.url), JSON.stringify({
  date: new Date().toISOString(), node: process.version, samples: samples.map((s) => s.name), totalBytes, rows, ratios, ratio, goals,
}, null, 1));
if (goals.some((g) => !g.met)) process.exitCode = 1;
