import { describe, expect, it } from "vitest";
import { InvalidTemplateError, TemplateDimensionError } from "./errors.ts";
import { FaceIndex } from "./face-index.ts";
import {
  ENROLMENT_NOISE,
  gaussian,
  IdentityModel,
  mulberry32,
  noiseIn,
  PROBE_NOISE,
  plantedQuery,
  randomTemplates,
} from "./synthetic.ts";
import { cosineSimilarity } from "./vectors.ts";

const D = 64;
const row = (all: Float32Array, i: number, d = D) => all.slice(i * d, i * d + d);

describe("FaceIndex", () => {
  const normal = gaussian(mulberry32(7));
  const gallery = randomTemplates(50, D, normal);

  it("finds an added template first, with similarity 1, and forgets a removed one", () => {
    const index = new FaceIndex({ dimensions: D });
    for (let i = 0; i < 50; i++) index.add(1000 + i, row(gallery, i));
    expect(index.size).toBe(50);
    const [top] = index.search(row(gallery, 17), 3);
    expect(top?.id).toBe(1017);
    expect(top?.similarity).toBeCloseTo(1, 5);
    expect(index.remove(1017)).toBe(true);
    expect(index.remove(1017)).toBe(false);
    expect(index.has(1017)).toBe(false);
    expect(index.search(row(gallery, 17), 50).map((c) => c.id)).not.toContain(1017);
    expect(index.exactSearch(row(gallery, 17), 50).map((c) => c.id)).not.toContain(1017);
    expect(index.size).toBe(49);
  });

  it("returns candidates best first, at most k, and none from an empty index", () => {
    const index = new FaceIndex({ dimensions: D });
    expect(index.search(row(gallery, 0), 5)).toEqual([]);
    for (let i = 0; i < 10; i++) index.add(i, row(gallery, i));
    const found = index.search(row(gallery, 3), 20);
    expect(found).toHaveLength(10);
    const sims = found.map((c) => c.similarity);
    expect([...sims].sort((a, b) => b - a)).toEqual(sims);
    expect(index.search(row(gallery, 3), 4)).toHaveLength(4);
  });

  it("replaces the template of an id added twice", () => {
    const index = new FaceIndex({ dimensions: D });
    index.add(5, row(gallery, 0));
    index.add(6, row(gallery, 1));
    index.add(5, row(gallery, 2));
    expect(index.size).toBe(2);
    expect(index.search(row(gallery, 2), 1)[0]?.id).toBe(5);
    expect(index.search(row(gallery, 0), 1)[0]?.similarity).toBeLessThan(0.9);
  });

  it("is scale-invariant: cosine similarity of unnormalised float lists from a capture system", () => {
    const index = new FaceIndex({ dimensions: 3 });
    index.add(1, [3, 0, 0]);
    index.add(2, [0, 0.5, 0]);
    const [top] = index.search([10, 1, 0], 1);
    expect(top?.id).toBe(1);
    expect(top?.similarity).toBeCloseTo(10 / Math.sqrt(101), 5);
  });

  it("scores exactly in exact search whatever the dimension (not only multiples of 4)", () => {
    for (const d of [3, 5, 7]) {
      const all = randomTemplates(30, d, gaussian(mulberry32(d)));
      const index = new FaceIndex({ dimensions: d });
      for (let i = 0; i < 30; i++) index.add(i, row(all, i, d));
      const query = row(randomTemplates(1, d, gaussian(mulberry32(100 + d))), 0, d);
      const found = index.exactSearch(query, 30);
      const expected = Array.from({ length: 30 }, (_, i) => cosineSimilarity(query, row(all, i, d))).sort(
        (a, b) => b - a,
      );
      found.forEach((c, i) => {
        expect(c.similarity).toBeCloseTo(expected[i] as number, 5);
        expect(c.similarity).toBeCloseTo(cosineSimilarity(query, row(all, c.id, d)), 5);
      });
    }
  });

  it("rejects a template of the wrong dimension, clearly, and stores nothing", () => {
    const index = new FaceIndex({ dimensions: 512 });
    const wrong = new Float32Array(128).fill(0.1);
    expect(() => index.add(1, wrong)).toThrow(TemplateDimensionError);
    expect(() => index.add(1, wrong)).toThrow(/128 values; this index holds 512-dimension/);
    expect(() => index.search(wrong, 1)).toThrow(TemplateDimensionError);
    expect(() => index.addBatch([1, 2], new Float32Array(1000))).toThrow(TemplateDimensionError);
    expect(index.size).toBe(0);
  });

  it("rejects a zero or non-finite template and a bad id", () => {
    const index = new FaceIndex({ dimensions: 4 });
    expect(() => index.add(1, [0, 0, 0, 0])).toThrow(InvalidTemplateError);
    expect(() => index.add(1, [1, Number.NaN, 0, 0])).toThrow(InvalidTemplateError);
    expect(() => index.add(-1, [1, 0, 0, 0])).toThrow(RangeError);
    expect(() => index.add(1.5, [1, 0, 0, 0])).toThrow(RangeError);
    expect(() => index.search([1, 0, 0, 0], 0)).toThrow(RangeError);
    expect(index.size).toBe(0);
  });

  it("reports memory per template from the dimension, quantisation and M", () => {
    const f32 = new FaceIndex({ dimensions: 512, connectivity: 16 }).memoryPerTemplate();
    expect(f32.exactCopyBytes).toBe(2048);
    expect(f32.hnswBytes).toBeGreaterThan(2048 + 32 * 4);
    const i8 = new FaceIndex({ dimensions: 512, quantization: "i8", exactCopy: false }).memoryPerTemplate();
    expect(i8.exactCopyBytes).toBe(0);
    expect(i8.hnswBytes).toBe(f32.hnswBytes - 3 * 512);
  });

  it.each(["f32", "f16", "i8"] as const)(
    "agrees with exact search at rank 1 on 3,000 synthetic templates and planted queries (%s)",
    (quantization) => {
      const d = 128;
      const n = 3000;
      const rand = gaussian(mulberry32(42));
      const all = randomTemplates(n, d, rand);
      const index = new FaceIndex({ dimensions: d, quantization });
      // One build thread: a parallel build inserts in a varying order, so the graph (and on
      // uniform data, one query in a hundred) would change from run to run.
      index.addBatch(
        Array.from({ length: n }, (_, i) => i),
        all,
        1,
      );
      let agree = 0;
      const queries = 200;
      for (let q = 0; q < queries; q++) {
        const source = (q * 24) % n;
        const query = plantedQuery(row(all, source, d), 0.5 + (q % 5) * 0.1, rand);
        const exact = index.exactSearch(query, 1)[0];
        expect(exact?.id).toBe(source);
        if (index.search(query, 1)[0]?.id === exact?.id) agree++;
      }
      expect(agree / queries).toBeGreaterThanOrEqual(0.99);
    },
  );

  it("searches at a higher ef on request, still returning k candidates, and refuses a bad one", () => {
    const index = new FaceIndex({ dimensions: D });
    index.addBatch(
      Array.from({ length: 50 }, (_, i) => i),
      gallery,
    );
    const wide = index.search(row(gallery, 4), 3, { expansion: 40 });
    expect(wide).toHaveLength(3);
    expect(wide[0]?.id).toBe(4);
    expect(index.search(row(gallery, 4), 3, { expansion: 1 })).toHaveLength(3);
    expect(() => index.search(row(gallery, 4), 3, { expansion: 0 })).toThrow(RangeError);
    expect(() => index.search(row(gallery, 4), 3, { expansion: 2.5 })).toThrow(RangeError);
  });

  it.each(["i8", "f16"] as const)(
    "re-scores %s candidates against the float copy: exact similarities, best first",
    (quantization) => {
      const index = new FaceIndex({ dimensions: D, quantization });
      for (let i = 0; i < 50; i++) index.add(i, row(gallery, i));
      const query = plantedQuery(row(gallery, 9), 0.6, gaussian(mulberry32(8)));
      const found = index.search(query, 5, { expansion: 50 });
      expect(found).toHaveLength(5);
      expect(found.map((c) => c.id)).toEqual(index.exactSearch(query, 5).map((c) => c.id));
      for (const c of found) expect(c.similarity).toBeCloseTo(cosineSimilarity(query, row(gallery, c.id)), 5);
    },
  );

  it.each(["f32", "i8"] as const)(
    "finds the exact rank 1 for new captures of enrolled people (identity model, 4,000 people, %s)",
    (quantization) => {
      const d = 128;
      const n = 4000;
      const model = new IdentityModel(d);
      const normal = gaussian(mulberry32(31));
      const rand = mulberry32(32);
      const enrolled = new Float32Array(n * d);
      const probes: { mate: number; template: Float32Array }[] = [];
      for (let i = 0; i < n; i++) {
        const who = model.newIdentity(normal);
        model.capture(who, noiseIn(ENROLMENT_NOISE, rand), normal, enrolled, i * d);
        if (i % 20 === 0)
          probes.push({ mate: i, template: model.capture(who, noiseIn(PROBE_NOISE, rand), normal) });
      }
      const index = new FaceIndex({ dimensions: d, quantization, expansionAdd: 64 });
      index.addBatch(
        Array.from({ length: n }, (_, i) => i),
        enrolled,
        1, // one thread: a reproducible graph (see above)
      );
      let agree = 0;
      let mateFirst = 0;
      for (const p of probes) {
        const exact = index.exactSearch(p.template, 1)[0];
        if (exact?.id === p.mate) mateFirst++;
        if (index.search(p.template, 10, { expansion: 64 })[0]?.id === exact?.id) agree++;
      }
      expect(mateFirst / probes.length).toBeGreaterThan(0.95);
      expect(agree / probes.length).toBeGreaterThanOrEqual(0.99);
    },
  );
});
