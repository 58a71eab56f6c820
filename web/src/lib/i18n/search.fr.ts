import type { searchEn } from "./search.en.ts";

export const searchFr: Record<keyof typeof searchEn, string> = {
  "search.notices": "Nom, alias, référence ONU ou numéro de notice",
  "search.records": "Nom, alias, identifiant, référence ONU ou numéro de notice",
  "search.public": "Nom, alias, référence ONU ou numéro de notice",
  "search.hint":
    "Les éléments du nom sont trouvés dans n’importe quel ordre et en partie ; une référence ONU (QDi.299) ou un numéro de notice (2024/12345) doit être exact.",
};
