/**
 * The focal point's bulk exports of a round: every expected agency's template as one .zip, every
 * report as one workbook (round-workbook.ts), and every evidence file as one .zip, in folders named by
 * agency. Each reads what the report form reads (formOf, templateOf), so an export holds what the
 * board and the forms show, drafts included (the routes are for those who run rounds).
 *
 * Names: an agency's folder or file is its name folded to ASCII ("Sở Xây dựng" → "so-xay-dung"), short,
 * numbered when two fold alike; an evidence file keeps its own name, made safe (no folders, so no
 * "../" and no absolute path; no control or direction characters; no character or name Windows
 * refuses; at most 100 characters, its extension kept), numbered when two are alike in one folder.
 *
 * Zips are written with fflate (already in the tree, under docx; no dependencies of its own, streams),
 * every entry stored: workbooks and evidence (PDF, Office, images) are compressed already. The
 * templates are made in the request and zipped in memory (a template is tens of kilobytes); evidence
 * is streamed, one file read from the database each time the client takes more, its total bounded.
 *
 * Outcomes: the file; not_found (no such round, or a user who may not read every agency's drafts);
 * validation evidence_zip_too_large (the round's evidence is over the limit of one download).
 */
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { Zip, ZipPassThrough, zipSync, type Zippable } from "fflate";
import { can, readsDrafts } from "../accounts/policy.js";
import type { SessionUser } from "../accounts/sessions.js";
import { agencies } from "../agencies/schema.js";
import { AppError, notFound } from "../core/errors.js";
import type { Language } from "../core/i18n.js";
import { cleanFileName } from "../http/route.js";
import { indicators } from "../plans/schema.js";
import type { Database } from "../storage/database.js";
import { foldVietnamese } from "../text/fold.js";
import { megabytes } from "../text/numbers.js";
import { boardOf, type Board } from "./board.js";
import { roundWorkbook } from "./round-workbook.js";
import { nothingOwed, owedByAgency, roundPlanIds, type RoundDetail } from "./rounds.js";
import { evidenceFiles, submissions } from "./schema.js";
import { evidenceVisible, formOf, type ReportPlace, type SubmissionForm } from "./submissions.js";
import { templateOf } from "./template.js";

/** One download of a round's evidence: far above a round's usual files (80 agencies, a few 10 MB files each), within a zip without ZIP64 (4 GB, 65,535 entries). */
export const EVIDENCE_ZIP_LIMITS = { bytes: 1 << 30, files: 20_000 };

/** A name folded to ASCII for a file or folder ("Sở Xây dựng" → "so-xay-dung"), at most `max` characters, cut between words. */
export function asciiName(text: string, max = 48): string {
  const folded = foldVietnamese(text.normalize("NFC")).replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  if (folded.length <= max) return folded;
  const cut = folded.slice(0, max + 1), at = cut.lastIndexOf("-");
  return (at >= max / 2 ? cut.slice(0, at) : folded.slice(0, max)).replace(/-+$/, "");
}

/**
 * Hands out names unique in one folder, compared as Windows and macOS do (without case): the first
 * as asked, then `numbered(stem, 2) + extension`, and so on.
 */
export function uniqueNames(numbered: (stem: string, n: number) => string = (stem, n) => `${stem} (${n})`) {
  const taken = new Set<string>();
  return (name: string): string => {
    const dot = name.lastIndexOf(".");
    const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
    let candidate = name;
    for (let n = 2; taken.has(candidate.toLocaleLowerCase("vi")); n++) candidate = numbered(stem, n) + extension;
    taken.add(candidate.toLocaleLowerCase("vi"));
    return candidate;
  };
}

const MAX_ENTRY_NAME = 100;
/** Names Windows keeps for its devices, with any extension ("con.pdf"). */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;

/** An evidence file's name as an entry of the zip: its own name, made safe (see the header). */
export function safeFileName(name: string): string {
  // Only the last part of a path: no folder, so nothing climbs out of the agency's folder or starts at a root.
  const last = name.split(/[\\/]/).filter((p) => p.trim()).pop() ?? "";
  let safe = cleanFileName(last).replace(/[<>:"|?*]/g, "_").replace(/^[\s.]+|[\s.]+$/g, "");
  if (!safe) safe = "tep-minh-chung";
  if (WINDOWS_DEVICE.test(safe)) safe = `_${safe}`;
  const chars = Array.from(safe); // by code point, so no character is cut in half
  if (chars.length <= MAX_ENTRY_NAME) return safe;
  const extension = /\.[\p{L}\p{N}]{1,10}$/u.exec(safe)?.[0] ?? "";
  return chars.slice(0, MAX_ENTRY_NAME - extension.length).join("").replace(/[\s.]+$/, "") + extension;
}

/** Each agency of the board with its folder or file name: its name folded, numbered when two fold alike. */
export function agencyNames(rows: Pick<Board["rows"][number], "agencyId" | "agencyName">[]): Map<number, string> {
  const unique = uniqueNames((stem, n) => `${stem}-${n}`);
  return new Map(rows.map((r) => [r.agencyId, unique(asciiName(r.agencyName) || `co-quan-${r.agencyId}`)]));
}

/** The round's board and each expected agency's report as the given user reads it; only for those who read every agency's drafts. */
async function reportsOf(db: Database, actor: SessionUser, roundId: number, now: Date) {
  if (!can(actor, "reporting.read") || !readsDrafts(actor)) throw notFound();
  const board = await boardOf(db, roundId, now);
  const owed = await owedByAgency(db, board.round, roundPlanIds(board.round));
  const placeOf = (agencyId: number): ReportPlace => ({ actor, round: board.round, agencyId, owed: owed.get(agencyId) ?? nothingOwed() });
  return { board, placeOf };
}

/** Every expected agency's template, one .xlsx each named by agency, as one .zip. */
export async function roundTemplatesZip(db: Database, actor: SessionUser, roundId: number): Promise<{ bytes: Buffer; fileName: string }> {
  const { board, placeOf } = await reportsOf(db, actor, roundId, new Date());
  const names = agencyNames(board.rows);
  const files: Zippable = {};
  for (const row of board.rows) {
    const { bytes } = await templateOf(db, placeOf(row.agencyId));
    files[`mau-bao-cao-${names.get(row.agencyId)}.xlsx`] = [bytes, { level: 0 }];
  }
  return { bytes: Buffer.from(zipSync(files)), fileName: `mau-bao-cao-dot-${roundId}.zip` };
}

/** Every expected agency's report in one workbook: a summary sheet, a sheet per plan, the general sections. */
export async function roundSubmissionsXlsx(db: Database, actor: SessionUser, roundId: number, now = new Date()): Promise<{ bytes: Buffer; fileName: string }> {
  const { board, placeOf } = await reportsOf(db, actor, roundId, now);
  const forms = new Map<number, SubmissionForm>();
  for (const row of board.rows) forms.set(row.agencyId, await formOf(db, placeOf(row.agencyId)));
  // The plan an indicator belongs to: the form gives a task's, not an indicator's.
  const ids = [...new Set([...forms.values()].flatMap((f) => [...f.indicators.map((i) => i.id), ...f.actuals.map((a) => a.indicatorId)]))];
  const documents = ids.length ? await db.select({ id: indicators.id, documentId: indicators.documentId }).from(indicators).where(inArray(indicators.id, ids)) : [];
  const bytes = await roundWorkbook({ board, forms, documentOfIndicator: new Map(documents.map((d) => [d.id, d.documentId])), now });
  return { bytes, fileName: `bao-cao-dot-${roundId}.xlsx` };
}

/** Which evidence files are the round's: those of its expected agencies' reports (drafts included). */
const ofRound = (round: Pick<RoundDetail, "id" | "reporterIds">) =>
  and(eq(submissions.roundId, round.id), inArray(submissions.agencyId, round.reporterIds), evidenceVisible(true));

/** The round's evidence files, without their bytes, in the board's order of agencies, each one's files in the order they came. */
async function evidenceList(db: Database, round: Pick<RoundDetail, "id" | "reporterIds">) {
  if (!round.reporterIds.length) return [];
  const rows = await db.select({ id: evidenceFiles.id, fileName: evidenceFiles.fileName, size: evidenceFiles.size, createdAt: evidenceFiles.createdAt, agencyId: submissions.agencyId, agencyName: agencies.name })
    .from(evidenceFiles).innerJoin(submissions, eq(submissions.id, evidenceFiles.submissionId)).innerJoin(agencies, eq(agencies.id, submissions.agencyId))
    .where(ofRound(round)).orderBy(asc(evidenceFiles.id));
  return rows.sort((a, b) => a.agencyName.localeCompare(b.agencyName, "vi") || a.id - b.id);
}

export interface EvidenceSummary { files: number; bytes: number; limitBytes: number; limitFiles: number }

/** How many evidence files the round holds and their size, against the limit of one download (for the board). */
export async function evidenceSummary(db: Database, round: Pick<RoundDetail, "id" | "reporterIds">): Promise<EvidenceSummary> {
  const limits = { limitBytes: EVIDENCE_ZIP_LIMITS.bytes, limitFiles: EVIDENCE_ZIP_LIMITS.files };
  if (!round.reporterIds.length) return { files: 0, bytes: 0, ...limits };
  const [row] = await db.select({ files: count(), bytes: sql<string | null>`sum(${evidenceFiles.size})` })
    .from(evidenceFiles).innerJoin(submissions, eq(submissions.id, evidenceFiles.submissionId)).where(ofRound(round));
  return { files: Number(row.files), bytes: Number(row.bytes ?? 0), ...limits };
}

/**
 * The round's evidence as a .zip streamed as the client reads it: a folder per agency (named as in the
 * templates' zip), each file under its own name made safe. Refused before anything is sent when the
 * files together are over `limits`.
 */
export async function roundEvidenceZip(db: Database, actor: SessionUser, roundId: number, lang: Language, limits = EVIDENCE_ZIP_LIMITS): Promise<{ stream: ReadableStream<Uint8Array>; fileName: string; files: number }> {
  if (!can(actor, "reporting.read") || !readsDrafts(actor)) throw notFound();
  const board = await boardOf(db, roundId);
  const files = await evidenceList(db, board.round);
  const total = files.reduce((s, f) => s + f.size, 0);
  if (total > limits.bytes || files.length > limits.files) {
    throw new AppError("validation", [], "evidence_zip_too_large", { files: String(files.length), size: megabytes(total, lang), limit: megabytes(limits.bytes, lang) });
  }
  const folders = agencyNames(board.rows);
  const inFolder = new Map<number, (name: string) => string>();
  const entries = files.map((f) => {
    const folder = folders.get(f.agencyId) ?? `co-quan-${f.agencyId}`;
    if (!inFolder.has(f.agencyId)) inFolder.set(f.agencyId, uniqueNames());
    return { id: f.id, name: `${folder}/${inFolder.get(f.agencyId)!(safeFileName(f.fileName))}`, mtime: new Date(f.createdAt) };
  });
  async function* contents() {
    for (const e of entries) {
      const [row] = await db.select({ content: evidenceFiles.content }).from(evidenceFiles).where(eq(evidenceFiles.id, e.id));
      // A file removed since the list was read is left out.
      if (row) yield { name: e.name, mtime: e.mtime, bytes: row.content };
    }
  }
  return { stream: zipStream(contents()), fileName: `minh-chung-dot-${roundId}.zip`, files: entries.length };
}

/**
 * A zip written as it is read: the next entry is fetched only when the client has taken what was
 * written before (the stream's pull), so memory holds about one file whatever the round's total.
 */
export function zipStream(entries: AsyncGenerator<{ name: string; mtime: Date; bytes: Uint8Array }>): ReadableStream<Uint8Array> {
  let zip: Zip;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      zip = new Zip((error, chunk, final) => {
        if (error) { controller.error(error); return; }
        controller.enqueue(chunk);
        if (final) controller.close();
      });
    },
    async pull() {
      const next = await entries.next();
      if (next.done) { zip.end(); return; }
      const entry = new ZipPassThrough(next.value.name);
      entry.mtime = next.value.mtime;
      zip.add(entry);
      entry.push(next.value.bytes, true);
    },
    async cancel() {
      zip.terminate();
      await entries.return(undefined);
    },
  }, { highWaterMark: 1 });
}
