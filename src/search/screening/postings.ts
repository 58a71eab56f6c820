/*
 * Postings: for each vocabulary part, the ids of the persons that have it, in a typed array that
 * grows by half when full (4 bytes per posting plus slack, no per-entry object). Removal swaps the
 * last id into the hole: order within a list carries no meaning.
 */
export class Postings {
  private lists: (Int32Array | undefined)[] = [];
  private counts = new Int32Array(1024);

  count(part: number): number {
    return part < this.counts.length ? (this.counts[part] as number) : 0;
  }

  add(part: number, id: number): void {
    if (part >= this.counts.length) {
      const c = new Int32Array(Math.max(part + 1, this.counts.length * 2));
      c.set(this.counts);
      this.counts = c;
    }
    const n = this.counts[part] as number;
    let list = this.lists[part];
    if (!list || n === list.length) {
      const grown = new Int32Array(list ? Math.ceil(list.length * 1.5) + 2 : 2);
      if (list) grown.set(list);
      list = grown;
      this.lists[part] = list;
    }
    list[n] = id;
    this.counts[part] = n + 1;
  }

  remove(part: number, id: number): void {
    const list = this.lists[part];
    const n = this.count(part);
    if (!list) return;
    const at = list.subarray(0, n).indexOf(id);
    if (at < 0) return;
    list[at] = list[n - 1] as number;
    this.counts[part] = n - 1;
  }

  forEach(part: number, visit: (id: number) => void): void {
    const list = this.lists[part];
    const n = this.count(part);
    if (!list) return;
    for (let k = 0; k < n; k++) visit(list[k] as number);
  }

  memoryBytes(): number {
    let bytes = this.counts.byteLength + this.lists.length * 8;
    for (const l of this.lists) if (l) bytes += l.byteLength + 64;
    return bytes;
  }
}
