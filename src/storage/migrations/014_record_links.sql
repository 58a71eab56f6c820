-- The records that name another (a Membership's member and organization, a Family's relative, a
-- Passport's holder...): the entity page lists them. One GIN index over the properties of the
-- linking schemata only, so a containment test finds them; persons and organisations, the bulk of
-- the store, are not in it and pay nothing on import.
CREATE INDEX records_links_gin ON records USING gin (properties jsonb_path_ops)
  WHERE schema IN ('Passport', 'Identification', 'BankAccount', 'CryptoWallet', 'Vehicle', 'Event',
                   'Membership', 'Family', 'Associate', 'Ownership', 'Payment', 'UnknownLink');
