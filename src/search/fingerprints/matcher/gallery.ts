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
  /**
   * The options below default to DEFAULT_GALLERY_OPTIONS' values when absent.
   * Keys with fewer set bits are not indexed (sparse keys say little and fill one bucket).
   */
  minKeyOnes?: number;
  /** Votes weighted by the bucket's rarity (log of twice the mean bucket size over its size). */
  idfWeights?: boolean;
  /** A template's vote total is divided by (its indexed keys) ^ voteNorm. */
  voteNorm?: number;
  /** Rotation bins of the votes (1: plain vote counts); see shortlistIndices. */
  rotationBins?: number;
};

export const DEFAULT_GALLERY_OPTIONS: GalleryOptions = {
  tables: 24,
  keyBits: 12,
  shortlist: 200,
  seed: 0x9e3779b9,
  minKeyOnes: 2,
  idfWeights: true,
  voteNorm: 0.6,
  rotationBins: 16,
};

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
  /** Per table, the template of each posting and the direction bin of its cylinder. */
  private readonly postings: Uint32Array[];
  private readonly postingBins: Uint8Array[];
  /** Per table, the vote weight of each bucket. */
  private readonly weights: Float32Array[];
  /** Per template, the divisor of its vote total. */
  private readonly norms: Float32Array;
  private readonly minKeyOnes: number;
  private readonly bins: number;
  /** size * bins accumulators: votes per template and rotation bin. */
  private readonly votes: Float32Array;
  private readonly touchedFlag: Uint8Array;

  constructor(
    entries: ReadonlyArray<GalleryEntry>,
    readonly options: GalleryOptions = DEFAULT_GALLERY_OPTIONS,
    private readonly params: MccParams = MCC_500_DPI,
  ) {
    this.size = entries.length;
    this.ids = entries.map((e) => e.id);
    this.templates = packTemplates(entries.map((e) => e.template));
    this.samples = sampleCells(params, options);
    this.minKeyOnes = options.minKeyOnes ?? (DEFAULT_GALLERY_OPTIONS.minKeyOnes as number);
    this.bins = Math.max(1, options.rotationBins ?? (DEFAULT_GALLERY_OPTIONS.rotationBins as number));
    this.votes = new Float32Array(this.size * this.bins);
    this.touchedFlag = new Uint8Array(this.size);
    const buckets = 2 ** options.keyBits;
    this.bucketStart = [];
    this.postings = [];
    this.postingBins = [];
    this.weights = [];
    const keysPerTemplate = new Uint32Array(this.size);
    for (const sample of this.samples) {
      const counts = new Uint32Array(buckets + 1);
      this.forEachKey(sample, (key, t) => {
        counts[key + 1] = (counts[key + 1] as number) + 1;
        keysPerTemplate[t] = (keysPerTemplate[t] as number) + 1;
      });
      let total = 0;
      for (let k = 1; k <= buckets; k++) total += counts[k] as number;
      const weight = new Float32Array(buckets);
      for (let k = 0; k < buckets; k++) {
        const size = counts[k + 1] as number;
        // Rarer buckets say more: log of (twice the mean bucket size over this one's), floored.
        weight[k] =
          (options.idfWeights ?? DEFAULT_GALLERY_OPTIONS.idfWeights)
            ? Math.max(0.1, Math.log((2 * total) / buckets / Math.max(1, size) + 1))
            : 1;
      }
      for (let k = 1; k <= buckets; k++) counts[k] = (counts[k] as number) + (counts[k - 1] as number);
      const fill = counts.slice(0, buckets);
      const list = new Uint32Array(counts[buckets] as number);
      const binList = new Uint8Array(list.length);
      this.forEachKey(sample, (key, t, c) => {
        const at = fill[key] as number;
        list[at] = t;
        binList[at] = this.angleBin((this.templates[t] as CylinderTemplate).angle[c] as number);
        fill[key] = at + 1;
      });
      this.bucketStart.push(counts);
      this.postings.push(list);
      this.postingBins.push(binList);
      this.weights.push(weight);
    }
    const exponent = options.voteNorm ?? (DEFAULT_GALLERY_OPTIONS.voteNorm as number);
    this.norms = Float32Array.from(keysPerTemplate, (k) => Math.max(1, k) ** exponent);
  }

  private angleBin(angle: number): number {
    const turn = angle / (2 * Math.PI);
    return Math.floor((turn - Math.floor(turn)) * this.bins) % this.bins;
  }

  private forEachKey(
    sample: Uint16Array,
    visit: (key: number, template: number, cylinder: number) => void,
  ): void {
    for (let t = 0; t < this.size; t++) {
      const tpl = this.templates[t] as CylinderTemplate;
      for (let c = 0; c < tpl.count; c++) {
        const key = cylinderKey(tpl, c, sample, this.params, this.minKeyOnes);
        if (key >= 0) visit(key, t, c);
      }
    }
  }

  /**
   * Gallery indices ranked by hashed votes, best first (the shortlist, before 1:1 scoring). Each
   * collision votes, weighted by its bucket's rarity, for its template at the rotation (difference
   * of the two cylinders' directions, in bins) it implies; a template's rank is its best pair of
   * adjacent rotation bins, divided by its key count ^ voteNorm. Chance collisions spread over all
   * rotations, a mate's pile up at one.
   */
  shortlistIndices(query: CylinderTemplate, length = this.options.shortlist): number[] {
    const bins = this.bins;
    const votes = this.votes;
    const flag = this.touchedFlag;
    const touched: number[] = [];
    for (let s = 0; s < this.samples.length; s++) {
      const sample = this.samples[s] as Uint16Array;
      const starts = this.bucketStart[s] as Uint32Array;
      const list = this.postings[s] as Uint32Array;
      const binList = this.postingBins[s] as Uint8Array;
      const weight = this.weights[s] as Float32Array;
      for (let c = 0; c < query.count; c++) {
        const key = cylinderKey(query, c, sample, this.params, this.minKeyOnes);
        if (key < 0) continue;
        const w = weight[key] as number;
        const qBin = bins - this.angleBin(query.angle[c] as number);
        const end = starts[key + 1] as number;
        for (let k = starts[key] as number; k < end; k++) {
          const t = list[k] as number;
          if (flag[t] === 0) {
            flag[t] = 1;
            touched.push(t);
          }
          const at = t * bins + (((binList[k] as number) + qBin) % bins);
          votes[at] = (votes[at] as number) + w;
        }
      }
    }
    const rank = new Float32Array(touched.length);
    for (let i = 0; i < touched.length; i++) {
      const t = touched[i] as number;
      const base = t * bins;
      let best = 0;
      if (bins === 1) best = votes[base] as number;
      else
        for (let b = 0; b < bins; b++) {
          const v = (votes[base + b] as number) + (votes[base + ((b + 1) % bins)] as number);
          if (v > best) best = v;
        }
      rank[i] = best / (this.norms[t] as number);
      votes.fill(0, base, base + bins);
      flag[t] = 0;
    }
    const order = Array.from(touched.keys()).sort((x, y) => (rank[y] as number) - (rank[x] as number));
    return order.slice(0, length).map((i) => touched[i] as number);
  }

  /** The id of the template at a gallery index (as returned by shortlistIndices). */
  idAt(index: number): string | undefined {
    return this.ids[index];
  }

  /** The templates most similar to the query, best first, scored by the 1:1 matcher. */
  search(query: CylinderTemplate, limit = 10, minScore = 0): Candidate[] {
    const scored: Candidate[] = [];
    for (const t of this.shortlistIndices(query)) {
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
    for (const p of this.postingBins) bytes += p.byteLength;
    bytes += this.votes.byteLength + this.norms.byteLength;
    for (const b of this.bucketStart) bytes += b.byteLength;
    return bytes;
  }
}

/** The key of cylinder c under one hash table, or -1 when a sampled cell is invalid or the key too sparse. */
function cylinderKey(
  t: CylinderTemplate,
  c: number,
  sample: Uint16Array,
  p: MccParams,
  minOnes: number,
): number {
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
  return ones >= minOnes ? key >>> 0 : -1;
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
