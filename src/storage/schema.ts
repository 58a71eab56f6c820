import type { ColumnType, Generated } from "kysely";

/** Table types for Kysely. Keep in step with the SQL migrations in ./migrations. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string | T, string | T>;

export type CountryKind = "member" | "secretariat" | "international";

export interface CountriesTable {
  code: string;
  alpha3: string;
  name: string;
  kind: CountryKind;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  role: string;
  country: string;
  password_hash: string;
  totp_secret: string | null;
  totp_enabled: Generated<boolean>;
  disabled: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface ApiClientsTable {
  id: Generated<string>;
  name: string;
  role: string;
  country: string;
  scopes: string[];
  token_hash: string;
  created_by: string | null;
  created_at: Timestamp;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

/** The envelope columns every owner-controlled record carries (DESIGN.md §3). */
export interface EnvelopeColumns {
  owner: string;
  distribution: "all" | "only" | "except";
  distribution_countries: string[];
  handling_code: "H0" | "H1" | "H2" | "H3";
  handling_note: string | null;
  source_reliability: "A" | "B" | "C" | "X";
  information_accuracy: number;
  source_type: "police" | "judicial" | "military" | "un" | "open_source" | "platform";
  /** ISO date (YYYY-MM-DD); date columns are parsed as strings, see db.ts. */
  review_at: string;
}

export interface RecordsTable extends EnvelopeColumns {
  id: Generated<string>;
  schema: string;
  caption: string;
  properties: Json<Record<string, string[]>>;
  search_text: string;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RecordStatementsTable {
  id: Generated<number>;
  record_id: string;
  prop: string;
  value: string;
  source: string;
  recorded_by: string | null;
  recorded_at: Timestamp;
  retracted_at: Date | null;
}

export interface AuditLogTable {
  seq: Generated<number>;
  at: Timestamp;
  actor_user_id: string | null;
  actor_client_id: string | null;
  actor_username: string | null;
  actor_country: string | null;
  actor_role: string | null;
  action: string;
  record_type: string | null;
  record_id: string | null;
  detail: Json<Record<string, unknown>>;
  prev_hash: string;
  hash: string;
}

export interface ChangeFeedTable {
  seq: Generated<number>;
  at: Timestamp;
  entity_type: string;
  entity_id: string;
  op: "upsert" | "delete";
}

export interface MigrationsTable {
  name: string;
  applied_at: Timestamp;
}

export interface Database {
  countries: CountriesTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_clients: ApiClientsTable;
  records: RecordsTable;
  record_statements: RecordStatementsTable;
  audit_log: AuditLogTable;
  change_feed: ChangeFeedTable;
  schema_migrations: MigrationsTable;
}
