/**
 * Inside the reading worker: reads the one file it was given and posts back the text, or the
 * reason and message of an UnreadableFileError, or any other error's message (a bug, not the file's fault).
 */
import { parentPort, workerData } from "node:worker_threads";
import { readDocument } from "./read.js";
import { UnreadableFileError, type UnreadableReason } from "./read-text.js";

export type WorkerReply =
  | { text: string }
  | { unreadable: { reason: UnreadableReason; message: string } }
  | { error: { message: string; stack?: string } };

const { name, bytes } = workerData as { name: string; bytes: Uint8Array };
let reply: WorkerReply;
try {
  reply = { text: await readDocument(name, bytes) };
} catch (e) {
  // Errors lose their class crossing threads: send what it takes to build them again.
  reply = e instanceof UnreadableFileError ? { unreadable: { reason: e.reason, message: e.message } }
    : { error: e instanceof Error ? { message: e.message, stack: e.stack } : { message: String(e) } };
}
parentPort!.postMessage(reply);
