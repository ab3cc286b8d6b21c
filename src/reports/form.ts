/**
 * A report's form as the focal point sets it, per scope and year (report_drafts.form): the template
 * (Decree 30 or the Party's), its title, number, issuing body's header, recipients and signer. What
 * is not set stays drafted from the scope (see reportIssuer). Validated at the edge by
 * `reportFormSchema`; `applyForm` lays it over the drafted body.
 */
import { z } from "zod";
import { REPORT_TEMPLATES, type IssuingBody, type ReportTemplate } from "./issuing-body.js";

/** Limits: what fits a header, a subject, a line of Nơi nhận. */
export const FORM_LIMITS = { title: 500, number: 10, header: 200, headerLines: 4, recipient: 200, recipients: 30, name: 100, signerTitle: 100 } as const;

/** One line of text: trimmed, no control characters (a header or a name is never several paragraphs). */
const line = (max: number) => z.string().trim().max(max).refine((s) => !/[\u0000-\u001f\u007f]/u.test(s), { params: { key: "form_control_characters" } });

export const reportFormSchema = z.object({
  template: z.enum(REPORT_TEMPLATES).optional(),
  /** The subject under "BÁO CÁO"; empty: the drafted one. */
  title: line(FORM_LIMITS.title).optional(),
  /** The number the clerk gives it ("125"), without the symbol; empty: left blank. */
  number: z.string().trim().max(FORM_LIMITS.number).refine((s) => /^\d*$/u.test(s), { params: { key: "report_number_malformed" } }).optional(),
  /** The issuing body's header, one line each ("Tỉnh ủy Lạng Sơn", or "Đảng bộ tỉnh Lạng Sơn" over "Tỉnh ủy"). */
  header: z.string().trim().max(FORM_LIMITS.header)
    .refine((s) => s.split("\n").length <= FORM_LIMITS.headerLines && !/[\u0000-\u0009\u000b-\u001f\u007f]/u.test(s), { params: { key: "report_header_malformed" } }).optional(),
  /** Nơi nhận, one line each, with its own punctuation ("Ban Kinh tế Trung ương (b/c),"); empty list: the drafted ones. */
  recipients: z.array(line(FORM_LIMITS.recipient).refine((s) => s.length > 0, { params: { key: "field_required" } })).max(FORM_LIMITS.recipients).optional(),
  signer: z.object({
    /** The signer's title under the authority line ("PHÓ BÍ THƯ THƯỜNG TRỰC"). */
    title: line(FORM_LIMITS.signerTitle).optional(),
    name: line(FORM_LIMITS.name).optional(),
  }).strict().optional(),
}).strict();

export type ReportForm = z.infer<typeof reportFormSchema>;

/** The stored form, read defensively: a row written before a field changed loses only that field. */
export function readForm(stored: unknown): ReportForm {
  const parsed = reportFormSchema.safeParse(stored ?? {});
  if (parsed.success) return parsed.data;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries((stored ?? {}) as Record<string, unknown>)) {
    const one = reportFormSchema.safeParse({ [key]: value });
    if (one.success) Object.assign(out, one.data);
  }
  return out as ReportForm;
}

/** The template a report is written in: the form's choice, else the scope's own. */
export const templateOf = (form: ReportForm, scopeDefault: ReportTemplate, override?: ReportTemplate) => override ?? form.template ?? scopeDefault;

/** The drafted body with the form's header, recipients and signer laid over it. */
export function applyForm(body: IssuingBody, form: ReportForm): IssuingBody & { signer: string | null; number: string | null } {
  const authority = [...body.authority];
  // The signer's title replaces the last authority line ("CHỦ TỊCH", "BÍ THƯ"); the "on behalf" line (TM., T/M) stays.
  if (form.signer?.title) authority.splice(authority.length > 1 ? authority.length - 1 : 0, 1, form.signer.title);
  return {
    ...body,
    header: form.header || body.header,
    recipients: form.recipients?.length ? form.recipients : body.recipients,
    authority,
    signer: form.signer?.name || null,
    number: form.number || null,
  };
}
