import type { Answer, Schema } from "../../lib/api/schema.ts";
import type { Envelope, HandlingCode, Reliability } from "../../lib/envelope.ts";

/** What the object databases' API answers, as the contract names it (TravelDocument, Firearm, ...). */
export type { Envelope, HandlingCode, Reliability };

/**
 * Any item of an object database, as the spec-driven screens read it: its fields by API name, and
 * the envelope. Every item schema of the contract (TravelDocument, Firearm, Vehicle, Material) fits.
 */
export interface DbItem {
  id: string;
  envelope: Envelope;
  createdAt: string;
  updatedAt: string;
  [field: string]: unknown;
}

export type TraceRequest = Schema<"TraceRequest">;

export type ImportReport = Schema<"ImportReport">;
export type Reject = ImportReport["rejects"][number];

/** A progress line of the streamed import (POST .../import with Accept: application/x-ndjson). */
export type ImportProgress = Omit<Extract<Schema<"ImportStreamLine">, { type: "progress" }>, "type">;

export type DueItem = Schema<"ReviewDueItem">;
export type ReviewType = DueItem["type"];

export type DuePage = Answer<"listReviewDue">;

export type ReviewReport = Schema<"ReviewReport">;
