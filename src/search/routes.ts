import { z } from "zod";
import { readsDrafts } from "../accounts/policy.js";
import { route } from "../http/route.js";
import { search, SEARCH_KINDS } from "./search.js";

const searchQuery = z.object({
  q: z.string().max(500),
  /** Comma-separated kinds to search; all by default. */
  kinds: z.string().optional().transform((s) => (s ? s.split(",") : [...SEARCH_KINDS])).pipe(z.array(z.enum(SEARCH_KINDS))),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const searchRoutes = [
  route({ method: "get", path: "/api/search", tag: "search", access: "search", summary: "Search documents, tasks and indicators, ignoring accents and case", query: searchQuery,
    handler: ({ ctx, query }) => search(ctx.read, query.q, query.kinds, query.limit, readsDrafts(ctx.user!)) }),
];
