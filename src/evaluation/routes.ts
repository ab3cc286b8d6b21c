import { z } from "zod";
import { readsDrafts } from "../accounts/policy.js";
import { notFound } from "../core/errors.js";
import { id, year } from "../core/fields.js";
import { documents } from "../documents/schema.js";
import { route } from "../http/route.js";
import { vietnamDate } from "../reporting/periods.js";
import { findById } from "../storage/records.js";
import { evaluatePlan } from "./plan.js";

export const evaluationRoutes = [
  route({ method: "get", path: "/api/plans/:id/evaluation", tag: "evaluation", access: "plans.read", summary: "A plan evaluated for a year: indicators against targets (with the reason), tasks in the Government Office's categories, and the counts",
    params: z.object({ id }), query: z.object({ year: year.optional() }),
    handler: async ({ ctx, params, query }) => {
      const plan = await findById(ctx.db, documents, params.id);
      if (plan.status !== "published" && !readsDrafts(ctx.user!)) throw notFound();
      const today = vietnamDate(new Date());
      return evaluatePlan(ctx.db, plan.id, query.year ?? Number(today.slice(0, 4)), today);
    } }),
];
