import { digest, normaliseDocumentNumber, ocrFold } from "./keys.ts";

/*
 * The in-memory side of the travel-document check: which OCR-folded numbers exist, and nothing else.
 * An open-addressing table of 64-bit digests (linear probing, interleaved halves for locality) costs
 * 8 bytes per slot, about 10 bytes per document at the 0.8 load it keeps, against the 16-byte budget
 * for 100 million documents. A lookup answers "no such number" - the answer for nearly every
 * traveller - without touching the database; the rare candidate is confirmed there (exact or
 * OCR-tolerant, issuing country, type, status and the owner's rules) through one indexed read.
 * Numbers repeat across countries and folded forms, so a digest may be held more than once: each
 * document adds one slot and removing it takes one away.
 */

const MAX_LOAD = 0.8;
const EMPTY = 0;

export class DocumentNumberTable {
  private slots: Uint32Array;
  private capacity: number;
  private count = 0;

  constructor(expected = 1024) {
    this.capacity = capacityFor(expected);
    this.slots = new Uint32Array(this.capacity * 2);
  }

  get size(): number {
    return this.count;
  }

  /** Bytes held by the table itself. */
  memoryBytes(): number {
    return this.slots.byteLength;
  }

  /** Makes room for `total` documents at once (one allocation instead of repeated growth). */
  reserve(total: number): void {
    if (total / this.capacity > MAX_LOAD) this.resize(capacityFor(total));
  }

  /** Adds one document's number (as entered or normalised). */
  add(number: string): void {
    const [hi, lo] = digest(ocrFold(normaliseDocumentNumber(number)));
    if ((this.count + 1) / this.capacity > MAX_LOAD) this.resize(Math.ceil(this.capacity * 1.5));
    this.insert(hi, lo);
    this.count++;
  }

  /** Removes one occurrence of a document's number; false when it was not held. */
  remove(number: string): boolean {
    const [hi, lo] = digest(ocrFold(normaliseDocumentNumber(number)));
    let i = this.home(hi);
    for (;;) {
      const h = this.slots[2 * i];
      const l = this.slots[2 * i + 1];
      if (l === EMPTY) return false;
      if (h === hi && l === lo) break;
      i = i + 1 === this.capacity ? 0 : i + 1;
    }
    this.backShift(i);
    this.count--;
    return true;
  }

  /** Whether any document's number folds to the same key as `number` (exactly or OCR-tolerantly). */
  mayHold(number: string): boolean {
    const folded = ocrFold(normaliseDocumentNumber(number));
    if (folded.length === 0) return false;
    const [hi, lo] = digest(folded);
    let i = this.home(hi);
    for (;;) {
      const l = this.slots[2 * i + 1];
      if (l === EMPTY) return false;
      if (l === lo && this.slots[2 * i] === hi) return true;
      i = i + 1 === this.capacity ? 0 : i + 1;
    }
  }

  /** The slot a digest starts probing from: a multiply-shift range reduction, no modulo bias. */
  private home(hi: number): number {
    return Math.floor((hi / 0x1_0000_0000) * this.capacity);
  }

  private insert(hi: number, lo: number): void {
    let i = this.home(hi);
    while (this.slots[2 * i + 1] !== EMPTY) i = i + 1 === this.capacity ? 0 : i + 1;
    this.slots[2 * i] = hi;
    this.slots[2 * i + 1] = lo;
  }

  /**
   * Deletion without tombstones: later entries of the same run move back into the gap when their
   * home slot allows it, so lookups never need to skip deleted slots and the load never creeps up.
   */
  private backShift(gap: number): void {
    let hole = gap;
    let j = gap;
    for (;;) {
      j = j + 1 === this.capacity ? 0 : j + 1;
      const lo = this.slots[2 * j + 1];
      if (lo === EMPTY) break;
      const hi = this.slots[2 * j] as number;
      const home = this.home(hi);
      // The entry at j may fill the hole only if its home is not cyclically within (hole, j].
      const between = hole <= j ? home > hole && home <= j : home > hole || home <= j;
      if (between) continue;
      this.slots[2 * hole] = hi;
      this.slots[2 * hole + 1] = lo as number;
      hole = j;
    }
    this.slots[2 * hole] = EMPTY;
    this.slots[2 * hole + 1] = EMPTY;
  }

  private resize(capacity: number): void {
    const old = this.slots;
    this.capacity = capacity;
    this.slots = new Uint32Array(capacity * 2);
    for (let i = 0; i < old.length; i += 2) {
      const lo = old[i + 1] as number;
      if (lo !== EMPTY) this.insert(old[i] as number, lo);
    }
  }
}

const capacityFor = (n: number): number => Math.max(16, Math.ceil(n / MAX_LOAD) + 1);
