import type { Accuracy, Envelope, HandlingCode, Reliability } from "../../lib/envelope.ts";

export type { Accuracy, Envelope, HandlingCode, Reliability };

export interface IntelRecord {
  id: string;
  schema: string;
  caption: string;
  properties: Record<string, string[]>;
  /** The Latin reading of each name written in another script, by the name as written. */
  readings: Record<string, string>;
  envelope: Envelope;
  reference?: string | null;
  /** Past its review date without re-validation: kept, no longer served to screening. */
  reviewOverdue?: boolean;
  createdAt: string;
  updatedAt: string;
}

/** FollowTheMoney schemata (plus Firearm) offered in the type filter. */
export const SCHEMATA = [
  "Person",
  "Organization",
  "LegalEntity",
  "Passport",
  "Identification",
  "Address",
  "BankAccount",
  "CryptoWallet",
  "Vehicle",
  "Firearm",
  "Event",
  "Membership",
  "Family",
  "Associate",
  "Ownership",
  "Payment",
  "UnknownLink",
] as const;

/** The collecting unit, place, date and circumstances of battlefield data. */
export interface Capture {
  unit: string;
  place: string;
  date: string;
  context: string;
}

/** One value of a record with its provenance (GET /records/{id}/history). */
export interface Statement {
  prop: string;
  value: string;
  /** ISO 15924 script of a name written in a non-Latin script, and its Latin reading. */
  script: string | null;
  latin: string | null;
  source: string;
  statedBy: string;
  sourceType: string;
  statedAt: string;
  capture: Capture | null;
  recordedAt: string;
  retractedAt: string | null;
}

export interface RecordRef {
  id: string;
  schema: string;
  caption: string;
  owner: string;
}

/** Why a pair was suggested: one entry per feature, with the weight it added to the score. */
export interface Explanation {
  name?: { score: number; left: string; right: string };
  birthDate?: { result: string; weight: number };
  nationality?: { result: string; weight: number };
  identifiers?: { shared: string[]; weight: number };
  documents?: { shared: string[]; weight: number };
  gender?: { result: string; weight: number };
}

export interface Candidate {
  id: number;
  score: number;
  explanation: Explanation;
  left: RecordRef;
  right: RecordRef;
  createdAt: string;
}

export type JudgementValue = "positive" | "negative" | "unsure";

export interface Judgement {
  id: number;
  left: string;
  right: string;
  judgement: JudgementValue;
  canonicalId: string | null;
  user: string;
  userCountry: string;
  createdAt: string;
  deletedAt: string | null;
}

export interface MergedProvenance {
  recordId: string;
  source: string;
  statedBy: string;
  sourceType: string;
  statedAt: string;
  capture: Capture | null;
  recordedAt: string;
}

export interface MergedEntity {
  id: string;
  schema: string;
  members: RecordRef[];
  properties: Record<string, { value: string; provenance: MergedProvenance[] }[]>;
  judgements: Judgement[];
}

/** Persons and groups: the schemata these screens search and enter. */
export const PARTY_SCHEMATA = ["Person", "Organization", "LegalEntity"] as const;
