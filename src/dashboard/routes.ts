import { z } from "zod";
import { can, readsDrafts } from "../accounts/policy.js";
import { notFound } from "../core/errors.js";
import { id, year } from "../core/fields.js";
import { documents } from "../documents/schema.js";
import { route } from "../http/route.js";
import { vietnamDate } from "../reporting/periods.js";
import { findById } from "../storage/records.js";
import { cachedDashboard, withoutReporting } from "./dashboard.js";

export const dashboardRoutes = [
  route({ method: "get", path: "/api/dashboard", tag: "dashboard", access: "plans.read", summary: "The leaders' dashboard for a year, province-wide or for one plan: indicator lights and series, tasks by state and agency, on-time reporting, late agencies, projects",
    query: z.object({ year: year.optional(), plan: id.optional() }),
    handler: async ({ ctx, query }) => {
      if (query.plan) {
        const plan = await findById(ctx.db, documents, query.plan);
        if (plan.status !== "published" && !readsDrafts(ctx.user!)) throw notFound();
      }
      const now = new Date(), today = vietnamDate(now);
      const dashboard = await cachedDashboard(ctx.db, query.year ?? Number(today.slice(0, 4)), query.plan ?? null, now, today);
      return can(ctx.user!, "reporting.read") ? dashboard : withoutReporting(dashboard);
    } }),
];
