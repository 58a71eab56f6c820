/**
 * Deterministic synthetic face templates for tests and the 1:N benchmark, two kinds:
 *
 * - uniform: random unit vectors (Gaussian components, normalised: uniform on the sphere), whose
 *   cosine similarities cluster around 0 with spread 1/sqrt(d), with "planted" queries (a template
 *   plus isotropic noise). No face model produces such templates; it is the worst case for a
 *   proximity graph, reported for transparency.
 * - identities (IdentityModel): enrolled people and new captures of them, shaped like the templates
 *   of a face network. See the class comment.
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
 * Capture noise, as the variance per latent factor of a capture's offset from its person (factors
 * have variance 1 across people). Enrolment photos are taken with care.
 */
export const ENROLMENT_NOISE = { min: 0.02, max: 0.06 } as const;
/**
 * Probe photos (border camera, old passport scan) vary more. With the default model, genuine
 * scores (probe against enrolment) then fall from about 0.85 to 0.4, median about 0.65, and
 * impostor scores centre on 0 with a 99th percentile about 0.25: the shape of the score
 * distributions of 512-value face networks on mixed-quality photos.
 */
export const PROBE_NOISE = { min: 0.04, max: 0.2 } as const;

/** One synthetic person: the latent factors of their face and their identity-specific residual. */
export type Identity = { latent: Float32Array; residual: Float32Array };

export type IdentityModelOptions = {
  /** Latent factors of a face (default 16): the intrinsic dimension of the templates. */
  latentDimensions?: number;
  /**
   * How factors become template values. "curved" (default): a smooth nonlinear map (random Fourier
   * features), so templates lie on a curved low-dimensional surface that spans all d values, and
   * cosine similarity falls smoothly with the distance between faces. "linear": a random linear
   * map, so templates fill a flat subspace of latentDimensions values (used with more factors,
   * e.g. 128, as a harder, less face-like case).
   */
  map?: "curved" | "linear";
  /** Share of a template's energy spread over all d values independently of the factors (0.1). */
  residualShare?: number;
  /** Seed of the fixed factors -> template map (the "network"), shared by all identities. */
  mixingSeed?: number;
};

/**
 * Face templates of people and their captures. A face network maps a photo through a few factors
 * of the face (shape, proportions, skin, age, sex...) that it has learnt to separate from the
 * capture conditions, so real templates are neither uniform on the sphere nor independent:
 * estimates of the intrinsic dimension of 128- and 512-value face templates are in the tens of
 * values, not hundreds, while their impostor scores are narrow (the templates still use all their
 * values). The model:
 *
 * - a person is a latent vector of `latentDimensions` standard normal factors, mapped to d values
 *   by a fixed random smooth map (the same for everyone: one network), plus a small
 *   identity-specific residual over all d values (`residualShare` of the energy), because no
 *   network is exactly low-dimensional;
 * - a capture (enrolment photo or probe) moves the factors by Gaussian noise of variance `noise`
 *   per factor (pose, light, age move a template along the same factors) and adds fresh residual
 *   noise, then is normalised.
 *
 * With the curved map the similarity of two templates is about exp(-|z1 - z2|^2 / (2 l^2)) of their
 * factor distance, so near faces score high and far ones about 0 (+/- 1/sqrt(d)). A probe is a new
 * capture of an enrolled person, not a perturbed copy of the enrolled template: its nearest gallery
 * template is its mate only when the noises allow, as in life.
 */
export class IdentityModel {
  readonly dimensions: number;
  readonly latentDimensions: number;
  readonly residualShare: number;
  readonly map: "curved" | "linear";
  /** latentDimensions rows of d values: the frequencies (curved) or unit directions (linear). */
  private readonly mixing: Float32Array;
  private readonly phase: Float32Array;
  private readonly residualScale: number;
  private readonly z: Float32Array;

  constructor(dimensions: number, options: IdentityModelOptions = {}) {
    this.dimensions = dimensions;
    this.latentDimensions = options.latentDimensions ?? 16;
    this.residualShare = options.residualShare ?? 0.1;
    this.map = options.map ?? "curved";
    const L = this.latentDimensions;
    if (!Number.isInteger(L) || L < 1 || L > dimensions)
      throw new RangeError(`latentDimensions must be an integer from 1 to ${dimensions}`);
    if (!(this.residualShare >= 0 && this.residualShare < 1))
      throw new RangeError("residualShare must be in [0, 1)");
    const rand = mulberry32(options.mixingSeed ?? 12_345);
    const normal = gaussian(rand);
    if (this.map === "linear") this.mixing = randomTemplates(L, dimensions, normal);
    else {
      // Frequencies N(0, 1/l^2) with 2 l^2 = L / 2: two random people (|dz|^2 about 2L) score
      // exp(-4) = 0.02, a capture noise of 0.1 per factor (|dz|^2 about 0.1 L) scores exp(-0.2).
      const inverseLength = Math.sqrt(4 / L);
      this.mixing = new Float32Array(L * dimensions);
      for (let i = 0; i < this.mixing.length; i++) this.mixing[i] = normal() * inverseLength;
    }
    this.phase = new Float32Array(dimensions);
    for (let j = 0; j < dimensions; j++) this.phase[j] = 2 * Math.PI * rand();
    this.residualScale = Math.sqrt(this.residualShare / dimensions);
    this.z = new Float32Array(L);
  }

  newIdentity(normal: () => number): Identity {
    const latent = new Float32Array(this.latentDimensions);
    for (let c = 0; c < latent.length; c++) latent[c] = normal();
    const residual = new Float32Array(this.dimensions);
    for (let j = 0; j < residual.length; j++) residual[j] = normal() * this.residualScale;
    return { latent, residual };
  }

  /**
   * A unit-length template of a new capture of `who` with noise `noise` (variance per factor; 0:
   * the person's own factors), written into `out` at offset `offset` (a new array when omitted).
   */
  capture(
    who: Identity,
    noise: number,
    normal: () => number,
    out: Float32Array = new Float32Array(this.dimensions),
    offset = 0,
  ): Float32Array {
    const d = this.dimensions;
    const L = this.latentDimensions;
    const z = this.z;
    const s = Math.sqrt(noise);
    for (let c = 0; c < L; c++) z[c] = (who.latent[c] as number) + s * normal();
    // The factor part, scaled to energy 1 - r: cos features have mean square 1/2 each, a linear
    // image of L unit-variance factors through unit rows has energy about L.
    const curved = this.map === "curved";
    const scale = Math.sqrt((1 - this.residualShare) / (curved ? d / 2 : L));
    for (let j = 0; j < d; j++) {
      let acc = 0;
      if (curved) {
        acc = this.phase[j] as number;
        for (let c = 0; c < L; c++) acc += (z[c] as number) * (this.mixing[c * d + j] as number);
        acc = Math.cos(acc);
      } else for (let c = 0; c < L; c++) acc += (z[c] as number) * (this.mixing[c * d + j] as number);
      out[offset + j] = scale * acc + (who.residual[j] as number) + this.residualScale * normal();
    }
    normaliseInPlace(out, offset, d);
    return out;
  }
}

/** A noise drawn uniformly from a range such as ENROLMENT_NOISE or PROBE_NOISE. */
export function noiseIn(range: { min: number; max: number }, rand: () => number): number {
  return range.min + (range.max - range.min) * rand();
}
