import type { PublicUnListing } from "./notices.public.schema.ts";
import { countryCode, placeText } from "./un-list/to-notice.ts";
import type { UnListed, UnPlace } from "./un-list/types.ts";

/**
 * The UN's own entry behind an INTERPOL-UN Security Council Special Notice, as the UN publishes it:
 * every date of birth with its precision, every place, alias (with the UN's quality), nationality
 * and document, the listing date and the narrative summary. All of it is public UN data. Countries
 * carry the alpha-2 code where the country is a member, so that readers see the name in their own
 * language, and the UN's wording always.
 */

const country = (name: string | undefined) => (name ? { code: countryCode(name) ?? null, name } : null);

const place = (p: UnPlace) => ({
  text: placeText({ ...p, country: undefined }) || null,
  country: country(p.country),
});

const dateType = { EXACT: "exact", APPROXIMATELY: "approximately", BETWEEN: "between" } as const;

const orNull = <T>(v: T | undefined): T | null => v ?? null;

export function unListingOf(e: UnListed): PublicUnListing {
  const person = e.kind === "individual" ? e : null;
  return {
    reference: e.referenceNumber,
    regime: e.unListType,
    listed_on: orNull(e.listedOn),
    name: e.names.full,
    name_original_script: orNull(e.names.originalScript),
    summary: orNull(e.comments),
    titles: person?.titles ?? [],
    designations: person?.designations ?? [],
    aliases: e.aliases.map((a) => ({
      name: a.name,
      quality: a.quality,
      date_of_birth: orNull(a.dateOfBirth),
      place_of_birth: [a.cityOfBirth, a.countryOfBirth].filter(Boolean).join(", ") || null,
      note: orNull(a.note),
    })),
    dates_of_birth: (person?.datesOfBirth ?? []).map((d) => ({
      type: d.typeOfDate ? dateType[d.typeOfDate] : d.approximate ? "approximately" : "exact",
      date: orNull(d.date),
      year: orNull(d.year),
      from_year: orNull(d.fromYear),
      to_year: orNull(d.toYear),
      note: orNull(d.note),
    })),
    places_of_birth: (person?.placesOfBirth ?? []).map(place),
    nationalities: (person?.nationalities ?? []).flatMap((n) => country(n) ?? []),
    addresses: e.addresses.map(place),
    documents: (person?.documents ?? []).map((d) => ({
      type: orNull(d.type),
      type_detail: orNull(d.typeDetail),
      number: orNull(d.number),
      issuing_country: country(d.issuingCountry),
      city_of_issue: orNull(d.cityOfIssue),
      date_of_issue: orNull(d.dateOfIssue),
      note: orNull(d.note),
    })),
  };
}
