import { Document, Packer, Paragraph } from "docx";
import { describe, expect, it } from "vitest";
import { AppError } from "../core/errors.js";
import { fork, spawnSync } from "node:child_process";
import { projectPath } from "../core/project-root.js";
import { launcherPid, readAndExtractIsolated, readDocumentIsolated, Readers, readersBundle } from "./read-isolated.js";
import { UnreadableFileError } from "./read-text.js";
import { pdf as pdfOf, textPage, zeros } from "../../test/support/files.js";

const docx = (paragraphs: string[]) => Packer.toBuffer(new Document({ sections: [{ children: paragraphs.map((p) => new Paragraph(p)) }] }));
const utf8 = (text: string) => new TextEncoder().encode(text);

const pdf = (lines: string[]) => pdfOf([textPage(lines)]);

/** The UnreadableFileError a read fails with. */
async function refusal(read: Promise<string>): Promise<UnreadableFileError> {
  const error = await read.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(UnreadableFileError);
  return error as UnreadableFileError;
}

describe("readDocumentIsolated", () => {
  it("reads .txt, .docx and .pdf in a child process", async () => {
    expect(await readDocumentIsolated("ke-hoach.txt", utf8("KẾ HOẠCH\r\nThực hiện Nghị quyết"))).toBe("KẾ HOẠCH\nThực hiện Nghị quyết");
    expect(await readDocumentIsolated("ke-hoach.docx", await docx(["KẾ HOẠCH", "Sở Xây dựng chủ trì."]))).toBe("KẾ HOẠCH\nSở Xây dựng chủ trì.");
    expect(await readDocumentIsolated("ke-hoach.pdf", pdf(["KE HOACH", "So Xay dung chu tri."]))).toBe("KE HOACH\nSo Xay dung chu tri.");
  });

  it("loads the readers from the server's bundle when the server runs from it, not through tsx", { timeout: 120_000 }, async () => {
    const bundle = readersBundle(`file://${projectPath("dist/server/main.mjs")}`)!;
    expect(bundle).toBe(projectPath("dist/server/read-entry.mjs"));
    expect(readersBundle(import.meta.url)).toBeNull();
    // (Any command builds the bundles when they are missing or stale.)
    expect(spawnSync(process.execPath, [projectPath("bin/theodoi.mjs"), "help"], { encoding: "utf8", env: { ...process.env, THEODOI_FROM_SOURCES: "" } }).status).toBe(0);
    /** The reading process's answer, and what it wrote on stderr. */
    const readWith = (module: string) => new Promise<{ answer: unknown; stderr: string }>((ok, fail) => {
      const reader = fork(projectPath("src/extraction/read-process.mjs"), [], { serialization: "advanced", stdio: ["ignore", "ignore", "pipe", "ipc"] });
      let stderr = "", answer: unknown = null;
      reader.stderr!.on("data", (chunk) => { stderr += chunk; });
      reader.once("message", (m) => { answer = m; });
      reader.once("close", (code) => (answer ? ok({ answer, stderr }) : fail(new Error(`exit ${code}: ${stderr}`))));
      reader.send({ name: "ke-hoach.pdf", bytes: pdf(["KE HOACH", "So Xay dung chu tri."]), registry: [], bundle: module });
    });
    const read = { text: "KE HOACH\nSo Xay dung chu tri.", extraction: { file: "ke-hoach.pdf" } };
    const bundled = await readWith(bundle);
    expect(bundled.answer).toMatchObject(read);
    expect(bundled.stderr).not.toMatch(/could not be loaded/);
    // A bundle gone under the running server: the read goes on from the sources, and says so.
    const gone = await readWith(projectPath("dist/server/no-such-entry.mjs"));
    expect(gone.answer).toMatchObject(read);
    expect(gone.stderr).toMatch(/no-such-entry\.mjs could not be loaded/);
  });

  it("extracts in the same process, with the registry it is given", async () => {
    const plan = "KẾ HOẠCH\nII. NHIỆM VỤ\n1. Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ rà soát các văn bản quy phạm pháp luật, hoàn thành trước ngày 30/6/2025.";
    const registry = [{ name: "Sở Tư pháp", code: "STP", aliases: [], kind: "department" }, { name: "Sở Nội vụ", code: "SNV", aliases: [], kind: "department" }];
    const { text, extraction } = await readAndExtractIsolated("ke-hoach.txt", utf8(plan), registry);
    expect(text).toBe(plan);
    expect(extraction.tasks).toMatchObject([{ lead: ["Sở Tư pháp"], coordinating: ["Sở Nội vụ"], deadline: { kind: "date", date: "2025-06-30" } }]);
  });

  it("keeps the reason and both messages of the reader's UnreadableFileError", async () => {
    const binary = Uint8Array.from({ length: 256 }, (_, i) => i);
    const error = await refusal(readDocumentIsolated("anh.txt", binary));
    expect(error.reason).toBe("binary");
    expect(error.message).toMatch(/^Tệp không phải văn bản/);
    expect(error.messages.en).toMatch(/^The file is not text/);
    expect((await refusal(readDocumentIsolated("rong.txt", new Uint8Array(0)))).reason).toBe("empty");
  });

  it("refuses a read that runs out of time as too complex, naming the limit", async () => {
    const error = await refusal(readDocumentIsolated("ke-hoach.docx", await docx(["KẾ HOẠCH"]), { timeoutMs: 1 }));
    expect(error.reason).toBe("too_complex");
    expect(error.messages.vi).toMatch(/vượt giới hạn thời gian 0 giây; hãy lưu lại tệp/);
    expect(error.messages.en).toMatch(/over the 0 s time limit/);
  });

  it("refuses a read whose heap runs out as too complex, and the server lives on", async () => {
    // 128 MB in all (a 32 MB heap) reads a .txt, not mammoth's tree of 10 000 paragraphs (~70 kB zipped).
    const limits = { maxMemoryMb: 128 };
    expect(await readDocumentIsolated("a.txt", utf8("Văn bản"), limits)).toBe("Văn bản");
    const big = await docx(Array.from({ length: 10_000 }, (_, i) => `Đoạn ${i}: nhiệm vụ phát triển kinh tế - xã hội của tỉnh`));
    const error = await refusal(readDocumentIsolated("lon.docx", big, limits));
    expect(error.reason).toBe("too_complex");
    expect(error.messages.vi).toMatch(/vượt giới hạn bộ nhớ 128 MB/);
  });

  it("stops a PDF whose stream inflates to a gigabyte as soon as it crosses the memory cap, holding none of it here", async () => {
    // One page whose content stream is 1 GB of zeros, deflated to about 1 MB (a zlib header before the raw deflate).
    const bomb = pdfOf([{ data: Buffer.concat([Buffer.from([0x78, 0x9c]), zeros(1024)]), filter: "/Filter /FlateDecode" }]);
    expect(bomb.length).toBeLessThan(2 << 20);
    const readers = new Readers(1, 0);
    const before = process.memoryUsage().rss;
    const error = await refusal(readDocumentIsolated("bom.pdf", bomb, { readers, maxMemoryMb: 256 }));
    expect(error.reason).toBe("too_complex");
    expect(error.messages.vi).toMatch(/giới hạn bộ nhớ 256 MB/); // the cap, not the time limit
    expect(readers.peakRssBytes).toBeLessThan(400 * 1048576); // killed within one look past the cap
    expect(process.memoryUsage().rss - before).toBeLessThan(150 * 1048576);
  });

  it("runs reads in order of arrival, at most `concurrent` at once, and refuses at once beyond `waiting`, saying when to try again", async () => {
    const readers = new Readers(2, 1);
    const started: number[] = [], runningAtStart: number[] = [];
    const reads = [0, 1, 2].map((i) => readDocumentIsolated(`${i}.txt`, utf8(`Văn bản ${i}`), {
      readers, onStart: () => { started.push(i); runningAtStart.push(readers.runningNow); },
    }));
    const busy = await readDocumentIsolated("3.txt", utf8("Văn bản 3"), { readers }).catch((e: unknown) => e);
    expect(busy).toBeInstanceOf(AppError);
    expect(busy).toMatchObject({ code: "unavailable", detail: "readers_busy", params: { seconds: expect.stringMatching(/^\d+$/) } });
    expect(await Promise.all(reads)).toEqual([0, 1, 2].map((i) => `Văn bản ${i}`));
    expect(started).toEqual([0, 1, 2]);
    expect(Math.max(...runningAtStart)).toBe(2); // in parallel, never beyond the limit
    expect(readers.runningNow).toBe(0);
  });

  it("starts its launcher again if it dies, and a read under way ends in an error rather than waiting forever", async () => {
    expect(await readDocumentIsolated("a.txt", utf8("Văn bản"))).toBe("Văn bản");
    const first = launcherPid()!;
    const during = readDocumentIsolated("b.docx", await docx(Array.from({ length: 2000 }, (_, i) => `Đoạn ${i}`)));
    await new Promise((r) => setTimeout(r, 100));
    process.kill(first, "SIGKILL");
    await expect(during).rejects.toThrow(/launcher exited/);
    expect(await readDocumentIsolated("c.txt", utf8("Văn bản khác"))).toBe("Văn bản khác");
    expect(launcherPid()).not.toBe(first);
  });
});

