/*
 * The screening API's answers as the web app reads them (src/features/screening/screening.schema.ts).
 * Explanations are plain JSON in codes; explain.ts turns them into sentences in the reader's language.
 */

export type HitKind = "notice" | "diffusion" | "person" | "document" | "firearm" | "vehicle";
export type HitState = "pending" | "confirmed" | "rejected";

export interface Issue {
  field: string;
  message: string;
}

export interface MatchView {
  /** The stored hit, or null for a possible match (under the threshold, not stored). */
  hitId: string | null;
  score: number;
  match: boolean;
  kind: HitKind;
  /** Notice type, diffusion kind, "person", or the status of the document, firearm or vehicle. */
  category: string;
  reference: string;
  caption: string;
  action: string;
  contact: { country: string; name: string };
  explanation: Explanation;
}

/** What the zone says, as read (dates YYYY-MM-DD, or shorter where the zone leaves them open). */
export interface MrzReading {
  documentType: string;
  issuingState: string;
  documentNumber: string;
  surname: string;
  givenNames: string;
  nationality: string;
  dateOfBirth: string | null;
  sex: string | null;
  expiryDate: string | null;
}

export interface MrzSummary {
  format: string;
  read: MrzReading;
  valid: boolean;
  expired: boolean;
  checks: { field: string; valid: boolean }[];
  problems: Issue[];
}

export interface TravellerResult {
  hit: boolean;
  action: string | null;
  discreet: boolean;
  hits: MatchView[];
  mrz: MrzSummary | null;
  warnings: Issue[];
  /** A single check's biometrics (absent in a manifest's rows, null when none were sent). */
  biometric?: BiometricOutcome | null;
}

export interface BiometricOutcome {
  status: "refer" | "none";
  message: string;
  searchId: string | null;
}

export interface CheckRequest {
  name?: string;
  dateOfBirth?: string;
  nationality?: string;
  sex?: string;
  documentNumber?: string;
  documentCountry?: string;
  documentType?: string;
  mrz?: string;
  firearmSerialNumber?: string;
  vehicleVin?: string;
  vehiclePlate?: string;
  fingerprintTemplate?: string;
  facePhoto?: string;
  location?: string;
}

/** The passenger as the manifest gave them (null for a row that could not be read). */
export interface ManifestTraveller {
  name: string | null;
  dateOfBirth: string | null;
  nationality: string | null;
  documentNumber: string | null;
}

export interface ManifestRow {
  position: number;
  id: string;
  traveller: ManifestTraveller | null;
  result: TravellerResult | null;
  problems: Issue[];
}

export interface ManifestResult {
  format: "csv" | "json" | "jsonl" | "paxlst";
  passengers: ManifestRow[];
  problems: Issue[];
  summary: { passengers: number; screened: number; unreadable: number; hits: number };
}

export interface ManifestProgress {
  screened: number;
  total: number;
}

/** The traveller as the hit stored it (the fields the check was given, documents as read). */
export interface StoredTraveller {
  id?: string;
  name?: string;
  dateOfBirth?: string;
  nationality?: string;
  sex?: string;
  documents?: { number?: string; country?: string; type?: string }[];
}

export interface StoredHit {
  id: string;
  seq: number;
  at: string;
  checkedByCountry: string;
  checkedBy: string;
  location: string | null;
  traveller: StoredTraveller;
  subjectKind: HitKind;
  subjectId: string;
  reference: string | null;
  /** Notice type, diffusion kind, "person", or the status of the document, firearm or vehicle. */
  category: string;
  score: number;
  explanation: Explanation;
  action: string;
  discreet: boolean;
  owner: string;
  state: HitState;
  decidedAt: string | null;
  decisionNote: string | null;
}

export interface HitList {
  items: StoredHit[];
  pending: number;
}

// ---- explanations (src/search/screening/explanation.ts, screening.candidates.ts) ----

export interface PartMatch {
  query: string;
  listed: string;
  how: string;
  score: number;
  joined?: boolean;
}

export interface NameExplanation {
  result: string;
  score: number;
  query: string;
  listed: string;
  scripts?: { query: string; listed: string };
  weakAlias?: boolean;
  parts: PartMatch[];
  missing: string[];
  extra: string[];
  conflicting: { query: string; listed: string }[];
  orderSwapped: boolean;
  filiationMismatch?: boolean;
  ignored: { word: string; why: string }[];
}

export interface BirthDateExplanation {
  result: string;
  effect: number;
  query?: string;
  listed?: string;
  queryReadAs?: string;
}

export interface QualifierExplanation {
  result: string;
  effect: number;
  query?: string;
  listed?: string[];
}

export interface DocumentExplanation {
  number: string;
  given?: string;
  listed?: string;
  issuingCountry: string;
  listedIssuingCountry?: string;
  type?: string;
  listedType?: string;
  status?: string;
  heldByListedPerson?: boolean;
}

export interface FirearmExplanation {
  serialNumber: string;
  given?: string;
  make: string;
  model?: string | null;
  type?: string | null;
  status: string;
}

export interface VehicleExplanation {
  matchedBy: "vin" | "plate";
  vin?: string | null;
  plate?: string | null;
  plateCountry?: string | null;
  make: string;
  model?: string | null;
  status: string;
}

export interface Explanation {
  summary?: string;
  name?: NameExplanation;
  birthDate?: BirthDateExplanation;
  nationality?: QualifierExplanation;
  sex?: QualifierExplanation;
  birthPlace?: QualifierExplanation;
  document?: DocumentExplanation;
  firearm?: FirearmExplanation;
  vehicle?: VehicleExplanation;
  /** A hit raised by a bureau's decision on a biometric candidate list. */
  modality?: "fingerprint" | "face";
  score?: number;
  decidedByCountry?: string;
}
