-- Biometric 1:N search with the mandatory human decision (docs/biometric-search.md): every search is
-- stored with its probe and ranked candidates, and every decision on it is kept as history.

-- A face template made from a record photo names that photo (the reviewer compares the faces).
ALTER TABLE biometric_templates ADD COLUMN photo_id bigint REFERENCES record_photos(id);

-- Who reads a search: the country that searched, and the General Secretariat. Its candidates are
-- further cut, in every read, to the persons the reader may still see (fusion_can_see on records).
CREATE FUNCTION fusion_biometric_search_visible(
  country text, actor_country text, actor_is_gs boolean
) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT actor_is_gs OR country = actor_country
$$;

CREATE TABLE biometric_searches (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The review list pages by this: newest first, stable across nodes.
  seq              bigserial UNIQUE,
  at               timestamptz NOT NULL DEFAULT now(),
  country          text NOT NULL REFERENCES countries(code),
  searched_by      text NOT NULL,
  searched_by_kind text NOT NULL CHECK (searched_by_kind IN ('user', 'client', 'system')),
  purpose          text NOT NULL CHECK (purpose IN ('search', 'screening')),
  modality         text NOT NULL CHECK (modality IN ('fingerprint', 'face')),
  reason           text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  -- The probe: its standard or face model, its size, its bytes (a face probe: float32 values) and,
  -- for a face photo, the photo re-encoded as a plain JPEG (no EXIF, no GPS).
  probe_format     text NOT NULL CHECK (length(probe_format) BETWEEN 1 AND 80),
  probe_minutiae   integer CHECK (probe_minutiae IS NULL OR probe_minutiae >= 0),
  probe_dimension  integer CHECK (probe_dimension IS NULL OR probe_dimension BETWEEN 2 AND 4096),
  probe_template   bytea NOT NULL CHECK (length(probe_template) BETWEEN 1 AND 1048576),
  probe_sha256     text NOT NULL CHECK (probe_sha256 ~ '^[0-9a-f]{64}$'),
  probe_image      bytea,
  threshold        double precision NOT NULL,
  location         text CHECK (location IS NULL OR length(location) <= 200),
  traveller        jsonb,
  state            text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'decided')),
  CHECK ((modality = 'face') = (probe_dimension IS NOT NULL)),
  CHECK ((purpose = 'screening') = (traveller IS NOT NULL))
);
CREATE INDEX biometric_searches_country_idx ON biometric_searches (country, seq);

-- Records are never deleted (only retracted or reviewed), so candidates keep plain references.
CREATE TABLE biometric_candidates (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  search_id       uuid NOT NULL REFERENCES biometric_searches(id),
  rank            integer NOT NULL CHECK (rank >= 1),
  template_id     uuid NOT NULL REFERENCES biometric_templates(id),
  record_id       uuid NOT NULL REFERENCES records(id),
  score           double precision NOT NULL,
  above_threshold boolean NOT NULL,
  UNIQUE (search_id, rank)
);
CREATE INDEX biometric_candidates_record_idx ON biometric_candidates (record_id);

-- Decisions are append-only: the newest is the search's decision, the earlier ones its history.
CREATE TABLE biometric_decisions (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq          bigserial UNIQUE,
  search_id    uuid NOT NULL REFERENCES biometric_searches(id),
  decision     text NOT NULL CHECK (decision IN ('potential_candidate', 'no_candidate', 'inconclusive')),
  candidate_id uuid REFERENCES biometric_candidates(id),
  note         text CHECK (note IS NULL OR length(note) <= 2000),
  decided_by   text NOT NULL,
  decided_by_user uuid REFERENCES users(id),
  decided_at   timestamptz NOT NULL DEFAULT now(),
  -- The screening hit a potential candidate of a screening search raised for the person's owner.
  hit_id       uuid REFERENCES screening_hits(id),
  CHECK ((decision = 'potential_candidate') = (candidate_id IS NOT NULL))
);
CREATE INDEX biometric_decisions_search_idx ON biometric_decisions (search_id, seq);

CREATE FUNCTION biometric_decisions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'biometric_decisions is append-only';
END
$$;
CREATE TRIGGER biometric_decisions_no_change BEFORE UPDATE OR DELETE ON biometric_decisions
  FOR EACH ROW EXECUTE FUNCTION biometric_decisions_append_only();
