/**
 * The sample province (Lạng Sơn) loaded on first start: its agencies with the 2025 successions,
 * then the four sample documents imported and published through the same pipeline an official
 * uses (read, extract, map agencies, publish), which also registers the documents they implement
 * and cite; the demo accounts of its people (README) and the plan's 2026 reporting round. One transaction; recorded in `settings` so it runs once.
 */
import { createDemoAccounts } from "../accounts/bootstrap.js";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { importAgencies } from "../agencies/commands.js";
import { agencyExchangeFile } from "../agencies/inputs.js";
import { documents } from "../documents/schema.js";
import { restateTargets } from "../plans/contributions.js";
import { indicators, projects } from "../plans/schema.js";
import { foldPhrase } from "../text/fold.js";
import { agencies } from "../agencies/schema.js";
import { createRound } from "../reporting/rounds.js";
import { loadSampleUpwardReports } from "../reporting/upward-samples.js";
import { createImport, publishImport } from "../imports/commands.js";
import { unmappedLeads } from "../imports/leads.js";
import type { Database } from "../storage/database.js";
import { settings } from "../storage/schema.js";
import { PROVINCE_SETTING } from "../storage/settings.js";
import { projectPath } from "../core/project-root.js";

export const SAMPLES_DIR = projectPath("samples");
const LOADED = "samples_loaded";

/** Rules a focal point's choices are written as: the first rule whose words stand in an item's folded name gives its agency, by code. */
const sampleRules = z.object({ rules: z.array(z.object({ words: z.string(), agency: z.string() })) });
type Rules = z.infer<typeof sampleRules>["rules"];
const readRules = <T extends z.ZodRawShape>(dir: string, file: string, extra: T) => sampleRules.extend(extra).parse(JSON.parse(readFileSync(join(dir, file), "utf8")));

/** The agency the first matching rule names, by id. */
async function ruleAgencies(db: Database, rules: Rules): Promise<(name: string) => number | undefined> {
  const codes = new Map((await db.select({ id: agencies.id, code: agencies.code }).from(agencies)).map((a) => [a.code, a.id]));
  return (name) => {
    const rule = rules.find((r) => foldPhrase(name).includes(r.words));
    return rule ? codes.get(rule.agency) : undefined;
  };
}

/**
 * The owners of the sample plan's indicators, as the focal point would pick them in the review (the plan names
 * none): `samples/indicator-owners.json`.
 */
async function assignSampleOwners(db: Database, dir: string) {
  const file = readRules(dir, "indicator-owners.json", { plan: z.string() });
  const [plan] = await db.select({ id: documents.id }).from(documents).where(eq(documents.symbol, file.plan));
  if (!plan) return;
  const agencyFor = await ruleAgencies(db, file.rules);
  for (const i of await db.select({ id: indicators.id, name: indicators.name }).from(indicators).where(and(eq(indicators.documentId, plan.id), isNull(indicators.ownerId)))) {
    const ownerId = agencyFor(i.name);
    if (ownerId !== undefined) await db.update(indicators).set({ ownerId }).where(eq(indicators.id, i.id));
  }
}

/** The investors (lead agencies) of the sample plans' key projects, as the focal point would set them (the plans name none): `samples/project-leads.json`. */
async function assignSampleProjectLeads(db: Database, dir: string) {
  const agencyFor = await ruleAgencies(db, readRules(dir, "project-leads.json", {}).rules);
  for (const p of await db.select({ id: projects.id, name: projects.name }).from(projects).where(isNull(projects.leadId))) {
    const leadId = agencyFor(p.name);
    if (leadId !== undefined) await db.update(projects).set({ leadId }).where(eq(projects.id, p.id));
  }
}

/**
 * Targets of documents known only as citations, as a lower sample document restates them (the focal point's
 * "restate targets"): `samples/restated-targets.json`.
 */
async function restateSampleTargets(db: Database, dir: string) {
  const file = z.object({ restate: z.array(z.object({ document: z.string(), from: z.string(), sections: z.array(z.string()) })) })
    .parse(JSON.parse(readFileSync(join(dir, "restated-targets.json"), "utf8")));
  for (const r of file.restate) {
    const [upper] = await db.select({ id: documents.id }).from(documents).where(eq(documents.symbol, r.document));
    const [from] = await db.select({ id: documents.id }).from(documents).where(eq(documents.symbol, r.from));
    if (!upper || !from) continue;
    const restated = await db.select({ id: indicators.id }).from(indicators).where(and(eq(indicators.documentId, from.id), inArray(indicators.sectionNumber, r.sections)));
    if (restated.length) await restateTargets(db, null, upper.id, { fromId: from.id, indicatorIds: restated.map((i) => i.id) }, true);
  }
}

/** The yearly round of the sample plan for 2026, collected by Sở Tài chính: the demo reporters' inbox is not empty. */
async function openSampleRound(db: Database) {
  const [plan] = await db.select({ id: documents.id }).from(documents).where(eq(documents.symbol, "23/KH-UBND"));
  const [coordinator] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, "so-tai-chinh"));
  // (An indicator no owner rule names goes to Sở Tài chính, collecting.)
  if (plan && coordinator) await createRound(db, { documentIds: [plan.id], periodKind: "year", periodYear: 2026, coordinatorId: coordinator.id, collectorTakesUnowned: true }, null);
}

export async function samplesLoaded(db: Database): Promise<boolean> {
  return (await db.select().from(settings).where(eq(settings.key, LOADED))).length > 0;
}

/** Loads the sample province unless it was loaded before; returns what it did. */
export async function loadSampleProvince(db: Database, dir = SAMPLES_DIR): Promise<{ loaded: boolean; documents: number; agencies: number }> {
  const agencyFile = agencyExchangeFile.parse(JSON.parse(readFileSync(join(dir, "agencies.json"), "utf8")));
  const seeds = readdirSync(join(dir, "seeds")).filter((f) => /\.(txt|docx|pdf)$/.test(f)).sort();
  return db.transaction(async (tx) => {
    // Instances started together on one database load the samples once: the others wait here, then find them loaded.
    await tx.execute(sql`select pg_advisory_xact_lock(748392012)`);
    if (await samplesLoaded(tx)) return { loaded: false, documents: 0, agencies: 0 };
    await importAgencies(tx, agencyFile.agencies);
    for (const file of seeds) {
      const draft = await createImport(tx, { name: file, bytes: readFileSync(join(dir, "seeds", file)) });
      // The samples are published as extracted: the registry must know every agency they assign work to.
      const unmapped = unmappedLeads(draft.draft);
      if (unmapped.length) throw new Error(`Sample ${file}: no registry agency for ${unmapped.join("; ")}`);
      await publishImport(tx, draft.id, draft.version);
    }
    await createDemoAccounts(tx);
    await assignSampleOwners(tx, dir);
    await assignSampleProjectLeads(tx, dir);
    await restateSampleTargets(tx, dir);
    await openSampleRound(tx);
    await loadSampleUpwardReports(tx, dir);
    await tx.insert(settings).values([{ key: LOADED, value: new Date().toISOString() }, { key: PROVINCE_SETTING, value: "Lạng Sơn" }]);
    const count = (await tx.select({ id: documents.id }).from(documents)).length;
    return { loaded: true, documents: count, agencies: agencyFile.agencies.length };
  });
}
