import { z } from "zod";
import { isInternationalEntity, isMemberCountry } from "../../storage/seed/countries.ts";
import { propertyType } from "./records.ftm.ts";
import { checkFtmProperties, propertiesSchema } from "./records.schema.ts";

/*
 * The rows of the persons import, in its three formats, each validated and turned into the one
 * shape the writer stores: the owner's reference (the natural key), an FtM schema and its properties.
 */

export const personsImportFormats = ["csv", "jsonl", "ftm"] as const;
export type PersonsImportFormat = (typeof personsImportFormats)[number];
/** The header a persons CSV must have (more columns are ignored). */
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
};

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The problem with a date of FtM's precisions (year, month, day), or null: 1985-02-30 is refused. */
export function dateProblem(s: string): string | null {
  const m = PARTIAL_DATE.exec(s);
  if (!m) return `"${s.slice(0, 40)}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`;
  const [y, mo, d] = [Number(m[1]), m[2] ? Number(m[2]) : 1, m[3] ? Number(m[3]) : 1];
  const t = new Date(Date.UTC(y, mo - 1, d));
  const real = t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
  return real && y >= 1800 ? null : `${s} is not a real date`;
}

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

/** A flat persons row (CSV or JSON Lines): reference,name,aliases,date_of_birth,nationality,sex. */
export const personRowSchema = z
  .object({
    reference,
    name: text(2000),
    aliases: list.optional(),
    date_of_birth: checked(dateProblem).optional(),
    nationality: checked(countryProblem).optional(),
    sex: z.enum(["M", "F", "U"]).optional(),
  })
  .transform(
    (r): ImportedEntity => ({
      reference: r.reference,
      schema: "Person",
      properties: compact({
        name: [r.name],
        alias: r.aliases ?? [],
        birthDate: r.date_of_birth ?? [],
        nationality: (r.nationality ?? []).map((c) => c.toLowerCase()),
        // FtM has no "unknown" gender: U is the absence of the property.
        gender: r.sex && r.sex !== "U" ? [genders[r.sex]] : [],
      }),
    }),
  );

/** One FtM entity per line, {id, schema, properties}; the id is the owner's reference. */
export const ftmEntitySchema = z
  .object({
    id: reference,
    schema: z.enum(importSchemata, {
      error: (iss) => `"${String(iss.input).slice(0, 100)}" is not one of ${importSchemata.join(", ")}`,
    }),
    properties: propertiesSchema,
  })
  .superRefine(checkFtmProperties)
  .superRefine((e, ctx) => {
    for (const [prop, values] of Object.entries(e.properties)) {
      const type = propertyType(e.schema, prop);
      const problem = type === "date" ? dateProblem : type === "country" ? countryProblem : undefined;
      for (const v of problem ? values : []) {
        const p = problem?.(v);
        if (p) ctx.addIssue({ code: "custom", path: ["properties", prop], message: p });
      }
    }
  })
  .transform(
    (e): ImportedEntity => ({
      reference: e.id,
      schema: e.schema,
      properties: compact(
        Object.fromEntries(
          Object.entries(e.properties).map(([k, v]) => [
            k,
            propertyType(e.schema, k) === "country" ? v.map((c) => c.toLowerCase()) : v,
          ]),
        ),
      ),
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
