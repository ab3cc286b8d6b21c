/** A real theodoi HTTP server on a free port over a fresh test database, and small clients for it. */
import { serve } from "@hono/node-server";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importAgencies } from "../../src/agencies/commands.js";
import { agencyExchangeFile } from "../../src/agencies/inputs.js";
import { SAMPLES_DIR } from "../../src/samples/load-samples.js";
import { eq } from "drizzle-orm";
import type { AddressInfo } from "node:net";
import { users, type Role } from "../../src/accounts/schema.js";
import { createUser } from "../../src/accounts/users.js";
import { createLogger } from "../../src/core/log.js";
import { createApp } from "../../src/http/app.js";
import type { RequestBudgets } from "../../src/http/timeout.js";
import { VERSION, WEB_DIR } from "../../src/server.js";
import { openStore, type Store } from "../../src/storage/database.js";
import { openTestDatabase, type TestDatabase } from "./database.js";

/** The password of every account the tests create. */
export const TEST_PASSWORD = "mat-khau-thu-nghiem";

export interface Client {
  /** Sends JSON (with the session's cookie and CSRF token, if signed in) and returns status and parsed body. */
  call<T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: T }>;
  /** The headers that carry the session (cookie and CSRF token), for requests made another way (uploads). */
  headers: Record<string, string>;
}

export interface TestServer extends Client {
  url: string;
  db: TestDatabase;
  /** Signs in (the account must exist); the server's own `call` is the administrator's. */
  signIn(username: string, password?: string): Promise<Client>;
  /** Creates an account with TEST_PASSWORD (if missing) and signs it in. */
  as(username: string, role: Role, agencyIds?: number[]): Promise<Client>;
  /** A client with no session. */
  anonymous: Client;
  close(): Promise<void>;
}

function client(url: string, session: Record<string, string>): Client {
  return {
    headers: session,
    async call(method, path, body, headers = {}) {
      const send = () => fetch(url + path, {
        method,
        headers: { ...session, ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers },
        body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
      });
      // A kept-alive connection the server closed while this process was busy elsewhere (a test that waited minutes on
      // LibreOffice synchronously) is reset when reused: a read is sent again on a new one, as browsers do.
      const res = await send().catch((e: Error & { cause?: { code?: string } }) => {
        if (method !== "GET" || !["ECONNRESET", "UND_ERR_SOCKET"].includes(e.cause?.code ?? "")) throw e;
        return send();
      });
      const text = await res.text();
      return { status: res.status, body: text ? (res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text) : null };
    },
  };
}

/** `registry`: the sample province's agencies only (samples/agencies.json), without its documents. */
interface ServerOptions { samples?: boolean; registry?: boolean; maxBodyBytes?: number; maxUploadBytes?: number; trustProxy?: string[]; budgets?: Partial<RequestBudgets> }

/** The app over `store` on a free port. */
async function listen(store: Store, options: ServerOptions) {
  const app = createApp({ store, log: createLogger("silent"), maxBodyBytes: options.maxBodyBytes ?? 2_000_000, maxUploadBytes: options.maxUploadBytes ?? 25 * 1024 * 1024, webDir: WEB_DIR, version: VERSION, trustProxy: options.trustProxy, budgets: options.budgets });
  const server = await new Promise<ReturnType<typeof serve>>((ok) => { const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => ok(s)); });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}

export async function startTestServer(options: ServerOptions = {}): Promise<TestServer> {
  const db = await openTestDatabase({ samples: options.samples });
  if (options.registry) {
    const file = agencyExchangeFile.parse(JSON.parse(readFileSync(join(SAMPLES_DIR, "agencies.json"), "utf8")));
    await importAgencies(db.store.db, file.agencies);
  }
  const server = await listen(db.store, options);
  const url = server.url;
  const anonymous = client(url, {});

  async function signIn(username: string, password = TEST_PASSWORD): Promise<Client> {
    const res = await fetch(`${url}/api/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username, password }) });
    if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
    const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const { csrfToken } = await res.json() as { csrfToken: string };
    return client(url, { cookie, "x-csrf-token": csrfToken });
  }
  async function as(username: string, role: Role, agencyIds: number[] = []): Promise<Client> {
    const [existing] = await db.store.db.select({ id: users.id }).from(users).where(eq(users.username, username));
    if (!existing) await createUser(db.store.db, { username, displayName: username, role, agencyIds, password: TEST_PASSWORD, mustChangePassword: false });
    return signIn(username);
  }
  const admin = await as("quantri", "admin");
  return {
    url, db, signIn, as, anonymous, ...admin,
    async close() {
      await server.close();
      await db.drop();
    },
  };
}

export interface SecondInstance {
  url: string;
  /** The same client (its session's cookie and CSRF token) talking to this instance. */
  on(c: Client): Client;
  close(): Promise<void>;
}

/**
 * Another instance over the first one's database, as a second process would run: its own pool, app
 * and caches. Only on a PostgreSQL server (DATABASE_URL): an embedded database belongs to one process.
 */
export async function startSecondInstance(first: TestServer, options: ServerOptions = {}): Promise<SecondInstance> {
  if (!first.db.url) throw new Error("a second instance needs a PostgreSQL server (DATABASE_URL)");
  const store = await openStore({ databaseUrl: first.db.url, dataDir: ":memory:" });
  const server = await listen(store, options);
  return {
    url: server.url,
    on: (c) => client(server.url, c.headers),
    async close() {
      await server.close();
      await store.close();
    },
  };
}

/** Uploads a file to be imported, as the browser's form does (multipart field "file"), as `client` (the administrator by default). */
export async function upload(server: TestServer, name: string, bytes: Uint8Array | Buffer, lang = "vi", client: Client = server) {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)]), name);
  const res = await fetch(`${server.url}/api/imports?lang=${lang}`, { method: "POST", body: form, headers: client.headers });
  return { status: res.status, body: await res.json() as any };
}
