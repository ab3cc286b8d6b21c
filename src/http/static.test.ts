/**
 * The web app's files as the server sends them: each content-named asset kept by the browser for good and
 * sent as the brotli or gzip copy the build wrote when the browser takes one; the app shell asked for again
 * each time. (The suite builds the web app first: `npm test`.)
 */
import { readFileSync } from "node:fs";
import { get, type IncomingHttpHeaders } from "node:http";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WEB_DIR } from "../server.js";
import { startTestServer, type TestServer } from "../../test/support/server.js";

let s: TestServer;
beforeAll(async () => { s = await startTestServer(); });
afterAll(async () => { await s?.close(); });

/** The bytes as sent (fetch would decompress them). */
function raw(url: string, headers: Record<string, string>): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c)).on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) })).on("error", reject);
    }).on("error", reject);
  });
}

/** The app's main script, as the built shell names it. */
const mainScript = () => /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(readFileSync(join(WEB_DIR, "index.html"), "utf8"))![1];

describe("the web app's files", () => {
  it("sends a script compressed as the browser asks, the same bytes, cached for good", async () => {
    const path = mainScript();
    const plain = readFileSync(join(WEB_DIR, path));
    for (const [encoding, decode] of [["br", brotliDecompressSync], ["gzip", gunzipSync]] as const) {
      const res = await raw(s.url + path, { "accept-encoding": `${encoding}, deflate` });
      expect(res.status).toBe(200);
      expect(res.headers["content-encoding"]).toBe(encoding);
      expect(res.headers.vary).toContain("Accept-Encoding");
      expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(res.body.length).toBeLessThan(plain.length / 2);
      expect(decode(res.body).equals(plain)).toBe(true);
    }
    const identity = await raw(s.url + path, {});
    expect(identity.headers["content-encoding"]).toBeUndefined();
    expect(identity.body.equals(plain)).toBe(true);
  });

  it("asks for the app shell again each time, and knows no asset it did not build", async () => {
    const shell = await fetch(`${s.url}/dashboard`);
    expect(shell.status).toBe(200);
    expect(shell.headers.get("cache-control")).toBe("no-cache");
    expect(await shell.text()).toContain(mainScript());
    const missing = await fetch(`${s.url}/assets/none-such.js`);
    expect(missing.headers.get("cache-control")).not.toContain("immutable");
  });
});
