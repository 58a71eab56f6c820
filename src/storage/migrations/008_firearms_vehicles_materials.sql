-- The object databases of issue 9: firearms (with trace requests between bureaus), vehicles and
-- CBRNE materials. Compact typed tables, each row under its owner's envelope (as records), read
-- only through fusion_can_see. Searchable identifiers are kept as entered and normalised
-- (upper case, letters and digits only), and the normalised form is indexed.

CREATE TABLE firearms (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  serial_number          text NOT NULL,
  serial_normalized      text NOT NULL CHECK (serial_normalized ~ '^[A-Z0-9]+$'),
  make                   text NOT NULL,
  model                  text,
  calibre                text,
  type                   text NOT NULL CHECK (type IN
    ('pistol', 'revolver', 'rifle', 'shotgun', 'submachine_gun', 'machine_gun', 'other')),
  country_of_manufacture text REFERENCES countries(code),
  status                 text NOT NULL CHECK (status IN
    ('lost', 'stolen', 'illicitly_trafficked', 'smuggled', 'seized')),
  event_date             date,
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
CREATE INDEX firearms_serial_idx ON firearms (serial_normalized);
CREATE INDEX firearms_make_idx ON firearms (lower(make), lower(model));
-- The natural key: one owner's firearm is its marking and its make (case aside). Bulk import upserts
-- by it (ON CONFLICT), so a re-run of a file adds nothing; it also serves the owner's own list.
CREATE UNIQUE INDEX firearms_natural_key ON firearms (owner, serial_normalized, lower(make));
CREATE INDEX firearms_review_idx ON firearms (review_at);

-- A trace request: one bureau asks another (the firearm's owner, or a country it names) what it
-- knows of a firearm's history. It has no envelope: the two bureaus and the Secretariat see it.
CREATE TABLE firearm_trace_requests (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  firearm_id         uuid NOT NULL REFERENCES firearms(id),
  requesting_country text NOT NULL REFERENCES countries(code),
  addressed_country  text NOT NULL REFERENCES countries(code),
  question           text NOT NULL,
  deadline           date NOT NULL,
  status             text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'declined')),
  reply              text,
  replied_by         uuid REFERENCES users(id),
  replied_at         timestamptz,
  created_by         uuid REFERENCES users(id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CHECK (requesting_country <> addressed_country),
  CHECK (status = 'open' OR (reply IS NOT NULL AND replied_at IS NOT NULL))
);
CREATE INDEX firearm_trace_requests_requesting_idx ON firearm_trace_requests (requesting_country, created_at);
CREATE INDEX firearm_trace_requests_addressed_idx ON firearm_trace_requests (addressed_country, created_at);

-- Who sees a trace request: the requesting bureau, the addressed bureau, the Secretariat.
CREATE FUNCTION fusion_trace_in_scope(
  requesting_country text, addressed_country text, viewer_country text, viewer_is_gs boolean
) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT viewer_is_gs OR viewer_country = requesting_country OR viewer_country = addressed_country
$$;

CREATE TABLE vehicles (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  vin                    text CHECK (vin ~ '^[A-HJ-NPR-Z0-9]{17}$'),
  plate                  text,
  plate_normalized       text CHECK (plate_normalized ~ '^[A-Z0-9]+$'),
  plate_country          text REFERENCES countries(code),
  make                   text NOT NULL,
  model                  text,
  colour                 text,
  status                 text NOT NULL CHECK (status IN ('stolen', 'wanted', 'seized', 'recovered')),
  event_date             date,
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
  CHECK (vin IS NOT NULL OR plate_normalized IS NOT NULL),
  CHECK ((plate IS NULL) = (plate_normalized IS NULL)),
  CHECK (distribution = 'all' OR cardinality(distribution_countries) > 0),
  CHECK (handling_code <> 'H3' OR handling_note IS NOT NULL)
);
CREATE INDEX vehicles_vin_idx ON vehicles (vin);
CREATE INDEX vehicles_plate_idx ON vehicles (plate_normalized);
CREATE INDEX vehicles_make_idx ON vehicles (lower(make), lower(model));
-- The natural key: the VIN when there is one, else the plate with its issuing country (a plate
-- needs its country). Two indexes, the second partial, so that each upsert names one of them.
CREATE UNIQUE INDEX vehicles_vin_key ON vehicles (owner, vin);
CREATE UNIQUE INDEX vehicles_plate_key ON vehicles (owner, plate_country, plate_normalized) WHERE vin IS NULL;
CREATE INDEX vehicles_review_idx ON vehicles (review_at);

CREATE TABLE cbrne_materials (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  category               text NOT NULL CHECK (category IN ('explosive', 'precursor', 'chemical_agent',
    'biological_agent', 'radiological_source', 'nuclear_material')),
  description            text NOT NULL,
  identifier             text,
  identifier_normalized  text CHECK (identifier_normalized ~ '^[A-Z0-9]+$'),
  quantity               double precision CHECK (quantity > 0),
  unit                   text,
  place                  text,
  country                text NOT NULL REFERENCES countries(code),
  event_date             date NOT NULL,
  status                 text NOT NULL CHECK (status IN ('lost', 'stolen', 'seized', 'recovered')),
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
  CHECK ((quantity IS NULL) = (unit IS NULL)),
  CHECK ((identifier IS NULL) = (identifier_normalized IS NULL)),
  CHECK (distribution = 'all' OR cardinality(distribution_countries) > 0),
  CHECK (handling_code <> 'H3' OR handling_note IS NOT NULL)
);
CREATE INDEX cbrne_materials_identifier_idx ON cbrne_materials (identifier_normalized);
CREATE INDEX cbrne_materials_category_idx ON cbrne_materials (category, status);
-- The natural key: category and normalised identifier per owner. A material without an identifier
-- has no key (NULLs are distinct): it is entered one by one, never by bulk import.
CREATE UNIQUE INDEX cbrne_materials_natural_key ON cbrne_materials (owner, category, identifier_normalized);
CREATE INDEX cbrne_materials_review_idx ON cbrne_materials (review_at);
