-- Searching the lists by name in any order, by part of a name, by alias and by reference
-- (src/shared/name-query.ts): names are compared folded, and the folded names have trigram indexes.

-- Lower case, accents off (unaccent), Arabic vowel marks and apostrophes off, other punctuation and
-- spaces as one space: "Ibrahim ‘Awwad al-Samarra’i" -> "ibrahim awwad al samarrai". IMMUTABLE so
-- that it can be indexed: the dictionary is named with its schema, so the result does not depend
-- on the search path. src/shared/name-query.ts splits a query into words the same way.
CREATE FUNCTION fusion_fold(t text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$
    SELECT regexp_replace(
      regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, t)),
        '[\u064B-\u065F\u0670''\u2018\u2019\u02BB\u02BC\u00B4`]', '', 'g'),
      '[[:punct:][:space:]]+', ' ', 'g')
  $$;

-- Every word of a query is a LIKE on the folded names: one trigram index per searched table.
CREATE INDEX notices_search_fold_trgm ON notices USING gin (fusion_fold(search_text) gin_trgm_ops);
CREATE INDEX records_search_fold_trgm ON records USING gin (fusion_fold(search_text) gin_trgm_ops);

-- The exact references: a Special Notice's UN reference, the UN reference of a listed person's
-- record (FtM unscId), and an owner's own reference for a record.
CREATE INDEX notices_un_reference_idx ON notices ((request ->> 'unReference')) WHERE type = 'un_special';
CREATE INDEX records_unsc_id_idx ON records USING gin ((properties -> 'unscId')) WHERE properties ? 'unscId';
CREATE INDEX records_reference_lower_idx ON records (lower(reference)) WHERE reference IS NOT NULL;
