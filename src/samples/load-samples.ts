/**
 * The sample province (Lạng Sơn) loaded on first start: its agencies with the 2025 successions,
 * the four sample documents with their text, the documents they implement and cite as stubs,
 * and the links between them. One transaction; recorded in `settings` so it runs once.
 * The extraction pipeline will replace the hand-checked document manifest.
 */
import { eq } from "drizzle-orm";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { importAgencies } from "../agencies/commands.js";
import { agencyExchangeFile } from "../agencies/inputs.js";
import { agencies } from "../agencies/schema.js";
import { createDocument, createLink } from "../documents/commands.js";
import { documentInput } from "../documents/inputs.js";
import { DOCUMENT_TYPE_LABELS } from "../documents/labels.js";
import { DOCUMENT_TYPES, LINK_KINDS } from "../documents/schema.js";
import type { Database } from "../storage/database.js";
import { settings } from "../storage/schema.js";
import { documentTypeOfSymbol, parseDocumentSymbol } from "../text/symbols.js";

export const SAMPLES_DIR = resolve(fileURLToPath(new URL("../../samples", import.meta.url)));
const LOADED = "samples_loaded";

const manifestSchema = z.object({
  format: z.literal("theodoi-sample-documents"),
  version: z.literal(1),
  documents: z.array(z.object({
    ref: z.string(),
    symbol: z.string().nullable(),
    docType: z.enum(DOCUMENT_TYPES).optional(),
    issuer: z.string().nullable(),
    issuerText: z.string().nullable().optional(),
    issuedOn: z.string().nullable().optional(),
    issuedText: z.string().nullable().optional(),
    signer: z.string().nullable().optional(),
    title: z.string().nullable().optional(),
    file: z.string().optional(),
    status: z.enum(["draft", "published"]),
    stub: z.boolean().optional(),
  })),
  links: z.array(z.object({ from: z.string(), to: z.string(), kind: z.enum(LINK_KINDS) })),
});

export async function samplesLoaded(db: Database): Promise<boolean> {
  return (await db.select().from(settings).where(eq(settings.key, LOADED))).length > 0;
}

/** Loads the sample province unless it was loaded before; returns what it did. */
export async function loadSampleProvince(db: Database, dir = SAMPLES_DIR): Promise<{ loaded: boolean; documents: number; agencies: number }> {
  const agencyFile = agencyExchangeFile.parse(JSON.parse(readFileSync(join(dir, "agencies.json"), "utf8")));
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(dir, "documents.json"), "utf8")));
  return db.transaction(async (tx) => {
    if (await samplesLoaded(tx)) return { loaded: false, documents: 0, agencies: 0 };
    await importAgencies(tx, agencyFile.agencies);
    const agencyId = new Map((await tx.select({ id: agencies.id, code: agencies.code }).from(agencies)).map((a) => [a.code, a.id]));
    const idOf = new Map<string, number>();
    for (const d of manifest.documents) {
      const parsed = d.symbol ? parseDocumentSymbol(d.symbol) : null;
      const docType = d.docType ?? (parsed ? documentTypeOfSymbol(parsed) : "other");
      const input = documentInput.parse({
        symbol: d.symbol, docType, issuerId: d.issuer ? agencyId.get(d.issuer) ?? null : null, issuerText: d.issuerText ?? null,
        issuedOn: d.issuedOn ?? null, issuedText: d.issuedText ?? null, signer: d.signer ?? null,
        title: d.title ?? `${DOCUMENT_TYPE_LABELS[docType].vi} số ${d.symbol}`,
        fullText: d.file ? readFileSync(join(dir, "seeds", d.file), "utf8").normalize("NFC") : null,
        sourceFile: d.file ?? null, status: d.status, stub: d.stub ?? false,
      });
      idOf.set(d.ref, (await createDocument(tx, input)).id);
    }
    for (const l of manifest.links) await createLink(tx, { fromId: idOf.get(l.from)!, toId: idOf.get(l.to)!, kind: l.kind });
    await tx.insert(settings).values({ key: LOADED, value: new Date().toISOString() });
    return { loaded: true, documents: manifest.documents.length, agencies: agencyFile.agencies.length };
  });
}
