import { createHash } from "node:crypto";
import { memberCountries } from "../../../storage/seed/countries.ts";
import type { NoticeRequestInput } from "../rules/notice-request.ts";
import type { UnDateOfBirth, UnDocument, UnIndividual, UnListed, UnPlace } from "./types.ts";

/**
 * Maps a UN Consolidated List entry to the request of an INTERPOL-UN Security Council Special
 * Notice and to the FtM properties of its subject record. The request follows the notice schema's
 * limits (alpha-2 codes, 50 aliases, 200-character names); what does not fit there (country names
 * without a member code, long aliases, every date and place of birth) is kept in full in the subject
 * record and in un_listings.entry.
 */

// Names the UN writes differently from the member list (ISO long forms).
const countryAliases: Record<string, string> = {
  "united kingdom of great britain and northern ireland": "GB",
  "state of palestine": "PS",
  "syrian arab republic": "SY",
  "russian federation": "RU",
  "united republic of tanzania": "TZ",
  "iran (islamic republic of)": "IR",
  "republic of korea": "KR",
  "lao people's democratic republic": "LA",
  "bolivia (plurinational state of)": "BO",
  "venezuela (bolivarian republic of)": "VE",
  "republic of moldova": "MD",
  turkey: "TR",
};
const byName = new Map<string, string>([
  ...memberCountries.map((c) => [c.name.toLowerCase(), c.alpha2] as [string, string]),
  ...Object.entries(countryAliases),
]);

/** The alpha-2 code of a country as the UN list names it, when it is a member country. */
export const countryCode = (name: string | undefined): string | undefined =>
  name ? byName.get(name.trim().toLowerCase()) : undefined;

const clip = (s: string, max = 200): string => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);
const defined = <T>(xs: (T | undefined)[]): T[] => xs.filter((x): x is T => x !== undefined);
const uniq = <T>(xs: T[]): T[] => [...new Set(xs)];

export const placeText = (p: UnPlace): string =>
  [p.street, p.city, p.stateProvince, p.zipCode, p.country, p.note].filter(Boolean).join(", ");

/**
 * A date of birth in the store's notation (EDTF, src/search/dates.ts): 1951-06-19, 1963~ (about),
 * 1963/1968 (between). Free text the list gives instead of a date ("30-35 years old") is not a
 * date: it goes to the record's notes (dobNote).
 */
const dobText = (d: UnDateOfBirth): string | undefined => {
  if (d.date) return d.date;
  if (d.fromYear && d.toYear && d.fromYear < d.toYear) return `${d.fromYear}/${d.toYear}`;
  const year = d.year ?? d.fromYear ?? d.toYear;
  if (year) return d.approximate ? `${year}~` : String(year);
  return undefined;
};
const dobNote = (d: UnDateOfBirth): string | undefined =>
  dobText(d) === undefined && d.note ? `Date of birth: ${d.note}` : undefined;

const yearOk = (y: number | undefined): y is number => y !== undefined && y >= 1900 && y <= 2100;

const requestDob = (d: UnDateOfBirth | undefined) => {
  if (!d) return undefined;
  if (d.precision === "day" && d.date) return { precision: "date" as const, date: d.date };
  if (d.precision === "year" && yearOk(d.year)) return { precision: "year" as const, year: d.year };
  if (d.precision === "range" && yearOk(d.fromYear) && yearOk(d.toYear) && d.fromYear <= d.toYear)
    return { precision: "range" as const, fromYear: d.fromYear, toYear: d.toYear };
  return undefined;
};

const documentType = (d: UnDocument) => {
  const t = `${d.type ?? ""} ${d.typeDetail ?? ""}`.toLowerCase();
  if (t.includes("passport")) return "passport" as const;
  if (t.includes("identi")) return "id_card" as const;
  return "other" as const;
};

function personSubject(r: UnIndividual) {
  const parts = defined([r.names.first, r.names.second, r.names.third, r.names.fourth]);
  const pob = r.placesOfBirth[0];
  return {
    kind: "person" as const,
    familyName: clip(parts.at(-1) ?? r.names.full),
    forenames: parts.length > 1 ? clip(parts.slice(0, -1).join(" ")) : undefined,
    nameOriginalScript: r.names.originalScript ? clip(r.names.originalScript) : undefined,
    aliases: uniq(r.aliases.map((a) => clip(a.name))).slice(0, 50),
    sex: r.gender === "Male" ? ("M" as const) : r.gender === "Female" ? ("F" as const) : ("U" as const),
    dateOfBirth: requestDob(r.datesOfBirth[0]),
    placeOfBirth: pob
      ? {
          place: clip(placeText({ ...pob, country: undefined }) || "unknown"),
          country: countryCode(pob.country),
        }
      : undefined,
    nationalities: uniq(defined(r.nationalities.map(countryCode))).slice(0, 10),
    identityDocuments: r.documents
      .map((d) => ({ d, issuingCountry: countryCode(d.issuingCountry) }))
      .filter((x) => x.d.number && x.issuingCountry)
      .slice(0, 20)
      .map(({ d, issuingCountry }) => ({
        type: documentType(d),
        number: clip(d.number as string),
        issuingCountry: issuingCountry as string,
      })),
  };
}

export function toRequest(r: UnListed): NoticeRequestInput {
  const listed = r.listedOn ? ` on ${r.listedOn}` : "";
  return {
    type: "un_special",
    title: { language: "en", text: clip(`${r.names.full} (${r.referenceNumber})`, 8000) },
    summary: {
      language: "en",
      text: clip(r.comments ?? `Listed under the ${r.unListType} sanctions regime${listed}.`, 8000),
    },
    subject:
      r.kind === "individual"
        ? personSubject(r)
        : {
            kind: "entity",
            name: clip(r.names.full),
            aliases: uniq(r.aliases.map((a) => clip(a.name))).slice(0, 50),
            addresses: r.addresses
              .slice(0, 20)
              .map((a) => ({ text: clip(placeText(a)), country: countryCode(a.country) })),
          },
    unReference: r.referenceNumber,
    sanctions: ["asset_freeze", "travel_ban", "arms_embargo"],
  };
}

/** Every name, date, place, nationality, document and address, as FtM properties of the subject. */
export function toRecordProperties(r: UnListed): Record<string, string[]> {
  const good = r.aliases.filter((a) => a.quality !== "Low").map((a) => a.name);
  const low = r.aliases.filter((a) => a.quality === "Low").map((a) => a.name);
  const common = {
    name: [r.names.full],
    alias: defined([r.names.originalScript, ...good]),
    weakAlias: low,
    address: r.addresses.map(placeText),
    notes: defined([
      r.comments,
      r.listedOn && `Listed on ${r.listedOn}`,
      ...(r.kind === "individual" ? r.datesOfBirth.map(dobNote) : []),
    ]),
    program: [r.unListType],
    unscId: [r.referenceNumber],
  };
  const person: Record<string, string[]> =
    r.kind === "individual"
      ? {
          firstName: defined([r.names.first]),
          secondName: defined([r.names.second]),
          middleName: defined([r.names.third]),
          lastName: defined([r.names.fourth]),
          gender: defined([r.gender?.toLowerCase()]),
          birthDate: defined(r.datesOfBirth.map(dobText)),
          birthPlace: r.placesOfBirth.map(placeText),
          nationality: r.nationalities,
          passportNumber: defined(
            r.documents.filter((d) => documentType(d) === "passport").map((d) => d.number),
          ),
          idNumber: defined(r.documents.filter((d) => documentType(d) !== "passport").map((d) => d.number)),
          title: r.titles,
          position: r.designations,
        }
      : {};
  const all: Record<string, string[]> = { ...common, ...person };
  return Object.fromEntries(
    Object.entries(all)
      .map(
        ([k, v]) =>
          [k, uniq(v.filter((x) => x.trim() !== "").map((x) => x.slice(0, 2000))).slice(0, 100)] as const,
      )
      .filter(([, v]) => v.length > 0),
  );
}

/** A fingerprint of an entry's content: a changed hash means an amendment, whatever VERSIONNUM says. */
export const contentHash = (r: UnListed): string =>
  createHash("sha256").update(JSON.stringify(r)).digest("hex");
