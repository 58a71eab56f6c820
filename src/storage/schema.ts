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
  /** The time step of the last TOTP code accepted (005_totp_replay.sql): a code is good once. */
  totp_last_step: number | null;
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
  source_type: SourceType;
  /** ISO date (YYYY-MM-DD); date columns are parsed as strings, see db.ts. */
  review_at: string;
}

export type SourceType = "police" | "judicial" | "military" | "un" | "open_source" | "platform";

export interface RecordsTable extends EnvelopeColumns {
  id: Generated<string>;
  schema: string;
  caption: string;
  properties: Json<Record<string, string[]>>;
  search_text: string;
  /** The notice this record is the subject of: the record is then exactly as visible as it. */
  subject_of_notice: Generated<string | null>;
  /** The owner's own reference (natural key of the import, unique per owner); null if none. */
  reference: Generated<string | null>;
  /** The owner asks for discreet checks: a hit tells the owner, the officer only to take no action. */
  discreet_check: Generated<boolean>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Raised by one on every update (migration 021): a client's stale write is refused. */
  version: Generated<number>;
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
  /** Who said it: a country (ISO 3166 alpha-2 or an international entity) or a unit. */
  stated_by: string;
  source_type: SourceType;
  /** The day the source said it (YYYY-MM-DD; date columns are parsed as strings). */
  stated_at: string;
  /** Battlefield data: the collecting unit, place, date and context of the capture. */
  capture: Json<Capture | null>;
  /** ISO 15924 script of a name written in a non-Latin script, with its Latin reading. */
  script: string | null;
  latin: string | null;
}

export type Capture = { unit: string; place: string; date: string; context: string };

export interface RecordPhotosTable {
  id: Generated<number>;
  record_id: string;
  sha256: string;
  mime: "image/jpeg";
  width: number;
  height: number;
  bytes: Buffer;
  source: string;
  stated_by: string;
  /** YYYY-MM-DD (date columns are parsed as strings). */
  stated_at: string;
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

export interface HashBanksTable extends EnvelopeColumns {
  id: Generated<string>;
  name: string;
  description: string;
  shared_with_all_platforms: boolean;
  shared_with_clients: string[];
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type HashSignalType = "pdq" | "md5" | "sha256" | "video_md5";
export type HashEntryStatus = "active" | "disputed" | "retired";

export interface HashEntriesTable {
  id: Generated<number>;
  bank_id: string;
  signal_type: HashSignalType;
  value: string;
  quality: number | null;
  labels: string[];
  contributed_country: string;
  contributed_unit: string | null;
  contributed_by_user: string | null;
  contributed_by_client: string | null;
  first_seen: Timestamp;
  status: HashEntryStatus;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A thumbnail of an image added to a bank (never the original file); see 004_content_media.sql. */
export interface ContentMediaTable {
  id: Generated<number>;
  bank_id: string;
  sha256: string;
  entry_ids: number[];
  thumbnail: Uint8Array;
  mime: "image/jpeg" | "image/webp";
  width: number;
  height: number;
  created_by: string | null;
  created_at: Timestamp;
}

export type ReferralState = "open" | "acknowledged" | "removed" | "geo_blocked" | "refused";

export interface ContentReferralsTable {
  id: Generated<string>;
  referring_country: string;
  referred_by: string | null;
  platform_client_id: string;
  url: string | null;
  hash_entry_id: number | null;
  legal_basis: "voluntary" | "removal_order";
  note: string | null;
  deadline: Date | null;
  state: ReferralState;
  outcome_reason: string | null;
  geo_blocked_countries: string[];
  created_at: Timestamp;
  acknowledged_at: Date | null;
  resolved_at: Date | null;
  updated_at: Timestamp;
  /** The directory entry the referral went to (migration 019). */
  partner_id: string | null;
}

/** The directory of platform partners referrals go to (migration 019); reference data, no envelope. */
export interface PlatformPartnersTable {
  id: Generated<string>;
  name: string;
  legal_name: string;
  country: string;
  contact_email: string | null;
  referral_endpoint: string | null;
  terms: string;
  client_id: string | null;
  active: boolean;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface NoticesTable extends EnvelopeColumns {
  id: Generated<string>;
  notice_number: string | null;
  type: string;
  state: string;
  request: Json<Record<string, unknown>>;
  language: string;
  translations: Json<Record<string, unknown>>;
  subject_kind: string;
  subject_record_id: string | null;
  subject_name: string | null;
  subject_forename: string | null;
  subject_sex: string | null;
  birth_year_from: number | null;
  birth_year_to: number | null;
  nationalities: string[];
  warrant_countries: string[];
  search_text: string;
  findings: Json<unknown[]>;
  risk_score: number;
  public_extract: boolean;
  addenda: Json<unknown[]>;
  submitted_at: Date | null;
  published_at: Date | null;
  valid_until: Date | null;
  suspended_until: Date | null;
  suspended_by: "owner" | "gs_reviewer" | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Raised by one on every update (migration 021): a client's stale write is refused. */
  version: Generated<number>;
}

/** A face photo of a notice's subject (migration 020): read joined to its notice, through the notice's guard. */
export interface NoticePhotosTable {
  id: Generated<number | string>;
  notice_id: string;
  sha256: string;
  mime: "image/jpeg";
  width: number;
  height: number;
  bytes: Buffer;
  public_consent: Generated<boolean>;
  recorded_by: string | null;
  recorded_at: Timestamp;
  retracted_at: Date | null;
}

export interface NoticeEventsTable {
  id: Generated<number>;
  notice_id: string;
  at: Timestamp;
  actor_user_id: string | null;
  actor_username: string;
  actor_country: string;
  actor_role: string;
  action: string;
  from_state: string | null;
  to_state: string;
  reasons: string | null;
  detail: Json<Record<string, unknown>>;
}

export interface DiffusionsTable extends EnvelopeColumns {
  id: Generated<string>;
  kind: string;
  payload: Json<Record<string, unknown>>;
  review_state: "unreviewed" | "confirmed" | "cancelled";
  reviewed_by: string | null;
  reviewed_at: Date | null;
  review_reasons: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Raised by one on every update (migration 021): a client's stale write is refused. */
  version: Generated<number>;
}

export interface UnListingsTable {
  reference_number: string;
  notice_id: string;
  data_id: number;
  version_num: number;
  content_hash: string;
  regime: string;
  kind: "individual" | "entity";
  listed_on: string | null;
  entry: Json<Record<string, unknown>>;
  last_generated_at: Timestamp;
  delisted_at: Date | null;
}

export type DocumentType = "passport" | "id_card" | "visa" | "residence_permit" | "travel_document" | "other";
export type DocumentStatus = "stolen" | "lost" | "revoked" | "invalidated";

/** Stolen and lost travel documents (007_travel_documents.sql). */
export interface TravelDocumentsTable extends EnvelopeColumns {
  /** bigint identity, parsed as a number (db.ts). */
  id: Generated<number>;
  /** ICAO Doc 9303 code of the issuing state or organisation ('D' for Germany). */
  issuing_country: string;
  number: string;
  number_norm: string;
  doc_type: DocumentType;
  status: DocumentStatus;
  blank: Generated<boolean>;
  event_date: string | null;
  reported_date: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MigrationsTable {
  name: string;
  applied_at: Timestamp;
}

/** 008_firearms_vehicles_materials.sql: the object databases, each row under its envelope. */
export interface FirearmsTable extends EnvelopeColumns {
  id: Generated<string>;
  serial_number: string;
  serial_normalized: string;
  make: string;
  model: string | null;
  calibre: string | null;
  type: string;
  country_of_manufacture: string | null;
  status: string;
  event_date: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FirearmTraceRequestsTable {
  id: Generated<string>;
  firearm_id: string;
  requesting_country: string;
  addressed_country: string;
  question: string;
  deadline: string;
  status: Generated<"open" | "answered" | "declined">;
  reply: string | null;
  replied_by: string | null;
  replied_at: Date | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface VehiclesTable extends EnvelopeColumns {
  id: Generated<string>;
  vin: string | null;
  plate: string | null;
  plate_normalized: string | null;
  plate_country: string | null;
  make: string;
  model: string | null;
  colour: string | null;
  status: string;
  event_date: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CbrneMaterialsTable extends EnvelopeColumns {
  id: Generated<string>;
  category: string;
  description: string;
  identifier: string | null;
  identifier_normalized: string | null;
  quantity: number | null;
  unit: string | null;
  place: string | null;
  country: string;
  event_date: string;
  status: string;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ResolutionCandidatesTable {
  id: Generated<number>;
  left_id: string;
  right_id: string;
  score: number;
  explanation: Json<Record<string, unknown>>;
  run_id: string;
  created_at: Timestamp;
}

export type JudgementValue = "positive" | "negative" | "unsure";

export interface ResolutionJudgementsTable {
  id: Generated<number>;
  left_id: string;
  right_id: string;
  judgement: JudgementValue;
  /** The cluster's canonical id (NK-...) for a positive judgement. */
  canonical_id: string | null;
  score: number | null;
  user_name: string;
  user_id: string | null;
  user_country: string;
  created_at: Timestamp;
  deleted_at: Date | null;
  deleted_by: string | null;
}

export interface ResolutionRunsTable {
  id: Generated<string>;
  status: "running" | "done" | "failed";
  phase: string;
  done: Generated<number>;
  total: Generated<number>;
  subjects: Generated<number>;
  pairs_scored: Generated<number>;
  candidates: Generated<number>;
  error: string | null;
  started_by: string;
  started_at: Timestamp;
  updated_at: Timestamp;
  finished_at: Date | null;
}

export type ScreeningSubjectKind = "notice" | "diffusion" | "person" | "document" | "firearm" | "vehicle";
export type HitState = "pending" | "confirmed" | "rejected";

/** A screening hit (migration 015): read through fusion_hit_visible only. */
export interface ScreeningHitsTable {
  id: Generated<string>;
  seq: Generated<number>;
  at: Timestamp;
  checked_by_country: string;
  checked_by: string;
  checked_by_kind: "user" | "client";
  location: string | null;
  traveller: Json<Record<string, unknown>>;
  traveller_key: string;
  subject_kind: ScreeningSubjectKind;
  subject_id: string;
  reference: string | null;
  category: string;
  score: number;
  explanation: Json<Record<string, unknown>>;
  action: string;
  discreet: boolean;
  owner: string;
  state: Generated<HitState>;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
}

export interface ScreeningWebhooksTable {
  country: string;
  url: string;
  secret_box: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ScreeningDeliveriesTable {
  id: Generated<number>;
  hit_id: string;
  country: string;
  attempts: Generated<number>;
  next_at: Timestamp;
  delivered_at: Date | null;
  given_up_at: Date | null;
  last_error: string | null;
}

/** A biometric template enrolled on a person (migration 016): readable only joined to its record. */
export interface BiometricTemplatesTable {
  id: Generated<string>;
  record_id: string;
  modality: "fingerprint" | "face";
  format: string;
  fingers: Generated<number[]>;
  minutiae: number | null;
  dimension: number | null;
  template: Buffer;
  sha256: string;
  source: string;
  recorded_by: string | null;
  recorded_at: Timestamp;
  retracted_at: Date | null;
  /** A face template made from a record photo names it (migration 017). */
  photo_id: Generated<number | string | null>;
}

/** One 1:N biometric search (migration 017): read through fusion_biometric_search_visible. */
export interface BiometricSearchesTable {
  id: Generated<string>;
  seq: Generated<number | string>;
  at: Timestamp;
  country: string;
  searched_by: string;
  searched_by_kind: "user" | "client" | "system";
  purpose: "search" | "screening";
  modality: "fingerprint" | "face";
  reason: string;
  probe_format: string;
  probe_minutiae: number | null;
  probe_dimension: number | null;
  probe_template: Buffer;
  probe_sha256: string;
  probe_image: Buffer | null;
  threshold: number;
  location: string | null;
  traveller: Json<Record<string, unknown>> | null;
  state: Generated<"pending" | "decided">;
}

/** A ranked candidate of a search: read joined to its search and its person, both guarded. */
export interface BiometricCandidatesTable {
  id: Generated<string>;
  search_id: string;
  rank: number;
  template_id: string;
  record_id: string;
  score: number;
  above_threshold: boolean;
}

/** A decision on a search, append-only: read joined to its search, guarded. */
export interface BiometricDecisionsTable {
  id: Generated<string>;
  seq: Generated<number | string>;
  search_id: string;
  decision: "potential_candidate" | "no_candidate" | "inconclusive";
  candidate_id: string | null;
  note: string | null;
  decided_by: string;
  decided_by_user: string | null;
  decided_at: Timestamp;
  hit_id: string | null;
}

/** A notification to one person (migration 018): read joined to its record, through that record's guard. */
export interface NotificationsTable {
  id: Generated<number | string>;
  user_id: string;
  kind: string;
  record_type: "notice" | "diffusion" | "referral" | "trace_request" | "screening_hit";
  record_id: string;
  detail: Json<Record<string, unknown>>;
  created_at: Timestamp;
  read_at: Date | null;
}

/** A received diffusion opened by someone of the recipient country (migration 018). */
export interface DiffusionReadsTable {
  diffusion_id: string;
  country: string;
  read_by: string | null;
  read_at: Timestamp;
}

export interface Database {
  countries: CountriesTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_clients: ApiClientsTable;
  records: RecordsTable;
  record_statements: RecordStatementsTable;
  record_photos: RecordPhotosTable;
  audit_log: AuditLogTable;
  change_feed: ChangeFeedTable;
  schema_migrations: MigrationsTable;
  notices: NoticesTable;
  notice_events: NoticeEventsTable;
  notice_photos: NoticePhotosTable;
  diffusions: DiffusionsTable;
  un_listings: UnListingsTable;
  hash_banks: HashBanksTable;
  hash_entries: HashEntriesTable;
  content_referrals: ContentReferralsTable;
  platform_partners: PlatformPartnersTable;
  content_media: ContentMediaTable;
  firearms: FirearmsTable;
  firearm_trace_requests: FirearmTraceRequestsTable;
  vehicles: VehiclesTable;
  cbrne_materials: CbrneMaterialsTable;
  travel_documents: TravelDocumentsTable;
  resolution_candidates: ResolutionCandidatesTable;
  resolution_judgements: ResolutionJudgementsTable;
  resolution_runs: ResolutionRunsTable;
  screening_hits: ScreeningHitsTable;
  screening_webhooks: ScreeningWebhooksTable;
  screening_deliveries: ScreeningDeliveriesTable;
  biometric_templates: BiometricTemplatesTable;
  biometric_searches: BiometricSearchesTable;
  biometric_candidates: BiometricCandidatesTable;
  biometric_decisions: BiometricDecisionsTable;
  notifications: NotificationsTable;
  diffusion_reads: DiffusionReadsTable;
}
