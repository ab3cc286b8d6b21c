// The entry of the process that reads an upload (see read-isolated.ts). The reader is TypeScript and
// the process is started with node alone, so this plain .mjs loads the readers from the server's bundle when the
// server runs from it (`task.bundle`), else registers tsx, then loads the TypeScript.
// pdf.js is loaded first, natively, when the file is a PDF: through tsx's loader its 2 MB worker module
// alone cost some 350 MB of memory to transform, every read.
import { pathToFileURL } from "node:url";

async function readers(bundle) {
  if (bundle) {
    try {
      return await import(pathToFileURL(bundle).href);
    } catch (e) {
      // (A bundle removed under the running server: the read goes on from the sources, and says why on stderr.)
      console.error(`theodoi reader: the bundle ${bundle} could not be loaded (${e instanceof Error ? e.message : e}); reading from the sources`);
    }
  }
  const { register } = await import("tsx/esm/api");
  register();
  return import("./read-process.ts");
}

// Its launcher is gone (killed, or the server with it): nobody waits for this read.
process.on("disconnect", () => process.exit(1));

process.once("message", async (task) => {
  const head = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, Math.min(task.bytes.byteLength, 1024));
  if (!task.evidence && head.includes("%PDF-")) {
    await import("pdfjs-dist/legacy/build/pdf.mjs");
    globalThis.pdfjsWorker = await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
  }
  const { answer } = await readers(task.bundle);
  process.send(await answer(task), () => process.exit(0));
});
