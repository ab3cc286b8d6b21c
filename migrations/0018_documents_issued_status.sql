-- The lists' order with the status after it: a page of the published record deep in the list (OFFSET) finds its ids
-- in the index alone, and reads the rows of those 50 only.
DROP INDEX "documents_issued_idx";--> statement-breakpoint
CREATE INDEX "documents_issued_idx" ON "documents" USING btree ("issued_on" DESC NULLS LAST,"id" DESC NULLS LAST,"status");