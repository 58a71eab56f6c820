import { type Lang, localeOf } from "./languages.ts";
import { hasOwnText, translate } from "./translate.ts";

/*
 * Country names come from Intl.DisplayNames in the reader's language, so the 196 members need no
 * dictionary. The international entities (INTERPOL's General Secretariat, the UN, the courts) have
 * user-assigned codes that are no ISO region: their names are messages `country.<CODE>`.
 */

const names = new Map<Lang, Intl.DisplayNames>();

function displayNames(lang: Lang): Intl.DisplayNames {
  let d = names.get(lang);
  if (!d) {
    d = new Intl.DisplayNames([localeOf(lang)], { type: "region", fallback: "none" });
    names.set(lang, d);
  }
  return d;
}

/** ISO 3166-1 user-assigned alpha-2 codes: never a country, except XK, which Intl and FtM name Kosovo. */
const USER_ASSIGNED = /^(AA|Q[M-Z]|X[A-JL-Z]|ZZ)$/;

export function countryName(lang: Lang, code: string | null | undefined, fallback?: string | null): string {
  if (!code) return fallback ?? "";
  const upper = code.trim().toUpperCase();
  const key = `country.${upper}`;
  if (hasOwnText("en", key)) return translate(lang, key as Parameters<typeof translate>[1]);
  if (/^[A-Z]{2}$/.test(upper) && !USER_ASSIGNED.test(upper)) {
    try {
      const name = displayNames(lang).of(upper);
      if (name) return name;
    } catch {
      // not a well-formed region code for this engine: fall through
    }
  }
  return fallback ?? code;
}

/** Several countries by name as one text, with the language's list punctuation. */
export function countryList(lang: Lang, codes: readonly string[]): string {
  return codes.map((c) => countryName(lang, c)).join(lang === "ar" ? "، " : ", ");
}
