import { z } from "zod";

/*
 * The screening API's shapes. Field checks beyond type and length (dates that exist, known country
 * codes, MRZ check digits) are the input readers' (input/traveller.ts), which report every problem
 * by field at once.
 */

const text = (max: number) => z.string().max(max);
/** A 10 MiB photo, base64-encoded (4 characters for every 3 bytes), with room for a data-URL prefix. */
export const MAX_FACE_PHOTO_BASE64 = Math.ceil((10 * 1024 * 1024) / 3) * 4 + 100;
const hitKinds = ["notice", "diffusion", "person", "document", "firearm", "vehicle"] as const;

export const travellerFields = {
  name: text(400).optional().describe("Full name as written, any script, any order"),
  surname: text(200).optional(),
  givenNames: text(200).optional(),
  dateOfBirth: text(20).optional().describe("YYYY-MM-DD, YYYY-MM or YYYY"),
  nationality: text(3).optional().describe("ISO 3166-1 alpha-2 or ICAO alpha-3"),
  sex: text(10).optional().describe("M, F or X"),
  documentNumber: text(60).optional(),
  documentCountry: text(3).optional().describe("Issuing state: ICAO code (D, FRA) or ISO alpha-2"),
  documentType: text(30)
    .optional()
    .describe("passport, id_card, visa, residence_permit, travel_document, other"),
  mrz: text(300).optional().describe("The machine-readable zone, lines separated by newlines"),
};

/** A firearm or vehicle the traveller carries or drives, checked against the police databases. */
export const objectFields = {
  firearmSerialNumber: text(60).optional(),
  vehicleVin: text(30).optional(),
  vehiclePlate: text(30).optional(),
};

/** The traveller's biometrics, as a border system captures them (docs/biometric-search.md). */
export const biometricFields = {
  fingerprintTemplate: text(400_000)
    .optional()
    .describe("Base64 of an ISO/IEC 19794-2 or ANSI INCITS 378 minutiae template"),
  facePhoto: text(MAX_FACE_PHOTO_BASE64)
    .optional()
    .describe("Base64 of a JPEG, PNG or WebP photo with the traveller's face (a data URL is accepted)"),
  faceTemplate: z
    .object({ vector: z.array(z.number()).min(2).max(4096), model: z.string().trim().min(1).max(80) })
    .strict()
    .optional()
    .describe("A face template from the capture system: its values and the model that made them"),
};

export const checkRequestSchema = z
  .object({
    ...travellerFields,
    ...objectFields,
    ...biometricFields,
    location: text(200).optional().describe("Where the traveller is checked: a border post, a flight"),
  })
  .strict();
export type CheckRequest = z.infer<typeof checkRequestSchema>;

const contactSchema = z.object({ country: z.string(), name: z.string() });

export const hitViewSchema = z
  .object({
    hitId: z.string().nullable().describe("The stored hit (null for a possible match, which is not stored)"),
    score: z.number(),
    match: z.boolean(),
    kind: z.enum(hitKinds),
    category: z
      .string()
      .describe("Notice type, diffusion kind, 'person', or the document's, firearm's or vehicle's status"),
    reference: z.string().describe("UN reference, notice number, or the record's reference"),
    caption: z.string(),
    action: z.string(),
    contact: contactSchema,
    explanation: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "ScreeningHit" });

const issueSchema = z.object({ field: z.string(), message: z.string() });

export const mrzSummarySchema = z.object({
  format: z.string(),
  read: z
    .object({
      documentType: z.string(),
      issuingState: z.string(),
      documentNumber: z.string(),
      surname: z.string(),
      givenNames: z.string(),
      nationality: z.string(),
      dateOfBirth: z.string().nullable(),
      sex: z.string().nullable(),
      expiryDate: z.string().nullable(),
    })
    .describe("What the zone says, as read"),
  valid: z.boolean().describe("Every check digit right: false means the document is unverified"),
  expired: z.boolean(),
  checks: z.array(z.object({ field: z.string(), valid: z.boolean() })),
  problems: z.array(issueSchema),
});

export const travellerResultSchema = z
  .object({
    hit: z.boolean(),
    action: z.string().nullable(),
    discreet: z.boolean(),
    hits: z.array(hitViewSchema),
    mrz: mrzSummarySchema.nullable(),
    warnings: z.array(issueSchema),
  })
  .meta({ id: "ScreeningResult" });
export type TravellerResultView = z.infer<typeof travellerResultSchema>;

/** One traveller's check: the result, and what its biometrics gave (null when it carried none). */
export const checkResultSchema = travellerResultSchema
  .extend({
    biometric: z
      .object({
        status: z.enum(["refer", "none"]),
        message: z.string(),
        searchId: z
          .string()
          .nullable()
          .describe("The stored search the bureau decides on (refer); the frontline cannot open it"),
      })
      .nullable(),
  })
  .meta({ id: "ScreeningCheckResult" });
export type CheckResultView = z.infer<typeof checkResultSchema>;

export const manifestQuery = z.object({ location: text(200).optional() }).strict();

export const manifestRowSchema = z.object({
  position: z.number().int(),
  id: z.string(),
  traveller: z
    .object({
      name: z.string().nullable(),
      dateOfBirth: z.string().nullable(),
      nationality: z.string().nullable(),
      documentNumber: z.string().nullable(),
    })
    .nullable()
    .describe("The passenger as read (null for a row that cannot be read)"),
  result: travellerResultSchema.nullable(),
  problems: z.array(issueSchema),
});

export const manifestResultSchema = z
  .object({
    format: z.enum(["csv", "json", "jsonl", "paxlst"]),
    passengers: z.array(manifestRowSchema),
    problems: z.array(issueSchema).describe("Problems with the file as a whole (a message cut short)"),
    summary: z.object({
      passengers: z.number().int(),
      screened: z.number().int(),
      unreadable: z.number().int(),
      hits: z.number().int(),
    }),
  })
  .meta({ id: "ManifestResult" });

export const carrierCheckSchema = z
  .object({
    documentNumber: text(60),
    documentType: text(30),
    issuingCountry: text(3),
  })
  .strict();

export const carrierAnswerSchema = z
  .object({ decision: z.enum(["board", "do_not_board"]) })
  .meta({ id: "CarrierAnswer" });

export const hitStates = ["pending", "confirmed", "rejected"] as const;

export const storedHitSchema = z
  .object({
    id: z.string(),
    seq: z.number().int(),
    at: z.string(),
    checkedByCountry: z.string(),
    checkedBy: z.string(),
    location: z.string().nullable(),
    traveller: z.record(z.string(), z.unknown()),
    subjectKind: z.enum(hitKinds),
    subjectId: z.string(),
    reference: z.string().nullable(),
    category: z
      .string()
      .describe("Notice type, diffusion kind, 'person', or the status of the document, firearm or vehicle"),
    score: z.number(),
    explanation: z.record(z.string(), z.unknown()),
    action: z.string(),
    discreet: z.boolean(),
    owner: z.string(),
    state: z.enum(hitStates),
    decidedAt: z.string().nullable(),
    decisionNote: z.string().nullable(),
  })
  .meta({ id: "StoredHit" });
export type StoredHitView = z.infer<typeof storedHitSchema>;

export const listHitsQuery = z
  .object({
    state: z.enum(hitStates).optional(),
    role: z
      .enum(["owner", "checker"])
      .optional()
      .describe("owner: hits on your records; checker: your country's checks"),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

export const hitListSchema = z.object({ items: z.array(storedHitSchema), pending: z.number().int() });

export const decisionSchema = z
  .object({ decision: z.enum(["confirm", "reject"]), note: z.string().trim().max(2000).optional() })
  .strict();

export const webhookSchema = z
  .object({
    url: z.url({ protocol: /^https?$/ }).max(500),
    secret: z
      .string()
      .min(16)
      .max(200)
      .describe("The HMAC-SHA256 key your system verifies X-Fusion-Signature with"),
  })
  .strict();

export const statusSchema = z.object({
  listed: z.number().int(),
  documentNumbers: z.number().int(),
  memoryBytes: z.object({ names: z.number().nullable(), documents: z.number() }),
});
