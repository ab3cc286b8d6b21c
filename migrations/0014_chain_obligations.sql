CREATE TABLE "document_obligations" (
	"id" serial PRIMARY KEY NOT NULL,
	"task_id" integer NOT NULL,
	"agency_id" integer NOT NULL,
	"doc_type" text NOT NULL,
	"output_text" text,
	"due_on" date,
	"fulfilled_by_id" integer,
	"fulfilled_how" text,
	"fulfilled_by_user" integer,
	"fulfilled_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_obligations_task_agency_uq" UNIQUE("task_id","agency_id"),
	CONSTRAINT "document_obligations_doc_type" CHECK ("document_obligations"."doc_type" in ('resolution', 'conclusion', 'decision', 'programme', 'plan', 'directive', 'notice', 'report', 'submission', 'guidance', 'decree', 'circular', 'regulation', 'scheme', 'letter', 'joint_circular', 'rule', 'law', 'other')),
	CONSTRAINT "document_obligations_fulfilled_how" CHECK ("document_obligations"."fulfilled_how" is null or "document_obligations"."fulfilled_how" in ('matched', 'confirmed', 'set')),
	CONSTRAINT "document_obligations_met" CHECK (("document_obligations"."fulfilled_by_id" is null) = ("document_obligations"."fulfilled_how" is null))
);
--> statement-breakpoint
CREATE TABLE "indicator_contributions" (
	"indicator_id" integer NOT NULL,
	"serves_id" integer NOT NULL,
	"confirmed_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_contributions_indicator_id_serves_id_pk" PRIMARY KEY("indicator_id","serves_id"),
	CONSTRAINT "indicator_contributions_not_self" CHECK ("indicator_contributions"."indicator_id" <> "indicator_contributions"."serves_id")
);
--> statement-breakpoint
CREATE TABLE "report_obligation_sends" (
	"obligation_id" integer NOT NULL,
	"period" text NOT NULL,
	"document_id" integer,
	"symbol" text,
	"sent_on" date NOT NULL,
	"note" text,
	"recorded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_obligation_sends_obligation_id_period_pk" PRIMARY KEY("obligation_id","period")
);
--> statement-breakpoint
CREATE TABLE "report_obligations" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"requested_by_id" integer,
	"subject_id" integer,
	"reporter_id" integer NOT NULL,
	"recipient_id" integer,
	"recipient_text" text NOT NULL,
	"frequency" text NOT NULL,
	"due_on" date,
	"due_day" integer,
	"due_month_offset" integer DEFAULT 0 NOT NULL,
	"from_year" integer,
	"to_year" integer,
	"note" text,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_obligations_frequency" CHECK ("report_obligations"."frequency" in ('once', 'year', 'half', 'quarter', 'month')),
	CONSTRAINT "report_obligations_due" CHECK (("report_obligations"."frequency" = 'once') = ("report_obligations"."due_on" is not null) and ("report_obligations"."frequency" = 'once' or "report_obligations"."due_day" between 1 and 31)),
	CONSTRAINT "report_obligations_offset" CHECK ("report_obligations"."due_month_offset" between 0 and 12),
	CONSTRAINT "report_obligations_years" CHECK ("report_obligations"."from_year" is null or "report_obligations"."to_year" is null or "report_obligations"."from_year" <= "report_obligations"."to_year")
);
--> statement-breakpoint
ALTER TABLE "report_drafts" ADD COLUMN "form" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "document_obligations" ADD CONSTRAINT "document_obligations_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_obligations" ADD CONSTRAINT "document_obligations_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_obligations" ADD CONSTRAINT "document_obligations_fulfilled_by_id_documents_id_fk" FOREIGN KEY ("fulfilled_by_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_obligations" ADD CONSTRAINT "document_obligations_fulfilled_by_user_users_id_fk" FOREIGN KEY ("fulfilled_by_user") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_contributions" ADD CONSTRAINT "indicator_contributions_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_contributions" ADD CONSTRAINT "indicator_contributions_serves_id_indicators_id_fk" FOREIGN KEY ("serves_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_contributions" ADD CONSTRAINT "indicator_contributions_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_obligation_sends" ADD CONSTRAINT "report_obligation_sends_obligation_id_report_obligations_id_fk" FOREIGN KEY ("obligation_id") REFERENCES "public"."report_obligations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_obligation_sends" ADD CONSTRAINT "report_obligation_sends_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_obligation_sends" ADD CONSTRAINT "report_obligation_sends_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_obligations" ADD CONSTRAINT "report_obligations_requested_by_id_documents_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_obligations" ADD CONSTRAINT "report_obligations_subject_id_documents_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_obligations" ADD CONSTRAINT "report_obligations_reporter_id_agencies_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."agencies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_obligations" ADD CONSTRAINT "report_obligations_recipient_id_agencies_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_obligations" ADD CONSTRAINT "report_obligations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_obligations_agency_idx" ON "document_obligations" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "document_obligations_fulfilled_idx" ON "document_obligations" USING btree ("fulfilled_by_id");--> statement-breakpoint
CREATE INDEX "indicator_contributions_serves_idx" ON "indicator_contributions" USING btree ("serves_id");--> statement-breakpoint
CREATE INDEX "report_obligations_reporter_idx" ON "report_obligations" USING btree ("reporter_id");--> statement-breakpoint
CREATE INDEX "report_obligations_subject_idx" ON "report_obligations" USING btree ("subject_id");--> statement-breakpoint
-- Who met which obligation, who linked which indicator to which, and what was recorded as sent upward, are in the
-- audit trail like the rest (and so move the dashboards' write mark); so are projects' links and reports (0013).
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON document_obligations FOR EACH ROW EXECUTE FUNCTION audit_row('id', '');--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON indicator_contributions FOR EACH ROW EXECUTE FUNCTION audit_row('indicator_id,serves_id', '');--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON report_obligations FOR EACH ROW EXECUTE FUNCTION audit_row('id', '');--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON report_obligation_sends FOR EACH ROW EXECUTE FUNCTION audit_row('obligation_id,period', '');--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON project_documents FOR EACH ROW EXECUTE FUNCTION audit_row('project_id,document_id', '');--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON submission_projects FOR EACH ROW EXECUTE FUNCTION audit_row('submission_id,project_id', '');
