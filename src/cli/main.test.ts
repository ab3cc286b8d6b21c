import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, serverUrl, type TestDatabase } from "../../test/support/database.js";

/**
 * The real `theodoi` command, run as a child process against a fresh database: a temporary
 * data directory on the embedded engine, or a fresh server database when DATABASE_URL is set.
 */
let dir: string;
let server: TestDatabase | undefined;
let env: NodeJS.ProcessEnv;

function theodoi(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["bin/theodoi.mjs", ...args], { env });
    let stdout = "", stderr = "";
    child.stdout.on("data", (b) => (stdout += b));
    child.stderr.on("data", (b) => (stderr += b));
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "theodoi-cli-"));
  if (serverUrl) {
    server = await openTestDatabase();
    await server.store.close();
  }
  env = { ...process.env, THEODOI_DATA_DIR: join(dir, "data"), DATABASE_URL: server?.url ?? "", LOG_LEVEL: "warn" };
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (server) await server.drop().catch(() => undefined);
});

// Each command is a new process that opens the database (PGlite: several seconds): give them room.
describe("theodoi command line", { timeout: 180_000 }, () => {
  it("documents every command with --help", async () => {
    const top = await theodoi("--help");
    expect(top.code).toBe(0);
    for (const cmd of ["serve", "migrate", "agencies", "backup", "restore"]) expect(top.stdout).toContain(cmd);
    for (const args of [["serve", "--help"], ["migrate", "--help"], ["agencies", "import", "--help"], ["agencies", "export", "--help"], ["backup", "--help"], ["restore", "--help"]]) {
      const res = await theodoi(...args);
      expect(res.code, args.join(" ")).toBe(0);
      expect(res.stdout).toMatch(/Usage: theodoi/);
    }
  });

  it("imports agencies, exports them, backs up and restores", async () => {
    const file = join(dir, "agencies.json");
    writeFileSync(file, JSON.stringify({ format: "theodoi-agencies", version: 1, agencies: [
      { code: "ubnd", name: "UBND tỉnh", kind: "ppc" },
      { code: "so-kh-dt", name: "Sở Kế hoạch và Đầu tư", kind: "department", parent: "ubnd", validTo: "28/02/2025",
        successors: [{ code: "so-tc", effectiveDate: "01/03/2025", kind: "merge" }] },
      { code: "so-tc", name: "Sở Tài chính", kind: "department", parent: "ubnd" },
    ] }));
    const imported = await theodoi("agencies", "import", file);
    expect(imported.stderr).toBe("");
    expect(imported.stdout).toContain("3 cơ quan mới");
    const backup = join(dir, "backup.json.gz");
    expect((await theodoi("backup", backup)).code).toBe(0);
    // A folder that does not exist is said at once, before the database is read, and nothing is written.
    const nowhere = await theodoi("backup", join(dir, "khong-co", "backup.json.gz"));
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toMatch(/khong-co không tồn tại \/ does not exist; hãy tạo thư mục/);
    expect(nowhere.stderr).not.toMatch(/ENOENT|at /);

    const changed = join(dir, "changed.json");
    writeFileSync(changed, JSON.stringify({ format: "theodoi-agencies", version: 1, agencies: [{ code: "extra", name: "Ban mới", kind: "board" }] }));
    expect((await theodoi("agencies", "import", changed)).code).toBe(0);
    expect((await theodoi("restore", backup)).code).not.toBe(0); // --yes is required
    expect((await theodoi("restore", backup, "--yes")).code).toBe(0);

    const exported = await theodoi("agencies", "export");
    const data = JSON.parse(exported.stdout);
    expect(data.agencies.map((a: { code: string }) => a.code).sort()).toEqual(["so-kh-dt", "so-tc", "ubnd"]);
    expect(data.agencies.find((a: { code: string }) => a.code === "so-kh-dt")).toMatchObject({
      parent: "ubnd", validTo: "2025-02-28", successors: [{ code: "so-tc", effectiveDate: "2025-03-01", kind: "merge" }],
    });
  });

  it("refuses a bad import file with the record and field named, and imports nothing", async () => {
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify({ format: "theodoi-agencies", version: 1, agencies: [{ code: "ok-one", name: "A", kind: "board" }, { code: "bad", name: "B", kind: "army" }] }));
    const res = await theodoi("agencies", "import", file);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain("agencies.1.kind");
    const out = join(dir, "after.json");
    await theodoi("agencies", "export", out);
    expect(JSON.parse(readFileSync(out, "utf8")).agencies.map((a: { code: string }) => a.code)).not.toContain("ok-one");
  });
});
