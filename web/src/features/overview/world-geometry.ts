import { geoEqualEarth, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { alpha2OfNumeric } from "../../lib/iso-countries.ts";

/*
 * The world map's shapes: Natural Earth's countries at 1:110m (world-atlas, TopoJSON), projected
 * once with d3-geo's Equal Earth projection (equal areas, so no country looks bigger than it is)
 * into SVG paths keyed by the alpha-2 codes the server uses.
 */

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 470;

export interface CountryShape {
  /** ISO 3166-1 alpha-2 ("FR"). */
  code: string;
  /** The SVG path in the map's own coordinates (MAP_WIDTH x MAP_HEIGHT). */
  d: string;
}

type Properties = { name?: string };

/** The shapes of the countries that have an alpha-2 code; the few without one are left out. */
export function countryShapes(topology: Topology): CountryShape[] {
  const countries = topology.objects.countries as GeometryCollection<Properties>;
  const collection = feature(topology, countries);
  const projection = geoEqualEarth().fitExtent(
    [
      [4, 4],
      [MAP_WIDTH - 4, MAP_HEIGHT - 4],
    ],
    collection,
  );
  const path = geoPath(projection);
  const shapes: CountryShape[] = [];
  for (const f of collection.features) {
    const code = alpha2OfNumeric(f.id === undefined ? undefined : String(f.id), f.properties?.name);
    const d = path(f);
    if (code && d) shapes.push({ code, d });
  }
  return shapes;
}

/** The geometry, fetched with the map (its own chunk), not with the rest of the app. */
export async function loadCountryShapes(): Promise<CountryShape[]> {
  const world = await import("world-atlas/countries-110m.json", { with: { type: "json" } });
  return countryShapes(world.default as unknown as Topology);
}
