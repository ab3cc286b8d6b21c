CREATE TABLE "evidence_files" (
	"id" serial PRIMARY KEY NOT NULL,
	"submission_id" integer NOT NULL,
	"task_id" integer,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"kind" text NOT NULL,
	"round_id" integer,
	"agency_id" integer,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "reminder_deliveries" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"offset_days" integer NOT NULL,
	"agency_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recipients" text[] DEFAULT '{}'::text[] NOT NULL,
	"email_status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"lease_until" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"message_id" text,
	"last_error" text,
	CONSTRAINT "reminder_deliveries_once" UNIQUE("round_id","offset_days","agency_id"),
	CONSTRAINT "reminder_deliveries_email_status" CHECK ("reminder_deliveries"."email_status" in ('pending', 'sending', 'sent', 'failed', 'no_recipient', 'disabled', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "reminder_steps" (
	"round_id" integer NOT NULL,
	"offset_days" integer NOT NULL,
	CONSTRAINT "reminder_steps_round_id_offset_days_pk" PRIMARY KEY("round_id","offset_days")
);
--> statement-breakpoint
CREATE TABLE "reporting_round_plans" (
	"round_id" integer NOT NULL,
	"document_id" integer NOT NULL,
	CONSTRAINT "reporting_round_plans_round_id_document_id_pk" PRIMARY KEY("round_id","document_id")
);
--> statement-breakpoint
CREATE TABLE "reporting_round_reporters" (
	"round_id" integer NOT NULL,
	"agency_id" integer NOT NULL,
	CONSTRAINT "reporting_round_reporters_round_id_agency_id_pk" PRIMARY KEY("round_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "reporting_rounds" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"period_kind" text NOT NULL,
	"period_year" integer NOT NULL,
	"period_number" integer,
	"period_label" text NOT NULL,
	"window_from" date NOT NULL,
	"window_to" date NOT NULL,
	"due_on" date NOT NULL,
	"coordinator_id" integer,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reporting_rounds_period_kind" CHECK ("reporting_rounds"."period_kind" in ('year', 'half', 'quarter', 'month')),
	CONSTRAINT "reporting_rounds_status" CHECK ("reporting_rounds"."status" in ('open', 'closed')),
	CONSTRAINT "reporting_rounds_window" CHECK ("reporting_rounds"."window_from" <= "reporting_rounds"."window_to")
);
--> statement-breakpoint
CREATE TABLE "submission_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"submission_id" integer NOT NULL,
	"kind" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"actor_id" integer,
	"actor_name" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "submission_events_kind" CHECK ("submission_events"."kind" in ('submitted', 'withdrawn', 'returned', 'accepted'))
);
--> statement-breakpoint
CREATE TABLE "submission_indicators" (
	"submission_id" integer NOT NULL,
	"indicator_id" integer NOT NULL,
	"value" double precision,
	"value_kind" text DEFAULT 'actual' NOT NULL,
	"explanation" text DEFAULT '' NOT NULL,
	CONSTRAINT "submission_indicators_submission_id_indicator_id_pk" PRIMARY KEY("submission_id","indicator_id"),
	CONSTRAINT "submission_indicators_kind" CHECK ("submission_indicators"."value_kind" in ('actual', 'estimate'))
);
--> statement-breakpoint
CREATE TABLE "submission_tasks" (
	"submission_id" integer NOT NULL,
	"task_id" integer NOT NULL,
	"role" text NOT NULL,
	"status" text,
	"progress" integer,
	"narrative" text DEFAULT '' NOT NULL,
	CONSTRAINT "submission_tasks_submission_id_task_id_pk" PRIMARY KEY("submission_id","task_id"),
	CONSTRAINT "submission_tasks_status" CHECK ("submission_tasks"."status" is null or "submission_tasks"."status" in ('completed_on_time', 'completed_late', 'in_progress', 'overdue', 'not_started')),
	CONSTRAINT "submission_tasks_progress" CHECK ("submission_tasks"."progress" is null or "submission_tasks"."progress" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "submissions" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"agency_id" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"results" text DEFAULT '' NOT NULL,
	"difficulties" text DEFAULT '' NOT NULL,
	"proposals" text DEFAULT '' NOT NULL,
	"first_submitted_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"reviewed_at" timestamp with time zone,
	"updated_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "submissions_round_agency_uq" UNIQUE("round_id","agency_id"),
	CONSTRAINT "submissions_status" CHECK ("submissions"."status" in ('draft', 'submitted', 'returned', 'accepted'))
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"actor_id" integer,
	"actor_name" text,
	"action" text,
	"table_name" text NOT NULL,
	"row_key" text NOT NULL,
	"operation" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	CONSTRAINT "audit_events_operation" CHECK ("audit_events"."operation" in ('insert', 'update', 'delete'))
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_round_id_reporting_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."reporting_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_round_id_reporting_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."reporting_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_steps" ADD CONSTRAINT "reminder_steps_round_id_reporting_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."reporting_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_round_plans" ADD CONSTRAINT "reporting_round_plans_round_id_reporting_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."reporting_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_round_plans" ADD CONSTRAINT "reporting_round_plans_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_round_reporters" ADD CONSTRAINT "reporting_round_reporters_round_id_reporting_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."reporting_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_round_reporters" ADD CONSTRAINT "reporting_round_reporters_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_rounds" ADD CONSTRAINT "reporting_rounds_coordinator_id_agencies_id_fk" FOREIGN KEY ("coordinator_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_rounds" ADD CONSTRAINT "reporting_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_events" ADD CONSTRAINT "submission_events_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_events" ADD CONSTRAINT "submission_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_indicators" ADD CONSTRAINT "submission_indicators_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_indicators" ADD CONSTRAINT "submission_indicators_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_tasks" ADD CONSTRAINT "submission_tasks_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_tasks" ADD CONSTRAINT "submission_tasks_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_round_id_reporting_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."reporting_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evidence_files_submission_idx" ON "evidence_files" USING btree ("submission_id");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "reminder_deliveries_email_idx" ON "reminder_deliveries" USING btree ("email_status");--> statement-breakpoint
CREATE INDEX "reporting_round_plans_document_idx" ON "reporting_round_plans" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "reporting_round_reporters_agency_idx" ON "reporting_round_reporters" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "reporting_rounds_due_idx" ON "reporting_rounds" USING btree ("due_on");--> statement-breakpoint
CREATE INDEX "submission_events_submission_idx" ON "submission_events" USING btree ("submission_id");--> statement-breakpoint
CREATE INDEX "submission_tasks_task_idx" ON "submission_tasks" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "submissions_agency_idx" ON "submissions" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "audit_events_row_idx" ON "audit_events" USING btree ("table_name","row_key");--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_id");