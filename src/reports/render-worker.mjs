// A worker thread that writes reports' files (see rendering.ts): laying out a .docx or .xlsx is pure CPU (half a
// second for a plan of 300 tasks), which on the server's thread would hold every other request meanwhile.
// Plain JavaScript: it loads the writers from the server's bundle when the server runs from it (`workerData.bundle`,
// a fifth of a second), else registers the TypeScript loader as bin/theodoi.mjs does (one and a half seconds).
import { pathToFileURL } from "node:url";
import { parentPort, workerData } from "node:worker_threads";

async function writers() {
  if (workerData?.bundle) return import(pathToFileURL(workerData.bundle).href);
  const { register } = await import("tsx/esm/api");
  register();
  return import("./render-entry.ts");
}
const { reportDocx, tablesXlsx } = await writers();
const RENDER = { docx: reportDocx, xlsx: tablesXlsx };

parentPort.on("message", async ({ id, kind, input }) => {
  try {
    const bytes = await RENDER[kind](input);
    parentPort.postMessage({ id, bytes: new Uint8Array(bytes) });
  } catch (e) {
    parentPort.postMessage({ id, error: e instanceof Error ? e.stack ?? e.message : String(e) });
  }
});
parentPort.postMessage({ ready: true, bundled: Boolean(workerData?.bundle) });
