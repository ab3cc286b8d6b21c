-- The audit trail's writers: one trigger function on every audited table (see src/audit/schema.ts).
-- The actor and the use case come from transaction-local settings set by asActor (src/audit/audit.ts).
-- Arguments: the primary key's columns, then the columns left out (secrets, derived search text, bulk content).
CREATE FUNCTION audit_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  key_columns text[] := string_to_array(TG_ARGV[0], ',');
  hidden text[] := coalesce(string_to_array(nullif(TG_ARGV[1], ''), ','), '{}');
  old_row jsonb;
  new_row jsonb;
  changed_before jsonb;
  changed_after jsonb;
  row_key text;
BEGIN
  IF current_setting('theodoi.audit_off', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN old_row := to_jsonb(OLD) - hidden; END IF;
  IF TG_OP <> 'DELETE' THEN new_row := to_jsonb(NEW) - hidden; END IF;
  IF TG_OP = 'UPDATE' THEN
    SELECT jsonb_object_agg(k, old_row -> k), jsonb_object_agg(k, new_row -> k)
      INTO changed_before, changed_after
      FROM jsonb_object_keys(new_row) AS k
      WHERE (new_row -> k) IS DISTINCT FROM (old_row -> k) AND k NOT IN ('updated_at', 'version');
    -- A hidden secret or bulk column (a password hash, a draft, a file) that changed is named, its value not:
    -- a password reset shows as one. Derived search columns are left out altogether.
    SELECT coalesce(changed_before, '{}'::jsonb) || coalesce(jsonb_object_agg(h, '[hidden]'), '{}'::jsonb),
           coalesce(changed_after, '{}'::jsonb) || coalesce(jsonb_object_agg(h, '[changed]'), '{}'::jsonb)
      INTO changed_before, changed_after
      FROM unnest(hidden) AS h
      WHERE h NOT LIKE '%\_folded' AND h NOT LIKE '%\_vector' AND (to_jsonb(OLD) -> h) IS DISTINCT FROM (to_jsonb(NEW) -> h);
    -- Nothing a person would see changed (only derived columns, the version or the time stamp).
    IF changed_after = '{}'::jsonb THEN RETURN NULL; END IF;
    old_row := changed_before;
    new_row := changed_after;
  END IF;
  SELECT string_agg(coalesce(to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END) ->> c, ''), '/' ORDER BY ord)
    INTO row_key
    FROM unnest(key_columns) WITH ORDINALITY AS u(c, ord);
  INSERT INTO audit_events (actor_id, actor_name, action, table_name, row_key, operation, "before", "after")
  VALUES (
    nullif(current_setting('theodoi.actor_id', true), '')::integer,
    nullif(current_setting('theodoi.actor_name', true), ''),
    nullif(current_setting('theodoi.action', true), ''),
    TG_TABLE_NAME, row_key, lower(TG_OP), old_row, new_row
  );
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON agencies FOR EACH ROW EXECUTE FUNCTION audit_row('id', 'search_folded');
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON agency_successions FOR EACH ROW EXECUTE FUNCTION audit_row('predecessor_id,successor_id', '');
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON documents FOR EACH ROW EXECUTE FUNCTION audit_row('id', 'full_text,search_folded,body_folded,search_vector');
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON document_links FOR EACH ROW EXECUTE FUNCTION audit_row('id', '');
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON indicators FOR EACH ROW EXECUTE FUNCTION audit_row('id', 'search_folded');
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON indicator_values FOR EACH ROW EXECUTE FUNCTION audit_row('id', '');
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON tasks FOR EACH ROW EXECUTE FUNCTION audit_row('id', 'search_folded');
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON task_agencies FOR EACH ROW EXECUTE FUNCTION audit_row('task_id,agency_id,role', '');
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON projects FOR EACH ROW EXECUTE FUNCTION audit_row('id', 'search_folded');
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON project_metrics FOR EACH ROW EXECUTE FUNCTION audit_row('id', '');
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON imports FOR EACH ROW EXECUTE FUNCTION audit_row('id', 'text,draft');
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON users FOR EACH ROW EXECUTE FUNCTION audit_row('id', 'password_hash');
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON user_agencies FOR EACH ROW EXECUTE FUNCTION audit_row('user_id,agency_id', '');
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON reporting_rounds FOR EACH ROW EXECUTE FUNCTION audit_row('id', '');
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON reporting_round_plans FOR EACH ROW EXECUTE FUNCTION audit_row('round_id,document_id', '');
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON reporting_round_reporters FOR EACH ROW EXECUTE FUNCTION audit_row('round_id,agency_id', '');
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON reminder_steps FOR EACH ROW EXECUTE FUNCTION audit_row('round_id,offset_days', '');
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON reminder_deliveries FOR EACH ROW EXECUTE FUNCTION audit_row('id', '');
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON submissions FOR EACH ROW EXECUTE FUNCTION audit_row('id', '');
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON submission_tasks FOR EACH ROW EXECUTE FUNCTION audit_row('submission_id,task_id', '');
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON submission_indicators FOR EACH ROW EXECUTE FUNCTION audit_row('submission_id,indicator_id', '');
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON submission_events FOR EACH ROW EXECUTE FUNCTION audit_row('id', '');
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON evidence_files FOR EACH ROW EXECUTE FUNCTION audit_row('id', 'content');
