// The process that starts the reading processes (see read-isolated.ts), and holds them to their limits.
// Starting a process copies its parent's page tables: from the server (some 500 MB) that held the
// server's event loop for 30-45 ms at every upload; from this small process it takes a few. The server
// starts it once and asks it for each read; it forks read-process.mjs at a lower CPU priority with a
// capped heap, looks at its resident memory every 20 ms and kills it past its cap or its time, and
// answers what became of the read, with the reader's peak memory. Plain JavaScript, so that it needs no
// loader: it holds nothing but the file being read.
import { fork } from "node:child_process";
import { readFileSync } from "node:fs";
import { setPriority } from "node:os";

const READER = new URL("./read-process.mjs", import.meta.url);
const WATCH_INTERVAL_MS = 20;
/** Readers yield the CPU to the server: a long read must not slow every other request. */
const READER_NICENESS = 10;
const running = new Set();

/** The resident memory of a process from /proc (Linux), or null where there is none (the heap cap alone limits it then). */
function residentBytes(pid) {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, "latin1").split(" ")[1]) * 4096;
  } catch {
    return null;
  }
}

/** One read: answers { id, peakRss } with { reply } (the reader's), { limit: "memory" | "time" }, or { crashed } (the reader's last words). */
function read({ id, task, memoryMb, timeoutMs }) {
  const child = fork(READER, [], {
    // The heap below the whole cap: V8 itself, the code and the file's bytes need the rest.
    execArgv: [`--max-old-space-size=${Math.max(16, memoryMb - 96)}`, "--max-semi-space-size=16"],
    serialization: "advanced",
    stdio: ["ignore", "ignore", "pipe", "ipc"],
    env: process.env, // already only what a reader needs (read-isolated.ts)
  });
  running.add(child);
  let stderr = "", peakRss = 0, outcome = null;
  child.stderr.on("data", (chunk) => { stderr = (stderr + chunk.toString("utf8")).slice(-2000); });
  try { if (child.pid) setPriority(child.pid, READER_NICENESS); } catch { /* a system that refuses keeps the default priority */ }

  /** The first outcome wins; it is answered once the reader is gone. */
  const finish = (result) => {
    if (outcome) return;
    outcome = result;
    clearInterval(watch);
    clearTimeout(timer);
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  };
  const watch = setInterval(() => {
    const rss = child.pid ? residentBytes(child.pid) : null;
    if (rss === null) return;
    peakRss = Math.max(peakRss, rss);
    if (rss > memoryMb * 1048576) finish({ limit: "memory" });
  }, WATCH_INTERVAL_MS);
  const timer = setTimeout(() => finish({ limit: "time" }), timeoutMs);
  const answer = () => process.send({ id, peakRss, ...outcome });

  child.on("message", (reply) => finish({ reply }));
  // "close", not "exit": the reader's last message and words may still be in the pipes when it exits.
  child.on("close", (code, signal) => {
    running.delete(child);
    // Out of heap, V8 aborts the process; anything else without an answer is a fault of the reader, not of the file.
    finish(/heap limit|out of memory/i.test(stderr) ? { limit: "memory" } : { crashed: `exit code ${code}, signal ${signal}: ${stderr.trim().slice(-500)}` });
    answer();
  });
  child.on("error", (e) => {
    if (child.pid !== undefined) return; // an exit follows
    running.delete(child);
    finish({ crashed: String(e) });
    answer();
  });
  child.send(task);
}

process.on("message", read);
// The server is gone: so are its reads.
process.on("disconnect", () => {
  for (const child of running) child.kill("SIGKILL");
  process.exit(0);
});
