import { readsDrafts } from "../accounts/policy.js";
import { idParams } from "../core/fields.js";
import { keptJson, route } from "../http/route.js";
import { jsonBytes } from "../core/json.js";
import { untilWrite } from "../audit/write-mark.js";
import { valuesFromReportedFigures } from "../plans/reported-figures.js";
import { flagChainBelow } from "../plans/amendment-flags.js";
import { resyncVersionsBy } from "../plans/amendments.js";
import { forgetVersionsBy } from "../plans/amendments.js";
import { createDocument, createLink, deleteDocument, deleteLink, getLink, listLinks, replaceOutline, updateDocument, updateLink } from "./commands.js";
import { documentInput, documentListQuery, documentPatch, linkInput, linkListQuery, linkPatch, outlineInput } from "./inputs.js";
import { documentGraph, getDocument, listDocuments } from "./queries.js";

const tag = "documents";
/** The largest page of the document list kept until a write (the web app asks for 50). */
const KEPT_PAGE_SIZE = 100;

export const documentRoutes = [
  route({ method: "get", path: "/api/documents", tag, access: "documents.read", summary: "List documents (paged; filter by text, type, issuer, year, status)", query: documentListQuery,
    handler: async ({ ctx, query }) => {
      // A page is the same for every reader with the same rights until a write: read once and encoded once until then
      // (the register is the page everyone opens first; at national size reading it was most of a request's cost).
      // Pages of up to KEPT_PAGE_SIZE rows, the lists' own sizes: 64 kept are a few MB at most, where pages of 500 could be 30.
      const drafts = readsDrafts(ctx.user!);
      if (query.pageSize > KEPT_PAGE_SIZE) return listDocuments(ctx.read, query, drafts);
      return keptJson(await untilWrite(ctx.read, `documents.page|${drafts}|${JSON.stringify(query)}`,
        async () => jsonBytes(await listDocuments(ctx.read, query, drafts)), { shelf: "pages", aside: ctx.aside }));
    } }),
  route({ method: "get", path: "/api/documents/:id", tag, access: "documents.read", summary: "One document with its text, links and outline", params: idParams,
    handler: ({ ctx, params }) => getDocument(ctx.db, params.id, readsDrafts(ctx.user!)) }),
  route({ method: "get", path: "/api/documents/:id/graph", tag, access: "documents.read", summary: "The implementation cascade: up to the root and down to the leaves", params: idParams,
    handler: ({ ctx, params }) => documentGraph(ctx.db, params.id, readsDrafts(ctx.user!)) }),
  route({ method: "post", path: "/api/documents", tag, access: "documents.write", summary: "Register a document", body: documentInput, status: 201,
    handler: ({ ctx, body }) => createDocument(ctx.db, body) }),
  route({ method: "patch", path: "/api/documents/:id", tag, access: "documents.write", summary: "Update a document (send the version you read)", params: idParams, body: documentPatch,
    handler: async ({ ctx, params, body }) => {
      const written = await updateDocument(ctx.db, params.id, body);
      // Published or taken back: its figures and targets join or leave the matching of reports to plans, and the
      // targets and tasks it amended take, or give up, its versions.
      if (body.status !== undefined) {
        await valuesFromReportedFigures(ctx.db, params.id);
        await resyncVersionsBy(ctx.db, params.id, ctx.user);
      }
      return written;
    } }),
  route({ method: "delete", path: "/api/documents/:id", tag, access: "documents.write", summary: "Delete a document with its links, tasks and indicators", params: idParams, status: 204,
    // What it met is owed again (migration 0016).
    handler: async ({ ctx, params }) => {
      await forgetVersionsBy(ctx.db, params.id, ctx.user); // what it amended is as it was without it (issue 15)
      return deleteDocument(ctx.db, params.id);
    } }),
  route({ method: "put", path: "/api/documents/:id/sections", tag, access: "documents.write", summary: "Replace a plan's outline (sections as numbered in its text)", params: idParams, body: outlineInput,
    handler: ({ ctx, params, body }) => replaceOutline(ctx.db, params.id, body) }),
  route({ method: "get", path: "/api/links", tag, access: "documents.read", summary: "List links between documents", query: linkListQuery,
    handler: ({ ctx, query }) => listLinks(ctx.db, query, readsDrafts(ctx.user!)) }),
  route({ method: "get", path: "/api/links/:id", tag, access: "documents.read", summary: "One link", params: idParams,
    handler: ({ ctx, params }) => getLink(ctx.db, params.id, readsDrafts(ctx.user!)) }),
  route({ method: "post", path: "/api/links", tag, access: "documents.write", summary: "Link two documents (implements, cites, amends, replaces, repeals); one amending, replacing or repealing flags the published documents below the one it changes and notifies their agencies", body: linkInput, status: 201,
    handler: async ({ ctx, body }) => {
      const link = await createLink(ctx.db, body);
      // Issue 15: the documents below the one changed are to be reviewed.
      if (body.kind !== "implements" && body.kind !== "cites") await flagChainBelow(ctx.db, body.toId, body.fromId, body.note ?? null, body.kind);
      return link;
    } }),
  route({ method: "patch", path: "/api/links/:id", tag, access: "documents.write", summary: "Change a link's kind or note", params: idParams, body: linkPatch,
    handler: ({ ctx, params, body }) => updateLink(ctx.db, params.id, body) }),
  route({ method: "delete", path: "/api/links/:id", tag, access: "documents.write", summary: "Remove a link", params: idParams, status: 204,
    handler: ({ ctx, params }) => deleteLink(ctx.db, params.id) }),
];
