// The entry of the process that reads an upload (see read-isolated.ts). The reader is TypeScript and
// the process is started with node alone, so this plain .mjs registers tsx first, then loads the
// TypeScript entry.
import { register } from "tsx/esm/api";

register();
await import("./read-process.ts");
