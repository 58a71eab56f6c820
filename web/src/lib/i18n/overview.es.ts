import type { overviewEn } from "./overview.en.ts";

export const overviewEs: Record<keyof typeof overviewEn, string> = {
  "overview.notices": "Notificaciones",
  "overview.diffusions": "Difusiones",
  "overview.map.title": "Notificaciones y difusiones por país",
  "overview.map.label":
    "Mapa del mundo de las notificaciones y difusiones por país solicitante. Las flechas pasan de un país a otro; Intro muestra el país en la tabla.",
  "overview.map.country":
    "{country}: {notices, plural, one {# notificación} other {# notificaciones}}, {diffusions, plural, one {# difusión} other {# difusiones}}",
  "overview.map.legend": "Notificaciones y difusiones",
  "overview.map.none": "Ninguna",
  "overview.map.range": "de {from} a {to}",
  "overview.map.selected": "La tabla solo muestra: {country}.",
  "overview.map.clear": "Mostrar todos los países",
  "overview.map.loading": "Cargando el mapa…",
};
