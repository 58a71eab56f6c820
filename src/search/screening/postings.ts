/*
 * Postings: numbered lists of person ids, all in one pooled Int32Array (a typed array object per
 * list costs more than a hundred bytes of overhead, and most name parts - typos, rare spellings -
 * are held by one or two persons). A list that fills up moves to the end of the pool with twice
 * the room, leaving its old slot as garbage; the pool is compacted when the garbage passes half of
 * it. Removal swaps the last id into the hole: order within a list carries no meaning.
 *
 * Hot loops read `pool` from `start(list)` for `count(list)` ids directly (no callback).
 */
export class Postings {
  private offsets = new Int32Array(1024);
  private capacities = new Int32Array(1024);
  private counts = new Int32Array(1024);
  /** The shared pool; valid until the next add or remove. */
  pool = new Int32Array(4096);
  private used = 0;
  private garbage = 0;
  private lists = 0;

  /** Upper bound (exclusive) of list numbers seen. */
  get size(): number {
    return this.lists;
  }

  count(list: number): number {
    return list < this.lists ? (this.counts[list] as number) : 0;
  }

  start(list: number): number {
    return this.offsets[list] as number;
  }

  add(list: number, id: number): void {
    if (list >= this.offsets.length) {
      const size = Math.max(list + 1, this.offsets.length * 2);
      this.offsets = grown(this.offsets, size);
      this.capacities = grown(this.capacities, size);
      this.counts = grown(this.counts, size);
    }
    if (list >= this.lists) this.lists = list + 1;
    const n = this.counts[list] as number;
    const cap = this.capacities[list] as number;
    if (n === cap) this.move(list, cap === 0 ? 1 : cap * 2);
    this.pool[(this.offsets[list] as number) + n] = id;
    this.counts[list] = n + 1;
  }

  remove(list: number, id: number): void {
    const n = this.count(list);
    const at = this.offsets[list] as number;
    for (let k = at; k < at + n; k++)
      if (this.pool[k] === id) {
        this.pool[k] = this.pool[at + n - 1] as number;
        this.counts[list] = n - 1;
        return;
      }
  }

  private move(list: number, capacity: number) {
    if (this.garbage > 1 << 16 && this.garbage > this.used / 2) this.compact();
    if (this.used + capacity > this.pool.length)
      this.pool = grown(this.pool, Math.max(this.used + capacity, Math.ceil(this.pool.length * 1.5)));
    const from = this.offsets[list] as number;
    const n = this.counts[list] as number;
    this.pool.copyWithin(this.used, from, from + n);
    this.garbage += this.capacities[list] as number;
    this.offsets[list] = this.used;
    this.capacities[list] = capacity;
    this.used += capacity;
  }

  private compact() {
    let used = 0;
    for (let l = 0; l < this.lists; l++) used += this.capacities[l] as number;
    const pool = new Int32Array(Math.max(4096, Math.ceil(used * 1.25)));
    used = 0;
    for (let l = 0; l < this.lists; l++) {
      const from = this.offsets[l] as number;
      pool.set(this.pool.subarray(from, from + (this.counts[l] as number)), used);
      this.offsets[l] = used;
      used += this.capacities[l] as number;
    }
    this.pool = pool;
    this.used = used;
    this.garbage = 0;
  }

  forEach(list: number, visit: (id: number) => void): void {
    const at = this.start(list);
    const n = this.count(list);
    for (let k = at; k < at + n; k++) visit(this.pool[k] as number);
  }

  memoryBytes(): number {
    return this.pool.byteLength + this.offsets.byteLength * 3;
  }
}

function grown(a: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a.subarray(0, Math.min(a.length, size)));
  return b;
}
