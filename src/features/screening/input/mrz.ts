import { type Details, parse } from "mrz";
import type { DocumentType } from "../../../storage/schema.ts";
import { readCountryCode } from "./countries.ts";
import { comparePartial, type PartialDate, readBirthYymmdd, readExpiryYymmdd } from "./dates.ts";
import { type MrzFormat, readMrzLines } from "./mrz.lines.ts";

export type { MrzFormat } from "./mrz.lines.ts";

export type MrzCheckField = "documentNumber" | "dateOfBirth" | "expiryDate" | "personalNumber" | "composite";
export interface MrzCheck {
  field: MrzCheckField;
  /** The check digit printed in the zone ('<' where a filler stands in for it). */
  digit: string;
  /** The digit the data gives (ICAO 7-3-1 weighting). */
  computed: number;
  valid: boolean;
}
export interface MrzFieldProblem {
  field: string;
  message: string;
}

export interface MrzResult {
  ok: true;
  format: MrzFormat;
  /** As in the zone, fillers dropped: "P", "PD", "I", "ID", "V", ... */
  documentCode: string;
  documentType: DocumentType;
  /** ICAO code as in the zone ("UTO", "D", "GBD"), and the country that owns it (null when not ours). */
  issuingState: string;
  issuingCountry: string | null;
  documentNumber: string;
  surname: string;
  givenNames: string;
  nationality: string;
  /** ISO alpha-2 (or our entity code) of the nationality; null for unknown and status codes (XXA ...). */
  nationalityCountry: string | null;
  /** YYYY-MM-DD, or YYYY-MM / YYYY where the zone has fillers for unknown parts; null when unreadable. */
  dateOfBirth: PartialDate | null;
  expiryDate: PartialDate | null;
  /** 'X' as printed; null where the zone has '<' (unspecified). */
  sex: "M" | "F" | "X" | null;
  optionalData: string[];
  checks: MrzCheck[];
  /** Every check digit right and every field readable. Otherwise the document is unverified. */
  valid: boolean;
  /** The expiry date is before today. */
  expired: boolean;
  problems: MrzFieldProblem[];
}
export interface MrzProblem {
  ok: false;
  problems: MrzFieldProblem[];
}

/** ICAO 9303 check digit: characters weighted 7, 3, 1 in turn; A-Z count 10-35 and '<' counts 0. */
export function mrzCheckDigit(data: string): number {
  let sum = 0;
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    const value = c >= 65 ? c - 55 : c >= 48 && c <= 57 ? c - 48 : 0;
    sum += value * ([7, 3, 1][i % 3] as number);
  }
  return sum % 10;
}

const checkNames: Partial<Record<string, { field: MrzCheckField; of: string; gives: string }>> = {
  documentNumberCheckDigit: { field: "documentNumber", of: "of the document number", gives: "the number" },
  birthDateCheckDigit: { field: "dateOfBirth", of: "of the date of birth", gives: "the date" },
  expirationDateCheckDigit: { field: "expiryDate", of: "of the expiry date", gives: "the date" },
  personalNumberCheckDigit: { field: "personalNumber", of: "of the personal number", gives: "the number" },
  compositeCheckDigit: { field: "composite", of: "over the whole zone (composite)", gives: "the zone" },
};

/* Visas have no composite digit, and no personal number of their own: the library reads MRV-A as a
   TD3 and MRV-B as a TD2 (their fields sit where those have them), and these are left out. */
const notInVisas = new Set(["personalNumberCheckDigit", "compositeCheckDigit"]);

/** The document code's meaning. 'R' second letters (IR, AR) are how residence permits are commonly coded. */
function documentTypeOf(code: string): DocumentType {
  if (code.startsWith("P")) return "passport";
  if (code.startsWith("V")) return "visa";
  if (code === "AC") return "travel_document";
  if (code[1] === "R") return "residence_permit";
  return "id_card";
}

const text = (raw: string) => raw.replace(/<+$/, "").replace(/<+/g, " ").trim();

/**
 * Reads a machine-readable zone (TD1, TD2, TD3, MRV-A, MRV-B). A zone whose shape is wrong gives an
 * MrzProblem. A zone that has the right shape always gives an MrzResult, even with a wrong check digit
 * or an unreadable field: the names are still worth screening, and `valid: false` with `problems`
 * tells the caller to treat the document as unverified. `today` (YYYY-MM-DD) settles centuries and
 * expiry.
 */
export function parseMrz(input: string, today: string): MrzResult | MrzProblem {
  const shape = readMrzLines(input);
  if (!shape.ok) return { ok: false, problems: [{ field: "mrz", message: shape.message }] };
  const { format, lines } = shape;
  const visa = format === "MRV-A" || format === "MRV-B";
  // The library knows no visa formats; it is given the visa's lines with a passport / ID card code.
  const libraryLines = visa
    ? lines.map((l, i) => (i === 0 ? (format === "MRV-A" ? "P<" : "I<") + l.slice(2) : l))
    : lines;
  const expected = format === "MRV-A" ? "TD3" : format === "MRV-B" ? "TD2" : format;
  let details: Details[];
  try {
    const parsed = parse(libraryLines);
    // A 36-character zone with digits in its name area is taken by the library for a French ID card.
    if (parsed.format !== expected)
      return {
        ok: false,
        problems: [
          { field: "mrz", message: `the zone does not read as ${format}: its name area holds digits` },
        ],
      };
    details = parsed.details;
  } catch (error) {
    return {
      ok: false,
      problems: [{ field: "mrz", message: `the zone cannot be read: ${(error as Error).message}` }],
    };
  }
  const slice = (r: { line: number; start: number; end: number }) =>
    (lines[r.line] as string).slice(r.start, r.end);
  const detail = (field: string) => details.find((d) => d.field === field) as Details;
  const raw = (field: string) => slice(detail(field));
  const problems: MrzFieldProblem[] = [];

  const checks: MrzCheck[] = [];
  for (const d of details) {
    const name = d.field ? checkNames[d.field] : undefined;
    if (!name || (visa && notInVisas.has(d.field as string))) continue;
    const digit = d.value ?? slice(d);
    const data =
      name.field === "documentNumber"
        ? (detail("documentNumber").value ?? "")
        : d.ranges.slice(1).map(slice).join("");
    const computed = mrzCheckDigit(data);
    // A field left empty may carry a filler for its check digit.
    const valid = d.valid || (digit === "<" && /^<*$/.test(data));
    checks.push({ field: name.field, digit, computed, valid });
    if (!valid)
      problems.push({
        field: name.field,
        message: `the check digit ${name.of} is ${digit}, ${name.gives} gives ${computed}`,
      });
  }

  const names = [detail("lastName"), detail("firstName")];
  for (const d of names)
    if (!d.valid)
      problems.push({ field: "name", message: `the name holds characters other than A-Z: ${slice(d)}` });
  const birth = readBirthYymmdd(raw("birthDate"), today);
  if (!birth.ok) problems.push({ field: "dateOfBirth", message: `the date of birth ${birth.message}` });
  const expiry = readExpiryYymmdd(raw("expirationDate"), today);
  if (!expiry.ok) problems.push({ field: "expiryDate", message: `the expiry date ${expiry.message}` });
  const sexRaw = raw("sex");
  if (!/^[MFX<]$/.test(sexRaw))
    problems.push({ field: "sex", message: `the sex is ${sexRaw}; an MRZ has M, F, X or <` });
  const states = {
    issuingState: text(slice({ line: 0, start: 2, end: 5 })),
    nationality: text(raw("nationality")),
  };
  for (const [field, code] of Object.entries(states))
    if (!/^[A-Z]{1,3}$/.test(code))
      problems.push({
        field,
        message: `the ${field === "nationality" ? "nationality" : "issuing state"} ${JSON.stringify(code)} is not a country code`,
      });

  const documentCode = text(lines[0]?.slice(0, 2) ?? "");
  const expiryDate = expiry.ok ? expiry.date : null;
  const nationality = readCountryCode(states.nationality);
  const issuer = readCountryCode(states.issuingState);
  return {
    ok: true,
    format,
    documentCode,
    documentType: documentTypeOf(documentCode),
    issuingState: states.issuingState,
    issuingCountry: issuer.ok ? issuer.alpha2 : null,
    documentNumber: text(detail("documentNumber").value ?? raw("documentNumber")),
    surname: names[0]?.value ? text(names[0].value) : text(slice(names[0] as Details).split("<<")[0] ?? ""),
    givenNames: names[1]?.value ? text(names[1].value) : "",
    nationality: states.nationality,
    nationalityCountry: nationality.ok ? nationality.alpha2 : null,
    dateOfBirth: birth.ok ? birth.date : null,
    expiryDate,
    sex: sexRaw === "M" || sexRaw === "F" || sexRaw === "X" ? sexRaw : null,
    optionalData: optionalData(format, lines),
    checks,
    valid: problems.length === 0,
    expired: expiryDate !== null && comparePartial(expiryDate, today) < 0,
    problems,
  };
}

/** Optional data as printed, without the TD1 document-number overflow (which ends at the first '<'). */
function optionalData(format: MrzFormat, lines: string[]): string[] {
  const [l0 = "", l1 = ""] = lines;
  const parts: Record<MrzFormat, string[]> = {
    TD1: [l0[14] === "<" ? l0.slice(15).replace(/^[^<]*</, "") : l0.slice(15), l1.slice(18, 29)],
    TD2: [l1[9] === "<" ? l1.slice(28, 35).replace(/^[^<]*</, "") : l1.slice(28, 35)],
    TD3: [l1.slice(28, 42)],
    "MRV-A": [l1.slice(28, 44)],
    "MRV-B": [l1.slice(28, 36)],
  };
  return parts[format].map(text).filter(Boolean);
}
