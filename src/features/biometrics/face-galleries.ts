import { FaceIndex } from "../../search/faces/index.ts";
import { type TemplateVisibility, type Viewer, visibilityKey, visibleTo } from "./gallery-visibility.ts";

/*
 * Face templates in memory: one FaceIndex per template kind (model and dimension: templates of
 * different models are not comparable) and visibility rule, so that a search ranks only the
 * templates the searching country may see - a hidden person neither appears nor pushes a visible
 * one out of the list.
 */

export type FaceEntry = {
  templateId: string;
  recordId: string;
  format: string;
  vector: Float32Array;
  visibility: TemplateVisibility;
};
export type FaceScored = { templateId: string; recordId: string; score: number };

/** Up to this size a group answers by brute force (exact); above it, through the HNSW graph. */
const EXACT_UP_TO = 2000;
/**
 * HNSW search breadth: at 1,000,000 templates ef 256 is the first to reach rank-1 recall 0.99
 * against exact search (BENCHMARKS.md, faces at 1M); the default 64 gives 0.977. A candidate list
 * that a person reviews can afford the few milliseconds more.
 */
const SEARCH_EXPANSION = 256;

type Group = { key: string; kind: string; visibility: TemplateVisibility; index: FaceIndex };

export class FaceGalleries {
  private readonly groups = new Map<string, Group>();
  /** FaceIndex ids are numbers: each template gets one for as long as it is held. */
  private readonly numberOf = new Map<string, number>();
  private readonly byNumber: (FaceEntry | undefined)[] = [];
  private readonly groupOf = new Map<string, Group>();
  private readonly free: number[] = [];

  get size(): number {
    return this.numberOf.size;
  }

  put(e: FaceEntry): void {
    this.remove(e.templateId);
    const kind = `${e.format}/${e.vector.length}`;
    const key = `${kind} ${visibilityKey(e.visibility)}`;
    let g = this.groups.get(key);
    if (!g) {
      g = { key, kind, visibility: e.visibility, index: new FaceIndex({ dimensions: e.vector.length }) };
      this.groups.set(key, g);
    }
    const n = this.free.pop() ?? this.byNumber.length;
    g.index.add(n, e.vector);
    this.byNumber[n] = e;
    this.numberOf.set(e.templateId, n);
    this.groupOf.set(e.templateId, g);
  }

  remove(templateId: string): void {
    const n = this.numberOf.get(templateId);
    const g = this.groupOf.get(templateId);
    if (n === undefined || !g) return;
    g.index.remove(n);
    this.byNumber[n] = undefined;
    this.free.push(n);
    this.numberOf.delete(templateId);
    this.groupOf.delete(templateId);
    if (g.index.size === 0) this.groups.delete(g.key);
  }

  /** The best `limit` templates of this kind the viewer may see, most similar first. */
  search(format: string, vector: Float32Array, viewer: Viewer, limit: number): FaceScored[] {
    const kind = `${format}/${vector.length}`;
    const all: FaceScored[] = [];
    for (const g of this.groups.values()) {
      if (g.kind !== kind || !visibleTo(g.visibility, viewer)) continue;
      const found =
        g.index.size <= EXACT_UP_TO
          ? g.index.exactSearch(vector, limit)
          : g.index.search(vector, limit, { expansion: SEARCH_EXPANSION });
      for (const c of found) {
        const e = this.byNumber[c.id];
        if (e) all.push({ templateId: e.templateId, recordId: e.recordId, score: c.similarity });
      }
    }
    return all.sort((a, b) => b.score - a.score).slice(0, limit);
  }
}
