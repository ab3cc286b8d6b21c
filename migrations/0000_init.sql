CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agencies" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"kind" text NOT NULL,
	"parent_id" integer,
	"valid_from" date,
	"valid_to" date,
	"search_folded" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agencies_code_unique" UNIQUE("code"),
	CONSTRAINT "agencies_kind" CHECK ("agencies"."kind" in ('ppc', 'department', 'board', 'armed_force', 'district', 'commune', 'ministry', 'party_body', 'council', 'other')),
	CONSTRAINT "agencies_valid_range" CHECK ("agencies"."valid_to" is null or "agencies"."valid_from" is null or "agencies"."valid_to" >= "agencies"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "agency_successions" (
	"predecessor_id" integer NOT NULL,
	"successor_id" integer NOT NULL,
	"effective_date" date NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	CONSTRAINT "agency_successions_predecessor_id_successor_id_pk" PRIMARY KEY("predecessor_id","successor_id"),
	CONSTRAINT "agency_successions_kind" CHECK ("agency_successions"."kind" in ('rename', 'merge', 'split', 'transfer')),
	CONSTRAINT "agency_successions_not_self" CHECK ("agency_successions"."predecessor_id" <> "agency_successions"."successor_id")
);
--> statement-breakpoint
CREATE TABLE "document_links" (
	"id" serial PRIMARY KEY NOT NULL,
	"from_id" integer NOT NULL,
	"to_id" integer NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_links_kind" CHECK ("document_links"."kind" in ('implements', 'cites', 'amends', 'replaces')),
	CONSTRAINT "document_links_not_self" CHECK ("document_links"."from_id" <> "document_links"."to_id")
);
--> statement-breakpoint
CREATE TABLE "document_sections" (
	"id" serial PRIMARY KEY NOT NULL,
	"document_id" integer NOT NULL,
	"parent_id" integer,
	"number" text NOT NULL,
	"title" text,
	"level" integer NOT NULL,
	"position" integer NOT NULL,
	"start_offset" integer,
	"end_offset" integer
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" serial PRIMARY KEY NOT NULL,
	"symbol" text,
	"symbol_key" text,
	"number" text,
	"symbol_year" integer,
	"type_code" text,
	"issuer_code" text,
	"doc_type" text NOT NULL,
	"issuer_id" integer,
	"issuer_text" text,
	"issued_on" date,
	"issued_text" text,
	"signer" text,
	"title" text NOT NULL,
	"full_text" text,
	"source_file" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"stub" boolean DEFAULT false NOT NULL,
	"search_folded" text DEFAULT '' NOT NULL,
	"body_folded" text DEFAULT '' NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple', search_folded), 'A') || setweight(to_tsvector('simple', body_folded), 'D')) STORED,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_doc_type" CHECK ("documents"."doc_type" in ('resolution', 'conclusion', 'decision', 'programme', 'plan', 'directive', 'notice', 'report', 'submission', 'guidance', 'decree', 'circular', 'regulation', 'scheme', 'letter', 'joint_circular', 'rule', 'law', 'other')),
	CONSTRAINT "documents_status" CHECK ("documents"."status" in ('draft', 'published'))
);
--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"id" serial PRIMARY KEY NOT NULL,
	"indicator_id" integer NOT NULL,
	"period" text NOT NULL,
	"period_year" integer NOT NULL,
	"agency_id" integer,
	"value" double precision NOT NULL,
	"kind" text NOT NULL,
	"source_document_id" integer,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_values_uq" UNIQUE NULLS NOT DISTINCT("indicator_id","period","agency_id","kind"),
	CONSTRAINT "indicator_values_kind" CHECK ("indicator_values"."kind" in ('actual', 'estimate', 'plan'))
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" serial PRIMARY KEY NOT NULL,
	"document_id" integer NOT NULL,
	"name" text NOT NULL,
	"unit" text,
	"comparator" text NOT NULL,
	"min" double precision,
	"max" double precision,
	"target_year" integer,
	"per_year" boolean DEFAULT false NOT NULL,
	"period_from" integer,
	"period_to" integer,
	"baseline_value" double precision,
	"baseline_year" integer,
	"direction" text DEFAULT 'higher' NOT NULL,
	"owner_id" integer,
	"section_id" integer,
	"section_number" text,
	"source_text" text,
	"start_offset" integer,
	"end_offset" integer,
	"search_folded" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicators_comparator" CHECK ("indicators"."comparator" in ('=', '>', '>=', '<', '<=', 'range', 'approx')),
	CONSTRAINT "indicators_direction" CHECK ("indicators"."direction" in ('higher', 'lower')),
	CONSTRAINT "indicators_bounds" CHECK ("indicators"."min" is null or "indicators"."max" is null or "indicators"."min" <= "indicators"."max"),
	CONSTRAINT "indicators_period" CHECK ("indicators"."period_from" is null or "indicators"."period_to" is null or "indicators"."period_from" <= "indicators"."period_to")
);
--> statement-breakpoint
CREATE TABLE "project_metrics" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"label" text NOT NULL,
	"value" double precision NOT NULL,
	"of" double precision,
	"unit" text,
	"as_of" date,
	"source_document_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" serial PRIMARY KEY NOT NULL,
	"document_id" integer,
	"name" text NOT NULL,
	"description" text,
	"lead_id" integer,
	"search_folded" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_agencies" (
	"task_id" integer NOT NULL,
	"agency_id" integer NOT NULL,
	"role" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "task_agencies_task_id_agency_id_role_pk" PRIMARY KEY("task_id","agency_id","role"),
	CONSTRAINT "task_agencies_role" CHECK ("task_agencies"."role" in ('lead', 'coordinating'))
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" serial PRIMARY KEY NOT NULL,
	"document_id" integer NOT NULL,
	"text" text NOT NULL,
	"deadline_kind" text DEFAULT 'none' NOT NULL,
	"deadline_date" date,
	"deadline_year" integer,
	"deadline_day" integer,
	"deadline_month" integer,
	"period_from" integer,
	"period_to" integer,
	"deadline_text" text,
	"expected_output" text,
	"status" text DEFAULT 'open' NOT NULL,
	"section_id" integer,
	"section_number" text,
	"source_text" text,
	"start_offset" integer,
	"end_offset" integer,
	"search_folded" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tasks_deadline_kind" CHECK ("tasks"."deadline_kind" in ('date', 'year', 'yearly', 'ongoing', 'period', 'none')),
	CONSTRAINT "tasks_status" CHECK ("tasks"."status" in ('open', 'completed', 'cancelled'))
);
--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_parent_id_agencies_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."agencies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_successions" ADD CONSTRAINT "agency_successions_predecessor_id_agencies_id_fk" FOREIGN KEY ("predecessor_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_successions" ADD CONSTRAINT "agency_successions_successor_id_agencies_id_fk" FOREIGN KEY ("successor_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_links" ADD CONSTRAINT "document_links_from_id_documents_id_fk" FOREIGN KEY ("from_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_links" ADD CONSTRAINT "document_links_to_id_documents_id_fk" FOREIGN KEY ("to_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_sections" ADD CONSTRAINT "document_sections_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_issuer_id_agencies_id_fk" FOREIGN KEY ("issuer_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_source_document_id_documents_id_fk" FOREIGN KEY ("source_document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_owner_id_agencies_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_section_id_document_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."document_sections"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_metrics" ADD CONSTRAINT "project_metrics_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_metrics" ADD CONSTRAINT "project_metrics_source_document_id_documents_id_fk" FOREIGN KEY ("source_document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_lead_id_agencies_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_agencies" ADD CONSTRAINT "task_agencies_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_agencies" ADD CONSTRAINT "task_agencies_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_section_id_document_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."document_sections"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agencies_parent_idx" ON "agencies" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "agencies_search_idx" ON "agencies" USING gin (to_tsvector('simple', "search_folded"));--> statement-breakpoint
CREATE INDEX "agency_successions_successor_idx" ON "agency_successions" USING btree ("successor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "document_links_uq" ON "document_links" USING btree ("from_id","to_id","kind");--> statement-breakpoint
CREATE INDEX "document_links_to_idx" ON "document_links" USING btree ("to_id","kind");--> statement-breakpoint
CREATE INDEX "document_sections_doc_idx" ON "document_sections" USING btree ("document_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_symbol_key_uq" ON "documents" USING btree ("symbol_key");--> statement-breakpoint
CREATE INDEX "documents_issued_idx" ON "documents" USING btree ("issued_on" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "documents_type_idx" ON "documents" USING btree ("doc_type");--> statement-breakpoint
CREATE INDEX "documents_issuer_idx" ON "documents" USING btree ("issuer_id");--> statement-breakpoint
CREATE INDEX "documents_search_idx" ON "documents" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "indicator_values_year_idx" ON "indicator_values" USING btree ("indicator_id","period_year");--> statement-breakpoint
CREATE INDEX "indicators_document_idx" ON "indicators" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "indicators_owner_idx" ON "indicators" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "indicators_search_idx" ON "indicators" USING gin (to_tsvector('simple', "search_folded"));--> statement-breakpoint
CREATE INDEX "project_metrics_project_idx" ON "project_metrics" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "projects_document_idx" ON "projects" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "projects_search_idx" ON "projects" USING gin (to_tsvector('simple', "search_folded"));--> statement-breakpoint
CREATE INDEX "task_agencies_agency_idx" ON "task_agencies" USING btree ("agency_id","role");--> statement-breakpoint
CREATE INDEX "tasks_document_idx" ON "tasks" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "tasks_search_idx" ON "tasks" USING gin (to_tsvector('simple', "search_folded"));