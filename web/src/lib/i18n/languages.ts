/**
 * The four working languages of INTERPOL, with the locale that Intl and the ICU messages use for each.
 * Kept apart from the React provider so that pure helpers (formatting, tests) can import it.
 */
export const LANGUAGES = [
  { code: "en", label: "English", locale: "en-GB", dir: "ltr" },
  { code: "fr", label: "Français", locale: "fr-FR", dir: "ltr" },
  { code: "es", label: "Español", locale: "es-ES", dir: "ltr" },
  // Latin digits keep identifiers, counts and dates comparable with what other bureaus see.
  { code: "ar", label: "العربية", locale: "ar-u-nu-latn", dir: "rtl" },
] as const;

export type Lang = (typeof LANGUAGES)[number]["code"];

export const isLang = (v: unknown): v is Lang => LANGUAGES.some((l) => l.code === v);

const meta = (lang: Lang) => LANGUAGES.find((l) => l.code === lang) ?? LANGUAGES[0];

/** The Intl locale of a language ("ar-u-nu-latn" for Arabic). */
export const localeOf = (lang: Lang): string => meta(lang).locale;

export const isRtl = (lang: Lang): boolean => meta(lang).dir === "rtl";
