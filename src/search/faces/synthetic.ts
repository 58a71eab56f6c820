/**
 * Deterministic synthetic face templates for tests and the 1:N benchmark. Unrelated templates are
 * random unit vectors (Gaussian components, normalised: uniform on the sphere), whose cosine
 * similarities cluster around 0 with spread 1/sqrt(d). A "planted" query is an enrolled template
 * plus Gaussian noise scaled so that its cosine similarity to that template is about `similarity`,
 * like a second photo of an enrolled person.
 */
import { seededRandom } from "../../shared/seeded-random.ts";

/** mulberry32: a small seedable generator of floats in [0, 1) (the one test data uses). */
export const mulberry32 = seededRandom;

/** Standard normal samples by the Box-Muller transform, two per pair of uniforms. */
export function gaussian(rand: () => number): () => number {
  let spare: number | undefined;
  return () => {
    if (spare !== undefined) {
      const s = spare;
      spare = undefined;
      return s;
    }
    const u = 1 - rand();
    const r = Math.sqrt(-2 * Math.log(u));
    const theta = 2 * Math.PI * rand();
    spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  };
}

function normaliseInPlace(v: Float32Array, from: number, d: number): void {
  let sum = 0;
  for (let i = from; i < from + d; i++) sum += (v[i] as number) ** 2;
  const scale = 1 / Math.sqrt(sum);
  for (let i = from; i < from + d; i++) v[i] = (v[i] as number) * scale;
}

/** n random unit vectors of dimension d, back to back. */
export function randomTemplates(n: number, d: number, normal: () => number): Float32Array {
  const out = new Float32Array(n * d);
  for (let i = 0; i < out.length; i++) out[i] = normal();
  for (let row = 0; row < n; row++) normaliseInPlace(out, row * d, d);
  return out;
}

/**
 * A query near `source` (a unit vector): source + noise of norm sqrt(1/s^2 - 1), then normalised,
 * which puts the cosine similarity to source at about s (exactly s in expectation of the noise
 * being orthogonal, which in high dimension it nearly is).
 */
export function plantedQuery(source: Float32Array, similarity: number, normal: () => number): Float32Array {
  const d = source.length;
  const noise = new Float32Array(d);
  for (let i = 0; i < d; i++) noise[i] = normal();
  normaliseInPlace(noise, 0, d);
  const spread = Math.sqrt(1 / (similarity * similarity) - 1);
  const q = new Float32Array(d);
  for (let i = 0; i < d; i++) q[i] = (source[i] as number) + spread * (noise[i] as number);
  normaliseInPlace(q, 0, d);
  return q;
}

/**
 * n templates with structure like real face templates, whose values are driven by far fewer
 * factors than they have dimensions: normalise(A z + noise), z a standard normal vector of `factors`
 * values, A a fixed random factors x d mixing matrix (seeded by `mixingSeed`), noise isotropic
 * carrying `noiseShare` of the energy. Uniform random vectors (randomTemplates) are the worst case
 * for a graph index: every template is about equally far from every other, so search has no
 * gradient to follow.
 */
export function structuredTemplates(
  n: number,
  d: number,
  normal: () => number,
  factors = 32,
  noiseShare = 0.1,
  mixingSeed = 12_345,
): Float32Array {
  const mixing = randomTemplates(factors, d, gaussian(mulberry32(mixingSeed)));
  const signal = Math.sqrt((1 - noiseShare) / factors);
  const noise = Math.sqrt(noiseShare / d);
  const out = new Float32Array(n * d);
  const z = new Float64Array(factors);
  for (let row = 0; row < n; row++) {
    for (let c = 0; c < factors; c++) z[c] = normal() * signal;
    const base = row * d;
    for (let j = 0; j < d; j++) out[base + j] = normal() * noise;
    for (let c = 0; c < factors; c++) {
      const zc = z[c] as number;
      const from = c * d;
      for (let j = 0; j < d; j++)
        out[base + j] = (out[base + j] as number) + zc * (mixing[from + j] as number);
    }
    normaliseInPlace(out, base, d);
  }
  return out;
}
