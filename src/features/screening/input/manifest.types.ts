import type { TravellerInput, TravellerResult } from "./traveller.ts";

export type ManifestFormat = "csv" | "json" | "jsonl" | "paxlst";

/** One passenger: its place in the file, its id, and the traveller or the reasons it cannot be read. */
export interface ManifestRow {
  /** From 1, in the order of the file. */
  position: number;
  /** The id column (CSV, JSON); for PAXLST the passenger's RFF reference; else the position. */
  id: string;
  result: TravellerResult;
}

export type ManifestProblemCode =
  | "empty"
  | "binary"
  | "too_large"
  | "too_many_rows"
  | "unknown_format"
  | "missing_header"
  | "invalid_json"
  | "not_paxlst"
  | "truncated"
  | "segment_count"
  | "envelope";

/** A problem of the whole file, as opposed to one row's. */
export interface ManifestProblem {
  code: ManifestProblemCode;
  message: string;
}

export interface Manifest {
  /** null when the content is no manifest at all (empty, binary). */
  format: ManifestFormat | null;
  passengers: ManifestRow[];
  problems: ManifestProblem[];
}

/** What a format reader gives for one row before validation: an input, or why the row is unreadable. */
export type RawRow = { position: number; id: string | null; input: TravellerInput; problems?: string[] };
export type FormatReading = { rows: RawRow[]; problems: ManifestProblem[] };
