/**
 * Verification error rates from scored pairs: false match rate (impostor pairs at or above a
 * threshold), false non-match rate (genuine pairs below it), the threshold for a target FMR, and
 * the equal error rate. A pair whose photo gave no face is scored -Infinity: a failure to enrol
 * counts against FNMR, never silently dropped.
 */
export type ScoredPairs = { genuine: number[]; impostor: number[] };

export const falseMatchRate = (impostor: readonly number[], threshold: number): number =>
  impostor.filter((s) => s >= threshold).length / impostor.length;

export const falseNonMatchRate = (genuine: readonly number[], threshold: number): number =>
  genuine.filter((s) => s < threshold).length / genuine.length;

/** The lowest threshold whose FMR is at most `fmr` (scores above every impostor but the allowed few). */
export function thresholdForFmr(impostor: readonly number[], fmr: number): number {
  const sorted = [...impostor].sort((a, b) => b - a);
  const allowed = Math.floor(fmr * sorted.length);
  const boundary = sorted[allowed];
  return boundary === undefined ? Number.NEGATIVE_INFINITY : nextUp(boundary);
}

/**
 * Equal error rate: where FMR and FNMR cross, by bisection on the threshold (scores in -1..1). The
 * rates move in steps, so of the two thresholds either side of the crossing the one where they are
 * closer is taken, and the EER is their mean there.
 */
export function equalErrorRate(pairs: ScoredPairs): { eer: number; threshold: number } {
  let lo = -1;
  let hi = 1;
  for (let i = 0; i < 50; i++) {
    const mid = (lo + hi) / 2;
    if (falseMatchRate(pairs.impostor, mid) > falseNonMatchRate(pairs.genuine, mid)) lo = mid;
    else hi = mid;
  }
  const at = (t: number) => {
    const fmr = falseMatchRate(pairs.impostor, t);
    const fnmr = falseNonMatchRate(pairs.genuine, t);
    return { gap: Math.abs(fmr - fnmr), eer: (fmr + fnmr) / 2, threshold: t };
  };
  const [a, b] = [at(lo), at(hi)];
  const best = a.gap <= b.gap ? a : b;
  return { eer: best.eer, threshold: best.threshold };
}

/** Every unordered pair of items, scored, split by whether the two share an identity. */
export function scorePairs<T>(
  items: readonly T[],
  identity: (item: T) => string,
  score: (a: T, b: T) => number,
): ScoredPairs {
  const genuine: number[] = [];
  const impostor: number[] = [];
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i] as T;
      const b = items[j] as T;
      (identity(a) === identity(b) ? genuine : impostor).push(score(a, b));
    }
  return { genuine, impostor };
}

function nextUp(x: number): number {
  return x + Math.max(Number.EPSILON, Math.abs(x) * Number.EPSILON);
}
