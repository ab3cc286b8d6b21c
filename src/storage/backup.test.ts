import { count, desc, getTableName, sql } from "drizzle-orm";
import { getTableConfig } from "drizzle-orm/pg-core";
import { queryRows } from "./database.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../test/support/database.js";
import { BACKED_UP, backupDatabase, BackupFormatError, NOT_BACKED_UP, restoreDatabase } from "./backup.js";
import { agencies, auditEvents, documents, documentLinks, evidenceFiles, rounds, submissions } from "./schema.js";
import { gzipSync } from "node:zlib";

let t: TestDatabase;
beforeAll(async () => { t = await openTestDatabase({ samples: true }); });
afterAll(async () => { await t.drop(); });

/** The rows of every table kept, by table. */
const counts = async () => {
  const out: Record<string, number> = {};
  for (const table of BACKED_UP) out[getTableName(table)] = (await t.store.db.select({ n: count() }).from(table))[0].n;
  return out;
};

describe("backup and restore", () => {
  it("keeps every table of the database but sessions, sign-in failures and the audit trail, each after those it references", async () => {
    const tables = await queryRows<{ name: string }>(t.store.db, sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
    const kept = BACKED_UP.map((table) => getTableName(table));
    // (Drizzle's own record of the migrations applied is the migrator's.)
    expect(tables.map((r) => r.name).filter((n) => !kept.includes(n) && !NOT_BACKED_UP.has(n) && !n.startsWith("__drizzle")).sort()).toEqual([]);
    for (const table of BACKED_UP) {
      for (const fk of getTableConfig(table).foreignKeys) {
        const parent = getTableName(fk.reference().foreignTable);
        if (parent !== getTableName(table) && !NOT_BACKED_UP.has(parent)) expect(kept.indexOf(parent), `${getTableName(table)} after ${parent}`).toBeLessThan(kept.indexOf(getTableName(table)));
      }
    }
  });


  it("restores exactly what was backed up, and new rows get fresh ids", async () => {
    const db = t.store.db;
    // A report with an evidence file: binary content survives the JSON file.
    const [round] = await db.select().from(rounds);
    const [agency] = await db.select().from(agencies).limit(1);
    const [report] = await db.insert(submissions).values({ roundId: round.id, agencyId: agency.id }).returning();
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff, 0x80]);
    await db.insert(evidenceFiles).values({ submissionId: report.id, fileName: "a.pdf", mediaType: "application/pdf", size: bytes.length, sha256: "x", content: bytes });
    const before = await counts();
    // The sample province has rows in the tables an older list of tables left out (key projects' plans, reports owed upward, restated targets).
    for (const name of ["project_documents", "report_obligations", "indicator_contributions", "document_obligations"]) expect(before[name], name).toBeGreaterThan(0);
    const snapshot = await db.select().from(documents).orderBy(documents.id);
    const file = await backupDatabase(db);
    await db.delete(rounds);
    await db.delete(documentLinks);
    await db.delete(documents);
    expect((await counts()).documents).toBe(0);
    expect((await counts()).project_documents).toBe(0);
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
    // The sample province has rows in the tables an older list of tables left out (key projects' plans, reports owed upward, restated targets).
    for (const name of ["project_documents", "report_obligations", "indicator_contributions", "document_obligations"]) expect(before[name], name).toBeGreaterThan(0);
    await expect(restoreDatabase(t.store.db, Buffer.from("hello"))).rejects.toThrow(BackupFormatError);
    await expect(restoreDatabase(t.store.db, gzipSync(JSON.stringify({ format: "other" })))).rejects.toThrow(BackupFormatError);
    expect(await counts()).toEqual(before);
  });

  it("rolls back a restore that fails half-way", async () => {
    const before = await counts();
    // The sample province has rows in the tables an older list of tables left out (key projects' plans, reports owed upward, restated targets).
    for (const name of ["project_documents", "report_obligations", "indicator_contributions", "document_obligations"]) expect(before[name], name).toBeGreaterThan(0);
    const broken = gzipSync(JSON.stringify({ format: "theodoi-backup", version: 1, createdAt: "", tables: { documents: [{ id: 1, title: null, docType: "plan" }] } }));
    await expect(restoreDatabase(t.store.db, broken)).rejects.toThrow();
    expect(await counts()).toEqual(before);
  });
});
