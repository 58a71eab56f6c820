import ftm from "@alephdata/followthemoney";
import { dateOfBirthProblem, normaliseDateOfBirth } from "../../search/dates.ts";
import { latinReading } from "../../search/transliterate.ts";
import { propertyType } from "./records.ftm.ts";

/*
 * The rules a record's values follow beyond their property names: dates as EDTF (exact, month,
 * year, approximate or a range: src/search/dates.ts), topics from FtM's list plus ours. Values
 * are normalised before they are stored, so the same fact always reads the same.
 */

/** What FtM's topic list lacks for this platform, in its dotted style. */
export const extraTopics: Readonly<Record<string, string>> = {
  "role.ftf": "Foreign terrorist fighter",
};
const ftmTopics: Readonly<Record<string, string>> =
  (ftm.defaultModel.types as Record<string, { values?: Record<string, string> }>).topic?.values ?? {};

export const isTopic = (v: string) => Object.hasOwn(ftmTopics, v) || Object.hasOwn(extraTopics, v);

/** The problem with one value of a property, or null. */
export function valueProblem(schema: string, prop: string, value: string): string | null {
  const type = propertyType(schema, prop);
  if (type === "date") return dateOfBirthProblem(value);
  if (type === "topic" && !isTopic(value))
    return `"${value.slice(0, 40)}" is not a topic (for example crime.terror, role.ftf, wanted, sanction)`;
  return null;
}

/** One message per bad value, by property. */
export function valueProblems(schema: string, properties: Record<string, string[]>) {
  const out: { prop: string; message: string }[] = [];
  for (const [prop, values] of Object.entries(properties))
    for (const v of values) {
      const message = valueProblem(schema, prop, v);
      if (message) out.push({ prop, message });
    }
  return out;
}

/** Values as stored: dates in EDTF (1963-1968 becomes 1963/1968), each value once. */
export function normaliseValues(schema: string, properties: Record<string, string[]>) {
  const out: Record<string, string[]> = {};
  for (const [prop, values] of Object.entries(properties)) {
    const date = propertyType(schema, prop) === "date";
    out[prop] = [...new Set(values.map((v) => (date ? normaliseDateOfBirth(v) : v)))];
  }
  return out;
}

const NAME_PROPS = ["name", "alias", "weakAlias", "previousName"] as const;

/** The Latin reading of each name written in another script, by the name as written. */
export function readingsOf(properties: Record<string, string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const prop of NAME_PROPS)
    for (const v of properties[prop] ?? []) {
      const r = latinReading(v);
      if (r) out[v] = r;
    }
  return out;
}

/** Latin readings of the names written in other scripts: searched beside the originals. */
export const latinReadingsOf = (properties: Record<string, string[]>): string[] =>
  Object.values(readingsOf(properties));
