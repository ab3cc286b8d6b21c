/**
 * Reading (and extracting) an upload in a child process. Mammoth and pdf.js have no limits of their
 * own: a crafted 4 KB .docx or a 1 MB PDF whose streams inflate to a gigabyte can exhaust any heap, and
 * V8 ends a process (not only a worker thread) that runs out of heap inside some runtime calls; memory a
 * thread used is not given back to the system either. A child process is a wall that holds: it has a
 * capped heap, its whole resident memory (array buffers included) is watched and it is killed the moment
 * it crosses its cap, it is killed at a time limit, it runs at a lower CPU priority than the server, and
 * all its memory goes back to the system when it exits. A file that crosses a limit is refused as too
 * complex, with the limit it crossed named.
 *
 * At most `concurrent` reads run at once and at most `waiting` wait for a turn; beyond that a read is
 * refused at once as busy, with an estimate of when to try again.
 */
import { fork } from "node:child_process";
import { readFileSync } from "node:fs";
import { setPriority } from "node:os";
import { fileURLToPath } from "node:url";
import { AppError } from "../core/errors.js";
import type { RegistryAgency } from "./agencies.js";
import type { Extraction } from "./extract.js";
import { UnreadableFileError } from "./read-text.js";
import type { ReaderReply, ReaderTask } from "./read-process.js";

export interface IsolatedReadOptions {
  /** Wall-clock limit of one read, from the start of its process (not counting the wait for a turn). */
  timeoutMs?: number;
  /** The reading process's resident memory cap, in MB (its V8 heap is capped below it). */
  maxMemoryMb?: number;
  /** Called when the read gets its turn and its process is about to start. */
  onStart?: () => void;
  /** The queue the read waits in (the process-wide one unless given). */
  readers?: Readers;
}

const DEFAULT_TIMEOUT_MS = 30_000;
/** The sample plans and reports read in 95-150 MB (.docx and .pdf alike); a 1,000-page .docx needs about 470 MB, and is refused. */
export const DEFAULT_MAX_MEMORY_MB = 384;
/** How often the reading process's resident memory is looked at. */
const WATCH_INTERVAL_MS = 20;
/** Readers yield the CPU to the server: a long read must not slow every other request. */
const READER_NICENESS = 10;

const ENTRY = fileURLToPath(new URL("./read-process.mjs", import.meta.url));

const tooComplex = (limit: "memory" | "time", amount: number) => new UnreadableFileError("too_complex", limit === "memory" ? {
  vi: `Tệp quá phức tạp để đọc: việc đọc vượt giới hạn bộ nhớ ${amount} MB (tệp có thể bị sửa đổi, hoặc có nội dung nén quá lớn); hãy mở tệp, lưu lại (hoặc xuất lại PDF) rồi tải lên, hoặc chia nhỏ văn bản`,
  en: `The file is too complex to read: reading it went over the ${amount} MB memory limit (it may have been tampered with, or hold oversized compressed content); open it, save it again (or export the PDF again) and upload it, or split the document`,
} : {
  vi: `Tệp quá phức tạp để đọc: việc đọc vượt giới hạn thời gian ${amount} giây; hãy lưu lại tệp hoặc chia nhỏ văn bản rồi tải lên`,
  en: `The file is too complex to read: reading it went over the ${amount} s time limit; save it again or split the document, and upload it`,
});

/** A FIFO of reads: at most `concurrent` run, at most `waiting` wait; a finished read hands its turn to the first waiting one. */
export class Readers {
  private running = 0;
  private readonly queue: (() => void)[] = [];
  /** Recent reads' average duration, for the "try again in N s" estimate. */
  private averageMs = 3_000;
  /** The largest resident memory a reading process of this queue reached, in bytes (for tests and benches). */
  peakRssBytes = 0;

  constructor(readonly concurrent: number, readonly waiting: number) {}

  /** How many reads have a process now. */
  get runningNow(): number { return this.running; }

  async run<T>(read: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrent) {
      if (this.queue.length >= this.waiting) {
        const seconds = Math.max(1, Math.ceil(((this.queue.length + 1) * this.averageMs) / this.concurrent / 1000));
        throw new AppError("unavailable", [], "readers_busy", { seconds: String(seconds) });
      }
      await new Promise<void>((resolve) => this.queue.push(resolve));
    } else this.running++;
    const started = performance.now();
    try {
      return await read();
    } finally {
      this.averageMs = 0.7 * this.averageMs + 0.3 * (performance.now() - started);
      const next = this.queue.shift();
      if (next) next(); else this.running--;
    }
  }
}

/** The server's readers: one at a time on two cores (the other is the server's), eight more waiting. */
export const readers = new Readers(1, 8);

/**
 * readDocument (read.ts) in a child process within memory and time limits. Throws UnreadableFileError as
 * readDocument does, and with reason "too_complex" when the process crosses a limit; AppError
 * "unavailable" when too many reads are waiting.
 */
export async function readDocumentIsolated(name: string, bytes: Uint8Array, options: IsolatedReadOptions = {}): Promise<string> {
  const reply = await runIsolated({ name, bytes }, options);
  if (!("text" in reply)) throw new Error("The reading process answered no text");
  return reply.text;
}

/** sniffEvidence (evidence-type.ts) in a reading process: the media type, or null for a kind not accepted. */
export async function evidenceTypeIsolated(name: string, bytes: Uint8Array, options: IsolatedReadOptions = {}): Promise<string | null> {
  const reply = await runIsolated({ name, bytes, evidence: true }, options);
  if (!("mediaType" in reply)) throw new Error("The reading process answered no media type");
  return reply.mediaType;
}

/**
 * readDocumentIsolated, then `extract(text, name, registry)` in the same process, within the same limits:
 * the server only receives the result.
 */
export async function readAndExtractIsolated(
  name: string, bytes: Uint8Array, registry: RegistryAgency[], options: IsolatedReadOptions = {},
): Promise<{ text: string; extraction: Extraction }> {
  const reply = await runIsolated({ name, bytes, registry }, options);
  if (!("extraction" in reply) || !reply.extraction) throw new Error("The reading process answered no extraction");
  return { text: reply.text, extraction: reply.extraction };
}

type Answer = Exclude<ReaderReply, { unreadable: unknown } | { error: unknown }>;

function runIsolated(task: ReaderTask, options: IsolatedReadOptions): Promise<Answer> {
  const queue = options.readers ?? readers;
  return queue.run(() => {
    options.onStart?.();
    return runProcess(task, options, queue);
  });
}

/** The resident memory of a process, from /proc (Linux); null where there is no /proc, and the heap cap alone limits it. */
function residentBytes(pid: number): number | null {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, "latin1").split(" ")[1]) * 4096;
  } catch {
    return null;
  }
}

/** Settles only once the process has exited, so that a turn is never handed on while a reader still runs. */
function runProcess(task: ReaderTask, options: IsolatedReadOptions, queue: Readers): Promise<Answer> {
  const memoryMb = options.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB, timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    const child = fork(ENTRY, [], {
      // The heap below the whole cap: V8 itself, the code and the file's bytes need the rest.
      execArgv: [`--max-old-space-size=${Math.max(16, memoryMb - 96)}`, "--max-semi-space-size=16"],
      serialization: "advanced",
      stdio: ["ignore", "ignore", "pipe", "ipc"],
      // Nothing of the server's environment (its database address, its secrets) for a process reading hostile files.
      env: { PATH: process.env.PATH ?? "", TMPDIR: process.env.TMPDIR ?? "/tmp", TZ: process.env.TZ ?? "" },
    });
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => { stderr = (stderr + chunk.toString("utf8")).slice(-2000); });
    try { if (child.pid) setPriority(child.pid, READER_NICENESS); } catch { /* a system that refuses keeps the default priority */ }

    let outcome: (() => void) | null = null;
    /** The first outcome wins; it is delivered once the process is gone. */
    const settle = (then: () => void) => {
      if (outcome) return;
      outcome = then;
      clearInterval(watch);
      clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    };
    const watch = setInterval(() => {
      const rss = child.pid ? residentBytes(child.pid) : null;
      if (rss === null) return;
      queue.peakRssBytes = Math.max(queue.peakRssBytes, rss);
      if (rss > memoryMb * 1048576) settle(() => reject(tooComplex("memory", memoryMb)));
    }, WATCH_INTERVAL_MS);
    const timer = setTimeout(() => settle(() => reject(tooComplex("time", Math.round(timeoutMs / 1000)))), timeoutMs);

    child.on("message", (reply: ReaderReply) => settle(() => {
      if ("unreadable" in reply) reject(new UnreadableFileError(reply.unreadable.reason, reply.unreadable.messages));
      else if ("error" in reply) reject(Object.assign(new Error(reply.error.message), { stack: reply.error.stack }));
      else resolve(reply);
    }));
    child.on("error", (e) => {
      settle(() => reject(e));
      if (child.pid === undefined) outcome!(); // never started: no exit will follow
    });
    child.on("exit", (code, signal) => {
      // Out of heap, V8 aborts the process; anything else without an answer is a fault of the reader, not of the file.
      settle(() => reject(/heap limit|out of memory/i.test(stderr) ? tooComplex("memory", memoryMb)
        : new Error(`The reading process exited (code ${code}, signal ${signal}) without an answer: ${stderr.trim().slice(-500)}`)));
      outcome!();
    });
    child.send(task);
  });
}
