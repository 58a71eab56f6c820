import { z } from "zod";
import { dateOfBirthProblem, normaliseDateOfBirth } from "../../search/dates.ts";
import { sourceTypes } from "../../shared/envelope/envelope.schema.ts";
import { isInternationalEntity, isMemberCountry } from "../../storage/seed/countries.ts";
import { propertyType } from "./records.ftm.ts";
import { type ProvenanceInput, provenanceInputSchema, provenanceProblem } from "./records.provenance.ts";
import { checkFtmProperties, propertiesSchema } from "./records.schema.ts";
import { isTopic } from "./records.values.ts";

/*
 * The rows of the persons import, in its three formats, each validated and turned into the one
 * shape the writer stores: the owner's reference (the natural key), an FtM schema and its properties.
 */

export const personsImportFormats = ["csv", "jsonl", "ftm"] as const;
export type PersonsImportFormat = (typeof personsImportFormats)[number];
/**
 * The header a persons CSV must have. Optional columns: weak_aliases, place_of_birth, topics,
 * and the provenance of the row's values: stated_by, stated_at, source_type, and for battlefield
 * data collecting_unit, capture_place, capture_date, capture_context. Others are ignored.
 */
export const personsImportColumns = [
  "reference",
  "name",
  "aliases",
  "date_of_birth",
  "nationality",
  "sex",
] as const;
/** The FtM schemata an entity stream may carry. */
export const importSchemata = ["Person", "Organization", "LegalEntity"] as const;

export type ImportedEntity = {
  reference: string;
  schema: (typeof importSchemata)[number];
  properties: Record<string, string[]>;
  /** Who said the row's values, when not the importing bureau today. */
  provenance?: ProvenanceInput | undefined;
};

/** A country code the platform knows (case-insensitive), stored lower case as FtM writes it. */
export function countryProblem(s: string): string | null {
  const cc = s.toUpperCase();
  return isMemberCountry(cc) || isInternationalEntity(cc) ? null : `unknown country code "${s.slice(0, 10)}"`;
}

const text = (max: number) => z.string().trim().min(1).max(max);
const reference = text(200).regex(/^[^=+\-@\t\r]/, "must not start with =, +, -, @ (a spreadsheet formula)");
/** `a|b` in a CSV cell, or already a list in JSON Lines. */
const list = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (typeof v === "string" ? v.split("|") : v).map((x) => x.trim()).filter((x) => x !== ""));
const checked = (problem: (s: string) => string | null) =>
  list.superRefine((vals, ctx) => {
    for (const v of vals) {
      const p = problem(v);
      if (p) ctx.addIssue({ code: "custom", message: p });
    }
  });
const genders = { M: "male", F: "female" } as const;
/** The words a file may use for the issue's topics, beside FtM's own codes. */
const topicWords: Readonly<Record<string, string>> = {
  terrorism: "crime.terror",
  ftf: "role.ftf",
  "foreign terrorist fighter": "role.ftf",
  sanctioned: "sanction",
};
const topics = list
  .transform((vals) => vals.map((v) => topicWords[v.toLowerCase()] ?? v))
  .superRefine((vals, ctx) => {
    for (const v of vals)
      if (!isTopic(v)) ctx.addIssue({ code: "custom", message: `"${v.slice(0, 40)}" is not a topic` });
  });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || undefined);

/** The provenance columns of a flat row, as the API's provenance object; undefined when none. */
type ProvenanceColumns = { [k in (typeof provenanceColumns)[number]]?: string | undefined };
const provenanceColumns = [
  "stated_by",
  "stated_at",
  "source_type",
  "collecting_unit",
  "capture_place",
  "capture_date",
  "capture_context",
] as const;

function rowProvenance(r: ProvenanceColumns): ProvenanceInput | undefined {
  const capture =
    r.collecting_unit || r.capture_place || r.capture_date || r.capture_context
      ? { unit: r.collecting_unit, place: r.capture_place, date: r.capture_date, context: r.capture_context }
      : undefined;
  const p = { statedBy: r.stated_by, statedAt: r.stated_at, sourceType: r.source_type, capture };
  return Object.values(p).some((v) => v !== undefined) ? (p as ProvenanceInput) : undefined;
}

/** A flat persons row (CSV or JSON Lines): reference,name,aliases,date_of_birth,nationality,sex. */
export const personRowSchema = z
  .object({
    reference,
    name: text(2000),
    aliases: list.optional(),
    date_of_birth: checked(dateOfBirthProblem).optional(),
    nationality: checked(countryProblem).optional(),
    sex: z.enum(["M", "F", "U"]).optional(),
    weak_aliases: list.optional(),
    place_of_birth: list.optional(),
    topics: topics.optional(),
    stated_by: optionalText(200),
    stated_at: optionalText(10),
    source_type: z.enum(sourceTypes).optional(),
    collecting_unit: optionalText(200),
    capture_place: optionalText(300),
    capture_date: optionalText(10),
    capture_context: optionalText(2000),
  })
  .transform((r, ctx): ImportedEntity => {
    const provenance = checkedProvenance(rowProvenance(r), ctx);
    return {
      reference: r.reference,
      schema: "Person",
      properties: compact({
        name: [r.name],
        alias: r.aliases ?? [],
        weakAlias: r.weak_aliases ?? [],
        birthDate: (r.date_of_birth ?? []).map(normaliseDateOfBirth),
        birthPlace: r.place_of_birth ?? [],
        nationality: (r.nationality ?? []).map((c) => c.toLowerCase()),
        // FtM has no "unknown" gender: U is the absence of the property.
        gender: r.sex && r.sex !== "U" ? [genders[r.sex]] : [],
        topics: r.topics ?? [],
      }),
      provenance,
    };
  });

/** The provenance as the API checks it; its problems become the row's reject reason. */
function checkedProvenance(p: ProvenanceInput | undefined, ctx: z.RefinementCtx) {
  if (!p) return undefined;
  const parsed = provenanceInputSchema.safeParse(p);
  if (!parsed.success) {
    for (const i of parsed.error.issues)
      ctx.addIssue({ code: "custom", path: ["provenance", ...i.path.map(String)], message: i.message });
    return undefined;
  }
  const problem = provenanceProblem(parsed.data, "police");
  if (problem) ctx.addIssue({ code: "custom", path: ["provenance"], message: problem });
  return parsed.data;
}

/** One FtM entity per line, {id, schema, properties}; the id is the owner's reference. */
export const ftmEntitySchema = z
  .object({
    id: reference,
    schema: z.enum(importSchemata, {
      error: (iss) => `"${String(iss.input).slice(0, 100)}" is not one of ${importSchemata.join(", ")}`,
    }),
    properties: propertiesSchema,
    /** Not FtM: who said the values, as the API's provenance (FtM tools ignore it). */
    provenance: z.unknown().optional(),
  })
  .superRefine(checkFtmProperties)
  .superRefine((e, ctx) => {
    for (const [prop, values] of Object.entries(e.properties)) {
      const type = propertyType(e.schema, prop);
      // Dates and topics were checked with the other values (checkFtmProperties).
      const problem = type === "country" ? countryProblem : undefined;
      for (const v of problem ? values : []) {
        const p = problem?.(v);
        if (p) ctx.addIssue({ code: "custom", path: ["properties", prop], message: p });
      }
    }
  })
  .transform(
    (e, ctx): ImportedEntity => ({
      reference: e.id,
      schema: e.schema,
      properties: compact(
        Object.fromEntries(
          Object.entries(e.properties).map(([k, v]) => {
            const type = propertyType(e.schema, k);
            if (type === "country") return [k, v.map((c) => c.toLowerCase())];
            return [k, type === "date" ? v.map(normaliseDateOfBirth) : v];
          }),
        ),
      ),
      provenance:
        e.provenance === undefined ? undefined : checkedProvenance(e.provenance as ProvenanceInput, ctx),
    }),
  );

/** Without empty properties or repeated values, keys in order: equal rows compare equal. */
function compact(p: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const k of Object.keys(p).sort()) {
    const vals = [...new Set(p[k])];
    if (vals.length) out[k] = vals;
  }
  return out;
}

export const importRecordsQuery = z
  .object({
    format: z.enum(personsImportFormats).optional(),
    /** The file's name, kept with every value as its source. */
    filename: z
      .string()
      .trim()
      .regex(/^[\w. -]{1,100}$/)
      .optional(),
  })
  .strict();
