import { z } from "zod";
import { envelopeInputSchema, envelopeSchema } from "../../shared/envelope/envelope.schema.ts";
import { isKnownSchema, unknownProperties } from "./records.ftm.ts";
import { captureSchema, provenanceInputSchema } from "./records.provenance.ts";
import { latinReadingsOf, valueProblems } from "./records.values.ts";

/**
 * FollowTheMoney schemata the store accepts, plus `Firearm`, which FtM lacks. Relationship
 * schemata link two records through properties holding record ids (e.g. Membership.member).
 */
export const recordSchemata = [
  "Person",
  "Organization",
  "LegalEntity",
  "Passport",
  "Identification",
  "Address",
  "BankAccount",
  "CryptoWallet",
  "Vehicle",
  "Event",
  "Firearm",
  "Membership",
  "Family",
  "Associate",
  "Ownership",
  "Payment",
  "UnknownLink",
] as const;
export type RecordSchema = (typeof recordSchemata)[number];

// The list above is a choice among the FtM model's schemata; a typo in it would fail here at load.
for (const s of recordSchemata) if (!isKnownSchema(s)) throw new Error(`not an FtM schema: ${s}`);

/** A schema name the store holds; a refusal names what was sent and whether FtM knows it at all. */
export const recordSchemaName = z.enum(recordSchemata, {
  error: (iss) => {
    const name = typeof iss.input === "string" ? iss.input.slice(0, 100) : "";
    return isKnownSchema(name)
      ? `"${name}" is an FtM schema this store does not hold`
      : `unknown FtM schema "${name}"`;
  },
});

/** One issue per property the FtM schema does not have (by own-property lookup in the model). */
export function checkFtmProperties(
  v: { schema: string; properties?: Record<string, string[]> | undefined },
  ctx: z.RefinementCtx,
): void {
  if (!isKnownSchema(v.schema)) return; // already refused by name
  for (const { path, message } of propertyProblems(v.schema, v.properties ?? {}))
    ctx.addIssue({ code: "custom", path, message });
}

/** What is wrong with a schema's properties: unknown names, then bad values, each with its path. */
export function propertyProblems(schema: string, properties: Record<string, string[]>) {
  return [
    ...unknownProperties(schema, properties).map((message) => ({ path: ["properties"], message })),
    ...valueProblems(schema, properties).map(({ prop, message }) => ({
      path: ["properties", prop],
      message,
    })),
  ];
}

const propertyName = z
  .string()
  .regex(/^[a-z][a-zA-Z]{0,39}$/, "an FtM property name such as name or birthDate");
const propertyValues = z.array(z.string().trim().min(1).max(2000)).min(1).max(100);

export const propertiesSchema = z
  .record(propertyName, propertyValues)
  .refine((p) => Object.keys(p).length <= 60, "at most 60 properties");

/** The owner asks for discreet checks: a screening hit tells the owner, the officer only to take no action. */
const discreetCheck = z
  .boolean()
  .optional()
  .describe(
    "Discreet check: a screening hit tells the owner where and when; the officer is told only to take no action",
  );

export const createRecordSchema = z
  .object({
    schema: recordSchemaName,
    properties: propertiesSchema,
    envelope: envelopeInputSchema,
    /** Where the values come from (a case file, a court decision, an open source URL...). */
    source: z.string().trim().min(1).max(500),
    /** Who said the values, when and how, if not the acting bureau today (battlefield data: its capture). */
    provenance: provenanceInputSchema.optional(),
    discreetCheck,
  })
  .strict()
  .superRefine(checkFtmProperties);
export type CreateRecordInput = z.input<typeof createRecordSchema>;

export const updateRecordSchema = z
  .object({
    properties: propertiesSchema.optional(),
    envelope: envelopeInputSchema.optional(),
    source: z.string().trim().min(1).max(500),
    provenance: provenanceInputSchema.optional(),
    discreetCheck,
    /** The version the client read: a record changed since is refused as "stale", nothing saved. */
    expectedVersion: z.number().int().min(1).optional(),
  })
  .strict();
export type UpdateRecordInput = z.input<typeof updateRecordSchema>;

export const recordSchema = z
  .object({
    id: z.string(),
    /** The owner's own reference (the key of its imports), when it gave one. */
    reference: z.string().nullable(),
    schema: z.string(),
    caption: z.string(),
    properties: z.record(z.string(), z.array(z.string())),
    /** The Latin reading of each name written in another script, by the name as written. */
    readings: z.record(z.string(), z.string()),
    envelope: envelopeSchema,
    /** Past its review date without re-validation: kept and readable, no longer served to screening. */
    reviewOverdue: z.boolean(),
    /** Screening hits on this record are discreet checks (docs/screening.md). */
    discreetCheck: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** Raised by every change: send it back as `expectedVersion` so a stale page cannot overwrite. */
    version: z.number().int(),
  })
  .meta({ id: "Record" });
export type RecordView = z.infer<typeof recordSchema>;

/** The orders a list may ask for; without one, a search ranks by closeness, a browse by last change. */
export const recordSorts = [
  "-updatedAt",
  "updatedAt",
  "caption",
  "-caption",
  "-createdAt",
  "createdAt",
] as const;
export type RecordSort = (typeof recordSorts)[number];

export const listRecordsQuery = z
  .object({
    q: z.string().trim().max(200).optional(),
    sort: z.enum(recordSorts).optional(),
    schema: z.enum(recordSchemata).optional(),
    owner: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type ListRecordsQuery = z.output<typeof listRecordsQuery>;

export const recordPageSchema = z.object({
  items: z.array(recordSchema),
  total: z.number().int(),
  /** True when counting stopped at its cap: there are at least `total` matches. */
  totalIsLowerBound: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** A readable label: the first name-like property, as FtM's caption does. */
export function captionOf(schema: string, properties: Record<string, string[]>): string {
  for (const prop of [
    "name",
    "fullName",
    "number",
    "serialNumber",
    "registrationNumber",
    "iban",
    "publicKey",
    "full",
  ]) {
    const v = properties[prop]?.[0];
    if (v) return v;
  }
  return schema;
}

export function searchTextOf(properties: Record<string, string[]>): string {
  const parts: string[] = [];
  for (const prop of [
    "name",
    "alias",
    "weakAlias",
    "previousName",
    "firstName",
    "lastName",
    "number",
    "serialNumber",
  ]) {
    parts.push(...(properties[prop] ?? []));
  }
  parts.push(...latinReadingsOf(properties));
  return parts.join(" ").toLowerCase().slice(0, 10_000);
}

/** One value of a record with its provenance; a retracted value is no longer held. */
export const statementSchema = z
  .object({
    prop: z.string(),
    value: z.string(),
    /** ISO 15924 script of a name written in a non-Latin script, and its Latin reading. */
    script: z.string().nullable(),
    latin: z.string().nullable(),
    source: z.string(),
    statedBy: z.string(),
    sourceType: z.string(),
    statedAt: z.string(),
    capture: captureSchema.nullable(),
    recordedAt: z.string(),
    retractedAt: z.string().nullable(),
  })
  .meta({ id: "RecordStatement" });
export type StatementView = z.infer<typeof statementSchema>;
