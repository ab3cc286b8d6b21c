/**
 * What a hostile upload does to everyone else: a bare route (/api/ping) is asked every 10 ms while the
 * real server (its own process, as in production) takes each heavy file of the hostile corpus, and its
 * latency is compared with the same pings on the idle server in the same run (issue 13: side-ping
 * p99 ≤ 50 ms while a plan of 100,000 tasks is refused). Also the server's and its reading process's
 * peak memory.
 *
 *   npm run bench:hostile               # embedded engine (PGlite)
 *   DATABASE_URL=... npm run bench:hostile
 */
import { readFileSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { HOSTILE_FILES } from "../test/hostile/corpus.js";
import { startServerProcess } from "../test/support/process.js";

const PING_EVERY_MS = 10;
const MB = 1048576;

const server = await startServerProcess();
let peak = { server: 0, readers: 0 };
const sampler = setInterval(() => {
  const m = server.memory();
  peak = { server: Math.max(peak.server, m.server), readers: Math.max(peak.readers, m.children) };
}, 10);

/**
 * Ping latencies (ms) while `work` runs. The pings are sent from a worker thread: building and sending an
 * 11 MB upload stalls this thread, which must not be counted as the server's stall.
 */
async function pingsDuring(work: () => Promise<unknown>): Promise<number[]> {
  const pinger = new Worker(`
    const { parentPort, workerData } = require("node:worker_threads");
    let done = false;
    parentPort.on("message", () => { done = true; });
    (async () => {
      const latencies = [];
      while (!done) {
        const start = performance.now();
        await (await fetch(workerData.url + "/api/ping")).arrayBuffer();
        latencies.push(performance.now() - start);
        await new Promise((r) => setTimeout(r, workerData.every));
      }
      parentPort.postMessage(latencies);
    })();`, { eval: true, workerData: { url: server.url, every: PING_EVERY_MS } });
  const latencies = new Promise<number[]>((resolve) => pinger.once("message", resolve));
  await work();
  pinger.postMessage("stop");
  const result = await latencies;
  await pinger.terminate();
  return result;
}

const upload = async (name: string, bytes: Buffer) => {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)]), name);
  const res = await fetch(`${server.url}/api/imports`, { method: "POST", body: form, headers: server.admin.headers });
  return res.status;
};
const file = (name: string) => HOSTILE_FILES.find((f) => f.name === name)!;
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

// Every file is built before its pings start: building 11 MB here would stall this process's own pings.
const [plan100k, plan6k, pdfBomb] = ["100000-nhiem-vu.txt", "6000-nhiem-vu.txt", "bom-pdf.pdf"].map((name) => file(name).bytes());
const samplePlan = readFileSync(new URL("../../shared/seeds/formats/002_157a5e8ea989fa8e.pdf", import.meta.url));
const cases: [string, () => Promise<unknown>][] = [
  ["idle (baseline)", () => new Promise((r) => setTimeout(r, 5_000))],
  ["a plan of 100,000 tasks (11 MB, refused)", () => upload("100000-nhiem-vu.txt", plan100k)],
  ["a plan of 6,000 tasks (refused after reading)", () => upload("6000-nhiem-vu.txt", plan6k)],
  ["a PDF inflating to 1 GB (refused at the memory cap)", () => upload("bom-pdf.pdf", pdfBomb)],
  ["the sample plan as PDF (accepted)", () => upload("ke-hoach-mau.pdf", samplePlan)],
  ["two of the heaviest at once", () => Promise.all([upload("a.pdf", pdfBomb), upload("b.txt", plan100k)])],
];

console.log(`engine ${process.env.DATABASE_URL ? "postgres" : "pglite"}; a ping every ${PING_EVERY_MS} ms while each upload runs`);
console.log("case".padEnd(54), "pings", "p50 ms", "p99 ms", "max ms", "p99 ÷ idle p99");
let idleP99 = 0;
for (const [name, work] of cases) {
  const started = performance.now();
  const latencies = await pingsDuring(work);
  const p99 = quantile(latencies, 0.99);
  if (!idleP99) idleP99 = p99;
  console.log(name.padEnd(54), String(latencies.length).padStart(5), quantile(latencies, 0.5).toFixed(1).padStart(6), p99.toFixed(1).padStart(6),
    Math.max(...latencies).toFixed(1).padStart(6), (p99 / idleP99).toFixed(1).padStart(14), `  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
clearInterval(sampler);
console.log(`peak RSS: server ${Math.round(peak.server / MB)} MB, reading process ${Math.round(peak.readers / MB)} MB`);
await server.close();
