import { z } from "zod";
import { isInternationalEntity, isMemberCountry } from "../storage/seed/countries.ts";

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

export const exportFormats = ["jsonl", "csv"] as const;
export type ExportFormat = (typeof exportFormats)[number];

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

/**
 * The lines of an export: JSON Lines (one object per line, as the API shows it) or CSV with a
 * header of `columns`, each row flattened by `flat`.
 */
export async function* exportLines<T>(
  items: AsyncIterable<T>,
  format: ExportFormat,
  columns: readonly string[],
  flat: (item: T) => readonly (string | number | null | undefined)[],
): AsyncGenerator<string> {
  if (format === "csv") yield csvLine(columns);
  for await (const item of items) yield format === "csv" ? csvLine(flat(item)) : `${JSON.stringify(item)}\n`;
}
