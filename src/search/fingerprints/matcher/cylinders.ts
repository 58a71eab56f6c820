import { convexHull, insideRaster, rasteriseHull } from "./hull.ts";
import { angleDiff, type MccParams } from "./params.ts";

/** A minutia as the matcher sees it: pixels, and a direction in radians in the same x/y frame. */
export type MinutiaPoint = { x: number; y: number; angle: number };

/**
 * A template prepared for matching: one bit cylinder per usable minutia, in flat typed arrays (no
 * per-cylinder objects), so that a gallery of many templates stays compact and 1:1 comparisons only
 * read memory. Bit layout: cell (i, j, k) is bit `k * Ns² + i * Ns + j`; the validity of a cell does
 * not depend on k, so one Ns²-bit mask per cylinder serves every direction layer.
 */
export type CylinderTemplate = {
  /** Usable cylinders (minutiae whose cylinder has enough valid cells and neighbours). */
  count: number;
  /** Minutiae in the input, usable or not. */
  minutiaCount: number;
  x: Float32Array;
  y: Float32Array;
  angle: Float32Array;
  /** count * wordsPerCylinder words: cell bits, already zero where the cell is invalid. */
  bits: Uint32Array;
  /** count * maskWords words: the valid cells of one direction layer. */
  mask: Uint32Array;
  params: MccParams;
};

export const wordsPerCylinder = (p: MccParams) =>
  Math.ceil((p.spatialCells * p.spatialCells * p.directionCells) / 32);
export const maskWordsPerCylinder = (p: MccParams) => Math.ceil((p.spatialCells * p.spatialCells) / 32);

/** erf, Abramowitz and Stegun 7.1.26 (error below 1.5e-7: far finer than a cell). */
function erf(x: number): number {
  const s = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return s * (1 - poly * Math.exp(-a * a));
}

/** Directional contribution: the Gaussian (sigmaD) mass of the direction cell centred at alpha away. */
function directionalContribution(alpha: number, cellWidth: number, sigmaD: number): number {
  const k = 1 / (sigmaD * Math.SQRT2);
  return 0.5 * (erf((alpha + cellWidth / 2) * k) - erf((alpha - cellWidth / 2) * k));
}

export function buildCylinders(minutiae: ReadonlyArray<MinutiaPoint>, params: MccParams): CylinderTemplate {
  const ns = params.spatialCells;
  const nd = params.directionCells;
  const words = wordsPerCylinder(params);
  const maskWords = maskWordsPerCylinder(params);
  const n = minutiae.length;
  const cellSize = (2 * params.radius) / ns;
  const dirCell = (2 * Math.PI) / nd;
  const reach = 3 * params.sigmaS;
  const neighbourhood = params.radius + reach;
  const gaussNorm = 1 / (params.sigmaS * Math.sqrt(2 * Math.PI));
  const twoSigma2 = 2 * params.sigmaS * params.sigmaS;
  const hull = rasteriseHull(convexHull(minutiae, params.omega), Math.max(1, params.radius / 16));

  const bits = new Uint32Array(n * words);
  const mask = new Uint32Array(n * maskWords);
  const keep: number[] = [];
  const acc = new Float64Array(nd);
  const nbX: number[] = [];
  const nbY: number[] = [];
  const nbDir: number[] = []; // nd contributions per neighbour

  for (let m = 0; m < n; m++) {
    const c = minutiae[m] as MinutiaPoint;
    nbX.length = 0;
    nbY.length = 0;
    nbDir.length = 0;
    for (let t = 0; t < n; t++) {
      if (t === m) continue;
      const o = minutiae[t] as MinutiaPoint;
      if (Math.hypot(o.x - c.x, o.y - c.y) > neighbourhood) continue;
      nbX.push(o.x);
      nbY.push(o.y);
      const dTheta = angleDiff(c.angle, o.angle);
      for (let k = 0; k < nd; k++) {
        const phiK = -Math.PI + (k + 0.5) * dirCell;
        nbDir.push(directionalContribution(angleDiff(phiK, dTheta), dirCell, params.sigmaD));
      }
    }
    if (nbX.length < params.minNeighbours) continue;

    const slot = keep.length;
    const cos = Math.cos(c.angle);
    const sin = Math.sin(c.angle);
    let validCells = 0;
    for (let i = 0; i < ns; i++) {
      for (let j = 0; j < ns; j++) {
        // Cell centre in the minutia's frame (i along its direction, j across), then in the image.
        const u = (i - (ns - 1) / 2) * cellSize;
        const v = (j - (ns - 1) / 2) * cellSize;
        if (u * u + v * v > params.radius * params.radius) continue;
        const px = c.x + u * cos - v * sin;
        const py = c.y + u * sin + v * cos;
        if (!insideRaster(hull, px, py)) continue;
        const cell = i * ns + j;
        validCells++;
        const maskAt = slot * maskWords + (cell >>> 5);
        mask[maskAt] = (mask[maskAt] as number) | (1 << (cell & 31));
        acc.fill(0);
        for (let t = 0; t < nbX.length; t++) {
          const dx = (nbX[t] as number) - px;
          const dy = (nbY[t] as number) - py;
          const d2 = dx * dx + dy * dy;
          if (d2 > reach * reach) continue;
          const gs = gaussNorm * Math.exp(-d2 / twoSigma2);
          for (let k = 0; k < nd; k++) acc[k] = (acc[k] as number) + gs * (nbDir[t * nd + k] as number);
        }
        for (let k = 0; k < nd; k++) {
          if ((acc[k] as number) <= params.muPsi) continue;
          const bit = k * ns * ns + cell;
          const bitAt = slot * words + (bit >>> 5);
          bits[bitAt] = (bits[bitAt] as number) | (1 << (bit & 31));
        }
      }
    }
    // The valid fraction is measured against the cells of the disc, as in the paper's minVC.
    if (validCells < params.minValidCells * discCells(params)) {
      bits.fill(0, slot * words, (slot + 1) * words);
      mask.fill(0, slot * maskWords, (slot + 1) * maskWords);
      continue;
    }
    keep.push(m);
  }

  const count = keep.length;
  return {
    count,
    minutiaCount: n,
    x: Float32Array.from(keep, (m) => (minutiae[m] as MinutiaPoint).x),
    y: Float32Array.from(keep, (m) => (minutiae[m] as MinutiaPoint).y),
    angle: Float32Array.from(keep, (m) => (minutiae[m] as MinutiaPoint).angle),
    bits: bits.slice(0, count * words),
    mask: mask.slice(0, count * maskWords),
    params,
  };
}

const discCache = new Map<string, number>();
/** Cells of the Ns x Ns grid whose centre lies within R of the minutia. */
export function discCells(p: MccParams): number {
  const key = `${p.spatialCells}`;
  const hit = discCache.get(key);
  if (hit !== undefined) return hit;
  let count = 0;
  const ns = p.spatialCells;
  for (let i = 0; i < ns; i++)
    for (let j = 0; j < ns; j++) {
      const u = i - (ns - 1) / 2;
      const v = j - (ns - 1) / 2;
      if (u * u + v * v <= (ns / 2) * (ns / 2)) count++;
    }
  discCache.set(key, count);
  return count;
}
