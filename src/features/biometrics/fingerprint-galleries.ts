import {
  type CylinderTemplate,
  compareTemplates,
  FingerprintGallery,
} from "../../search/fingerprints/matcher/index.ts";
import { type TemplateVisibility, type Viewer, visibilityKey, visibleTo } from "./gallery-visibility.ts";

/*
 * Fingerprint templates in memory, one gallery per visibility rule: a search ranks only the groups
 * the searching country may see, so a hidden person can neither appear nor push a visible one out
 * of the list (nor out of a gallery's shortlist). A FingerprintGallery is built once; templates
 * enrolled since are scored one by one beside it and retracted ones skipped, until enough changed
 * to rebuild it. A template with several views (fingers) scores as its best view.
 */

export type FingerprintEntry = {
  templateId: string;
  recordId: string;
  views: CylinderTemplate[];
  visibility: TemplateVisibility;
};
export type Scored = { templateId: string; recordId: string; score: number };

/** Below this a group is scored exhaustively (the gallery's shortlist is 200 anyway). */
const EXHAUSTIVE_UP_TO = 256;

const viewId = (templateId: string, view: number) => `${templateId}#${view}`;
const templateOf = (entryId: string) => entryId.slice(0, entryId.lastIndexOf("#"));

class Group {
  readonly entries = new Map<string, FingerprintEntry>();
  private gallery: FingerprintGallery | null = null;
  private inGallery = new Set<string>();
  /** Templates added since the gallery was built, and templates removed from it. */
  private fresh = new Set<string>();
  private gone = new Set<string>();

  constructor(readonly visibility: TemplateVisibility) {}

  put(e: FingerprintEntry): void {
    this.entries.set(e.templateId, e);
    this.gone.delete(e.templateId);
    if (!this.inGallery.has(e.templateId)) this.fresh.add(e.templateId);
  }

  remove(templateId: string): void {
    this.entries.delete(templateId);
    this.fresh.delete(templateId);
    if (this.inGallery.has(templateId)) this.gone.add(templateId);
  }

  search(probe: readonly CylinderTemplate[], limit: number): Scored[] {
    const best = new Map<string, number>();
    const keep = (templateId: string, score: number) => {
      if (score > (best.get(templateId) ?? -1)) best.set(templateId, score);
    };
    if (this.entries.size <= EXHAUSTIVE_UP_TO) {
      for (const e of this.entries.values())
        for (const q of probe) for (const v of e.views) keep(e.templateId, compareTemplates(q, v));
    } else {
      if (
        this.gallery === null ||
        this.fresh.size + this.gone.size > Math.max(EXHAUSTIVE_UP_TO, this.entries.size / 10)
      )
        this.rebuild();
      const gallery = this.gallery as FingerprintGallery;
      // Removed templates may take places in the gallery's answer: ask for that many more.
      for (const q of probe)
        for (const c of gallery.search(q, limit * 2 + this.gone.size)) {
          const id = templateOf(c.id);
          if (!this.gone.has(id)) keep(id, c.score);
        }
      for (const id of this.fresh) {
        const e = this.entries.get(id) as FingerprintEntry;
        for (const q of probe) for (const v of e.views) keep(id, compareTemplates(q, v));
      }
    }
    return [...best].map(([templateId, score]) => ({
      templateId,
      recordId: (this.entries.get(templateId) as FingerprintEntry).recordId,
      score,
    }));
  }

  private rebuild(): void {
    const list = [...this.entries.values()];
    this.gallery = new FingerprintGallery(
      list.flatMap((e) => e.views.map((template, i) => ({ id: viewId(e.templateId, i), template }))),
    );
    this.inGallery = new Set(list.map((e) => e.templateId));
    this.fresh.clear();
    this.gone.clear();
  }
}

export class FingerprintGalleries {
  private readonly groups = new Map<string, Group>();
  private readonly groupOf = new Map<string, Group>();

  get size(): number {
    return this.groupOf.size;
  }

  put(e: FingerprintEntry): void {
    this.remove(e.templateId);
    const key = visibilityKey(e.visibility);
    let g = this.groups.get(key);
    if (!g) {
      g = new Group(e.visibility);
      this.groups.set(key, g);
    }
    g.put(e);
    this.groupOf.set(e.templateId, g);
  }

  remove(templateId: string): void {
    const g = this.groupOf.get(templateId);
    if (!g) return;
    g.remove(templateId);
    this.groupOf.delete(templateId);
    if (g.entries.size === 0) this.groups.delete(visibilityKey(g.visibility));
  }

  /** The best `limit` templates the viewer may see, best first. */
  search(probe: readonly CylinderTemplate[], viewer: Viewer, limit: number): Scored[] {
    const all: Scored[] = [];
    for (const g of this.groups.values())
      if (visibleTo(g.visibility, viewer)) all.push(...g.search(probe, limit));
    return all.sort((a, b) => b.score - a.score).slice(0, limit);
  }
}
