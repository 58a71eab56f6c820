-- Border screening: every hit is stored, reaches the data owner at once (its inbox, and optionally a
-- signed webhook to its national system), and is judged there.

-- Who reads a hit: the owner of the record that was hit (it learns where and when its subject was
-- seen), the General Secretariat for oversight, and the country that screened - except for a
-- discreet check, whose officer was told only to take no action and must not learn of a hit later.
CREATE FUNCTION fusion_hit_visible(
  owner text, checked_by_country text, discreet boolean, actor_country text, actor_is_gs boolean
) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT actor_is_gs OR owner = actor_country OR (checked_by_country = actor_country AND NOT discreet)
$$;

CREATE TABLE screening_hits (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The inbox and its live stream page by this: a hit written by any node is seen in order.
  seq                bigserial UNIQUE,
  at                 timestamptz NOT NULL DEFAULT now(),
  checked_by_country text NOT NULL REFERENCES countries(code),
  checked_by         text NOT NULL,
  checked_by_kind    text NOT NULL CHECK (checked_by_kind IN ('user', 'client')),
  -- Where the traveller was checked (a border post, a flight), as the screening system said.
  location           text CHECK (location IS NULL OR length(location) <= 200),
  -- What the traveller gave (name, date of birth, nationality, sex, document), as screened.
  traveller          jsonb NOT NULL,
  -- The same traveller next time (normalised name, date of birth, document): a rejected match is
  -- not raised again for this key and this record.
  traveller_key      text NOT NULL,
  subject_kind       text NOT NULL
    CHECK (subject_kind IN ('notice', 'diffusion', 'person', 'document', 'firearm', 'vehicle')),
  subject_id         text NOT NULL,
  reference          text,
  -- The notice type, diffusion kind, 'person', or the document's, firearm's or vehicle's status.
  category           text NOT NULL,
  score              real NOT NULL CHECK (score >= 0 AND score <= 1),
  explanation        jsonb NOT NULL,
  action             text NOT NULL,
  discreet           boolean NOT NULL,
  -- The owner of the record hit: the hit is its information about its subject.
  owner              text NOT NULL REFERENCES countries(code),
  state              text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'confirmed', 'rejected')),
  decided_by         uuid REFERENCES users(id),
  decided_at         timestamptz,
  decision_note      text CHECK (decision_note IS NULL OR length(decision_note) <= 2000),
  CHECK ((state = 'pending') = (decided_at IS NULL))
);
CREATE INDEX screening_hits_owner_idx ON screening_hits (owner, seq);
CREATE INDEX screening_hits_checker_idx ON screening_hits (checked_by_country, seq);
CREATE INDEX screening_hits_traveller_idx ON screening_hits (traveller_key, subject_kind, subject_id);

-- A bureau's national system, told of each hit on its records by a signed POST.
CREATE TABLE screening_webhooks (
  country      text PRIMARY KEY REFERENCES countries(code),
  url          text NOT NULL CHECK (url ~ '^https?://'),
  -- The HMAC key, sealed with the server's secret box (never stored in clear).
  secret_box   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);

-- The outbox of webhook deliveries: written in the hit's transaction, so a hit is never lost between
-- the database and the owner's system; retried with back-off until delivered or given up.
CREATE TABLE screening_deliveries (
  id            bigserial PRIMARY KEY,
  hit_id        uuid NOT NULL REFERENCES screening_hits(id) ON DELETE CASCADE,
  country       text NOT NULL REFERENCES countries(code),
  attempts      integer NOT NULL DEFAULT 0,
  next_at       timestamptz NOT NULL DEFAULT now(),
  delivered_at  timestamptz,
  given_up_at   timestamptz,
  last_error    text
);
CREATE INDEX screening_deliveries_due_idx ON screening_deliveries (next_at)
  WHERE delivered_at IS NULL AND given_up_at IS NULL;

-- The owner may ask for a discreet check on a record (as a Blue or Green notice always is): a hit
-- tells the owner where and when the subject was seen, and the officer only to take no action.
ALTER TABLE records ADD COLUMN discreet_check boolean NOT NULL DEFAULT false;

-- Notices and diffusions reach the change feed from the database itself: every path that writes
-- them (the services, the UN import, expiry, retention review, a restore's own rows excepted) is
-- followed by the screening nodes without each having to remember. A restore replays the feed it
-- saved and sets fusion.restoring for its transaction, so its inserts add nothing.
CREATE FUNCTION fusion_feed_row_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('fusion.restoring', true), '') = 'on' THEN
    RETURN NULL;
  END IF;
  INSERT INTO change_feed (entity_type, entity_id, op)
  VALUES (TG_ARGV[0], (CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END)::text,
          CASE WHEN TG_OP = 'DELETE' THEN 'delete' ELSE 'upsert' END);
  RETURN NULL;
END
$$;
CREATE TRIGGER notices_change_feed AFTER INSERT OR UPDATE OR DELETE ON notices
  FOR EACH ROW EXECUTE FUNCTION fusion_feed_row_change('notice');
CREATE TRIGGER diffusions_change_feed AFTER INSERT OR UPDATE OR DELETE ON diffusions
  FOR EACH ROW EXECUTE FUNCTION fusion_feed_row_change('diffusion');
