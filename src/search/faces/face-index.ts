import { Index, MetricKind, ScalarKind } from "usearch";
import { InvalidTemplateError, TemplateDimensionError } from "./errors.ts";
import { ExactStore } from "./exact-store.ts";
import { normaliseTemplate, type TemplateInput } from "./vectors.ts";

/**
 * 1:N face search: an HNSW graph (usearch, native code shipped prebuilt in the npm package) over
 * unit-length templates with cosine distance, plus an optional exact copy for brute-force search.
 * Ids are the caller's template numbers (non-negative safe integers); the caller maps them to persons.
 */
export type FaceIndexOptions = {
  /** Template length: 1024 for the shipped extractor; a capture system's templates may differ. */
  dimensions: number;
  /** HNSW M: links per node and layer (usearch "connectivity"). */
  connectivity?: number;
  /** HNSW efConstruction: candidate list size while inserting. */
  expansionAdd?: number;
  /** HNSW ef: candidate list size while searching; raise it for recall, lower it for speed. */
  expansionSearch?: number;
  /** How the graph stores vectors: f32 (exact), f16 (half the memory) or i8 (a quarter). */
  quantization?: "f32" | "f16" | "i8";
  /** Keep a float copy of every template for exactSearch (default true). */
  exactCopy?: boolean;
};

export type SearchOptions = {
  /** HNSW ef for this search (candidate list size); above the index's expansionSearch to raise recall. */
  expansion?: number;
};

export type FaceCandidate = {
  id: number;
  /** Cosine similarity, -1..1: 1 is the same direction. */
  similarity: number;
};

export const DEFAULT_HNSW = { connectivity: 16, expansionAdd: 128, expansionSearch: 64 } as const;

const SCALARS = { f32: ScalarKind.F32, f16: ScalarKind.F16, i8: ScalarKind.I8 } as const;
const SCALAR_BYTES = { f32: 4, f16: 2, i8: 1 } as const;

export class FaceIndex {
  readonly dimensions: number;
  readonly connectivity: number;
  readonly expansionSearch: number;
  readonly quantization: "f32" | "f16" | "i8";
  private readonly hnsw: Index;
  private readonly exact: ExactStore | undefined;
  private readonly ids = new Set<number>();

  constructor(options: FaceIndexOptions) {
    const { dimensions } = options;
    if (!Number.isInteger(dimensions) || dimensions < 2 || dimensions > 8192)
      throw new RangeError(`dimensions must be an integer from 2 to 8192, not ${dimensions}`);
    this.dimensions = dimensions;
    this.connectivity = options.connectivity ?? DEFAULT_HNSW.connectivity;
    this.expansionSearch = options.expansionSearch ?? DEFAULT_HNSW.expansionSearch;
    this.quantization = options.quantization ?? "f32";
    this.hnsw = new Index({
      dimensions,
      metric: MetricKind.Cos,
      quantization: SCALARS[this.quantization],
      connectivity: this.connectivity,
      expansion_add: options.expansionAdd ?? DEFAULT_HNSW.expansionAdd,
      expansion_search: this.expansionSearch,
      multi: false,
    });
    this.exact = options.exactCopy === false ? undefined : new ExactStore(dimensions);
  }

  get size(): number {
    return this.ids.size;
  }

  has(id: number): boolean {
    return this.ids.has(id);
  }

  /** Adds a template under id; an id already present has its template replaced. */
  add(id: number, template: TemplateInput): void {
    checkId(id);
    const unit = normaliseTemplate(template, this.dimensions);
    if (this.ids.has(id)) this.hnsw.remove(BigInt(id));
    this.hnsw.add(BigInt(id), unit);
    this.exact?.set(id, unit);
    this.ids.add(id);
  }

  /**
   * Bulk load: `templates` holds ids.length templates back to back. Inserted into the graph on
   * `threads` native threads (0: all cores). Ids must be new.
   */
  addBatch(ids: readonly number[], templates: Float32Array, threads = 0): void {
    const d = this.dimensions;
    if (templates.length !== ids.length * d)
      throw new TemplateDimensionError(
        d,
        ids.length === 0 ? templates.length : templates.length / ids.length,
      );
    const keys = new BigUint64Array(ids.length);
    const units = new Float32Array(templates.length);
    ids.forEach((id, row) => {
      checkId(id);
      if (this.ids.has(id)) throw new InvalidTemplateError(`id ${id} is already in the index`);
      const unit = normaliseTemplate(templates.subarray(row * d, row * d + d), d);
      units.set(unit, row * d);
      keys[row] = BigInt(id);
      this.exact?.set(id, unit);
    });
    this.hnsw.add(keys, units, threads);
    for (const id of ids) this.ids.add(id);
  }

  remove(id: number): boolean {
    if (!this.ids.delete(id)) return false;
    this.hnsw.remove(BigInt(id));
    this.exact?.delete(id);
    return true;
  }

  /**
   * The k approximate nearest templates through the HNSW graph, most similar first.
   * `expansion` raises ef for this search only (never below the index's expansionSearch): usearch
   * walks the graph with a candidate list of max(ef, k), so asking it for `expansion` results and
   * keeping the best k is a search at that ef, without rebuilding the index.
   */
  search(template: TemplateInput, k: number, options: SearchOptions = {}): FaceCandidate[] {
    checkK(k);
    const unit = normaliseTemplate(template, this.dimensions);
    if (this.ids.size === 0) return [];
    const { expansion } = options;
    if (expansion !== undefined && (!Number.isInteger(expansion) || expansion < 1))
      throw new RangeError(`expansion must be a positive integer, not ${expansion}`);
    const wanted = Math.min(Math.max(k, expansion ?? 0), this.ids.size);
    const found = this.hnsw.search(unit, wanted, 1);
    // With quantised vectors the graph's order of near-equal candidates is approximate: every
    // candidate it found is re-scored against the float copy, so rank 1 and the similarities
    // are exact for the candidates found (about 0.1 ms for 128 candidates of 512 values).
    const rescore = this.quantization !== "f32" && this.exact !== undefined;
    const out: FaceCandidate[] = [];
    for (let i = 0; i < found.keys.length && (rescore || out.length < k); i++) {
      const id = Number(found.keys[i]);
      // usearch pads a short answer; only keys that are still in the index count.
      if (!this.ids.has(id)) continue;
      const similarity = rescore
        ? (this.exact?.similarity(id, unit) as number)
        : 1 - (found.distances[i] as number);
      out.push({ id, similarity });
    }
    if (rescore) {
      out.sort((a, b) => b.similarity - a.similarity);
      out.length = Math.min(out.length, k);
    }
    return out;
  }

  /** The k nearest templates by brute force over the exact copy: the ground truth for search(). */
  exactSearch(template: TemplateInput, k: number): FaceCandidate[] {
    checkK(k);
    if (!this.exact) throw new Error("this FaceIndex was built without an exact copy (exactCopy: false)");
    return this.exact.search(normaliseTemplate(template, this.dimensions), k);
  }

  /**
   * Estimated bytes per template: the graph's vector in its quantisation, the level-0 links (2M
   * 4-byte slots and a count), the expected upper-level links (1/(M-1) levels of M slots), key and
   * bookkeeping; plus the float copy for exact search. The benchmark measures the real figure.
   */
  memoryPerTemplate(): { hnswBytes: number; exactCopyBytes: number; totalBytes: number } {
    const m = this.connectivity;
    const vector = this.dimensions * SCALAR_BYTES[this.quantization];
    const links = 4 + 2 * m * 4 + (4 + m * 4) / (m - 1);
    const hnswBytes = Math.round(vector + links + 8 + 8 + 2);
    const exactCopyBytes = this.exact ? this.dimensions * 4 : 0;
    return { hnswBytes, exactCopyBytes, totalBytes: hnswBytes + exactCopyBytes };
  }
}

function checkId(id: number): void {
  if (!Number.isSafeInteger(id) || id < 0)
    throw new RangeError(`a face template id must be a non-negative safe integer, not ${id}`);
}

function checkK(k: number): void {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, not ${k}`);
}
