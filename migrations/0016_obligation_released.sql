-- A document deleted takes back what it met: the foreign key's SET NULL clears only the document's id, and the rule
-- that a met obligation names its document (document_obligations_met) would refuse the deletion. Clearing the id
-- clears how, by whom and when it was met too, whatever clears it, so the obligation is owed again.
CREATE FUNCTION document_obligation_released() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.fulfilled_how := NULL;
  NEW.fulfilled_by_user := NULL;
  NEW.fulfilled_at := NULL;
  IF NEW.version = OLD.version THEN
    NEW.version := OLD.version + 1;
    NEW.updated_at := now();
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER released BEFORE UPDATE OF fulfilled_by_id ON document_obligations FOR EACH ROW
  WHEN (NEW.fulfilled_by_id IS NULL AND OLD.fulfilled_by_id IS NOT NULL) EXECUTE FUNCTION document_obligation_released();
