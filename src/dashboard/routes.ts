import { z } from "zod";
import { can, readsDrafts } from "../accounts/policy.js";
import { id, year } from "../core/fields.js";
import { findDocument } from "../documents/queries.js";
import { keptJson, route, type RequestContext } from "../http/route.js";
import { vietnamDate } from "../reporting/periods.js";
import { cachedDashboardIndicators, cachedDashboardJson, cachedDashboardTasks } from "./dashboard.js";
import { EVALUATIONS } from "../evaluation/indicators.js";
import { TASK_REPORT_STATUSES } from "../reporting/schema.js";

/** The scope asked for, checked: a draft plan only for those who read drafts. */
async function scopeOf(ctx: RequestContext, plan: number | undefined): Promise<number | null> {
  if (!plan) return null;
  return (await findDocument(ctx.read, plan, readsDrafts(ctx.user!))).id;
}

const LISTED = 500;

/** The year asked for (this year in Vietnam by default), with the moment and date it is read at. */
function when(year: number | undefined) {
  const now = new Date(), today = vietnamDate(now);
  return { year: year ?? Number(today.slice(0, 4)), now, today };
}

export const dashboardRoutes = [
  route({ method: "get", path: "/api/dashboard", tag: "dashboard", access: "plans.read", summary: "The leaders' dashboard for a year, province-wide or for one plan: indicator lights and series, tasks by state and agency, on-time reporting, late agencies, projects",
    query: z.object({ year: year.optional(), plan: id.optional() }),
    handler: async ({ ctx, query }) => {
      const planId = await scopeOf(ctx, query.plan);
      const at = when(query.year);
      const json = await cachedDashboardJson(ctx.read, at.year, planId, at.now, at.today, can(ctx.user!, "reporting.read"), ctx.aside);
      return keptJson(json);
    } }),
  route({ method: "get", path: "/api/dashboard/indicators", tag: "dashboard", access: "plans.read", summary: "The indicators behind the dashboard's lights: of a year, province-wide or one plan, by evaluation (the first 500, with the total)",
    query: z.object({ year: year.optional(), plan: id.optional(), status: z.enum(EVALUATIONS).optional() }),
    handler: async ({ ctx, query }) => {
      const planId = await scopeOf(ctx, query.plan);
      const at = when(query.year);
      const found = await cachedDashboardIndicators(ctx.read, at.year, planId, query.status, at.now, at.today, ctx.aside);
      return { items: found.slice(0, LISTED), total: found.length };
    } }),
  route({ method: "get", path: "/api/dashboard/tasks", tag: "dashboard", access: "plans.read", summary: "The tasks behind the dashboard's counts: of a year, province-wide or one plan, by evaluated state and lead agency (the first 500, with the total)",
    query: z.object({ year: year.optional(), plan: id.optional(), state: z.enum(TASK_REPORT_STATUSES).optional(), agency: id.optional() }),
    handler: async ({ ctx, query }) => {
      const planId = await scopeOf(ctx, query.plan);
      const at = when(query.year);
      return cachedDashboardTasks(ctx.read, at.year, planId, { state: query.state, agencyId: query.agency }, at.now, at.today, LISTED, ctx.aside);
    } }),
];
