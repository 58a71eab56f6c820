/**
 * Verification error rates from scored genuine and impostor pairs: a pair is accepted when its score
 * is at least the threshold. Used by the benchmark (for every matcher alike) and the accuracy test.
 */
export type ScoredPairs = { genuine: number[]; impostor: number[] };

export type ErrorRates = {
  /** Equal error rate: the mean of FMR and FNMR where they are closest. */
  eer: number;
  eerThreshold: number;
  /** FNMR at the lowest threshold whose FMR is at most 1% (0.1%). */
  fnmrAtFmr1: number;
  fnmrAtFmr01: number;
  thresholdAtFmr1: number;
  thresholdAtFmr01: number;
  fmrAt: (threshold: number) => number;
  fnmrAt: (threshold: number) => number;
  /** (FMR, FNMR) at every distinct score, for a DET curve. */
  curve: { fmr: number; fnmr: number }[];
};

/** Number of values in the sorted array that are below `t`. */
function countBelow(sorted: Float64Array, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function errorRates(pairs: ScoredPairs): ErrorRates {
  const gen = Float64Array.from(pairs.genuine).sort();
  const imp = Float64Array.from(pairs.impostor).sort();
  const fmrAt = (t: number) => (imp.length ? (imp.length - countBelow(imp, t)) / imp.length : 0);
  const fnmrAt = (t: number) => (gen.length ? countBelow(gen, t) / gen.length : 0);
  const thresholds = [...new Set([...gen, ...imp, Number.POSITIVE_INFINITY])].sort((a, b) => a - b);
  const curve: { fmr: number; fnmr: number }[] = [];
  let eer = 1;
  let eerThreshold = 0;
  let gap = Number.POSITIVE_INFINITY;
  let thresholdAtFmr1 = Number.POSITIVE_INFINITY;
  let thresholdAtFmr01 = Number.POSITIVE_INFINITY;
  for (const t of thresholds) {
    const fmr = fmrAt(t);
    const fnmr = fnmrAt(t);
    curve.push({ fmr, fnmr });
    if (Math.abs(fmr - fnmr) < gap) {
      gap = Math.abs(fmr - fnmr);
      eer = (fmr + fnmr) / 2;
      eerThreshold = t;
    }
    if (fmr <= 0.01 && thresholdAtFmr1 === Number.POSITIVE_INFINITY) thresholdAtFmr1 = t;
    if (fmr <= 0.001 && thresholdAtFmr01 === Number.POSITIVE_INFINITY) thresholdAtFmr01 = t;
  }
  return {
    eer,
    eerThreshold,
    fnmrAtFmr1: fnmrAt(thresholdAtFmr1),
    fnmrAtFmr01: fnmrAt(thresholdAtFmr01),
    thresholdAtFmr1,
    thresholdAtFmr01,
    fmrAt,
    fnmrAt,
    curve,
  };
}
