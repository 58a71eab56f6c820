-- The directory of platform partners: the online platforms that referral units refer content to,
-- picked by name. A partner receives referrals through its API client (role platform_partner, scope
-- content:referrals); its contact and endpoint say where a referral goes outside the API. The
-- directory is reference data shared by every member: it carries no owner envelope.
CREATE TABLE platform_partners (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  legal_name        text NOT NULL CHECK (length(legal_name) BETWEEN 1 AND 300),
  country           text NOT NULL REFERENCES countries(code),
  contact_email     text CHECK (contact_email IS NULL OR length(contact_email) BETWEEN 3 AND 320),
  referral_endpoint text CHECK (referral_endpoint IS NULL OR referral_endpoint ~ '^https://'),
  terms             text NOT NULL DEFAULT '' CHECK (length(terms) <= 4000),
  -- The API client that acknowledges and answers referrals; one partner per client.
  client_id         uuid UNIQUE REFERENCES api_clients(id),
  active            boolean NOT NULL DEFAULT true,
  created_by        uuid REFERENCES users(id),
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
-- Names are unique whatever their case, and searched by any part (trigrams).
CREATE UNIQUE INDEX platform_partners_name_key ON platform_partners (lower(name));
CREATE INDEX platform_partners_search_trgm
  ON platform_partners USING gin ((lower(name || ' ' || legal_name)) gin_trgm_ops);

-- A referral keeps the partner it was made to (null only for referrals made before the directory
-- to a client that no partner names).
ALTER TABLE content_referrals ADD COLUMN partner_id uuid REFERENCES platform_partners(id);
CREATE INDEX content_referrals_partner_idx ON content_referrals (partner_id) WHERE partner_id IS NOT NULL;

-- Every platform client that exists becomes a partner of its own name, so earlier referrals keep a
-- partner and the directory starts complete. The legal name is the operator's to correct.
INSERT INTO platform_partners (name, legal_name, country, client_id, active, created_at, updated_at)
SELECT DISTINCT ON (lower(c.name)) c.name, c.name, c.country, c.id, c.revoked_at IS NULL, c.created_at, c.created_at
FROM api_clients c
WHERE c.role = 'platform_partner'
ORDER BY lower(c.name), c.created_at;
UPDATE content_referrals r SET partner_id = p.id FROM platform_partners p WHERE p.client_id = r.platform_client_id;

-- The audit trail is filtered by the actor's name, whatever its case (src/features/audit).
CREATE INDEX audit_actor_username_idx ON audit_log (lower(actor_username), seq);
