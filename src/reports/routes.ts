import { z } from "zod";
import { id, year } from "../core/fields.js";
import { route } from "../http/route.js";
import { vietnamDate } from "../reporting/periods.js";
import { compileReport, reportDocx } from "./consolidated.js";

export const reportRoutes = [
  route({ method: "get", path: "/api/plans/:id/report", tag: "reports", access: "reporting.read", summary: "The consolidated report on a plan for a year, as .docx in the official format (a draft compiled from accepted reports and the evaluation)",
    params: z.object({ id }), query: z.object({ year }),
    handler: async ({ ctx, params, query }) => {
      const report = await compileReport(ctx.db, params.id, query.year, vietnamDate(new Date()));
      return new Response(new Uint8Array(await reportDocx(report)), { headers: {
        "content-type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "content-disposition": `attachment; filename="bao-cao-ke-hoach-${params.id}-nam-${query.year}.docx"`,
      } });
    } }),
];
