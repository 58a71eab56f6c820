import type { intlEn } from "./intl.en.ts";

export const intlFr: Record<keyof typeof intlEn, string> = {
  "pager.statusAtLeast":
    "Page {page} sur au moins {pages} · au moins {total, plural, one {# résultat} other {# résultats}}",
  "country.XG": "Secrétariat général d’INTERPOL",
  "country.XU": "Nations Unies",
  "country.XI": "Cour pénale internationale",
  "country.XR": "Mécanisme international appelé à exercer les fonctions résiduelles des tribunaux pénaux",
};
