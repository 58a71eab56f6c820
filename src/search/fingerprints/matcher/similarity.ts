import { type CylinderTemplate, maskWordsPerCylinder, wordsPerCylinder } from "./cylinders.ts";
import { angleDiff, sigmoid } from "./params.ts";
import { popcount } from "./popcount.ts";

/**
 * The local similarity of every pair of cylinders (bit form of the paper's equation): only cells
 * valid in both count; 1 - |ca xor cb| / (|ca| + |cb|) with Euclidean norms (square roots of bit
 * counts). Pairs whose minutiae directions differ by more than deltaTheta, or that share too few
 * valid cells, score 0. Returns an a.count x b.count row-major matrix.
 */
export function localSimilarities(
  a: CylinderTemplate,
  b: CylinderTemplate,
  out?: Float32Array,
): Float32Array {
  const p = a.params;
  const words = wordsPerCylinder(p);
  const maskWords = maskWordsPerCylinder(p);
  const layers = p.directionCells;
  const minShared = p.minMatchableCells * p.spatialCells * p.spatialCells * (Math.PI / 4);
  const matrix = out && out.length >= a.count * b.count ? out : new Float32Array(a.count * b.count);
  const cosLimit = Math.cos(p.deltaTheta);
  const bCos = new Float64Array(b.count);
  const bSin = new Float64Array(b.count);
  for (let j = 0; j < b.count; j++) {
    bCos[j] = Math.cos(b.angle[j] as number);
    bSin[j] = Math.sin(b.angle[j] as number);
  }
  const aBitsAll = a.bits;
  const bBitsAll = b.bits;
  const aMaskAll = a.mask;
  const bMaskAll = b.mask;
  for (let i = 0; i < a.count; i++) {
    const ca = Math.cos(a.angle[i] as number);
    const sa = Math.sin(a.angle[i] as number);
    const aBits = i * words;
    const aMask = i * maskWords;
    for (let j = 0; j < b.count; j++) {
      const at = i * b.count + j;
      matrix[at] = 0;
      // cos of the direction difference, without normalising angles.
      if (ca * (bCos[j] as number) + sa * (bSin[j] as number) < cosLimit) continue;
      const bMask = j * maskWords;
      let shared = 0;
      for (let w = 0; w < maskWords; w++)
        shared += popcount((aMaskAll[aMask + w] as number) & (bMaskAll[bMask + w] as number));
      if (shared < minShared) continue;
      const bBits = j * words;
      let na = 0;
      let nb = 0;
      let nx = 0;
      // Words run layer by layer; word w of every layer shares mask word w.
      for (let w = 0; w < maskWords; w++) {
        const ma = aMaskAll[aMask + w] as number;
        const mb = bMaskAll[bMask + w] as number;
        for (let k = 0, o = w; k < layers; k++, o += maskWords) {
          const wa = (aBitsAll[aBits + o] as number) & mb;
          const wb = (bBitsAll[bBits + o] as number) & ma;
          na += popcount(wa);
          nb += popcount(wb);
          nx += popcount(wa ^ wb);
        }
      }
      if (na + nb === 0) continue;
      matrix[at] = 1 - Math.sqrt(nx) / (Math.sqrt(na) + Math.sqrt(nb));
    }
  }
  return matrix;
}

/**
 * Local Similarity Sort with Relaxation (LSS-R): the min(nA, nB) best pairs, taken greedily one to
 * one, are relaxed by how consistently each pair's geometry agrees with the others' (distance,
 * direction difference, radial angle); the nP pairs whose similarity survived relaxation best are
 * averaged into the global score in [0, 1].
 */
export function consolidateLssR(a: CylinderTemplate, b: CylinderTemplate, matrix: Float32Array): number {
  const p = a.params;
  const nA = a.count;
  const nB = b.count;
  if (nA === 0 || nB === 0) return 0;
  const minCount = Math.min(a.minutiaCount, b.minutiaCount);
  // nP is not capped by the cylinder counts: a template with fewer usable cylinders than nP averages
  // its few pairs over nP, so that a near-empty template cannot score like a full match against
  // everything (with the cap, one cylinder with a lucky local similarity of 0.3 outranked real mates
  // in 1:N).
  const nP = p.minPairs + Math.round(sigmoid(minCount, p.muP, p.tauP) * (p.maxPairs - p.minPairs));
  const nR = Math.min(nA, nB);

  // Greedy one-to-one selection of the nR most similar pairs.
  // Keys pack the similarity (quantised to 2^-20) above the cell index, so a plain numeric sort of
  // a Float64Array orders the pairs without a comparator callback.
  const cells = nA * nB;
  const keys = new Float64Array(cells);
  let nonZero = 0;
  for (let k = 0; k < cells; k++) {
    const s = matrix[k] as number;
    if (s > 0) keys[nonZero++] = Math.round(s * 1048576) * 1048576 + k;
  }
  const order = keys.subarray(0, nonZero).sort();
  const usedA = new Uint8Array(nA);
  const usedB = new Uint8Array(nB);
  const pa: number[] = [];
  const pb: number[] = [];
  const lambda0: number[] = [];
  for (let k = nonZero - 1; k >= 0 && pa.length < nR; k--) {
    const cell = (order[k] as number) % 1048576;
    const s = matrix[cell] as number;
    const i = Math.floor(cell / nB);
    const j = cell - i * nB;
    if (usedA[i] || usedB[j]) continue;
    usedA[i] = 1;
    usedB[j] = 1;
    pa.push(i);
    pb.push(j);
    lambda0.push(s);
  }
  const n = pa.length;
  if (n === 0) return 0;
  if (n === 1) return (lambda0[0] as number) * (1 / nP);

  // Pair compatibilities rho(t, k), symmetric.
  const rho = new Float64Array(n * n);
  for (let t = 0; t < n; t++) {
    const at = pa[t] as number;
    const bt = pb[t] as number;
    for (let k = t + 1; k < n; k++) {
      const ak = pa[k] as number;
      const bk = pb[k] as number;
      const r = compatibility(a, at, ak, b, bt, bk);
      rho[t * n + k] = r;
      rho[k * n + t] = r;
    }
  }
  let lambda = Float64Array.from(lambda0);
  let next = new Float64Array(n);
  for (let it = 0; it < p.relaxIterations; it++) {
    for (let t = 0; t < n; t++) {
      let support = 0;
      for (let k = 0; k < n; k++) if (k !== t) support += (rho[t * n + k] as number) * (lambda[k] as number);
      next[t] = p.relaxWeight * (lambda[t] as number) + ((1 - p.relaxWeight) * support) / (nR - 1);
    }
    [lambda, next] = [next, lambda];
  }
  // The nP pairs with the highest efficiency (relaxed / initial similarity).
  const byEfficiency = Array.from({ length: n }, (_, t) => t).sort(
    (x, y) => (lambda[y] as number) / (lambda0[y] as number) - (lambda[x] as number) / (lambda0[x] as number),
  );
  let sum = 0;
  const take = Math.min(nP, n);
  for (let k = 0; k < take; k++) sum += lambda[byEfficiency[k] as number] as number;
  return sum / nP;
}

/** Beyond this many units of tau from mu a sigmoid factor is below 1e-6: the product is taken as 0. */
const NEGLIGIBLE = 14;

function compatibility(
  a: CylinderTemplate,
  at: number,
  ak: number,
  b: CylinderTemplate,
  bt: number,
  bk: number,
): number {
  const p = a.params;
  const ax = (a.x[at] as number) - (a.x[ak] as number);
  const ay = (a.y[at] as number) - (a.y[ak] as number);
  const bx = (b.x[bt] as number) - (b.x[bk] as number);
  const by = (b.y[bt] as number) - (b.y[bk] as number);
  const la = Math.sqrt(ax * ax + ay * ay);
  const lb = Math.sqrt(bx * bx + by * by);
  const d1 = Math.max(0, Math.abs(la - lb) - (p.rho1Relative ?? 0) * 0.5 * (la + lb));
  if ((d1 - p.muRho1) * -p.tauRho1 > NEGLIGIBLE) return 0;
  const thA = angleDiff(a.angle[at] as number, a.angle[ak] as number);
  const thB = angleDiff(b.angle[bt] as number, b.angle[bk] as number);
  const d2 = Math.abs(angleDiff(thA, thB));
  if ((d2 - p.muRho2) * -p.tauRho2 > NEGLIGIBLE) return 0;
  const rA = radialAngle(a, at, ak);
  const rB = radialAngle(b, bt, bk);
  const d3 = Math.abs(angleDiff(rA, rB));
  return (
    sigmoid(d1, p.muRho1, p.tauRho1) * sigmoid(d2, p.muRho2, p.tauRho2) * sigmoid(d3, p.muRho3, p.tauRho3)
  );
}

/** Angle between minutia t's direction and the segment from k to t. */
function radialAngle(m: CylinderTemplate, t: number, k: number): number {
  const dir = Math.atan2((m.y[t] as number) - (m.y[k] as number), (m.x[t] as number) - (m.x[k] as number));
  return angleDiff(m.angle[t] as number, dir);
}
