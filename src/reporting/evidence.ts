/**
 * Evidence files attached to a report. The type is read from the file's first bytes (and, for the
 * Office formats, the parts inside the zip: extraction/evidence-type.ts), never from the name or the browser's claim: only PDF,
 * Word, Excel and PNG/JPEG images are kept, at most EVIDENCE_MAX_BYTES each. Files live in the
 * database, so they are never served from a web folder, travel with backups and are written in the
 * same transaction as the report.
 */
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { SessionUser } from "../accounts/sessions.js";
import { readsDrafts, readsReportOf } from "../accounts/policy.js";
import { AppError, invalid, notFound } from "../core/errors.js";
import type { Language } from "../core/i18n.js";
import { evidenceTypeIsolated } from "../extraction/read-isolated.js";
import { isZip, sniffEvidence } from "../extraction/evidence-type.js";
import { UnreadableFileError } from "../extraction/read-text.js";
import { megabytes } from "../text/numbers.js";
import type { UploadedFile } from "../http/route.js";
import type { Database } from "../storage/database.js";
import { evidenceFiles, submissions } from "./schema.js";
import { evidenceVisible, formOf, openReport, saveDraft, type SubmissionForm } from "./submissions.js";

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

/** Attaches a file whose type was read from its bytes (see checkEvidence) to the agency's report; a draft save first starts a report that did not exist yet. */
export async function attachEvidence(db: Database, actor: SessionUser, roundId: number, agencyId: number, input: { version: number; taskId: number | null; file: UploadedFile; mediaType: string }): Promise<SubmissionForm> {
  const place = await openReport(db, actor, roundId, agencyId);
  // The save checks access, the lock and the version, and that the task is one the agency owes.
  const submission = await saveDraft(db, place, { version: input.version, tasks: input.taskId ? [{ taskId: input.taskId }] : undefined });
  await db.insert(evidenceFiles).values({
    submissionId: submission.id, taskId: input.taskId, fileName: input.file.name.slice(0, 255), mediaType: input.mediaType, size: input.file.bytes.length,
    sha256: input.file.sha256 ?? createHash("sha256").update(input.file.bytes).digest("hex"), content: input.file.bytes, uploadedBy: actor.id,
  });
  return formOf(db, place);
}

/**
 * Checks an upload before any transaction opens: its size, and the type its bytes are, read in the
 * reading process (an Office file is inflated to be checked, within that process's limits).
 */
export async function checkEvidence(file: { name: string; bytes: Uint8Array }, lang: Language): Promise<string> {
  if (file.bytes.length > EVIDENCE_MAX_BYTES) throw new AppError("validation", [{ field: "file", key: "evidence_too_large", params: { limit: megabytes(EVIDENCE_MAX_BYTES) } }]);
  let mediaType: string | null;
  try {
    // Only an Office file (a ZIP) needs inflating to be typed: that is done in a reading process; the others are told by their first bytes here.
    mediaType = isZip(file.bytes) ? await evidenceTypeIsolated(file.name, file.bytes) : sniffEvidence(file.bytes, file.name);
  } catch (e) {
    if (e instanceof UnreadableFileError) throw new AppError("validation", [{ field: "file", message: e.messages[lang] }]);
    throw e;
  }
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
