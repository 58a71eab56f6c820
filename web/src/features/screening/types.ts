import type { Body, Schema } from "../../lib/api/schema.ts";

/*
 * The screening API's answers as the contract names them (ScreeningCheckResult, ScreeningHit,
 * StoredHit, ManifestResult). The contract leaves an explanation open (plain JSON in codes): the
 * interfaces at the end say how this app reads one, and explain.ts turns it into sentences.
 */

type WithExplanation<T> = Omit<T, "explanation"> & { explanation: Explanation };

export type MatchView = WithExplanation<Schema<"ScreeningHit">>;
export type HitKind = MatchView["kind"];

type CheckResult = Schema<"ScreeningCheckResult">;
/** A check's answer; a manifest's rows carry the same without the biometric outcome. */
export type TravellerResult = Omit<CheckResult, "hits" | "biometric"> & {
  hits: MatchView[];
  /** A single check's biometrics (absent in a manifest's rows, null when none were sent). */
  biometric?: CheckResult["biometric"];
};
export type MrzSummary = NonNullable<CheckResult["mrz"]>;
/** What the zone says, as read (dates YYYY-MM-DD, or shorter where the zone leaves them open). */
export type MrzReading = MrzSummary["read"];
export type Issue = MrzSummary["problems"][number];
export type BiometricOutcome = NonNullable<CheckResult["biometric"]>;

export type CheckRequest = Body<"screenTraveller">;

type Manifest = Schema<"ManifestResult">;
type ManifestPassenger = Manifest["passengers"][number];
/** The passenger as the manifest gave them (null for a row that could not be read). */
export type ManifestTraveller = NonNullable<ManifestPassenger["traveller"]>;
export type ManifestRow = Omit<ManifestPassenger, "result"> & { result: TravellerResult | null };
export type ManifestResult = Omit<Manifest, "passengers"> & { passengers: ManifestRow[] };

/** A progress line of the streamed manifest answer. */
export interface ManifestProgress {
  screened: number;
  total: number;
}

/** The traveller as the hit stored it (the contract leaves it open: the fields the check was given). */
export interface StoredTraveller {
  id?: string;
  name?: string;
  dateOfBirth?: string;
  nationality?: string;
  sex?: string;
  documents?: { number?: string; country?: string; type?: string }[];
}

export type StoredHit = Omit<WithExplanation<Schema<"StoredHit">>, "traveller"> & {
  traveller: StoredTraveller;
};
export type HitState = StoredHit["state"];

export type HitList = { items: StoredHit[]; pending: number };

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
