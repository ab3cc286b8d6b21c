/**
 * The few record operations every domain shares: a versioned update (409 on a stale version),
 * a delete that says "in use" instead of failing on a reference, and paging.
 */
import { and, eq, getTableColumns, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { AppError, conflict, invalid, notFound } from "../core/errors.js";
import { queryRows, type Database } from "./database.js";

type VersionedTable = PgTable & { id: PgColumn; version: PgColumn };

/**
 * Updates one row only if its version is still `version`, bumping it. A missing row is
 * not_found; a row changed since the client read it is a conflict.
 */
export async function updateVersioned<T extends VersionedTable>(
  db: Database, table: T, id: number, version: number, values: Record<string, unknown>,
): Promise<T["$inferSelect"]> {
  const set: Record<string, unknown> = { ...values, version: sql`${table.version} + 1` };
  if ("updatedAt" in table) set.updatedAt = sql`now()`;
  const rows = (await db.update(table).set(set as never).where(and(eq(table.id, id), eq(table.version, version))).returning()) as unknown[];
  if (rows.length) return rows[0] as T["$inferSelect"];
  const exists = await db.select({ id: table.id }).from(table as PgTable).where(eq(table.id, id));
  throw exists.length ? conflict() : notFound();
}

export async function deleteById(db: Database, table: PgTable & { id: PgColumn }, id: number): Promise<void> {
  const rows = await db.delete(table).where(eq(table.id, id)).returning({ id: table.id });
  if (!rows.length) throw notFound();
}

export async function findById<T extends PgTable & { id: PgColumn }>(db: Database, table: T, id: number): Promise<T["$inferSelect"]> {
  const rows = await db.select().from(table as PgTable).where(eq(table.id, id));
  if (!rows.length) throw notFound();
  return rows[0] as T["$inferSelect"];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PageRequest {
  page: number;
  pageSize: number;
}

export const pageOffset = ({ page, pageSize }: PageRequest) => (page - 1) * pageSize;

/**
 * A position in a list ordered by some keys, handed to the client as an opaque string: the next page starts after
 * it (keyset paging), so a deep page is an index scan from there that stops at its last row, not an OFFSET that
 * reads and throws away every row before it.
 */
export const encodeCursor = (keys: (string | number | null)[]) => Buffer.from(JSON.stringify(keys)).toString("base64url");

/** "2024-02-29", not "2024-02-31" or "2024-13-01": what PostgreSQL takes as a date. */
const isCalendarDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

/** The keys of a cursor (see encodeCursor), each of the kind expected: a problem on `field` when it is not one this list gave. */
export function decodeCursor<K extends ("date" | "int")[]>(cursor: string, field: string, kinds: K, nullable: boolean[] = []): { [I in keyof K]: (K[I] extends "int" ? number : string) | null } {
  let keys: unknown;
  try { keys = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")); } catch { keys = null; }
  const fits = (v: unknown, kind: "date" | "int", i: number) => (v === null ? nullable[i] === true
    : kind === "int" ? Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 2_147_483_647 : typeof v === "string" && isCalendarDate(v) && v >= "0001-01-01");
  if (!Array.isArray(keys) || keys.length !== kinds.length || !keys.every((v, i) => fits(v, kinds[i], i))) throw invalid(field, "cursor_malformed");
  return keys as never;
}

/** Counts the rows a filter selects, for the `total` of a page. */
export async function countWhere(db: Database, table: PgTable, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table).where(where);
  return Number(row.n);
}

/** A page of items with the total number of rows the same filter selects. */
export async function pageOf<T>(db: Database, table: PgTable, where: SQL | undefined, q: PageRequest, items: T[]): Promise<Page<T>> {
  return { items, total: await countWhere(db, table, where), page: q.page, pageSize: q.pageSize };
}

/** Full-text condition on a table's `search_folded` column for a folded tsquery (see search/query). */
export function matchesSearch(column: PgColumn, tsquery: string): SQL {
  return sql`to_tsvector('simple', ${column}) @@ to_tsquery('simple', ${tsquery})`;
}

/**
 * Serialises a check-then-write on a graph (agency parents, the "implements" chain) until the
 * transaction ends: with a server's connection pool, two concurrent links A→B and B→A would
 * otherwise both pass the cycle check. Call inside a transaction.
 */
export async function lockGraph(db: Database, graph: "agency_parents" | "document_chain"): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${graph}))`);
}

/**
 * `n` ids from a table's serial sequence, for rows inserted in bulk whose ids other rows must name: the order in
 * which a multi-row INSERT returns its rows is not one PostgreSQL promises.
 */
export async function nextIds(db: Database, table: string, n: number): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(db, sql`select nextval(pg_get_serial_sequence(${table}, 'id'))::int as id from generate_series(1, ${n})`);
  return rows.map((r) => r.id);
}

/** An AppError for a reference to a row that does not exist. */
export const unknownReference = (field: string, key: "agency_unknown" | "document_unknown") => new AppError("validation", [{ field, key }]);

/**
 * Writes what a save sent of many items: each row inserted, or where it is, updated in the fields it carries
 * and no others. One statement per set of fields carried (a form's save sends one item's field, a template's
 * upload the same fields of hundreds of items), not one per item; an item sent twice counts once, its later
 * fields over its earlier.
 */
export async function upsertFields<T extends PgTable>(db: Database, table: T, keys: (keyof T["$inferInsert"] & string)[], rows: T["$inferInsert"][]) {
  const byKey = new Map<string, Record<string, unknown>>();
  for (const row of rows) {
    const key = keys.map((k) => String(row[k])).join("/");
    byKey.set(key, { ...byKey.get(key), ...row });
  }
  const groups = new Map<string, Record<string, unknown>[]>();
  for (const row of byKey.values()) {
    const fields = Object.keys(row).filter((f) => !keys.includes(f as never)).sort().join(",");
    groups.set(fields, [...(groups.get(fields) ?? []), row]);
  }
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  for (const [fields, group] of groups) {
    const set = Object.fromEntries(fields.split(",").filter(Boolean).map((f) => [f, sql.raw(`excluded.${columns[f].name}`)]));
    for (let from = 0; from < group.length; from += 500) {
      const insert = db.insert(table).values(group.slice(from, from + 500) as T["$inferInsert"][]);
      await (Object.keys(set).length ? insert.onConflictDoUpdate({ target: keys.map((k) => columns[k]), set: set as never }) : insert.onConflictDoNothing());
    }
  }
}
