import type { TravellerInput } from "./traveller.ts";

/*
 * Column and key names of CSV and JSON manifests. The CSV header is
 * id,name,date_of_birth,nationality,sex,document_number,document_country; the usual other spellings
 * (camelCase from JSON APIs, dob, gender, passport_number, ...) are read too, so that a file exported
 * from another system does not need hand editing at the border.
 */

export type Column = keyof Omit<TravellerInput, "documents"> | "id";

const aliases: Record<Column, string[]> = {
  id: ["id", "passenger_id", "reference"],
  name: ["name", "full_name"],
  surname: ["surname", "last_name", "family_name"],
  givenNames: ["given_names", "given_name", "first_name", "first_names", "forenames"],
  dateOfBirth: ["date_of_birth", "dob", "birth_date", "birthdate"],
  nationality: ["nationality", "citizenship"],
  sex: ["sex", "gender"],
  documentNumber: ["document_number", "document", "passport_number", "doc_number"],
  documentCountry: ["document_country", "issuing_country", "document_issuer"],
  documentType: ["document_type", "doc_type"],
  mrz: ["mrz"],
};

/** A header cell or JSON key in snake_case: "Date of birth", "dateOfBirth" and "DATE_OF_BIRTH" alike. */
const snake = (key: string) =>
  key
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[\s-]+/g, "_");

const byName = new Map<string, Column>(
  Object.entries(aliases).flatMap(([column, names]) => names.map((n) => [n, column as Column] as const)),
);

export function columnOf(key: string): Column | undefined {
  return byName.get(snake(key));
}

/** The columns that identify a traveller on their own: a manifest needs at least one of them. */
export const identifyingColumns: ReadonlySet<Column> = new Set([
  "name",
  "surname",
  "givenNames",
  "documentNumber",
  "mrz",
]);

export const CSV_HEADER = "id,name,date_of_birth,nationality,sex,document_number,document_country";
