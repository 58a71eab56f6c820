import type { Envelope } from "../../lib/envelope.ts";

/** Mirrors src/features/content/content.schema.ts (the HTTP contract). */
export const SIGNAL_TYPES = ["pdq", "md5", "sha256", "video_md5"] as const;
export type SignalType = (typeof SIGNAL_TYPES)[number];
export const SIGNAL_HEX_LENGTH: Record<SignalType, number> = { pdq: 64, md5: 32, sha256: 64, video_md5: 32 };

export const ENTRY_STATUSES = ["active", "disputed", "retired"] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

export const EXCHANGE_FORMATS = ["plain", "csv", "json"] as const;
export type ExchangeFormat = (typeof EXCHANGE_FORMATS)[number];

/** PDQ hashes below this quality are kept but never matched. */
export const MIN_PDQ_QUALITY = 50;
/** The image match route refuses larger bodies. */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

export interface Bank {
  id: string;
  name: string;
  description: string;
  envelope: Envelope;
  sharedWithAllPlatforms: boolean;
  sharedWithClients: string[];
  entries: number;
  createdAt: string;
  updatedAt: string;
}

export interface Entry {
  id: number;
  bankId: string;
  signalType: SignalType;
  value: string;
  quality: number | null;
  labels: string[];
  status: EntryStatus;
  contributedCountry: string;
  contributedUnit: string | null;
  firstSeen: string;
  updatedAt: string;
  /** In bank listings: a thumbnail was kept when the entry was added from an image. */
  hasThumbnail?: boolean;
}

export interface EntryPage {
  items: Entry[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ImportResult {
  received: number;
  created: number;
  updated: number;
  unchanged: number;
  duplicatesInFile: number;
}

export interface Match {
  entryId: number;
  bankId: string;
  bankName: string;
  signalType: SignalType;
  value: string;
  distance: number;
  labels: string[];
  status?: EntryStatus;
  contributedCountry?: string;
  contributedUnit?: string | null;
  firstSeen?: string;
}

export interface MatchResult {
  query: { pdq?: string; quality?: number; md5?: string; sha256?: string };
  /** False when a PDQ query's quality is below 50: it was not matched. */
  matched: boolean;
  matches: Match[];
}

/** Why a value is not a hash of the type, as a message key suffix, or null (client-side hint only). */
export function hashProblem(type: SignalType, value: string): "hex" | "length" | null {
  if (!/^[0-9a-fA-F]*$/.test(value)) return "hex";
  if (value.length !== SIGNAL_HEX_LENGTH[type]) return "length";
  return null;
}

/** Labels as the user types them: split on spaces, commas or semicolons, lowercased. */
export const parseLabels = (text: string): string[] =>
  text
    .split(/[\s,;]+/)
    .map((l) => l.trim().toLowerCase())
    .filter(Boolean);
