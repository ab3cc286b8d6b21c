// A worker thread that writes reports' files (see rendering.ts): laying out a .docx or .xlsx is pure CPU (half a
// second for a plan of 300 tasks), which on the server's thread would hold every other request meanwhile.
// Plain JavaScript that registers the TypeScript loader, as bin/theodoi.mjs does, then answers each request.
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { reportDocx } = await import("./consolidated.ts");
const { tablesXlsx } = await import("./xlsx.ts");
const RENDER = { docx: reportDocx, xlsx: tablesXlsx };

parentPort.on("message", async ({ id, kind, input }) => {
  try {
    const bytes = await RENDER[kind](input);
    parentPort.postMessage({ id, bytes: new Uint8Array(bytes) });
  } catch (e) {
    parentPort.postMessage({ id, error: e instanceof Error ? e.stack ?? e.message : String(e) });
  }
});
parentPort.postMessage({ ready: true });
