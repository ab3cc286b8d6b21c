CREATE TABLE "round_actual_requests" (
	"round_id" integer NOT NULL,
	"indicator_id" integer NOT NULL,
	"year" integer NOT NULL,
	"requested_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "round_actual_requests_round_id_indicator_id_year_pk" PRIMARY KEY("round_id","indicator_id","year")
);
--> statement-breakpoint
CREATE TABLE "submission_actuals" (
	"submission_id" integer NOT NULL,
	"indicator_id" integer NOT NULL,
	"year" integer NOT NULL,
	"value" double precision,
	"explanation" text DEFAULT '' NOT NULL,
	CONSTRAINT "submission_actuals_submission_id_indicator_id_year_pk" PRIMARY KEY("submission_id","indicator_id","year")
);
--> statement-breakpoint
ALTER TABLE "reminder_deliveries" DROP CONSTRAINT "reminder_deliveries_once";--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD COLUMN "manual_on" date;--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD COLUMN "requested_by" integer;--> statement-breakpoint
ALTER TABLE "reporting_round_reporters" ADD COLUMN "due_on" date;--> statement-breakpoint
ALTER TABLE "reporting_rounds" ADD COLUMN "self_review_allowed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "submission_events" ADD COLUMN "item_comments" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "round_actual_requests" ADD CONSTRAINT "round_actual_requests_round_id_reporting_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."reporting_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_actual_requests" ADD CONSTRAINT "round_actual_requests_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_actual_requests" ADD CONSTRAINT "round_actual_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_actuals" ADD CONSTRAINT "submission_actuals_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_actuals" ADD CONSTRAINT "submission_actuals_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reminder_deliveries_once" ON "reminder_deliveries" USING btree ("round_id","offset_days","agency_id") WHERE manual_on is null;--> statement-breakpoint
CREATE UNIQUE INDEX "reminder_deliveries_manual_once" ON "reminder_deliveries" USING btree ("round_id","agency_id","manual_on") WHERE manual_on is not null;--> statement-breakpoint
-- The actual figures a round asks for, and those the agencies give, are in the audit trail like the rest of a round.
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON round_actual_requests FOR EACH ROW EXECUTE FUNCTION audit_row('round_id,indicator_id,year', '');
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON submission_actuals FOR EACH ROW EXECUTE FUNCTION audit_row('submission_id,indicator_id,year', '');
