/** Result type shared by the index and the brute-force baseline, so tests compare them directly. */
import { popcount32 } from "../pdq/hash.ts";
import { queryWords, WORDS } from "./store.ts";

export interface PdqMatch {
  id: number;
  distance: number;
}

/** PDQ's recommended match threshold (bits out of 256). */
export const DEFAULT_MAX_DISTANCE = 31;

/** Closest first; ties by id so results are deterministic and comparable. */
export function sortMatches(matches: PdqMatch[]): PdqMatch[] {
  return matches.sort((a, b) => a.distance - b.distance || a.id - b.id);
}

export function checkMaxDistance(maxDistance: number): void {
  if (!Number.isInteger(maxDistance) || maxDistance < 0 || maxDistance > 256) {
    throw new RangeError(`maxDistance must be an integer 0..256 (got ${maxDistance}).`);
  }
}

/**
 * The baseline: compare the query with every hash. `words` holds 8 big-endian uint32 words per
 * hash (see pdqHashToWords) and `ids[i]` names hash i. Used to verify the index and in benchmarks.
 */
export function bruteForce(
  words: Uint32Array,
  ids: ArrayLike<number>,
  query: Uint8Array | string,
  maxDistance = DEFAULT_MAX_DISTANCE,
): PdqMatch[] {
  checkMaxDistance(maxDistance);
  if (words.length !== ids.length * WORDS) throw new RangeError("bruteForce needs 8 words per id.");
  const q = queryWords(query);
  const out: PdqMatch[] = [];
  for (let i = 0, base = 0; i < ids.length; i++, base += WORDS) {
    let d = 0;
    for (let w = 0; w < WORDS && d <= maxDistance; w++) {
      d += popcount32((words[base + w] as number) ^ (q[w] as number));
    }
    if (d <= maxDistance) out.push({ id: ids[i] as number, distance: d });
  }
  return sortMatches(out);
}
