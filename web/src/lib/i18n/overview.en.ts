/** The Secretariat's overview: the world map beside the table. */
export const overviewEn = {
  "overview.notices": "Notices",
  "overview.diffusions": "Diffusions",
  "overview.map.title": "Notices and diffusions by country",
  "overview.map.label":
    "World map of notices and diffusions by requesting country. Arrow keys move between countries; Enter shows the country in the table.",
  "overview.map.country":
    "{country}: {notices, plural, one {# notice} other {# notices}}, {diffusions, plural, one {# diffusion} other {# diffusions}}",
  "overview.map.legend": "Notices and diffusions",
  "overview.map.none": "None",
  "overview.map.range": "{from} to {to}",
  "overview.map.selected": "The table shows {country} only.",
  "overview.map.clear": "Show every country",
  "overview.map.loading": "Loading the map…",
} as const;
