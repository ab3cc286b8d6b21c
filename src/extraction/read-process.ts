/**
 * Inside the reading process: receives the one file it is to read (and the registry, when it is to
 * extract its structure), answers the text, or the reason and messages of an UnreadableFileError, or any
 * other error's message (a bug, not the file's fault), and exits.
 */
import type { RegistryAgency } from "./agencies.js";
import { extract, type Extraction } from "./extract.js";
import { readDocument } from "./read.js";
import { UnreadableFileError, type Bilingual, type UnreadableReason } from "./read-text.js";

export interface ReaderTask { name: string; bytes: Uint8Array; registry?: RegistryAgency[] }

export type ReaderReply =
  | { text: string; extraction?: Extraction }
  | { unreadable: { reason: UnreadableReason; messages: Bilingual } }
  | { error: { message: string; stack?: string } };

async function answer({ name, bytes, registry }: ReaderTask): Promise<ReaderReply> {
  try {
    const text = await readDocument(name, bytes);
    return registry ? { text, extraction: extract(text, name, registry) } : { text };
  } catch (e) {
    // Errors lose their class crossing processes: send what it takes to build them again.
    return e instanceof UnreadableFileError ? { unreadable: { reason: e.reason, messages: e.messages } }
      : { error: e instanceof Error ? { message: e.message, stack: e.stack } : { message: String(e) } };
  }
}

process.once("message", async (task: ReaderTask) => {
  const reply = await answer(task);
  process.send!(reply, () => process.exit(0));
});
