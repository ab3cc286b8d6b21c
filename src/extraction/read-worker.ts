/**
 * Inside the reading worker: reads the one file it was given (and extracts its structure when given the
 * registry) and posts back the text, or the reason and message of an UnreadableFileError, or any other
 * error's message (a bug, not the file's fault).
 */
import { parentPort, workerData } from "node:worker_threads";
import type { RegistryAgency } from "./agencies.js";
import { extract, type Extraction } from "./extract.js";
import { readDocument } from "./read.js";
import { UnreadableFileError, type UnreadableReason } from "./read-text.js";

export interface WorkerTask { name: string; bytes: Uint8Array; registry?: RegistryAgency[] }

export type WorkerReply =
  | { text: string; extraction?: Extraction }
  | { unreadable: { reason: UnreadableReason; message: string } }
  | { error: { message: string; stack?: string } };

const { name, bytes, registry } = workerData as WorkerTask;
let reply: WorkerReply;
try {
  const text = await readDocument(name, bytes);
  reply = registry ? { text, extraction: extract(text, name, registry) } : { text };
} catch (e) {
  // Errors lose their class crossing threads: send what it takes to build them again.
  reply = e instanceof UnreadableFileError ? { unreadable: { reason: e.reason, message: e.message } }
    : { error: e instanceof Error ? { message: e.message, stack: e.stack } : { message: String(e) } };
}
parentPort!.postMessage(reply);
