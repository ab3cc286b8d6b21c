/**
 * Reports' files written in worker threads: the same document as written on the server's thread, and a failure
 * that fails only its own file. (What it spares the server's thread is measured in bench/, not here.)
 */
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../test/support/database.js";
import { startServerProcess } from "../../test/support/process.js";
import { compileReport, planBySymbol, reportDocx, type ConsolidatedReport } from "./consolidated.js";
import { Worker } from "node:worker_threads";
import { projectPath } from "../core/project-root.js";
import { renderAppendicesXlsx, renderReportDocx, writersBundle } from "./rendering.js";

let t: TestDatabase;
let report: ConsolidatedReport;
beforeAll(async () => {
  t = await openTestDatabase({ samples: true });
  report = await compileReport(t.store.db, await planBySymbol(t.store.db, "23/KH-UBND"), 2024, "2026-12-06", false);
});
afterAll(async () => { await t?.drop(); });

const body = (docx: Buffer) => new TextDecoder().decode(unzipSync(new Uint8Array(docx))["word/document.xml"]);

describe("reports written in worker threads", () => {
  it("write the same document as the server's thread would, and its appendices as a workbook", { timeout: 60_000 }, async () => {
    expect(body(await renderReportDocx(report))).toBe(body(await reportDocx(report)));
    const xlsx = unzipSync(new Uint8Array(await renderAppendicesXlsx(report.appendices)));
    expect(Object.keys(xlsx)).toContain("xl/workbook.xml");
  });

  it("fail only the file that cannot be written, and write the next", { timeout: 60_000 }, async () => {
    const broken = { ...report, sections: null } as unknown as ConsolidatedReport;
    await expect(renderReportDocx(broken)).rejects.toThrow(/writing the report failed/);
    expect(body(await renderReportDocx(report))).toContain("BÁO CÁO");
  });

  it("are written by the server run from its bundle (bin/theodoi.mjs), the writers loaded from theirs", { timeout: 180_000 }, async () => {
    const server = await startServerProcess();
    try {
      const created = await server.admin.call("POST", "/api/documents", { symbol: "12/KH-UBND", title: "Kế hoạch viết báo cáo", issuedOn: "10/01/2024" });
      expect(created.status).toBe(201);
      const res = await fetch(`${server.url}/api/plans/${created.body.id}/report?year=2024`, { headers: server.admin.headers });
      expect(res.status).toBe(200);
      expect(body(Buffer.from(await res.arrayBuffer()))).toContain("BÁO CÁO");
    } finally {
      await server.close();
    }
    // The server's bundle finds the writers' beside it, and a worker loads them from there (not through tsx).
    const bundle = writersBundle(`file://${projectPath("dist/server/main.mjs")}`);
    expect(bundle).toBe(projectPath("dist/server/render-entry.mjs"));
    expect(writersBundle(import.meta.url)).toBeNull();
    const worker = new Worker(projectPath("src/reports/render-worker.mjs"), { workerData: { bundle } });
    try {
      expect(await new Promise((ok, fail) => { worker.once("message", ok); worker.once("error", fail); })).toEqual({ ready: true, bundled: true });
    } finally {
      await worker.terminate();
    }
  });
});
