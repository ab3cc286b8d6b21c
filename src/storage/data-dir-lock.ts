/**
 * The embedded engine belongs to one process: two processes opening one PGlite data directory
 * corrupt it. A lock file holding the owner's PID makes a second opener refuse with a clear
 * message; a lock left by a dead process is taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";

export class DataDirLockedError extends Error {
  constructor(readonly dataDir: string, readonly ownerPid: number) {
    super(
      `Thư mục dữ liệu ${dataDir} đang được tiến trình ${ownerPid} sử dụng; hãy dừng tiến trình đó trước ` +
      `(the data directory is in use by process ${ownerPid}; stop it first).`,
    );
  }
}

export interface DataDirLock {
  release(): void;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Moves a dead owner's lock aside. Moving is atomic: of two processes taking over at once, one
 * moves the stale file and the other finds nothing to move; a process that moved a live lock
 * (created meanwhile by the other) puts it back and gives way.
 */
function takeOverStaleLock(path: string, dataDir: string, deadOwner: number) {
  const aside = `${path}.stale-${process.pid}`;
  try {
    renameSync(path, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return; // someone else moved it: try to create ours
    throw e;
  }
  const moved = Number(readFileSync(aside, "utf8").trim());
  if (moved !== deadOwner && processAlive(moved)) {
    renameSync(aside, path);
    throw new DataDirLockedError(dataDir, moved);
  }
  rmSync(aside, { force: true });
}

export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, "theodoi.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(path, "utf8") === String(process.pid)) rmSync(path);
        } catch { /* already gone */ }
      };
      process.once("exit", release);
      return { release: () => { process.off("exit", release); release(); } };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const owner = Number(readFileSync(path, "utf8").trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && processAlive(owner)) {
        throw new DataDirLockedError(dataDir, owner);
      }
      if (owner === process.pid) throw new DataDirLockedError(dataDir, owner);
      takeOverStaleLock(path, dataDir, owner);
    }
  }
  throw new Error(`Không khoá được thư mục dữ liệu ${dataDir} (could not lock the data directory)`);
}
