/**
 * The agency's template: one round's report for one agency as an Excel workbook, to fill offline
 * and upload back as the agency's draft.
 *
 * Written from the report form (formOf), so the workbook owes what the form owes. Three sheets
 * (tasks, indicators, general sections), and a fourth for the key projects the agency carries out
 * when it owes some, with Vietnamese headers; what is not to be typed is locked
 * (sheet protection without a password: it keeps an official from typing over a task's text by
 * mistake, not anyone from reading or unprotecting); the status and the kind of value are drop-downs;
 * A4 landscape, fitted to the width, the header row repeated on every page. Each row carries its key
 * in a hidden column ("T:12:hash": the item, and a hash of its locked cells as written), and a hidden
 * sheet holds the round, the agency and the versions read: an upload finds its rows whatever order
 * they were sorted in, tells an edited locked cell (the row's cells no longer give its hash) from a
 * plan changed since (the hash no longer matches today's), and a stale template (the round or the
 * report changed) from a fresh one.
 *
 * Reading an upload: its size is bounded by the route, its zip checked (every entry inflated within
 * limits, as for .docx) before exceljs opens it in this process. Every cell is validated with the
 * form's rules; an error names its sheet and cell. Nothing is written unless every cell is valid, and
 * then only what differs from the draft, through the form's save (saveDraft), in the route's transaction.
 */
import { createHash } from "node:crypto";
import { and, desc, eq, inArray } from "drizzle-orm";
import type ExcelJS from "exceljs";
import { loadExcel } from "../reports/xlsx.js";
import { actsFor } from "../accounts/policy.js";
import { AppError, notFound, type FieldProblem } from "../core/errors.js";
import type { MessageKey } from "../core/i18n.js";
import { describeTarget } from "../evaluation/indicators.js";
import { checkZip } from "../extraction/zip.js";
import { UnreadableFileError } from "../extraction/read-text.js";
import { valueVisible } from "../plans/indicators.js";
import { indicators, indicatorValues } from "../plans/schema.js";
import type { Database } from "../storage/database.js";
import { readsDrafts } from "../accounts/policy.js";
import { formatVietnameseDate } from "../text/dates.js";
import { formatVietnameseNumber, megabytes, parseVietnameseNumber } from "../text/numbers.js";
import { PROJECT_NUMBERS, progressInRange, sentenceStart, statusProgressMismatch } from "./gaps.js";
import type { SubmissionSave } from "./inputs.js";
import { TASK_REPORT_STATUSES } from "./schema.js";
import { dueOnFor } from "./rounds.js";
import { formOf, openReport, saveDraft, type ReportPlace, type SubmissionForm } from "./submissions.js";

export const TEMPLATE_MAX_BYTES = 10 * 1024 * 1024;
/** Limits on the zip inside: far above a template of 5,000 tasks (a few MB of XML), far below what would strain the server. */
/** What a template may inflate to: a report of 5,000 tasks with long narratives is a few MB of sheet XML. */
const ZIP_LIMITS = { entries: 200, totalBytes: 24 << 20, entryBytes: 12 << 20 };
/** Rows a sheet may hold beyond the report's items (headers, a few blank lines), and problems said at most. */
const SPARE_ROWS = 50, MAX_PROBLEMS = 200;
const FORMAT = "theodoi-template-1";

export const SHEETS = { tasks: "Nhiệm vụ", indicators: "Chỉ tiêu", projects: "Dự án", texts: "Nội dung chung", key: "theodoi" } as const;
/** The Government Office's categories, as the form shows them. */
export const STATUS_LABELS: Record<(typeof TASK_REPORT_STATUSES)[number], string> = {
  completed_on_time: "Hoàn thành đúng hạn", completed_late: "Hoàn thành quá hạn", in_progress: "Đang thực hiện trong hạn",
  overdue: "Quá hạn, chưa hoàn thành", not_started: "Chưa triển khai",
};
export const KIND_LABELS = { actual: "Thực hiện", estimate: "Ước thực hiện" } as const;
const TEXT_LABELS = { results: "Kết quả đạt được", difficulties: "Khó khăn, vướng mắc", proposals: "Đề xuất, kiến nghị" } as const;
const TEXTS = ["results", "difficulties", "proposals"] as const;

/** Columns of each sheet: header, width, typed (unlocked) or not; the last is the hidden key. */
const TASK_COLUMNS = [
  { header: "STT", width: 5 }, { header: "Mục", width: 8 }, { header: "Nhiệm vụ", width: 50 }, { header: "Vai trò", width: 10 },
  { header: "Thời hạn", width: 12 }, { header: "Tình trạng thực hiện", width: 22, typed: true }, { header: "Tiến độ (%)", width: 10, typed: true },
  { header: "Kết quả thực hiện (đã làm được gì)", width: 50, typed: true }, { header: "Ý kiến của cơ quan đầu mối", width: 24 }, { header: "Khoá (không sửa)", width: 10 },
] as const;
const INDICATOR_COLUMNS = [
  { header: "STT", width: 5 }, { header: "Chỉ tiêu", width: 44 }, { header: "Mục tiêu", width: 14 }, { header: "Đơn vị", width: 10 },
  { header: "Số liệu gần nhất", width: 22 }, { header: "Giá trị kỳ này", width: 14, typed: true }, { header: "Loại số liệu", width: 14, typed: true },
  { header: "Giải thích (khi chưa đạt hoặc chưa có số liệu)", width: 40, typed: true }, { header: "Ý kiến của cơ quan đầu mối", width: 24 }, { header: "Khoá (không sửa)", width: 10 },
] as const;
/** The key projects the agency carries out (a sheet only when it owes some). */
const PROJECT_COLUMNS = [
  { header: "STT", width: 5 }, { header: "Dự án", width: 36 }, { header: "Thông tin dự án", width: 26 }, { header: "Số liệu gần nhất", width: 26 },
  { header: "Vốn bố trí năm (tỷ đồng)", width: 13, typed: true }, { header: "Giải ngân lũy kế năm (tỷ đồng)", width: 13, typed: true },
  { header: "Mặt bằng đã bàn giao (ha)", width: 12, typed: true }, { header: "Chiều dài đã bàn giao, thi công (km)", width: 12, typed: true },
  { header: "Khối lượng thực hiện (%)", width: 11, typed: true }, { header: "Tình hình thực hiện", width: 36, typed: true },
  { header: "Nguyên nhân chậm, giải pháp (khi chậm tiến độ)", width: 32, typed: true }, { header: "Ý kiến của cơ quan đầu mối", width: 22 }, { header: "Khoá (không sửa)", width: 10 },
] as const;
/** (A project's typed columns, from the fifth, are PROJECT_NUMBERS then PROJECT_TEXTS, as the form names them.) */
const PROJECT_TEXTS = ["narrative", "explanation"] as const;
const TEXT_COLUMNS = [{ header: "Mục", width: 24 }, { header: "Nội dung", width: 110, typed: true }, { header: "Khoá (không sửa)", width: 10 }] as const;

const FONT = { name: "Times New Roman", size: 12 };
const THIN = { style: "thin" as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const TYPED_FILL = { type: "pattern" as const, pattern: "solid" as const, fgColor: { argb: "FFFFF7D6" } };
const HEADER_FILL = { type: "pattern" as const, pattern: "solid" as const, fgColor: { argb: "FFDDE5F0" } };

const hash = (cells: unknown[]) => createHash("sha256").update(JSON.stringify(cells)).digest("hex").slice(0, 12);
const n = (x: number | null) => (x === null ? "" : formatVietnameseNumber(x));

/** The locked cells of each row, as written: the same function writes them and checks them back. */
const taskLocked = (t: SubmissionForm["tasks"][number]) => [t.number ?? "", sentenceStart(t.text), t.role === "lead" ? "Chủ trì" : "Phối hợp", t.deadlineText ?? ""];
/** (The last cell, the latest values, is for reading: a value entered since the download does not make the template stale.) */
const indicatorLocked = (i: SubmissionForm["indicators"][number], last: string) =>
  [i.name, describeTarget({ ...i, periodFrom: null, periodTo: null, baselineValue: null, baselineYear: null }), i.unit ?? "", last];
/** The locked cells of an indicator's row checked back: its name, target and unit. */
const INDICATOR_CHECKED = 3;
const actualLocked = (a: SubmissionForm["actuals"][number]) =>
  [`${a.name}: số thực hiện năm ${a.year}${a.estimate !== null ? ` (thay số ước ${n(a.estimate)})` : ""}`, "", a.unit ?? "", a.estimate !== null ? `${a.year}: ${n(a.estimate)} (ước)` : ""];

/** A project's locked cells: its name and facts (checked back), and its latest figures (for reading). */
const projectLocked = (p: SubmissionForm["projects"][number]) => [
  p.name,
  [p.location && `Địa điểm: ${p.location}`, p.investment !== null && `Tổng mức đầu tư: ${n(p.investment)} tỷ đồng`, p.areaHa !== null && `Diện tích GPMB: ${n(p.areaHa)} ha`,
    p.lengthKm !== null && `Chiều dài: ${n(p.lengthKm)} km`, p.completesOn && `Hoàn thành: ${formatVietnameseDate(p.completesOn)}`].filter(Boolean).join("; "),
  [p.last.disbursed !== null && `Giải ngân ${n(p.last.disbursed)}${p.last.allocated !== null ? `/${n(p.last.allocated)}` : ""} tỷ đồng`, p.last.clearedHa !== null && `Mặt bằng ${n(p.last.clearedHa)} ha`,
    p.last.builtKm !== null && `${n(p.last.builtKm)} km`, p.last.progress !== null && `Khối lượng ${n(p.last.progress)}%`].filter(Boolean).join("; ") + (p.last.asOf ? ` (đến ${formatVietnameseDate(p.last.asOf)})` : ""),
];
const PROJECT_CHECKED = 2;

/** The latest values of each indicator (three, newest first), as one cell says them: "2024: 6,33 (ước); 2023: 7,17". */
async function lastValues(db: Database, form: SubmissionForm, drafts: boolean): Promise<Map<number, string>> {
  const ids = form.indicators.map((i) => i.id);
  if (!ids.length) return new Map();
  const rows = await db.select({ indicatorId: indicatorValues.indicatorId, period: indicatorValues.period, value: indicatorValues.value, kind: indicatorValues.kind })
    .from(indicatorValues).innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
    .where(and(inArray(indicatorValues.indicatorId, ids), valueVisible(drafts))).orderBy(desc(indicatorValues.periodYear), desc(indicatorValues.period), desc(indicatorValues.id));
  const out = new Map<number, string[]>();
  for (const r of rows) {
    const list = out.get(r.indicatorId) ?? [];
    if (list.length < 3 && !list.some((l) => l.startsWith(`${r.period}:`))) list.push(`${r.period}: ${n(r.value)}${r.kind === "estimate" ? " (ước)" : ""}`);
    out.set(r.indicatorId, list);
  }
  return new Map([...out].map(([k, v]) => [k, v.join("; ")]));
}

interface Key { roundId: number; agencyId: number; roundVersion: number; submissionVersion: number }

const keyOf = (form: SubmissionForm): Key => ({ roundId: form.round.id, agencyId: form.agency.id, roundVersion: form.round.version, submissionVersion: form.submission?.version ?? 0 });

function sheetWith(book: ExcelJS.Workbook, name: string, columns: readonly { header: string; width: number; typed?: boolean }[], title: string) {
  const sheet = book.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "2:2", margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } },
    headerFooter: { oddFooter: "Trang &P / &N" },
    views: [{ state: "frozen", ySplit: 2 }],
  });
  sheet.columns = columns.map((c) => ({ width: c.width }));
  sheet.getColumn(columns.length).hidden = true;
  const titleRow = sheet.addRow([title]);
  sheet.mergeCells(1, 1, 1, columns.length - 1);
  titleRow.getCell(1).font = { ...FONT, bold: true, size: 13 };
  titleRow.getCell(1).alignment = { vertical: "middle", wrapText: true };
  titleRow.height = 36;
  const header = sheet.addRow(columns.map((c) => c.header));
  header.eachCell((cell) => {
    cell.font = { ...FONT, bold: true }; cell.fill = HEADER_FILL; cell.border = BORDER;
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  });
  header.height = 34;
  return sheet;
}

/** Styles a data row: borders, wrapping, typed cells unlocked and tinted, and a height for its longest text. */
function styleRow(row: ExcelJS.Row, columns: readonly { width: number; typed?: boolean }[]) {
  let lines = 1;
  columns.forEach((c, k) => {
    const cell = row.getCell(k + 1);
    cell.font = FONT; cell.border = BORDER;
    cell.alignment = { vertical: "top", wrapText: true };
    cell.protection = { locked: !("typed" in c && c.typed) };
    if ("typed" in c && c.typed) cell.fill = TYPED_FILL;
    if (k === columns.length - 1) { cell.alignment = { vertical: "top", wrapText: false }; cell.font = { ...FONT, size: 8, color: { argb: "FF808080" } }; return; }
    const text = cell.value == null ? "" : String(cell.value);
    lines = Math.max(lines, text.split("\n").reduce((s, l) => s + Math.max(1, Math.ceil(l.length / Math.max(4, c.width * 1.2))), 0));
  });
  row.height = Math.min(409, Math.max(1, lines) * 15.6 + 3);
}

async function protect(sheet: ExcelJS.Worksheet) {
  // No password: the lock guards against typing over a locked cell by mistake; anyone may read, filter, resize and print.
  await sheet.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, autoFilter: true, sort: true });
}

/** The template of one agency's report in one round, for whoever may read that report. */
export async function templateOf(db: Database, place: ReportPlace): Promise<{ bytes: Buffer; fileName: string }> {
  const form = await formOf(db, place);
  const last = await lastValues(db, form, readsDrafts(place.actor));
  const book = new (await loadExcel()).Workbook();
  book.creator = "theodoi";
  book.title = `${form.round.title}: ${form.agency.name}`;
  const key = keyOf(form);
  const title = `${form.round.title}\n${form.agency.name}; hạn gửi ${formatVietnameseDate(dueOnFor(form.round, form.agency.id))}. Chỉ nhập vào các ô nền vàng.`;

  const tasks = sheetWith(book, SHEETS.tasks, TASK_COLUMNS, title);
  form.tasks.forEach((t, k) => {
    const row = tasks.addRow([k + 1, ...taskLocked(t), t.report?.status ? STATUS_LABELS[t.report.status as keyof typeof STATUS_LABELS] : null,
      t.report?.progress ?? null, t.report?.narrative || null, t.reviewComment, `T:${t.id}:${hash(taskLocked(t))}`]);
    styleRow(row, TASK_COLUMNS);
    row.getCell(7).numFmt = "0.##";
  });
  const lastTask = Math.max(3, tasks.rowCount);
  for (let r = 3; r <= lastTask; r++) {
    tasks.getCell(r, 6).dataValidation = { type: "list", allowBlank: true, formulae: [`'${SHEETS.key}'!$D$1:$D$${TASK_REPORT_STATUSES.length}`], showErrorMessage: true,
      errorTitle: "Tình trạng", error: "Chọn một tình trạng trong danh sách", promptTitle: "Tình trạng", prompt: "Chọn theo phân loại của Văn phòng Chính phủ", showInputMessage: true };
    tasks.getCell(r, 7).dataValidation = { type: "custom", allowBlank: true, formulae: [`OR(ISTEXT(G${r}),AND(G${r}>=0,G${r}<=100))`], showErrorMessage: true,
      errorTitle: "Tiến độ", error: "Tiến độ là số từ 0 đến 100, ví dụ 95,5", promptTitle: "Tiến độ (%)", prompt: "Số từ 0 đến 100, ví dụ 95,5", showInputMessage: true };
    tasks.getCell(r, 8).dataValidation = { type: "textLength", operator: "lessThanOrEqual", allowBlank: true, formulae: [50000], showErrorMessage: true, error: "Tối đa 50.000 ký tự" };
  }
  tasks.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: TASK_COLUMNS.length - 1 } };

  const inds = sheetWith(book, SHEETS.indicators, INDICATOR_COLUMNS, title);
  form.indicators.forEach((i, k) => {
    const locked = indicatorLocked(i, last.get(i.id) ?? "");
    const row = inds.addRow([k + 1, ...locked, i.report?.value ?? null, KIND_LABELS[(i.report?.valueKind ?? "actual") as keyof typeof KIND_LABELS],
      i.report?.explanation || null, i.reviewComment, `I:${i.id}:${hash(locked.slice(0, INDICATOR_CHECKED))}`]);
    styleRow(row, INDICATOR_COLUMNS);
    row.getCell(6).numFmt = "#,##0.######";
  });
  form.actuals.forEach((a, k) => {
    const locked = actualLocked(a);
    const row = inds.addRow([form.indicators.length + k + 1, ...locked, a.report?.value ?? null, KIND_LABELS.actual, a.report?.explanation || null, null, `A:${a.indicatorId}:${a.year}:${hash(locked)}`]);
    styleRow(row, INDICATOR_COLUMNS);
    row.getCell(7).protection = { locked: true }; // an actual figure is always actual
    row.getCell(7).fill = { type: "pattern", pattern: "none" };
  });
  const lastIndicator = Math.max(3, inds.rowCount);
  for (let r = 3; r <= lastIndicator; r++) {
    inds.getCell(r, 6).dataValidation = { type: "custom", allowBlank: true, formulae: [`OR(ISNUMBER(F${r}),ISTEXT(F${r}))`], showInputMessage: true,
      promptTitle: "Giá trị", prompt: "Số, viết kiểu Việt Nam (8.310,18) hoặc nhập số trực tiếp; để trống nếu chưa có số liệu và giải thích ở cột bên" };
    if (r - 3 < form.indicators.length) inds.getCell(r, 7).dataValidation = { type: "list", allowBlank: false, formulae: [`"${KIND_LABELS.actual},${KIND_LABELS.estimate}"`], showErrorMessage: true, error: "Chọn Thực hiện hoặc Ước thực hiện" };
  }
  inds.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: INDICATOR_COLUMNS.length - 1 } };

  const projectSheet = form.projects.length ? sheetWith(book, SHEETS.projects, PROJECT_COLUMNS, title) : null;
  if (projectSheet) {
    form.projects.forEach((p, k) => {
      const locked = projectLocked(p);
      const row = projectSheet.addRow([k + 1, ...locked, ...PROJECT_NUMBERS.map((f) => p.report?.[f] ?? null), ...PROJECT_TEXTS.map((f) => p.report?.[f] || null),
        p.reviewComment, `P:${p.id}:${hash(locked.slice(0, PROJECT_CHECKED))}`]);
      styleRow(row, PROJECT_COLUMNS);
      PROJECT_NUMBERS.forEach((_, j) => {
        const cell = row.getCell(5 + j);
        cell.numFmt = "#,##0.######";
        cell.dataValidation = { type: "custom", allowBlank: true, formulae: [`OR(ISTEXT(${cell.address}),${cell.address}>=0)`], showErrorMessage: true,
          errorTitle: "Số liệu", error: "Số không âm, viết kiểu Việt Nam (1.288,123)", promptTitle: String(PROJECT_COLUMNS[4 + j].header), prompt: "Số không âm, viết kiểu Việt Nam (1.288,123)", showInputMessage: true };
      });
    });
    projectSheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: PROJECT_COLUMNS.length - 1 } };
  }

  const texts = sheetWith(book, SHEETS.texts, TEXT_COLUMNS, title);
  for (const k of TEXTS) {
    const row = texts.addRow([TEXT_LABELS[k], form.submission?.[k] || null, `S:${k}`]);
    styleRow(row, TEXT_COLUMNS);
    row.height = 120;
  }

  const keySheet = book.addWorksheet(SHEETS.key, { state: "veryHidden" });
  [["format", FORMAT], ["roundId", key.roundId], ["agencyId", key.agencyId], ["roundVersion", key.roundVersion], ["submissionVersion", key.submissionVersion],
    ["roundUpdatedAt", form.round.updatedAt], ["submissionUpdatedAt", form.submission?.updatedAt ?? ""]].forEach(([k, v], r) => {
    keySheet.getCell(r + 1, 1).value = k; keySheet.getCell(r + 1, 2).value = v;
  });
  TASK_REPORT_STATUSES.forEach((s, r) => { keySheet.getCell(r + 1, 4).value = STATUS_LABELS[s]; });
  for (const sheet of [tasks, inds, projectSheet, texts, keySheet]) if (sheet) await protect(sheet);
  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  return { bytes, fileName: `mau-bao-cao-dot-${form.round.id}-co-quan-${form.agency.id}.xlsx` };
}

/** One change an upload makes to the draft: where, what the draft holds, what the file says. */
export interface TemplateChange { sheet: string; cell: string; item: string; field: string; before: string; after: string }

const fieldProblem = (sheet: string, cell: string, key: MessageKey, params: Record<string, string> = {}): FieldProblem =>
  ({ field: `${sheet}!${cell}`, key, params: { sheet, cell, ...params } });

/** A cell's value as typed: formulas give their result, rich text its text. */
function cellValue(cell: ExcelJS.Cell): string | number | boolean | Date | null {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === "object" && !(v instanceof Date)) {
    if ("result" in v) return (v.result ?? null) as never;
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("text" in v) return String(v.text);
    if ("error" in v) return String(v.error);
    return null;
  }
  return v;
}
const textOf = (cell: ExcelJS.Cell) => { const v = cellValue(cell); return v === null ? "" : v instanceof Date ? v.toISOString().slice(0, 10) : String(v); };

/** A number cell: a number, or text written the Vietnamese way; "" is empty. */
function numberOf(cell: ExcelJS.Cell): number | null | "bad" {
  const v = cellValue(cell);
  if (v === null) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : "bad";
  if (typeof v !== "string") return "bad";
  if (!v.trim()) return null;
  return parseVietnameseNumber(v.trim().replace(/%$/, "").trim()) ?? "bad";
}

const foldLabel = (s: string) => s.normalize("NFC").trim().toLocaleLowerCase("vi").replace(/\s+/g, " ");
const statusOf = (text: string) => {
  const t = foldLabel(text);
  return TASK_REPORT_STATUSES.find((s) => foldLabel(STATUS_LABELS[s]) === t || s === t);
};
const kindOf = (text: string) => (Object.keys(KIND_LABELS) as (keyof typeof KIND_LABELS)[]).find((k) => foldLabel(KIND_LABELS[k]) === foldLabel(text) || k === foldLabel(text));

/** Opens the upload as a workbook, after its zip was checked within limits. */
export async function openTemplate(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  if (bytes.length > TEMPLATE_MAX_BYTES) throw new AppError("validation", [{ field: "file", key: "template_too_large", params: { limit: megabytes(TEMPLATE_MAX_BYTES) } }]);
  try {
    checkZip(bytes, ZIP_LIMITS);
  } catch (e) {
    if (e instanceof UnreadableFileError) throw new AppError("validation", [{ field: "file", key: e.reason === "zip_bomb" ? "template_zip_bomb" : "template_not_xlsx" }]);
    throw e;
  }
  const book = new (await loadExcel()).Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes) as never);
  } catch {
    throw new AppError("validation", [{ field: "file", key: "template_not_xlsx" }]);
  }
  return book;
}

/**
 * Reads an uploaded template against the report: refused (nothing written) when it is another
 * report's, stale, has a locked or key cell edited, or any cell is invalid; otherwise the save that
 * makes the draft what the file says (only what differs), with each change listed.
 */
export async function readTemplate(db: Database, place: ReportPlace, book: ExcelJS.Workbook): Promise<{ save: SubmissionSave; changes: TemplateChange[]; form: SubmissionForm }> {
  const keySheet = book.getWorksheet(SHEETS.key);
  const tasksSheet = book.getWorksheet(SHEETS.tasks), indSheet = book.getWorksheet(SHEETS.indicators), textSheet = book.getWorksheet(SHEETS.texts);
  if (!keySheet || !tasksSheet || !indSheet || !textSheet || keySheet.getCell(1, 2).value !== FORMAT) throw new AppError("validation", [{ field: "file", key: "template_not_ours" }]);
  const keyValue = (r: number) => Number(keySheet.getCell(r, 2).value);
  const key: Key = { roundId: keyValue(2), agencyId: keyValue(3), roundVersion: keyValue(4), submissionVersion: keyValue(5) };
  if (key.roundId !== place.round.id || key.agencyId !== place.agencyId) throw new AppError("validation", [{ field: "file", key: "template_other_report" }]);
  const form = await formOf(db, place);
  if (!actsFor(place.actor, place.agencyId)) throw notFound();
  if (!form.editable) throw new AppError("validation", [{ field: "file", key: "submission_locked" }]);
  const now = keyOf(form);
  if (now.roundVersion !== key.roundVersion || now.submissionVersion !== key.submissionVersion) throw new AppError("conflict", [], "template_stale");

  const problems: FieldProblem[] = [];
  const changes: TemplateChange[] = [];
  const save: SubmissionSave = { version: now.submissionVersion };
  const last = await lastValues(db, form, readsDrafts(place.actor));
  const seen = new Set<string>();

  /**
   * The rows of a sheet by key: its item, hash and row; a key cell edited or a row copied is refused. Only the
   * rows the file holds are read (a cell written at row 1,048,576 makes no million rows), and a sheet holding far
   * more rows than the report has items is no template of it.
   */
  function rows(sheet: ExcelJS.Worksheet, keyColumn: number, items: number) {
    const out = new Map<string, { row: ExcelJS.Row; hash: string }>();
    if (sheet.actualRowCount > items + 2 + SPARE_ROWS) throw new AppError("validation", [{ field: "file", key: "template_not_ours" }]);
    const held: ExcelJS.Row[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, r) => { if (r >= 3) held.push(row); });
    for (const row of held) {
      if (problems.length >= MAX_PROBLEMS) break;
      const keyText = textOf(row.getCell(keyColumn));
      const typed = [...Array(keyColumn - 1).keys()].some((k) => textOf(row.getCell(k + 1)).trim());
      if (!keyText) { if (typed) problems.push(fieldProblem(sheet.name, row.getCell(keyColumn).address, "template_key_edited")); continue; }
      const m = /^([TIPS]:\w+|A:\d+:\d+)(?::([0-9a-f]{12}))?$/.exec(keyText);
      if (!m || out.has(m[1])) { problems.push(fieldProblem(sheet.name, row.getCell(keyColumn).address, "template_key_edited")); continue; }
      out.set(m[1], { row, hash: m[2] ?? "" });
      seen.add(m[1]);
    }
    return out;
  }
  /** Checks a row's locked cells against the hash it was written with, then against today's. */
  function lockedOk(sheet: ExcelJS.Worksheet, entry: { row: ExcelJS.Row; hash: string }, expected: string[], first: number): boolean {
    const asRead = expected.map((_, k) => textOf(entry.row.getCell(first + k)));
    if (hash(asRead) !== entry.hash) {
      const k = expected.findIndex((e, j) => e !== asRead[j]);
      problems.push(fieldProblem(sheet.name, entry.row.getCell(first + Math.max(0, k)).address, "template_locked_edited"));
      return false;
    }
    if (hash(expected) !== entry.hash) throw new AppError("conflict", [], "template_stale");
    return true;
  }
  const change = (sheet: ExcelJS.Worksheet, cell: ExcelJS.Cell, item: string, field: string, before: string, after: string) =>
    changes.push({ sheet: sheet.name, cell: cell.address, item, field, before, after });

  const taskRows = rows(tasksSheet, TASK_COLUMNS.length, form.tasks.length);
  for (const t of form.tasks) {
    const entry = taskRows.get(`T:${t.id}`);
    if (!entry) { problems.push({ field: tasksSheet.name, key: "template_row_missing", params: { sheet: tasksSheet.name, item: t.text.slice(0, 60) } }); continue; }
    if (!lockedOk(tasksSheet, entry, taskLocked(t), 2)) continue;
    const item = `${t.number ? `${t.number} ` : ""}${t.text.slice(0, 60)}`;
    const statusCell = entry.row.getCell(6), progressCell = entry.row.getCell(7), narrativeCell = entry.row.getCell(8);
    const statusText = textOf(statusCell).trim();
    const status = statusText ? statusOf(statusText) : null;
    if (status === undefined) { problems.push(fieldProblem(tasksSheet.name, statusCell.address, "template_status_unknown", { value: statusText.slice(0, 60) })); continue; }
    const progress = numberOf(progressCell);
    if (progress === "bad") { problems.push(fieldProblem(tasksSheet.name, progressCell.address, "template_number", { value: textOf(progressCell).slice(0, 40) })); continue; }
    if (progress !== null && !progressInRange(progress)) { problems.push(fieldProblem(tasksSheet.name, progressCell.address, "template_progress_range")); continue; }
    const mismatch = statusProgressMismatch(status, progress);
    if (mismatch) { problems.push(fieldProblem(tasksSheet.name, progressCell.address, `template_${mismatch}` as MessageKey)); continue; }
    const narrative = textOf(narrativeCell);
    if (narrative.length > 50_000) { problems.push(fieldProblem(tasksSheet.name, narrativeCell.address, "template_text_long")); continue; }
    const was = { status: t.report?.status ?? null, progress: t.report?.progress ?? null, narrative: t.report?.narrative ?? "" };
    const diff: NonNullable<SubmissionSave["tasks"]>[number] = { taskId: t.id };
    if (status !== was.status) { diff.status = status; change(tasksSheet, statusCell, item, "status", was.status ? STATUS_LABELS[was.status as keyof typeof STATUS_LABELS] : "", status ? STATUS_LABELS[status] : ""); }
    if (progress !== was.progress) { diff.progress = progress; change(tasksSheet, progressCell, item, "progress", n(was.progress), n(progress)); }
    if (narrative !== was.narrative) { diff.narrative = narrative; change(tasksSheet, narrativeCell, item, "narrative", was.narrative, narrative); }
    if (Object.keys(diff).length > 1) (save.tasks ??= []).push(diff);
  }

  const indRows = rows(indSheet, INDICATOR_COLUMNS.length, form.indicators.length + form.actuals.length);
  for (const i of form.indicators) {
    const entry = indRows.get(`I:${i.id}`);
    if (!entry) { problems.push({ field: indSheet.name, key: "template_row_missing", params: { sheet: indSheet.name, item: i.name.slice(0, 60) } }); continue; }
    if (!lockedOk(indSheet, entry, indicatorLocked(i, last.get(i.id) ?? "").slice(0, INDICATOR_CHECKED), 2)) continue;
    const valueCell = entry.row.getCell(6), kindCell = entry.row.getCell(7), explanationCell = entry.row.getCell(8);
    const value = numberOf(valueCell);
    if (value === "bad") { problems.push(fieldProblem(indSheet.name, valueCell.address, "template_number", { value: textOf(valueCell).slice(0, 40) })); continue; }
    const kindText = textOf(kindCell).trim();
    const kind = kindText ? kindOf(kindText) : "actual";
    if (!kind) { problems.push(fieldProblem(indSheet.name, kindCell.address, "template_kind_unknown", { value: kindText.slice(0, 40) })); continue; }
    const explanation = textOf(explanationCell);
    const was = { value: i.report?.value ?? null, valueKind: i.report?.valueKind ?? "actual", explanation: i.report?.explanation ?? "" };
    const diff: NonNullable<SubmissionSave["indicators"]>[number] = { indicatorId: i.id };
    const item = i.name.slice(0, 60);
    if (value !== was.value) { diff.value = value; change(indSheet, valueCell, item, "value", n(was.value), n(value)); }
    if (kind !== was.valueKind) { diff.valueKind = kind; change(indSheet, kindCell, item, "valueKind", KIND_LABELS[was.valueKind as keyof typeof KIND_LABELS] ?? was.valueKind, KIND_LABELS[kind]); }
    if (explanation !== was.explanation) { diff.explanation = explanation; change(indSheet, explanationCell, item, "explanation", was.explanation, explanation); }
    if (Object.keys(diff).length > 1) (save.indicators ??= []).push(diff);
  }
  for (const a of form.actuals) {
    const entry = indRows.get(`A:${a.indicatorId}:${a.year}`);
    if (!entry) { problems.push({ field: indSheet.name, key: "template_row_missing", params: { sheet: indSheet.name, item: `${a.name.slice(0, 50)} (${a.year})` } }); continue; }
    if (!lockedOk(indSheet, entry, actualLocked(a), 2)) continue;
    const valueCell = entry.row.getCell(6), explanationCell = entry.row.getCell(8);
    const value = numberOf(valueCell);
    if (value === "bad") { problems.push(fieldProblem(indSheet.name, valueCell.address, "template_number", { value: textOf(valueCell).slice(0, 40) })); continue; }
    const explanation = textOf(explanationCell);
    const was = { value: a.report?.value ?? null, explanation: a.report?.explanation ?? "" };
    const diff: NonNullable<SubmissionSave["actuals"]>[number] = { indicatorId: a.indicatorId, year: a.year };
    const item = `${a.name.slice(0, 50)} (${a.year})`;
    if (value !== was.value) { diff.value = value; change(indSheet, valueCell, item, "value", n(was.value), n(value)); }
    if (explanation !== was.explanation) { diff.explanation = explanation; change(indSheet, explanationCell, item, "explanation", was.explanation, explanation); }
    if (Object.keys(diff).length > 2) (save.actuals ??= []).push(diff);
  }

  const projectSheet = book.getWorksheet(SHEETS.projects);
  if (form.projects.length && !projectSheet) problems.push({ field: "file", key: "template_row_missing", params: { sheet: SHEETS.projects, item: form.projects[0].name.slice(0, 60) } });
  const projectRows = projectSheet ? rows(projectSheet, PROJECT_COLUMNS.length, form.projects.length) : new Map<string, { row: ExcelJS.Row; hash: string }>();
  for (const p of projectSheet ? form.projects : []) {
    const entry = projectRows.get(`P:${p.id}`);
    if (!entry) { problems.push({ field: projectSheet!.name, key: "template_row_missing", params: { sheet: projectSheet!.name, item: p.name.slice(0, 60) } }); continue; }
    if (!lockedOk(projectSheet!, entry, projectLocked(p).slice(0, PROJECT_CHECKED), 2)) continue;
    const diff: NonNullable<SubmissionSave["projects"]>[number] = { projectId: p.id };
    const item = p.name.slice(0, 60);
    PROJECT_NUMBERS.forEach((field, j) => {
      const cell = entry.row.getCell(5 + j);
      const value = numberOf(cell);
      if (value === "bad") { problems.push(fieldProblem(projectSheet!.name, cell.address, "template_number", { value: textOf(cell).slice(0, 40) })); return; }
      if (value !== null && value < 0) { problems.push(fieldProblem(projectSheet!.name, cell.address, "template_negative")); return; }
      if (field === "progress" && value !== null && !progressInRange(value)) { problems.push(fieldProblem(projectSheet!.name, cell.address, "template_progress_range")); return; }
      const was = p.report?.[field] ?? null;
      if (value !== was) { diff[field] = value; change(projectSheet!, cell, item, field, n(was), n(value)); }
    });
    PROJECT_TEXTS.forEach((field, j) => {
      const cell = entry.row.getCell(5 + PROJECT_NUMBERS.length + j);
      const text = textOf(cell);
      if (text.length > 50_000) { problems.push(fieldProblem(projectSheet!.name, cell.address, "template_text_long")); return; }
      const was = p.report?.[field] ?? "";
      if (text !== was) { diff[field] = text; change(projectSheet!, cell, item, field, was, text); }
    });
    if (Object.keys(diff).length > 1) (save.projects ??= []).push(diff);
  }

  const textRows = rows(textSheet, TEXT_COLUMNS.length, Object.keys(TEXT_LABELS).length);
  for (const k of TEXTS) {
    const entry = textRows.get(`S:${k}`);
    if (!entry) { problems.push({ field: textSheet.name, key: "template_row_missing", params: { sheet: textSheet.name, item: TEXT_LABELS[k] } }); continue; }
    if (textOf(entry.row.getCell(1)) !== TEXT_LABELS[k]) { problems.push(fieldProblem(textSheet.name, entry.row.getCell(1).address, "template_locked_edited")); continue; }
    const cell = entry.row.getCell(2);
    const text = textOf(cell);
    if (text.length > 50_000) { problems.push(fieldProblem(textSheet.name, cell.address, "template_text_long")); continue; }
    const was = form.submission?.[k] ?? "";
    if (text !== was) { save[k] = text; change(textSheet, cell, TEXT_LABELS[k], k, was, text); }
  }
  // A row for an item the report does not hold: a row of another report pasted in, or the plan changed since.
  const owned = new Set([...form.tasks.map((t) => `T:${t.id}`), ...form.indicators.map((i) => `I:${i.id}`), ...form.actuals.map((a) => `A:${a.indicatorId}:${a.year}`),
    ...form.projects.map((p) => `P:${p.id}`), ...TEXTS.map((k) => `S:${k}`)]);
  if ([...seen].some((k) => !owned.has(k))) throw new AppError("conflict", [], "template_stale");
  if (problems.length) throw new AppError("validation", problems.slice(0, MAX_PROBLEMS), "template_invalid", { count: String(problems.length) });
  return { save, changes, form };
}

/**
 * Uploads a filled template: with `preview`, answers what it would change (the draft beside the file)
 * and writes nothing; otherwise saves it as the draft through the form's save and answers the form.
 */
export async function uploadTemplate(db: Database, place: ReportPlace, book: ExcelJS.Workbook, preview: boolean): Promise<{ changes: TemplateChange[]; form: SubmissionForm; written: boolean }> {
  const { save, changes, form } = await readTemplate(db, place, book);
  if (preview || !changes.length) return { changes, form, written: false };
  await saveDraft(db, place, save);
  return { changes, form: await formOf(db, place), written: true };
}

/** The template of one report, for the routes and the command line. */
export async function reportTemplate(db: Database, actor: ReportPlace["actor"], roundId: number, agencyId: number) {
  return templateOf(db, await openReport(db, actor, roundId, agencyId));
}

