import { parseDateOfBirth } from "../dates.ts";
import { type NameForm, nameForm } from "./names.ts";

/** What resolution reads of a person or organisation: FtM properties, flattened. */
export type Subject = {
  id: string;
  owner: string;
  schema: string;
  properties: Record<string, readonly string[]>;
};

/** A subject ready for blocking and scoring: every key computed once. */
export type Prepared = {
  id: string;
  owner: string;
  schema: string;
  names: NameForm[];
  /** Birth dates as written (YYYY, YYYY-MM or YYYY-MM-DD). */
  birthDates: string[];
  /** Birth years, 0 when unknown. */
  years: number[];
  nationalities: string[];
  gender: string;
  /** Identifiers (id, tax, registration numbers...): upper case, letters and digits only. */
  identifiers: string[];
  /** Identity documents (passport numbers). */
  documents: string[];
};

// FtM properties read as names, identifiers and documents.
// A weak alias (a kunya, a nickname) is shared by too many people to suggest a pair on.
const NAME_PROPS = ["name", "alias", "previousName"];
const ID_PROPS = ["idNumber", "taxNumber", "registrationNumber", "vatCode", "innCode", "ogrnCode", "unscId"];
const DOC_PROPS = ["passportNumber"];

/** Upper case, letters and digits only: "SM71 63633" and "sm7163633" are the same number. */
export const normaliseNumber = (v: string): string => v.toUpperCase().replace(/[^A-Z0-9]/g, "");

function values(p: Subject["properties"], props: readonly string[]): string[] {
  return props.flatMap((k) => p[k] ?? []);
}

/** At most this many years of a range become blocking keys; a wider range blocks by name alone. */
const MAX_BLOCK_YEARS = 6;

/** The birth years a date allows, for blocking: 1963/1968 gives six, 1970~ gives 1968 to 1972. */
function yearsOf(d: string): number[] {
  const p = parseDateOfBirth(d);
  if (typeof p === "string") return [];
  const widen = p.approximate ? 2 : 0;
  const first = Number(p.from.slice(0, 4)) - widen;
  const last = Number(p.to.slice(0, 4)) + widen;
  if (last - first + 1 > MAX_BLOCK_YEARS) return [];
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

export function prepare(s: Subject): Prepared {
  const p = s.properties;
  const names = [...new Set(values(p, NAME_PROPS))].map(nameForm).filter((n) => n.tokens.length > 0);
  const birthDates = [...new Set(values(p, ["birthDate", "incorporationDate"]))];
  const numbers = (props: readonly string[]) =>
    [...new Set(values(p, props).map(normaliseNumber))].filter((x) => x.length >= 5);
  return {
    id: s.id,
    owner: s.owner,
    schema: s.schema === "LegalEntity" ? "Organization" : s.schema,
    names,
    birthDates,
    years: [...new Set(birthDates.flatMap(yearsOf))],
    nationalities: [...new Set(values(p, ["nationality", "citizenship", "country", "jurisdiction"]))].map(
      (c) => c.toLowerCase(),
    ),
    gender: (p.gender ?? [])[0] ?? "",
    identifiers: numbers(ID_PROPS),
    documents: numbers(DOC_PROPS),
  };
}
