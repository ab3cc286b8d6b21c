import { idParams } from "../core/fields.js";
import { route } from "../http/route.js";
import { createAgency, replaceSuccessors, updateAgency } from "./commands.js";
import { agencyInput, agencyListQuery, agencyPatch, restructureInput, successorsInput } from "./inputs.js";
import { restructureAgency } from "./restructure.js";
import { getAgency, listAgencies, listSuccessions } from "./queries.js";

const tag = "agencies";

export const agencyRoutes = [
  route({ method: "get", path: "/api/agencies", tag, access: "agencies.read", summary: "List agencies (paged; filter by text, kind, parent, date)", query: agencyListQuery,
    handler: ({ ctx, query }) => listAgencies(ctx.db, query) }),
  route({ method: "get", path: "/api/agencies/successions", tag, access: "agencies.read", summary: "Every succession (rename, merge, split) with its date",
    handler: ({ ctx }) => listSuccessions(ctx.db) }),
  route({ method: "get", path: "/api/agencies/:id", tag, access: "agencies.read", summary: "One agency with its successors and predecessors", params: idParams,
    handler: ({ ctx, params }) => getAgency(ctx.db, params.id) }),
  route({ method: "post", path: "/api/agencies", tag, access: "agencies.write", summary: "Create an agency", body: agencyInput, status: 201,
    handler: ({ ctx, body }) => createAgency(ctx.db, body) }),
  route({ method: "patch", path: "/api/agencies/:id", tag, access: "agencies.write", summary: "Update an agency (send the version you read)", params: idParams, body: agencyPatch,
    handler: ({ ctx, params, body }) => updateAgency(ctx.db, params.id, body) }),
  route({ method: "put", path: "/api/agencies/:id/successors", tag, access: "agencies.restructure", summary: "Replace an agency's successors (send the agency's version you read)", params: idParams, body: successorsInput,
    handler: ({ ctx, params, body }) => replaceSuccessors(ctx.db, params.id, body) }),

  route({ method: "post", path: "/api/agencies/:id/restructure", tag, access: "agencies.restructure", summary: "Rename, merge or split an agency from a date: its open tasks, indicators and future rounds move to the successors (send the agency's version you read)", params: idParams, body: restructureInput,
    handler: ({ ctx, params, body }) => restructureAgency(ctx.db, params.id, body) }),
];
