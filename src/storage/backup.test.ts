import { count, desc } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../test/support/database.js";
import { backupDatabase, BackupFormatError, restoreDatabase } from "./backup.js";
import { agencies, auditEvents, documents, documentLinks, evidenceFiles, rounds, submissions } from "./schema.js";
import { gzipSync } from "node:zlib";

let t: TestDatabase;
beforeAll(async () => { t = await openTestDatabase({ samples: true }); });
afterAll(async () => { await t.drop(); });

const counts = async () => {
  const db = t.store.db;
  const [[a], [d], [l]] = await Promise.all([db.select({ n: count() }).from(agencies), db.select({ n: count() }).from(documents), db.select({ n: count() }).from(documentLinks)]);
  return { agencies: a.n, documents: d.n, links: l.n };
};

describe("backup and restore", () => {
  it("restores exactly what was backed up, and new rows get fresh ids", async () => {
    const db = t.store.db;
    // A report with an evidence file: binary content survives the JSON file.
    const [round] = await db.select().from(rounds);
    const [agency] = await db.select().from(agencies).limit(1);
    const [report] = await db.insert(submissions).values({ roundId: round.id, agencyId: agency.id }).returning();
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff, 0x80]);
    await db.insert(evidenceFiles).values({ submissionId: report.id, fileName: "a.pdf", mediaType: "application/pdf", size: bytes.length, sha256: "x", content: bytes });
    const before = await counts();
    const snapshot = await db.select().from(documents).orderBy(documents.id);
    const file = await backupDatabase(db);
    await db.delete(rounds);
    await db.delete(documentLinks);
    await db.delete(documents);
    expect((await counts()).documents).toBe(0);
    const [{ n: eventsBefore }] = await db.select({ n: count() }).from(auditEvents);
    await restoreDatabase(db, file);
    expect(await counts()).toEqual(before);
    expect(await db.select().from(documents).orderBy(documents.id)).toEqual(snapshot);
    const [{ n: eventsAfter }] = await db.select({ n: count() }).from(auditEvents);
    const [restored] = await db.select().from(evidenceFiles);
    expect(new Uint8Array(restored.content)).toEqual(bytes);
    // The restore is one event in the audit trail, not thousands.
    expect(eventsAfter).toBe(eventsBefore + 1);
    const [last] = await db.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
    expect(last).toMatchObject({ action: "backup.restore", tableName: "database" });
    const [fresh] = await db.insert(documents).values({ title: "Mới", docType: "other" }).returning();
    expect(fresh.id).toBeGreaterThan(Math.max(...snapshot.map((d) => d.id)));
  });

  it("refuses a file that is not a backup, leaving the data unchanged", async () => {
    const before = await counts();
    await expect(restoreDatabase(t.store.db, Buffer.from("hello"))).rejects.toThrow(BackupFormatError);
    await expect(restoreDatabase(t.store.db, gzipSync(JSON.stringify({ format: "other" })))).rejects.toThrow(BackupFormatError);
    expect(await counts()).toEqual(before);
  });

  it("rolls back a restore that fails half-way", async () => {
    const before = await counts();
    const broken = gzipSync(JSON.stringify({ format: "theodoi-backup", version: 1, createdAt: "", tables: { documents: [{ id: 1, title: null, docType: "plan" }] } }));
    await expect(restoreDatabase(t.store.db, broken)).rejects.toThrow();
    expect(await counts()).toEqual(before);
  });
});
