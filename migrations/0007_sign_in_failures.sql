CREATE TABLE "sign_in_failures" (
	"name_hash" text PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"locked_until" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "sign_in_failures_updated_idx" ON "sign_in_failures" USING btree ("updated_at");--> statement-breakpoint
-- Failures counted on accounts so far, and their locks, carry over, keyed as src/accounts/sessions.ts keys names.
INSERT INTO "sign_in_failures" ("name_hash", "failures", "locked_until")
  SELECT encode(sha256(convert_to("username", 'UTF8')), 'hex'), "failed_logins", "locked_until" FROM "users"
  WHERE "failed_logins" > 0 OR "locked_until" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "failed_logins";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "locked_until";--> statement-breakpoint
-- Failed sign-ins, locks and unlocks stay in the audit trail (an account's under its name), as they were when counted on users.
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON sign_in_failures FOR EACH ROW EXECUTE FUNCTION audit_row('name_hash', '');
