ALTER TABLE "tasks" ADD COLUMN "status_reason" text;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "status_on" date;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "status_evidence" text;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "status_set_by" integer;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "status_set_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_status_set_by_users_id_fk" FOREIGN KEY ("status_set_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;