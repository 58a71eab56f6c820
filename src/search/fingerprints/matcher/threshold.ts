/**
 * Score at or above which a 1:N candidate is an automatic hit: the score at which the false match
 * rate is 0.1% over all 23,040 same-database impostor pairs of the FVC templates (0.0508, FNMR 20.0%
 * there). Scores are LSS-R averages after relaxation, so they are small numbers; every candidate list
 * still goes to a person, who decides.
 * Reproduce: `FP_BENCH_PARTS=accuracy npx tsx bench/fingerprints.bench.ts`.
 */
export const AUTOMATIC_HIT_SCORE = 0.051;
