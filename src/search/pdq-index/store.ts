/**
 * Row store for PDQ hashes: eight big-endian uint32 words and one uint32 id per row, plus a
 * tombstone bit. Rows live in fixed-size pages so the store grows without copying (a flat 320 MB
 * array for 10M hashes would need a second 320 MB during a resize) and without one JS object per
 * hash. Row numbers are dense and never reused; removal only sets the tombstone bit.
 */
import { pdqHashToWords, popcount32, toPdqHash } from "../pdq/hash.ts";

export const PAGE_BITS = 16;
export const PAGE_ROWS = 1 << PAGE_BITS;
const PAGE_MASK = PAGE_ROWS - 1;
/** Uint32 words per stored hash. */
export const WORDS = 8;
/** Ids are uint32: callers with larger or non-numeric keys keep their own dense numbering. */
export const MAX_ID = 0xffffffff;

export class HashStore {
  /** pages[p][(row & PAGE_MASK) * 8 + w] = word w of row (p << PAGE_BITS | ...). */
  readonly pages: Uint32Array[] = [];
  readonly idPages: Uint32Array[] = [];
  readonly deadPages: Uint8Array[] = [];
  size = 0;
  deadCount = 0;

  /** Appends one row from eight words at `words[offset..offset+8)`; returns its row number. */
  push(id: number, words: Uint32Array, offset = 0): number {
    if (!Number.isInteger(id) || id < 0 || id > MAX_ID) {
      throw new RangeError(`Index ids are integers 0..${MAX_ID} (got ${id}).`);
    }
    const row = this.size;
    const p = row >>> PAGE_BITS;
    if (p === this.pages.length) {
      this.pages.push(new Uint32Array(PAGE_ROWS * WORDS));
      this.idPages.push(new Uint32Array(PAGE_ROWS));
      this.deadPages.push(new Uint8Array(PAGE_ROWS >>> 3));
    }
    const page = this.pages[p] as Uint32Array;
    const base = (row & PAGE_MASK) * WORDS;
    for (let w = 0; w < WORDS; w++) page[base + w] = words[offset + w] as number;
    (this.idPages[p] as Uint32Array)[row & PAGE_MASK] = id;
    this.size++;
    return row;
  }

  id(row: number): number {
    return (this.idPages[row >>> PAGE_BITS] as Uint32Array)[row & PAGE_MASK] as number;
  }

  isDead(row: number): boolean {
    const bits = this.deadPages[row >>> PAGE_BITS] as Uint8Array;
    return (((bits[(row & PAGE_MASK) >>> 3] as number) >>> (row & 7)) & 1) === 1;
  }

  /** Tombstones every live row carrying `id` (a linear scan, about 10 ms per 10M rows). */
  removeId(id: number): number {
    let removed = 0;
    for (let p = 0; p < this.idPages.length; p++) {
      const ids = this.idPages[p] as Uint32Array;
      const bits = this.deadPages[p] as Uint8Array;
      const n = Math.min(PAGE_ROWS, this.size - p * PAGE_ROWS);
      for (let i = ids.indexOf(id); i !== -1 && i < n; i = ids.indexOf(id, i + 1)) {
        const mask = 1 << (i & 7);
        if (((bits[i >>> 3] as number) & mask) === 0) {
          bits[i >>> 3] = (bits[i >>> 3] as number) | mask;
          removed++;
        }
      }
    }
    this.deadCount += removed;
    return removed;
  }

  /** Word w (0..7) of a row: word 0 is the first eight hex digits. */
  word(row: number, w: number): number {
    return (this.pages[row >>> PAGE_BITS] as Uint32Array)[(row & PAGE_MASK) * WORDS + w] as number;
  }

  /**
   * Hamming distance between a row and the query words, or `limit + 1` as soon as it exceeds
   * `limit`: most candidates are random hashes (about 128 bits away) and stop after two words.
   */
  distance(row: number, q: Uint32Array, limit: number): number {
    const page = this.pages[row >>> PAGE_BITS] as Uint32Array;
    const base = (row & PAGE_MASK) * WORDS;
    let d = 0;
    for (let w = 0; w < WORDS; w++) {
      d += popcount32((page[base + w] as number) ^ (q[w] as number));
      if (d > limit) return limit + 1;
    }
    return d;
  }

  /** Bytes held by the typed arrays (allocated pages, so up to one partly used page extra). */
  byteLength(): number {
    return this.pages.length * (PAGE_ROWS * WORDS * 4 + PAGE_ROWS * 4 + (PAGE_ROWS >>> 3));
  }
}

/** A hash given as bytes or hex (validated), as eight words. */
export function queryWords(hash: Uint8Array | string): Uint32Array {
  return pdqHashToWords(toPdqHash(hash));
}
