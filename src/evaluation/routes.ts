import { z } from "zod";
import { readsDrafts } from "../accounts/policy.js";
import { id, year } from "../core/fields.js";
import { findDocument } from "../documents/queries.js";
import { route } from "../http/route.js";
import { vietnamDate } from "../reporting/periods.js";
import { evaluatePlan } from "./plan.js";

export const evaluationRoutes = [
  route({ method: "get", path: "/api/plans/:id/evaluation", tag: "evaluation", access: "plans.read", summary: "A plan evaluated for a year: indicators against targets (with the reason), tasks in the Government Office's categories, and the counts",
    params: z.object({ id }), query: z.object({ year: year.optional() }),
    handler: async ({ ctx, params, query }) => {
      const drafts = readsDrafts(ctx.user!);
      const plan = await findDocument(ctx.db, params.id, drafts);
      const today = vietnamDate(new Date());
      return evaluatePlan(ctx.db, plan.id, query.year ?? Number(today.slice(0, 4)), today, drafts);
    } }),
];
