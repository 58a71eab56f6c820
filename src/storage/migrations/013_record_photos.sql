-- Face photos of persons (issue 9): a statement like any other value, with its provenance, but
-- bytes rather than text. Stored re-encoded (JPEG, at most 1024 px, every metadata dropped: no
-- EXIF, no GPS), once per record and content. A photo is exactly as visible as its record.
CREATE TABLE record_photos (
  id           bigserial PRIMARY KEY,
  record_id    uuid NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  sha256       text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  mime         text NOT NULL CHECK (mime = 'image/jpeg'),
  width        integer NOT NULL CHECK (width BETWEEN 1 AND 1024),
  height       integer NOT NULL CHECK (height BETWEEN 1 AND 1024),
  bytes        bytea NOT NULL,
  source       text NOT NULL,
  stated_by    text NOT NULL,
  stated_at    date NOT NULL,
  recorded_by  uuid REFERENCES users(id),
  recorded_at  timestamptz NOT NULL DEFAULT now(),
  retracted_at timestamptz,
  UNIQUE (record_id, sha256)
);
CREATE INDEX record_photos_record_idx ON record_photos (record_id);
