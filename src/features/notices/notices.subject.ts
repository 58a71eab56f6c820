import type { NoticeRequest, PersonSubject } from "./rules/notice-request.ts";

/**
 * What a notice request says about its subject, in the two shapes the rest of the system needs:
 * FollowTheMoney properties for the records store (so screening finds the subject) and the flat
 * columns the review queue, the duplicate check and the public filters query.
 */

export type SubjectColumns = {
  subject_kind: string;
  subject_name: string | null;
  subject_forename: string | null;
  subject_sex: string | null;
  birth_year_from: number | null;
  birth_year_to: number | null;
  nationalities: string[];
  warrant_countries: string[];
  search_text: string;
};

export type SubjectRecord = { schema: "Person" | "Organization"; properties: Record<string, string[]> };

type Dob = PersonSubject["dateOfBirth"];

const birthYears = (dob: Dob): [number | null, number | null] => {
  if (!dob) return [null, null];
  if (dob.precision === "date") {
    const y = Number(dob.date.slice(0, 4));
    return [y, y];
  }
  if (dob.precision === "year") return [dob.year, dob.year];
  return [dob.fromYear, dob.toYear];
};

/** The date of birth as INTERPOL's public notices write it: "1985/04/12", "1985" or "1980-1985". */
export const dobText = (dob: Dob): string | null => {
  if (!dob) return null;
  if (dob.precision === "date") return dob.date.replaceAll("-", "/");
  if (dob.precision === "year") return String(dob.year);
  return `${dob.fromYear}-${dob.toYear}`;
};

const uniq = (xs: (string | undefined | null)[]): string[] => [
  ...new Set(xs.filter((x): x is string => !!x && x.trim() !== "").map((x) => x.slice(0, 2000))),
];

const searchText = (names: (string | undefined)[]): string =>
  uniq(names).join(" ").toLowerCase().slice(0, 10_000);

export function subjectColumns(r: NoticeRequest): SubjectColumns {
  const s = r.subject;
  const warrant_countries = r.type === "red" ? uniq(r.offences.map((o) => o.country)).sort() : [];
  if (s.kind === "person") {
    const [from, to] = birthYears(s.dateOfBirth);
    return {
      subject_kind: "person",
      subject_name: s.familyName ?? null,
      subject_forename: s.forenames ?? null,
      subject_sex: s.sex,
      birth_year_from: from,
      birth_year_to: to,
      nationalities: [...new Set(s.nationalities)].sort(),
      warrant_countries,
      search_text: searchText([s.forenames, s.familyName, s.nameOriginalScript, ...s.aliases]),
    };
  }
  const name = s.kind === "entity" ? s.name : null;
  return {
    subject_kind: s.kind,
    subject_name: name,
    subject_forename: null,
    subject_sex: null,
    birth_year_from: null,
    birth_year_to: null,
    nationalities: s.kind === "entity" && s.registrationCountry ? [s.registrationCountry] : [],
    warrant_countries,
    search_text: searchText(s.kind === "entity" ? [s.name, ...s.aliases] : []),
  };
}

const gender = { M: "male", F: "female", U: undefined } as const;

const drop = (p: Record<string, string[]>): Record<string, string[]> =>
  Object.fromEntries(
    Object.entries(p)
      .map(([k, v]) => [k, uniq(v).slice(0, 100)] as const)
      .filter(([, v]) => v.length > 0),
  );

/** The subject as an FtM Person or Organization; null for objects, events and modi operandi. */
export function subjectRecord(r: NoticeRequest): SubjectRecord | null {
  const s = r.subject;
  if (s.kind === "person") {
    const full = [s.forenames, s.familyName].filter(Boolean).join(" ");
    return {
      schema: "Person",
      properties: drop({
        name: [full || s.nameOriginalScript || r.title.text.slice(0, 200)],
        firstName: [s.forenames ?? ""],
        lastName: [s.familyName ?? ""],
        alias: [s.nameOriginalScript ?? "", ...s.aliases],
        gender: [gender[s.sex] ?? ""],
        birthDate: [
          s.dateOfBirth?.precision === "date" ? s.dateOfBirth.date : (dobText(s.dateOfBirth) ?? ""),
        ],
        birthPlace: [s.placeOfBirth?.place ?? ""],
        country: [s.placeOfBirth?.country ?? ""],
        nationality: s.nationalities,
        passportNumber: s.identityDocuments.filter((d) => d.type === "passport").map((d) => d.number),
        idNumber: s.identityDocuments.filter((d) => d.type !== "passport").map((d) => d.number),
      }),
    };
  }
  if (s.kind === "entity") {
    return {
      schema: "Organization",
      properties: drop({
        name: [s.name],
        alias: s.aliases,
        country: [s.registrationCountry ?? ""],
        registrationNumber: [s.registrationNumber ?? ""],
        address: s.addresses.map((a) => a.text),
      }),
    };
  }
  return null;
}

/** Translations of the request's localised texts, by field, for the translation workflow. */
export function translationsOf(r: NoticeRequest): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(r)) {
    const v = value as { language?: unknown; translations?: unknown };
    if (v && typeof v === "object" && "language" in v && v.translations) out[key] = v.translations;
  }
  return out;
}
