import { z } from "zod";
import { isInternationalEntity, isMemberCountry } from "../storage/seed/countries.ts";
import type { Envelope } from "./envelope/envelope.schema.ts";

/*
 * Pieces the object databases (firearms, vehicles, CBRNE materials) share: how identifiers are
 * normalised for search, the country fields they carry, and how their exports are written.
 */

/**
 * An identifier as it is compared: upper case, letters and digits only. Serial numbers and plates
 * are entered with spaces, dashes, dots and slashes in whatever way the form or marking had them;
 * "AB-123 45" and "ab12345" are the same marking.
 */
export const normalizeIdentifier = (s: string): string => s.toUpperCase().replace(/[^A-Z0-9]/g, "");

/** A country that exists: a member (ISO 3166-1 alpha-2) or an international entity (XG, XU...). */
export const knownCountry = z
  .string()
  .regex(/^[A-Z]{2}$/, "a two-letter country code (ISO 3166-1 alpha-2)")
  .refine((c) => isMemberCountry(c) || isInternationalEntity(c), "not a member country code");

/** An identifier with at least one letter or digit once normalised. */
export const identifierText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => normalizeIdentifier(s).length > 0, "needs at least one letter or digit");

/** Free text of a field (make, model, colour...). */
export const shortText = (max = 200) => z.string().trim().min(1).max(max);

export const exportFormats = ["jsonl", "csv", "ftm"] as const;
export type ExportFormat = (typeof exportFormats)[number];

/**
 * One line of an FtM export: a FollowTheMoney entity (id, schema, properties as lists of
 * strings), with our envelope under `fusion`, which FtM tools ignore. What FtM lacks (the
 * `Firearm` and `CbrneMaterial` schemata, a vehicle's `vin`) is written in its style (records.ftm.ts).
 */
export type FtmEntity = {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
  fusion: { envelope: Envelope };
};

/** An FtM entity with empty values left out; countries lower case, as FtM writes them. */
export function ftmEntity(
  id: string,
  schema: string,
  values: Record<string, (string | number | null | undefined)[]>,
  envelope: Envelope,
): FtmEntity {
  const properties: Record<string, string[]> = {};
  for (const [prop, vs] of Object.entries(values)) {
    const kept = vs.filter((v) => v !== null && v !== undefined && v !== "").map(String);
    if (kept.length) properties[prop] = prop === "country" ? kept.map((c) => c.toLowerCase()) : kept;
  }
  return { id, schema, properties, fusion: { envelope } };
}

/**
 * One CSV line (RFC 4180): fields with a comma, quote or line break are quoted, quotes doubled. A
 * text a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return) is
 * prefixed with an apostrophe, as OWASP advises: free text such as a make or an alias comes from
 * other bureaux' files. Numbers are written as they are (a negative number is not a formula).
 */
export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map(csvCell).join(",")}\n`;
}

function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return "";
  const s = typeof v === "string" && /^[=+\-@\t\r]/.test(v) ? `'${v}` : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** How a database writes its items in the export formats beside JSON Lines. */
export type ExportShape<T> = {
  columns: readonly string[];
  row: (item: T) => readonly (string | number | null | undefined)[];
  ftm: (item: T) => FtmEntity;
};

/**
 * The lines of an export: JSON Lines (one object per line, as the API shows it), CSV with a header
 * of the shape's columns, or FtM entities.
 */
export async function* exportLines<T>(
  items: AsyncIterable<T>,
  format: ExportFormat,
  shape: ExportShape<T>,
): AsyncGenerator<string> {
  if (format === "csv") yield csvLine(shape.columns);
  for await (const item of items)
    yield format === "csv"
      ? csvLine(shape.row(item))
      : `${JSON.stringify(format === "ftm" ? shape.ftm(item) : item)}\n`;
}
