import { type DateOfBirth, parseDateOfBirth } from "../dates.ts";
import { nameSimilarity } from "./names.ts";
import type { Prepared } from "./subject.ts";

/**
 * The score of a pair and why: one entry per feature, so an analyst sees what the suggestion
 * rests on (a shared passport number weighs more than a similar name). Weights are additive
 * evidence, the total is clipped to 0..1; `SUGGEST_THRESHOLD` is where a pair becomes a suggestion.
 */
export type BirthDateResult =
  | "exact"
  | "same_month"
  | "same_year"
  | "within_range"
  | "other_day"
  | "near_year"
  | "conflict"
  | "missing";
export type Explanation = {
  name: { score: number; left: string; right: string };
  birthDate: { result: BirthDateResult; weight: number };
  nationality: { result: "shared" | "disjoint" | "missing"; weight: number };
  identifiers: { shared: string[]; weight: number };
  documents: { shared: string[]; weight: number };
  gender: { result: "same" | "conflict" | "missing"; weight: number };
};
export type Scored = { score: number; explanation: Explanation };

export const SUGGEST_THRESHOLD = 0.7;
const NAME_WEIGHT = 0.6;
const round = (x: number) => Math.round(x * 1000) / 1000;

function bestName(a: Prepared, b: Prepared): Explanation["name"] {
  let best = { score: 0, left: "", right: "" };
  for (const x of a.names)
    for (const y of b.names) {
      const s = nameSimilarity(x, y);
      if (s > best.score) best = { score: s, left: x.tokens.join(" "), right: y.tokens.join(" ") };
    }
  return { ...best, score: round(best.score) };
}

/** Dates as precise as each side wrote them: a year-only date agrees with any day of that year. */
function birthDate(a: Prepared, b: Prepared): Explanation["birthDate"] {
  if (a.birthDates.length === 0 || b.birthDates.length === 0) return { result: "missing", weight: 0 };
  let best: BirthDateResult = "conflict";
  const rank: BirthDateResult[] = [
    "conflict",
    "near_year",
    "other_day",
    "within_range",
    "same_year",
    "same_month",
    "exact",
  ];
  for (const x of a.birthDates)
    for (const y of b.birthDates) {
      const r = compareDates(x, y);
      if (rank.indexOf(r) > rank.indexOf(best)) best = r;
    }
  const weights: Record<BirthDateResult, number> = {
    exact: 0.25,
    same_month: 0.18,
    same_year: 0.15,
    within_range: 0.08,
    other_day: 0.02,
    near_year: 0.02,
    conflict: -0.3,
    missing: 0,
  };
  return { result: best, weight: weights[best] };
}

/** Years an approximate date ("about 1970", 1970~) is taken to cover on each side. */
const APPROXIMATE_YEARS = 2;

/** The first and last day a date allows; an approximate one widened by APPROXIMATE_YEARS. */
function span(d: DateOfBirth): [string, string] {
  if (!d.approximate) return [d.from, d.to];
  const shift = (iso: string, years: number) => `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;
  return [shift(d.from, -APPROXIMATE_YEARS), shift(d.to, APPROXIMATE_YEARS)];
}

/**
 * A range or an approximate date agrees weakly with any date inside it (1966 is within
 * 1963/1968); outside it, a year away is still near. Plain dates compare by their precision.
 */
function compareDates(x: string, y: string): BirthDateResult {
  const a = parseDateOfBirth(x);
  const b = parseDateOfBirth(y);
  if (typeof a === "string" || typeof b === "string") return "conflict";
  if (a.precision === "range" || b.precision === "range" || a.approximate || b.approximate) {
    const [af, at] = span(a);
    const [bf, bt] = span(b);
    if (af <= bt && bf <= at) return "within_range";
    const gap =
      af > bt
        ? Number(af.slice(0, 4)) - Number(bt.slice(0, 4))
        : Number(bf.slice(0, 4)) - Number(at.slice(0, 4));
    return gap <= 1 ? "near_year" : "conflict";
  }
  return comparePlain(a.edtf, b.edtf);
}

function comparePlain(x: string, y: string): BirthDateResult {
  const n = Math.min(x.length, y.length);
  if (x.slice(0, 4) !== y.slice(0, 4))
    return Math.abs(Number(x.slice(0, 4)) - Number(y.slice(0, 4))) === 1 ? "near_year" : "conflict";
  if (n === 10 && x === y) return "exact";
  if (n === 4) return "same_year";
  // Same year, day and month swapped (03-04 / 04-03): a common entry slip.
  if (n === 10 && x.slice(5, 7) === y.slice(8, 10) && x.slice(8, 10) === y.slice(5, 7)) return "same_month";
  if (x.slice(0, 7) !== y.slice(0, 7)) return "conflict";
  // Two full dates a few days apart are more often two people than a typo: barely evidence.
  return n === 7 ? "same_month" : "other_day";
}

const shared = (a: readonly string[], b: readonly string[]) => a.filter((x) => b.includes(x));

export function scorePair(a: Prepared, b: Prepared): Scored {
  const name = bestName(a, b);
  const dob = birthDate(a, b);
  const nats = shared(a.nationalities, b.nationalities);
  const nationality: Explanation["nationality"] =
    a.nationalities.length === 0 || b.nationalities.length === 0
      ? { result: "missing", weight: 0 }
      : nats.length > 0
        ? { result: "shared", weight: 0.05 }
        : { result: "disjoint", weight: -0.05 };
  const ids = shared(a.identifiers, b.identifiers);
  const docs = shared(a.documents, b.documents);
  const gender: Explanation["gender"] =
    !a.gender || !b.gender
      ? { result: "missing", weight: 0 }
      : a.gender === b.gender
        ? { result: "same", weight: 0 }
        : { result: "conflict", weight: -0.2 };
  const explanation: Explanation = {
    name,
    birthDate: dob,
    nationality,
    identifiers: { shared: ids, weight: ids.length ? 0.4 : 0 },
    documents: { shared: docs, weight: docs.length ? 0.4 : 0 },
    gender,
  };
  const total =
    NAME_WEIGHT * name.score +
    dob.weight +
    nationality.weight +
    explanation.identifiers.weight +
    explanation.documents.weight +
    gender.weight;
  return { score: round(Math.min(1, Math.max(0, total))), explanation };
}
