/**
 * Reading an upload (multipart/form-data, field "file") as it arrives. The web platform's formData()
 * buffers the whole body and then parses it in one go: a 16 MB upload held the event loop for 30-65 ms,
 * every other request waiting. @fastify/busboy parses each chunk as it comes, stops at the file's limit
 * (also for a body without a length: the upload routes' own limit only refuses a declared length), and
 * takes one file and a handful of small parts at most.
 */
import { Busboy, type BusboyInstance } from "@fastify/busboy";
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { AppError } from "../core/errors.js";
import type { Language, MessageKey } from "../core/i18n.js";
import { megabytes } from "../text/numbers.js";
import { cleanFileName, type UploadedFile } from "./route.js";

const missing = () => new AppError("validation", [{ field: "file", key: "file_missing" }]);

/** The "file" part of a multipart request, of at most `maxBytes`; refused with `tooLarge` (naming the limit) beyond. */
export function readUpload(request: Request, maxBytes: number, tooLarge: MessageKey, lang: Language): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    let parser: BusboyInstance;
    try {
      parser = new Busboy({
        headers: { "content-type": request.headers.get("content-type") ?? "" },
        limits: { files: 1, fileSize: maxBytes, fields: 10, parts: 12, fieldSize: 64 * 1024, headerPairs: 20 },
      });
    } catch {
      reject(missing()); // not multipart, or without a boundary
      return;
    }
    let upload: Promise<UploadedFile> | null = null;
    let failed = false;
    const fail = (e: AppError) => { if (!failed) { failed = true; reject(e); } };
    parser.on("file", (field, stream, fileName) => {
      // A body cut short ends each part's stream in an error: unheard, it would end the process.
      stream.on("error", () => fail(missing()));
      if (field !== "file" || upload) { stream.resume(); return; }
      upload = new Promise((done) => {
        const chunks: Buffer[] = [];
        const hash = createHash("sha256");
        stream.on("data", (chunk: Buffer) => { chunks.push(chunk); hash.update(chunk); });
        stream.on("limit", () => fail(new AppError("payload_too_large", [], tooLarge, { limit: megabytes(maxBytes, lang) })));
        // One copy: Buffer.concat's result is a Uint8Array already.
        stream.on("end", () => done({ name: cleanFileName(fileName ?? ""), bytes: Buffer.concat(chunks), sha256: hash.digest("hex") }));
      });
    });
    parser.on("finish", () => {
      if (!upload) fail(missing());
      else void upload.then((file) => { if (!failed) resolve(file); });
    });
    parser.on("error", () => fail(missing()));
    if (!request.body) { fail(missing()); return; }
    const body = Readable.fromWeb(request.body as import("node:stream/web").ReadableStream);
    body.on("error", () => fail(missing()));
    body.pipe(parser);
  });
}
