import anyAscii from "any-ascii";

/*
 * Nationality, sex and place of birth: they raise a name match a little when they agree, lower it
 * when they conflict, and say nothing when either side lacks them. Their weights are small:
 * people hold several nationalities, lists record places at any granularity, and a name is what
 * screening is about.
 */

export type QualifierResult = "match" | "conflict" | "not_given";

export type QualifierExplanation = {
  result: QualifierResult;
  effect: number;
  query?: string;
  listed?: string[];
};

/** What an agreeing nationality, sex and place of birth add (the most each can add). */
export const QUALIFIER_BONUS = { nationality: 0.02, sex: 0, place: 0.02 };

const NOT_GIVEN: QualifierExplanation = { result: "not_given", effect: 0 };

export function compareNationality(query: string | undefined, listed: readonly string[] | undefined) {
  const q = query?.trim().toUpperCase();
  if (!q || !listed || listed.length === 0) return NOT_GIVEN;
  const l = [...listed];
  return l.includes(q)
    ? { result: "match" as const, effect: QUALIFIER_BONUS.nationality, query: q, listed: l }
    : { result: "conflict" as const, effect: -0.05, query: q, listed: l };
}

export function compareSex(
  query: string | undefined,
  listed: "M" | "F" | null | undefined,
): QualifierExplanation {
  if ((query !== "M" && query !== "F") || !listed) return NOT_GIVEN;
  return query === listed
    ? { result: "match", effect: QUALIFIER_BONUS.sex, query, listed: [listed] }
    : { result: "conflict", effect: -0.08, query, listed: [listed] };
}

/** Words of a place that say where it is, not what kind of place it is. */
const GENERIC = new Set(
  "village city town district province region area governorate state county municipality republic of the al el de la near".split(
    " ",
  ),
);

export function placeWords(place: string): string[] {
  return anyAscii(place)
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w.length >= 4 && !GENERIC.has(w));
}

export function comparePlace(
  query: string | undefined,
  listed: readonly string[] | undefined,
): QualifierExplanation {
  if (!query?.trim() || !listed || listed.length === 0) return NOT_GIVEN;
  const q = new Set(placeWords(query));
  if (q.size === 0) return NOT_GIVEN;
  const agrees = listed.some((l) => placeWords(l).some((w) => q.has(w)));
  return agrees
    ? { result: "match", effect: QUALIFIER_BONUS.place, query, listed: [...listed] }
    : { result: "conflict", effect: -0.01, query, listed: [...listed] };
}
