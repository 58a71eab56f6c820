-- Provenance of every value (DESIGN.md §3): beside the source text and the user who recorded it,
-- who said it (a country or a unit), when, from which type of source, and - for battlefield
-- data collected by the military - the collecting unit, the place, the date and the context of
-- the capture. Names written in a non-Latin script keep that original as the value, with its
-- script (ISO 15924) and a Latin reading beside it.
ALTER TABLE record_statements
  ADD COLUMN stated_by   text,
  ADD COLUMN source_type text
    CHECK (source_type IN ('police', 'judicial', 'military', 'un', 'open_source', 'platform')),
  ADD COLUMN stated_at   date,
  ADD COLUMN capture     jsonb,
  ADD COLUMN script      text,
  ADD COLUMN latin       text;

-- Statements written before this migration were said by the record's owner, from the record's
-- source type, on the day they were recorded.
UPDATE record_statements s
   SET stated_by = r.owner, source_type = r.source_type, stated_at = s.recorded_at::date
  FROM records r
 WHERE r.id = s.record_id;

ALTER TABLE record_statements
  ALTER COLUMN stated_by SET NOT NULL,
  ALTER COLUMN source_type SET NOT NULL,
  ALTER COLUMN stated_at SET NOT NULL,
  -- A capture names all four: the unit, the place, the date and the context. (That new military
  -- statements carry one is the application's rule: statements older than it have none.)
  ADD CONSTRAINT record_statements_capture_complete CHECK (
    capture IS NULL OR (
      capture ? 'unit' AND capture ? 'place' AND capture ? 'date' AND capture ? 'context'
    )
  );
