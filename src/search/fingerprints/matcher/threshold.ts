/**
 * Score at or above which a 1:N candidate is an automatic hit: the score at which the false match
 * rate was 0.1% over all 23,040 same-database impostor pairs of the FVC templates (measured 0.0399,
 * rounded up), where 23.6% of genuine pairs fall below it. Scores are LSS-R averages after
 * relaxation, so they are small numbers; below this a candidate list goes to an examiner.
 * Reproduce: `FP_BENCH_PARTS=accuracy npx tsx bench/fingerprints.bench.ts`.
 */
export const AUTOMATIC_HIT_SCORE = 0.04;
