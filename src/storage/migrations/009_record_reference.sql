-- The owner's own reference for a record (its case or file number, or an FtM entity's id): the
-- natural key of the persons import, so that re-importing a file updates rather than duplicates.
-- Nullable: records entered one by one, notices' subjects and the UN list's persons have none.
ALTER TABLE records ADD COLUMN reference text CHECK (reference IS NULL OR length(reference) BETWEEN 1 AND 200);
-- Unique per owner (two countries may use the same case number); NULLs never collide.
CREATE UNIQUE INDEX records_owner_reference_idx ON records (owner, reference);
