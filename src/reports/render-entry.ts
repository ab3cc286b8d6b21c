/** What the report writers' worker threads run (render-worker.mjs): built into dist/server/render-entry.mjs with the server's bundle. */
export { reportDocx } from "./consolidated.js";
export { tablesXlsx } from "./xlsx.js";
