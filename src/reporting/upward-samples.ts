/**
 * The sample province's reports owed upward (samples/upward-reports.json): 268-KH/BKTTW's request to the
 * Standing Committee of the Provincial Party Committee for its self-monitoring report on 11-NQ/TW, and
 * letter 000's yearly report on 111-CTr/TU compiled through the finance department. Documents are named by
 * symbol, or by the seed file they were imported from (000 has no number); agencies by code.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { agencies } from "../agencies/schema.js";
import { documents } from "../documents/schema.js";
import { imports } from "../imports/schema.js";
import type { Database } from "../storage/database.js";
import { obligationInput, sendInput } from "./upward-inputs.js";
import { insertObligation, insertSend } from "./upward-records.js";

const documentRef = z.union([z.object({ symbol: z.string() }).strict(), z.object({ seed: z.string() }).strict()]).nullable().optional();
const sampleFile = z.object({
  format: z.literal("theodoi-upward-reports"),
  version: z.literal(1),
  obligations: z.array(obligationInput.omit({ requestedById: true, subjectId: true, reporterId: true, recipientId: true }).extend({
    requestedBy: documentRef, subject: documentRef, reporter: z.string(), recipient: z.string().nullable().optional(),
    sends: z.array(sendInput.omit({ documentId: true }).extend({ document: documentRef })).default([]),
  })),
});

export async function loadSampleUpwardReports(db: Database, dir: string): Promise<number> {
  const file = sampleFile.parse(JSON.parse(readFileSync(join(dir, "upward-reports.json"), "utf8")));
  const documentId = async (ref: z.infer<typeof documentRef>): Promise<number | null> => {
    if (!ref) return null;
    const [row] = "symbol" in ref
      ? await db.select({ id: documents.id }).from(documents).where(eq(documents.symbol, ref.symbol))
      : await db.select({ id: imports.documentId }).from(imports).where(eq(imports.fileName, ref.seed));
    if (!row?.id) throw new Error(`samples/upward-reports.json: no document ${JSON.stringify(ref)}`);
    return row.id;
  };
  const agencyId = async (code: string) => {
    const [row] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, code));
    if (!row) throw new Error(`samples/upward-reports.json: no agency ${code}`);
    return row.id;
  };
  for (const { requestedBy, subject, reporter, recipient, sends, ...rest } of file.obligations) {
    const id = await insertObligation(db, {
      ...rest, requestedById: await documentId(requestedBy), subjectId: await documentId(subject),
      reporterId: await agencyId(reporter), recipientId: recipient ? await agencyId(recipient) : null,
    }, null);
    for (const { document, ...send } of sends) await insertSend(db, id, { ...send, documentId: await documentId(document) }, null);
  }
  return file.obligations.length;
}
