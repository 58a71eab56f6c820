/**
 * Rows of the hash bank tables as the API and the matcher show them. Pure functions: the SQL that
 * reads the rows is in content.repo.ts.
 */
import { envelopeOf } from "../../shared/envelope/envelope.sql.ts";
import type { BankMeta, EntryMeta } from "./content.matcher.ts";
import type { BankRow, EntryRow } from "./content.repo.ts";
import type { BankView, EntryView } from "./content.schema.ts";

const iso = (d: Date | string) => new Date(d).toISOString();

export const bankView = (row: BankRow, entries: number): BankView => ({
  id: row.id,
  name: row.name,
  description: row.description,
  envelope: envelopeOf(row),
  sharedWithAllPlatforms: row.shared_with_all_platforms,
  sharedWithClients: row.shared_with_clients,
  entries,
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
});

export const bankMeta = (row: BankRow): BankMeta => ({
  id: row.id,
  name: row.name,
  owner: row.owner,
  distribution: row.distribution,
  distributionCountries: row.distribution_countries,
  sharedWithAllPlatforms: row.shared_with_all_platforms,
  sharedWithClients: row.shared_with_clients,
});

export const entryMeta = (row: EntryRow): EntryMeta => ({
  id: row.id,
  bankId: row.bank_id,
  signalType: row.signal_type,
  value: row.value,
  quality: row.quality,
  labels: row.labels,
  status: row.status,
  contributedCountry: row.contributed_country,
  contributedUnit: row.contributed_unit,
  firstSeen: iso(row.first_seen),
});

/** What people see of an entry: the matcher's fields plus when it last changed. */
export const entryView = (row: EntryRow): EntryView => ({
  ...entryMeta(row),
  updatedAt: iso(row.updated_at),
});
