/** What the object databases' API answers (docs/openapi.json: TravelDocument, Firearm, Vehicle, ...). */
export type HandlingCode = "H0" | "H1" | "H2" | "H3";
export type Reliability = "A" | "B" | "C" | "X";

export interface Envelope {
  owner: string;
  distribution: "all" | "only" | "except";
  distributionCountries: string[];
  handlingCode: HandlingCode;
  handlingNote: string | null;
  sourceReliability: Reliability;
  informationAccuracy: number;
  sourceType: string;
  reviewAt: string;
}

/** Any item of an object database: its fields by API name, and the envelope. */
export interface DbItem {
  id: string;
  envelope: Envelope;
  createdAt: string;
  updatedAt: string;
  [field: string]: unknown;
}

export interface TraceRequest {
  id: string;
  requestingCountry: string;
  addressedCountry: string;
  question: string;
  deadline: string;
  status: "open" | "answered" | "declined" | "overdue";
  reply: string | null;
  repliedAt: string | null;
  firearmId: string | null;
  firearm: (DbItem & { serialNumber: string; make: string }) | null;
  createdAt: string;
}

export interface Reject {
  line: number;
  reason: string;
  raw: string;
}

export interface ImportReport {
  rows: number;
  accepted: number;
  rejected: number;
  created: number;
  updated: number;
  unchanged: number;
  batches: number;
  ms: number;
  rejects: Reject[];
}

/** A progress line of the streamed import (POST .../import with Accept: application/x-ndjson). */
export interface ImportProgress {
  rows: number;
  rejected: number;
  bytes: number;
  totalBytes: number;
  rowsPerSecond: number;
  etaSeconds: number | null;
}

export type ReviewType = "records" | "travel_documents" | "firearms" | "vehicles" | "cbrne_materials";

export interface DueItem {
  type: ReviewType;
  id: string;
  caption: string;
  reviewAt: string;
  status: "due" | "overdue";
}

export interface DuePage {
  country: string;
  asOf: string;
  dueBy: string;
  oversight: boolean;
  items: DueItem[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ReviewReport {
  country: string;
  asOf: string;
  dueBy: string;
  oversight: boolean;
  types: { type: ReviewType; overdue: number; due: number; later: number }[];
}
