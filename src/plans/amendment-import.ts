/**
 * An amending document through the import pipeline (issue 15): its draft names the document it amends,
 * replaces or repeals, the day it takes effect and its changes, each proposed onto the indicator or task of the
 * amended document it changes (by name, as report figures are matched to targets), which the reviewer confirms
 * or corrects. Publishing writes the link, a version of each changed item in force from that day (the original
 * kept) and flags the documents below, in the publishing transaction.
 * Outcomes: the draft's amendment (pure), with its proposals (read), applied (write); AppError validation (a
 * document amending itself, changes without a day they take effect, a change that does not hold).
 */
import { and, eq, or } from "drizzle-orm";
import { z } from "zod";
import { AppError, invalid } from "../core/errors.js";
import { dateField } from "../core/fields.js";
import { createLink, likelyDocument } from "../documents/commands.js";
import { documentLinks, documents } from "../documents/schema.js";
import { AMENDMENT_KINDS, type ExtractedAmendment } from "../extraction/amendments.js";
import { LINK_KIND_LABELS } from "../documents/labels.js";
import type { Database } from "../storage/database.js";
import { foldVietnamese } from "../text/fold.js";
import { flagChainBelow } from "./amendment-flags.js";
import { addTargetVersion, addTaskVersion, forgetVersionsBy } from "./amendments.js";
import { measureWords, nameSimilarity } from "./reported-figures.js";
import { COMPARATORS, indicators, tasks } from "./schema.js";

const shortText = z.string().trim().max(20_000).nullable();
const offset = z.number().int().min(0).nullable();
const ITEMS = ["indicator", "task"] as const;

export const amendmentDraft = z.object({
  kind: z.enum(AMENDMENT_KINDS),
  /** The document changed, as cited, and the recorded document it is (proposed; the reviewer may pick another). */
  symbol: z.string().trim().min(1).max(200),
  date: dateField.nullable(),
  issuerText: z.string().max(2000).nullable().default(null),
  targetId: z.number().int().positive().nullable().default(null),
  /** The day the changes take effect (the day issued when the text names none). */
  inForceFrom: dateField.nullable(),
  changes: z.array(z.object({
    action: z.enum(["modify", "repeal"]),
    item: z.enum(["indicator", "task", "provision"]),
    place: shortText, before: shortText, after: shortText,
    target: z.object({ comparator: z.enum(COMPARATORS), min: z.number().nullable(), max: z.number().nullable(), unit: z.string().max(200).nullable(), year: z.number().int().min(1900).max(2200).nullable(), perYear: z.boolean() }).nullable(),
    deadlineText: z.string().trim().max(2000).nullable(),
    text: z.string().max(20_000),
    start: offset, end: offset,
    /** The item of the amended document it changes: proposed by name, confirmed or corrected by the reviewer; none applies nothing. */
    matchKind: z.enum(ITEMS).nullable().default(null),
    matchId: z.number().int().positive().nullable().default(null),
    candidates: z.array(z.object({ kind: z.enum(ITEMS), id: z.number().int().positive(), name: z.string().max(20_000), similarity: z.number() })).max(5).default([]),
  })).max(500),
}).nullable().default(null);
export type AmendmentDraft = NonNullable<z.infer<typeof amendmentDraft>>;
type ChangeDraft = AmendmentDraft["changes"][number];

/** The draft's amendment from the extraction; the proposals come with `withAmendmentMatches`. */
export function draftAmendment(a: ExtractedAmendment | null | undefined): AmendmentDraft | null {
  if (!a) return null;
  return {
    kind: a.kind, symbol: a.target.symbol, date: a.target.date, issuerText: a.target.issuer_text, targetId: null, inForceFrom: a.in_force_from,
    changes: a.changes.map((c) => ({ ...c, matchKind: null, matchId: null, candidates: [] })),
  };
}

/** Whether an extracted item's clause is one of the amendment's changes (its figures are the amended plan's, not the amending one's). */
export const withinChange = (a: AmendmentDraft | null, start: number | null, end: number | null) =>
  !!a && start !== null && a.changes.some((c) => c.start !== null && c.end !== null && start >= c.start && (end ?? start) <= c.end);

/** The least similarity for a proposal to be applied without a choice; below it the candidates are listed for the reviewer. */
const APPLY_THRESHOLD = 0.6;
const LIST_THRESHOLD = 0.3;

/** How alike an item is to the words a change quotes: 1 when the item holds them whole, else the Dice of their measure words. */
function likeness(quoted: string, name: string): number {
  const q = foldVietnamese(quoted).replace(/\W+/g, " ").trim(), n = foldVietnamese(name).replace(/\W+/g, " ").trim();
  if (q.length > 8 && n.includes(q)) return 1;
  return nameSimilarity(new Set(measureWords(quoted)), new Set(measureWords(name)));
}

/** The recorded document amended, and each change's candidates among its indicators and tasks. */
export async function withAmendmentMatches<T extends { amendment?: AmendmentDraft | null }>(db: Database, draft: T): Promise<T> {
  const a = draft.amendment;
  if (!a) return draft;
  const target = await likelyDocument(db, a.symbol, a.date);
  if (!target) return draft;
  const items = [
    ...(await db.select({ id: indicators.id, name: indicators.name }).from(indicators).where(eq(indicators.documentId, target.id))).map((i) => ({ kind: "indicator" as const, ...i })),
    ...(await db.select({ id: tasks.id, name: tasks.text }).from(tasks).where(eq(tasks.documentId, target.id))).map((t) => ({ kind: "task" as const, ...t })),
  ];
  const changes = a.changes.map((c): ChangeDraft => {
    const quoted = c.before ?? c.after;
    if (!quoted) return c;
    const kinds = c.item === "provision" ? ITEMS : [c.item];
    const candidates = items.filter((i) => (kinds as readonly string[]).includes(i.kind)).map((i) => ({ ...i, similarity: Math.round(likeness(quoted, i.name) * 100) / 100 }))
      .filter((i) => i.similarity >= LIST_THRESHOLD).sort((x, y) => y.similarity - x.similarity).slice(0, 5);
    const [best, second] = candidates;
    const sure = best && best.similarity >= APPLY_THRESHOLD && (!second || second.similarity < best.similarity);
    return { ...c, candidates, matchKind: sure ? best.kind : null, matchId: sure ? best.id : null };
  });
  return { ...draft, amendment: { ...a, targetId: target.id, changes } };
}

const dmy = (iso: string) => iso.split("-").reverse().join("/");

/**
 * Applies an amending document's draft on publishing it (`documentId`), in the caller's transaction: the link,
 * each confirmed change as a version in force from its day, and the flags below the document changed.
 * `targetOf` resolves the document changed when the draft names none recorded (a stub from its citation).
 */
export async function applyAmendment(db: Database, documentId: number, issuedOn: string | null, a: AmendmentDraft, actor: { id: number } | null,
  targetOf: () => Promise<number>): Promise<void> {
  // A new version of the amending document: what the earlier one set is replaced by what this one sets.
  await forgetVersionsBy(db, documentId, actor);
  const targetId = a.targetId ?? await targetOf();
  if (targetId === documentId) throw invalid("amendment.targetId", "link_self");
  const [linked] = await db.select({ id: documentLinks.id }).from(documentLinks).where(or(
    and(eq(documentLinks.fromId, documentId), eq(documentLinks.toId, targetId)), and(eq(documentLinks.fromId, targetId), eq(documentLinks.toId, documentId))));
  if (!linked) await createLink(db, { fromId: documentId, toId: targetId, kind: a.kind, note: null });
  const inForceFrom = a.inForceFrom ?? issuedOn;
  const applied = a.changes.filter((c) => c.matchId !== null && c.matchKind !== null);
  if (applied.length && !inForceFrom) throw invalid("amendment.inForceFrom", "field_required");
  for (const [n, c] of a.changes.entries()) {
    if (c.matchId === null || c.matchKind === null) continue;
    const common = { inForceFrom: inForceFrom!, sourceDocumentId: documentId, sourceText: c.text };
    try {
      if (c.matchKind === "indicator" && c.action === "modify" && c.target) {
        await ofDocument(db, indicators, c.matchId, targetId, n);
        await addTargetVersion(db, actor?.id ?? null, c.matchId, { ...common, comparator: c.target.comparator, min: c.target.min, max: c.target.max, targetYear: c.target.year ?? undefined, perYear: c.target.perYear }, true, undefined);
      } else if (c.matchKind === "task") {
        await ofDocument(db, tasks, c.matchId, targetId, n);
        await addTaskVersion(db, actor, c.matchId, c.action === "repeal" ? { ...common, cancelled: true }
          : { ...common, cancelled: false, ...(c.deadlineText ? { deadlineText: c.deadlineText } : {}), ...(c.after && !c.deadlineText ? { text: c.after } : {}) }, true);
      }
    } catch (e) {
      // The problem named at the change ("amendment.changes.1.deadlineText").
      if (e instanceof AppError && e.code === "validation" && !e.fields.some((f) => f.field.startsWith("amendment."))) {
        throw new AppError("validation", e.fields.map((f) => ({ ...f, field: `amendment.changes.${n}.${f.field}` })), e.detail);
      }
      throw e;
    }
  }
  const [doc] = await db.select({ symbol: documents.symbol, title: documents.title }).from(documents).where(eq(documents.id, documentId));
  const label = LINK_KIND_LABELS[a.kind].out.vi;
  const what = applied.length ? applied.map((c) => c.text.replace(/^\s*\d+[.)]\s*/, "")).join(" ") : a.kind === "amends" ? "một số nội dung" : "toàn bộ văn bản";
  const note = `${label} theo ${doc.symbol ?? doc.title}${inForceFrom ? ` (từ ngày ${dmy(inForceFrom)})` : ""}: ${what}`.slice(0, 2000);
  await flagChainBelow(db, targetId, documentId, note, a.kind);
}

/** A change applies to the amended document's own items only: a reviewer's id of another's is refused. */
async function ofDocument(db: Database, table: typeof indicators | typeof tasks, id: number, documentId: number, n: number) {
  const [row] = await db.select({ id: table.id }).from(table).where(and(eq(table.id, id), eq(table.documentId, documentId)));
  if (!row) throw invalid(`amendment.changes.${n}.matchId`, "amendment_target_missing");
}
