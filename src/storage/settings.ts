/** Facts about the installation kept in `settings`. */
import { eq } from "drizzle-orm";
import type { Database } from "./database.js";
import { settings } from "./schema.js";

/** The province the installation serves ("Lạng Sơn"): the superior body and place in official documents. */
export const PROVINCE_SETTING = "province";

export async function readSetting(db: Database, key: string): Promise<string | null> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
  return row?.value ?? null;
}
