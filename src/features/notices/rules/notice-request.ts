import { z } from "zod";

/**
 * zod schemas for a notice request, one discriminated union on `type`. The schemas check shape and
 * formats so that a draft can be saved while incomplete; whether a request is complete and admissible
 * (minimum identifiers, penalty thresholds, neutrality) is compliance.ts's job, with reasons.
 */

export const languages = ["en", "fr", "es", "ar"] as const;
export type Language = (typeof languages)[number];

const alpha2 = z.string().regex(/^[A-Z]{2}$/, "ISO 3166-1 alpha-2 code");
const isoDate = z.iso.date();
const shortText = z.string().trim().min(1).max(200);
const longText = z.string().trim().min(1).max(8000);
/** A reference to a stored file (photo, fingerprint set, DNA profile) rather than the file itself. */
const fileRef = z.string().trim().min(1).max(200);

/** Text written in one working language, with optional translations into the others. */
export const localisedText = z.object({
  language: z.enum(languages),
  text: longText,
  translations: z.partialRecord(z.enum(languages), longText).optional(),
});

/** A full date, a year, or a year range: sources often know no more than that. */
export const dateOfBirth = z.discriminatedUnion("precision", [
  z.object({ precision: z.literal("date"), date: isoDate }),
  z.object({ precision: z.literal("year"), year: z.int().min(1900).max(2100) }),
  z
    .object({ precision: z.literal("range"), fromYear: z.int().min(1900), toYear: z.int().max(2100) })
    .refine((r) => r.fromYear <= r.toYear, "fromYear must not be after toYear"),
]);

export const identityDocument = z.object({
  type: z.enum(["passport", "id_card", "driving_licence", "residence_permit", "other"]),
  number: shortText,
  issuingCountry: alpha2,
  expiresOn: isoDate.optional(),
});

export const personSubject = z.object({
  kind: z.literal("person"),
  familyName: shortText.optional(),
  forenames: shortText.optional(),
  nameOriginalScript: shortText.optional(),
  aliases: z.array(shortText).max(50).default([]),
  sex: z.enum(["M", "F", "U"]),
  dateOfBirth: dateOfBirth.optional(),
  placeOfBirth: z.object({ place: shortText.optional(), country: alpha2.optional() }).optional(),
  nationalities: z.array(alpha2).max(10).default([]),
  physicalDescription: z
    .object({
      heightCm: z.int().min(30).max(260).optional(),
      weightKg: z.int().min(1).max(400).optional(),
      eyeColour: shortText.optional(),
      hairColour: shortText.optional(),
      distinguishingMarks: z.string().trim().min(1).max(2000).optional(),
    })
    .optional(),
  facePhotos: z.array(fileRef).max(20).default([]),
  fingerprints: z.array(fileRef).max(20).default([]),
  dnaProfile: fileRef.optional(),
  identityDocuments: z.array(identityDocument).max(20).default([]),
});

export const entitySubject = z.object({
  kind: z.literal("entity"),
  name: shortText,
  aliases: z.array(shortText).max(50).default([]),
  registrationCountry: alpha2.optional(),
  registrationNumber: shortText.optional(),
  addresses: z
    .array(z.object({ text: shortText, country: alpha2.optional() }))
    .max(20)
    .default([]),
});

export const objectDescription = z.object({
  kind: z.literal("object"),
  objectType: z.enum([
    "firearm",
    "explosive_device",
    "vehicle",
    "document",
    "artwork",
    "electronic_device",
    "other",
  ]),
  description: longText,
  identifiers: z
    .array(z.object({ scheme: shortText, value: shortText }))
    .max(20)
    .default([]),
  photos: z.array(fileRef).max(20).default([]),
});

export const eventSubject = z.object({
  kind: z.literal("event"),
  description: longText,
  expectedOn: isoDate.optional(),
  place: shortText.optional(),
  country: alpha2.optional(),
});

export const modusOperandiSubject = z.object({ kind: z.literal("modus_operandi"), description: longText });

export const offence = z.object({
  description: longText,
  /** A coarse category; compliance uses it with keyword lists to spot excluded matters. */
  category: z.enum([
    "terrorism",
    "homicide",
    "violence",
    "sexual_offence",
    "kidnapping",
    "trafficking_in_persons",
    "drugs",
    "firearms",
    "robbery_theft",
    "fraud",
    "money_laundering",
    "corruption",
    "cybercrime",
    "organised_crime",
    "international_crimes",
    "behavioural_or_cultural",
    "family_or_private",
    "administrative",
    "private_dispute",
    "political",
    "military",
    "religious",
    "racial",
    "other",
  ]),
  legalProvision: shortText,
  /** Maximum penalty in months under the law cited; null for life imprisonment. */
  maxPenaltyMonths: z.int().min(0).max(2400).nullable(),
  committedOn: isoDate.optional(),
  country: alpha2.optional(),
  /** For a person wanted to serve a sentence. */
  sentence: z
    .object({ imposedMonths: z.int().min(0).max(2400), remainingMonths: z.int().min(0).max(2400).optional() })
    .optional(),
});

export const arrestWarrant = z.object({
  issuingAuthority: shortText,
  issuedOn: isoDate,
  reference: shortText,
  kind: z.enum(["arrest_warrant", "judicial_decision"]).default("arrest_warrant"),
});

export const asset = z.object({
  assetType: z.enum([
    "bank_account",
    "crypto_wallet",
    "real_estate",
    "company_share",
    "vehicle",
    "vessel",
    "aircraft",
    "other",
  ]),
  description: shortText,
  identifier: shortText.optional(),
  country: alpha2.optional(),
  estimatedValueEur: z.number().nonnegative().optional(),
});

const base = {
  title: localisedText,
  summary: localisedText,
};

export const redNoticeRequest = z.object({
  type: z.literal("red"),
  ...base,
  purpose: z.enum(["prosecution", "sentence"]),
  charges: localisedText,
  subject: personSubject,
  offences: z.array(offence).max(50).default([]),
  arrestWarrant: arrestWarrant.optional(),
});

export const blueNoticeRequest = z.object({
  type: z.literal("blue"),
  ...base,
  subject: personSubject,
  offences: z.array(offence).max(50).default([]),
});

export const greenNoticeRequest = z.object({
  type: z.literal("green"),
  ...base,
  subject: personSubject,
  offences: z.array(offence).max(50).default([]),
});

export const yellowNoticeRequest = z.object({
  type: z.literal("yellow"),
  ...base,
  subject: personSubject,
  missing: z.object({
    since: isoDate.optional(),
    lastSeenPlace: shortText.optional(),
    circumstances: longText.optional(),
  }),
  unableToIdentifySelf: z.boolean().default(false),
});

export const blackNoticeRequest = z.object({
  type: z.literal("black"),
  ...base,
  subject: personSubject,
  body: z.object({
    foundOn: isoDate.optional(),
    foundPlace: shortText.optional(),
    foundCountry: alpha2.optional(),
    estimatedAgeFrom: z.int().min(0).max(130).optional(),
    estimatedAgeTo: z.int().min(0).max(130).optional(),
    causeOfDeath: shortText.optional(),
  }),
});

export const orangeNoticeRequest = z.object({
  type: z.literal("orange"),
  ...base,
  subject: z.discriminatedUnion("kind", [personSubject, entitySubject, objectDescription, eventSubject]),
  threat: z.object({
    description: longText.optional(),
    imminence: z.enum(["imminent", "likely", "possible"]).optional(),
  }),
});

export const purpleNoticeRequest = z.object({
  type: z.literal("purple"),
  ...base,
  subject: z.discriminatedUnion("kind", [modusOperandiSubject, objectDescription]),
  modusOperandi: z.object({
    description: longText.optional(),
    concealmentMethods: z.array(shortText).max(20).default([]),
    objects: z.array(objectDescription).max(20).default([]),
  }),
});

export const silverNoticeRequest = z.object({
  type: z.literal("silver"),
  ...base,
  subject: z.discriminatedUnion("kind", [personSubject, entitySubject]),
  offences: z.array(offence).max(50).default([]),
  assets: z.array(asset).max(100).default([]),
});

export const unSpecialNoticeRequest = z.object({
  type: z.literal("un_special"),
  ...base,
  subject: z.discriminatedUnion("kind", [personSubject, entitySubject]),
  /** The Consolidated List reference, e.g. "QDi.006". */
  unReference: z
    .string()
    .regex(/^[A-Z]{2}[ie]\.\d{3,}$/, "UN reference such as QDi.006")
    .optional(),
  sanctions: z
    .array(z.enum(["asset_freeze", "travel_ban", "arms_embargo"]))
    .max(3)
    .default([]),
});

export const noticeRequest = z.discriminatedUnion("type", [
  redNoticeRequest,
  blueNoticeRequest,
  greenNoticeRequest,
  yellowNoticeRequest,
  blackNoticeRequest,
  orangeNoticeRequest,
  purpleNoticeRequest,
  silverNoticeRequest,
  unSpecialNoticeRequest,
]);

export type NoticeRequest = z.infer<typeof noticeRequest>;
export type NoticeRequestInput = z.input<typeof noticeRequest>;
export type PersonSubject = z.infer<typeof personSubject>;
export type Offence = z.infer<typeof offence>;
export type OffenceCategory = Offence["category"];
