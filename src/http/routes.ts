/** Every domain's routes, in the order the OpenAPI document lists them. */
import { accountRoutes } from "../accounts/routes.js";
import { agencyRoutes } from "../agencies/routes.js";
import { documentRoutes } from "../documents/routes.js";
import { importRoutes } from "../imports/routes.js";
import { planRoutes } from "../plans/routes.js";
import { obligationRoutes } from "../plans/obligation-routes.js";
import { amendmentRoutes } from "../plans/amendment-routes.js";
import { searchRoutes } from "../search/routes.js";
import { reportingRoutes } from "../reporting/routes.js";
import { upwardRoutes } from "../reporting/upward-routes.js";
import { auditRoutes } from "../audit/routes.js";
import { evaluationRoutes } from "../evaluation/routes.js";
import { reportRoutes } from "../reports/routes.js";
import { dashboardRoutes } from "../dashboard/routes.js";
import type { RouteSpec } from "./route.js";

export const allRoutes = (): RouteSpec[] => [...accountRoutes, ...documentRoutes, ...importRoutes, ...agencyRoutes, ...planRoutes, ...obligationRoutes, ...amendmentRoutes, ...searchRoutes, ...reportingRoutes, ...upwardRoutes, ...evaluationRoutes, ...dashboardRoutes, ...reportRoutes, ...auditRoutes];
