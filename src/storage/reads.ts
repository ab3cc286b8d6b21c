/**
 * Where a read goes: a streaming replica when one is configured (DATABASE_READ_URL), else the primary.
 *
 * The replica lags the primary, so two rules keep what a reader sees right:
 * - Read-your-writes: after a write, the writer carries the primary's WAL position from just after its
 *   commit (a cookie, http/app.ts); its reads go to the primary until the replica has replayed past it.
 * - Bounded staleness for everyone: a monitor samples the primary's WAL position and the replica's replay
 *   position every POLL_MS. The replica is "fresh as of" the time of the newest primary sample it has
 *   replayed past (a commit before that time is on it). Older than `maxLagMs`, or down, or promoted, it
 *   serves nobody and reads go to the primary. The same bound is the writer's cookie's lifetime: once it has
 *   expired, a replica still in use is fresh as of a time after the write, so nothing is lost by dropping it.
 * The positions come from the database, never from this process's clock or writes: another instance's
 * writers are covered the same way.
 */
import type { Database } from "./database.js";

/** A WAL position ("16/B374D848") as a number that compares. */
export type Lsn = bigint;

export function parseLsn(text: string | null | undefined): Lsn | null {
  const m = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(text ?? "");
  return m ? (BigInt(`0x${m[1]}`) << 32n) + BigInt(`0x${m[2]}`) : null;
}

export const formatLsn = (lsn: Lsn) => `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;

export interface Reads {
  /** The handle for a read by a client whose last write is at `after` on the primary (null: none known). */
  pick(after: Lsn | null): { db: Database; replica: boolean };
  /** The primary's WAL position now, called after a write committed: what the writer's reads must see. Null without a replica. */
  writtenUpTo(): Promise<Lsn | null>;
  /** How long a writer's position matters, in ms (the staleness bound); 0 without a replica. */
  readonly holdMs: number;
  /** The monitor's view, for the health route and the tests. */
  state(): { replica: boolean; up: boolean; lagMs: number | null; replayed: string | null };
  close(): Promise<void>;
}

/** Without a replica every read is the primary's. */
export function primaryOnly(db: Database): Reads {
  return {
    pick: () => ({ db, replica: false }),
    writtenUpTo: async () => null,
    holdMs: 0,
    state: () => ({ replica: false, up: false, lagMs: null, replayed: null }),
    close: async () => undefined,
  };
}

export const POLL_MS = 100;
/** Primary samples kept while the replica has not reached them (at POLL_MS, 20 s worth). */
const MAX_SAMPLES = 200;

export interface ReplicaLink {
  primary: Database;
  replica: Database;
  /** One value of a query on each side: the driver's own, so this file knows nothing of pools. */
  primaryLsn(): Promise<string>;
  replicaState(): Promise<{ replayed: string | null; inRecovery: boolean }>;
  closeReplica(): Promise<void>;
}

export function replicaReads(link: ReplicaLink, maxLagMs: number): Reads {
  let up = false;
  let replayed: Lsn = 0n;
  let freshAsOf = -Infinity;
  const samples: { at: number; lsn: Lsn }[] = [];
  let stopped = false;

  const poll = async () => {
    const at = performance.now();
    // The primary first: whatever committed before `at` is at or before this position.
    const sampled = await link.primaryLsn().then(parseLsn, () => null);
    if (sampled !== null) {
      samples.push({ at, lsn: sampled });
      if (samples.length > MAX_SAMPLES) samples.shift();
    }
    try {
      const r = await link.replicaState();
      const lsn = parseLsn(r.replayed);
      // A promoted replica has left the primary's history: it is no replica of it any more.
      up = r.inRecovery && lsn !== null;
      if (lsn !== null) replayed = lsn;
    } catch {
      up = false;
    }
    while (samples.length && samples[0].lsn <= replayed) freshAsOf = Math.max(freshAsOf, samples.shift()!.at);
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const loop = async () => {
    await poll();
    if (!stopped) { timer = setTimeout(loop, POLL_MS); timer.unref?.(); }
  };
  const started = loop();

  const usable = () => up && performance.now() - freshAsOf <= maxLagMs;
  return {
    pick(after) {
      if (!usable() || (after !== null && replayed < after)) return { db: link.primary, replica: false };
      return { db: link.replica, replica: true };
    },
    async writtenUpTo() {
      return parseLsn(await link.primaryLsn());
    },
    holdMs: maxLagMs + 2 * POLL_MS,
    state: () => ({ replica: true, up: usable(), lagMs: Number.isFinite(freshAsOf) ? Math.round(performance.now() - freshAsOf) : null, replayed: replayed ? formatLsn(replayed) : null }),
    async close() {
      stopped = true;
      clearTimeout(timer);
      await started.catch(() => undefined);
      await link.closeReplica();
    },
  };
}

/**
 * A replica's failure that the primary would not have: the replica unreachable or shutting down, or a
 * query cancelled by a conflict with recovery (40001 on a standby). The read is then made on the primary.
 */
export function replicaFailed(e: unknown): boolean {
  for (let err = e as { code?: string; cause?: unknown; message?: string } | undefined; err; err = err.cause as typeof err) {
    const code = err.code ?? "";
    if (/^(08|57P)/.test(code) || code === "40001" || ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE"].includes(code)) return true;
    if (/Connection terminated|connection timeout/i.test(err.message ?? "")) return true;
  }
  return false;
}
