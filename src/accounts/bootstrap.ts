/**
 * Accounts that exist before anyone can create them: the first administrator (on a database with
 * no administrator), and the sample province's demo accounts (with the sample data only).
 */
import { eq, sql } from "drizzle-orm";
import { agencies } from "../agencies/schema.js";
import type { Database } from "../storage/database.js";
import { generatePassword } from "./passwords.js";
import { users, type Role } from "./schema.js";
import { createUser } from "./users.js";

export const FIRST_ADMIN = "admin";

/**
 * Creates the administrator when there is none yet (the sample province's demo accounts are not
 * administrators): with `password` (from the environment), or with a generated one the caller shows
 * once, which must be changed at first sign-in.
 */
export async function ensureAdministrator(db: Database, password?: string): Promise<{ created: false } | { created: true; username: string; password: string; generated: boolean }> {
  return db.transaction(async (tx) => {
    // Two instances starting together on one server database: the second waits, then sees the first's admin.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('theodoi_first_admin'))`);
    const [{ count }] = await tx.select({ count: sql<number>`count(*)::int` }).from(users).where(eq(users.role, "admin"));
    if (count > 0) return { created: false as const };
    const chosen = password ?? generatePassword();
    await createUser(tx, { username: FIRST_ADMIN, displayName: "Quản trị hệ thống", role: "admin", password: chosen, mustChangePassword: !password });
    return { created: true as const, username: FIRST_ADMIN, password: chosen, generated: !password };
  });
}

/** The sample province's people, documented in the README; each signs in with DEMO_PASSWORD. */
export const DEMO_PASSWORD = "demo-theodoi-2026";
export const DEMO_ACCOUNTS: { username: string; displayName: string; role: Role; agencyCodes: string[] }[] = [
  { username: "daumoi", displayName: "Chuyên viên đầu mối (Sở Tài chính)", role: "focal_point", agencyCodes: ["so-tai-chinh"] },
  { username: "lanhdao", displayName: "Lãnh đạo UBND tỉnh", role: "leader", agencyCodes: [] },
  // Reporters of departments as they stand after the 2025 restructuring, which own work in the sample plans.
  { username: "soxd", displayName: "Báo cáo viên Sở Xây dựng", role: "reporter", agencyCodes: ["so-xay-dung"] },
  { username: "sonnmt", displayName: "Báo cáo viên Sở Nông nghiệp và Môi trường", role: "reporter", agencyCodes: ["so-nong-nghiep-moi-truong"] },
  { username: "xem", displayName: "Người xem", role: "viewer", agencyCodes: [] },
];

/** Creates the demo accounts that do not exist yet. Call inside the sample loading transaction. */
export async function createDemoAccounts(db: Database): Promise<number> {
  let created = 0;
  for (const a of DEMO_ACCOUNTS) {
    if ((await db.select({ id: users.id }).from(users).where(eq(users.username, a.username))).length) continue;
    const agencyIds: number[] = [];
    for (const code of a.agencyCodes) {
      const [agency] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, code));
      if (agency) agencyIds.push(agency.id);
    }
    await createUser(db, { username: a.username, displayName: a.displayName, role: a.role, agencyIds, password: DEMO_PASSWORD, mustChangePassword: false });
    created++;
  }
  return created;
}
