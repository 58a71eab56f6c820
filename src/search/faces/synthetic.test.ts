import { describe, expect, it } from "vitest";
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
    const model = new IdentityModel(D);
    const captures = (seed: number) => {
      const normal = gaussian(mulberry32(seed));
      return Array.from({ length: 5 }, () => model.capture(model.newIdentity(normal), 0.05, normal));
    };
    expect(captures(3)).toEqual(captures(3));
    for (const c of captures(3)) expect(norm(c)).toBeCloseTo(1, 5);
  });

  it("uniform ones are nearly orthogonal, with spread 1/sqrt(d)", () => {
    const uniform = similaritySpread(randomTemplates(60, D, gaussian(mulberry32(5))), 60);
    expect(uniform).toBeGreaterThan(0.8 / Math.sqrt(D));
    expect(uniform).toBeLessThan(1.2 / Math.sqrt(D));
  });

  it("plants a query at about the asked similarity to its source", () => {
    const normal = gaussian(mulberry32(9));
    const source = row(randomTemplates(1, D, normal), 0);
    for (const s of [0.4, 0.7, 0.9])
      expect(cosineSimilarity(source, plantedQuery(source, s, normal))).toBeCloseTo(s, 1);
  });
});

describe("IdentityModel", () => {
  const d = 512;
  const percentile = (xs: number[], p: number) =>
    [...xs].sort((a, b) => a - b)[Math.floor(p * xs.length)] as number;

  function scores(model: IdentityModel, people: number) {
    const normal = gaussian(mulberry32(11));
    const rand = mulberry32(12);
    const enrolled: Float32Array[] = [];
    const probes: Float32Array[] = [];
    for (let i = 0; i < people; i++) {
      const who = model.newIdentity(normal);
      enrolled.push(model.capture(who, noiseIn(ENROLMENT_NOISE, rand), normal));
      probes.push(model.capture(who, noiseIn(PROBE_NOISE, rand), normal));
    }
    const genuine = probes.map((p, i) => cosineSimilarity(p, enrolled[i] as Float32Array));
    const impostor = probes.flatMap((p, i) =>
      [1, 2, 3, 4, 5].map((o) => cosineSimilarity(p, enrolled[(i + o) % people] as Float32Array)),
    );
    return { genuine, impostor };
  }

  it("gives genuine scores like a face network's (median about 0.7) and impostors near 0 with a tail", () => {
    const { genuine, impostor } = scores(new IdentityModel(d), 400);
    expect(percentile(genuine, 0.5)).toBeGreaterThan(0.6);
    expect(percentile(genuine, 0.5)).toBeLessThan(0.8);
    expect(percentile(genuine, 0.01)).toBeGreaterThan(0.3);
    expect(Math.abs(percentile(impostor, 0.5))).toBeLessThan(0.05);
    // Wider than uniform vectors (whose p99 would be 2.3 / sqrt(512) = 0.10), narrower than genuine.
    expect(percentile(impostor, 0.99)).toBeGreaterThan(0.12);
    expect(percentile(impostor, 0.99)).toBeLessThan(0.3);
  });

  it("scores captures by the distance of the faces: a smaller capture noise scores higher", () => {
    const model = new IdentityModel(d);
    const normal = gaussian(mulberry32(21));
    const mean = (noise: number) => {
      let sum = 0;
      for (let i = 0; i < 100; i++) {
        const who = model.newIdentity(normal);
        sum += cosineSimilarity(model.capture(who, noise, normal), model.capture(who, noise, normal));
      }
      return sum / 100;
    };
    const [near, mid, far] = [mean(0.01), mean(0.1), mean(0.5)];
    expect(near).toBeGreaterThan(mid);
    expect(mid).toBeGreaterThan(far + 0.2);
    expect(near).toBeGreaterThan(0.8);
  });

  it("with a linear map of L factors, spreads impostors about 1/sqrt(L)", () => {
    const { impostor } = scores(new IdentityModel(d, { map: "linear", latentDimensions: 64 }), 200);
    const rms = Math.sqrt(impostor.reduce((s, x) => s + x * x, 0) / impostor.length);
    expect(rms).toBeGreaterThan(0.7 / Math.sqrt(64));
    expect(rms).toBeLessThan(1.3 / Math.sqrt(64));
  });

  it("refuses impossible options", () => {
    expect(() => new IdentityModel(64, { latentDimensions: 65 })).toThrow(RangeError);
    expect(() => new IdentityModel(64, { latentDimensions: 0 })).toThrow(RangeError);
    expect(() => new IdentityModel(64, { residualShare: 1 })).toThrow(RangeError);
  });
});
