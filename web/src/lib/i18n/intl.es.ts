import type { intlEn } from "./intl.en.ts";

export const intlEs: Record<keyof typeof intlEn, string> = {
  "pager.statusAtLeast":
    "Página {page} de al menos {pages} · al menos {total, plural, one {# resultado} other {# resultados}}",
  "country.XG": "Secretaría General de INTERPOL",
  "country.XU": "Naciones Unidas",
  "country.XI": "Corte Penal Internacional",
  "country.XR": "Mecanismo Residual Internacional de los Tribunales Penales",
};
