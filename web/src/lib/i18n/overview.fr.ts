import type { overviewEn } from "./overview.en.ts";

export const overviewFr: Record<keyof typeof overviewEn, string> = {
  "overview.notices": "Notices",
  "overview.diffusions": "Diffusions",
  "overview.map.title": "Notices et diffusions par pays",
  "overview.map.label":
    "Carte du monde des notices et diffusions par pays demandeur. Les flèches passent d’un pays à l’autre ; Entrée affiche le pays dans le tableau.",
  "overview.map.country":
    "{country} : {notices, plural, one {# notice} other {# notices}}, {diffusions, plural, one {# diffusion} other {# diffusions}}",
  "overview.map.legend": "Notices et diffusions",
  "overview.map.none": "Aucune",
  "overview.map.range": "de {from} à {to}",
  "overview.map.selected": "Le tableau ne montre que : {country}.",
  "overview.map.clear": "Afficher tous les pays",
  "overview.map.loading": "Chargement de la carte…",
};
