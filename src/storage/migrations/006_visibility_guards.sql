-- The visibility guards of the tables that carry the owner's rules, as SQL functions, so that a
-- query's text shows which rule it applied (the test suite checks every statement for them).

-- Who reads a notice: the envelope rule, and on top of it the owner always, the General
-- Secretariat every request once submitted (a draft, and a draft withdrawn before it was ever
-- submitted, are the owner's working copies), other countries only published notices.
CREATE FUNCTION fusion_notice_readable(
  owner text, state text, submitted boolean, distribution text, distribution_countries text[],
  actor_country text, actor_is_gs boolean
) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT fusion_can_see(owner, distribution, distribution_countries, actor_country, actor_is_gs)
     AND (owner = actor_country OR state = 'published'
          OR (actor_is_gs AND state <> 'draft' AND submitted))
$$;

-- What the public sees of notices (the INTERPOL-compatible public API): published, distributed to
-- all, with the owner's consent. Inlined by the planner, so the public index below still serves it.
CREATE FUNCTION fusion_public_extract(state text, distribution text, public_extract boolean)
RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT state = 'published' AND distribution = 'all' AND public_extract
$$;

-- A hash bank as a platform partner sees it: shared with that platform (all platforms or this
-- client), and inside the bank's distribution for the platform's country (no oversight right).
CREATE FUNCTION fusion_bank_shared_with(
  owner text, distribution text, distribution_countries text[],
  shared_with_all boolean, shared_with_clients uuid[], client_id uuid, client_country text
) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (shared_with_all OR client_id = ANY (shared_with_clients))
     AND fusion_can_see(owner, distribution, distribution_countries, client_country, false)
$$;

-- Whose referrals a viewer sees: a platform its own, a country those it made, the Secretariat all.
CREATE FUNCTION fusion_referral_in_scope(
  referring_country text, platform_client_id uuid,
  viewer_country text, viewer_platform uuid, viewer_is_gs boolean
) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN viewer_platform IS NOT NULL THEN platform_client_id = viewer_platform
    ELSE viewer_is_gs OR referring_country = viewer_country
  END
$$;

-- A notice's subject record is exactly as visible as its notice: the record names the notice it
-- is the subject of, and the records guard checks that notice too.
ALTER TABLE records ADD COLUMN subject_of_notice uuid;
UPDATE records r SET subject_of_notice = n.id FROM notices n WHERE n.subject_record_id = r.id;
CREATE INDEX records_subject_of_notice_idx ON records (subject_of_notice) WHERE subject_of_notice IS NOT NULL;

-- A public extract only for a notice distributed to all: consent to publish cannot widen a
-- restricted distribution. Earlier rows with the contradiction lose the consent.
UPDATE notices SET public_extract = false WHERE public_extract AND distribution <> 'all';
ALTER TABLE notices ADD CONSTRAINT notices_public_extract_needs_all
  CHECK (NOT public_extract OR distribution = 'all');
DROP INDEX notices_public_idx;
CREATE INDEX notices_public_idx ON notices (type, subject_kind, published_at, notice_number)
  WHERE state = 'published' AND distribution = 'all' AND public_extract;
