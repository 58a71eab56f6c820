-- Thumbnails of content an analyst added to a bank from an image upload. Only a small thumbnail
-- (at most 256 px, re-encoded, metadata stripped) is kept; the original file is never stored.
-- One row per (bank, original file), linked to the pdq/md5/sha256 entries computed from that file.
CREATE TABLE content_media (
  id          bigserial PRIMARY KEY,
  bank_id     uuid NOT NULL REFERENCES hash_banks(id),
  sha256      text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  entry_ids   bigint[] NOT NULL CHECK (cardinality(entry_ids) > 0),
  thumbnail   bytea NOT NULL,
  mime        text NOT NULL CHECK (mime IN ('image/jpeg', 'image/webp')),
  width       integer NOT NULL CHECK (width BETWEEN 1 AND 256),
  height      integer NOT NULL CHECK (height BETWEEN 1 AND 256),
  created_by  uuid REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (bank_id, sha256)
);
CREATE INDEX content_media_entries_idx ON content_media USING gin (entry_ids);
