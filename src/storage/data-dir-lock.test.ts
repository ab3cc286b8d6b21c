import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir } from "./data-dir-lock.js";
import { openStore } from "./database.js";

const dirs: string[] = [];
const tempDir = () => { const d = mkdtempSync(join(tmpdir(), "theodoi-lock-")); dirs.push(d); return d; };
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

describe("lockDataDir", () => {
  it("refuses a second lock while the first is held, and allows it after release", () => {
    const dir = tempDir();
    const first = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    first.release();
    expect(existsSync(join(dir, "theodoi.lock"))).toBe(false);
    lockDataDir(dir).release();
  });

  it("takes over a lock left by a process that no longer runs", () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ["-e", "process.exit(0)"]).pid!;
    writeFileSync(join(dir, "theodoi.lock"), String(dead));
    lockDataDir(dir).release();
  });

  it("makes a second process refuse the embedded database with a clear message", { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const store = await openStore({ dataDir: dir });
    try {
      const other = spawnSync(process.execPath, ["bin/theodoi.mjs", "migrate"], {
        env: { ...process.env, THEODOI_DATA_DIR: dir, DATABASE_URL: "" }, encoding: "utf8", timeout: 60_000,
      });
      expect(other.status).toBe(1);
      expect(other.stderr).toContain(`đang được tiến trình ${process.pid} sử dụng`);
      expect(other.stderr).toContain("in use by process");
    } finally {
      await store.close();
    }
  });
});
