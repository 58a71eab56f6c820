-- Optimistic concurrency on the records officers edit from a page they loaded earlier: notices,
-- diffusions and records carry a version that every update raises by one. A client sends the version
-- it read with an edit or a state change; the service compares it with the locked row inside the
-- transaction and refuses a stale write (problem code "stale") instead of overwriting what another
-- user did meanwhile.
--
-- A trigger raises the version rather than each UPDATE statement: every path that changes these rows
-- (services, the UN import, expiry, a subject following its notice) moves it without having to
-- remember. A restore inserts rows with their saved version and is not affected.

ALTER TABLE notices ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE diffusions ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE records ADD COLUMN version integer NOT NULL DEFAULT 1;

CREATE FUNCTION fusion_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.version := OLD.version + 1;
  RETURN NEW;
END
$$;

CREATE TRIGGER notices_version BEFORE UPDATE ON notices
  FOR EACH ROW EXECUTE FUNCTION fusion_bump_version();
CREATE TRIGGER diffusions_version BEFORE UPDATE ON diffusions
  FOR EACH ROW EXECUTE FUNCTION fusion_bump_version();
CREATE TRIGGER records_version BEFORE UPDATE ON records
  FOR EACH ROW EXECUTE FUNCTION fusion_bump_version();
