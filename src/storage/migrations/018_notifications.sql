-- Notifications: what a person must know (a notice published, refused or returned; a diffusion
-- confirmed or cancelled; a referral answered; a trace request or a hit landing), kept until read,
-- so nothing is lost while the officer is away. One row per addressee, written in the transaction of
-- the act that caused it.
--
-- A row names its record and carries only what its addressee could read of that record when it was
-- written; every read joins the record again through that record's own visibility guard, so a
-- notification whose record has since left the reader's sight is neither listed nor counted.
CREATE TABLE notifications (
  -- Also the id of the server-sent event that carries it: a reconnecting client resumes after it.
  id           bigserial PRIMARY KEY,
  user_id      uuid NOT NULL REFERENCES users(id),
  kind         text NOT NULL CHECK (kind ~ '^[a-z_]+\.[a-z_]+$'),
  record_type  text NOT NULL
    CHECK (record_type IN ('notice', 'diffusion', 'referral', 'trace_request', 'screening_hit')),
  record_id    uuid NOT NULL,
  -- What the text of the notification needs (a notice number, a title, the reasons given).
  detail       jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at   timestamptz NOT NULL,
  read_at      timestamptz
);
CREATE INDEX notifications_user_idx ON notifications (user_id, id);
CREATE INDEX notifications_unread_idx ON notifications (user_id, id) WHERE read_at IS NULL;
CREATE INDEX notifications_record_idx ON notifications (record_type, record_id);

-- A received diffusion is read once someone of the recipient country has opened it: the bureau's
-- dashboard lists the received diffusions nobody there has opened yet.
CREATE TABLE diffusion_reads (
  diffusion_id uuid NOT NULL REFERENCES diffusions(id),
  country      text NOT NULL REFERENCES countries(code),
  read_by      uuid REFERENCES users(id),
  read_at      timestamptz NOT NULL,
  PRIMARY KEY (diffusion_id, country)
);
