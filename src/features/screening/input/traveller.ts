import type { DocumentType } from "../../../storage/schema.ts";
import { assertToday, type PartialDate, readDateOfBirth } from "./dates.ts";
import { type MrzResult, parseMrz } from "./mrz.ts";
import {
  type FieldReading,
  readDocumentCountry,
  readDocumentNumber,
  readDocumentType,
  readName,
  readNationality,
  readSex,
  readText,
} from "./traveller.fields.ts";
import { mergeMrz } from "./traveller.mrz.ts";

/** Untrusted input: a form, a CLI call, a manifest row. Every field optional, any type. */
export interface TravellerInput {
  name?: unknown;
  surname?: unknown;
  givenNames?: unknown;
  dateOfBirth?: unknown;
  nationality?: unknown;
  sex?: unknown;
  documentNumber?: unknown;
  documentCountry?: unknown;
  documentType?: unknown;
  mrz?: unknown;
  /** Further documents (a PAXLST passenger may carry a passport and a visa). */
  documents?: ReadonlyArray<{ number?: unknown; country?: unknown; type?: unknown; expiryDate?: unknown }>;
}

export interface TravellerDocument {
  /** Upper-case letters and digits. */
  number: string;
  /** ICAO code as in travel_documents.issuing_country ("D", "FRA"); null when not given. */
  country: string | null;
  type: DocumentType | null;
  expiryDate: PartialDate | null;
}

export interface Traveller {
  /** The full name as written ("Given Surname" when built from parts); null only with a document. */
  name: string | null;
  surname: string | null;
  givenNames: string | null;
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  dateOfBirth: PartialDate | null;
  /** ISO alpha-2. */
  nationality: string | null;
  sex: "M" | "F" | "X" | null;
  /** The documents to check, the one typed in (or the first of a manifest) first. */
  documents: TravellerDocument[];
  /** The zone as read, when one was given; `valid: false` means the document is unverified. */
  mrz: MrzResult | null;
}

export interface TravellerIssue {
  field: string;
  message: string;
}

export type TravellerResult =
  | { ok: true; traveller: Traveller; warnings: TravellerIssue[] }
  | { ok: false; problems: TravellerIssue[] };

export const MAX_MRZ_LENGTH = 200;

/**
 * Turns untrusted traveller input into a clean traveller. Every field is checked and every problem
 * reported at once (not just the first), each naming its field. An MRZ given with fields fills what
 * the fields lack; where they disagree the fields are kept and a warning says so. A zone with a wrong
 * check digit or an expiry in the past is a warning too: the names are still screened, and `mrz.valid`
 * / `mrz.expired` tell the caller the document is unverified or expired.
 */
export function validateTraveller(input: TravellerInput, today: string): TravellerResult {
  assertToday(today);
  const problems: TravellerIssue[] = [];
  const warnings: TravellerIssue[] = [];
  function field<T>(name: string, raw: unknown, reader: (text: string) => FieldReading<T>): T | null {
    const text = readText(raw);
    if (!text.ok) {
      problems.push({ field: name, message: `${name} ${text.message}` });
      return null;
    }
    if (text.value === null) return null;
    const reading = reader(text.value);
    if (!reading.ok) {
      problems.push({ field: name, message: `${name} ${reading.message}` });
      return null;
    }
    if (reading.warning) warnings.push({ field: name, message: `${name} ${reading.warning}` });
    return reading.value;
  }

  const name = field("name", input.name, readName);
  const surname = field("surname", input.surname, readName);
  const givenNames = field("givenNames", input.givenNames, readName);
  const dateOfBirth = field("dateOfBirth", input.dateOfBirth, (t): FieldReading<PartialDate | null> => {
    const reading = readDateOfBirth(t, today);
    return reading.ok ? { ok: true, value: reading.date } : reading;
  });
  const nationality = field("nationality", input.nationality, readNationality);
  const sex = field("sex", input.sex, readSex);
  const mrzText = field(
    "mrz",
    input.mrz,
    (t): FieldReading<string> =>
      t.length > MAX_MRZ_LENGTH
        ? { ok: false, message: `is longer than ${MAX_MRZ_LENGTH} characters` }
        : { ok: true, value: t },
  );

  const documents: TravellerDocument[] = [];
  const given = [
    {
      number: input.documentNumber,
      country: input.documentCountry,
      type: input.documentType,
      expiryDate: undefined,
    },
    ...(Array.isArray(input.documents) ? input.documents : []),
  ];
  for (const [i, doc] of given.entries()) {
    const prefix = i === 0 ? "document" : `documents[${i - 1}].`;
    const label = (part: string) =>
      i === 0 ? `${prefix}${part[0]?.toUpperCase()}${part.slice(1)}` : `${prefix}${part}`;
    const number = field(label("number"), doc?.number, readDocumentNumber);
    const country = field(label("country"), doc?.country, readDocumentCountry);
    const type = field(label("type"), doc?.type, readDocumentType);
    const expiryDate = field(
      label("expiryDate"),
      doc?.expiryDate,
      (t): FieldReading<string> =>
        /^\d{4}-\d{2}-\d{2}$/.test(t)
          ? { ok: true, value: t }
          : { ok: false, message: `${JSON.stringify(t)} is not YYYY-MM-DD` },
    );
    if (number) documents.push({ number, country, type, expiryDate });
    else if (country || type)
      warnings.push({
        field: label("number"),
        message: `${label("number")} is missing: the document is not checked`,
      });
  }

  let mrz: MrzResult | null = null;
  if (mrzText) {
    const parsed = parseMrz(mrzText, today);
    if (parsed.ok) mrz = parsed;
    else problems.push(...parsed.problems.map((p) => ({ field: "mrz", message: `mrz: ${p.message}` })));
  }
  if (problems.length > 0) return { ok: false, problems };

  const traveller: Traveller = {
    name: name ?? ([givenNames, surname].filter(Boolean).join(" ") || null),
    surname,
    givenNames,
    dateOfBirth,
    nationality,
    sex,
    documents,
    mrz,
  };
  if (mrz) warnings.push(...mergeMrz(traveller, mrz));
  for (const doc of traveller.documents)
    if (doc.country === null)
      warnings.push({
        field: "documentCountry",
        message: `no issuing country for document ${doc.number}: it is matched on the number alone`,
      });

  if (!traveller.name && !traveller.documents.some((d) => d.country) && !mrz)
    return {
      ok: false,
      problems: [
        {
          field: "traveller",
          message: "give at least a name, a document number with its issuing country, or an MRZ",
        },
      ],
    };
  return { ok: true, traveller, warnings };
}
