-- Notices (with their history), diffusions, and the UN Consolidated List listings behind the
-- INTERPOL-UN Security Council Special Notices.

-- Published notice numbers are "YYYY/NNNNN"; the counter runs across years, as INTERPOL's does.
CREATE SEQUENCE notice_number_seq START 10000;

CREATE TABLE notices (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  notice_number          text UNIQUE CHECK (notice_number ~ '^[0-9]{4}/[0-9]{5,}$'),
  type                   text NOT NULL CHECK (type IN
    ('red', 'blue', 'green', 'yellow', 'black', 'orange', 'purple', 'silver', 'un_special')),
  state                  text NOT NULL CHECK (state IN ('draft', 'submitted', 'under_review', 'published',
    'refused', 'suspended', 'withdrawn', 'cancelled', 'expired')),
  request                jsonb NOT NULL,
  language               text NOT NULL CHECK (language IN ('en', 'fr', 'es', 'ar')),
  translations           jsonb NOT NULL DEFAULT '{}'::jsonb,
  subject_kind           text NOT NULL,
  -- The subject as an FtM Person/Organization record, so screening finds it; null for objects,
  -- events and modi operandi.
  subject_record_id      uuid REFERENCES records(id),
  -- Denormalised from the request for the review queue, duplicate checks and the public filters.
  subject_name           text,
  subject_forename       text,
  subject_sex            text,
  birth_year_from        integer,
  birth_year_to          integer,
  nationalities          text[] NOT NULL DEFAULT '{}',
  warrant_countries      text[] NOT NULL DEFAULT '{}',
  search_text            text NOT NULL DEFAULT '',
  findings               jsonb NOT NULL DEFAULT '[]'::jsonb,
  risk_score             integer NOT NULL DEFAULT 0,
  public_extract         boolean NOT NULL DEFAULT false,
  addenda                jsonb NOT NULL DEFAULT '[]'::jsonb,
  submitted_at           timestamptz,
  published_at           timestamptz,
  valid_until            timestamptz,
  suspended_until        timestamptz,
  suspended_by           text CHECK (suspended_by IN ('owner', 'gs_reviewer')),
  owner                  text NOT NULL REFERENCES countries(code),
  distribution           text NOT NULL CHECK (distribution IN ('all', 'only', 'except')),
  distribution_countries text[] NOT NULL DEFAULT '{}',
  handling_code          text NOT NULL CHECK (handling_code IN ('H0', 'H1', 'H2', 'H3')),
  handling_note          text,
  source_reliability     text NOT NULL CHECK (source_reliability IN ('A', 'B', 'C', 'X')),
  information_accuracy   smallint NOT NULL CHECK (information_accuracy BETWEEN 1 AND 4),
  source_type            text NOT NULL
    CHECK (source_type IN ('police', 'judicial', 'military', 'un', 'open_source', 'platform')),
  review_at              date NOT NULL,
  created_by             uuid REFERENCES users(id),
  created_at             timestamptz NOT NULL DEFAULT now(),
  updated_at             timestamptz NOT NULL DEFAULT now(),
  CHECK (distribution = 'all' OR cardinality(distribution_countries) > 0),
  CHECK (handling_code <> 'H3' OR handling_note IS NOT NULL),
  CHECK (state NOT IN ('published', 'suspended', 'cancelled', 'expired') OR notice_number IS NOT NULL)
);
CREATE INDEX notices_owner_idx ON notices (owner, updated_at DESC);
CREATE INDEX notices_review_queue_idx ON notices (risk_score DESC, submitted_at, id)
  WHERE state IN ('submitted', 'under_review');
-- The public lists page in (published_at, notice_number) order: a stable key, new notices at the end.
CREATE INDEX notices_public_idx ON notices (type, subject_kind, published_at, notice_number)
  WHERE state = 'published' AND public_extract;
CREATE INDEX notices_valid_until_idx ON notices (valid_until) WHERE state IN ('published', 'suspended');
CREATE INDEX notices_search_trgm ON notices USING gin (search_text gin_trgm_ops);
-- The public name filters are substring matches: trigram indexes keep them off full scans.
CREATE INDEX notices_name_trgm ON notices USING gin (lower(subject_name) gin_trgm_ops);
CREATE INDEX notices_forename_trgm ON notices USING gin (lower(subject_forename) gin_trgm_ops);
CREATE INDEX notices_nationalities_idx ON notices USING gin (nationalities);
CREATE INDEX notices_warrant_countries_idx ON notices USING gin (warrant_countries);

CREATE TABLE notice_events (
  id             bigserial PRIMARY KEY,
  notice_id      uuid NOT NULL REFERENCES notices(id) ON DELETE CASCADE,
  at             timestamptz NOT NULL DEFAULT now(),
  actor_user_id  uuid,
  actor_username text NOT NULL,
  actor_country  text NOT NULL,
  actor_role     text NOT NULL,
  action         text NOT NULL,
  from_state     text,
  to_state       text NOT NULL,
  reasons        text,
  detail         jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX notice_events_notice_idx ON notice_events (notice_id, id);

-- Diffusions go straight from a bureau to the countries it chooses; the General Secretariat checks
-- them afterwards. The envelope's distribution holds the recipients, so visibleTo() applies as is.
CREATE TABLE diffusions (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind                   text NOT NULL CHECK (kind IN ('arrest', 'locate', 'information', 'warning')),
  payload                jsonb NOT NULL,
  review_state           text NOT NULL DEFAULT 'unreviewed'
    CHECK (review_state IN ('unreviewed', 'confirmed', 'cancelled')),
  reviewed_by            uuid REFERENCES users(id),
  reviewed_at            timestamptz,
  review_reasons         text,
  owner                  text NOT NULL REFERENCES countries(code),
  distribution           text NOT NULL CHECK (distribution IN ('all', 'only')),
  distribution_countries text[] NOT NULL DEFAULT '{}',
  handling_code          text NOT NULL CHECK (handling_code IN ('H0', 'H1', 'H2', 'H3')),
  handling_note          text,
  source_reliability     text NOT NULL CHECK (source_reliability IN ('A', 'B', 'C', 'X')),
  information_accuracy   smallint NOT NULL CHECK (information_accuracy BETWEEN 1 AND 4),
  source_type            text NOT NULL
    CHECK (source_type IN ('police', 'judicial', 'military', 'un', 'open_source', 'platform')),
  review_at              date NOT NULL,
  created_by             uuid REFERENCES users(id),
  created_at             timestamptz NOT NULL DEFAULT now(),
  updated_at             timestamptz NOT NULL DEFAULT now(),
  CHECK (distribution = 'all' OR cardinality(distribution_countries) > 0),
  CHECK (handling_code <> 'H3' OR handling_note IS NOT NULL),
  CHECK (review_state = 'unreviewed' OR review_reasons IS NOT NULL)
);
CREATE INDEX diffusions_review_idx ON diffusions (review_state, created_at);

-- One row per UN Consolidated List entry imported, so a re-import is idempotent and a newer list
-- amends changed entries and ends delisted ones.
CREATE TABLE un_listings (
  reference_number text PRIMARY KEY,
  notice_id        uuid NOT NULL UNIQUE REFERENCES notices(id),
  data_id          integer NOT NULL,
  version_num      integer NOT NULL,
  content_hash     text NOT NULL,
  regime           text NOT NULL,
  kind             text NOT NULL CHECK (kind IN ('individual', 'entity')),
  listed_on        date,
  -- The whole parsed entry: every alias, date and place of birth, nationality, document, address.
  entry            jsonb NOT NULL,
  last_generated_at timestamptz NOT NULL,
  delisted_at      timestamptz
);
