/**
 * A province-sized dataset for benchmarks: the sample province, then generated documents in
 * implementation chains with Vietnamese titles and bodies, tasks assigned to the province's
 * agencies, and indicators. Deterministic for a given seed.
 */
import { agencies } from "../src/agencies/schema.js";
import type { Database } from "../src/storage/database.js";
import { documentLinks, documents } from "../src/documents/schema.js";
import { indicators, indicatorValues, taskAgencies, tasks } from "../src/plans/schema.js";
import { searchDocumentText } from "../src/text/fold.js";
import { DOCUMENT_TYPE_CODES } from "../src/text/symbols.js";
import { documentSearchText, symbolColumns } from "../src/documents/commands.js";

const SUBJECTS = [
  "phát triển kinh tế - xã hội", "bảo đảm quốc phòng, an ninh", "xây dựng kết cấu hạ tầng đồng bộ", "chuyển đổi số", "phát triển du lịch",
  "nâng cao tỷ lệ che phủ rừng", "xây dựng nông thôn mới", "cải cách hành chính", "phát triển kinh tế cửa khẩu", "giảm nghèo bền vững",
  "phát triển giáo dục và đào tạo", "chăm sóc sức khỏe nhân dân", "bảo vệ môi trường", "phát triển đô thị", "thu hút đầu tư",
];
const TASK_VERBS = ["Chủ trì, phối hợp với các cơ quan liên quan xây dựng", "Tham mưu UBND tỉnh ban hành", "Tổ chức triển khai thực hiện", "Rà soát, đánh giá và đề xuất", "Hướng dẫn, kiểm tra, đôn đốc việc thực hiện"];
const OUTPUTS = ["kế hoạch", "đề án", "báo cáo", "chương trình", "quy hoạch"];

function rng(seed: number) {
  let x = seed >>> 0;
  return () => { x = (x * 1664525 + 1013904223) >>> 0; return x / 2 ** 32; };
}

export interface DatasetSize { documents: number; tasksPerPlan: number; indicatorsPerPlan: number }

export async function generateProvince(db: Database, size: DatasetSize, seed = 42) {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const agencyIds = (await db.select({ id: agencies.id }).from(agencies)).map((a) => a.id);
  const codes = Object.keys(DOCUMENT_TYPE_CODES).filter((c) => ["NQ", "KH", "QD", "CTR", "CT", "BC"].includes(c));
  const spell: Record<string, string> = { QD: "QĐ", CTR: "CTr" };
  const ids: number[] = [];
  let taskCount = 0, indicatorCount = 0;
  const batch = 250;
  for (let start = 0; start < size.documents; start += batch) {
    await db.transaction(async (tx) => {
      const rows = [];
      for (let i = start; i < Math.min(size.documents, start + batch); i++) {
        const code = pick(codes);
        const year = 2016 + Math.floor(random() * 9);
        const written = `${50000 + i}/${spell[code] ?? code}-UBND`;
        const { impliedType, ...fromSymbol } = symbolColumns(written);
        const subject = pick(SUBJECTS);
        const title = `Về ${subject} trên địa bàn tỉnh giai đoạn ${year} - ${year + 5}`;
        // A document dwells on its own subject; a few sentences on development in general, as real plans do.
        const body = Array.from({ length: 30 }, (_, k) => `${k + 1}. ${pick(TASK_VERBS)} ${pick(OUTPUTS)} về ${k % 10 === 9 ? SUBJECTS[0] : subject}; phấn đấu đến năm ${year + 5} đạt ${Math.floor(random() * 100)}%.`).join("\n");
        rows.push({
          ...fromSymbol, docType: impliedType ?? "other", issuerId: pick(agencyIds), issuedOn: `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-15`,
          title, fullText: body, status: "published" as const,
          searchFolded: documentSearchText({ symbol: fromSymbol.symbol, title, signer: null, issuerText: null }), bodyFolded: searchDocumentText(body),
        });
      }
      const inserted = await tx.insert(documents).values(rows).returning({ id: documents.id, docType: documents.docType });
      const links = [];
      for (const d of inserted) {
        // Chains: most documents implement an earlier one, so graphs have depth.
        if (ids.length && random() < 0.8) links.push({ fromId: d.id, toId: ids[Math.floor(random() * ids.length)], kind: "implements" as const });
        if (ids.length) links.push({ fromId: d.id, toId: pick(ids), kind: "cites" as const });
        ids.push(d.id);
      }
      if (links.length) await tx.insert(documentLinks).values(links).onConflictDoNothing();
      const plans = inserted.filter((d) => d.docType === "plan" || d.docType === "programme");
      for (const plan of plans) {
        const taskRows = Array.from({ length: size.tasksPerPlan }, (_, k) => {
          const text = `${pick(TASK_VERBS)} ${pick(OUTPUTS)} về ${pick(SUBJECTS)}`;
          return { documentId: plan.id, text, sectionNumber: `${1 + (k % 6)}.${1 + k}`, deadlineKind: "yearly" as const, deadlineDay: 15, deadlineMonth: 12, deadlineText: "trước ngày 15/12 hằng năm", searchFolded: searchDocumentText(text) };
        });
        const created = await tx.insert(tasks).values(taskRows).returning({ id: tasks.id });
        taskCount += created.length;
        await tx.insert(taskAgencies).values(created.flatMap((t) => {
          const lead = pick(agencyIds);
          const coordinating = pick(agencyIds);
          return coordinating === lead ? [{ taskId: t.id, agencyId: lead, role: "lead" as const }]
            : [{ taskId: t.id, agencyId: lead, role: "lead" as const }, { taskId: t.id, agencyId: coordinating, role: "coordinating" as const }];
        }));
        const indicatorRows = Array.from({ length: size.indicatorsPerPlan }, () => {
          const name = `Tỷ lệ ${pick(SUBJECTS)}`;
          const min = Math.floor(random() * 90);
          return { documentId: plan.id, name, unit: "%", comparator: ">=" as const, min, targetYear: 2030, searchFolded: searchDocumentText(name) };
        });
        const createdIndicators = await tx.insert(indicators).values(indicatorRows).returning({ id: indicators.id, min: indicators.min });
        indicatorCount += createdIndicators.length;
        // Three years of values, around the target, for the dashboard to judge.
        await tx.insert(indicatorValues).values(createdIndicators.flatMap((i) => [2022, 2023, 2024].map((year) => ({
          indicatorId: i.id, period: String(year), periodYear: year, value: Math.round((i.min ?? 50) * (0.6 + random() * 0.5) * 10) / 10, kind: year === 2024 ? "estimate" as const : "actual" as const,
        }))));
      }
    });
  }
  return { documents: ids.length, tasks: taskCount, indicators: indicatorCount };
}
