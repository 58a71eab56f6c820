import { editDistance } from "./token-similarity.ts";

/*
 * Words of organisation names that need more than a lookup: legal forms misspelt or cut short,
 * abbreviations written out or not, sibling numbers in Roman numerals, and the region words that
 * name a market (Faberlic Europe) rather than another company.
 */

/** Long legal-form words, matched with one typing error (two from 12 letters): Aktiengeselschaft. */
const LONG_LEGAL_WORDS: [string, string][] = [
  ["aktiengesellschaft", "ag"],
  ["gesellschaft", "gmbh"],
  ["incorporated", "inc"],
  ["corporation", "corp"],
  ["limited", "ltd"],
  ["company", "co"],
];

/** The legal-form class of a word that is a long legal-form word misspelt, or cut short at the end of a name. */
export function fuzzyLegalForm(word: string, last: boolean): string | undefined {
  if (word.length < 5) return undefined;
  for (const [form, cls] of LONG_LEGAL_WORDS) {
    // Lists cut names at a field length: "... JOINT STOCK COMPAN".
    if (last && word.length >= 5 && word.length < form.length && form.startsWith(word)) return cls;
    if (word.length < 7) continue;
    const allowed = form.length >= 12 ? 2 : 1;
    if (Math.abs(word.length - form.length) <= allowed && editDistance(word, form, allowed) <= allowed)
      return cls;
  }
  return undefined;
}

/** Common abbreviations in organisation names, written out. */
export const ORG_ABBREVIATIONS: Record<string, string> = {
  intl: "international",
  natl: "national",
  assn: "association",
  assoc: "association",
  bros: "brothers",
  mfg: "manufacturing",
  dept: "department",
  univ: "university",
  govt: "government",
  inst: "institute",
  svcs: "services",
  grp: "group",
  hldgs: "holdings",
  hldg: "holding",
  mgmt: "management",
  ctr: "center",
  centre: "center",
};

/** A Roman numeral from I to XXXIX (a fund or trust series: Fund III, Trust XV). */
export function romanNumeral(word: string): number | undefined {
  const m = /^(x{0,3})(ix|iv|v?i{0,3})$/.exec(word);
  if (!m || word.length === 0) return undefined;
  const units: Record<string, number> = {
    "": 0,
    i: 1,
    ii: 2,
    iii: 3,
    iv: 4,
    v: 5,
    vi: 6,
    vii: 7,
    viii: 8,
    ix: 9,
  };
  return (m[1] ?? "").length * 10 + (units[m[2] ?? ""] ?? 0);
}

/*
 * Region words: in a company name they name a market or a branch of one group (Faberlic Europe).
 * Country names are not among them: the reference labels treat Banco Santander Chile and Banco
 * Santander as two companies, and country subsidiaries are separate legal persons.
 */
const REGION_WORDS = new Set(
  "europe european eurasia asia asian africa african america american americas pacific arabia nordic baltic".split(
    " ",
  ),
);
export const isRegionWord = (word: string): boolean => REGION_WORDS.has(word);
