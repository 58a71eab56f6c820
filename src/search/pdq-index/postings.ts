/**
 * Multi-index hashing posting lists in CSR form. The 256-bit hash is cut into 8 chunks of 32 bits
 * (chunk c = stored word c). For each chunk, every live row is sorted by its 32-bit chunk value and
 * the sorted order is stored as two parallel arrays, bucketed by the value's high 16 bits:
 *
 *   rows[c][offsets[c][h] .. offsets[c][h + 1])   rows whose chunk c has high half h,
 *   low[c][same range]                            the low 16 bits of their chunk c, ascending.
 *
 * 6 bytes per hash per chunk (48 bytes per hash) plus 8 x 65,537 offsets (2 MB): no per-hash objects,
 * and a probe reads a short contiguous run of `low` instead of jumping into the row store. The low
 * halves let a query reject non-matching rows without touching their hashes.
 */
import { type HashStore, PAGE_ROWS, WORDS } from "./store.ts";

export const CHUNKS = WORDS;
export const BUCKETS = 1 << 16;

export interface Postings {
  offsets: Uint32Array[];
  rows: Uint32Array[];
  low: Uint16Array[];
  /** Rows [0, indexed) were considered (dead ones left out); later rows are the append buffer. */
  indexed: number;
}

export function emptyPostings(): Postings {
  const p: Postings = { offsets: [], rows: [], low: [], indexed: 0 };
  for (let c = 0; c < CHUNKS; c++) {
    p.offsets.push(new Uint32Array(BUCKETS + 1));
    p.rows.push(new Uint32Array(0));
    p.low.push(new Uint16Array(0));
  }
  return p;
}

/** Live rows and their word c, in row order, gathered page by page (sequential memory). */
function gatherWord(store: HashStore, c: number, live: number): { rows: Uint32Array; keys: Uint32Array } {
  const rows = new Uint32Array(live);
  const keys = new Uint32Array(live);
  let k = 0;
  for (let p = 0; p < store.pages.length; p++) {
    const page = store.pages[p] as Uint32Array;
    const dead = store.deadPages[p] as Uint8Array;
    const n = Math.min(PAGE_ROWS, store.size - p * PAGE_ROWS);
    for (let i = 0; i < n; i++) {
      if ((((dead[i >>> 3] as number) >>> (i & 7)) & 1) === 1) continue;
      rows[k] = p * PAGE_ROWS + i;
      keys[k++] = page[i * WORDS + c] as number;
    }
  }
  return { rows, keys };
}

/** Start offset of each 16-bit digit value (length BUCKETS + 1, last = n). */
function digitOffsets(keys: Uint32Array, shift: number): Uint32Array {
  const offsets = new Uint32Array(BUCKETS + 1);
  for (let i = 0; i < keys.length; i++) {
    const d = (((keys[i] as number) >>> shift) & 0xffff) + 1;
    offsets[d] = (offsets[d] as number) + 1;
  }
  for (let d = 0; d < BUCKETS; d++) offsets[d + 1] = (offsets[d + 1] as number) + (offsets[d] as number);
  return offsets;
}

/** Stable counting sort of (rows, keys) into (outRows, outKeys) by one 16-bit digit of the key. */
function sortByDigit(
  rows: Uint32Array,
  keys: Uint32Array,
  outRows: Uint32Array,
  outKeys: Uint32Array,
  shift: number,
) {
  const offsets = digitOffsets(keys, shift);
  const next = offsets.slice(0, BUCKETS);
  for (let i = 0; i < rows.length; i++) {
    const key = keys[i] as number;
    const d = (key >>> shift) & 0xffff;
    const at = next[d] as number;
    next[d] = at + 1;
    outRows[at] = rows[i] as number;
    outKeys[at] = key;
  }
  return offsets;
}

/**
 * Rebuilds chunk c: an LSD radix sort (low 16 bits, then high 16) orders rows by the full 32-bit
 * value, ping-ponging between two buffer pairs so the temporaries are four arrays of n uint32.
 */
function buildChunk(store: HashStore, c: number, live: number, into: Postings): void {
  // Release the old lists first so peak memory grows by one chunk's temporaries, not all eight.
  into.rows[c] = new Uint32Array(0);
  into.low[c] = new Uint16Array(0);
  const a = gatherWord(store, c, live);
  const bRows = new Uint32Array(live);
  const bKeys = new Uint32Array(live);
  sortByDigit(a.rows, a.keys, bRows, bKeys, 0);
  const offsets = sortByDigit(bRows, bKeys, a.rows, a.keys, 16);
  const low = new Uint16Array(live);
  for (let i = 0; i < live; i++) low[i] = (a.keys[i] as number) & 0xffff;
  into.offsets[c] = offsets;
  into.rows[c] = a.rows;
  into.low[c] = low;
}

/** Re-indexes every live row of the store (the append buffer is emptied, tombstones purged). */
export function rebuildPostings(store: HashStore, into: Postings): void {
  const live = store.size - store.deadCount;
  for (let c = 0; c < CHUNKS; c++) buildChunk(store, c, live, into);
  into.indexed = store.size;
}

export function postingsByteLength(p: Postings): number {
  let bytes = 0;
  for (let c = 0; c < CHUNKS; c++) {
    bytes += (p.offsets[c] as Uint32Array).byteLength;
    bytes += (p.rows[c] as Uint32Array).byteLength + (p.low[c] as Uint16Array).byteLength;
  }
  return bytes;
}

/** First index in low[start, end) whose value is >= v (the slice is ascending). */
export function lowerBound(low: Uint16Array, start: number, end: number, v: number): number {
  let lo = start;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((low[mid] as number) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const masksByRadius = new Map<number, Uint16Array>();

/**
 * All 16-bit XOR masks with at most `radius` bits set, fewest bits first: the values within
 * `radius` of v are v ^ mask. 17 masks for radius 1, 697 for radius 3, all 65,536 for radius 16.
 */
export function masksWithin(radius: number): Uint16Array {
  const r = Math.min(radius, 16);
  let masks = masksByRadius.get(r);
  if (!masks) {
    const list: number[] = [];
    for (let bits = 0; bits <= r; bits++) {
      for (let m = 0; m < BUCKETS; m++) if (popcount16(m) === bits) list.push(m);
    }
    masks = Uint16Array.from(list);
    masksByRadius.set(r, masks);
  }
  return masks;
}

export function popcount16(v: number): number {
  let x = v - ((v >>> 1) & 0x5555);
  x = (x & 0x3333) + ((x >>> 2) & 0x3333);
  x = (x + (x >>> 4)) & 0x0f0f;
  return (x + (x >>> 8)) & 0x1f;
}
