import { describe, expect, it } from "vitest";
import { gaussian, mulberry32, plantedQuery, randomTemplates, structuredTemplates } from "./synthetic.ts";
import { cosineSimilarity } from "./vectors.ts";

const D = 256;
const row = (all: Float32Array, i: number) => all.subarray(i * D, i * D + D);
const norm = (v: Float32Array) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

function similaritySpread(all: Float32Array, n: number): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      sum += cosineSimilarity(row(all, i), row(all, j)) ** 2;
      count++;
    }
  return Math.sqrt(sum / count);
}

describe("synthetic templates", () => {
  it("are unit vectors, reproducible from the seed", () => {
    const a = randomTemplates(20, D, gaussian(mulberry32(3)));
    const b = randomTemplates(20, D, gaussian(mulberry32(3)));
    expect(a).toEqual(b);
    for (let i = 0; i < 20; i++) expect(norm(row(a, i))).toBeCloseTo(1, 5);
    const s = structuredTemplates(20, D, gaussian(mulberry32(3)));
    for (let i = 0; i < 20; i++) expect(norm(row(s, i))).toBeCloseTo(1, 5);
  });

  it("uniform ones are nearly orthogonal (spread 1/sqrt(d)); structured ones spread much wider", () => {
    const uniform = similaritySpread(randomTemplates(60, D, gaussian(mulberry32(5))), 60);
    const structured = similaritySpread(structuredTemplates(60, D, gaussian(mulberry32(5))), 60);
    expect(uniform).toBeGreaterThan(0.8 / Math.sqrt(D));
    expect(uniform).toBeLessThan(1.2 / Math.sqrt(D));
    expect(structured).toBeGreaterThan(2.5 * uniform);
  });

  it("plants a query at about the asked similarity to its source", () => {
    const normal = gaussian(mulberry32(9));
    const source = row(randomTemplates(1, D, normal), 0);
    for (const s of [0.4, 0.7, 0.9])
      expect(cosineSimilarity(source, plantedQuery(source, s, normal))).toBeCloseTo(s, 1);
  });
});
