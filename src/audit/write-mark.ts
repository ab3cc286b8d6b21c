/**
 * The audit trail's newest entry as the mark of "no write since": every write leaves one (migration 0004),
 * whichever process or command made it, so figures computed at a mark hold while the mark is the same. Read at
 * most once a second per database (MARK_TTL_MS): another process's writes show within a second; this process's
 * writes drop the mark at once (`forgetWriteMark`). A transaction committing after a later-numbered one can hide
 * behind the mark: what is kept by it is kept for a bounded time too, where that matters (the dashboard's TTL).
 */
import { sql } from "drizzle-orm";
import { waitAsIs, type Aside } from "../core/aside.js";
import type { Database } from "../storage/database.js";
import { auditEvents } from "./schema.js";

/** How long a read of the mark serves: a busy page asks the database once a second, not once a request. */
export const MARK_TTL_MS = 1000;
const marks = new WeakMap<Database, { at: number; value: Promise<number> }>();

/**
 * Entries that change nothing anything is computed from: a failed sign-in is audited, and anyone can make one every
 * two seconds (throttled, not refused), which would otherwise throw away every report, board and dashboard kept.
 */
const NOT_A_WRITE = ["sign_in_failures"];

async function readWriteMark(db: Database): Promise<number> {
  // The newest entry's id, walking the primary key back past failed sign-ins (a few rows at most).
  const [row] = await db.select({ id: auditEvents.id }).from(auditEvents)
    .where(sql`${auditEvents.tableName} <> all(${sql.raw(`'{${NOT_A_WRITE.join(",")}}'::text[]`)})`).orderBy(sql`${auditEvents.id} desc`).limit(1);
  return Number(row?.id ?? 0);
}

/** The newest audit entry's id, as read within the last second. */
export function writeMark(db: Database, now = new Date()): Promise<number> {
  const known = marks.get(db);
  if (known && now.getTime() - known.at < MARK_TTL_MS) return known.value;
  const value = readWriteMark(db);
  marks.set(db, { at: now.getTime(), value });
  value.catch(() => { if (marks.get(db)?.value === value) marks.delete(db); });
  return value;
}

/** Called after a write through this process: the next reader reads the mark afresh. */
export function forgetWriteMark(db: Database): void {
  marks.delete(db);
}

/** Results kept per database and shelf, the least recently used going first. */
const KEPT = 64;
/**
 * A safety net, as the dashboard's: a transaction committing after a later-numbered one hides behind the mark, so
 * nothing is kept longer than this without a write.
 */
export const KEPT_MS = 300_000;
interface Kept { mark: number; at: number; value: Promise<unknown>; settled: boolean }
/**
 * Results of a kind kept apart (untilWrite's `shelf`): the many cheap ones (a list's total per filter, one for each
 * agency a focal point clicks through; a page of a list as sent) never push out the few dear ones (a report's file, a
 * round's board), and the pages (up to 100 rows, about 60 KB each) never push out the totals they are read with.
 */
export type Shelf = "results" | "totals" | "pages";
const kept = new WeakMap<Database, Map<Shelf, Map<string, Kept>>>();

/**
 * `compute()`'s result, computed once for all who ask for `key` until the next write: readers who come while it is
 * computed wait on the same computation (twenty leaders opening one plan's report cost one report). A failure is not
 * kept. `key` must hold everything the result depends on but the data (the scope, the year, the day, the reader's rights).
 */
export async function untilWrite<T>(db: Database, key: string, compute: () => Promise<T>, options: { now?: Date; aside?: Aside; shelf?: Shelf } = {}): Promise<T> {
  const { now = new Date(), aside = waitAsIs, shelf = "results" } = options;
  const mark = await writeMark(db, now);
  let shelves = kept.get(db);
  if (!shelves) kept.set(db, (shelves = new Map()));
  let byKey = shelves.get(shelf);
  if (!byKey) shelves.set(shelf, (byKey = new Map()));
  const hit = byKey.get(key);
  byKey.delete(key);
  if (hit && hit.mark >= mark && now.getTime() - hit.at < KEPT_MS) {
    byKey.set(key, hit);
    // Another request's computation is waited on aside; a result already there is simply served.
    return (hit.settled ? hit.value : aside(hit.value)) as Promise<T>;
  }
  // What a write has made stale goes now, not when its own key is next asked for (a chain's evaluation holds every task).
  for (const [k, e] of byKey) if (e.mark < mark || now.getTime() - e.at >= KEPT_MS) byKey.delete(k);
  const value = compute();
  const entry: Kept = { mark, at: now.getTime(), value, settled: false };
  value.then(() => { entry.settled = true; }, () => undefined);
  byKey.set(key, entry);
  value.catch(() => { if (byKey.get(key) === entry) byKey.delete(key); });
  for (const k of byKey.keys()) {
    if (byKey.size <= KEPT) break;
    byKey.delete(k);
  }
  return value;
}
