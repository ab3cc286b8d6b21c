import { z } from "zod";
import { AppError } from "../core/errors.js";
import { idParams } from "../core/fields.js";
import { UnreadableFileError } from "../extraction/read.js";
import { route } from "../http/route.js";
import { discardImport, readImport, storeImport, publishImport, saveDraft } from "./commands.js";
import { draftSchema } from "./draft.js";
import { getImport, importListQuery, listImports } from "./queries.js";

const versionBody = z.object({ version: z.number().int().positive() });

export const importRoutes = [
  route({ method: "get", path: "/api/imports", tag: "imports", access: "imports.read", summary: "List imports (filter by status or document)", query: importListQuery,
    handler: ({ ctx, query }) => listImports(ctx.db, query) }),
  route({ method: "get", path: "/api/imports/:id", tag: "imports", access: "imports.read", summary: "One import: its text, its draft, unmapped lead agencies, changes from the published version", params: idParams,
    handler: ({ ctx, params }) => getImport(ctx.db, params.id) }),
  route({ method: "post", path: "/api/imports", tag: "imports", access: "imports.write", summary: "Upload a document (.docx, .pdf with text, .txt) as multipart field \"file\"; answers the draft", upload: {}, status: 201,
    // Reading takes seconds: no transaction is held meanwhile.
    transaction: false,
    handler: async ({ ctx, upload }) => {
      try {
        const read = await readImport(ctx.db, upload!);
        const created = await ctx.write((tx) => storeImport(tx, read));
        return getImport(ctx.db, created.id);
      } catch (e) {
        // The reader's message names the problem and says what to do, in the reader's language.
        if (e instanceof UnreadableFileError) throw new AppError("validation", [{ field: "file", message: e.messages[ctx.lang] }], "file_unreadable");
        throw e;
      }
    } }),
  route({ method: "put", path: "/api/imports/:id/draft", tag: "imports", access: "imports.write", summary: "Save the edited draft (send the version you read)", params: idParams,
    body: z.object({ draft: draftSchema, version: z.number().int().positive() }),
    handler: async ({ ctx, params, body }) => { await saveDraft(ctx.db, params.id, body); return getImport(ctx.db, params.id); } }),
  route({ method: "post", path: "/api/imports/:id/publish", tag: "imports", access: "imports.write", summary: "Publish the draft: the document, its links, tasks, indicators and projects, in one transaction", params: idParams, body: versionBody,
    handler: ({ ctx, params, body }) => publishImport(ctx.db, params.id, body.version, ctx.user?.id ?? null) }),
  route({ method: "post", path: "/api/imports/:id/discard", tag: "imports", access: "imports.write", summary: "Discard a draft", params: idParams, body: versionBody,
    handler: ({ ctx, params, body }) => discardImport(ctx.db, params.id, body.version) }),
];
