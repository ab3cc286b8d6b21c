/**
 * Reading (and extracting) an upload in a child process. Mammoth and pdf.js have no limits of their
 * own: a crafted 4 KB .docx or a 1 MB PDF whose streams inflate to a gigabyte can exhaust any heap, and
 * V8 ends a process (not only a worker thread) that runs out of heap inside some runtime calls; memory a
 * thread used is not given back to the system either. A child process is a wall that holds: it has a
 * capped heap, its whole resident memory (array buffers included) is watched and it is killed the moment
 * it crosses its cap, it is killed at a time limit, it runs at a lower CPU priority than the server, and
 * all its memory goes back to the system when it exits. A file that crosses a limit is refused as too
 * complex, with the limit it crossed named. The readers are started and watched by a small launcher
 * process (reader-launcher.mjs): started from the server, each would hold its event loop for 30-45 ms.
 *
 * At most `concurrent` reads run at once and at most `waiting` wait for a turn; beyond that a read is
 * refused at once as busy, with an estimate of when to try again.
 */
import { fork, type ChildProcess } from "node:child_process";
import { AppError } from "../core/errors.js";
import type { RegistryAgency } from "./agencies.js";
import type { Extraction } from "./extract.js";
import { UnreadableFileError } from "./read-text.js";
import type { ReaderReply, ReaderTask } from "./read-process.js";
import { bundledBeside, projectPath } from "../core/project-root.js";

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
const LAUNCHER = projectPath("src/extraction/reader-launcher.mjs");
/**
 * The readers bundled beside the server's bundle, when the server runs from it: a reading process loads them in a tenth of
 * a second, where registering tsx and loading the TypeScript took twice that and more, at every upload.
 */
export const readersBundle = (serverModuleUrl: string) => bundledBeside(serverModuleUrl, "read-entry");
const BUNDLE = readersBundle(import.meta.url);

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

  /** Throws the busy answer when a read now would find no turn and no place to wait: asked before an upload's body is received. */
  refuseIfFull(): void {
    if (this.running < this.concurrent || this.queue.length < this.waiting) return;
    const seconds = Math.max(1, Math.ceil(((this.queue.length + 1) * this.averageMs) / this.concurrent / 1000));
    throw new AppError("unavailable", [], "readers_busy", { seconds: String(seconds) });
  }

  async run<T>(read: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrent) {
      this.refuseIfFull();
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

/** What the launcher answers of a read (reader-launcher.mjs). */
type LaunchResult = { id: number; peakRss: number } & ({ reply: ReaderReply } | { limit: "memory" | "time" } | { crashed: string });

let launcher: ChildProcess | null = null;
let nextId = 1;
const pending = new Map<number, (result: LaunchResult) => void>();

/** Starts the launcher now, before requests come: starting a process from the server holds its event loop for a moment. */
export function startReaders(): void {
  launcherProcess();
}

/** The launcher's process id, while it runs (for tests). */
export const launcherPid = () => launcher?.pid;

/** The process that starts readers, started on the first read (and again if it ever dies). */
function launcherProcess(): ChildProcess {
  if (launcher) return launcher;
  const started = fork(LAUNCHER, [], {
    execArgv: [],
    serialization: "advanced",
    stdio: ["ignore", "ignore", "inherit", "ipc"],
    // Nothing of the server's environment (its database address, its secrets) for processes reading hostile files.
    env: { PATH: process.env.PATH ?? "", TMPDIR: process.env.TMPDIR ?? "/tmp", TZ: process.env.TZ ?? "" },
  });
  started.on("message", (result: LaunchResult) => {
    pending.get(result.id)?.(result);
    pending.delete(result.id);
    if (!pending.size) started.channel?.unref(); // an idle launcher keeps no process alive
  });
  const gone = () => {
    if (launcher === started) launcher = null;
    for (const [id, settle] of pending) settle({ id, peakRss: 0, crashed: "the reader launcher exited" });
    pending.clear();
  };
  // "close" once its pipes are drained (an answer sent just before it ended still arrives); "error" when it could not start.
  started.on("close", gone);
  started.on("error", gone);
  started.unref();
  started.channel?.unref();
  return (launcher = started);
}

/** One read through the launcher; settles once its reader has exited, so that a turn is never handed on while a reader still runs. */
function runProcess(task: ReaderTask, options: IsolatedReadOptions, queue: Readers): Promise<Answer> {
  const memoryMb = options.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB, timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, (result) => {
      queue.peakRssBytes = Math.max(queue.peakRssBytes, result.peakRss);
      if ("limit" in result) reject(tooComplex(result.limit, result.limit === "memory" ? memoryMb : Math.round(timeoutMs / 1000)));
      else if ("crashed" in result) reject(new Error(`The reading process ended without an answer (${result.crashed})`));
      else if ("unreadable" in result.reply) reject(new UnreadableFileError(result.reply.unreadable.reason, result.reply.unreadable.messages));
      else if ("error" in result.reply) reject(Object.assign(new Error(result.reply.error.message), { stack: result.reply.error.stack }));
      else resolve(result.reply);
    });
    const target = launcherProcess();
    target.channel?.ref(); // a read under way keeps the process alive
    target.send({ id, task: BUNDLE ? { ...task, bundle: BUNDLE } : task, memoryMb, timeoutMs }, (e) => {
      if (!e) return;
      pending.delete(id);
      reject(e);
    });
  });
}
