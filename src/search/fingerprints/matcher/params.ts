/**
 * Minutia Cylinder-Code parameters (Cappelli, Ferrara, Maltoni, "Minutia Cylinder-Code: a new
 * representation and matching technique for fingerprint recognition", IEEE TPAMI 32(12), 2010).
 * The published values are for 500 dpi; templates at another resolution have their coordinates
 * rescaled to 500 dpi when prepared (compare.ts). `mccParamsFor` gives the equivalent parameter set
 * in a template's own pixels, for reference and for tools that work unscaled.
 */
export type MccParams = {
  /** Cylinder base radius R, pixels. */
  radius: number;
  /** Spatial cells per side (Ns) and direction cells (Nd). */
  spatialCells: number;
  directionCells: number;
  /** Standard deviations of the spatial (pixels) and directional (radians) Gaussian contributions. */
  sigmaS: number;
  sigmaD: number;
  /** A cell's bit is set when the summed contribution exceeds muPsi (the bit form of the sigmoid Psi). */
  muPsi: number;
  /** Convex hull of the minutiae enlarged by omega (pixels): cells outside are invalid. */
  omega: number;
  /** A cylinder is kept when at least minValidCells of its cells are valid and minNeighbours minutiae contribute. */
  minValidCells: number;
  minNeighbours: number;
  /** Two cylinders are compared only when at least minMatchableCells of the cells are valid in both. */
  minMatchableCells: number;
  /** ...and when their minutiae directions differ by at most deltaTheta radians. */
  deltaTheta: number;
  /** Number of top pairs nP averaged: minNP + round(Z(min(nA, nB), muP, tauP) * (maxNP - minNP)). */
  minPairs: number;
  maxPairs: number;
  muP: number;
  tauP: number;
  /** Relaxation: weight wR, iterations nRel, and the three sigmoids of the pair compatibility rho. */
  relaxWeight: number;
  relaxIterations: number;
  muRho1: number;
  tauRho1: number;
  muRho2: number;
  tauRho2: number;
  muRho3: number;
  tauRho3: number;
  /** Distortion allowance: this fraction of the pair distance is forgiven before the rho1 sigmoid. */
  rho1Relative?: number;
};

/** The published parameter set at 500 dpi (Table 2 of the paper; bit-based cylinders, LSS-R). */
export const MCC_500_DPI: MccParams = {
  radius: 70,
  spatialCells: 16,
  directionCells: 6,
  sigmaS: 28 / 3,
  sigmaD: (2 * Math.PI) / 9,
  muPsi: 0.01,
  omega: 50,
  minValidCells: 0.5,
  minNeighbours: 2,
  minMatchableCells: 0.6,
  deltaTheta: Math.PI / 2,
  minPairs: 4,
  maxPairs: 12,
  muP: 20,
  tauP: 2 / 5,
  relaxWeight: 0.5,
  relaxIterations: 5,
  muRho1: 5,
  tauRho1: -8 / 5,
  muRho2: Math.PI / 12,
  tauRho2: -30,
  muRho3: Math.PI / 12,
  tauRho3: -30,
  rho1Relative: 0.05,
};

/** The parameter set for a resolution in dots per inch: lengths scale, angles and counts do not. */
export function mccParamsFor(dpi: number, base: MccParams = MCC_500_DPI): MccParams {
  const k = dpi > 0 ? dpi / 500 : 1;
  return {
    ...base,
    radius: base.radius * k,
    sigmaS: base.sigmaS * k,
    omega: base.omega * k,
    muRho1: base.muRho1 * k,
    tauRho1: base.tauRho1 / k,
  };
}

/** The sigmoid Z(v, mu, tau) of the paper. */
export const sigmoid = (v: number, mu: number, tau: number): number => 1 / (1 + Math.exp(-tau * (v - mu)));

/** Difference of two angles normalised to [-pi, pi). */
export function angleDiff(a: number, b: number): number {
  let d = a - b;
  while (d < -Math.PI) d += 2 * Math.PI;
  while (d >= Math.PI) d -= 2 * Math.PI;
  return d;
}
