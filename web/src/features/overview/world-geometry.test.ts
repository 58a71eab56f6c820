import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Topology } from "topojson-specification";
import { describe, expect, it } from "vitest";
import { countryShapes } from "./world-geometry.ts";

const topology = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve("world-atlas/countries-110m.json"), "utf8"),
) as Topology;

describe("the world map's geometry", () => {
  const shapes = countryShapes(topology);

  it("keys every country of the geometry by its alpha-2 code, once", () => {
    const codes = shapes.map((s) => s.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[A-Z]{2}$/);
    // 177 shapes in Natural Earth 1:110m; Northern Cyprus and Somaliland have no ISO code.
    expect(codes).toHaveLength(175);
    for (const code of ["FR", "IQ", "SY", "AF", "KE", "US", "BR", "XK", "RU", "AU"])
      expect(codes).toContain(code);
  });

  it("projects each country into the map's frame", () => {
    const france = shapes.find((s) => s.code === "FR");
    expect(france?.d).toMatch(/^M[\d.]+,[\d.]+/);
    for (const s of shapes) {
      const numbers = (s.d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
      expect(Math.min(...numbers), s.code).toBeGreaterThanOrEqual(0);
      expect(Math.max(...numbers), s.code).toBeLessThanOrEqual(960);
    }
  });
});
