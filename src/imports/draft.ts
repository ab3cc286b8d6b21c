/**
 * The draft of an import: what the extractor proposes, in the form a person checks and edits
 * before publishing. Tasks name their agencies as the text does; `agencies` maps each of those
 * names to registry agencies (one for a specific agency, its members for a collective phrase,
 * none while unmapped). Pure functions: building a draft from an extraction, comparing two.
 */
import { z } from "zod";
import { dateField } from "../core/fields.js";
import { DOCUMENT_TYPES } from "../documents/schema.js";
import type { Extraction } from "../extraction/extract.js";
import { agenciesAt, foldKeepingOffsets, type RegistryAgency } from "../extraction/agencies.js";
import { COMPARATORS, DIRECTIONS, PROJECT_MEASURES } from "../plans/schema.js";
import { foldPhrase } from "../text/fold.js";
import { proposeUpward, upwardProposals } from "../reporting/upward-extraction.js";
import { amendmentDraft, draftAmendment, withinChange } from "../plans/amendment-import.js";

const offset = z.number().int().min(0).nullable();
const shortText = z.string().trim().max(2000);
const name = z.string().trim().min(1).max(500);

const citationDraft = z.object({
  symbol: name, date: dateField.nullable(), issuerText: shortText.nullable(),
  /** What the cited document is about, as the citing text says: the title of its stub. */
  subject: z.string().max(500).nullable().default(null),
});
const taskDraft = z.object({
  section: shortText.nullable(),
  text: z.string().trim().min(1).max(20_000),
  lead: z.array(name).min(1).max(100),
  coordinating: z.array(name).max(200),
  deadlineText: shortText.nullable(),
  output: shortText.nullable(),
  start: offset,
  end: offset,
});
const indicatorDraft = z.object({
  name: z.string().trim().min(1).max(2000),
  text: z.string().max(5000),
  comparator: z.enum(COMPARATORS),
  min: z.number().nullable(),
  max: z.number().nullable(),
  unit: shortText.nullable(),
  year: z.number().int().min(1900).max(2100).nullable(),
  perYear: z.boolean(),
  /** A yearly average over a period (both years, or neither). */
  periodFrom: z.number().int().min(1900).max(2100).nullable().default(null),
  periodTo: z.number().int().min(1900).max(2100).nullable().default(null),
  direction: z.enum(DIRECTIONS).default("higher"),
  kind: z.enum(["target", "actual", "estimate"]),
  section: shortText.nullable(),
  /** The agency the text names to follow it (a table's "Cơ quan chủ trì theo dõi"), as written: shown when it maps to none. */
  owner: shortText.nullable().default(null),
  /** The registry agency that owns it: the one `owner` names, or the one the reviewer picked. */
  ownerId: z.number().int().positive().nullable().default(null),
  start: offset,
  end: offset,
});
const amount = z.number().min(0).nullable().default(null);
const yearOrNull = z.number().int().min(1900).max(2200).nullable().default(null);
const projectDraft = z.object({
  name,
  /** The investor or lead as written, and the registry agency it is (read as an indicator's owner is). */
  lead: shortText.nullable().default(null),
  leadId: z.number().int().positive().nullable().default(null),
  location: shortText.nullable().default(null),
  investment: amount, areaHa: amount, lengthKm: amount,
  startYear: yearOrNull, completionYear: yearOrNull,
  /**
   * The recorded project this one is (the same project named by another document), proposed by name and
   * location (see project-matching.ts) and changed by the reviewer; null publishes it as a new project.
   */
  matchId: z.number().int().positive().nullable().default(null),
  candidates: z.array(z.object({ id: z.number().int().positive(), name: z.string().max(2000), similarity: z.number() })).max(5).default([]),
  start: offset.default(null), end: offset.default(null),
  metrics: z.array(z.object({
    label: z.string().max(5000), value: z.number(), of: z.number().nullable(), unit: shortText.nullable(),
    measure: z.enum(PROJECT_MEASURES).nullable().default(null), asOf: dateField.nullable().default(null), year: yearOrNull,
    start: offset, end: offset,
  })).max(500),
});
const sectionDraft = z.object({
  number: name, title: shortText.nullable(), level: z.number().int().min(0).max(10), parent: z.number().int().min(0).nullable(), start: offset, end: offset,
});
const agencyMapping = z.object({ name, collective: z.boolean(), agencyIds: z.array(z.number().int().positive()).max(500) });

export const draftSchema = z.object({
  document: z.object({
    symbol: shortText.nullable(),
    docType: z.enum(DOCUMENT_TYPES),
    title: z.string().trim().min(1).max(2000),
    issuedOn: dateField.nullable(),
    issuedText: shortText.nullable(),
    signer: shortText.nullable(),
    issuerText: shortText.nullable(),
    /** The registry agency that issued it, when its name or an alias matches. */
    issuerId: z.number().int().positive().nullable(),
    /** The date collective phrases were expanded as of (see agenciesAsOf); `assumed` when the document gives no full date. */
    agenciesAsOf: dateField.nullable().default(null),
    agenciesAsOfAssumed: z.boolean().default(false),
  }),
  /** The numbered headings: published as the document's outline, each item placed in the innermost section holding its clause. */
  outline: z.array(sectionDraft).max(2000).default([]),
  /** Reports the document asks the province to send a higher body, proposed from its reporting rules; those confirmed become obligations on publishing. */
  upwardReports: upwardProposals,
  implements: z.array(citationDraft).max(500),
  references: z.array(citationDraft).max(2000),
  tasks: z.array(taskDraft).max(5000),
  indicators: z.array(indicatorDraft).max(5000),
  projects: z.array(projectDraft).max(1000),
  agencies: z.array(agencyMapping).max(2000),
  /** Cited documents that carry out other cited documents ("52-CTr/TU thực hiện 11-NQ/TW"): the chain above this one. */
  chains: z.array(z.object({ from: name, to: name })).max(2000).default([]),
  /**
   * The reviewer's answers on the obligations of the plans it implements that it may meet (issue 15; see
   * plans/obligation-matching.ts): meet one proposed, or not one met without asking. Others are left as matching says.
   */
  obligations: z.array(z.object({ id: z.number().int().positive(), meet: z.boolean() })).max(5000).default([]),
  /** The document it amends, replaces or repeals, from when, and its changes, each onto the item it changes (issue 15; plans/amendment-import.ts). */
  amendment: amendmentDraft,
});
export type Draft = z.infer<typeof draftSchema>;
export type TaskDraft = Draft["tasks"][number];
export type IndicatorDraft = Draft["indicators"][number];

/**
 * A report's figure as the value of its year (the report's own year when the figure names none), for
 * evaluation against the plans' targets; null for a target, or a figure with no year or number.
 */
export function figureOf(i: IndicatorDraft, issuedOn: string | null): { year: number; value: number; kind: "actual" | "estimate" } | null {
  if (i.kind === "target") return null;
  const year = i.year ?? (issuedOn ? Number(issuedOn.slice(0, 4)) : null), value = i.min ?? i.max;
  return year !== null && value !== null ? { year, value, kind: i.kind } : null;
}

/** The day the two-level local government began (Resolution 202/2025/QH15): districts ended the day before. */
const TWO_LEVEL_LOCAL_GOVERNMENT = "2025-07-01";

/**
 * The date a document's collective phrases are read as of: its date; for an undated draft the month or year
 * its date line gives ("ngày    tháng 5 năm 2024" is 01/05/2024), else the day it is imported. Only the
 * document's own date is not `assumed`.
 */
export function agenciesAsOf(issuedOn: string | null, issuedText: string | null, importedOn: string): { date: string; assumed: boolean } {
  if (issuedOn) return { date: issuedOn, assumed: false };
  const given = /(?:tháng\s+(\d{1,2})\s+)?năm\s+((?:19|20)\d\d)/iu.exec(issuedText ?? "");
  if (given) {
    const month = Math.min(12, Math.max(1, Number(given[1] ?? 1)));
    return { date: `${given[2]}-${String(month).padStart(2, "0")}-01`, assumed: true };
  }
  return { date: importedOn, assumed: true };
}

/** A registry agency with what a draft needs to map names onto it. */
export interface RegistryEntry extends RegistryAgency { id: number; validFrom: string | null; validTo: string | null }

/**
 * The members of a collective phrase, by the kinds of body it names: "các sở, ban, ngành" are the
 * departments and boards, "UBND các huyện, thành phố" the districts, as they stood on `asOf`.
 * A phrase that does not say which bodies ("các cơ quan liên quan") has no members.
 */
export function membersOf(phrase: string, registry: RegistryEntry[], asOf: string | null): number[] {
  const f = foldPhrase(phrase);
  // From 01/07/2025 the province has no districts: "UBND các huyện, thành phố" are then the communes and wards
  // (an administrator imports them with `theodoi agencies import`).
  const localLevel = asOf !== null && asOf >= TWO_LEVEL_LOCAL_GOVERNMENT ? ["commune"] : ["district"];
  const kinds = /\b(huyen|thanh pho|thi xa)\b/.test(f) && !/bien gioi/.test(f) ? localLevel
    : /\b(xa|phuong|thi tran)\b/.test(f) && !/bien gioi|xa hoi/.test(f) ? ["commune"]
    : /\bso\b|\bban\b|\bnganh\b/.test(f) && !/lien quan|chuc nang/.test(f) ? ["department", "board"]
    : [];
  const standing = (a: RegistryEntry) => !asOf || ((!a.validFrom || a.validFrom <= asOf) && (!a.validTo || a.validTo >= asOf));
  return registry.filter((a) => kinds.includes(a.kind) && standing(a)).map((a) => a.id);
}

/**
 * The registry agency a name denotes: by the code the extractor read, by its name or an alias,
 * else by reading the name as the extractor reads agencies ("Sở KH&ĐT" is "Sở Kế hoạch và Đầu tư").
 */
function agencyNamed(mentionName: string, code: string | undefined, registry: RegistryEntry[]): number | null {
  if (code) return registry.find((a) => a.code === code)?.id ?? null;
  const key = foldPhrase(mentionName);
  const byName = (name: string) => registry.find((a) => [a.name, ...a.aliases].some((n) => foldPhrase(n) === foldPhrase(name)));
  const direct = byName(key);
  if (direct) return direct.id;
  const [read] = agenciesAt(mentionName, foldKeepingOffsets(mentionName), 0, registry);
  if (!read || read.end < mentionName.trimEnd().length || read.collective) return null;
  return (read.code ? registry.find((a) => a.code === read.code) : byName(read.name))?.id ?? null;
}

/** The owner an extracted indicator names: only a table's row names one (see withTableIndicators). */
const ownerNamed = (i: Extraction["indicators"][number]): string | null => ("owner" in i && typeof i.owner === "string" ? i.owner : null);

export function draftFromExtraction(extraction: Extraction, registry: RegistryEntry[], importedOn = new Date().toISOString().slice(0, 10)): Draft {
  const { document: d } = extraction;
  const subjectOf = (symbol: string) => extraction.cited.documents.find((c) => c.symbol === symbol)?.subject ?? null;
  const dated = agenciesAsOf(d.issued, d.issued_text, importedOn);
  const asOf = dated.date;
  const mapping = new Map<string, Draft["agencies"][number]>();
  for (const t of extraction.tasks) {
    for (const m of [...t.lead_agencies, ...t.coordinating_agencies]) {
      if (mapping.has(m.name)) continue;
      const specific = m.collective ? null : agencyNamed(m.name, m.code, registry);
      mapping.set(m.name, {
        name: m.name, collective: m.collective,
        agencyIds: specific !== null ? [specific] : m.collective ? membersOf(m.name, registry, asOf) : [],
      });
    }
  }
  const owners = new Map<string, number | null>();
  const ownerOf = (name: string | null) => {
    if (!name) return null;
    if (!owners.has(name)) owners.set(name, agencyNamed(name, undefined, registry));
    return owners.get(name)!;
  };
  // An amendment's changes state the amended document's targets and tasks, not its own; the document it changes is no citation (issue 15).
  const amendment = draftAmendment(extraction.amendment);
  const ownItem = (i: { start: number | null; end: number | null }) => !withinChange(amendment, i.start, i.end);
  const notAmended = (c: { symbol: string }) => c.symbol !== amendment?.symbol;
  return {
    document: {
      symbol: d.symbol, docType: (d.doc_type as Draft["document"]["docType"] | null) ?? "other",
      title: d.title ?? (d.symbol ? `${d.type ?? "Văn bản"} số ${d.symbol}` : "Văn bản chưa có tiêu đề"),
      issuedOn: d.issued, issuedText: d.issued_text, signer: d.signer, issuerText: d.issuer,
      issuerId: d.issuer ? agencyNamed(d.issuer, undefined, registry) : null,
      agenciesAsOf: dated.date, agenciesAsOfAssumed: dated.assumed,
    },
    outline: extraction.outline.map((o) => ({ number: o.number, title: o.title, level: o.level, parent: o.parent, start: o.start, end: o.end })),
    upwardReports: proposeUpward(d, extraction.reporting, extraction.implements[0]?.symbol ?? null, (name) => ownerOf(name)),
    implements: extraction.implements.filter(notAmended).map((c) => ({ symbol: c.symbol, date: c.date, issuerText: c.issuer_text, subject: subjectOf(c.symbol) })),
    references: extraction.references.filter(notAmended).map((c) => ({ symbol: c.symbol, date: c.date, issuerText: c.issuer_text, subject: subjectOf(c.symbol) })),
    chains: extraction.cited.links,
    tasks: extraction.tasks.filter(ownItem).map((t) => ({
      section: t.section, text: t.text, lead: t.lead, coordinating: t.coordinating, deadlineText: t.deadline_text, output: t.output,
      start: t.start, end: t.end,
    })),
    indicators: extraction.indicators.filter(ownItem).map((i) => ({
      name: i.name, text: i.text, comparator: i.comparator, min: i.min, max: i.max, unit: i.unit, year: i.year, perYear: i.per_year,
      periodFrom: i.period?.from ?? null, periodTo: i.period?.to ?? null, direction: i.direction, kind: i.kind, section: i.section,
      // Read as a task's agency is: the whole name, one specific agency (a list or a collective phrase is left to the reviewer).
      owner: ownerNamed(i), ownerId: ownerOf(ownerNamed(i)), start: i.start, end: i.end,
    })),
    projects: extraction.projects.map((p) => ({
      name: p.name, lead: p.lead, leadId: ownerOf(p.lead), location: p.location, investment: p.investment, areaHa: p.areaHa, lengthKm: p.lengthKm,
      startYear: p.startYear, completionYear: p.completionYear, matchId: null, candidates: [], start: p.start, end: p.end,
      metrics: p.metrics.filter((m) => m.value !== null).map((m) => ({
        label: m.text, value: m.value!, of: m.of, unit: m.unit, measure: m.measure, asOf: m.asOf, year: m.year, start: m.start, end: m.end,
      })),
    })),
    agencies: [...mapping.values()],
    obligations: [],
    amendment,
  };
}

export { unmappedLeads } from "./leads.js";

export interface Change<T> { added: T[]; removed: T[]; changed: Array<{ before: T; after: T }> }
export interface DraftDiff { tasks: Change<TaskDraft>; indicators: Change<IndicatorDraft> }

function diffBy<T>(before: T[], after: T[], key: (x: T) => string, same: (a: T, b: T) => boolean): Change<T> {
  const pending = new Map<string, T[]>();
  for (const b of before) pending.set(key(b), [...(pending.get(key(b)) ?? []), b]);
  const out: Change<T> = { added: [], removed: [], changed: [] };
  for (const a of after) {
    const candidates = pending.get(key(a));
    const match = candidates?.shift();
    if (!match) out.added.push(a);
    else if (!same(match, a)) out.changed.push({ before: match, after: a });
  }
  for (const rest of pending.values()) out.removed.push(...rest);
  return out;
}

/**
 * What a new version of a document changes: tasks matched by section and lead agencies,
 * indicators by name, unit and year; a matched item whose content differs is "changed".
 */
export function diffDrafts(before: Draft, after: Draft): DraftDiff {
  const taskKey = (t: TaskDraft) => `${t.section ?? ""}|${t.lead.map(foldPhrase).sort().join(";")}`;
  const taskSame = (a: TaskDraft, b: TaskDraft) =>
    foldPhrase(a.text) === foldPhrase(b.text) && (a.deadlineText ?? "") === (b.deadlineText ?? "") && a.coordinating.join(";") === b.coordinating.join(";");
  const indicatorKey = (i: IndicatorDraft) => `${foldPhrase(i.name)}|${i.unit ?? ""}|${i.year ?? ""}`;
  const indicatorSame = (a: IndicatorDraft, b: IndicatorDraft) => a.comparator === b.comparator && a.min === b.min && a.max === b.max && a.kind === b.kind;
  return { tasks: diffBy(before.tasks, after.tasks, taskKey, taskSame), indicators: diffBy(before.indicators, after.indicators, indicatorKey, indicatorSame) };
}
