-- Terrorist-content hash banks (HMA/ThreatExchange style signals), their entries and referrals of
-- content to online platforms. Banks carry the owner envelope; platform partners additionally see a
-- bank only when it is shared with all platforms or with that platform's API client.
CREATE TABLE hash_banks (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name                   text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description            text NOT NULL DEFAULT '',
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
  -- Platform partners: every platform, or only the listed API clients.
  shared_with_all_platforms boolean NOT NULL DEFAULT false,
  shared_with_clients    uuid[] NOT NULL DEFAULT '{}',
  created_by             uuid REFERENCES users(id),
  created_at             timestamptz NOT NULL DEFAULT now(),
  updated_at             timestamptz NOT NULL DEFAULT now(),
  UNIQUE (owner, name),
  CHECK (distribution = 'all' OR cardinality(distribution_countries) > 0),
  CHECK (handling_code <> 'H3' OR handling_note IS NOT NULL)
);

-- Serial ids: the in-memory PDQ index keys rows by uint32.
CREATE TABLE hash_entries (
  id                    bigserial PRIMARY KEY,
  bank_id               uuid NOT NULL REFERENCES hash_banks(id),
  signal_type           text NOT NULL CHECK (signal_type IN ('pdq', 'md5', 'sha256', 'video_md5')),
  value                 text NOT NULL CHECK (value ~ '^[0-9a-f]+$'),
  quality               smallint CHECK (quality BETWEEN 0 AND 100),
  labels                text[] NOT NULL DEFAULT '{}',
  contributed_country   text NOT NULL REFERENCES countries(code),
  contributed_unit      text,
  contributed_by_user   uuid REFERENCES users(id),
  contributed_by_client uuid REFERENCES api_clients(id),
  first_seen            timestamptz NOT NULL DEFAULT now(),
  status                text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disputed', 'retired')),
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  UNIQUE (bank_id, signal_type, value)
);

CREATE TABLE content_referrals (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  referring_country  text NOT NULL REFERENCES countries(code),
  referred_by        uuid REFERENCES users(id),
  platform_client_id uuid NOT NULL REFERENCES api_clients(id),
  url                text CHECK (url IS NULL OR length(url) BETWEEN 1 AND 2000),
  hash_entry_id      bigint REFERENCES hash_entries(id),
  legal_basis        text NOT NULL CHECK (legal_basis IN ('voluntary', 'removal_order')),
  note               text,
  -- A removal order must be acted on within one hour (EU TCO Regulation 2021/784, art. 3).
  deadline           timestamptz,
  state              text NOT NULL DEFAULT 'open'
    CHECK (state IN ('open', 'acknowledged', 'removed', 'geo_blocked', 'refused')),
  outcome_reason     text,
  geo_blocked_countries text[] NOT NULL DEFAULT '{}',
  created_at         timestamptz NOT NULL DEFAULT now(),
  acknowledged_at    timestamptz,
  resolved_at        timestamptz,
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CHECK (url IS NOT NULL OR hash_entry_id IS NOT NULL),
  CHECK (legal_basis <> 'removal_order' OR deadline IS NOT NULL),
  CHECK (state <> 'refused' OR outcome_reason IS NOT NULL)
);
CREATE INDEX content_referrals_platform_idx ON content_referrals (platform_client_id, created_at);
CREATE INDEX content_referrals_country_idx ON content_referrals (referring_country, created_at);
