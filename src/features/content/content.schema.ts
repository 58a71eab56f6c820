import { z } from "zod";
import { envelopeInputSchema, envelopeSchema } from "../../shared/envelope/envelope.schema.ts";

/** Signal types as Hasher-Matcher-Actioner and ThreatExchange name them, with their hex length. */
export const signalTypes = ["pdq", "md5", "sha256", "video_md5"] as const;
export type SignalType = (typeof signalTypes)[number];
export const signalHexLength: Record<SignalType, number> = { pdq: 64, md5: 32, sha256: 64, video_md5: 32 };

/** PDQ hashes below this quality are kept (they document what was seen) but never matched. */
export const MIN_PDQ_QUALITY = 50;

export const entryStatuses = ["active", "disputed", "retired"] as const;
export type EntryStatus = (typeof entryStatuses)[number];

const label = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_:.-]{0,63}$/, "a label: lowercase letters, digits, _ : . - (e.g. attack_footage)");
export const labelsSchema = z.array(label).max(20).default([]);

const uuid = z.uuid();

export const createBankSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    description: z.string().trim().max(2000).default(""),
    envelope: envelopeInputSchema,
    sharedWithAllPlatforms: z.boolean().default(false),
    sharedWithClients: z.array(uuid).max(500).default([]),
  })
  .strict();
export type CreateBankInput = z.input<typeof createBankSchema>;

export const updateBankSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    description: z.string().trim().max(2000).optional(),
    envelope: envelopeInputSchema.optional(),
    sharedWithAllPlatforms: z.boolean().optional(),
    sharedWithClients: z.array(uuid).max(500).optional(),
  })
  .strict();
export type UpdateBankInput = z.input<typeof updateBankSchema>;

export const bankSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    envelope: envelopeSchema,
    sharedWithAllPlatforms: z.boolean(),
    sharedWithClients: z.array(z.string()),
    entries: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "HashBank" });
export type BankView = z.infer<typeof bankSchema>;

export const createEntrySchema = z
  .object({
    signalType: z.enum(signalTypes),
    value: z.string().trim(),
    quality: z.number().int().min(0).max(100).nullable().optional(),
    labels: labelsSchema,
    contributedUnit: z.string().trim().min(1).max(200).optional(),
  })
  .strict()
  .superRefine((e, ctx) => {
    const problem = entryValueProblem(e.signalType, e.value);
    if (problem) ctx.addIssue({ code: "custom", path: ["value"], message: problem });
  });
export type CreateEntryInput = z.input<typeof createEntrySchema>;

export const updateEntrySchema = z
  .object({
    status: z.enum(entryStatuses).optional(),
    labels: z.array(label).max(20).optional(),
  })
  .strict();
export type UpdateEntryInput = z.input<typeof updateEntrySchema>;

/** Several entries of one bank to one status, with the reason: all change, or none does. */
export const bulkEntryStatusSchema = z
  .object({
    entryIds: z
      .array(
        z
          .number()
          .int()
          .min(1)
          .max(2 ** 32 - 1),
      )
      .min(1)
      .max(500),
    status: z.enum(entryStatuses),
    reason: z.string().trim().min(1).max(2000),
  })
  .strict();
export type BulkEntryStatusInput = z.input<typeof bulkEntryStatusSchema>;

export const entrySchema = z
  .object({
    id: z.number().int(),
    bankId: z.string(),
    signalType: z.enum(signalTypes),
    value: z.string(),
    quality: z.number().int().nullable(),
    labels: z.array(z.string()),
    status: z.enum(entryStatuses),
    contributedCountry: z.string(),
    contributedUnit: z.string().nullable(),
    firstSeen: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "HashEntry" });
export type EntryView = z.infer<typeof entrySchema>;

export const entrySorts = [
  "id",
  "-id",
  "signalType",
  "-signalType",
  "value",
  "-value",
  "quality",
  "-quality",
  "firstSeen",
  "-firstSeen",
  "status",
  "-status",
] as const;

export const listEntriesQuery = z
  .object({
    /** A column, descending with a leading minus; in entry order by default. Unknown quality last. */
    sort: z.enum(entrySorts).optional(),
    signalType: z.enum(signalTypes).optional(),
    status: z.enum(entryStatuses).optional(),
    label: z.string().max(64).optional(),
    page: z.coerce.number().int().min(1).max(1_000_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
export type ListEntriesQuery = z.output<typeof listEntriesQuery>;

export const exchangeFormats = ["plain", "csv", "json"] as const;
export type ExchangeFormat = (typeof exchangeFormats)[number];

export const importQuery = z
  .object({
    format: z.enum(exchangeFormats).default("plain"),
    /** For the plain format (one hash per line): which signal type the lines are. */
    signalType: z.enum(signalTypes).optional(),
    /** Labels added to every imported entry. */
    labels: z.string().max(500).optional(),
  })
  .strict();
export type ImportQuery = z.output<typeof importQuery>;
export type ImportQueryInput = z.input<typeof importQuery>;

export const importResultSchema = z.object({
  received: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  duplicatesInFile: z.number().int(),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const exportQuery = z
  .object({
    format: z.enum(exchangeFormats).default("plain"),
    signalType: z.enum(signalTypes).optional(),
    includeRetired: z.enum(["true", "false"]).default("false"),
  })
  .strict();
export type ExportQuery = z.output<typeof exportQuery>;
export type ExportQueryInput = z.input<typeof exportQuery>;

export const matchRequestSchema = z
  .object({
    signalType: z.enum(signalTypes),
    value: z.string().trim(),
    /** Quality of the query hash when known; a PDQ query below 50 is not matched. */
    quality: z.number().int().min(0).max(100).optional(),
    /** PDQ only: largest Hamming distance reported (default 31). */
    maxDistance: z.number().int().min(0).max(64).optional(),
  })
  .strict()
  .superRefine((e, ctx) => {
    const problem = signalValueProblem(e.signalType, e.value);
    if (problem) ctx.addIssue({ code: "custom", path: ["value"], message: problem });
  });
export type MatchRequest = z.input<typeof matchRequestSchema>;

export const imageMatchQuery = z
  .object({ maxDistance: z.coerce.number().int().min(0).max(64).optional() })
  .strict();

export const matchSchema = z
  .object({
    entryId: z.number().int(),
    bankId: z.string(),
    bankName: z.string(),
    signalType: z.enum(signalTypes),
    value: z.string(),
    /** Hamming distance for PDQ, 0 for exact digests. */
    distance: z.number().int(),
    labels: z.array(z.string()),
    // For human analysts only: platforms learn nothing about who contributed or the status.
    status: z.enum(entryStatuses).optional(),
    contributedCountry: z.string().optional(),
    contributedUnit: z.string().nullable().optional(),
    firstSeen: z.string().optional(),
  })
  .meta({ id: "HashMatch" });
export type MatchView = z.infer<typeof matchSchema>;

export const matchResultSchema = z.object({
  query: z.object({
    pdq: z.string().optional(),
    quality: z.number().int().optional(),
    md5: z.string().optional(),
    sha256: z.string().optional(),
  }),
  /** False when a PDQ query's quality is below 50: it was not matched. */
  matched: z.boolean(),
  matches: z.array(matchSchema),
});
export type MatchResult = z.infer<typeof matchResultSchema>;

/** Why a value is not a valid hash of its signal type, or null. Lowercase hex is canonical. */
export function signalValueProblem(type: string, value: string): string | null {
  const length = signalHexLength[type as SignalType];
  if (length === undefined) return `unknown signal type "${type}" (expected ${signalTypes.join(", ")})`;
  if (!/^[0-9a-fA-F]*$/.test(value)) return `a ${type} hash is hexadecimal (0-9, a-f)`;
  if (value.length !== length) return `a ${type} hash has ${length} hex digits (got ${value.length})`;
  return null;
}

/**
 * The digests of a zero-byte file. Every empty upload, failed download or truncated save has them,
 * so as a bank entry they would flag noise on every platform, and they say nothing about content.
 */
export const EMPTY_FILE_DIGESTS: Readonly<Partial<Record<SignalType, string>>> = {
  md5: "d41d8cd98f00b204e9800998ecf8427e",
  video_md5: "d41d8cd98f00b204e9800998ecf8427e",
  sha256: "e3b0c44298fc1c149afbf4899b6fb92427ae41e4649b934ca495991b7852b855",
};

/**
 * Why a value may not be stored as a bank entry, or null: the one rule the API, the imports and the
 * CLI share. Stricter than a match query, which may ask about any well-formed hash.
 */
export function entryValueProblem(type: string, value: string): string | null {
  const problem = signalValueProblem(type, value);
  if (problem) return problem;
  if (EMPTY_FILE_DIGESTS[type as SignalType] === value.toLowerCase())
    return `this is the ${type} of an empty file (zero bytes); it matches every empty upload and cannot be a bank entry`;
  return null;
}

export const isSignalType = (v: string): v is SignalType => (signalTypes as readonly string[]).includes(v);
