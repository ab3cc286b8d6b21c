/**
 * The agency's Excel template at the size (issue 17), on the embedded engine (PGlite in a data
 * directory, as the server runs it). One round of one plan expects 80 agencies; each owes 300 tasks (the first
 * agency leads every 80th, and is a partner in the rest) and 100 indicators of its own; 60 of the others have
 * sent a filled report, 10 hold a filled draft, 9 have written nothing. The data is written straight into the
 * tables (no audit trail), as bench/report.ts does.
 *
 *   (a) the first agency's template written (reportTemplate, as the download route calls it);
 *   (b) that template, filled (every task a status, a progress and a narrative, every indicator a value in
 *       Vietnamese notation, "1.288,125", a kind and an explanation, the three general sections), uploaded as
 *       the route does it: openTemplate, then uploadTemplate in an audited transaction (not a preview);
 *       every round changes every row, so each upload writes the whole report;
 *   (c) the round's reports as one workbook (roundSubmissionsXlsx: 80 agencies × 400 items, 32,000 rows), its
 *       time and its peak memory, each measured in a process of its own (peak resident memory above the
 *       process's size before, from getrusage's high-water mark).
 *
 * Baselines, measured in the same run in alternating rounds: for (a), exceljs writing a workbook holding the same
 * cells (the filled template's values) with no styling, validation or protection; for (b), exceljs reading that
 * workbook back and every cell's value: the least an .xlsx of that size costs. For (c), exceljs's streaming
 * writer (which the export uses) writing rows of the same number, width and texts, unstyled, from rows in hand.
 *
 *   npm run bench:template        # BENCH_ROUNDS=5 rounds of (a) and (b), BENCH_EXPORT_ROUNDS=3 of (c)
 *
 * Goals: (a) and (b) each under 1 s (median of the rounds), as the issue asks; (c), which the issue gives no
 * figure for, within 30 s (well inside a proxy's usual 60 s wait for a response) and 1 GB of peak memory.
 * Prints a table, writes bench/results/template.json, exits with 1 when a goal is missed.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { users, userAgencies } from "../src/accounts/schema.js";
import { userWithAgencies, type SessionUser } from "../src/accounts/sessions.js";
import { agencies } from "../src/agencies/schema.js";
import { asActor, pauseAudit } from "../src/audit/audit.js";
import { AppError } from "../src/core/errors.js";
import { documents } from "../src/documents/schema.js";
import { indicators, indicatorValues, taskAgencies, tasks } from "../src/plans/schema.js";
import { roundSubmissionsXlsx } from "../src/reporting/exports.js";
import { roundPlans, roundReporters, rounds, submissionIndicators, submissions, submissionTasks } from "../src/reporting/schema.js";
import { KIND_LABELS, openTemplate, reportTemplate, SHEETS, STATUS_LABELS, uploadTemplate } from "../src/reporting/template.js";
import { openReport } from "../src/reporting/submissions.js";
import { openStore, type Database } from "../src/storage/database.js";
import { formatVietnameseNumber } from "../src/text/numbers.js";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const EXPORT_ROUNDS = Number(process.env.BENCH_EXPORT_ROUNDS ?? 3);
const GOAL_MS = 1000, EXPORT_GOAL_MS = 30_000, EXPORT_GOAL_BYTES = 1 << 30;
const AGENCIES = 80, TASKS = 300, INDICATORS = 100, SENT = 60, DRAFTS = 10;
const STATUSES = ["completed_on_time", "in_progress", "overdue", "not_started", "completed_late"] as const;
const MB = (bytes: number) => bytes / (1 << 20);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = async <T>(run: () => Promise<T>): Promise<[number, T]> => { const t0 = performance.now(); const out = await run(); return [performance.now() - t0, out]; };

// The data: Vietnamese texts of a provincial plan's length, made from the item's number.
const DEPARTMENTS = ["Sở Xây dựng", "Sở Tài chính", "Sở Y tế", "Sở Nội vụ", "Sở Tư pháp", "Sở Công Thương", "Sở Giáo dục và Đào tạo", "Sở Nông nghiệp và Môi trường",
  "Sở Khoa học và Công nghệ", "Sở Văn hóa, Thể thao và Du lịch", "Sở Dân tộc và Tôn giáo", "Sở Ngoại vụ", "Thanh tra tỉnh", "Văn phòng UBND tỉnh", "Ban Quản lý Khu kinh tế cửa khẩu",
  "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Ban Quản lý dự án đầu tư xây dựng tỉnh", "Đài Phát thanh và Truyền hình tỉnh"];
const agencyName = (a: number) => DEPARTMENTS[a] ?? `Ủy ban nhân dân xã ${["Hữu Lũng", "Chi Lăng", "Cao Lộc", "Văn Lãng", "Tràng Định", "Bình Gia", "Bắc Sơn", "Lộc Bình", "Đình Lập", "Văn Quan"][a % 10]} ${Math.floor(a / 10)}`;
const taskText = (k: number) => `tổ chức triển khai nhiệm vụ ${k + 1} về phát triển kết cấu hạ tầng giao thông, đô thị và nông thôn theo quy hoạch tỉnh được duyệt; rà soát, hoàn thiện cơ chế, chính sách thu hút đầu tư và đẩy nhanh tiến độ giải ngân vốn đầu tư công`;
const deadlineText = (k: number) => (k % 3 ? "Năm 2026" : "Trước ngày 30/6/2026");
const indicatorName = (a: number, i: number) => `Chỉ tiêu ${a + 1}.${i + 1}: tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình, đúng hạn`;
const narrative = (round: number, k: number) => `Đợt ${round}: đã ban hành văn bản hướng dẫn số ${100 + k}/HD, tổ chức hội nghị triển khai đến các phòng, đơn vị; hoàn thành khảo sát hiện trạng ${k % 7 + 3} công trình, đang trình UBND tỉnh phê duyệt phương án đầu tư; khó khăn chủ yếu về mặt bằng và vốn đối ứng.`;
const GENERAL = (round: number) => ({
  results: `Đợt ${round}: cơ bản hoàn thành các nhiệm vụ trọng tâm theo kế hoạch; chỉ đạo quyết liệt công tác giải phóng mặt bằng và giải ngân vốn đầu tư công.`.repeat(3),
  difficulties: "Nguồn vốn đối ứng của địa phương còn hạn chế; một số dự án vướng mắc về đất đai, tái định cư.".repeat(2),
  proposals: "Đề nghị UBND tỉnh bố trí bổ sung vốn, chỉ đạo các địa phương phối hợp đẩy nhanh tiến độ bàn giao mặt bằng.".repeat(2),
});
/** A task's status and progress as an agency types them, changing every round: a decimal comma, 100 when completed, 0 when not started. */
function taskAnswer(round: number, k: number): { status: (typeof STATUSES)[number]; progress: number } {
  const status = STATUSES[(k + round) % STATUSES.length];
  const progress = status.startsWith("completed") ? 100 : status === "not_started" ? 0 : ((k * 7 + round) % 90) + 5.5;
  return { status, progress };
}
const indicatorValue = (round: number, i: number) => 1000 + i * 13.125 + round;

interface Seeded { roundId: number; agencyId: number; reporterUserId: number; focalUserId: number }

/** The round described above, written straight into the tables, out of the audit trail. */
async function seed(db: Database): Promise<Seeded> {
  return asActor(db, null, "bench.seed", async (tx) => {
    await pauseAudit(tx);
    const agencyRows = await tx.insert(agencies).values(Array.from({ length: AGENCIES }, (_, a) => ({ code: `co-quan-${a + 1}`, name: agencyName(a), kind: (a < 20 ? "department" : "commune") as "department" | "commune" })))
      .returning({ id: agencies.id });
    const agencyIds = agencyRows.map((r) => r.id);
    const [reporter] = await tx.insert(users).values({ username: "bc-so-xay-dung", displayName: "Báo cáo viên Sở Xây dựng", passwordHash: "-", role: "reporter" }).returning({ id: users.id });
    const [focal] = await tx.insert(users).values({ username: "dau-moi", displayName: "Đầu mối Sở Tài chính", passwordHash: "-", role: "focal_point" }).returning({ id: users.id });
    await tx.insert(userAgencies).values([{ userId: reporter.id, agencyId: agencyIds[0] }, { userId: focal.id, agencyId: agencyIds[1] }]);
    const [plan] = await tx.insert(documents).values({ symbol: "23/KH-UBND", symbolKey: "23/KH-UBND", docType: "plan", title: "Kế hoạch thực hiện chương trình phát triển kinh tế - xã hội giai đoạn 2026 - 2030", issuedOn: "2026-01-26", status: "published" }).returning();
    const taskIds = (await tx.insert(tasks).values(Array.from({ length: TASKS }, (_, k) => ({
      documentId: plan.id, text: taskText(k), sectionNumber: `${Math.floor(k / 30) + 1}.${k % 30 + 1}`, deadlineText: deadlineText(k),
      deadlineKind: (k % 3 ? "yearly" : "date") as "date" | "yearly", deadlineDate: k % 3 ? null : "2026-06-30", deadlineDay: 31, deadlineMonth: 12, startOffset: k,
    }))).returning({ id: tasks.id })).map((r) => r.id);
    // Task k: led by agency k mod 80, every other agency a partner named in the text.
    const assignments = taskIds.flatMap((taskId, k) => agencyIds.map((agencyId, a) => ({ taskId, agencyId, role: (a === k % AGENCIES ? "lead" : "coordinating") as "lead" | "coordinating", position: a })));
    for (let from = 0; from < assignments.length; from += 4000) await tx.insert(taskAgencies).values(assignments.slice(from, from + 4000));
    const indicatorIds: number[][] = [];
    for (const [a, ownerId] of agencyIds.entries()) {
      indicatorIds.push((await tx.insert(indicators).values(Array.from({ length: INDICATORS }, (_, i) => ({
        documentId: plan.id, name: indicatorName(a, i), unit: "%", comparator: (i % 2 ? ">=" : "range") as ">=" | "range", min: 80, max: i % 2 ? null : 95, targetYear: 2030, ownerId, startOffset: 1000 + a * INDICATORS + i,
      }))).returning({ id: indicators.id })).map((r) => r.id));
    }
    // The first agency's indicators have values of three years, which its template shows.
    await tx.insert(indicatorValues).values(indicatorIds[0].flatMap((indicatorId, i) => [2023, 2024, 2025].map((year) => ({
      indicatorId, period: String(year), periodYear: year, value: 70 + i % 20 + (year - 2023) * 2.25, kind: (year === 2025 ? "estimate" : "actual") as "actual" | "estimate" }))));
    const [round] = await tx.insert(rounds).values({ title: "Báo cáo kết quả thực hiện Kế hoạch số 23/KH-UBND năm 2026", periodKind: "year", periodYear: 2026, periodLabel: "2026",
      windowFrom: "2025-12-15", windowTo: "2026-12-14", dueOn: "2026-12-20", coordinatorId: agencyIds[1], createdBy: focal.id }).returning({ id: rounds.id });
    await tx.insert(roundPlans).values({ roundId: round.id, documentId: plan.id });
    await tx.insert(roundReporters).values(agencyIds.map((agencyId) => ({ roundId: round.id, agencyId })));
    // The others' reports: 60 sent, 10 drafts, all filled; the rest nothing.
    for (let a = 1; a <= SENT + DRAFTS; a++) {
      const sent = a <= SENT;
      const [s] = await tx.insert(submissions).values({ roundId: round.id, agencyId: agencyIds[a], status: sent ? "submitted" : "draft", ...GENERAL(0), updatedBy: focal.id,
        ...(sent && { firstSubmittedAt: `2026-12-${String(10 + a % 15).padStart(2, "0")}T03:00:00Z`, submittedAt: `2026-12-${String(10 + a % 15).padStart(2, "0")}T03:00:00Z` }) }).returning({ id: submissions.id });
      await tx.insert(submissionTasks).values(taskIds.map((taskId, k) => ({ submissionId: s.id, taskId, role: (a === k % AGENCIES ? "lead" : "coordinating") as "lead" | "coordinating", ...taskAnswer(a, k), narrative: narrative(a, k) })));
      await tx.insert(submissionIndicators).values(indicatorIds[a].map((indicatorId, i) => ({ submissionId: s.id, indicatorId, value: indicatorValue(a, i), valueKind: (i % 2 ? "actual" : "estimate") as "actual" | "estimate", explanation: i % 4 ? "" : "Số liệu ước tính đến hết tháng 11" })));
    }
    return { roundId: round.id, agencyId: agencyIds[0], reporterUserId: reporter.id, focalUserId: focal.id };
  });
}

/** Fills a template as an agency would, every row different from the round before; answers the file's bytes. */
async function fill(bytes: Buffer, round: number): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as never);
  const taskSheet = book.getWorksheet(SHEETS.tasks)!, indicatorSheet = book.getWorksheet(SHEETS.indicators)!, textSheet = book.getWorksheet(SHEETS.texts)!;
  for (let r = 3; r <= taskSheet.rowCount; r++) {
    const row = taskSheet.getRow(r), k = r - 3, { status, progress } = taskAnswer(round, k);
    row.getCell(6).value = STATUS_LABELS[status];
    row.getCell(7).value = formatVietnameseNumber(progress); // "40,5", as typed
    row.getCell(8).value = narrative(round, k);
  }
  for (let r = 3; r <= indicatorSheet.rowCount; r++) {
    const row = indicatorSheet.getRow(r), i = r - 3;
    row.getCell(6).value = formatVietnameseNumber(indicatorValue(round, i)); // "1.288,125"
    row.getCell(7).value = (i + round) % 2 ? KIND_LABELS.estimate : KIND_LABELS.actual;
    row.getCell(8).value = `Đợt ${round}: số liệu của Cục Thống kê tỉnh${i % 3 ? "" : "; chưa đạt do thiếu vốn"}`;
  }
  Object.values(GENERAL(round)).forEach((text, k) => { textSheet.getCell(3 + k, 2).value = text; });
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Every sheet's cell values, as plain rows: what the baselines write and read. */
async function plainValues(bytes: Buffer): Promise<{ name: string; rows: ExcelJS.CellValue[][] }[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as never);
  return book.worksheets.map((sheet) => {
    const rows: ExcelJS.CellValue[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => { rows.push((row.values as ExcelJS.CellValue[]).slice(1)); });
    return { name: sheet.name, rows };
  });
}

/** Baseline of (a): the same cells in a workbook with no styling, validation or protection. */
async function writePlain(sheets: { name: string; rows: ExcelJS.CellValue[][] }[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const s of sheets) { const sheet = book.addWorksheet(s.name); for (const values of s.rows) sheet.addRow(values); }
  return Buffer.from(await book.xlsx.writeBuffer());
}
/** Baseline of (b): that workbook read back, every cell's value. */
async function readPlain(bytes: Buffer): Promise<number> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as never);
  let cells = 0;
  for (const sheet of book.worksheets) sheet.eachRow((row) => row.eachCell(() => { cells++; }));
  return cells;
}

/** Baseline of (c): rows of the export's number, width and texts (a summary, the plan's 32,000 rows, the general sections) through the streaming writer, unstyled. */
function exportRows(): { name: string; rows: (string | number | null)[][] }[] {
  const summary = Array.from({ length: AGENCIES }, (_, a) => [a + 1, agencyName(a), "Đã gửi", "20/12/2026", "15/12/2026 10:00", "Đúng hạn", null, "15/12/2026 10:00", null, TASKS, INDICATORS]);
  const items: (string | number | null)[][] = [];
  for (let a = 0; a < AGENCIES; a++) {
    for (let k = 0; k < TASKS; k++) {
      const { status, progress } = taskAnswer(a, k);
      items.push([items.length + 1, agencyName(a), "Đã gửi", "15/12/2026", "Nhiệm vụ", `${Math.floor(k / 30) + 1}.${k % 30 + 1}`, taskText(k), a === k % AGENCIES ? "Chủ trì" : "Phối hợp", deadlineText(k), null, null, STATUS_LABELS[status], progress, null, null, null, narrative(a, k)]);
    }
    for (let i = 0; i < INDICATORS; i++) items.push([items.length + 1, agencyName(a), "Đã gửi", "15/12/2026", "Chỉ tiêu", null, indicatorName(a, i), null, null, "%", "≥ 80%", null, null, indicatorValue(a, i), "Thực hiện", "Đạt", i % 4 ? null : "Số liệu ước tính đến hết tháng 11"]);
  }
  const texts = Array.from({ length: AGENCIES }, (_, a) => [a + 1, agencyName(a), "Đã gửi", ...Object.values(GENERAL(a))]);
  return [{ name: "Tổng hợp", rows: summary }, { name: "23-KH-UBND", rows: items }, { name: "Nội dung chung", rows: texts }];
}
async function streamPlain(sheets: { name: string; rows: (string | number | null)[][] }[]): Promise<Buffer> {
  const out = new PassThrough(), chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  const read = new Promise<void>((ok, fail) => { out.on("end", ok); out.on("error", fail); });
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: true });
  for (const s of sheets) {
    const sheet = book.addWorksheet(s.name);
    for (const values of s.rows) sheet.addRow(values).commit();
    sheet.commit();
  }
  await book.commit();
  await read;
  return Buffer.concat(chunks);
}

interface ExportMeasure { coldMs: number; ms: number; peakBytes: number; bytes: number; rssBefore: number; maxRssBeforeRun: number }

/** One measurement of (c) in this process (a child of the benchmark): a cold run, then a warm one timed; memory from the high-water mark. */
async function measureExport(kind: "export" | "baseline", dataDir: string, roundId: number, focalUserId: number): Promise<ExportMeasure> {
  const gc = (globalThis as { gc?: () => void }).gc;
  let run: () => Promise<Buffer>, close = async (): Promise<void> => undefined;
  if (kind === "export") {
    const store = await openStore({ dataDir });
    const focal = (await userWithAgencies(store.db, focalUserId))!;
    run = async () => (await roundSubmissionsXlsx(store.db, focal, roundId, new Date("2026-12-25T03:00:00Z"))).bytes;
    close = () => store.close();
  } else {
    const sheets = exportRows();
    run = () => streamPlain(sheets);
  }
  gc?.();
  const rssBefore = process.memoryUsage().rss, maxRssBeforeRun = process.resourceUsage().maxRSS * 1024;
  const [coldMs] = await time(run);
  const [ms, bytes] = await time(run);
  const peakBytes = process.resourceUsage().maxRSS * 1024 - rssBefore;
  await close();
  return { coldMs, ms, peakBytes, bytes: bytes.length, rssBefore, maxRssBeforeRun };
}

const self = fileURLToPath(import.meta.url);
if (process.argv[2] === "--measure") {
  const [, , , kind, dataDir, roundId, focalUserId] = process.argv;
  const m = await measureExport(kind as "export" | "baseline", dataDir, Number(roundId), Number(focalUserId));
  process.stdout.write(`\n${JSON.stringify(m)}\n`);
  process.exit(0);
}

/** (c) in a fresh process: this file again, with --measure. */
function measureInChild(kind: "export" | "baseline", dataDir: string, seeded: Seeded): ExportMeasure {
  const child = spawnSync(process.execPath, [...process.execArgv, "--expose-gc", self, "--measure", kind, dataDir, String(seeded.roundId), String(seeded.focalUserId)], { encoding: "utf8", maxBuffer: 1 << 24 });
  if (child.status !== 0) throw new Error(`${kind} measurement failed (${child.status}): ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").at(-1)!);
}

const dataDir = mkdtempSync(join(tmpdir(), "theodoi-bench-template-"));
try {
  const store = await openStore({ dataDir });
  await store.migrate();
  const db = store.db;
  const t0 = performance.now();
  const seeded = await seed(db);
  await store.refreshStatistics();
  console.log(`seeded ${AGENCIES} agencies × (${TASKS} tasks + ${INDICATORS} indicators), ${SENT + DRAFTS} filled reports, in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const reporter: SessionUser = (await userWithAgencies(db, seeded.reporterUserId))!;

  const template = async () => (await reportTemplate(db, reporter, seeded.roundId, seeded.agencyId)).bytes;
  const upload = async (bytes: Buffer) => {
    const book = await openTemplate(bytes);
    try {
      return await asActor(db, reporter, "POST /api/rounds/:id/reports/:agencyId/template", async (tx) =>
        uploadTemplate(tx, await openReport(tx, reporter, seeded.roundId, seeded.agencyId), book, false));
    } catch (e) {
      // A refusal is a failure of the benchmark, said as the route would.
      if (e instanceof AppError) throw new Error(`the filled template was refused: ${e.code} ${e.detail ?? ""} ${JSON.stringify(e.fields.slice(0, 5))}`);
      throw e;
    }
  };
  /** Each upload must write every row it was given: 300 statuses or narratives, 100 values, 3 sections. */
  const written = (result: Awaited<ReturnType<typeof upload>>, round: number) => {
    const tasksChanged = new Set(result.changes.filter((c) => c.sheet === SHEETS.tasks).map((c) => c.item)).size;
    const indicatorsChanged = new Set(result.changes.filter((c) => c.sheet === SHEETS.indicators).map((c) => c.item)).size;
    if (!result.written || tasksChanged !== TASKS || indicatorsChanged !== INDICATORS) throw new Error(`round ${round}: the upload wrote ${tasksChanged} tasks and ${indicatorsChanged} indicators`);
    const t = result.form.tasks[7], expected = taskAnswer(round, 7);
    if (t.report?.status !== expected.status || t.report?.progress !== expected.progress || t.report?.narrative !== narrative(round, 7)) throw new Error(`round ${round}: the draft is not what was filled: ${JSON.stringify(t.report)}`);
    if (result.form.indicators[3].report?.value !== indicatorValue(round, 3)) throw new Error(`round ${round}: indicator value ${result.form.indicators[3].report?.value}`);
  };

  // Warm-up: one template, filled and uploaded; its values make the baselines' workbook.
  const first = await template();
  const filled = await fill(first, 0);
  written(await upload(filled), 0);
  const plain = await plainValues(filled);
  const plainBytes = await writePlain(plain);
  const cells = await readPlain(plainBytes);

  const rounds: { writeBaseline: number; template: number; readBaseline: number; upload: number; templateBytes: number; uploadBytes: number }[] = [];
  for (let r = 1; r <= ROUNDS; r++) {
    const [writeBaseline] = await time(() => writePlain(plain));
    const [templateMs, bytes] = await time(template);
    const file = await fill(bytes, r);
    const [readBaseline] = await time(() => readPlain(plainBytes));
    const [uploadMs, result] = await time(() => upload(file));
    written(result, r);
    rounds.push({ writeBaseline, template: templateMs, readBaseline, upload: uploadMs, templateBytes: bytes.length, uploadBytes: file.length });
  }
  await store.close();

  const exports: { baseline: ExportMeasure; export: ExportMeasure }[] = [];
  for (let r = 0; r < EXPORT_ROUNDS; r++) exports.push({ baseline: measureInChild("baseline", dataDir, seeded), export: measureInChild("export", dataDir, seeded) });

  const of = <K extends keyof (typeof rounds)[number]>(k: K) => median(rounds.map((x) => x[k]));
  const ex = (side: "baseline" | "export", k: keyof ExportMeasure) => median(exports.map((x) => x[side][k]));
  const result = {
    agencies: AGENCIES, tasks: TASKS, indicators: INDICATORS, rounds: ROUNDS, exportRounds: EXPORT_ROUNDS, engine: "pglite (data directory)", cells,
    template: { ms: of("template"), baselineMs: of("writeBaseline"), ratio: median(rounds.map((x) => x.template / x.writeBaseline)), bytes: of("templateBytes"), goalMs: GOAL_MS },
    upload: { ms: of("upload"), baselineMs: of("readBaseline"), ratio: median(rounds.map((x) => x.upload / x.readBaseline)), bytes: of("uploadBytes"), goalMs: GOAL_MS },
    export: {
      rows: AGENCIES * (TASKS + INDICATORS), ms: ex("export", "ms"), coldMs: ex("export", "coldMs"), peakMB: MB(ex("export", "peakBytes")), bytes: ex("export", "bytes"),
      baselineMs: ex("baseline", "ms"), baselineColdMs: ex("baseline", "coldMs"), baselinePeakMB: MB(ex("baseline", "peakBytes")), baselineBytes: ex("baseline", "bytes"),
      ratio: median(exports.map((x) => x.export.ms / x.baseline.ms)), memoryRatio: median(exports.map((x) => x.export.peakBytes / x.baseline.peakBytes)),
      goalMs: EXPORT_GOAL_MS, goalMB: MB(EXPORT_GOAL_BYTES), measures: exports,
    },
    perRound: rounds,
  };
  const f = (x: number) => x.toFixed(0);
  console.log(`\nOne agency owing ${TASKS} tasks and ${INDICATORS} indicators (${cells} cells), ${ROUNDS} rounds; the round's workbook: ${AGENCIES} agencies, ${result.export.rows} rows, ${EXPORT_ROUNDS} rounds\n`);
  console.log("| case | median ms | baseline ms | × baseline | goal | met |\n|---|---:|---:|---:|---|---|");
  console.log(`| (a) template written (${(result.template.bytes / 1024).toFixed(0)} KB) | ${f(result.template.ms)} | ${f(result.template.baselineMs)} | ${result.template.ratio.toFixed(1)}× | < ${GOAL_MS} ms | ${result.template.ms < GOAL_MS ? "yes" : "NO"} |`);
  console.log(`| (b) filled template uploaded (${(result.upload.bytes / 1024).toFixed(0)} KB) | ${f(result.upload.ms)} | ${f(result.upload.baselineMs)} | ${result.upload.ratio.toFixed(1)}× | < ${GOAL_MS} ms | ${result.upload.ms < GOAL_MS ? "yes" : "NO"} |`);
  console.log(`| (c) round's workbook, warm (${MB(result.export.bytes).toFixed(1)} MB; cold ${f(result.export.coldMs)} ms) | ${f(result.export.ms)} | ${f(result.export.baselineMs)} | ${result.export.ratio.toFixed(1)}× | ≤ ${EXPORT_GOAL_MS} ms | ${result.export.ms <= EXPORT_GOAL_MS ? "yes" : "NO"} |`);
  console.log(`| (c) its peak memory, MB | ${result.export.peakMB.toFixed(0)} | ${result.export.baselinePeakMB.toFixed(0)} | ${result.export.memoryRatio.toFixed(1)}× | ≤ ${result.export.goalMB} MB | ${result.export.peakMB <= result.export.goalMB ? "yes" : "NO"} |`);
  mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
  writeFileSync(new URL("./results/template.json", import.meta.url), JSON.stringify(result, null, 2));
  const missed = [
    result.template.ms >= GOAL_MS && `the template took ${f(result.template.ms)} ms (goal under ${GOAL_MS})`,
    result.upload.ms >= GOAL_MS && `the upload took ${f(result.upload.ms)} ms (goal under ${GOAL_MS})`,
    result.export.ms > EXPORT_GOAL_MS && `the round's workbook took ${f(result.export.ms)} ms (goal ${EXPORT_GOAL_MS})`,
    result.export.peakMB > result.export.goalMB && `the round's workbook peaked at ${result.export.peakMB.toFixed(0)} MB (goal ${result.export.goalMB})`,
  ].filter(Boolean);
  for (const m of missed) console.error(`goal missed: ${m}`);
  process.exitCode = missed.length ? 1 : 0;
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
