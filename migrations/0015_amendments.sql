CREATE TABLE "document_flags" (
	"id" serial PRIMARY KEY NOT NULL,
	"document_id" integer NOT NULL,
	"change_id" integer NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" integer
);
--> statement-breakpoint
CREATE TABLE "indicator_targets" (
	"id" serial PRIMARY KEY NOT NULL,
	"indicator_id" integer NOT NULL,
	"in_force_from" date,
	"comparator" text NOT NULL,
	"min" double precision,
	"max" double precision,
	"target_year" integer,
	"per_year" boolean DEFAULT false NOT NULL,
	"period_from" integer,
	"period_to" integer,
	"direction" text DEFAULT 'higher' NOT NULL,
	"source_document_id" integer,
	"source_text" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_targets_comparator" CHECK ("indicator_targets"."comparator" in ('=', '>', '>=', '<', '<=', 'range', 'approx')),
	CONSTRAINT "indicator_targets_direction" CHECK ("indicator_targets"."direction" in ('higher', 'lower')),
	CONSTRAINT "indicator_targets_bounds" CHECK ("indicator_targets"."min" is null or "indicator_targets"."max" is null or "indicator_targets"."min" <= "indicator_targets"."max")
);
--> statement-breakpoint
CREATE TABLE "task_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"task_id" integer NOT NULL,
	"in_force_from" date,
	"text" text NOT NULL,
	"deadline_kind" text NOT NULL,
	"deadline_date" date,
	"deadline_year" integer,
	"deadline_day" integer,
	"deadline_month" integer,
	"period_from" integer,
	"period_to" integer,
	"deadline_text" text,
	"cancelled" boolean DEFAULT false NOT NULL,
	"source_document_id" integer,
	"source_text" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_versions_deadline_kind" CHECK ("task_versions"."deadline_kind" in ('date', 'year', 'yearly', 'ongoing', 'period', 'none'))
);
--> statement-breakpoint
ALTER TABLE "document_links" DROP CONSTRAINT "document_links_kind";--> statement-breakpoint
ALTER TABLE "report_obligations" DROP CONSTRAINT "report_obligations_offset";--> statement-breakpoint
ALTER TABLE "document_flags" ADD CONSTRAINT "document_flags_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_flags" ADD CONSTRAINT "document_flags_change_id_documents_id_fk" FOREIGN KEY ("change_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_flags" ADD CONSTRAINT "document_flags_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_source_document_id_documents_id_fk" FOREIGN KEY ("source_document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_versions" ADD CONSTRAINT "task_versions_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_versions" ADD CONSTRAINT "task_versions_source_document_id_documents_id_fk" FOREIGN KEY ("source_document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_versions" ADD CONSTRAINT "task_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "document_flags_uq" ON "document_flags" USING btree ("document_id","change_id");--> statement-breakpoint
CREATE INDEX "document_flags_open_idx" ON "document_flags" USING btree ("document_id") WHERE resolved_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_targets_in_force_uq" ON "indicator_targets" USING btree ("indicator_id",coalesce("in_force_from", '0001-01-01'::date));--> statement-breakpoint
CREATE UNIQUE INDEX "task_versions_in_force_uq" ON "task_versions" USING btree ("task_id",coalesce("in_force_from", '0001-01-01'::date));--> statement-breakpoint
ALTER TABLE "document_links" ADD CONSTRAINT "document_links_kind" CHECK ("document_links"."kind" in ('implements', 'cites', 'amends', 'replaces', 'repeals'));--> statement-breakpoint
ALTER TABLE "report_obligations" ADD CONSTRAINT "report_obligations_offset" CHECK ("report_obligations"."due_month_offset" between -11 and 12);--> statement-breakpoint
-- Versions of targets and tasks, and the flags an amendment raises below, are in the audit trail like the rest.
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON indicator_targets FOR EACH ROW EXECUTE FUNCTION audit_row('id', '');--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON task_versions FOR EACH ROW EXECUTE FUNCTION audit_row('id', '');--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON document_flags FOR EACH ROW EXECUTE FUNCTION audit_row('id', '');
