-- An agency's tasks in document order without reading each task's row: task_agencies gives the task ids from its
-- index alone, tasks_place_idx each one's document and offset, documents_status_idx whether that document is
-- published (src/plans/tasks.ts listTasks).
DROP INDEX "task_agencies_agency_idx";--> statement-breakpoint
CREATE INDEX "documents_status_idx" ON "documents" USING btree ("id","status");--> statement-breakpoint
CREATE INDEX "tasks_place_idx" ON "tasks" USING btree ("id","document_id","start_offset");--> statement-breakpoint
CREATE INDEX "task_agencies_agency_idx" ON "task_agencies" USING btree ("agency_id","role","task_id");