/**
 * A document evaluated with everything below it in its chain: a resolution rolls up the programmes and
 * plans implementing it and the departments' plans under those, each task once and each target once (an
 * indicator serving another of the scope counts in that one's light), each saying which document it
 * comes from, with the counts of each document (its own, all of them) for the drill-down.
 */
import { scopeDocuments, type ChainMember } from "../documents/queries.js";
import type { Database } from "../storage/database.js";
import { emptyIndicatorCounts, emptyTaskCounts, evaluatePlans, foldServing, type PlanEvaluation } from "./plan.js";

type Counts = Pick<PlanEvaluation, "taskCounts" | "indicatorCounts">;
/** A document of a chain with its own counts (zero for one with nothing to follow, a stub). */
export type ChainDocument = ChainMember & Counts;

/** The chain's documents with their own counts, as evaluatePlans (or the dashboard's figures) gave them. */
export function withCounts(members: ChainMember[], evaluated: Map<number, Counts>): ChainDocument[] {
  return members.map((m) => ({ ...m, taskCounts: evaluated.get(m.id)?.taskCounts ?? emptyTaskCounts(), indicatorCounts: evaluated.get(m.id)?.indicatorCounts ?? emptyIndicatorCounts() }));
}
export interface ChainEvaluation extends PlanEvaluation {
  indicators: (PlanEvaluation["indicators"][number] & { documentId: number })[];
  tasks: (PlanEvaluation["tasks"][number] & { documentId: number })[];
  /** The scope's documents, the top first, each with its own counts. */
  documents: ChainDocument[];
}

/** `drafts`: whether draft documents below count (see scopeDocuments); the caller checks the top itself. */
export async function evaluateChain(db: Database, documentId: number, year: number, today: string, drafts: boolean): Promise<ChainEvaluation> {
  const members = await scopeDocuments(db, documentId, drafts);
  const evaluated = await evaluatePlans(db, members.map((m) => m.id), year, today, drafts);
  const out: ChainEvaluation = { year, indicators: [], tasks: [], taskCounts: emptyTaskCounts(), indicatorCounts: emptyIndicatorCounts(), documents: withCounts(members, evaluated) };
  for (const m of members) {
    const e = evaluated.get(m.id);
    if (!e) continue;
    out.indicators.push(...e.indicators.map((i) => ({ ...i, documentId: m.id })));
    out.tasks.push(...e.tasks.map((t) => ({ ...t, documentId: m.id })));
    for (const [k, v] of Object.entries(e.taskCounts)) out.taskCounts[k as keyof Counts["taskCounts"]] += v;
  }
  out.indicators = foldServing(out.indicators);
  for (const i of out.indicators) out.indicatorCounts[i.evaluation.status]++;
  return out;
}
