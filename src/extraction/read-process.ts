/**
 * Inside the reading process (its entry is read-process.mjs): given the one file it is to read (and the registry, when it is to
 * extract its structure; or only to tell what kind of evidence file it is), answers the text (or the
 * kind), or the reason and messages of an UnreadableFileError, or any other error's message (a bug, not
 * the file's fault).
 */
import type { RegistryAgency } from "./agencies.js";
import { extract, type Extraction } from "./extract.js";
import { sniffEvidence } from "./evidence-type.js";
import { readDocument } from "./read.js";
import { UnreadableFileError, type Bilingual, type UnreadableReason } from "./read-text.js";

export type ReaderTask = (
  | { name: string; bytes: Uint8Array; registry?: RegistryAgency[] }
  | { name: string; bytes: Uint8Array; evidence: true }
) & {
  /** This module bundled beside the server's bundle (read-isolated.ts), loaded instead of the TypeScript when given. */
  bundle?: string;
};

export type ReaderReply =
  | { text: string; extraction?: Extraction }
  | { mediaType: string | null }
  | { unreadable: { reason: UnreadableReason; messages: Bilingual } }
  | { error: { message: string; stack?: string } };

export async function answer(task: ReaderTask): Promise<ReaderReply> {
  try {
    if ("evidence" in task) return { mediaType: sniffEvidence(task.bytes, task.name) };
    const text = await readDocument(task.name, task.bytes);
    return task.registry ? { text, extraction: extract(text, task.name, task.registry) } : { text };
  } catch (e) {
    // Errors lose their class crossing processes: send what it takes to build them again.
    return e instanceof UnreadableFileError ? { unreadable: { reason: e.reason, messages: e.messages } }
      : { error: e instanceof Error ? { message: e.message, stack: e.stack } : { message: String(e) } };
  }
}
