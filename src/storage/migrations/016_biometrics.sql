-- Biometric templates enrolled on persons (issue 11): fingerprint minutiae templates as received
-- (ISO/IEC 19794-2 or ANSI INCITS 378 bytes, so they can be sent on unchanged) and face templates
-- (float vectors). A template is exactly as visible as its record; retracting keeps it as history.
CREATE TABLE biometric_templates (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  record_id     uuid NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  modality      text NOT NULL CHECK (modality IN ('fingerprint', 'face')),
  -- The template's standard ('iso-19794-2-2005', 'ansi-378-2009', ...) or the face model ('face:<model>').
  format        text NOT NULL CHECK (length(format) BETWEEN 1 AND 80),
  -- Fingerprints: the finger positions the template holds (0 unknown, 1-10); faces: none.
  fingers       smallint[] NOT NULL DEFAULT '{}',
  minutiae      integer CHECK (minutiae IS NULL OR minutiae >= 0),
  dimension     integer CHECK (dimension IS NULL OR dimension BETWEEN 2 AND 4096),
  template      bytea NOT NULL CHECK (length(template) BETWEEN 1 AND 1048576),
  sha256        text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  source        text NOT NULL CHECK (length(source) BETWEEN 1 AND 500),
  recorded_by   uuid REFERENCES users(id),
  recorded_at   timestamptz NOT NULL DEFAULT now(),
  retracted_at  timestamptz,
  CHECK ((modality = 'face') = (dimension IS NOT NULL)),
  UNIQUE (record_id, sha256)
);
CREATE INDEX biometric_templates_record_idx ON biometric_templates (record_id);
