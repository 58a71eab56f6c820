-- Indexes for the police databases at scale (issue 9: a million persons, 100M documents).

-- The retention-review due list (review.repo.ts duePage): one owner's records by review date, read
-- in review-date order. (owner, review_at) answers it as a range of one index and serves every
-- other lookup by owner too, so the single-column owner index goes: one index less to keep up on
-- every insert of a bulk import.
CREATE INDEX records_owner_review_idx ON records (owner, review_at);
DROP INDEX records_owner_idx;

-- Browsing the records without a search (records.repo.ts listVisible): newest change first, so the
-- first page is read from the head of this index instead of sorting every visible record.
CREATE INDEX records_updated_idx ON records (updated_at DESC, id);
