import { z } from "zod";
import { id } from "../core/fields.js";
import { route } from "../http/route.js";
import { listAuditEvents } from "./audit.js";

const auditQuery = z.object({
  table: z.string().max(100).optional(), rowKey: z.string().max(200).optional(), actorId: id.optional(), action: z.string().max(200).optional(),
  before: z.coerce.number().int().positive().optional(), limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const auditRoutes = [
  route({ method: "get", path: "/api/audit", tag: "audit", access: "audit.read", summary: "The audit trail, newest first (filter by table, row, actor, action; page with `before`)", query: auditQuery,
    handler: ({ ctx, query }) => listAuditEvents(ctx.db, query) }),
];
