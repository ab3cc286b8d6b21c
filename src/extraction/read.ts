/** Reading an uploaded file into text, by its extension. Only plain text is read so far (docs/extraction-todo.md). */
import { extname } from "node:path";
import { readText, UnreadableFileError } from "./read-text.js";

export function readDocument(name: string, bytes: Uint8Array): string {
  const ext = extname(name).toLowerCase();
  if (ext === ".txt" || ext === "") return readText(bytes);
  throw new UnreadableFileError("encoding", `Chưa đọc được tệp ${ext}; hiện chỉ nhận tệp .txt (UTF-8 hoặc UTF-16)`);
}
