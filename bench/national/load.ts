/**
 * Loads a national dataset into an empty, migrated database, set-based: every table is one or a few
 * INSERT ... SELECT over generate_series, the "random" choices made by hashing the row's number with the
 * seed (hashint8extended), so a seed and a scale give the same rows on any server. Nothing is sent row by
 * row from JavaScript: at full size that is 15 M rows, which would take hours.
 *
 * Ids are given explicitly (the tables are empty), so that a row's relatives are found by arithmetic:
 * agency 1 is the Government, 2 its Office, then the ministries, the provinces, and each province's
 * departments and communes (department d belongs to province d mod P). Documents are numbered level by
 * level: resolutions, the ministries' programmes implementing them, the provinces' plans implementing those,
 * the departments' sub-plans implementing their province's plans.
 *
 * Texts are Vietnamese; their `search_folded` is what src/text/fold.ts makes of them, built from the
 * folded words of the pieces (folding a text is folding its words one by one: see `joined`).
 */
import { sql } from "drizzle-orm";
import { searchDocumentText } from "../../src/text/fold.js";
import { symbolColumns } from "../../src/documents/commands.js";
import { createUser } from "../../src/accounts/users.js";
import { queryRows, type Database } from "../../src/storage/database.js";
import { DEFAULT_REMINDER_OFFSETS } from "../../src/reporting/rounds.js";
import {
  COMMON_CLAUSE, COMMUNES, DEPARTMENTS, DIFFICULTIES, INDICATORS, MINISTRIES, NARRATIVES, OUTPUTS, PROPOSALS, PROVINCES, RESULTS,
  SUBJECTS, TASK_VERBS,
} from "./vocabulary.js";

/** Full size, from the issue: what one installation for the Government's tasks holds after ten years. */
export const FULL = { agencies: 3000, documents: 20_000, tasks: 1_000_000, indicators: 100_000 };
/** The ten years of values and rounds; the last is the current one (its yearly round not yet due in December). */
export const FIRST_YEAR = 2017, LAST_YEAR = 2026;
/** The day the data is written as of: tasks due before it can be completed, rounds due before it are closed or late. */
export const AS_OF = "2026-12-06";
export const BENCH_PASSWORD = "bench-national-2026";
export const BENCH_ACCOUNTS = { leader: "lanhdao", focalPoint: "daumoi", reporter: "baocao" } as const;

export interface NationalOptions { scale: number; seed: number; log?: (line: string) => void }

/** The sizes a scale gives; small scales keep enough of each kind for every read to have work. */
export function sizesAt(scale: number) {
  const agencies = Math.max(60, Math.round(FULL.agencies * scale));
  const ministries = Math.min(MINISTRIES.length, Math.max(3, Math.round(30 * Math.sqrt(scale))));
  const provinces = Math.min(PROVINCES.length, Math.max(3, Math.round(34 * Math.sqrt(scale))));
  const documents = Math.max(20, Math.round(FULL.documents * scale));
  const l1 = Math.max(1, Math.round(documents * 0.01));
  const l2 = Math.max(2, Math.round(documents * 0.09));
  const l3 = Math.max(provinces, Math.round(documents * 0.35));
  return {
    agencies, ministries, provinces, departments: agencies - 2 - ministries - provinces,
    documents, levels: [l1, l2, l3, documents - l1 - l2 - l3] as const,
    tasks: Math.max(200, Math.round(FULL.tasks * scale)), indicators: Math.max(40, Math.round(FULL.indicators * scale)),
  };
}
export type Sizes = ReturnType<typeof sizesAt>;

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const array = (xs: readonly string[]) => `(array[${xs.map(lit).join(",")}]::text[])`;
const fold = (s: string) => searchDocumentText(s);

/** A piece of a text: a literal, or SQL giving the text and its folded words. */
type Piece = string | { text: string; folded: string };
/** A text made of pieces, and its fold: the folded words of each piece, space-separated (pieces must meet at a non-letter). */
function joined(...pieces: Piece[]) {
  const text = pieces.map((p) => (typeof p === "string" ? lit(p) : `(${p.text})`)).join(" || ");
  const folded = pieces.map((p) => (typeof p === "string" ? (fold(p) ? lit(fold(p)) : null) : `(${p.folded})`)).filter(Boolean).join(" || ' ' || ");
  return { text, folded };
}
/** A number as text: its own fold. */
const num = (expr: string) => ({ text: `(${expr})::text`, folded: `(${expr})::text` });
/** One of a list by a 0-based SQL index, with its fold. */
const listed = (xs: readonly string[], index: string) => ({ text: `${array(xs)}[1 + (${index})]`, folded: `${array(xs.map(fold))}[1 + (${index})]` });

export async function loadNational(db: Database, { scale, seed, log = () => undefined }: NationalOptions) {
  const z = sizesAt(scale);
  const { ministries: M, provinces: P, departments: ND } = z;
  const [L1, L2, L3] = z.levels;
  /** A number in [0, n) chosen by hashing `expr` with the seed and a salt (one per choice). */
  const rnd = (expr: string, salt: number, n: string | number) =>
    `(mod(mod(hashint8extended((${expr})::bigint, ${seed * 1000 + salt}), (${n})::bigint) + (${n})::bigint, (${n})::bigint))::int`;
  const firstProvince = 3 + M, firstDepartment = 3 + M + P;
  /** Departments and communes of province `p` (0-based): department d of the whole list belongs to d mod P. */
  const inProvince = (p: string) => `((${ND} - 1 - (${p})) / ${P} + 1)`;
  const departmentId = (p: string, k: string) => `(${firstDepartment} + (${p}) + ${P} * (${k}))`;
  const deptNames = DEPARTMENTS.map((d) => d[0]), ministryNames = MINISTRIES.map((m) => m[0]);
  const issuerKey = (code: string) => symbolColumns(`1/KH-${code}`).issuerCode!;
  /** The code as the app writes it in a symbol ("SNgV" is kept as "SNGV"). */
  const issuerWritten = (code: string) => symbolColumns(`1/KH-${code}`).symbol!.slice("1/KH-".length);
  const typeKey = (code: string) => symbolColumns(`1/${code}-UBND`).typeCode!;

  const steps: { table: string; rows: number; seconds: number }[] = [];
  await db.transaction(async (tx) => {
    // The load is not anyone's edit: the audit trail (migration 0004) stays empty, as after a restore.
    await tx.execute(sql`select set_config('theodoi.audit_off', 'on', true)`);
    const run = async (table: string, statement: string) => {
      const started = performance.now();
      const result = await tx.execute(sql.raw(statement)) as { rowCount?: number | null; affectedRows?: number };
      const step = { table, rows: Number(result.rowCount ?? result.affectedRows ?? 0), seconds: (performance.now() - started) / 1000 };
      steps.push(step);
      log(`  ${table.padEnd(34)} ${String(step.rows).padStart(10)} rows ${step.seconds.toFixed(1).padStart(7)} s`);
    };

    // Agencies ---------------------------------------------------------------------------------------
    const p = `((g - ${firstDepartment}) % ${P})`, k = `((g - ${firstDepartment}) / ${P})`, c = `(${k} - ${DEPARTMENTS.length})`;
    const province = (index: string) => listed(PROVINCES, index);
    const communeSuffix = { text: `case when ${c} >= ${COMMUNES.length} then ' ' || (${c} / ${COMMUNES.length} + 1) else '' end`, folded: `case when ${c} >= ${COMMUNES.length} then (${c} / ${COMMUNES.length} + 1)::text else '' end` };
    const names = {
      ministry: listed(ministryNames, `g - 3`),
      ppc: joined("Ủy ban nhân dân ", province(`g - ${firstProvince}`)),
      department: joined(listed(deptNames, k), " ", province(p)),
      commune: joined("Ủy ban nhân dân xã ", listed(COMMUNES, `${c} % ${COMMUNES.length}`), communeSuffix, ", ", province(p)),
    };
    const code = `case when g = 1 then 'chinh-phu' when g = 2 then 'van-phong-chinh-phu'
      when g < ${firstProvince} then 'bo-' || lpad((g - 2)::text, 2, '0') when g < ${firstDepartment} then 'tinh-' || lpad((g - ${firstProvince - 1})::text, 2, '0')
      else 't' || lpad((${p} + 1)::text, 2, '0') || '-' || case when ${k} < ${DEPARTMENTS.length} then ${array(DEPARTMENTS.map((d) => d[2]))}[1 + ${k}] else 'xa-' || lpad((${c} + 1)::text, 3, '0') end end`;
    const byKind = (what: "text" | "folded") => `case when g = 1 then ${lit(what === "text" ? "Chính phủ" : fold("Chính phủ"))} when g = 2 then ${lit(what === "text" ? "Văn phòng Chính phủ" : fold("Văn phòng Chính phủ"))}
      when g < ${firstProvince} then ${names.ministry[what]} when g < ${firstDepartment} then ${names.ppc[what]}
      when ${k} < ${DEPARTMENTS.length} then ${names.department[what]} else ${names.commune[what]} end`;
    // An empty folded commune suffix would leave two spaces: the fold is normalised the way foldedWords splits.
    await run("agencies", `insert into agencies (id, code, name, kind, parent_id, search_folded)
      select g, code, name, kind, parent, regexp_replace(name_folded || ' ' || replace(code, '-', ' '), ' +', ' ', 'g') from (
        select g, ${code} as code, ${byKind("text")} as name, ${byKind("folded")} as name_folded,
          case when g <= 2 then 'other' when g < ${firstProvince} then 'ministry' when g < ${firstDepartment} then 'ppc' when ${k} < ${DEPARTMENTS.length} then 'department' else 'commune' end as kind,
          case when g = 2 then 1 when g >= ${firstDepartment} then ${firstProvince} + ${p} end as parent
        from generate_series(1, ${z.agencies}) g) a`);

    // Documents: the chain first, as a scratch table, then the rows -----------------------------------
    await tx.execute(sql.raw(`create temp table g_docs (id int primary key, level int not null, parent int, year int not null, subject int not null,
      province int not null, issuer int not null, dept int, month int not null, day int not null) on commit drop`));
    const ranges = [[1, L1], [L1 + 1, L1 + L2], [L1 + L2 + 1, L1 + L2 + L3], [L1 + L2 + L3 + 1, z.documents]];
    const dated = (parentYear: string) => `least(${LAST_YEAR}, ${parentYear} + ${rnd("c.id", 5, 2)})`;
    // Resolutions of every year, the first of the last full year (its chain in force in the open rounds at any scale).
    await tx.execute(sql.raw(`insert into g_docs select id, 1, null, ${LAST_YEAR - 1} - (id - 1) * 3 % 10, ${rnd("id", 2, SUBJECTS.length)}, -1, 1, null, 1 + ${rnd("id", 10, 12)}, 1 + ${rnd("id", 11, 28)}
      from generate_series(${ranges[0][0]}, ${ranges[0][1]}) id`));
    await tx.execute(sql.raw(`insert into g_docs select c.id, 2, d.id, ${dated("d.year")}, d.subject, -1, 3 + ${rnd("c.id", 4, M)}, null, 1 + ${rnd("c.id", 10, 12)}, 1 + ${rnd("c.id", 11, 28)}
      from (select id, 1 + ${rnd("id", 3, L1)} as parent from generate_series(${ranges[1][0]}, ${ranges[1][1]}) id) c join g_docs d on d.id = c.parent`));
    await tx.execute(sql.raw(`insert into g_docs select c.id, 3, d.id, ${dated("d.year")}, d.subject, c.province, ${firstProvince} + c.province, null, 1 + ${rnd("c.id", 10, 12)}, 1 + ${rnd("c.id", 11, 28)}
      from (select id, ${L1 + 1} + ${rnd("id", 6, L2)} as parent, (id - ${ranges[2][0]}) % ${P} as province from generate_series(${ranges[2][0]}, ${ranges[2][1]}) id) c join g_docs d on d.id = c.parent`));
    await tx.execute(sql.raw(`insert into g_docs select c.id, 4, d.id, ${dated("d.year")}, d.subject, d.province, ${departmentId("d.province", "c.dept")}, c.dept, 1 + ${rnd("c.id", 10, 12)}, 1 + ${rnd("c.id", 11, 28)}
      from (select id, ${ranges[2][0]} + ${rnd("id", 8, L3)} as parent, ${rnd("id", 9, Math.min(DEPARTMENTS.length, Math.floor(ND / P)))} as dept from generate_series(${ranges[3][0]}, ${ranges[3][1]}) id) c
      join g_docs d on d.id = c.parent`));

    const subject = listed(SUBJECTS, "d.subject"), year = num("d.year"), until = num("d.year + 4");
    const ministryCodes = MINISTRIES.map((m) => m[1]), deptCodes = DEPARTMENTS.map((d) => d[1]);
    /** The issuer's code in the symbol, as written and as its key has it. */
    const issuerCode = (of: (codes: string[]) => string[]) => `case d.level when 1 then ${lit(of(["CP"])[0])} when 2 then ${array(of(ministryCodes))}[d.issuer - 2]
      when 3 then ${lit(of(["UBND"])[0])} else ${array(of(deptCodes))}[1 + d.dept] end`;
    const typeCode = (of: (code: string) => string) => `(array[${["NQ", "CTr", "KH", "KH"].map((t) => lit(of(t))).join(",")}])[d.level]`;
    const symbol = { text: `d.id || '/' || ${typeCode((t) => t)} || '-' || ${issuerCode((cs) => cs.map(issuerWritten))}`, folded: `d.id || ' ' || ${typeCode(fold)} || ' ' || ${issuerCode((cs) => cs.map(fold))}` };
    const parentMinistry = { text: `${array(ministryCodes)}[p.issuer - 2]`, folded: `${array(ministryCodes.map(fold))}[p.issuer - 2]` };
    const titles = [
      joined("Về ", subject, " giai đoạn ", year, " - ", until),
      joined("Chương trình hành động thực hiện Nghị quyết số ", num("d.parent"), "/NQ-CP về ", subject),
      joined("Kế hoạch triển khai thực hiện Chương trình hành động số ", num("d.parent"), "/CTr-", parentMinistry, " về ", subject, " trên địa bàn ", listed(PROVINCES, "d.province"), " giai đoạn ", year, " - ", until),
      joined("Kế hoạch của ", listed(deptNames, "d.dept"), " thực hiện Kế hoạch số ", num("d.parent"), "/KH-UBND về ", subject, " năm ", year),
    ];
    const title = (what: "text" | "folded") => `case d.level ${titles.map((t, i) => `when ${i + 1} then ${t[what]}`).join(" ")} end`;
    // Twenty numbered clauses; every tenth on development in general, as real plans have.
    const clause = joined(num("n"), ". ", listed(TASK_VERBS, rnd("d.id * 100 + n", 12, TASK_VERBS.length)), " ", listed(OUTPUTS, rnd("d.id * 100 + n", 13, OUTPUTS.length)), " về ",
      listed(SUBJECTS, `case when n % 10 = 9 then 0 else d.subject end`), "; phấn đấu đến năm ", until, " đạt ", num(rnd("d.id * 100 + n", 14, 100)), "%.");
    await run("documents", `insert into documents (id, symbol, symbol_key, number, symbol_year, type_code, issuer_code, doc_type, issuer_id, issued_on, title, full_text, status, search_folded, body_folded)
      select d.id, ${symbol.text}, d.id || '||' || ${typeCode(typeKey)} || '|' || ${issuerCode((cs) => cs.map(issuerKey))} || '|', d.id::text, null,
        ${typeCode(typeKey)}, ${issuerCode((cs) => cs.map(issuerKey))}, (array['resolution', 'programme', 'plan', 'plan'])[d.level], d.issuer, least(make_date(d.year, d.month, d.day), date '${AS_OF}'),
        ${title("text")}, (select string_agg(${clause.text}, E'\\n' order by n) from generate_series(1, 20) n), 'published',
        ${symbol.folded} || ' ' || ${title("folded")}, (select string_agg(${clause.folded}, ' ' order by n) from generate_series(1, 20) n)
      from g_docs d left join g_docs p on p.id = d.parent`);
    await run("document_links (implements)", `insert into document_links (from_id, to_id, kind) select id, parent, 'implements' from g_docs where parent is not null`);
    await run("document_links (cites)", `insert into document_links (from_id, to_id, kind)
      select id, target, 'cites' from (select id, parent, 1 + ${rnd("id", 15, "id - 1")} as target from g_docs where level > 1 and ${rnd("id", 16, 100)} < 40) c
      where target <> coalesce(parent, 0) on conflict do nothing`);

    // Tasks ---------------------------------------------------------------------------------------------
    // Spread evenly over the documents in order, so a document's tasks have consecutive ids.
    const kind = `(array['date', 'year', 'yearly', 'ongoing', 'period'])[case when dk < 40 then 1 when dk < 60 then 2 when dk < 85 then 3 when dk < 95 then 4 else 5 end]`;
    const taskText = joined(listed(TASK_VERBS, rnd("i", 20, TASK_VERBS.length)), " ", listed(OUTPUTS, "o"), " về ", listed(SUBJECTS, `case when ${rnd("i", 22, 100)} < 70 then d.subject else ${rnd("i", 23, SUBJECTS.length)} end`),
      { text: `case when ${rnd("i", 24, 100)} < 90 then ${lit(", " + COMMON_CLAUSE)} else '' end`, folded: `case when ${rnd("i", 24, 100)} < 90 then ${lit(fold(COMMON_CLAUSE))} else '' end` });
    await run("tasks", `insert into tasks (id, document_id, text, section_number, expected_output, deadline_kind, deadline_date, deadline_year, deadline_day, deadline_month,
        period_from, period_to, deadline_text, status, status_on, status_reason, status_set_at, search_folded)
      select id, document_id, text, section_number, expected_output, kind, deadline_date, deadline_year, deadline_day, deadline_month, period_from, period_to, deadline_text,
        case when completed then 'completed' else 'open' end, case when completed then least(date '${AS_OF}' - 1, due - ${rnd("id", 30, 90)} + case when ${rnd("id", 31, 100)} < 20 then 1 + ${rnd("id", 32, 60)} else 0 end) end,
        case when completed then 'Đã hoàn thành theo báo cáo của cơ quan chủ trì' end, case when completed then (date '${AS_OF}' - 1)::timestamptz end,
        rtrim(search_folded)
      from (select *, due < date '${AS_OF}' and ${rnd("id", 33, 100)} < 60 as completed from (select *,
          case kind when 'date' then deadline_date when 'year' then make_date(deadline_year, 12, 31) when 'period' then make_date(period_to, 12, 31) end as due
        from (select i as id, d.id as document_id, ${taskText.text} as text, ${taskText.folded} as search_folded, (1 + i % 7) || '.' || (1 + i % 97) as section_number,
            ${array(OUTPUTS)}[1 + o] as expected_output, ${kind} as kind,
            case when dk < 40 then make_date(d.year + ${rnd("i", 25, 4)}, 1 + ${rnd("i", 26, 12)}, case when ${rnd("i", 27, 2)} = 0 then 15 else 28 end) end as deadline_date,
            case when dk between 40 and 59 then d.year + ${rnd("i", 28, 5)} end as deadline_year,
            case when dk between 60 and 84 then 15 end as deadline_day, case when dk between 60 and 84 then 12 end as deadline_month,
            case when dk >= 95 then d.year end as period_from, case when dk >= 95 then d.year + 4 end as period_to, d.year as doc_year
          from (select i, 1 + ((i - 1)::bigint * ${z.documents} / ${z.tasks})::int as doc, ${rnd("i", 21, 100)} as dk, ${rnd("i", 29, OUTPUTS.length)} as o
            from generate_series(1, ${z.tasks}) i) t join g_docs d on d.id = t.doc) x) x2) y
      , lateral (select case kind when 'date' then 'Trước ngày ' || to_char(deadline_date, 'DD/MM/YYYY') when 'year' then 'Năm ' || deadline_year
          when 'yearly' then 'Trước ngày 15/12 hằng năm' when 'ongoing' then 'Thường xuyên' else 'Giai đoạn ' || period_from || ' - ' || period_to end as deadline_text) dt`);

    // Who leads a task or owns an indicator: for the Government's and ministries' documents, a ministry or a
    // province; for a province's, one of its departments (mostly) or communes.
    const family = (id: string, salt: number) => `case when d.province < 0 then ${M + P} else ${inProvince("d.province")} end as size,
      case when d.province < 0 then ${rnd(id, salt, M + P)} when ${rnd(id, salt + 1, 100)} < 85 then ${rnd(id, salt, `least(${inProvince("d.province")}, ${DEPARTMENTS.length})`)}
        else ${rnd(id, salt, inProvince("d.province"))} end as lead`;
    const member = (k: string) => `case when province < 0 then 3 + ${k} else ${departmentId("province", k)} end`;
    await run("task_agencies", `insert into task_agencies (task_id, agency_id, role, position)
      select id, ${member("(lead + j) % size")}, case when j = 0 then 'lead' else 'coordinating' end, greatest(j - 1, 0)
      from (select t.id, d.province, ${family("t.id", 40)}, ${rnd("t.id", 42, 3)} as coordinating from tasks t join g_docs d on d.id = t.document_id) f,
        lateral generate_series(0, least(coordinating, size - 1)) j`);

    // Indicators and ten years of values: the year's figure and its four quarters ---------------------
    const indicatorNames = INDICATORS.map((x) => x[0]);
    await run("indicators", `insert into indicators (id, document_id, name, unit, comparator, min, max, target_year, direction, baseline_value, baseline_year, owner_id, search_folded)
      select id, document_id, name, unit, comparator, case when comparator = '<=' then null else target end, case when comparator = '<=' then target when comparator = 'range' then target + 5 end,
        doc_year + 4, case when lower then 'lower' else 'higher' end, case when lower then target * 2 else round((target * 0.7)::numeric, 1)::float end, doc_year - 1,
        ${member("lead")}, folded
      from (select i as id, d.id as document_id, d.year as doc_year, d.province, ${array(indicatorNames)}[1 + n] as name, ${array(indicatorNames.map(fold))}[1 + n] as folded,
          ${array(INDICATORS.map((x) => x[1]))}[1 + n] as unit, (array[${INDICATORS.map((x) => x[2]).join(",")}])[1 + n] as lower,
          case when (array[${INDICATORS.map((x) => x[2]).join(",")}])[1 + n] then '<=' when ${rnd("i", 51, 100)} < 12 then 'range' else '>=' end as comparator,
          case when (array[${INDICATORS.map((x) => x[2]).join(",")}])[1 + n] then 1 + ${rnd("i", 52, 10)} else 40 + ${rnd("i", 52, 55)} end::float as target,
          ${family("i", 53)}
        from (select i, 1 + ((i - 1)::bigint * ${z.documents} / ${z.indicators})::int as doc, ${rnd("i", 50, INDICATORS.length)} as n from generate_series(1, ${z.indicators}) i) x
        join g_docs d on d.id = x.doc) y`);
    // Along a line from the baseline towards the target, with noise: some years ahead of it, some behind.
    await run("indicator_values", `insert into indicator_values (indicator_id, period, period_year, value, kind)
      select i.id, case when q = 0 then y::text else y || '-Q' || q end, y,
        round(greatest(0, (i.baseline_value + (coalesce(i.min, i.max) - i.baseline_value) * least(1.2, (y - i.baseline_year)::float / 5))
          * (0.75 + ${rnd("i.id * 100 + (y - 2000) * 5 + q", 60, 500)} / 1000.0))::numeric, 1)::float,
        case when q = 0 and y = ${LAST_YEAR} then 'estimate' else 'actual' end
      from indicators i, generate_series(${FIRST_YEAR}, ${LAST_YEAR}) y, generate_series(0, 4) q`);

    // Reporting rounds: each province's yearly round on its plans in force, the Government Office's on the
    // resolutions and programmes, and the provinces' first-half round of the last year ------------------
    await tx.execute(sql.raw(`create temp table g_rounds (id int primary key, province int not null, year int not null, half boolean not null) on commit drop`));
    await tx.execute(sql.raw(`insert into g_rounds
      select (y - ${FIRST_YEAR}) * ${P} + p + 1, p, y, false from generate_series(${FIRST_YEAR}, ${LAST_YEAR}) y, generate_series(0, ${P - 1}) p
      union all select ${10 * P} + y - ${FIRST_YEAR} + 1, -1, y, false from generate_series(${FIRST_YEAR}, ${LAST_YEAR}) y
      union all select ${10 * P + 10} + p + 1, p, ${LAST_YEAR}, true from generate_series(0, ${P - 1}) p`));
    const roundTitle = `case when r.province < 0 then 'Báo cáo tình hình thực hiện nhiệm vụ Chính phủ giao năm ' || r.year
      when r.half then 'Báo cáo kết quả thực hiện kế hoạch 6 tháng đầu năm ' || r.year || ' của ' || ${array(PROVINCES)}[1 + r.province]
      else 'Báo cáo kết quả thực hiện kế hoạch năm ' || r.year || ' của ' || ${array(PROVINCES)}[1 + r.province] end`;
    await run("reporting_rounds", `insert into reporting_rounds (id, title, period_kind, period_year, period_number, period_label, window_from, window_to, due_on, coordinator_id, status)
      select r.id, ${roundTitle}, case when r.half then 'half' else 'year' end, r.year, case when r.half then 1 end, r.year || case when r.half then '-H1' else '' end,
        make_date(r.year, 1, 1), case when r.half then make_date(r.year, 6, 15) else make_date(r.year, 11, 30) end,
        case when r.half then make_date(r.year, 6, 20) else make_date(r.year, 12, 10) end,
        case when r.province < 0 then 2 else ${departmentId("r.province", "0")} end, case when r.year < ${LAST_YEAR - 1} then 'closed' else 'open' end
      from g_rounds r`);
    await run("reporting_round_plans", `insert into reporting_round_plans (round_id, document_id)
      select r.id, d.id from g_rounds r join g_docs d on d.year <= r.year and r.year <= d.year + 4
        and case when r.province < 0 then d.level <= 2 else d.level >= 3 and d.province = r.province end`);
    await run("reporting_round_reporters", `insert into reporting_round_reporters (round_id, agency_id)
      select distinct rp.round_id, a.agency_id from reporting_round_plans rp
        join (select distinct t.document_id, ta.agency_id from tasks t join task_agencies ta on ta.task_id = t.id and ta.role = 'lead'
              union select document_id, owner_id from indicators where owner_id is not null) a on a.document_id = rp.document_id`);
    await run("reminder_steps", `insert into reminder_steps (round_id, offset_days) select id, o from reporting_rounds, unnest(array[${DEFAULT_REMINDER_OFFSETS.join(",")}]) o`);

    // Agencies' reports: most accepted in closed rounds; in the open ones some still owed (the late list),
    // and in the current year's (not yet due) most not yet sent. Missing ones have no row.
    const h = rnd("rr.round_id::bigint * 100000 + rr.agency_id", 70, 100);
    const status = `case when r.year = ${LAST_YEAR} and not r.half then case when ${h} < 5 then 'accepted' when ${h} < 25 then 'submitted' when ${h} < 45 then 'draft' end
      when r.year >= ${LAST_YEAR - 1} then case when ${h} < 60 then 'accepted' when ${h} < 75 then 'submitted' when ${h} < 80 then 'returned' when ${h} < 85 then 'draft' end
      else case when ${h} < 80 then 'accepted' when ${h} < 86 then 'submitted' when ${h} < 90 then 'returned' when ${h} < 93 then 'draft' end end`;
    const sentOn = `case when r.year = ${LAST_YEAR} and not r.half then rd.due_on - 5 - ${rnd("rr.agency_id", 71, 15)}
      else rd.due_on - ${rnd("rr.round_id * 7 + rr.agency_id", 72, 20)} + case when ${rnd("rr.round_id * 11 + rr.agency_id", 73, 100)} < 15 then 1 + ${rnd("rr.agency_id", 74, 12)} else 0 end end`;
    await run("submissions", `insert into submissions (round_id, agency_id, status, results, difficulties, proposals, first_submitted_at, submitted_at, reviewed_at)
      select round_id, agency_id, status, ${array(RESULTS)}[1 + ${rnd("agency_id", 75, RESULTS.length)}], ${array(DIFFICULTIES)}[1 + ${rnd("agency_id", 76, DIFFICULTIES.length)}],
        ${array(PROPOSALS)}[1 + ${rnd("round_id", 77, PROPOSALS.length)}],
        case when status <> 'draft' then sent end, case when status <> 'draft' then sent end, case when status in ('accepted', 'returned') then sent + interval '3 days' end
      from (select rr.round_id, rr.agency_id, ${status} as status, (${sentOn})::timestamptz + interval '2 hours' as sent
        from reporting_round_reporters rr join g_rounds r on r.id = rr.round_id join reporting_rounds rd on rd.id = rr.round_id) s
      where status is not null`);
    await run("submission_events", `insert into submission_events (submission_id, kind, comment, actor_name, at)
      select id, 'submitted', '', 'Báo cáo viên', submitted_at from submissions where status <> 'draft'
      union all select id, status, case when status = 'returned' then 'Đề nghị bổ sung số liệu và làm rõ nguyên nhân chậm tiến độ.' else '' end, 'Chuyên viên đầu mối', reviewed_at
        from submissions where status in ('accepted', 'returned')`);
    // Each report's lines: every task of the round's plans the agency leads, but for those done before the round.
    const due = `case t.deadline_kind when 'date' then t.deadline_date when 'year' then make_date(t.deadline_year, 12, 31) when 'period' then make_date(t.period_to, 12, 31)
      when 'yearly' then make_date(r.period_year, 12, 15) end`;
    const k2 = rnd("t.id * 31 + s.round_id", 80, 100);
    const state = `case when t.status = 'completed' and t.status_on <= r.window_to then case when t.status_on <= coalesce(${due}, t.status_on) then 'completed_on_time' else 'completed_late' end
      when t.deadline_kind in ('yearly', 'ongoing') then case when ${k2} < 45 and r.period_kind = 'year' then 'completed_on_time' when ${k2} < 85 then 'in_progress' else 'overdue' end
      when ${due} < r.window_to then 'overdue' when ${k2} < 75 then 'in_progress' else 'not_started' end`;
    await run("submission_tasks", `insert into submission_tasks (submission_id, task_id, role, status, progress, narrative)
      select submission_id, task_id, 'lead', state, case state when 'completed_on_time' then 100 when 'completed_late' then 100 when 'not_started' then 0
          when 'overdue' then 20 + ${rnd("task_id", 81, 60)} else 10 + ${rnd("task_id * 3 + submission_id", 82, 80)} end,
        ${array(NARRATIVES)}[1 + ${rnd("task_id + submission_id", 83, NARRATIVES.length)}]
      from (select s.id as submission_id, t.id as task_id, ${state} as state
        from submissions s join reporting_rounds r on r.id = s.round_id join reporting_round_plans rp on rp.round_id = s.round_id
          join tasks t on t.document_id = rp.document_id join task_agencies ta on ta.task_id = t.id and ta.agency_id = s.agency_id and ta.role = 'lead'
        where t.status <> 'completed' or t.status_on >= r.window_from) x`);

    // The serial sequences go on after the ids given here.
    for (const table of ["agencies", "documents", "tasks", "indicators", "reporting_rounds"]) {
      await tx.execute(sql.raw(`select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`));
    }
  });
  return { sizes: z, steps };
}

/** People to sign in as: a leader (reads everything), the Government Office's focal point, a department's reporter. */
export async function createBenchAccounts(db: Database) {
  return db.transaction(async (tx) => {
    const [reporterAgency] = await queryRows<{ id: number }>(tx, sql`select id from agencies where code = 't01-so-tai-chinh'`);
    const agencyId = reporterAgency?.id ?? 2;
    await createUser(tx, { username: BENCH_ACCOUNTS.leader, displayName: "Lãnh đạo Chính phủ (bench)", role: "leader", password: BENCH_PASSWORD, mustChangePassword: false });
    await createUser(tx, { username: BENCH_ACCOUNTS.focalPoint, displayName: "Chuyên viên đầu mối Văn phòng Chính phủ (bench)", role: "focal_point", agencyIds: [2], password: BENCH_PASSWORD, mustChangePassword: false });
    await createUser(tx, { username: BENCH_ACCOUNTS.reporter, displayName: "Báo cáo viên Sở Tài chính (bench)", role: "reporter", agencyIds: [agencyId], password: BENCH_PASSWORD, mustChangePassword: false });
  });
}
