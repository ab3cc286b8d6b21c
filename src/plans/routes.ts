import { z } from "zod";
import { id, idParams } from "../core/fields.js";
import { megabytes } from "../text/numbers.js";
import { route } from "../http/route.js";
import { readsDrafts } from "../accounts/policy.js";
import { vietnamDate } from "../reporting/periods.js";
import { confirmContribution, documentContributions, removeContribution, restateTargets } from "./contributions.js";
import { createIndicator, createValue, deleteIndicator, deleteValue, getIndicator, getValue, listIndicators, listValues, updateIndicator, updateValue } from "./indicators.js";
import {
  indicatorInput, indicatorListQuery, indicatorPatch, metricInput, metricPatch, projectInput, projectListQuery, projectPatch,
  taskInput, taskListQuery, taskPatch, valueInput, valueListQuery, valuePatch,
} from "./inputs.js";
import { createMetric, createProject, deleteMetric, deleteProject, getMetric, getProject, listProjects, updateMetric, updateProject } from "./projects.js";
import { createTask, deleteTask, getTask, listTasks, updateTask } from "./tasks.js";
import { readValueFile, VALUES_MAX_BYTES } from "./value-file.js";
import { importValues } from "./value-import.js";

export const planRoutes = [
  route({ method: "get", path: "/api/tasks", tag: "tasks", access: "plans.read", summary: "List tasks (filter by plan, agency and role, status, text)", query: taskListQuery,
    handler: ({ ctx, query }) => listTasks(ctx.db, query, readsDrafts(ctx.user!)) }),
  route({ method: "get", path: "/api/tasks/:id", tag: "tasks", access: "plans.read", summary: "One task with its agencies", params: idParams,
    handler: ({ ctx, params }) => getTask(ctx.db, params.id, readsDrafts(ctx.user!)) }),
  route({ method: "post", path: "/api/tasks", tag: "tasks", access: "plans.write", summary: "Create a task", body: taskInput, status: 201,
    handler: ({ ctx, body }) => createTask(ctx.db, body) }),
  route({ method: "patch", path: "/api/tasks/:id", tag: "tasks", access: "plans.write", summary: "Update a task (send the version you read); a status completed or cancelled needs statusReason, and records who set it", params: idParams, body: taskPatch,
    handler: ({ ctx, params, body }) => updateTask(ctx.db, params.id, body, ctx.user) }),
  route({ method: "delete", path: "/api/tasks/:id", tag: "tasks", access: "plans.write", summary: "Delete a task", params: idParams, status: 204,
    handler: ({ ctx, params }) => deleteTask(ctx.db, params.id) }),

  route({ method: "get", path: "/api/indicators", tag: "indicators", access: "plans.read", summary: "List indicators (filter by plan, owner, text)", query: indicatorListQuery,
    handler: ({ ctx, query }) => listIndicators(ctx.db, query, readsDrafts(ctx.user!)) }),
  route({ method: "get", path: "/api/indicators/:id", tag: "indicators", access: "plans.read", summary: "One indicator", params: idParams,
    handler: ({ ctx, params }) => getIndicator(ctx.db, params.id, readsDrafts(ctx.user!)) }),
  route({ method: "post", path: "/api/indicators", tag: "indicators", access: "plans.write", summary: "Create an indicator", body: indicatorInput, status: 201,
    handler: ({ ctx, body }) => createIndicator(ctx.db, body) }),
  route({ method: "patch", path: "/api/indicators/:id", tag: "indicators", access: "plans.write", summary: "Update an indicator", params: idParams, body: indicatorPatch,
    handler: ({ ctx, params, body }) => updateIndicator(ctx.db, params.id, body) }),
  route({ method: "delete", path: "/api/indicators/:id", tag: "indicators", access: "plans.write", summary: "Delete an indicator and its values", params: idParams, status: 204,
    handler: ({ ctx, params }) => deleteIndicator(ctx.db, params.id) }),

  route({ method: "get", path: "/api/documents/:id/contributions", tag: "indicators", access: "plans.read", summary: "A document's indicators with the indicators of documents above it that each serves, those below that serve it, and suggestions of what it may serve (same unit, close names)", params: idParams,
    handler: ({ ctx, params }) => documentContributions(ctx.db, params.id, readsDrafts(ctx.user!)) }),
  route({ method: "post", path: "/api/documents/:id/restated-targets", tag: "indicators", access: "plans.write", summary: "Give a document above (a resolution or programme known only from citations) the targets a lower document in its chain restates: each copied, or matched by name, and linked as served by the lower indicator",
    params: idParams, body: z.object({ fromId: id, indicatorIds: z.array(id).min(1).max(500) }), status: 201,
    handler: ({ ctx, params, body }) => restateTargets(ctx.db, ctx.user!.id, params.id, body, readsDrafts(ctx.user!)) }),
  route({ method: "put", path: "/api/indicators/:id/serves/:servesId", tag: "indicators", access: "plans.write", summary: "Confirm that an indicator serves an indicator of a document above it in its chain (its values then fill that target's years without values of its own)",
    params: z.object({ id, servesId: id }),
    handler: ({ ctx, params }) => confirmContribution(ctx.db, ctx.user!.id, params.id, params.servesId, readsDrafts(ctx.user!)) }),
  route({ method: "delete", path: "/api/indicators/:id/serves/:servesId", tag: "indicators", access: "plans.write", summary: "Remove the link between an indicator and the one it serves", params: z.object({ id, servesId: id }), status: 204,
    handler: ({ ctx, params }) => removeContribution(ctx.db, params.id, params.servesId) }),

  route({ method: "get", path: "/api/values", tag: "indicator values", access: "plans.read", summary: "List indicator values", query: valueListQuery,
    handler: ({ ctx, query }) => listValues(ctx.db, query, readsDrafts(ctx.user!)) }),
  route({ method: "post", path: "/api/values/import", tag: "indicator values", access: "plans.write",
    summary: `Import a series of values from .xlsx or .csv (multipart field "file", at most ${megabytes(VALUES_MAX_BYTES, "en")}): columns indicator (id or name), year or period, value (8.310,18), kind (thực hiện/ước/kế hoạch), source; or an indicator a row and a column per year. Within a plan (documentId) or for one indicator (indicatorId). With preview=1, what each row would add or replace and each row's problems; otherwise all or nothing`,
    query: z.object({ preview: z.enum(["0", "1"]).optional(), documentId: id.optional(), indicatorId: id.optional() }),
    upload: { maxBytes: VALUES_MAX_BYTES, tooLarge: "values_too_large" },
    // The file is read before the transaction opens.
    transaction: false,
    handler: async ({ ctx, query, upload }) => {
      const grid = await readValueFile(upload!.bytes);
      return ctx.write((tx) => importValues(tx, grid, { documentId: query.documentId, indicatorId: query.indicatorId }, query.preview === "1", ctx.lang));
    } }),
  route({ method: "get", path: "/api/values/:id", tag: "indicator values", access: "plans.read", summary: "One indicator value", params: idParams,
    handler: ({ ctx, params }) => getValue(ctx.db, params.id, readsDrafts(ctx.user!)) }),
  route({ method: "post", path: "/api/values", tag: "indicator values", access: "plans.write", summary: "Record a value (actual, estimate, plan)", body: valueInput, status: 201,
    handler: ({ ctx, body }) => createValue(ctx.db, body) }),
  route({ method: "patch", path: "/api/values/:id", tag: "indicator values", access: "plans.write", summary: "Update a value", params: idParams, body: valuePatch,
    handler: ({ ctx, params, body }) => updateValue(ctx.db, params.id, body) }),
  route({ method: "delete", path: "/api/values/:id", tag: "indicator values", access: "plans.write", summary: "Delete a value", params: idParams, status: 204,
    handler: ({ ctx, params }) => deleteValue(ctx.db, params.id) }),

  route({ method: "get", path: "/api/projects", tag: "projects", access: "plans.read", summary: "Key projects with their evaluation, by plan, lead agency, words and state", query: projectListQuery,
    handler: ({ ctx, query }) => listProjects(ctx.db, query, readsDrafts(ctx.user!), vietnamDate(new Date())) }),
  route({ method: "get", path: "/api/projects/:id", tag: "projects", access: "plans.read", summary: "One project: its facts, the documents naming it, its dated figures and its evaluation", params: idParams,
    handler: ({ ctx, params }) => getProject(ctx.db, params.id, readsDrafts(ctx.user!), vietnamDate(new Date())) }),
  route({ method: "post", path: "/api/projects", tag: "projects", access: "plans.write", summary: "Create a key project", body: projectInput, status: 201,
    handler: ({ ctx, body }) => createProject(ctx.db, body, vietnamDate(new Date())) }),
  route({ method: "patch", path: "/api/projects/:id", tag: "projects", access: "plans.write", summary: "Update a project", params: idParams, body: projectPatch,
    handler: ({ ctx, params, body }) => updateProject(ctx.db, params.id, body, vietnamDate(new Date())) }),
  route({ method: "delete", path: "/api/projects/:id", tag: "projects", access: "plans.write", summary: "Delete a project and its metrics", params: idParams, status: 204,
    handler: ({ ctx, params }) => deleteProject(ctx.db, params.id) }),
  route({ method: "post", path: "/api/projects/:id/metrics", tag: "projects", access: "plans.write", summary: "Add a measured figure to a project", params: idParams, body: metricInput, status: 201,
    handler: ({ ctx, params, body }) => createMetric(ctx.db, params.id, body) }),
  route({ method: "get", path: "/api/project-metrics/:id", tag: "projects", access: "plans.read", summary: "One project figure", params: idParams,
    handler: ({ ctx, params }) => getMetric(ctx.db, params.id, readsDrafts(ctx.user!)) }),
  route({ method: "patch", path: "/api/project-metrics/:id", tag: "projects", access: "plans.write", summary: "Update a project figure", params: idParams, body: metricPatch,
    handler: ({ ctx, params, body }) => updateMetric(ctx.db, params.id, body) }),
  route({ method: "delete", path: "/api/project-metrics/:id", tag: "projects", access: "plans.write", summary: "Delete a project figure", params: idParams, status: 204,
    handler: ({ ctx, params }) => deleteMetric(ctx.db, params.id) }),
];
