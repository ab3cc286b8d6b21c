/** Documents owed (issue 15): who has issued what a document's chain asked for, and the focal point setting what met it. */
import { z } from "zod";
import { readsDrafts } from "../accounts/policy.js";
import { id, idParams } from "../core/fields.js";
import { route } from "../http/route.js";
import { vietnamDate } from "../reporting/periods.js";
import { setFulfilment } from "./obligation-matching.js";
import { listObligations, obligationListQuery } from "./obligation-queries.js";

export const obligationRoutes = [
  route({ method: "get", path: "/api/documents/:id/obligations", tag: "documents", access: "documents.read",
    summary: "The documents owed under a document and its whole chain below: each agency, what was asked, due, issued on time or late, overdue or not yet due, the days late and the document that met it (filter by state, agency)",
    params: idParams, query: obligationListQuery,
    handler: ({ ctx, params, query }) => listObligations(ctx.db, params.id, query, readsDrafts(ctx.user!), vietnamDate(new Date())) }),
  route({ method: "put", path: "/api/obligations/:id/fulfilment", tag: "documents", access: "plans.write",
    summary: "Set the published document that meets an obligation (one implementing its plan), or with documentId null unset it (send the version you read)",
    params: idParams, body: z.object({ documentId: id.nullable(), version: z.number().int().positive() }),
    handler: async ({ ctx, params, body }) => {
      await setFulfilment(ctx.db, params.id, body, ctx.user?.id ?? null, vietnamDate(new Date()));
      return { id: params.id };
    } }),
];
