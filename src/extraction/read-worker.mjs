// The entry of the worker that reads an upload (see read-isolated.ts). The reader is TypeScript and
// a worker thread does not inherit the tsx loader of the thread that starts it (Node 20 ignores
// `--import` in a worker's execArgv, and vitest's own transform does not reach into workers), so this
// plain .mjs registers tsx in the worker first, then loads the TypeScript entry.
import { register } from "tsx/esm/api";

register();
await import("./read-worker.ts");
