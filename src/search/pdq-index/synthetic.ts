/**
 * Deterministic synthetic PDQ data for tests and benchmarks: uniform random hashes (what unrelated
 * images look like to PDQ) and planted near-duplicates at exact distances, including the worst case
 * for multi-index hashing (bits spread as evenly as possible over the 16 chunks).
 */
import { WORDS } from "./store.ts";

/** xorshift32: tiny, fast, seedable; statistical quality is ample for test data. */
export function xorshift32(seed: number): () => number {
  let x = seed >>> 0 || 0x9e3779b9;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

/** n random hashes, 8 packed words each. */
export function randomHashes(n: number, rand: () => number): Uint32Array {
  const words = new Uint32Array(n * WORDS);
  for (let i = 0; i < words.length; i++) words[i] = rand();
  return words;
}

/** Flips bit b (0 = most significant bit of word 0) of the hash at words[offset..offset+8). */
function flipBit(words: Uint32Array, offset: number, b: number): void {
  const w = offset + (b >>> 5);
  words[w] = ((words[w] as number) ^ (0x80000000 >>> (b & 31))) >>> 0;
}

/** Copies the hash at `from` to `to` and flips `distance` distinct random bits. */
export function plantNear(
  words: Uint32Array,
  from: number,
  to: number,
  distance: number,
  rand: () => number,
): void {
  words.copyWithin(to * WORDS, from * WORDS, from * WORDS + WORDS);
  const chosen = new Set<number>();
  while (chosen.size < distance) chosen.add(rand() & 255);
  for (const b of chosen) flipBit(words, to * WORDS, b);
}

/**
 * Like plantNear, but spreads the flipped bits round-robin over the 16 chunks (distance 31 gives 15
 * chunks two bits off and one chunk one bit off): exactly the pigeonhole boundary the index relies on.
 */
export function plantSpread(
  words: Uint32Array,
  from: number,
  to: number,
  distance: number,
  rand: () => number,
): void {
  words.copyWithin(to * WORDS, from * WORDS, from * WORDS + WORDS);
  const start = rand() & 15;
  const used = new Set<number>();
  for (let k = 0; k < distance; k++) {
    const chunk = (start + k) & 15;
    let b: number;
    do b = chunk * 16 + (rand() & 15);
    while (used.has(b));
    used.add(b);
    flipBit(words, to * WORDS, b);
  }
}
