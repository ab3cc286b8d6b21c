/** Amendments (issue 15): versions of targets and tasks in force from a day, their history, and the flags on documents below one changed. */
import { z } from "zod";
import { readsDrafts } from "../accounts/policy.js";
import { idParams } from "../core/fields.js";
import { findDocument } from "../documents/queries.js";
import { route } from "../http/route.js";
import { listFlags, resolveFlag } from "./amendment-flags.js";
import { addTargetVersion, addTaskVersion, targetVersionInput, taskVersionInput, versionHistory } from "./amendments.js";

const tag = "amendments";

export const amendmentRoutes = [
  route({ method: "post", path: "/api/indicators/:id/target-versions", tag, access: "plans.write",
    summary: "Add a target in force from a day (an amendment); the original is kept as the version in force from the start, and the indicator takes the version in force today",
    params: idParams, body: targetVersionInput, status: 201,
    handler: ({ ctx, params, body }) => addTargetVersion(ctx.db, ctx.user!.id, params.id, body, readsDrafts(ctx.user!)) }),
  route({ method: "post", path: "/api/tasks/:id/versions", tag, access: "plans.write",
    summary: "Add a task's wording or deadline in force from a day, or cancel it from that day (a provision repealed); the original is kept",
    params: idParams, body: taskVersionInput, status: 201,
    handler: ({ ctx, params, body }) => addTaskVersion(ctx.db, ctx.user, params.id, body, readsDrafts(ctx.user!)) }),
  route({ method: "get", path: "/api/documents/:id/versions", tag, access: "plans.read", summary: "A document's changed targets and tasks, each with every version and the day it took effect",
    params: idParams,
    handler: async ({ ctx, params }) => {
      await findDocument(ctx.db, params.id, readsDrafts(ctx.user!));
      return versionHistory(ctx.db, params.id, readsDrafts(ctx.user!));
    } }),
  route({ method: "get", path: "/api/documents/:id/flags", tag, access: "documents.read", summary: "A document's flags to review because a document above it changed (open ones; all=1 for the reviewed too)",
    params: idParams, query: z.object({ all: z.enum(["0", "1"]).optional() }),
    handler: ({ ctx, params, query }) => listFlags(ctx.db, params.id, readsDrafts(ctx.user!), query.all === "1") }),
  route({ method: "post", path: "/api/document-flags/:id/resolve", tag, access: "documents.write", summary: "Mark a flag reviewed", params: idParams,
    handler: ({ ctx, params }) => resolveFlag(ctx.db, params.id, ctx.user!.id, readsDrafts(ctx.user!)) }),
];
