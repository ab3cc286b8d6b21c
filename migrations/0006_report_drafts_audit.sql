-- The focal point's edits to a report's narrative are changes like any other: in the audit trail.
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON report_drafts FOR EACH ROW EXECUTE FUNCTION audit_row('id', '');
