import { z } from "zod";
import { id, year } from "../core/fields.js";
import { route } from "../http/route.js";
import { vietnamDate } from "../reporting/periods.js";
import { compileReport, reportDocx } from "./consolidated.js";
import { tablesXlsx } from "./xlsx.js";

export const reportRoutes = [
  route({ method: "get", path: "/api/plans/:id/report", tag: "reports", access: "reporting.read", summary: "The consolidated report on a plan for a year, as .docx in the official format (a draft compiled from accepted reports and the evaluation), or its appendices as .xlsx (format=xlsx)",
    params: z.object({ id }), query: z.object({ year, format: z.enum(["docx", "xlsx"]).default("docx") }),
    handler: async ({ ctx, params, query }) => {
      const report = await compileReport(ctx.db, params.id, query.year, vietnamDate(new Date()));
      const docx = query.format === "docx";
      return new Response(new Uint8Array(docx ? await reportDocx(report) : await tablesXlsx(report.appendices)), { headers: {
        "content-type": docx ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": `attachment; filename="bao-cao-ke-hoach-${params.id}-nam-${query.year}${docx ? ".docx" : "-phu-luc.xlsx"}"`,
      } });
    } }),
];
