/** Starts theodoi: storage, migrations, the sample province on first start, then HTTP. */
import { ensureAdministrator } from "./accounts/bootstrap.js";
import { serve } from "@hono/node-server";
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import type { Config } from "./core/config.js";
import { projectPath } from "./core/project-root.js";
import type { Logger } from "./core/log.js";
import { createApp } from "./http/app.js";
import { Admission } from "./http/overload.js";
import { startReaders } from "./extraction/read-isolated.js";
import { loadSampleProvince } from "./samples/load-samples.js";
import { smtpMailer } from "./reporting/mailer.js";
import { startReminders } from "./reporting/reminders.js";
import { openStore, type Store } from "./storage/database.js";

export const WEB_DIR = projectPath("dist/web");
export const VERSION: string = JSON.parse(readFileSync(projectPath("package.json"), "utf8")).version;

export interface RunningServer {
  url: string;
  store: Store;
  close(): Promise<void>;
}

export async function openMigratedStore(config: Config, log: Logger): Promise<Store> {
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, migrateUrl: config.migrateUrl, readUrl: config.readUrl, maxReplicaLagMs: config.maxReplicaLagMs });
  try {
    await store.migrate();
  } catch (e) {
    await store.close();
    throw e;
  }
  log.info({ engine: store.engine, dataDir: store.engine === "pglite" ? config.dataDir : undefined }, "database ready");
  return store;
}

export async function startServer(config: Config, log: Logger): Promise<RunningServer> {
  const store = await openMigratedStore(config, log);
  if (config.loadSamples) {
    const result = await loadSampleProvince(store.db);
    if (result.loaded) log.info({ documents: result.documents, agencies: result.agencies }, "sample province loaded");
  }
  const admin = await ensureAdministrator(store.db, config.adminPassword);
  if (admin.created && admin.generated) {
    // Shown once, on the console only (never in the log's files): the first sign-in must change it.
    console.log(`\n  Tài khoản quản trị / administrator: ${admin.username}\n  Mật khẩu một lần / one-time password: ${admin.password}\n  (đổi mật khẩu ở lần đăng nhập đầu / change it at first sign-in)\n`);
  } else if (admin.created) log.info({ username: admin.username }, "administrator created with THEODOI_ADMIN_PASSWORD");
  startReaders();
  const app = createApp({ store, log, maxBodyBytes: config.maxBodyBytes, maxUploadBytes: config.maxUploadBytes, webDir: WEB_DIR, version: VERSION, trustProxy: config.trustProxy,
    admission: new Admission(config.admission), dashboardLimits: config.dashboard, budgets: config.budgets });
  const server = await new Promise<ReturnType<typeof serve>>((ok, fail) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => ok(s));
    s.once("error", fail);
  });
  // The planner's statistics (the embedded engine has no autovacuum) refreshed once the server answers: ANALYZE
  // was most of a second of every start, and the statistics of the last run serve meanwhile.
  const analyzed = store.refreshStatistics().catch((err) => log.error({ err }, "refreshing the planner's statistics failed"));
  const mailer = config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : null;
  const stopReminders = config.reminderMinutes > 0
    ? startReminders(store.db, mailer, config.reminderMinutes * 60_000, (err) => log.error({ err }, "reminders failed"))
    : () => undefined;
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${port}`;
  log.info({ url }, "theodoi is serving");
  return {
    url,
    store,
    async close() {
      stopReminders();
      mailer?.close();
      await new Promise<void>((ok) => server.close(() => ok()));
      await analyzed;
      await store.close();
    },
  };
}
