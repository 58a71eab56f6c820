/**
 * The shipped decision threshold on the cosine similarity of two face templates from extract.ts,
 * chosen from measured error rates on ../shared/data/faces (bench/faces.bench.ts; the table and its
 * reading are in docs/face-matching.md). At or above it a pair is a candidate match for a person to
 * review; below it, no candidate.
 *
 * 0.94 is where the false match rate over all 37,198 impostor pairs (London set with its extra
 * photos, and MEDS frontal booking photos) is 0.1%. On MEDS alone FMR is 0.37% and the false
 * non-match rate 6.5%; on the studio London set FMR 0.05% and FNMR 0%. Candidates always go to a
 * person, so the threshold leans towards fewer misses rather than fewer candidates.
 */
export const FACE_MATCH_THRESHOLD = 0.94;
