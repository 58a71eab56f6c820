import { ftmDates } from "../../search/dates.ts";
import { csvLine } from "../../shared/objects.ts";
import { propertyType } from "./records.ftm.ts";
import type { RecordView } from "./records.schema.ts";

/*
 * The export formats of the persons and groups store:
 * - ftm: one FtM entity per line; dates as FtM writes them (an approximate year becomes the
 *   year, a range the years it spans), our envelope under `fusion`, which FtM tools ignore;
 * - jsonl and csv: the flat rows of the persons import, so an export imports again as it is.
 */

export const personsExportFormats = ["ftm", "jsonl", "csv"] as const;
export type PersonsExportFormat = (typeof personsExportFormats)[number];

export function toFtmEntity(v: RecordView) {
  const properties: Record<string, string[]> = {};
  for (const [prop, values] of Object.entries(v.properties))
    properties[prop] =
      propertyType(v.schema, prop) === "date" ? [...new Set(values.flatMap(ftmDates))] : values;
  return { id: v.id, schema: v.schema, caption: v.caption, properties, fusion: { envelope: v.envelope } };
}

const flatColumns = [
  "reference",
  "name",
  "aliases",
  "weak_aliases",
  "date_of_birth",
  "place_of_birth",
  "nationality",
  "sex",
  "topics",
  "schema",
  "owner",
  "distribution",
  "distribution_countries",
  "review_at",
] as const;
type FlatPerson = Record<(typeof flatColumns)[number], string>;
const sexOf: Record<string, string> = { male: "M", female: "F" };

/** A record as a flat row: lists joined by `|`, the record id as reference when it has none. */
export function toFlatPerson(v: RecordView): FlatPerson {
  const p = (k: string) => v.properties[k] ?? [];
  return {
    reference: v.reference ?? v.id,
    name: p("name")[0] ?? v.caption,
    aliases: [...p("name").slice(1), ...p("alias")].join("|"),
    weak_aliases: p("weakAlias").join("|"),
    date_of_birth: p("birthDate").join("|"),
    place_of_birth: p("birthPlace").join("|"),
    nationality: p("nationality")
      .map((c) => c.toUpperCase())
      .join("|"),
    sex: sexOf[p("gender")[0] ?? ""] ?? "",
    topics: p("topics").join("|"),
    schema: v.schema,
    owner: v.envelope.owner,
    distribution: v.envelope.distribution,
    distribution_countries: v.envelope.distributionCountries.join("|"),
    review_at: v.envelope.reviewAt,
  };
}

/** One CSV line of a record (formulas defused by `csvLine`), or the header line for null. */
export function toFlatCsvLine(v: RecordView | null): string {
  if (!v) return csvLine(flatColumns);
  const row = toFlatPerson(v);
  return csvLine(flatColumns.map((c) => row[c]));
}
