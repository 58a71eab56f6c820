import type { Schema } from "../../lib/api/schema.ts";
import type { Accuracy, Envelope, HandlingCode, Reliability } from "../../lib/envelope.ts";

export type { Accuracy, Envelope, HandlingCode, Reliability };

/** A record as the contract names it (Record); its parts below. */
export type IntelRecord = Schema<"Record">;

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
export type Capture = Schema<"Capture">;

/** One value of a record with its provenance (GET /records/{id}/history). */
export type Statement = Schema<"RecordStatement">;

export type RecordRef = Schema<"ResolutionRecordRef">;

export type Candidate = Schema<"ResolutionCandidate">;

/** Why a pair was suggested: one entry per feature, with the weight it added to the score. */
export type Explanation = Candidate["explanation"];

export type Judgement = Schema<"ResolutionJudgement">;
export type JudgementValue = Judgement["judgement"];

export type MergedEntity = Schema<"MergedEntity">;
export type MergedProvenance = MergedEntity["properties"][string][number]["provenance"][number];

/** Persons and groups: the schemata these screens search and enter. */
export const PARTY_SCHEMATA = ["Person", "Organization", "LegalEntity"] as const;
