import { z } from "zod";
import { readsDrafts } from "../accounts/policy.js";
import { id, year } from "../core/fields.js";
import { findDocument } from "../documents/queries.js";
import { keptJson, route } from "../http/route.js";
import { jsonBytes } from "../core/json.js";
import { vietnamDate } from "../reporting/periods.js";
import { untilChainChanges } from "../dashboard/figures.js";
import { evaluateChain } from "./chain.js";

export const evaluationRoutes = [
  route({ method: "get", path: "/api/plans/:id/evaluation", tag: "evaluation", access: "plans.read", summary: "A document evaluated for a year with everything below it in its chain (a resolution, a programme, a plan): indicators against targets (with the reason), tasks in the Government Office's categories, each with its document, and the counts of each document",
    params: z.object({ id }), query: z.object({ year: year.optional() }), heavy: true,
    handler: async ({ ctx, params, query }) => {
      const plan = await findDocument(ctx.read, params.id, readsDrafts(ctx.user!));
      const today = vietnamDate(new Date());
      const year = query.year ?? Number(today.slice(0, 4));
      // The published record, as on the dashboard: drafts (below, or values from them) count only on a draft's own evaluation.
      const ownDrafts = plan.status !== "published";
      // Kept until a write touches the chain: twenty readers of one plan cost one evaluation, and values typed into
      // other plans cost none. (The mark is read before the bounded transaction takes its connection: ten readers
      // each holding one while waiting on it left none.)
      // Kept as the JSON sent: a province's plan is 200 KB of it, and writing it out again for each of twenty readers
      // was most of what a kept evaluation cost. Readers waiting on another's evaluation lend their slot meanwhile.
      const kept = await untilChainChanges(ctx.db, `evaluation|${plan.id}|${year}|${today}|${ownDrafts}`, async () => {
        const evaluation = await ctx.bounded((db) => evaluateChain(db, plan.id, year, today, ownDrafts));
        return { json: jsonBytes(evaluation), documents: evaluation.documents.map((d) => d.id) };
      }, (k) => k.documents, ctx.aside);
      return keptJson(kept.json);
    } }),
];
