/** The `theodoi` command line: serve, migrate, agencies import|export, extract, report, round template|report-docx, backup, restore. */
import { Command } from "commander";
import { accessSync, constants, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { exportAgencies, importAgencies } from "../agencies/commands.js";
import { agencyExchangeFile } from "../agencies/inputs.js";
import { extract } from "../extraction/extract.js";
import { readDocument } from "../extraction/read.js";
import { loadConfig, type Config } from "../core/config.js";
import { AppError } from "../core/errors.js";
import { createLogger } from "../core/log.js";
import { errorBody, validate } from "../http/errors.js";
import { openMigratedStore, startServer, VERSION } from "../server.js";
import { backupDatabase, restoreDatabase } from "../storage/backup.js";
import { compileReport, planBySymbol, reportDocx } from "../reports/consolidated.js";
import { REPORT_TEMPLATES, type ReportTemplate } from "../reports/issuing-body.js";
import { tablesXlsx } from "../reports/xlsx.js";
import { vietnamDate } from "../reporting/periods.js";
import type { Store } from "../storage/database.js";
import { eq } from "drizzle-orm";
import { agencies } from "../agencies/schema.js";
import { reportTemplate } from "../reporting/template.js";
import { agencyReportDocx } from "../reporting/agency-report.js";
import type { SessionUser } from "../accounts/sessions.js";

const program = new Command("theodoi")
  .description("theodoi: theo dõi thực hiện văn bản chỉ đạo (tracking how policy documents are carried out)")
  .version(VERSION)
  .showHelpAfterError();

/** Runs a command against the database and closes it whatever happens. */
async function withStore<T>(config: Config, run: (store: Store) => Promise<T>): Promise<T> {
  const store = await openMigratedStore(config, createLogger(config.logLevel === "info" ? "warn" : config.logLevel));
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

program.command("serve")
  .description("serve the web app and the API (embedded database unless DATABASE_URL is set)")
  .option("-p, --port <port>", "port (default: PORT or 3000)")
  .action(async (opts: { port?: string }) => {
    const config = loadConfig({ ...process.env, ...(opts.port ? { PORT: opts.port } : {}) });
    const log = createLogger(config.logLevel);
    const server = await startServer(config, log);
    const stop = async () => { log.info("stopping"); await server.close(); process.exit(0); };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });

program.command("migrate")
  .description("apply pending database migrations, then exit")
  .action(async () => { await withStore(loadConfig(), async () => console.log("Đã cập nhật cơ sở dữ liệu (migrations applied)")); });

const agenciesCommand = program.command("agencies").description("import or export the agency registry (JSON)");
agenciesCommand.command("import <file>")
  .description("create or update agencies by code from a theodoi-agencies JSON file; all or nothing")
  .action(async (file: string) => {
    let raw: unknown;
    try { raw = JSON.parse(readFileSync(file, "utf8")); } catch (e) { throw new Error(`Không đọc được ${file}: ${(e as Error).message}`); }
    const data = validate(agencyExchangeFile, raw, "vi");
    const result = await withStore(loadConfig(), (store) => importAgencies(store.db, data.agencies));
    console.log(`Đã nhập: ${result.created} cơ quan mới, ${result.updated} cập nhật (created ${result.created}, updated ${result.updated})`);
  });
agenciesCommand.command("export [file]")
  .description("write every agency with parents and successors as JSON (to stdout without a file)")
  .action(async (file?: string) => {
    const data = await withStore(loadConfig(), (store) => exportAgencies(store.db));
    const json = JSON.stringify(data, null, 1) + "\n";
    if (file) writeFileSync(file, json); else process.stdout.write(json);
  });

program.command("extract <files...>")
  .description("read documents and print what they contain as JSON (metadata, cited documents, reporting rules ...)")
  .option("-o, --out <dir>", "write <dir>/<name>.json for each file instead of printing")
  .action(async (files: string[], opts: { out?: string }) => {
    if (!opts.out && files.length > 1) throw new Error("Nhiều tệp cần --out DIR (several files need --out DIR)");
    if (opts.out) mkdirSync(opts.out, { recursive: true });
    for (const [i, file] of files.entries()) {
      const name = basename(file);
      let text: string;
      try { text = await readDocument(name, readFileSync(file)); } catch (e) { throw new Error(`${name}: ${(e as Error).message}`); }
      const result = extract(text, name);
      if (!opts.out) { process.stdout.write(JSON.stringify(result, null, 1) + "\n"); continue; }
      writeFileSync(join(opts.out, basename(file, extname(file)) + ".json"), JSON.stringify(result, null, 1) + "\n");
      const done = i + 1, width = 30, filled = Math.round((done / files.length) * width);
      process.stderr.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${files.length} ${name.slice(0, 40).padEnd(40)}${done === files.length ? "\n" : ""}`);
    }
  });

program.command("report")
  .description("write the consolidated report on a document (a plan, a programme, a resolution, rolled up down its chain) for a year: .docx in its issuer's form, or its appendices as .xlsx")
  .requiredOption("--plan <symbol>", "the document's number and symbol, e.g. 23/KH-UBND or 11-NQ/TW")
  .option("--period <year>", "the year reported on, e.g. 2024")
  .option("--year <year>", "the same as --period")
  .option("--template <form>", "state (Decree 30/2020) or party (the Party's rules); by default the document's issuer decides")
  .requiredOption("--out <file>", "where to write it: FILE.docx (the report) or FILE.xlsx (its appendices)")
  .action(async (opts: { plan: string; period?: string; year?: string; template?: string; out: string }) => {
    const period = opts.period ?? opts.year;
    if (!period || !/^\d{4}$/.test(period)) throw new Error(`--period: một năm, ví dụ 2024 (a year, e.g. 2024), not ${JSON.stringify(period ?? "")}`);
    if (opts.period && opts.year && opts.period !== opts.year) throw new Error("--period và --year khác nhau (--period and --year differ)");
    const template = opts.template;
    if (template !== undefined && !(REPORT_TEMPLATES as readonly string[]).includes(template)) throw new Error(`--template: state hoặc party (state or party), not ${JSON.stringify(template)}`);
    const format = extname(opts.out).toLowerCase();
    if (format !== ".docx" && format !== ".xlsx") throw new Error(`--out: tên tệp .docx hoặc .xlsx (a .docx or .xlsx file name), not ${JSON.stringify(opts.out)}`);
    const bytes = await withStore(loadConfig(), async (store) => {
      // Whoever holds the database reads all of it, drafts included.
      const report = await compileReport(store.db, await planBySymbol(store.db, opts.plan), Number(period), vietnamDate(new Date()), true, template as ReportTemplate | undefined);
      return format === ".docx" ? reportDocx(report) : tablesXlsx(report.appendices);
    });
    writeFileSync(opts.out, bytes);
    console.log(`Đã ghi báo cáo vào ${opts.out} (${bytes.length} bytes)`);
  });

const roundCommand = program.command("round").description("reporting rounds");

/**
 * A command writing one agency's file of a round (`make` gives its bytes) to --out, which must end in `ext`;
 * `written` says what was written, in Vietnamese.
 */
function agencyFileCommand(name: string, description: string, ext: ".xlsx" | ".docx", written: string,
  make: (db: Store["db"], actor: SessionUser, roundId: number, agencyId: number) => Promise<{ bytes: Buffer | Uint8Array }>) {
  roundCommand.command(name)
    .description(description)
    .requiredOption("--round <id>", "the round's number (as in /rounds/N)")
    .requiredOption("--agency <code>", "the agency's code, e.g. so-xay-dung")
    .requiredOption("--out <file>", `where to write it (${ext})`)
    .action(async (opts: { round: string; agency: string; out: string }) => {
      if (!/^\d+$/.test(opts.round)) throw new Error(`--round: số của đợt báo cáo (the round's number), not ${JSON.stringify(opts.round)}`);
      if (extname(opts.out).toLowerCase() !== ext) throw new Error(`--out: tên tệp ${ext} (a ${ext} file name), not ${JSON.stringify(opts.out)}`);
      const { bytes } = await withStore(loadConfig(), async (store) => {
        const [agency] = await store.db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, opts.agency));
        if (!agency) throw new Error(`Không có cơ quan mã ${JSON.stringify(opts.agency)} (no agency with this code; see theodoi agencies export)`);
        // Whoever holds the database reads all of it, drafts included.
        const actor: SessionUser = { id: 0, role: "admin", agencyIds: [], username: "cli", displayName: "theodoi", mustChangePassword: false };
        return make(store.db, actor, Number(opts.round), agency.id);
      });
      writeFileSync(opts.out, bytes);
      console.log(`Đã ghi ${written} vào ${opts.out} (${bytes.length} bytes)`);
    });
}
agencyFileCommand("template", "write an agency's template for a round as .xlsx: what it owes, to fill offline and upload back to its report", ".xlsx", "mẫu báo cáo", reportTemplate);
agencyFileCommand("report-docx", "write an agency's report in a round as an official document (.docx, Decree 30/2020), for it to number, sign and file", ".docx", "báo cáo", agencyReportDocx);

program.command("backup <file>")
  .description("write the whole database to one file (gzipped JSON; restores on either engine)")
  .action(async (file: string) => {
    // The folder is checked before the database is read (which takes a while), and the file is written
    // beside its name and renamed into place: a failed write leaves no half backup under the name.
    const folder = dirname(resolve(file));
    try {
      accessSync(folder, constants.W_OK);
    } catch (e) {
      const why = (e as NodeJS.ErrnoException).code === "ENOENT" ? "không tồn tại / does not exist" : "không ghi được / is not writable";
      throw new Error(`Thư mục ${folder} ${why}; hãy tạo thư mục hoặc chọn nơi khác để sao lưu (create the folder or choose another place for the backup)`);
    }
    const bytes = await withStore(loadConfig(), (store) => backupDatabase(store.db));
    const partial = `${file}.${process.pid}.partial`;
    try {
      writeFileSync(partial, bytes);
      renameSync(partial, file);
    } catch (e) {
      rmSync(partial, { force: true }); // a full disk leaves no half file behind
      throw e;
    }
    console.log(`Đã sao lưu vào ${file} (${bytes.length} bytes)`);
  });

program.command("restore <file>")
  .description("replace the whole database with a backup file, in one transaction")
  .requiredOption("--yes", "confirm that the current data will be replaced")
  .action(async (file: string) => {
    const bytes = readFileSync(file);
    const counts = await withStore(loadConfig(), async (store) => {
      const restored = await restoreDatabase(store.db, bytes);
      await store.refreshStatistics();
      return restored;
    });
    console.log(`Đã khôi phục: ${Object.entries(counts).map(([t, n]) => `${t} ${n}`).join(", ")}`);
  });

program.parseAsync().catch((e: unknown) => {
  if (e instanceof AppError) {
    const body = errorBody(e, "vi").error;
    console.error(`Lỗi: ${body.message}${body.fields.map((f) => `\n  ${f.field}: ${f.message}`).join("")}`);
  } else {
    console.error(`Lỗi: ${(e as Error).message ?? e}`);
  }
  process.exit(1);
});
