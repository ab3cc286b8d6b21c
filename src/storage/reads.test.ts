import { describe, expect, it } from "vitest";
import type { Database } from "./database.js";
import { formatLsn, parseLsn, POLL_MS, replicaFailed, replicaReads, type ReplicaLink } from "./reads.js";

describe("WAL positions", () => {
  it("compare as numbers, not as text", () => {
    expect(parseLsn("0/9FFFFFF")! < parseLsn("0/A000000")!).toBe(true);
    expect(parseLsn("1/0")! > parseLsn("0/FFFFFFFF")!).toBe(true);
    expect(formatLsn(parseLsn("16/B374D848")!)).toBe("16/B374D848");
    expect(parseLsn("abc")).toBeNull();
    expect(parseLsn(null)).toBeNull();
  });
});

describe("replica failures", () => {
  it("are the replica's own: unreachable, shutting down, or a query cancelled by recovery, however wrapped", () => {
    expect(replicaFailed(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(replicaFailed(new Error("Failed query", { cause: Object.assign(new Error("terminating connection due to conflict with recovery"), { code: "40001" }) }))).toBe(true);
    expect(replicaFailed(Object.assign(new Error("the database system is shutting down"), { code: "57P03" }))).toBe(true);
    expect(replicaFailed(Object.assign(new Error("division by zero"), { code: "22012" }))).toBe(false);
  });
});

/** Positions as the two servers would give them, set by the test between polls. */
function positions() {
  const primary = {} as Database, replica = {} as Database;
  const state = { primary: "0/100", replayed: "0/100" as string | null, inRecovery: true, down: false };
  const link: ReplicaLink = {
    primary, replica,
    primaryLsn: async () => state.primary,
    replicaState: async () => {
      if (state.down) throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
      return { replayed: state.replayed, inRecovery: state.inRecovery };
    },
    closeReplica: async () => undefined,
  };
  return { primary, replica, state, link };
}
const polls = (n: number) => new Promise((r) => setTimeout(r, n * POLL_MS + 30));

describe("where a read goes", () => {
  it("to the replica when it is fresh; for a writer, once it has replayed the write; never to one lagging, down or promoted", async () => {
    const { primary, replica, state, link } = positions();
    const reads = replicaReads(link, 1000);
    try {
      await polls(1);
      expect(reads.pick(null).db).toBe(replica);
      // A write the replica has not replayed: its writer reads from the primary, others still from the replica.
      state.primary = "0/200";
      await polls(1);
      expect(reads.pick(parseLsn("0/200")).db).toBe(primary);
      expect(reads.pick(parseLsn("0/100")).db).toBe(replica);
      expect(reads.pick(null).db).toBe(replica);
      // Behind for longer than the bound: nobody reads from it.
      await polls(11);
      expect(reads.pick(null).db).toBe(primary);
      expect(reads.state().up).toBe(false);
      // Replayed: fresh again, for the writer too.
      state.replayed = "0/200";
      await polls(1);
      expect(reads.pick(parseLsn("0/200")).db).toBe(replica);
      state.down = true;
      await polls(1);
      expect(reads.pick(null).db).toBe(primary);
      state.down = false;
      state.inRecovery = false;
      await polls(1);
      expect(reads.pick(null).db).toBe(primary);
      expect(reads.holdMs).toBeGreaterThanOrEqual(1000);
    } finally {
      await reads.close();
    }
  });
});
