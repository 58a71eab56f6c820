import { type Answer, allOf, type Schema } from "../../../lib/api/schema.ts";

/*
 * The biometric search API's answers as the contract names them (docs/biometric-search.md): templates
 * enrolled on a person, 1:N searches with their ranked candidates, and the bureau's decisions.
 */

/** A template on a person; retracted ones stay as history. */
export type BiometricTemplate = Schema<"BiometricTemplate">;
export type Modality = BiometricTemplate["modality"];

export type EnrolResult = Answer<"enrolFingerprints">;

export type BiometricSearch = Schema<"BiometricSearch">;
export type SearchState = BiometricSearch["state"];
export type Candidate = Schema<"BiometricCandidate">;
export type Decision = Schema<"BiometricDecision">;
export type DecisionKind = Decision["decision"];

export const DECISIONS = allOf<DecisionKind>()(["potential_candidate", "no_candidate", "inconclusive"]);

/** A search as the list gives it: without its candidates and decisions, with how many it has. */
export type SearchSummary = Schema<"BiometricSearchSummary">;

export type SearchList = Answer<"listBiometricSearches">;

export type MinutiaeSet = Schema<"FingerprintMinutiae">;
export type MinutiaeView = MinutiaeSet["views"][number];
export type Minutia = MinutiaeView["minutiae"][number];
export type MinutiaType = Minutia["type"];

/** What a search is run with: a fingerprint template file, or a face image (a file or a capture). */
export type Probe =
  | { kind: "fingerprint"; file: Blob; name: string }
  | { kind: "face"; file: Blob; name: string };
