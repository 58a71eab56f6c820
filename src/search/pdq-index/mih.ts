/**
 * Exact sub-linear PDQ search by multi-index hashing (Norouzi, Punjani & Fleet, 2012).
 *
 * Pigeonhole: cut 256 bits into 8 chunks of 32. If two hashes are at most r bits apart, at least one
 * chunk differs in at most t = floor(r / 8) bits (otherwise the total would exceed r). So finding,
 * per chunk, every stored row whose chunk is within t of the query's finds every hash within r, and
 * each such candidate is then checked on all 256 bits: the index is exact, not approximate.
 * For r = 31, t = 3: a chunk value (h, l) within 3 bits has h within a bits and l within 3 - a.
 * For each of the 697 high halves within 3 we read that bucket's sorted low halves: a scan when
 * 1..3 bits may still differ, a binary search when l must be exact (560 of the 697 buckets).
 *
 * Rows added after the last build sit in an append buffer that queries scan linearly; when it grows
 * past max(4,096, 1/16 of the indexed rows) the lists are rebuilt, which keeps incremental adds at
 * amortised O(1) list work and bounds the linear part of a query.
 */
import { popcount32 } from "../pdq/hash.ts";
import { checkMaxDistance, DEFAULT_MAX_DISTANCE, type PdqMatch, sortMatches } from "./matches.ts";
import {
  CHUNKS,
  emptyPostings,
  lowerBound,
  masksWithin,
  type Postings,
  popcount16,
  postingsByteLength,
  rebuildPostings,
} from "./postings.ts";
import { HashStore, queryWords, WORDS } from "./store.ts";

export interface PdqIndexOptions {
  /** Smallest append buffer that triggers a rebuild (default 4,096). */
  minPendingToMerge?: number;
  /** Rebuild when the append buffer exceeds this fraction of indexed rows (default 1/16). */
  pendingFraction?: number;
}

export interface PdqIndexStats {
  /** Live (not removed) hashes. */
  size: number;
  /** Rows in the posting lists. */
  indexed: number;
  /** Rows in the append buffer, scanned linearly until the next rebuild. */
  pending: number;
  /** Removed rows still held in the store (and in the lists until the next rebuild). */
  tombstones: number;
  bytes: number;
}

/** Per-query state passed down to the chunk probes. */
interface Probe {
  q: Uint32Array;
  maxDistance: number;
  radius: number;
  out: PdqMatch[];
}

export class PdqIndex {
  private readonly store = new HashStore();
  private readonly postings: Postings = emptyPostings();
  private readonly minPending: number;
  private readonly pendingFraction: number;

  constructor(options: PdqIndexOptions = {}) {
    this.minPending = options.minPendingToMerge ?? 4096;
    this.pendingFraction = options.pendingFraction ?? 1 / 16;
  }

  /** Live hashes. */
  get size(): number {
    return this.store.size - this.store.deadCount;
  }

  /** Adds one hash (bytes or hex) under a uint32 id. Ids are not checked for uniqueness. */
  add(id: number, hash: Uint8Array | string): void {
    this.store.push(id, queryWords(hash));
    this.maybeMerge();
  }

  /**
   * Adds many hashes: `hashes` is either 8 packed big-endian words per id (the fast path for imports
   * and replicas) or one hash per id as bytes or hex. Rebuilds the lists at most once, at the end.
   */
  addBulk(ids: ArrayLike<number>, hashes: Uint32Array | readonly (Uint8Array | string)[]): void {
    const packed = hashes instanceof Uint32Array;
    if (hashes.length !== (packed ? ids.length * WORDS : ids.length)) {
      throw new RangeError(`addBulk: ${ids.length} ids but ${hashes.length} ${packed ? "words" : "hashes"}.`);
    }
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as number;
      if (packed) this.store.push(id, hashes, i * WORDS);
      else
        this.store.push(
          id,
          queryWords((hashes as readonly (Uint8Array | string)[])[i] as Uint8Array | string),
        );
    }
    this.maybeMerge();
  }

  /** Tombstones every hash stored under `id`; returns how many were removed. O(n) id scan. */
  remove(id: number): number {
    return this.store.removeId(id);
  }

  /** Moves the append buffer into the posting lists now (and drops tombstoned rows from them). */
  build(): void {
    rebuildPostings(this.store, this.postings);
  }

  /** Every live hash within `maxDistance` bits, closest first (ties by id). */
  query(hash: Uint8Array | string, maxDistance = DEFAULT_MAX_DISTANCE): PdqMatch[] {
    checkMaxDistance(maxDistance);
    const probe: Probe = {
      q: queryWords(hash),
      maxDistance,
      radius: Math.floor(maxDistance / CHUNKS),
      out: [],
    };
    for (let c = 0; c < CHUNKS; c++) this.probeChunk(probe, c);
    this.scanPending(probe);
    return sortMatches(probe.out);
  }

  stats(): PdqIndexStats {
    const pending = this.store.size - this.postings.indexed;
    const { indexed } = this.postings;
    return { size: this.size, indexed, pending, tombstones: this.store.deadCount, bytes: this.byteLength() };
  }

  /** Bytes held in typed arrays (store pages + posting lists + offsets). */
  byteLength(): number {
    return this.store.byteLength() + postingsByteLength(this.postings);
  }

  private maybeMerge(): void {
    const pending = this.store.size - this.postings.indexed;
    if (pending >= Math.max(this.minPending, this.postings.indexed * this.pendingFraction)) this.build();
  }

  /** Finds rows whose chunk c is within `radius` of the query's and verifies them. */
  private probeChunk(probe: Probe, c: number): void {
    const offsets = this.postings.offsets[c] as Uint32Array;
    const low = this.postings.low[c] as Uint16Array;
    const qc = probe.q[c] as number;
    const qh = qc >>> 16;
    const ql = qc & 0xffff;
    const masks = masksWithin(probe.radius);
    for (let m = 0; m < masks.length; m++) {
      const mask = masks[m] as number;
      const h = qh ^ mask;
      const start = offsets[h] as number;
      const end = offsets[h + 1] as number;
      if (start === end) continue;
      const rest = probe.radius - popcount16(mask);
      if (rest === 0) {
        for (let i = lowerBound(low, start, end, ql); i < end && low[i] === ql; i++) this.verify(probe, c, i);
      } else {
        for (let i = start; i < end; i++)
          if (popcount16((low[i] as number) ^ ql) <= rest) this.verify(probe, c, i);
      }
    }
  }

  /** Full 256-bit check of the candidate at position i of chunk c's list. */
  private verify(probe: Probe, c: number, i: number): void {
    const row = (this.postings.rows[c] as Uint32Array)[i] as number;
    const { store } = this;
    const d = store.distance(row, probe.q, probe.maxDistance);
    if (d > probe.maxDistance || store.isDead(row)) return;
    // A hash close in several chunks is found once per such chunk: report it from the first only.
    for (let k = 0; k < c; k++) {
      if (popcount32(store.word(row, k) ^ (probe.q[k] as number)) <= probe.radius) return;
    }
    probe.out.push({ id: store.id(row), distance: d });
  }

  private scanPending(probe: Probe): void {
    const { store } = this;
    for (let row = this.postings.indexed; row < store.size; row++) {
      const d = store.distance(row, probe.q, probe.maxDistance);
      if (d <= probe.maxDistance && !store.isDead(row)) probe.out.push({ id: store.id(row), distance: d });
    }
  }
}
