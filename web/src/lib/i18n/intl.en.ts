/**
 * Texts of the i18n layer itself: names of the international entities whose codes are not ISO 3166
 * regions (Intl.DisplayNames names every other country in the reader's language).
 */
export const intlEn = {
  "pager.statusAtLeast":
    "Page {page} of at least {pages} · at least {total, plural, one {# result} other {# results}}",
  "country.XG": "INTERPOL General Secretariat",
  "country.XU": "United Nations",
  "country.XI": "International Criminal Court",
  "country.XR": "International Residual Mechanism for Criminal Tribunals",
} as const;
