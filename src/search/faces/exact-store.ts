/**
 * The normalised templates kept beside the HNSW graph, in fixed-size blocks, for exact (brute force)
 * search: the ground truth that the approximate index is measured against, and a fallback for small
 * galleries. Blocks rather than one array, because a million 512-dimension templates is 2 GiB.
 */
const BLOCK_ROWS = 16_384;

export type ExactMatch = { id: number; similarity: number };

export class ExactStore {
  private readonly blocks: Float32Array[] = [];
  private readonly slotOf = new Map<number, number>();
  private readonly idAt: number[] = []; // slot -> id, -1 when free
  private readonly free: number[] = [];

  constructor(readonly dimensions: number) {}

  get size(): number {
    return this.slotOf.size;
  }

  /** Bytes held by the template copies (allocated blocks, including free rows). */
  get bytes(): number {
    return this.blocks.length * BLOCK_ROWS * this.dimensions * 4;
  }

  has(id: number): boolean {
    return this.slotOf.has(id);
  }

  /** Stores a unit-length template under id, replacing any earlier one. */
  set(id: number, unit: Float32Array): void {
    let slot = this.slotOf.get(id);
    if (slot === undefined) {
      slot = this.free.pop() ?? this.idAt.length;
      if (slot === this.idAt.length) this.idAt.push(id);
      else this.idAt[slot] = id;
      this.slotOf.set(id, slot);
    }
    const block = Math.floor(slot / BLOCK_ROWS);
    while (this.blocks.length <= block) this.blocks.push(new Float32Array(BLOCK_ROWS * this.dimensions));
    (this.blocks[block] as Float32Array).set(unit, (slot % BLOCK_ROWS) * this.dimensions);
  }

  delete(id: number): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    this.slotOf.delete(id);
    this.idAt[slot] = -1;
    this.free.push(slot);
    return true;
  }

  /** The stored template of id scored against a unit-length query (undefined when absent). */
  similarity(id: number, unit: Float32Array): number | undefined {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return undefined;
    const rows = this.blocks[Math.floor(slot / BLOCK_ROWS)] as Float32Array;
    return dotAt(rows, (slot % BLOCK_ROWS) * this.dimensions, unit, this.dimensions);
  }

  /** Every stored template scored against a unit-length query; the k most similar, best first. */
  search(unit: Float32Array, k: number): ExactMatch[] {
    const d = this.dimensions;
    const best: ExactMatch[] = [];
    let floor = Number.NEGATIVE_INFINITY; // similarity of the worst kept match once k are kept
    for (let slot = 0; slot < this.idAt.length; slot++) {
      const id = this.idAt[slot] as number;
      if (id < 0) continue;
      const rows = this.blocks[Math.floor(slot / BLOCK_ROWS)] as Float32Array;
      const base = (slot % BLOCK_ROWS) * d;
      const dot = dotAt(rows, base, unit, d);
      if (best.length === k && dot <= floor) continue;
      insertSorted(best, { id, similarity: dot }, k);
      if (best.length === k) floor = (best[k - 1] as ExactMatch).similarity;
    }
    return best;
  }
}

function insertSorted(best: ExactMatch[], m: ExactMatch, k: number): void {
  let i = best.length;
  while (i > 0 && (best[i - 1] as ExactMatch).similarity < m.similarity) i--;
  best.splice(i, 0, m);
  if (best.length > k) best.pop();
}

/**
 * Dot product of unit with rows[base..base+d), four running sums: independent additions let the
 * JIT overlap them, about twice as fast as one sum at d = 512 (the scan is the exact baseline).
 */
function dotAt(rows: Float32Array, base: number, unit: Float32Array, d: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < d; i += 4) {
    s0 += (rows[base + i] as number) * (unit[i] as number);
    s1 += (rows[base + i + 1] as number) * (unit[i + 1] as number);
    s2 += (rows[base + i + 2] as number) * (unit[i + 2] as number);
    s3 += (rows[base + i + 3] as number) * (unit[i + 3] as number);
  }
  for (; i < d; i++) s0 += (rows[base + i] as number) * (unit[i] as number);
  return s0 + s1 + s2 + s3;
}
