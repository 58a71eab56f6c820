-- Face photos of a notice's subject (issue 8). The owner uploads them with the request; they are
-- exactly as visible as their notice (every read joins the notice through its own guard), and one
-- appears on the public website only when the notice has a public extract and the owner consented
-- to that photo being shown there.
--
-- What is kept is the re-encoded image, never the upload: a JPEG of at most 1024 px a side, with
-- every metadata dropped (EXIF, GPS, ICC, XMP) and the orientation applied to the pixels. A photo
-- is retracted rather than deleted, so the notice's history still says what was once attached;
-- the same photo is attached once while it is live.
CREATE TABLE notice_photos (
  id             bigserial PRIMARY KEY,
  notice_id      uuid NOT NULL REFERENCES notices(id) ON DELETE CASCADE,
  sha256         text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  mime           text NOT NULL CHECK (mime = 'image/jpeg'),
  width          integer NOT NULL CHECK (width BETWEEN 1 AND 1024),
  height         integer NOT NULL CHECK (height BETWEEN 1 AND 1024),
  bytes          bytea NOT NULL,
  -- The owner's consent to show this photo on the notice's public extract.
  public_consent boolean NOT NULL DEFAULT false,
  recorded_by    uuid REFERENCES users(id),
  recorded_at    timestamptz NOT NULL DEFAULT now(),
  retracted_at   timestamptz
);
CREATE UNIQUE INDEX notice_photos_live_uq ON notice_photos (notice_id, sha256) WHERE retracted_at IS NULL;
CREATE INDEX notice_photos_notice_idx ON notice_photos (notice_id, id);
