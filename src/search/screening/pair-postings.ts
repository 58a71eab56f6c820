import { Postings } from "./postings.ts";

/*
 * Postings of pairs of common name parts. In a large index the common parts (Mohammed, Ahmed,
 * Ivanov: thousands of persons each) are what makes a query slow when their postings are walked
 * one by one, while the persons a query needs are those agreeing on at least two of its parts.
 * So every person is also filed under each pair of its common parts: a query of two common names
 * reads the few persons holding both, not the tens of thousands holding either.
 *
 * A part becomes common when its postings reach COMMON_POSTINGS, and stays common (removals do
 * not demote it, so the invariant never has to be rebuilt). Invariant: for every person and every
 * two distinct common parts it holds, the person is in that pair's list. When a part turns
 * common, the persons already holding it are filed under its pairs then.
 */

/** Postings at which a part is common (its postings are then read through pairs). */
export const COMMON_POSTINGS = 64;

export class PairPostings {
  private common = new Uint8Array(1024);
  private readonly postings = new Postings();
  /* Open-addressing hash of (smaller part, larger part) -> list number, in typed arrays: a Map
   * of millions of pairs would box each key and lengthen every full garbage collection. */
  private keysA = new Int32Array(1 << 12).fill(-1);
  private keysB = new Int32Array(1 << 12);
  private values = new Int32Array(1 << 12);
  private pairCount = 0;

  private slot(a: number, b: number): number {
    const mask = this.keysA.length - 1;
    let h = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) & mask;
    while (this.keysA[h] !== -1 && (this.keysA[h] !== a || this.keysB[h] !== b)) h = (h + 1) & mask;
    return h;
  }

  private listOf(a: number, b: number, create: boolean): number {
    const lo = a < b ? a : b;
    const hi = a < b ? b : a;
    let h = this.slot(lo, hi);
    if (this.keysA[h] !== -1) return this.values[h] as number;
    if (!create) return -1;
    if ((this.pairCount + 1) * 2 > this.keysA.length) {
      this.rehash();
      h = this.slot(lo, hi);
    }
    this.keysA[h] = lo;
    this.keysB[h] = hi;
    this.values[h] = this.pairCount;
    return this.pairCount++;
  }

  private rehash() {
    const [a, b, v] = [this.keysA, this.keysB, this.values];
    this.keysA = new Int32Array(a.length * 2).fill(-1);
    this.keysB = new Int32Array(a.length * 2);
    this.values = new Int32Array(a.length * 2);
    for (let k = 0; k < a.length; k++)
      if (a[k] !== -1) {
        const h = this.slot(a[k] as number, b[k] as number);
        this.keysA[h] = a[k] as number;
        this.keysB[h] = b[k] as number;
        this.values[h] = v[k] as number;
      }
  }

  isCommon(part: number): boolean {
    return part < this.common.length && this.common[part] === 1;
  }

  markCommon(part: number): void {
    if (part >= this.common.length) {
      const c = new Uint8Array(Math.max(part + 1, this.common.length * 2));
      c.set(this.common);
      this.common = c;
    }
    this.common[part] = 1;
  }

  add(a: number, b: number, id: number): void {
    this.postings.add(this.listOf(a, b, true), id);
  }

  remove(a: number, b: number, id: number): void {
    const list = this.listOf(a, b, false);
    if (list >= 0) this.postings.remove(list, id);
  }

  /** The list number of a pair (for `count`, `start`, `pool`), or -1. */
  list(a: number, b: number): number {
    return this.listOf(a, b, false);
  }

  count(list: number): number {
    return this.postings.count(list);
  }

  start(list: number): number {
    return this.postings.start(list);
  }

  get pool(): Int32Array {
    return this.postings.pool;
  }

  /** Distinct pairs filed. */
  get size(): number {
    return this.pairCount;
  }

  memoryBytes(): number {
    return this.postings.memoryBytes() + this.common.byteLength + this.keysA.byteLength * 3;
  }
}
