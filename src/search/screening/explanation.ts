import { BIRTH_DATE_MAX_EFFECT, type BirthDateExplanation, compareBirthDates } from "./birth-dates.ts";
import type { NameExplanation } from "./compare-names.ts";
import {
  compareNationality,
  comparePlace,
  compareSex,
  QUALIFIER_BONUS,
  type QualifierExplanation,
} from "./qualifiers.ts";

/*
 * The explanation of one screening score: one entry per feature, in codes and values (the web app
 * translates the codes), and a one-line English summary for logs, the CLI and the audit trail.
 */

export type Explanation = {
  summary: string;
  name: NameExplanation;
  birthDate: BirthDateExplanation;
  nationality: QualifierExplanation;
  sex: QualifierExplanation;
  birthPlace: QualifierExplanation;
};

export type ScreeningSubject = {
  /** Strong names and aliases, as written, any script. */
  names: string[];
  /** Weak aliases (nicknames, kunyas shared by many): may match, count less. */
  weakNames?: string[];
  /** EDTF strings as stored (see src/search/dates.ts). */
  birthDates?: string[];
  /** ISO 3166-1 alpha-2, upper case. */
  nationalities?: string[];
  sex?: "M" | "F" | null;
  birthPlaces?: string[];
};

export type TravellerQuery = {
  /** Full name as written (any order, any script). */
  name: string;
  /** Family name and given names as a document separates them (an MRZ); used beside `name`. */
  surname?: string;
  givenNames?: string;
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  birthDate?: string;
  /** ISO 3166-1 alpha-2. */
  nationality?: string;
  sex?: "M" | "F" | "X";
  birthPlace?: string;
};

/** The most the date of birth, nationality, sex and place of birth together can add to a name
 * score: a name below the threshold by more than this cannot become a hit. */
export const QUALIFIERS_MAX_EFFECT =
  BIRTH_DATE_MAX_EFFECT + QUALIFIER_BONUS.nationality + QUALIFIER_BONUS.sex + QUALIFIER_BONUS.place;

/** A weak alias proves less than a name: its name score is scaled by this. */
export const WEAK_ALIAS_FACTOR = 0.9;

const HOW_WORDS: Record<string, string> = {
  exact: "exact",
  transliterated: "transliterated",
  variant: "spelling variant",
  nickname: "nickname",
  spelling: "spelling variant",
  phonetic: "sounds alike",
  typo: "typing error",
  initial: "initial",
  article: "article joined",
  acronym: "initials",
  similar: "similar",
};

const SCRIPT_NAMES: Record<string, string> = {
  Arab: "Arabic script",
  Cyrl: "Cyrillic",
  Grek: "Greek",
  Hebr: "Hebrew",
  Geor: "Georgian",
  Armn: "Armenian",
  Hani: "Chinese characters",
  Hira: "Japanese kana",
  Kana: "Japanese kana",
  Hang: "Korean Hangul",
};

function nameSentence(n: NameExplanation): string {
  const label = { exact: "Exact", strong: "Strong", possible: "Possible", weak: "Weak", none: "No" }[
    n.result
  ];
  const details: string[] = [];
  const notable = n.parts.filter((p) => p.how !== "exact");
  for (const p of notable.slice(0, 3)) details.push(`${p.query} ~ ${p.listed}: ${HOW_WORDS[p.how] ?? p.how}`);
  if (n.scripts) {
    const s = n.scripts.query !== "Latn" ? n.scripts.query : n.scripts.listed;
    details.push(`from ${SCRIPT_NAMES[s] ?? s}`);
  }
  if (n.orderSwapped) details.push("order swapped");
  if (n.missing.length) details.push(`missing ${n.missing.join(", ")}`);
  if (n.extra.length) details.push(`extra ${n.extra.join(", ")}`);
  if (n.conflicting.length)
    details.push(`differs: ${n.conflicting.map((c) => `${c.query} / ${c.listed}`).join(", ")}`);
  if (n.weakAlias) details.push("weak alias");
  if (n.filiationMismatch) details.push("father's name in the place of the person's own");
  return `${label} name match (${n.listed}${details.length ? `; ${details.join("; ")}` : ""})`;
}

const DATE_WORDS: Record<string, string> = {
  exact: "date of birth exact",
  same_month: "same month of birth",
  same_year: "same year of birth",
  within_range: "date of birth within the listed range",
  approximate: "date of birth near the approximate listed one",
  day_month_swapped: "date of birth with day and month swapped",
  close: "date of birth a year apart",
  conflict: "date of birth differs",
};

export function summarise(e: Omit<Explanation, "summary">, score: number, match: boolean): string {
  const parts = [nameSentence(e.name)];
  if (e.birthDate.result !== "not_given")
    parts.push(`${DATE_WORDS[e.birthDate.result]} (${e.birthDate.query} / ${e.birthDate.listed})`);
  if (e.nationality.result !== "not_given")
    parts.push(e.nationality.result === "match" ? "nationality matches" : "nationality differs");
  if (e.sex.result === "conflict") parts.push("sex differs");
  if (e.birthPlace.result === "match") parts.push("place of birth agrees");
  return `${parts.join(", ")}: score ${score.toFixed(2)}, ${match ? "a hit" : "below the hit threshold"}.`;
}

/** The name score combined with the qualifiers: the score and every feature explained. */
export function scoreSubject(
  q: TravellerQuery,
  subject: Omit<ScreeningSubject, "names">,
  name: NameExplanation,
  threshold: number,
): { score: number; explain: () => Explanation } {
  const birthDate = compareBirthDates(q.birthDate, subject.birthDates);
  const nationality = compareNationality(q.nationality, subject.nationalities);
  const sex = compareSex(q.sex, subject.sex);
  const birthPlace = comparePlace(q.birthPlace, subject.birthPlaces);
  const base = name.weakAlias ? name.score * WEAK_ALIAS_FACTOR : name.score;
  const raw = base + birthDate.effect + nationality.effect + sex.effect + birthPlace.effect;
  const score = Math.round(Math.min(1, Math.max(0, raw)) * 1000) / 1000;
  const features = { name, birthDate, nationality, sex, birthPlace };
  // The summary sentence is built only for the results returned, not for every candidate scored.
  return { score, explain: () => ({ summary: summarise(features, score, score >= threshold), ...features }) };
}
