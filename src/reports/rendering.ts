/**
 * Reports' files written off the server's thread (issue 18): a pool of worker threads (render-worker.mjs), so that
 * a report being laid out (about 0.5 s of CPU for a plan of 300 tasks, more for a chain) does not hold every other
 * request. Workers start when first needed and stop after ten minutes idle (each holds about 100 MB); one that dies
 * fails only the files it was writing and is replaced on the next. The commands (`theodoi report`) write in their
 * own process and call reportDocx directly.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { ConsolidatedReport } from "./consolidated.js";
import type { Appendix } from "./official-document.js";
import { bundledBeside, projectPath } from "../core/project-root.js";

type Kind = "docx" | "xlsx";
interface Job { id: number; kind: Kind; input: unknown; done: (bytes: Buffer) => void; fail: (e: Error) => void }
interface Slot { worker: Worker; ready: Promise<void>; jobs: Map<number, Job>; idle?: ReturnType<typeof setTimeout> }

const ENTRY = projectPath("src/reports/render-worker.mjs");
/** The writers bundled beside the server's bundle, when the server runs from it (bin/theodoi.mjs builds both). */
export const writersBundle = (serverModuleUrl: string) => bundledBeside(serverModuleUrl, "render-entry");
const BUNDLE = writersBundle(import.meta.url);
/** Workers at most: one per core but the server's own, at least one. */
const SIZE = Math.max(1, Math.min(4, availableParallelism() - 1));
const IDLE_MS = 600_000;
/** Longer than any report takes to lay out (a national ministry's chain: tens of seconds). */
const JOB_TIMEOUT_MS = 180_000;
/** A report's layout holds its whole document in memory: a crafted scope cannot take more than this. */
const HEAP_MB = 768;

const slots: Slot[] = [];
let nextId = 0;

function start(): Slot {
  const worker = new Worker(ENTRY, { resourceLimits: { maxOldGenerationSizeMb: HEAP_MB }, workerData: { bundle: BUNDLE } });
  worker.unref();
  const slot: Slot = { worker, jobs: new Map(), ready: undefined as never };
  slot.ready = new Promise<void>((ok, fail) => {
    worker.once("message", () => ok());
    worker.once("error", fail);
  });
  // A writer started ahead (prepareWriter) that fails to load before any file waits on it: its files, if any, hear of it
  // through their own wait; unwaited, the rejection would end the process.
  slot.ready.catch(() => undefined);
  worker.on("message", (m: { id?: number; bytes?: Uint8Array; error?: string }) => {
    const job = m.id === undefined ? undefined : slot.jobs.get(m.id);
    if (!job) return;
    slot.jobs.delete(job.id);
    if (m.error !== undefined) job.fail(new Error(`writing the report failed: ${m.error}`));
    else job.done(Buffer.from(m.bytes!.buffer, m.bytes!.byteOffset, m.bytes!.byteLength));
    settle(slot);
  });
  const lost = (e: Error) => {
    clearTimeout(slot.idle);
    drop(slot);
    for (const job of slot.jobs.values()) job.fail(e);
    slot.jobs.clear();
  };
  worker.on("error", lost);
  worker.on("exit", (code) => { if (slots.includes(slot)) lost(new Error(`the report writer stopped (exit code ${code})`)); });
  slots.push(slot);
  return slot;
}

/** A worker with nothing to do stops after IDLE_MS; one with work is kept referenced, so a command waits for it. */
function settle(slot: Slot): void {
  clearTimeout(slot.idle);
  if (slot.jobs.size) return;
  slot.idle = setTimeout(() => { drop(slot); void slot.worker.terminate(); }, IDLE_MS);
  slot.idle.unref();
}

function drop(slot: Slot): void {
  const at = slots.indexOf(slot);
  if (at >= 0) slots.splice(at, 1);
}

/** The least busy worker, or a new one while there is room. */
function pick(): Slot {
  const least = slots.reduce<Slot | undefined>((best, s) => (!best || s.jobs.size < best.jobs.size ? s : best), undefined);
  return least && (least.jobs.size === 0 || slots.length >= SIZE) ? least : start();
}

/**
 * Starts a writer now if none is running, for a file about to be asked for: a writer takes about half a second to
 * load, which then overlaps the report's compiling instead of following it. It stops after IDLE_MS if never used.
 */
export function prepareWriter(): void {
  if (!slots.length) settle(start());
}

async function render(kind: Kind, input: unknown): Promise<Buffer> {
  const slot = pick();
  clearTimeout(slot.idle);
  await slot.ready;
  return new Promise<Buffer>((done, fail) => {
    const job: Job = { id: nextId++, kind, input, done, fail };
    slot.jobs.set(job.id, job);
    slot.worker.postMessage({ id: job.id, kind, input });
    // A file that does not come in time stops its worker (the others' files with it fail and are asked for again).
    const timer = setTimeout(() => { if (slot.jobs.has(job.id)) void slot.worker.terminate(); }, JOB_TIMEOUT_MS);
    timer.unref();
  });
}

/** The report as .docx in its form (reportDocx, in a worker). */
export const renderReportDocx = (report: ConsolidatedReport): Promise<Buffer> => render("docx", report);
/** The report's appendices as .xlsx (tablesXlsx, in a worker). */
export const renderAppendicesXlsx = (appendices: Appendix[]): Promise<Buffer> => render("xlsx", appendices);
