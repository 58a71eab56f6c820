import type { Insertable } from "kysely";
import { z } from "zod";
import { latinReading, scriptOf } from "../../search/transliterate.ts";
import { sourceTypes } from "../../shared/envelope/envelope.schema.ts";
import type { Capture, RecordStatementsTable, SourceType } from "../../storage/schema.ts";
import { isInternationalEntity, isMemberCountry } from "../../storage/seed/countries.ts";
import { propertyType } from "./records.ftm.ts";

/*
 * Every value a record holds is a statement: the value, and who said it (a country or a unit),
 * when, from which source and source type, and - for battlefield data - the capture it comes
 * from. A name in a non-Latin script is stored as written, its script and a Latin reading beside
 * it. The API, the import and the notices all write statements through `statementRows`.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (s: string) => ISO_DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const day = z
  .string()
  .trim()
  .refine(isRealDate, "a date YYYY-MM-DD that exists")
  .refine((s) => s <= new Date().toISOString().slice(0, 10), "a date not in the future");
const text = (max: number) => z.string().trim().min(1).max(max);

/** Where, when and by whom battlefield data was collected, and in what circumstances. */
export const captureSchema = z
  .object({
    unit: text(200).describe("The collecting military unit"),
    place: text(300).describe("Where the material was captured"),
    date: day.describe("When it was captured (YYYY-MM-DD)"),
    context: text(2000).describe("The circumstances: raid, checkpoint, detention, battlefield recovery..."),
  })
  .strict()
  .meta({ id: "Capture" });

/** Who said the values of a create or change, when not the acting bureau itself today. */
export const provenanceInputSchema = z
  .object({
    /** A country or international entity code (as the platform knows it) or a unit's name. */
    statedBy: text(200).optional(),
    sourceType: z.enum(sourceTypes).optional(),
    statedAt: day.optional(),
    capture: captureSchema.optional(),
  })
  .strict()
  .meta({ id: "ProvenanceInput" });
export type ProvenanceInput = z.input<typeof provenanceInputSchema>;

/** Everything a statement records besides its value. */
export type Provenance = {
  source: string;
  statedBy: string;
  sourceType: SourceType;
  statedAt: string;
  capture: Capture | null;
};

/** A capture makes the statement military; military data without its capture is refused. */
export function provenanceProblem(p: ProvenanceInput | undefined, envelopeSourceType: string): string | null {
  const type = p?.sourceType ?? (p?.capture ? "military" : envelopeSourceType);
  if (type === "military" && !p?.capture)
    return "battlefield data needs its capture: the collecting unit, place, date and context";
  if (p?.capture && type !== "military") return "a capture is recorded only for military (battlefield) data";
  return null;
}

/** The provenance of a write: what the caller said, the rest from the acting bureau and today. */
export function resolveProvenance(
  input: ProvenanceInput | undefined,
  d: { source: string; country: string; sourceType: SourceType; today: string },
): Provenance {
  const statedBy = input?.statedBy;
  const code = statedBy?.toUpperCase();
  return {
    source: d.source,
    // A code the platform knows is stored as a code; anything else is a unit's name as written.
    statedBy: code && (isMemberCountry(code) || isInternationalEntity(code)) ? code : (statedBy ?? d.country),
    sourceType: input?.sourceType ?? (input?.capture ? "military" : d.sourceType),
    statedAt: input?.statedAt ?? d.today,
    capture: input?.capture ?? null,
  };
}

/** The statement rows of a record's values, with script and Latin reading for names. */
export function statementRows(
  recordId: string,
  schema: string,
  values: readonly (readonly [prop: string, value: string])[],
  p: Provenance,
  recorded: { by: string | null; at: Date },
): Insertable<RecordStatementsTable>[] {
  return values.map(([prop, value]) => {
    const latin = propertyType(schema, prop) === "name" ? latinReading(value) : undefined;
    return {
      record_id: recordId,
      prop,
      value,
      source: p.source,
      stated_by: p.statedBy,
      source_type: p.sourceType,
      stated_at: p.statedAt,
      capture: p.capture ? JSON.stringify(p.capture) : null,
      script: latin ? scriptOf(value) : null,
      latin: latin ?? null,
      recorded_by: recorded.by,
      recorded_at: recorded.at,
    };
  });
}

/** Every (property, value) pair of a record's properties. */
export const valuePairs = (p: Record<string, string[]>): [string, string][] =>
  Object.entries(p).flatMap(([k, vs]) => vs.map((v) => [k, v] as [string, string]));
