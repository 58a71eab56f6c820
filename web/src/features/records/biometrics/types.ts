/*
 * The biometric search API's answers as the web app reads them (docs/biometric-search.md): templates
 * enrolled on a person, 1:N searches with their ranked candidates, and the bureau's decisions.
 */

export type Modality = "fingerprint" | "face";
export type SearchState = "pending" | "decided";
export type DecisionKind = "potential_candidate" | "no_candidate" | "inconclusive";

export const DECISIONS: readonly DecisionKind[] = ["potential_candidate", "no_candidate", "inconclusive"];

/** A template on a person; retracted ones stay as history. */
export interface BiometricTemplate {
  id: string;
  modality: Modality;
  /** The standard (iso-19794-2-2005, ansi-378-2009, ...) or "face:<model>". */
  format: string;
  /** Finger positions held (0 unknown, 1 right thumb ... 10 left little). */
  fingers: number[];
  minutiae: number | null;
  dimension: number | null;
  sha256: string;
  source: string;
  recordedAt: string;
  retractedAt: string | null;
  /** The record photo a face template was made from. */
  photoId?: string | number | null;
}

export interface EnrolResult {
  created: boolean;
  templates: BiometricTemplate[];
}

export interface Candidate {
  id: string;
  rank: number;
  score: number;
  aboveThreshold: boolean;
  templateId: string;
  recordId: string;
  caption: string;
  reference: string | null;
  owner: string;
  fingers: number[];
  photoId: string | number | null;
}

export interface Decision {
  id: string;
  decision: DecisionKind;
  candidateId: string | null;
  note: string | null;
  decidedBy: string;
  decidedAt: string;
}

export interface BiometricSearch {
  id: string;
  seq: number;
  at: string;
  country: string;
  searchedBy: string;
  purpose: "search" | "screening";
  modality: Modality;
  reason: string;
  probe: {
    format: string;
    minutiae: number | null;
    dimension: number | null;
    sha256: string;
    hasImage: boolean;
  };
  location: string | null;
  traveller: { name?: unknown } | null;
  threshold: number;
  state: SearchState;
  candidates: Candidate[];
  decision: Decision | null;
  decisions: Decision[];
}

/** A search as the list gives it: without its candidates and decisions, with how many it has. */
export type SearchSummary = Omit<BiometricSearch, "candidates" | "decisions"> & {
  /** The candidates the reader may see. */
  candidateCount: number;
};

export interface SearchList {
  items: SearchSummary[];
  pending: number;
}

export type MinutiaType = "ending" | "bifurcation" | "other";

export interface Minutia {
  x: number;
  y: number;
  /** Degrees, counter-clockwise from the positive x axis (y grows downwards, as in the standards). */
  angle: number;
  type: MinutiaType;
  quality: number;
}

export interface MinutiaeView {
  position: number;
  width: number;
  height: number;
  resolution: number;
  minutiae: Minutia[];
}

export interface MinutiaeSet {
  format: string;
  views: MinutiaeView[];
}

/** What a search is run with: a fingerprint template file, or a face image (a file or a capture). */
export type Probe =
  | { kind: "fingerprint"; file: Blob; name: string }
  | { kind: "face"; file: Blob; name: string };
