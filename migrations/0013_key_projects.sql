CREATE TABLE "project_documents" (
	"project_id" integer NOT NULL,
	"document_id" integer NOT NULL,
	"role" text NOT NULL,
	"name_as_written" text,
	CONSTRAINT "project_documents_project_id_document_id_pk" PRIMARY KEY("project_id","document_id"),
	CONSTRAINT "project_documents_role" CHECK ("project_documents"."role" in ('carries', 'reports'))
);
--> statement-breakpoint
CREATE TABLE "submission_projects" (
	"submission_id" integer NOT NULL,
	"project_id" integer NOT NULL,
	"allocated" double precision,
	"disbursed" double precision,
	"cleared_ha" double precision,
	"built_km" double precision,
	"progress" double precision,
	"narrative" text DEFAULT '' NOT NULL,
	"explanation" text DEFAULT '' NOT NULL,
	CONSTRAINT "submission_projects_submission_id_project_id_pk" PRIMARY KEY("submission_id","project_id"),
	CONSTRAINT "submission_projects_progress" CHECK ("submission_projects"."progress" is null or "submission_projects"."progress" between 0 and 100),
	CONSTRAINT "submission_projects_amounts" CHECK (coalesce("submission_projects"."allocated", 0) >= 0 and coalesce("submission_projects"."disbursed", 0) >= 0 and coalesce("submission_projects"."cleared_ha", 0) >= 0 and coalesce("submission_projects"."built_km", 0) >= 0)
);
--> statement-breakpoint
DROP INDEX "project_metrics_project_idx";--> statement-breakpoint
ALTER TABLE "project_metrics" ADD COLUMN "measure" text;--> statement-breakpoint
ALTER TABLE "project_metrics" ADD COLUMN "year" integer;--> statement-breakpoint
ALTER TABLE "project_metrics" ADD COLUMN "agency_id" integer;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "location" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "investment" double precision;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "capital_sources" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "area_ha" double precision;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "length_km" double precision;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "starts_on" date;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "clearance_due_on" date;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "completes_on" date;--> statement-breakpoint
ALTER TABLE "project_documents" ADD CONSTRAINT "project_documents_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_documents" ADD CONSTRAINT "project_documents_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_projects" ADD CONSTRAINT "submission_projects_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_projects" ADD CONSTRAINT "submission_projects_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_documents_document_idx" ON "project_documents" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "submission_projects_project_idx" ON "submission_projects" USING btree ("project_id");--> statement-breakpoint
ALTER TABLE "project_metrics" ADD CONSTRAINT "project_metrics_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "projects_lead_idx" ON "projects" USING btree ("lead_id");--> statement-breakpoint
CREATE INDEX "project_metrics_project_idx" ON "project_metrics" USING btree ("project_id","measure");--> statement-breakpoint
ALTER TABLE "project_metrics" ADD CONSTRAINT "project_metrics_measure" CHECK ("project_metrics"."measure" is null or "project_metrics"."measure" in ('clearance', 'length', 'investment', 'capital_planned', 'capital_allocated', 'disbursed', 'progress'));--> statement-breakpoint
-- Projects recorded before this migration were each named by one document: it carries them, or reports on them if it is a report.
INSERT INTO "project_documents" ("project_id", "document_id", "role", "name_as_written")
SELECT p."id", p."document_id", CASE WHEN d."doc_type" = 'report' THEN 'reports' ELSE 'carries' END, p."name"
FROM "projects" p JOIN "documents" d ON d."id" = p."document_id";
