import type { DocumentType } from "../../../storage/schema.ts";
import { readCountryCode } from "./countries.ts";

/*
 * Readers for single traveller fields. Each returns the clean value, or a message for the caller to
 * attach to its field. Input is untrusted (forms, CSV cells, JSON of any shape).
 */

export type FieldReading<T> = { ok: true; value: T; warning?: string } | { ok: false; message: string };

export const MAX_NAME_LENGTH = 200;
export const MAX_DOCUMENT_NUMBER_LENGTH = 35;

/** A text cell: strings as given, numbers as digits (JSON ids and document numbers), nothing else. */
export function readText(value: unknown): FieldReading<string | null> {
  if (value === undefined || value === null) return { ok: true, value: null };
  if (typeof value === "number" && Number.isFinite(value)) return { ok: true, value: String(value) };
  if (typeof value !== "string")
    return { ok: false, message: `must be text, not ${Array.isArray(value) ? "a list" : typeof value}` };
  const text = value.trim();
  return { ok: true, value: text === "" ? null : text };
}

/** A name as written, in any script: Unicode NFC, control characters dropped, spaces collapsed. */
export function readName(text: string): FieldReading<string> {
  const name = text
    .normalize("NFC")
    .replace(/\p{Cc}/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (name.length > MAX_NAME_LENGTH)
    return { ok: false, message: `is longer than ${MAX_NAME_LENGTH} characters` };
  if (!/\p{L}/u.test(name)) return { ok: false, message: `${JSON.stringify(name)} has no letters` };
  return { ok: true, value: name };
}

export function readSex(text: string): FieldReading<"M" | "F" | "X" | null> {
  const s = text.toUpperCase();
  if (s === "M" || s === "MALE") return { ok: true, value: "M" };
  if (s === "F" || s === "FEMALE") return { ok: true, value: "F" };
  if (s === "X") return { ok: true, value: "X" };
  // PAXLST and some manifests send U for unknown, and an MRZ '<'.
  if (s === "U" || s === "UNKNOWN" || s === "<") return { ok: true, value: null };
  return { ok: false, message: `${JSON.stringify(text)} is not M, F or X (male, female)` };
}

/** The nationality as ISO alpha-2; ICAO status codes (stateless, refugee) give null with a warning. */
export function readNationality(text: string): FieldReading<string | null> {
  const code = readCountryCode(text);
  if (!code.ok)
    return {
      ok: false,
      message: `${JSON.stringify(text)} is not a country code (ISO alpha-2, alpha-3 or ICAO)`,
    };
  if (code.alpha2 === null)
    return { ok: true, value: null, warning: `${code.icao} (${code.status}) names no country` };
  return { ok: true, value: code.alpha2 };
}

/** The issuing country as the ICAO code stored in travel_documents.issuing_country (D for Germany). */
export function readDocumentCountry(text: string): FieldReading<string> {
  const code = readCountryCode(text);
  if (!code.ok || code.alpha2 === null)
    return {
      ok: false,
      message: `${JSON.stringify(text)} is not an issuing country code (ISO alpha-2, alpha-3 or ICAO)`,
    };
  return { ok: true, value: code.icao };
}

/**
 * Document numbers are compared as upper-case letters and digits: the spaces, hyphens, slashes, dots
 * and fillers people and scanners put in them are dropped. Anything else (another script, punctuation)
 * is refused rather than guessed at.
 */
export function readDocumentNumber(text: string): FieldReading<string> {
  const upper = text.toUpperCase();
  const bad = /[^A-Z0-9\s\-/.<]/.exec(upper);
  if (bad)
    return {
      ok: false,
      message: `holds ${JSON.stringify(bad[0])}; a document number has letters A-Z and digits`,
    };
  const number = upper.replace(/[^A-Z0-9]/g, "");
  if (number === "") return { ok: false, message: "has no letters or digits" };
  if (number.length > MAX_DOCUMENT_NUMBER_LENGTH)
    return { ok: false, message: `is longer than ${MAX_DOCUMENT_NUMBER_LENGTH} characters` };
  return { ok: true, value: number };
}

const documentTypes: Record<string, DocumentType> = {
  PASSPORT: "passport",
  P: "passport",
  ID_CARD: "id_card",
  ID: "id_card",
  I: "id_card",
  VISA: "visa",
  V: "visa",
  RESIDENCE_PERMIT: "residence_permit",
  TRAVEL_DOCUMENT: "travel_document",
  OTHER: "other",
};

export function readDocumentType(text: string): FieldReading<DocumentType> {
  const type = documentTypes[text.toUpperCase().replace(/[\s-]+/g, "_")];
  if (!type)
    return {
      ok: false,
      message: `${JSON.stringify(text)} is not passport, id_card, visa, residence_permit, travel_document or other`,
    };
  return { ok: true, value: type };
}
