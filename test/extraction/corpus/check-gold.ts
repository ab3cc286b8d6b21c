/**
 * Checks each gold annotation of the corpus against its plain text, to catch annotation slips:
 * every quoted text (indicator, project figure, task summary, deadline) is in the document, the
 * numbers of an indicator or figure are in its quoted text, a task's deadline words are in the same
 * paragraph (or table row) as its summary, every cited symbol is in the text.
 *
 *   node --import tsx test/extraction/corpus/check-gold.ts
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const fold = (s: string) => s.normalize("NFC").replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g, "").replace(/\s+/g, " ").toLowerCase();
/** Numbers as written in Vietnamese: "1.012,5" is 1012.5, "02" is 2. */
const numbers = (s: string) => [...s.matchAll(/\d+(?:\.\d{3})*(?:,\d+)?/g)].map((m) => Number(m[0].replace(/\./g, "").replace(",", ".")));

interface Gold {
  document: { symbol: string | null; signer: string; issued: string | null };
  implements: { symbol: string }[];
  references: { symbol: string }[];
  indicators: { text: string; min: number | null; max: number | null; comparator: string }[];
  tasks: { section: string; summary: string; deadline_text: string | null; lead: string[] }[];
  projects: { metrics: { text: string; value: number; of: number | null }[] }[];
}

let problems = 0;
const problem = (file: string, what: string) => { problems++; console.log(`${file}: ${what}`); };

for (const file of readdirSync(join(here, "gold")).filter((f) => f.endsWith(".json")).sort()) {
  const name = file.replace(/\.json$/, "");
  const gold = JSON.parse(readFileSync(join(here, "gold", file), "utf8")) as Gold;
  const raw = readFileSync(join(here, `${name}.txt`), "utf8");
  const text = fold(raw);
  const lines = raw.split("\n").map(fold);
  const has = (s: string) => text.includes(fold(s));

  if (gold.document.symbol && !has(gold.document.symbol)) problem(name, `symbol ${gold.document.symbol} not in text`);
  if (!has(gold.document.signer)) problem(name, `signer ${gold.document.signer} not in text`);
  if (gold.document.issued) {
    const [y, m, d] = gold.document.issued.split("-").map(Number);
    const dated = [`ngày ${String(d).padStart(2, "0")} tháng ${m} năm ${y}`, `ngày ${d} tháng ${m} năm ${y}`, `ngày ${d} tháng ${String(m).padStart(2, "0")} năm ${y}`];
    if (!dated.some((x) => lines.slice(0, 12).some((l) => l.includes(x)))) problem(name, `issued ${gold.document.issued} not in the header`);
  }
  for (const r of [...gold.implements, ...gold.references]) if (!has(r.symbol)) problem(name, `cited ${r.symbol} not in text`);
  const symbols = [...gold.implements, ...gold.references].map((r) => r.symbol);
  if (new Set(symbols).size !== symbols.length) problem(name, "a cited symbol is listed twice");

  for (const i of gold.indicators) {
    if (!has(i.text)) { problem(name, `indicator text not in document: ${i.text}`); continue; }
    const ns = numbers(i.text.replace(/\d{1,2}\/\d{1,2}\/\d{4}/g, ""));
    for (const v of [i.min, i.max]) if (v !== null && !ns.includes(v)) problem(name, `indicator ${v} not in its text: ${i.text}`);
    if ((i.comparator === "=" || i.comparator === "approx") && i.min !== i.max) problem(name, `indicator ${i.comparator} with min != max: ${i.text}`);
    if ((i.comparator === ">" || i.comparator === ">=") && i.max !== null) problem(name, `indicator ${i.comparator} with a max: ${i.text}`);
  }
  for (const p of gold.projects) for (const m of p.metrics) {
    if (!has(m.text)) { problem(name, `project figure not in document: ${m.text}`); continue; }
    const ns = numbers(m.text);
    for (const v of [m.value, m.of]) if (v !== null && !ns.includes(v)) problem(name, `figure ${v} not in its text: ${m.text}`);
  }
  for (const t of gold.tasks) {
    const summary = fold(t.summary.replace(/\s*\.\.\.$/, ""));
    const line = lines.find((l) => l.includes(summary));
    if (!line) { problem(name, `task ${t.section} summary not in document: ${t.summary}`); continue; }
    if (t.deadline_text) {
      // (A work set out with labelled fields states its deadline in a line of its own under it: "- Thời gian hoàn thành: ...".)
      const at = lines.indexOf(line);
      const fields = lines.slice(at + 1, at + 10).filter((l) => /^(?:[-+]\s*|[a-z]\)\s*)?(?:cơ quan|đơn vị|thời gian|thời hạn|tiến độ|sản phẩm|kinh phí)[^:]{0,25}:/u.test(l));
      const where = [line, ...fields].join(" ").replace(/[()]/g, "");
      for (const part of t.deadline_text.split(/, | và /)) {
        const words = fold(part).replace(/[()]/g, "");
        if (!where.includes(words)) problem(name, `task ${t.section} deadline "${part}" not in its paragraph: ${t.summary}`);
      }
    }
    if (!t.lead.length) problem(name, `task ${t.section} has no lead`);
  }
  console.log(`${name}: ${gold.indicators.length} indicators, ${gold.tasks.length} tasks, ${gold.projects.reduce((a, p) => a + p.metrics.length, 0)} project figures`);
}
if (problems) { console.log(`${problems} problem(s)`); process.exit(1); }
console.log("gold agrees with the text");
