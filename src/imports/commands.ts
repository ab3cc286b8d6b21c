/**
 * Importing a document: upload → draft → (edits) → publish. Reading and extracting happen before
 * any write; every write is one transaction, so a failure at any step leaves nothing behind.
 * Outcomes: the import, or AppError validation (an unreadable file, a draft that does not hold,
 * a lead agency not mapped), duplicate (the same file already imported), not_found, conflict.
 */
import { createHash } from "node:crypto";
import { and, eq, ne } from "drizzle-orm";
import { agencies } from "../agencies/schema.js";
import { AppError, conflict, invalid } from "../core/errors.js";
import { createDocument, createLink, likelyDocument, replaceOutline, sameDocument, updateDocument } from "../documents/commands.js";
import { documentLinks, documents } from "../documents/schema.js";
import { readAndExtractIsolated } from "../extraction/read-isolated.js";
import { createIndicators, createValues } from "../plans/indicators.js";
import { valuesFromReportedFigures } from "../plans/reported-figures.js";
import { forgetDocumentProjects, knownProjects, recordDocumentProjects } from "../plans/projects.js";
import { candidatesFor, projectKey } from "../plans/project-matching.js";
import { indicators, projects, tasks } from "../plans/schema.js";
import { createTasks } from "../plans/tasks.js";
import { carryFulfilments, fulfilmentsToCarry } from "../plans/obligations.js";
import { carryContributions, contributionsToCarry } from "../plans/contributions.js";
import { settleObligationsOnPublish } from "../plans/obligation-matching.js";
import { vietnamDate } from "../reporting/periods.js";
import { placeItemsInSections } from "../plans/sections.js";
import type { Database } from "../storage/database.js";
import type { UploadedFile } from "../http/route.js";
import { findById } from "../storage/records.js";
import { documentTypeOfSymbol, parseDocumentSymbol } from "../text/symbols.js";
import { DOCUMENT_TYPE_LABELS } from "../documents/labels.js";
import { draftFromExtraction, figureOf, unmappedLeads, type Draft, type RegistryEntry } from "./draft.js";
import { imports } from "./schema.js";
import { recordConfirmedUpward } from "../reporting/upward-extraction.js";
import { applyAmendment, withAmendmentMatches } from "../plans/amendment-import.js";
import { carryVersions, versionsToCarry } from "../plans/amendments.js";

export type ImportRow = typeof imports.$inferSelect;

export async function agencyRegistry(db: Database): Promise<RegistryEntry[]> {
  const rows = await db.select({
    id: agencies.id, code: agencies.code, name: agencies.name, aliases: agencies.aliases, kind: agencies.kind,
    validFrom: agencies.validFrom, validTo: agencies.validTo,
  }).from(agencies);
  return rows.map((r) => ({ ...r, aliases: r.aliases ?? [] }));
}

/** The published import of a document with this symbol, if any: a new upload of it is a new version. */
async function publishedImportOf(db: Database, symbol: string | null, issuedOn: string | null): Promise<ImportRow | null> {
  const doc = symbol ? await sameDocument(db, symbol, issuedOn) : null;
  if (!doc) return null;
  const [row] = await db.select().from(imports).where(and(eq(imports.documentId, doc.id), eq(imports.status, "published")));
  return row ?? null;
}

/** An upload read and extracted, ready to be stored as a draft. */
type ReadImport = { file: UploadedFile; fileHash: string; text: string; draft: Draft };

async function refuseDuplicate(db: Database, fileHash: string) {
  const [same] = await db.select({ id: imports.id }).from(imports).where(and(eq(imports.fileHash, fileHash), ne(imports.status, "discarded")));
  if (same) throw new AppError("duplicate", [{ field: "file", key: "import_duplicate" }, { field: "existingImportId", message: String(same.id) }], "import_duplicate");
}

/** Reads and extracts an upload (seconds for a long document, in a reading process), outside any transaction. */
export async function readImport(db: Database, file: UploadedFile): Promise<ReadImport> {
  const fileHash = file.sha256 ?? createHash("sha256").update(file.bytes).digest("hex");
  await refuseDuplicate(db, fileHash);
  const registry = await agencyRegistry(db);
  const { text, extraction } = await readAndExtractIsolated(file.name, file.bytes, registry);
  return { file, fileHash, text, draft: draftFromExtraction(extraction, registry) };
}

/** Stores a read upload as a draft import. Call inside a transaction. */
export async function storeImport(db: Database, { file, fileHash, text, draft }: ReadImport): Promise<ImportRow> {
  // Checked again: the same file may have been stored while this one was being read.
  await refuseDuplicate(db, fileHash);
  const previous = await publishedImportOf(db, draft.document.symbol, draft.document.issuedOn);
  const [row] = await db.insert(imports).values({
    fileName: file.name, fileHash, fileSize: file.bytes.length, text, draft: await withProjectMatches(db, await withAmendmentMatches(db, draft)), previousImportId: previous?.id ?? null,
  }).returning();
  return row;
}

/** Each project of the draft with the recorded projects it may be, the one it is when only one can be (see project-matching.ts). */
async function withProjectMatches(db: Database, draft: Draft): Promise<Draft> {
  if (!draft.projects.length) return draft;
  const known = (await knownProjects(db)).map((k) => ({ ...k, key: projectKey(k.name) }));
  return {
    ...draft,
    projects: draft.projects.map((p) => {
      const { candidates, unambiguous } = candidatesFor(p.name, p.location, known);
      return { ...p, candidates, matchId: unambiguous };
    }),
  };
}

export async function createImport(db: Database, file: UploadedFile): Promise<ImportRow> {
  const read = await readImport(db, file);
  return db.transaction((tx) => storeImport(tx, read));
}

async function draftImport(db: Database, id: number, version: number): Promise<ImportRow> {
  const row = await findById(db, imports, id);
  if (row.version !== version) throw conflict();
  if (row.status !== "draft") throw invalid("status", "import_not_draft");
  return row;
}

/** Saves the person's edits to the draft (the whole draft, with the version they read). */
export async function saveDraft(db: Database, id: number, input: { draft: Draft; version: number }): Promise<ImportRow> {
  return db.transaction(async (tx) => {
    await draftImport(tx, id, input.version);
    const [row] = await tx.update(imports).set({ draft: input.draft, version: input.version + 1, updatedAt: new Date().toISOString() })
      .where(and(eq(imports.id, id), eq(imports.version, input.version))).returning();
    if (!row) throw conflict();
    return row;
  });
}

export async function discardImport(db: Database, id: number, version: number): Promise<ImportRow> {
  return db.transaction(async (tx) => {
    await draftImport(tx, id, version);
    const [row] = await tx.update(imports).set({ status: "discarded", version: version + 1, updatedAt: new Date().toISOString() })
      .where(eq(imports.id, id)).returning();
    return row;
  });
}

/** A cited document: the one with this symbol, or a stub made from the citation. */
async function citedDocument(db: Database, citation: Draft["implements"][number]): Promise<number> {
  // The cited document of that number and year: "58/NQ-HĐND ngày 12/12/2025" is not the 58/NQ-HĐND of 2023.
  const found = await likelyDocument(db, citation.symbol, citation.date);
  if (found) return found.id;
  const parsed = parseDocumentSymbol(citation.symbol);
  const docType = parsed ? documentTypeOfSymbol(parsed) : "other";
  const named = `${DOCUMENT_TYPE_LABELS[docType].vi} số ${citation.symbol}`;
  const doc = await createDocument(db, {
    symbol: citation.symbol, docType, title: citation.subject ? `${named} về ${citation.subject}` : named, issuedOn: citation.date,
    issuerText: citation.issuerText, status: "published", stub: true,
  });
  return doc.id;
}

async function linkOnce(db: Database, fromId: number, toId: number, kind: "implements" | "cites") {
  if (fromId === toId) return;
  const [existing] = await db.select({ id: documentLinks.id }).from(documentLinks)
    .where(and(eq(documentLinks.fromId, fromId), eq(documentLinks.toId, toId)));
  if (!existing) await createLink(db, { fromId, toId, kind });
}

/** Runs one item's write, naming the item in any validation problem ("tasks.3.deadlineText"). */
async function itemAt<T>(path: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (e instanceof AppError && e.code === "validation") throw new AppError("validation", e.fields.map((f) => ({ ...f, field: `${path}.${f.field}` })), e.detail);
    throw e;
  }
}

export interface PublishResult { import: ImportRow; documentId: number; tasks: number; indicators: number; projects: number }

/**
 * Publishes a draft in one transaction: the document (created, or filled in where it was a stub
 * or an earlier version), its links to the documents it implements and cites, and its tasks,
 * indicators and projects, which replace those of an earlier version.
 */
export async function publishImport(db: Database, id: number, version: number, actorId: number | null = null): Promise<PublishResult> {
  return db.transaction(async (tx) => {
    const row = await draftImport(tx, id, version);
    const draft = row.draft;
    const unmapped = unmappedLeads(draft);
    if (unmapped.length) throw new AppError("validation", unmapped.map((name) => ({ field: `agencies.${name}`, key: "agency_unmapped" as const })), "import_unmapped");
    const d = draft.document;
    // Only the same document (same symbol and year, or an undated stub) is written over: never another year's.
    const existing = d.symbol ? await sameDocument(tx, d.symbol, d.issuedOn) : null;
    const fields = {
      symbol: d.symbol, docType: d.docType, title: d.title, issuedOn: d.issuedOn, issuedText: d.issuedText, signer: d.signer,
      issuerText: d.issuerText, issuerId: d.issuerId, fullText: row.text, sourceFile: row.fileName, status: "published" as const, stub: false,
    };
    const written = existing
      ? await updateDocument(tx, existing.id, { ...fields, version: existing.version })
      : await createDocument(tx, fields);
    const documentId = written.id;
    await itemAt("outline", () => replaceOutline(tx, documentId, {
      version: written.version,
      sections: draft.outline.map((o) => ({ number: o.number, title: o.title, level: o.level, parent: o.parent, startOffset: o.start, endOffset: o.end })),
    }));
    // A new version replaces what the earlier one made live (the documents that met its obligations meet them again).
    const carried = await fulfilmentsToCarry(tx, documentId);
    const carriedLinks = await contributionsToCarry(tx, documentId);
    const carriedVersions = await versionsToCarry(tx, documentId);
    await tx.delete(tasks).where(eq(tasks.documentId, documentId));
    await tx.delete(indicators).where(eq(indicators.documentId, documentId));
    await forgetDocumentProjects(tx, documentId, new Set(draft.projects.map((p) => p.matchId).filter((x): x is number => x !== null)));

    // Issue 15: the document it amends, replaces or repeals, linked first (it does not implement it), its changes applied, those below flagged.
    const amendment = draft.amendment;
    if (amendment) await applyAmendment(tx, documentId, d.issuedOn, amendment, actorId === null ? null : { id: actorId }, () => citedDocument(tx, { ...amendment, subject: null }));
    for (const c of draft.implements) await linkOnce(tx, documentId, await citedDocument(tx, c), "implements");
    for (const c of draft.references) await linkOnce(tx, documentId, await citedDocument(tx, c), "cites");
    // The chain above: cited documents carrying out one another, as the text says. The document
    // itself is never a link's end here: its own links are the ones above.
    const cited = new Map([...draft.implements, ...draft.references].map((c) => [c.symbol, c]));
    for (const link of draft.chains) {
      const from = cited.get(link.from), to = cited.get(link.to);
      if (!from || !to) continue;
      const [fromId, toId] = [await citedDocument(tx, from), await citedDocument(tx, to)];
      if (fromId === documentId || toId === documentId) continue;
      // What one text says of two others yields to what is recorded: a link closing a cycle is left out.
      await linkOnce(tx, fromId, toId, "implements").catch((e) => { if (!(e instanceof AppError && e.code === "validation")) throw e; });
    }

    const idsOf = new Map(draft.agencies.map((a) => [a.name, a.agencyIds]));
    const collective = new Set(draft.agencies.filter((a) => a.collective).map((a) => a.name));
    const ids = (names: string[]) => [...new Set(names.flatMap((n) => idsOf.get(n) ?? []))];
    /** The collective phrases among `names`, each with the agencies it stands for: they show under it, and owe as it says (see owedByAgency). */
    const phrasesOf = (role: "lead" | "coordinating", names: string[]) => {
      // An agency the text also names on its own is there by name, not by the phrase.
      const named = new Set(ids(names.filter((n) => !collective.has(n))));
      return names.filter((n) => collective.has(n)).map((phrase) => ({ role, phrase, agencyIds: (idsOf.get(phrase) ?? []).filter((id) => !named.has(id)) }));
    };
    await itemAt("tasks", () => createTasks(tx, draft.tasks.map((t) => {
      const leadIds = ids(t.lead);
      return {
        documentId, text: t.text, leadIds, coordinatingIds: ids(t.coordinating).filter((x) => !leadIds.includes(x)),
        phrases: [...phrasesOf("lead", t.lead), ...phrasesOf("coordinating", t.coordinating)],
        deadlineText: t.deadlineText, expectedOutput: t.output, status: "open" as const,
        sectionNumber: t.section, sourceText: row.text.slice(t.start ?? 0, t.end ?? 0) || null, startOffset: t.start, endOffset: t.end,
      };
    })));
    // Indicators, then the figures their text states, one insert per batch each (a national plan holds thousands).
    const indicatorIds = await itemAt("indicators", () => createIndicators(tx, draft.indicators.map((i) => {
      const measured = i.kind !== "target";
      return {
        documentId, name: i.name, unit: i.unit, comparator: i.comparator, min: i.min, max: i.max, targetYear: measured ? null : i.year,
        perYear: i.perYear, periodFrom: measured ? null : i.periodFrom, periodTo: measured ? null : i.periodTo, direction: i.direction, sectionNumber: i.section, sourceText: i.text, startOffset: i.start, endOffset: i.end,
        // (A draft saved before indicators had owners has none.)
        ownerId: i.ownerId ?? null,
      };
    })));
    await createValues(tx, draft.indicators.flatMap((i, n) => {
      const figure = figureOf(i, d.issuedOn);
      return figure ? [{ indicatorId: indicatorIds[n], period: String(figure.year), value: figure.value, kind: figure.kind, sourceDocumentId: documentId }] : [];
    }));
    await carryFulfilments(tx, documentId, carried);
    // And the links of its indicators to those they serve above and those serving them below (issue 15).
    await carryContributions(tx, documentId, carriedLinks);
    // And what amending documents (or people) changed in its targets and tasks from a day.
    await carryVersions(tx, documentId, carriedVersions, actorId === null ? null : { id: actorId });
    // The documents it is owed by the plans it implements, and those owed to it by documents already implementing it (issue 15).
    await settleObligationsOnPublish(tx, documentId, draft.obligations ?? [], actorId, vietnamDate(new Date()), !row.previousImportId);
    await placeItemsInSections(tx, documentId);
    await valuesFromReportedFigures(tx, documentId);
    await itemAt("projects", () => recordDocumentProjects(tx, documentId, d.docType === "report" ? "reports" : "carries", draft.projects));
    if (row.previousImportId) {
      await tx.update(imports).set({ status: "superseded", updatedAt: new Date().toISOString() }).where(eq(imports.id, row.previousImportId));
    }
    const [published] = await tx.update(imports).set({
      status: "published", documentId, publishedAt: new Date().toISOString(), version: version + 1, updatedAt: new Date().toISOString(),
    }).where(eq(imports.id, id)).returning();
    // The reports upward it asks for that the reviewer confirmed (issue 15).
    await recordConfirmedUpward(tx, documentId, draft.upwardReports ?? [], null);
    return { import: published, documentId, tasks: draft.tasks.length, indicators: draft.indicators.length, projects: draft.projects.length };
  });
}
