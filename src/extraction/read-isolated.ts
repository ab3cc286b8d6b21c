/**
 * Reading (and extracting) an upload in a worker thread. Mammoth and pdf.js have no limits of their
 * own: a crafted ~1 MB .docx can cost ~10 s and ~1 GB, which in the server's thread would stall every
 * request or kill the process; and extracting a 25 MB text takes seconds of pure computation. In a
 * worker, the file costs at most a bounded heap and a bounded time, and a worker that exceeds either
 * is thrown away; the file is refused as too complex.
 */
import { Worker } from "node:worker_threads";
import type { RegistryAgency } from "./agencies.js";
import type { Extraction } from "./extract.js";
import { UnreadableFileError } from "./read-text.js";
import type { WorkerReply, WorkerTask } from "./read-worker.js";

export interface IsolatedReadOptions {
  /** Wall-clock limit of one read, from the start of its worker (not counting the wait in the queue). */
  timeoutMs?: number;
  /** The worker's heap limit (V8 old generation). */
  maxOldGenerationSizeMb?: number;
  /** Called when the read leaves the queue and its worker is about to start. */
  onStart?: () => void;
}

/** Reads at once: the server has 2 cores, and each read may take up to its heap limit (2 × 768 MB). */
export const MAX_CONCURRENT_READS = 2;
const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_OLD_GENERATION_MB = 768;

const WORKER_URL = new URL("./read-worker.mjs", import.meta.url);

const tooComplex = () => new UnreadableFileError("too_complex",
  "Tệp quá phức tạp để đọc (vượt giới hạn bộ nhớ/thời gian); hãy lưu lại tệp hoặc chia nhỏ");

// A FIFO semaphore: a finished read hands its slot straight to the first waiting one.
let running = 0;
const waiting: (() => void)[] = [];

/** How many reads have a worker now (at most MAX_CONCURRENT_READS). */
export const runningReads = () => running;

async function acquire(): Promise<void> {
  if (running < MAX_CONCURRENT_READS) { running++; return; }
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function release(): void {
  const next = waiting.shift();
  if (next) next(); else running--;
}

/**
 * readDocument (read.ts) in a worker with a heap limit and a timeout, at most MAX_CONCURRENT_READS
 * at a time. Throws UnreadableFileError as readDocument does, and with reason "too_complex" when
 * the worker runs out of memory or time.
 *
 * The bytes are transferred, not copied: when `bytes` spans its whole ArrayBuffer, the caller's
 * array is left empty (detached). Pass a copy if you still need them.
 */
export async function readDocumentIsolated(name: string, bytes: Uint8Array, options: IsolatedReadOptions = {}): Promise<string> {
  return (await runIsolated({ name, bytes }, options)).text;
}

/**
 * readDocumentIsolated, then `extract(text, name, registry)` in the same worker, within the same limits:
 * the server's thread only receives the result.
 */
export async function readAndExtractIsolated(
  name: string, bytes: Uint8Array, registry: RegistryAgency[], options: IsolatedReadOptions = {},
): Promise<{ text: string; extraction: Extraction }> {
  const { text, extraction } = await runIsolated({ name, bytes, registry }, options);
  return { text, extraction: extraction! };
}

async function runIsolated(task: WorkerTask, options: IsolatedReadOptions): Promise<{ text: string; extraction?: Extraction }> {
  const { bytes } = task;
  // Only a whole, ordinary ArrayBuffer is moved as is. A view into a larger one (a slice, or one of
  // Node's pooled small Buffers) is copied first, so that the transfer detaches nothing but these bytes.
  const owned = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer
    ? bytes : new Uint8Array(bytes);
  await acquire();
  try {
    options.onStart?.();
    return await runWorker({ ...task, bytes: owned }, options);
  } finally {
    release();
  }
}

/** Settles only once the worker has exited, so that a slot is never freed while a worker still runs. */
function runWorker(task: WorkerTask, options: IsolatedReadOptions): Promise<{ text: string; extraction?: Extraction }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, {
      workerData: task,
      transferList: [task.bytes.buffer as ArrayBuffer],
      resourceLimits: {
        maxOldGenerationSizeMb: options.maxOldGenerationSizeMb ?? DEFAULT_MAX_OLD_GENERATION_MB,
        maxYoungGenerationSizeMb: 64,
        stackSizeMb: 4,
      },
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // terminate() also stops a worker busy in a synchronous loop; it resolves once the thread is gone.
      void worker.terminate().then(outcome, outcome);
    };
    const timer = setTimeout(() => settle(() => reject(tooComplex())), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    worker.on("message", (reply: WorkerReply) => settle(() => {
      if ("text" in reply) resolve(reply);
      else if ("unreadable" in reply) reject(new UnreadableFileError(reply.unreadable.reason, reply.unreadable.message));
      else reject(Object.assign(new Error(reply.error.message), { stack: reply.error.stack }));
    }));
    worker.on("error", (e: Error & { code?: string }) =>
      settle(() => reject(e.code === "ERR_WORKER_OUT_OF_MEMORY" ? tooComplex() : e)));
    worker.on("exit", (code) => settle(() => reject(new Error(`The reading worker exited (code ${code}) without an answer`))));
  });
}
