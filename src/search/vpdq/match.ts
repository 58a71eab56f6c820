/**
 * vPDQ matching, as Meta publishes it: two videos are compared as unordered bags of frame hashes.
 * Frames below the quality threshold are dropped and repeated hashes counted once on each side;
 * then the query percentage is the share of the query's frames within `distance` bits of some
 * target frame, and the target percentage the share of the target's frames within `distance` bits
 * of some query frame. A video matches when both percentages reach their thresholds.
 *
 * Published defaults: distance 31, quality 50. The published match thresholds are one-sided, and
 * not on the same side (the vPDQ description's example: 80% of the compared video, 0% of the query;
 * python-threatexchange: 80% of the query, 0% of the index). Here both default to 80%, which asks for
 * the same content either way; set queryMatchThreshold to 0 to find known clips in longer uploads.
 */
import { type PdqHash, pdqHashToWords, popcount32, toPdqHash } from "../pdq/hash.ts";

export interface VpdqFrame {
  /** PDQ hash: 64 hex digits or 32 bytes. */
  pdq: string | PdqHash;
  quality: number;
}

export interface VpdqMatchOptions {
  /** Largest Hamming distance at which two frames match. Default 31. */
  distance?: number;
  /** Frames below this quality are left out on both sides. Default 50. */
  qualityThreshold?: number;
  /** Percentage of the query's frames that must match for isMatch. Default 80. */
  queryMatchThreshold?: number;
  /** Percentage of the target's frames that must match for isMatch. Default 80. */
  targetMatchThreshold?: number;
}

export interface VpdqMatchResult {
  /** 0..100: share of the query's distinct usable frames that match a target frame. */
  queryMatchPercent: number;
  /** 0..100: share of the target's distinct usable frames that match a query frame. */
  targetMatchPercent: number;
  /** Distinct frames at or above the quality threshold, on each side. */
  queryFrames: number;
  targetFrames: number;
  isMatch: boolean;
}

export const VPDQ_DEFAULTS = {
  distance: 31,
  qualityThreshold: 50,
  queryMatchThreshold: 80,
  targetMatchThreshold: 80,
} as const;

/** Distinct hashes of the frames at or above `quality`, packed 8 words per hash. */
function usableHashes(frames: readonly VpdqFrame[], quality: number): Uint32Array {
  const seen = new Set<string>();
  const words: number[] = [];
  const scratch = new Uint32Array(8);
  for (const frame of frames) {
    if (frame.quality < quality) continue;
    const hash = toPdqHash(frame.pdq);
    pdqHashToWords(hash, scratch);
    const key = scratch.join(",");
    if (seen.has(key)) continue;
    seen.add(key);
    words.push(...scratch);
  }
  return Uint32Array.from(words);
}

/** How many hashes of `from` are within `distance` of at least one hash of `to`. */
function countMatched(from: Uint32Array, to: Uint32Array, distance: number): number {
  let matched = 0;
  for (let i = 0; i < from.length; i += 8) {
    // The query's eight words stay in locals across the inner loop.
    const q = Array.from(from.subarray(i, i + 8));
    const [q0 = 0, q1 = 0, q2 = 0, q3 = 0, q4 = 0, q5 = 0, q6 = 0, q7 = 0] = q;
    for (let j = 0; j < to.length; j += 8) {
      const d =
        popcount32(q0 ^ (to[j] as number)) +
        popcount32(q1 ^ (to[j + 1] as number)) +
        popcount32(q2 ^ (to[j + 2] as number)) +
        popcount32(q3 ^ (to[j + 3] as number)) +
        popcount32(q4 ^ (to[j + 4] as number)) +
        popcount32(q5 ^ (to[j + 5] as number)) +
        popcount32(q6 ^ (to[j + 6] as number)) +
        popcount32(q7 ^ (to[j + 7] as number));
      if (d <= distance) {
        matched++;
        break;
      }
    }
  }
  return matched;
}

/**
 * Compares two videos' frame hashes. Brute force, as the vPDQ reference does: at most query x target
 * distance checks, each stopping at the first match; for many candidate videos, find candidates
 * first with the PDQ index. A side with no usable frame matches 0%.
 */
export function vpdqMatch(
  queryFrames: readonly VpdqFrame[],
  targetFrames: readonly VpdqFrame[],
  options: VpdqMatchOptions = {},
): VpdqMatchResult {
  const distance = options.distance ?? VPDQ_DEFAULTS.distance;
  const qualityThreshold = options.qualityThreshold ?? VPDQ_DEFAULTS.qualityThreshold;
  const queryMatchThreshold = options.queryMatchThreshold ?? VPDQ_DEFAULTS.queryMatchThreshold;
  const targetMatchThreshold = options.targetMatchThreshold ?? VPDQ_DEFAULTS.targetMatchThreshold;
  const query = usableHashes(queryFrames, qualityThreshold);
  const target = usableHashes(targetFrames, qualityThreshold);
  const percent = (matched: number, total: number) => (total === 0 ? 0 : (matched * 100) / total);
  const queryMatchPercent = percent(countMatched(query, target, distance), query.length / 8);
  const targetMatchPercent = percent(countMatched(target, query, distance), target.length / 8);
  return {
    queryMatchPercent,
    targetMatchPercent,
    queryFrames: query.length / 8,
    targetFrames: target.length / 8,
    isMatch:
      query.length > 0 &&
      target.length > 0 &&
      queryMatchPercent >= queryMatchThreshold &&
      targetMatchPercent >= targetMatchThreshold,
  };
}
