CREATE TABLE "imports" (
	"id" serial PRIMARY KEY NOT NULL,
	"file_name" text NOT NULL,
	"file_hash" text NOT NULL,
	"file_size" integer NOT NULL,
	"text" text NOT NULL,
	"draft" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"document_id" integer,
	"previous_import_id" integer,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "imports_status" CHECK ("imports"."status" in ('draft', 'published', 'superseded', 'discarded'))
);
--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "imports_hash_idx" ON "imports" USING btree ("file_hash");--> statement-breakpoint
CREATE INDEX "imports_document_idx" ON "imports" USING btree ("document_id");