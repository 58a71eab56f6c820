import { type Answer, allOf, type Item, type QueryOf, type Schema } from "../../lib/api/schema.ts";

/** Hash banks as the contract names them (HashBank, HashEntry, HashMatch); menus list its enums. */
export type Bank = Schema<"HashBank">;
/** An entry; in bank listings it also says whether a thumbnail was kept (added from an image). */
export type Entry = Schema<"HashEntry"> & Partial<Pick<Item<"listBankEntries">, "hasThumbnail">>;
export type SignalType = Entry["signalType"];
export type EntryStatus = Entry["status"];
export type ExchangeFormat = NonNullable<QueryOf<"exportBank">["format"]>;

export const SIGNAL_TYPES = allOf<SignalType>()(["pdq", "md5", "sha256", "video_md5"]);
export const SIGNAL_HEX_LENGTH: Record<SignalType, number> = { pdq: 64, md5: 32, sha256: 64, video_md5: 32 };

export const ENTRY_STATUSES = allOf<EntryStatus>()(["active", "disputed", "retired"]);

export const EXCHANGE_FORMATS = allOf<ExchangeFormat>()(["plain", "csv", "json"]);

/** PDQ hashes below this quality are kept but never matched. */
export const MIN_PDQ_QUALITY = 50;
/** The image match route refuses larger bodies. */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

export type EntryPage = Answer<"listBankEntries">;

export type ImportResult = Answer<"importBankEntries">;

export type Match = Schema<"HashMatch">;

/** `matched` is false when a PDQ query's quality is below 50: it was not matched. */
export type MatchResult = Answer<"matchHash">;

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
