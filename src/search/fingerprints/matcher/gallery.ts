import { compareTemplates } from "./compare.ts";
import { type CylinderTemplate, maskWordsPerCylinder, wordsPerCylinder } from "./cylinders.ts";
import { MCC_500_DPI, type MccParams } from "./params.ts";

export type GalleryEntry = { id: string; template: CylinderTemplate };
export type Candidate = { id: string; score: number };

export type GalleryOptions = {
  /** Hash tables; each keys a cylinder by `keyBits` sampled cells (locality-sensitive hashing). */
  tables: number;
  keyBits: number;
  /** Templates with the most colliding cylinders re-scored by the full matcher. */
  shortlist: number;
  seed: number;
};

export const DEFAULT_GALLERY_OPTIONS: GalleryOptions = {
  tables: 16,
  keyBits: 12,
  shortlist: 200,
  seed: 0x9e3779b9,
};

/** Keys with fewer set bits say little (most cylinders are sparse) and would fill one huge bucket. */
const MIN_KEY_ONES = 3;

/**
 * An in-memory 1:N gallery. Two stages, after the MCC indexing idea (Cappelli, Ferrara, Maltoni,
 * TPAMI 2011): bit cylinders are hashed by sampled cells into a few tables, a query's cylinders vote
 * for the templates they collide with, and the best-voted shortlist is scored by the full 1:1
 * matcher. Everything lives in flat typed arrays: cylinder words and minutiae of all templates
 * back to back, and one CSR posting list per table. Built once (a node rebuilds from the database).
 */
export class FingerprintGallery {
  readonly size: number;
  private readonly ids: string[];
  private readonly templates: CylinderTemplate[];
  private readonly samples: Uint16Array[];
  private readonly bucketStart: Uint32Array[];
  private readonly postings: Uint32Array[];
  private readonly votes: Uint16Array;

  constructor(
    entries: ReadonlyArray<GalleryEntry>,
    readonly options: GalleryOptions = DEFAULT_GALLERY_OPTIONS,
    private readonly params: MccParams = MCC_500_DPI,
  ) {
    this.size = entries.length;
    this.ids = entries.map((e) => e.id);
    this.templates = packTemplates(entries.map((e) => e.template));
    this.samples = sampleCells(params, options);
    this.votes = new Uint16Array(this.size);
    const buckets = 2 ** options.keyBits;
    this.bucketStart = [];
    this.postings = [];
    for (const sample of this.samples) {
      const counts = new Uint32Array(buckets + 1);
      this.forEachKey(sample, (key) => {
        counts[key + 1] = (counts[key + 1] as number) + 1;
      });
      for (let k = 1; k <= buckets; k++) counts[k] = (counts[k] as number) + (counts[k - 1] as number);
      const fill = counts.slice(0, buckets);
      const list = new Uint32Array(counts[buckets] as number);
      this.forEachKey(sample, (key, t) => {
        list[fill[key] as number] = t;
        fill[key] = (fill[key] as number) + 1;
      });
      this.bucketStart.push(counts);
      this.postings.push(list);
    }
  }

  private forEachKey(sample: Uint16Array, visit: (key: number, template: number) => void): void {
    for (let t = 0; t < this.size; t++) {
      const tpl = this.templates[t] as CylinderTemplate;
      for (let c = 0; c < tpl.count; c++) {
        const key = cylinderKey(tpl, c, sample, this.params);
        if (key >= 0) visit(key, t);
      }
    }
  }

  /** The templates most similar to the query, best first, scored by the 1:1 matcher. */
  search(query: CylinderTemplate, limit = 10, minScore = 0): Candidate[] {
    const votes = this.votes;
    const touched: number[] = [];
    for (let s = 0; s < this.samples.length; s++) {
      const sample = this.samples[s] as Uint16Array;
      const starts = this.bucketStart[s] as Uint32Array;
      const list = this.postings[s] as Uint32Array;
      for (let c = 0; c < query.count; c++) {
        const key = cylinderKey(query, c, sample, this.params);
        if (key < 0) continue;
        const end = starts[key + 1] as number;
        for (let k = starts[key] as number; k < end; k++) {
          const t = list[k] as number;
          if (votes[t] === 0) touched.push(t);
          if ((votes[t] as number) < 65535) votes[t] = (votes[t] as number) + 1;
        }
      }
    }
    touched.sort((x, y) => (votes[y] as number) - (votes[x] as number));
    const shortlist = touched.slice(0, this.options.shortlist);
    for (const t of touched) votes[t] = 0;
    const scored: Candidate[] = [];
    for (const t of shortlist) {
      const score = compareTemplates(query, this.templates[t] as CylinderTemplate);
      if (score >= minScore) scored.push({ id: this.ids[t] as string, score });
    }
    return scored.sort((x, y) => y.score - x.score).slice(0, limit);
  }

  /** Exhaustive 1:N (every template scored): the reference the shortlist is measured against. */
  searchExhaustive(query: CylinderTemplate, limit = 10, minScore = 0): Candidate[] {
    const scored: Candidate[] = [];
    for (let t = 0; t < this.size; t++) {
      const score = compareTemplates(query, this.templates[t] as CylinderTemplate);
      if (score >= minScore) scored.push({ id: this.ids[t] as string, score });
    }
    return scored.sort((x, y) => y.score - x.score).slice(0, limit);
  }

  /** Bytes held in typed arrays (cylinders, minutiae, postings). */
  memoryBytes(): number {
    let bytes = 0;
    const first = this.templates[0];
    if (first)
      bytes += first.bits.buffer.byteLength + first.mask.buffer.byteLength + 3 * first.x.buffer.byteLength;
    for (const p of this.postings) bytes += p.byteLength;
    for (const b of this.bucketStart) bytes += b.byteLength;
    return bytes;
  }
}

/** The key of cylinder c under one hash table, or -1 when a sampled cell is invalid or the key too sparse. */
function cylinderKey(t: CylinderTemplate, c: number, sample: Uint16Array, p: MccParams): number {
  const words = wordsPerCylinder(p);
  const maskWords = maskWordsPerCylinder(p);
  const layerCells = p.spatialCells * p.spatialCells;
  let key = 0;
  let ones = 0;
  for (let s = 0; s < sample.length; s++) {
    const bit = sample[s] as number;
    const cell = bit % layerCells;
    if ((((t.mask[c * maskWords + (cell >>> 5)] as number) >>> (cell & 31)) & 1) === 0) return -1;
    const on = ((t.bits[c * words + (bit >>> 5)] as number) >>> (bit & 31)) & 1;
    key = (key << 1) | on;
    ones += on;
  }
  return ones >= MIN_KEY_ONES ? key >>> 0 : -1;
}

/** Cells sampled per table, from the inner part of the cylinder where cells are nearly always valid. */
function sampleCells(p: MccParams, o: GalleryOptions): Uint16Array[] {
  const ns = p.spatialCells;
  const inner: number[] = [];
  for (let i = 0; i < ns; i++)
    for (let j = 0; j < ns; j++) {
      const u = i - (ns - 1) / 2;
      const v = j - (ns - 1) / 2;
      if (u * u + v * v <= (0.6 * ns * 0.5) ** 2)
        for (let k = 0; k < p.directionCells; k++) inner.push(k * ns * ns + i * ns + j);
    }
  let state = o.seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  return Array.from({ length: o.tables }, () => {
    const pool = inner.slice();
    const picked = new Uint16Array(o.keyBits);
    for (let b = 0; b < o.keyBits; b++) {
      const at = Math.floor(next() * pool.length);
      picked[b] = pool[at] as number;
      pool.splice(at, 1);
    }
    return picked;
  });
}

/** Copies every template into shared typed arrays; the returned templates are views into them. */
function packTemplates(list: ReadonlyArray<CylinderTemplate>): CylinderTemplate[] {
  let cylinders = 0;
  let bitWords = 0;
  let maskWords = 0;
  for (const t of list) {
    cylinders += t.count;
    bitWords += t.bits.length;
    maskWords += t.mask.length;
  }
  const bits = new Uint32Array(bitWords);
  const mask = new Uint32Array(maskWords);
  const xs = new Float32Array(cylinders);
  const ys = new Float32Array(cylinders);
  const angles = new Float32Array(cylinders);
  let c = 0;
  let b = 0;
  let m = 0;
  return list.map((t) => {
    bits.set(t.bits, b);
    mask.set(t.mask, m);
    xs.set(t.x, c);
    ys.set(t.y, c);
    angles.set(t.angle, c);
    const view: CylinderTemplate = {
      count: t.count,
      minutiaCount: t.minutiaCount,
      x: xs.subarray(c, c + t.count),
      y: ys.subarray(c, c + t.count),
      angle: angles.subarray(c, c + t.count),
      bits: bits.subarray(b, b + t.bits.length),
      mask: mask.subarray(m, m + t.mask.length),
      params: t.params,
    };
    c += t.count;
    b += t.bits.length;
    m += t.mask.length;
    return view;
  });
}
