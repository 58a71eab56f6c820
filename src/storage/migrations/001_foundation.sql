-- Foundation: members, accounts, the record envelope, visibility, audit trail and change feed.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS citext;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
CREATE EXTENSION IF NOT EXISTS pgcrypto;

-- Member countries (ISO 3166-1), the General Secretariat and international entities.
CREATE TABLE countries (
  code   text PRIMARY KEY CHECK (code ~ '^[A-Z]{2}$'),
  alpha3 text NOT NULL UNIQUE CHECK (alpha3 ~ '^[A-Z]{3}$'),
  name   text NOT NULL,
  kind   text NOT NULL CHECK (kind IN ('member', 'secretariat', 'international'))
);

CREATE TABLE users (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username        citext NOT NULL UNIQUE CHECK (length(username) BETWEEN 3 AND 64),
  display_name    text NOT NULL,
  role            text NOT NULL,
  country         text NOT NULL REFERENCES countries(code),
  password_hash   text NOT NULL,
  totp_secret     text,            -- sealed with the server key (AES-256-GCM), never plaintext
  totp_enabled    boolean NOT NULL DEFAULT false,
  disabled        boolean NOT NULL DEFAULT false,
  failed_logins   integer NOT NULL DEFAULT 0,
  locked_until    timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sessions (
  id_hash      text PRIMARY KEY,   -- sha256 of the cookie value: a stolen table gives no sessions
  user_id      uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE api_clients (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name         text NOT NULL,
  role         text NOT NULL,
  country      text NOT NULL REFERENCES countries(code),
  scopes       text[] NOT NULL DEFAULT '{}',
  token_hash   text NOT NULL UNIQUE,
  created_by   uuid REFERENCES users(id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  revoked_at   timestamptz,
  last_used_at timestamptz
);

-- The visibility rule, in one place. Every query path over enveloped records filters with it.
-- The General Secretariat ('GS' below is resolved through countries.kind) sees everything for
-- oversight; such reads are audited as oversight by the services.
CREATE FUNCTION fusion_can_see(
  owner text, distribution text, distribution_countries text[], actor_country text, actor_is_gs boolean
) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT actor_is_gs
      OR owner = actor_country
      OR distribution = 'all'
      OR (distribution = 'only' AND actor_country = ANY (distribution_countries))
      OR (distribution = 'except' AND NOT (actor_country = ANY (distribution_countries)))
$$;

-- Intelligence records in the FollowTheMoney vocabulary, each under its owner's envelope.
CREATE TABLE records (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  schema                 text NOT NULL,
  caption                text NOT NULL,
  properties             jsonb NOT NULL DEFAULT '{}'::jsonb,
  search_text            text NOT NULL DEFAULT '',
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
  CHECK (handling_code <> 'H3' OR handling_note IS NOT NULL)
);
CREATE INDEX records_owner_idx ON records (owner);
CREATE INDEX records_schema_idx ON records (schema);
CREATE INDEX records_search_trgm ON records USING gin (search_text gin_trgm_ops);
CREATE INDEX records_review_idx ON records (review_at);

-- Provenance: every property value with who said it, when and from which source.
CREATE TABLE record_statements (
  id          bigserial PRIMARY KEY,
  record_id   uuid NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  prop        text NOT NULL,
  value       text NOT NULL,
  source      text NOT NULL,
  recorded_by uuid REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  retracted_at timestamptz
);
CREATE INDEX record_statements_record_idx ON record_statements (record_id);

-- Append-only, hash-chained audit trail. Each row's hash covers its content and the previous
-- row's hash, so altering or deleting any row breaks the chain from there on.
CREATE TABLE audit_log (
  seq            bigserial PRIMARY KEY,
  at             timestamptz NOT NULL DEFAULT now(),
  actor_user_id  uuid,
  actor_client_id uuid,
  actor_username text,
  actor_country  text,
  actor_role     text,
  action         text NOT NULL,
  record_type    text,
  record_id      text,
  detail         jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash      text NOT NULL,
  hash           text NOT NULL
);
CREATE INDEX audit_actor_idx ON audit_log (actor_user_id, seq);
CREATE INDEX audit_country_idx ON audit_log (actor_country, seq);
CREATE INDEX audit_record_idx ON audit_log (record_id, seq);
CREATE INDEX audit_at_idx ON audit_log (at);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- The change feed: screening nodes and border replicas follow it by sequence number.
CREATE TABLE change_feed (
  seq         bigserial PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  entity_type text NOT NULL,
  entity_id   text NOT NULL,
  op          text NOT NULL CHECK (op IN ('upsert', 'delete'))
);
