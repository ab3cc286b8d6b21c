/**
 * Evidence files attached to a report. The type is read from the file's first bytes (and, for the
 * Office formats, the parts inside the zip), never from the name or the browser's claim: only PDF,
 * Word, Excel and PNG/JPEG images are kept, at most EVIDENCE_MAX_BYTES each. Files live in the
 * database, so they are never served from a web folder, travel with backups and are written in the
 * same transaction as the report.
 */
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { SessionUser } from "../accounts/sessions.js";
import { readsDrafts, readsReportOf } from "../accounts/policy.js";
import { AppError, invalid, notFound } from "../core/errors.js";
import { checkZip } from "../extraction/zip.js";
import { megabytes } from "../text/numbers.js";
import type { Database } from "../storage/database.js";
import { evidenceFiles, submissions } from "./schema.js";
import { evidenceVisible, formOf, openReport, saveDraft, type SubmissionForm } from "./submissions.js";

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, ...signature: number[]) => signature.every((b, i) => bytes[i] === b);

/** The media type the bytes are, or null when they are none of the accepted kinds. */
export function sniffEvidence(bytes: Uint8Array, fileName: string): string | null {
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46, 0x2d)) return "application/pdf";
  if (startsWith(bytes, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (startsWith(bytes, 0xff, 0xd8, 0xff)) return "image/jpeg";
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) {
    let parts: string[];
    try {
      const marks = (name: string) => name === "word/document.xml" || name === "xl/workbook.xml";
      // Inflated within limits: a zip bomb or a damaged file is refused here, not by whoever opens it later.
      parts = [...checkZip(bytes, { entries: 5000, totalBytes: 200 * 1024 * 1024, entryBytes: 100 * 1024 * 1024 }, marks).keys()];
    } catch {
      return null;
    }
    if (parts.includes("word/document.xml")) return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    if (parts.includes("xl/workbook.xml")) return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    return null;
  }
  // The old binary Office formats, still common in provincial offices: an OLE container whose directory
  // names a Word or Excel stream (names are UTF-16 there), and a name that says the same.
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
    const holds = (stream: string) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(stream, "utf16le"));
    if (/\.doc$/i.test(fileName) && holds("WordDocument")) return "application/msword";
    if (/\.xls$/i.test(fileName) && (holds("Workbook") || holds("Book"))) return "application/vnd.ms-excel";
  }
  return null;
}

/** Attaches a file whose type was read from its bytes (see sniffEvidence) to the agency's report; a draft save first starts a report that did not exist yet. */
export async function attachEvidence(db: Database, actor: SessionUser, roundId: number, agencyId: number, input: { version: number; taskId: number | null; file: { name: string; bytes: Uint8Array }; mediaType: string }): Promise<SubmissionForm> {
  const place = await openReport(db, actor, roundId, agencyId);
  // The save checks access, the lock and the version, and that the task is one the agency owes.
  const submission = await saveDraft(db, place, { version: input.version, tasks: input.taskId ? [{ taskId: input.taskId }] : undefined });
  await db.insert(evidenceFiles).values({
    submissionId: submission.id, taskId: input.taskId, fileName: input.file.name.slice(0, 255), mediaType: input.mediaType, size: input.file.bytes.length,
    sha256: createHash("sha256").update(input.file.bytes).digest("hex"), content: input.file.bytes, uploadedBy: actor.id,
  });
  return formOf(db, place);
}

/** Checks an upload before any transaction opens (inflating an Office file takes a while): its size, and the type its bytes are. */
export function checkEvidence(file: { name: string; bytes: Uint8Array }): string {
  if (file.bytes.length > EVIDENCE_MAX_BYTES) throw new AppError("validation", [{ field: "file", key: "evidence_too_large", params: { limit: megabytes(EVIDENCE_MAX_BYTES) } }]);
  const mediaType = sniffEvidence(file.bytes, file.name);
  if (!mediaType) throw new AppError("validation", [{ field: "file", key: "evidence_type" }]);
  return mediaType;
}

/** One file with its bytes, for whoever may read the report it belongs to. */
export async function readEvidence(db: Database, actor: SessionUser, id: number) {
  const [file] = await db.select({ file: evidenceFiles, agencyId: submissions.agencyId }).from(evidenceFiles).innerJoin(submissions, eq(submissions.id, evidenceFiles.submissionId))
    .where(and(eq(evidenceFiles.id, id), evidenceVisible(readsDrafts(actor))));
  if (!file || !readsReportOf(actor, file.agencyId)) throw notFound();
  return file.file;
}

/** Removes a file from a report still being written. */
export async function removeEvidence(db: Database, actor: SessionUser, roundId: number, agencyId: number, input: { version: number; evidenceId: number }): Promise<SubmissionForm> {
  const place = await openReport(db, actor, roundId, agencyId);
  const submission = await saveDraft(db, place, { version: input.version });
  const removed = await db.delete(evidenceFiles).where(and(eq(evidenceFiles.id, input.evidenceId), eq(evidenceFiles.submissionId, submission.id))).returning({ id: evidenceFiles.id });
  if (!removed.length) throw invalid("evidenceId", "not_found");
  return formOf(db, place);
}
