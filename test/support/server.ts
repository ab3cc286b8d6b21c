/** A real theodoi HTTP server on a free port over a fresh test database, and a small client for it. */
import { serve } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { createLogger } from "../../src/core/log.js";
import { createApp } from "../../src/http/app.js";
import { VERSION, WEB_DIR } from "../../src/server.js";
import { openTestDatabase, type TestDatabase } from "./database.js";

export interface TestServer {
  url: string;
  db: TestDatabase;
  /** Sends JSON and returns status and parsed body. */
  call<T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

export async function startTestServer(options: { samples?: boolean; maxBodyBytes?: number; maxUploadBytes?: number } = {}): Promise<TestServer> {
  const db = await openTestDatabase({ samples: options.samples });
  const app = createApp({ store: db.store, log: createLogger("silent"), maxBodyBytes: options.maxBodyBytes ?? 2_000_000, maxUploadBytes: options.maxUploadBytes ?? 25 * 1024 * 1024, webDir: WEB_DIR, version: VERSION });
  const server = await new Promise<ReturnType<typeof serve>>((ok) => { const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => ok(s)); });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    db,
    async call(method, path, body, headers = {}) {
      const res = await fetch(url + path, {
        method,
        headers: { ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers },
        body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? (res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text) : null };
    },
    async close() {
      await new Promise<void>((ok) => server.close(() => ok()));
      await db.drop();
    },
  };
}
