import { parseDateOfBirth } from "../../search/dates.ts";
import type { ScreeningSubject } from "../../search/screening/index.ts";

/*
 * What screening keeps of a listed person: the names, dates, nationalities, sex and places the
 * engine compares, and the identity documents the person is known to hold. Built from a record's
 * FtM properties (persons, and the subject records of notices) or from a diffusion's subject.
 */

export type SubjectDocument = { number: string; country: string | null };
export type Listing = { subject: ScreeningSubject; documents: SubjectDocument[] };

type Properties = Record<string, readonly string[] | undefined>;

const list = (p: Properties, key: string): string[] =>
  (p[key] ?? []).map((v) => v.trim()).filter((v) => v.length > 0);

/** EDTF dates only: a free-text date the engine cannot compare is left out, not guessed. */
const birthDates = (values: readonly string[]): string[] =>
  values.flatMap((v) => {
    const d = parseDateOfBirth(v);
    return typeof d === "string" ? [] : [d.edtf];
  });

const sexOf = (values: readonly string[]): "M" | "F" | null => {
  const g = values[0]?.toLowerCase();
  return g === "male" || g === "m" ? "M" : g === "female" || g === "f" ? "F" : null;
};

/** A Person record's properties as screening compares them. */
export function listingOfProperties(p: Properties): Listing {
  const names = [...list(p, "name"), ...list(p, "alias"), ...list(p, "previousName")];
  const first = list(p, "firstName")[0];
  const last = list(p, "lastName")[0];
  if (first && last) names.push(`${first} ${last}`);
  return {
    subject: {
      names: [...new Set(names)],
      weakNames: list(p, "weakAlias"),
      birthDates: birthDates(list(p, "birthDate")),
      nationalities: [...list(p, "nationality"), ...list(p, "citizenship")].map((c) => c.toUpperCase()),
      sex: sexOf(list(p, "gender")),
      birthPlaces: list(p, "birthPlace"),
    },
    documents: [...list(p, "passportNumber"), ...list(p, "idNumber")].map((number) => ({
      number,
      country: null,
    })),
  };
}

/** The person a diffusion is about (the notice request's subject shape), as screening compares it. */
export type PersonSubject = {
  kind: "person";
  familyName?: string;
  forenames?: string;
  nameOriginalScript?: string;
  aliases?: string[];
  sex?: "M" | "F" | "U";
  dateOfBirth?:
    | { precision: "date"; date: string }
    | { precision: "year"; year: number }
    | { precision: "range"; fromYear: number; toYear: number };
  placeOfBirth?: { place?: string; country?: string };
  nationalities?: string[];
  identityDocuments?: { type: string; number: string; issuingCountry: string }[];
};

export function listingOfPersonSubject(s: PersonSubject): Listing {
  const full = [s.forenames, s.familyName].filter(Boolean).join(" ");
  const names = [full, s.nameOriginalScript ?? "", ...(s.aliases ?? [])].filter((n) => n.trim() !== "");
  const dob = s.dateOfBirth;
  const edtf =
    dob?.precision === "date"
      ? dob.date
      : dob?.precision === "year"
        ? String(dob.year)
        : dob
          ? `${dob.fromYear}/${dob.toYear}`
          : null;
  return {
    subject: {
      names,
      birthDates: edtf ? [edtf] : [],
      nationalities: s.nationalities ?? [],
      sex: s.sex === "M" || s.sex === "F" ? s.sex : null,
      birthPlaces: s.placeOfBirth?.place ? [s.placeOfBirth.place] : [],
    },
    documents: (s.identityDocuments ?? []).map((d) => ({ number: d.number, country: d.issuingCountry })),
  };
}
